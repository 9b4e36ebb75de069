//! A guidance file (or a host's prefilled case) that fails validation: which, where, and
//! what is wrong, with the 999 line, since no question can be asked.

use crate::problem::Problem;
use crate::web::words::IMMEDIATE_DANGER;
use yew::prelude::*;

/// A guidance file (or a host's prefilled case) that fails validation: which, where, and
/// what is wrong. `embedded`: inside a host page, with no main landmark of its own. A plain
/// function: it holds no state (issue 14).
pub fn guidance_error_page(
    heading: &str,
    source: &str,
    problems: &[Problem],
    embedded: bool,
) -> Html {
    let content = html! {
        <>
                <h1 class="govuk-heading-l">{ heading }</h1>
                <p class="govuk-body">{ format!("There are problems in {source}. Ask whoever looks after it to fix them:") }</p>
                <ul class="govuk-list govuk-list--bullet app-guidance-problems">
                    { for problems.iter().map(|p| html! { <li><code>{ &p.path }</code>{ ": " }{ &p.message }</li> }) }
                </ul>
                <p class="govuk-body">{ IMMEDIATE_DANGER }</p>
        </>
    };
    if embedded {
        return html! { <section class="app-embedded" aria-label="Front Door Triage" role="alert">{ content }</section> };
    }
    html! {
        <div class="govuk-width-container">
            <main class="govuk-main-wrapper" id="main-content">{ content }</main>
        </div>
    }
}
