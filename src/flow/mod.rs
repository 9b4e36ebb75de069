//! The guided flow as data, apart from rendering (as GOV.UK Smart Answers keeps its flows):
//! which steps there are, what each asks, how answers are checked and turned into a
//! [`Case`], and where Continue and Back go. Pure Rust, so every path is tested natively.

mod answers;
mod draft;
pub mod search;
mod steps;

pub use answers::{Answers, ChildStatus, FieldError, Mobility};
pub use draft::{Draft, DraftProblem, DRAFT_VERSION};
pub use steps::{Mode, Step, SERVICE_NAME};
