//! The condition language of the decision tables. A `Condition` is what a guidance file
//! says; a `Compiled` condition has its codes resolved to indices once, at load time, so
//! evaluating a case touches only the concerns it selected.

use crate::case::{Audience, Consent, KnownToSocialCare};
use crate::pathway::Pathway;
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

/// A condition with its codes resolved against one guidance file.
#[derive(Debug, Clone)]
pub(crate) enum Compiled {
    Always,
    ImmediateDanger,
    Unborn,
    NonMobile,
    DisabledOrSend,
    /// Holds when the case's contacts, this one included, reach this number.
    RepeatContact(u32),
    ConcernAtLevel(u8),
    CountAtLevel {
        level: u8,
        at_least: u32,
        domains_at_least: u32,
    },
    AnyConcern(Vec<u32>),
    Flag(u64),
    Domain(u64),
    AgeBelow(f64),
    AgeAtLeast(f64),
    KnownToSocialCare(u8),
    Consent(u8),
    Audience(u8),
    Pathway(u8),
    Strength(u32),
    StrengthsAtLeast(u32),
    All(Vec<Compiled>),
    Any(Vec<Compiled>),
    Not(Box<Compiled>),
}

/// What a condition can see of a case: the case's facts, pre-digested so every test is
/// cheap, plus the pathway decided so far (for action rules).
pub(crate) struct Facts<'a> {
    pub immediate_danger: bool,
    pub unborn: bool,
    pub non_mobile: bool,
    pub disabled_or_send: bool,
    /// Earlier contacts in the last 12 months, this one not counted.
    pub previous_contacts: u32,
    pub age_years: Option<f64>,
    pub known: KnownToSocialCare,
    pub consent: Consent,
    pub audience: Audience,
    /// Indices of the selected concerns, in guidance order.
    pub concerns: &'a [u32],
    pub concern_levels: &'a [u8],
    pub concern_domains: &'a [u8],
    pub strengths: &'a [u32],
    pub max_level: u8,
    pub flags: u64,
    pub domains: u64,
    pub pathway: Option<Pathway>,
}

impl Compiled {
    pub fn holds(&self, f: &Facts) -> bool {
        match self {
            Compiled::Always => true,
            Compiled::ImmediateDanger => f.immediate_danger,
            Compiled::Unborn => f.unborn,
            Compiled::NonMobile => f.non_mobile,
            Compiled::DisabledOrSend => f.disabled_or_send,
            Compiled::RepeatContact(at_least) => f.previous_contacts.saturating_add(1) >= *at_least,
            Compiled::ConcernAtLevel(min) => f.max_level >= *min,
            Compiled::CountAtLevel {
                level,
                at_least,
                domains_at_least,
            } => {
                let mut count = 0;
                let mut domains = 0u64;
                for &c in f.concerns {
                    if f.concern_levels[c as usize] == *level {
                        count += 1;
                        domains |= 1 << f.concern_domains[c as usize];
                    }
                }
                count >= *at_least && domains.count_ones() >= *domains_at_least
            }
            Compiled::AnyConcern(codes) => {
                codes.iter().any(|c| f.concerns.binary_search(c).is_ok())
            }
            Compiled::Flag(mask) => f.flags & mask != 0,
            Compiled::Domain(mask) => f.domains & mask != 0,
            Compiled::AgeBelow(limit) => f.age_years.is_some_and(|a| a < *limit),
            Compiled::AgeAtLeast(limit) => f.age_years.is_some_and(|a| a >= *limit),
            Compiled::KnownToSocialCare(mask) => f.known.bit() & mask != 0,
            Compiled::Consent(mask) => f.consent.bit() & mask != 0,
            Compiled::Audience(mask) => f.audience.bit() & mask != 0,
            Compiled::Pathway(mask) => f.pathway.is_some_and(|p| p.bit() & mask != 0),
            Compiled::Strength(s) => f.strengths.contains(s),
            Compiled::StrengthsAtLeast(n) => f.strengths.len() as u32 >= *n,
            Compiled::All(cs) => cs.iter().all(|c| c.holds(f)),
            Compiled::Any(cs) => cs.iter().any(|c| c.holds(f)),
            Compiled::Not(c) => !c.holds(f),
        }
    }

    /// The selected concerns that make this (holding) condition hold, added to `out`
    /// as indices. Used only for the rules that fired, to explain them.
    pub fn contributing(&self, f: &Facts, flag_of: &[u64], out: &mut Vec<u32>) {
        match self {
            Compiled::Always => out.extend_from_slice(f.concerns),
            Compiled::ConcernAtLevel(min) => out.extend(
                f.concerns
                    .iter()
                    .filter(|&&c| f.concern_levels[c as usize] >= *min),
            ),
            Compiled::CountAtLevel { level, .. } => out.extend(
                f.concerns
                    .iter()
                    .filter(|&&c| f.concern_levels[c as usize] == *level),
            ),
            Compiled::AnyConcern(codes) => {
                out.extend(codes.iter().filter(|c| f.concerns.binary_search(c).is_ok()))
            }
            Compiled::Flag(mask) => out.extend(
                f.concerns
                    .iter()
                    .filter(|&&c| flag_of[c as usize] & mask != 0),
            ),
            Compiled::Domain(mask) => out.extend(
                f.concerns
                    .iter()
                    .filter(|&&c| (1u64 << f.concern_domains[c as usize]) & mask != 0),
            ),
            Compiled::All(cs) => cs.iter().for_each(|c| c.contributing(f, flag_of, out)),
            Compiled::Any(cs) => cs
                .iter()
                .filter(|c| c.holds(f))
                .for_each(|c| c.contributing(f, flag_of, out)),
            // Facts about the child, consent or strengths name no concern; a `not` holds
            // because something is absent, so nothing selected made it hold.
            _ => {}
        }
    }
}

/// Sets the bit of each listed value.
pub(crate) fn mask_of<T: Copy>(values: &[T], bit: impl Fn(T) -> u8) -> u8 {
    values.iter().fold(0, |m, &v| m | bit(v))
}
