//! The decision record (`docs/contracts.md` 4.3): what the user exports and a host page receives.

pub mod request_form;
pub mod summary;

use crate::engine::case::Case;
use crate::engine::decision::Decision;
use crate::vocabulary::Pathway;
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
    /// When the practitioner chose another route: that route's steps (the guidance's
    /// action table run for it), in place of the recommendation's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<crate::engine::decision::DecidedAction>,
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
    /// Fills in the steps of the route the practitioner chose, when it is not the one
    /// recommended, so the record says what to do for the decision actually made.
    pub fn with_route_steps(mut self, guidance: &crate::guidance::Guidance) -> Self {
        let f = &mut self.final_decision;
        f.actions = if f.agrees || f.pathway == self.recommendation.pathway {
            Vec::new()
        } else {
            crate::engine::steps_for_route(guidance, &self.case, f.pathway)
                .map(|steps| steps.actions)
                .unwrap_or_default()
        };
        self
    }

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

/// "1 December 2026, 2:10pm" for an RFC 3339 time ("2026-12-01T14:10:00+00:00"), in the
/// time it was recorded in; the text as it is if it cannot be read.
pub fn human_time(rfc3339: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parse = || -> Option<String> {
        let (date, time) = rfc3339.split_once('T')?;
        let mut d = date.splitn(3, '-');
        let (year, month, day) = (d.next()?, d.next()?, d.next()?);
        let month = MONTHS.get(month.parse::<usize>().ok()?.checked_sub(1)?)?;
        let day: u32 = day.parse().ok()?;
        let hour: u32 = time.get(0..2)?.parse().ok()?;
        let minute: u32 = time.get(3..5)?.parse().ok()?;
        if year.len() != 4 || hour > 23 || minute > 59 {
            return None;
        }
        let (h12, half) = match hour {
            0 => (12, "am"),
            1..=11 => (hour, "am"),
            12 => (12, "pm"),
            _ => (hour - 12, "pm"),
        };
        Some(format!("{day} {month} {year}, {h12}:{minute:02}{half}"))
    };
    parse().unwrap_or_else(|| rfc3339.to_string())
}

#[cfg(test)]
mod tests {
    use super::human_time;

    #[test]
    fn times_read_as_people_write_them() {
        assert_eq!(
            human_time("2026-12-01T14:10:00+00:00"),
            "1 December 2026, 2:10pm"
        );
        assert_eq!(
            human_time("2026-11-24T10:15:00+00:00"),
            "24 November 2026, 10:15am"
        );
        assert_eq!(
            human_time("2026-01-05T00:05:00Z"),
            "5 January 2026, 12:05am"
        );
        assert_eq!(
            human_time("2026-06-30T12:00:00+01:00"),
            "30 June 2026, 12:00pm"
        );
        assert_eq!(human_time("yesterday"), "yesterday");
    }
}
