//! `triage lint`: the weak points of a guidance file that `triage check` cannot see.
//!
//! `check` asks "is this file well formed and consistent?"; lint asks "does it do what
//! its author meant?". It looks for rules that can never fire or that take each other's
//! cases, codes nothing uses, cases no rule covers, and breaks of the decision invariants
//! (contracts section 2). Where it can, it proves a finding from the conditions alone; where it
//! cannot, it searches cases built from the file's own codes. Every finding found by
//! search comes with the smallest case that shows it.
//!
//! Errors are things to fix before publishing; warnings are things to look at, which may
//! be intended. Output is deterministic: the searches are seeded.

mod family;
mod form;
mod invariants;
mod report;
mod rules;
mod sources;
mod unused;

pub use report::{Example, Finding, Kind, Report, Severity};

use super::logic::Logic;
use super::space::{Probe, Space};
use crate::guidance::{Guidance, GuidanceFile, PathwayRule};
use crate::problem::parse_json;
use crate::vocabulary::Pathway;

/// Seeds of the searches: fixed, so the same file always gives the same findings.
const RULES_SEED: u64 = 0x7269_6167_6500_0001;
const INVARIANTS_SEED: u64 = 0x7269_6167_6500_0002;

/// Lints guidance file text: the problems `check` finds first (as `invalid` findings),
/// then, for a file that passes `check`, everything else.
pub fn lint_text(text: &str) -> Report {
    match Guidance::from_json(text) {
        Ok(g) => lint(&g),
        Err(e) => {
            let file: Option<GuidanceFile> = parse_json(text).ok();
            let mut report = Report::new(
                file.as_ref().map(|f| f.id.clone()).unwrap_or_default(),
                file.as_ref().map(|f| f.version.clone()).unwrap_or_default(),
            );
            report.valid = false;
            for p in &e.problems {
                report.push(Finding::new(
                    Severity::Error,
                    Kind::Invalid,
                    p.path.clone(),
                    format!("{} (found by triage check)", p.message),
                ));
            }
            if let Some(file) = file {
                uncovered_without_default(&file, &mut report);
            }
            report
        }
    }
}

/// Lints a guidance file that has passed `check`.
pub fn lint(g: &Guidance) -> Report {
    let mut report = Report::new(g.id().to_string(), g.version().to_string());
    let ctx = Ctx::new(g);
    rules::check(&ctx, g.pathway_rules.len(), &mut report);
    unused::check(&ctx, &mut report);
    sources::check(&ctx, &mut report);
    form::check(&ctx, &mut report);
    family::check(&ctx, &mut report);
    invariants::check(&ctx, &mut report);
    report.counts = report::Counts::of(g.file());
    report.sort();
    report
}

/// What every check needs: the guidance, its logic and its case space.
struct Ctx<'g> {
    g: &'g Guidance,
    logic: Logic<'g>,
    space: Space<'g>,
}

impl<'g> Ctx<'g> {
    fn new(g: &'g Guidance) -> Ctx<'g> {
        Ctx {
            g,
            logic: Logic::new(g),
            space: Space::new(g, |_| true, |_| true),
        }
    }

    fn example(&self, p: &Probe, outcome: String) -> Example {
        let case = p.to_case(self.g);
        Example {
            in_words: super::words::case(&case, self.g.file()),
            case,
            outcome,
        }
    }

    fn rule_id(&self, i: usize) -> &str {
        &self.g.file().rules.pathway[i].id
    }

    fn rule_pathway(&self, i: usize) -> Pathway {
        self.g.file().rules.pathway[i].pathway
    }
}

/// A file without a final `always` rule fails `check`, so it cannot be linted as it is.
/// To still show which cases fall through, lint a copy with a catch-all rule added and
/// report the cases that only the catch-all decides.
fn uncovered_without_default(file: &GuidanceFile, report: &mut Report) {
    let Some(last) = file.rules.pathway.last() else {
        return;
    };
    if last.when == crate::guidance::condition::Condition::Always {
        return;
    }
    let mut repaired = file.clone();
    repaired.rules.pathway.push(PathwayRule {
        id: "lint.catch-all".into(),
        when: crate::guidance::condition::Condition::Always,
        pathway: Pathway::Signpost,
        reason: "Added by lint to find the cases no rule covers.".into(),
        lowered_by_strengths: None,
        outcome: None,
        source: None,
    });
    let Ok(text) = serde_json::to_string(&repaired) else {
        return;
    };
    if let Ok(g) = Guidance::from_json(&text) {
        let ctx = Ctx::new(&g);
        rules::check_coverage_only(&ctx, file.rules.pathway.len(), report);
    }
}

/// Thousands with commas, as a board paper writes them.
pub(crate) fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(12345), "12,345");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn the_embedded_guidance_lints_clean() {
        let g = Guidance::embedded_default().unwrap();
        let r = lint(&g);
        assert!(r.findings.is_empty(), "{}", r.to_text("default"));
        assert_eq!(r.exit_code(), 0);
    }

    #[test]
    fn text_that_is_not_json_is_one_invalid_finding() {
        let r = lint_text("{");
        assert_eq!(r.findings.len(), 1);
        assert_eq!(r.findings[0].kind, Kind::Invalid);
        assert_eq!(r.exit_code(), 1);
    }
}
