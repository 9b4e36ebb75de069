//! The guidance file's JSON Schema, generated from the Rust types so the two cannot drift.
//! Published as `www/guidance/schema.json` and printed by `triage schema`.

use crate::guidance::GuidanceFile;

/// The schema as pretty JSON with a trailing newline, exactly as the published file.
pub fn guidance_schema_json() -> String {
    let mut schema = schemars::schema_for!(GuidanceFile);
    schema.insert(
        "$id".into(),
        "https://front-door-triage.example/guidance/v1/schema.json".into(),
    );
    schema.insert(
        "title".into(),
        "Front Door Triage guidance file (front-door-triage/guidance/v1)".into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
