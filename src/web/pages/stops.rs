//! Pages that stop the flow to say something first: "You have not chosen any concerns"
//! (continue anyway, or go back), and "This tool is for children" (with the adult
//! safeguarding contact from the guidance).

use super::PageProps;
use crate::flow::Msg;
use crate::flow::Step;
use crate::guidance::contact_keys;
use crate::web::components::{back_link, contact_line, link_button};
use yew::prelude::*;

pub fn no_concerns_page(p: &PageProps) -> Html {
    let g = &p.flow.guidance;
    let onsubmit = p.dispatch.reform(|e: SubmitEvent| {
        e.prevent_default();
        Msg::Continue
    });
    let back = p.send(|| Msg::Back);
    html! {
        <>
            { back_link(&back) }
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-l">{ Step::NoConcerns.title() }</h1>
                    <p class="govuk-body">{ "Without a concern, this tool cannot recommend a route for the child." }</p>
                    <p class="govuk-body">{ "If you are worried about the child, go back and choose what worries you. You can search in your own words." }</p>
                    if p.flow.answers.audience == Some(crate::engine::case::Audience::FrontDoor) {
                        <p class="govuk-body">{ "If you are not sure what to choose, discuss it with a senior practitioner or your manager." }</p>
                    } else if let Some(c) = g.contact(contact_keys::CONSULTATION_LINE) {
                        <p class="govuk-body">
                            { "If you are not sure what to choose, talk to the " }{ contact_line(&crate::engine::decision::Contact::from(c)) }{ "." }
                        </p>
                    }
                    <form novalidate=true {onsubmit}>
                        <div class="govuk-button-group">
                            <button type="button" class="govuk-button" onclick={back.reform(|_: MouseEvent| ())}>{ "Go back and choose concerns" }</button>
                            <button type="submit" class="govuk-button govuk-button--secondary">{ "Continue without a concern" }</button>
                        </div>
                    </form>
                </div>
            </div>
        </>
    }
}

pub fn not_a_child_page(p: &PageProps) -> Html {
    let g = &p.flow.guidance;
    let change = p.dispatch.reform(|()| Msg::Show(Step::Child));
    let adult = g.contact(contact_keys::ADULT_SAFEGUARDING);
    html! {
        <>
            { back_link(&p.send(|| Msg::Back)) }
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-l">{ Step::NotAChild.title() }</h1>
                    <p class="govuk-body">{ "It is for children and young people under 18, and for care leavers and young people with an education, health and care plan (EHCP) up to the age of 25." }</p>
                    <p class="govuk-body">
                        { "If you are worried about an adult, " }
                        {
                            match adult {
                                Some(c) => html! { <>{ "contact " }{ contact_line(&crate::engine::decision::Contact::from(c)) }{ "." }</> },
                                None => html! { "contact your council's adult social care team." },
                            }
                        }
                    </p>
                    <p class="govuk-body">{ "If there is a child in the household you are worried about, start again for that child." }</p>
                    <p class="govuk-body">{ link_button(&change, html! { "Change the young person's age or answers" }) }</p>
                </div>
            </div>
        </>
    }
}
