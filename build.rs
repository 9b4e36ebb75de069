//! Computes the SHA-256 of the built-in guidance at build time, so the browser app does
//! not hash 76 KB at every start (the file is compiled in and cannot change at run time).

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
}
