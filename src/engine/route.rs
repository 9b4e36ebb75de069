//! The route steps of a decision, without its reasons, actions or services: what `decide`
//! builds on and what lint's searches run hundreds of thousands of times.

use super::facts::Facts;
use crate::guidance::Guidance;
use crate::vocabulary::{Consent, Pathway};

/// Steps 1 and 2 of a decision: the pathway rule that hits first, and the pathway after
/// strengths have had their say.
pub(crate) struct FirstRoute {
    pub hit: usize,
    pub pathway: Pathway,
    pub lowered: bool,
}

/// The pathway table (hit policy "first"; validation guarantees the last rule always
/// holds), then lowering by strengths. `decide` builds its reasons on these steps; lint's
/// searches call them directly, for the pathway and level of hundreds of thousands of cases
/// without reasons, actions or services.
pub(crate) fn first_route(g: &Guidance, facts: &Facts, strengths: usize) -> FirstRoute {
    let hit = g
        .pathway_rules
        .iter()
        .position(|c| c.holds(facts))
        .unwrap_or(g.pathway_rules.len() - 1);
    let rule = &g.file.rules.pathway[hit];
    let mut route = FirstRoute {
        hit,
        pathway: rule.pathway,
        lowered: false,
    };
    if let Some(low) = &rule.lowered_by_strengths {
        // Invariants 3 and 7: strengths lower family help only, only with no level-3+
        // concern, never when consent was refused or unsafe to ask, and only up to the
        // guidance's number of level-2 concerns, whatever the file says.
        let level_2 = facts
            .concerns
            .iter()
            .filter(|&&c| facts.concern_levels[c as usize] == 2)
            .count() as u32;
        if route.pathway == Pathway::FamilyHelp
            && low.to < route.pathway
            && facts.max_level < 3
            && strengths as u32 >= low.at_least
            && !matches!(facts.consent, Consent::Refused | Consent::UnsafeToAsk)
            && level_2 <= g.file.settings.strengths_lower_at_most
        {
            route.pathway = low.to;
            route.lowered = true;
        }
    }
    route
}

/// Step 3, the escalation table (hit policy "collect"): raises `pathway`, never lowers it.
/// `on_hit` hears the index of every rule that holds, in order.
pub(crate) fn escalate(
    g: &Guidance,
    facts: &Facts,
    mut pathway: Pathway,
    mut on_hit: impl FnMut(usize),
) -> Pathway {
    for (i, when) in g.escalation_rules.iter().enumerate() {
        if when.holds(facts) {
            if let Some(floor) = g.file.rules.escalation[i].at_least {
                pathway = pathway.max(floor);
            }
            on_hit(i);
        }
    }
    pathway
}

/// The level shown with a pathway: a signpost lowered by strengths is level 2, any other
/// signpost follows its highest concern (1 or 2), and the rest have their own level.
pub(crate) fn level(pathway: Pathway, lowered: bool, max_level: u8) -> u8 {
    match pathway {
        Pathway::Signpost if lowered => 2,
        Pathway::Signpost => max_level.clamp(1, 2),
        p => p.base_level(),
    }
}
