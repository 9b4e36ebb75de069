//! The front door's contact record (`engine::contact`): the urgency rating (first hit),
//! the checks (collect) and the feedback owed, for the route decided, over both shipped
//! files and every public vignette.

use crate::support::{manifest_dir, read, shipped_guidance};
use front_door_triage::engine::contact::ContactTriage;
use front_door_triage::engine::contact_triage;
use front_door_triage::vignette::Suite;
use front_door_triage::vocabulary::{Pathway, Rag};
use front_door_triage::{evaluate, Case, Guidance};

fn case(json: &str) -> Case {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"))
}

fn triage(g: &Guidance, case: &Case, pathway: Pathway) -> ContactTriage {
    contact_triage(g, case, pathway)
        .expect("the case fits")
        .expect("the shipped guidance keeps a contact record")
}

fn check_ids(t: &ContactTriage) -> Vec<&str> {
    t.checks.iter().map(|c| c.id.as_str()).collect()
}

#[test]
fn a_child_protection_or_emergency_route_is_always_red_and_checks_social_care_records() {
    let path = manifest_dir().join("../shared/vignettes/public.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("note: cannot read {}; skipping", path.display());
        return;
    };
    let suite = Suite::from_json(&text).unwrap_or_else(|p| panic!("public.json: {p}"));
    for (file, g) in shipped_guidance() {
        let rules = g.file().contact_record.as_ref().unwrap();
        for v in &suite.vignettes {
            let mut c = v.case.clone();
            c.audience = front_door_triage::vocabulary::Audience::FrontDoor;
            // Whatever the practitioner decides, the record follows that route.
            for pathway in Pathway::ALL {
                let t = triage(&g, &c, pathway);
                let what = format!("{file} {} decided {pathway}", v.id);
                if pathway >= Pathway::MacptReferral || c.immediate_danger {
                    assert_eq!(t.urgency.rating, Rag::Red, "{what}");
                }
                assert!(
                    check_ids(&t).contains(&"check-social-care-records"),
                    "{what}"
                );
                let f = rules.feedback.get(pathway);
                assert_eq!((&t.feedback.text, &t.feedback.within), (&f.text, &f.within));
                let rating = rules.ratings.get(t.urgency.rating);
                assert_eq!(t.urgency.respond_within, rating.respond_within, "{what}");
            }
        }
    }
}

#[test]
fn the_rating_follows_the_route_decided_not_the_recommendation() {
    let g = Guidance::embedded_default().unwrap();
    let c = case(
        r#"{"child":{"age_years":7},"concerns":["domestic_abuse.child_witnessed"],"consent":"given","audience":"front_door"}"#,
    );
    assert_eq!(evaluate(&g, &c).unwrap().pathway, Pathway::FamilyHelp);
    let recommended = triage(&g, &c, Pathway::FamilyHelp);
    assert_eq!(recommended.urgency.rating, Rag::Green);
    assert_eq!(recommended.urgency.rule, "urgency-otherwise");
    let raised = triage(&g, &c, Pathway::MacptReferral);
    assert_eq!(raised.urgency.rating, Rag::Red);
    assert_eq!(raised.urgency.rule, "urgency-child-protection");
    assert!(check_ids(&raised).contains(&"check-police"));
    assert!(raised
        .feedback
        .text
        .contains("Multi-Agency Child Protection Team"));
}

#[test]
fn first_hit_rates_a_baby_a_duty_and_a_repeat_contact_amber() {
    let g = Guidance::embedded_default().unwrap();
    let baby = case(
        r#"{"child":{"age_years":0.5,"non_mobile":true},"concerns":["basic_care.home_conditions_unsafe"],"consent":"given","audience":"front_door"}"#,
    );
    let t = triage(&g, &baby, Pathway::FamilyHelp);
    assert_eq!(
        (t.urgency.rating, t.urgency.rule.as_str()),
        (Rag::Amber, "urgency-baby")
    );
    assert!(check_ids(&t).contains(&"check-health"));
    assert!(
        !check_ids(&t).contains(&"check-school"),
        "no school at six months"
    );

    let repeat = case(
        r#"{"child":{"age_years":9,"previous_contacts_12_months":2},"concerns":["learning.attendance_persistent_absence"],"audience":"front_door"}"#,
    );
    let t = triage(&g, &repeat, Pathway::Signpost);
    assert_eq!(
        (t.urgency.rating, t.urgency.rule.as_str()),
        (Rag::Amber, "urgency-repeat-contact")
    );
    let first_time = case(
        r#"{"child":{"age_years":9},"concerns":["learning.attendance_persistent_absence"],"audience":"front_door"}"#,
    );
    let t = triage(&g, &first_time, Pathway::Signpost);
    assert_eq!(t.urgency.rating, Rag::Green);
    assert_eq!(check_ids(&t), ["check-social-care-records", "check-school"]);
}

#[test]
fn guidance_without_a_contact_record_gives_none() {
    let mut file: serde_json::Value =
        serde_json::from_str(&read("www/guidance/default.json")).unwrap();
    file.as_object_mut().unwrap().remove("contact_record");
    let g = Guidance::from_json(&file.to_string()).unwrap();
    let c = case(r#"{"child":{"age_years":7},"audience":"front_door"}"#);
    assert_eq!(contact_triage(&g, &c, Pathway::Signpost).unwrap(), None);
}

#[test]
fn a_case_that_does_not_fit_is_an_error_not_a_rating() {
    let g = Guidance::embedded_default().unwrap();
    let c = case(r#"{"child":{"age_years":7},"concerns":["no.such_concern"]}"#);
    let e = contact_triage(&g, &c, Pathway::Signpost).unwrap_err();
    assert!(e.to_string().contains("no.such_concern"), "{e}");
}
