//! The guided flow as data, apart from rendering (as GOV.UK Smart Answers keeps its flows):
//! which steps there are, what each asks, how answers are checked and turned into a
//! [`Case`](crate::engine::case::Case), where Continue and Back go, and the session that moves through
//! them. Pure Rust, so every path is tested natively.

mod answers;
mod draft;
mod family;
mod letters;
mod provisional;
pub mod search;
mod session;
mod steps;

pub use answers::{Answers, ChildStatus, FieldError, Mobility};
pub use draft::{Draft, DraftProblem, DRAFT_VERSION};
pub use family::{current_record, next_child, Family};
pub use session::{Edit, Msg, Session};
pub use steps::{Mode, Step, SERVICE_NAME};
