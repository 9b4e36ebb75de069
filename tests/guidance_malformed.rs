//! The malformed guidance corpus: every file in `tests/guidance_errors/` is the minimal valid
//! guidance (`_valid_minimal.json`) with one thing broken. Each must be rejected with exactly
//! one problem, at the JSON path a policy lead would look at, saying what is wrong.

use front_door_triage::Guidance;
use std::path::{Path, PathBuf};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/guidance_errors")
}

fn read(name: &str) -> String {
    let path = corpus_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// File name → the one problem it holds: exact JSON path, and a key part of the message.
const CASES: &[(&str, &str, &str)] = &[
    (
        "contact_record_last_not_always.json",
        "$.contact_record.urgency[0].when",
        "the last urgency rule must be \"always\"",
    ),
    // Not JSON, or not the right JSON shape: caught by the parser, located by path.
    ("not_json.json", "$", "the file is not valid JSON"),
    (
        "truncated.json",
        "$.pathways.macpt_referral.summary",
        "the file is not valid JSON: EOF while parsing",
    ),
    (
        "level_is_string.json",
        "$.concerns[1].level",
        "invalid type: string \"3\"",
    ),
    (
        "unknown_field.json",
        "$.concerns[0].colour",
        "unknown field `colour`",
    ),
    ("missing_required_field.json", "$", "missing field `title`"),
    (
        "unknown_pathway.json",
        "$.rules.pathway[1].pathway",
        "unknown variant `urgent`",
    ),
    // Header.
    (
        "wrong_format.json",
        "$.format",
        "unsupported format 'front-door-triage/guidance/v2'",
    ),
    (
        "bad_id.json",
        "$.id",
        "id 'Mini County' must be lowercase letters, digits and hyphens",
    ),
    // Contacts.
    (
        "missing_front_door_contact.json",
        "$.contacts",
        "there is no 'front_door' contact",
    ),
    // Levels.
    ("levels_missing_3.json", "$.levels", "level 3 is missing"),
    (
        "level_2_family_help.json",
        "$.levels[1].pathway",
        "level 2 leads to 'signpost', not 'family_help'",
    ),
    // Domains, concerns and strengths.
    (
        "duplicate_domain.json",
        "$.domains[2].id",
        "domain 'care' is defined twice",
    ),
    (
        "duplicate_concern_code.json",
        "$.concerns[4].code",
        "concern 'care.mid' is defined twice",
    ),
    (
        "concern_unknown_domain.json",
        "$.concerns[3].domain",
        "concern 'home.low' is in unknown domain 'school'",
    ),
    (
        "concern_level_0.json",
        "$.concerns[0].level",
        "concern 'care.low' has level 0, outside 1 to 4",
    ),
    (
        "concern_level_5.json",
        "$.concerns[2].level",
        "concern 'care.high' has level 5, outside 1 to 4",
    ),
    (
        "duplicate_strength.json",
        "$.strengths[1].code",
        "strength 'strength.support' is defined twice",
    ),
    (
        "strength_is_concern_code.json",
        "$.strengths[1].code",
        "'home.low' is already a concern code",
    ),
    // Actions.
    (
        "action_empty_text.json",
        "$.actions[2].text",
        "the text of action 'confirm_in_writing' is empty",
    ),
    (
        "action_rule_blank_reason.json",
        "$.rules.actions[4].reason",
        "the reason is empty",
    ),
    (
        "action_unknown_contact.json",
        "$.actions[5].contact",
        "needs contact 'lado', which is not in contacts",
    ),
    // Rules: codes they name.
    (
        "rule_unknown_concern.json",
        "$.rules.escalation[0].when.concern",
        "unknown concern 'care.nope'",
    ),
    (
        "rule_unknown_concern_in_list.json",
        "$.rules.escalation[0].when.any_concern[1]",
        "unknown concern 'home.nope'",
    ),
    (
        "rule_unknown_flag.json",
        "$.rules.actions[4].when.flag",
        "no concern has the flag 'lado'",
    ),
    (
        "rule_unknown_action.json",
        "$.rules.actions[1].actions[2]",
        "unknown action 'lado_referral'",
    ),
    (
        "service_bad_id.json",
        "$.services[0].id",
        "service id 'Family Hub' must be lowercase",
    ),
    (
        "service_empty_helps_with.json",
        "$.services[0].helps_with",
        "what the service helps with is empty",
    ),
    (
        "level_empty_summary.json",
        "$.levels[1].summary",
        "the level's summary is empty",
    ),
    (
        "strength_bad_code.json",
        "$.strengths[0].code",
        "code 'Strength.Trusted Adult' must be lowercase",
    ),
    (
        "service_unknown_domain.json",
        "$.services[0].domains[0]",
        "unknown domain 'school'",
    ),
    // Rules: the shape of the decision tables.
    (
        "first_rule_not_immediate_danger.json",
        "$.rules.pathway[0]",
        "the first pathway rule must be: when \"immediate_danger\", pathway \"emergency\"",
    ),
    (
        "no_final_always.json",
        "$.rules.pathway[3].when",
        "the last pathway rule must be the default, when \"always\"",
    ),
    (
        "consent_in_pathway_rule.json",
        "$.rules.pathway[2].when.all[1]",
        "consent can only be used in action rules",
    ),
    (
        "strengths_at_least_in_escalation.json",
        "$.rules.escalation[0].when",
        "strengths can only lower a pathway through lowered_by_strengths",
    ),
    (
        "lowered_by_strengths_on_macpt.json",
        "$.rules.pathway[1].lowered_by_strengths",
        "strengths may only lower 'family_help' to 'signpost'",
    ),
    (
        "duplicate_rule_id.json",
        "$.rules.actions[2].id",
        "rule id 'any-level-3' is used twice",
    ),
    (
        "empty_all.json",
        "$.rules.escalation[0].when.all",
        "the list of conditions is empty",
    ),
    // Fields of the decision-safety issue: unsafe actions, ages, sources, follow-ups,
    // settings and outcome wording.
    (
        "action_never_with_unknown_flag.json",
        "$.actions[3].never_with_flags[1]",
        "no concern has the flag 'forced_marriage'",
    ),
    (
        "concern_ages_below_not_above_at_least.json",
        "$.concerns[1].ages.below",
        "below 13 is not above at_least 16: no child would fit",
    ),
    (
        "concern_ages_negative.json",
        "$.concerns[1].ages.at_least",
        "age -1 is outside 0 to 25 years",
    ),
    (
        "concern_ages_nobody.json",
        "$.concerns[1].ages",
        "born and unborn are both false: no child would fit",
    ),
    (
        "concern_ages_is_string.json",
        "$.concerns[1].ages.below",
        "invalid type: string \"13\"",
    ),
    (
        "source_url_not_web.json",
        "$.concerns[2].source.url",
        "'javascript:alert(1)' is not a web address",
    ),
    (
        "source_empty_title.json",
        "$.rules.pathway[1].source.title",
        "the source's title is empty",
    ),
    (
        "follow_up_unknown_concern.json",
        "$.concerns[0].follow_up.if_yes",
        "unknown concern 'care.worse'",
    ),
    (
        "settings_strengths_lower_at_most_zero.json",
        "$.settings.strengths_lower_at_most",
        "must be 1 or more",
    ),
    (
        "settings_repeat_contacts_one.json",
        "$.settings.repeat_contacts_at_least",
        "1 is not a repeat",
    ),
    (
        "repeat_contact_without_setting.json",
        "$.rules.actions[5].when",
        "repeat_contact needs settings.repeat_contacts_at_least",
    ),
    (
        "outcome_empty_summary.json",
        "$.rules.pathway[4].outcome.summary",
        "the summary is empty",
    ),
    (
        "action_duty_not_bool.json",
        "$.actions[5].duty",
        "invalid type: string \"yes\", expected a boolean",
    ),
    (
        "form_unknown_field.json",
        "$.request_form.sections[1].fields[1]",
        "unknown variant `child_name`",
    ),
    (
        "form_duplicate_section.json",
        "$.request_form.sections[2].heading",
        "section 'the child' is already at $.request_form.sections[0]",
    ),
    (
        "form_empty_heading.json",
        "$.request_form.sections[1].heading",
        "the heading is empty",
    ),
];

#[test]
fn minimal_guidance_is_valid() {
    let g = Guidance::from_json(&read("_valid_minimal.json"))
        .unwrap_or_else(|e| panic!("_valid_minimal.json should load:\n{e}"));
    assert_eq!(g.id(), "mini-county");
    assert!(g.concern_index("care.high").is_some());
    assert!(g.strength_index("strength.support").is_some());
}

#[test]
fn each_broken_file_reports_its_one_problem() {
    let mut failures = Vec::new();
    for &(name, path, message) in CASES {
        match Guidance::from_json(&read(name)) {
            Ok(_) => failures.push(format!("{name}: loaded without problems")),
            Err(e) => {
                let listed = e
                    .problems
                    .iter()
                    .map(|p| format!("    {p}"))
                    .collect::<Vec<_>>()
                    .join("\n");
                if e.problems.len() != 1 {
                    failures.push(format!(
                        "{name}: expected exactly one problem, got {}:\n{listed}",
                        e.problems.len()
                    ));
                } else if e.problems[0].path != path || !e.problems[0].message.contains(message) {
                    failures.push(format!(
                        "{name}: expected {path}: …{message}…\n  got:\n{listed}"
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} corpus files misreported:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

/// Every file in the corpus directory is in the table (or is one of the special files), so
/// a new file cannot be added and silently go untested.
#[test]
fn every_corpus_file_is_in_the_table() {
    let special = ["_valid_minimal.json", "_three_problems.json"];
    let mut untested = Vec::new();
    let mut count = 0;
    for entry in std::fs::read_dir(corpus_dir()).expect("corpus directory") {
        let name = entry.expect("dir entry").file_name();
        let name = name.to_string_lossy().into_owned();
        if !name.ends_with(".json") || special.contains(&name.as_str()) {
            continue;
        }
        count += 1;
        if !CASES.iter().any(|(n, _, _)| *n == name) {
            untested.push(name);
        }
    }
    assert!(
        untested.is_empty(),
        "corpus files not in CASES: {untested:?}"
    );
    assert!(
        count >= 22,
        "the corpus should hold at least 22 broken files, has {count}"
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let e = Guidance::from_json(&read("_three_problems.json"))
        .expect_err("_three_problems.json must be rejected");
    let got: Vec<(&str, &str)> = e
        .problems
        .iter()
        .map(|p| (p.path.as_str(), p.message.as_str()))
        .collect();
    let expected = [
        ("$.id", "id 'Mini County' must be lowercase"),
        ("$.concerns[3].domain", "unknown domain 'school'"),
        (
            "$.rules.actions[1].actions[2]",
            "unknown action 'lado_referral'",
        ),
    ];
    assert_eq!(got.len(), 3, "expected three problems, got:\n{e}");
    for (path, message) in expected {
        assert!(
            got.iter().any(|(p, m)| *p == path && m.contains(message)),
            "missing {path}: …{message}… in:\n{e}"
        );
    }
    // The Display form lists them one per line, each with its path.
    let text = e.to_string();
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.lines().all(|l| l.starts_with("$.")), "{text}");
}

/// A syntax error inside an object key is reported at the enclosing object; the path must
/// stay a real JSON path (no placeholder segment such as `.?`).
#[test]
fn truncation_inside_a_key_gives_a_real_json_path() {
    let full = read("_valid_minimal.json");
    // Cut just after the opening quote of the key following `"code": "care.mid",`.
    let at = full
        .find("\"care.mid\",")
        .expect("care.mid in the minimal file");
    let key = at
        + full[at..]
            .find("\"domain\"")
            .expect("domain key after care.mid");
    let text = &full[..key + 3];
    let e = Guidance::from_json(text).expect_err("truncated text must be rejected");
    assert_eq!(e.problems.len(), 1, "{e}");
    let p = &e.problems[0];
    assert!(p.message.contains("not valid JSON"), "{p}");
    assert!(
        !p.path.contains('?'),
        "path '{}' is not a JSON path: it should name the enclosing object ($.concerns[1])",
        p.path
    );
    assert_eq!(p.path, "$.concerns[1]", "{p}");
}
