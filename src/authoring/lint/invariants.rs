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
use crate::engine::decision::{Contact, Decision};
use crate::engine::{evaluate, Verdict};
use crate::guidance::compiled::Compiled;
use crate::vocabulary::Pathway;
use std::cell::RefCell;
use std::collections::{BTreeSet, VecDeque};
use std::rc::Rc;

const MAX_BASES: usize = 6_000;
const RANDOM: usize = 1_500;
/// What only a fault in the engine could break, whatever a file that passes `check` says
/// (determinism; the audience rule, as `check` keeps consent and audience out of the
/// pathway and escalation tables; the reasons, as `check` refuses a blank one), is checked on every n-th case
/// only: the engine's property tests check it too, and the studio runs lint after every edit.
const ENGINE_CHECK_EVERY: usize = 20;
/// The action invariant 4 (docs/contracts.md) requires when consent to family help is refused.
const CONSULTATION_ACTION: &str = "consultation_line";
/// How many recent decisions `Checker::decide` keeps: the invariants of one base case ask
/// for the same few cases (the base, without its strengths, with consent refused).
const RECENT: usize = 4;
/// The contact invariant 9 (docs/contracts.md) requires on every child protection and emergency decision.
use crate::guidance::contact_keys::OUT_OF_HOURS;

/// Whether a condition tests the strengths recorded.
fn reads_strengths(c: &Compiled) -> bool {
    c.mentions(|t| matches!(t, Compiled::Strength(_) | Compiled::StrengthsAtLeast(_)))
}

/// The last few answers for a probe, newest first.
struct Recent<T>(RefCell<VecDeque<(Probe, Option<Rc<T>>)>>);

impl<T> Default for Recent<T> {
    fn default() -> Self {
        Recent(RefCell::new(VecDeque::with_capacity(RECENT + 1)))
    }
}

impl<T> Recent<T> {
    fn get_or(&self, p: &Probe, make: impl FnOnce() -> Option<T>) -> Option<Rc<T>> {
        if let Some((_, found)) = self.0.borrow().iter().find(|(q, _)| q == p) {
            return found.clone();
        }
        let made = make().map(Rc::new);
        let mut recent = self.0.borrow_mut();
        recent.push_front((p.clone(), made.clone()));
        recent.truncate(RECENT);
        made
    }
}

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
    /// The last few whole decisions and verdicts: the invariants of one base case ask for
    /// the same few cases (the base, without its strengths, with consent refused).
    decisions: Recent<Decision>,
    verdicts: Recent<Verdict>,
    /// For each action, the audiences it gives the out-of-hours number to: as a decision
    /// words it, an action's contact is shown only to the audiences it is for.
    out_of_hours_to: Vec<Vec<Audience>>,
    /// Some action rule tests the strengths recorded.
    strengths_read_by_actions: bool,
    monotone_limits: MonotoneLimits,
}

/// What the rules can do when a concern is added (`Checker::drop_possible`).
struct MonotoneLimits {
    /// For each pathway rule, whether its condition uses `not`.
    pathway_has_not: Vec<bool>,
    escalation_has_not: bool,
    /// For each pathway rule, the lowest pathway an earlier rule can give (its own, or
    /// what strengths may lower it to); emergency for the first.
    lowest_before: Vec<Pathway>,
}

impl MonotoneLimits {
    fn of(g: &crate::guidance::Guidance) -> MonotoneLimits {
        let rules = &g.file().rules;
        let mut lowest = Pathway::Emergency;
        let mut lowest_before = Vec::with_capacity(rules.pathway.len());
        for r in &rules.pathway {
            lowest_before.push(lowest);
            let own = r
                .lowered_by_strengths
                .as_ref()
                .map_or(r.pathway, |l| l.to.min(r.pathway));
            lowest = lowest.min(own);
        }
        MonotoneLimits {
            pathway_has_not: g.pathway_rules.iter().map(uses_not).collect(),
            escalation_has_not: g.escalation_rules.iter().any(uses_not),
            lowest_before,
        }
    }
}

/// Whether a condition uses `not` anywhere.
fn uses_not(c: &Compiled) -> bool {
    c.mentions(|t| matches!(t, Compiled::Not(_)))
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
    let g = ctx.g;
    let out_of_hours = g.contact(OUT_OF_HOURS).map(Contact::from);
    let out_of_hours_to = (0..file.actions.len() as u32)
        .map(|a| {
            Audience::ALL
                .into_iter()
                .filter(|&audience| {
                    out_of_hours.is_some()
                        && crate::engine::worded_action(g, audience, a).contact == out_of_hours
                })
                .collect()
        })
        .collect();
    let c = Checker {
        ctx,
        rule_ids,
        decisions: Recent::default(),
        verdicts: Recent::default(),
        out_of_hours_to,
        strengths_read_by_actions: g.action_rules.iter().any(|r| reads_strengths(&r.when)),
        monotone_limits: MonotoneLimits::of(g),
    };

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
            let sampled = matches!(
                inv,
                Invariant::Deterministic | Invariant::Audience | Invariant::Reasons
            );
            if sampled && n % ENGINE_CHECK_EVERY != 0 {
                continue;
            }
            if let Some(f) = c.try_invariant(inv, base, n % ENGINE_CHECK_EVERY == 0) {
                found.push(inv);
                report.push(f);
            }
        }
    }
}

impl Checker<'_, '_> {
    /// The engine's whole decision.
    fn decide(&self, p: &Probe) -> Option<Rc<Decision>> {
        self.decisions
            .get_or(p, || evaluate(self.ctx.g, &p.to_case(self.ctx.g)).ok())
    }

    /// What the engine decides, without the words (`Probe::verdict`).
    fn verdict(&self, p: &Probe) -> Option<Rc<Verdict>> {
        self.verdicts.get_or(p, || p.verdict(self.ctx.g))
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
    /// `engine_turn`: this case is one of the every n-th that also check what only a fault
    /// in the engine could break.
    fn try_invariant(&self, inv: Invariant, base: &Probe, engine_turn: bool) -> Option<Finding> {
        match inv {
            Invariant::ImmediateDanger => self.immediate_danger(base),
            Invariant::Monotone => self.monotone(base),
            Invariant::Strengths => self.strengths(base).or_else(|| {
                // Strengths can take something away only by lowering the pathway (the
                // engine keeps duties then) or through action rules that test them.
                let with_all = Probe {
                    strengths: (0..self.ctx.g.file().strengths.len() as u32).collect(),
                    ..base.clone()
                };
                (engine_turn || self.strengths_read_by_actions || with_all.lowered(self.ctx.g))
                    .then(|| self.strengths_keep_duties(base))
                    .flatten()
            }),
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
        if !self.drop_possible(base, before) {
            return None;
        }
        let mut scratch = Vec::with_capacity(base.concerns.len() + 1);
        let added = self
            .ctx
            .space
            .representatives(&base.concerns)
            .into_iter()
            .filter(|&c| base.fits_concern(self.ctx.g, c))
            .find(|&c| base.outcome_with_concern(self.ctx.g, c, &mut scratch).0 < before)?;
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

    /// Whether adding a concern could lower this case's pathway, by what the rules can do.
    /// Without `not`, every test holds for a case with one more concern if it held before:
    /// the rule that decided still holds, every escalation that held still does, and
    /// lowering by strengths can only stop (the highest level and the level-2 count only go
    /// up). So only an earlier rule can take the case, and the pathway can drop only if an
    /// earlier rule's pathway, or what strengths may lower it to, is below it.
    fn drop_possible(&self, base: &Probe, before: Pathway) -> bool {
        let Some(hit) = base.first_hit(self.ctx.g) else {
            return true;
        };
        self.monotone_limits.escalation_has_not
            || self.monotone_limits.pathway_has_not[hit]
            || self.monotone_limits.lowest_before[hit] < before
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
            let (a, b) = (self.verdict(&without)?, self.verdict(q)?);
            if a.consultation_advised && !b.consultation_advised {
                return Some("loses the advice to consult".into());
            }
            a.actions
                .iter()
                .map(|&x| &g.file().actions[x as usize])
                .zip(&a.actions)
                .filter(|(x, _)| x.duty || x.code == CONSULTATION_ACTION)
                .find(|(_, i)| !b.actions.contains(i))
                .map(|(x, _)| format!("loses the action '{}'", x.code))
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
            if self.strengths_read_by_actions {
                "An action rule that tests strengths switches off what the case gets without them. Strengths may lower a pathway, never take away a duty or a consultation: do not make one depend on strengths being absent.".to_string()
            } else {
                "This is a fault in the engine, not the file: please report it with this case.".to_string()
            },
            &q,
            format!("With its strengths recorded the decision {what}."),
        ))
    }

    fn unsafe_action(&self, base: &Probe) -> Option<Finding> {
        let g = self.ctx.g;
        let offending = |q: &Probe| -> Option<String> {
            let v = self.verdict(q)?;
            let flags = q
                .concerns
                .iter()
                .fold(0u64, |m, &c| m | g.concern_flags[c as usize]);
            v.actions
                .iter()
                .find(|&&i| g.action_never_flags[i as usize] & flags != 0)
                .map(|&i| g.file().actions[i as usize].code.clone())
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
        let missing = |q: &Probe| -> bool {
            let Some(v) = self.verdict(q) else {
                return false;
            };
            v.pathway >= Pathway::MacptReferral
                && !v
                    .actions
                    .iter()
                    .any(|&a| self.out_of_hours_to[a as usize].contains(&q.audience))
        };
        if !missing(base) {
            return None;
        }
        let q = self.ctx.space.shrink(base.clone(), missing);
        let d = self.decide(&q)?;
        let (path, what) = match g.contact(OUT_OF_HOURS) {
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
        let g = self.ctx.g;
        let consultation_line = g
            .file()
            .actions
            .iter()
            .position(|a| a.code == CONSULTATION_ACTION)
            .map(|i| i as u32);
        let missing = |q: &Probe| -> Option<Vec<&'static str>> {
            let v = self.verdict(&with(q, Consent::Refused))?;
            if v.pathway != Pathway::FamilyHelp {
                return None;
            }
            let mut gaps = Vec::new();
            if !v.consultation_advised {
                gaps.push("does not advise consultation");
            }
            if !consultation_line.is_some_and(|a| v.actions.contains(&a)) {
                gaps.push("has no 'consultation_line' action");
            }
            (!gaps.is_empty()).then_some(gaps)
        };
        // Only a case that gets family help with consent refused can miss what it needs.
        if self.pathway(&with(base, Consent::Refused)) != Some(Pathway::FamilyHelp) {
            return None;
        }
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
            let d = self.decide(q)?;
            self.reasons_problem(&q.to_case(self.ctx.g), &d)
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
