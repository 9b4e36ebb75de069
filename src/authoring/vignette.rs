//! Vignette suites (the format of `shared/vignettes/public.json`): cases with the decision
//! the guidance is expected to give. Used by `triage test` and the test suite alike.

use crate::engine::case::Case;
use crate::engine::evaluate;
use crate::guidance::Guidance;
use crate::problem::{parse_json, Problem};
use crate::vocabulary::Pathway;
use serde::Deserialize;

/// A suite. Keys other than these, at the top and on each vignette, are metadata for
/// people and other tools, and are ignored; inside `case` and `expect` an unknown key is an
/// error, because there it would be a typo that silently changes what is tested.
#[derive(Debug, Clone, Deserialize)]
pub struct Suite {
    #[serde(default)]
    pub about: String,
    pub vignettes: Vec<Vignette>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Vignette {
    pub id: String,
    #[serde(default)]
    pub title: String,
    pub case: Case,
    pub expect: Expect,
    /// Where the case comes from (a published example, a rule in the research): words,
    /// or a citation object of any shape; kept for people, never read.
    #[serde(default)]
    pub source: Option<serde_json::Value>,
    #[serde(default)]
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// The recommended pathway.
    pub pathway: Pathway,
    /// Any of these passes; when left out, only `pathway` does.
    #[serde(default)]
    pub acceptable: Vec<Pathway>,
    #[serde(default)]
    pub actions: Vec<String>,
    #[serde(default)]
    pub absent_actions: Vec<String>,
    #[serde(default)]
    pub consultation_advised: Option<bool>,
}

/// One vignette that did not get what it expected, with every way it fell short.
#[derive(Debug, Clone)]
pub struct Failure {
    pub id: String,
    pub title: String,
    pub problems: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub passed: usize,
    pub failures: Vec<Failure>,
}

impl Suite {
    pub fn from_json(text: &str) -> Result<Suite, Problem> {
        parse_json(text)
    }
}

/// Runs every vignette against the guidance.
pub fn run(guidance: &Guidance, suite: &Suite) -> Report {
    let mut report = Report::default();
    for v in &suite.vignettes {
        let problems = check(guidance, v);
        if problems.is_empty() {
            report.passed += 1;
        } else {
            report.failures.push(Failure {
                id: v.id.clone(),
                title: v.title.clone(),
                problems,
            });
        }
    }
    report
}

fn check(guidance: &Guidance, v: &Vignette) -> Vec<String> {
    let d = match evaluate(guidance, &v.case) {
        Ok(d) => d,
        Err(e) => return vec![format!("the case does not fit the guidance: {e}")],
    };
    let e = &v.expect;
    let mut problems = Vec::new();
    let acceptable = if e.acceptable.is_empty() {
        std::slice::from_ref(&e.pathway)
    } else {
        &e.acceptable[..]
    };
    if !acceptable.contains(&d.pathway) {
        let want: Vec<_> = acceptable.iter().map(|p| p.code()).collect();
        problems.push(format!(
            "pathway: expected {}, got {}",
            want.join(" or "),
            d.pathway
        ));
    }
    for a in &e.actions {
        if !d.has_action(a) {
            problems.push(format!("action '{a}': expected, missing"));
        }
    }
    for a in &e.absent_actions {
        if d.has_action(a) {
            problems.push(format!("action '{a}': expected absent, present"));
        }
    }
    if let Some(want) = e.consultation_advised {
        if d.consultation_advised != want {
            problems.push(format!(
                "consultation_advised: expected {want}, got {}",
                d.consultation_advised
            ));
        }
    }
    problems
}
