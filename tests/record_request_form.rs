//! The request for support, drafted (`src/record/request_form.rs`), and `triage draft`,
//! on every public vignette with both shipped guidance files: a family help or child
//! protection case gets every section of the authority's form in its order, with its
//! identity placeholders and nothing the case does not hold; other routes get no draft.

use crate::support::{manifest_dir, read, run, run_with_stdin, shipped_guidance};
use front_door_triage::record::request_form::{draft_for, NoDraft};
use front_door_triage::record::Notes;
use front_door_triage::vignette::{Suite, Vignette};
use front_door_triage::vocabulary::Pathway;
use front_door_triage::{evaluate, Guidance};

fn public_suite() -> Option<Suite> {
    let path = manifest_dir().join("../shared/vignettes/public.json");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(Suite::from_json(&text).unwrap_or_else(|p| panic!("public.json: {p}"))),
        Err(e) => {
            println!("note: cannot read {} ({e}); skipping", path.display());
            None
        }
    }
}

/// Every heading of the form, each on a line of its own, in the form's order.
fn assert_headings_in_order(g: &Guidance, text: &str, what: &str) {
    let form = g
        .file()
        .request_form
        .as_ref()
        .expect("the shipped files have a form");
    let lines: Vec<&str> = text.lines().collect();
    let mut from = 0;
    for s in &form.sections {
        let at = lines[from..]
            .iter()
            .position(|l| *l == s.heading)
            .unwrap_or_else(|| {
                panic!(
                    "{what}: heading '{}' missing or out of order:\n{text}",
                    s.heading
                )
            });
        from += at + 1;
    }
}

/// Nothing the case does not hold: no concern or strength it did not choose, and no
/// note it did not write (these cases carry no notes).
fn assert_holds_only_the_case(g: &Guidance, v: &Vignette, text: &str, what: &str) {
    for c in &g.file().concerns {
        if !v.case.concerns.contains(&c.code) {
            assert!(
                !text.contains(&format!("- {}", c.text)),
                "{what}: concern '{}' is not in the case:\n{text}",
                c.code
            );
        }
    }
    for s in &g.file().strengths {
        if !v.case.strengths.contains(&s.code) {
            assert!(
                !text.contains(&format!("- {}", s.text)),
                "{what}: strength '{}' is not in the case:\n{text}",
                s.code
            );
        }
    }
    for note in ["as I recorded them", "Anything else:\n- "] {
        assert!(!text.contains(note), "{what}: no notes were given:\n{text}");
    }
}

#[test]
fn every_public_vignette_gets_a_draft_exactly_when_its_route_needs_one() {
    let Some(suite) = public_suite() else {
        return;
    };
    for (file, g) in shipped_guidance() {
        let mut drafted = 0;
        for v in &suite.vignettes {
            let what = format!("{file} {}", v.id);
            let d = evaluate(&g, &v.case).unwrap_or_else(|e| panic!("{what}: {e}"));
            match (
                d.pathway,
                draft_for(&g, &v.case, &d, None, &Notes::default()),
            ) {
                (Pathway::FamilyHelp | Pathway::MacptReferral, Ok(text)) => {
                    drafted += 1;
                    assert_headings_in_order(&g, &text, &what);
                    for placeholder in ["[child's full name]", "[address]", "[your name and role]"]
                    {
                        assert!(text.contains(placeholder), "{what}: {placeholder}\n{text}");
                    }
                    assert!(
                        text.contains("[date of birth]")
                            || text.contains("[expected date of delivery]"),
                        "{what}: a date of birth placeholder\n{text}"
                    );
                    let title = &g.file().pathways.get(d.pathway).title;
                    assert!(
                        text.contains(&format!("Type of request: {title}")),
                        "{what}\n{text}"
                    );
                    assert!(
                        text.contains(&format!("level {}", d.level)),
                        "{what}\n{text}"
                    );
                    assert_holds_only_the_case(&g, v, &text, &what);
                }
                (Pathway::Signpost, Err(NoDraft::NotNeeded)) => {}
                (Pathway::Emergency, Err(NoDraft::PhoneFirst)) => {}
                (p, got) => panic!("{what}: route {} gave {got:?}", p.code()),
            }
        }
        assert!(drafted >= 20, "{file}: only {drafted} drafts");
    }
}

/// `triage draft` prints the library's draft, exits 4 with a reason for a route that
/// needs no form, on every public vignette.
#[test]
fn triage_draft_prints_the_same_draft_for_every_public_vignette() {
    let Some(suite) = public_suite() else {
        return;
    };
    for (file, g) in shipped_guidance() {
        for v in &suite.vignettes {
            let what = format!("{file} {}", v.id);
            let out = run_with_stdin(
                &["draft", "--guidance", file, "-"],
                &serde_json::to_string(&v.case).unwrap(),
            );
            let stdout = String::from_utf8(out.stdout).unwrap();
            let stderr = String::from_utf8(out.stderr).unwrap();
            let d = evaluate(&g, &v.case).unwrap();
            match draft_for(&g, &v.case, &d, None, &Notes::default()) {
                Ok(text) => {
                    assert_eq!(out.status.code(), Some(0), "{what}: {stderr}");
                    assert_eq!(stdout, text, "{what}");
                }
                Err(why) => {
                    assert_eq!(out.status.code(), Some(4), "{what}: {stdout}{stderr}");
                    assert!(stdout.is_empty(), "{what}: {stdout}");
                    assert!(stderr.contains(&why.to_string()), "{what}: {stderr}");
                }
            }
        }
    }
}

#[test]
fn the_two_shipped_forms_differ_in_order_and_headings() {
    let files = shipped_guidance();
    let headings = |g: &Guidance| -> Vec<String> {
        g.file()
            .request_form
            .as_ref()
            .unwrap()
            .sections
            .iter()
            .map(|s| s.heading.clone())
            .collect()
    };
    assert_ne!(headings(&files[0].1), headings(&files[1].1));
}

#[test]
fn triage_draft_without_a_form_in_the_guidance_exits_1() {
    let text = read("www/guidance/default.json");
    let mut file: serde_json::Value = serde_json::from_str(&text).unwrap();
    file.as_object_mut().unwrap().remove("request_form");
    let path = std::env::temp_dir().join(format!("no-form-{}.json", std::process::id()));
    std::fs::write(&path, serde_json::to_string(&file).unwrap()).unwrap();
    let out = run(&[
        "draft",
        "--guidance",
        path.to_str().unwrap(),
        "tests/fixtures/case_family_help.json",
    ]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("request_form"));
}
