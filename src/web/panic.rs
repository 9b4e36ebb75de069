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

/// Shows the recovery message (once). The panic hook calls it; so do the browser tests.
pub fn show_recovery_message() {
    let document = gloo::utils::document();
    if document.get_element_by_id(RECOVERY_ID).is_some() {
        return;
    }
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_id(RECOVERY_ID);
    panel.set_class_name("app-recovery govuk-width-container");
    let _ = panel.set_attribute("role", "alert");
    // Plain text nodes only: nothing here is parsed as HTML.
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
            "If a child is in immediate danger, call the police on 999 now.",
        ),
    ];
    for (tag, class, text) in lines {
        if let Ok(el) = document.create_element(tag) {
            el.set_class_name(class);
            el.set_text_content(Some(text));
            let _ = panel.append_child(&el);
        }
    }
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&panel);
    }
}
