//! `triage diff` (issue 7): what a revision changes, in codes, rules and decided cases.

use crate::support::{manifest_dir, read, run};
use front_door_triage::authoring::diff::{diff, Diff};
use front_door_triage::vignette::Suite;
use front_door_triage::{Guidance, Pathway};

fn guidance(rel: &str) -> Guidance {
    Guidance::from_json(&read(rel)).expect("shipped guidance is valid")
}

/// The public vignette suite, or `None` (with a note) when ../shared is absent.
fn public_suite() -> Option<Suite> {
    let path = manifest_dir().join("../shared/vignettes/public.json");
    if !path.exists() {
        println!(
            "note: {} is absent; skipping the vignette part",
            path.display()
        );
        return None;
    }
    Some(Suite::from_json(&read("../shared/vignettes/public.json")).expect("public suite parses"))
}

fn changed_ids(d: &Diff, source: &str) -> Vec<String> {
    d.cases
        .changed
        .iter()
        .filter(|c| c.source == source)
        .map(|c| c.id.clone())
        .collect()
}

/// The default guidance with one concern moved from level 2 to level 3.
fn relevelled_default() -> Guidance {
    let text = read("www/guidance/default.json");
    let old = "\"code\": \"learning.exclusion_risk\",\n      \"domain\": \"learning\",\n      \"level\": 2,";
    assert_eq!(
        text.matches(old).count(),
        1,
        "the fixture edit must hit once"
    );
    let new = old.replace("\"level\": 2", "\"level\": 3");
    Guidance::from_json(&text.replace(old, &new)).expect("the edit is valid")
}

#[test]
fn the_two_shipped_files_differ_in_one_rule_and_one_public_vignette() {
    let (old, new) = (
        guidance("www/guidance/default.json"),
        guidance("www/guidance/example-county.json"),
    );
    let suite = public_suite();
    let d = diff(&old, &new, suite.as_ref(), 500);

    // Rules: exactly cumulative-level-2, its condition (3 → 4) and reason changed.
    assert_eq!(d.rules.len(), 1, "{}", d.to_text("old", "new", None));
    let r = &d.rules[0];
    assert_eq!((r.table, r.id.as_str()), ("pathway", "cumulative-level-2"));
    assert!(r.kinds.contains(&"condition changed"), "{:?}", r.kinds);
    assert_eq!(
        r.when_before.as_deref(),
        Some("at least 3 concerns at exactly level 2, across at least 2 domains")
    );
    assert_eq!(
        r.when_after.as_deref(),
        Some("at least 4 concerns at exactly level 2, across at least 2 domains")
    );

    // Concern codes and levels are the same; only their wording differs.
    let concerns: Vec<_> = d
        .changes
        .iter()
        .filter(|c| c.section == "concerns")
        .collect();
    assert!(
        concerns.iter().all(|c| c.kinds == vec!["re-worded"]),
        "{concerns:?}"
    );

    // Decisions: every change is family help → signpost from the moved threshold.
    for c in &d.cases.changed {
        assert_eq!(
            c.before.pathway,
            Some(Pathway::FamilyHelp),
            "{}",
            c.in_words
        );
        assert_eq!(c.after.pathway, Some(Pathway::Signpost), "{}", c.in_words);
        assert_eq!(c.before.rule.as_deref(), Some("cumulative-level-2"));
    }
    assert!(changed_ids(&d, "single concern").is_empty());
    assert!(
        !changed_ids(&d, "generated").is_empty(),
        "the sample must reach the threshold"
    );
    if suite.is_some() {
        assert_eq!(d.cases.vignettes_tried, 32);
        assert_eq!(changed_ids(&d, "vignette"), vec!["pub-005"]);
    }
}

#[test]
fn a_one_change_edit_reports_exactly_that_change() {
    let old = guidance("www/guidance/default.json");
    let new = relevelled_default();
    let suite = public_suite();
    let d = diff(&old, &new, suite.as_ref(), 300);

    assert_eq!(d.changes.len(), 1, "{}", d.to_text("old", "new", None));
    let c = &d.changes[0];
    assert_eq!(
        (c.section.as_str(), c.key.as_str()),
        ("concerns", "learning.exclusion_risk")
    );
    assert_eq!(c.kinds, vec!["re-levelled"]);
    assert_eq!(c.fields.len(), 1);
    assert_eq!(c.fields[0].field, "level");
    assert_eq!(
        (c.fields[0].before.as_u64(), c.fields[0].after.as_u64()),
        (Some(2), Some(3))
    );
    assert!(d.rules.is_empty());

    // The concern on its own now needs family help; every changed case has it.
    assert_eq!(
        changed_ids(&d, "single concern"),
        vec!["learning.exclusion_risk"]
    );
    for changed in &d.cases.changed {
        assert!(
            changed
                .case
                .concerns
                .iter()
                .any(|x| x == "learning.exclusion_risk"),
            "{} changed without the re-levelled concern",
            changed.in_words
        );
        assert!(
            changed.after.pathway >= changed.before.pathway,
            "{}",
            changed.in_words
        );
    }
    if suite.is_some() {
        // pub-004 is the only public vignette with the concern.
        assert_eq!(changed_ids(&d, "vignette"), vec!["pub-004"]);
    }
}

#[test]
fn a_file_compared_with_itself_has_no_changes() {
    let g = guidance("www/guidance/example-county.json");
    let d = diff(&g, &g, public_suite().as_ref(), 200);
    assert!(d.is_empty(), "{}", d.to_text("a", "a", None));
    assert_eq!(d.cases.generated_tried, 200);
}

#[test]
fn diff_is_deterministic() {
    let (old, new) = (guidance("www/guidance/default.json"), relevelled_default());
    assert_eq!(
        diff(&old, &new, None, 300).to_json(),
        diff(&old, &new, None, 300).to_json()
    );
}

#[test]
fn the_cli_reports_and_exits_0_or_2_on_bad_input() {
    let mut args = vec![
        "diff",
        "www/guidance/default.json",
        "www/guidance/example-county.json",
        "--sample",
        "200",
    ];
    let suite = manifest_dir().join("../shared/vignettes/public.json");
    if suite.exists() {
        args.extend(["--vignettes", "../shared/vignettes/public.json"]);
    }
    let out = run(&args);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Pathway rule cumulative-level-2 (position 4)"),
        "{text}"
    );
    if suite.exists() {
        assert!(text.contains("pub-005"), "{text}");
    }

    args.extend(["--format", "json"]);
    let out = run(&args);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("diff --format json prints JSON");
    assert_eq!(json["rules"][0]["id"], "cumulative-level-2");

    let out = run(&[
        "diff",
        "www/guidance/default.json",
        "tests/lint/no-such-file.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&[
        "diff",
        "www/guidance/default.json",
        "tests/guidance_errors/concern_level_5.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("$.concerns[2].level"));
}

/// Every changed decision names what changed it: the rules that fire differently or were
/// themselves changed, actions newly unsafe with the case's flags, re-levelled concerns.
#[test]
fn each_changed_decision_names_what_changed_it() {
    let old = guidance("www/guidance/default.json");
    let mut file: serde_json::Value =
        serde_json::from_str(&read("www/guidance/default.json")).expect("JSON");
    // A revision: a family meeting becomes unsafe with self-harm, and exclusion risk is
    // re-levelled from 2 to 3.
    let concerns = file["concerns"].as_array_mut().unwrap();
    for c in concerns.iter_mut() {
        match c["code"].as_str() {
            Some("health.self_harm") => c["flags"] = serde_json::json!(["family_meeting_unsafe"]),
            Some("learning.exclusion_risk") => c["level"] = serde_json::json!(3),
            _ => {}
        }
    }
    let new = Guidance::from_json(&file.to_string()).expect("the edit is valid");
    let d = diff(&old, &new, None, 200);
    let single = |code: &str| {
        d.cases
            .changed
            .iter()
            .find(|c| c.source == "single concern" && c.id == code)
            .unwrap_or_else(|| panic!("{code} should change:\n{}", d.to_text("a", "b", None)))
    };
    let self_harm = single("health.self_harm");
    assert!(
        self_harm.changed_by.iter().any(|w| w
            == "action offer_family_group_decision_making (now never with family_meeting_unsafe)"),
        "{:?}",
        self_harm.changed_by
    );
    let exclusion = single("learning.exclusion_risk");
    assert!(
        exclusion
            .changed_by
            .contains(&"concern learning.exclusion_risk (level 2 → 3)".to_string()),
        "{:?}",
        exclusion.changed_by
    );
    assert!(
        exclusion
            .changed_by
            .iter()
            .any(|w| w == "any-level-3 (now fires)"),
        "{:?}",
        exclusion.changed_by
    );
    assert!(d.to_text("a", "b", None).contains("changed by: "));
}
