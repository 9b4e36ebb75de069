//! Codes nothing uses: concerns no rule or service acts on, strengths no rule reads,
//! actions no rule collects, contacts no action names, services no case can be offered.
//! Each is a warning: harmless to a decision, but a sign that the file is not what its
//! author thinks (a practitioner ticks a concern and nothing follows from it).

use super::report::{Finding, Kind, Report, Severity};
use super::Ctx;
use crate::authoring::words;
use crate::engine::case::MAX_AGE_YEARS;
use crate::guidance::compiled::Compiled;

/// Contacts the app itself shows by name, whether or not an action uses them.
pub const APP_CONTACTS: [&str; 5] = crate::guidance::contact_keys::ALL;

pub(super) fn check(ctx: &Ctx, report: &mut Report) {
    concerns(ctx, report);
    strengths(ctx, report);
    actions(ctx, report);
    contacts(ctx, report);
    services(ctx, report);
}

fn all_conditions<'g>(ctx: &Ctx<'g>) -> Vec<&'g Compiled> {
    let g = ctx.g;
    g.pathway_rules
        .iter()
        .chain(&g.escalation_rules)
        .chain(g.action_rules.iter().map(|r| &r.when))
        .collect()
}

/// Whether any service could be offered for this concern (by naming it, by its domain, or
/// because it serves every concern) to some child on some pathway.
fn service_covers(ctx: &Ctx, concern: u32) -> bool {
    let g = ctx.g;
    let domain = g.concern_domains[concern as usize];
    g.file()
        .services
        .iter()
        .zip(&g.service_domains)
        .zip(&g.service_concerns)
        .any(|((s, &mask), named)| {
            let any = mask == 0 && named.is_empty();
            (any || mask & (1 << domain) != 0 || named.contains(&concern))
                && !s.pathways.is_empty()
                && s.min_age <= MAX_AGE_YEARS
        })
}

fn concerns(ctx: &Ctx, report: &mut Report) {
    let g = ctx.g;
    let conditions = all_conditions(ctx);
    for (i, c) in g.file().concerns.iter().enumerate() {
        let idx = i as u32;
        let read = conditions.iter().any(|r| ctx.logic.reads_concern(r, idx));
        if read || service_covers(ctx, idx) {
            continue;
        }
        report.push(Finding::new(
            Severity::Warning,
            Kind::UnusedConcern,
            format!("$.concerns[{i}]"),
            format!(
                "No rule can act on concern '{}': none reads its code, its level ({}), its domain ('{}') or its flags, and no service covers that domain. A practitioner who ticks it changes nothing: not the pathway, the actions or the services offered. Give it a level or domain that rules read, name it in a rule, or remove it.",
                c.code, c.level, c.domain
            ),
        ));
    }
}

fn strengths(ctx: &Ctx, report: &mut Report) {
    let g = ctx.g;
    let file = g.file();
    // A strength lowering counts every recorded strength, so it reads them all.
    if file
        .rules
        .pathway
        .iter()
        .any(|r| r.lowered_by_strengths.is_some())
    {
        return;
    }
    let conditions = all_conditions(ctx);
    for (i, s) in file.strengths.iter().enumerate() {
        if conditions
            .iter()
            .any(|r| ctx.logic.reads_strength(r, i as u32))
        {
            continue;
        }
        report.push(Finding::new(
            Severity::Warning,
            Kind::UnusedStrength,
            format!("$.strengths[{i}]"),
            format!(
                "No rule reads strength '{}': recording it never changes a decision. Strengths count through lowered_by_strengths on a pathway rule, or through strength and strengths_at_least conditions in action rules.",
                s.code
            ),
        ));
    }
}

fn actions(ctx: &Ctx, report: &mut Report) {
    let g = ctx.g;
    for (i, a) in g.file().actions.iter().enumerate() {
        if g.action_rules
            .iter()
            .any(|r| r.actions.contains(&(i as u32)))
        {
            continue;
        }
        report.push(Finding::new(
            Severity::Warning,
            Kind::UnusedAction,
            format!("$.actions[{i}]"),
            format!(
                "No action rule lists action '{}', so no decision ever asks for it. Add it to the actions of the rule that should ask for it, or remove it.",
                a.code
            ),
        ));
    }
}

fn contacts(ctx: &Ctx, report: &mut Report) {
    let file = ctx.g.file();
    for name in file.contacts.keys() {
        let used = APP_CONTACTS.contains(&name.as_str())
            || file
                .actions
                .iter()
                .any(|a| a.contact.as_deref() == Some(name.as_str()));
        if used {
            continue;
        }
        report.push(Finding::new(
            Severity::Warning,
            Kind::UnusedContact,
            contact_path(name),
            format!(
                "No action uses contact '{name}', and the app shows only {} by name, so nobody is ever given this contact's details. Name it as the contact of an action, or remove it.",
                words::and_list(&APP_CONTACTS.map(|c| format!("'{c}'")))
            ),
        ));
    }
}

fn contact_path(name: &str) -> String {
    if !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        format!("$.contacts.{name}")
    } else {
        format!("$.contacts[{name:?}]")
    }
}

fn services(ctx: &Ctx, report: &mut Report) {
    let g = ctx.g;
    let file = g.file();
    let domains_with_concerns = g.concern_domains.iter().fold(0u64, |m, &d| m | (1 << d));
    for (i, (s, &mask)) in file.services.iter().zip(&g.service_domains).enumerate() {
        let names_concerns = !g.service_concerns[i].is_empty();
        let why = if s.pathways.is_empty() {
            "it is offered on no pathway (its pathways list is empty)".to_string()
        } else if mask != 0 && mask & domains_with_concerns == 0 && !names_concerns {
            format!(
                "no concern is in any of its domains ({})",
                words::and_list(&s.domains)
            )
        } else if s.min_age > MAX_AGE_YEARS {
            format!(
                "its youngest age, {}, is above the oldest age the tool accepts ({MAX_AGE_YEARS})",
                s.min_age
            )
        } else {
            continue;
        };
        report.push(Finding::new(
            Severity::Warning,
            Kind::UnusedService,
            format!("$.services[{i}]"),
            format!(
                "Service '{}' is never offered: {why}. Correct its domains, ages or pathways, or remove it.",
                s.id
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_paths_quote_unusual_names() {
        assert_eq!(contact_path("front_door"), "$.contacts.front_door");
        assert_eq!(contact_path("front door"), "$.contacts[\"front door\"]");
    }
}
