//! What is going well: the guidance's strengths, and the user's own words.

use super::{PageProps, Question};
use crate::web::components::Checkbox;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SectionProps {
    pub page: PageProps,
    #[prop_or_default]
    pub nested: bool,
}

#[function_component(StrengthFields)]
pub fn strength_fields(props: &SectionProps) -> Html {
    let w = crate::web::widget::use_widget();
    let p = &props.page;
    let a = &p.flow.answers;
    let on_text = p.edit(|a, e: InputEvent| {
        a.strengths_text = e.target_unchecked_into::<HtmlTextAreaElement>().value()
    });
    html! {
        <>
            <div class="govuk-form-group">
                <fieldset class="govuk-fieldset" aria-describedby={w.id("strengths-hint")}>
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
                        if props.nested {
                            <h2 class="govuk-fieldset__heading">{ "What is going well?" }</h2>
                        } else {
                            <h1 class="govuk-fieldset__heading">{ "What is going well?" }</h1>
                        }
                    </legend>
                    <div id={w.id("strengths-hint")} class="govuk-hint">{ "Tick the strengths you have seen. They can make a difference to the support that fits best." }</div>
                    <div class="govuk-checkboxes govuk-checkboxes--small">
                        { for p.guidance.file().strengths.iter().map(|s| {
                            let code = s.code.clone();
                            let onchange = p.edit(move |a, on: bool| a.toggle_strength(&code, on));
                            html! {
                                <Checkbox id={format!("strength-{}", s.code.replace('.', "-"))} value={s.code.clone()}
                                    label={s.text.clone()} hint={(!s.examples.is_empty()).then(|| AttrValue::from(s.examples.join("; ")))}
                                    checked={a.strengths.contains(&s.code)} {onchange} />
                            }
                        }) }
                    </div>
                </fieldset>
            </div>
            <div class="govuk-form-group">
                <label class="govuk-label govuk-label--s" for={w.id("strengths-text")}>{ "Anything else that is going well (optional)" }</label>
                <textarea class="govuk-textarea" id={w.id("strengths-text")} rows="3" value={a.strengths_text.clone()} oninput={on_text} />
            </div>
        </>
    }
}

#[function_component(StrengthsPage)]
pub fn strengths_page(p: &PageProps) -> Html {
    html! {
        <Question page={p.clone()}>
            <StrengthFields page={p.clone()} />
        </Question>
    }
}
