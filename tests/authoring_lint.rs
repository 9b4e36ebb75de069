//! `triage lint` (issue 7): each file under tests/lint/ holds one known problem, built
//! from `clean.json`; lint must report it as the right kind, at the right JSON path, and
//! show it on the smallest case. The shipped guidance files must lint clean.

use crate::support::{manifest_dir, read, run};
use front_door_triage::authoring::lint::{lint, lint_text, Finding, Kind, Report, Severity};
use front_door_triage::Guidance;

fn lint_fixture(name: &str) -> Report {
    lint_text(&read(&format!("tests/lint/{name}.json")))
}

fn show(r: &Report) -> String {
    r.to_text("fixture")
}

/// The one finding of this kind at this path, with this severity.
fn finding<'r>(r: &'r Report, kind: Kind, severity: Severity, path: &str) -> &'r Finding {
    let found: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| f.kind == kind && f.path == path)
        .collect();
    assert_eq!(found.len(), 1, "want one {kind:?} at {path}\n{}", show(r));
    assert_eq!(found[0].severity, severity, "{}", show(r));
    found[0]
}

#[test]
fn both_shipped_guidance_files_lint_clean() {
    for file in [
        "www/guidance/default.json",
        "www/guidance/example-county.json",
    ] {
        let r = lint_text(&read(file));
        assert!(r.findings.is_empty(), "{}", r.to_text(file));
        assert_eq!(r.exit_code(), 0);
        assert!(r.cases_tried > 10_000, "searched only {}", r.cases_tried);
    }
}

#[test]
fn the_clean_base_of_the_fixtures_lints_clean() {
    let r = lint_fixture("clean");
    assert!(r.findings.is_empty(), "{}", show(&r));
}

#[test]
fn a_rule_behind_a_broader_earlier_rule_is_shadowed() {
    let r = lint_fixture("shadowed_rule");
    let f = finding(
        &r,
        Kind::ShadowedRule,
        Severity::Error,
        "$.rules.pathway[4]",
    );
    assert!(f.message.contains("'cumulative-level-2'"), "{}", f.message);
    assert!(f.message.contains("'any-level-2'"), "{}", f.message);
    assert_eq!(r.findings.len(), 1, "{}", show(&r));
    assert_eq!(r.exit_code(), 1);
}

#[test]
fn a_rule_no_case_can_meet_never_fires() {
    let r = lint_fixture("impossible_rule");
    finding(
        &r,
        Kind::RuleNeverFires,
        Severity::Error,
        "$.rules.pathway[1]",
    );
    assert_eq!(r.findings.len(), 1, "{}", show(&r));
}

#[test]
fn an_action_rule_asking_for_an_impossible_pathway_never_fires() {
    let r = lint_fixture("action_never_fires");
    // Search finds no case (logic alone cannot prove it), so this is a warning.
    finding(
        &r,
        Kind::RuleNeverFires,
        Severity::Warning,
        "$.rules.actions[6]",
    );
    assert_eq!(r.exit_code(), 3, "{}", show(&r));
}

#[test]
fn a_concern_nothing_reads_is_unused() {
    let r = lint_fixture("unused_concern");
    let f = finding(&r, Kind::UnusedConcern, Severity::Warning, "$.concerns[4]");
    assert!(f.message.contains("school.note"), "{}", f.message);
    assert_eq!(r.findings.len(), 1, "{}", show(&r));
    assert_eq!(r.exit_code(), 3);
}

#[test]
fn a_strength_no_rule_reads_is_unused() {
    let r = lint_fixture("unused_strength");
    finding(
        &r,
        Kind::UnusedStrength,
        Severity::Warning,
        "$.strengths[0]",
    );
    assert_eq!(r.findings.len(), 1, "{}", show(&r));
}

#[test]
fn an_action_no_rule_collects_is_unused() {
    let r = lint_fixture("unused_action");
    finding(&r, Kind::UnusedAction, Severity::Warning, "$.actions[6]");
    assert_eq!(r.findings.len(), 1, "{}", show(&r));
}

#[test]
fn a_contact_no_action_names_is_unused() {
    let r = lint_fixture("unused_contact");
    finding(
        &r,
        Kind::UnusedContact,
        Severity::Warning,
        "$.contacts.lado",
    );
    assert_eq!(r.findings.len(), 1, "{}", show(&r));
}

#[test]
fn a_service_for_a_domain_without_concerns_is_unused() {
    let r = lint_fixture("unused_service");
    finding(&r, Kind::UnusedService, Severity::Warning, "$.services[1]");
    assert_eq!(r.findings.len(), 1, "{}", show(&r));
}

#[test]
fn a_pathway_rule_using_not_breaks_monotonicity_on_the_smallest_case() {
    let r = lint_fixture("monotone_not");
    let f = finding(
        &r,
        Kind::InvariantBreak,
        Severity::Error,
        "$.rules.pathway[2]",
    );
    assert!(f.message.contains("invariant 2"), "{}", f.message);
    let e = f
        .example
        .as_ref()
        .expect("an invariant break comes with a case");
    // The smallest case: one concern, no strengths, the plain child.
    assert_eq!(e.case.concerns, vec!["care.low"], "{}", show(&r));
    assert!(e.case.strengths.is_empty());
    assert_eq!(e.case.child.age_years, Some(10.0));
    assert!(!e.case.child.non_mobile && !e.case.immediate_danger);
    assert!(e.outcome.contains("home.low added"), "{}", e.outcome);
    assert!(e.outcome.contains("macpt_referral") && e.outcome.contains("family_help"));
    assert_eq!(r.findings.len(), 1, "{}", show(&r));
}

#[test]
fn an_escalation_rule_using_not_is_blamed_for_the_drop() {
    let r = lint_fixture("escalation_not");
    let f = finding(
        &r,
        Kind::InvariantBreak,
        Severity::Error,
        "$.rules.escalation[1]",
    );
    let e = f.example.as_ref().expect("a case");
    assert!(
        e.case.concerns.is_empty(),
        "smallest case has no concerns: {}",
        show(&r)
    );
}

#[test]
fn no_rule_for_refused_consent_breaks_invariant_4() {
    let r = lint_fixture("consent_refused_missing");
    let f = finding(&r, Kind::InvariantBreak, Severity::Error, "$.rules.actions");
    assert!(f.message.contains("invariant 4"), "{}", f.message);
    let e = f.example.as_ref().expect("a case");
    assert_eq!(e.case.concerns.len(), 1, "{}", show(&r));
    assert_eq!(e.case.consent, front_door_triage::Consent::Refused);
}

#[test]
fn a_file_without_a_default_reports_the_cases_it_leaves_out() {
    let r = lint_fixture("missing_default");
    assert!(!r.valid);
    finding(
        &r,
        Kind::Invalid,
        Severity::Error,
        "$.rules.pathway[3].when",
    );
    let f = finding(&r, Kind::UncoveredCases, Severity::Error, "$.rules.pathway");
    let e = f.example.as_ref().expect("an uncovered case");
    assert!(e.case.concerns.is_empty(), "{}", show(&r));
}

#[test]
fn an_earlier_lower_rule_overlapping_later_ones_is_a_warning() {
    let r = lint_fixture("overlap");
    let f = finding(
        &r,
        Kind::OverlappingRules,
        Severity::Warning,
        "$.rules.pathway[1]",
    );
    assert!(f.message.contains("'any-level-4'"), "{}", f.message);
    let e = f.example.as_ref().expect("a case");
    assert_eq!(e.case.child.age_years, Some(18.0), "{}", show(&r));
    assert_eq!(e.case.concerns.len(), 1, "{}", show(&r));
    assert_eq!(r.findings.len(), 1, "{}", show(&r));
    assert_eq!(r.exit_code(), 3);
}

#[test]
fn strengths_on_a_level_3_rule_can_never_lower_it() {
    let r = lint_fixture("lowering_on_level_3");
    finding(
        &r,
        Kind::LoweringNeverApplies,
        Severity::Warning,
        "$.rules.pathway[2].lowered_by_strengths",
    );
    assert_eq!(r.findings.len(), 1, "{}", show(&r));
}

#[test]
fn level_4_concerns_and_duties_without_a_source_are_warnings() {
    let r = lint_fixture("missing_source");
    let f = finding(&r, Kind::MissingSource, Severity::Warning, "$.concerns[2]");
    assert!(
        f.message.contains("'care.high' is at level 4"),
        "{}",
        f.message
    );
    let f = finding(&r, Kind::MissingSource, Severity::Warning, "$.actions[6]");
    assert!(f.message.contains("is a duty"), "{}", f.message);
    assert_eq!(r.findings.len(), 2, "{}", show(&r));
    assert_eq!(r.exit_code(), 3, "warnings only");
}

#[test]
fn child_protection_without_the_out_of_hours_route_breaks_invariant_9() {
    let r = lint_fixture("out_of_hours_missing");
    let f = finding(&r, Kind::InvariantBreak, Severity::Error, "$.rules.actions");
    assert!(f.message.contains("invariant 9"), "{}", f.message);
    let example = f.example.as_ref().expect("a smallest case");
    assert_eq!(example.case.concerns, ["care.high"]);
    assert_eq!(r.findings.len(), 1, "{}", show(&r));
}

/// `clean.json` with `edit` made to it.
fn lint_clean_with(edit: impl FnOnce(&mut serde_json::Value)) -> Report {
    let mut file: serde_json::Value =
        serde_json::from_str(&read("tests/lint/clean.json")).expect("clean.json is JSON");
    edit(&mut file);
    lint_text(&file.to_string())
}

// Without `not`, a concern added can lower the pathway only through an earlier rule with a
// lower pathway taking the case; lint searches such files in full.
#[test]
fn an_earlier_lower_rule_taking_the_case_breaks_monotonicity() {
    let r = lint_clean_with(|f| {
        let rules = f["rules"]["pathway"].as_array_mut().unwrap();
        // Above any-level-4 (macpt_referral): any home concern gets family help.
        rules.insert(
            1,
            serde_json::json!({
                "id": "home-needs", "when": {"domain": "home"}, "pathway": "family_help",
                "reason": "Needs at home."
            }),
        );
    });
    let f = finding(
        &r,
        Kind::InvariantBreak,
        Severity::Error,
        "$.rules.pathway[1]",
    );
    assert!(f.message.contains("invariant 2"), "{}", f.message);
    assert!(f.message.contains("'home-needs'"), "{}", f.message);
    let example = f.example.as_ref().expect("a smallest case");
    assert_eq!(example.case.concerns.len(), 1, "{}", show(&r));
}

// Strengths lower the earlier rule's family help to a signpost, so a second level-2
// concern lowers the pathway. Its smallest case has a strength and consent given; shrinking
// it used to go round for ever.
#[test]
fn strengths_lowering_an_earlier_rule_break_monotonicity_on_a_small_case() {
    let r = lint_clean_with(|f| {
        let rules = f["rules"]["pathway"].as_array_mut().unwrap();
        let at = rules.len() - 1;
        rules.insert(
            at,
            serde_json::json!({
                "id": "one-level-2", "pathway": "family_help", "reason": "One additional need.",
                "when": {"count_at_level": {"level": 2, "at_least": 1, "domains_at_least": 1}}
            }),
        );
    });
    let f = finding(
        &r,
        Kind::InvariantBreak,
        Severity::Error,
        "$.rules.pathway[3]",
    );
    assert!(f.message.contains("invariant 2"), "{}", f.message);
    let example = f.example.as_ref().expect("a smallest case");
    assert_eq!(example.case.concerns.len(), 1, "{}", show(&r));
    assert_eq!(example.case.strengths.len(), 1, "{}", show(&r));
}

// Only lowering and action rules that test strengths can take an action away when
// strengths are recorded; lint searches every case for the second.
#[test]
fn an_action_rule_that_strengths_switch_off_breaks_invariant_7() {
    let r = lint_clean_with(|f| {
        let mut duty = f["actions"][2].clone();
        duty["code"] = "strategy_discussion".into();
        duty["duty"] = true.into();
        duty["source"] =
            serde_json::json!({"title": "Working Together to Safeguard Children 2023"});
        f["actions"].as_array_mut().unwrap().push(duty);
        f["rules"]["actions"].as_array_mut().unwrap().push(serde_json::json!({
            "id": "strategy-unless-strengths",
            "when": {"all": [{"pathway": ["macpt_referral"]}, {"not": {"strengths_at_least": 1}}]},
            "actions": ["strategy_discussion"]
        }));
    });
    let f = finding(&r, Kind::InvariantBreak, Severity::Error, "$.rules.actions");
    assert!(f.message.contains("invariants 3 and 7"), "{}", f.message);
    assert!(
        f.message.contains("An action rule that tests strengths"),
        "{}",
        f.message
    );
    let example = f.example.as_ref().expect("a smallest case");
    assert!(
        example.outcome.contains("strategy_discussion"),
        "{}",
        example.outcome
    );
}

#[test]
fn every_file_of_the_check_corpus_lints_without_panicking() {
    let dir = manifest_dir().join("tests/guidance_errors");
    for entry in std::fs::read_dir(&dir).expect("the corpus exists") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let r = lint_text(&text);
            if Guidance::from_json(&text).is_err() {
                assert!(
                    !r.valid && r.exit_code() == 1,
                    "{}",
                    r.to_text(&path.display().to_string())
                );
            }
        }
    }
}

#[test]
fn lint_is_deterministic() {
    let g = Guidance::embedded_default().expect("default guidance");
    let (a, b) = (lint(&g), lint(&g));
    assert_eq!(a.to_json("x"), b.to_json("x"));
    let (a, b) = (lint_fixture("monotone_not"), lint_fixture("monotone_not"));
    assert_eq!(a.to_json("x"), b.to_json("x"));
}

#[test]
fn the_cli_exits_0_clean_1_errors_3_warnings_and_writes_json() {
    let out = run(&["lint", "www/guidance/default.json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("No problems found"));

    let out = run(&["lint", "tests/lint/monotone_not.json", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("lint --format json prints JSON");
    assert_eq!(json["errors"], 1);
    assert_eq!(json["findings"][0]["kind"], "invariant-break");
    assert_eq!(json["findings"][0]["severity"], "error");
    assert_eq!(json["findings"][0]["path"], "$.rules.pathway[2]");
    assert_eq!(
        json["findings"][0]["example"]["case"]["concerns"][0],
        "care.low"
    );

    let out = run(&["lint", "tests/lint/unused_action.json"]);
    assert_eq!(out.status.code(), Some(3));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("warning[unused-action] $.actions[6]"),
        "{text}"
    );

    let out = run(&["lint", "tests/lint/no-such-file.json"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_form_section_nothing_fills_and_a_field_no_section_takes_are_warnings() {
    let r = lint_fixture("form_gaps");
    let f = finding(
        &r,
        Kind::FormSectionUnfilled,
        Severity::Warning,
        "$.request_form.sections[5]",
    );
    assert!(f.message.contains("'Office use only'"), "{}", f.message);
    let f = finding(
        &r,
        Kind::FormFieldUnused,
        Severity::Warning,
        "$.request_form.sections",
    );
    assert!(f.message.contains("'other_information'"), "{}", f.message);
    assert_eq!(r.findings.len(), 2, "{}", show(&r));
    assert_eq!(r.exit_code(), 3, "warnings only");
}

#[test]
fn contact_record_urgency_rules_never_reached_and_checks_never_applying() {
    let r = lint_fixture("contact_record_gaps");
    let f = finding(
        &r,
        Kind::UrgencyRuleNeverReached,
        Severity::Error,
        "$.contact_record.urgency[2]",
    );
    assert!(f.message.contains("cannot hold"), "{}", f.message);
    // Every care.high case is a child protection referral, rated by the rule above: search
    // finds no contact the rule rates, though logic alone cannot prove it.
    let f = finding(
        &r,
        Kind::UrgencyRuleNeverReached,
        Severity::Warning,
        "$.contact_record.urgency[1]",
    );
    assert!(f.message.contains("'urgency-high-care'"), "{}", f.message);
    finding(
        &r,
        Kind::CheckNeverApplies,
        Severity::Warning,
        "$.contact_record.checks[1]",
    );
    assert_eq!(r.findings.len(), 3, "{}", show(&r));
}

#[test]
fn a_copy_of_an_urgency_rule_below_it_is_proved_shadowed() {
    let mut file: serde_json::Value =
        serde_json::from_str(&read("tests/lint/contact_record_gaps.json")).unwrap();
    let urgency = file["contact_record"]["urgency"].as_array_mut().unwrap();
    let mut copy = urgency[0].clone();
    copy["id"] = "urgency-copy".into();
    urgency.insert(3, copy);
    let r = lint_text(&file.to_string());
    let f = finding(
        &r,
        Kind::UrgencyRuleNeverReached,
        Severity::Error,
        "$.contact_record.urgency[3]",
    );
    assert!(
        f.message
            .contains("rated first by 'urgency-child-protection'"),
        "{}",
        f.message
    );
}
