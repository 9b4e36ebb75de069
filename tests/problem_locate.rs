//! The JSON path of a parse error: for a syntax error it comes from `problem/locate.rs`,
//! which re-reads the text up to serde_json's position; for a type error, from the tree
//! reader (`problem/tree.rs`), which reads a whole, valid JSON text into the type. Here both
//! are checked against serde_path_to_error, which tracks the path inside serde itself (too
//! large to ship in the browser build, so only a test oracle), read the same way: the text
//! into a JSON value first, then, if that succeeds, into the type. On thousands of randomly
//! broken guidance files, pretty and compact, whole, cut short or with a stray character,
//! both must name the same place.

use front_door_triage::guidance::GuidanceFile;
use front_door_triage::problem::parse_json;
use proptest::prelude::*;
use serde_json::Value;

use crate::support::mutate::{apply, char_boundary, mutation, runner};

const MINIMAL: &str = include_str!("guidance_errors/_valid_minimal.json");
const DEFAULT: &str = include_str!("../www/guidance/default.json");

/// serde_path_to_error's path in our `$.a[1].b` form, and whether it stopped early at a
/// segment it could not name: a key cut off mid-way, or a map key that is not read as a
/// string (`text_for`'s audience keys), where `locate` may name one more level.
fn oracle_path(text: &str) -> Option<(String, bool)> {
    let mut de = serde_json::Deserializer::from_str(text);
    let syntax: Result<Value, _> = serde_path_to_error::deserialize(&mut de);
    match syntax {
        Err(err) => return Some(render(err.path())),
        Ok(_) if de.end().is_err() => return Some(("$".to_string(), false)),
        Ok(_) => {}
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let typed: Result<GuidanceFile, _> = serde_path_to_error::deserialize(&mut de);
    typed.err().map(|err| render(err.path()))
}

fn render(path: &serde_path_to_error::Path) -> (String, bool) {
    use serde_path_to_error::Segment;
    let mut out = String::from("$");
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !key.is_empty()
                    && key
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "_$-".contains(c))
                {
                    out.push('.');
                    out.push_str(key);
                } else {
                    out.push_str(&format!("[{key:?}]"));
                }
            }
            Segment::Unknown => return (out, true),
        }
    }
    (out, false)
}

fn check(base: &str, cases: u32) -> u32 {
    let base: Value = serde_json::from_str(base).unwrap();
    let mut runner = runner(cases);
    let errors = std::cell::Cell::new(0);
    let strategy = (
        prop::collection::vec(mutation(), 1..4),
        any::<bool>(),
        any::<u16>(),
        any::<u16>(),
    );
    runner
        .run(&strategy, |(mutations, pretty, cut, splice)| {
            let mut value = base.clone();
            for m in &mutations {
                apply(&mut value, m);
            }
            let mut text = if pretty {
                serde_json::to_string_pretty(&value).unwrap()
            } else {
                serde_json::to_string(&value).unwrap()
            };
            if cut % 5 == 0 {
                let at = char_boundary(&text, cut);
                text.truncate(at);
            } else if splice % 3 == 0 {
                // One stray character: a syntax error somewhere in the text.
                let at = char_boundary(&text, splice);
                let stray = ["}", "]", ",", ":", "\"", "[", "{", "x", "1", "\\", " tru"];
                text.insert_str(at, stray[usize::from(splice) % stray.len()]);
            }
            let problem = parse_json::<GuidanceFile>(&text).err();
            let ours = problem.as_ref().map(|p| p.path.clone());
            let theirs = oracle_path(&text);
            errors.set(errors.get() + u32::from(ours.is_some()));
            let not_json = problem
                .as_ref()
                .is_some_and(|p| p.message.starts_with("the file is not valid JSON"));
            // serde_json reads a struct written as a list field by field, and reports the
            // first element missing or wrong inside the list; the tree reader refuses the
            // list itself, at the struct's own path.
            let list_for_struct = problem.as_ref().is_some_and(|p| {
                p.message
                    .starts_with("invalid type: sequence, expected struct")
            });
            match (&ours, &theirs) {
                (Some(ours), Some((theirs, _)))
                    if list_for_struct && theirs.starts_with(&format!("{ours}[")) => {}
                (Some(ours), Some((theirs, true))) if ours.starts_with(theirs.as_str()) => {}
                // A syntax error's message gives its exact line and column; its path is a
                // guide, and serde_json's position for one sometimes includes the character
                // at fault and sometimes not, so one level either way is allowed there.
                (Some(ours), Some((theirs, _))) if not_json && one_level_apart(ours, theirs) => {}
                _ => prop_assert_eq!(
                    ours,
                    theirs.map(|(path, _)| path),
                    "{:?} near {:?}",
                    problem.map(|p| p.message),
                    near(&text)
                ),
            }
            Ok(())
        })
        .unwrap();
    errors.get()
}

#[test]
fn broken_minimal_files_are_located_where_serde_itself_says() {
    let errors = check(MINIMAL, 3000);
    assert!(
        errors > 500,
        "too few of the mutations broke the file: {errors}"
    );
}

#[test]
fn broken_default_files_are_located_where_serde_itself_says() {
    let errors = check(DEFAULT, 500);
    assert!(
        errors > 100,
        "too few of the mutations broke the file: {errors}"
    );
}

/// Whether one path is the other plus one more segment.
fn one_level_apart(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.strip_prefix(short).is_some_and(|rest| {
        rest.len() > 1
            && (rest.starts_with('.') || rest.starts_with('['))
            && !rest[1..].contains(['.', '['])
    })
}

/// For a failure message: the line serde_json stops at, and the one before it.
fn near(text: &str) -> String {
    let e = serde_json::from_str::<serde_json::Value>(text).err();
    match e {
        Some(e) => {
            let line = text.lines().nth(e.line().saturating_sub(1)).unwrap_or("");
            let prev = text.lines().nth(e.line().saturating_sub(2)).unwrap_or("");
            format!("{prev}\n{line} (col {})", e.column())
        }
        None => String::new(),
    }
}
