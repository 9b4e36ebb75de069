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
use proptest::test_runner::{Config, TestRunner};
use serde_json::Value;

const MINIMAL: &str = include_str!("guidance_errors/_valid_minimal.json");
const DEFAULT: &str = include_str!("../www/guidance/default.json");

#[derive(Debug, Clone)]
enum Mutation {
    Replace(u64, Value),
    DeleteKey(u64),
    RenameKey(u64),
    DropItem(u64),
    RepeatItem(u64),
}

fn extreme_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        prop_oneof![
            Just(-1.0),
            Just(0.0),
            Just(5.0),
            Just(0.5),
            Just(1e308),
            Just(-1e308),
            Just(255.0),
            Just(256.0)
        ]
        .prop_map(|f| serde_json::json!(f)),
        prop_oneof![
            Just(String::new()),
            Just("always".to_string()),
            Just("immediate_danger".to_string()),
            Just("<script>alert(1)</script>".to_string()),
            Just("x".repeat(10_000)),
            "[a-z_.]{0,12}",
        ]
        .prop_map(Value::String),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
        Just(serde_json::json!({"not": {"not": {"not": "always"}}})),
        Just(serde_json::json!({"all": []})),
        Just(
            serde_json::json!({"count_at_level": {"level": 9, "at_least": 0, "domains_at_least": 99}})
        ),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<u64>(), extreme_value()).prop_map(|(s, v)| Mutation::Replace(s, v)),
        1 => any::<u64>().prop_map(Mutation::DeleteKey),
        1 => any::<u64>().prop_map(Mutation::RenameKey),
        1 => any::<u64>().prop_map(Mutation::DropItem),
        1 => any::<u64>().prop_map(Mutation::RepeatItem),
    ]
}

/// Walks down from the root using the seed's digits to pick children, stopping at a
/// container the mutation can act on.
fn pick(value: &mut Value, mut seed: u64, want_container: bool) -> &mut Value {
    let mut node = value;
    for _ in 0..12 {
        let n = match &*node {
            Value::Object(m) => m.len(),
            Value::Array(a) => a.len(),
            _ => 0,
        };
        let stop = seed % 5 == 0;
        seed /= 5;
        if n == 0 || (stop && (!want_container || n > 0)) {
            break;
        }
        let i = (seed % n as u64) as usize;
        seed /= n as u64 + 1;
        let child_is_container = match &*node {
            Value::Object(m) => m
                .values()
                .nth(i)
                .is_some_and(|v| v.is_object() || v.is_array()),
            Value::Array(a) => a[i].is_object() || a[i].is_array(),
            _ => false,
        };
        if want_container && !child_is_container {
            break;
        }
        node = match node {
            Value::Object(m) => m.values_mut().nth(i).unwrap(),
            Value::Array(a) => &mut a[i],
            _ => unreachable!(),
        };
    }
    node
}

fn apply(root: &mut Value, m: &Mutation) {
    match m {
        Mutation::Replace(seed, v) => *pick(root, *seed, false) = v.clone(),
        Mutation::DeleteKey(seed) | Mutation::RenameKey(seed) => {
            if let Value::Object(map) = pick(root, *seed, true) {
                if let Some(k) = map
                    .keys()
                    .nth((*seed % 7) as usize % map.len().max(1))
                    .cloned()
                {
                    let v = map.remove(&k);
                    if let (Mutation::RenameKey(_), Some(v)) = (m, v) {
                        map.insert(format!("{k}_x"), v);
                    }
                }
            }
        }
        Mutation::DropItem(seed) | Mutation::RepeatItem(seed) => {
            if let Value::Array(a) = pick(root, *seed, true) {
                if !a.is_empty() {
                    let i = (*seed % a.len() as u64) as usize;
                    if matches!(m, Mutation::DropItem(_)) {
                        a.remove(i);
                    } else {
                        a.push(a[i].clone());
                    }
                }
            }
        }
    }
}

fn case_from(g: &Guidance, seed: u64, danger: bool) -> Case {
    let concerns = &g.file().concerns;
    let picked: Vec<String> = (0..(seed % 6))
        .filter_map(|k| concerns.get(((seed >> (k * 7)) % concerns.len().max(1) as u64) as usize))
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
            age_years: if seed % 11 == 0 {
                None
            } else {
                Some((seed % 19) as f64 * 0.9)
            },
            unborn: seed % 11 == 0,
            non_mobile: seed % 13 == 0,
            disabled_or_send: seed % 2 == 0,
            known_to_social_care: KnownToSocialCare::ALL[(seed % 4) as usize],
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
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
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
                let at = text
                    .char_indices()
                    .nth(text.len() * usize::from(cut) / 65536)
                    .map_or(0, |(i, _)| i);
                text.truncate(at);
            } else if splice % 5 == 0 {
                let at = text
                    .char_indices()
                    .nth(text.len() * usize::from(splice) / 65536)
                    .map_or(0, |(i, _)| i);
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
    let (ran, valid) = run(DEFAULT, (cases() / 10).max(30), inputs());
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
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&(any::<String>(), any::<u64>()), |(text, seed)| {
            exercise(&text, seed)?;
            let _ = Case::from_json(&text, &Guidance::embedded_default().unwrap());
            Ok(())
        })
        .unwrap();
}
