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

/// What a case decides, by indices into the guidance: every choice of a decision without
/// its words. `decide` words it; lint's invariant searches read it directly, as they check
/// thousands of cases per edit in the studio.
pub(crate) struct Verdict {
    pub pathway: Pathway,
    pub level: u8,
    pub consultation_advised: bool,
    /// Strengths lowered the first rule's pathway, and no escalation undid it.
    pub lowered: bool,
    /// The pathway rule that decided the case (hit policy "first").
    pub first_rule: usize,
    /// The escalation rules that held, in order.
    pub escalations: Vec<usize>,
    /// The action rules that held (or were kept whole from before lowering), in order.
    pub action_rules: Vec<usize>,
    /// The actions, as the decision lists them: none unsafe with a selected flag
    /// (invariant 8), each once, what to do now first and then the file's order.
    pub actions: Vec<u32>,
}

/// Decides a case from its facts (`facts.pathway` is set to the decided pathway).
pub(crate) fn verdict(g: &Guidance, facts: &mut Facts, strengths: usize) -> Verdict {
    let rules = &g.file.rules;
    let mut consultation_advised = false;
    let mut escalations = Vec::new();

    let first = first_route(g, facts, strengths);
    let rule = &rules.pathway[first.hit];
    let pathway = escalate(g, facts, first.pathway, |i| {
        consultation_advised |= rules.escalation[i].consultation_advised;
        escalations.push(i);
    });
    // A lowering that escalation undoes did not happen: its reason would contradict the
    // decision ("universal support can meet these needs" beside a child protection referral).
    let lowered = first.lowered && pathway == first.pathway;

    // Action table, hit policy "collect", seeing the final pathway.
    facts.pathway = Some(pathway);
    let held: Vec<bool> = g.action_rules.iter().map(|r| r.when.holds(facts)).collect();
    // Invariant 7: strengths never take away a consultation or a duty. Rules that would
    // have held on the pathway before strengths lowered it keep those parts.
    let kept_from_lowering: Vec<bool> = if lowered {
        facts.pathway = Some(escalate(g, facts, rule.pathway, |_| {}));
        let before: Vec<bool> = g.action_rules.iter().map(|r| r.when.holds(facts)).collect();
        facts.pathway = Some(pathway);
        before
            .iter()
            .zip(&held)
            .map(|(&before, &now)| before && !now)
            .collect()
    } else {
        vec![false; held.len()]
    };
    let mut action_rules = Vec::new();
    let mut hits: Vec<u32> = Vec::new();
    for (i, r) in g.action_rules.iter().enumerate() {
        let spec = &rules.actions[i];
        let whole = held[i] || (kept_from_lowering[i] && spec.consultation_advised);
        if whole {
            hits.extend_from_slice(&r.actions);
            consultation_advised |= spec.consultation_advised;
            action_rules.push(i);
        } else if kept_from_lowering[i] {
            hits.extend(
                r.actions
                    .iter()
                    .filter(|&&a| g.file.actions[a as usize].duty),
            );
        }
    }
    safe_in_order(g, &mut hits, facts.flags);

    Verdict {
        pathway,
        level: level(pathway, lowered, facts.max_level),
        consultation_advised,
        lowered,
        first_rule: first.hit,
        escalations,
        action_rules,
        actions: hits,
    }
}

fn decide(g: &Guidance, case: &Case, resolved: &Resolved) -> Decision {
    let strengths = &resolved.strengths[..];
    let mut facts = facts_of(g, case, resolved);
    let v = verdict(g, &mut facts, strengths.len());
    let rules = &g.file.rules;

    // Reasons: the deciding rule, the lowering, the escalations, then the action rules that
    // give one. The rule tables before actions saw no pathway; action rules saw the decided one.
    facts.pathway = None;
    let mut reasons = Vec::new();
    let rule = &rules.pathway[v.first_rule];
    reasons.push(reason(
        g,
        &rule.id,
        &rule.reason,
        rule.source.as_ref(),
        |out| g.pathway_rules[v.first_rule].contributing(&facts, &g.concern_flags, out),
    ));
    if let (true, Some(low)) = (v.lowered, &rule.lowered_by_strengths) {
        reasons.push(Reason {
            rule: format!("{}.lowered_by_strengths", rule.id),
            concerns: Vec::new(),
            strengths: codes(strengths, |i| &g.file.strengths[i].code),
            text: low.reason.clone(),
            source: None,
        });
    }
    for &i in &v.escalations {
        let r = &rules.escalation[i];
        reasons.push(reason(g, &r.id, &r.reason, r.source.as_ref(), |out| {
            g.escalation_rules[i].contributing(&facts, &g.concern_flags, out)
        }));
    }
    facts.pathway = Some(v.pathway);
    for &i in &v.action_rules {
        let spec = &rules.actions[i];
        if let Some(text) = &spec.reason {
            reasons.push(reason(g, &spec.id, text, spec.source.as_ref(), |out| {
                g.action_rules[i]
                    .when
                    .contributing(&facts, &g.concern_flags, out)
            }));
        }
    }

    Decision {
        pathway: v.pathway,
        level: v.level,
        consent_required: v.pathway == Pathway::FamilyHelp && case.consent != Consent::UnsafeToAsk,
        consultation_advised: v.consultation_advised,
        reasons,
        actions: worded_actions(g, case.audience, &v.actions),
        signpost: signposts(g, &facts, v.pathway),
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
    safe_in_order(g, &mut hits, flags);
    worded_actions(g, audience, &hits)
}

/// Drops the actions unsafe with a selected flag (invariant 8), then orders the rest by
/// urgency and the file's order, each once.
fn safe_in_order(g: &Guidance, hits: &mut Vec<u32>, flags: u64) {
    hits.retain(|&a| g.action_never_flags[a as usize] & flags == 0);
    crate::order::sort_numbers(hits);
    crate::order::sort_by_rank(hits, |&a| g.file.actions[a as usize].urgency as u32);
    hits.dedup();
}

/// Actions already safe, deduplicated and in order, in the audience's wording.
fn worded_actions(g: &Guidance, audience: Audience, actions: &[u32]) -> Vec<DecidedAction> {
    actions
        .iter()
        .map(|&a| worded_action(g, audience, a))
        .collect()
}

/// One action in the audience's wording, with its contact only where it is for them.
pub(crate) fn worded_action(g: &Guidance, audience: Audience, action: u32) -> DecidedAction {
    let a = &g.file.actions[action as usize];
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
    crate::order::sort_numbers(&mut found);
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
