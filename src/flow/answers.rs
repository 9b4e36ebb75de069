//! What the user has answered so far, as typed, and how it becomes a [`Case`].
//! Ages are kept as the text typed, so nothing the user entered is lost to a parse error.

use super::steps::{Mode, Step};
use crate::engine::case::{Case, Child};
use crate::guidance::Guidance;
use crate::order::sort_by_rank;
use crate::record::{FinalDecision, Notes};
use crate::vocabulary::{
    number_text, Audience, Consent, KnownToSocialCare, Pathway, ADULT_AGE, MAX_AGE_YEARS,
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChildStatus {
    Born,
    Unborn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mobility {
    Mobile,
    NotYetMobile,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Answers {
    pub audience: Option<Audience>,
    pub mode: Mode,
    pub immediate_danger: Option<bool>,
    pub child_status: Option<ChildStatus>,
    pub age_years: String,
    pub age_months: String,
    /// Asked only for babies under one.
    pub mobility: Option<Mobility>,
    pub disabled_or_send: Option<bool>,
    /// Asked at 18 and over: a care leaver, or an education, health and care plan (EHCP).
    pub over_18_eligible: Option<bool>,
    pub known_to_social_care: Option<KnownToSocialCare>,
    /// Earlier contacts with the front door about this child in the last 12 months.
    pub previous_contacts: Option<u32>,
    pub concerns: Vec<String>,
    /// Concerns whose follow-up question was answered "no" (a "yes" ticks its concern).
    pub follow_ups_declined: Vec<String>,
    pub strengths: Vec<String>,
    pub consent: Option<Consent>,
    pub child_voice: String,
    pub strengths_text: String,
    pub other_notes: String,
    // "Record your decision" on the outcome page.
    pub agrees: Option<bool>,
    pub final_pathway: Option<Pathway>,
    pub final_reason: String,
    // The front door's contact record, asked of front-door practitioners when the
    // guidance keeps one (`keeps_contact_record`).
    pub parents_informed: Option<bool>,
    pub parents_not_informed_reason: String,
    /// Ids of the guidance's checks ticked as made.
    pub checks_made: Vec<String>,
    /// Set when the user records the decision (RFC 3339).
    pub recorded_at: Option<String>,
    /// The family this child belongs to and the children recorded before them (issue 16):
    /// here, so the draft keeps it, and "Start again" forgets it with everything else.
    pub family: super::family::Family,
}

/// A problem with one answer: the id of the field (for the error summary's link) and
/// the message, in the GOV.UK error message style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

/// On the safety page and in expert mode alike.
const NO_IMMEDIATE_DANGER_ANSWER: &str = "Select yes if the child is in immediate danger";

fn err(field: &'static str, message: &str) -> FieldError {
    FieldError {
        field,
        message: message.to_string(),
    }
}

impl Answers {
    /// Prefills from a case a host already knows (contracts 4.5 `initialCase`).
    pub fn from_case(case: &Case) -> Answers {
        let (years, months) = match case.child.age_years {
            Some(age) => {
                let years = age.floor();
                let months = ((age - years) * 12.0).round().min(11.0);
                (number_text(years), number_text(months))
            }
            None => (String::new(), String::new()),
        };
        let infant = case.child.age_years.is_some_and(|a| a < 1.0);
        Answers {
            audience: Some(case.audience),
            immediate_danger: Some(case.immediate_danger),
            child_status: Some(if case.child.unborn {
                ChildStatus::Unborn
            } else {
                ChildStatus::Born
            }),
            age_years: years,
            age_months: months,
            mobility: infant.then_some(if case.child.non_mobile {
                Mobility::NotYetMobile
            } else {
                Mobility::Mobile
            }),
            disabled_or_send: Some(case.child.disabled_or_send),
            known_to_social_care: Some(case.child.known_to_social_care),
            previous_contacts: Some(case.child.previous_contacts_12_months),
            over_18_eligible: case
                .child
                .age_years
                .is_some_and(|a| a >= ADULT_AGE)
                .then_some(true),
            concerns: case.concerns.clone(),
            strengths: case.strengths.clone(),
            consent: Some(case.consent),
            ..Answers::default()
        }
    }

    /// Nothing answered yet (who is using the tool and how do not count).
    pub fn is_blank(&self) -> bool {
        let mut bare = self.clone();
        bare.audience = None;
        bare.mode = Mode::default();
        bare == Answers::default()
    }

    /// The child's age in years from the years and months typed, if they make sense.
    pub fn age(&self) -> Option<f64> {
        let years: u32 = self.age_years.trim().parse().ok()?;
        let months: u32 = match self.age_months.trim() {
            "" => 0,
            m => m.parse().ok()?,
        };
        if months > 11 || f64::from(years) > MAX_AGE_YEARS {
            return None;
        }
        // Two decimal places: enough for "under one" and readable in the record.
        Some(((f64::from(years) + f64::from(months) / 12.0) * 100.0).round() / 100.0)
    }

    /// Whether to ask if an older young person is a care leaver or has an EHCP: the tool is
    /// for children, and for them up to 25.
    pub fn asks_over_18(&self) -> bool {
        self.child_status == Some(ChildStatus::Born) && self.age().is_some_and(|a| a >= ADULT_AGE)
    }

    /// An adult the tool is not for: 18 or over, neither a care leaver nor with an EHCP.
    pub fn adult_not_eligible(&self) -> bool {
        self.asks_over_18() && self.over_18_eligible == Some(false)
    }

    /// Nothing is ticked and the route is not already 999: ask before going on.
    pub fn needs_no_concerns_confirmation(&self) -> bool {
        self.concerns.is_empty() && self.immediate_danger != Some(true)
    }

    /// Whether the family's consent could change the outcome: the route, the advice to
    /// consult, or whether strengths may lower it. Where it cannot (child protection,
    /// 999, universal help without a family help need), the question is not asked.
    pub fn consent_matters(&self, guidance: &Guidance) -> bool {
        let mut a = self.with_background_defaults();
        a.consent = Some(Consent::Given);
        let Ok(base) = a.to_case(guidance) else {
            return true;
        };
        let outcome = |consent: Consent| {
            crate::engine::evaluate(
                guidance,
                &Case {
                    consent,
                    ..base.clone()
                },
            )
            .map(|d| (d.pathway, d.consultation_advised))
            .ok()
        };
        let given = outcome(Consent::Given);
        given.is_none()
            || Consent::ALL
                .iter()
                .filter(|&&c| c != Consent::Given)
                .any(|&c| outcome(c) != given)
    }

    /// These answers with the background questions not yet answered as their neutral
    /// answer: no immediate danger, no disability, not known to social care, no earlier
    /// contacts, and (18 or over) eligible. None of them can lower a route.
    pub(super) fn with_background_defaults(&self) -> Answers {
        let mut a = self.clone();
        a.immediate_danger.get_or_insert(false);
        a.disabled_or_send.get_or_insert(false);
        a.known_to_social_care.get_or_insert_default();
        a.previous_contacts.get_or_insert(0);
        a.over_18_eligible.get_or_insert(true);
        a
    }

    /// The answers still missing before a recommendation, in words, for expert mode's
    /// live panel ("the child's age").
    pub fn still_needed(&self, guidance: &Guidance) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.immediate_danger.is_none() {
            out.push("whether the child is in immediate danger");
        }
        match self.child_status {
            None => out.push("whether the child has been born"),
            Some(ChildStatus::Born) if self.age().is_none() => out.push("the child's age"),
            _ => {}
        }
        if self.asks_mobility() && self.mobility.is_none() {
            out.push("whether the baby can move around on their own yet");
        }
        if self.asks_over_18() && self.over_18_eligible.is_none() {
            out.push("whether the young person is a care leaver or has an EHCP");
        }
        if self.concerns.is_empty() {
            out.push("at least one concern");
        }
        // Whether consent matters is known only once the rest is.
        if out.is_empty() && self.consent.is_none() && self.consent_matters(guidance) {
            out.push("the family's consent");
        }
        out
    }

    /// Whether to ask if the baby is mobile yet.
    pub fn asks_mobility(&self) -> bool {
        self.child_status == Some(ChildStatus::Born) && self.age().is_some_and(|a| a < 1.0)
    }

    /// The child's age as the concerns' ages see it: `Some(None)` for an unborn baby,
    /// `None` while the age is not known yet.
    pub fn age_for_concerns(&self) -> Option<Option<f64>> {
        match self.child_status? {
            ChildStatus::Unborn => Some(None),
            ChildStatus::Born => self.age().map(Some),
        }
    }

    /// Whether a concern applies to this child; every concern does until the age is known.
    pub fn concern_fits(&self, guidance: &Guidance, code: &str) -> bool {
        match (guidance.concern(code), self.age_for_concerns()) {
            (Some(c), Some(age)) => guidance.concern_fits(c, age),
            _ => true,
        }
    }

    /// The answer to a concern's follow-up question: yes when its concern is ticked, no
    /// when declined, `None` while unanswered.
    pub fn follow_up_answer(&self, guidance: &Guidance, code: &str) -> Option<bool> {
        let follow = guidance.concern(code)?.follow_up.as_ref()?;
        if self.concerns.contains(&follow.if_yes) {
            Some(true)
        } else if self.follow_ups_declined.iter().any(|c| c == code) {
            Some(false)
        } else {
            None
        }
    }

    /// Answers a follow-up question: yes ticks the more serious concern it names.
    pub fn answer_follow_up(&mut self, guidance: &Guidance, code: &str, yes: bool) {
        let Some(follow) = guidance.concern(code).and_then(|c| c.follow_up.as_ref()) else {
            return;
        };
        toggle(&mut self.follow_ups_declined, code, !yes);
        toggle(&mut self.concerns, &follow.if_yes, yes);
    }

    /// Problems with the answers one step asks for, in the order the fields appear.
    pub fn check_step(&self, step: Step, guidance: &Guidance) -> Vec<FieldError> {
        let mut errors = Vec::new();
        match step {
            Step::Audience if self.audience.is_none() => {
                errors.push(err("audience", "Select who is using this tool"))
            }
            Step::Safety if self.immediate_danger.is_none() => {
                errors.push(err("immediate-danger", NO_IMMEDIATE_DANGER_ANSWER))
            }
            Step::Child => self.check_child(&mut errors, true),
            Step::Concerns => self.check_concerns(guidance, &mut errors),
            Step::Views if self.consent.is_none() && self.consent_matters(guidance) => {
                errors.push(err(
                    "consent",
                    "Select whether the family has agreed to you asking for help",
                ))
            }
            // Expert mode counts unanswered background questions (disability, social care,
            // earlier contacts) as "no" or "none", as its check page shows: speed matters
            // at the front door, and none of them can lower a route.
            Step::Expert | Step::Check if self.mode == Mode::Expert => {
                if self.immediate_danger.is_none() {
                    errors.push(err("immediate-danger", NO_IMMEDIATE_DANGER_ANSWER));
                }
                self.check_child(&mut errors, false);
                errors.extend(self.check_step(Step::Concerns, guidance));
                errors.extend(self.check_step(Step::Views, guidance));
            }
            Step::Expert | Step::Check => {
                for s in Step::QUESTIONS {
                    errors.extend(self.check_step(s, guidance));
                }
            }
            Step::Outcome => self.check_final(guidance, &mut errors),
            _ => {}
        }
        errors
    }

    /// Every ticked concern must apply to the child, and every follow-up question of a
    /// ticked concern must be answered.
    fn check_concerns(&self, guidance: &Guidance, errors: &mut Vec<FieldError>) {
        for code in &self.concerns {
            let Some(c) = guidance.concern(code) else {
                continue;
            };
            if !self.concern_fits(guidance, code) {
                let ages = c.ages.as_ref().map(|a| a.in_words()).unwrap_or_default();
                errors.push(FieldError {
                    field: "concerns",
                    message: format!(
                        "\u{201c}{}\u{201d} is only for {ages}: untick it, or change the child's age",
                        c.text.trim_end_matches('.')
                    ),
                });
            }
            if c.follow_up.is_some() && self.follow_up_answer(guidance, code).is_none() {
                errors.push(FieldError {
                    field: "follow-up",
                    message: c
                        .follow_up
                        .as_ref()
                        .map(|f| format!("Answer the question: {}", f.question))
                        .unwrap_or_default(),
                });
            }
        }
    }

    /// `background`: whether disability, social care and earlier contacts must be answered.
    fn check_child(&self, errors: &mut Vec<FieldError>, background: bool) {
        match self.child_status {
            None => errors.push(err(
                "child-status",
                "Select whether the child has been born",
            )),
            Some(ChildStatus::Unborn) => {}
            Some(ChildStatus::Born) => {
                let years = self.age_years.trim();
                let months = self.age_months.trim();
                if years.is_empty() {
                    errors.push(err("age-years", "Enter the child's age in years"));
                } else if years
                    .parse::<u32>()
                    .map_or(true, |y| f64::from(y) > MAX_AGE_YEARS)
                {
                    errors.push(err(
                        "age-years",
                        "Age in years must be a whole number between 0 and 25",
                    ));
                }
                if !months.is_empty() && months.parse::<u32>().map_or(true, |m| m > 11) {
                    errors.push(err(
                        "age-months",
                        "Months must be a whole number between 0 and 11",
                    ));
                }
                if self.asks_mobility() && self.mobility.is_none() {
                    errors.push(err(
                        "mobility",
                        "Select whether the baby can move around on their own yet",
                    ));
                }
                if self.asks_over_18() && self.over_18_eligible.is_none() {
                    errors.push(err(
                        "over-18-eligible",
                        "Select whether the young person is a care leaver or has an EHCP",
                    ));
                }
            }
        }
        if !background {
            return;
        }
        if self.disabled_or_send.is_none() {
            errors.push(err(
                "disabled-or-send",
                "Select yes if the child has a disability or special educational needs",
            ));
        }
        if self.known_to_social_care.is_none() {
            errors.push(err(
                "known-to-social-care",
                "Select whether the child is known to children's social care now",
            ));
        }
        if self.previous_contacts.is_none() {
            errors.push(err(
                "previous-contacts",
                "Select how many times the front door has been contacted about this child in the last 12 months",
            ));
        }
    }

    /// Whether recording asks for the front door's contact record: a front-door
    /// practitioner, with guidance that keeps one.
    pub fn keeps_contact_record(&self, guidance: &Guidance) -> bool {
        self.audience == Some(Audience::FrontDoor) && guidance.file().contact_record.is_some()
    }

    fn check_final(&self, guidance: &Guidance, errors: &mut Vec<FieldError>) {
        if self.keeps_contact_record(guidance) {
            match self.parents_informed {
                None => errors.push(err(
                    "parents-informed",
                    "Select yes if the parents or carers have been told about this contact",
                )),
                Some(false) if self.parents_not_informed_reason.trim().is_empty() => {
                    errors.push(err(
                        "parents-not-informed-reason",
                        "Enter why the parents or carers have not been told",
                    ))
                }
                Some(_) => {}
            }
        }
        match self.agrees {
            None => errors.push(err(
                "agrees",
                "Select yes if you agree with the recommendation",
            )),
            Some(true) => {}
            Some(false) => {
                if self.final_pathway.is_none() {
                    errors.push(err("final-pathway", "Select the route you have decided on"));
                }
                if self.final_reason.trim().is_empty() {
                    errors.push(err(
                        "final-reason",
                        "Enter why you have decided on a different route",
                    ));
                }
            }
        }
    }

    /// The case these answers describe, or every question still to answer.
    /// Concerns and strengths come out in the guidance's order, whatever order they
    /// were ticked in.
    pub fn to_case(&self, guidance: &Guidance) -> Result<Case, Vec<FieldError>> {
        let mut errors = self.check_step(Step::Check, guidance);
        if self.adult_not_eligible() {
            errors.push(err(
                "over-18-eligible",
                "This tool is for children, and for care leavers and young people with an EHCP up to 25",
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let unborn = self.child_status == Some(ChildStatus::Unborn);
        let mut concerns = self.concerns.clone();
        // Guidance order (a code the guidance lacks, last, as chosen).
        sort_by_rank(&mut concerns, |c| {
            guidance.concern_index(c).unwrap_or(u32::MAX)
        });
        let mut strengths = self.strengths.clone();
        sort_by_rank(&mut strengths, |s| {
            guidance.strength_index(s).unwrap_or(u32::MAX)
        });
        Ok(Case {
            child: Child {
                age_years: if unborn { None } else { self.age() },
                unborn,
                non_mobile: self.asks_mobility() && self.mobility == Some(Mobility::NotYetMobile),
                disabled_or_send: self.disabled_or_send == Some(true),
                known_to_social_care: self.known_to_social_care.unwrap_or_default(),
                previous_contacts_12_months: self.previous_contacts.unwrap_or(0),
            },
            immediate_danger: self.immediate_danger == Some(true),
            concerns,
            strengths,
            consent: self.consent.unwrap_or_default(),
            audience: self.audience.unwrap_or_default(),
        })
    }

    /// The practitioner's final decision and notes for the record, once recorded.
    pub fn final_decision(&self, recommended: Pathway) -> Option<(FinalDecision, Notes)> {
        let agrees = self.agrees?;
        let pathway = if agrees {
            recommended
        } else {
            self.final_pathway?
        };
        Some((
            FinalDecision {
                pathway,
                agrees,
                reason: if agrees {
                    String::new()
                } else {
                    self.final_reason.trim().to_string()
                },
                actions: Vec::new(),
            },
            self.notes(),
        ))
    }

    /// The front door's contact record for this case decided on `pathway`: the guidance's
    /// rating, checks and feedback, with what the practitioner said of the parents and the
    /// checks. `None` until the parents question is answered, or without a contact record.
    pub fn contact_record(
        &self,
        guidance: &Guidance,
        case: &Case,
        pathway: Pathway,
    ) -> Option<crate::record::FrontDoorContact> {
        let parents_informed = self.parents_informed?;
        let triage = crate::engine::contact_triage(guidance, case, pathway).ok()??;
        Some(crate::record::FrontDoorContact::new(
            triage,
            crate::record::contact::ParentsAndChecks {
                parents_informed,
                not_informed_reason: &self.parents_not_informed_reason,
                made: &self.checks_made,
            },
        ))
    }

    /// What the practitioner wrote beside the questions, as the record keeps it.
    pub fn notes(&self) -> Notes {
        Notes {
            child_voice: self.child_voice.clone(),
            strengths_text: self.strengths_text.clone(),
            other: self.other_notes.clone(),
        }
    }

    pub fn toggle_concern(&mut self, code: &str, on: bool) {
        toggle(&mut self.concerns, code, on);
    }

    pub fn toggle_strength(&mut self, code: &str, on: bool) {
        toggle(&mut self.strengths, code, on);
    }
}

fn toggle(list: &mut Vec<String>, code: &str, on: bool) {
    let present = list.iter().position(|c| c == code);
    match (on, present) {
        (true, None) => list.push(code.to_string()),
        (false, Some(i)) => {
            list.remove(i);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guidance() -> Guidance {
        Guidance::embedded_default().unwrap()
    }

    fn complete() -> Answers {
        Answers {
            audience: Some(Audience::SchoolDsl),
            immediate_danger: Some(false),
            child_status: Some(ChildStatus::Born),
            age_years: "4".into(),
            age_months: "6".into(),
            disabled_or_send: Some(false),
            known_to_social_care: Some(KnownToSocialCare::None),
            previous_contacts: Some(0),
            consent: Some(Consent::Given),
            ..Answers::default()
        }
    }

    #[test]
    fn years_and_months_make_the_age() {
        let a = complete();
        assert_eq!(a.age(), Some(4.5));
        let case = a.to_case(&guidance()).unwrap();
        assert_eq!(case.child.age_years, Some(4.5));
    }

    #[test]
    fn every_missing_answer_is_reported_with_its_field() {
        let errors = Answers::default().check_step(Step::Check, &guidance());
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                "immediate-danger",
                "child-status",
                "disabled-or-send",
                "known-to-social-care",
                "previous-contacts",
                "consent"
            ]
        );
    }

    #[test]
    fn bad_ages_are_reported_not_lost() {
        let mut a = complete();
        a.age_years = "four".into();
        a.age_months = "13".into();
        let errors = a.check_step(Step::Child, &guidance());
        assert_eq!(errors[0].field, "age-years");
        assert_eq!(errors[1].field, "age-months");
        assert_eq!(a.age_years, "four", "what was typed is kept");
    }

    #[test]
    fn babies_under_one_are_asked_about_mobility() {
        let mut a = complete();
        a.age_years = "0".into();
        a.age_months = "4".into();
        assert!(a.asks_mobility());
        assert_eq!(a.check_step(Step::Child, &guidance())[0].field, "mobility");
        a.mobility = Some(Mobility::NotYetMobile);
        assert!(a.to_case(&guidance()).unwrap().child.non_mobile);
        a.age_years = "2".into();
        assert!(
            !a.to_case(&guidance()).unwrap().child.non_mobile,
            "only babies"
        );
    }

    #[test]
    fn unborn_babies_have_no_age() {
        let mut a = complete();
        a.child_status = Some(ChildStatus::Unborn);
        let case = a.to_case(&guidance()).unwrap();
        assert_eq!(case.child.age_years, None);
        assert!(case.child.unborn);
    }

    #[test]
    fn concerns_come_out_in_guidance_order() {
        let mut a = complete();
        a.toggle_concern("abuse.unexplained_injury", true);
        a.toggle_concern("health.self_harm", true);
        a.toggle_concern("health.self_harm", true);
        let case = a.to_case(&guidance()).unwrap();
        assert_eq!(
            case.concerns,
            ["health.self_harm", "abuse.unexplained_injury"]
        );
        a.toggle_concern("health.self_harm", false);
        assert_eq!(a.concerns, ["abuse.unexplained_injury"]);
    }

    #[test]
    fn a_case_round_trips_through_prefill() {
        let g = guidance();
        let mut a = complete();
        a.concerns = vec!["health.self_harm".into()];
        a.strengths = vec!["strength.trusted_adult".into()];
        let case = a.to_case(&g).unwrap();
        assert_eq!(Answers::from_case(&case).to_case(&g).unwrap(), case);
    }

    #[test]
    fn a_concern_that_does_not_fit_the_childs_age_is_an_error_not_dropped() {
        let g = guidance();
        let mut a = complete();
        a.age_years = "14".into();
        a.age_months = String::new();
        a.toggle_concern("health.sexual_activity_under_13", true);
        assert!(!a.concern_fits(&g, "health.sexual_activity_under_13"));
        let errors = a.check_step(Step::Concerns, &g);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "concerns");
        assert!(
            errors[0].message.contains("is only for children under 13"),
            "{}",
            errors[0].message
        );
        assert!(a.to_case(&g).is_err());
        assert_eq!(
            a.concerns,
            ["health.sexual_activity_under_13"],
            "what was ticked is kept"
        );
        a.age_years = "12".into();
        assert!(a.to_case(&g).is_ok());
        a.child_status = None;
        assert!(
            a.concern_fits(&g, "health.sexual_activity_under_13"),
            "unknown age: offered"
        );
    }

    #[test]
    fn a_follow_up_must_be_answered_and_yes_ticks_its_concern() {
        let g = guidance();
        let mut a = complete();
        a.toggle_concern("duties.allegation_against_adult_in_role", true);
        let errors = a.check_step(Step::Concerns, &g);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "follow-up");
        assert!(
            errors[0].message.contains("hurt, injured or abused"),
            "{}",
            errors[0].message
        );
        a.answer_follow_up(&g, "duties.allegation_against_adult_in_role", true);
        assert!(a
            .concerns
            .contains(&"duties.allegation_child_harmed".to_string()));
        assert_eq!(
            a.follow_up_answer(&g, "duties.allegation_against_adult_in_role"),
            Some(true)
        );
        assert!(a.check_step(Step::Concerns, &g).is_empty());
        let d = crate::engine::evaluate(&g, &a.to_case(&g).unwrap()).unwrap();
        assert_eq!(d.pathway, Pathway::MacptReferral);
        a.answer_follow_up(&g, "duties.allegation_against_adult_in_role", false);
        assert!(!a
            .concerns
            .contains(&"duties.allegation_child_harmed".to_string()));
        assert_eq!(
            a.follow_up_answer(&g, "duties.allegation_against_adult_in_role"),
            Some(false)
        );
        let d = crate::engine::evaluate(&g, &a.to_case(&g).unwrap()).unwrap();
        assert_eq!(d.reasons[0].rule, "lado-allegation");
    }

    #[test]
    fn consent_is_asked_only_where_it_can_change_the_outcome() {
        let g = guidance();
        let mut a = complete();
        a.consent = None;
        a.concerns = vec!["abuse.unexplained_injury".into()];
        assert!(
            !a.consent_matters(&g),
            "child protection does not depend on consent"
        );
        assert!(
            a.check_step(Step::Views, &g).is_empty(),
            "so it is not required"
        );
        assert_eq!(a.to_case(&g).unwrap().consent, Consent::NotAsked);
        a.concerns = vec!["domestic_abuse.child_witnessed".into()];
        assert!(a.consent_matters(&g), "family help depends on it");
        assert_eq!(a.check_step(Step::Views, &g)[0].field, "consent");
        a.concerns = vec!["learning.attendance_persistent_absence".into()];
        assert!(
            !a.consent_matters(&g),
            "a single additional need: signpost whatever"
        );
    }

    #[test]
    fn expert_mode_counts_unanswered_background_questions_as_no() {
        let g = guidance();
        let a = Answers {
            mode: Mode::Expert,
            immediate_danger: Some(false),
            child_status: Some(ChildStatus::Born),
            age_years: "9".into(),
            concerns: vec!["abuse.unexplained_injury".into()],
            ..Answers::default()
        };
        let case = a
            .to_case(&g)
            .expect("nothing else is required in expert mode");
        assert!(!case.child.disabled_or_send);
        assert_eq!(case.child.previous_contacts_12_months, 0);
        assert_eq!(a.still_needed(&g), Vec::<&str>::new());
        let blank = Answers {
            mode: Mode::Expert,
            ..Answers::default()
        };
        assert_eq!(
            blank.still_needed(&g),
            [
                "whether the child is in immediate danger",
                "whether the child has been born",
                "at least one concern"
            ]
        );
    }

    #[test]
    fn disagreeing_needs_a_route_and_a_reason() {
        let mut a = complete();
        a.agrees = Some(false);
        let fields: Vec<_> = a
            .check_step(Step::Outcome, &guidance())
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["final-pathway", "final-reason"]);
        a.final_pathway = Some(Pathway::MacptReferral);
        a.final_reason = "  Earlier referral history  ".into();
        assert!(a.check_step(Step::Outcome, &guidance()).is_empty());
        let (f, _) = a.final_decision(Pathway::FamilyHelp).unwrap();
        assert_eq!(f.pathway, Pathway::MacptReferral);
        assert_eq!(f.reason, "Earlier referral history");
        assert!(!f.agrees);
    }
}
