//! One located problem in a JSON input (a guidance file or a case), and the parser that
//! produces them. Every error the product reports to a person goes through here, so the
//! wording and the `$.path` form stay the same everywhere.

use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt;

/// A problem found in a JSON document: where (a JSON path such as `$.concerns[3].level`)
/// and what is wrong, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Writes a list of problems one per line, for error types that hold several.
pub(crate) fn write_problems(f: &mut fmt::Formatter<'_>, problems: &[Problem]) -> fmt::Result {
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            writeln!(f)?;
        }
        write!(f, "{p}")?;
    }
    Ok(())
}

/// Parses JSON text into `T`, turning the first syntax or type error into a [`Problem`]
/// located by JSON path (serde alone only gives a line and column).
pub fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T, Problem> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = json_path(err.path());
        let inner = err.into_inner();
        Problem::new(path, describe_serde_error(&inner))
    })?;
    de.end()
        .map_err(|err| Problem::new("$", describe_serde_error(&err)))?;
    Ok(value)
}

/// JSONPath (`$.a.b[2]`) from serde_path_to_error's segments. Segments it could not name
/// (input cut off inside a key) are left out: the path stops at the last one it knows.
pub(crate) fn json_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::from("$");
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } if is_plain_key(key) => {
                out.push('.');
                out.push_str(key);
            }
            Segment::Map { key } => out.push_str(&format!("[{key:?}]")),
            Segment::Enum { variant } => {
                out.push('.');
                out.push_str(variant);
            }
            Segment::Unknown => break,
        }
    }
    out
}

fn is_plain_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$' || c == '-')
}

fn describe_serde_error(err: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let text = err.to_string();
    // serde_json appends " at line L column C"; keep it for syntax errors, where the
    // position is the only useful location, and drop it otherwise, where the path says more.
    match err.classify() {
        Category::Syntax | Category::Eof => format!("the file is not valid JSON: {text}"),
        Category::Io => text,
        Category::Data => strip_position(&text).to_string(),
    }
}

fn strip_position(text: &str) -> &str {
    match text.rfind(" at line ") {
        Some(i) => &text[..i],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        items: Vec<Item>,
    }
    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        level: u8,
    }

    #[test]
    fn type_errors_are_located_by_json_path() {
        let err =
            parse_json::<Sample>(r#"{"items": [{"level": 1}, {"level": "high"}]}"#).unwrap_err();
        assert_eq!(err.path, "$.items[1].level");
        assert!(err.message.contains("invalid type"), "{}", err.message);
    }

    #[test]
    fn syntax_errors_say_the_file_is_not_json() {
        let err = parse_json::<Sample>("{\"items\": [").unwrap_err();
        assert!(
            err.message.starts_with("the file is not valid JSON"),
            "{}",
            err.message
        );
    }

    #[test]
    fn trailing_garbage_is_an_error() {
        let err = parse_json::<Sample>(r#"{"items": []} x"#).unwrap_err();
        assert_eq!(err.path, "$");
    }
}
