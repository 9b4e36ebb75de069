//! The guidance file format: one local authority's support level guidance as data.
//! These types are the format; `schema.json` is generated from them and
//! `docs/guidance-format.md` explains them.

use crate::case::Audience;
use crate::condition::Condition;
use crate::pathway::Pathway;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The value of `format` every guidance file of this version carries.
pub const FORMAT_V1: &str = "front-door-triage/guidance/v1";

/// One authority's guidance file.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GuidanceFile {
    /// Editors use this to find the schema; the app ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always `front-door-triage/guidance/v1` for this version of the format.
    pub format: String,
    /// Short stable identifier, lowercase letters, digits and hyphens (`demo-borough`).
    pub id: String,
    pub title: String,
    /// The authority's own version label for this revision (`2026.1`).
    pub version: String,
    /// Date this revision was published, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Where the full written guidance lives, for people who cannot use the tool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_url: Option<String>,
    pub authority: Authority,
    /// Named contacts (`front_door` is required); actions refer to them by name.
    pub contacts: BTreeMap<String, Contact>,
    /// Exactly the four levels of need, 1 to 4.
    pub levels: Vec<Level>,
    /// What each pathway is called and leads to, in this authority's words.
    pub pathways: PathwayTexts,
    pub domains: Vec<Domain>,
    pub concerns: Vec<Concern>,
    pub strengths: Vec<Strength>,
    /// Every action a decision can ask for, in the order a practitioner should do them.
    pub actions: Vec<Action>,
    pub rules: Rules,
    /// The directory of services to signpost to.
    #[serde(default)]
    pub services: Vec<Service>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    pub name: String,
    /// True for demonstration guidance: the app shows a "not for live use" banner.
    #[serde(default)]
    pub demo: bool,
    /// The banner's words when `demo` is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub demo_notice: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    pub phone: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// 1 universal, 2 additional, 3 family help, 4 child protection.
    pub level: u8,
    pub name: String,
    pub summary: String,
    /// Levels 1 and 2 lead to `signpost`, 3 to `family_help`, 4 to `macpt_referral`.
    pub pathway: Pathway,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PathwayTexts {
    pub signpost: PathwayText,
    pub family_help: PathwayText,
    pub macpt_referral: PathwayText,
    pub emergency: PathwayText,
}

impl PathwayTexts {
    pub fn get(&self, pathway: Pathway) -> &PathwayText {
        match pathway {
            Pathway::Signpost => &self.signpost,
            Pathway::FamilyHelp => &self.family_help,
            Pathway::MacptReferral => &self.macpt_referral,
            Pathway::Emergency => &self.emergency,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PathwayText {
    pub title: String,
    pub summary: String,
    /// Who the family gets under Families First (for example a Family Help Lead Practitioner).
    pub allocation: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub id: String,
    pub name: String,
    /// Optional grouping of domains (`child`, `parenting`, `family`, `harm`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Concern {
    /// Stable code, `domain.name` by convention (`abuse.unexplained_injury`).
    pub code: String,
    pub domain: String,
    pub level: u8,
    /// What users see: one plain sentence.
    pub text: String,
    #[serde(default)]
    pub examples: Vec<String>,
    /// Duties tied to the concern (`s47`, `lado`, `prevent`, ...); rules can test them.
    #[serde(default)]
    pub flags: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Strength {
    pub code: String,
    pub text: String,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub code: String,
    pub text: String,
    /// By when, in words (`Now`, `Within 1 working day`).
    pub timescale: String,
    /// The name of a contact in `contacts`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Other wording for a particular audience; the pathway never depends on it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub text_for: BTreeMap<Audience, String>,
}

/// The decision tables, evaluated in this order.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// Hit policy "first": the first rule whose condition holds gives the pathway.
    pub pathway: Vec<PathwayRule>,
    /// Hit policy "collect": every matching rule may raise the pathway or advise consultation.
    #[serde(default)]
    pub escalation: Vec<EscalationRule>,
    /// Hit policy "collect": every matching rule adds its actions.
    #[serde(default)]
    pub actions: Vec<ActionRule>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PathwayRule {
    pub id: String,
    pub when: Condition,
    pub pathway: Pathway,
    /// Why, in a sentence the user sees.
    pub reason: String,
    /// Lets recorded strengths lower this rule's `family_help` to `signpost`, and only
    /// when no level-3 or level-4 concern is present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lowered_by_strengths: Option<StrengthLowering>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StrengthLowering {
    /// How many strengths must be recorded.
    pub at_least: u32,
    pub to: Pathway,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EscalationRule {
    pub id: String,
    pub when: Condition,
    /// Raise the pathway to at least this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<Pathway>,
    #[serde(default)]
    pub consultation_advised: bool,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionRule {
    pub id: String,
    pub when: Condition,
    #[serde(default)]
    pub actions: Vec<String>,
    #[serde(default)]
    pub consultation_advised: bool,
    /// Shown under "Why" when the rule matches; leave out for routine actions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub id: String,
    pub name: String,
    pub helps_with: String,
    /// Domains whose concerns this service helps with; empty means any.
    #[serde(default)]
    pub domains: Vec<String>,
    #[serde(default)]
    pub min_age: f64,
    #[serde(default = "default_max_age")]
    pub max_age: f64,
    /// How to reach it, in words (phone, web address, drop-in).
    pub contact: String,
    /// Pathways it is offered on; default `signpost` and `family_help`.
    #[serde(default = "default_service_pathways")]
    pub pathways: Vec<Pathway>,
}

fn default_max_age() -> f64 {
    crate::case::MAX_AGE_YEARS
}

fn default_service_pathways() -> Vec<Pathway> {
    vec![Pathway::Signpost, Pathway::FamilyHelp]
}
