//! The words an outcome is headed with: the title, summary and what happens next, in the
//! guidance's own words, chosen by which rules decided it and who is reading.

use crate::engine::decision::Decision;
use crate::guidance::Guidance;
use crate::vocabulary::Audience;

/// The words an outcome is headed with: its title, summary and what happens next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome<'g> {
    pub title: &'g str,
    pub summary: &'g str,
    pub allocation: &'g str,
}

/// What the outcome says for a decision, to this audience: the words of the first matching
/// action rule that has its own (family help with consent refused), else of the pathway
/// rule that decided it, else the pathway's own.
pub fn outcome_text<'g>(g: &'g Guidance, decision: &Decision, audience: Audience) -> Outcome<'g> {
    let file = g.file();
    let rules = &file.rules;
    let pathway = file.pathways.get(decision.pathway);
    let first = decision.reasons.first().map(|r| r.rule.as_str());
    let by_action_rule = decision.reasons.iter().find_map(|r| {
        rules
            .actions
            .iter()
            .find(|a| a.id == r.rule)
            .and_then(|a| a.outcome.as_ref())
    });
    let by_pathway_rule = rules
        .pathway
        .iter()
        .find(|p| Some(p.id.as_str()) == first && p.pathway == decision.pathway)
        .and_then(|p| p.outcome.as_ref());
    match by_action_rule.or(by_pathway_rule) {
        Some(o) => Outcome {
            title: &o.title,
            summary: o.summary_for.get(&audience).unwrap_or(&o.summary),
            allocation: o.allocation.as_deref().unwrap_or(&pathway.allocation),
        },
        None => Outcome {
            title: &pathway.title,
            summary: pathway
                .summary_for
                .get(&audience)
                .unwrap_or(&pathway.summary),
            allocation: &pathway.allocation,
        },
    }
}
