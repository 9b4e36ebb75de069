//! The native integration tests, in one binary (as ripgrep keeps them): one linking step
//! instead of one per file. Each file is named after the module it tests;
//! `cargo test --test tests engine_invariants::` runs one file's tests.

mod support;

mod architecture;

mod authoring_diff;
mod authoring_explain;
mod authoring_format;
mod authoring_golden;
mod authoring_lint;
mod authoring_vignette;
mod cli;
mod engine;
mod engine_contact;
mod engine_invariants;
mod flow_search;
mod guidance_fuzz;
mod guidance_malformed;
mod guidance_schema;
mod problem_locate;
mod record_request_form;
mod record_schema;
