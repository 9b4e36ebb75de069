//! Links that act in the app rather than navigate. They are buttons underneath (keyboard
//! and screen readers treat them as actions) styled as GOV.UK links.

use yew::prelude::*;

pub fn back_link(onclick: &Callback<()>) -> Html {
    let onclick = onclick.reform(|_: MouseEvent| ());
    html! {
        <button type="button" class="govuk-back-link app-link-button" {onclick}>{ "Back" }</button>
    }
}

pub fn link_button(onclick: &Callback<()>, words: Html) -> Html {
    let onclick = onclick.reform(|_: MouseEvent| ());
    html! {
        <button type="button" class="govuk-link app-link-button" {onclick}>
            { words }
        </button>
    }
}
