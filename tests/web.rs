//! Browser unit tests: run by wasm-bindgen-test-runner in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown --no-default-features --features web --test web`).
#![cfg(all(target_arch = "wasm32", feature = "web"))]

use front_door_triage::web;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh `#app` element with the static fallback in it, as index.html has.
fn fresh_app_root() -> Element {
    let doc = document();
    if let Some(old) = doc.get_element_by_id("app") {
        old.remove();
    }
    let root = doc.create_element("div").unwrap();
    root.set_id("app");
    root.set_inner_html("<p id=\"fallback\">If the tool does not load, call 999.</p>");
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

/// Yew renders asynchronously: give it a few turns of the event loop.
async fn settle() {
    for _ in 0..5 {
        gloo::timers::future::TimeoutFuture::new(10).await;
    }
}

fn text_of(selector: &str) -> Option<String> {
    document()
        .query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
}

#[wasm_bindgen_test]
async fn start_replaces_the_fallback_with_the_start_page() {
    let root = fresh_app_root();
    web::start().expect("start");
    settle().await;
    assert!(
        document().get_element_by_id("fallback").is_none(),
        "the static fallback is removed once the app runs"
    );
    assert_eq!(text_of("#app h1").as_deref(), Some("Front Door Triage"));
    let banner = text_of("#app .govuk-phase-banner").unwrap_or_default();
    assert!(
        banner.contains("Not for live use"),
        "demo guidance shows the banner, got {banner:?}"
    );
    let start = root
        .query_selector("button.govuk-button--start")
        .unwrap()
        .expect("a start button");
    assert!(start.text_content().unwrap().contains("Start now"));

    start.dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
    let heading = text_of("#app h1").unwrap_or_default();
    assert_eq!(
        heading, "Who is using this tool?",
        "Start asks who is using the tool"
    );

    click("#app input[value=school_dsl]");
    click("#app form button[type=submit]");
    settle().await;
    let heading = text_of("#app h1").unwrap_or_default();
    assert_eq!(heading, "Is the child in immediate danger?");
    let draft = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap()
        .get_item("front-door-triage:draft")
        .unwrap()
        .expect("the draft is kept in sessionStorage");
    assert!(draft.contains("\"audience\":\"school_dsl\""), "{draft}");
}

fn click(selector: &str) {
    document()
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element {selector}"))
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
}

#[wasm_bindgen_test]
fn recovery_message_is_shown_once_as_an_alert_with_999() {
    web::show_recovery_message();
    web::show_recovery_message();
    let alerts = document().query_selector_all("#app-recovery").unwrap();
    assert_eq!(alerts.length(), 1, "shown once, however many panics");
    let panel = document().get_element_by_id("app-recovery").unwrap();
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    let text = panel.text_content().unwrap();
    assert!(text.contains("999"), "{text}");
    assert!(text.contains("answers"), "{text}");
}

#[wasm_bindgen_test]
fn start_without_an_app_element_is_an_error_not_a_panic() {
    if let Some(old) = document().get_element_by_id("app") {
        old.remove();
    }
    let err = web::start().expect_err("no #app element");
    assert!(err.as_string().unwrap_or_default().contains("#app"));
}
