//! `triage diff`: what a revision of a guidance file changes, for the partnership board
//! that approves it. Three parts:
//!
//! 1. the file: codes added, removed, re-levelled or re-worded, and other changed entries
//!    (concerns, strengths, actions, services, contacts, levels, domains, pathway texts);
//! 2. the rules, by id: added, removed, condition, pathway or actions changed, moved;
//! 3. the decisions: every vignette, every concern on its own, and a seeded sample of
//!    generated cases, decided by both versions; each case whose pathway, level, actions
//!    or consultation advice changes is listed with its before and after.
//!
//! It reports and never judges: whether a change is right is the board's call.

mod cases;
mod codes;
mod rules;
mod text;

pub use cases::{CaseChange, CaseImpact, Outcome};

use crate::authoring::vignette::Suite;
use crate::guidance::Guidance;
use serde::Serialize;
use serde_json::Value;

/// Generated cases `triage diff` decides by default (besides vignettes and single concerns).
pub const DEFAULT_SAMPLE: usize = 2_000;

#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    pub old: FileRef,
    pub new: FileRef,
    /// Changes to the file's codes and texts, section by section, in file order.
    pub changes: Vec<Change>,
    /// Changes to the rules, table by table.
    pub rules: Vec<RuleChange>,
    pub cases: CaseImpact,
}

#[derive(Debug, Clone, Serialize)]
pub struct FileRef {
    pub id: String,
    pub version: String,
    pub sha256: String,
}

/// One entry of a section (a concern, an action, a contact...) that was added, removed
/// or changed. `kinds` says how: `added`, `removed`, `re-levelled`, `re-worded`,
/// `changed`, `moved` (the order of entries matters for actions and services).
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub section: String,
    /// The entry's code, id, name or level; `header` fields by name; `(order)` for a
    /// change of order.
    pub key: String,
    pub kinds: Vec<&'static str>,
    /// What changed, field by field (empty for added and removed entries).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
    /// The whole entry, for added (the new one) and removed (the old one) entries.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<Value>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub before: Value,
    pub after: Value,
}

/// A rule added, removed or changed, by id. `kinds`: `added`, `removed`,
/// `condition changed`, `pathway changed`, `actions changed`, `strength lowering changed`,
/// `consultation changed`, `re-worded`, `moved`.
#[derive(Debug, Clone, Serialize)]
pub struct RuleChange {
    /// `pathway`, `escalation` or `actions`.
    pub table: &'static str,
    pub id: String,
    pub kinds: Vec<&'static str>,
    /// Position in the table before and after (0-based), where it exists.
    pub position: (Option<usize>, Option<usize>),
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
    /// The condition in plain words, before and after, where it exists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when_before: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when_after: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<Value>,
}

/// Compares two guidance files. `vignettes` are decided by both (if given), then every
/// concern on its own, then `sample` generated cases using the codes both files have.
pub fn diff(old: &Guidance, new: &Guidance, vignettes: Option<&Suite>, sample: usize) -> Diff {
    let file_ref = |g: &Guidance| FileRef {
        id: g.id().to_string(),
        version: g.version().to_string(),
        sha256: g.sha256().to_string(),
    };
    Diff {
        old: file_ref(old),
        new: file_ref(new),
        changes: codes::compare(old.file(), new.file()),
        rules: rules::compare(old.file(), new.file()),
        cases: cases::compare(old, new, vignettes, sample),
    }
}

impl Diff {
    /// Whether the two files decide and say exactly the same things.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.rules.is_empty() && self.cases.changed.is_empty()
    }

    /// The report for the board. The labels name the two files and the vignette suite.
    pub fn to_text(
        &self,
        old_label: &str,
        new_label: &str,
        vignettes_label: Option<&str>,
    ) -> String {
        text::render(self, old_label, new_label, vignettes_label)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
