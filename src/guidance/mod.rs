//! A local authority's guidance, loaded: the file as written, checked, with its rules
//! compiled to indices so the engine never looks a code up by name twice.

mod compile;
pub(crate) mod compiled;
pub mod condition;
pub mod contact_keys;
pub mod manifest;
pub mod model;
pub mod schema;
mod shared;

/// Urgency is vocabulary; guidance files and decisions both speak it.
pub use crate::vocabulary::Urgency;
pub use model::*;
pub use shared::SharedGuidance;

use crate::problem::{parse_json, write_problems, Problem};
use compiled::{Compiled, CompiledActionRule};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt;

/// The demonstration guidance compiled into every build.
pub const DEFAULT_GUIDANCE_JSON: &str = include_str!("../../www/guidance/default.json");

/// The same guidance without its whitespace (build.rs): what `embedded_default` loads, so
/// the browser download carries the compact text only.
const DEFAULT_GUIDANCE_COMPACT: &str =
    include_str!(concat!(env!("OUT_DIR"), "/default.compact.json"));

/// Its SHA-256, computed by build.rs from the same file.
pub const DEFAULT_GUIDANCE_SHA256: &str = env!("DEFAULT_GUIDANCE_SHA256");

/// Everything wrong with a guidance file, each problem located by JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuidanceError {
    pub problems: Vec<Problem>,
}

impl fmt::Display for GuidanceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_problems(f, &self.problems)
    }
}

impl std::error::Error for GuidanceError {}

/// A checked guidance file, ready to decide cases.
#[derive(Debug, Clone)]
pub struct Guidance {
    pub(crate) file: GuidanceFile,
    pub(crate) sha256: String,
    pub(crate) concern_index: HashMap<String, u32>,
    pub(crate) strength_index: HashMap<String, u32>,
    pub(crate) concern_levels: Vec<u8>,
    pub(crate) concern_domains: Vec<u8>,
    pub(crate) concern_flags: Vec<u64>,
    pub(crate) pathway_rules: Vec<Compiled>,
    pub(crate) escalation_rules: Vec<Compiled>,
    pub(crate) action_rules: Vec<CompiledActionRule>,
    /// Per action: the flags that make it unsafe (`never_with_flags`), as a mask.
    pub(crate) action_never_flags: Vec<u64>,
    /// `contact_record.urgency`, compiled (empty without a contact record).
    pub(crate) urgency_rules: Vec<Compiled>,
    /// `contact_record.checks`, compiled, one per check.
    pub(crate) check_rules: Vec<Compiled>,
    pub(crate) service_domains: Vec<u64>,
    /// Per service: the concerns it names, as sorted indices.
    pub(crate) service_concerns: Vec<Vec<u32>>,
}

impl Guidance {
    /// Parses and checks a guidance file, reporting every problem found.
    pub fn from_json(text: &str) -> Result<Guidance, GuidanceError> {
        Guidance::from_json_with_sha256(text, hex(&Sha256::digest(text.as_bytes())))
    }

    fn from_json_with_sha256(text: &str, sha256: String) -> Result<Guidance, GuidanceError> {
        let file: GuidanceFile =
            parse_json(text).map_err(|p| GuidanceError { problems: vec![p] })?;
        compile::compile(file, sha256)
    }

    /// The demonstration guidance that ships inside the app and the CLI.
    pub fn embedded_default() -> Result<Guidance, GuidanceError> {
        Guidance::from_json_with_sha256(
            DEFAULT_GUIDANCE_COMPACT,
            DEFAULT_GUIDANCE_SHA256.to_string(),
        )
    }

    pub fn file(&self) -> &GuidanceFile {
        &self.file
    }
    pub fn id(&self) -> &str {
        &self.file.id
    }
    pub fn version(&self) -> &str {
        &self.file.version
    }
    /// SHA-256 of the file's bytes, lowercase hex: what a host pins with `guidanceSha256`.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }
    pub fn concern_index(&self, code: &str) -> Option<u32> {
        self.concern_index.get(code).copied()
    }
    pub fn strength_index(&self, code: &str) -> Option<u32> {
        self.strength_index.get(code).copied()
    }
    pub fn concern(&self, code: &str) -> Option<&Concern> {
        self.concern_index(code)
            .map(|i| &self.file.concerns[i as usize])
    }
    pub fn strength(&self, code: &str) -> Option<&Strength> {
        self.strength_index(code)
            .map(|i| &self.file.strengths[i as usize])
    }
    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.file.domains.iter().find(|d| d.id == id)
    }
    pub fn contact(&self, name: &str) -> Option<&Contact> {
        self.file.contacts.get(name)
    }
    pub fn level(&self, level: u8) -> Option<&Level> {
        self.file.levels.iter().find(|l| l.level == level)
    }
    pub fn action(&self, code: &str) -> Option<&Action> {
        self.file.actions.iter().find(|a| a.code == code)
    }
    /// Whom a concern is about: its own `about`, else its domain's (issue 16, siblings).
    pub fn concern_about(&self, concern: &Concern) -> About {
        concern.about.unwrap_or_else(|| {
            self.domain(&concern.domain)
                .map(|d| d.about)
                .unwrap_or_default()
        })
    }
    /// A concern about the whole family, carried over to the next child: unknown codes are not.
    pub fn is_family_concern(&self, code: &str) -> bool {
        self.concern(code)
            .is_some_and(|c| self.concern_about(c) == About::Family)
    }
    /// Whether a concern applies to a child of this age (`None`: unborn).
    pub fn concern_fits(&self, concern: &Concern, age_years: Option<f64>) -> bool {
        concern.ages.as_ref().is_none_or(|a| a.fits(age_years))
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_build_time_hash_is_the_hash_of_the_built_in_file() {
        let computed = Guidance::from_json(DEFAULT_GUIDANCE_JSON).unwrap();
        assert_eq!(
            Guidance::embedded_default().unwrap().sha256(),
            computed.sha256()
        );
        assert_eq!(DEFAULT_GUIDANCE_SHA256.len(), 64);
    }

    #[test]
    fn the_compact_copy_loads_to_the_same_guidance_as_the_file() {
        let file = Guidance::from_json(DEFAULT_GUIDANCE_JSON).unwrap();
        let compact = Guidance::embedded_default().unwrap();
        let as_value = |g: &Guidance| serde_json::to_value(g.file()).unwrap();
        assert_eq!(as_value(&compact), as_value(&file));
        assert!(DEFAULT_GUIDANCE_COMPACT.len() * 10 < DEFAULT_GUIDANCE_JSON.len() * 8);
    }
}
