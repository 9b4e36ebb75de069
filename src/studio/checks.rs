//! What the studio shows after every edit: `triage check`'s problems and `triage lint`'s
//! findings (one report, as `lint_text` gives), and the case suite's results. The CLI's
//! own functions, run on the text the studio would export.

use crate::authoring::lint::{self, Finding, Kind, Report};
use crate::authoring::vignette::{self, Suite};
use crate::guidance::Guidance;
use std::rc::Rc;

pub struct Checks {
    /// The model revision these results are for.
    pub revision: u64,
    /// The file compiled, when `check` passes: what the suite, review and preview use.
    pub guidance: Option<Rc<Guidance>>,
    pub report: Report,
    pub suite: Option<vignette::Report>,
    /// How long check, lint and the suite took, in milliseconds (for scripts/bench).
    pub elapsed_ms: f64,
}

impl Checks {
    /// `now` reads a clock in milliseconds (the browser's), to time the run.
    pub fn run(revision: u64, text: &str, suite: Option<&Suite>, now: impl Fn() -> f64) -> Checks {
        let started = now();
        let guidance = Guidance::from_json(text).ok().map(Rc::new);
        let report = match &guidance {
            Some(g) => lint::lint(g),
            None => lint::lint_text(text),
        };
        let suite = match (&guidance, suite) {
            (Some(g), Some(s)) => Some(vignette::run(g, s)),
            _ => None,
        };
        Checks {
            revision,
            guidance,
            report,
            suite,
            elapsed_ms: now() - started,
        }
    }

    pub fn errors(&self) -> usize {
        self.report.errors()
    }

    /// Findings about one rule (`$.rules.pathway[3]` and anything inside it).
    pub fn for_rule(&self, table: &str, index: usize) -> Vec<&Finding> {
        let at = format!("$.rules.{table}[{index}]");
        self.report
            .findings
            .iter()
            .filter(|f| f.path == at || f.path.starts_with(&format!("{at}.")))
            .collect()
    }

    /// Whether a rule can never decide a case: earlier rules take all of them, or its
    /// condition can never hold. Such rows are dimmed in the table.
    pub fn unreachable(&self, table: &str, index: usize) -> bool {
        self.for_rule(table, index)
            .iter()
            .any(|f| matches!(f.kind, Kind::ShadowedRule | Kind::RuleNeverFires))
    }
}
