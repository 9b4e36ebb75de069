//! The embedded widgets mounted now. `mount` adds to it and `unmount` takes away; the panic
//! hook reads it, to put its recovery message inside each widget rather than the host's
//! page. Standalone it stays empty.

use std::cell::{Cell, RefCell};

thread_local! {
    static MOUNTED_EVER: Cell<u32> = const { Cell::new(0) };
    static MOUNTED: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
}

/// Adds a widget's outermost element; returns its id prefix (`ftd1`, `ftd2`, …), unique
/// for the page's lifetime so ids never collide between widgets.
pub fn add(element: &web_sys::Element) -> String {
    MOUNTED.with(|m| m.borrow_mut().push(element.clone()));
    let n = MOUNTED_EVER.with(|w| {
        w.set(w.get() + 1);
        w.get()
    });
    format!("ftd{n}")
}

pub fn remove(element: &web_sys::Element) {
    MOUNTED.with(|m| m.borrow_mut().retain(|e| e != element));
}

/// The outermost elements of the widgets mounted now.
pub fn mounted() -> Vec<web_sys::Element> {
    MOUNTED.with(|m| m.borrow().clone())
}
