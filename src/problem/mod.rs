//! One located problem in a JSON input (a guidance file or a case), and the parser that
//! produces them. Every error the product reports to a person goes through here, so the
//! wording and the `$.path` form stay the same everywhere.

use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt;

mod locate;
mod tree;

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
/// located by JSON path (serde alone only gives a line and column). The text is first read
/// whole as JSON, so a syntax error anywhere is reported before any type error.
pub fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T, Problem> {
    let node: tree::Node = serde_json::from_str(text).map_err(|err| locate_error(text, &err))?;
    tree::read(&node).map_err(|err| Problem::new(err.path(), err.message()))
}

/// Reads `T` from JSON text where a fault lies does not matter (a stored draft, a
/// code): as [`parse_json`], without the located problem.
pub fn read_json<T: DeserializeOwned>(text: &str) -> Option<T> {
    parse_json(text).ok()
}

/// The [`Problem`] for serde_json's error on `text`, which is not JSON: where, as a JSON
/// path, and what. (Read into the tree, serde_json meets no type errors: those come from
/// the tree, already located.)
fn locate_error(text: &str, err: &serde_json::Error) -> Problem {
    use serde_json::error::Category;
    let text_error = err.to_string();
    let message = match err.classify() {
        Category::Io => text_error,
        _ => format!("the file is not valid JSON: {text_error}"),
    };
    let anchor = match err.classify() {
        Category::Eof => locate::Anchor::Unfinished,
        _ if message.contains("trailing comma") => locate::Anchor::Unfinished,
        _ => locate::Anchor::Syntax,
    };
    let offset = locate::offset_of(text, err.line(), err.column());
    let maybe_past_fault = err.classify() == Category::Syntax;
    Problem::new(
        locate::path_at(text, offset, maybe_past_fault, anchor),
        message,
    )
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
    fn a_missing_field_is_located_at_its_object_even_in_compact_json() {
        let err = parse_json::<Sample>(r#"{"items":[{"level":1},{}]}"#).unwrap_err();
        assert_eq!(err.path, "$.items[1]");
        assert!(
            err.message.starts_with("missing field `level`"),
            "{}",
            err.message
        );
    }

    #[test]
    fn an_unknown_field_is_located_at_its_key_even_when_the_object_then_closes() {
        let err = parse_json::<Sample>("{\"items\":[{\"level\":1,\"colour\":2}]}").unwrap_err();
        assert_eq!(err.path, "$.items[0].colour");
        let err = parse_json::<Sample>("{\"items\":[{\"a b\":1}]}").unwrap_err();
        assert_eq!(err.path, "$.items[0][\"a b\"]");
    }

    #[test]
    fn a_syntax_error_is_reported_before_a_type_error_earlier_in_the_text() {
        let err =
            parse_json::<Sample>("{\"items\":[{\"level\":\"high\"},{\"level\" 1}]}").unwrap_err();
        assert!(
            err.message.starts_with("the file is not valid JSON"),
            "{}",
            err.message
        );
        assert_eq!(err.path, "$.items[1]");
    }

    #[test]
    fn a_field_given_twice_is_refused_at_its_object() {
        let err = parse_json::<Sample>("{\"items\":[{\"level\":1,\"level\":2}]}").unwrap_err();
        assert_eq!(err.path, "$.items[0]");
        assert!(
            err.message.starts_with("duplicate field `level`"),
            "{}",
            err.message
        );
    }

    #[test]
    fn enums_read_as_strings_or_single_key_objects_and_are_located_as_values() {
        #[derive(Debug, serde::Deserialize, PartialEq)]
        #[serde(rename_all = "snake_case")]
        enum Shape {
            Dot,
            Line(u8),
            Box { side: u8 },
        }
        let shapes: Vec<Shape> =
            parse_json(r#"["dot", {"line": 3}, {"box": {"side": 2}}]"#).unwrap();
        assert_eq!(shapes, [Shape::Dot, Shape::Line(3), Shape::Box { side: 2 }]);
        let err = parse_json::<Vec<Shape>>(r#"["dot", "star"]"#).unwrap_err();
        assert_eq!(err.path, "$[1]");
        assert!(
            err.message.starts_with("unknown variant `star`"),
            "{}",
            err.message
        );
        let err = parse_json::<Vec<Shape>>(r#"["dot", {"star": 1}]"#).unwrap_err();
        assert_eq!(err.path, "$[1]");
        let err = parse_json::<Vec<Shape>>(r#"[{"box": {"side": "two"}}]"#).unwrap_err();
        assert_eq!(err.path, "$[0].box.side");
        assert!(
            err.message.starts_with("invalid type: string \"two\""),
            "{}",
            err.message
        );
    }

    #[test]
    fn text_cut_off_is_located_at_the_value_being_read() {
        let err = parse_json::<Sample>("{\"items\":[{\"level\": 1},{\"level\": tr").unwrap_err();
        assert_eq!(err.path, "$.items[1].level");
        let err = parse_json::<Sample>("{\"items\":[{\"lev").unwrap_err();
        assert_eq!(err.path, "$.items[0]");
    }

    #[test]
    fn trailing_garbage_is_an_error() {
        let err = parse_json::<Sample>(r#"{"items": []} x"#).unwrap_err();
        assert_eq!(err.path, "$");
    }
}
