//! The preview: the real triage widget (`web::mount`, the embedding API) with the guidance
//! as edited, inline, for the audience and (at the front door) the mode chosen; mounted
//! again after each edit. A decision
//! made in it can be saved to the case suite with its pathway as the expected one.

use super::super::app::{Action, Ctx};
use crate::engine::case::Case;
use crate::vocabulary::Audience;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;
use yew::prelude::*;

pub fn page(ctx: &Ctx) -> Html {
    let text = ctx.doc().text.to_string();
    // A file `check` refuses cannot be decided with; lint's errors (an invariant break)
    // are what the preview is for.
    let decidable = ctx.checks.as_deref().is_some_and(|c| c.guidance.is_some());
    let case = ctx.state.preview_case.clone();
    html! {
        <>
            <h1 class="govuk-heading-l" tabindex="-1">{ "Preview" }</h1>
            if !decidable {
                { super::review::warning("The preview shows the file once triage check finds no problems in it.") }
            } else {
                <Preview {text} case={case.map(|(c, n)| (std::rc::Rc::new(c), n))}
                    on_save={save(ctx)} />
            }
        </>
    }
}

fn save(ctx: &Ctx) -> Callback<(serde_json::Value, String)> {
    let dispatch = ctx.dispatch.clone();
    Callback::from(move |(case, pathway)| dispatch.dispatch(Action::SaveCase { case, pathway }))
}

#[derive(Properties, PartialEq)]
struct PreviewProps {
    text: String,
    case: Option<(std::rc::Rc<Case>, u64)>,
    /// Saves a case with the pathway the preview decided for it.
    on_save: Callback<(serde_json::Value, String)>,
}

#[function_component(Preview)]
fn preview(props: &PreviewProps) -> Html {
    let audience = use_state(|| Audience::FrontDoor);
    let expert = use_state(|| false);
    let host = use_node_ref();
    // The last decision made in the preview: its case and pathway (fictional, as typed).
    let decided = use_state(|| None::<(serde_json::Value, String)>);
    {
        let host = host.clone();
        let decided = decided.clone();
        let key = (props.text.clone(), *audience, *expert, props.case.clone());
        use_effect_with(key, move |(text, audience, expert, case)| {
            decided.set(None);
            let on_decision = Closure::<dyn Fn(JsValue)>::new(move |record: JsValue| {
                let json = js_sys::JSON::stringify(&record)
                    .ok()
                    .and_then(|s| s.as_string());
                let record: Option<serde_json::Value> =
                    json.and_then(|j| serde_json::from_str(&j).ok());
                let pathway = record
                    .as_ref()
                    .and_then(|r| r["recommendation"]["pathway"].as_str().map(String::from));
                if let (Some(r), Some(p)) = (record.as_ref(), pathway) {
                    decided.set(Some((r["case"].clone(), p)));
                }
            });
            let handle = host.cast::<web_sys::Element>().and_then(|el| {
                let options = js_sys::Object::new();
                let set = |k: &str, v: JsValue| js_sys::Reflect::set(&options, &k.into(), &v).ok();
                set("guidance", text.as_str().into());
                set("audience", audience.code().into());
                // Expert mode is the front door's (the app offers it to no one else).
                let expert = *expert && *audience == Audience::FrontDoor;
                set("mode", if expert { "expert" } else { "guided" }.into());
                set("onDecision", on_decision.as_ref().clone());
                if let Some((case, _)) = case {
                    let json = serde_json::to_string(&**case).unwrap_or_default();
                    set(
                        "initialCase",
                        js_sys::JSON::parse(&json).unwrap_or(JsValue::NULL),
                    );
                }
                crate::web::mount(el, options.into()).ok()
            });
            move || {
                if let Some(mut h) = handle {
                    h.unmount();
                }
                drop(on_decision);
            }
        });
    }
    let choose = |a: Audience| {
        let audience = audience.clone();
        Callback::from(move |_: Event| audience.set(a))
    };
    let work = |e: bool| {
        let expert = expert.clone();
        Callback::from(move |_: Event| expert.set(e))
    };
    html! {
        <>
            <div class="govuk-form-group">
                <fieldset class="govuk-fieldset">
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{ "Who is using it" }</legend>
                    <div class="govuk-radios govuk-radios--small govuk-radios--inline" data-module="govuk-radios">
                        { for Audience::ALL.iter().map(|a| html! {
                            <div class="govuk-radios__item">
                                <input class="govuk-radios__input" id={format!("preview-audience-{}", a.code())} name="preview-audience" type="radio"
                                    checked={*audience == *a} onchange={choose(*a)} />
                                <label class="govuk-label govuk-radios__label" for={format!("preview-audience-{}", a.code())}>{ a.label() }</label>
                            </div>
                        }) }
                    </div>
                </fieldset>
            </div>
            if *audience == Audience::FrontDoor {
                <div class="govuk-form-group">
                    <fieldset class="govuk-fieldset">
                        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{ "How they work" }</legend>
                        <div class="govuk-radios govuk-radios--small govuk-radios--inline" data-module="govuk-radios">
                            { for [(false, "guided", "One question at a time"), (true, "expert", "All questions on one page")].into_iter().map(|(e, code, label)| html! {
                                <div class="govuk-radios__item">
                                    <input class="govuk-radios__input" id={format!("preview-mode-{code}")} name="preview-mode" type="radio"
                                        checked={*expert == e} onchange={work(e)} />
                                    <label class="govuk-label govuk-radios__label" for={format!("preview-mode-{code}")}>{ label }</label>
                                </div>
                            }) }
                        </div>
                    </fieldset>
                </div>
            }
            if let Some((case, pathway)) = (*decided).clone() {
                <div class="govuk-inset-text" id="preview-decided">
                    <p class="govuk-body">{ format!("The preview decided: {pathway}.") }</p>
                    <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                        onclick={props.on_save.reform(move |_: MouseEvent| (case.clone(), pathway.clone()))}>
                        { "Save this case with its decision" }
                    </button>
                </div>
            }
            <div class="studio-preview" ref={host} id="studio-preview"></div>
        </>
    }
}
