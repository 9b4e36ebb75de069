//! Every other section of the file (authority and contacts, levels, outcome wording,
//! domains, strengths, actions, services, settings, the request form and the contact
//! record): summary lists with Change links and "Add another", and one entry's form
//! (`authoring::forms` says what each holds). Any entry, and any whole section, can also
//! be edited as JSON, checked as it is typed, with the problem located in it.

use super::super::app::{Action, Ctx};
use super::super::doc::Edit;
use super::super::nav::{section_title, Page};
use super::checks_panel::findings_for;
use super::condition::{self, Owner};
use super::fields;
use super::form::{self, Place};
use crate::authoring::forms::{self, Group, Shape};
use crate::authoring::words;
use crate::guidance::condition::Condition;
use crate::guidance::GuidanceFile;
use crate::problem::{parse_json, Problem};
use serde_json::Value;
use std::rc::Rc;
use yew::prelude::*;

/// The header fields, shown as plain inputs.
fn header(ctx: &Ctx) -> Html {
    let f = &ctx.doc().file;
    html! {
        <>
            { findings_for(ctx, "$.id") }
            <h1 class="govuk-heading-l" tabindex="-1">{ section_title("header") }</h1>
            { fields::text(ctx, "header-title", "Title", None, &f.title, |f, v| f.title = v) }
            { fields::text(ctx, "header-id", "Identifier", Some("Lowercase letters, digits and hyphens, for example demo-borough."), &f.id, |f, v| f.id = v) }
            { fields::text(ctx, "header-version", "Version", Some("Change it for every published revision, for example 2026.3."), &f.version, |f, v| f.version = v) }
            { fields::text(ctx, "header-published", "Published", Some("The date, for example 2026-12-01."), f.published.as_deref().unwrap_or(""),
                |f, v| f.published = Some(v).filter(|v| !v.is_empty())) }
            { fields::text(ctx, "header-document", "The guidance document's address", None, f.document_url.as_deref().unwrap_or(""),
                |f, v| f.document_url = Some(v).filter(|v| !v.is_empty())) }
        </>
    }
}

/// Every other section: each group of entries as a summary list with Change links (and
/// "Add another" where entries can be added), or for a section that is one object, its
/// form in place; the whole section can also be edited as JSON.
pub fn section(ctx: &Ctx, section: &'static str) -> Html {
    if section == "header" {
        return header(ctx);
    }
    let file = &ctx.doc().file;
    let json = forms::read(file, section).unwrap_or(Value::Null);
    let body = if json.is_null() {
        html! { <p class="govuk-body">{ "This file has none. Write it as JSON below, or copy it from the built-in guidance." }</p> }
    } else {
        forms::groups(section)
            .iter()
            .map(|g| group(ctx, section, &json, g))
            .collect::<Html>()
    };
    let apply: ApplyJson = Rc::new(move |f, text| {
        let v: Value = parse_json(text)?;
        forms::decode(section, v)
            .map(|part| part.put(f))
            .map_err(|m| Problem::new(format!("$.{section}"), m))
    });
    let whole = serde_json::to_string_pretty(&json).unwrap_or_default();
    html! {
        <>
            { findings_for(ctx, &format!("$.{section}")) }
            { form::problem_summary(ctx) }
            <h1 class="govuk-heading-l" tabindex="-1">{ section_title(section) }</h1>
            { body }
            <details class="govuk-details govuk-!-margin-top-6">
                <summary class="govuk-details__summary">
                    <span class="govuk-details__summary-text">{ format!("Edit the whole of {} as JSON", section_title(section).to_lowercase()) }</span>
                </summary>
                <div class="govuk-details__text">
                    { json_editor(ctx, section, "The section, as the file writes it",
                        Some("For pasting from another authority's file; see the guidance format guide for each field."), whole, apply) }
                </div>
            </details>
        </>
    }
}

fn group(ctx: &Ctx, section: &'static str, json: &Value, g: &'static Group) -> Html {
    if g.shape == Shape::One {
        let place = Place {
            section,
            pointer: String::new(),
            group: None,
        };
        return form::form(ctx, &place, g.form);
    }
    let file = &ctx.doc().file;
    let items = forms::entries(json, g);
    let add = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(mut json) = forms::read(&ctx.doc().file, section) else {
                return;
            };
            let Some(key) = forms::add_copy(&mut json, g) else {
                return;
            };
            if let Ok(part) = forms::decode(section, json) {
                ctx.edit(Edit::new(format!("{section}:add"), move |f| {
                    part.clone().put(f)
                }));
                ctx.send(Action::Seal);
                ctx.send(Action::Go(Page::Entry(section, key), None));
            }
        })
    };
    html! {
        <>
            if !g.title.is_empty() { <h2 class="govuk-heading-m">{ g.title }</h2> }
            <dl class="govuk-summary-list">
                { for items.iter().enumerate().map(|(n, e)| {
                    let when = json.pointer(&format!("{}/when", e.pointer))
                        .and_then(|w| serde_json::from_value::<Condition>(w.clone()).ok())
                        .map(|c| format!(" When {}.", words::condition(&c, file)))
                        .unwrap_or_default();
                    let row_id = format!("entry-row-{}-{n}", g.at);
                    let moves = (g.shape == Shape::List && g.grows).then(|| html! {
                        <>
                            if n > 0 {
                                <li class="govuk-summary-list__actions-list-item">{ move_button(ctx, section, g, e, true, format!("entry-row-{}-{}", g.at, n - 1)) }</li>
                            }
                            if n + 1 < items.len() {
                                <li class="govuk-summary-list__actions-list-item">{ move_button(ctx, section, g, e, false, format!("entry-row-{}-{}", g.at, n + 1)) }</li>
                            }
                        </>
                    });
                    html! {
                        <div class="govuk-summary-list__row" id={row_id} tabindex="-1">
                            <dt class="govuk-summary-list__key">{ e.name.clone() }</dt>
                            <dd class="govuk-summary-list__value">{ format!("{}{when}", e.label) }</dd>
                            <dd class="govuk-summary-list__actions">
                                <ul class="govuk-summary-list__actions-list">
                                    <li class="govuk-summary-list__actions-list-item">
                                        <a class="govuk-link" href="#" onclick={ctx.go(Page::Entry(section, e.key.clone()), None)}>{ "Change" }<span class="govuk-visually-hidden">{ format!(" {}", e.name) }</span></a>
                                    </li>
                                    { for moves }
                                </ul>
                            </dd>
                        </div>
                    }
                }) }
            </dl>
            if g.grows {
                <button type="button" class="govuk-button govuk-button--secondary" onclick={add}>{ "Add another" }</button>
            }
        </>
    }
}

/// "Move up" or "Move down" for an entry of an ordered list; focus follows the entry.
fn move_button(
    ctx: &Ctx,
    section: &'static str,
    g: &'static Group,
    e: &forms::Entry,
    up: bool,
    focus: String,
) -> Html {
    let onclick = {
        let (ctx, e) = (ctx.clone(), e.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(mut json) = forms::read(&ctx.doc().file, section) else {
                return;
            };
            if !forms::move_entry(&mut json, &e, up) {
                return;
            }
            if let Ok(part) = forms::decode(section, json) {
                ctx.edit(Edit::new(format!("{section}/{}:move", g.at), move |f| {
                    part.clone().put(f)
                }));
                ctx.send(Action::Go(Page::Section(section), Some(focus.clone())));
            }
        })
    };
    html! {
        <button type="button" class="app-link-button govuk-body-s" {onclick}>
            { if up { "Move up" } else { "Move down" } }<span class="govuk-visually-hidden">{ format!(" {}", e.name) }</span>
        </button>
    }
}

pub fn edit(ctx: &Ctx, section: &'static str, key: &str) -> Html {
    let file = &ctx.doc().file;
    let json = forms::read(file, section).unwrap_or(Value::Null);
    let Some((g, entry)) = forms::find(&json, section, key) else {
        return html! { <p class="govuk-body">{ "This entry is no longer in the file." }</p> };
    };
    let value = json.pointer(&entry.pointer).cloned().unwrap_or(Value::Null);
    let pointer = entry.pointer.clone();
    let apply: ApplyJson = Rc::new(move |f, text| {
        let v: Value = parse_json(text)?;
        let mut json = forms::read(f, section).unwrap_or(Value::Null);
        if let Some(slot) = json.pointer_mut(&pointer) {
            *slot = v;
        }
        forms::decode(section, json)
            .map(|part| part.put(f))
            .map_err(|m| Problem::new(format!("$.{section}"), m))
    });
    let remove = {
        let ctx = ctx.clone();
        let entry = entry.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(mut json) = forms::read(&ctx.doc().file, section) else {
                return;
            };
            forms::remove(&mut json, &entry);
            if let Ok(part) = forms::decode(section, json) {
                ctx.edit(Edit::new(format!("{section}:remove"), move |f| {
                    part.clone().put(f)
                }));
                ctx.send(Action::Seal);
                ctx.send(Action::Go(back_to(section), None));
            }
        })
    };
    let place = Place {
        section,
        pointer: entry.pointer.clone(),
        group: Some(g),
    };
    // The contact record's rules have a `when`, built like a rule table's.
    let builder = match (section, g.at) {
        ("contact_record", "urgency" | "checks") => {
            let i: usize = entry
                .pointer
                .rsplit('/')
                .next()
                .and_then(|i| i.parse().ok())
                .unwrap_or(0);
            let record = file.contact_record.as_ref();
            let (owner, when) = if g.at == "urgency" {
                (
                    Owner::Urgency(i),
                    record.and_then(|r| r.urgency.get(i)).map(|r| &r.when),
                )
            } else {
                (
                    Owner::Check(i),
                    record.and_then(|r| r.checks.get(i)).map(|r| &r.when),
                )
            };
            when.map(|w| html! {
                <>
                    <div class="govuk-inset-text" id="rule-in-words">{ "In plain words, it applies when " }{ words::condition(w, file) }{ "." }</div>
                    { condition::builder(ctx, owner, w) }
                </>
            })
        }
        _ => None,
    };
    let path = place.check_path();
    html! {
        <>
            { findings_for(ctx, &path) }
            { form::problem_summary(ctx) }
            <span class="govuk-caption-l">{ if g.title.is_empty() { section_title(section).to_string() } else { format!("{}: {}", section_title(section), g.title) } }</span>
            <h1 class="govuk-heading-l" tabindex="-1">{ format!("Change {}", entry.name) }</h1>
            { form::form(ctx, &place, g.form) }
            { for builder }
            <details class="govuk-details">
                <summary class="govuk-details__summary">
                    <span class="govuk-details__summary-text">{ "Edit it as JSON" }</span>
                </summary>
                <div class="govuk-details__text">
                    { json_editor(ctx, &format!("{section}.{key}"), "The entry", Some("As it is written in the guidance file; see the guidance format guide for each field."),
                        serde_json::to_string_pretty(&value).unwrap_or_default(), apply) }
                </div>
            </details>
            <div class="govuk-button-group">
                <a class="govuk-link" href="#" onclick={ctx.go(back_to(section), None)}>{ format!("Back to {}", section_title(section).to_lowercase()) }</a>
                if g.grows {
                    <button type="button" class="govuk-button govuk-button--warning" onclick={remove}>{ "Remove" }</button>
                }
            </div>
        </>
    }
}

/// The page listing a section's entries (concerns have a table of their own).
fn back_to(section: &'static str) -> Page {
    match section {
        "concerns" => Page::Concerns,
        s => Page::Section(s),
    }
}

/// Writes the JSON typed for one part of the file into the model, or says what is wrong.
pub type ApplyJson = Rc<dyn Fn(&mut GuidanceFile, &str) -> Result<(), Problem>>;

/// A textarea of JSON for one part of the file: each key typed is applied when it reads,
/// else its problem shows (error summary and error message, linked to the box).
pub fn json_editor(
    ctx: &Ctx,
    key: &str,
    label: &str,
    hint: Option<&str>,
    json_now: String,
    apply: ApplyJson,
) -> Html {
    let (text, problem) = match &ctx.state.entry {
        Some((text, problem)) => (text.clone(), problem.clone()),
        None => (json_now, None),
    };
    let oninput = {
        let ctx = ctx.clone();
        let key = key.to_string();
        Callback::from(move |e: InputEvent| {
            let text = e
                .target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                .value();
            let mut probe = ctx.doc().file.clone();
            match apply(&mut probe, &text) {
                Ok(()) => {
                    ctx.edit(Edit::typed(key.clone(), move |f| *f = probe.clone()));
                    ctx.send(Action::EntryText(Some((text, None))));
                }
                Err(p) => ctx.send(Action::EntryText(Some((text, Some(p))))),
            }
        })
    };
    let onblur = ctx.on(|| Action::Seal);
    let mut group = classes!("govuk-form-group");
    if problem.is_some() {
        group.push("govuk-form-group--error");
    }
    html! {
        <>
            if let Some(p) = &problem {
                <div class="govuk-error-summary" tabindex="-1">
                    <div role="alert">
                        <h2 class="govuk-error-summary__title">{ "There is a problem" }</h2>
                        <div class="govuk-error-summary__body">
                            <ul class="govuk-list govuk-error-summary__list">
                                <li><a href="#entry-json">{ format!("{}: {}", p.path, p.message) }</a></li>
                            </ul>
                        </div>
                    </div>
                </div>
            }
            <div class={group}>
                <label class="govuk-label govuk-label--s" for="entry-json">{ label.to_string() }</label>
                if let Some(h) = hint { <div class="govuk-hint" id="entry-json-hint">{ h.to_string() }</div> }
                if let Some(p) = &problem {
                    <p class="govuk-error-message" id="entry-json-error"><span class="govuk-visually-hidden">{ "Error: " }</span>{ format!("{}: {}", p.path, p.message) }</p>
                }
                <textarea class="govuk-textarea studio-code" id="entry-json" name="entry-json" rows="16" spellcheck="false"
                    aria-describedby={if problem.is_some() { "entry-json-hint entry-json-error" } else { "entry-json-hint" }}
                    value={text} {oninput} {onblur} />
            </div>
        </>
    }
}
