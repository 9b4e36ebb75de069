//! The in-progress triage as kept in `sessionStorage`, and the checks that decide whether
//! a stored draft can be trusted when the page reloads.

use super::answers::Answers;
use super::steps::Step;
use crate::guidance::Guidance;
use serde::{Deserialize, Serialize};

/// Bump when `Answers` changes shape: older drafts are then discarded with a notice.
pub const DRAFT_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub version: u32,
    /// The guidance the answers were given against: codes only mean something there.
    pub guidance_id: String,
    pub guidance_version: String,
    pub step: Step,
    pub returning: bool,
    pub answers: Answers,
}

/// Why a stored draft was not restored; the app says so and starts afresh.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftProblem {
    /// Not a draft this app can read (damaged, or written by an older version).
    Unreadable,
    /// Written against different guidance, or naming codes the guidance no longer has.
    Outdated,
}

impl DraftProblem {
    /// What the user is told, above the first page, when their draft was not restored.
    pub fn notice(&self) -> &'static str {
        match self {
            DraftProblem::Unreadable => {
                "Your previous answers could not be read, so they have been cleared. Please start again."
            }
            DraftProblem::Outdated => {
                "Your previous answers were for a different version of the guidance, so they have been cleared. Please start again."
            }
        }
    }
}

impl Draft {
    pub fn new(guidance: &Guidance, step: Step, returning: bool, answers: Answers) -> Draft {
        Draft {
            version: DRAFT_VERSION,
            guidance_id: guidance.id().to_string(),
            guidance_version: guidance.version().to_string(),
            step,
            returning,
            answers,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored draft, refusing anything that does not fit the guidance in use.
    pub fn restore(text: &str, guidance: &Guidance) -> Result<Draft, DraftProblem> {
        // Read as a draft at once, version and all: an older version either fails to read
        // or reads with the wrong number, and both are unreadable alike.
        let draft: Draft = crate::problem::read_json(text).ok_or(DraftProblem::Unreadable)?;
        if draft.version != DRAFT_VERSION {
            return Err(DraftProblem::Unreadable);
        }
        let fits = draft.guidance_id == guidance.id()
            && draft.guidance_version == guidance.version()
            && draft
                .answers
                .concerns
                .iter()
                .all(|c| guidance.concern_index(c).is_some())
            && draft
                .answers
                .strengths
                .iter()
                .all(|s| guidance.strength_index(s).is_some());
        if fits {
            Ok(draft)
        } else {
            Err(DraftProblem::Outdated)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_round_trips() {
        let g = Guidance::embedded_default().unwrap();
        let mut answers = Answers::default();
        answers.toggle_concern("health.self_harm", true);
        answers.child_voice = "I don't want to go home".into();
        let draft = Draft::new(&g, Step::Concerns, false, answers);
        assert_eq!(Draft::restore(&draft.to_json(), &g), Ok(draft));
    }

    #[test]
    fn damaged_or_foreign_drafts_are_refused() {
        let g = Guidance::embedded_default().unwrap();
        assert_eq!(
            Draft::restore("{not json", &g),
            Err(DraftProblem::Unreadable)
        );
        assert_eq!(
            Draft::restore("{\"version\": 0}", &g),
            Err(DraftProblem::Unreadable)
        );
        assert_eq!(Draft::restore("[1,2]", &g), Err(DraftProblem::Unreadable));
        let mut d = Draft::new(&g, Step::Child, false, Answers::default());
        d.answers.concerns.push("no.such_code".into());
        assert_eq!(
            Draft::restore(&d.to_json(), &g),
            Err(DraftProblem::Outdated)
        );
        let mut d = Draft::new(&g, Step::Child, false, Answers::default());
        d.guidance_id = "elsewhere".into();
        assert_eq!(
            Draft::restore(&d.to_json(), &g),
            Err(DraftProblem::Outdated)
        );
    }
}
