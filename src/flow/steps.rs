//! The steps of the flow and the moves between them.

use super::answers::Answers;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Start,
    /// Who is using the tool (skipped when the host preset the audience).
    Audience,
    Safety,
    /// "Call 999 now", shown straight after a "yes" to immediate danger.
    Emergency,
    Child,
    Concerns,
    Strengths,
    Views,
    Check,
    Outcome,
    /// Front-door practitioners' single page with a live recommendation.
    Expert,
}

/// Guided (one question a page) or expert (everything on one page).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    #[default]
    Guided,
    Expert,
}

impl Step {
    /// Where Continue goes from this step. `returning` is set when the user came from
    /// check your answers through a "Change" link: they go back there.
    pub fn next(self, answers: &Answers, returning: bool) -> Step {
        use Step::*;
        if returning && !matches!(self, Start | Audience | Check | Outcome) {
            // A "yes" to immediate danger still shows the 999 page first.
            if self == Safety && answers.immediate_danger == Some(true) {
                return Emergency;
            }
            return Check;
        }
        match self {
            Start => Audience,
            Audience if answers.mode == Mode::Expert => Expert,
            Audience => Safety,
            Safety if answers.immediate_danger == Some(true) => Emergency,
            Safety | Emergency => Child,
            Child => Concerns,
            Concerns => Strengths,
            Strengths => Views,
            Views | Expert => Check,
            Check | Outcome => Outcome,
        }
    }

    /// Where the Back link goes. `audience_preset` skips the audience question.
    pub fn back(self, answers: &Answers, audience_preset: bool) -> Step {
        use Step::*;
        match self {
            Start => Start,
            Audience => Start,
            Safety | Expert if audience_preset => Start,
            Safety | Expert => Audience,
            Emergency => Safety,
            Child if answers.immediate_danger == Some(true) => Emergency,
            Child => Safety,
            Concerns => Child,
            Strengths => Concerns,
            Views => Strengths,
            Check if answers.mode == Mode::Expert => Expert,
            Check => Views,
            Outcome => Check,
        }
    }

    /// The first question after the start page.
    pub fn first_question(answers: &Answers, audience_preset: bool) -> Step {
        match (audience_preset, answers.mode) {
            (false, _) => Step::Audience,
            (true, Mode::Expert) => Step::Expert,
            (true, Mode::Guided) => Step::Safety,
        }
    }

    /// Steps whose answers the check page lists, in order, with a "Change" link to each.
    pub const QUESTIONS: [Step; 5] = [
        Step::Safety,
        Step::Child,
        Step::Concerns,
        Step::Strengths,
        Step::Views,
    ];

    /// The browser tab's title for this step (GOV.UK: page heading, then service name).
    pub fn title(self) -> &'static str {
        match self {
            Step::Start => "Front Door Triage",
            Step::Audience => "Who is using this tool?",
            Step::Safety => "Is the child in immediate danger?",
            Step::Emergency => "Call 999 now",
            Step::Child => "About the child",
            Step::Concerns => "What are you worried about?",
            Step::Strengths => "What is going well?",
            Step::Views => "The family's views and the child's voice",
            Step::Check => "Check your answers",
            Step::Outcome => "Recommendation",
            Step::Expert => "Triage: all questions",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(answers: &Answers, from: Step) -> Vec<Step> {
        let mut path = vec![from];
        let mut step = from;
        while step != Step::Outcome {
            step = step.next(answers, false);
            path.push(step);
            assert!(path.len() < 20, "loop: {path:?}");
        }
        path
    }

    #[test]
    fn guided_path_asks_every_question_in_order() {
        let a = Answers {
            immediate_danger: Some(false),
            ..Answers::default()
        };
        use Step::*;
        assert_eq!(
            walk(&a, Start),
            [Start, Audience, Safety, Child, Concerns, Strengths, Views, Check, Outcome]
        );
    }

    #[test]
    fn immediate_danger_shows_999_first_then_the_rest() {
        let a = Answers {
            immediate_danger: Some(true),
            ..Answers::default()
        };
        use Step::*;
        assert_eq!(
            walk(&a, Safety),
            [Safety, Emergency, Child, Concerns, Strengths, Views, Check, Outcome]
        );
        assert_eq!(Child.back(&a, false), Emergency);
    }

    #[test]
    fn expert_mode_is_one_page_then_check() {
        let a = Answers {
            mode: Mode::Expert,
            ..Answers::default()
        };
        use Step::*;
        assert_eq!(walk(&a, Start), [Start, Audience, Expert, Check, Outcome]);
        assert_eq!(Check.back(&a, false), Expert);
        assert_eq!(Expert.back(&a, true), Start);
    }

    #[test]
    fn change_from_check_returns_to_check() {
        let a = Answers {
            immediate_danger: Some(false),
            ..Answers::default()
        };
        for step in Step::QUESTIONS {
            assert_eq!(step.next(&a, true), Step::Check, "{step:?}");
        }
        let danger = Answers {
            immediate_danger: Some(true),
            ..Answers::default()
        };
        assert_eq!(Step::Safety.next(&danger, true), Step::Emergency);
    }

    #[test]
    fn back_undoes_next_on_the_guided_path() {
        let a = Answers {
            immediate_danger: Some(false),
            ..Answers::default()
        };
        let path = walk(&a, Step::Start);
        for pair in path.windows(2) {
            assert_eq!(pair[1].back(&a, false), pair[0], "back from {:?}", pair[1]);
        }
    }

    #[test]
    fn preset_audience_skips_the_audience_question() {
        let a = Answers::default();
        assert_eq!(Step::first_question(&a, true), Step::Safety);
        assert_eq!(Step::first_question(&a, false), Step::Audience);
        assert_eq!(Step::Safety.back(&a, true), Step::Start);
    }
}
