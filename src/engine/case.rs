//! The case a practitioner describes (contracts 4.1): facts about the child, the concerns and
//! strengths ticked, consent and who is asking. No names, dates of birth or addresses.

//!
//! Plain data: what makes a case fit a guidance file is `validate`'s job.

use crate::problem::{write_problems, Problem};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The case's fixed values are vocabulary; these re-exports keep their old paths.
pub use crate::vocabulary::{Audience, Consent, KnownToSocialCare, MAX_AGE_YEARS};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub child: Child,
    #[serde(default)]
    pub immediate_danger: bool,
    #[serde(default)]
    pub concerns: Vec<String>,
    #[serde(default)]
    pub strengths: Vec<String>,
    #[serde(default)]
    pub consent: Consent,
    #[serde(default)]
    pub audience: Audience,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Child {
    /// Years, fractions allowed (4.5 is four and a half); `null` only for an unborn baby.
    #[serde(default)]
    pub age_years: Option<f64>,
    #[serde(default)]
    pub unborn: bool,
    /// A baby not yet crawling or pulling to stand: any injury matters more.
    #[serde(default)]
    pub non_mobile: bool,
    #[serde(default)]
    pub disabled_or_send: bool,
    #[serde(default)]
    pub known_to_social_care: KnownToSocialCare,
    /// How many earlier contacts about this child the front door has had in the last
    /// 12 months (this one not counted): repeat contacts are a pattern to weigh.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub previous_contacts_12_months: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// Everything wrong with a case, each problem located by JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseError {
    pub problems: Vec<Problem>,
}

impl fmt::Display for CaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_problems(f, &self.problems)
    }
}

impl std::error::Error for CaseError {}

impl From<Problem> for CaseError {
    fn from(p: Problem) -> Self {
        CaseError { problems: vec![p] }
    }
}

impl Case {
    /// A blank case: nothing known yet. The starting point of the flow.
    pub fn empty() -> Case {
        Case {
            child: Child {
                age_years: None,
                unborn: false,
                non_mobile: false,
                disabled_or_send: false,
                known_to_social_care: KnownToSocialCare::None,
                previous_contacts_12_months: 0,
            },
            immediate_danger: false,
            concerns: Vec::new(),
            strengths: Vec::new(),
            consent: Consent::NotAsked,
            audience: Audience::Partner,
        }
    }
}
