//! A condition with its codes resolved to indices once, at load time, so evaluating a case
//! touches only the concerns it selected. Built by `compile`; evaluated by the engine
//! (`engine::facts`).

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

// Kinds of condition that many matches treat alike, as patterns. A new kind of condition
// either goes into one of these groups, where it is then handled as its group is, or gets
// an arm of its own in every match: the compiler refuses both matches without it.

/// Facts about the child and this contact.
macro_rules! case_facts {
    () => {
        $crate::guidance::compiled::Compiled::ImmediateDanger
            | $crate::guidance::compiled::Compiled::Unborn
            | $crate::guidance::compiled::Compiled::NonMobile
            | $crate::guidance::compiled::Compiled::DisabledOrSend
            | $crate::guidance::compiled::Compiled::RepeatContact(_)
            | $crate::guidance::compiled::Compiled::AgeBelow(_)
            | $crate::guidance::compiled::Compiled::AgeAtLeast(_)
            | $crate::guidance::compiled::Compiled::KnownToSocialCare(_)
    };
}

/// Consent, who is asking, and the pathway decided so far.
macro_rules! context {
    () => {
        $crate::guidance::compiled::Compiled::Consent(_)
            | $crate::guidance::compiled::Compiled::Audience(_)
            | $crate::guidance::compiled::Compiled::Pathway(_)
    };
}

/// Tests of the recorded strengths.
macro_rules! strength_tests {
    () => {
        $crate::guidance::compiled::Compiled::Strength(_)
            | $crate::guidance::compiled::Compiled::StrengthsAtLeast(_)
    };
}

/// Tests that one selected concern passes or fails on its own. Only lint's logic needs the
/// group, so the browser build leaves it out.
#[cfg(feature = "authoring")]
macro_rules! concern_tests {
    () => {
        $crate::guidance::compiled::Compiled::ConcernAtLevel(_)
            | $crate::guidance::compiled::Compiled::AnyConcern(_)
            | $crate::guidance::compiled::Compiled::Flag(_)
            | $crate::guidance::compiled::Compiled::Domain(_)
    };
}

#[cfg(feature = "authoring")]
pub(crate) use concern_tests;
pub(crate) use {case_facts, context, strength_tests};

/// Whether this condition, or any part of it, is a test `is` picks out (lint asks which
/// rules read consent, strengths, or use `not`).
#[cfg(feature = "authoring")]
impl Compiled {
    pub fn mentions(&self, is: fn(&Compiled) -> bool) -> bool {
        is(self)
            || match self {
                Compiled::All(cs) | Compiled::Any(cs) => cs.iter().any(|c| c.mentions(is)),
                Compiled::Not(c) => c.mentions(is),
                _ => false,
            }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct CompiledActionRule {
    pub when: Compiled,
    /// Indices into `file.actions`, which is also the order to do them in.
    pub actions: Vec<u32>,
}

/// Sets the bit of each listed value.
pub(crate) fn mask_of<T: Copy>(values: &[T], bit: impl Fn(T) -> u8) -> u8 {
    values.iter().fold(0, |m, &v| m | bit(v))
}
