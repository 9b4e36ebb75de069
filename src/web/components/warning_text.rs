//! GOV.UK warning text: the "!" icon and the words in bold, with "Warning" for screen
//! readers.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WarningTextProps {
    pub children: Html,
    #[prop_or_default]
    pub class: Classes,
}

#[function_component(WarningText)]
pub fn warning_text(props: &WarningTextProps) -> Html {
    html! {
        <div class={classes!("govuk-warning-text", props.class.clone())}>
            <span class="govuk-warning-text__icon" aria-hidden="true">{ "!" }</span>
            <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">{ "Warning" }</span>
                { props.children.clone() }
            </strong>
        </div>
    }
}
