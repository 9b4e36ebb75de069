//! `authoring::format`, the one writer of guidance files (`triage format` and the studio's
//! export): it keeps every value, is its own fixed point, and names the schema.

use front_door_triage::authoring::format::{to_json, SCHEMA_REF};
use front_door_triage::guidance::{Guidance, GuidanceFile, DEFAULT_GUIDANCE_JSON};
use serde_json::Value;

fn default_file() -> GuidanceFile {
    serde_json::from_str(DEFAULT_GUIDANCE_JSON).unwrap()
}

#[test]
fn the_written_file_passes_check_and_reads_back_as_the_same_model() {
    // Defaults may be written out or left out, so the text differs from a hand-written
    // file; the model it reads back as is the same (same text when written again).
    let written = to_json(&default_file());
    let g = Guidance::from_json(&written).expect("passes check");
    assert_eq!(to_json(g.file()), written);
    assert_eq!(g.file().concerns.len(), default_file().concerns.len());
}

#[test]
fn writing_a_written_file_again_changes_nothing() {
    let once = to_json(&default_file());
    let twice = to_json(&serde_json::from_str(&once).unwrap());
    assert_eq!(once, twice);
    assert!(once.ends_with("}\n"));
}

#[test]
fn a_file_without_a_schema_gets_one() {
    let mut file = default_file();
    file.schema = None;
    let v: Value = serde_json::from_str(&to_json(&file)).unwrap();
    assert_eq!(v["$schema"], SCHEMA_REF);
}

#[test]
fn triage_format_prints_the_same_bytes() {
    let dir = std::env::temp_dir().join(format!("fdt-format-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("g.json");
    std::fs::write(&path, DEFAULT_GUIDANCE_JSON).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_triage"))
        .arg("format")
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        to_json(&default_file())
    );
    let _ = std::fs::remove_dir_all(&dir);
}
