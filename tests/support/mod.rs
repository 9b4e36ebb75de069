//! Helpers shared by the integration tests: paths and files relative to the crate root.
#![allow(dead_code)] // each test crate uses its own subset

use std::path::Path;

pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A file of the repository by its path from the crate root; panics naming it if missing.
pub fn read(rel: &str) -> String {
    let path = manifest_dir().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}
