//! The rules themselves: pathway rules that never decide (shadowed or impossible), earlier
//! lower rules that take later rules' cases, strength lowerings that never apply,
//! escalation and action rules that never fire, and cases no pathway rule covers.
//!
//! One pass over the generated cases records, for each question, the first case that
//! answers it; the rules without such a case are then examined by logic, which can prove
//! "never" (an error) where search can only fail to find (a warning).

use super::report::{Finding, Kind, Report, Severity};
use super::{thousands, Ctx, RULES_SEED};
use crate::authoring::space::{Probe, Tables};
use crate::authoring::words;
use crate::engine::case::{Audience, Consent};
use crate::guidance::compiled::Compiled;
use std::collections::{BTreeMap, BTreeSet};

/// Most exhaustive small cases tried (the rest of the budget goes to generated ones).
const MAX_SMALL: usize = 30_000;
const RANDOM: usize = 3_000;

/// The first case found for each question, in search order (smallest first).
struct Witnesses {
    /// A case each pathway rule decides.
    first_hit: Vec<Option<Probe>>,
    /// (i, j): a case rule i decides though later rule j, with a higher pathway, matches.
    overlap: BTreeMap<(usize, usize), Probe>,
    /// A case each pathway rule decides with no level-3 or level-4 concern.
    lowerable: Vec<Option<Probe>>,
    escalation: Vec<Option<Probe>>,
    action: Vec<Option<Probe>>,
    /// A contact each urgency rule of the contact record rates (first hit).
    urgency: Vec<Option<Probe>>,
    /// A contact each check of the contact record applies to.
    check: Vec<Option<Probe>>,
    /// A case no real pathway rule matches.
    uncovered: Option<Probe>,
}

fn probes(ctx: &Ctx) -> Vec<Probe> {
    let mut v = ctx.space.small(2, Tables::All, MAX_SMALL);
    v.extend(ctx.space.random(RULES_SEED, RANDOM));
    v
}

/// `n_real` is how many pathway rules are the author's (lint adds a catch-all to a file
/// that lacks one, to find the cases it leaves out).
pub(super) fn check(ctx: &Ctx, n_real: usize, report: &mut Report) {
    let probes = probes(ctx);
    report.cases_tried += probes.len();
    let w = search(ctx, &probes, n_real, true);
    coverage(ctx, n_real, &w, report);
    let shadowed = pathway_rules(ctx, &w, probes.len(), report);
    overlaps(ctx, &w, &shadowed, report);
    lowerings(ctx, &w, &shadowed, probes.len(), report);
    collect_rules(ctx, &w, probes.len(), report);
    contact_record(ctx, &w, probes.len(), report);
}

pub(super) fn check_coverage_only(ctx: &Ctx, n_real: usize, report: &mut Report) {
    let probes = probes(ctx);
    report.cases_tried += probes.len();
    let w = search(ctx, &probes, n_real, false);
    coverage(ctx, n_real, &w, report);
}

fn search(ctx: &Ctx, probes: &[Probe], n_real: usize, actions: bool) -> Witnesses {
    let g = ctx.g;
    let file = g.file();
    let n = g.pathway_rules.len();
    let mut w = Witnesses {
        first_hit: vec![None; n],
        overlap: BTreeMap::new(),
        lowerable: vec![None; n],
        escalation: vec![None; g.escalation_rules.len()],
        action: vec![None; g.action_rules.len()],
        urgency: vec![None; g.urgency_rules.len()],
        check: vec![None; g.check_rules.len()],
        uncovered: None,
    };
    // Which overlaps have a case already: asked for every later rule of every case.
    let mut overlap_found = vec![false; n * n];
    let readers = ContextReaders::of(g);
    for p in probes {
        let f = p.facts(g, None);
        let hit = g.pathway_rules.iter().position(|c| c.holds(&f));
        match hit.filter(|&h| h < n_real) {
            None => {
                if w.uncovered.is_none() {
                    w.uncovered = Some(p.clone());
                }
            }
            Some(i) => {
                if w.first_hit[i].is_none() {
                    w.first_hit[i] = Some(p.clone());
                }
                if file.rules.pathway[i].lowered_by_strengths.is_some()
                    && w.lowerable[i].is_none()
                    && p.max_level(g) < 3
                {
                    w.lowerable[i] = Some(p.clone());
                }
                for j in i + 1..n_real {
                    if ctx.rule_pathway(j) > ctx.rule_pathway(i)
                        && !overlap_found[i * n + j]
                        && g.pathway_rules[j].holds(&f)
                    {
                        overlap_found[i * n + j] = true;
                        w.overlap.insert((i, j), p.clone());
                    }
                }
            }
        }
        for (e, c) in g.escalation_rules.iter().enumerate() {
            if w.escalation[e].is_none() && c.holds(&f) {
                w.escalation[e] = Some(p.clone());
            }
        }
    }
    // Only whether each action, urgency and check rule applies to some case counts, not
    // which case: so the generated cases, which select more, go first, and the search
    // stops once every rule has one.
    if actions {
        for p in probes.iter().rev() {
            if !(wanted(&w.action) || wanted(&w.urgency) || wanted(&w.check)) {
                break;
            }
            find_action_witnesses(
                ctx,
                &readers,
                p,
                &mut w.action,
                &mut w.urgency,
                &mut w.check,
            );
        }
    }
    w
}

/// Whether some rule has no case yet.
fn wanted(found: &[Option<Probe>]) -> bool {
    found.iter().any(Option::is_none)
}

/// Which rules' answers can change with consent or who is asking. The others give the
/// same answer for every combination of the two, so they are asked about the first only.
struct ContextReaders {
    action: Vec<bool>,
    /// Any urgency rule: the table is first hit, so one reader makes every combination count.
    urgency: bool,
    check: Vec<bool>,
}

impl ContextReaders {
    fn of(g: &crate::guidance::Guidance) -> ContextReaders {
        ContextReaders {
            action: g
                .action_rules
                .iter()
                .map(|r| reads_context(&r.when))
                .collect(),
            urgency: g.urgency_rules.iter().any(reads_context),
            check: g.check_rules.iter().map(reads_context).collect(),
        }
    }
}

/// Whether a condition tests consent or who is asking.
fn reads_context(c: &Compiled) -> bool {
    c.mentions(|t| matches!(t, Compiled::Consent(_) | Compiled::Audience(_)))
}

/// Action rules, and the contact record's urgency rules and checks, see the final pathway,
/// so ask the engine for it; consent and audience never change the pathway, so every
/// combination of them can be tried on that one answer.
fn find_action_witnesses(
    ctx: &Ctx,
    readers: &ContextReaders,
    p: &Probe,
    action: &mut [Option<Probe>],
    urgency: &mut [Option<Probe>],
    check: &mut [Option<Probe>],
) {
    let g = ctx.g;
    // Only a case the engine would decide counts; its pathway comes from the engine's own
    // routing steps (`Probe::outcome`, tested to agree with `evaluate`), without the
    // reasons, actions and services a whole decision builds.
    if !p.fits(g) {
        return;
    }
    let pathway = p.outcome(g).0;
    let mut f = p.facts(g, Some(pathway));
    let combinations = Consent::ALL
        .into_iter()
        .flat_map(|c| Audience::ALL.into_iter().map(move |a| (c, a)));
    for (n, (consent, audience)) in combinations.enumerate() {
        let first = n == 0;
        f.consent = consent;
        f.audience = audience;
        let q = || Probe {
            consent,
            audience,
            ..p.clone()
        };
        for (a, rule) in g.action_rules.iter().enumerate() {
            if action[a].is_none() && (first || readers.action[a]) && rule.when.holds(&f) {
                action[a] = Some(q());
            }
        }
        // Hit policy "first": only the first urgency rule that holds rates it. Once
        // every rule has its contact, the table is not asked again.
        if wanted(urgency) && (first || readers.urgency) {
            if let Some(u) = g.urgency_rules.iter().position(|r| r.holds(&f)) {
                if urgency[u].is_none() {
                    urgency[u] = Some(q());
                }
            }
        }
        for (c, rule) in g.check_rules.iter().enumerate() {
            if check[c].is_none() && (first || readers.check[c]) && rule.holds(&f) {
                check[c] = Some(q());
            }
        }
    }
}

fn coverage(ctx: &Ctx, n_real: usize, w: &Witnesses, report: &mut Report) {
    let g = ctx.g;
    if ctx
        .logic
        .valid(&Compiled::Any(g.pathway_rules[..n_real].to_vec()))
    {
        return;
    }
    let Some(p) = &w.uncovered else {
        return;
    };
    let small = ctx
        .space
        .shrink(p.clone(), |q| q.first_hit(g).is_none_or(|h| h >= n_real));
    report.push(
        Finding::new(
            Severity::Error,
            Kind::UncoveredCases,
            "$.rules.pathway".into(),
            "Some cases match no pathway rule, so they would get no pathway at all. End the pathway table with a default rule, when \"always\", giving the pathway for everything the rules above do not catch (usually \"signpost\").".into(),
        )
        .with_example(Some(ctx.example(
            &small,
            "No pathway rule matches this case.".into(),
        ))),
    );
}

/// Pathway rules that never decide a case. Returns their indices.
fn pathway_rules(ctx: &Ctx, w: &Witnesses, tried: usize, report: &mut Report) -> BTreeSet<usize> {
    let g = ctx.g;
    let file = g.file();
    let mut never = BTreeSet::new();
    for (i, c) in g.pathway_rules.iter().enumerate() {
        if w.first_hit[i].is_some() {
            continue;
        }
        never.insert(i);
        let id = ctx.rule_id(i);
        let path = format!("$.rules.pathway[{i}]");
        let when = words::condition(&file.rules.pathway[i].when, file);
        let finding = if ctx.logic.unsat(c) {
            Finding::new(
                Severity::Error,
                Kind::RuleNeverFires,
                path,
                format!(
                    "Rule '{id}' can never decide a pathway: its condition ({when}) cannot hold for any case with this file's concerns. Correct the condition or remove the rule."
                ),
            )
        } else if let Some(by) = ctx.logic.covered_by(c, &g.pathway_rules[..i]) {
            let names: Vec<String> = by
                .iter()
                .map(|&j| format!("'{}'", ctx.rule_id(j)))
                .collect();
            let which = if by.len() == 1 { "rule" } else { "rules" };
            Finding::new(
                Severity::Error,
                Kind::ShadowedRule,
                path,
                format!(
                    "Rule '{id}' can never decide a pathway: every case it matches ({when}) is matched first by the earlier {which} {}, and the pathway table uses the first rule that matches. Move '{id}' above {}, or remove it.",
                    words::and_list(&names),
                    words::or_list(&names)
                ),
            )
        } else {
            Finding::new(
                Severity::Warning,
                Kind::ShadowedRule,
                path,
                format!(
                    "Rule '{id}' decided none of the {} cases tried: earlier rules seem to match every case it matches ({when}). Check that it can be reached, or move it up the table.",
                    thousands(tried)
                ),
            )
        };
        report.push(finding);
    }
    never
}

/// An earlier rule with a lower pathway that takes some cases a later rule would raise:
/// often a rule placed too high. One finding per earlier rule.
fn overlaps(ctx: &Ctx, w: &Witnesses, shadowed: &BTreeSet<usize>, report: &mut Report) {
    let g = ctx.g;
    let mut by_earlier: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &(i, j) in w.overlap.keys() {
        if !shadowed.contains(&j) {
            by_earlier.entry(i).or_default().push(j);
        }
    }
    for (i, later) in by_earlier {
        let j = later[0];
        let Some(p) = w.overlap.get(&(i, j)) else {
            continue;
        };
        let small = ctx.space.shrink(p.clone(), |q| {
            q.first_hit(g) == Some(i) && q.with_facts(g, None, |f| g.pathway_rules[j].holds(f))
        });
        let names: Vec<String> = later
            .iter()
            .map(|&k| format!("'{}' ({})", ctx.rule_id(k), ctx.rule_pathway(k)))
            .collect();
        let (id, pi) = (ctx.rule_id(i), ctx.rule_pathway(i));
        report.push(
            Finding::new(
                Severity::Warning,
                Kind::OverlappingRules,
                format!("$.rules.pathway[{i}]"),
                format!(
                    "Rule '{id}' ({pi}) comes before {} {}, which give a higher pathway, and takes some of their cases: those cases get {pi}. If that is what the partnership intends, ignore this; otherwise move '{id}' below {} or narrow its condition.",
                    if later.len() == 1 { "rule" } else { "rules" },
                    words::and_list(&names),
                    if later.len() == 1 { "it" } else { "them" },
                ),
            )
            .with_example(Some(ctx.example(
                &small,
                format!(
                    "Rule '{id}' decides it: {pi}. Rule '{}' also matches and would give {}.",
                    ctx.rule_id(j),
                    ctx.rule_pathway(j)
                ),
            ))),
        );
    }
}

fn lowerings(
    ctx: &Ctx,
    w: &Witnesses,
    shadowed: &BTreeSet<usize>,
    tried: usize,
    report: &mut Report,
) {
    let g = ctx.g;
    let file = g.file();
    for (i, rule) in file.rules.pathway.iter().enumerate() {
        let Some(low) = &rule.lowered_by_strengths else {
            continue;
        };
        if shadowed.contains(&i) {
            continue;
        }
        let have = file.strengths.len();
        let why = if low.at_least as usize > have {
            format!(
                "it needs {} strengths recorded, but the file has only {have}",
                low.at_least
            )
        } else if ctx
            .logic
            .implies(&g.pathway_rules[i], &Compiled::ConcernAtLevel(3))
        {
            "the rule only matches cases with a concern at level 3 or 4, and strengths may never lower those (invariant 3 in docs/contracts.md)".to_string()
        } else if w.lowerable[i].is_none() {
            format!(
                "in the {} cases tried, the rule never decided a case without a level-3 or level-4 concern",
                thousands(tried)
            )
        } else {
            continue;
        };
        report.push(Finding::new(
            Severity::Warning,
            Kind::LoweringNeverApplies,
            format!("$.rules.pathway[{i}].lowered_by_strengths"),
            format!(
                "Strengths can never lower rule '{}': {why}. Remove lowered_by_strengths from it, or move it to the rule whose cases strengths should lower.",
                rule.id
            ),
        ));
    }
}

/// Escalation and action rules (hit policy "collect") that never fire.
fn collect_rules(ctx: &Ctx, w: &Witnesses, tried: usize, report: &mut Report) {
    let g = ctx.g;
    let file = g.file();
    let tables = [("escalation", &w.escalation), ("actions", &w.action)];
    for (table, found) in tables {
        for (i, witness) in found.iter().enumerate() {
            if witness.is_some() {
                continue;
            }
            let (id, when, compiled) = if table == "escalation" {
                let r = &file.rules.escalation[i];
                (&r.id, &r.when, &g.escalation_rules[i])
            } else {
                let r = &file.rules.actions[i];
                (&r.id, &r.when, &g.action_rules[i].when)
            };
            let words = words::condition(when, file);
            let path = format!("$.rules.{table}[{i}]");
            report.push(if ctx.logic.unsat(compiled) {
                Finding::new(
                    Severity::Error,
                    Kind::RuleNeverFires,
                    path,
                    format!(
                        "Rule '{id}' can never apply: its condition ({words}) cannot hold for any case with this file's concerns. Correct the condition or remove the rule."
                    ),
                )
            } else {
                Finding::new(
                    Severity::Warning,
                    Kind::RuleNeverFires,
                    path,
                    format!(
                        "Rule '{id}' applied to none of the {} cases tried. Its condition ({words}) may never hold: for example, it may ask for a pathway that its other parts rule out.",
                        thousands(tried)
                    ),
                )
            });
        }
    }
}

/// The contact record's urgency rules that rate no contact (hit policy "first": shadowed
/// by earlier rules, or impossible) and checks that never apply.
fn contact_record(ctx: &Ctx, w: &Witnesses, tried: usize, report: &mut Report) {
    let g = ctx.g;
    let file = g.file();
    let Some(record) = &file.contact_record else {
        return;
    };
    for (i, rule) in record.urgency.iter().enumerate() {
        if w.urgency[i].is_some() {
            continue;
        }
        let id = &rule.id;
        let path = format!("$.contact_record.urgency[{i}]");
        let when = words::condition(&rule.when, file);
        let compiled = &g.urgency_rules[i];
        let message = if ctx.logic.unsat(compiled) {
            (Severity::Error, format!(
                "Urgency rule '{id}' can never rate a contact: its condition ({when}) cannot hold for any case with this file's concerns. Correct the condition or remove the rule."
            ))
        } else if let Some(by) = ctx.logic.covered_by(compiled, &g.urgency_rules[..i]) {
            let names: Vec<String> = by
                .iter()
                .map(|&j| format!("'{}'", record.urgency[j].id))
                .collect();
            (Severity::Error, format!(
                "Urgency rule '{id}' can never rate a contact: every contact it matches ({when}) is rated first by {}, and the urgency table uses the first rule that matches. Move '{id}' above {}, or remove it.",
                words::and_list(&names),
                words::or_list(&names)
            ))
        } else {
            (Severity::Warning, format!(
                "Urgency rule '{id}' rated none of the {} cases tried: earlier rules seem to rate every contact it matches ({when}). Check that it can be reached, or move it up the table.",
                thousands(tried)
            ))
        };
        report.push(Finding::new(
            message.0,
            Kind::UrgencyRuleNeverReached,
            path,
            message.1,
        ));
    }
    for (i, check) in record.checks.iter().enumerate() {
        if w.check[i].is_some() {
            continue;
        }
        let when = words::condition(&check.when, file);
        let (severity, message) = if ctx.logic.unsat(&g.check_rules[i]) {
            (Severity::Error, format!(
                "Check '{}' can never apply: its condition ({when}) cannot hold for any case with this file's concerns. Correct the condition or remove the check.",
                check.id
            ))
        } else {
            (Severity::Warning, format!(
                "Check '{}' applied to none of the {} cases tried. Its condition ({when}) may never hold.",
                check.id,
                thousands(tried)
            ))
        };
        report.push(Finding::new(
            severity,
            Kind::CheckNeverApplies,
            format!("$.contact_record.checks[{i}]"),
            message,
        ));
    }
}
