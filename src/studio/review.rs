//! The review before export: `authoring::diff` of the file as opened against the model
//! now, over the case suite and lint's generated cases, summed up the way the board asks
//! ("N of M generated cases change pathway; K go down"). Every lowered decision is a
//! safety warning to acknowledge; errors block export. Pure: no web types.

use crate::authoring::diff::{self, CaseChange, Diff};
use crate::authoring::vignette::Suite;
use crate::guidance::Guidance;

pub struct Review {
    pub diff: Diff,
    /// Cases whose pathway goes up, and those whose pathway goes down (safety warnings).
    pub up: Vec<CaseChange>,
    pub down: Vec<CaseChange>,
    pub generated_tried: usize,
    pub generated_changed: usize,
    pub generated_down: usize,
    pub suite_changed: usize,
}

impl Review {
    pub fn new(opened: &Guidance, now: &Guidance, suite: Option<&Suite>) -> Review {
        let diff = diff::diff(opened, now, suite, diff::DEFAULT_SAMPLE);
        let pathway_changes = |source| pathway_changes(&diff, source);
        let up = pathway_changes(None)
            .filter(|c| c.after.pathway > c.before.pathway)
            .cloned()
            .collect();
        let down = pathway_changes(None)
            .filter(|c| c.after.pathway < c.before.pathway)
            .cloned()
            .collect();
        let generated_changed = pathway_changes(Some("generated")).count();
        let generated_down = pathway_changes(Some("generated"))
            .filter(|c| c.after.pathway < c.before.pathway)
            .count();
        let suite_changed = diff
            .cases
            .changed
            .iter()
            .filter(|c| c.source == "vignette")
            .count();
        Review {
            generated_tried: diff.cases.generated_tried,
            diff,
            up,
            down,
            generated_changed,
            generated_down,
            suite_changed,
        }
    }

    /// "N of M generated cases change pathway; K go down."
    pub fn generated_summary(&self) -> String {
        format!(
            "{} of {} generated cases change pathway; {} go down.",
            self.generated_changed, self.generated_tried, self.generated_down
        )
    }

    /// The change log: the review as Markdown, for the board and the file's history.
    pub fn markdown(&self, title: &str, suite: Option<&str>, acknowledged: bool) -> String {
        let d = &self.diff;
        let mut s = format!(
            "# Change log: {title}\n\nFrom version {} (SHA-256 `{}`) to version {} (SHA-256 `{}`).\n\n",
            d.old.version, d.old.sha256, d.new.version, d.new.sha256
        );
        s.push_str(&format!("- {}\n", self.generated_summary()));
        s.push_str(&format!(
            "- {} cases of the suite change decision; {} decisions go up and {} go down in all.\n",
            self.suite_changed,
            self.up.len(),
            self.down.len()
        ));
        if !self.down.is_empty() {
            s.push_str(&format!(
                "- Lowered decisions {} by the editor before export.\n",
                if acknowledged {
                    "were acknowledged"
                } else {
                    "were NOT acknowledged"
                }
            ));
        }
        s.push_str("\n## The full comparison\n\n```text\n");
        s.push_str(&d.to_text("as opened", "as exported", suite));
        s.push_str("```\n");
        s
    }
}

/// The cases (from `source`, or all) whose pathway changes.
fn pathway_changes<'a>(
    diff: &'a Diff,
    source: Option<&'a str>,
) -> impl Iterator<Item = &'a CaseChange> + 'a {
    diff.cases.changed.iter().filter(move |c| {
        source.is_none_or(|s| c.source == s) && c.before.pathway != c.after.pathway
    })
}
