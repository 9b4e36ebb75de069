//! `mount(element, options)`, the JS API every embedding is built on: a widget in its own
//! Shadow DOM with the app's stylesheet inside it, so host CSS cannot reach in and ours
//! cannot leak out. It uses memory navigation and its own `sessionStorage` key.

use super::element::style_url;
use super::options::{option_error, parse_options, MountOptions};
use crate::guidance::{Guidance, SharedGuidance};
use crate::problem::Problem;
use crate::record::DecisionRecord;
use crate::web::app::Triage;
use crate::web::loader::{fetch_guidance, LoadState};
use crate::web::pages::guidance_error_page;
use crate::web::registry;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// A mounted widget. `unmount()` removes its nodes and listeners.
#[wasm_bindgen]
pub struct MountHandle {
    app: Option<yew::AppHandle<Embedded>>,
    container: web_sys::Element,
}

#[wasm_bindgen]
impl MountHandle {
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        registry::remove(&self.container);
        self.container.remove();
    }
}

/// Mounts Front Door Triage in `element` (contracts 4.5). Throws an `Error` naming the option
/// for any unknown or ill-typed option.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<MountHandle, JsError> {
    crate::web::panic::install_hook();
    let (options, on_decision) = parse_options(&options)?;
    let shadow = match element.shadow_root() {
        Some(root) => root,
        None => element
            .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .map_err(|_| {
                option_error("this element cannot hold a shadow root; use a <div>".into())
            })?,
    };
    shadow.set_inner_html("");
    // One wrapper holds everything the widget adds, so unmount removes it in one go.
    let doc = gloo::utils::document();
    let fail = |_| option_error("the widget could not be created".into());
    let wrapper = doc.create_element("div").map_err(fail)?;
    wrapper.set_class_name("app-host");
    let link = doc.create_element("link").map_err(fail)?;
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", &style_url());
    let container = doc.create_element("div").map_err(fail)?;
    wrapper.append_child(&link).map_err(fail)?;
    wrapper.append_child(&container).map_err(fail)?;
    shadow.append_child(&wrapper).map_err(fail)?;
    let props = EmbeddedProps {
        options: Rc::new(options),
        on_decision: on_decision.map(Rc::new),
        prefix: registry::add(&wrapper).into(),
    };
    let app = yew::Renderer::<Embedded>::with_root_and_props(container, props).render();
    Ok(MountHandle {
        app: Some(app),
        container: wrapper,
    })
}

#[derive(Properties, Clone)]
struct EmbeddedProps {
    options: Rc<MountOptions>,
    on_decision: Option<Rc<js_sys::Function>>,
    prefix: AttrValue,
}

impl PartialEq for EmbeddedProps {
    // The host's callback is a JS function with no equality of its own; a widget's
    // options and prefix never change while it is mounted.
    fn eq(&self, o: &Self) -> bool {
        self.options == o.options && self.prefix == o.prefix
    }
}

/// Loads the host's guidance (inline, from its URL, or the built-in default), checks the
/// pin and the prefilled case, then runs the flow.
#[function_component(Embedded)]
fn embedded(props: &EmbeddedProps) -> Html {
    let state = use_state(|| LoadState::Loading);
    {
        let state = state.clone();
        let options = props.options.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                state.set(load(&options).await);
            });
        });
    }
    let on_record = {
        let f = props.on_decision.clone();
        Callback::from(move |record: DecisionRecord| {
            if let Some(f) = &f {
                let value = serde_json::to_string(&record)
                    .ok()
                    .and_then(|text| js_sys::JSON::parse(&text).ok());
                if let Some(value) = value {
                    // A throwing host callback is the host's problem, not a reason to stop.
                    let _ = f.call1(&JsValue::NULL, &value);
                }
            }
        })
    };
    match &*state {
        LoadState::Loading => {
            html! { <p class="govuk-body" role="status">{ "Loading the triage tool…" }</p> }
        }
        LoadState::Failed {
            heading,
            source,
            problems,
        } => html! {
            { guidance_error_page(heading, source, problems, true) }
        },
        LoadState::Ready(g) => html! {
            <Triage guidance={g.clone()} storage_key={format!("front-door-triage:draft:{}", props.prefix)}
                audience={props.options.audience} mode={props.options.mode} initial_case={props.options.initial_case.clone()}
                {on_record} id_prefix={props.prefix.clone()} />
        },
    }
}

async fn load(options: &MountOptions) -> LoadState {
    let (source, loaded) = match (&options.guidance, &options.guidance_url) {
        (Some(serde_json::Value::String(text)), _) => {
            ("the guidance option".to_string(), Guidance::from_json(text))
        }
        (Some(value), _) => (
            "the guidance option".to_string(),
            Guidance::from_json(&value.to_string()),
        ),
        (None, Some(url)) => {
            let source = format!("the guidance file at {url}");
            (source, fetch_guidance(url).await)
        }
        (None, None) => (
            "the built-in guidance".to_string(),
            Guidance::embedded_default(),
        ),
    };
    let guidance = match loaded {
        Ok(g) => g,
        Err(e) => return LoadState::failed(source, e.problems),
    };
    if let Some(pin) = &options.guidance_sha256 {
        if guidance.sha256() != pin {
            return LoadState::failed(
                source,
                vec![Problem::new(
                    "$",
                    format!(
                        "its SHA-256 is {}, but the host pinned {pin}: the file has changed, so it was not used",
                        guidance.sha256()
                    ),
                )],
            );
        }
    }
    if let Some(case) = &options.initial_case {
        if let Err(e) = case.check(&guidance) {
            let problems = e
                .problems
                .into_iter()
                .map(|p| Problem::new(p.path.replacen('$', "$.initialCase", 1), p.message))
                .collect();
            return LoadState::case_does_not_fit(problems);
        }
    }
    LoadState::Ready(SharedGuidance::new(guidance))
}
