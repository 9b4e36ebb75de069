//! The public vignette suite, the project's decision-safety suite and the concern
//! catalogue, against the guidance files we ship.

use crate::support::manifest_dir;
use front_door_triage::vignette::{self, Suite};
use front_door_triage::Guidance;
use serde_json::Value;
use std::path::PathBuf;

/// Reads a file under `../shared`, or `None` (with a note) when the shared dir is absent.
fn shared(rel: &str) -> Option<String> {
    let path = manifest_dir().join("../shared").join(rel);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => {
            println!("note: cannot read {} ({e}); skipping", path.display());
            None
        }
    }
}

fn default_guidance() -> Guidance {
    Guidance::embedded_default().unwrap_or_else(|e| panic!("default guidance:\n{e}"))
}

#[test]
fn public_vignettes_all_pass() {
    let Some(text) = shared("vignettes/public.json") else {
        return;
    };
    let suite = Suite::from_json(&text).unwrap_or_else(|p| panic!("public.json: {p}"));
    assert!(
        !suite.vignettes.is_empty(),
        "the public suite has no vignettes"
    );
    let report = vignette::run(&default_guidance(), &suite);
    let mut failures = String::new();
    for f in &report.failures {
        failures.push_str(&format!("FAIL {} {}\n", f.id, f.title));
        for p in &f.problems {
            failures.push_str(&format!("  {p}\n"));
        }
    }
    assert!(
        report.failures.is_empty(),
        "{} passed, {} failed:\n{failures}",
        report.passed,
        report.failures.len()
    );
    assert_eq!(report.passed, suite.vignettes.len());
}

/// `tests/vignettes/safety.json`: every decision-safety rule and duty (issues 11 and 17),
/// with the actions that must and must not appear, against both shipped files: each
/// authority starts from one of them, so what either teaches must be safe.
#[test]
fn decision_safety_vignettes_pass_for_both_shipped_files() {
    let text = crate::support::read("tests/vignettes/safety.json");
    let suite = Suite::from_json(&text).unwrap_or_else(|p| panic!("safety.json: {p}"));
    assert!(suite.vignettes.len() >= 70, "the safety suite lost cases");
    for path in [
        "www/guidance/default.json",
        "www/guidance/example-county.json",
    ] {
        let g = Guidance::from_json(&crate::support::read(path))
            .unwrap_or_else(|e| panic!("{path}:\n{e}"));
        let report = vignette::run(&g, &suite);
        let failures: Vec<String> = report
            .failures
            .iter()
            .map(|f| format!("FAIL {} {}\n  {}", f.id, f.title, f.problems.join("\n  ")))
            .collect();
        assert!(failures.is_empty(), "{path}:\n{}", failures.join("\n"));
        assert_eq!(report.passed, suite.vignettes.len());
    }
}

#[test]
fn suites_carry_metadata_but_cases_stay_strict() {
    let case = r#"{"child":{"age_years":7},"concerns":["domestic_abuse.child_witnessed"],"consent":"given"}"#;
    let expect = r#"{"pathway":"family_help"}"#;
    let with_metadata = format!(
        r#"{{"about":"a","author":"policy team","vignettes":[{{"id":"m1","title":"t","source":"Kent level 3 example","notes":"entered blind","tags":["da"],"case":{case},"expect":{expect}}},
            {{"id":"m2","source":{{"title":"Working Together 2023","section":"chapter 3"}},"case":{case},"expect":{expect}}}]}}"#
    );
    let suite = Suite::from_json(&with_metadata).unwrap_or_else(|p| panic!("{p}"));
    assert_eq!(vignette::run(&default_guidance(), &suite).passed, 2);

    let typo_in_case = with_metadata.replacen(r#""consent":"given""#, r#""consnet":"given""#, 1);
    let p = Suite::from_json(&typo_in_case).expect_err("an unknown key inside a case is an error");
    assert_eq!(p.path, "$.vignettes[0].case.consnet");
    assert!(p.message.contains("consnet"), "{p}");
    let typo_in_expect = with_metadata.replacen(
        r#""pathway":"family_help""#,
        r#""pathway":"family_help","absent_action":[]"#,
        1,
    );
    let p =
        Suite::from_json(&typo_in_expect).expect_err("an unknown key inside expect is an error");
    assert!(p.path.starts_with("$.vignettes[0].expect"), "{p}");
}

/// The catalogue's flags are a floor: the default guidance carries every one of them and
/// may add flags of its own (issue 11 adds `family_meeting_unsafe`, `marac`, ...), as it
/// may add concerns. Codes, domains and levels must match exactly.
#[test]
fn default_guidance_holds_the_whole_catalogue() {
    let Some(text) = shared("catalogue.json") else {
        return;
    };
    let catalogue: Value = serde_json::from_str(&text).expect("catalogue.json is JSON");
    let g = default_guidance();
    let mut missing = Vec::new();

    for d in catalogue["domains"].as_array().expect("catalogue domains") {
        let id = d["id"].as_str().expect("domain id");
        if g.domain(id).is_none() {
            missing.push(format!("domain {id}: not in the default guidance"));
        }
    }

    let concerns = catalogue["concerns"]
        .as_array()
        .expect("catalogue concerns");
    assert!(!concerns.is_empty());
    for c in concerns {
        let code = c["code"].as_str().expect("concern code");
        let Some(have) = g.concern(code) else {
            missing.push(format!("concern {code}: not in the default guidance"));
            continue;
        };
        let domain = c["domain"].as_str().expect("concern domain");
        if have.domain != domain {
            missing.push(format!(
                "concern {code}: domain {} in the guidance, {domain} in the catalogue",
                have.domain
            ));
        }
        let level = c["level"].as_u64().expect("concern level");
        if u64::from(have.level) != level {
            missing.push(format!(
                "concern {code}: level {} in the guidance, {level} in the catalogue",
                have.level
            ));
        }
        let want: Vec<&str> = c["flags"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let lacking: Vec<&&str> = want
            .iter()
            .filter(|f| !have.flags.iter().any(|h| h == *f))
            .collect();
        if !lacking.is_empty() {
            missing.push(format!(
                "concern {code}: the guidance lacks the catalogue's flags {lacking:?} (it has {:?})",
                have.flags
            ));
        }
    }

    for s in catalogue["strengths"]
        .as_array()
        .expect("catalogue strengths")
    {
        let code = s["code"].as_str().expect("strength code");
        if g.strength(code).is_none() {
            missing.push(format!("strength {code}: not in the default guidance"));
        }
    }

    assert!(
        missing.is_empty(),
        "the default guidance does not match shared/catalogue.json:\n{}",
        missing.join("\n")
    );
}

fn guidance_files() -> Vec<PathBuf> {
    let dir = manifest_dir().join("www/guidance");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && p.file_name()
                    .is_some_and(|n| n != "schema.json" && n != "index.json")
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_shipped_guidance_file_loads() {
    let files = guidance_files();
    assert!(
        files.iter().any(|p| p.ends_with("default.json")),
        "www/guidance/default.json is missing: {files:?}"
    );
    let mut broken = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        match Guidance::from_json(&text) {
            Ok(g) => println!("{}: ok ({} {})", path.display(), g.id(), g.version()),
            Err(e) => broken.push(format!("{}:\n{e}", path.display())),
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n\n"));
}

#[test]
fn embedded_default_is_the_shipped_default_file() {
    // The app compiles in www/guidance/default.json; the file on disk and the embedded copy
    // are the same guidance (the same id and version, so the published sha256 pins it).
    let on_disk = std::fs::read_to_string(manifest_dir().join("www/guidance/default.json"))
        .expect("default.json");
    let disk = Guidance::from_json(&on_disk).unwrap_or_else(|e| panic!("default.json:\n{e}"));
    let embedded = default_guidance();
    assert_eq!(disk.id(), embedded.id());
    assert!(
        embedded.file().authority.demo,
        "the default guidance must be marked demo"
    );
}
