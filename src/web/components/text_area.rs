//! A labelled text area (GOV.UK textarea), for free-text answers such as the child's voice.

use super::error_message;
use crate::web::widget::use_widget;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextAreaProps {
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub value: String,
    #[prop_or(3)]
    pub rows: u32,
    #[prop_or_default]
    pub error: Option<String>,
    pub oninput: Callback<String>,
}

#[function_component(TextArea)]
pub fn text_area(props: &TextAreaProps) -> Html {
    let w = use_widget();
    let id = w.id(&props.id);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described: Vec<&str> = [
        props.hint.as_ref().map(|_| hint_id.as_str()),
        props.error.as_ref().map(|_| error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let oninput = props
        .oninput
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    html! {
        <div class={classes!("govuk-form-group", props.error.as_ref().map(|_| "govuk-form-group--error"))}>
            <label class="govuk-label govuk-label--s" for={id.clone()}>{ &props.label }</label>
            if let Some(hint) = &props.hint {
                <div id={hint_id.clone()} class="govuk-hint">{ hint }</div>
            }
            if let Some(error) = &props.error {
                { error_message(Some(error_id.clone()), error) }
            }
            <textarea class={classes!("govuk-textarea", props.error.as_ref().map(|_| "govuk-textarea--error"))}
                id={id.clone()} rows={props.rows.to_string()}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                value={props.value.clone()} {oninput} />
        </div>
    }
}
