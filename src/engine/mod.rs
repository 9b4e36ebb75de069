//! `evaluate`: guidance + case → decision. Pure and deterministic; its cost grows with the
//! concerns a case selects, not with the concerns a guidance file defines.

pub mod case;
pub mod contact;
pub mod decision;
mod facts;
pub mod outcome;
mod route;
mod validate;

use crate::guidance::{Guidance, Source};
use crate::vocabulary::{Audience, Consent, Pathway};
use case::{Case, CaseError};
use decision::{DecidedAction, Decision, GuidanceRef, Reason, SignpostEntry};
use facts::facts_of;
// Lint's probes build facts without a resolved case.
#[cfg(feature = "authoring")]
pub(crate) use facts::facts;
pub(crate) use facts::Facts;
pub(crate) use route::{escalate, first_route, level};
use validate::Resolved;

pub use contact::contact_triage;

/// Decides a case. Fails only if the case does not fit the guidance (unknown or repeated
/// codes, an impossible age); every such problem is listed.
pub fn evaluate(guidance: &Guidance, case: &Case) -> Result<Decision, CaseError> {
    let resolved = validate::resolve(guidance, case)?;
    Ok(decide(guidance, case, &resolved))
}

fn decide(g: &Guidance, case: &Case, resolved: &Resolved) -> Decision {
    let strengths = &resolved.strengths[..];
    let mut facts = facts_of(g, case, resolved);

    let rules = &g.file.rules;
    let mut reasons = Vec::new();
    let mut consultation_advised = false;

    let first = first_route(g, &facts, strengths.len());
    let rule = &rules.pathway[first.hit];
    reasons.push(reason(
        g,
        &rule.id,
        &rule.reason,
        rule.source.as_ref(),
        |out| g.pathway_rules[first.hit].contributing(&facts, &g.concern_flags, out),
    ));
    let lowering_at = reasons.len();
    let pathway = escalate(g, &facts, first.pathway, |i| {
        let r = &rules.escalation[i];
        consultation_advised |= r.consultation_advised;
        reasons.push(reason(g, &r.id, &r.reason, r.source.as_ref(), |out| {
            g.escalation_rules[i].contributing(&facts, &g.concern_flags, out)
        }));
    });
    // A lowering that escalation undoes did not happen: its reason would contradict the
    // decision ("universal support can meet these needs" beside a child protection referral).
    let lowered = first.lowered && pathway == first.pathway;
    if let (true, Some(low)) = (lowered, &rule.lowered_by_strengths) {
        reasons.insert(
            lowering_at,
            Reason {
                rule: format!("{}.lowered_by_strengths", rule.id),
                concerns: Vec::new(),
                strengths: codes(strengths, |i| &g.file.strengths[i].code),
                text: low.reason.clone(),
                source: None,
            },
        );
    }

    // Action table, hit policy "collect", seeing the final pathway.
    facts.pathway = Some(pathway);
    let held: Vec<bool> = g
        .action_rules
        .iter()
        .map(|r| r.when.holds(&facts))
        .collect();
    // Invariant 7: strengths never take away a consultation or a duty. Rules that would
    // have held on the pathway before strengths lowered it keep those parts.
    let kept_from_lowering: Vec<bool> = if lowered {
        facts.pathway = Some(escalate(g, &facts, rule.pathway, |_| {}));
        let before: Vec<bool> = g
            .action_rules
            .iter()
            .map(|r| r.when.holds(&facts))
            .collect();
        facts.pathway = Some(pathway);
        before
            .iter()
            .zip(&held)
            .map(|(&before, &now)| before && !now)
            .collect()
    } else {
        vec![false; held.len()]
    };
    let mut action_hits: Vec<u32> = Vec::new();
    for (i, r) in g.action_rules.iter().enumerate() {
        let spec = &rules.actions[i];
        let whole = held[i] || (kept_from_lowering[i] && spec.consultation_advised);
        if whole {
            action_hits.extend_from_slice(&r.actions);
            consultation_advised |= spec.consultation_advised;
            if let Some(text) = &spec.reason {
                reasons.push(reason(g, &spec.id, text, spec.source.as_ref(), |out| {
                    r.when.contributing(&facts, &g.concern_flags, out)
                }));
            }
        } else if kept_from_lowering[i] {
            action_hits.extend(
                r.actions
                    .iter()
                    .filter(|&&a| g.file.actions[a as usize].duty),
            );
        }
    }
    let actions = decided_actions(g, case.audience, action_hits, facts.flags);

    let level = level(pathway, lowered, facts.max_level);

    Decision {
        pathway,
        level,
        consent_required: pathway == Pathway::FamilyHelp && case.consent != Consent::UnsafeToAsk,
        consultation_advised,
        reasons,
        actions,
        signpost: signposts(g, &facts, pathway),
        guidance: GuidanceRef {
            id: g.file.id.clone(),
            version: g.file.version.clone(),
            sha256: g.sha256.clone(),
        },
    }
}

/// The steps of a route the practitioner chose over the recommendation: the action table
/// run as if the decision were `pathway`, with the same limits as a decision (no unsafe
/// action, in order of urgency), and the services offered on that route.
#[derive(Debug, Clone, PartialEq)]
pub struct RouteSteps {
    pub pathway: Pathway,
    pub actions: Vec<DecidedAction>,
    pub signpost: Vec<SignpostEntry>,
}

pub fn steps_for_route(
    guidance: &Guidance,
    case: &Case,
    pathway: Pathway,
) -> Result<RouteSteps, CaseError> {
    let resolved = validate::resolve(guidance, case)?;
    let mut facts = facts_of(guidance, case, &resolved);
    facts.pathway = Some(pathway);
    let hits: Vec<u32> = guidance
        .action_rules
        .iter()
        .filter(|r| r.when.holds(&facts))
        .flat_map(|r| r.actions.iter().copied())
        .collect();
    Ok(RouteSteps {
        pathway,
        actions: decided_actions(guidance, case.audience, hits, facts.flags),
        signpost: signposts(guidance, &facts, pathway),
    })
}

/// The actions collected, as the decision lists them: none unsafe with a selected flag
/// (invariant 8), each once, what to do now first and then the file's order, in the
/// audience's wording, with a contact only where it is for this audience.
fn decided_actions(
    g: &Guidance,
    audience: Audience,
    mut hits: Vec<u32>,
    flags: u64,
) -> Vec<DecidedAction> {
    hits.retain(|&a| g.action_never_flags[a as usize] & flags == 0);
    hits.sort_unstable_by_key(|&a| (g.file.actions[a as usize].urgency, a));
    hits.dedup();
    hits.iter()
        .map(|&a| {
            let a = &g.file.actions[a as usize];
            DecidedAction {
                code: a.code.clone(),
                text: a.text_for.get(&audience).unwrap_or(&a.text).clone(),
                timescale: a.timescale.clone(),
                contact: a
                    .contact
                    .as_ref()
                    .and_then(|c| g.file.contacts.get(c))
                    .filter(|c| c.shown_to.is_empty() || c.shown_to.contains(&audience))
                    .map(decision::Contact::from),
                duty: a.duty,
                urgency: a.urgency,
                source: a.source.clone(),
            }
        })
        .collect()
}

fn reason(
    g: &Guidance,
    rule: &str,
    text: &str,
    source: Option<&Source>,
    contributing: impl FnOnce(&mut Vec<u32>),
) -> Reason {
    let mut found = Vec::new();
    contributing(&mut found);
    found.sort_unstable();
    found.dedup();
    Reason {
        rule: rule.to_string(),
        concerns: codes(&found, |i| &g.file.concerns[i].code),
        strengths: Vec::new(),
        text: text.to_string(),
        source: source.cloned(),
    }
}

fn codes<'g>(indices: &[u32], code: impl Fn(usize) -> &'g String) -> Vec<String> {
    indices.iter().map(|&i| code(i as usize).clone()).collect()
}

/// Services that help with the selected concerns (by domain or by code), fit the child's
/// age and are offered on this pathway, in the guidance's order.
fn signposts(g: &Guidance, facts: &Facts, pathway: Pathway) -> Vec<SignpostEntry> {
    if facts.concerns.is_empty() {
        return Vec::new();
    }
    // An unborn baby is matched as age 0: services for new parents start there.
    let age = facts.age_years.unwrap_or(0.0);
    g.file
        .services
        .iter()
        .zip(&g.service_domains)
        .zip(&g.service_concerns)
        .filter(|((s, &mask), concerns)| {
            let any = mask == 0 && concerns.is_empty();
            let by_domain = mask & facts.domains != 0;
            let by_concern = concerns
                .iter()
                .any(|c| facts.concerns.binary_search(c).is_ok());
            (any || by_domain || by_concern)
                && s.min_age <= age
                && age <= s.max_age
                && s.pathways.contains(&pathway)
        })
        .map(|((s, _), _)| SignpostEntry {
            id: s.id.clone(),
            service: s.name.clone(),
            helps_with: s.helps_with.clone(),
            contact: s.contact.clone(),
        })
        .collect()
}
