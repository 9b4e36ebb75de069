//! The one way a guidance file is written out: `triage format` prints it and the guidance
//! studio exports it, so a file saved by either is the same bytes for the same model.
//! Keys in the model's order (the order of `guidance::model`, which is the format's own
//! reading order), two-space indents, a `$schema` for editors, and a final newline.

use crate::guidance::GuidanceFile;

/// Where the shipped files point editors for the schema (`www/guidance/schema.json`).
pub const SCHEMA_REF: &str = "./schema.json";

/// The file's JSON as the CLI and the studio write it.
pub fn to_json(file: &GuidanceFile) -> String {
    let mut file = file.clone();
    file.schema.get_or_insert_with(|| SCHEMA_REF.to_string());
    // Serialising a model that was read from JSON cannot fail: every key is a string.
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}
