//! "Are you sure you want to start again?": clearing every answer asks first.

use crate::flow::Msg;
use yew::prelude::*;

pub fn restart_confirm(dispatch: &Callback<Msg>) -> Html {
    html! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <h1 class="govuk-heading-l">{ "Are you sure you want to start again?" }</h1>
                <p class="govuk-body">{ "This clears every answer you have given in this tab. It cannot be undone." }</p>
                <div class="govuk-button-group">
                    <button type="button" class="govuk-button govuk-button--warning"
                        onclick={dispatch.reform(|_: MouseEvent| Msg::Restart)}>{ "Yes, clear my answers" }</button>
                    <button type="button" class="govuk-button govuk-button--secondary"
                        onclick={dispatch.reform(|_: MouseEvent| Msg::CancelRestart)}>{ "No, go back" }</button>
                </div>
            </div>
        </div>
    }
}
