//! Front Door Triage: a local authority's support level guidance as data, a pure decision
//! engine over it, and (with the `web` feature) the browser app and embedding layer.
//!
//! The layers, each importing only those before it (ARCHITECTURE.md has the map):
//! `vocabulary` and `order` ← `problem` ← `guidance` ← `engine` ← `record` ← `flow` ← `web`, with
//! `authoring` (lint, diff, vignettes: the CLI's tools) beside `flow`, behind its feature.
//! The engine modules use no web types; the native build has no web crate in its
//! dependency graph, so any such use fails to compile there.

#[cfg(feature = "authoring")]
pub mod authoring;
pub mod engine;
pub mod flow;
pub mod guidance;
pub mod order;
pub mod problem;
pub mod record;
#[cfg(feature = "studio")]
pub mod studio;
pub mod vocabulary;
#[cfg(feature = "web")]
pub mod web;

// The paths these modules had before the layers had folders, kept for callers.
#[cfg(feature = "authoring")]
pub use authoring::vignette;
pub use engine::{case, decision};
pub use guidance::{condition, schema};
pub use record::summary;
pub use vocabulary as pathway;

pub use engine::case::{Case, CaseError};
pub use engine::decision::Decision;
pub use engine::evaluate;
pub use guidance::{Guidance, GuidanceError};
pub use record::DecisionRecord;
pub use vocabulary::{Audience, Consent, KnownToSocialCare, Pathway};
