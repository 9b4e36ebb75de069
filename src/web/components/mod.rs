//! GOV.UK Design System components: a Yew component where it holds state (the error
//! summary), plain functions returning `Html` where they only draw, given the widget when
//! they need its ids. All text is rendered as text nodes: nothing from guidance files or
//! answers is ever parsed as HTML.

mod choices;
mod contact;
mod error_summary;
mod links;
mod text_area;
mod warning_text;

pub use choices::{checkbox, radios, yes_no, Checkbox, ChoiceOption, Radios};
pub use contact::{contact_line, phone};
pub use error_summary::{error_for, error_message, ErrorSummary};
pub use links::{back_link, link_button};
pub use text_area::{text_area, TextArea};
pub use warning_text::warning_text;
