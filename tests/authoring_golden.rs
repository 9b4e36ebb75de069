//! Golden decisions (issue 7): the full decision JSON of every public vignette under each
//! shipped guidance file is kept in tests/golden/<file>/<vignette id>.json, so any change
//! in wording, action order, contacts or signposting shows up here as a diff.
//! After an intended change: `cargo run -- test --guidance www/guidance/default.json
//! ../shared/vignettes/public.json --golden tests/golden/default --update-golden` (and the
//! same for example-county), then review the diff of tests/golden/ before committing.

use crate::support::{manifest_dir, read, run};
use front_door_triage::authoring::golden::{self, Status};
use front_door_triage::vignette::Suite;
use front_door_triage::Guidance;
use std::path::PathBuf;

const SHIPPED: [(&str, &str); 2] = [
    ("www/guidance/default.json", "tests/golden/default"),
    (
        "www/guidance/example-county.json",
        "tests/golden/example-county",
    ),
];
const SUITE: &str = "../shared/vignettes/public.json";

fn public_suite() -> Option<Suite> {
    let path = manifest_dir().join(SUITE);
    if !path.exists() {
        println!(
            "note: {} is absent; skipping the golden checks",
            path.display()
        );
        return None;
    }
    Some(Suite::from_json(&read(SUITE)).expect("the public suite parses"))
}

/// A fresh folder under the system temp folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("fdt-golden-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create a temp folder");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn golden_decisions_match_for_both_shipped_guidance_files() {
    let Some(suite) = public_suite() else { return };
    for (file, dir) in SHIPPED {
        let g = Guidance::from_json(&read(file)).expect("shipped guidance is valid");
        let entries = golden::run(&g, &suite, &manifest_dir().join(dir), false)
            .expect("comparing never writes");
        assert_eq!(entries.len(), suite.vignettes.len());
        let mut report = String::new();
        for e in entries.iter().filter(|e| e.failed()) {
            report.push_str(&format!("{}\n{}\n", e.id, e.problem_lines().join("\n")));
        }
        assert!(
            report.is_empty(),
            "golden decisions for {file} differ (if intended, rerun with --update-golden and review):\n{report}"
        );
        assert!(golden::strays(&suite, &manifest_dir().join(dir)).is_empty());
    }
}

/// The project's decision-safety suite has golden decisions too, in a folder of its own
/// per file, so a change to a duty's wording, contact or order shows up as a diff.
#[test]
fn golden_decisions_of_the_safety_suite_match() {
    let suite = Suite::from_json(&read("tests/vignettes/safety.json")).expect("safety suite");
    for (file, dir) in SHIPPED {
        let dir = manifest_dir().join(format!("{dir}-safety"));
        let g = Guidance::from_json(&read(file)).expect("shipped guidance is valid");
        let entries = golden::run(&g, &suite, &dir, false).expect("comparing never writes");
        let report: Vec<String> = entries
            .iter()
            .filter(|e| e.failed())
            .map(|e| format!("{}\n{}", e.id, e.problem_lines().join("\n")))
            .collect();
        assert!(
            report.is_empty(),
            "safety golden decisions for {file} differ (if intended: triage test --guidance {file} tests/vignettes/safety.json --golden {} --update-golden, then review):\n{}",
            dir.display(),
            report.join("\n")
        );
        assert!(golden::strays(&suite, &dir).is_empty());
    }
}

#[test]
fn the_cli_checks_golden_files() {
    if public_suite().is_none() {
        return;
    }
    let out = run(&[
        "test",
        "--guidance",
        SHIPPED[0].0,
        SUITE,
        "--golden",
        SHIPPED[0].1,
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().last(), Some("32 passed, 0 failed"), "{text}");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_changed_decision_fails_with_a_diff_until_updated() {
    let Some(suite) = public_suite() else { return };
    let tmp = TempDir::new("changed");
    let dir = tmp.0.to_str().expect("a UTF-8 temp path");
    for v in &suite.vignettes {
        let name = format!("{}.json", v.id);
        std::fs::copy(
            manifest_dir().join(SHIPPED[0].1).join(&name),
            tmp.0.join(&name),
        )
        .expect("copy a golden file");
    }
    // Someone re-words an action: the golden file no longer matches.
    let edited = read(&format!("{}/pub-005.json", SHIPPED[0].1))
        .replace("Within 2 working days", "Within two working days");
    std::fs::write(tmp.0.join("pub-005.json"), edited).expect("write");
    std::fs::remove_file(tmp.0.join("pub-001.json")).expect("remove");

    let out = run(&["test", "--guidance", SHIPPED[0].0, SUITE, "--golden", dir]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert_eq!(text.lines().last(), Some("30 passed, 2 failed"), "{text}");
    assert!(text.contains("FAIL pub-005"), "{text}");
    assert!(
        text.contains("-      \"timescale\": \"Within two working days\","),
        "{text}"
    );
    assert!(
        text.contains("+      \"timescale\": \"Within 2 working days\","),
        "{text}"
    );
    assert!(text.contains("@@ -"), "{text}");
    assert!(
        text.contains("FAIL pub-001") && text.contains("is missing"),
        "{text}"
    );

    let out = run(&[
        "test",
        "--guidance",
        SHIPPED[0].0,
        SUITE,
        "--golden",
        dir,
        "--update-golden",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("updated golden file") && text.contains("created golden file"),
        "{text}"
    );
    let g = Guidance::from_json(&read(SHIPPED[0].0)).expect("valid");
    let entries = golden::run(&g, &suite, &tmp.0, false).expect("compare");
    assert!(entries.iter().all(|e| e.status == Status::Same));
}

#[test]
fn update_golden_needs_golden() {
    let out = run(&[
        "test",
        "--update-golden",
        "tests/fixtures/vignettes_one_wrong.json",
    ]);
    assert_eq!(out.status.code(), Some(2), "clap rejects it");
}
