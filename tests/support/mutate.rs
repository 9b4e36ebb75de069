//! Random structural mutations of a JSON document, shared by the fuzz test and the JSON
//! path test: values replaced with other types and extremes, keys deleted or renamed,
//! array items dropped or repeated.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRng, TestRunner};
use serde_json::Value;

/// The byte index of the character boundary `fraction`/65536 of the way into `text`, for
/// cutting or splicing the text without splitting a character.
pub fn char_boundary(text: &str, fraction: u16) -> usize {
    text.char_indices()
        .nth(text.len() * usize::from(fraction) / 65536)
        .map_or(0, |(i, _)| i)
}

/// A proptest runner for `cases` inputs. The test command's short runs use a fixed seed,
/// so they cannot flake or pass by luck: their checks on how many mutants stay valid are
/// statistical, and 30 random inputs sometimes fall short. A long run (`FUZZ_CASES` set,
/// as `scripts/fuzz` does) draws fresh inputs every time.
pub fn runner(cases: u32) -> TestRunner {
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    if std::env::var_os("FUZZ_CASES").is_some() {
        TestRunner::new(config)
    } else {
        let rng = TestRng::deterministic_rng(config.rng_algorithm);
        TestRunner::new_with_rng(config, rng)
    }
}

#[derive(Debug, Clone)]
pub enum Mutation {
    Replace(u64, Value),
    DeleteKey(u64),
    RenameKey(u64),
    DropItem(u64),
    RepeatItem(u64),
}

pub fn extreme_value() -> impl Strategy<Value = Value> {
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

pub fn mutation() -> impl Strategy<Value = Mutation> {
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
pub fn pick(value: &mut Value, mut seed: u64, want_container: bool) -> &mut Value {
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

pub fn apply(root: &mut Value, m: &Mutation) {
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
