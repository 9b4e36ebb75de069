//! Part 3 of a diff: cases decided by both versions. Vignettes are the partnership's own
//! agreed cases; each concern on its own catches a re-levelled concern; seeded generated
//! cases (aimed at both files' rules, so a moved threshold is tried on either side of it)
//! catch the rest. Cases use only codes both files have, so both can decide them.

use super::super::space::{Probe, Space};
use super::super::words;
use crate::authoring::vignette::Suite;
use crate::engine::case::Case;
use crate::engine::decision::Decision;
use crate::engine::evaluate;
use crate::guidance::compiled::Compiled;
use crate::guidance::Guidance;
use crate::vocabulary::Pathway;
use serde::Serialize;
use std::collections::BTreeSet;

const OLD_SEED: u64 = 0x6469_6666_0000_0001;
const NEW_SEED: u64 = 0x6469_6666_0000_0002;

#[derive(Debug, Clone, Serialize)]
pub struct CaseImpact {
    pub vignettes_tried: usize,
    pub single_concerns_tried: usize,
    pub generated_tried: usize,
    /// Every case whose pathway, level, actions or consultation advice changes:
    /// vignettes first, then single concerns, then generated cases (smallest first).
    pub changed: Vec<CaseChange>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CaseChange {
    /// `vignette`, `single concern` or `generated`.
    pub source: &'static str,
    pub id: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    pub case: Case,
    pub in_words: String,
    pub before: Outcome,
    pub after: Outcome,
    /// What in the revision changed this decision: each rule that fires in one version
    /// and not the other, or fires in both but was itself changed, and each selected
    /// concern whose level or flags were changed (`concern health.x: level 2 → 3`).
    pub changed_by: Vec<String>,
}

/// What a version decided for a case, as far as a diff compares it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    pub pathway: Option<Pathway>,
    pub level: Option<u8>,
    /// Action codes, in the order to do them.
    pub actions: Vec<String>,
    pub consultation_advised: bool,
    /// The pathway rule that decided it.
    pub rule: Option<String>,
    /// Why there is no decision (the case does not fit this version).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Outcome {
    fn of(result: Result<Decision, crate::engine::case::CaseError>) -> Outcome {
        match result {
            Ok(d) => Outcome {
                pathway: Some(d.pathway),
                level: Some(d.level),
                actions: d.actions.iter().map(|a| a.code.clone()).collect(),
                consultation_advised: d.consultation_advised,
                rule: d.reasons.first().map(|r| r.rule.clone()),
                error: None,
            },
            Err(e) => Outcome {
                pathway: None,
                level: None,
                actions: Vec::new(),
                consultation_advised: false,
                rule: None,
                error: Some(e.to_string().replace('\n', "; ")),
            },
        }
    }

    /// The parts a revision is judged on; which rule decided is shown, not compared.
    fn key(&self) -> (Option<Pathway>, Option<u8>, &[String], bool, bool) {
        (
            self.pathway,
            self.level,
            &self.actions,
            self.consultation_advised,
            self.error.is_some(),
        )
    }
}

pub(super) fn compare(
    old: &Guidance,
    new: &Guidance,
    vignettes: Option<&Suite>,
    sample: usize,
) -> CaseImpact {
    let file = old.file();
    let check = |source: &'static str, id: String, title: String, case: Case| {
        let before = Outcome::of(evaluate(old, &case));
        let after = Outcome::of(evaluate(new, &case));
        (before.key() != after.key()).then(|| CaseChange {
            source,
            id,
            title,
            in_words: words::case_between(&case, file, new.file()),
            changed_by: changed_by(old, new, &case),
            case,
            before,
            after,
        })
    };

    let suite = vignettes.map(|s| s.vignettes.as_slice()).unwrap_or(&[]);
    let mut changed: Vec<CaseChange> = suite
        .iter()
        .filter_map(|v| check("vignette", v.id.clone(), v.title.clone(), v.case.clone()))
        .collect();

    let in_new = |c: u32| new.concern_index(&file.concerns[c as usize].code).is_some();
    let singles: Vec<u32> = (0..file.concerns.len() as u32)
        .filter(|&c| in_new(c))
        .collect();
    changed.extend(singles.iter().filter_map(|&c| {
        let case = Probe::plain().with_concern(c).to_case(old);
        check(
            "single concern",
            file.concerns[c as usize].code.clone(),
            String::new(),
            case,
        )
    }));

    let generated = generated(old, new, sample);
    let mut from_sample: Vec<CaseChange> = generated
        .iter()
        .enumerate()
        .filter_map(|(n, case)| {
            check(
                "generated",
                format!("generated-{:04}", n + 1),
                String::new(),
                case.clone(),
            )
        })
        .collect();
    from_sample.sort_by_key(|c| (c.case.concerns.len(), c.case.strengths.len(), c.id.clone()));
    changed.extend(from_sample);

    CaseImpact {
        vignettes_tried: suite.len(),
        single_concerns_tried: singles.len(),
        generated_tried: generated.len(),
        changed,
    }
}

/// The ids of the rules that fire for a case: the pathway rule (and its lowering), every
/// escalation rule that holds, and every action rule that holds on the final pathway.
fn fired(g: &Guidance, case: &Case) -> Vec<String> {
    let Some(p) = Probe::from_case(g, case) else {
        return Vec::new();
    };
    let rules = &g.file().rules;
    let mut ids = Vec::new();
    let pathway = p.with_facts(g, None, |f| {
        let first = crate::engine::first_route(g, f, p.strengths.len());
        let id = &rules.pathway[first.hit].id;
        ids.push(id.clone());
        let pathway = crate::engine::escalate(g, f, first.pathway, |i| {
            ids.push(rules.escalation[i].id.clone())
        });
        if first.lowered && pathway == first.pathway {
            ids.push(format!("{id}.lowered_by_strengths"));
        }
        pathway
    });
    p.with_facts(g, Some(pathway), |f| {
        for (i, r) in g.action_rules.iter().enumerate() {
            if r.when.holds(f) {
                ids.push(rules.actions[i].id.clone());
            }
        }
    });
    ids
}

fn changed_by(old: &Guidance, new: &Guidance, case: &Case) -> Vec<String> {
    let (before, after) = (fired(old, case), fired(new, case));
    let definition = |g: &Guidance, id: &str| -> Option<serde_json::Value> {
        let r = &g.file().rules;
        let base = id.trim_end_matches(".lowered_by_strengths");
        let pathway = r.pathway.iter().find(|x| x.id == base);
        let escalation = r.escalation.iter().find(|x| x.id == base);
        let action = r.actions.iter().find(|x| x.id == base);
        let mut value = pathway
            .and_then(|x| serde_json::to_value(x).ok())
            .or_else(|| escalation.and_then(|x| serde_json::to_value(x).ok()))
            .or_else(|| action.and_then(|x| serde_json::to_value(x).ok()))?;
        // Only what decides counts: new wording or a new source changes no decision.
        strip_wording(&mut value);
        Some(value)
    };
    let mut out = Vec::new();
    let mut ids: Vec<&String> = before.iter().chain(&after).collect();
    ids.dedup();
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id.clone()) {
            continue;
        }
        let (was, is) = (before.contains(id), after.contains(id));
        let (d_old, d_new) = (definition(old, id), definition(new, id));
        let why = match (d_old.is_some(), d_new.is_some()) {
            (false, true) => "new rule",
            (true, false) => "rule removed",
            _ if d_old != d_new => "rule changed",
            _ if was && !is => "no longer fires",
            _ if is && !was => "now fires",
            _ => continue,
        };
        out.push(format!("{id} ({why})"));
    }
    // An action the revision made unsafe with one of the case's flags.
    let flags_in = |g: &Guidance| -> BTreeSet<String> {
        case.concerns
            .iter()
            .filter_map(|c| g.concern(c))
            .flat_map(|c| c.flags.iter().cloned())
            .collect()
    };
    let (old_flags, flags) = (flags_in(old), flags_in(new));
    for a in new.file().actions.iter() {
        let unsafe_with: Vec<&str> = a
            .never_with_flags
            .iter()
            .map(String::as_str)
            .filter(|f| flags.contains(*f))
            .collect();
        let was_unsafe = old
            .action(&a.code)
            .is_some_and(|o| o.never_with_flags.iter().any(|f| old_flags.contains(f)));
        if !unsafe_with.is_empty() && !was_unsafe {
            out.push(format!(
                "action {} (now never with {})",
                a.code,
                unsafe_with.join(", ")
            ));
        }
    }
    for code in &case.concerns {
        if let (Some(a), Some(b)) = (old.concern(code), new.concern(code)) {
            if a.level != b.level {
                out.push(format!("concern {code} (level {} → {})", a.level, b.level));
            } else if a.flags != b.flags {
                out.push(format!("concern {code} (flags changed)"));
            }
        }
    }
    out
}

fn strip_wording(v: &mut serde_json::Value) {
    if let Some(map) = v.as_object_mut() {
        for key in ["reason", "source", "outcome"] {
            map.remove(key);
        }
        map.values_mut().for_each(strip_wording);
    }
}

/// `sample` distinct cases using shared codes only: half aimed at the rules and concerns
/// the revision changed (where there are any), half at all rules, each half split between
/// the two versions' rules.
fn generated(old: &Guidance, new: &Guidance, sample: usize) -> Vec<Case> {
    let shared = |g: &Guidance, other: &Guidance| {
        let file = g.file();
        let concerns: Vec<bool> = file
            .concerns
            .iter()
            .map(|c| other.concern_index(&c.code).is_some())
            .collect();
        let strengths: Vec<bool> = file
            .strengths
            .iter()
            .map(|s| other.strength_index(&s.code).is_some())
            .collect();
        (concerns, strengths)
    };
    let (oc, os) = shared(old, new);
    let (nc, ns) = shared(new, old);
    let old_space = Space::new(old, |c| oc[c as usize], |s| os[s as usize]);
    let new_space = Space::new(new, |c| nc[c as usize], |s| ns[s as usize]);
    let old_changed = changed_targets(old, new);
    let new_changed = changed_targets(new, old);

    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    // A few rounds, so duplicates are topped up and the sample has `sample` cases where
    // the file has that many different ones.
    for round in 0..4u64 {
        let want = sample - out.len();
        if want == 0 {
            break;
        }
        let quarter = want / 4;
        let seed = |base: u64| base ^ (round << 32);
        let mut batch: Vec<Case> = Vec::new();
        let aimed = !old_changed.is_empty() || !new_changed.is_empty();
        let (general, focused) = if aimed {
            (want - 2 * quarter, quarter)
        } else {
            (want, 0)
        };
        let old_general = general / 2;
        for p in old_space.random(seed(OLD_SEED), old_general) {
            batch.push(p.to_case(old));
        }
        for p in new_space.random(seed(NEW_SEED), general - old_general) {
            batch.push(p.to_case(new));
        }
        if aimed {
            let old_t: Vec<&Compiled> = old_changed.iter().collect();
            let new_t: Vec<&Compiled> = new_changed.iter().collect();
            let targets = |t: &[&Compiled]| !t.is_empty();
            if targets(&old_t) {
                for p in old_space.random_at(seed(OLD_SEED + 1), focused, &old_t) {
                    batch.push(p.to_case(old));
                }
            }
            if targets(&new_t) {
                let n = if targets(&old_t) {
                    focused
                } else {
                    2 * focused
                };
                for p in new_space.random_at(seed(NEW_SEED + 1), n, &new_t) {
                    batch.push(p.to_case(new));
                }
            }
        }
        for case in batch {
            if out.len() == sample {
                break;
            }
            // The same case with its codes in another order is the same case.
            let mut key = case.clone();
            key.concerns.sort();
            key.strengths.sort();
            if seen.insert(serde_json::to_string(&key).unwrap_or_default()) {
                out.push(case);
            }
        }
    }
    out
}

/// The conditions in `g` that the other version changed: rules that differ or are new,
/// and the concerns whose level, domain or flags differ (as "this concern is selected").
fn changed_targets(g: &Guidance, other: &Guidance) -> Vec<Compiled> {
    let (file, theirs) = (g.file(), other.file());
    fn json<T: serde::Serialize>(x: &T) -> serde_json::Value {
        serde_json::to_value(x).unwrap_or_default()
    }
    let differs = |mine: serde_json::Value, twin: Option<serde_json::Value>| twin != Some(mine);
    let mut out = Vec::new();
    for (i, r) in file.rules.pathway.iter().enumerate() {
        let twin = theirs.rules.pathway.iter().find(|x| x.id == r.id);
        if differs(json(r), twin.map(json)) {
            out.push(g.pathway_rules[i].clone());
        }
    }
    for (i, r) in file.rules.escalation.iter().enumerate() {
        let twin = theirs.rules.escalation.iter().find(|x| x.id == r.id);
        if differs(json(r), twin.map(json)) {
            out.push(g.escalation_rules[i].clone());
        }
    }
    for (i, r) in file.rules.actions.iter().enumerate() {
        let twin = theirs.rules.actions.iter().find(|x| x.id == r.id);
        if differs(json(r), twin.map(json)) {
            out.push(g.action_rules[i].when.clone());
        }
    }
    let moved: Vec<u32> = file
        .concerns
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            theirs.concerns.iter().any(|t| {
                t.code == c.code
                    && (t.level != c.level || t.domain != c.domain || t.flags != c.flags)
            })
        })
        .map(|(i, _)| i as u32)
        .collect();
    if !moved.is_empty() {
        out.push(Compiled::AnyConcern(moved));
    }
    out
}
