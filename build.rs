//! Prepares the built-in guidance at build time: its SHA-256 (of the file as published, so
//! the browser app does not hash it at every start), and a compact copy, whitespace
//! removed, which is what the app compiles in (a third smaller; `guidance::tests` checks it
//! loads to the same guidance as the file).

use sha2::{Digest, Sha256};
use std::fmt::Write;

fn main() {
    let path = "www/guidance/default.json";
    println!("cargo:rerun-if-changed={path}");
    let bytes = std::fs::read(path).expect("www/guidance/default.json is part of the source");
    let hex = Sha256::digest(&bytes)
        .iter()
        .fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        });
    println!("cargo:rustc-env=DEFAULT_GUIDANCE_SHA256={hex}");

    // Objects come out with their keys sorted; the loader reads fields by name and keeps
    // its maps sorted anyway, and every list keeps its order.
    let value: serde_json::Value = serde_json::from_slice(&bytes)
        .expect("www/guidance/default.json is JSON (triage check says where it is not)");
    let compact = serde_json::to_string(&value).expect("a JSON value serialises");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("default.compact.json");
    std::fs::write(out, compact).expect("OUT_DIR is writable");
}
