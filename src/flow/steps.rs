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
    /// "This tool is for children": a young person of 18 or over who is neither a care
    /// leaver nor has an EHCP.
    NotAChild,
    Concerns,
    /// "You have not chosen any concerns": continue anyway, or go back.
    NoConcerns,
    Strengths,
    Views,
    Check,
    Outcome,
    /// Front-door practitioners' single page with a live recommendation.
    Expert,
}

/// The service's name, on its own on the start page and after each page's heading.
pub const SERVICE_NAME: &str = "Front Door Triage";

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
        // Pages that stop the flow come first, whether or not the user is returning.
        if matches!(self, Child | Expert) && answers.adult_not_eligible() {
            return NotAChild;
        }
        if matches!(self, Concerns | Expert) && answers.needs_no_concerns_confirmation() {
            return NoConcerns;
        }
        if returning && !matches!(self, Start | Audience | Check | Outcome | NotAChild) {
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
            // Only "Change the age" leaves it, back to the child's page.
            NotAChild => Child,
            Concerns => Strengths,
            NoConcerns if answers.mode == Mode::Expert => Check,
            NoConcerns => Strengths,
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
            Child if answers.mode == Mode::Expert => Expert,
            Child if answers.immediate_danger == Some(true) => Emergency,
            Child => Safety,
            NotAChild if answers.mode == Mode::Expert => Expert,
            NotAChild => Child,
            Concerns => Child,
            NoConcerns if answers.mode == Mode::Expert => Expert,
            NoConcerns => Concerns,
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

    /// The browser tab's title: the page's heading, then the service's name (the start
    /// page is the service's name alone), with "Error: " first while the page shows errors.
    pub fn tab_title(self, has_errors: bool) -> String {
        let title = match self {
            Step::Start => SERVICE_NAME.to_string(),
            _ => format!("{} - {SERVICE_NAME}", self.title()),
        };
        if has_errors {
            format!("Error: {title}")
        } else {
            title
        }
    }

    /// The page's own heading, as the tab title starts with it.
    pub fn title(self) -> &'static str {
        match self {
            Step::Start => SERVICE_NAME,
            Step::Audience => "Who is using this tool?",
            Step::Safety => "Is the child in immediate danger?",
            Step::Emergency => "Call 999 now",
            Step::Child => "About the child",
            Step::NotAChild => "This tool is for children",
            Step::Concerns => "What are you worried about?",
            Step::NoConcerns => "You have not chosen any concerns",
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
            concerns: vec!["health.self_harm".into()],
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
            concerns: vec!["health.self_harm".into()],
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
            concerns: vec!["health.self_harm".into()],
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
            concerns: vec!["health.self_harm".into()],
            ..Answers::default()
        };
        let path = walk(&a, Step::Start);
        for pair in path.windows(2) {
            assert_eq!(pair[1].back(&a, false), pair[0], "back from {:?}", pair[1]);
        }
    }

    #[test]
    fn no_concerns_asks_before_going_on_and_only_once() {
        use Step::*;
        let mut a = Answers {
            immediate_danger: Some(false),
            ..Answers::default()
        };
        assert_eq!(Concerns.next(&a, false), NoConcerns);
        assert_eq!(NoConcerns.next(&a, false), Strengths, "continue anyway");
        assert_eq!(NoConcerns.back(&a, false), Concerns, "go back");
        assert_eq!(
            Concerns.next(&a, true),
            NoConcerns,
            "also when returning from check"
        );
        a.concerns.push("health.self_harm".into());
        assert_eq!(Concerns.next(&a, false), Strengths);
        // In immediate danger the route is 999 whatever is ticked: no question.
        let danger = Answers {
            immediate_danger: Some(true),
            ..Answers::default()
        };
        assert_eq!(Concerns.next(&danger, false), Strengths);
        let expert = Answers {
            mode: Mode::Expert,
            immediate_danger: Some(false),
            ..Answers::default()
        };
        assert_eq!(Expert.next(&expert, false), NoConcerns);
        assert_eq!(NoConcerns.next(&expert, false), Check);
    }

    #[test]
    fn an_adult_who_is_not_a_care_leaver_or_ehcp_is_told_this_tool_is_for_children() {
        use Step::*;
        let mut a = Answers {
            child_status: Some(crate::flow::ChildStatus::Born),
            age_years: "19".into(),
            ..Answers::default()
        };
        a.over_18_eligible = Some(false);
        assert_eq!(Child.next(&a, false), NotAChild);
        assert_eq!(
            Child.next(&a, true),
            NotAChild,
            "also from check your answers"
        );
        assert_eq!(NotAChild.next(&a, false), Child);
        a.over_18_eligible = Some(true);
        assert_eq!(Child.next(&a, false), Concerns);
        a.age_years = "17".into();
        a.over_18_eligible = Some(false);
        assert_eq!(
            Child.next(&a, false),
            Concerns,
            "under 18 is always a child"
        );
    }

    #[test]
    fn every_page_has_its_own_tab_title_and_errors_say_so() {
        use Step::*;
        let all = [
            Start, Audience, Safety, Emergency, Child, NotAChild, Concerns, NoConcerns, Strengths,
            Views, Check, Outcome, Expert,
        ];
        let titles: std::collections::HashSet<String> =
            all.iter().map(|s| s.tab_title(false)).collect();
        assert_eq!(titles.len(), all.len(), "each page its own title");
        assert_eq!(
            Start.tab_title(false),
            "Front Door Triage",
            "never the name twice"
        );
        assert_eq!(
            Child.tab_title(false),
            "About the child - Front Door Triage"
        );
        assert_eq!(
            Child.tab_title(true),
            "Error: About the child - Front Door Triage"
        );
    }

    #[test]
    fn preset_audience_skips_the_audience_question() {
        let a = Answers::default();
        assert_eq!(Step::first_question(&a, true), Step::Safety);
        assert_eq!(Step::first_question(&a, false), Step::Audience);
        assert_eq!(Step::Safety.back(&a, true), Step::Start);
    }
}
