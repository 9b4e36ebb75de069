//! Conditions, cases and decisions in plain words, for the people who own the guidance.
//! `lint`, `diff` and `explain` all speak through here, so a rule reads the same everywhere.

use crate::engine::case::Case;
use crate::guidance::condition::Condition;
use crate::guidance::GuidanceFile;
use crate::vocabulary::KnownToSocialCare;

/// A condition as one plain sentence fragment ("any concern at level 3 or above").
pub fn condition(c: &Condition, file: &GuidanceFile) -> String {
    match c {
        Condition::Always => "always (every case that gets this far)".into(),
        Condition::ImmediateDanger => "the child is in immediate danger".into(),
        Condition::Unborn => "the baby is unborn".into(),
        Condition::NonMobile => "the baby is not yet mobile".into(),
        Condition::DisabledOrSend => "the child is disabled or has SEND".into(),
        Condition::RepeatContact => match file.settings.repeat_contacts_at_least {
            Some(n) => format!("this is at least contact number {n} about the child in 12 months"),
            None => {
                "this is a repeat contact (settings.repeat_contacts_at_least is not set)".into()
            }
        },
        Condition::ConcernAtLevel(4) => "any concern at level 4".into(),
        Condition::ConcernAtLevel(l) => format!("any concern at level {l} or above"),
        Condition::CountAtLevel(c) => {
            let mut s = format!(
                "at least {} {} at exactly level {}",
                c.at_least,
                plural(c.at_least, "concern", "concerns"),
                c.level
            );
            if c.domains_at_least > 1 {
                s.push_str(&format!(", across at least {} domains", c.domains_at_least));
            }
            s
        }
        Condition::Concern(code) => format!("the concern {code} is selected"),
        Condition::AnyConcern(codes) => format!("any of the concerns {}", or_list(codes)),
        Condition::Flag(f) => format!("any concern flagged '{f}'"),
        Condition::Domain(d) => format!("any concern in {}", domain(d, file)),
        Condition::AgeBelow(a) => format!("the child is under {a} years old"),
        Condition::AgeAtLeast(a) => format!("the child is {a} years old or more"),
        Condition::KnownToSocialCare(v) => format!(
            "known to social care is {}",
            or_list(&v.iter().map(|k| answer(k.label())).collect::<Vec<_>>())
        ),
        Condition::Consent(v) => format!(
            "consent is {}",
            or_list(&v.iter().map(|k| answer(k.label())).collect::<Vec<_>>())
        ),
        Condition::Audience(v) => format!(
            "the user is {}",
            or_list(&v.iter().map(|k| answer(k.label())).collect::<Vec<_>>())
        ),
        Condition::Pathway(v) => format!(
            "the pathway is {}",
            or_list(&v.iter().map(|p| p.code().to_string()).collect::<Vec<_>>())
        ),
        Condition::Strength(s) => format!("the strength {s} is recorded"),
        Condition::StrengthsAtLeast(n) => format!(
            "at least {n} {} recorded",
            plural(*n, "strength is", "strengths are")
        ),
        Condition::All(cs) => joined(cs, " and ", file),
        Condition::Any(cs) => joined(cs, " or ", file),
        Condition::Not(inner) => match inner.as_ref() {
            Condition::Concern(code) => format!("the concern {code} is not selected"),
            Condition::Domain(d) => format!("no concern in {}", domain(d, file)),
            Condition::Flag(f) => format!("no concern flagged '{f}'"),
            Condition::ConcernAtLevel(l) => format!("no concern at level {l} or above"),
            other => format!("not ({})", condition(other, file)),
        },
    }
}

/// A condition as indented lines, for the picture: `all`/`any` lists one part a line.
pub fn condition_lines(c: &Condition, file: &GuidanceFile) -> Vec<String> {
    let mut out = Vec::new();
    lines_into(c, file, 0, &mut out);
    out
}

fn lines_into(c: &Condition, file: &GuidanceFile, depth: usize, out: &mut Vec<String>) {
    let pad = "  ".repeat(depth);
    match c {
        Condition::All(cs) | Condition::Any(cs) if cs.len() > 1 && !is_simple_list(cs) => {
            let head = if matches!(c, Condition::All(_)) {
                "all of these:"
            } else {
                "any of these:"
            };
            out.push(format!("{pad}{head}"));
            for part in cs {
                lines_into(part, file, depth + 1, out);
            }
        }
        _ => out.push(format!(
            "{pad}{}{}",
            if depth > 0 { "- " } else { "" },
            condition(c, file)
        )),
    }
}

/// A list of facts simple enough to read on one line ("unborn or not yet mobile").
fn is_simple_list(cs: &[Condition]) -> bool {
    cs.len() <= 3
        && cs
            .iter()
            .all(|c| !matches!(c, Condition::All(_) | Condition::Any(_) | Condition::Not(_)))
        && cs.iter().all(|c| {
            matches!(
                c,
                Condition::Unborn
                    | Condition::NonMobile
                    | Condition::DisabledOrSend
                    | Condition::AgeBelow(_)
                    | Condition::AgeAtLeast(_)
                    | Condition::ImmediateDanger
            )
        })
}

fn joined(cs: &[Condition], sep: &str, file: &GuidanceFile) -> String {
    let parts: Vec<String> = cs
        .iter()
        .map(|c| match c {
            Condition::All(inner) | Condition::Any(inner) if inner.len() > 1 => {
                format!("({})", condition(c, file))
            }
            _ => condition(c, file),
        })
        .collect();
    parts.join(sep)
}

fn domain(id: &str, file: &GuidanceFile) -> String {
    match file.domains.iter().find(|d| d.id == id) {
        Some(d) => format!("the domain '{}' ({id})", d.name),
        None => format!("the domain {id}"),
    }
}

/// "a, b or c".
pub fn or_list(items: &[String]) -> String {
    list(items, "or")
}

/// "a, b and c".
pub fn and_list(items: &[String]) -> String {
    list(items, "and")
}

fn list(items: &[String], word: &str) -> String {
    match items {
        [] => "none".into(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {word} {last}", init.join(", ")),
    }
}

pub fn plural<'a>(n: u32, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// An answer as the app offers it, in quotes: lint and diff use the words on screen.
pub fn answer(label: &str) -> String {
    format!("\"{label}\"")
}

/// A case in one line: "a child aged 10; concerns: care.low (level 2); no strengths".
pub fn case(c: &Case, file: &GuidanceFile) -> String {
    case_between(c, file, file)
}

/// A case in one line, for a revision: a concern whose level differs between the two
/// files shows both ("care.low (level 2 → 3)").
pub fn case_between(c: &Case, file: &GuidanceFile, revised: &GuidanceFile) -> String {
    let mut parts = Vec::new();
    let child = &c.child;
    let mut who = match child.age_years {
        _ if child.unborn => "an unborn baby".to_string(),
        Some(a) => format!("a child aged {a}"),
        None => "a child of unknown age".to_string(),
    };
    let mut facts = Vec::new();
    if child.non_mobile {
        facts.push("not yet mobile".to_string());
    }
    if child.disabled_or_send {
        facts.push("disabled or with SEND".to_string());
    }
    if child.known_to_social_care != KnownToSocialCare::None {
        facts.push(format!(
            "known to social care: {}",
            answer(child.known_to_social_care.label())
        ));
    }
    if child.previous_contacts_12_months > 0 {
        facts.push(format!(
            "{} earlier {} in 12 months",
            child.previous_contacts_12_months,
            plural(child.previous_contacts_12_months, "contact", "contacts")
        ));
    }
    if !facts.is_empty() {
        who = format!("{who}, {}", and_list(&facts));
    }
    parts.push(who);
    if c.immediate_danger {
        parts.push("in immediate danger".into());
    }
    let level =
        |f: &GuidanceFile, code: &str| f.concerns.iter().find(|x| x.code == code).map(|x| x.level);
    let concerns: Vec<String> = c
        .concerns
        .iter()
        .map(|code| match (level(file, code), level(revised, code)) {
            (Some(a), Some(b)) if a != b => format!("{code} (level {a} → {b})"),
            (Some(a), _) | (None, Some(a)) => format!("{code} (level {a})"),
            (None, None) => code.clone(),
        })
        .collect();
    parts.push(if concerns.is_empty() {
        "no concerns".into()
    } else {
        format!("concerns: {}", concerns.join(", "))
    });
    parts.push(if c.strengths.is_empty() {
        "no strengths".into()
    } else {
        format!("strengths: {}", c.strengths.join(", "))
    });
    let defaults = Case::empty();
    if c.consent != defaults.consent {
        parts.push(format!("consent: {}", answer(c.consent.label())));
    }
    if c.audience != defaults.audience {
        parts.push(format!("asked by: {}", answer(c.audience.label())));
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guidance::Guidance;

    fn file() -> GuidanceFile {
        Guidance::embedded_default().unwrap().file().clone()
    }

    #[test]
    fn nested_conditions_read_as_one_sentence() {
        let f = file();
        let baby = &f
            .rules
            .actions
            .iter()
            .find(|r| r.id == "baby-with-level-3-concern")
            .unwrap()
            .when;
        assert_eq!(
            condition(baby, &f),
            "(the baby is unborn or the baby is not yet mobile or the child is under 1 years old) and any concern at level 3 or above and the pathway is family_help"
        );
        let lines = condition_lines(baby, &f);
        assert_eq!(lines[0], "all of these:");
        assert_eq!(lines.len(), 4, "{lines:?}");
    }

    #[test]
    fn lists_read_naturally() {
        assert_eq!(or_list(&["a".into(), "b".into(), "c".into()]), "a, b or c");
        assert_eq!(and_list(&[]), "none");
    }
}
