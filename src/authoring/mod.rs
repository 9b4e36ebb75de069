//! Tools for the policy leads who write and revise guidance files (issue 7):
//!
//! - [`lint`]: weak points `triage check` cannot see — rules that never fire, rules that
//!   take each other's cases, codes nothing uses, and breaks of the decision invariants,
//!   each shown with the smallest case that has it;
//! - [`diff`]: what a revision changes, in codes, rules and decided cases;
//! - [`golden`]: the full decision for each vignette, kept as files, so any change in
//!   wording, actions or signposting shows up as a diff;
//! - [`explain`]: a self-contained picture (SVG, or HTML with the SVG inline) of the rules;
//! - [`format`]: the file written out as the CLI and the guidance studio write it;
//! - [`forms`]: the studio's form for each section of the file, as data.
//!
//! The searches behind `lint` and `diff` build cases from the file's own codes
//! ([`space`]), are seeded, and so give the same answer on every run and machine.

pub mod diff;
pub mod explain;
pub mod format;
pub mod forms;
pub mod golden;
pub mod lint;
pub mod vignette;
pub mod words;

mod logic;
mod probe;
mod rng;
mod space;
mod unified;

pub use unified::unified_diff;
