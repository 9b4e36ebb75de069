//! The start page (GOV.UK start page pattern): what the tool is for, what you need, and
//! that it supports professional judgement and never replaces it.

use crate::web::components::{link_button, warning_text};
use crate::web::words::IMMEDIATE_DANGER;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartPageProps {
    pub authority: String,
    pub guidance_title: String,
    pub front_door: String,
    pub on_start: Callback<()>,
    #[prop_or_default]
    pub on_choose_guidance: Option<Callback<()>>,
}

#[function_component(StartPage)]
pub fn start_page(props: &StartPageProps) -> Html {
    let on_click = {
        let on_start = props.on_start.clone();
        Callback::from(move |_: MouseEvent| on_start.emit(()))
    };
    html! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <h1 class="govuk-heading-xl">{ "Front Door Triage" }</h1>
                <p class="govuk-body-l">
                    { format!("Work out the right support for a child you are worried about, using {}'s support level guidance.", props.authority) }
                </p>
                <p class="govuk-body app-guidance-in-use">
                    { format!("Guidance: {}. ", props.guidance_title) }
                    if let Some(choose) = &props.on_choose_guidance {
                        { link_button(choose, html! { "Change guidance" }) }
                    }
                </p>
                <p class="govuk-body">{ "Use this tool to:" }</p>
                <ul class="govuk-list govuk-list--bullet">
                    <li>{ "check whether the family needs universal help, Family Help or a child protection referral" }</li>
                    <li>{ "see why, what to do now and by when" }</li>
                    <li>{ "record your decision for the child's file" }</li>
                </ul>
                { warning_text(Classes::new(), html! { IMMEDIATE_DANGER }) }
                <div class="govuk-inset-text">
                    { "This tool supports your professional judgement. It never replaces it: if you think the child needs something different, you can record that and why." }
                </div>
                <button type="button" class="govuk-button govuk-button--start" onclick={on_click}>
                    { "Start now" }
                    <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
                        <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
                    </svg>
                </button>
                <h2 class="govuk-heading-m">{ "Before you start" }</h2>
                <p class="govuk-body">{ "You will need to know:" }</p>
                <ul class="govuk-list govuk-list--bullet">
                    <li>{ "the child's age" }</li>
                    <li>{ "what you are worried about, and what is going well for the family" }</li>
                    <li>{ "whether the family knows about your worries and agrees to you asking for help" }</li>
                </ul>
                <p class="govuk-body">{ "You will not be asked for anyone's name. Nothing you enter leaves this browser tab." }</p>
                <p class="govuk-body">
                    { format!("To talk a concern through, phone the {}.", props.front_door) }
                </p>
            </div>
        </div>
    }
}
