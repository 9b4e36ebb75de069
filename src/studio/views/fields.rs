//! Form pieces in GOV.UK Frontend markup: a text input that edits the model on every key
//! (the checks follow), summary list rows, and the error summary for located problems.

use super::super::app::{Action, Ctx};
use super::super::doc::Edit;
use crate::guidance::GuidanceFile;
use crate::problem::Problem;
use yew::prelude::*;

/// A text input bound to one field. `set` writes the typed value into the model.
pub fn text(
    ctx: &Ctx,
    id: &str,
    label: &str,
    hint: Option<&str>,
    value: &str,
    set: impl Fn(&mut GuidanceFile, String) + 'static,
) -> Html {
    field(ctx, id, label, hint, value, set)
}

fn field(
    ctx: &Ctx,
    id: &str,
    label: &str,
    hint: Option<&str>,
    value: &str,
    set: impl Fn(&mut GuidanceFile, String) + 'static,
) -> Html {
    let set = std::rc::Rc::new(set);
    let key = id.to_string();
    let oninput = {
        let ctx = ctx.clone();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            ctx.typed_text(&key, &value);
            let set = set.clone();
            ctx.edit(Edit::typed(key.clone(), move |f| set(f, value.clone())));
        })
    };
    let onblur = ctx.on(|| Action::Seal);
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let value = ctx.field_value(id, || value.to_string());
    html! {
        <div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for={id.to_string()}>{ label.to_string() }</label>
            if let (Some(h), Some(hid)) = (hint, hint_id.clone()) {
                <div class="govuk-hint" id={hid}>{ h.to_string() }</div>
            }
            <input class="govuk-input" type="text" id={id.to_string()} name={id.to_string()} spellcheck="true"
                aria-describedby={hint_id} value={value.clone()} {oninput} {onblur} />
        </div>
    }
}

/// The error summary for located problems (`$.path: message`, as `triage check` prints
/// them), each linked to the page and row it is about when `ctx` is given.
pub fn problem_summary(title: &str, problems: &[Problem], ctx: Option<&Ctx>) -> Html {
    html! {
        <div class="govuk-error-summary" tabindex="-1">
            <div role="alert">
                <h2 class="govuk-error-summary__title">{ title.to_string() }</h2>
                <div class="govuk-error-summary__body">
                    <ul class="govuk-list govuk-error-summary__list">
                        { for problems.iter().map(|p| {
                            let words = format!("{}: {}", p.path, p.message);
                            match ctx {
                                Some(ctx) => {
                                    html! { <li><a href="#" onclick={ctx.go_to_path(&p.path)}>{ words }</a></li> }
                                }
                                None => html! { <li><span class="govuk-error-message govuk-!-margin-bottom-0">{ words }</span></li> },
                            }
                        }) }
                    </ul>
                </div>
            </div>
        </div>
    }
}

/// A summary list row with a Change link.
pub fn summary_row(key: &str, value: Html, change: Option<(Callback<MouseEvent>, String)>) -> Html {
    html! {
        <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{ key.to_string() }</dt>
            <dd class="govuk-summary-list__value">{ value }</dd>
            if let Some((onclick, what)) = change {
                <dd class="govuk-summary-list__actions">
                    <a class="govuk-link" href="#" {onclick}>{ "Change" }<span class="govuk-visually-hidden">{ format!(" {what}") }</span></a>
                </dd>
            }
        </div>
    }
}
