//! The diff as plain text for a partnership board: a summary first, then the file's
//! changes, the rules' changes, and the decisions that change, each with before and after.

use super::super::lint::thousands;
use super::super::words;
use super::{Change, Diff, FieldChange, Outcome, RuleChange};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write;

pub(super) fn render(d: &Diff, old_label: &str, new_label: &str, suite: Option<&str>) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "Guidance revision");
    let _ = writeln!(s, "  before: {} {} ({old_label})", d.old.id, d.old.version);
    let _ = writeln!(s, "  after:  {} {} ({new_label})", d.new.id, d.new.version);
    summary(d, suite.is_some(), &mut s);
    file_changes(&d.changes, &mut s);
    rule_changes(&d.rules, &mut s);
    decisions(d, suite, &mut s);
    s
}

fn count_of(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

fn summary(d: &Diff, with_suite: bool, s: &mut String) {
    let _ = writeln!(s, "\nSummary");
    let mut sections: Vec<(String, usize)> = Vec::new();
    for c in &d.changes {
        match sections.iter_mut().find(|(name, _)| *name == c.section) {
            Some((_, n)) => *n += 1,
            None => sections.push((c.section.clone(), 1)),
        }
    }
    let file = if sections.is_empty() {
        "no changes".to_string()
    } else {
        sections
            .iter()
            .map(|(name, n)| format!("{name} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(s, "  File entries changed: {file}");
    let rules = if d.rules.is_empty() {
        "none".to_string()
    } else {
        words::and_list(
            &d.rules
                .iter()
                .map(|r| format!("{} ({})", r.id, r.kinds.join(", ")))
                .collect::<Vec<_>>(),
        )
    };
    let _ = writeln!(s, "  Rules changed: {rules}");
    let c = &d.cases;
    let by = |source: &str| c.changed.iter().filter(|x| x.source == source).count();
    let vignettes = if with_suite {
        format!(
            "{} of {}",
            thousands(by("vignette")),
            count_of(c.vignettes_tried, "vignette", "vignettes")
        )
    } else {
        "no vignettes given".to_string()
    };
    let _ = writeln!(
        s,
        "  Decisions that change: {vignettes}; {} of {}; {} of {}",
        thousands(by("single concern")),
        count_of(
            c.single_concerns_tried,
            "single-concern case",
            "single-concern cases"
        ),
        thousands(by("generated")),
        count_of(c.generated_tried, "generated case", "generated cases"),
    );
}

fn show(v: &Value) -> String {
    match v {
        Value::Null => "(none)".into(),
        other => other.to_string(),
    }
}

fn field_lines(f: &FieldChange, indent: &str, s: &mut String) {
    match (&f.before, &f.after) {
        (Value::Array(a), Value::Array(b))
            if a.iter().chain(b).all(Value::is_string) && f.field == "examples" =>
        {
            let same = a.iter().filter(|x| b.contains(x)).count();
            let _ = writeln!(
                s,
                "{indent}{}: {} before, {} after, {} unchanged",
                f.field,
                a.len(),
                b.len(),
                same
            );
        }
        (Value::String(_), Value::String(_)) | (Value::Object(_), Value::Object(_))
            if show(&f.before).len() + show(&f.after).len() > 60 =>
        {
            let _ = writeln!(s, "{indent}{}", f.field);
            let _ = writeln!(s, "{indent}  before: {}", show(&f.before));
            let _ = writeln!(s, "{indent}  after:  {}", show(&f.after));
        }
        _ => {
            let _ = writeln!(
                s,
                "{indent}{}: {} → {}",
                f.field,
                show(&f.before),
                show(&f.after)
            );
        }
    }
}

/// A short name for an added or removed entry: its name, title or text.
fn label(entry: &Option<Value>) -> String {
    let Some(v) = entry else {
        return String::new();
    };
    ["name", "title", "text"]
        .iter()
        .find_map(|k| v.get(*k).and_then(Value::as_str))
        .map(|t| format!(": \"{t}\""))
        .unwrap_or_default()
}

fn file_changes(changes: &[Change], s: &mut String) {
    let _ = writeln!(s, "\n1. The file");
    if changes.is_empty() {
        let _ = writeln!(s, "  No entries changed.");
        return;
    }
    let mut section = "";
    for c in changes {
        if c.section != section {
            section = &c.section;
            let n = changes.iter().filter(|x| x.section == c.section).count();
            let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
            for x in changes.iter().filter(|x| x.section == c.section) {
                for k in &x.kinds {
                    *kinds.entry(k).or_default() += 1;
                }
            }
            let how: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
            let _ = writeln!(
                s,
                "  {} ({} {}: {})",
                capital(section),
                n,
                if n == 1 { "entry" } else { "entries" },
                how.join(", ")
            );
        }
        match c.kinds.first().copied() {
            Some("added") | Some("removed") => {
                let _ = writeln!(s, "    {} {}{}", c.kinds[0], c.key, label(&c.entry));
            }
            _ if c.section == "header" => {
                for f in &c.fields {
                    field_lines(f, "    ", s);
                }
            }
            _ => {
                let _ = writeln!(s, "    {}: {}", c.key, c.kinds.join(", "));
                for f in &c.fields {
                    field_lines(f, "      ", s);
                }
            }
        }
    }
}

fn capital(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(first) => first.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

fn rule_changes(rules: &[RuleChange], s: &mut String) {
    let _ = writeln!(s, "\n2. The rules");
    if rules.is_empty() {
        let _ = writeln!(s, "  No rules changed.");
        return;
    }
    for r in rules {
        let table = match r.table {
            "pathway" => "Pathway rule",
            "escalation" => "Escalation rule",
            _ => "Action rule",
        };
        let at = |p: Option<usize>| p.map(|i| (i + 1).to_string()).unwrap_or("-".into());
        let place = match r.position {
            (Some(a), Some(b)) if a != b => {
                format!(" (position {} → {})", at(Some(a)), at(Some(b)))
            }
            (Some(a), _) | (None, Some(a)) => format!(" (position {})", at(Some(a))),
            (None, None) => String::new(),
        };
        let _ = writeln!(s, "  {table} {}{place}: {}", r.id, r.kinds.join(", "));
        if let Some(w) = &r.when_before {
            let _ = writeln!(s, "    condition before: {w}");
        }
        if let Some(w) = &r.when_after {
            let _ = writeln!(s, "    condition after:  {w}");
        }
        for f in r.fields.iter().filter(|f| f.field != "when") {
            field_lines(f, "    ", s);
        }
    }
}

fn outcome(o: &Outcome) -> String {
    if let Some(e) = &o.error {
        return format!("no decision: {e}");
    }
    let mut parts = vec![format!(
        "{}, level {}",
        o.pathway.map(|p| p.code()).unwrap_or("?"),
        o.level.unwrap_or(0)
    )];
    if let Some(r) = &o.rule {
        parts.push(format!("rule {r}"));
    }
    if o.consultation_advised {
        parts.push("consultation advised".into());
    }
    parts.push(if o.actions.is_empty() {
        "no actions".into()
    } else {
        format!("actions: {}", o.actions.join(", "))
    });
    parts.join("; ")
}

fn transition(before: &Outcome, after: &Outcome) -> String {
    let short = |o: &Outcome| match (&o.error, o.pathway) {
        (Some(_), _) | (_, None) => "no decision".to_string(),
        (None, Some(p)) => format!("{p} (level {})", o.level.unwrap_or(0)),
    };
    let (a, b) = (short(before), short(after));
    if a == b {
        format!("{a}, with other actions or advice")
    } else {
        format!("{a} → {b}")
    }
}

fn decisions(d: &Diff, suite: Option<&str>, s: &mut String) {
    let c = &d.cases;
    let _ = writeln!(s, "\n3. Decisions that change");
    let vignettes: Vec<_> = c
        .changed
        .iter()
        .filter(|x| x.source == "vignette")
        .collect();
    match suite {
        Some(name) => {
            let _ = writeln!(
                s,
                "  Vignettes ({name}): {} of {} change{}",
                vignettes.len(),
                c.vignettes_tried,
                if vignettes.is_empty() { "" } else { ":" }
            );
        }
        None => {
            let _ = writeln!(s, "  Vignettes: none given (use --vignettes FILE)");
        }
    }
    for v in vignettes {
        let _ = writeln!(s, "    {} {}", v.id, v.title);
        let _ = writeln!(s, "      case:   {}", v.in_words);
        let _ = writeln!(s, "      before: {}", outcome(&v.before));
        let _ = writeln!(s, "      after:  {}", outcome(&v.after));
        if !v.changed_by.is_empty() {
            let _ = writeln!(s, "      changed by: {}", v.changed_by.join(", "));
        }
    }
    for (source, heading, tried) in [
        (
            "single concern",
            "Each concern on its own",
            c.single_concerns_tried,
        ),
        ("generated", "Generated cases", c.generated_tried),
    ] {
        let rows: Vec<_> = c.changed.iter().filter(|x| x.source == source).collect();
        let _ = writeln!(
            s,
            "  {heading}: {} of {} change{}",
            thousands(rows.len()),
            thousands(tried),
            if rows.is_empty() { "" } else { ":" }
        );
        if source == "generated" && !rows.is_empty() {
            let _ = writeln!(
                s,
                "    (Generated cases are aimed at what changed, so they show where a revision bites, not how often it will.)"
            );
        }
        let mut groups: Vec<(String, Vec<_>)> = Vec::new();
        for r in rows {
            let t = transition(&r.before, &r.after);
            match groups.iter_mut().find(|(k, _)| *k == t) {
                Some((_, v)) => v.push(r),
                None => groups.push((t, vec![r])),
            }
        }
        for (t, rows) in groups {
            let _ = writeln!(s, "    {t}: {}", count_of(rows.len(), "case", "cases"));
            for r in rows {
                let _ = writeln!(s, "      {}: {}", r.id, r.in_words);
                let gone: Vec<String> = r
                    .before
                    .actions
                    .iter()
                    .filter(|a| !r.after.actions.contains(a))
                    .map(|a| format!("-{a}"))
                    .collect();
                let new: Vec<String> = r
                    .after
                    .actions
                    .iter()
                    .filter(|a| !r.before.actions.contains(a))
                    .map(|a| format!("+{a}"))
                    .collect();
                let mut notes: Vec<String> = gone.into_iter().chain(new).collect();
                if r.before.consultation_advised != r.after.consultation_advised {
                    notes.push(format!(
                        "consultation advised {} → {}",
                        r.before.consultation_advised, r.after.consultation_advised
                    ));
                }
                if !notes.is_empty() {
                    let _ = writeln!(s, "        {}", notes.join(" "));
                }
                if !r.changed_by.is_empty() {
                    let _ = writeln!(s, "        changed by: {}", r.changed_by.join(", "));
                }
            }
        }
    }
}
