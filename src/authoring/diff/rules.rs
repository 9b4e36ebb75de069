//! Part 2 of a diff: the rules, matched by id within each table. In the pathway table
//! order decides (first hit), so a rule that moves relative to the others is reported.

use super::codes::field_changes;
use super::{FieldChange, RuleChange};
use crate::authoring::unified::lcs_pairs;
use crate::authoring::words;
use crate::guidance::condition::Condition;
use crate::guidance::GuidanceFile;
use serde::Serialize;
use serde_json::Value;

struct Rule {
    id: String,
    when: Condition,
    value: Value,
}

fn rules<T: Serialize>(items: &[T], id: fn(&T) -> &str, when: fn(&T) -> &Condition) -> Vec<Rule> {
    items
        .iter()
        .map(|r| Rule {
            id: id(r).to_string(),
            when: when(r).clone(),
            value: serde_json::to_value(r).unwrap_or(Value::Null),
        })
        .collect()
}

fn kind_of(field: &str) -> &'static str {
    match field {
        "when" => "condition changed",
        "pathway" | "at_least" => "pathway changed",
        "actions" => "actions changed",
        "lowered_by_strengths" => "strength lowering changed",
        "consultation_advised" => "consultation changed",
        "reason" => "re-worded",
        _ => "changed",
    }
}

pub(super) fn compare(old: &GuidanceFile, new: &GuidanceFile) -> Vec<RuleChange> {
    let mut out = Vec::new();
    let tables: [(&'static str, Vec<Rule>, Vec<Rule>); 3] = [
        (
            "pathway",
            rules(&old.rules.pathway, |r| &r.id, |r| &r.when),
            rules(&new.rules.pathway, |r| &r.id, |r| &r.when),
        ),
        (
            "escalation",
            rules(&old.rules.escalation, |r| &r.id, |r| &r.when),
            rules(&new.rules.escalation, |r| &r.id, |r| &r.when),
        ),
        (
            "actions",
            rules(&old.rules.actions, |r| &r.id, |r| &r.when),
            rules(&new.rules.actions, |r| &r.id, |r| &r.when),
        ),
    ];
    for (table, before, after) in tables {
        table_changes(table, &before, &after, old, new, &mut out);
    }
    out
}

fn table_changes(
    table: &'static str,
    before: &[Rule],
    after: &[Rule],
    old: &GuidanceFile,
    new: &GuidanceFile,
    out: &mut Vec<RuleChange>,
) {
    let pos = |rules: &[Rule], id: &str| rules.iter().position(|r| r.id == id);
    // Rules both versions have, and which of them keep their order relative to the rest.
    let common_old: Vec<&str> = before
        .iter()
        .map(|r| r.id.as_str())
        .filter(|id| pos(after, id).is_some())
        .collect();
    let common_new: Vec<&str> = after
        .iter()
        .map(|r| r.id.as_str())
        .filter(|id| pos(before, id).is_some())
        .collect();
    let stayed: Vec<&str> = lcs_pairs(&common_old, &common_new)
        .into_iter()
        .map(|(i, _)| common_old[i])
        .collect();

    for (i, r) in before.iter().enumerate() {
        if pos(after, &r.id).is_none() {
            out.push(RuleChange {
                table,
                id: r.id.clone(),
                kinds: vec!["removed"],
                position: (Some(i), None),
                fields: Vec::new(),
                when_before: Some(words::condition(&r.when, old)),
                when_after: None,
                entry: Some(r.value.clone()),
            });
        }
    }
    for (j, r) in after.iter().enumerate() {
        let Some(i) = pos(before, &r.id) else {
            out.push(RuleChange {
                table,
                id: r.id.clone(),
                kinds: vec!["added"],
                position: (None, Some(j)),
                fields: Vec::new(),
                when_before: None,
                when_after: Some(words::condition(&r.when, new)),
                entry: Some(r.value.clone()),
            });
            continue;
        };
        let fields: Vec<FieldChange> = field_changes(&before[i].value, &r.value);
        let mut kinds: Vec<&'static str> = Vec::new();
        for f in &fields {
            let k = kind_of(&f.field);
            if !kinds.contains(&k) {
                kinds.push(k);
            }
        }
        // Order matters only where the first match wins.
        let moved = table == "pathway" && !stayed.contains(&r.id.as_str());
        if moved {
            kinds.push("moved");
        }
        if kinds.is_empty() {
            continue;
        }
        let when_changed = fields.iter().any(|f| f.field == "when");
        out.push(RuleChange {
            table,
            id: r.id.clone(),
            kinds,
            position: (Some(i), Some(j)),
            fields,
            when_before: when_changed.then(|| words::condition(&before[i].when, old)),
            when_after: when_changed.then(|| words::condition(&r.when, new)),
            entry: None,
        });
    }
}
