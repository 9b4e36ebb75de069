//! Breaks of the decision invariants (contracts section 2) that a file's rules would cause,
//! found by running the real engine over generated cases: every case of up to two
//! concern classes first (so the first break found is among the smallest), then seeded
//! random ones. Each break is shrunk to the smallest case that still shows it and blamed
//! on the rule that causes it.
//!
//! Validation and the engine already guard most invariants whatever a file says; these
//! searches confirm that, and catch what only a file can break: a `not` that makes adding
//! a concern lower the pathway (invariant 2), or no rule for refused consent (invariant 4).

use super::report::{Finding, Kind, Report, Severity};
use super::{Ctx, INVARIANTS_SEED};
use crate::authoring::space::{Probe, Tables};
use crate::engine::case::{Audience, Case, Consent};
use crate::engine::decision::Decision;
use crate::engine::evaluate;
use crate::vocabulary::Pathway;
use std::collections::BTreeSet;

const MAX_BASES: usize = 6_000;
const RANDOM: usize = 1_500;
/// Decision JSON is slow to write, so determinism is checked on every n-th case only.
const DETERMINISM_EVERY: usize = 9;
/// The action invariant 4 (docs/contracts.md) requires when consent to family help is refused.
const CONSULTATION_ACTION: &str = "consultation_line";
/// The contact invariant 9 (docs/contracts.md) requires on every child protection and emergency decision.
use crate::guidance::contact_keys::OUT_OF_HOURS;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Invariant {
    ImmediateDanger,
    Monotone,
    Strengths,
    Consent,
    Reasons,
    Deterministic,
    Audience,
    UnsafeAction,
    OutOfHours,
}

impl Invariant {
    const ALL: [Invariant; 9] = [
        Invariant::ImmediateDanger,
        Invariant::Monotone,
        Invariant::Strengths,
        Invariant::Consent,
        Invariant::Reasons,
        Invariant::Deterministic,
        Invariant::Audience,
        Invariant::UnsafeAction,
        Invariant::OutOfHours,
    ];

    fn statement(self) -> &'static str {
        match self {
            Invariant::ImmediateDanger => "invariant 1: a child in immediate danger always gets emergency",
            Invariant::Monotone => "invariant 2: adding a concern never lowers the pathway",
            Invariant::Strengths => "invariants 3 and 7: strengths never lower macpt_referral or emergency; they lower family_help to signpost only when no level-3 or level-4 concern is present, consent was not refused or unsafe to ask, and no more level-2 concerns are present than settings.strengths_lower_at_most; and they never take away a consultation or a duty action",
            Invariant::Consent => "invariant 4: consent never changes whether the section 47 threshold is met, never lowers the pathway, and refused consent to family help keeps family_help, advises consultation and adds the consultation line action",
            Invariant::Reasons => "invariant 5: every decision carries a reason naming the rule and the concerns behind it",
            Invariant::Deterministic => "invariant 6: the same file and case always give byte-identical decision JSON",
            Invariant::Audience => "the audience rule: who is asking changes wording and actions, never the pathway or level",
            Invariant::UnsafeAction => "invariant 8: an action marked unsafe with a flag (never_with_flags) never appears in a decision whose concerns carry that flag",
            Invariant::OutOfHours => "invariant 9: every macpt_referral and emergency decision names the out-of-hours route",
        }
    }
}

struct Checker<'c, 'g> {
    ctx: &'c Ctx<'g>,
    rule_ids: BTreeSet<String>,
}

pub(super) fn check(ctx: &Ctx, report: &mut Report) {
    let file = ctx.g.file();
    let mut rule_ids = BTreeSet::new();
    for r in &file.rules.pathway {
        rule_ids.insert(r.id.clone());
        rule_ids.insert(format!("{}.lowered_by_strengths", r.id));
    }
    rule_ids.extend(file.rules.escalation.iter().map(|r| r.id.clone()));
    rule_ids.extend(file.rules.actions.iter().map(|r| r.id.clone()));
    let c = Checker { ctx, rule_ids };

    let mut bases = ctx.space.small(2, Tables::Decision, MAX_BASES);
    bases.extend(ctx.space.random(INVARIANTS_SEED, RANDOM));
    report.cases_tried += bases.len();

    let mut found: Vec<Invariant> = Vec::new();
    for (n, base) in bases.iter().enumerate() {
        if found.len() == Invariant::ALL.len() {
            break;
        }
        for inv in Invariant::ALL {
            if found.contains(&inv) {
                continue;
            }
            if inv == Invariant::Deterministic && n % DETERMINISM_EVERY != 0 {
                continue;
            }
            if let Some(f) = c.try_invariant(inv, base) {
                found.push(inv);
                report.push(f);
            }
        }
    }
}

impl Checker<'_, '_> {
    fn decide(&self, p: &Probe) -> Option<Decision> {
        evaluate(self.ctx.g, &p.to_case(self.ctx.g)).ok()
    }

    /// The pathway, as searches see it: from the engine's routing steps alone (no reasons).
    fn pathway(&self, p: &Probe) -> Option<Pathway> {
        Some(p.outcome(self.ctx.g).0)
    }

    /// The pathway from the real engine: every finding is confirmed with this.
    fn engine_pathway(&self, p: &Probe) -> Option<Pathway> {
        self.decide(p).map(|d| d.pathway)
    }

    fn finding(
        &self,
        inv: Invariant,
        path: String,
        what: String,
        p: &Probe,
        outcome: String,
    ) -> Finding {
        Finding::new(
            Severity::Error,
            Kind::InvariantBreak,
            path,
            format!(
                "The rules break {} (docs/contracts.md, section 2). {what}",
                inv.statement()
            ),
        )
        .with_example(Some(self.ctx.example(p, outcome)))
    }

    /// A finding if `base` (or a small change of it) breaks `inv`, shown on the smallest
    /// case that still does.
    fn try_invariant(&self, inv: Invariant, base: &Probe) -> Option<Finding> {
        match inv {
            Invariant::ImmediateDanger => self.immediate_danger(base),
            Invariant::Monotone => self.monotone(base),
            Invariant::Strengths => self
                .strengths(base)
                .or_else(|| self.strengths_keep_duties(base)),
            Invariant::Consent => self.consent(base),
            Invariant::Reasons => self.reasons(base),
            Invariant::Deterministic => self.deterministic(base),
            Invariant::Audience => self.audience(base),
            Invariant::UnsafeAction => self.unsafe_action(base),
            Invariant::OutOfHours => self.out_of_hours(base),
        }
    }

    fn immediate_danger(&self, base: &Probe) -> Option<Finding> {
        let broken = |q: &Probe| {
            q.immediate_danger && self.pathway(q).is_some_and(|p| p != Pathway::Emergency)
        };
        let q = Probe {
            immediate_danger: true,
            ..base.clone()
        };
        if !broken(&q) {
            return None;
        }
        let q = self.ctx.space.shrink(q, broken);
        let got = self
            .engine_pathway(&q)
            .filter(|&p| p != Pathway::Emergency)?;
        Some(
            self.finding(
                Invariant::ImmediateDanger,
                "$.rules.pathway[0]".into(),
                "Keep the first pathway rule as: when \"immediate_danger\", pathway \"emergency\"."
                    .into(),
                &q,
                format!("It gets {got}, not emergency."),
            ),
        )
    }

    fn monotone(&self, base: &Probe) -> Option<Finding> {
        let before = self.pathway(base)?;
        if before == Pathway::Signpost {
            return None; // nothing is lower
        }
        let added = self
            .ctx
            .space
            .representatives(&base.concerns)
            .into_iter()
            .filter(|&c| base.fits_concern(self.ctx.g, c))
            .find(|&c| {
                self.pathway(&base.with_concern(c))
                    .is_some_and(|p| p < before)
            })?;
        let lowers = |q: &Probe| {
            !q.concerns.contains(&added)
                && match (self.pathway(q), self.pathway(&q.with_concern(added))) {
                    (Some(a), Some(b)) => b < a,
                    _ => false,
                }
        };
        let q = self.ctx.space.shrink(base.clone(), lowers);
        let more = q.with_concern(added);
        let (d0, d1) = (self.decide(&q)?, self.decide(&more)?);
        if d1.pathway >= d0.pathway {
            return None;
        }
        let code = &self.ctx.g.file().concerns[added as usize].code;
        let (path, why) = self.blame_monotone(&q, &more, code);
        Some(self.finding(
            Invariant::Monotone,
            path,
            why,
            &q,
            format!(
                "It gets {}; with {code} added it gets {}.",
                self.decided_by(&d0),
                self.decided_by(&d1)
            ),
        ))
    }

    /// "family_help (rule 'default', raised by escalation rule 'x')".
    fn decided_by(&self, d: &Decision) -> String {
        let file = self.ctx.g.file();
        let first = d.reasons.first().map(|r| r.rule.as_str()).unwrap_or("?");
        let mut s = format!("{} (rule '{first}'", d.pathway);
        if d.reasons
            .iter()
            .any(|r| r.rule.ends_with(".lowered_by_strengths"))
        {
            s.push_str(", lowered by strengths");
        }
        let raised: Vec<String> = d
            .reasons
            .iter()
            .filter(|r| {
                file.rules
                    .escalation
                    .iter()
                    .any(|e| e.id == r.rule && e.at_least.is_some())
            })
            .map(|r| format!("'{}'", r.rule))
            .collect();
        if !raised.is_empty() {
            s.push_str(&format!(
                ", raised by escalation {} {}",
                if raised.len() == 1 { "rule" } else { "rules" },
                crate::authoring::words::and_list(&raised)
            ));
        }
        s.push(')');
        s
    }

    /// Which rule makes the pathway drop when a concern is added, and why.
    fn blame_monotone(&self, base: &Probe, more: &Probe, code: &str) -> (String, String) {
        let g = self.ctx.g;
        let (i, k) = (base.first_hit(g), more.first_hit(g));
        match (i, k) {
            (Some(i), Some(k)) if k > i => (
                format!("$.rules.pathway[{i}]"),
                format!(
                    "Rule '{}' matches the case but stops matching when {code} is added (its condition uses \"not\"), so the case falls through to a rule with a lower pathway. Conditions that a further concern can switch off make the pathway go down as worries go up: rewrite it without \"not\", or move the rules it falls through to below a rule that catches these cases.",
                    self.ctx.rule_id(i)
                ),
            ),
            (Some(i), Some(k)) if k < i => (
                format!("$.rules.pathway[{k}]"),
                format!(
                    "Adding {code} makes the earlier rule '{}' ({}) match, and it beats rule '{}' ({}) to the case. Move '{}' below '{}', or narrow its condition.",
                    self.ctx.rule_id(k),
                    self.ctx.rule_pathway(k),
                    self.ctx.rule_id(i),
                    self.ctx.rule_pathway(i),
                    self.ctx.rule_id(k),
                    self.ctx.rule_id(i)
                ),
            ),
            _ => {
                let lost = g.escalation_rules.iter().enumerate().find(|(_, c)| {
                    base.with_facts(g, None, |f| c.holds(f))
                        && !more.with_facts(g, None, |f| c.holds(f))
                });
                match lost {
                    Some((e, _)) => (
                        format!("$.rules.escalation[{e}]"),
                        format!(
                            "Escalation rule '{}' raises the case but stops matching when {code} is added (its condition uses \"not\"). Rewrite it without \"not\".",
                            g.file().rules.escalation[e].id
                        ),
                    ),
                    None => (
                        "$.rules".into(),
                        format!("Adding {code} lowers the pathway."),
                    ),
                }
            }
        }
    }

    fn strengths(&self, base: &Probe) -> Option<Finding> {
        let g = self.ctx.g;
        let all: Vec<u32> = (0..g.file().strengths.len() as u32).collect();
        if all.is_empty() {
            return None;
        }
        let broken = |q: &Probe| {
            let without = Probe {
                strengths: Vec::new(),
                ..q.clone()
            };
            match (self.pathway(&without), self.pathway(q)) {
                (Some(a), Some(b)) => b > a || (b < a && !self.may_lower(q, a, b)),
                _ => false,
            }
        };
        let q = if base.strengths.is_empty() {
            Probe {
                strengths: all,
                ..base.clone()
            }
        } else {
            base.clone()
        };
        if !broken(&q) {
            return None;
        }
        let q = self.ctx.space.shrink(q, broken);
        let without = Probe {
            strengths: Vec::new(),
            ..q.clone()
        };
        let (a, b) = (self.engine_pathway(&without)?, self.engine_pathway(&q)?);
        if a == b || (b < a && self.may_lower(&q, a, b)) {
            return None;
        }
        let path = match q.first_hit(g) {
            Some(i) if g.file().rules.pathway[i].lowered_by_strengths.is_some() => {
                format!("$.rules.pathway[{i}].lowered_by_strengths")
            }
            Some(i) => format!("$.rules.pathway[{i}]"),
            None => "$.rules".into(),
        };
        Some(self.finding(
            Invariant::Strengths,
            path,
            "Strengths may only lower family_help to signpost, through lowered_by_strengths, when no concern is at level 3 or 4 and consent was not refused or unsafe to ask.".into(),
            &q,
            format!("Without its strengths it gets {a}; with them it gets {b}."),
        ))
    }

    /// Whether strengths may lower pathway `a` to `b` for this case (invariants 3 and 7).
    fn may_lower(&self, q: &Probe, a: Pathway, b: Pathway) -> bool {
        let g = self.ctx.g;
        let level_2 = q
            .concerns
            .iter()
            .filter(|&&c| g.concern_levels[c as usize] == 2)
            .count() as u32;
        a == Pathway::FamilyHelp
            && b == Pathway::Signpost
            && q.max_level(g) < 3
            && !matches!(q.consent, Consent::Refused | Consent::UnsafeToAsk)
            && level_2 <= g.file().settings.strengths_lower_at_most
    }

    /// Invariant 7's second half: what strengths may never take away.
    fn strengths_keep_duties(&self, base: &Probe) -> Option<Finding> {
        let g = self.ctx.g;
        let all: Vec<u32> = (0..g.file().strengths.len() as u32).collect();
        let lost = |q: &Probe| -> Option<String> {
            let without = Probe {
                strengths: Vec::new(),
                ..q.clone()
            };
            let (a, b) = (self.decide(&without)?, self.decide(q)?);
            if a.consultation_advised && !b.consultation_advised {
                return Some("loses the advice to consult".into());
            }
            a.actions
                .iter()
                .filter(|x| x.duty || x.code == CONSULTATION_ACTION)
                .find(|x| !b.has_action(&x.code))
                .map(|x| format!("loses the action '{}'", x.code))
        };
        let q = Probe {
            strengths: all,
            ..base.clone()
        };
        lost(&q)?;
        let q = self.ctx.space.shrink(q, |q| lost(q).is_some());
        let what = lost(&q)?;
        Some(self.finding(
            Invariant::Strengths,
            "$.rules.actions".into(),
            "This is a fault in the engine, not the file: please report it with this case.".into(),
            &q,
            format!("With its strengths recorded the decision {what}."),
        ))
    }

    fn unsafe_action(&self, base: &Probe) -> Option<Finding> {
        let g = self.ctx.g;
        let offending = |q: &Probe| -> Option<String> {
            let d = self.decide(q)?;
            let flags = q
                .concerns
                .iter()
                .fold(0u64, |m, &c| m | g.concern_flags[c as usize]);
            d.actions
                .iter()
                .filter_map(|a| g.file().actions.iter().position(|x| x.code == a.code))
                .find(|&i| g.action_never_flags[i] & flags != 0)
                .map(|i| g.file().actions[i].code.clone())
        };
        offending(base)?;
        let q = self
            .ctx
            .space
            .shrink(base.clone(), |q| offending(q).is_some());
        let code = offending(&q)?;
        Some(self.finding(
            Invariant::UnsafeAction,
            "$.rules.actions".into(),
            format!("This is a fault in the engine, not the file: please report it with this case (action '{code}')."),
            &q,
            format!("Its decision includes '{code}', which the guidance marks unsafe with one of its concerns' flags."),
        ))
    }

    fn out_of_hours(&self, base: &Probe) -> Option<Finding> {
        let g = self.ctx.g;
        let contact = g
            .contact(OUT_OF_HOURS)
            .map(crate::engine::decision::Contact::from);
        let missing = |q: &Probe| -> bool {
            let Some(d) = self.decide(q) else {
                return false;
            };
            d.pathway >= Pathway::MacptReferral
                && !d
                    .actions
                    .iter()
                    .any(|a| contact.is_some() && a.contact == contact)
        };
        if !missing(base) {
            return None;
        }
        let q = self.ctx.space.shrink(base.clone(), missing);
        let d = self.decide(&q)?;
        let (path, what) = match contact {
            None => (
                "$.contacts".to_string(),
                "Add an 'out_of_hours' contact (the emergency duty team), and an action that uses it on every macpt_referral and emergency decision.".to_string(),
            ),
            Some(_) => (
                "$.rules.actions".to_string(),
                "Add an action rule for it, for example: when {\"pathway\": [\"macpt_referral\", \"emergency\"]}, actions [\"phone_out_of_hours\"], where that action's contact is \"out_of_hours\".".to_string(),
            ),
        };
        Some(self.finding(
            Invariant::OutOfHours,
            path,
            what,
            &q,
            format!(
                "It gets {}, and no action gives the out-of-hours number.",
                d.pathway
            ),
        ))
    }

    fn consent(&self, base: &Probe) -> Option<Finding> {
        let with = |q: &Probe, consent: Consent| Probe {
            consent,
            ..q.clone()
        };
        // Consent may keep strengths from lowering family help (invariant 7), so it may
        // move a case between signpost and family_help; never across the section 47
        // threshold, and refusing never gets a lower pathway than agreeing.
        let wrong = |ps: &[Option<Pathway>]| {
            let s47 = |p: &Option<Pathway>| p.map(|p| p >= Pathway::MacptReferral);
            let given = ps[0];
            ps.iter().any(|p| s47(p) != s47(&given) || *p < given)
        };
        let varies = |q: &Probe| {
            let ps: Vec<Option<Pathway>> = Consent::ALL
                .iter()
                .map(|&c| self.pathway(&with(q, c)))
                .collect();
            wrong(&ps)
        };
        if varies(base) {
            let q = self.ctx.space.shrink(base.clone(), varies);
            let engine: Vec<Option<Pathway>> = Consent::ALL
                .iter()
                .map(|&c| self.engine_pathway(&with(&q, c)))
                .collect();
            if !wrong(&engine) {
                return None;
            }
            let ps: Vec<String> = Consent::ALL
                .iter()
                .filter_map(|&c| {
                    self.engine_pathway(&with(&q, c)).map(|p| {
                        format!(
                            "{} with consent {}",
                            p,
                            crate::authoring::words::answer(c.label())
                        )
                    })
                })
                .collect();
            return Some(self.finding(
                Invariant::Consent,
                "$.rules".into(),
                "Consent may be tested only in action rules.".into(),
                &q,
                format!("It gets {}.", crate::authoring::words::and_list(&ps)),
            ));
        }
        // Refused consent to family help: still family help, consultation advised, and
        // the consultation line action.
        let missing = |q: &Probe| -> Option<Vec<&'static str>> {
            let d = self.decide(&with(q, Consent::Refused))?;
            if d.pathway != Pathway::FamilyHelp {
                return None;
            }
            let mut gaps = Vec::new();
            if !d.consultation_advised {
                gaps.push("does not advise consultation");
            }
            if !d.has_action(CONSULTATION_ACTION) {
                gaps.push("has no 'consultation_line' action");
            }
            (!gaps.is_empty()).then_some(gaps)
        };
        missing(base)?;
        let q = self.ctx.space.shrink(with(base, Consent::Refused), |q| {
            q.consent == Consent::Refused && missing(q).is_some()
        });
        let gaps = missing(&q)?;
        Some(self.finding(
            Invariant::Consent,
            "$.rules.actions".into(),
            "Add an action rule for it, for example: when all of {\"pathway\": [\"family_help\"]} and {\"consent\": [\"refused\"]}, actions [\"consultation_line\"], consultation_advised true, with a reason saying to talk to the consultation line about whether the refusal itself raises the risk.".into(),
            &q,
            format!(
                "With consent refused it gets family_help, but the decision {}.",
                crate::authoring::words::and_list(&gaps.iter().map(|s| s.to_string()).collect::<Vec<_>>())
            ),
        ))
    }

    fn reasons(&self, base: &Probe) -> Option<Finding> {
        let problem = |q: &Probe| -> Option<String> {
            let case = q.to_case(self.ctx.g);
            let d = evaluate(self.ctx.g, &case).ok()?;
            self.reasons_problem(&case, &d)
        };
        problem(base)?;
        let q = self
            .ctx
            .space
            .shrink(base.clone(), |q| problem(q).is_some());
        let what = problem(&q)?;
        Some(self.finding(
            Invariant::Reasons,
            "$".into(),
            "This is a fault in the engine, not the file: please report it with this case.".into(),
            &q,
            format!("Its decision {what}."),
        ))
    }

    fn reasons_problem(&self, case: &Case, d: &Decision) -> Option<String> {
        let file = self.ctx.g.file();
        let Some(first) = d.reasons.first() else {
            return Some("has no reason".into());
        };
        if !file.rules.pathway.iter().any(|r| r.id == first.rule) {
            return Some(format!(
                "starts with a reason from '{}', which is not a pathway rule",
                first.rule
            ));
        }
        for r in &d.reasons {
            if !self.rule_ids.contains(&r.rule) {
                return Some(format!(
                    "names '{}', which is not a rule in the file",
                    r.rule
                ));
            }
            if r.text.trim().is_empty() {
                return Some(format!("has an empty reason from '{}'", r.rule));
            }
            if let Some(c) = r.concerns.iter().find(|c| !case.concerns.contains(c)) {
                return Some(format!("names concern {c}, which was not selected"));
            }
            if let Some(s) = r.strengths.iter().find(|s| !case.strengths.contains(s)) {
                return Some(format!("names strength {s}, which was not recorded"));
            }
        }
        None
    }

    fn deterministic(&self, base: &Probe) -> Option<Finding> {
        let g = self.ctx.g;
        let differs = |q: &Probe| -> bool {
            let case = q.to_case(g);
            let mut reversed = case.clone();
            reversed.concerns.reverse();
            reversed.strengths.reverse();
            let json = |c: &Case| evaluate(g, c).map(|d| d.to_json_pretty()).ok();
            let once = json(&case);
            once != json(&case) || once != json(&reversed)
        };
        if !differs(base) {
            return None;
        }
        let q = self.ctx.space.shrink(base.clone(), differs);
        Some(
            self.finding(
                Invariant::Deterministic,
                "$".into(),
                "This is a fault in the engine, not the file: please report it with this case."
                    .into(),
                &q,
                "Deciding it twice, or with its concerns in another order, gives different JSON."
                    .into(),
            ),
        )
    }

    fn audience(&self, base: &Probe) -> Option<Finding> {
        let g = self.ctx.g;
        let varies = |q: &Probe, engine: bool| {
            let outs: Vec<Option<(Pathway, u8)>> = Audience::ALL
                .iter()
                .map(|&audience| {
                    let q = Probe {
                        audience,
                        ..q.clone()
                    };
                    if engine {
                        self.decide(&q).map(|d| (d.pathway, d.level))
                    } else {
                        Some(q.outcome(g))
                    }
                })
                .collect();
            outs.iter().any(|o| *o != outs[0])
        };
        if !varies(base, false) {
            return None;
        }
        let q = self.ctx.space.shrink(base.clone(), |q| varies(q, false));
        if !varies(&q, true) {
            return None;
        }
        Some(self.finding(
            Invariant::Audience,
            "$.rules".into(),
            "Audience may be tested only in action rules.".into(),
            &q,
            "Its pathway or level depends on who is asking.".into(),
        ))
    }
}
