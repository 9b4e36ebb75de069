//! `triage explain` (issue 7): a self-contained picture of the rules, as SVG or as an
//! HTML page with the SVG inline. Checked here for well-formed markup, every rule shown,
//! escaped text and nothing that runs or loads from elsewhere.

use crate::support::{read, triage};
use front_door_triage::authoring::explain;
use front_door_triage::Guidance;
use std::path::Path;

/// Checks markup is balanced: every start tag closed in order, comments, declarations and
/// self-closing tags skipped, attribute values quoted. Returns the element names seen.
fn balanced(markup: &str) -> Vec<String> {
    let mut stack: Vec<String> = Vec::new();
    let mut seen = Vec::new();
    let mut rest = markup;
    while let Some(start) = rest.find('<') {
        rest = &rest[start..];
        if rest.starts_with("<!") {
            let end = rest.find('>').expect("declaration ends");
            rest = &rest[end + 1..];
            continue;
        }
        // The tag ends at the first '>' outside quotes.
        let mut in_quote = false;
        let end = rest
            .char_indices()
            .find(|&(_, c)| {
                if c == '"' {
                    in_quote = !in_quote;
                }
                c == '>' && !in_quote
            })
            .map(|(i, _)| i)
            .expect("tag ends");
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ':')
            .collect();
        assert!(!name.is_empty(), "empty tag name in <{tag}>");
        assert_eq!(
            tag.matches('"').count() % 2,
            0,
            "unbalanced quotes in <{tag}>"
        );
        seen.push(name.to_lowercase());
        if tag.starts_with('/') {
            let open = stack
                .pop()
                .unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert_eq!(open, name, "</{name}> closes <{open}>");
        } else if !tag.ends_with('/') {
            stack.push(name);
        }
        // Text between tags must not hold a raw '<' or an unescaped '&'.
        let text_end = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..text_end];
        for (i, _) in text.match_indices('&') {
            let entity: String = text[i..].chars().take_while(|c| *c != ';').collect();
            assert!(
                ["&amp", "&lt", "&gt", "&quot", "&#39"].contains(&entity.as_str()),
                "unescaped & in text: {text}"
            );
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    seen
}

fn no_active_content(markup: &str, names: &[String]) {
    let lower = markup.to_lowercase();
    for bad in [
        "script",
        "style",
        "link",
        "img",
        "iframe",
        "object",
        "embed",
        "foreignobject",
        "image",
    ] {
        assert!(!names.iter().any(|n| n == bad), "<{bad}> must not appear");
    }
    assert!(!lower.contains("<script"), "no script");
    assert!(!lower.contains("href"), "no links to anything");
    // No event handler attributes: ` on<letters>=` anywhere.
    for (i, _) in lower.match_indices(" on") {
        let name: String = lower[i + 3..]
            .chars()
            .take_while(char::is_ascii_lowercase)
            .collect();
        assert!(
            !lower[i + 3 + name.len()..].starts_with('='),
            "event handler: on{name}"
        );
    }
    assert!(!lower.contains("style="), "no inline styles (CSP)");
    let without_ns = lower.replace("http://www.w3.org/2000/svg", "");
    assert!(
        !without_ns.contains("http:") && !without_ns.contains("https:"),
        "no external resources"
    );
}

fn every_rule_shown(markup: &str, g: &Guidance) {
    let f = g.file();
    let ids = f
        .rules
        .pathway
        .iter()
        .map(|r| &r.id)
        .chain(f.rules.escalation.iter().map(|r| &r.id))
        .chain(f.rules.actions.iter().map(|r| &r.id));
    for id in ids {
        assert!(
            markup.contains(&explain::escape(id)),
            "rule {id} is missing"
        );
    }
}

#[test]
fn the_svg_is_well_formed_self_contained_and_shows_every_rule() {
    for file in [
        "www/guidance/default.json",
        "www/guidance/example-county.json",
    ] {
        let g = Guidance::from_json(&read(file)).expect("valid");
        let svg = explain::svg(&g);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        let names = balanced(&svg);
        assert_eq!(names.first().map(String::as_str), Some("svg"));
        no_active_content(&svg, &names);
        every_rule_shown(&svg, &g);
        // Conditions appear in plain words, with the lowering and the escalation.
        assert!(svg.contains("When any concern at level 3 or above"));
        assert!(svg.contains("lowered to signpost"));
        assert!(svg.contains("→ at least family_help"));
        assert!(svg.contains("Fed by: levels 3 to 4"));
    }
}

#[test]
fn the_html_page_holds_the_svg_inline_and_no_script() {
    let g = Guidance::embedded_default().expect("valid");
    let html = explain::html(&g);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    let names = balanced(&html);
    assert!(names.contains(&"svg".to_string()) && names.contains(&"ol".to_string()));
    no_active_content(&html, &names);
    every_rule_shown(&html, &g);
}

#[test]
fn text_from_the_file_is_escaped() {
    let text = read("tests/lint/clean.json")
        .replace(
            "Lint County test guidance",
            "<script>alert(1)</script> & \\\"quoted\\\" 'guidance'",
        )
        .replace("Several level-2 needs.", "Needs <b>&</b> more");
    let g = Guidance::from_json(&text).expect("still valid");
    for markup in [explain::svg(&g), explain::html(&g)] {
        let names = balanced(&markup);
        no_active_content(&markup, &names);
        assert!(markup.contains(
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;guidance&#39;"
        ));
    }
}

#[test]
fn the_cli_writes_svg_or_html_by_extension() {
    let dir = std::env::temp_dir().join(format!("fdt-explain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp folder");
    let run = |out: &Path| {
        triage()
            .args(["explain", "www/guidance/example-county.json", "-o"])
            .arg(out)
            .output()
            .expect("run triage")
    };
    let svg = dir.join("rules.svg");
    assert_eq!(run(&svg).status.code(), Some(0));
    assert!(std::fs::read_to_string(&svg)
        .expect("written")
        .starts_with("<svg"));
    let html = dir.join("rules.html");
    assert_eq!(run(&html).status.code(), Some(0));
    assert!(std::fs::read_to_string(&html)
        .expect("written")
        .starts_with("<!DOCTYPE html>"));
    assert_eq!(run(&dir.join("rules.png")).status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The app shows each shipped guidance file's picture from a file beside it; they must be
/// what `triage explain` draws for the file as it is now.
#[test]
fn shipped_pictures_match_their_guidance_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/guidance");
    for name in ["default", "example-county"] {
        let text = std::fs::read_to_string(dir.join(format!("{name}.json"))).unwrap();
        let g = front_door_triage::Guidance::from_json(&text).unwrap();
        let shipped = std::fs::read_to_string(dir.join(format!("{name}.svg"))).unwrap();
        assert!(
            shipped == front_door_triage::authoring::explain::svg(&g),
            "www/guidance/{name}.svg is out of date: run `cargo run -- explain www/guidance/{name}.json -o www/guidance/{name}.svg`"
        );
    }
}

/// The picture names the law or guidance behind each rule, marks duties and shows which
/// actions are unsafe with which flags (issue 11, items 1 and 9).
#[test]
fn the_picture_shows_sources_duties_and_unsafe_actions() {
    let g = Guidance::from_json(&read("www/guidance/default.json")).expect("valid");
    let svg = explain::svg(&g);
    assert!(
        svg.contains("Source: Children Act 1989, section 47 (child protection enquiries)"),
        "the any-level-4 rule's source"
    );
    assert!(
        svg.contains("duty: fgm_mandatory_report"),
        "duties are marked"
    );
    assert!(
        svg.contains(
            "never with a concern flagged family_meeting_unsafe or do_not_inform_parents_first"
        ),
        "the family meeting's unsafe flags"
    );
}
