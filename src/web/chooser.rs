//! Standalone only: choosing one of the guidance files the deployment ships, listed in
//! `guidance/index.json`. Files are fetched from the app's own origin; a file that fails
//! validation is shown with its located problems, never used.

use super::components::{radios, ChoiceOption, Radios};
use crate::guidance::manifest::Manifest;
use crate::guidance::{Guidance, GuidanceError};
use crate::web::loader::{fetch_guidance, fetch_text};
use yew::prelude::*;

pub const CHOICE_KEY: &str = "front-door-triage:guidance";
pub const DEFAULT_FILE: &str = "default.json";

/// Loads a shipped guidance file by name. The compiled-in default needs no fetch.
pub async fn load(file: &str) -> Result<Guidance, GuidanceError> {
    if file == DEFAULT_FILE {
        return Guidance::embedded_default();
    }
    fetch_guidance(&format!("guidance/{file}")).await
}

pub fn stored_choice() -> Option<String> {
    let s = gloo::utils::window().session_storage().ok().flatten()?;
    s.get_item(CHOICE_KEY).ok().flatten()
}

pub fn store_choice(file: &str) {
    if let Some(s) = gloo::utils::window().session_storage().ok().flatten() {
        let _ = if file == DEFAULT_FILE {
            s.remove_item(CHOICE_KEY)
        } else {
            s.set_item(CHOICE_KEY, file)
        };
    }
}

#[derive(Properties, PartialEq)]
pub struct ChooserProps {
    pub current: AttrValue,
    pub on_choose: Callback<String>,
    pub on_cancel: Callback<()>,
}

#[function_component(GuidanceChooser)]
pub fn guidance_chooser(props: &ChooserProps) -> Html {
    let manifest = use_state(|| None::<Result<Manifest, String>>);
    let selected = use_state(|| props.current.to_string());
    let w = crate::web::widget::use_widget();
    {
        let manifest = manifest.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = fetch_text("guidance/index.json").await.and_then(|t| {
                    Manifest::from_json(&t).map_err(|p| format!("guidance/index.json: {p}"))
                });
                manifest.set(Some(loaded));
            });
        });
    }
    let onsubmit = {
        let on_choose = props.on_choose.clone();
        let selected = selected.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_choose.emit((*selected).clone());
        })
    };
    let body = match &*manifest {
        None => {
            html! { <p class="govuk-body" role="status">{ "Loading the list of guidance…" }</p> }
        }
        Some(Err(e)) => {
            html! { <p class="govuk-body">{ format!("The list of guidance could not be loaded: {e}") }</p> }
        }
        Some(Ok(m)) => {
            let options = m
                .guidance
                .iter()
                .map(|e| ChoiceOption::new(e.file.clone(), e.name.clone()))
                .collect::<Vec<_>>();
            let onchange = {
                let selected = selected.clone();
                Callback::from(move |v: String| selected.set(v))
            };
            html! {
                <form novalidate=true {onsubmit}>
                    { radios(&w, Radios {
                        id: "guidance-file".into(),
                        legend: "Which local authority's guidance do you want to use?".into(),
                        heading: true,
                        hint: Some("Each authority sets its own support levels. Your answers so far will be cleared.".into()),
                        options,
                        selected: Some((*selected).clone()),
                        onchange,
                        ..Radios::default()
                    }) }
                    { rules_picture(&selected) }
                    <div class="govuk-button-group">
                        <button type="submit" class="govuk-button">{ "Use this guidance" }</button>
                        <button type="button" class="govuk-button govuk-button--secondary"
                            onclick={props.on_cancel.reform(|_: MouseEvent| ())}>{ "Cancel" }</button>
                    </div>
                </form>
            }
        }
    };
    html! {
        <div class="govuk-width-container">
            <main class="govuk-main-wrapper" id="main-content">
                <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">{ body }</div></div>
            </main>
        </div>
    }
}

/// How the chosen guidance decides: the picture `triage explain` draws, shipped beside the
/// file as `<name>.svg` (an image, so nothing in it can run).
fn rules_picture(file: &str) -> Html {
    let Some(stem) = file.strip_suffix(".json") else {
        return html! {};
    };
    html! {
        <details class="govuk-details app-rules-picture">
            <summary class="govuk-details__summary">
                <span class="govuk-details__summary-text">{ "See how this guidance decides" }</span>
            </summary>
            <div class="govuk-details__text">
                <p class="govuk-body">{ "The rules run in order: the first pathway rule that matches gives the route, escalation rules can raise it, and action rules add what to do." }</p>
                <img src={format!("guidance/{stem}.svg")} class="app-rules-picture__image"
                    alt="The decision rules of this guidance as a flow chart: pathway rules in order, then escalation and action rules." />
            </div>
        </details>
    }
}
