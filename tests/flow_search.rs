//! The concern search against what practitioners really type: `tests/search/phrases.json`
//! holds phrases from teachers, health visitors, police, social workers and others, each
//! with the concerns that would be a right answer. A phrase is a hit when one of them is
//! in the first five results. The hit rate is reported in BENCHMARKS.md.

use crate::support::{read, run};
use front_door_triage::flow::search::SearchIndex;
use front_door_triage::Guidance;
use serde::Deserialize;

#[derive(Deserialize)]
struct Phrases {
    phrases: Vec<Phrase>,
}

#[derive(Deserialize)]
struct Phrase {
    phrase: String,
    who: String,
    expect: Vec<String>,
}

/// The share of phrases that must find a right concern in the top five.
const FLOOR: f64 = 0.95;
const TOP: usize = 5;

fn hit_rate(path: &str) -> (usize, usize, Vec<String>, Vec<String>) {
    let g = Guidance::from_json(&read(path)).expect("shipped guidance is valid");
    let index = SearchIndex::new(&g);
    let phrases: Phrases =
        serde_json::from_str(&read("tests/search/phrases.json")).expect("phrases.json");
    let mut misses = Vec::new();
    let mut nothing = Vec::new();
    let mut hits = 0;
    for p in &phrases.phrases {
        let found: Vec<&str> = index
            .search(&p.phrase)
            .matches
            .iter()
            .take(TOP)
            .map(|m| g.file().concerns[m.concern as usize].code.as_str())
            .collect();
        if found.is_empty() {
            nothing.push(format!("{:?} ({})", p.phrase, p.who));
        }
        if found.iter().any(|c| p.expect.iter().any(|e| e == c)) {
            hits += 1;
        } else {
            misses.push(format!(
                "{:?} ({}): wanted one of {:?}, got {:?}",
                p.phrase, p.who, p.expect, found
            ));
        }
    }
    (hits, phrases.phrases.len(), misses, nothing)
}

#[test]
fn practitioners_phrases_find_the_concern_they_mean_in_the_top_five() {
    for path in [
        "www/guidance/default.json",
        "www/guidance/example-county.json",
    ] {
        let (hits, total, misses, nothing) = hit_rate(path);
        assert!(total >= 150, "the phrase file lost phrases: {total}");
        let rate = hits as f64 / total as f64;
        println!(
            "{path}: {hits} of {total} phrases hit in the top {TOP} ({:.1}%)",
            rate * 100.0
        );
        for m in &misses {
            println!("  miss {m}");
        }
        assert!(
            nothing.is_empty(),
            "{path}: phrases that find nothing at all:\n{}",
            nothing.join("\n")
        );
        assert!(
            rate >= FLOOR,
            "{path}: {hits} of {total} ({:.1}%) is below {:.0}%:\n{}",
            rate * 100.0,
            FLOOR * 100.0,
            misses.join("\n")
        );
    }
}

#[test]
fn the_cli_prints_ranked_codes_and_text_one_a_line() {
    let out = run(&["search", "--limit", "3", "self", "harm"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert!(!lines.is_empty() && lines.len() <= 3, "{text}");
    for line in &lines {
        let (code, concern) = line.split_once('\t').expect("code, a tab, the text");
        assert!(code.contains('.') && !concern.is_empty(), "{line}");
    }
    assert!(
        lines.iter().any(|l| l.starts_with("health.self_harm")),
        "{text}"
    );

    let out = run(&[
        "search",
        "--guidance",
        "www/guidance/example-county.json",
        "DV",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .next()
            .is_some_and(|l| l.starts_with("domestic_abuse.")),
        "{text}"
    );

    let out = run(&["search"]);
    assert_eq!(out.status.code(), Some(2), "words are required");
}
