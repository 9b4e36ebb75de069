//! The draft kept in the browser until discarded (IndexedDB): the guidance being edited,
//! which is not personal data, with the file as opened so the review still compares
//! against it after a reload. Cases never go here; nothing goes in localStorage, cookies
//! or the URL.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

const DB: &str = "front-door-triage-studio";
const STORE: &str = "drafts";
const KEY: &str = "draft";

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Draft {
    /// Where the file came from, in words.
    pub origin: String,
    pub opened_text: String,
    /// The model written out (`authoring::format`) as it was last edited.
    pub text: String,
    /// When it was last saved, in the browser's local time.
    pub saved_at: String,
}

/// The request's result once it succeeds.
async fn done(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(promise).await?;
    request.result()
}

async fn open() -> Result<IdbDatabase, JsValue> {
    let factory = gloo::utils::window()
        .indexed_db()?
        .ok_or_else(|| JsValue::from_str("IndexedDB is not available"))?;
    let request = factory.open_with_u32(DB, 1)?;
    // The first open creates the store; later versions would migrate here.
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let db = event
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = done(&request).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    db?.dyn_into::<IdbDatabase>()
}

pub async fn load() -> Option<Draft> {
    let db = open().await.ok()?;
    let store = db
        .transaction_with_str(STORE)
        .and_then(|t| t.object_store(STORE))
        .ok()?;
    let value = done(&store.get(&KEY.into()).ok()?).await.ok()?;
    serde_json::from_str(&value.as_string()?).ok()
}

pub async fn save(draft: &Draft) -> Result<(), JsValue> {
    let db = open().await?;
    let store = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?
        .object_store(STORE)?;
    let text = serde_json::to_string(draft).map_err(|e| JsValue::from_str(&e.to_string()))?;
    done(&store.put_with_key(&text.into(), &KEY.into())?).await?;
    Ok(())
}

pub async fn discard() -> Result<(), JsValue> {
    let db = open().await?;
    let store = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?
        .object_store(STORE)?;
    done(&store.delete(&KEY.into())?).await?;
    Ok(())
}
