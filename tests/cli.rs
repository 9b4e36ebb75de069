//! The `triage` command line (`docs/contracts.md` 4.4), run as a real process.

use crate::support::{manifest_dir, read, run, run_with_stdin};
use front_door_triage::{evaluate, Case, Guidance};
use serde_json::Value;
use std::process::Output;

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

fn describe(o: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
        o.status.code(),
        stdout(o),
        stderr(o)
    )
}

fn fixture(name: &str) -> String {
    format!("tests/fixtures/{name}")
}

/// The decision the library gives for a case file, as a JSON value.
fn library_decision(guidance: &Guidance, case_rel: &str) -> Value {
    let case = Case::from_json(&read(case_rel), guidance).expect("fixture case is valid");
    let decision = evaluate(guidance, &case).expect("fixture case evaluates");
    serde_json::to_value(&decision).expect("decision serialises")
}

#[test]
fn decide_prints_the_library_decision() {
    let case = fixture("case_family_help.json");
    let out = run(&["decide", &case]);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    let printed: Value = serde_json::from_str(&stdout(&out)).expect("decide prints JSON");
    assert_eq!(printed["pathway"], "family_help", "{}", describe(&out));
    assert_eq!(printed["level"], 3);
    let g = Guidance::embedded_default().expect("embedded default guidance loads");
    assert_eq!(printed, library_decision(&g, &case));
}

#[test]
fn decide_dash_reads_standard_input() {
    let case = fixture("case_family_help.json");
    let out = run_with_stdin(&["decide", "-"], &read(&case));
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    let printed: Value = serde_json::from_str(&stdout(&out)).expect("decide prints JSON");
    let g = Guidance::embedded_default().expect("embedded default guidance loads");
    assert_eq!(printed, library_decision(&g, &case));
}

#[test]
fn decide_rejects_an_unknown_concern_code_with_its_path() {
    let out = run(&["decide", &fixture("case_unknown_concern.json")]);
    assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
    let err = stderr(&out);
    assert!(err.contains("$.concerns[0]"), "{}", describe(&out));
    assert!(
        err.contains("neglect.home_conditions_unsafe"),
        "{}",
        describe(&out)
    );
    assert!(stdout(&out).trim().is_empty(), "{}", describe(&out));
}

#[test]
fn decide_rejects_an_unknown_field() {
    let out = run(&["decide", &fixture("case_unknown_field.json")]);
    assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
    let err = stderr(&out);
    assert!(err.contains("$.child_name"), "{}", describe(&out));
    assert!(
        err.contains("unknown field `child_name`"),
        "{}",
        describe(&out)
    );
}

#[test]
fn decide_with_a_missing_case_file_exits_2() {
    let out = run(&["decide", "tests/fixtures/no-such-case.json"]);
    assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
    assert!(stderr(&out).contains("cannot read"), "{}", describe(&out));
}

#[test]
fn check_accepts_the_default_guidance() {
    let out = run(&["check", "www/guidance/default.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    assert!(stdout(&out).contains("ok"), "{}", describe(&out));
}

#[test]
fn check_lists_every_problem_with_its_path() {
    let out = run(&["check", "tests/guidance_errors/_three_problems.json"]);
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    let err = stderr(&out);
    assert!(err.contains("3 problem(s)"), "{}", describe(&out));
    for expected in [
        "$.id: id 'Mini County' must be lowercase letters, digits and hyphens",
        "$.concerns[3].domain: concern 'home.low' is in unknown domain 'school'",
        "$.rules.actions[1].actions[2]: unknown action 'lado_referral'",
    ] {
        assert!(
            err.contains(expected),
            "missing '{expected}'\n{}",
            describe(&out)
        );
    }
}

#[test]
fn check_reports_a_file_that_is_not_json() {
    let out = run(&["check", "tests/guidance_errors/not_json.json"]);
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    assert!(
        stderr(&out).contains("$: the file is not valid JSON"),
        "{}",
        describe(&out)
    );
}

#[test]
fn test_runs_the_public_vignette_suite() {
    let suite = manifest_dir().join("../shared/vignettes/public.json");
    if !suite.exists() {
        println!("note: {} is absent; skipping", suite.display());
        return;
    }
    let out = run(&["test", "../shared/vignettes/public.json"]);
    let text = stdout(&out);
    assert_eq!(
        text.lines().last(),
        Some("32 passed, 0 failed"),
        "{}",
        describe(&out)
    );
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
}

#[test]
fn test_reports_a_failing_vignette_and_exits_1() {
    let out = run(&["test", &fixture("vignettes_one_wrong.json")]);
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    let fail = lines
        .iter()
        .position(|l| l.starts_with("FAIL fx-002"))
        .unwrap_or_else(|| panic!("no FAIL line for fx-002\n{}", describe(&out)));
    assert!(
        lines[fail + 1..]
            .iter()
            .take_while(|l| !l.starts_with("FAIL"))
            .any(|l| l.contains("expected macpt_referral, got family_help")),
        "{}",
        describe(&out)
    );
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("FAIL")).count(),
        1,
        "{}",
        describe(&out)
    );
    assert_eq!(
        lines.last(),
        Some(&"2 passed, 1 failed"),
        "{}",
        describe(&out)
    );
}

#[test]
fn schema_prints_the_published_schema_exactly() {
    let out = run(&["schema"]);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    let published = read("www/guidance/schema.json");
    assert!(
        stdout(&out) == published,
        "`triage schema` differs from www/guidance/schema.json; \
         run `cargo run -- schema > www/guidance/schema.json`"
    );
}

#[test]
fn guidance_option_is_honoured() {
    let guidance = "tests/guidance_errors/_valid_minimal.json";
    let case = fixture("case_mini_county.json");

    // The case names a concern only the minimal guidance has.
    let out = run(&["decide", &case]);
    assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
    assert!(stderr(&out).contains("$.concerns[0]"), "{}", describe(&out));

    let out = run(&["decide", "--guidance", guidance, &case]);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    let printed: Value = serde_json::from_str(&stdout(&out)).expect("decide prints JSON");
    assert_eq!(printed["pathway"], "macpt_referral", "{}", describe(&out));
    assert_eq!(printed["guidance"]["id"], "mini-county");
    let g = Guidance::from_json(&read(guidance)).expect("minimal guidance loads");
    assert_eq!(printed, library_decision(&g, &case));
}

#[test]
fn a_broken_guidance_option_exits_1() {
    let out = run(&[
        "decide",
        "--guidance",
        "tests/guidance_errors/concern_level_5.json",
        &fixture("case_mini_county.json"),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    assert!(
        stderr(&out).contains("$.concerns[2].level"),
        "{}",
        describe(&out)
    );
}
