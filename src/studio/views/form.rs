//! One entry's form, drawn from its descriptor (`authoring::forms`): GOV.UK inputs,
//! textareas, radios and checkboxes, each change written into the section's JSON, read
//! back by the model, and made an undoable edit. What the model refuses (a number that
//! does not read, a part missing its title) shows as an error on the field, and what was
//! typed stays in the box.

use super::super::app::{Action, Ctx, FieldProblem};
use super::super::doc::Edit;
use super::super::nav::Page;
use crate::authoring::forms::{
    self, decode, field_id, read, shown, ticked, value_at, write_field, Entered, Field, Group,
    Input, Options,
};
use crate::authoring::lint::Severity;
use crate::guidance::{FormField, GuidanceFile};
use serde_json::Value;
use yew::prelude::*;

/// Where the form's entry is, and what page to go to when it is renamed.
#[derive(Clone)]
pub struct Place {
    pub section: &'static str,
    /// The entry's JSON pointer within the section (`/3`, `/ratings/red`, empty for all).
    pub pointer: String,
    /// The group, when the entry is one of a list or map (renaming moves it).
    pub group: Option<&'static Group>,
}

impl Place {
    /// The entry's place as `check` writes it: `$.contact_record.urgency[2]`.
    pub fn check_path(&self) -> String {
        let steps: String = self
            .pointer
            .split('/')
            .filter(|s| !s.is_empty())
            .map(|s| match s.parse::<usize>() {
                Ok(i) => format!("[{i}]"),
                Err(_) => format!(".{}", s.replace("~1", "/").replace("~0", "~")),
            })
            .collect();
        format!("$.{}{steps}", self.section)
    }
}

pub fn form(ctx: &Ctx, place: &Place, fields: &'static [Field]) -> Html {
    let file = &ctx.doc().file;
    let json = read(file, place.section).unwrap_or(Value::Null);
    let Some(entry) = json.pointer(&place.pointer).cloned() else {
        return html! {};
    };
    // A field under an optional part shows only while the part is there.
    let hidden = |f: &Field| {
        fields.iter().any(|p| {
            matches!(p.input, Input::Part(_))
                && f.at.starts_with(&format!("{}/", p.at))
                && value_at(&entry, p.at).is_none()
        })
    };
    html! {
        <div class="studio-form">
            { for fields.iter().filter(|f| !hidden(f)).map(|f| field(ctx, place, &entry, f, file)) }
        </div>
    }
}

/// The error summary for a field's problem, linked to the field; empty when there is none.
pub fn problem_summary(ctx: &Ctx) -> Html {
    let Some(FieldProblem { id, message, .. }) = &ctx.state.field_problem else {
        return html! {};
    };
    html! {
        <div class="govuk-error-summary" tabindex="-1">
            <div role="alert">
                <h2 class="govuk-error-summary__title">{ "There is a problem" }</h2>
                <div class="govuk-error-summary__body">
                    <ul class="govuk-list govuk-error-summary__list">
                        <li><a href={format!("#{id}")}>{ message.clone() }</a></li>
                    </ul>
                </div>
            </div>
        </div>
    }
}

/// A field's change: to one entry of a list, or to its whole section.
#[derive(Clone)]
enum Change {
    Item(forms::Item),
    Part(forms::Part),
}

/// Writes what was entered into the model, or shows why it cannot be.
fn commit(ctx: &Ctx, place: &Place, f: &Field, entered: Entered, typed: bool) {
    let file = &ctx.doc().file;
    let id = field_id(f.at);
    if let Entered::Text(t) = &entered {
        ctx.typed_text(&id, t);
    }
    let result = (|| {
        // An entry of a list is read and written alone: one entry a key, not the list.
        if let Some((i, entry)) = forms::read_item(file, place.section, &place.pointer) {
            let written = write_field(&entry, f, entered)?;
            return forms::decode_item(place.section, i, written)
                .map(Change::Item)
                .map_err(|e| format!("{}: {e}", f.label));
        }
        let mut json = read(file, place.section).ok_or("the section is not in the file")?;
        let slot = json
            .pointer_mut(&place.pointer)
            .ok_or("the entry is no longer in the file")?;
        *slot = write_field(slot, f, entered)?;
        decode(place.section, json)
            .map(Change::Part)
            .map_err(|e| format!("{}: {e}", f.label))
    })();
    match result {
        Ok(change) => {
            let key = format!("{}{}:{}", place.section, place.pointer, f.at);
            let apply = move |file: &mut GuidanceFile| match change.clone() {
                Change::Item(item) => item.put(file),
                Change::Part(part) => part.put(file),
            };
            ctx.edit(if typed {
                Edit::typed(key, apply)
            } else {
                Edit::new(key, apply)
            });
            clear(ctx);
        }
        Err(message) => ctx.send(Action::FieldProblem(Some(FieldProblem { id, message }))),
    }
}

/// The field's problem and the JSON box's text go once the model has the edit.
fn clear(ctx: &Ctx) {
    if ctx.state.field_problem.is_some() {
        ctx.send(Action::FieldProblem(None));
    }
    if ctx.state.entry.is_some() {
        ctx.send(Action::EntryText(None));
    }
}

/// Renames the entry (its code, id or key), and follows it to its new page.
fn rename(ctx: &Ctx, place: &Place, f: &Field, to: String) {
    let id = field_id(f.at);
    let file = &ctx.doc().file;
    let result = (|| {
        let mut json = read(file, place.section).ok_or("the section is not in the file")?;
        let Some(g) = place.group else {
            let slot = json
                .pointer_mut(&place.pointer)
                .ok_or("the entry is gone")?;
            *slot = write_field(slot, f, Entered::Text(to.clone()))?;
            return decode(place.section, json).map(|p| (p, None));
        };
        let e = forms::entries(&json, g)
            .into_iter()
            .find(|e| e.pointer == place.pointer)
            .ok_or("the entry is no longer in the file")?;
        forms::rename(&mut json, g, &e, &to)?;
        let key = if g.at.is_empty() {
            to.trim().to_string()
        } else {
            format!("{}/{}", g.at, to.trim())
        };
        decode(place.section, json).map(|p| (p, Some(key)))
    })();
    match result {
        Ok((part, key)) => {
            ctx.edit(Edit::new(
                format!("{}{}:rename", place.section, place.pointer),
                move |file| part.clone().put(file),
            ));
            ctx.send(Action::Seal);
            clear(ctx);
            if let Some(key) = key {
                ctx.send(Action::Go(Page::Entry(place.section, key), Some(id)));
            }
        }
        Err(m) => {
            ctx.typed_text(&id, &to);
            ctx.send(Action::FieldProblem(Some(FieldProblem {
                id,
                message: format!("{}: {m}", f.label),
            })))
        }
    }
}

/// A radio's or checkbox's id: the field's, then its code where the code makes a plain
/// id (`entry-level-4`, `entry-pathways-signpost`), else its position.
fn item_id(field: &str, n: usize, code: &str) -> String {
    if !code.is_empty() && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        format!("{field}-{code}")
    } else {
        format!("{field}-{n}")
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|first| first.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn options(file: &GuidanceFile, o: Options) -> Vec<(String, String)> {
    let own = |pairs: &[(&str, &str)]| {
        pairs
            .iter()
            .map(|(c, l)| (c.to_string(), l.to_string()))
            .collect()
    };
    match o {
        Options::Fixed(pairs) => own(pairs),
        Options::Contacts => std::iter::once((String::new(), "None".to_string()))
            .chain(
                file.contacts
                    .iter()
                    .map(|(k, c)| (k.clone(), format!("{} ({k})", c.name))),
            )
            .collect(),
        Options::Domains => file
            .domains
            .iter()
            .map(|d| (d.id.clone(), d.name.clone()))
            .collect(),
        Options::Actions => file
            .actions
            .iter()
            .map(|a| (a.code.clone(), format!("{}: {}", a.code, a.text)))
            .collect(),
        Options::FormFields => FormField::ALL
            .iter()
            .map(|f| {
                let code = f.code();
                let mut words = code.replace('_', " ");
                words[..1].make_ascii_uppercase();
                (code.to_string(), words)
            })
            .collect(),
    }
}

fn field(ctx: &Ctx, place: &Place, entry: &Value, f: &'static Field, file: &GuidanceFile) -> Html {
    let id = field_id(f.at);
    // The model's refusal of what was typed, else `check`'s error about the field.
    let path = format!("{}.{}", place.check_path(), f.at.replace('/', "."));
    let problem = ctx
        .state
        .field_problem
        .as_ref()
        .filter(|p| p.id == id)
        .map(|p| p.message.clone())
        .or_else(|| {
            let checks = ctx.checks.as_deref()?;
            checks
                .report
                .findings
                .iter()
                .find(|x| x.severity == Severity::Error && x.path == path)
                .map(|x| capitalised(&x.message))
        });
    let typing = ctx
        .state
        .field_text
        .as_ref()
        .is_some_and(|(at, _)| *at == id);
    let value = ctx.field_value(&id, || shown(entry, f));
    let hint_id = (!f.hint.is_empty()).then(|| format!("{id}-hint"));
    let error_id = problem.as_ref().map(|_| format!("{id}-error"));
    let described = [hint_id.clone(), error_id.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let label = if f.optional && !matches!(f.input, Input::Tick | Input::Part(_) | Input::Ticks(_))
    {
        format!("{} (optional)", f.label)
    } else {
        f.label.to_string()
    };
    let hint = hint_id
        .clone()
        .map(|hid| html! { <div class="govuk-hint" id={hid}>{ f.hint }</div> });
    let error = problem.as_ref().map(|m| {
        html! { <p class="govuk-error-message" id={error_id.clone()}><span class="govuk-visually-hidden">{ "Error: " }</span>{ m.clone() }</p> }
    });
    let mut group = classes!("govuk-form-group");
    if problem.is_some() {
        group.push("govuk-form-group--error");
    }
    let typed = |ctx: &Ctx, place: &Place| {
        let (ctx, place) = (ctx.clone(), place.clone());
        Callback::from(move |e: InputEvent| {
            let value = match e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                Some(a) => a.value(),
                None => e
                    .target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            };
            commit(&ctx, &place, f, Entered::Text(value), true);
        })
    };
    let onblur = ctx.on(|| Action::Seal);
    match f.input {
        Input::Text | Input::Whole | Input::Years | Input::Commas => {
            let mut class = classes!("govuk-input");
            if matches!(f.input, Input::Whole | Input::Years) {
                class.push("govuk-input--width-4");
            }
            if problem.is_some() {
                class.push("govuk-input--error");
            }
            let mode = matches!(f.input, Input::Whole).then_some("numeric");
            html! {
                <div class={group}>
                    <label class="govuk-label govuk-label--s" for={id.clone()}>{ label }</label>
                    { for hint }{ for error }
                    <input {class} type="text" id={id.clone()} name={id} inputmode={mode}
                        spellcheck={(f.input == Input::Text).to_string()} aria-describedby={described}
                        value={value} oninput={typed(ctx, place)} {onblur} />
                </div>
            }
        }
        Input::Area | Input::Lines => {
            let mut class = classes!("govuk-textarea");
            if problem.is_some() {
                class.push("govuk-textarea--error");
            }
            html! {
                <div class={group}>
                    <label class="govuk-label govuk-label--s" for={id.clone()}>{ label }</label>
                    { for hint }{ for error }
                    <textarea {class} id={id.clone()} name={id} rows={if f.input == Input::Lines { "5" } else { "3" }}
                        aria-describedby={described} {value} oninput={typed(ctx, place)} {onblur} />
                </div>
            }
        }
        Input::Key => {
            let onchange = {
                let (ctx, place) = (ctx.clone(), place.clone());
                Callback::from(move |e: Event| {
                    let to = e
                        .target_unchecked_into::<web_sys::HtmlInputElement>()
                        .value();
                    rename(&ctx, &place, f, to);
                })
            };
            let now = match (place.group.filter(|_| !typing), f.at) {
                (Some(_), "") => place
                    .pointer
                    .rsplit('/')
                    .next()
                    .unwrap_or("")
                    .replace("~1", "/")
                    .replace("~0", "~"),
                _ => value,
            };
            let mut class = classes!("govuk-input", "govuk-input--width-20");
            if problem.is_some() {
                class.push("govuk-input--error");
            }
            html! {
                <div class={group}>
                    <label class="govuk-label govuk-label--s" for={id.clone()}>{ label }</label>
                    { for hint }{ for error }
                    <input {class} type="text" id={id.clone()} name={id} spellcheck="false"
                        aria-describedby={described} value={now} {onchange} />
                </div>
            }
        }
        Input::Tick | Input::Part(_) => {
            let on = match f.input {
                Input::Part(_) => value_at(entry, f.at).is_some(),
                _ => forms::flag(entry, f),
            };
            let onchange = {
                let (ctx, place) = (ctx.clone(), place.clone());
                Callback::from(move |e: Event| {
                    let on = e
                        .target_unchecked_into::<web_sys::HtmlInputElement>()
                        .checked();
                    commit(&ctx, &place, f, Entered::Flag(on), false);
                })
            };
            html! {
                <div class={group}>
                    { for error }
                    <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                        <div class="govuk-checkboxes__item">
                            <input class="govuk-checkboxes__input" id={id.clone()} name={id.clone()} type="checkbox"
                                checked={on} aria-describedby={described} {onchange} />
                            <label class="govuk-label govuk-checkboxes__label" for={id.clone()}>{ label }</label>
                            { for hint.map(|h| html! { <div class="govuk-checkboxes__hint">{ h }</div> }) }
                        </div>
                    </div>
                </div>
            }
        }
        Input::Choice(_) | Input::Level => {
            let now = shown(entry, f);
            let choices = match f.input {
                Input::Choice(o) => options(file, o),
                _ => (1..=4)
                    .map(|n| (n.to_string(), format!("Level {n}")))
                    .collect(),
            };
            if matches!(f.input, Input::Choice(Options::Contacts | Options::Domains)) {
                let onchange = {
                    let (ctx, place) = (ctx.clone(), place.clone());
                    Callback::from(move |e: Event| {
                        let v = e
                            .target_unchecked_into::<web_sys::HtmlSelectElement>()
                            .value();
                        commit(&ctx, &place, f, Entered::Text(v), false);
                    })
                };
                return html! {
                    <div class={group}>
                        <label class="govuk-label govuk-label--s" for={id.clone()}>{ label }</label>
                        { for hint }{ for error }
                        <select class="govuk-select" id={id.clone()} name={id} aria-describedby={described} {onchange}>
                            { for choices.into_iter().map(|(code, words)| html! {
                                <option value={code.clone()} selected={code == now}>{ words }</option>
                            }) }
                        </select>
                    </div>
                };
            }
            html! {
                <div class={group}>
                    <fieldset class="govuk-fieldset" aria-describedby={described}>
                        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{ label }</legend>
                        { for hint }{ for error }
                        <div class="govuk-radios govuk-radios--small" data-module="govuk-radios" id={id.clone()}>
                            { for choices.into_iter().enumerate().map(|(n, (code, words))| {
                                let item = item_id(&id, n, &code);
                                let onchange = {
                                    let (ctx, place, code) = (ctx.clone(), place.clone(), code.clone());
                                    Callback::from(move |_: Event| commit(&ctx, &place, f, Entered::Text(code.clone()), false))
                                };
                                html! {
                                    <div class="govuk-radios__item">
                                        <input class="govuk-radios__input" id={item.clone()} name={id.clone()} type="radio"
                                            value={code.clone()} checked={code == now} {onchange} />
                                        <label class="govuk-label govuk-radios__label" for={item}>{ words }</label>
                                    </div>
                                }
                            }) }
                        </div>
                    </fieldset>
                </div>
            }
        }
        Input::Ticks(o) => {
            let now = ticked(entry, f);
            let choices = options(file, o);
            let order: Vec<String> = choices.iter().map(|(c, _)| c.clone()).collect();
            html! {
                <div class={group}>
                    <fieldset class="govuk-fieldset" aria-describedby={described}>
                        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{ label }</legend>
                        { for hint }{ for error }
                        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes" id={id.clone()}>
                            { for choices.into_iter().enumerate().map(|(n, (code, words))| {
                                let item = item_id(&id, n, &code);
                                let onchange = {
                                    let (ctx, place, code, order) = (ctx.clone(), place.clone(), code.clone(), order.clone());
                                    Callback::from(move |e: Event| {
                                        let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                                        commit(&ctx, &place, f, Entered::Toggle { code: code.clone(), on, order: order.clone() }, false)
                                    })
                                };
                                html! {
                                    <div class="govuk-checkboxes__item">
                                        <input class="govuk-checkboxes__input" id={item.clone()} name={id.clone()} type="checkbox"
                                            value={code.clone()} checked={now.contains(&code)} {onchange} />
                                        <label class="govuk-label govuk-checkboxes__label" for={item}>{ words }</label>
                                    </div>
                                }
                            }) }
                        </div>
                    </fieldset>
                </div>
            }
        }
    }
}
