//! GOV.UK Design System components as small Yew components. All text is rendered as
//! text nodes: nothing from guidance files or answers is ever parsed as HTML.

mod choices;
mod contact;
mod error_summary;
mod links;
mod text_area;
mod warning_text;

pub use choices::{Checkbox, ChoiceOption, Radios};
pub use contact::{ContactLine, Phone};
pub use error_summary::{error_for, ErrorMessage, ErrorSummary};
pub use links::{BackLink, LinkButton};
pub use text_area::TextArea;
pub use warning_text::WarningText;
