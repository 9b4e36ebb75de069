//! The app's state and every change to it, as one reducer (Yew's `use_reducer`), so each
//! user action is one message and the draft is saved from one place.

use crate::flow::{Answers, FieldError, Step};
use crate::guidance::SharedGuidance;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct Flow {
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

/// Edits answers in place: each form field sends one of these.
pub type Edit = Rc<dyn Fn(&mut Answers)>;

pub enum Msg {
    Edit(Edit),
    Continue,
    Back,
    /// Moved by the browser's Back or Forward buttons.
    Show(Step),
    /// A "Change" link on the check page.
    Change(Step),
    /// Record the practitioner's decision at this time (RFC 3339).
    Record(String),
    AskRestart,
    CancelRestart,
    Restart,
    /// After a recorded decision: the next child, with who is asking and how (guided or
    /// expert) kept for the tab, straight to the first question.
    NextChild,
}

impl Flow {
    pub fn new(
        guidance: SharedGuidance,
        answers: Answers,
        step: Step,
        audience_preset: bool,
    ) -> Flow {
        Flow {
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
}

impl Reducible for Flow {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::Edit(edit) => {
                edit(&mut next.answers);
                // A decision already recorded no longer matches changed answers.
                if next.step != Step::Outcome {
                    next.answers.recorded_at = None;
                }
            }
            Msg::Continue => {
                let errors = next.answers.check_step(next.step, &next.guidance);
                if errors.is_empty() {
                    let to = if next.step == Step::Start {
                        Step::first_question(&next.answers, next.audience_preset)
                    } else {
                        next.step.next(&next.answers, next.returning)
                    };
                    if to == Step::Check || to == Step::Outcome {
                        next.returning = false;
                    }
                    next.go(to);
                } else {
                    next.errors = errors;
                    next.failed_submits += 1;
                }
            }
            Msg::Back => {
                let to = next.step.back(&next.answers, next.audience_preset);
                next.returning = false;
                next.go(to);
            }
            // Browser Back after "Start again" would show steps with nothing answered.
            Msg::Show(step)
                if next.answers.is_blank() && !matches!(step, Step::Start | Step::Audience) =>
            {
                next.go(Step::Start)
            }
            Msg::Show(step) => next.go(step),
            Msg::Change(step) => {
                next.returning = true;
                next.go(step);
            }
            Msg::Record(at) => {
                let errors = next.answers.check_step(Step::Outcome, &next.guidance);
                if errors.is_empty() {
                    next.answers.recorded_at = Some(at);
                    next.errors.clear();
                } else {
                    next.errors = errors;
                    next.failed_submits += 1;
                }
            }
            Msg::AskRestart => next.confirming_restart = true,
            Msg::CancelRestart => next.confirming_restart = false,
            Msg::NextChild => {
                let (audience, mode) = (next.answers.audience, next.answers.mode);
                let answers = Answers {
                    audience,
                    mode,
                    ..Answers::default()
                };
                let first = if audience.is_some() {
                    Step::first_question(&answers, true)
                } else {
                    Step::Start
                };
                next = Flow::new(next.guidance.clone(), answers, first, next.audience_preset);
            }
            Msg::Restart => {
                let preset = next
                    .audience_preset
                    .then_some(next.answers.audience)
                    .flatten();
                next = Flow::new(
                    next.guidance.clone(),
                    Answers::default(),
                    Step::Start,
                    next.audience_preset,
                );
                next.answers.audience = preset;
            }
        }
        Rc::new(next)
    }
}
