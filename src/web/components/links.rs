//! Links that act in the app rather than navigate. They are buttons underneath (keyboard
//! and screen readers treat them as actions) styled as GOV.UK links.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BackLinkProps {
    pub onclick: Callback<()>,
}

#[function_component(BackLink)]
pub fn back_link(props: &BackLinkProps) -> Html {
    let onclick = props.onclick.reform(|_: MouseEvent| ());
    html! {
        <button type="button" class="govuk-back-link app-link-button" {onclick}>{ "Back" }</button>
    }
}

#[derive(Properties, PartialEq)]
pub struct LinkButtonProps {
    pub onclick: Callback<()>,
    pub children: Html,
    #[prop_or_default]
    pub class: Classes,
}

#[function_component(LinkButton)]
pub fn link_button(props: &LinkButtonProps) -> Html {
    let onclick = props.onclick.reform(|_: MouseEvent| ());
    html! {
        <button type="button" class={classes!("govuk-link", "app-link-button", props.class.clone())} {onclick}>
            { props.children.clone() }
        </button>
    }
}
