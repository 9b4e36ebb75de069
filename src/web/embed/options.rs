//! The options a host passes to `mount` (contracts 4.5), checked field by field: every unknown
//! or ill-typed option is an `Error` that names it.

use crate::engine::case::Case;
use crate::flow::Mode;
use crate::vocabulary::Audience;
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Options a host passes to `mount`, checked field by field.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub(super) struct MountOptions {
    #[serde(default)]
    pub audience: Option<Audience>,
    /// Guided (a question a page) or expert (every question on one page), for a widget
    /// whose audience is preset and so never asks.
    #[serde(default)]
    pub mode: Option<Mode>,
    /// A guidance file to fetch, from the host's own configuration.
    #[serde(default)]
    pub guidance_url: Option<String>,
    /// A guidance file given inline: the parsed object, or the file's text.
    #[serde(default)]
    pub guidance: Option<serde_json::Value>,
    /// Lowercase hex SHA-256 of the guidance file's bytes; any other file is refused.
    #[serde(default)]
    pub guidance_sha256: Option<String>,
    /// What the host already knows; the widget opens on check your answers.
    #[serde(default)]
    pub initial_case: Option<Case>,
}

pub(super) fn option_error(message: String) -> JsError {
    JsError::new(&format!("Front Door Triage: {message}"))
}

pub(super) fn parse_options(
    options: &JsValue,
) -> Result<(MountOptions, Option<js_sys::Function>), JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok((
            crate::problem::parse_json("{}").map_err(|p| option_error(p.message))?,
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
