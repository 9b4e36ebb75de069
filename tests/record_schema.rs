//! The published decision record JSON Schema (`docs/decision-record.schema.json`) is the
//! one generated from the Rust types, and names every part of a v3 record.

use crate::support::{read, strings};
use front_door_triage::record::record_schema_json;
use serde_json::Value;

#[test]
fn published_record_schema_is_the_generated_one() {
    assert!(
        read("docs/decision-record.schema.json") == record_schema_json(),
        "docs/decision-record.schema.json is out of date: run `cargo run -- schema --record > docs/decision-record.schema.json`"
    );
}

#[test]
fn the_record_schema_requires_the_core_and_allows_family_and_contact() {
    let schema: Value = serde_json::from_str(&record_schema_json()).expect("schema is JSON");
    let required = strings(&schema["required"]);
    for key in [
        "schema",
        "case",
        "recommendation",
        "final",
        "notes",
        "created_at",
    ] {
        assert!(required.contains(&key), "{key} not required");
    }
    let properties = schema["properties"].as_object().expect("properties");
    assert!(properties.contains_key("family") && properties.contains_key("contact"));
    assert!(!required.contains(&"contact"), "older records have none");
    let contact = &schema["$defs"]["FrontDoorContact"];
    let contact_required = strings(&contact["required"]);
    for key in [
        "urgency",
        "checks",
        "parents_informed",
        "manager_authorisation_needed",
        "feedback",
    ] {
        assert!(
            contact_required.contains(&key),
            "{key} not required in contact"
        );
    }
    assert_eq!(
        schema["$defs"]["Rag"]["enum"],
        serde_json::json!(["red", "amber", "green"])
    );
}
