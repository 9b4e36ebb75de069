//! The `<front-door-triage>` custom element, defined in `www/element.js` and built on
//! `mount`; the same module gives the stylesheet's address for each Shadow DOM.

use super::mount::{mount, MountHandle};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(module = "/www/element.js")]
extern "C" {
    pub(super) fn style_url() -> String;
    fn define_element(mount: &js_sys::Function);
}

/// Registers `<front-door-triage>` when the module is initialised.
#[wasm_bindgen(start)]
pub fn register_element() {
    let mount_fn =
        Closure::<dyn Fn(web_sys::Element, JsValue) -> Result<MountHandle, JsError>>::new(mount);
    define_element(mount_fn.as_ref().unchecked_ref());
    // The element class keeps calling it for the page's lifetime.
    mount_fn.forget();
}
