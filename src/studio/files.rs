//! Files in and out of the studio, at the user's request only: a file chosen or dropped,
//! a guidance file fetched from an address the user typed, and downloads. Nothing is sent.

use wasm_bindgen_futures::JsFuture;

/// A chosen or dropped file's text.
pub async fn read(file: web_sys::File) -> Result<String, String> {
    let name = file.name();
    JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| format!("{name} could not be read. Check it is a guidance file (.json)."))
}

/// A guidance file from an address. The page's Content-Security-Policy allows its own
/// origin only, so another site's file is refused by the browser, not sent anything.
pub async fn fetch(url: &str) -> Result<String, String> {
    let fail = || {
        format!("The file at {url} could not be loaded. The studio can open files from this site only; save the file and choose it instead.")
    };
    let response = gloo::net::http::Request::get(url)
        .send()
        .await
        .map_err(|_| fail())?;
    if !response.ok() {
        return Err(fail());
    }
    response.text().await.map_err(|_| fail())
}

/// Offers `content` as a download called `name` (the triage app's own download code).
pub fn download(content: &str, mime: &str, name: &str) -> Result<(), String> {
    let not_saved = format!("{name} could not be saved. Try again, or use another browser.");
    crate::web::export::save(content, mime, name, &not_saved)
}
