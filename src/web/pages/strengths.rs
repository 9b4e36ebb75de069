//! What is going well: the guidance's strengths, and the user's own words.

use super::{question, PageProps};
use crate::flow::{Edit, Step};
use crate::web::components::{checkbox, text_area, Checkbox, TextArea};
use yew::prelude::*;

/// The fields, shared by the guided page and expert mode (`nested`: under its heading).
pub fn strength_fields(p: &PageProps, nested: bool) -> Html {
    let w = &p.widget;
    let a = &p.flow.answers;
    let on_text = p.edit(Edit::SetStrengthsText);
    html! {
        <>
            <div class="govuk-form-group">
                <fieldset class="govuk-fieldset" aria-describedby={w.id("strengths-hint")}>
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
                        if nested {
                            <h2 class="govuk-fieldset__heading">{ Step::Strengths.title() }</h2>
                        } else {
                            <h1 class="govuk-fieldset__heading">{ Step::Strengths.title() }</h1>
                        }
                    </legend>
                    <div id={w.id("strengths-hint")} class="govuk-hint">{ "Tick the strengths you have seen. They can make a difference to the support that fits best." }</div>
                    <div class="govuk-checkboxes govuk-checkboxes--small">
                        { for p.flow.guidance.file().strengths.iter().map(|s| {
                            let code = s.code.clone();
                            let onchange = p.edit(move |on: bool| Edit::ToggleStrength { code: code.clone(), on });
                            html! {
                                { checkbox(w, Checkbox {
                                    id: format!("strength-{}", s.code.replace('.', "-")).into(),
                                    value: s.code.clone().into(),
                                    label: s.text.clone().into(),
                                    hint: (!s.examples.is_empty()).then(|| AttrValue::from(s.examples.join("; "))),
                                    checked: a.strengths.contains(&s.code),
                                    onchange,
                                    ..Checkbox::default()
                                }) }
                            }
                        }) }
                    </div>
                </fieldset>
            </div>
            { text_area(w, TextArea {
                id: "strengths-text",
                label: "Anything else that is going well (optional)",
                hint: None,
                value: a.strengths_text.clone(),
                rows: 3,
                error: None,
                oninput: on_text,
            }) }
        </>
    }
}

pub fn strengths_page(p: &PageProps) -> Html {
    question(p, strength_fields(p, false))
}
