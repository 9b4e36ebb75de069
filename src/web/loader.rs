//! Loading guidance, for the standalone app and for embedded widgets alike: one fetch and
//! one load state, so both say the same things when a file is missing or wrong.

use crate::guidance::{Guidance, GuidanceError, SharedGuidance};
use crate::problem::Problem;

/// Where a widget or the app is in loading its guidance.
#[derive(Clone, PartialEq)]
pub enum LoadState {
    Loading,
    Ready(SharedGuidance),
    /// The guidance, or the case a host passed in, cannot be used: the error page's
    /// heading, what failed ("the guidance file at …") and its located problems.
    Failed {
        heading: &'static str,
        source: String,
        problems: Vec<Problem>,
    },
}

impl LoadState {
    pub fn from_result(source: String, loaded: Result<Guidance, GuidanceError>) -> LoadState {
        match loaded {
            Ok(g) => LoadState::Ready(SharedGuidance::new(g)),
            Err(e) => LoadState::failed(source, e.problems),
        }
    }

    pub fn failed(source: String, problems: Vec<Problem>) -> LoadState {
        LoadState::Failed {
            heading: "This guidance file cannot be used",
            source,
            problems,
        }
    }

    /// The guidance is fine, but the host's prefilled case does not fit it.
    pub fn case_does_not_fit(problems: Vec<Problem>) -> LoadState {
        LoadState::Failed {
            heading: "The details passed in cannot be used",
            source: "the initialCase option".into(),
            problems,
        }
    }
}

/// A file's text from a web address, or why not, in words for the error page.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let response = gloo::net::http::Request::get(url)
        .send()
        .await
        .map_err(|_| format!("{url} could not be fetched"))?;
    if !response.ok() {
        return Err(format!(
            "{url} could not be fetched (HTTP {})",
            response.status()
        ));
    }
    response
        .text()
        .await
        .map_err(|_| format!("{url} could not be read"))
}

/// A guidance file from a web address, checked.
pub async fn fetch_guidance(url: &str) -> Result<Guidance, GuidanceError> {
    let text = fetch_text(url).await.map_err(|m| GuidanceError {
        problems: vec![Problem::new("$", m)],
    })?;
    Guidance::from_json(&text)
}
