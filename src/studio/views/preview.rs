//! The preview: the real triage widget (`web::mount`, the embedding API) with the guidance
//! as edited, inline, for the audience chosen; mounted again after each edit.

use super::super::app::Ctx;
use crate::engine::case::Case;
use crate::vocabulary::Audience;
use wasm_bindgen::JsValue;
use yew::prelude::*;

pub fn page(ctx: &Ctx) -> Html {
    let text = ctx.doc().text.to_string();
    let errors = ctx.checks.as_deref().map_or(0, |c| c.errors());
    let case = ctx.state.preview_case.clone();
    html! {
        <>
            <h1 class="govuk-heading-l" tabindex="-1">{ "Preview" }</h1>
            if errors > 0 {
                { super::review::warning("The preview shows the file once it has no errors.") }
            } else {
                <Preview {text} case={case.map(|(c, n)| (std::rc::Rc::new(c), n))} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct PreviewProps {
    text: String,
    case: Option<(std::rc::Rc<Case>, u64)>,
}

#[function_component(Preview)]
fn preview(props: &PreviewProps) -> Html {
    let audience = use_state(|| Audience::FrontDoor);
    let host = use_node_ref();
    {
        let host = host.clone();
        let key = (props.text.clone(), *audience, props.case.clone());
        use_effect_with(key, move |(text, audience, case)| {
            let handle = host.cast::<web_sys::Element>().and_then(|el| {
                let options = js_sys::Object::new();
                let set = |k: &str, v: JsValue| js_sys::Reflect::set(&options, &k.into(), &v).ok();
                set("guidance", text.as_str().into());
                set("audience", audience.code().into());
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
            }
        });
    }
    let choose = |a: Audience| {
        let audience = audience.clone();
        Callback::from(move |_: Event| audience.set(a))
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
            <div class="studio-preview" ref={host} id="studio-preview"></div>
        </>
    }
}
