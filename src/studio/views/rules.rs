//! The three rule tables as real tables: one row per rule, its condition in plain words
//! (`authoring::words`, as lint and diff say it), rows moved, copied and removed with
//! buttons; rows a first-hit table can never reach dimmed, and each row's findings beside
//! it. One rule's condition is built with form controls (`condition`); the whole rule can
//! also be edited as JSON with located problems.

use super::super::app::Ctx;
use super::super::doc::Edit;
use super::super::nav::{rule_row_id, Page, Table};
use super::entries::{json_editor, ApplyJson};
use crate::authoring::{forms, words};
use crate::guidance::condition::Condition;
use crate::guidance::{ActionRule, EscalationRule, GuidanceFile, PathwayRule};
use serde::de::DeserializeOwned;
use serde::Serialize;
use yew::prelude::*;

/// One row's words: id, when, then.
struct Row {
    id: String,
    when: String,
    then: String,
}

fn rows(file: &GuidanceFile, t: Table) -> Vec<Row> {
    let when = |c| words::condition(c, file);
    match t {
        Table::Pathway => file
            .rules
            .pathway
            .iter()
            .map(|r| Row {
                id: r.id.clone(),
                when: when(&r.when),
                then: match &r.lowered_by_strengths {
                    Some(l) => format!(
                        "{} (lowered to {} by {} strengths)",
                        r.pathway.label(),
                        l.to.label(),
                        l.at_least
                    ),
                    None => r.pathway.label().to_string(),
                },
            })
            .collect(),
        Table::Escalation => file
            .rules
            .escalation
            .iter()
            .map(|r| Row {
                id: r.id.clone(),
                when: when(&r.when),
                then: then_words(
                    r.at_least.map(|p| format!("at least {}", p.label())),
                    r.consultation_advised,
                ),
            })
            .collect(),
        Table::Actions => file
            .rules
            .actions
            .iter()
            .map(|r| Row {
                id: r.id.clone(),
                when: when(&r.when),
                then: then_words(
                    (!r.actions.is_empty()).then(|| r.actions.join(", ")),
                    r.consultation_advised,
                ),
            })
            .collect(),
    }
}

/// What a collect-table rule does, in words: its effect, then "consultation advised".
fn then_words(effect: Option<String>, consultation_advised: bool) -> String {
    [
        effect,
        consultation_advised.then(|| "consultation advised".to_string()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("; ")
}

/// Runs `f` on the table's rules, whatever their type.
fn with_rules(f: &mut GuidanceFile, t: Table, op: &RowOp) {
    match t {
        Table::Pathway => {
            // The default rule (`always`) must stay last, so a copy goes just above it.
            let keep_last = f
                .rules
                .pathway
                .last()
                .is_some_and(|r| matches!(r.when, Condition::Always));
            op.run(&mut f.rules.pathway, |r: &mut PathwayRule, s| {
                r.id = format!("{}-{s}", r.id)
            });
            if let (RowOp::CopyToEnd(_), true) = (op, keep_last) {
                let n = f.rules.pathway.len();
                if n >= 2 {
                    f.rules.pathway.swap(n - 2, n - 1);
                }
            }
        }
        Table::Escalation => op.run(&mut f.rules.escalation, |r: &mut EscalationRule, s| {
            r.id = format!("{}-{s}", r.id)
        }),
        Table::Actions => op.run(&mut f.rules.actions, |r: &mut ActionRule, s| {
            r.id = format!("{}-{s}", r.id)
        }),
    }
}

#[derive(Clone, Copy)]
enum RowOp {
    Up(usize),
    Down(usize),
    CopyToEnd(usize),
    Remove(usize),
}

impl RowOp {
    fn run<R: Clone>(&self, rules: &mut Vec<R>, rename: impl Fn(&mut R, String)) {
        match *self {
            RowOp::Up(i) if i > 0 && i < rules.len() => rules.swap(i - 1, i),
            RowOp::Down(i) if i + 1 < rules.len() => rules.swap(i, i + 1),
            RowOp::CopyToEnd(i) if i < rules.len() => {
                let mut copy = rules[i].clone();
                // Ids must stay unique; the copy says what it is until renamed.
                rename(&mut copy, "copy".to_string());
                rules.push(copy);
            }
            RowOp::Remove(i) if i < rules.len() => {
                rules.remove(i);
            }
            _ => {}
        }
    }
}

pub fn table(ctx: &Ctx, t: Table) -> Html {
    let file = &ctx.doc().file;
    let rows = rows(file, t);
    let count = rows.len();
    let op = |what: &'static str, op: RowOp, focus: String| {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            ctx.edit(Edit::new(format!("rules.{}:{what}", t.key()), move |f| {
                with_rules(f, t, &op)
            }));
            // Keyboard users stay with the row they moved.
            ctx.send(super::super::app::Action::Go(
                Page::Rules(t),
                Some(focus.clone()),
            ));
        })
    };
    let checks = ctx.checks.as_deref();
    html! {
        <>
            <h1 class="govuk-heading-l" tabindex="-1">{ t.title() }</h1>
            <p class="govuk-body">{ match t {
                Table::Pathway => "The first rule whose condition holds gives the pathway, so order matters: a rule below one that takes all its cases never decides anything. The last rule is the default and stays last; a copied rule goes just above it.",
                Table::Escalation => "Every rule whose condition holds may raise the pathway or advise a consultation.",
                Table::Actions => "Every rule whose condition holds adds its actions.",
            } }</p>
            <div class="studio-table-wrap">
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-table__caption--s">{ format!("{count} rules, in the order they are tried") }</caption>
                <thead class="govuk-table__head"><tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">{ "Order" }</th>
                    <th scope="col" class="govuk-table__header">{ "Rule" }</th>
                    <th scope="col" class="govuk-table__header">{ "When" }</th>
                    <th scope="col" class="govuk-table__header">{ "Then" }</th>
                    <th scope="col" class="govuk-table__header">{ "Checks" }</th>
                    <th scope="col" class="govuk-table__header">{ "Change" }</th>
                </tr></thead>
                <tbody class="govuk-table__body">
                    { for rows.into_iter().enumerate().map(|(i, r)| {
                        let found = checks.map(|c| c.for_rule(t.key(), i)).unwrap_or_default();
                        let dim = checks.is_some_and(|c| c.unreachable(t.key(), i));
                        let mut class = classes!("govuk-table__row");
                        if dim { class.push("studio-rule--unreachable"); }
                        if !found.is_empty() { class.push("studio-rule--flagged"); }
                        let name = r.id.clone();
                        html! {
                            <tr {class} id={rule_row_id(t, i)} tabindex="-1" data-rule={r.id.clone()}>
                                <td class="govuk-table__cell">{ i + 1 }</td>
                                <th scope="row" class="govuk-table__header"><code>{ r.id }</code></th>
                                <td class="govuk-table__cell">{ r.when }</td>
                                <td class="govuk-table__cell">{ r.then }</td>
                                <td class="govuk-table__cell">
                                    if dim { <strong class="govuk-tag govuk-tag--grey">{ "Never reached" }</strong> }
                                    else if !found.is_empty() { <strong class="govuk-tag govuk-tag--yellow">{ "See checks" }</strong> }
                                </td>
                                <td class="govuk-table__cell">
                                    <ul class="govuk-list govuk-body-s studio-row-actions">
                                        if i > 0 {
                                            <li><button type="button" class="app-link-button govuk-body-s"
                                                onclick={op("up", RowOp::Up(i), rule_row_id(t, i.saturating_sub(1)))}>{ "Move up" }<span class="govuk-visually-hidden">{ format!(" {name}") }</span></button></li>
                                        }
                                        if i + 1 < count {
                                            <li><button type="button" class="app-link-button govuk-body-s"
                                                onclick={op("down", RowOp::Down(i), rule_row_id(t, i + 1))}>{ "Move down" }<span class="govuk-visually-hidden">{ format!(" {name}") }</span></button></li>
                                        }
                                        <li><button type="button" class="app-link-button govuk-body-s"
                                            onclick={op("copy", RowOp::CopyToEnd(i), rule_row_id(t, if t == Table::Pathway { count - 1 } else { count }))}>{ "Copy to end" }<span class="govuk-visually-hidden">{ format!(" {name}") }</span></button></li>
                                        <li><button type="button" class="app-link-button govuk-body-s"
                                            onclick={op("remove", RowOp::Remove(i), rule_row_id(t, i.min(count.saturating_sub(2))))}>{ "Remove" }<span class="govuk-visually-hidden">{ format!(" {name}") }</span></button></li>
                                        <li><a class="govuk-link" href="#" onclick={ctx.go(Page::Rule(t, i), None)}>{ "Change" }<span class="govuk-visually-hidden">{ format!(" {name}") }</span></a></li>
                                    </ul>
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            </div>
        </>
    }
}

/// One rule, condition and all, as JSON: the rules language written out, checked as it is
/// typed, with the condition read back in plain words.
pub fn edit(ctx: &Ctx, t: Table, i: usize) -> Html {
    let file = &ctx.doc().file;
    let when = match t {
        Table::Pathway => file.rules.pathway.get(i).map(|r| &r.when),
        Table::Escalation => file.rules.escalation.get(i).map(|r| &r.when),
        Table::Actions => file.rules.actions.get(i).map(|r| &r.when),
    };
    let (json, words_now) = match t {
        Table::Pathway => rule_json(&file.rules.pathway, i, |r| words::condition(&r.when, file)),
        Table::Escalation => rule_json(&file.rules.escalation, i, |r| {
            words::condition(&r.when, file)
        }),
        Table::Actions => rule_json(&file.rules.actions, i, |r| words::condition(&r.when, file)),
    };
    let (Some(json), Some(when)) = (json, when) else {
        return html! { <p class="govuk-body">{ "This rule is no longer in the file." }</p> };
    };
    let apply: ApplyJson = std::rc::Rc::new(move |f: &mut GuidanceFile, text: &str| match t {
        Table::Pathway => set_rule(&mut f.rules.pathway, i, text),
        Table::Escalation => set_rule(&mut f.rules.escalation, i, text),
        Table::Actions => set_rule(&mut f.rules.actions, i, text),
    });
    html! {
        <>
            { super::checks_panel::findings_for(ctx, &format!("$.rules.{}[{i}]", t.key())) }
            <span class="govuk-caption-l">{ format!("{}, rule {}", t.title(), i + 1) }</span>
            <h1 class="govuk-heading-l" tabindex="-1">{ "Change a rule" }</h1>
            <div class="govuk-inset-text" id="rule-in-words">{ "In plain words, it applies when " }{ words_now.unwrap_or_default() }{ "." }</div>
            { super::condition::builder(ctx, super::condition::Owner::Rule(t, i), when) }
            <h2 class="govuk-heading-m">{ "What it does" }</h2>
            { super::form::problem_summary(ctx) }
            { super::form::form(ctx, &super::form::Place { section: "rules", pointer: format!("/{}/{i}", t.key()), group: None }, match t {
                Table::Pathway => forms::PATHWAY_RULE,
                Table::Escalation => forms::ESCALATION_RULE,
                Table::Actions => forms::ACTION_RULE,
            }) }
            <h2 class="govuk-heading-m">{ "The whole rule" }</h2>
            { json_editor(ctx, &format!("rules.{}[{i}]", t.key()), "The rule, in the rules language",
                Some("Its id, what it does and its reason, with the condition above as the file writes it (all, any, not, concern, concern_at_level, count_at_level, domain, flag, age, consent, audience and pathway: see the guidance format guide)."),
                json, apply) }
            <a class="govuk-link" href="#" onclick={ctx.go(Page::Rules(t), Some(rule_row_id(t, i)))}>{ format!("Back to {}", t.title().to_lowercase()) }</a>
        </>
    }
}

fn rule_json<R: Serialize>(
    rules: &[R],
    i: usize,
    words: impl Fn(&R) -> String,
) -> (Option<String>, Option<String>) {
    let r = rules.get(i);
    (
        r.and_then(|r| serde_json::to_string_pretty(r).ok()),
        r.map(words),
    )
}

fn set_rule<R: DeserializeOwned>(
    rules: &mut [R],
    i: usize,
    text: &str,
) -> Result<(), crate::problem::Problem> {
    let rule = crate::problem::parse_json::<R>(text)?;
    if let Some(slot) = rules.get_mut(i) {
        *slot = rule;
    }
    Ok(())
}
