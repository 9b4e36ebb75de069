//! One case in a search, by indices into the guidance: cheap to build, compare and
//! shrink, and turned into a real `Case` only to run the engine or to show it.

use crate::engine;
use crate::engine::case::{Audience, Case, Child, Consent, KnownToSocialCare};
use crate::engine::Facts;
use crate::guidance::Guidance;
use crate::vocabulary::Pathway;

/// The age of the "simplest child" a found case shrinks to: school age, no age rule.
pub(crate) const PLAIN_AGE: f64 = 10.0;

/// A case by indices into the guidance: cheap to build, compare and shrink.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Probe {
    pub child: Child,
    pub immediate_danger: bool,
    /// Sorted guidance indices.
    pub concerns: Vec<u32>,
    /// Sorted guidance indices.
    pub strengths: Vec<u32>,
    pub consent: Consent,
    pub audience: Audience,
}

pub(crate) fn plain_child() -> Child {
    Child {
        age_years: Some(PLAIN_AGE),
        unborn: false,
        non_mobile: false,
        disabled_or_send: false,
        known_to_social_care: KnownToSocialCare::None,
        previous_contacts_12_months: 0,
    }
}

impl Probe {
    pub fn plain() -> Probe {
        let defaults = Case::empty();
        Probe {
            child: plain_child(),
            immediate_danger: false,
            concerns: Vec::new(),
            strengths: Vec::new(),
            consent: defaults.consent,
            audience: defaults.audience,
        }
    }

    /// The probe for a case of `g`; `None` when the case has a code `g` does not.
    pub fn from_case(g: &Guidance, case: &Case) -> Option<Probe> {
        let mut concerns: Vec<u32> = case
            .concerns
            .iter()
            .map(|c| g.concern_index(c))
            .collect::<Option<_>>()?;
        let mut strengths: Vec<u32> = case
            .strengths
            .iter()
            .map(|s| g.strength_index(s))
            .collect::<Option<_>>()?;
        concerns.sort_unstable();
        strengths.sort_unstable();
        Some(Probe {
            child: case.child.clone(),
            immediate_danger: case.immediate_danger,
            concerns,
            strengths,
            consent: case.consent,
            audience: case.audience,
        })
    }

    pub fn to_case(&self, g: &Guidance) -> Case {
        let f = g.file();
        Case {
            child: self.child.clone(),
            immediate_danger: self.immediate_danger,
            concerns: self
                .concerns
                .iter()
                .map(|&i| f.concerns[i as usize].code.clone())
                .collect(),
            strengths: self
                .strengths
                .iter()
                .map(|&i| f.strengths[i as usize].code.clone())
                .collect(),
            consent: self.consent,
            audience: self.audience,
        }
    }

    pub fn with_concern(&self, c: u32) -> Probe {
        let mut p = self.clone();
        if let Err(at) = p.concerns.binary_search(&c) {
            p.concerns.insert(at, c);
        }
        p
    }

    /// Every concern applies to this child (its `ages`): only such cases can be decided.
    pub fn fits(&self, g: &Guidance) -> bool {
        self.concerns.iter().all(|&c| self.fits_concern(g, c))
    }

    pub fn fits_concern(&self, g: &Guidance, c: u32) -> bool {
        g.concern_fits(&g.file.concerns[c as usize], self.child.age_years)
    }

    /// Drops the concerns that do not apply to this child.
    pub fn drop_unfit(&mut self, g: &Guidance) {
        let child_age = self.child.age_years;
        self.concerns
            .retain(|&c| g.concern_fits(&g.file.concerns[c as usize], child_age));
    }

    pub fn max_level(&self, g: &Guidance) -> u8 {
        self.concerns
            .iter()
            .map(|&c| g.concern_levels[c as usize])
            .max()
            .unwrap_or(0)
    }

    /// Runs `f` on the facts a condition sees for this case (`engine::facts`), with
    /// `pathway` as the action table would see it.
    pub fn with_facts<R>(
        &self,
        g: &Guidance,
        pathway: Option<Pathway>,
        f: impl FnOnce(&Facts) -> R,
    ) -> R {
        f(&self.facts(g, pathway))
    }

    /// The facts a condition sees for this case, with `pathway` as the action table would
    /// see it: for a caller that varies consent or audience on one digest.
    pub fn facts<'a>(&'a self, g: &'a Guidance, pathway: Option<Pathway>) -> Facts<'a> {
        let mut facts = engine::facts(
            g,
            &self.child,
            self.immediate_danger,
            self.consent,
            self.audience,
            &self.concerns,
            &self.strengths,
        );
        facts.pathway = pathway;
        facts
    }

    /// The pathway rule that hits first, by the compiled conditions alone.
    pub fn first_hit(&self, g: &Guidance) -> Option<usize> {
        self.with_facts(g, None, |f| g.pathway_rules.iter().position(|c| c.holds(f)))
    }

    /// The pathway and level the engine gives this case, from the engine's own routing steps
    /// (`engine::first_route`, `escalate`, `level`) without building reasons, actions and
    /// services, so the invariant searches can afford hundreds of thousands of cases.
    pub fn outcome(&self, g: &Guidance) -> (Pathway, u8) {
        self.with_facts(g, None, |f| route_of(g, f, self.strengths.len()))
    }

    /// Whether strengths lower the first pathway rule's pathway for this case
    /// (`engine::first_route`), before escalation has its say.
    pub fn lowered(&self, g: &Guidance) -> bool {
        self.with_facts(g, None, |f| {
            engine::first_route(g, f, self.strengths.len()).lowered
        })
    }

    /// `self.with_concern(c).outcome(g)`, without building that probe: the monotonicity
    /// search asks it for every concern class of every case. `scratch` holds the concerns.
    pub fn outcome_with_concern(
        &self,
        g: &Guidance,
        c: u32,
        scratch: &mut Vec<u32>,
    ) -> (Pathway, u8) {
        scratch.clear();
        scratch.extend_from_slice(&self.concerns);
        if let Err(at) = scratch.binary_search(&c) {
            scratch.insert(at, c);
        }
        let f = engine::facts(
            g,
            &self.child,
            self.immediate_danger,
            self.consent,
            self.audience,
            scratch,
            &self.strengths,
        );
        route_of(g, &f, self.strengths.len())
    }

    /// Everything the engine decides for this case but the words (`engine::verdict`), or
    /// `None` when a concern does not apply to this child (the engine refuses such a case).
    pub fn verdict(&self, g: &Guidance) -> Option<engine::Verdict> {
        if !self.fits(g) {
            return None;
        }
        let mut facts = self.facts(g, None);
        Some(engine::verdict(g, &mut facts, self.strengths.len()))
    }

    /// How big the case is, for "smallest": concerns, then strengths, then unusual facts.
    pub fn size(&self) -> (usize, usize, usize) {
        let c = &self.child;
        let odd = [
            self.immediate_danger,
            c.unborn,
            c.non_mobile,
            c.disabled_or_send,
            c.known_to_social_care != KnownToSocialCare::None,
            c.previous_contacts_12_months > 0,
            c.age_years != Some(PLAIN_AGE) && !c.unborn,
        ]
        .iter()
        .filter(|&&b| b)
        .count();
        (self.concerns.len(), self.strengths.len(), odd)
    }
}

/// The pathway and level from the engine's routing steps alone.
fn route_of(g: &Guidance, f: &Facts, strengths: usize) -> (Pathway, u8) {
    let first = engine::first_route(g, f, strengths);
    let pathway = engine::escalate(g, f, first.pathway, |_| {});
    (pathway, engine::level(pathway, first.lowered, f.max_level))
}
