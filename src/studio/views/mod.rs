//! The studio's pages, as functions of [`super::app::Ctx`]: GOV.UK patterns throughout
//! (task list, summary lists with Change links, tables, error summary, warning text).

pub mod cases;
pub mod checks_panel;
pub mod concerns;
pub mod condition;
pub mod entries;
pub mod export;
pub mod fields;
pub mod form;
pub mod home;
pub mod layout;
pub mod open;
pub mod preview;
pub mod review;
pub mod rules;
