//! The guidance studio (issue 15): a policy lead opens their authority's guidance file,
//! edits it, sees `check` and `lint` after every edit, runs a case suite, reviews the
//! change against the file as opened and exports it. Its own page (`studio.html`) and its
//! own wasm (feature `studio`), so the triage app never carries the authoring tools.
//!
//! Every check is the CLI's own code (`authoring`, `guidance`), compiled to wasm: the
//! studio adds screens, not a second implementation.

mod app;
mod checks;
mod doc;
mod files;
mod nav;
mod review;
mod store;
mod views;

use wasm_bindgen::prelude::*;

/// Starts the studio in the page's `#studio` element (called by `www/studio-boot.js`).
#[wasm_bindgen]
pub fn start_studio() -> Result<(), JsValue> {
    let root = gloo::utils::document()
        .get_element_by_id("studio")
        .ok_or_else(|| JsValue::from_str("Guidance studio: the page has no #studio element"))?;
    root.set_inner_html("");
    yew::Renderer::<app::Studio>::with_root(root).render();
    Ok(())
}
