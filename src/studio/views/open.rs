//! The first page: carry on with the draft, or open the built-in guidance, a file from
//! this computer (chosen or dropped), a file at an address, or start a new authority
//! from Demo Borough. A file that does not parse shows `triage check`'s located problems.

use super::super::app::{Action, Ctx};
use super::super::doc::Edit;
use super::super::files;
use super::super::store::Draft;
use super::fields::problem_summary;
use crate::guidance::DEFAULT_GUIDANCE_JSON;
use wasm_bindgen::JsCast;
use yew::prelude::*;

const BUILT_IN: &str = "the built-in guidance (Demo Borough)";

pub fn page(ctx: &Ctx, draft: Option<Draft>, discard: Callback<MouseEvent>) -> Html {
    let open_built_in = ctx.on(|| Action::Open {
        origin: BUILT_IN.into(),
        text: DEFAULT_GUIDANCE_JSON.into(),
    });
    let start_new = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            ctx.send(Action::Open {
                origin: "a new authority, started from Demo Borough".into(),
                text: DEFAULT_GUIDANCE_JSON.into(),
            });
            ctx.edit(Edit::new("new-authority", |f| {
                f.id = "new-authority".into();
                f.title = "New authority support level guidance".into();
                f.version = "0.1".into();
                f.published = None;
                f.authority.name = "New authority".into();
            }));
            ctx.send(Action::Seal);
        })
    };
    let on_file = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|l| l.get(0)) {
                open_file(&ctx, file);
            }
        })
    };
    let on_drop = {
        let ctx = ctx.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|l| l.get(0))
            {
                open_file(&ctx, file);
            }
        })
    };
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    let on_url = {
        let ctx = ctx.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let url = gloo::utils::document()
                .get_element_by_id("open-url")
                .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
                .map(|i| i.value().trim().to_string())
                .unwrap_or_default();
            if url.is_empty() {
                return;
            }
            let ctx = ctx.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match files::fetch(&url).await {
                    Ok(text) => ctx.send(Action::Open { origin: url, text }),
                    Err(message) => ctx.send(Action::OpenFailed {
                        origin: url,
                        message,
                    }),
                }
            });
        })
    };
    html! {
        <>
            if let Some((origin, problems)) = &ctx.state.open_problems {
                { problem_summary(&format!("{origin} could not be opened"), problems, None) }
            }
            <h1 class="govuk-heading-xl">{ "Guidance studio" }</h1>
            <p class="govuk-body-l">{ "Edit, check, test and publish your authority's support level guidance. Every check is the one the triage tool and its command line run." }</p>
            <p class="govuk-body">{ "Guidance is not personal data. The file you edit is kept in this browser until you discard it; nothing is sent anywhere. Cases in a case suite are fictional." }</p>
            if let Some(d) = draft {
                <div class="govuk-inset-text">
                    <h2 class="govuk-heading-m">{ "Your draft" }</h2>
                    <p class="govuk-body">{ format!("Opened from {}, last changed {}.", d.origin, d.saved_at.replace('T', " at ").chars().take(22).collect::<String>()) }</p>
                    <div class="govuk-button-group">
                        <button type="button" class="govuk-button" onclick={ctx.on(move || Action::Restore(d.clone()))}>{ "Carry on with your draft" }</button>
                        <button type="button" class="govuk-button govuk-button--warning" onclick={discard}>{ "Discard draft" }</button>
                    </div>
                </div>
            }
            <h2 class="govuk-heading-m">{ "Open guidance" }</h2>
            <div class="govuk-button-group">
                <button type="button" class="govuk-button" onclick={open_built_in}>{ "Open the built-in guidance" }</button>
                <button type="button" class="govuk-button govuk-button--secondary" onclick={start_new}>{ "Start a new authority from Demo Borough" }</button>
            </div>
            <div class="studio-drop govuk-form-group" ondrop={on_drop} ondragover={on_drag_over}>
                <label class="govuk-label govuk-label--s" for="open-file">{ "Open a guidance file from this computer" }</label>
                <div class="govuk-hint" id="open-file-hint">{ "Choose a .json file, or drop it here." }</div>
                <input class="govuk-file-upload" id="open-file" name="open-file" type="file" accept=".json,application/json"
                    aria-describedby="open-file-hint" onchange={on_file} />
            </div>
            <form class="govuk-form-group" onsubmit={on_url} novalidate=true>
                <label class="govuk-label govuk-label--s" for="open-url">{ "Or open a guidance file from an address on this site" }</label>
                <div class="govuk-hint" id="open-url-hint">{ "For example /guidance/example-county.json" }</div>
                <input class="govuk-input govuk-!-width-two-thirds" id="open-url" name="url" type="text" spellcheck="false"
                    aria-describedby="open-url-hint" />
                <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-left-2">{ "Open" }</button>
            </form>
        </>
    }
}

fn open_file(ctx: &Ctx, file: web_sys::File) {
    let ctx = ctx.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let origin = file.name();
        match files::read(file).await {
            Ok(text) => ctx.send(Action::Open { origin, text }),
            Err(message) => ctx.send(Action::OpenFailed { origin, message }),
        }
    });
}
