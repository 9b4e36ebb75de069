//! The draft in `sessionStorage`: it survives a reload, dies with the tab, and is the only
//! place the app stores anything. Never `localStorage`, cookies or the URL.

use crate::flow::{Draft, DraftProblem};
use crate::guidance::Guidance;

fn storage() -> Option<web_sys::Storage> {
    // The build-time render (`web::prerender`) runs natively, with no browser storage:
    // it draws a blank start, as a first visit sees.
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    gloo::utils::window().session_storage().ok().flatten()
}

/// Reads the draft. A damaged or outdated one is removed and reported, never trusted.
pub fn load(key: &str, guidance: &Guidance) -> Result<Option<Draft>, DraftProblem> {
    let Some(text) = storage().and_then(|s| s.get_item(key).ok().flatten()) else {
        return Ok(None);
    };
    Draft::restore(&text, guidance)
        .map(Some)
        .inspect_err(|_| clear(key))
}

pub fn save(key: &str, draft: &Draft) {
    if let Some(s) = storage() {
        // Storage can be full or blocked; the app carries on either way.
        let _ = s.set_item(key, &draft.to_json());
    }
}

pub fn clear(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}
