//! One case in a search, by indices into the guidance: cheap to build, compare and
//! shrink, and turned into a real `Case` only to run the engine or to show it.

use crate::case::{Audience, Case, Child, Consent, KnownToSocialCare};
use crate::condition::Facts;
use crate::guidance::Guidance;
use crate::pathway::Pathway;

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

    pub fn max_level(&self, g: &Guidance) -> u8 {
        self.concerns
            .iter()
            .map(|&c| g.concern_levels[c as usize])
            .max()
            .unwrap_or(0)
    }

    /// Runs `f` on the facts a condition sees for this case. This mirrors the digest at
    /// the top of `engine::decide`; a new field in `Facts` fails to compile here.
    pub fn with_facts<R>(
        &self,
        g: &Guidance,
        pathway: Option<Pathway>,
        f: impl FnOnce(&Facts) -> R,
    ) -> R {
        let mut facts = Facts {
            immediate_danger: self.immediate_danger,
            unborn: self.child.unborn,
            non_mobile: self.child.non_mobile,
            disabled_or_send: self.child.disabled_or_send,
            age_years: self.child.age_years,
            known: self.child.known_to_social_care,
            consent: self.consent,
            audience: self.audience,
            concerns: &self.concerns,
            concern_levels: &g.concern_levels,
            concern_domains: &g.concern_domains,
            strengths: &self.strengths,
            max_level: 0,
            flags: 0,
            domains: 0,
            pathway,
        };
        for &c in &self.concerns {
            let c = c as usize;
            facts.max_level = facts.max_level.max(g.concern_levels[c]);
            facts.flags |= g.concern_flags[c];
            facts.domains |= 1 << g.concern_domains[c];
        }
        f(&facts)
    }

    /// The pathway rule that hits first, by the compiled conditions alone.
    pub fn first_hit(&self, g: &Guidance) -> Option<usize> {
        self.with_facts(g, None, |f| g.pathway_rules.iter().position(|c| c.holds(f)))
    }

    /// The pathway and level the engine gives this case, computed from the compiled rules
    /// alone. It mirrors steps 1 to 3 of `engine::decide` (first hit, strength lowering,
    /// escalation) and its level, without building reasons, actions and services, so the
    /// invariant searches can afford hundreds of thousands of cases. Lint confirms every
    /// finding with the real engine, and a test pins this mirror to it.
    pub fn outcome(&self, g: &Guidance) -> (Pathway, u8) {
        self.with_facts(g, None, |f| {
            let hit = g
                .pathway_rules
                .iter()
                .position(|c| c.holds(f))
                .unwrap_or(g.pathway_rules.len().saturating_sub(1));
            let Some(rule) = g.file.rules.pathway.get(hit) else {
                return (Pathway::Signpost, 1);
            };
            let mut pathway = rule.pathway;
            let mut lowered = false;
            if let Some(low) = &rule.lowered_by_strengths {
                if pathway == Pathway::FamilyHelp
                    && low.to < pathway
                    && f.max_level < 3
                    && self.strengths.len() as u32 >= low.at_least
                {
                    pathway = low.to;
                    lowered = true;
                }
            }
            for (i, c) in g.escalation_rules.iter().enumerate() {
                if let Some(floor) = g.file.rules.escalation[i].at_least {
                    if c.holds(f) {
                        pathway = pathway.max(floor);
                    }
                }
            }
            let level = match pathway {
                Pathway::Signpost if lowered => 2,
                Pathway::Signpost => f.max_level.clamp(1, 2),
                p => p.base_level(),
            };
            (pathway, level)
        })
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
            c.age_years != Some(PLAIN_AGE) && !c.unborn,
        ]
        .iter()
        .filter(|&&b| b)
        .count();
        (self.concerns.len(), self.strengths.len(), odd)
    }
}
