//! Golden decisions: the full decision JSON of every vignette in a suite, kept as files
//! (`DIR/<vignette id>.json`, pretty JSON and a final newline). A vignette states what
//! matters to the partnership (pathway, some actions); its golden file pins everything
//! else (wording, the order of actions, contacts, services, reasons), so a revision that
//! changes any of it shows up as a diff to approve, not as a surprise in live use.
//!
//! Every golden file names the guidance's `version` and `sha256`, which change with any
//! edit to the file: after a revision, those lines always differ, and the rest of each
//! diff shows what the revision changed for that vignette.

use super::unified::unified_diff;
use crate::authoring::vignette::Suite;
use crate::engine::decision::Decision;
use crate::engine::evaluate;
use crate::guidance::Guidance;
use std::path::{Path, PathBuf};

/// What became of one vignette's golden file.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// The file holds exactly this decision.
    Same,
    /// The file holds another decision: a unified diff from the file to the decision,
    /// and whether only the `guidance` part (id, version, sha256) differs, as it does for
    /// every vignette after any edit to the guidance file.
    Differs { diff: String, only_guidance: bool },
    /// There is no file yet.
    Missing,
    /// Written by `--update-golden`: `true` if it is new.
    Written { created: bool },
    /// The file exists but could not be read.
    Unreadable(String),
    /// The vignette's case does not fit the guidance, so there is no decision.
    NoDecision(String),
    /// The vignette id cannot be a file name.
    BadId,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub path: PathBuf,
    pub status: Status,
}

impl Entry {
    /// Whether this counts as a failure in `triage test`.
    pub fn failed(&self) -> bool {
        !matches!(self.status, Status::Same | Status::Written { .. })
    }

    /// Whether the only difference is the `guidance` part: the file was edited but this
    /// decision did not change. Still a failure, but `triage test` lists these together.
    pub fn only_guidance_differs(&self) -> bool {
        matches!(
            self.status,
            Status::Differs {
                only_guidance: true,
                ..
            }
        )
    }

    /// Lines explaining a failure (empty when it did not fail), for the test report.
    pub fn problem_lines(&self) -> Vec<String> {
        let p = self.path.display();
        match &self.status {
            Status::Same | Status::Written { .. } => Vec::new(),
            Status::Differs {
                only_guidance: true,
                ..
            } => vec![format!(
                "golden file {p} differs only in the guidance id, version or sha256 (the guidance file changed, this decision did not)"
            )],
            Status::Differs { diff, .. } => {
                let mut lines = vec![format!("golden file {p} differs from the decision:")];
                lines.extend(diff.lines().map(|l| format!("  {l}")));
                lines
            }
            Status::Missing => vec![format!(
                "golden file {p} is missing: run again with --update-golden to write it"
            )],
            Status::Unreadable(e) => vec![format!("golden file {p} cannot be read: {e}")],
            Status::NoDecision(e) => vec![format!("no decision to compare with {p}: {e}")],
            Status::BadId => vec![format!(
                "vignette id '{}' cannot be a file name: use letters, digits, '.', '_' and '-'",
                self.id
            )],
        }
    }
}

/// The golden text of a decision: pretty JSON and a newline.
pub fn render(decision: &Decision) -> String {
    format!("{}\n", decision.to_json_pretty())
}

/// The file name for a vignette id, if the id is safe as one (no paths, no hidden files).
pub fn file_name(id: &str) -> Option<String> {
    let safe = !id.is_empty()
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    safe.then(|| format!("{id}.json"))
}

/// Compares each vignette's decision with its golden file in `dir`; with `update`,
/// writes the files that are missing or differ instead. Fails only if a file cannot be
/// written (or `dir` cannot be made).
pub fn run(g: &Guidance, suite: &Suite, dir: &Path, update: bool) -> Result<Vec<Entry>, String> {
    if update {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("{}: cannot create the folder: {e}", dir.display()))?;
    }
    let mut entries = Vec::with_capacity(suite.vignettes.len());
    for v in &suite.vignettes {
        let Some(name) = file_name(&v.id) else {
            entries.push(Entry {
                id: v.id.clone(),
                path: dir.join("?"),
                status: Status::BadId,
            });
            continue;
        };
        let path = dir.join(name);
        let status = match evaluate(g, &v.case) {
            Err(e) => Status::NoDecision(e.to_string().replace('\n', "; ")),
            Ok(d) => compare(&path, &render(&d), &v.id, update)?,
        };
        entries.push(Entry {
            id: v.id.clone(),
            path,
            status,
        });
    }
    Ok(entries)
}

fn compare(path: &Path, actual: &str, id: &str, update: bool) -> Result<Status, String> {
    let existing = match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) if !update => return Ok(Status::Unreadable(e.to_string())),
        Err(_) => None,
    };
    if existing.as_deref() == Some(actual) {
        return Ok(Status::Same);
    }
    if update {
        std::fs::write(path, actual)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
        return Ok(Status::Written {
            created: existing.is_none(),
        });
    }
    Ok(match existing {
        None => Status::Missing,
        Some(text) => Status::Differs {
            only_guidance: same_but_guidance(&text, actual),
            diff: unified_diff(
                &text,
                actual,
                &format!("{} (golden)", path.display()),
                &format!("{id} (decision now)"),
            ),
        },
    })
}

/// Whether two decision JSON texts are the same decision apart from the `guidance` part
/// (and layout).
fn same_but_guidance(a: &str, b: &str) -> bool {
    let strip = |text: &str| {
        serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|mut v| {
                v.as_object_mut()?.remove("guidance")?;
                Some(v)
            })
    };
    matches!((strip(a), strip(b)), (Some(x), Some(y)) if x == y)
}

/// Golden files in `dir` that no vignette of the suite has (for example after a vignette
/// was renamed), sorted: reported as a note, never a failure.
pub fn strays(suite: &Suite, dir: &Path) -> Vec<PathBuf> {
    let wanted: Vec<String> = suite
        .vignettes
        .iter()
        .filter_map(|v| file_name(&v.id))
        .collect();
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = read
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| !wanted.iter().any(|w| w == n))
        })
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_of_guidance_reference_alone_is_recognised() {
        let a = r#"{"pathway": "signpost", "guidance": {"version": "1"}}"#;
        let b = r#"{"pathway": "signpost", "guidance": {"version": "2"}}"#;
        let c = r#"{"pathway": "family_help", "guidance": {"version": "2"}}"#;
        assert!(same_but_guidance(a, b));
        assert!(!same_but_guidance(a, c));
        assert!(!same_but_guidance("not json", "not json"));
    }

    #[test]
    fn only_plain_ids_become_file_names() {
        assert_eq!(file_name("pub-005").as_deref(), Some("pub-005.json"));
        assert_eq!(file_name("../x"), None);
        assert_eq!(file_name(".hidden"), None);
        assert_eq!(file_name("a/b"), None);
        assert_eq!(file_name(""), None);
    }
}
