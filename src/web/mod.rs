//! The browser layer: the Yew app and its entry points. Built only with the `web` feature
//! (Trunk turns it on); nothing in the engine depends on it.

mod app;
mod chart;
mod chooser;
mod components;
mod draft_store;
mod embed;
// The studio (feature `studio`) downloads its files with the same code.
pub(crate) mod export;
mod layout;
mod loader;
mod pages;
mod panic;
#[cfg(feature = "prerender")]
pub mod prerender;
mod registry;
mod state;
mod widget;
mod words;

use wasm_bindgen::prelude::*;

pub use embed::{mount, MountHandle};
pub use panic::show_recovery_message;

/// Starts the standalone app in the page's `#app` element (called by `www/boot.js`).
#[wasm_bindgen]
pub fn start() -> Result<(), JsValue> {
    panic::install_hook();
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .ok_or_else(|| JsValue::from_str("Front Door Triage: the page has no #app element"))?;
    // The static fallback stays in the page until now, so people without the app still
    // see what to do; the app replaces it.
    root.set_inner_html("");
    yew::Renderer::<app::App>::with_root(root).render();
    Ok(())
}

/// Panics on purpose, so the end-to-end tests can check that a panic never strands a
/// user: the recovery message appears and the answers survive in the draft. Not part of
/// the embedding API.
#[wasm_bindgen(js_name = "__panicForTests")]
pub fn panic_for_tests() {
    panic!("deliberate panic for tests");
}

// Smaller and quicker than the default dlmalloc in the browser (issue 14, BENCHMARKS.md).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
