//! Fuzzing by property: random mutations of real guidance files (values replaced with
//! other types and extremes, keys deleted or renamed, array items dropped or repeated,
//! text cut short or spliced) go through parsing, validation and, when the file is still
//! valid, evaluation of random cases. Nothing may panic; a valid file must still decide
//! every case and keep invariant 1.
//!
//! The test command runs a short bounded run; `scripts/fuzz` runs a long one
//! (`FUZZ_CASES=1000000`, in release). Results are recorded in BENCHMARKS.md.

use front_door_triage::case::{Audience, Case, Child, Consent, KnownToSocialCare};
use front_door_triage::{evaluate, Guidance, Pathway};
use proptest::prelude::*;
use serde_json::Value;

use crate::support::mutate::{apply, char_boundary, mutation, runner, Mutation};

const MINIMAL: &str = include_str!("guidance_errors/_valid_minimal.json");
const DEFAULT: &str = include_str!("../www/guidance/default.json");

fn case_from(g: &Guidance, seed: u64, danger: bool) -> Case {
    let concerns = &g.file().concerns;
    let age_years = if seed % 11 == 0 {
        None
    } else {
        Some((seed % 19) as f64 * 0.9)
    };
    // Only concerns that apply to this child: any other is a case error, not a decision.
    let picked: Vec<String> = (0..(seed % 6))
        .filter_map(|k| concerns.get(((seed >> (k * 7)) % concerns.len().max(1) as u64) as usize))
        .filter(|c| g.concern_fits(c, age_years))
        .map(|c| c.code.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let strengths = g
        .file()
        .strengths
        .iter()
        .take((seed % 3) as usize)
        .map(|s| s.code.clone())
        .collect();
    Case {
        child: Child {
            age_years,
            unborn: seed % 11 == 0,
            non_mobile: seed % 13 == 0,
            disabled_or_send: seed % 2 == 0,
            known_to_social_care: KnownToSocialCare::ALL[(seed % 5) as usize],
            previous_contacts_12_months: (seed % 4) as u32,
        },
        immediate_danger: danger,
        concerns: picked,
        strengths,
        consent: Consent::ALL[(seed % 4) as usize],
        audience: Audience::ALL[(seed % 3) as usize],
    }
}

/// Parse, validate, and if valid, decide: the whole path a guidance file takes.
/// Returns whether the file was valid (so the decision path was exercised).
fn exercise(text: &str, seed: u64) -> Result<bool, TestCaseError> {
    let Ok(g) = Guidance::from_json(text) else {
        return Ok(false);
    };
    for danger in [false, true] {
        let case = case_from(&g, seed, danger);
        let d = evaluate(&g, &case)
            .map_err(|e| TestCaseError::fail(format!("valid case refused: {e}")))?;
        if danger {
            prop_assert_eq!(d.pathway, Pathway::Emergency);
        }
        prop_assert!(!d.reasons.is_empty());
    }
    Ok(true)
}

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300)
}

/// Runs the mutations; returns (inputs run, inputs still valid and decided).
fn run(
    base: &str,
    cases: u32,
    strategy: impl Strategy<Value = (Vec<Mutation>, u64, u16, u16)>,
) -> (u32, u32) {
    let base: Value = serde_json::from_str(base).unwrap();
    let mut runner = runner(cases);
    let ran = std::cell::Cell::new(0);
    let valid = std::cell::Cell::new(0);
    runner
        .run(&strategy, |(mutations, seed, cut, splice)| {
            ran.set(ran.get() + 1);
            let mut value = base.clone();
            for m in &mutations {
                apply(&mut value, m);
            }
            let mut text = serde_json::to_string(&value).unwrap();
            // Byte-level damage too, on a character boundary.
            if cut % 4 == 0 {
                let at = char_boundary(&text, cut);
                text.truncate(at);
            } else if splice % 5 == 0 {
                let at = char_boundary(&text, splice);
                text.insert_str(at, "\u{0}\"]}{[,:\\u12");
            }
            valid.set(valid.get() + u32::from(exercise(&text, seed)?));
            Ok(())
        })
        .unwrap();
    (ran.get(), valid.get())
}

fn inputs() -> impl Strategy<Value = (Vec<Mutation>, u64, u16, u16)> {
    (
        prop::collection::vec(mutation(), 0..4),
        any::<u64>(),
        any::<u16>(),
        any::<u16>(),
    )
}

#[test]
fn mutated_minimal_guidance_never_panics() {
    let (ran, valid) = run(MINIMAL, cases(), inputs());
    println!(
        "fuzz: {ran} mutated minimal guidance files ({valid} still valid and decided), no panic"
    );
    assert!(
        valid * 10 >= ran,
        "too few mutants stay valid to exercise the engine: {valid} of {ran}"
    );
}

#[test]
fn mutated_default_guidance_never_panics() {
    // The full file costs more per input: a tenth as many.
    let (ran, valid) = run(DEFAULT, (cases() / 10).max(100), inputs());
    println!(
        "fuzz: {ran} mutated default guidance files ({valid} still valid and decided), no panic"
    );
    assert!(
        valid * 10 >= ran,
        "too few mutants stay valid to exercise the engine: {valid} of {ran}"
    );
}

#[test]
fn raw_text_never_panics() {
    runner(cases())
        .run(&(any::<String>(), any::<u64>()), |(text, seed)| {
            exercise(&text, seed)?;
            let _ = Case::from_json(&text, &Guidance::embedded_default().unwrap());
            Ok(())
        })
        .unwrap();
    println!(
        "fuzz: {} random strings through the guidance and case parsers, no panic",
        cases()
    );
}
