//! What is going well: the guidance's strengths, and the user's own words.

use super::{question, PageProps};
use crate::flow::{Edit, Step};
use crate::web::components::{Checkbox, TextArea};
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
    let on_text = p.edit(Edit::SetStrengthsText);
    html! {
        <>
            <div class="govuk-form-group">
                <fieldset class="govuk-fieldset" aria-describedby={w.id("strengths-hint")}>
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
                        if props.nested {
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
                                <Checkbox id={format!("strength-{}", s.code.replace('.', "-"))} value={s.code.clone()}
                                    label={s.text.clone()} hint={(!s.examples.is_empty()).then(|| AttrValue::from(s.examples.join("; ")))}
                                    checked={a.strengths.contains(&s.code)} {onchange} />
                            }
                        }) }
                    </div>
                </fieldset>
            </div>
            <TextArea id="strengths-text" label="Anything else that is going well (optional)"
                value={a.strengths_text.clone()} oninput={on_text} />
        </>
    }
}

pub fn strengths_page(p: &PageProps) -> Html {
    question(p, html! { <StrengthFields page={p.clone()} /> })
}
