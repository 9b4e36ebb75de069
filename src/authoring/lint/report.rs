//! Lint findings and how they are shown: plain text for people, JSON for tools.

use super::thousands;
use crate::engine::case::Case;
use crate::guidance::GuidanceFile;
use serde::Serialize;
use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// What kind of weak point a finding is. The JSON names are stable for tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A problem `triage check` reports: the file cannot be used as it is.
    Invalid,
    /// Cases that no pathway rule matches.
    UncoveredCases,
    /// A pathway rule that earlier rules always beat to it.
    ShadowedRule,
    /// A rule whose condition can never hold.
    RuleNeverFires,
    /// A rule's strength lowering that can never apply.
    LoweringNeverApplies,
    /// A case that breaks one of the decision invariants of contracts section 2.
    InvariantBreak,
    /// An earlier pathway rule with a lower pathway takes cases a later rule would raise.
    OverlappingRules,
    UnusedConcern,
    UnusedStrength,
    UnusedAction,
    UnusedContact,
    UnusedService,
    /// A level-4 concern or a duty action that names no law or guidance behind it.
    MissingSource,
    /// A section of the request-for-support form that no record field fills.
    FormSectionUnfilled,
    /// A record field that no section of the request-for-support form takes.
    FormFieldUnused,
    /// A concern's `about` that says what its domain already says.
    RedundantAbout,
    /// An urgency rule of the contact record that rates no contact: earlier rules always
    /// rate its contacts first, or its condition cannot hold.
    UrgencyRuleNeverReached,
    /// A check of the contact record that no contact is ever asked to make.
    CheckNeverApplies,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Invalid => "invalid",
            Kind::UncoveredCases => "uncovered-cases",
            Kind::ShadowedRule => "shadowed-rule",
            Kind::RuleNeverFires => "rule-never-fires",
            Kind::LoweringNeverApplies => "lowering-never-applies",
            Kind::InvariantBreak => "invariant-break",
            Kind::OverlappingRules => "overlapping-rules",
            Kind::UnusedConcern => "unused-concern",
            Kind::UnusedStrength => "unused-strength",
            Kind::UnusedAction => "unused-action",
            Kind::UnusedContact => "unused-contact",
            Kind::UnusedService => "unused-service",
            Kind::MissingSource => "missing-source",
            Kind::FormSectionUnfilled => "form-section-unfilled",
            Kind::FormFieldUnused => "form-field-unused",
            Kind::RedundantAbout => "redundant-about",
            Kind::UrgencyRuleNeverReached => "urgency-rule-never-reached",
            Kind::CheckNeverApplies => "check-never-applies",
        }
    }
}

/// A case that shows a finding: the smallest one the search could make.
#[derive(Debug, Clone, Serialize)]
pub struct Example {
    pub case: Case,
    /// The case in one line of plain words.
    pub in_words: String,
    /// What happens to it, and why that is the problem.
    pub outcome: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub kind: Kind,
    /// Where in the guidance file, as a JSON path (`$.rules.pathway[3]`).
    pub path: String,
    /// What is wrong and what to do, in plain words.
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub example: Option<Example>,
}

impl Finding {
    pub fn new(severity: Severity, kind: Kind, path: String, message: String) -> Finding {
        Finding {
            severity,
            kind,
            path,
            message,
            example: None,
        }
    }

    pub fn with_example(mut self, example: Option<Example>) -> Finding {
        self.example = example;
        self
    }
}

/// How much of the file lint looked at, for the summary line.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub pathway_rules: usize,
    pub escalation_rules: usize,
    pub action_rules: usize,
    pub concerns: usize,
    pub strengths: usize,
    pub actions: usize,
    pub contacts: usize,
    pub services: usize,
}

impl Counts {
    pub fn of(f: &GuidanceFile) -> Counts {
        Counts {
            pathway_rules: f.rules.pathway.len(),
            escalation_rules: f.rules.escalation.len(),
            action_rules: f.rules.actions.len(),
            concerns: f.concerns.len(),
            strengths: f.strengths.len(),
            actions: f.actions.len(),
            contacts: f.contacts.len(),
            services: f.services.len(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub id: String,
    pub version: String,
    /// False when `triage check` rejects the file: only its problems (and uncovered
    /// cases) are reported until they are fixed.
    pub valid: bool,
    pub findings: Vec<Finding>,
    /// How many generated cases the searches tried.
    pub cases_tried: usize,
    pub counts: Counts,
}

impl Report {
    pub fn new(id: String, version: String) -> Report {
        Report {
            id,
            version,
            valid: true,
            findings: Vec::new(),
            cases_tried: 0,
            counts: Counts::default(),
        }
    }

    pub fn push(&mut self, f: Finding) {
        self.findings.push(f);
    }

    /// Errors first, then warnings; within each, in file order of the paths found.
    pub(super) fn sort(&mut self) {
        self.findings
            .sort_by_key(|f| (f.severity, path_key(&f.path)));
    }

    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }

    /// 0 clean, 1 any error, 3 warnings only.
    pub fn exit_code(&self) -> u8 {
        if self.errors() > 0 {
            1
        } else if self.warnings() > 0 {
            3
        } else {
            0
        }
    }

    /// The report for people. `label` names the file (usually its path).
    pub fn to_text(&self, label: &str) -> String {
        let mut s = String::new();
        let name = if self.id.is_empty() {
            label.to_string()
        } else {
            format!("{label} ({} {})", self.id, self.version)
        };
        let _ = writeln!(s, "Linting {name}");
        for f in &self.findings {
            let sev = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let _ = writeln!(s, "\n{sev}[{}] {}", f.kind.code(), f.path);
            let _ = writeln!(s, "  {}", f.message);
            if let Some(e) = &f.example {
                let _ = writeln!(s, "  Smallest case: {}", e.in_words);
                let _ = writeln!(s, "  {}", e.outcome);
            }
        }
        let c = &self.counts;
        let n = |k: usize, one: &str, many: &str| {
            format!("{} {}", thousands(k), if k == 1 { one } else { many })
        };
        let looked = format!(
            "{} pathway, {} escalation and {}; {}, {}, {}, {}, {}; {} tried",
            c.pathway_rules,
            c.escalation_rules,
            n(c.action_rules, "action rule", "action rules"),
            n(c.concerns, "concern", "concerns"),
            n(c.strengths, "strength", "strengths"),
            n(c.actions, "action", "actions"),
            n(c.contacts, "contact", "contacts"),
            n(c.services, "service", "services"),
            n(self.cases_tried, "generated case", "generated cases")
        );
        if !self.valid {
            let _ = writeln!(
                s,
                "\n{} (the file does not pass `triage check`: fix these, then lint again)",
                tally(self.errors(), self.warnings())
            );
        } else if self.findings.is_empty() {
            let _ = writeln!(s, "No problems found ({looked}).");
        } else {
            let _ = writeln!(s, "\n{} ({looked}).", tally(self.errors(), self.warnings()));
        }
        s
    }

    pub fn to_json(&self, label: &str) -> String {
        #[derive(Serialize)]
        struct Out<'a> {
            file: &'a str,
            errors: usize,
            warnings: usize,
            #[serde(flatten)]
            report: &'a Report,
        }
        serde_json::to_string_pretty(&Out {
            file: label,
            errors: self.errors(),
            warnings: self.warnings(),
            report: self,
        })
        .unwrap_or_default()
    }
}

fn tally(errors: usize, warnings: usize) -> String {
    format!(
        "{errors} {}, {warnings} {}",
        if errors == 1 { "error" } else { "errors" },
        if warnings == 1 { "warning" } else { "warnings" }
    )
}

/// Sorts `$.a[10]` after `$.a[9]`: numbers in paths compare as numbers.
fn path_key(path: &str) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut num: Option<u64> = None;
    for ch in path.chars() {
        match ch.to_digit(10) {
            Some(d) => num = Some(num.unwrap_or(0).saturating_mul(10).saturating_add(d as u64)),
            None => {
                if let Some(n) = num.take() {
                    out.push((std::mem::take(&mut text), n));
                }
                text.push(ch);
            }
        }
    }
    out.push((text, num.unwrap_or(0)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_sort_numerically() {
        let mut paths = vec!["$.rules.pathway[10]", "$.rules.pathway[9]", "$.actions[2]"];
        paths.sort_by_key(|p| path_key(p));
        assert_eq!(
            paths,
            vec!["$.actions[2]", "$.rules.pathway[9]", "$.rules.pathway[10]"]
        );
    }

    #[test]
    fn exit_codes_follow_the_worst_finding() {
        let mut r = Report::new("x".into(), "1".into());
        assert_eq!(r.exit_code(), 0);
        r.push(Finding::new(
            Severity::Warning,
            Kind::UnusedAction,
            "$".into(),
            "m".into(),
        ));
        assert_eq!(r.exit_code(), 3);
        r.push(Finding::new(
            Severity::Error,
            Kind::ShadowedRule,
            "$".into(),
            "m".into(),
        ));
        assert_eq!(r.exit_code(), 1);
    }
}
