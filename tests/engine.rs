//! Specific behaviours of the engine over the default guidance, plus a few tiny guidance
//! files built from `tests/guidance_errors/_valid_minimal.json` for features the default
//! guidance does not exercise (audience wording, a directory of services by age).

use front_door_triage::engine::outcome::outcome_text;
use front_door_triage::guidance::DEFAULT_GUIDANCE_JSON;
use front_door_triage::{evaluate, Case, Decision, Guidance, Pathway};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::path::Path;

fn default_guidance() -> Guidance {
    Guidance::embedded_default().unwrap_or_else(|e| panic!("default guidance:\n{e}"))
}

fn minimal_text() -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/guidance_errors/_valid_minimal.json");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The minimal guidance as a JSON value, to change and load again.
fn minimal_value() -> Value {
    serde_json::from_str(&minimal_text()).expect("minimal guidance is JSON")
}

fn load(value: &Value) -> Guidance {
    Guidance::from_json(&serde_json::to_string_pretty(value).expect("serialise"))
        .unwrap_or_else(|e| panic!("test guidance should load:\n{e}"))
}

/// A case of a child of `age` with these concerns and strengths; `extra` overrides fields.
fn case_json(age: f64, concerns: &[&str], strengths: &[&str], extra: Value) -> Value {
    let mut case = json!({
        "child": { "age_years": age, "unborn": false, "non_mobile": false,
                   "disabled_or_send": false, "known_to_social_care": "none" },
        "immediate_danger": false,
        "concerns": concerns,
        "strengths": strengths,
        "consent": "given",
        "audience": "front_door"
    });
    merge(&mut case, extra);
    case
}

fn merge(into: &mut Value, from: Value) {
    match (into, from) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in b {
                merge(a.entry(k).or_insert(Value::Null), v);
            }
        }
        (slot, v) => *slot = v,
    }
}

fn decide(g: &Guidance, case: &Value) -> Decision {
    let text = case.to_string();
    let case = Case::from_json(&text, g).unwrap_or_else(|e| panic!("case {text}:\n{e}"));
    evaluate(g, &case).unwrap_or_else(|e| panic!("evaluate {text}:\n{e}"))
}

fn decide_default(age: f64, concerns: &[&str], strengths: &[&str], extra: Value) -> Decision {
    decide(
        &default_guidance(),
        &case_json(age, concerns, strengths, extra),
    )
}

fn rules(d: &Decision) -> Vec<&str> {
    d.reasons.iter().map(|r| r.rule.as_str()).collect()
}

fn action_codes(d: &Decision) -> Vec<&str> {
    d.actions.iter().map(|a| a.code.as_str()).collect()
}

// ---------------------------------------------------------------------------------------
// Reasons name the rule and the concerns behind it.

#[test]
fn immediate_danger_reason() {
    let d = decide_default(
        9.0,
        &["environment.financial_hardship"],
        &[],
        json!({"immediate_danger": true}),
    );
    assert_eq!(d.pathway, Pathway::Emergency);
    assert_eq!(d.level, 4);
    assert_eq!(d.reasons[0].rule, "immediate-danger");
    assert!(!d.reasons[0].text.is_empty());
}

#[test]
fn any_level_4_reason_lists_only_the_level_4_concerns() {
    let d = decide_default(
        9.0,
        &["environment.financial_hardship", "abuse.unexplained_injury"],
        &[],
        json!({}),
    );
    assert_eq!(d.pathway, Pathway::MacptReferral);
    assert_eq!(d.level, 4);
    assert_eq!(d.reasons[0].rule, "any-level-4");
    assert_eq!(d.reasons[0].concerns, ["abuse.unexplained_injury"]);
}

#[test]
fn any_level_3_reason_lists_only_the_level_3_concerns() {
    let d = decide_default(
        9.0,
        &[
            "environment.financial_hardship",
            "basic_care.home_conditions_unsafe",
        ],
        &[],
        json!({}),
    );
    assert_eq!(d.pathway, Pathway::FamilyHelp);
    assert_eq!(d.level, 3);
    assert_eq!(d.reasons[0].rule, "any-level-3");
    assert_eq!(d.reasons[0].concerns, ["basic_care.home_conditions_unsafe"]);
}

const THREE_LEVEL_2: [&str; 3] = [
    "environment.financial_hardship",
    "behaviour.friendships_bullying",
    "learning.attendance_persistent_absence",
];

#[test]
fn cumulative_level_2_reason_lists_the_level_2_concerns_in_guidance_order() {
    let d = decide_default(9.0, &THREE_LEVEL_2, &[], json!({}));
    assert_eq!(d.pathway, Pathway::FamilyHelp);
    assert_eq!(d.level, 3);
    assert_eq!(rules(&d), ["cumulative-level-2"]);
    assert_eq!(
        d.reasons[0].concerns,
        [
            "learning.attendance_persistent_absence",
            "behaviour.friendships_bullying",
            "environment.financial_hardship",
        ]
    );
}

#[test]
fn cumulative_level_2_needs_two_domains() {
    // Three level-2 concerns, all in one domain... the default guidance has
    // learning.development_delay, attendance_persistent_absence and exclusion_risk.
    let d = decide_default(
        9.0,
        &[
            "learning.development_delay",
            "learning.attendance_persistent_absence",
            "learning.exclusion_risk",
        ],
        &[],
        json!({}),
    );
    assert_eq!(d.pathway, Pathway::Signpost);
    assert_eq!(rules(&d), ["default"]);
}

#[test]
fn default_reason_lists_what_was_selected() {
    let d = decide_default(6.0, &["parenting.seeking_advice"], &[], json!({}));
    assert_eq!(d.pathway, Pathway::Signpost);
    assert_eq!(d.level, 1);
    assert_eq!(rules(&d), ["default"]);
    assert_eq!(d.reasons[0].concerns, ["parenting.seeking_advice"]);

    let d = decide_default(6.0, &["environment.financial_hardship"], &[], json!({}));
    assert_eq!(d.level, 2);

    // With nothing chosen there is not enough to recommend a route: the outcome says so
    // and gives the consultation line, never "no concern meets the threshold".
    let d = decide_default(6.0, &[], &[], json!({}));
    assert_eq!(d.pathway, Pathway::Signpost);
    assert_eq!(d.level, 1);
    assert_eq!(rules(&d), ["nothing-chosen"]);
    assert!(d.reasons[0].concerns.is_empty());
    assert!(
        !d.reasons[0].text.contains("threshold"),
        "{}",
        d.reasons[0].text
    );
    assert_eq!(action_codes(&d), ["consultation_line"]);
    let g = default_guidance();
    assert_eq!(
        outcome_text(&g, &d, front_door_triage::Audience::SchoolDsl).title,
        "Not enough information to recommend a route"
    );
}

// ---------------------------------------------------------------------------------------
// Strengths.

#[test]
fn strengths_lower_cumulative_level_2_to_signpost() {
    let d = decide_default(
        9.0,
        &THREE_LEVEL_2,
        &["strength.trusted_adult", "strength.extended_family_support"],
        json!({}),
    );
    assert_eq!(d.pathway, Pathway::Signpost);
    assert_eq!(d.level, 2);
    assert_eq!(
        rules(&d),
        [
            "cumulative-level-2",
            "cumulative-level-2.lowered_by_strengths"
        ]
    );
    let lowered = &d.reasons[1];
    assert_eq!(
        lowered.strengths,
        ["strength.extended_family_support", "strength.trusted_adult"]
    );
    assert!(!lowered.text.is_empty());
    assert!(!d.has_action("request_family_help"));
    // The first reason carries no strengths, and so no `strengths` key in the JSON.
    let v = serde_json::to_value(&d).expect("serialise");
    assert!(v["reasons"][0].get("strengths").is_none(), "{v}");
    assert_eq!(v["reasons"][1]["strengths"][1], "strength.trusted_adult");
}

#[test]
fn one_strength_is_not_enough_to_lower() {
    let d = decide_default(9.0, &THREE_LEVEL_2, &["strength.trusted_adult"], json!({}));
    assert_eq!(d.pathway, Pathway::FamilyHelp);
    assert_eq!(rules(&d), ["cumulative-level-2"]);
}

#[test]
fn strengths_never_lower_a_level_3_or_4_concern() {
    let strengths = [
        "strength.trusted_adult",
        "strength.extended_family_support",
        "strength.stable_home",
        "strength.protective_parent",
    ];
    let mut concerns = THREE_LEVEL_2.to_vec();
    concerns.push("basic_care.home_conditions_unsafe");
    let d = decide_default(9.0, &concerns, &strengths, json!({}));
    assert_eq!(d.pathway, Pathway::FamilyHelp);
    assert!(!rules(&d)
        .iter()
        .any(|r| r.ends_with("lowered_by_strengths")));

    concerns.push("abuse.unexplained_injury");
    let d = decide_default(9.0, &concerns, &strengths, json!({}));
    assert_eq!(d.pathway, Pathway::MacptReferral);

    let d = decide_default(
        9.0,
        &THREE_LEVEL_2,
        &strengths,
        json!({"immediate_danger": true}),
    );
    assert_eq!(d.pathway, Pathway::Emergency);
}

// ---------------------------------------------------------------------------------------
// Escalation: domestic abuse, parental mental ill health and substance use together.

const TOXIC_TRIO: [&str; 3] = [
    "domestic_abuse.past_or_standard_risk",
    "parent_needs.mental_health_managed",
    "parent_needs.substance_use_managed",
];

#[test]
fn toxic_trio_gives_family_help_and_consultation() {
    let d = decide_default(8.0, &TOXIC_TRIO, &[], json!({}));
    assert_eq!(d.pathway, Pathway::FamilyHelp);
    assert_eq!(d.level, 3);
    assert!(d.consultation_advised);
    let escalation = d
        .reasons
        .iter()
        .find(|r| r.rule == "domestic-abuse-mental-health-substance-use")
        .unwrap_or_else(|| panic!("no escalation reason: {:?}", rules(&d)));
    assert_eq!(
        escalation.concerns,
        [
            "parent_needs.mental_health_managed",
            "parent_needs.substance_use_managed",
            "domestic_abuse.past_or_standard_risk",
        ]
    );
}

#[test]
fn toxic_trio_is_not_lowered_by_strengths() {
    // Strengths lower cumulative-level-2 to signpost; the escalation then raises it again.
    let d = decide_default(
        8.0,
        &TOXIC_TRIO,
        &["strength.trusted_adult", "strength.extended_family_support"],
        json!({}),
    );
    assert_eq!(d.pathway, Pathway::FamilyHelp);
    assert!(d.consultation_advised);
    assert!(rules(&d).contains(&"domestic-abuse-mental-health-substance-use"));
    assert!(d.has_action("request_family_help"));
}

#[test]
fn two_of_the_three_do_not_escalate() {
    let d = decide_default(8.0, &TOXIC_TRIO[..2], &[], json!({}));
    assert_eq!(d.pathway, Pathway::Signpost);
    assert!(!d.consultation_advised);
}

// ---------------------------------------------------------------------------------------
// Babies.

/// A referral is not one of two choices: a baby's child protection referral carries no
/// "talk to the consultation line" reason or flag beside "phone the front door now".
#[test]
fn a_baby_referred_for_child_protection_is_not_also_sent_to_the_consultation_line() {
    let d = decide_default(
        0.33,
        &["abuse.injury_non_mobile_baby"],
        &[],
        json!({"child": {"non_mobile": true}}),
    );
    assert_eq!(d.pathway, Pathway::MacptReferral);
    assert!(!d.consultation_advised);
    assert!(!rules(&d).contains(&"baby-with-level-3-concern"));
    assert!(!d.has_action("consultation_line"));
    assert!(d.has_action("phone_front_door"));
}

#[test]
fn baby_with_a_level_3_concern_gets_consultation() {
    let d = decide_default(0.5, &["basic_care.home_conditions_unsafe"], &[], json!({}));
    assert_eq!(d.pathway, Pathway::FamilyHelp);
    assert!(d.consultation_advised);
    assert!(rules(&d).contains(&"baby-with-level-3-concern"));
    assert!(d.has_action("consultation_line"));

    // The same concern for an older child, consent given: no consultation.
    let d = decide_default(1.5, &["basic_care.home_conditions_unsafe"], &[], json!({}));
    assert_eq!(d.pathway, Pathway::FamilyHelp);
    assert!(!d.consultation_advised);
    assert!(!d.has_action("consultation_line"));

    // Non-mobile and unborn count as babies too.
    let d = decide_default(
        1.5,
        &["basic_care.home_conditions_unsafe"],
        &[],
        json!({"child": {"non_mobile": true}}),
    );
    assert!(d.consultation_advised);
    let d = decide_default(
        0.0,
        &["duties.pre_birth_concerns"],
        &[],
        json!({"child": {"age_years": null, "unborn": true}}),
    );
    assert_eq!(d.pathway, Pathway::FamilyHelp);
    assert!(d.consultation_advised);
}

// ---------------------------------------------------------------------------------------
// Consent.

#[test]
fn consent_not_asked_adds_seek_consent_on_family_help_only() {
    let not_asked = json!({"consent": "not_asked"});
    let d = decide_default(
        9.0,
        &["basic_care.home_conditions_unsafe"],
        &[],
        not_asked.clone(),
    );
    assert_eq!(d.pathway, Pathway::FamilyHelp);
    assert!(d.consent_required);
    assert!(d.has_action("seek_consent"), "{:?}", action_codes(&d));

    let d = decide_default(9.0, &["abuse.unexplained_injury"], &[], not_asked.clone());
    assert_eq!(d.pathway, Pathway::MacptReferral);
    assert!(!d.consent_required);
    assert!(!d.has_action("seek_consent"), "{:?}", action_codes(&d));

    let d = decide_default(
        9.0,
        &["basic_care.home_conditions_unsafe"],
        &[],
        json!({"consent": "not_asked", "immediate_danger": true}),
    );
    assert_eq!(d.pathway, Pathway::Emergency);
    assert!(!d.consent_required);
    assert!(!d.has_action("seek_consent"), "{:?}", action_codes(&d));

    let d = decide_default(9.0, &["basic_care.home_conditions_unsafe"], &[], json!({}));
    assert!(
        !d.has_action("seek_consent"),
        "consent given: {:?}",
        action_codes(&d)
    );
}

#[test]
fn consent_refused_keeps_family_help_and_advises_consultation() {
    let d = decide_default(
        9.0,
        &["basic_care.home_conditions_unsafe"],
        &[],
        json!({"consent": "refused"}),
    );
    assert_eq!(d.pathway, Pathway::FamilyHelp);
    assert!(d.consultation_advised);
    assert!(d.has_action("consultation_line"));
    assert!(rules(&d).contains(&"consent-refused"));

    // Refusal never changes whether the section 47 threshold is met.
    let d = decide_default(
        9.0,
        &["abuse.unexplained_injury"],
        &[],
        json!({"consent": "refused"}),
    );
    assert_eq!(d.pathway, Pathway::MacptReferral);
}

#[test]
fn consent_unsafe_to_ask_is_not_required() {
    let d = decide_default(
        9.0,
        &["basic_care.home_conditions_unsafe"],
        &[],
        json!({"consent": "unsafe_to_ask"}),
    );
    assert_eq!(d.pathway, Pathway::FamilyHelp);
    assert!(!d.consent_required);
    assert!(d.consultation_advised);
}

// ---------------------------------------------------------------------------------------
// Actions.

#[test]
fn emergency_actions_come_in_guidance_order() {
    let d = decide_default(9.0, &[], &[], json!({"immediate_danger": true}));
    assert_eq!(
        action_codes(&d),
        [
            "call_999",
            "phone_front_door",
            "phone_out_of_hours",
            "confirm_in_writing"
        ]
    );
    let call = &d.actions[0];
    assert_eq!(call.contact.as_ref().map(|c| c.phone.as_str()), Some("999"));
}

#[test]
fn actions_from_many_rules_are_merged_in_guidance_order_without_repeats() {
    let g = default_guidance();
    let d = decide(
        &g,
        &case_json(
            14.0,
            &["abuse.sexual_disclosure", "outside_home.missing_repeated"],
            &[],
            json!({"immediate_danger": true,
                   "child": {"known_to_social_care": "open_family_help"}}),
        ),
    );
    // What to do now first, then today, then days; within each, the file's order.
    let order: Vec<&str> = g.file().actions.iter().map(|a| a.code.as_str()).collect();
    let keys: Vec<(front_door_triage::guidance::Urgency, usize)> = d
        .actions
        .iter()
        .map(|a| {
            let at = order
                .iter()
                .position(|o| *o == a.code)
                .expect("action in guidance");
            (a.urgency, at)
        })
        .collect();
    assert!(
        keys.windows(2).all(|w| w[0] < w[1]),
        "actions out of order or repeated: {:?}",
        action_codes(&d)
    );
    assert_eq!(d.actions[0].code, "call_999");
    for code in [
        "call_999",
        "phone_front_door",
        "confirm_in_writing",
        "do_not_inform_parents_first",
        "report_missing",
        "contact_allocated_worker",
    ] {
        assert!(d.has_action(code), "{code} missing: {:?}", action_codes(&d));
    }
}

#[test]
fn school_dsl_gets_its_own_wording_when_the_guidance_has_it() {
    let mut v = minimal_value();
    let dsl_text = "Ask your school's Family Help contact to make the request with you.";
    for a in v["actions"].as_array_mut().expect("actions") {
        if a["code"] == "request_family_help" {
            a["text_for"] = json!({ "school_dsl": dsl_text });
        }
    }
    let g = load(&v);
    let text_for = |audience: &str| {
        let d = decide(
            &g,
            &case_json(9.0, &["care.mid"], &[], json!({"audience": audience})),
        );
        assert_eq!(d.pathway, Pathway::FamilyHelp, "audience {audience}");
        d.actions
            .iter()
            .find(|a| a.code == "request_family_help")
            .map(|a| a.text.clone())
            .expect("request_family_help")
    };
    assert_eq!(text_for("school_dsl"), dsl_text);
    assert_eq!(text_for("partner"), "Request Family Help.");
    assert_eq!(text_for("front_door"), "Request Family Help.");
}

#[test]
fn audience_never_changes_the_pathway() {
    let g = default_guidance();
    let cases: [&[&str]; 4] = [
        &["parenting.seeking_advice"],
        &THREE_LEVEL_2,
        &["basic_care.home_conditions_unsafe"],
        &["abuse.unexplained_injury"],
    ];
    for concerns in cases {
        let pathways: Vec<(Pathway, u8)> = ["front_door", "school_dsl", "partner"]
            .iter()
            .map(|a| {
                let d = decide(&g, &case_json(9.0, concerns, &[], json!({"audience": a})));
                (d.pathway, d.level)
            })
            .collect();
        assert!(
            pathways.windows(2).all(|w| w[0] == w[1]),
            "{concerns:?}: {pathways:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Signposting by domain, age and pathway.

fn services_guidance() -> Guidance {
    let mut v = minimal_value();
    v["services"] = json!([
        {"id": "toddler-group", "name": "Toddler Group", "helps_with": "Play and parenting.",
         "domains": ["home"], "min_age": 0, "max_age": 5, "contact": "Drop in."},
        {"id": "teen-club", "name": "Teen Club", "helps_with": "Young people's support.",
         "domains": ["care"], "min_age": 11, "max_age": 18, "contact": "Phone 01632 960 920."},
        {"id": "helpline", "name": "Parent Helpline", "helps_with": "Anything.",
         "contact": "Phone 01632 960 921.", "pathways": ["signpost"]}
    ]);
    load(&v)
}

fn signposted(g: &Guidance, age: f64, concerns: &[&str], extra: Value) -> (Pathway, Vec<String>) {
    let d = decide(g, &case_json(age, concerns, &[], extra));
    (d.pathway, d.signpost.iter().map(|s| s.id.clone()).collect())
}

#[test]
fn signposting_matches_domain_age_and_pathway() {
    let g = services_guidance();
    assert_eq!(
        signposted(&g, 3.0, &["home.low"], json!({})),
        (
            Pathway::Signpost,
            vec!["toddler-group".into(), "helpline".into()]
        )
    );
    assert_eq!(
        signposted(&g, 14.0, &["home.low"], json!({})),
        (Pathway::Signpost, vec!["helpline".into()])
    );
    assert_eq!(
        signposted(&g, 14.0, &["care.low"], json!({})),
        (
            Pathway::Signpost,
            vec!["teen-club".into(), "helpline".into()]
        )
    );
    // Family help: the helpline is offered on signpost only.
    assert_eq!(
        signposted(&g, 3.0, &["care.low", "home.low"], json!({})),
        (Pathway::FamilyHelp, vec!["toddler-group".into()])
    );
    // Age limits are inclusive at both ends.
    assert_eq!(
        signposted(&g, 5.0, &["home.low"], json!({})).1,
        ["toddler-group", "helpline"]
    );
    assert_eq!(
        signposted(&g, 11.0, &["care.low"], json!({})).1,
        ["teen-club", "helpline"]
    );
    // An unborn baby is matched as age 0.
    assert_eq!(
        signposted(
            &g,
            0.0,
            &["home.low"],
            json!({"child": {"age_years": null, "unborn": true}})
        )
        .1,
        ["toddler-group", "helpline"]
    );
    // Nothing selected: nothing to signpost to.
    assert!(signposted(&g, 3.0, &[], json!({})).1.is_empty());
    // Child protection: none of these services is offered.
    assert!(signposted(&g, 3.0, &["care.high", "home.low"], json!({}))
        .1
        .is_empty());
}

#[test]
fn signpost_entries_carry_the_service_details() {
    let g = services_guidance();
    let d = decide(&g, &case_json(3.0, &["home.low"], &[], json!({})));
    let entry = &d.signpost[0];
    assert_eq!(entry.id, "toddler-group");
    assert_eq!(entry.service, "Toddler Group");
    assert_eq!(entry.helps_with, "Play and parenting.");
    assert_eq!(entry.contact, "Drop in.");
}

// ---------------------------------------------------------------------------------------
// Determinism and the guidance reference.

#[test]
fn decision_json_is_byte_identical_across_evaluations() {
    let case = case_json(
        0.5,
        &[
            "domestic_abuse.past_or_standard_risk",
            "basic_care.home_conditions_unsafe",
            "parent_needs.substance_use_managed",
            "parent_needs.mental_health_managed",
        ],
        &["strength.trusted_adult"],
        json!({"consent": "not_asked", "audience": "school_dsl"}),
    );
    let first = decide(&default_guidance(), &case).to_json_pretty();
    let second = decide(&default_guidance(), &case).to_json_pretty();
    assert_eq!(first, second);
    let g = default_guidance();
    let a = serde_json::to_string(&decide(&g, &case)).expect("serialise");
    let b = serde_json::to_string(&decide(&g, &case)).expect("serialise");
    assert_eq!(a, b);
}

#[test]
fn the_order_concerns_are_ticked_in_does_not_matter() {
    let g = default_guidance();
    let mut concerns = TOXIC_TRIO.to_vec();
    concerns.push("basic_care.home_conditions_unsafe");
    let forward = decide(&g, &case_json(8.0, &concerns, &[], json!({})));
    concerns.reverse();
    let backward = decide(&g, &case_json(8.0, &concerns, &[], json!({})));
    assert_eq!(forward.to_json_pretty(), backward.to_json_pretty());
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn decision_carries_the_sha256_of_the_guidance_file_bytes() {
    let text = minimal_text();
    let g = Guidance::from_json(&text).expect("minimal guidance loads");
    let d = decide(&g, &case_json(9.0, &["care.low"], &[], json!({})));
    let expected = sha256_hex(text.as_bytes());
    assert_eq!(expected.len(), 64);
    assert_eq!(d.guidance.sha256, expected);
    assert_eq!(g.sha256(), expected);
    assert_eq!(d.guidance.id, "mini-county");
    assert_eq!(d.guidance.version, "test.1");

    let d = decide_default(9.0, &[], &[], json!({}));
    assert_eq!(
        d.guidance.sha256,
        sha256_hex(DEFAULT_GUIDANCE_JSON.as_bytes())
    );
    assert_eq!(d.guidance.id, "demo-borough");

    // Any change to the bytes, even whitespace, changes the hash.
    let g2 = Guidance::from_json(&format!("{text} ")).expect("still valid");
    assert_ne!(g2.sha256(), g.sha256());
}

// ---------------------------------------------------------------------------------------
// Cases that do not fit the guidance.

/// The problems reported for a case, both when parsing it and when evaluating a Case that
/// skipped the check; the two must agree.
fn case_problems(case: &Value) -> Vec<(String, String)> {
    let g = default_guidance();
    let text = case.to_string();
    let parsed = Case::from_json(&text, &g).expect_err("case must be rejected");
    let unchecked: Case = serde_json::from_value(case.clone()).expect("case has the right shape");
    let evaluated = evaluate(&g, &unchecked).expect_err("evaluate must reject the case");
    assert_eq!(
        parsed, evaluated,
        "from_json and evaluate disagree for {text}"
    );
    parsed
        .problems
        .into_iter()
        .map(|p| (p.path, p.message))
        .collect()
}

fn assert_one_problem(case: Value, path: &str, message: &str) {
    let problems = case_problems(&case);
    assert_eq!(problems.len(), 1, "{case}: {problems:?}");
    assert_eq!(problems[0].0, path, "{case}: {problems:?}");
    assert!(problems[0].1.contains(message), "{case}: {problems:?}");
}

#[test]
fn unborn_with_an_age_is_rejected() {
    assert_one_problem(
        case_json(1.0, &[], &[], json!({"child": {"unborn": true}})),
        "$.child.age_years",
        "an unborn baby has no age",
    );
}

#[test]
fn no_age_and_not_unborn_is_rejected() {
    assert_one_problem(
        case_json(1.0, &[], &[], json!({"child": {"age_years": null}})),
        "$.child.age_years",
        "give the child's age",
    );
}

#[test]
fn impossible_ages_are_rejected() {
    assert_one_problem(
        case_json(30.0, &[], &[], json!({})),
        "$.child.age_years",
        "age must be between 0 and 25 years, not 30",
    );
    assert_one_problem(
        case_json(-1.0, &[], &[], json!({})),
        "$.child.age_years",
        "age must be between 0 and 25 years",
    );
}

#[test]
fn a_concern_listed_twice_is_rejected() {
    assert_one_problem(
        case_json(
            9.0,
            &[
                "environment.financial_hardship",
                "environment.financial_hardship",
            ],
            &[],
            json!({}),
        ),
        "$.concerns[1]",
        "concern 'environment.financial_hardship' is listed twice",
    );
}

#[test]
fn an_unknown_strength_is_rejected() {
    assert_one_problem(
        case_json(9.0, &[], &["strength.brave"], json!({})),
        "$.strengths[0]",
        "unknown strength code 'strength.brave'",
    );
}

#[test]
fn every_problem_in_a_case_is_listed() {
    let problems = case_problems(&case_json(
        30.0,
        &[
            "neglect.nope",
            "parenting.seeking_advice",
            "parenting.seeking_advice",
        ],
        &["strength.brave"],
        json!({}),
    ));
    let paths: Vec<&str> = problems.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "$.child.age_years",
            "$.concerns[0]",
            "$.concerns[2]",
            "$.strengths[0]"
        ],
        "{problems:?}"
    );
}

#[test]
fn bad_enum_values_and_unknown_fields_are_located() {
    let g = default_guidance();
    let bad = case_json(9.0, &[], &[], json!({"audience": "parent"})).to_string();
    let e = Case::from_json(&bad, &g).expect_err("unknown audience");
    assert_eq!(e.problems[0].path, "$.audience");
    assert!(
        e.problems[0].message.contains("unknown variant `parent`"),
        "{e}"
    );

    let bad = case_json(9.0, &[], &[], json!({"child": {"name": "Sam"}})).to_string();
    let e = Case::from_json(&bad, &g).expect_err("unknown field");
    assert_eq!(e.problems[0].path, "$.child.name");
    assert!(
        e.problems[0].message.contains("unknown field `name`"),
        "{e}"
    );
}

// ---------------------------------------------------------------------------------------
// Decision safety (issue 11): limits the engine keeps whatever a file's rules say.

/// The minimal guidance with a family meeting that a rule offers on every case, a flag
/// that makes it unsafe, and a duty that only family help collects.
fn safety_guidance(extra: impl FnOnce(&mut Value)) -> Guidance {
    let mut v = minimal_value();
    v["concerns"][0]["flags"] = json!(["family_meeting_unsafe"]);
    v["actions"].as_array_mut().unwrap().extend([
        json!({"code": "family_meeting", "text": "Offer a family meeting.", "timescale": "Soon",
               "never_with_flags": ["family_meeting_unsafe"]}),
        json!({"code": "statutory_duty", "text": "Do the duty.", "timescale": "Today", "duty": true,
               "source": {"title": "Children Act 1989", "section": "section 17",
                          "url": "https://www.legislation.gov.uk/ukpga/1989/41/section/17"}}),
    ]);
    v["rules"]["actions"].as_array_mut().unwrap().extend([
        json!({"id": "always-meet", "when": "always", "actions": ["family_meeting"]}),
        json!({"id": "duty-on-family-help", "when": {"pathway": ["family_help"]}, "actions": ["statutory_duty"],
               "consultation_advised": true, "reason": "Family help needs a consultation."}),
    ]);
    extra(&mut v);
    load(&v)
}

#[test]
fn an_unsafe_action_never_appears_with_its_flag_whatever_the_rules_say() {
    let g = safety_guidance(|_| {});
    let d = decide(&g, &case_json(8.0, &["care.mid"], &[], json!({})));
    assert!(d.has_action("family_meeting"), "{:?}", action_codes(&d));
    let d = decide(
        &g,
        &case_json(8.0, &["care.mid", "care.low"], &[], json!({})),
    );
    assert!(!d.has_action("family_meeting"), "{:?}", action_codes(&d));
}

#[test]
fn strengths_never_lower_refused_or_unsafe_consent() {
    let g = safety_guidance(|_| {});
    let lowered = |consent: &str| {
        decide(
            &g,
            &case_json(
                8.0,
                &["care.low", "home.low"],
                &["strength.support"],
                json!({"consent": consent}),
            ),
        )
        .pathway
    };
    assert_eq!(lowered("given"), Pathway::Signpost);
    assert_eq!(lowered("not_asked"), Pathway::Signpost);
    assert_eq!(lowered("refused"), Pathway::FamilyHelp);
    assert_eq!(lowered("unsafe_to_ask"), Pathway::FamilyHelp);
}

#[test]
fn strengths_lower_no_more_level_2_concerns_than_the_setting_allows() {
    let g = safety_guidance(|v| v["settings"] = json!({"strengths_lower_at_most": 1}));
    let d = decide(
        &g,
        &case_json(
            8.0,
            &["care.low", "home.low"],
            &["strength.support"],
            json!({}),
        ),
    );
    assert_eq!(
        d.pathway,
        Pathway::FamilyHelp,
        "two level-2 concerns, cap 1"
    );
}

#[test]
fn strengths_never_take_away_a_duty_or_a_consultation() {
    let g = safety_guidance(|_| {});
    let without = decide(
        &g,
        &case_json(8.0, &["care.low", "home.low"], &[], json!({})),
    );
    assert_eq!(without.pathway, Pathway::FamilyHelp);
    assert!(without.has_action("statutory_duty") && without.consultation_advised);
    let with = decide(
        &g,
        &case_json(
            8.0,
            &["care.low", "home.low"],
            &["strength.support"],
            json!({}),
        ),
    );
    assert_eq!(
        with.pathway,
        Pathway::Signpost,
        "strengths still lower the pathway"
    );
    assert!(
        with.has_action("statutory_duty"),
        "{:?}",
        action_codes(&with)
    );
    assert!(with.consultation_advised);
    assert!(with.reasons.iter().any(|r| r.rule == "duty-on-family-help"));
    assert!(
        !with.has_action("request_family_help"),
        "only duties and consultations are kept"
    );
}

#[test]
fn decided_actions_carry_duty_and_source_and_reasons_their_rule_source() {
    let g = safety_guidance(|v| {
        v["rules"]["pathway"][2]["source"] =
            json!({"title": "Children Act 1989", "section": "section 17"});
    });
    let d = decide(&g, &case_json(8.0, &["care.mid"], &[], json!({})));
    let duty = d
        .actions
        .iter()
        .find(|a| a.code == "statutory_duty")
        .unwrap();
    assert!(duty.duty);
    assert_eq!(
        duty.source.as_ref().map(|s| s.citation()).as_deref(),
        Some("Children Act 1989, section 17")
    );
    assert!(
        !d.actions
            .iter()
            .find(|a| a.code == "family_meeting")
            .unwrap()
            .duty
    );
    assert_eq!(
        d.reasons[0].source.as_ref().map(|s| s.title.as_str()),
        Some("Children Act 1989")
    );
    let json = d.to_json_pretty();
    assert!(
        json.contains("\"duty\": true") && !json.contains("\"duty\": false"),
        "{json}"
    );
}

#[test]
fn a_concern_outside_its_ages_is_a_located_case_error() {
    let mut v = minimal_value();
    v["concerns"][1]["ages"] = json!({"at_least": 13, "below": 16});
    let g = load(&v);
    let ok = Case::from_json(
        &case_json(14.0, &["care.mid"], &[], json!({})).to_string(),
        &g,
    );
    assert!(ok.is_ok());
    for (age, child_is) in [
        (json!(12.5), "this child is 12.5 years old"),
        (json!(null), "this baby is not born yet"),
    ] {
        let case = case_json(
            10.0,
            &["care.low", "care.mid"],
            &[],
            json!({"child": {"age_years": age.clone(), "unborn": age.is_null()}}),
        );
        let case: Case = serde_json::from_value(case).unwrap();
        let e = evaluate(&g, &case).expect_err("outside its ages");
        assert_eq!(e.problems.len(), 1, "{e}");
        assert_eq!(e.problems[0].path, "$.concerns[1]");
        assert_eq!(
            e.problems[0].message,
            format!("concern 'care.mid' applies only to children aged 13 to 15, and {child_is}")
        );
    }
}

#[test]
fn a_repeat_contact_holds_from_the_contact_the_setting_names() {
    let mut v = minimal_value();
    v["settings"] = json!({"repeat_contacts_at_least": 3});
    v["rules"]["actions"].as_array_mut().unwrap().push(json!({
        "id": "repeat", "when": "repeat_contact", "actions": ["consultation_line"],
        "consultation_advised": true, "reason": "A repeat pattern."}));
    let g = load(&v);
    let with = |previous: u32| {
        decide(
            &g,
            &case_json(
                8.0,
                &["care.low"],
                &[],
                json!({"child": {"previous_contacts_12_months": previous}}),
            ),
        )
    };
    assert!(
        !with(1).consultation_advised,
        "the second contact is not yet a pattern"
    );
    assert!(with(2).consultation_advised, "the third contact is");
    assert!(with(2).has_action("consultation_line"));
}

#[test]
fn a_lowering_that_escalation_undoes_leaves_no_lowering_reason() {
    // Three additional needs, two strengths: lowered to signpost, then the toxic trio with
    // a 4-year-old raises it to child protection. The decision must not also say that
    // universal support can meet these needs.
    let d = decide_default(
        4.0,
        &[
            "parent_needs.mental_health_managed",
            "parent_needs.substance_use_managed",
            "domestic_abuse.past_or_standard_risk",
        ],
        &[
            "strength.extended_family_support",
            "strength.engages_with_support",
        ],
        json!({}),
    );
    assert_eq!(d.pathway, Pathway::MacptReferral);
    assert!(
        !rules(&d)
            .iter()
            .any(|r| r.ends_with(".lowered_by_strengths")),
        "{:?}",
        rules(&d)
    );
    assert!(d.has_action("phone_front_door"));
}

// ---------------------------------------------------------------------------------------
// What the practitioner is told (issue 12): no contradictions on one screen.

#[test]
fn front_door_users_are_not_given_the_front_doors_own_numbers() {
    let g = default_guidance();
    let school = decide_default(
        4.0,
        &["abuse.unexplained_injury"],
        &[],
        json!({"audience": "school_dsl"}),
    );
    let front = decide_default(
        4.0,
        &["abuse.unexplained_injury"],
        &[],
        json!({"audience": "front_door"}),
    );
    let contact_of = |d: &Decision, code: &str| {
        d.actions
            .iter()
            .find(|a| a.code == code)
            .and_then(|a| a.contact.as_ref())
            .map(|c| c.name.clone())
    };
    assert!(contact_of(&school, "phone_front_door").is_some());
    assert_eq!(contact_of(&front, "phone_front_door"), None);
    assert!(
        contact_of(&front, "phone_out_of_hours").is_some(),
        "the out-of-hours team is for everyone"
    );
    for a in &front.actions {
        assert!(!a.text.starts_with("Phone the front door"), "{}", a.text);
    }
    let summary = outcome_text(&g, &front, front_door_triage::Audience::FrontDoor).summary;
    assert!(!summary.contains("Phone the front door"), "{summary}");
}

#[test]
fn consent_refused_or_unsafe_rewords_the_outcome() {
    let g = default_guidance();
    let words = |consent: &str| {
        let d = decide_default(
            11.0,
            &["parent_needs.substance_use_affecting_care"],
            &[],
            json!({"consent": consent}),
        );
        let o = outcome_text(&g, &d, front_door_triage::Audience::SchoolDsl);
        (o.title.to_string(), o.summary.to_string())
    };
    let (given, _) = words("given");
    assert_eq!(given, "Request Family Help");
    let (refused, summary) = words("refused");
    assert_ne!(
        refused, given,
        "refused consent is not 'Request Family Help'"
    );
    assert!(
        !summary.contains("With the family's consent, ask"),
        "{summary}"
    );
    let (unsafe_title, summary) = words("unsafe_to_ask");
    assert!(unsafe_title.contains("consultation line"), "{unsafe_title}");
    assert!(!summary.contains("consent, ask"), "{summary}");
}

#[test]
fn services_are_offered_only_for_the_concerns_they_help_with() {
    let services = |concerns: &[&str]| -> Vec<String> {
        decide_default(12.0, concerns, &[], json!({}))
            .signpost
            .iter()
            .map(|s| s.id.clone())
            .collect()
    };
    let carer = services(&["environment.young_carer"]);
    assert!(carer.contains(&"young-carers".to_string()), "{carer:?}");
    for unrelated in [
        "housing-options",
        "food-and-money-advice",
        "bereavement-support",
        "youth-service",
    ] {
        assert!(
            !carer.contains(&unrelated.to_string()),
            "{unrelated} for a young carer: {carer:?}"
        );
    }
    let debt = services(&["environment.financial_hardship"]);
    assert!(
        debt.contains(&"food-and-money-advice".to_string()),
        "{debt:?}"
    );
    assert!(!debt.contains(&"young-carers".to_string()), "{debt:?}");
    assert!(!debt.contains(&"youth-service".to_string()), "{debt:?}");
    assert!(
        services(&["duties.allegation_against_adult_in_role"]).is_empty(),
        "no service helps with an allegation: the outcome says so"
    );
}

#[test]
fn the_steps_of_a_route_the_practitioner_chose_are_that_routes() {
    let g = default_guidance();
    let case: Case = serde_json::from_value(case_json(
        7.0,
        &["domestic_abuse.child_witnessed"],
        &[],
        json!({}),
    ))
    .unwrap();
    let steps =
        front_door_triage::engine::steps_for_route(&g, &case, Pathway::MacptReferral).unwrap();
    let codes: Vec<&str> = steps.actions.iter().map(|a| a.code.as_str()).collect();
    assert!(
        codes.contains(&"phone_front_door") && codes.contains(&"phone_out_of_hours"),
        "{codes:?}"
    );
    assert!(!codes.contains(&"request_family_help"), "{codes:?}");
    assert!(
        steps.signpost.is_empty(),
        "no services on a child protection route"
    );
}
