//! The public vignette suite and the concern catalogue, against the guidance files we ship.

use front_door_triage::vignette::{self, Suite};
use front_door_triage::Guidance;
use serde_json::Value;
use std::path::PathBuf;
mod support;
use support::manifest_dir;

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
        let mut want: Vec<&str> = c["flags"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut got: Vec<&str> = have.flags.iter().map(String::as_str).collect();
        want.sort_unstable();
        got.sort_unstable();
        if want != got {
            missing.push(format!(
                "concern {code}: flags {got:?} in the guidance, {want:?} in the catalogue"
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
