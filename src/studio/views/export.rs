//! Export: the guidance file as `triage format` writes it, its SHA-256 for a host's
//! `guidanceSha256`, the rules picture (`explain`), the case suite and the change log.
//! Only once the file has no errors and every lowered decision is acknowledged.

use super::super::app::Ctx;
use super::super::files;
use super::super::nav::Page;
use super::review::{may_export, review, warning};
use crate::authoring::explain;
use yew::prelude::*;

pub fn page(ctx: &Ctx) -> Html {
    if !may_export(ctx) {
        return html! {
            <>
                <h1 class="govuk-heading-l" tabindex="-1">{ "Export" }</h1>
                { warning("Export needs a file with no errors, and every lowered decision acknowledged in the review.") }
                <a class="govuk-link" href="#" onclick={ctx.go(Page::Review, None)}>{ "Go to the review" }</a>
            </>
        };
    }
    let doc = ctx.doc();
    let Some(g) = ctx.checks.as_deref().and_then(|c| c.guidance.clone()) else {
        return html! {};
    };
    let base = format!("{}-{}", g.id(), g.version());
    let sha = g.sha256().to_string();
    let download = |content: String, mime: &'static str, name: String| {
        Callback::from(move |_: MouseEvent| {
            let _ = files::download(&content, mime, &name);
        })
    };
    let suite = ctx.state.suite.as_ref();
    let acknowledged = ctx.state.acknowledged == Some(doc.revision);
    let log = review(ctx)
        .map(|r| {
            r.markdown(
                &doc.file.title,
                suite.map(|s| s.name.as_str()),
                acknowledged,
            )
        })
        .unwrap_or_default();
    let snippet = format!(
        "mount(element, {{ guidanceUrl: \"/guidance/{}.json\", guidanceSha256: \"{sha}\" }})",
        g.id()
    );
    html! {
        <>
            <h1 class="govuk-heading-l" tabindex="-1">{ "Export" }</h1>
            <dl class="govuk-summary-list">
                { super::fields::summary_row("File", html! { format!("{base}.json") }, None) }
                { super::fields::summary_row("SHA-256", html! { <code id="export-sha256" class="studio-code">{ sha.clone() }</code> }, None) }
                { super::fields::summary_row("Pin it in a portal", html! { <code class="studio-code">{ snippet }</code> }, None) }
            </dl>
            <div class="govuk-button-group">
                <button type="button" class="govuk-button" id="export-guidance"
                    onclick={download(doc.text.to_string(), "application/json", format!("{base}.json"))}>{ "Download the guidance file" }</button>
                <button type="button" class="govuk-button govuk-button--secondary"
                    onclick={download(explain::svg(&g), "image/svg+xml", format!("{base}.svg"))}>{ "Download the rules picture" }</button>
                if let Some(s) = suite {
                    <button type="button" class="govuk-button govuk-button--secondary"
                        onclick={download(s.text.to_string(), "application/json", format!("{base}-cases.json"))}>{ "Download the case suite" }</button>
                }
                <button type="button" class="govuk-button govuk-button--secondary"
                    onclick={download(log, "text/markdown", format!("{base}-changes.md"))}>{ "Download the change log" }</button>
            </div>
            <p class="govuk-body">{ "Publish the file where your triage tool loads its guidance, then record the revision in your guidance change log." }</p>
        </>
    }
}
