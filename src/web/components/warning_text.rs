//! GOV.UK warning text: the "!" icon and the words in bold, with "Warning" for screen
//! readers.

//!
//! This and the other stateless views in `components/` are plain functions returning
//! `Html`, not components: a component costs about 1 KB of Yew's lifecycle code in the
//! download for each type (BENCHMARKS.md, "Where the wasm's bytes go").

use yew::prelude::*;

/// `class` adds to `govuk-warning-text` (an empty `Classes` for none).
pub fn warning_text(class: impl Into<Classes>, words: Html) -> Html {
    html! {
        <div class={classes!("govuk-warning-text", class.into())}>
            <span class="govuk-warning-text__icon" aria-hidden="true">{ "!" }</span>
            <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">{ "Warning" }</span>
                { words }
            </strong>
        </div>
    }
}
