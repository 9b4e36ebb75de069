//! Property tests of the invariants of the decision (contracts 2, "Invariants of the decision"),
//! over random cases built from the default guidance's own concern and strength codes.
//!
//! The strategies shrink towards small, readable cases: no concerns, no strengths, age 0,
//! nothing flagged, the first value of each enum. A failure prints the minimal case as JSON.

use front_door_triage::case::Child;
use front_door_triage::guidance::Guidance;
use front_door_triage::{evaluate, Audience, Case, Consent, Decision, KnownToSocialCare, Pathway};
use proptest::prelude::*;
use proptest::sample::{select, subsequence, Index};
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// Cases per property. Set `PROPTEST_CASES` to run more (or fewer) without editing.
const CASES: u32 = 2_000;

/// Most concerns a generated case selects.
const MAX_CONCERNS: usize = 12;

static GUIDANCE: LazyLock<Guidance> =
    LazyLock::new(|| Guidance::embedded_default().expect("the embedded default guidance is valid"));

fn guidance() -> &'static Guidance {
    &GUIDANCE
}

fn config() -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(CASES),
        // Do not write proptest-regressions/ into the source tree; a failure prints its
        // minimal case, which belongs in a named regression test instead.
        failure_persistence: None,
        ..Config::default()
    }
}

// ---------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------

fn concern_codes(keep: impl Fn(&front_door_triage::guidance::Concern) -> bool) -> Vec<String> {
    guidance()
        .file()
        .concerns
        .iter()
        .filter(|c| keep(c))
        .map(|c| c.code.clone())
        .collect()
}

fn strength_codes() -> Vec<String> {
    guidance()
        .file()
        .strengths
        .iter()
        .map(|s| s.code.clone())
        .collect()
}

/// Up to `MAX_CONCERNS` distinct codes from `pool`, in guidance order (shrinks by dropping).
fn some_of(pool: Vec<String>) -> impl Strategy<Value = Vec<String>> {
    let most = pool.len().min(MAX_CONCERNS);
    subsequence(pool, 0..=most)
}

/// Concerns drawn three ways, so every rule of the default guidance gets exercised:
/// - from the whole catalogue (mostly level 3 and 4: family help and child protection);
/// - from levels 1 and 2 only (the cumulative rule and its lowering by strengths);
/// - from one to three domains only (domain rules, such as the domestic abuse, mental
///   health and substance use escalation).
fn concerns() -> impl Strategy<Value = Vec<String>> {
    let domains: Vec<String> = guidance()
        .file()
        .domains
        .iter()
        .map(|d| d.id.clone())
        .collect();
    let clustered = subsequence(domains, 1..=3)
        .prop_flat_map(|picked| some_of(concern_codes(|c| picked.contains(&c.domain))));
    prop_oneof![
        3 => some_of(concern_codes(|_| true)),
        2 => some_of(concern_codes(|c| c.level <= 2)),
        2 => clustered,
        1 => some_of(concern_codes(|c| !c.flags.is_empty())),
    ]
}

fn strengths() -> impl Strategy<Value = Vec<String>> {
    let all = strength_codes();
    let n = all.len();
    prop_oneof![1 => Just(Vec::new()), 3 => subsequence(all, 0..=n)]
}

/// Age 0 to 18 (babies over-represented), or unborn with no age. `non_mobile` is only
/// plausible under one, but any combination must still get a decision.
fn child() -> impl Strategy<Value = Child> {
    let age = prop_oneof![
        3 => (0.0f64..18.0).prop_map(Some),
        1 => (0.0f64..1.0).prop_map(Some),
        1 => Just(None),
    ];
    (
        age,
        any::<bool>(),
        any::<bool>(),
        select(KnownToSocialCare::ALL.to_vec()),
        prop_oneof![3 => Just(0u32), 1 => 0u32..5],
    )
        .prop_map(
            |(age_years, non_mobile, disabled_or_send, known, previous)| Child {
                age_years,
                unborn: age_years.is_none(),
                non_mobile,
                disabled_or_send,
                known_to_social_care: known,
                previous_contacts_12_months: previous,
            },
        )
}

/// Whether a concern applies to this child (its `ages`): only such cases can be decided.
fn fits(code: &str, child: &Child) -> bool {
    let g = guidance();
    g.concern(code)
        .is_some_and(|c| g.concern_fits(c, child.age_years))
}

fn case() -> impl Strategy<Value = Case> {
    (
        child(),
        prop::bool::weighted(0.15),
        concerns(),
        strengths(),
        select(Consent::ALL.to_vec()),
        select(Audience::ALL.to_vec()),
    )
        .prop_map(
            |(child, immediate_danger, concerns, strengths, consent, audience)| Case {
                concerns: concerns.into_iter().filter(|c| fits(c, &child)).collect(),
                child,
                immediate_danger,
                strengths,
                consent,
                audience,
            },
        )
}

/// Swap choices for a Fisher-Yates shuffle: shrinks to "no change" rather than to a
/// random seed, so a failing shuffle is as small as it can be.
fn swaps() -> impl Strategy<Value = Vec<Index>> {
    prop::collection::vec(any::<Index>(), MAX_CONCERNS.max(strength_codes().len()))
}

fn shuffled(codes: &[String], swaps: &[Index]) -> Vec<String> {
    let mut out = codes.to_vec();
    for i in (1..out.len()).rev() {
        let j = swaps[i % swaps.len()].index(i + 1);
        out.swap(i, j);
    }
    out
}

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn decide(case: &Case) -> Decision {
    evaluate(guidance(), case).unwrap_or_else(|e| {
        panic!(
            "a generated case must fit the guidance: {e}\ncase: {}",
            show(case)
        )
    })
}

fn show(case: &Case) -> String {
    serde_json::to_string(case).unwrap_or_else(|e| format!("{case:?} ({e})"))
}

fn json(decision: &Decision) -> String {
    serde_json::to_string(decision).expect("a decision serialises")
}

fn level_of(code: &str) -> u8 {
    guidance()
        .concern(code)
        .unwrap_or_else(|| panic!("unknown concern {code}"))
        .level
}

/// Every rule id a reason may name: the rules of the three tables, and the strength
/// lowering of a pathway rule.
fn rule_ids() -> BTreeSet<String> {
    let rules = &guidance().file().rules;
    let mut ids = BTreeSet::new();
    for r in &rules.pathway {
        ids.insert(r.id.clone());
        if r.lowered_by_strengths.is_some() {
            ids.insert(format!("{}.lowered_by_strengths", r.id));
        }
    }
    ids.extend(rules.escalation.iter().map(|r| r.id.clone()));
    ids.extend(rules.actions.iter().map(|r| r.id.clone()));
    ids
}

// ---------------------------------------------------------------------------------------
// The invariants
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    /// 1. `immediate_danger` ⇒ pathway `emergency`, whatever else is selected.
    #[test]
    fn immediate_danger_is_always_an_emergency(mut case in case()) {
        case.immediate_danger = true;
        let d = decide(&case);
        prop_assert_eq!(d.pathway, Pathway::Emergency, "case: {}", show(&case));
        prop_assert_eq!(&d.reasons[0].rule, &guidance().file().rules.pathway[0].id);
    }

    /// 2. Monotone: adding any one more concern never lowers the pathway.
    #[test]
    fn adding_a_concern_never_lowers_the_pathway(case in case(), pick in any::<Index>()) {
        let unselected =
            concern_codes(|c| !case.concerns.contains(&c.code) && fits(&c.code, &case.child));
        prop_assume!(!unselected.is_empty());
        let extra = pick.get(&unselected).clone();
        let mut more = case.clone();
        more.concerns.push(extra.clone());
        let before = decide(&case).pathway;
        let after = decide(&more).pathway;
        prop_assert!(
            after >= before,
            "adding '{}' lowered {} to {}\ncase: {}",
            extra, before, after, show(&case)
        );
    }

    /// 3. Strengths never lower `macpt_referral` or `emergency`; they may lower
    /// `family_help` to `signpost` only when no level-3 (or level-4) concern is present.
    /// They never raise a pathway either: strengths can appear only in action rules.
    #[test]
    fn strengths_only_lower_family_help_without_level_3(case in case()) {
        let mut without = case.clone();
        without.strengths.clear();
        let p0 = decide(&without).pathway;
        let p1 = decide(&case).pathway;
        prop_assert!(p1 <= p0, "strengths raised {} to {}\ncase: {}", p0, p1, show(&case));
        if p0 >= Pathway::MacptReferral {
            prop_assert_eq!(p1, p0, "strengths lowered it\ncase: {}", show(&case));
        }
        if p1 < p0 {
            prop_assert_eq!((p0, p1), (Pathway::FamilyHelp, Pathway::Signpost), "case: {}", show(&case));
            let high: Vec<_> = case.concerns.iter().filter(|c| level_of(c) >= 3).collect();
            prop_assert!(
                high.is_empty(),
                "strengths lowered family help despite {:?}\ncase: {}", high, show(&case)
            );
        }
    }

    /// 7. Strengths never lower a case whose consent was refused or unsafe to ask, lower
    /// at most `settings.strengths_lower_at_most` level-2 concerns, and never take away a
    /// consultation or a duty action.
    #[test]
    fn strengths_never_lower_refused_consent_or_take_away_duties(case in case()) {
        let mut without = case.clone();
        without.strengths.clear();
        let (d0, d1) = (decide(&without), decide(&case));
        if d1.pathway < d0.pathway {
            prop_assert!(
                !matches!(case.consent, Consent::Refused | Consent::UnsafeToAsk),
                "strengths lowered a case with consent {:?}\ncase: {}", case.consent, show(&case)
            );
            let level_2 = case.concerns.iter().filter(|c| level_of(c) == 2).count() as u32;
            let cap = guidance().file().settings.strengths_lower_at_most;
            prop_assert!(
                level_2 <= cap,
                "strengths lowered {} level-2 concerns, more than {}\ncase: {}", level_2, cap, show(&case)
            );
        }
        if d0.consultation_advised {
            prop_assert!(d1.consultation_advised, "strengths took away consultation\ncase: {}", show(&case));
        }
        for a in d0.actions.iter().filter(|a| a.duty || a.code == "consultation_line") {
            prop_assert!(
                d1.has_action(&a.code),
                "strengths took away '{}'\ncase: {}", a.code, show(&case)
            );
        }
    }

    /// 4. Consent never changes whether the section 47 threshold is met; consent refused
    /// for a `family_help` case keeps `family_help`, advises consultation and adds the
    /// consultation line action.
    #[test]
    fn consent_never_changes_the_s47_threshold(case in case()) {
        let decisions: Vec<(Consent, Decision)> = Consent::ALL
            .iter()
            .map(|&consent| (consent, decide(&Case { consent, ..case.clone() })))
            .collect();
        let s47: Vec<bool> = decisions
            .iter()
            .map(|(_, d)| d.pathway >= Pathway::MacptReferral)
            .collect();
        prop_assert!(
            s47.iter().all(|&m| m == s47[0]),
            "consent changed the s47 threshold: {:?}\ncase: {}",
            decisions.iter().map(|(c, d)| (*c, d.pathway)).collect::<Vec<_>>(),
            show(&case)
        );
        // Refusing, or its being unsafe to ask, never gets less than agreeing does.
        let given = decisions[0].1.pathway;
        prop_assert_eq!(decisions[0].0, Consent::Given);
        for (c, d) in &decisions {
            if matches!(c, Consent::Refused | Consent::UnsafeToAsk) {
                prop_assert!(d.pathway >= given, "{:?} got {} below {}\ncase: {}", c, d.pathway, given, show(&case));
            }
        }
        let refused = &decisions
            .iter()
            .find(|(c, _)| *c == Consent::Refused)
            .expect("Consent::ALL has Refused")
            .1;
        if decisions.iter().any(|(_, d)| d.pathway == Pathway::FamilyHelp) {
            prop_assert_eq!(refused.pathway, Pathway::FamilyHelp, "case: {}", show(&case));
            prop_assert!(refused.consultation_advised, "case: {}", show(&case));
            prop_assert!(refused.has_action("consultation_line"), "case: {}", show(&case));
            // A refused family is never told to send the request it refused.
            prop_assert!(!refused.has_action("request_family_help"), "case: {}", show(&case));
        }
    }

    /// 5. Every decision carries at least one reason; the first names the pathway rule
    /// that fired; every rule named exists; every concern or strength named was selected.
    #[test]
    fn every_decision_has_reasons_naming_rules_and_selected_concerns(case in case()) {
        let d = decide(&case);
        prop_assert!(!d.reasons.is_empty(), "no reason\ncase: {}", show(&case));
        let first = &d.reasons[0].rule;
        prop_assert!(
            guidance().file().rules.pathway.iter().any(|r| &r.id == first),
            "first reason '{}' is not a pathway rule\ncase: {}", first, show(&case)
        );
        let ids = rule_ids();
        for r in &d.reasons {
            prop_assert!(ids.contains(&r.rule), "unknown rule '{}'\ncase: {}", r.rule, show(&case));
            prop_assert!(!r.text.trim().is_empty(), "reason '{}' has no text", r.rule);
            for c in &r.concerns {
                prop_assert!(
                    case.concerns.contains(c),
                    "reason '{}' names unselected concern '{}'\ncase: {}", r.rule, c, show(&case)
                );
            }
            for s in &r.strengths {
                prop_assert!(
                    case.strengths.contains(s),
                    "reason '{}' names unrecorded strength '{}'\ncase: {}", r.rule, s, show(&case)
                );
            }
        }
        // In the default guidance only concerns raise a pathway above signpost (short of an
        // emergency), so such a decision must name at least one of them.
        if !case.immediate_danger && d.pathway > Pathway::Signpost {
            prop_assert!(
                d.reasons.iter().any(|r| !r.concerns.is_empty()),
                "{} without naming a concern\ncase: {}", d.pathway, show(&case)
            );
        }
    }

    /// 6. Deterministic: the same case gives byte-identical decision JSON, and the order
    /// in which concerns and strengths were ticked does not matter.
    #[test]
    fn decisions_are_deterministic_and_ignore_input_order(
        case in case(),
        concern_swaps in swaps(),
        strength_swaps in swaps(),
    ) {
        let once = json(&decide(&case));
        let again = json(&decide(&case));
        prop_assert_eq!(&once, &again, "case: {}", show(&case));

        let mut reordered = case.clone();
        reordered.concerns = shuffled(&case.concerns, &concern_swaps);
        reordered.strengths = shuffled(&case.strengths, &strength_swaps);
        let other = json(&decide(&reordered));
        prop_assert_eq!(&once, &other, "case: {}\nreordered: {}", show(&case), show(&reordered));
    }

    /// Who is asking changes wording and actions, never the pathway or level.
    #[test]
    fn audience_never_changes_the_pathway(case in case()) {
        let decided: Vec<(Audience, Pathway, u8)> = Audience::ALL
            .iter()
            .map(|&audience| {
                let d = decide(&Case { audience, ..case.clone() });
                (audience, d.pathway, d.level)
            })
            .collect();
        prop_assert!(
            decided.iter().all(|&(_, p, l)| (p, l) == (decided[0].1, decided[0].2)),
            "audience changed the outcome: {:?}\ncase: {}", decided, show(&case)
        );
    }

    /// 8. An action the guidance marks unsafe with a flag never appears in a decision
    /// whose concerns carry that flag (no family meeting with forced marriage, sexual
    /// abuse, FGM, fabricated illness, high-risk domestic abuse or "do not tell parents").
    #[test]
    fn unsafe_actions_never_appear_with_their_flags(case in case()) {
        let d = decide(&case);
        let g = guidance();
        let flags: BTreeSet<&str> = case
            .concerns
            .iter()
            .filter_map(|c| g.concern(c))
            .flat_map(|c| c.flags.iter().map(String::as_str))
            .collect();
        for a in &d.actions {
            let action = g.action(&a.code).expect("a decided action is in the guidance");
            for f in &action.never_with_flags {
                prop_assert!(
                    !flags.contains(f.as_str()),
                    "'{}' appears with a concern flagged '{}'\ncase: {}", a.code, f, show(&case)
                );
            }
        }
    }

    /// 9. Every child protection and emergency decision names the out-of-hours route.
    #[test]
    fn child_protection_always_names_the_out_of_hours_route(case in case()) {
        let d = decide(&case);
        if d.pathway >= Pathway::MacptReferral {
            let out_of_hours = guidance().contact("out_of_hours").expect("an out_of_hours contact");
            prop_assert!(
                d.actions.iter().any(|a| a.contact.as_ref().is_some_and(|c| c.phone == out_of_hours.phone)),
                "{} without the out-of-hours number\ncase: {}", d.pathway, show(&case)
            );
        }
    }

    /// Never "do nothing" (research §8): every decision of the shipped guidance names at
    /// least one thing to do next, with a timescale.
    #[test]
    fn every_decision_says_what_to_do_next_and_by_when(case in case()) {
        let d = decide(&case);
        prop_assert!(!d.actions.is_empty(), "{} with nothing to do\ncase: {}", d.pathway, show(&case));
        for a in &d.actions {
            prop_assert!(!a.timescale.trim().is_empty(), "'{}' has no timescale", a.code);
        }
    }

    /// A concern outside its ages is a located case error, never a decision.
    #[test]
    fn concerns_outside_their_ages_are_located_errors(
        mut case in case(),
        age in select(vec![None, Some(13.0), Some(16.5), Some(18.0), Some(24.0)]),
        pick in any::<Index>(),
    ) {
        let g = guidance();
        case.child.age_years = age;
        case.child.unborn = age.is_none();
        case.concerns.retain(|c| fits(c, &case.child));
        let misfits: Vec<&str> = g
            .file()
            .concerns
            .iter()
            .filter(|c| !g.concern_fits(c, case.child.age_years))
            .map(|c| c.code.as_str())
            .collect();
        prop_assume!(!misfits.is_empty());
        let wrong = pick.get(&misfits).to_string();
        let mut bad = case.clone();
        bad.concerns.push(wrong.clone());
        let err = evaluate(g, &bad).expect_err("a concern outside its ages is refused");
        let at = format!("$.concerns[{}]", bad.concerns.len() - 1);
        prop_assert!(
            err.problems.iter().any(|p| p.path == at && p.message.contains(&wrong)),
            "{:?}\ncase: {}", err.problems, show(&bad)
        );
    }
}

// ---------------------------------------------------------------------------------------
// The case parser: any text gives Ok or Err, never a panic.
// ---------------------------------------------------------------------------------------

/// Pieces of case JSON, put together in random order: mostly wrong, sometimes nearly right.
fn json_fragments() -> impl Strategy<Value = String> {
    let mut pieces: Vec<String> = [
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "null",
        "true",
        "false",
        "0",
        "-1",
        "4.5",
        "1e999",
        "-0",
        "25",
        "25.0000001",
        "1e-400",
        "18446744073709551616",
        "NaN",
        "\"\\u0000\"",
        "\"\\ud800\"",
        "{\"child\":",
        "\"child\"",
        "\"age_years\":",
        "\"unborn\":",
        "\"non_mobile\":",
        "\"disabled_or_send\":",
        "\"known_to_social_care\":",
        "\"looked_after\"",
        "\"immediate_danger\":",
        "\"concerns\":",
        "\"strengths\":",
        "\"consent\":",
        "\"refused\"",
        "\"audience\":",
        "\"front_door\"",
        "\"extra\":",
        " ",
        "\n",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    pieces.extend(
        concern_codes(|_| true)
            .into_iter()
            .take(5)
            .chain(strength_codes().into_iter().take(2))
            .map(|c| format!("\"{c}\"")),
    );
    prop::collection::vec(select(pieces), 0..40).prop_map(|v| v.concat())
}

/// Valid case JSON, then cut short or with some text spliced in.
fn damaged_case_json() -> impl Strategy<Value = String> {
    (case(), any::<Index>(), any::<Index>(), ".{0,8}").prop_map(|(case, at, upto, insert)| {
        let text = show(&case);
        let mut cut = at.index(text.len() + 1);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let mut rest = cut + upto.index(text.len() - cut + 1);
        while !text.is_char_boundary(rest) {
            rest -= 1;
        }
        format!("{}{}{}", &text[..cut], insert, &text[rest..])
    })
}

/// A parsed case always fits its guidance, so the engine decides it.
fn parse_then_decide(text: &str) -> Result<(), TestCaseError> {
    if let Ok(case) = Case::from_json(text, guidance()) {
        prop_assert!(
            evaluate(guidance(), &case).is_ok(),
            "from_json accepted a case evaluate rejects: {}",
            text
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn case_parser_never_panics_on_any_string(text in any::<String>()) {
        parse_then_decide(&text)?;
    }

    #[test]
    fn case_parser_never_panics_on_json_fragments(text in json_fragments()) {
        parse_then_decide(&text)?;
    }

    #[test]
    fn case_parser_never_panics_on_damaged_cases(text in damaged_case_json()) {
        parse_then_decide(&text)?;
    }

    /// Case JSON parses back to exactly the same case, ages to the last bit (serde_json's
    /// `float_roundtrip` feature): 0.9999999999999999 must not come back as 1.0.
    #[test]
    fn generated_cases_round_trip_through_the_parser(case in case()) {
        let parsed = Case::from_json(&show(&case), guidance())
            .map_err(|e| TestCaseError::fail(format!("{e}\ncase: {}", show(&case))))?;
        prop_assert_eq!(parsed, case);
    }
}

// ---------------------------------------------------------------------------------------
// The generators reach every branch that matters, or the properties prove little.
// ---------------------------------------------------------------------------------------

#[test]
fn generated_cases_cover_every_pathway_and_rule() {
    let mut runner = TestRunner::deterministic();
    let strategy = case();
    let mut pathways = BTreeSet::new();
    let mut rules = BTreeSet::new();
    let mut refused_family_help = false;
    for _ in 0..CASES {
        let case = strategy
            .new_tree(&mut runner)
            .expect("strategy generates")
            .current();
        let d = decide(&case);
        pathways.insert(d.pathway);
        rules.extend(d.reasons.iter().map(|r| r.rule.clone()));
        refused_family_help |= d.pathway == Pathway::FamilyHelp && case.consent == Consent::Refused;
    }
    assert_eq!(
        pathways.len(),
        Pathway::ALL.len(),
        "pathways reached: {pathways:?}"
    );
    let g = &guidance().file().rules;
    for r in &g.pathway {
        assert!(rules.contains(&r.id), "pathway rule '{}' never fired", r.id);
        if r.lowered_by_strengths.is_some() {
            let lowered = format!("{}.lowered_by_strengths", r.id);
            assert!(rules.contains(&lowered), "'{lowered}' never applied");
        }
    }
    for r in &g.escalation {
        assert!(
            rules.contains(&r.id),
            "escalation rule '{}' never fired",
            r.id
        );
    }
    assert!(
        refused_family_help,
        "no family help case with consent refused"
    );
}
