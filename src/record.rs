//! The decision record (SPEC 4.3): what the user exports and a host page receives.

use crate::case::Case;
use crate::decision::Decision;
use crate::pathway::Pathway;
use serde::{Deserialize, Serialize};

pub const RECORD_SCHEMA: &str = "front-door-triage/decision-record/v1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionRecord {
    pub schema: String,
    pub case: Case,
    pub recommendation: Decision,
    #[serde(rename = "final")]
    pub final_decision: FinalDecision,
    pub notes: Notes,
    /// RFC 3339 time the user recorded the decision, with offset.
    pub created_at: String,
}

/// What the practitioner decided: the recommendation, or their own judgement with why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinalDecision {
    pub pathway: Pathway,
    pub agrees: bool,
    /// Required when `agrees` is false.
    #[serde(default)]
    pub reason: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notes {
    #[serde(default)]
    pub child_voice: String,
    #[serde(default)]
    pub strengths_text: String,
    #[serde(default)]
    pub other: String,
}

impl DecisionRecord {
    pub fn new(
        case: Case,
        recommendation: Decision,
        final_decision: FinalDecision,
        notes: Notes,
        created_at: String,
    ) -> Self {
        DecisionRecord {
            schema: RECORD_SCHEMA.to_string(),
            case,
            recommendation,
            final_decision,
            notes,
            created_at,
        }
    }
}
