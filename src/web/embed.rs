//! Embedding in partner portals (SPEC 4.5): `mount(element, options)` for the JS API, the
//! `<front-door-triage>` custom element (defined in `www/element.js`, built on `mount`),
//! and the iframe page (`www/embed.js`, also built on `mount`). Every widget renders into
//! its own Shadow DOM with the app's stylesheet inside it, so host CSS cannot reach in and
//! ours cannot leak out; it uses memory navigation and its own `sessionStorage` key.

use super::app::{GuidanceErrorPage, Triage};
use crate::case::{Audience, Case};
use crate::guidance::Guidance;
use crate::problem::Problem;
use crate::record::DecisionRecord;
use serde::Deserialize;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[wasm_bindgen(module = "/www/element.js")]
extern "C" {
    fn style_url() -> String;
    fn define_element(mount: &js_sys::Function);
}

/// Options a host passes to `mount`, checked field by field.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct MountOptions {
    #[serde(default)]
    audience: Option<Audience>,
    /// A guidance file to fetch, from the host's own configuration.
    #[serde(default)]
    guidance_url: Option<String>,
    /// A guidance file given inline: the parsed object, or the file's text.
    #[serde(default)]
    guidance: Option<serde_json::Value>,
    /// Lowercase hex SHA-256 of the guidance file's bytes; any other file is refused.
    #[serde(default)]
    guidance_sha256: Option<String>,
    /// What the host already knows; the widget opens on check your answers.
    #[serde(default)]
    initial_case: Option<Case>,
}

fn option_error(message: String) -> JsError {
    JsError::new(&format!("Front Door Triage: {message}"))
}

fn parse_options(options: &JsValue) -> Result<(MountOptions, Option<js_sys::Function>), JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok((
            serde_json::from_str("{}").map_err(|e| option_error(e.to_string()))?,
            None,
        ));
    }
    if !options.is_object() {
        return Err(option_error("options must be an object".into()));
    }
    let on_decision =
        js_sys::Reflect::get(options, &"onDecision".into()).unwrap_or(JsValue::UNDEFINED);
    let on_decision = match on_decision {
        v if v.is_undefined() => None,
        v => Some(
            v.dyn_into::<js_sys::Function>()
                .map_err(|_| option_error("option `onDecision` must be a function".into()))?,
        ),
    };
    // Functions are not data: check the rest as JSON, with the same located errors as a
    // guidance file. JSON.stringify would drop a function silently, so a misspelt
    // callback name is caught here rather than ignored.
    let rest = js_sys::Object::assign(&js_sys::Object::new(), options.unchecked_ref());
    let _ = js_sys::Reflect::delete_property(&rest, &"onDecision".into());
    for key in js_sys::Object::keys(&rest).iter() {
        let value = js_sys::Reflect::get(&rest, &key).unwrap_or(JsValue::UNDEFINED);
        if value.is_function() {
            let key = key.as_string().unwrap_or_default();
            return Err(option_error(format!(
                "option `{key}` is a function; only `onDecision` may be one"
            )));
        }
    }
    // JSON.stringify writes NaN and ±Infinity as null, which an optional field would take
    // as "not given": spell them as strings instead, so serde refuses them at their path.
    let spell_non_finite =
        Closure::<dyn FnMut(JsValue, JsValue) -> JsValue>::new(|_key: JsValue, value: JsValue| {
            match value.as_f64() {
                Some(n) if n.is_nan() => JsValue::from_str("NaN"),
                Some(n) if n.is_infinite() => {
                    JsValue::from_str(if n > 0.0 { "Infinity" } else { "-Infinity" })
                }
                _ => value,
            }
        });
    let text = js_sys::JSON::stringify_with_replacer(&rest, spell_non_finite.as_ref())
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| option_error("options must be plain data".into()))?;
    let parsed: MountOptions = crate::problem::parse_json(&text).map_err(|p| {
        if p.path == "$" {
            option_error(format!("bad options: {}", p.message))
        } else {
            let path = p.path.trim_start_matches('$').trim_start_matches('.');
            option_error(format!("option `{path}`: {}", p.message))
        }
    })?;
    if parsed.guidance.is_some() && parsed.guidance_url.is_some() {
        return Err(option_error(
            "give `guidance` or `guidanceUrl`, not both".into(),
        ));
    }
    if let Some(url) = &parsed.guidance_url {
        // Only a web address is fetched: `javascript:`, `data:` and the like are refused
        // here, by name, rather than handed to fetch for the CSP to block.
        let base = gloo::utils::document().base_uri().ok().flatten();
        let resolved = match &base {
            Some(base) => web_sys::Url::new_with_base(url, base),
            None => web_sys::Url::new(url),
        };
        let web = resolved.is_ok_and(|u| matches!(u.protocol().as_str(), "http:" | "https:"));
        if !web {
            return Err(option_error(format!(
                "option `guidanceUrl` must be a web address (http or https, or relative to the page), not {url:?}"
            )));
        }
    }
    if let Some(sha) = &parsed.guidance_sha256 {
        if sha.len() != 64
            || !sha
                .chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
        {
            return Err(option_error(
                "option `guidanceSha256` must be 64 lowercase hex characters".into(),
            ));
        }
    }
    Ok((parsed, on_decision))
}

thread_local! {
    static WIDGETS: Cell<u32> = const { Cell::new(0) };
    /// The widgets mounted now, so a panic's recovery message goes inside each of them
    /// rather than into the host's page.
    static MOUNTED: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
}

/// The elements of the widgets mounted now (empty standalone).
pub(crate) fn mounted_widgets() -> Vec<web_sys::Element> {
    MOUNTED.with(|m| m.borrow().clone())
}

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
        let container = self.container.clone();
        MOUNTED.with(|m| m.borrow_mut().retain(|e| *e != container));
        self.container.remove();
    }
}

/// Mounts Front Door Triage in `element` (SPEC 4.5). Throws an `Error` naming the option
/// for any unknown or ill-typed option.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<MountHandle, JsError> {
    super::panic::install_hook();
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
    let n = WIDGETS.with(|w| {
        w.set(w.get() + 1);
        w.get()
    });
    let props = EmbeddedProps {
        options: Rc::new(options),
        on_decision: on_decision.map(Rc::new),
        prefix: format!("ftd{n}").into(),
    };
    let app = yew::Renderer::<Embedded>::with_root_and_props(container, props).render();
    MOUNTED.with(|m| m.borrow_mut().push(wrapper.clone()));
    Ok(MountHandle {
        app: Some(app),
        container: wrapper,
    })
}

/// Registers `<front-door-triage>` when the module is initialised.
#[wasm_bindgen(start)]
pub fn register_element() {
    let mount_fn =
        Closure::<dyn Fn(web_sys::Element, JsValue) -> Result<MountHandle, JsError>>::new(mount);
    define_element(mount_fn.as_ref().unchecked_ref());
    // The element class keeps calling it for the page's lifetime.
    mount_fn.forget();
}

#[derive(Properties, Clone)]
struct EmbeddedProps {
    options: Rc<MountOptions>,
    on_decision: Option<Rc<js_sys::Function>>,
    prefix: AttrValue,
}

impl PartialEq for EmbeddedProps {
    fn eq(&self, o: &Self) -> bool {
        self.options == o.options && self.prefix == o.prefix
    }
}

enum Loading {
    Waiting,
    Ready(Rc<Guidance>),
    /// The guidance (named by the string) cannot be used.
    Failed(String, Vec<Problem>),
    /// The guidance is fine, but the host's prefilled case does not fit it.
    CaseDoesNotFit(Vec<Problem>),
}

/// Loads the host's guidance (inline, from its URL, or the built-in default), checks the
/// pin and the prefilled case, then runs the flow.
#[function_component(Embedded)]
fn embedded(props: &EmbeddedProps) -> Html {
    let state = use_state(|| Loading::Waiting);
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
        Loading::Waiting => {
            html! { <p class="govuk-body" role="status">{ "Loading the triage tool…" }</p> }
        }
        Loading::CaseDoesNotFit(problems) => html! {
            <GuidanceErrorPage heading="The details passed in cannot be used"
                source="the initialCase option" problems={problems.clone()} embedded=true />
        },
        Loading::Failed(source, problems) => html! {
            <GuidanceErrorPage source={source.clone()} problems={problems.clone()} embedded=true />
        },
        Loading::Ready(g) => html! {
            <Triage guidance={g.clone()} storage_key={format!("front-door-triage:draft:{}", props.prefix)}
                audience={props.options.audience} initial_case={props.options.initial_case.clone()}
                {on_record} id_prefix={props.prefix.clone()} />
        },
    }
}

async fn load(options: &MountOptions) -> Loading {
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
            match fetch(url).await {
                Ok(text) => (source, Guidance::from_json(&text)),
                Err(message) => return Loading::Failed(source, vec![Problem::new("$", message)]),
            }
        }
        (None, None) => (
            "the built-in guidance".to_string(),
            Guidance::embedded_default(),
        ),
    };
    let guidance = match loaded {
        Ok(g) => g,
        Err(e) => return Loading::Failed(source, e.problems),
    };
    if let Some(pin) = &options.guidance_sha256 {
        if guidance.sha256() != pin {
            return Loading::Failed(
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
            return Loading::CaseDoesNotFit(problems);
        }
    }
    Loading::Ready(Rc::new(guidance))
}

async fn fetch(url: &str) -> Result<String, String> {
    let response = gloo::net::http::Request::get(url)
        .send()
        .await
        .map_err(|_| "the file could not be fetched".to_string())?;
    if !response.ok() {
        return Err(format!(
            "the file could not be fetched (HTTP {})",
            response.status()
        ));
    }
    response
        .text()
        .await
        .map_err(|_| "the file could not be read".to_string())
}
