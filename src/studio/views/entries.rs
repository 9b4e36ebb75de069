//! Every other section of the file (authority, contacts, levels, domains, strengths,
//! actions, services), as summary lists with Change links and "Add another"; one entry
//! is edited as JSON, checked as it is typed, with the problem located in it.

use super::super::app::{Action, Ctx};
use super::super::doc::Edit;
use super::super::nav::{section_title, Page};
use super::checks_panel::findings_for;
use super::fields;
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

/// The section's entries as (key, label, JSON value).
fn entries(file: &GuidanceFile, section: &str) -> Vec<(String, String, Value)> {
    let Ok(Value::Object(all)) = serde_json::to_value(file) else {
        return Vec::new();
    };
    match all.get(section) {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let key = entry_key(v).unwrap_or_else(|| i.to_string());
                let label = ["name", "text"]
                    .iter()
                    .find_map(|k| v.get(*k).and_then(Value::as_str))
                    .unwrap_or("")
                    .to_string();
                (key, label, v.clone())
            })
            .collect(),
        Some(Value::Object(map)) if section == "contacts" => map
            .iter()
            .map(|(k, v)| {
                (
                    k.clone(),
                    v.get("name")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                    v.clone(),
                )
            })
            .collect(),
        Some(v) => vec![(section.to_string(), String::new(), v.clone())],
        None => Vec::new(),
    }
}

fn entry_key(v: &Value) -> Option<String> {
    ["code", "id", "level"]
        .iter()
        .find_map(|k| match v.get(*k) {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        })
}

/// The file with one entry of a section replaced (or, with `value` None, removed).
fn with_entry(
    file: &GuidanceFile,
    section: &str,
    key: &str,
    value: Option<Value>,
) -> Result<GuidanceFile, Problem> {
    let mut all = serde_json::to_value(file).map_err(|e| Problem::new("$", e.to_string()))?;
    let place = all
        .get_mut(section)
        .ok_or_else(|| Problem::new("$", "no such section"))?;
    match place {
        Value::Array(items) => {
            let at = items
                .iter()
                .enumerate()
                .position(|(i, v)| entry_key(v).unwrap_or_else(|| i.to_string()) == key);
            match (at, value) {
                (Some(i), Some(v)) => items[i] = v,
                (Some(i), None) => {
                    items.remove(i);
                }
                (None, Some(v)) => items.push(v),
                (None, None) => {}
            }
        }
        Value::Object(map) if section == "contacts" => match value {
            Some(v) => {
                map.insert(key.to_string(), v);
            }
            None => {
                map.remove(key);
            }
        },
        other => {
            if let Some(v) = value {
                *other = v;
            }
        }
    }
    serde_json::from_value(all).map_err(|e| Problem::new(format!("$.{section}"), e.to_string()))
}

pub fn section(ctx: &Ctx, section: &'static str) -> Html {
    if section == "header" {
        return header(ctx);
    }
    let file = &ctx.doc().file;
    let items = entries(file, section);
    let listed = matches!(
        section,
        "contacts" | "levels" | "domains" | "strengths" | "actions" | "services"
    );
    let add = {
        let ctx = ctx.clone();
        let last = items.last().cloned();
        Callback::from(move |_: MouseEvent| {
            let Some((key, _, mut v)) = last.clone() else {
                return;
            };
            let new_key = format!("{key}-new");
            for k in ["code", "id"] {
                if let Some(slot) = v.get_mut(k) {
                    *slot = Value::String(new_key.clone());
                }
            }
            let file = ctx.doc().file.clone();
            if let Ok(next) = with_entry(&file, section, &new_key, Some(v)) {
                ctx.edit(Edit::new(format!("{section}:add"), move |f| {
                    *f = next.clone()
                }));
                ctx.send(Action::Seal);
                ctx.send(Action::Go(Page::Entry(section, new_key.clone()), None));
            }
        })
    };
    html! {
        <>
            { findings_for(ctx, &format!("$.{section}")) }
            <h1 class="govuk-heading-l" tabindex="-1">{ section_title(section) }</h1>
            <dl class="govuk-summary-list">
                { for items.iter().map(|(key, label, v)| {
                    let shown = if listed { format!("{label} ({key})") } else { compact(v) };
                    fields::summary_row(if listed { key } else { section_title(section) },
                        html! { shown },
                        Some((ctx.go(Page::Entry(section, key.clone()), None), key.clone())))
                }) }
            </dl>
            if listed {
                <button type="button" class="govuk-button govuk-button--secondary" onclick={add}>{ "Add another" }</button>
            }
        </>
    }
}

fn compact(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 160 {
        format!("{}…", s.chars().take(160).collect::<String>())
    } else {
        s
    }
}

pub fn edit(ctx: &Ctx, section: &'static str, key: &str) -> Html {
    let file = &ctx.doc().file;
    let Some((_, _, value)) = entries(file, section)
        .into_iter()
        .find(|(k, _, _)| k == key)
    else {
        return html! { <p class="govuk-body">{ "This entry is no longer in the file." }</p> };
    };
    let json = serde_json::to_string_pretty(&value).unwrap_or_default();
    let owned_key = key.to_string();
    let apply: ApplyJson = Rc::new(move |f, text| {
        let v: Value = parse_json(text)?;
        *f = with_entry(f, section, &owned_key, Some(v))?;
        Ok(())
    });
    let remove = {
        let ctx = ctx.clone();
        let key = key.to_string();
        Callback::from(move |_: MouseEvent| {
            if let Ok(next) = with_entry(&ctx.doc().file, section, &key, None) {
                ctx.edit(Edit::new(format!("{section}:remove"), move |f| {
                    *f = next.clone()
                }));
                ctx.send(Action::Seal);
                ctx.send(Action::Go(Page::Section(section), None));
            }
        })
    };
    html! {
        <>
            <span class="govuk-caption-l">{ section_title(section) }</span>
            <h1 class="govuk-heading-l" tabindex="-1">{ format!("Change {key}") }</h1>
            { json_editor(ctx, &format!("{section}.{key}"), "The entry", Some("As it is written in the guidance file; see the guidance format guide for each field."), json, apply) }
            <div class="govuk-button-group">
                <a class="govuk-link" href="#" onclick={ctx.go(Page::Section(section), None)}>{ format!("Back to {}", section_title(section).to_lowercase()) }</a>
                if section != "authority" {
                    <button type="button" class="govuk-button govuk-button--warning" onclick={remove}>{ "Remove" }</button>
                }
            </div>
        </>
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
