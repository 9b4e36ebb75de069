//! Getting the decision record out of the page, at the user's request only: copy a
//! plain-text summary, print, or download the JSON record. Nothing is sent anywhere.

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

/// Copies text to the clipboard; `Err` carries a message for the user.
pub async fn copy_text(text: String) -> Result<(), String> {
    let clipboard = gloo::utils::window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(&text))
        .await
        .map(|_| ())
        .map_err(|_| {
            "The summary could not be copied. Select the text below and copy it instead."
                .to_string()
        })
}

pub fn print() {
    let _ = gloo::utils::window().print();
}

/// Saves the record as a JSON file through a temporary object URL.
pub fn download(record: &DecisionRecord) -> Result<(), String> {
    let json = serde_json::to_string_pretty(record).map_err(|e| e.to_string())?;
    save(&json, "application/json", "json", record)
}

/// Saves the plain-text summary, for a case file note.
pub fn download_text(summary: &str, record: &DecisionRecord) -> Result<(), String> {
    save(summary, "text/plain;charset=utf-8", "txt", record)
}

fn save(content: &str, mime: &str, extension: &str, record: &DecisionRecord) -> Result<(), String> {
    let parts = js_sys::Array::of1(&content.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let fail = |_| "The record could not be saved. Use Copy summary instead.".to_string();
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let doc = gloo::utils::document();
    let link: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "The record could not be saved.".to_string())?;
    link.set_href(&url);
    let stamp: String = record
        .created_at
        .chars()
        .take(16)
        .map(|c| if c == ':' { '-' } else { c })
        .collect();
    link.set_download(&format!("decision-record-{stamp}.{extension}"));
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
