//! One user's way through the flow: the step they are on, their answers, the problems
//! found when they last pressed Continue, and every change as a typed message. Kept out
//! of Yew (as Yew's todomvc keeps its state and verbs in a model file), so every rule about
//! moving through the flow is tested natively; the web layer only renders and dispatches.

use super::answers::{Answers, ChildStatus, FieldError, Mobility};
use super::steps::{Mode, Step};
use crate::guidance::SharedGuidance;
use crate::vocabulary::{Audience, Consent, KnownToSocialCare, Pathway};

#[derive(Clone, PartialEq)]
pub struct Session {
    pub step: Step,
    /// Came from check your answers through a "Change" link.
    pub returning: bool,
    pub answers: Answers,
    /// Problems found when the user last pressed Continue on this step.
    pub errors: Vec<FieldError>,
    /// Counts failed submits, so the error summary takes focus again on each one, even
    /// when the problems are the same as last time.
    pub failed_submits: u32,
    /// The host fixed the audience, so the audience question is skipped.
    pub audience_preset: bool,
    /// "Start again" was pressed and awaits confirmation.
    pub confirming_restart: bool,
    /// The guidance the answers are checked against.
    pub guidance: SharedGuidance,
}

/// One answer changed by one field. Each names what it sets, so a page cannot change
/// anything but its own answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    SetAudience(Audience),
    SetMode(Mode),
    SetImmediateDanger(bool),
    SetChildStatus(ChildStatus),
    /// The years as typed: kept as text, so nothing typed is lost to a parse error.
    SetAgeYears(String),
    SetAgeMonths(String),
    SetMobility(Mobility),
    SetDisabledOrSend(bool),
    SetOver18Eligible(bool),
    SetKnownToSocialCare(KnownToSocialCare),
    SetPreviousContacts(u32),
    ToggleConcern {
        code: String,
        on: bool,
    },
    /// The answer to a concern's follow-up question.
    AnswerFollowUp {
        code: String,
        yes: bool,
    },
    ToggleStrength {
        code: String,
        on: bool,
    },
    SetStrengthsText(String),
    SetConsent(Consent),
    SetChildVoice(String),
    SetOtherNotes(String),
    SetAgrees(bool),
    SetFinalPathway(Pathway),
    SetFinalReason(String),
    SetParentsInformed(bool),
    SetParentsNotInformedReason(String),
    /// A check of the front door's contact record ticked as made, or unticked.
    ToggleCheckMade {
        id: String,
        on: bool,
    },
}

pub enum Msg {
    Edit(Edit),
    Continue,
    Back,
    /// Moved by the browser's Back or Forward buttons.
    Show(Step),
    /// A "Change" link on the check page.
    Change(Step),
    /// Record the practitioner's decision at this time (RFC 3339). `family_id` is fresh
    /// randomness from the caller (the browser's crypto), used only if the family has no
    /// id yet, so the flow stays pure and native tests stay deterministic.
    Record {
        at: String,
        family_id: String,
    },
    AskRestart,
    CancelRestart,
    Restart,
    /// After a recorded decision: "Another child in this family". The next child's case,
    /// with who is asking and how (guided or expert), consent and the family-level
    /// concerns carried over (`flow::next_child`), straight to the first question.
    NextChild,
}

impl Answers {
    /// Applies one field's change.
    pub fn apply(&mut self, edit: Edit, guidance: &crate::guidance::Guidance) {
        match edit {
            Edit::SetAudience(audience) => {
                self.audience = Some(audience);
                // Only front-door practitioners are offered expert mode.
                if audience != Audience::FrontDoor {
                    self.mode = Mode::Guided;
                }
            }
            Edit::SetMode(mode) => self.mode = mode,
            Edit::SetImmediateDanger(yes) => self.immediate_danger = Some(yes),
            Edit::SetChildStatus(status) => self.child_status = Some(status),
            Edit::SetAgeYears(text) => self.age_years = text,
            Edit::SetAgeMonths(text) => self.age_months = text,
            Edit::SetMobility(mobility) => self.mobility = Some(mobility),
            Edit::SetDisabledOrSend(yes) => self.disabled_or_send = Some(yes),
            Edit::SetOver18Eligible(yes) => self.over_18_eligible = Some(yes),
            Edit::SetKnownToSocialCare(known) => self.known_to_social_care = Some(known),
            Edit::SetPreviousContacts(n) => self.previous_contacts = Some(n),
            Edit::ToggleConcern { code, on } => self.toggle_concern(&code, on),
            Edit::AnswerFollowUp { code, yes } => self.answer_follow_up(guidance, &code, yes),
            Edit::ToggleStrength { code, on } => self.toggle_strength(&code, on),
            Edit::SetStrengthsText(text) => self.strengths_text = text,
            Edit::SetConsent(consent) => self.consent = Some(consent),
            Edit::SetChildVoice(text) => self.child_voice = text,
            Edit::SetOtherNotes(text) => self.other_notes = text,
            Edit::SetAgrees(yes) => self.agrees = Some(yes),
            Edit::SetFinalPathway(pathway) => self.final_pathway = Some(pathway),
            Edit::SetFinalReason(text) => self.final_reason = text,
            Edit::SetParentsInformed(yes) => self.parents_informed = Some(yes),
            Edit::SetParentsNotInformedReason(text) => self.parents_not_informed_reason = text,
            Edit::ToggleCheckMade { id, on } => {
                self.checks_made.retain(|x| *x != id);
                if on {
                    self.checks_made.push(id);
                }
            }
        }
    }
}

impl Session {
    pub fn new(
        guidance: SharedGuidance,
        answers: Answers,
        step: Step,
        audience_preset: bool,
    ) -> Session {
        Session {
            guidance,
            step,
            returning: false,
            answers,
            errors: Vec::new(),
            failed_submits: 0,
            audience_preset,
            confirming_restart: false,
        }
    }

    fn go(&mut self, step: Step) {
        self.step = step;
        self.errors.clear();
        self.confirming_restart = false;
    }

    /// Problems on this step, or none: a failed submit is counted either way.
    fn check(&mut self, step: Step) -> bool {
        let errors = self.answers.check_step(step, &self.guidance);
        if errors.is_empty() {
            return true;
        }
        self.errors = errors;
        self.failed_submits += 1;
        false
    }

    pub fn update(&mut self, msg: Msg) {
        match msg {
            Msg::Edit(edit) => {
                self.answers.apply(edit, &self.guidance);
                // A decision already recorded no longer matches changed answers.
                if self.step != Step::Outcome {
                    self.answers.recorded_at = None;
                }
            }
            Msg::Continue => {
                if self.check(self.step) {
                    let to = if self.step == Step::Start {
                        Step::first_question(&self.answers, self.audience_preset)
                    } else {
                        self.step.next(&self.answers, self.returning)
                    };
                    if to == Step::Check || to == Step::Outcome {
                        self.returning = false;
                    }
                    self.go(to);
                }
            }
            Msg::Back => {
                let to = self.step.back(&self.answers, self.audience_preset);
                self.returning = false;
                self.go(to);
            }
            // Browser Back after "Start again" would show steps with nothing answered.
            Msg::Show(step)
                if self.answers.is_blank() && !matches!(step, Step::Start | Step::Audience) =>
            {
                self.go(Step::Start)
            }
            Msg::Show(step) => self.go(step),
            Msg::Change(step) => {
                self.returning = true;
                self.go(step);
            }
            Msg::Record { at, family_id } => {
                if self.check(Step::Outcome) {
                    self.answers.recorded_at = Some(at);
                    self.answers.family.id.get_or_insert(family_id);
                    self.errors.clear();
                }
            }
            Msg::AskRestart => self.confirming_restart = true,
            Msg::CancelRestart => self.confirming_restart = false,
            Msg::NextChild => {
                // Only a recorded decision makes a child one of the family: before that,
                // there is nothing to carry and nothing to list.
                let Some(answers) = super::family::next_child(&self.answers, &self.guidance) else {
                    return;
                };
                let audience = answers.audience;
                let first = if audience.is_some() {
                    Step::first_question(&answers, true)
                } else {
                    Step::Start
                };
                *self = Session::new(self.guidance.clone(), answers, first, self.audience_preset);
            }
            Msg::Restart => {
                let preset = self
                    .audience_preset
                    .then_some(self.answers.audience)
                    .flatten();
                // A preset audience never sees the question that chooses the mode: keep it.
                let mode = if self.audience_preset {
                    self.answers.mode
                } else {
                    Mode::default()
                };
                *self = Session::new(
                    self.guidance.clone(),
                    Answers::default(),
                    Step::Start,
                    self.audience_preset,
                );
                self.answers.audience = preset;
                self.answers.mode = mode;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guidance::Guidance;
    use std::rc::Rc;

    fn session() -> Session {
        let g = SharedGuidance::from(Rc::new(Guidance::embedded_default().unwrap()));
        Session::new(g, Answers::default(), Step::Start, false)
    }

    fn edit(s: &mut Session, e: Edit) {
        s.update(Msg::Edit(e));
    }

    #[test]
    fn a_guided_journey_reaches_the_outcome_through_typed_messages() {
        let mut s = session();
        s.update(Msg::Continue);
        assert_eq!(s.step, Step::Audience);
        s.update(Msg::Continue);
        assert_eq!(s.step, Step::Audience, "no answer, no moving on");
        assert_eq!(s.errors[0].field, "audience");
        assert_eq!(s.failed_submits, 1);
        edit(&mut s, Edit::SetAudience(Audience::SchoolDsl));
        s.update(Msg::Continue);
        assert_eq!(s.step, Step::Safety);
        assert!(s.errors.is_empty());
        edit(&mut s, Edit::SetImmediateDanger(false));
        s.update(Msg::Continue);
        assert_eq!(s.step, Step::Child);
        edit(&mut s, Edit::SetChildStatus(ChildStatus::Born));
        edit(&mut s, Edit::SetAgeYears("7".into()));
        edit(&mut s, Edit::SetDisabledOrSend(false));
        edit(&mut s, Edit::SetKnownToSocialCare(KnownToSocialCare::None));
        edit(&mut s, Edit::SetPreviousContacts(0));
        s.update(Msg::Continue);
        assert_eq!(s.step, Step::Concerns);
        edit(
            &mut s,
            Edit::ToggleConcern {
                code: "domestic_abuse.child_witnessed".into(),
                on: true,
            },
        );
        s.update(Msg::Continue);
        assert_eq!(s.step, Step::Strengths);
        s.update(Msg::Continue);
        assert_eq!(s.step, Step::Views);
        edit(&mut s, Edit::SetConsent(Consent::Given));
        s.update(Msg::Continue);
        assert_eq!(s.step, Step::Check);
        s.update(Msg::Continue);
        assert_eq!(s.step, Step::Outcome);
        let case = s.answers.to_case(&s.guidance).unwrap();
        assert_eq!(case.audience, Audience::SchoolDsl);
        assert_eq!(case.child.age_years, Some(7.0));
    }

    #[test]
    fn only_front_door_practitioners_keep_expert_mode() {
        let mut s = session();
        edit(&mut s, Edit::SetAudience(Audience::FrontDoor));
        edit(&mut s, Edit::SetMode(Mode::Expert));
        assert_eq!(s.answers.mode, Mode::Expert);
        edit(&mut s, Edit::SetAudience(Audience::Partner));
        assert_eq!(s.answers.mode, Mode::Guided);
    }

    #[test]
    fn a_follow_up_yes_ticks_the_more_serious_concern_and_no_takes_it_away() {
        let mut s = session();
        let g = s.guidance.clone();
        let (code, follow) = g
            .file()
            .concerns
            .iter()
            .find_map(|c| {
                c.follow_up
                    .as_ref()
                    .map(|f| (c.code.clone(), f.if_yes.clone()))
            })
            .expect("the default guidance asks at least one follow-up question");
        edit(
            &mut s,
            Edit::AnswerFollowUp {
                code: code.clone(),
                yes: true,
            },
        );
        assert!(s.answers.concerns.contains(&follow));
        assert_eq!(s.answers.follow_up_answer(&g, &code), Some(true));
        edit(
            &mut s,
            Edit::AnswerFollowUp {
                code: code.clone(),
                yes: false,
            },
        );
        assert!(!s.answers.concerns.contains(&follow));
        assert_eq!(s.answers.follow_up_answer(&g, &code), Some(false));
    }

    #[test]
    fn an_edit_away_from_the_outcome_forgets_a_recorded_decision() {
        let mut s = session();
        s.answers.recorded_at = Some("2026-12-01T10:00:00Z".into());
        s.step = Step::Outcome;
        edit(&mut s, Edit::SetFinalReason("Seen today".into()));
        assert!(
            s.answers.recorded_at.is_some(),
            "notes on the outcome page keep it"
        );
        s.step = Step::Check;
        edit(&mut s, Edit::SetConsent(Consent::Refused));
        assert_eq!(s.answers.recorded_at, None);
    }

    #[test]
    fn restart_asks_first_and_keeps_only_a_host_preset_audience() {
        let g = session().guidance;
        let mut s = Session::new(g, Answers::default(), Step::Child, true);
        s.answers.audience = Some(Audience::SchoolDsl);
        s.answers.age_years = "9".into();
        s.update(Msg::AskRestart);
        assert!(s.confirming_restart);
        s.update(Msg::CancelRestart);
        assert!(!s.confirming_restart);
        assert_eq!(s.answers.age_years, "9");
        s.update(Msg::Restart);
        assert_eq!(s.step, Step::Start);
        assert_eq!(s.answers.age_years, "");
        assert_eq!(s.answers.audience, Some(Audience::SchoolDsl));
    }

    #[test]
    fn restart_keeps_the_mode_only_where_no_question_chooses_it() {
        let expert = |preset: bool| {
            let mut s = Session::new(session().guidance, Answers::default(), Step::Child, preset);
            s.answers.audience = Some(Audience::FrontDoor);
            s.answers.mode = Mode::Expert;
            s.update(Msg::Restart);
            s.answers.mode
        };
        // A host's preset audience skips the question that chooses the mode.
        assert_eq!(expert(true), Mode::Expert);
        assert_eq!(expert(false), Mode::Guided);
    }

    /// Child 1 of a family, recorded: a parent's drinking (family), domestic abuse the
    /// child saw (a child's own concern in a family domain) and a child's own concern.
    fn first_child_recorded(audience: Audience, mode: Mode) -> Session {
        let mut s = session();
        s.answers = Answers {
            audience: Some(audience),
            mode,
            immediate_danger: Some(false),
            child_status: Some(ChildStatus::Born),
            age_years: "9".into(),
            disabled_or_send: Some(true),
            known_to_social_care: Some(KnownToSocialCare::None),
            previous_contacts: Some(1),
            concerns: vec![
                "parent_needs.substance_use_affecting_care".into(),
                "domestic_abuse.child_witnessed".into(),
                "health.unmet_health_needs".into(),
            ],
            consent: Some(Consent::Given),
            child_voice: "Said they worry about mum".into(),
            agrees: Some(true),
            parents_informed: (audience == Audience::FrontDoor).then_some(true),
            ..Answers::default()
        };
        s.step = Step::Outcome;
        s.update(Msg::Record {
            at: "2026-12-01T14:10:00+00:00".into(),
            family_id: "family-test-1".into(),
        });
        assert!(s.answers.recorded_at.is_some(), "{:?}", s.errors);
        s
    }

    #[test]
    fn a_front_door_record_needs_the_parents_answer_and_a_reason_when_they_were_not_told() {
        let mut s = first_child_recorded(Audience::SchoolDsl, Mode::Guided);
        let record = crate::flow::current_record(&s.answers, &s.guidance).unwrap();
        assert_eq!(
            record.contact, None,
            "only the front door keeps a contact record"
        );

        s.answers.audience = Some(Audience::FrontDoor);
        s.answers.recorded_at = None;
        s.answers.parents_informed = None;
        let record = |s: &mut Session| {
            s.update(Msg::Record {
                at: "2026-12-01T14:30:00+00:00".into(),
                family_id: "family-test-2".into(),
            });
            s.errors.iter().map(|e| e.field).collect::<Vec<_>>()
        };
        assert_eq!(record(&mut s), ["parents-informed"]);
        assert_eq!(s.answers.recorded_at, None);
        edit(&mut s, Edit::SetParentsInformed(false));
        edit(&mut s, Edit::SetParentsNotInformedReason("   ".into()));
        assert_eq!(record(&mut s), ["parents-not-informed-reason"]);
        assert_eq!(
            s.answers.recorded_at, None,
            "never recorded without a reason"
        );
        edit(
            &mut s,
            Edit::SetParentsNotInformedReason(
                " Telling them may put the child at risk before police checks ".into(),
            ),
        );
        edit(
            &mut s,
            Edit::ToggleCheckMade {
                id: "check-social-care-records".into(),
                on: true,
            },
        );
        assert!(record(&mut s).is_empty());
        let r = crate::flow::current_record(&s.answers, &s.guidance).unwrap();
        let contact = r
            .contact
            .expect("a front-door record has its contact record");
        assert!(!contact.parents_informed);
        assert!(contact.manager_authorisation_needed);
        assert_eq!(
            contact.not_informed_reason,
            "Telling them may put the child at risk before police checks"
        );
        let made: Vec<(&str, bool)> = contact
            .checks
            .iter()
            .map(|c| (c.id.as_str(), c.made))
            .collect();
        assert_eq!(made[0], ("check-social-care-records", true));
        assert!(made[1..].iter().all(|(_, m)| !m), "{made:?}");
        assert_eq!(contact.feedback.within, "Within 1 working day");
    }

    #[test]
    fn the_next_child_carries_family_concerns_and_asks_the_childs_own_afresh() {
        let mut s = first_child_recorded(Audience::SchoolDsl, Mode::Guided);
        let child_level: Vec<String> = s
            .answers
            .concerns
            .iter()
            .filter(|c| !s.guidance.is_family_concern(c))
            .cloned()
            .collect();
        assert!(
            child_level.contains(&"domestic_abuse.child_witnessed".to_string()),
            "a child's own concern in a family domain stays with that child"
        );
        s.update(Msg::NextChild);
        let a = &s.answers;
        assert_eq!(
            a.concerns,
            vec!["parent_needs.substance_use_affecting_care".to_string()],
            "only the family-level concern is carried"
        );
        assert_eq!(a.family.carried, a.concerns);
        assert_eq!(a.audience, Some(Audience::SchoolDsl));
        assert_eq!(a.consent, Some(Consent::Given));
        assert_eq!(a.child_status, None);
        assert_eq!(a.age_years, "");
        assert_eq!(a.disabled_or_send, None);
        assert_eq!(a.previous_contacts, None);
        assert_eq!(a.immediate_danger, None);
        assert_eq!(a.child_voice, "");
        assert_eq!((a.agrees, a.recorded_at.as_ref()), (None, None));
        assert_eq!(s.step, Step::first_question(a, true));
        assert!(!a.is_blank(), "browser Back keeps the carried answers");
    }

    #[test]
    fn the_family_keeps_its_id_and_each_child_recorded_with_their_routes() {
        let mut s = first_child_recorded(Audience::FrontDoor, Mode::Expert);
        let first = s.answers.family.in_record(&s.guidance).unwrap();
        assert_eq!((first.child, first.of), (1, 1));
        assert!(first.others.is_empty());
        let record_one = crate::flow::current_record(&s.answers, &s.guidance).unwrap();
        s.update(Msg::NextChild);
        assert_eq!(s.answers.mode, Mode::Expert, "expert mode is kept");
        assert_eq!(s.answers.family.child(), 2);
        let one = &s.answers.family.recorded(&s.guidance)[0];
        assert_eq!(one.child, 1);
        assert_eq!(one.final_pathway, one.recommended, "child 1 agreed");
        // Child 2, recorded: the family id is the first one, not the new randomness.
        s.answers.immediate_danger = Some(false);
        s.answers.child_status = Some(ChildStatus::Born);
        s.answers.age_years = "3".into();
        s.answers.disabled_or_send = Some(false);
        s.answers.known_to_social_care = Some(KnownToSocialCare::None);
        s.answers.previous_contacts = Some(0);
        s.answers.agrees = Some(true);
        assert_eq!(
            s.answers.parents_informed,
            Some(true),
            "whether the parents were told is kept for the next child"
        );
        s.step = Step::Outcome;
        s.update(Msg::Record {
            at: "2026-12-01T14:20:00+00:00".into(),
            family_id: "family-other".into(),
        });
        let second = s.answers.family.in_record(&s.guidance).unwrap();
        assert_eq!(second.id, "family-test-1");
        assert_eq!((second.child, second.of), (2, 2));
        assert_eq!(second.others, s.answers.family.recorded(&s.guidance));
        // Together, the two records list each other and share the family id.
        let current = crate::flow::current_record(&s.answers, &s.guidance).unwrap();
        assert_eq!(current.family.as_ref(), Some(&second));
        let both = s.answers.family.all_records(&current, &s.guidance);
        let families: Vec<_> = both.iter().map(|r| r.family.clone().unwrap()).collect();
        assert_eq!(families[0].others[0].child, 2);
        assert_eq!(families[1].others[0].child, 1);
        assert!(families
            .iter()
            .all(|f| f.id == "family-test-1" && f.of == 2));
        assert_eq!(both[1], current, "the last record is as recorded");
        let mut one_again = both[0].clone();
        one_again.family = record_one.family.clone();
        assert_eq!(
            one_again, record_one,
            "child 1's record, made again from the answers kept, is as recorded but for the family"
        );
        s.update(Msg::NextChild);
        assert_eq!(s.answers.family.child(), 3);
        assert_eq!(s.answers.family.recorded(&s.guidance).len(), 2);
    }

    #[test]
    fn no_next_child_before_a_decision_is_recorded_and_restart_forgets_the_family() {
        let mut s = session();
        edit(&mut s, Edit::SetAudience(Audience::Partner));
        edit(&mut s, Edit::SetAgeYears("4".into()));
        s.step = Step::Outcome;
        let before = s.clone();
        s.update(Msg::NextChild);
        assert!(s == before, "nothing recorded, nothing to carry");
        let mut s = first_child_recorded(Audience::Partner, Mode::Guided);
        s.update(Msg::NextChild);
        s.update(Msg::Restart);
        assert_eq!(s.answers.family, crate::flow::Family::default());
    }

    #[test]
    fn browser_back_after_a_restart_goes_to_the_start() {
        let mut s = session();
        s.update(Msg::Show(Step::Concerns));
        assert_eq!(s.step, Step::Start);
        s.answers.age_years = "3".into();
        s.update(Msg::Show(Step::Concerns));
        assert_eq!(s.step, Step::Concerns);
    }

    #[test]
    fn change_links_return_to_check_your_answers() {
        let mut s = session();
        s.answers = Answers {
            audience: Some(Audience::Partner),
            immediate_danger: Some(false),
            child_status: Some(ChildStatus::Born),
            age_years: "10".into(),
            disabled_or_send: Some(false),
            known_to_social_care: Some(KnownToSocialCare::None),
            previous_contacts: Some(0),
            consent: Some(Consent::Given),
            ..Answers::default()
        };
        s.step = Step::Check;
        s.update(Msg::Change(Step::Child));
        assert!(s.returning);
        s.update(Msg::Continue);
        assert_eq!(s.step, Step::Check);
        assert!(!s.returning);
    }
}
