//! The condition language of the decision tables, as a guidance file writes it. `compile`
//! turns each into a [`Compiled`](super::compiled::Compiled) condition.

use crate::vocabulary::{Audience, Consent, KnownToSocialCare, Pathway};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A test on a case. Written in JSON as a bare string for the facts without arguments
/// (`"immediate_danger"`) or as an object with one key (`{"concern_at_level": 4}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// Always holds: the final default rule.
    Always,
    /// The user said the child is in immediate danger.
    ImmediateDanger,
    Unborn,
    NonMobile,
    DisabledOrSend,
    /// This contact makes a repeat pattern: with the earlier contacts in the last 12
    /// months it reaches `settings.repeat_contacts_at_least`.
    RepeatContact,
    /// Any selected concern is at this level or higher.
    ConcernAtLevel(u8),
    /// At least `at_least` selected concerns at exactly `level`, spread over at least
    /// `domains_at_least` domains.
    CountAtLevel(CountAtLevel),
    /// This concern is selected.
    Concern(String),
    /// Any of these concerns is selected.
    AnyConcern(Vec<String>),
    /// Any selected concern carries this flag.
    Flag(String),
    /// Any selected concern is in this domain.
    Domain(String),
    /// The child's age in years is below this (never true for an unborn baby).
    AgeBelow(f64),
    /// The child's age in years is this or more.
    AgeAtLeast(f64),
    KnownToSocialCare(Vec<KnownToSocialCare>),
    /// Action rules only: consent is one of these.
    Consent(Vec<Consent>),
    /// Action rules only: the user is one of these audiences.
    Audience(Vec<Audience>),
    /// Action rules only: the pathway decided so far is one of these.
    Pathway(Vec<Pathway>),
    /// Action rules only: this strength is recorded.
    Strength(String),
    /// Action rules only: at least this many strengths are recorded.
    StrengthsAtLeast(u32),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CountAtLevel {
    pub level: u8,
    pub at_least: u32,
    #[serde(default = "one")]
    pub domains_at_least: u32,
}

fn one() -> u32 {
    1
}
