//! A labelled text area (GOV.UK textarea), for free-text answers such as the child's voice.

use super::error_message;
use crate::web::widget::Widget;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// One text area: what [`text_area`] draws.
pub struct TextArea {
    pub id: &'static str,
    pub label: &'static str,
    pub hint: Option<&'static str>,
    pub value: String,
    pub rows: u32,
    pub error: Option<String>,
    pub oninput: Callback<String>,
}

/// A plain function, not a component: Yew's per-component code would be in the wasm for
/// it alone (issue 14). The widget gives the document id.
pub fn text_area(w: &Widget, field: TextArea) -> Html {
    let id = w.id(field.id);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described: Vec<&str> = [
        field.hint.map(|_| hint_id.as_str()),
        field.error.as_ref().map(|_| error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let oninput = field
        .oninput
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    html! {
        <div class={classes!("govuk-form-group", field.error.as_ref().map(|_| "govuk-form-group--error"))}>
            <label class="govuk-label govuk-label--s" for={id.clone()}>{ field.label }</label>
            if let Some(hint) = field.hint {
                <div id={hint_id.clone()} class="govuk-hint">{ hint }</div>
            }
            if let Some(error) = &field.error {
                { error_message(Some(error_id.clone()), error) }
            }
            <textarea class={classes!("govuk-textarea", field.error.as_ref().map(|_| "govuk-textarea--error"))}
                id={id.clone()} rows={field.rows.to_string()}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                value={field.value} {oninput} />
        </div>
    }
}
