//! Expert mode's live recommendation, from answers still being given.

use super::answers::{Answers, Mobility};
use crate::engine::decision::Decision;
use crate::guidance::Guidance;

impl Answers {
    /// The recommendation so far: answers not given yet count as their neutral default (the
    /// background questions as `with_background_defaults`, consent not asked, a baby
    /// mobile, follow-up questions "no"), except the child's age, without which there is
    /// none. Concerns that do not fit the child's age wait for the user.
    pub fn provisional(&self, g: &Guidance) -> Option<Decision> {
        let mut filled = self.with_background_defaults();
        filled.consent.get_or_insert_default();
        filled.mobility.get_or_insert(Mobility::Mobile);
        for code in &self.concerns {
            if g.concern(code).is_some_and(|c| c.follow_up.is_some())
                && self.follow_up_answer(g, code).is_none()
            {
                filled.follow_ups_declined.push(code.clone());
            }
        }
        filled.concerns.retain(|c| self.concern_fits(g, c));
        let case = filled.to_case(g).ok()?;
        crate::engine::evaluate(g, &case).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::ChildStatus;
    use crate::vocabulary::Pathway;

    #[test]
    fn no_age_no_recommendation_and_an_age_is_enough_for_one() {
        let g = Guidance::embedded_default().unwrap();
        let mut a = Answers::default();
        assert!(a.provisional(&g).is_none());
        a.child_status = Some(ChildStatus::Born);
        a.age_years = "8".into();
        assert_eq!(a.provisional(&g).unwrap().pathway, Pathway::Signpost);
        a.concerns.push("abuse.physical_disclosure".into());
        assert_eq!(a.provisional(&g).unwrap().pathway, Pathway::MacptReferral);
    }

    #[test]
    fn a_concern_outside_the_childs_ages_waits_instead_of_failing() {
        let g = Guidance::embedded_default().unwrap();
        let baby_only = g
            .file()
            .concerns
            .iter()
            .find(|c| {
                c.ages
                    .as_ref()
                    .is_some_and(|a| !a.fits(Some(15.0)) && a.fits(Some(0.5)))
            })
            .expect("a concern only for young children");
        let mut a = Answers {
            child_status: Some(ChildStatus::Born),
            age_years: "15".into(),
            ..Answers::default()
        };
        a.concerns.push(baby_only.code.clone());
        assert!(a.provisional(&g).is_some());
    }
}
