//! The standalone app's first page, rendered at build time (`src/bin/prerender.rs`, run by
//! Trunk's pre_build hook) so `index.html` can be read before the wasm arrives.
//!
//! It renders `app::standalone`, the very view `App` shows once the built-in guidance is
//! loaded, with a blank session (no browser storage natively). The browser app then
//! renders the same markup in place of it within one task, so nothing repaints; the
//! end-to-end suite compares the two (`prerender.test.mjs`).

use crate::guidance::{Guidance, GuidanceError, SharedGuidance};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct StartProps {
    guidance: SharedGuidance,
}

#[function_component(Start)]
fn start(props: &StartProps) -> Html {
    super::app::standalone(&props.guidance, Callback::noop())
}

/// The start page's HTML for the built-in guidance, as the app's `#app` element holds it.
pub fn start_page() -> Result<String, GuidanceError> {
    let guidance = SharedGuidance::new(Guidance::embedded_default()?);
    let render = yew::LocalServerRenderer::<Start>::with_props(StartProps { guidance })
        .hydratable(false)
        .render();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread tokio runtime needs no resources that can be missing");
    Ok(tokio::task::LocalSet::new().block_on(&runtime, render))
}
