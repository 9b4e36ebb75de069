//! The engine's answer (`docs/contracts.md` 4.2): the pathway, why, and what to do now.

use crate::guidance::Source;
use crate::vocabulary::{Pathway, Urgency};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub pathway: Pathway,
    pub level: u8,
    pub consent_required: bool,
    pub consultation_advised: bool,
    pub reasons: Vec<Reason>,
    /// In the order to do them.
    pub actions: Vec<DecidedAction>,
    pub signpost: Vec<SignpostEntry>,
    pub guidance: GuidanceRef,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reason {
    /// The id of the rule that produced this reason.
    pub rule: String,
    /// The selected concerns behind it, in guidance order.
    pub concerns: Vec<String>,
    /// The recorded strengths behind it, when strengths lowered the pathway.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strengths: Vec<String>,
    pub text: String,
    /// The law or guidance behind the rule, when the guidance names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecidedAction {
    pub code: String,
    pub text: String,
    pub timescale: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// A statutory or specialist duty on top of the pathway.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub duty: bool,
    /// How soon: actions come in this order, now first.
    #[serde(default)]
    pub urgency: Urgency,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// Who to call for an action: the guidance's contact as this decision's audience sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    pub phone: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

impl From<&crate::guidance::Contact> for Contact {
    fn from(c: &crate::guidance::Contact) -> Self {
        Contact {
            name: c.name.clone(),
            phone: c.phone.clone(),
            hours: c.hours.clone(),
            email: c.email.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SignpostEntry {
    pub id: String,
    pub service: String,
    pub helps_with: String,
    pub contact: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GuidanceRef {
    pub id: String,
    pub version: String,
    pub sha256: String,
}

impl Decision {
    pub fn has_action(&self, code: &str) -> bool {
        self.actions.iter().any(|a| a.code == code)
    }

    /// Decision JSON as the CLI prints it and the record carries it.
    pub fn to_json_pretty(&self) -> String {
        // Serialising plain structs of strings, bools and numbers cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
