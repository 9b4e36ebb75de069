//! Getting the decision record and the drafted request out of the page, at the user's
//! request only: copy plain text, print, or download a file. Nothing is sent anywhere.

use crate::record::DecisionRecord;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The local time now as RFC 3339 with the offset (`2026-11-24T10:15:00+00:00`).
pub fn now_rfc3339() -> String {
    let d = js_sys::Date::new_0();
    let offset = -(d.get_timezone_offset() as i64); // minutes east of UTC
    let sign = if offset < 0 { '-' } else { '+' };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds(),
        sign,
        offset.abs() / 60,
        offset.abs() % 60
    )
}

/// A new family id (issue 16): 16 random bytes from `crypto.getRandomValues`, as hex, so
/// it is derived from nothing about the family or the device.
/// Falls back to `Math.random` in the unlikely browser without crypto: the id links
/// records, no more.
pub fn new_family_id() -> String {
    let mut bytes = [0u8; 16];
    let random = gloo::utils::window()
        .crypto()
        .ok()
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !random {
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("family-{hex}")
}

/// Copies text to the clipboard; `Err` carries a message for the user naming `what`
/// ("summary", "draft") could not be copied.
pub async fn copy_text(text: String, what: &str) -> Result<(), String> {
    let clipboard = gloo::utils::window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(&text))
        .await
        .map(|_| ())
        .map_err(|_| {
            format!("The {what} could not be copied. Select the text below and copy it instead.")
        })
}

/// A Copy button's click: copies `text`, then reports `done` or why it could not.
pub fn copy_on_click(
    text: String,
    what: &'static str,
    done: &'static str,
    report: yew::Callback<Option<String>>,
) -> yew::Callback<web_sys::MouseEvent> {
    yew::Callback::from(move |_| {
        let (text, report) = (text.clone(), report.clone());
        wasm_bindgen_futures::spawn_local(async move {
            report.emit(Some(match copy_text(text, what).await {
                Ok(()) => done.into(),
                Err(e) => e,
            }));
        });
    })
}

pub fn print() {
    let _ = gloo::utils::window().print();
}

/// The class on `.app-root` that makes print show one part of the page only
/// (`www/styles/_triage.scss`).
const PRINT_PART: &str = "app-print-part";

/// Prints only `part` of the page (the draft, not the whole outcome): its app root is
/// marked while the print dialog is open, and print styles hide everything else.
pub fn print_part(part: &web_sys::Element) {
    let root = part.closest(".app-root").ok().flatten();
    if let Some(root) = &root {
        let _ = root.class_list().add_1(PRINT_PART);
        // Some browsers return from print() before printing: unmark after it, not before.
        let root = root.clone();
        gloo::events::EventListener::once(&gloo::utils::window(), "afterprint", move |_| {
            let _ = root.class_list().remove_1(PRINT_PART);
        })
        .forget();
    }
    print();
}

const TEXT: &str = "text/plain;charset=utf-8";
const RECORD_NOT_SAVED: &str = "The record could not be saved. Use Copy summary instead.";

/// Saves the record as a JSON file through a temporary object URL.
pub fn download(record: &DecisionRecord) -> Result<(), String> {
    let json = serde_json::to_string_pretty(record).map_err(|e| e.to_string())?;
    let name = file_name(&record_name(record), &record.created_at, "json");
    save(&json, "application/json", &name, RECORD_NOT_SAVED)
}

/// Saves every record of a family as one JSON array, each listing the others (issue 16).
pub fn download_family(records: &[DecisionRecord]) -> Result<(), String> {
    let json = serde_json::to_string_pretty(records).map_err(|e| e.to_string())?;
    let at = records
        .last()
        .map_or_else(now_rfc3339, |r| r.created_at.clone());
    let name = file_name("family-decision-records", &at, "json");
    save(&json, "application/json", &name, RECORD_NOT_SAVED)
}

/// Saves the plain-text summary, for a case file note.
pub fn download_text(summary: &str, record: &DecisionRecord) -> Result<(), String> {
    let name = file_name(&record_name(record), &record.created_at, "txt");
    save(summary, TEXT, &name, RECORD_NOT_SAVED)
}

/// Saves the drafted request for support as a text file, named for now: a draft may be
/// saved before the decision is recorded.
pub fn download_draft(draft: &str) -> Result<(), String> {
    let name = file_name("request-for-support", &now_rfc3339(), "txt");
    save(
        draft,
        TEXT,
        &name,
        "The draft could not be saved. Use Copy draft instead.",
    )
}

/// `decision-record`, or `decision-record-child-2` in a family: two children recorded
/// in the same minute must not get the same file name.
fn record_name(record: &DecisionRecord) -> String {
    match &record.family {
        Some(f) if f.of > 1 => format!("decision-record-child-{}", f.child),
        _ => "decision-record".to_string(),
    }
}

/// `decision-record-2026-11-24T10-15.json`: what, and when to the minute, with no colons.
fn file_name(what: &str, rfc3339: &str, extension: &str) -> String {
    let stamp: String = rfc3339
        .chars()
        .take(16)
        .map(|c| if c == ':' { '-' } else { c })
        .collect();
    format!("{what}-{stamp}.{extension}")
}

pub(crate) fn save(content: &str, mime: &str, name: &str, not_saved: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&content.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let fail = |_| not_saved.to_string();
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let doc = gloo::utils::document();
    let link: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| not_saved.to_string())?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
