//! Helpers shared by the integration tests: paths and files relative to the crate root,
//! the shipped guidance files, the `triage` binary, and the guidance mutations of the fuzz
//! and JSON-path tests.

pub mod mutate;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A file of the repository by its path from the crate root; panics naming it if missing.
pub fn read(rel: &str) -> String {
    let path = manifest_dir().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Both shipped guidance files, each with its path, loaded and checked.
pub fn shipped_guidance() -> Vec<(&'static str, front_door_triage::Guidance)> {
    [
        "www/guidance/default.json",
        "www/guidance/example-county.json",
    ]
    .into_iter()
    .map(|f| {
        let g = front_door_triage::Guidance::from_json(&read(f))
            .unwrap_or_else(|e| panic!("{f}:\n{e}"));
        (f, g)
    })
    .collect()
}

/// The strings of a JSON array (a schema's `required`), or none.
pub fn strings(value: &serde_json::Value) -> Vec<&str> {
    value
        .as_array()
        .map(|a| a.iter().filter_map(serde_json::Value::as_str).collect())
        .unwrap_or_default()
}

/// The `triage` binary, run from the crate root.
pub fn triage() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_triage"));
    cmd.current_dir(manifest_dir());
    cmd
}

/// Runs `triage` with these arguments and collects its output.
pub fn run(args: &[&str]) -> Output {
    triage()
        .args(args)
        .output()
        .expect("failed to run the triage binary")
}

/// Runs `triage` with these arguments and `input` on its standard input (for `-`).
pub fn run_with_stdin(args: &[&str], input: &str) -> Output {
    let mut child = triage()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("failed to run the triage binary");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input.as_bytes())
        .expect("write to triage's standard input");
    child.wait_with_output().expect("triage finishes")
}
