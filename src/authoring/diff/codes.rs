//! Part 1 of a diff: the file's entries, section by section, matched by code or id.

use super::{Change, FieldChange};
use crate::guidance::GuidanceFile;
use serde::Serialize;
use serde_json::Value;

/// How a changed field is described: wording changes are for the board to read; level
/// changes move cases; other changes alter who gets what.
type Classify = fn(&str) -> &'static str;

fn wording(_: &str) -> &'static str {
    "re-worded"
}

fn changed(_: &str) -> &'static str {
    "changed"
}

fn concern_field(field: &str) -> &'static str {
    match field {
        "level" => "re-levelled",
        // Search terms are words to find it by: they change no decision.
        "text" | "examples" | "terms" | "source" => "re-worded",
        _ => "changed",
    }
}

fn level_field(field: &str) -> &'static str {
    match field {
        "name" | "summary" => "re-worded",
        _ => "changed",
    }
}

fn action_field(field: &str) -> &'static str {
    match field {
        "text" | "text_for" | "source" => "re-worded",
        _ => "changed",
    }
}

fn service_field(field: &str) -> &'static str {
    match field {
        "name" | "helps_with" | "contact" => "re-worded",
        _ => "changed",
    }
}

fn value<T: Serialize>(x: &T) -> Value {
    serde_json::to_value(x).unwrap_or(Value::Null)
}

/// Entries keyed by their code or id, as JSON.
type Keyed = Vec<(String, Value)>;

fn keyed<T: Serialize>(items: &[T], key: fn(&T) -> String) -> Keyed {
    items.iter().map(|x| (key(x), value(x))).collect()
}

/// Whether a section's order matters to decisions: actions are done, and services
/// offered, in file order.
#[derive(Clone, Copy, PartialEq)]
enum Order {
    Matters,
    Free,
}

pub(super) fn compare(old: &GuidanceFile, new: &GuidanceFile) -> Vec<Change> {
    let mut out = Vec::new();
    header(old, new, &mut out);
    let contacts = |f: &GuidanceFile| -> Keyed {
        f.contacts
            .iter()
            .map(|(k, v)| (k.clone(), value(v)))
            .collect()
    };
    let mut section = |name: &str, before: Keyed, after: Keyed, how: Classify, order: Order| {
        keyed_section(
            name,
            &before,
            &after,
            how,
            order == Order::Matters,
            &mut out,
        );
    };
    section(
        "contacts",
        contacts(old),
        contacts(new),
        changed,
        Order::Free,
    );
    let level = |l: &crate::guidance::Level| l.level.to_string();
    section(
        "levels",
        keyed(&old.levels, level),
        keyed(&new.levels, level),
        level_field,
        Order::Free,
    );
    section(
        "pathways",
        pathway_texts(old),
        pathway_texts(new),
        wording,
        Order::Free,
    );
    let id = |d: &crate::guidance::Domain| d.id.clone();
    section(
        "domains",
        keyed(&old.domains, id),
        keyed(&new.domains, id),
        |f| if f == "name" { "re-worded" } else { "changed" },
        Order::Free,
    );
    let code = |c: &crate::guidance::Concern| c.code.clone();
    section(
        "concerns",
        keyed(&old.concerns, code),
        keyed(&new.concerns, code),
        concern_field,
        Order::Free,
    );
    let code = |s: &crate::guidance::Strength| s.code.clone();
    section(
        "strengths",
        keyed(&old.strengths, code),
        keyed(&new.strengths, code),
        wording,
        Order::Free,
    );
    let code = |a: &crate::guidance::Action| a.code.clone();
    section(
        "actions",
        keyed(&old.actions, code),
        keyed(&new.actions, code),
        action_field,
        Order::Matters,
    );
    let id = |s: &crate::guidance::Service| s.id.clone();
    section(
        "services",
        keyed(&old.services, id),
        keyed(&new.services, id),
        service_field,
        Order::Matters,
    );
    out
}

fn pathway_texts(f: &GuidanceFile) -> Vec<(String, Value)> {
    crate::vocabulary::Pathway::ALL
        .iter()
        .map(|&p| (p.code().to_string(), value(f.pathways.get(p))))
        .collect()
}

fn header(old: &GuidanceFile, new: &GuidanceFile, out: &mut Vec<Change>) {
    let fields: [(&str, Value, Value); 8] = [
        ("format", value(&old.format), value(&new.format)),
        ("id", value(&old.id), value(&new.id)),
        ("title", value(&old.title), value(&new.title)),
        ("version", value(&old.version), value(&new.version)),
        ("published", value(&old.published), value(&new.published)),
        (
            "document_url",
            value(&old.document_url),
            value(&new.document_url),
        ),
        ("authority", value(&old.authority), value(&new.authority)),
        ("settings", value(&old.settings), value(&new.settings)),
    ];
    for (field, before, after) in fields {
        if before != after {
            out.push(Change {
                section: "header".into(),
                key: field.into(),
                kinds: vec!["changed"],
                fields: vec![FieldChange {
                    field: field.into(),
                    before,
                    after,
                }],
                entry: None,
            });
        }
    }
}

/// Removed entries (in old order), then changed and added ones (in new order), then a
/// change of order among the entries both have, where order matters.
fn keyed_section(
    section: &str,
    old: &[(String, Value)],
    new: &[(String, Value)],
    classify: Classify,
    ordered: bool,
    out: &mut Vec<Change>,
) {
    let find = |items: &[(String, Value)], key: &str| {
        items.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    };
    for (key, v) in old {
        if find(new, key).is_none() {
            out.push(Change {
                section: section.into(),
                key: key.clone(),
                kinds: vec!["removed"],
                fields: Vec::new(),
                entry: Some(v.clone()),
            });
        }
    }
    for (key, after) in new {
        match find(old, key) {
            None => out.push(Change {
                section: section.into(),
                key: key.clone(),
                kinds: vec!["added"],
                fields: Vec::new(),
                entry: Some(after.clone()),
            }),
            Some(before) => {
                let fields = field_changes(&before, after);
                if fields.is_empty() {
                    continue;
                }
                let mut kinds: Vec<&'static str> = Vec::new();
                for f in &fields {
                    let k = classify(&f.field);
                    if !kinds.contains(&k) {
                        kinds.push(k);
                    }
                }
                out.push(Change {
                    section: section.into(),
                    key: key.clone(),
                    kinds,
                    fields,
                    entry: None,
                });
            }
        }
    }
    if ordered {
        let common_old: Vec<&String> = old
            .iter()
            .map(|(k, _)| k)
            .filter(|k| find(new, k).is_some())
            .collect();
        let common_new: Vec<&String> = new
            .iter()
            .map(|(k, _)| k)
            .filter(|k| find(old, k).is_some())
            .collect();
        if common_old != common_new {
            out.push(Change {
                section: section.into(),
                key: "(order)".into(),
                kinds: vec!["moved"],
                fields: vec![FieldChange {
                    field: "order".into(),
                    before: value(&common_old),
                    after: value(&common_new),
                }],
                entry: None,
            });
        }
    }
}

/// The fields of two JSON objects that differ (a missing field counts as null), in the
/// order the fields appear.
pub(super) fn field_changes(before: &Value, after: &Value) -> Vec<FieldChange> {
    let (Some(b), Some(a)) = (before.as_object(), after.as_object()) else {
        return if before == after {
            Vec::new()
        } else {
            vec![FieldChange {
                field: String::new(),
                before: before.clone(),
                after: after.clone(),
            }]
        };
    };
    let mut keys: Vec<&String> = b.keys().collect();
    keys.extend(a.keys().filter(|k| !b.contains_key(*k)));
    keys.into_iter()
        .filter_map(|k| {
            let (x, y) = (
                b.get(k).cloned().unwrap_or(Value::Null),
                a.get(k).cloned().unwrap_or(Value::Null),
            );
            (x != y).then(|| FieldChange {
                field: k.clone(),
                before: x,
                after: y,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fields_that_differ_are_listed_in_order() {
        let f = field_changes(
            &json!({"code": "a", "level": 2, "text": "x"}),
            &json!({"code": "a", "level": 3, "text": "x", "flags": ["s47"]}),
        );
        let names: Vec<&str> = f.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(names, vec!["level", "flags"]);
        assert_eq!(f[1].before, Value::Null);
    }

    #[test]
    fn a_reordered_section_reports_the_order() {
        let a = vec![("x".to_string(), json!(1)), ("y".to_string(), json!(2))];
        let b = vec![("y".to_string(), json!(2)), ("x".to_string(), json!(1))];
        let mut out = Vec::new();
        keyed_section("actions", &a, &b, changed, true, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].kinds, vec!["moved"]);
    }
}
