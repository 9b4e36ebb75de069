//! The front door's contact record (issue 16): what a front-door practitioner logs beside
//! the decision. The urgency rating, checks and feedback come from the guidance for the
//! route decided (`engine::contact`); whether the parents were told, and if not why, comes
//! from the practitioner, and a decision made without telling them needs a manager's
//! authorisation, signed in the authority's own system.

use crate::engine::contact::{ContactTriage, FeedbackDue, UrgencyRating};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrontDoorContact {
    pub urgency: UrgencyRating,
    /// The checks the guidance lists for this contact, each marked made or still to make.
    pub checks: Vec<CheckRecorded>,
    pub parents_informed: bool,
    /// Why the parents or carers were not told: required when `parents_informed` is false.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub not_informed_reason: String,
    /// True when the parents were not told: a manager authorises that, outside the tool
    /// (the summary leaves a line for it).
    pub manager_authorisation_needed: bool,
    pub feedback: FeedbackDue,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckRecorded {
    pub id: String,
    pub with: String,
    pub ask: String,
    /// Ticked by the practitioner as made when the decision was recorded.
    pub made: bool,
}

/// What the practitioner said about the parents and the checks, as the record keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct ParentsAndChecks<'a> {
    pub parents_informed: bool,
    pub not_informed_reason: &'a str,
    /// Ids of the checks ticked as made.
    pub made: &'a [String],
}

impl FrontDoorContact {
    pub fn new(triage: ContactTriage, said: ParentsAndChecks) -> FrontDoorContact {
        let checks = triage
            .checks
            .into_iter()
            .map(|c| CheckRecorded {
                made: said.made.contains(&c.id),
                id: c.id,
                with: c.with,
                ask: c.ask,
            })
            .collect();
        FrontDoorContact {
            urgency: triage.urgency,
            checks,
            parents_informed: said.parents_informed,
            not_informed_reason: if said.parents_informed {
                String::new()
            } else {
                said.not_informed_reason.trim().to_string()
            },
            manager_authorisation_needed: !said.parents_informed,
            feedback: triage.feedback,
        }
    }
}

impl FrontDoorContact {
    /// The contact record as the plain-text summary prints it: lines under one heading,
    /// with a line left for the manager's authorisation when the parents were not told.
    pub fn summary_lines(&self) -> Vec<String> {
        let u = &self.urgency;
        let mut lines = vec![
            "Front door contact record".to_string(),
            format!(
                "- Urgency: {}. Respond: {}. {} Why: {} [rule {}]",
                u.rating.label(),
                u.respond_within,
                u.meaning,
                u.reason,
                u.rule
            ),
        ];
        if self.checks.is_empty() {
            lines.push("- Checks: none listed for this contact".into());
        } else {
            lines.push("- Checks".into());
            for c in &self.checks {
                let state = if c.made { "made" } else { "to make" };
                lines.push(format!("  - [{state}] {}: {}", c.with, c.ask));
            }
        }
        lines.push(format!(
            "- Parents or carers told about this contact: {}",
            if self.parents_informed { "yes" } else { "no" }
        ));
        if !self.parents_informed {
            lines.push(format!("- Why not: {}", self.not_informed_reason));
        }
        if self.manager_authorisation_needed {
            lines.push(
                "- Manager's authorisation to go ahead without telling the parents: name and role [                    ] date and time [                    ]"
                    .into(),
            );
        }
        lines.push(format!(
            "- Feedback to the referrer: {} By: {}",
            self.feedback.text, self.feedback.within
        ));
        lines
    }
}
