//! The decision record (`docs/contracts.md` 4.3): what the user exports and a host page receives.

pub mod contact;
pub mod family;
pub mod request_form;
pub mod summary;

use crate::engine::case::Case;
use crate::engine::decision::Decision;
use crate::vocabulary::Pathway;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use contact::FrontDoorContact;
pub use family::{ChildRoute, FamilyInRecord};

/// v3 adds `contact`, the front door's contact record; v2 added `family` (issue 16).
pub const RECORD_SCHEMA: &str = "front-door-triage/decision-record/v3";
/// Records of earlier versions, still read as they are: v2 has no `contact`, v1 no `family`.
pub const RECORD_SCHEMA_V2: &str = "front-door-triage/decision-record/v2";
pub const RECORD_SCHEMA_V1: &str = "front-door-triage/decision-record/v1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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
    /// The family the child belongs to and the other children considered in it. Absent
    /// from v1 records; every record the app writes has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<FamilyInRecord>,
    /// The front door's contact record: on front-door practitioners' records when the
    /// guidance keeps one (v3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<FrontDoorContact>,
}

/// Why a decision record could not be read back.
#[derive(Debug)]
pub enum RecordError {
    Json(serde_json::Error),
    /// A `schema` this version does not know.
    Schema(String),
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordError::Json(e) => write!(f, "not a decision record: {e}"),
            RecordError::Schema(s) => write!(
                f,
                "decision record schema '{s}' is not {RECORD_SCHEMA}, {RECORD_SCHEMA_V2} or {RECORD_SCHEMA_V1}"
            ),
        }
    }
}

impl std::error::Error for RecordError {}

/// What the practitioner decided: the recommendation, or their own judgement with why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
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
            family: None,
            contact: None,
        }
    }

    /// The record placed in its family.
    pub fn in_family(mut self, family: FamilyInRecord) -> Self {
        self.family = Some(family);
        self
    }

    /// The record with the front door's contact record.
    pub fn with_contact(mut self, contact: FrontDoorContact) -> Self {
        self.contact = Some(contact);
        self
    }

    /// Reads a record back: this version's, or an earlier one's as it is.
    pub fn from_json(text: &str) -> Result<DecisionRecord, RecordError> {
        let record: DecisionRecord = serde_json::from_str(text).map_err(RecordError::Json)?;
        if ![RECORD_SCHEMA, RECORD_SCHEMA_V2, RECORD_SCHEMA_V1].contains(&record.schema.as_str()) {
            return Err(RecordError::Schema(record.schema));
        }
        Ok(record)
    }
}

/// The decision record's JSON Schema, generated from these types so the two cannot drift:
/// pretty JSON with a trailing newline, as published in `docs/decision-record.schema.json`
/// and printed by `triage schema --record`.
pub fn record_schema_json() -> String {
    let mut schema = schemars::schema_for!(DecisionRecord);
    schema.insert(
        "$id".into(),
        "https://front-door-triage.example/decision-record/v3/schema.json".into(),
    );
    schema.insert(
        "title".into(),
        format!("Front Door Triage decision record ({RECORD_SCHEMA})").into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
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
    use super::*;

    /// A record written by the version before `family` (v1), as hosts and case systems hold them.
    const V1_RECORD: &str = r#"{
      "schema": "front-door-triage/decision-record/v1",
      "case": {"child": {"age_years": 7.0}, "concerns": ["domestic_abuse.child_witnessed"], "consent": "given"},
      "recommendation": {"pathway": "family_help", "level": 3, "consent_required": true, "consultation_advised": false,
        "reasons": [], "actions": [], "signpost": [],
        "guidance": {"id": "demo-borough", "version": "2026.1", "sha256": "00"}},
      "final": {"pathway": "family_help", "agrees": true},
      "notes": {},
      "created_at": "2026-11-24T10:15:00+00:00"
    }"#;

    #[test]
    fn an_old_v1_record_is_still_read() {
        let r = DecisionRecord::from_json(V1_RECORD).expect("a v1 record reads");
        assert_eq!(r.schema, RECORD_SCHEMA_V1);
        assert_eq!(r.family, None);
        assert_eq!(r.final_decision.pathway, Pathway::FamilyHelp);
    }

    #[test]
    fn a_v2_record_keeps_its_family_and_an_unknown_schema_is_refused() {
        let mut r = DecisionRecord::from_json(V1_RECORD)
            .unwrap()
            .in_family(FamilyInRecord {
                id: "family-0a".into(),
                child: 2,
                of: 2,
                others: vec![ChildRoute {
                    child: 1,
                    recommended: Pathway::FamilyHelp,
                    final_pathway: Pathway::FamilyHelp,
                }],
            });
        r.schema = RECORD_SCHEMA.into();
        let json = serde_json::to_string(&r).unwrap();
        assert!(json.contains(r#""family":{"id":"family-0a","child":2,"of":2,"others":[{"child":1,"recommended":"family_help","final":"family_help"}]}"#), "{json}");
        assert_eq!(DecisionRecord::from_json(&json).unwrap(), r);
        let v9 = json.replace("decision-record/v3", "decision-record/v9");
        assert!(matches!(
            DecisionRecord::from_json(&v9),
            Err(RecordError::Schema(_))
        ));
    }

    #[test]
    fn a_v2_record_is_still_read_and_a_v3_record_keeps_its_contact_record() {
        let v2 = V1_RECORD.replace("decision-record/v1", "decision-record/v2");
        let r = DecisionRecord::from_json(&v2).expect("a v2 record reads");
        assert_eq!((r.schema.as_str(), &r.contact), (RECORD_SCHEMA_V2, &None));

        let g = crate::guidance::Guidance::embedded_default().unwrap();
        let mut r = DecisionRecord::from_json(V1_RECORD).unwrap();
        r.schema = RECORD_SCHEMA.into();
        r.case.audience = crate::vocabulary::Audience::FrontDoor;
        let triage = crate::engine::contact_triage(&g, &r.case, Pathway::FamilyHelp)
            .unwrap()
            .unwrap();
        let r = r.with_contact(FrontDoorContact::new(
            triage,
            contact::ParentsAndChecks {
                parents_informed: false,
                not_informed_reason: "Police checks first",
                made: &[],
            },
        ));
        let json = serde_json::to_string(&r).unwrap();
        assert!(json.contains(r#""parents_informed":false,"not_informed_reason":"Police checks first","manager_authorisation_needed":true"#), "{json}");
        assert_eq!(DecisionRecord::from_json(&json).unwrap(), r);
        let text = summary::plain_text(&g, &r);
        for line in [
            "Front door contact record",
            "- Urgency: Green. Respond: Within 3 working days.",
            "- Parents or carers told about this contact: no",
            "- Why not: Police checks first",
            "- Manager's authorisation to go ahead without telling the parents: name and role [",
            "- Feedback to the referrer: Tell the referrer that Family Help has been requested",
            "  - [to make] Children's social care records: ",
        ] {
            assert!(text.contains(line), "{line:?} missing from:\n{text}");
        }
    }

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
