//! The product's vocabulary: the fixed values every layer speaks in (routes, who is asking,
//! consent, social care involvement, urgency) and the limits on ages and levels. Each enum
//! says its JSON code and its one human label here and nowhere else, so the app, lint's
//! words and the record summary cannot disagree. This module imports nothing of ours.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Oldest age the tool accepts: care leavers and young people with an EHCP are supported
/// to 25.
pub const MAX_AGE_YEARS: f64 = 25.0;

/// A number as a person reads it: `4`, `4.5`, `0.25`, with no `.0` on a whole number.
/// Written by `zmij`, which serde_json writes numbers with, so the browser build carries one
/// float printer: `f64`'s `Display` would add 18 KB for a few ages in messages.
pub fn number_text(n: f64) -> String {
    let mut buffer = zmij::Buffer::new();
    let text = buffer.format(n);
    text.strip_suffix(".0").unwrap_or(text).to_owned()
}

/// From this age the tool is for someone only as a care leaver or with an EHCP.
pub const ADULT_AGE: f64 = 18.0;

/// The levels of need: 1 universal, 2 additional, 3 family help, 4 child protection.
pub const LEVELS: std::ops::RangeInclusive<u8> = 1..=4;

/// The four routes a front door can take. Ordered: `Signpost < FamilyHelp <
/// MacptReferral < Emergency`, so "at least" and "never lower" are plain comparisons.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Pathway {
    Signpost,
    FamilyHelp,
    MacptReferral,
    Emergency,
}

impl Pathway {
    pub const ALL: [Pathway; 4] = [
        Pathway::Signpost,
        Pathway::FamilyHelp,
        Pathway::MacptReferral,
        Pathway::Emergency,
    ];

    /// The stable code used in JSON and in the `data-pathway` test hook.
    pub fn code(self) -> &'static str {
        match self {
            Pathway::Signpost => "signpost",
            Pathway::FamilyHelp => "family_help",
            Pathway::MacptReferral => "macpt_referral",
            Pathway::Emergency => "emergency",
        }
    }

    /// The route in a few words (a guidance file titles each route in its own words).
    pub fn label(self) -> &'static str {
        match self {
            Pathway::Signpost => "Universal or community support",
            Pathway::FamilyHelp => "Family Help",
            Pathway::MacptReferral => "Multi-Agency Child Protection Team referral",
            Pathway::Emergency => "Emergency: 999",
        }
    }

    pub fn from_code(code: &str) -> Option<Pathway> {
        Pathway::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The level of need a pathway stands for when no concern says more (levels 1–2
    /// signpost, 3 family help, 4 child protection; an emergency is level 4 too).
    pub fn base_level(self) -> u8 {
        match self {
            Pathway::Signpost => 1,
            Pathway::FamilyHelp => 3,
            Pathway::MacptReferral | Pathway::Emergency => 4,
        }
    }
}

impl fmt::Display for Pathway {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Who is using the tool. Changes wording and actions, never the pathway.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    FrontDoor,
    SchoolDsl,
    #[default]
    Partner,
}

impl Audience {
    pub const ALL: [Audience; 3] = [Audience::FrontDoor, Audience::SchoolDsl, Audience::Partner];

    pub fn code(self) -> &'static str {
        match self {
            Audience::FrontDoor => "front_door",
            Audience::SchoolDsl => "school_dsl",
            Audience::Partner => "partner",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Audience::FrontDoor => "Front-door practitioner (MASH or integrated front door)",
            Audience::SchoolDsl => "School or college designated safeguarding lead",
            Audience::Partner => "Another partner agency",
        }
    }
}

/// Whether the family has agreed to help being asked for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Consent {
    Given,
    Refused,
    #[default]
    NotAsked,
    UnsafeToAsk,
}

impl Consent {
    pub const ALL: [Consent; 4] = [
        Consent::Given,
        Consent::Refused,
        Consent::NotAsked,
        Consent::UnsafeToAsk,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Consent::Given => "given",
            Consent::Refused => "refused",
            Consent::NotAsked => "not_asked",
            Consent::UnsafeToAsk => "unsafe_to_ask",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Consent::Given => "Yes, they agree",
            Consent::Refused => "No, they have refused",
            Consent::NotAsked => "Not asked yet",
            Consent::UnsafeToAsk => "Not safe to ask",
        }
    }
}

/// The child's involvement with children's social care or early help.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum KnownToSocialCare {
    #[default]
    None,
    /// Closed to children's social care or early help within the last 12 months.
    PreviouslyKnown,
    OpenFamilyHelp,
    OpenChildProtection,
    LookedAfter,
}

impl KnownToSocialCare {
    pub const ALL: [KnownToSocialCare; 5] = [
        KnownToSocialCare::None,
        KnownToSocialCare::PreviouslyKnown,
        KnownToSocialCare::OpenFamilyHelp,
        KnownToSocialCare::OpenChildProtection,
        KnownToSocialCare::LookedAfter,
    ];

    pub fn code(self) -> &'static str {
        match self {
            KnownToSocialCare::None => "none",
            KnownToSocialCare::PreviouslyKnown => "previously_known",
            KnownToSocialCare::OpenFamilyHelp => "open_family_help",
            KnownToSocialCare::OpenChildProtection => "open_child_protection",
            KnownToSocialCare::LookedAfter => "looked_after",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            KnownToSocialCare::None => "No, or not known",
            KnownToSocialCare::PreviouslyKnown => {
                "Not now, but their case closed in the last 12 months (social care or early help)"
            }
            KnownToSocialCare::OpenFamilyHelp => {
                "Yes, open to Family Help (child in need or early help)"
            }
            KnownToSocialCare::OpenChildProtection => "Yes, on a child protection plan",
            KnownToSocialCare::LookedAfter => "Yes, looked after by the local authority (in care)",
        }
    }
}

/// How soon an action is to be done; what to do now comes first on the outcome page.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// Straight away, before anything else.
    Now,
    /// The same day.
    Today,
    /// Within days or longer.
    #[default]
    Days,
}

impl Urgency {
    pub const ALL: [Urgency; 3] = [Urgency::Now, Urgency::Today, Urgency::Days];

    pub fn code(self) -> &'static str {
        match self {
            Urgency::Now => "now",
            Urgency::Today => "today",
            Urgency::Days => "days",
        }
    }

    /// The heading its actions sit under on the outcome page.
    pub fn label(self) -> &'static str {
        match self {
            Urgency::Now => "Now",
            Urgency::Today => "Today",
            Urgency::Days => "In the next few days",
        }
    }

    pub fn is_default(&self) -> bool {
        *self == Urgency::Days
    }
}

/// The front door's urgency rating of a contact (red, amber, green): how soon the front
/// door must respond. Ordered most urgent first; each authority says what each means and
/// its response time (`contact_record.ratings` in the guidance).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Rag {
    Red,
    Amber,
    Green,
}

impl Rag {
    pub const ALL: [Rag; 3] = [Rag::Red, Rag::Amber, Rag::Green];

    pub fn code(self) -> &'static str {
        match self {
            Rag::Red => "red",
            Rag::Amber => "amber",
            Rag::Green => "green",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Rag::Red => "Red",
            Rag::Amber => "Amber",
            Rag::Green => "Green",
        }
    }
}

/// One bit per value, so a rule's list of values is one mask and testing it one AND.
macro_rules! bit_of {
    ($($t:ty),*) => {$(
        impl $t {
            pub(crate) fn bit(self) -> u8 {
                1 << (self as u8)
            }
        }
    )*};
}
bit_of!(Pathway, Audience, Consent, KnownToSocialCare);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_display_writes_them() {
        for n in [
            0.0,
            4.0,
            4.5,
            0.25,
            25.0,
            26.0,
            -1.0,
            0.1 + 0.2,
            1e6,
            123.456,
        ] {
            assert_eq!(number_text(n), n.to_string(), "{n}");
        }
    }

    /// `code()` is the JSON code serde writes and reads, for every value.
    fn codes_match_serde<T>(all: &[T], code: impl Fn(&T) -> &'static str)
    where
        T: Serialize + for<'de> Deserialize<'de> + PartialEq + fmt::Debug,
    {
        for v in all {
            let json = serde_json::to_value(v).unwrap();
            assert_eq!(json, serde_json::Value::String(code(v).into()), "{v:?}");
            let back: T = serde_json::from_value(json).unwrap();
            assert_eq!(&back, v);
        }
    }

    #[test]
    fn every_code_is_the_serde_code() {
        codes_match_serde(&Pathway::ALL, |p| p.code());
        codes_match_serde(&Audience::ALL, |a| a.code());
        codes_match_serde(&Consent::ALL, |c| c.code());
        codes_match_serde(&KnownToSocialCare::ALL, |k| k.code());
        codes_match_serde(&Urgency::ALL, |u| u.code());
        codes_match_serde(&Rag::ALL, |r| r.code());
    }

    #[test]
    fn every_value_has_a_label_of_its_own() {
        let labels = |v: Vec<&str>| {
            let n = v.len();
            let set: std::collections::HashSet<&str> = v.into_iter().collect();
            assert_eq!(set.len(), n, "labels repeat");
            assert!(set.iter().all(|l| !l.trim().is_empty()));
        };
        labels(Pathway::ALL.iter().map(|p| p.label()).collect());
        labels(Audience::ALL.iter().map(|a| a.label()).collect());
        labels(Consent::ALL.iter().map(|c| c.label()).collect());
        labels(KnownToSocialCare::ALL.iter().map(|k| k.label()).collect());
        labels(Urgency::ALL.iter().map(|u| u.label()).collect());
        labels(Rag::ALL.iter().map(|r| r.label()).collect());
    }

    #[test]
    fn pathways_are_ordered_and_each_stands_for_a_level() {
        assert!(Pathway::Signpost < Pathway::FamilyHelp);
        assert!(Pathway::MacptReferral < Pathway::Emergency);
        let levels: Vec<u8> = Pathway::ALL.iter().map(|p| p.base_level()).collect();
        assert_eq!(levels, [1, 3, 4, 4]);
        assert!(levels.iter().all(|l| LEVELS.contains(l)));
    }
}
