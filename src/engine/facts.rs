//! What a condition can see of a case, digested once, and how a compiled condition is
//! judged against it. `decide` and lint's probes both start here.

use crate::engine::case::Child;
use crate::guidance::compiled::{case_facts, context, strength_tests, Compiled};
use crate::guidance::Guidance;
use crate::vocabulary::{Audience, Consent, KnownToSocialCare, Pathway};

/// What a condition can see of a case: the case's facts, pre-digested so every test is
/// cheap, plus the pathway decided so far (for action rules).
pub(crate) struct Facts<'a> {
    pub immediate_danger: bool,
    pub unborn: bool,
    pub non_mobile: bool,
    pub disabled_or_send: bool,
    /// Earlier contacts in the last 12 months, this one not counted.
    pub previous_contacts: u32,
    pub age_years: Option<f64>,
    pub known: KnownToSocialCare,
    pub consent: Consent,
    pub audience: Audience,
    /// Indices of the selected concerns, in guidance order.
    pub concerns: &'a [u32],
    pub concern_levels: &'a [u8],
    pub concern_domains: &'a [u8],
    pub strengths: &'a [u32],
    pub max_level: u8,
    pub flags: u64,
    pub domains: u64,
    pub pathway: Option<Pathway>,
}

/// What the rules' conditions see of a case: its answers, and the selected concerns'
/// highest level, flags and domains, digested once. `decide` and lint's probes both start
/// here; the pathway is filled in once known, for the action table.
pub(crate) fn facts<'a>(
    g: &'a Guidance,
    child: &Child,
    immediate_danger: bool,
    consent: Consent,
    audience: Audience,
    concerns: &'a [u32],
    strengths: &'a [u32],
) -> Facts<'a> {
    let mut facts = Facts {
        immediate_danger,
        unborn: child.unborn,
        non_mobile: child.non_mobile,
        disabled_or_send: child.disabled_or_send,
        previous_contacts: child.previous_contacts_12_months,
        age_years: child.age_years,
        known: child.known_to_social_care,
        consent,
        audience,
        concerns,
        concern_levels: &g.concern_levels,
        concern_domains: &g.concern_domains,
        strengths,
        max_level: 0,
        flags: 0,
        domains: 0,
        pathway: None,
    };
    for &c in concerns {
        let c = c as usize;
        facts.max_level = facts.max_level.max(g.concern_levels[c]);
        facts.flags |= g.concern_flags[c];
        facts.domains |= 1 << g.concern_domains[c];
    }
    facts
}

/// What the rules see of a case whose codes are resolved.
pub(crate) fn facts_of<'a>(
    g: &'a Guidance,
    case: &crate::engine::case::Case,
    resolved: &'a crate::engine::validate::Resolved,
) -> Facts<'a> {
    facts(
        g,
        &case.child,
        case.immediate_danger,
        case.consent,
        case.audience,
        &resolved.concerns,
        &resolved.strengths,
    )
}

impl Compiled {
    pub fn holds(&self, f: &Facts) -> bool {
        match self {
            Compiled::Always => true,
            Compiled::ImmediateDanger => f.immediate_danger,
            Compiled::Unborn => f.unborn,
            Compiled::NonMobile => f.non_mobile,
            Compiled::DisabledOrSend => f.disabled_or_send,
            Compiled::RepeatContact(at_least) => f.previous_contacts.saturating_add(1) >= *at_least,
            Compiled::ConcernAtLevel(min) => f.max_level >= *min,
            Compiled::CountAtLevel {
                level,
                at_least,
                domains_at_least,
            } => {
                let mut count = 0;
                let mut domains = 0u64;
                for &c in f.concerns {
                    if f.concern_levels[c as usize] == *level {
                        count += 1;
                        domains |= 1 << f.concern_domains[c as usize];
                    }
                }
                count >= *at_least && domains.count_ones() >= *domains_at_least
            }
            // Both lists are sorted: look up each of the shorter in the longer.
            Compiled::AnyConcern(codes) if f.concerns.len() < codes.len() => {
                f.concerns.iter().any(|c| codes.binary_search(c).is_ok())
            }
            Compiled::AnyConcern(codes) => {
                codes.iter().any(|c| f.concerns.binary_search(c).is_ok())
            }
            Compiled::Flag(mask) => f.flags & mask != 0,
            Compiled::Domain(mask) => f.domains & mask != 0,
            Compiled::AgeBelow(limit) => f.age_years.is_some_and(|a| a < *limit),
            Compiled::AgeAtLeast(limit) => f.age_years.is_some_and(|a| a >= *limit),
            Compiled::KnownToSocialCare(mask) => f.known.bit() & mask != 0,
            Compiled::Consent(mask) => f.consent.bit() & mask != 0,
            Compiled::Audience(mask) => f.audience.bit() & mask != 0,
            Compiled::Pathway(mask) => f.pathway.is_some_and(|p| p.bit() & mask != 0),
            Compiled::Strength(s) => f.strengths.contains(s),
            Compiled::StrengthsAtLeast(n) => f.strengths.len() as u32 >= *n,
            Compiled::All(cs) => cs.iter().all(|c| c.holds(f)),
            Compiled::Any(cs) => cs.iter().any(|c| c.holds(f)),
            Compiled::Not(c) => !c.holds(f),
        }
    }

    /// The selected concerns that make this (holding) condition hold, added to `out`
    /// as indices. Used only for the rules that fired, to explain them.
    pub fn contributing(&self, f: &Facts, flag_of: &[u64], out: &mut Vec<u32>) {
        match self {
            Compiled::Always => out.extend_from_slice(f.concerns),
            Compiled::ConcernAtLevel(min) => out.extend(
                f.concerns
                    .iter()
                    .filter(|&&c| f.concern_levels[c as usize] >= *min),
            ),
            Compiled::CountAtLevel { level, .. } => out.extend(
                f.concerns
                    .iter()
                    .filter(|&&c| f.concern_levels[c as usize] == *level),
            ),
            Compiled::AnyConcern(codes) => {
                out.extend(codes.iter().filter(|c| f.concerns.binary_search(c).is_ok()))
            }
            Compiled::Flag(mask) => out.extend(
                f.concerns
                    .iter()
                    .filter(|&&c| flag_of[c as usize] & mask != 0),
            ),
            Compiled::Domain(mask) => out.extend(
                f.concerns
                    .iter()
                    .filter(|&&c| (1u64 << f.concern_domains[c as usize]) & mask != 0),
            ),
            Compiled::All(cs) => cs.iter().for_each(|c| c.contributing(f, flag_of, out)),
            Compiled::Any(cs) => cs
                .iter()
                .filter(|c| c.holds(f))
                .for_each(|c| c.contributing(f, flag_of, out)),
            // Facts about the child, consent or strengths name no concern; a `not` holds
            // because something is absent, so nothing selected made it hold.
            case_facts!() | context!() | strength_tests!() | Compiled::Not(_) => {}
        }
    }
}
