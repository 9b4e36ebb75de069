//! What a page needs to know about the widget it is in. Standalone there is one widget and
//! ids are used as written. Embedded, two widgets may share a document (or sit in a Shadow
//! DOM, where `document.getElementById` cannot see them), so ids get a per-widget prefix
//! and lookups go through the widget's own root element.

use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Clone, PartialEq, Default)]
pub struct Widget {
    /// Empty standalone; `ftd1`, `ftd2`, ... for embedded widgets.
    pub prefix: Rc<str>,
    /// The element the app renders into.
    pub root: NodeRef,
    /// Embedded in a host page: never touch its URL, history, title or scroll position.
    pub embedded: bool,
}

impl Widget {
    /// The document id for a local id such as `age-years`.
    pub fn id(&self, local: &str) -> String {
        if self.prefix.is_empty() {
            local.to_string()
        } else {
            format!("{}-{local}", self.prefix)
        }
    }

    /// Finds an element of this widget by CSS selector.
    pub fn find(&self, selector: &str) -> Option<web_sys::HtmlElement> {
        let root = self.root.cast::<web_sys::Element>()?;
        root.query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    }

    /// Moves focus to a field by its local id (error summary links).
    pub fn focus_field(&self, local: &str) {
        if let Some(el) = self.find(&format!("#{}", self.id(local))) {
            let _ = el.focus();
            el.scroll_into_view();
        }
    }

    /// After a step change: focus the new heading, as a page load would for screen reader
    /// users. Standalone also scrolls the window to the top; embedded only the widget.
    pub fn focus_heading(&self) {
        if let Some(h) = self.find("h1") {
            let _ = h.set_attribute("tabindex", "-1");
            let _ = h.focus();
            if self.embedded {
                h.scroll_into_view();
            }
        }
        if !self.embedded {
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    }
}

#[hook]
pub fn use_widget() -> Widget {
    use_context::<Widget>().unwrap_or_default()
}
