//! A panic must never leave a dead page: the hook shows a recovery message with what to do
//! now. It logs where the panic happened but never its message, which could hold case data.

pub fn install_hook() {
    // Through Yew, which otherwise replaces any hook with console_error_panic_hook when
    // the app renders, and that logs the panic's message.
    yew::set_custom_panic_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        web_sys::console::error_1(
            &format!("Front Door Triage stopped unexpectedly ({place})").into(),
        );
        show_recovery_message();
    }));
}

const RECOVERY_ID: &str = "app-recovery";

/// Shows the recovery message (once): inside each embedded widget, or at the top of the
/// standalone page. The panic hook calls it; so do the browser tests.
pub fn show_recovery_message() {
    let document = gloo::utils::document();
    let widgets = super::registry::mounted();
    if widgets.is_empty() {
        if document.get_element_by_id(RECOVERY_ID).is_none() {
            if let (Some(panel), Some(body)) = (recovery_panel(&document), document.body()) {
                let _ = body.prepend_with_node_1(&panel);
            }
        }
        return;
    }
    for widget in widgets {
        let shown = widget
            .query_selector(".app-recovery")
            .ok()
            .flatten()
            .is_some();
        if let (false, Some(panel)) = (shown, recovery_panel(&document)) {
            // Ids would collide between widgets; the class is enough inside one.
            panel.remove_attribute("id").ok();
            let _ = widget.prepend_with_node_1(&panel);
        }
    }
}

/// The message itself: plain text nodes only, nothing parsed as HTML.
fn recovery_panel(document: &web_sys::Document) -> Option<web_sys::Element> {
    let panel = document.create_element("div").ok()?;
    panel.set_id(RECOVERY_ID);
    panel.set_class_name("app-recovery govuk-width-container");
    let _ = panel.set_attribute("role", "alert");
    let lines = [
        ("h2", "govuk-heading-m", "Something went wrong"),
        (
            "p",
            "govuk-body",
            "The triage tool stopped unexpectedly. Your answers so far are kept in this browser tab: reload the page to carry on.",
        ),
        (
            "p",
            "govuk-body",
            super::words::IMMEDIATE_DANGER,
        ),
    ];
    for (tag, class, text) in lines {
        if let Ok(el) = document.create_element(tag) {
            el.set_class_name(class);
            el.set_text_content(Some(text));
            let _ = panel.append_child(&el);
        }
    }
    Some(panel)
}
