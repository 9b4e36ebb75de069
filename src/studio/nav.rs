//! The studio's pages, and which page and element a `$.path` (from `check` or `lint`)
//! belongs to, so every problem links to the field or rule row it is about. Pages are
//! state, never the URL: nothing about the work in progress goes in the address bar.

use crate::authoring::forms;
use crate::guidance::GuidanceFile;

#[derive(Clone, Debug, PartialEq, Default)]
pub enum Page {
    #[default]
    Home,
    Concerns,
    Rules(Table),
    /// One rule's condition and fields, as JSON with located errors.
    Rule(Table, usize),
    /// Any other section, entry by entry (authority and contacts, levels, domains,
    /// strengths, actions, services, settings).
    Section(&'static str),
    Entry(&'static str, String),
    Cases,
    Preview,
    Review,
    Export,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    Pathway,
    Escalation,
    Actions,
}

impl Table {
    pub const ALL: [Table; 3] = [Table::Pathway, Table::Escalation, Table::Actions];

    /// The table's key in the file (`rules.pathway`).
    pub fn key(self) -> &'static str {
        match self {
            Table::Pathway => "pathway",
            Table::Escalation => "escalation",
            Table::Actions => "actions",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Table::Pathway => "Pathway rules",
            Table::Escalation => "Escalation rules",
            Table::Actions => "Action rules",
        }
    }

    pub fn from_key(key: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// The sections edited entry by entry, as (key in the file, title).
pub const SECTIONS: [(&str, &str); 12] = [
    ("header", "Title, version and document"),
    ("authority", "Authority"),
    ("contacts", "Contacts"),
    ("levels", "Levels"),
    ("pathways", "Outcome wording for each pathway"),
    ("domains", "Domains"),
    ("strengths", "Strengths"),
    ("actions", "Actions"),
    ("services", "Services"),
    ("settings", "Settings"),
    ("request_form", "Request for support form"),
    ("contact_record", "Front door contact record"),
];

pub fn section_title(key: &str) -> &'static str {
    if key == "concerns" {
        return "Concerns";
    }
    SECTIONS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, t)| *t)
        .unwrap_or("Settings")
}

/// The page a `$.path` is shown on, and the id of the element it is about there: a rule's
/// row, or an entry's page and its field.
pub fn locate(path: &str, file: &GuidanceFile) -> (Page, Option<String>) {
    let rest = path.strip_prefix("$.").unwrap_or("");
    let (head, tail) = split_key(rest);
    match head {
        "rules" => {
            let (table, tail) = split_key(tail);
            match (Table::from_key(table), index(tail)) {
                (Some(t), Some(i)) => (Page::Rules(t), Some(rule_row_id(t, i))),
                (Some(t), None) => (Page::Rules(t), None),
                _ => (Page::Rules(Table::Pathway), None),
            }
        }
        "concerns" => match entry_page("concerns", tail_with_dot(rest, head), file) {
            (Page::Entry(s, key), focus) => (Page::Entry(s, key), focus),
            _ => (Page::Concerns, None),
        },
        "" => (Page::Home, None),
        other => match SECTIONS.iter().find(|(k, _)| *k == other) {
            Some((k, _)) => entry_page(k, tail_with_dot(rest, other), file),
            None => (Page::Section("header"), None),
        },
    }
}

/// The rest of `rest` after the section key, with its separator (`.text`, `[3].code`).
fn tail_with_dot<'p>(rest: &'p str, head: &str) -> &'p str {
    &rest[head.len().min(rest.len())..]
}

/// The entry (and field) a path within a section is about, or the section's own page
/// (with the field, for a section edited in place).
fn entry_page(section: &'static str, tail: &str, file: &GuidanceFile) -> (Page, Option<String>) {
    let Some(json) = forms::read(file, section) else {
        return (Page::Section(section), None);
    };
    if let Some((key, rest)) = forms::entry_at(&json, section, tail) {
        let focus =
            forms::group_of(section, &key).and_then(|(g, _)| forms::field_for_path(g.form, rest));
        return (Page::Entry(section, key), focus);
    }
    let focus = forms::groups(section)
        .iter()
        .filter(|g| g.shape == forms::Shape::One)
        .find_map(|g| forms::field_for_path(g.form, tail));
    (Page::Section(section), focus)
}

/// The id of a rule's row in its table.
pub fn rule_row_id(t: Table, i: usize) -> String {
    format!("rule-{}-{i}", t.key())
}

fn split_key(s: &str) -> (&str, &str) {
    let end = s.find(['.', '[']).unwrap_or(s.len());
    let (key, rest) = s.split_at(end);
    (key, rest.strip_prefix('.').unwrap_or(rest))
}

/// `[3]…` → 3.
fn index(s: &str) -> Option<usize> {
    s.strip_prefix('[')?.split(']').next()?.parse().ok()
}
