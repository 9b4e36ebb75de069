//! What the front door records about a contact, beside its decision (issue 16): the
//! urgency rating (first hit), the checks to make and with whom (collect) and the feedback
//! owed to the referrer, all from the guidance's `contact_record`, for the route decided.

use super::case::{Case, CaseError};
use super::facts::facts_of;
use super::validate;
use crate::guidance::Guidance;
use crate::vocabulary::{Pathway, Rag};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The catalogue's action for concerns where telling the parents first could put the child
/// at risk or lose evidence (contracts 4.2): with it, the contact record warns before the
/// practitioner says the parents were told.
pub const DO_NOT_TELL_PARENTS_FIRST: &str = "do_not_inform_parents_first";

/// The rating, checks and feedback the guidance gives a contact decided on a route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactTriage {
    pub urgency: UrgencyRating,
    /// In the guidance's order.
    pub checks: Vec<CheckToMake>,
    pub feedback: FeedbackDue,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UrgencyRating {
    pub rating: Rag,
    /// The id of the urgency rule that gave it.
    pub rule: String,
    pub reason: String,
    /// How soon the front door responds, in the guidance's words.
    pub respond_within: String,
    pub meaning: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckToMake {
    pub id: String,
    pub with: String,
    pub ask: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeedbackDue {
    pub text: String,
    pub within: String,
}

/// The contact record's rating, checks and feedback for `case` decided on `pathway` (the
/// practitioner's final route, which may differ from the recommendation). `None` when the
/// guidance keeps no contact record.
pub fn contact_triage(
    guidance: &Guidance,
    case: &Case,
    pathway: Pathway,
) -> Result<Option<ContactTriage>, CaseError> {
    let Some(rules) = &guidance.file.contact_record else {
        return Ok(None);
    };
    let resolved = validate::resolve(guidance, case)?;
    let mut facts = facts_of(guidance, case, &resolved);
    facts.pathway = Some(pathway);
    // The compiler requires the last rule to be `always`, so one always holds.
    let hit = guidance
        .urgency_rules
        .iter()
        .position(|r| r.holds(&facts))
        .unwrap_or(rules.urgency.len().saturating_sub(1));
    let Some(rule) = rules.urgency.get(hit) else {
        return Ok(None);
    };
    let rating = rules.ratings.get(rule.rating);
    let checks = rules
        .checks
        .iter()
        .zip(&guidance.check_rules)
        .filter(|(_, when)| when.holds(&facts))
        .map(|(c, _)| CheckToMake {
            id: c.id.clone(),
            with: c.with.clone(),
            ask: c.ask.clone(),
        })
        .collect();
    let feedback = rules.feedback.get(pathway);
    Ok(Some(ContactTriage {
        urgency: UrgencyRating {
            rating: rule.rating,
            rule: rule.id.clone(),
            reason: rule.reason.clone(),
            respond_within: rating.respond_within.clone(),
            meaning: rating.meaning.clone(),
        },
        checks,
        feedback: FeedbackDue {
            text: feedback.text.clone(),
            within: feedback.within.clone(),
        },
    }))
}
