//! Front Door Triage: a local authority's support level guidance as data, a pure decision
//! engine over it, and (with the `web` feature) the browser app and embedding layer.
//!
//! The engine modules use no web types; the native build (CLI, tests, benches) has no web
//! crate in its dependency graph, so any such use fails to compile there.

pub mod authoring;
pub mod case;
pub mod condition;
pub mod decision;
pub mod engine;
pub mod flow;
pub mod guidance;
pub mod pathway;
pub mod problem;
pub mod record;
pub mod schema;
pub mod summary;
pub mod vignette;

#[cfg(feature = "web")]
pub mod web;

pub use case::{Audience, Case, CaseError, Consent, KnownToSocialCare};
pub use decision::Decision;
pub use engine::evaluate;
pub use guidance::{Guidance, GuidanceError};
pub use pathway::Pathway;
pub use record::DecisionRecord;
