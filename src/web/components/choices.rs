//! Radios and checkboxes in GOV.UK markup. The first input of a group carries the group's
//! id, so the error summary's link lands on it. Plain functions given the widget (for
//! its ids), not components: Yew's per-component code would be in the wasm for each
//! (issue 14).

use super::error_message;
use crate::web::widget::Widget;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct ChoiceOption {
    pub value: String,
    pub label: String,
    pub hint: Option<String>,
}

impl ChoiceOption {
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        ChoiceOption {
            value: value.into(),
            label: label.into(),
            hint: None,
        }
    }
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// The radio chosen for a yes-or-no answer: `"yes"`, `"no"`, or none yet. Every yes/no
/// question's options use these two values.
pub fn yes_no(answer: Option<bool>) -> Option<String> {
    answer.map(|yes| if yes { "yes" } else { "no" }.to_string())
}

/// A group of radios: what [`radios`] draws.
#[derive(Default)]
pub struct Radios {
    pub id: AttrValue,
    pub legend: AttrValue,
    /// The legend is the page's heading (one question a page).
    pub heading: bool,
    pub hint: Option<AttrValue>,
    pub options: Vec<ChoiceOption>,
    pub selected: Option<String>,
    pub error: Option<String>,
    pub inline: bool,
    pub onchange: Callback<String>,
}

pub fn radios(w: &Widget, props: Radios) -> Html {
    let id = w.id(&props.id);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let mut described = Vec::new();
    if props.hint.is_some() {
        described.push(hint_id.clone());
    }
    if props.error.is_some() {
        described.push(error_id.clone());
    }
    let legend_class = if props.heading {
        "govuk-fieldset__legend govuk-fieldset__legend--l"
    } else {
        "govuk-fieldset__legend govuk-fieldset__legend--m"
    };
    html! {
        <div class={classes!("govuk-form-group", props.error.as_ref().map(|_| "govuk-form-group--error"))}>
            <fieldset class="govuk-fieldset" aria-describedby={(!described.is_empty()).then(|| described.join(" "))}>
                <legend class={legend_class}>
                    if props.heading {
                        <h1 class="govuk-fieldset__heading">{ &props.legend }</h1>
                    } else {
                        { &props.legend }
                    }
                </legend>
                if let Some(hint) = &props.hint {
                    <div id={hint_id.clone()} class="govuk-hint">{ hint }</div>
                }
                if let Some(error) = &props.error {
                    { error_message(Some(error_id.clone()), error) }
                }
                <div class={classes!("govuk-radios", props.inline.then_some("govuk-radios--inline"))}>
                    { for props.options.iter().enumerate().map(|(i, o)| {
                        let input_id = if i == 0 { id.to_string() } else { format!("{id}-{}", i + 1) };
                        let item_hint_id = format!("{input_id}-item-hint");
                        let value = o.value.clone();
                        let onchange = props.onchange.reform(move |_: Event| value.clone());
                        html! {
                            <div class="govuk-radios__item">
                                <input class="govuk-radios__input" id={input_id.clone()} name={id.clone()} type="radio"
                                    value={o.value.clone()}
                                    checked={props.selected.as_deref() == Some(o.value.as_str())}
                                    aria-describedby={o.hint.as_ref().map(|_| item_hint_id.clone())}
                                    {onchange} />
                                <label class="govuk-label govuk-radios__label" for={input_id.clone()}>{ &o.label }</label>
                                if let Some(h) = &o.hint {
                                    <div id={item_hint_id.clone()} class="govuk-hint govuk-radios__hint">{ h }</div>
                                }
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
        </div>
    }
}

/// One checkbox, with what shows under it when ticked: what [`checkbox`] draws.
#[derive(Default)]
pub struct Checkbox {
    pub id: AttrValue,
    /// The code: the stable hook tests find checkboxes by (contracts 4.6).
    pub value: AttrValue,
    pub label: AttrValue,
    pub hint: Option<AttrValue>,
    pub checked: bool,
    pub onchange: Callback<bool>,
    pub children: Html,
}

pub fn checkbox(w: &Widget, props: Checkbox) -> Html {
    let id = w.id(&props.id);
    let onchange = props
        .onchange
        .reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().checked());
    let hint_id = format!("{id}-hint");
    html! {
        <div class="govuk-checkboxes__item">
            <input class="govuk-checkboxes__input" id={id.clone()} type="checkbox"
                value={props.value.clone()} checked={props.checked}
                aria-describedby={props.hint.as_ref().map(|_| hint_id.clone())}
                {onchange} />
            <label class="govuk-label govuk-checkboxes__label" for={id.clone()}>{ &props.label }</label>
            if let Some(h) = &props.hint {
                <div id={hint_id.clone()} class="govuk-hint govuk-checkboxes__hint">{ h }</div>
            }
            { props.children }
        </div>
    }
}
