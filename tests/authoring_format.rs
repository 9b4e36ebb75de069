//! `authoring::format`, the one writer of guidance files (`triage format` and the studio's
//! export): it keeps every value, is its own fixed point, and names the schema.

use front_door_triage::authoring::format::{to_json, SCHEMA_REF};
use front_door_triage::guidance::{GuidanceFile, DEFAULT_GUIDANCE_JSON};
use serde_json::Value;

fn default_file() -> GuidanceFile {
    serde_json::from_str(DEFAULT_GUIDANCE_JSON).unwrap()
}

#[test]
fn the_written_file_says_what_the_file_read_says() {
    let written = to_json(&default_file());
    let a: Value = serde_json::from_str(DEFAULT_GUIDANCE_JSON).unwrap();
    let b: Value = serde_json::from_str(&written).unwrap();
    assert_eq!(a, b);
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
