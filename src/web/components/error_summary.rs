//! The error summary pattern: listed at the top, focused when it appears, each error a
//! link that moves focus to its field (without touching the URL).

use crate::flow::FieldError;
use crate::web::widget::use_widget;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    pub errors: Vec<FieldError>,
    /// Changes on every failed submit: the summary takes focus each time.
    #[prop_or_default]
    pub attempt: u32,
}

#[function_component(ErrorSummary)]
pub fn error_summary(props: &ErrorSummaryProps) -> Html {
    let widget = use_widget();
    let node = use_node_ref();
    {
        let node = node.clone();
        let count = props.errors.len();
        use_effect_with((props.errors.clone(), props.attempt), move |_| {
            if count > 0 {
                if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    if props.errors.is_empty() {
        return html! {};
    }
    html! {
        <div class="govuk-error-summary" ref={node} tabindex="-1">
            <div role="alert">
                <h2 class="govuk-error-summary__title">{ "There is a problem" }</h2>
                <div class="govuk-error-summary__body">
                    <ul class="govuk-list govuk-error-summary__list">
                        { for props.errors.iter().map(|e| {
                            let field = e.field;
                            let href = format!("#{}", widget.id(field));
                            let w = widget.clone();
                            let onclick = Callback::from(move |ev: MouseEvent| {
                                ev.prevent_default();
                                w.focus_field(field);
                            });
                            html! {
                                <li><a {href} {onclick}>{ &e.message }</a></li>
                            }
                        }) }
                    </ul>
                </div>
            </div>
        </div>
    }
}

/// The message for one field, if it has an error.
pub fn error_for(errors: &[FieldError], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.clone())
}

/// The error message above a field (GOV.UK error message pattern); `id` for the field's
/// `aria-describedby`.
pub fn error_message(id: Option<String>, message: &str) -> Html {
    html! {
        <p {id} class="govuk-error-message">
            <span class="govuk-visually-hidden">{ "Error: " }</span>{ message.to_string() }
        </p>
    }
}
