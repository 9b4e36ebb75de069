//! The case a practitioner describes (SPEC 4.1): facts about the child, the concerns and
//! strengths ticked, consent and who is asking. No names, dates of birth or addresses.

use crate::guidance::Guidance;
use crate::problem::{parse_json, write_problems, Problem};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

/// Oldest age the tool accepts: care leavers and young people with SEND are supported to 25.
pub const MAX_AGE_YEARS: f64 = 25.0;

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

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Consent {
    Given,
    Refused,
    #[default]
    NotAsked,
    UnsafeToAsk,
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

macro_rules! bit_of {
    ($($t:ty),*) => {$(
        impl $t {
            pub(crate) fn bit(self) -> u8 {
                1 << (self as u8)
            }
        }
    )*};
}
bit_of!(KnownToSocialCare, Consent, Audience);

impl Audience {
    pub const ALL: [Audience; 3] = [Audience::FrontDoor, Audience::SchoolDsl, Audience::Partner];

    /// The stable code used in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Audience::FrontDoor => "front_door",
            Audience::SchoolDsl => "school_dsl",
            Audience::Partner => "partner",
        }
    }
}

impl Consent {
    /// The stable code used in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Consent::Given => "given",
            Consent::Refused => "refused",
            Consent::NotAsked => "not_asked",
            Consent::UnsafeToAsk => "unsafe_to_ask",
        }
    }
}

impl Consent {
    pub const ALL: [Consent; 4] = [
        Consent::Given,
        Consent::Refused,
        Consent::NotAsked,
        Consent::UnsafeToAsk,
    ];
}

impl KnownToSocialCare {
    /// The stable code used in JSON.
    pub fn code(self) -> &'static str {
        match self {
            KnownToSocialCare::None => "none",
            KnownToSocialCare::PreviouslyKnown => "previously_known",
            KnownToSocialCare::OpenFamilyHelp => "open_family_help",
            KnownToSocialCare::OpenChildProtection => "open_child_protection",
            KnownToSocialCare::LookedAfter => "looked_after",
        }
    }

    /// The answer as the question offers it.
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

    pub const ALL: [KnownToSocialCare; 5] = [
        KnownToSocialCare::None,
        KnownToSocialCare::PreviouslyKnown,
        KnownToSocialCare::OpenFamilyHelp,
        KnownToSocialCare::OpenChildProtection,
        KnownToSocialCare::LookedAfter,
    ];
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
    /// Parses case JSON and checks it against the guidance it will be decided with.
    pub fn from_json(text: &str, guidance: &Guidance) -> Result<Case, CaseError> {
        let case: Case = parse_json(text)?;
        case.check(guidance)?;
        Ok(case)
    }

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

    /// Every problem with the case for this guidance: unknown or repeated codes and ages
    /// that cannot be right.
    pub fn check(&self, guidance: &Guidance) -> Result<(), CaseError> {
        let mut problems = Vec::new();
        let child = &self.child;
        match (child.age_years, child.unborn) {
            (Some(_), true) => problems.push(Problem::new(
                "$.child.age_years",
                "an unborn baby has no age: set age_years to null, or unborn to false",
            )),
            (None, false) => problems.push(Problem::new(
                "$.child.age_years",
                "give the child's age in years (or set unborn to true)",
            )),
            (Some(age), false) if !(0.0..=MAX_AGE_YEARS).contains(&age) => {
                problems.push(Problem::new(
                    "$.child.age_years",
                    format!("age must be between 0 and {MAX_AGE_YEARS} years, not {age}"),
                ))
            }
            _ => {}
        }
        check_codes(
            &self.concerns,
            "concerns",
            "concern",
            |c| guidance.concern_index(c).is_some(),
            guidance.id(),
            &mut problems,
        );
        for (i, code) in self.concerns.iter().enumerate() {
            let Some(concern) = guidance.concern(code) else {
                continue;
            };
            let Some(ages) = &concern.ages else { continue };
            if !ages.fits(child.age_years) {
                let child_is = match child.age_years {
                    None => "this baby is not born yet".to_string(),
                    Some(age) => format!("this child is {age} years old"),
                };
                problems.push(Problem::new(
                    format!("$.concerns[{i}]"),
                    format!(
                        "concern '{code}' applies only to {}, and {child_is}",
                        ages.in_words()
                    ),
                ));
            }
        }
        check_codes(
            &self.strengths,
            "strengths",
            "strength",
            |c| guidance.strength_index(c).is_some(),
            guidance.id(),
            &mut problems,
        );
        if problems.is_empty() {
            Ok(())
        } else {
            Err(CaseError { problems })
        }
    }
}

fn check_codes(
    codes: &[String],
    field: &str,
    kind: &str,
    known: impl Fn(&str) -> bool,
    guidance_id: &str,
    problems: &mut Vec<Problem>,
) {
    let mut seen = HashSet::new();
    for (i, code) in codes.iter().enumerate() {
        let path = format!("$.{field}[{i}]");
        if !known(code) {
            problems.push(Problem::new(
                path,
                format!(
                    "unknown {kind} code '{code}': guidance '{guidance_id}' has no such {kind}"
                ),
            ));
        } else if !seen.insert(code.as_str()) {
            problems.push(Problem::new(
                path,
                format!("{kind} '{code}' is listed twice"),
            ));
        }
    }
}
