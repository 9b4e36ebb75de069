//! A guidance file (or a host's prefilled case) that fails validation: which, where, and
//! what is wrong, with the 999 line, since no question can be asked.

use crate::problem::Problem;
use crate::web::words::IMMEDIATE_DANGER;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GuidanceErrorProps {
    pub heading: AttrValue,
    pub source: AttrValue,
    pub problems: Vec<Problem>,
    /// Inside a host page: no main landmark of its own.
    #[prop_or_default]
    pub embedded: bool,
}

/// A guidance file (or a host's prefilled case) that fails validation: which, where, and
/// what is wrong.
#[function_component(GuidanceErrorPage)]
pub fn guidance_error_page(props: &GuidanceErrorProps) -> Html {
    let content = html! {
        <>
                <h1 class="govuk-heading-l">{ props.heading.clone() }</h1>
                <p class="govuk-body">{ format!("There are problems in {}. Ask whoever looks after it to fix them:", props.source) }</p>
                <ul class="govuk-list govuk-list--bullet app-guidance-problems">
                    { for props.problems.iter().map(|p| html! { <li><code>{ &p.path }</code>{ ": " }{ &p.message }</li> }) }
                </ul>
                <p class="govuk-body">{ IMMEDIATE_DANGER }</p>
        </>
    };
    if props.embedded {
        return html! { <section class="app-embedded" aria-label="Front Door Triage" role="alert">{ content }</section> };
    }
    html! {
        <div class="govuk-width-container">
            <main class="govuk-main-wrapper" id="main-content">{ content }</main>
        </div>
    }
}
