//! Concerns: the list as a table, and one concern's fields (text, examples, level, flags,
//! ages, source, search words), each edited in place with the checks following.

use super::super::app::Ctx;
use super::super::doc::Edit;
use super::super::nav::Page;
use super::checks_panel::findings_for;
use super::fields;
use crate::guidance::{Ages, Source};
use yew::prelude::*;

pub fn list(ctx: &Ctx) -> Html {
    let file = &ctx.doc().file;
    html! {
        <>
            <h1 class="govuk-heading-l" tabindex="-1">{ "Concerns" }</h1>
            <div class="studio-table-wrap">
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-table__caption--s">{ format!("{} concerns, in the file's order", file.concerns.len()) }</caption>
                <thead class="govuk-table__head"><tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">{ "Concern" }</th>
                    <th scope="col" class="govuk-table__header">{ "Level" }</th>
                    <th scope="col" class="govuk-table__header">{ "Code" }</th>
                    <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">{ "Change" }</span></th>
                </tr></thead>
                <tbody class="govuk-table__body">
                    { for file.concerns.iter().enumerate().map(|(i, c)| html! {
                        <tr class="govuk-table__row" id={format!("concern-{i}")}>
                            <td class="govuk-table__cell">{ c.text.clone() }</td>
                            <td class="govuk-table__cell">{ c.level }</td>
                            <td class="govuk-table__cell"><code>{ c.code.clone() }</code></td>
                            <td class="govuk-table__cell">
                                <a class="govuk-link" href="#" onclick={ctx.go(Page::Concern(i), None)}>
                                    { "Change" }<span class="govuk-visually-hidden">{ format!(" {}", c.code) }</span>
                                </a>
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </>
    }
}

pub fn edit(ctx: &Ctx, i: usize) -> Html {
    let Some(c) = ctx.doc().file.concerns.get(i) else {
        return html! { <p class="govuk-body">{ "This concern is no longer in the file." }</p> };
    };
    let id = |f: &str| format!("concern-{f}");
    let level = {
        let ctx = ctx.clone();
        move |n: u8| {
            let ctx = ctx.clone();
            Callback::from(move |_: Event| {
                ctx.edit(Edit::new(format!("concerns[{i}].level"), move |f| {
                    f.concerns[i].level = n
                }));
            })
        }
    };
    let ages = c.ages.clone().unwrap_or(Ages {
        at_least: None,
        below: None,
        unborn: false,
        born: true,
    });
    let source = c.source.clone();
    let age_text = |a: Option<f64>| a.map(|a| a.to_string()).unwrap_or_default();
    html! {
        <>
            { findings_for(ctx, &format!("$.concerns[{i}]")) }
            <span class="govuk-caption-l">{ format!("Concern {} of {} · {}", i + 1, ctx.doc().file.concerns.len(), c.code) }</span>
            <h1 class="govuk-heading-l" tabindex="-1">{ "Change a concern" }</h1>
            { fields::area(ctx, &id("text"), "What users see", Some("One plain sentence."), &c.text,
                move |f, v| f.concerns[i].text = v) }
            <div class="govuk-form-group">
                <fieldset class="govuk-fieldset">
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{ "Level" }</legend>
                    <div class="govuk-radios govuk-radios--small govuk-radios--inline" data-module="govuk-radios">
                        { for (1..=4u8).map(|n| html! {
                            <div class="govuk-radios__item">
                                <input class="govuk-radios__input" id={format!("concern-level-{n}")} name="concern-level" type="radio"
                                    value={n.to_string()} checked={c.level == n} onchange={level(n)} />
                                <label class="govuk-label govuk-radios__label" for={format!("concern-level-{n}")}>{ format!("Level {n}") }</label>
                            </div>
                        }) }
                    </div>
                </fieldset>
            </div>
            { fields::area(ctx, &id("examples"), "Examples", Some("One a line."), &c.examples.join("\n"),
                move |f, v| f.concerns[i].examples = lines(&v)) }
            { fields::text(ctx, &id("flags"), "Flags", Some("Duties tied to the concern, separated by commas (s47, lado, prevent, immediate)."), &c.flags.join(", "),
                move |f, v| f.concerns[i].flags = v.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()) }
            { fields::text(ctx, &id("at-least"), "Youngest age it applies to, in years", Some("Leave empty for no lower limit."), &age_text(ages.at_least),
                move |f, v| set_age(&mut f.concerns[i].ages, &v, true)) }
            { fields::text(ctx, &id("below"), "Applies to children younger than, in years", Some("Leave empty for no upper limit."), &age_text(ages.below),
                move |f, v| set_age(&mut f.concerns[i].ages, &v, false)) }
            { fields::text(ctx, &id("source-title"), "Source: the law or guidance behind its level", Some("For example Children Act 1989."),
                &source.as_ref().map(|s| s.title.clone()).unwrap_or_default(),
                move |f, v| set_source(&mut f.concerns[i].source, |s| s.title = v.clone())) }
            { fields::text(ctx, &id("source-section"), "Source: where in it", Some("For example section 47."),
                &source.as_ref().and_then(|s| s.section.clone()).unwrap_or_default(),
                move |f, v| set_source(&mut f.concerns[i].source, |s| s.section = Some(v.clone()).filter(|v| !v.is_empty()))) }
            { fields::area(ctx, &id("terms"), "Search words", Some("Other words people type for it, one a line. Never shown; only searched."), &c.terms.join("\n"),
                move |f, v| f.concerns[i].terms = lines(&v)) }
            <a class="govuk-link" href="#" onclick={ctx.go(Page::Concerns, Some(format!("concern-{i}")))}>{ "Back to concerns" }</a>
        </>
    }
}

fn lines(v: &str) -> Vec<String> {
    v.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// An age typed in years: empty is no limit; a number that does not read is kept out of
/// the model (the field shows what was typed, the check shows nothing wrong).
fn set_age(ages: &mut Option<Ages>, typed: &str, lower: bool) {
    let value = typed.trim().parse::<f64>().ok().filter(|v| v.is_finite());
    let a = ages.get_or_insert(Ages {
        at_least: None,
        below: None,
        unborn: false,
        born: true,
    });
    if lower {
        a.at_least = value;
    } else {
        a.below = value;
    }
    if a.at_least.is_none() && a.below.is_none() && !a.unborn && a.born {
        *ages = None;
    }
}

fn set_source(source: &mut Option<Source>, set: impl FnOnce(&mut Source)) {
    let s = source.get_or_insert(Source {
        title: String::new(),
        section: None,
        url: None,
    });
    set(s);
    if s.title.is_empty() && s.section.is_none() && s.url.is_none() {
        *source = None;
    }
}
