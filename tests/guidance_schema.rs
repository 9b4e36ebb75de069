//! The published guidance JSON Schema is the one generated from the Rust types.

use crate::support::{read, strings};
use front_door_triage::schema::guidance_schema_json;
use serde_json::Value;

#[test]
fn published_schema_is_the_generated_one() {
    let published = read("www/guidance/schema.json");
    let generated = guidance_schema_json();
    assert!(
        published == generated,
        "www/guidance/schema.json is out of date: run `cargo run -- schema > www/guidance/schema.json`"
    );
}

#[test]
fn schema_covers_every_top_level_key_of_the_default_guidance() {
    let schema: Value = serde_json::from_str(&guidance_schema_json()).expect("schema is JSON");
    let default: Value =
        serde_json::from_str(&read("www/guidance/default.json")).expect("default.json is JSON");
    let properties = schema["properties"]
        .as_object()
        .expect("schema has properties");
    let keys = default.as_object().expect("default.json is an object");
    let missing: Vec<&String> = keys
        .keys()
        .filter(|k| !properties.contains_key(*k))
        .collect();
    assert!(missing.is_empty(), "schema properties lack {missing:?}");

    let required = strings(&schema["required"]);
    assert!(!required.is_empty(), "schema has required");
    for key in ["format", "id", "concerns", "rules"] {
        assert!(
            required.contains(&key),
            "'{key}' is not required: {required:?}"
        );
    }
    // Unknown fields are errors in the app, so the schema must say so too.
    assert_eq!(schema["additionalProperties"], Value::Bool(false));
}

#[test]
fn schema_describes_itself() {
    let schema: Value = serde_json::from_str(&guidance_schema_json()).expect("schema is JSON");
    assert!(schema["$schema"]
        .as_str()
        .is_some_and(|s| s.contains("json-schema.org")));
    assert!(schema["$id"]
        .as_str()
        .is_some_and(|s| s.ends_with("schema.json")));
    assert!(schema["title"]
        .as_str()
        .is_some_and(|s| s.contains("front-door-triage/guidance/v1")));
    assert!(guidance_schema_json().ends_with("}\n"));
}
