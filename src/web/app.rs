//! The root component: loads the guidance and shows the current step.

use super::layout::{Frame, GuidanceInfo};
use super::start_page::StartPage;
use crate::guidance::Guidance;
use std::rc::Rc;
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    // The embedded default guidance is checked by the native test suite, so failure here
    // means a broken build; it still gets a clear page rather than a panic.
    let guidance = use_memo((), |_| Guidance::embedded_default().map(Rc::new));
    let started = use_state(|| false);
    match &*guidance {
        Err(e) => html! {
            <div class="govuk-width-container">
                <main class="govuk-main-wrapper" id="main-content">
                    <h1 class="govuk-heading-l">{ "The guidance file has problems" }</h1>
                    <ul class="govuk-list">
                        { for e.problems.iter().map(|p| html! { <li><code>{ &p.path }</code>{ " " }{ &p.message }</li> }) }
                    </ul>
                </main>
            </div>
        },
        Ok(g) => {
            let front_door = g
                .contact("front_door")
                .map(|c| format!("{} on {}", c.name, c.phone))
                .unwrap_or_default();
            let on_start = {
                let started = started.clone();
                Callback::from(move |()| started.set(true))
            };
            html! {
                <Frame guidance={GuidanceInfo::of(g)}>
                    if *started {
                        <h1 class="govuk-heading-l">{ "Is the child in immediate danger?" }</h1>
                        <p class="govuk-body">{ "The guided questions are being built." }</p>
                    } else {
                        <StartPage authority={g.file().authority.name.clone()} front_door={front_door} on_start={on_start} />
                    }
                </Frame>
            }
        }
    }
}
