//! `triage explain`: a picture of how a guidance file decides, for the people who own it
//! and the board that approves it. The pathway rules in the order they are tried, with
//! their conditions in plain words and what feeds each (levels, domains, flags, child
//! facts); the strength lowering; the escalation rules; the action rules and the order of
//! actions.
//!
//! The picture is one self-contained SVG (or an HTML page with the SVG inline): no
//! script, no style sheet, no fonts, links or images from elsewhere, and only
//! presentation attributes, so it also passes the app's Content-Security-Policy when shown
//! inline. Every piece of text from the file is escaped.

use super::words;
use crate::guidance::condition::Condition;
use crate::guidance::{Guidance, GuidanceFile};
use crate::vocabulary::Pathway;
use std::fmt::Write;

const WIDTH: f64 = 1000.0;
const MARGIN: f64 = 24.0;
const BOX_W: f64 = 640.0;
const OUT_X: f64 = 712.0;
const OUT_W: f64 = WIDTH - MARGIN - OUT_X;
const PAD: f64 = 10.0;
const LINE: f64 = 17.0;
const FONT: &str = "Arial, Helvetica, sans-serif";
/// Average width of a character at 13px in a sans-serif face, for wrapping.
const CHAR_W: f64 = 6.6;
const INK: &str = "#0b0c0c";
const MUTED: &str = "#505a5f";
const BORDER: &str = "#b1b4b6";
const PANEL: &str = "#f3f2f1";

/// The picture as a standalone SVG document.
pub fn svg(g: &Guidance) -> String {
    let file = g.file();
    let mut c = Canvas::default();
    header(file, &mut c);
    pathway_table(file, &mut c);
    escalation_table(file, &mut c);
    action_table(file, &mut c);
    action_order(file, &mut c);
    let height = c.y + MARGIN;
    let title = format!("How {} decides", file.title);
    let n = |k: usize, what: &str| format!("{k} {what}{}", if k == 1 { "" } else { "s" });
    let desc = format!(
        "The decision rules of {} version {}: {} tried in order, {} and {}.",
        file.title,
        file.version,
        n(file.rules.pathway.len(), "pathway rule"),
        n(file.rules.escalation.len(), "escalation rule"),
        n(file.rules.actions.len(), "action rule")
    );
    let mut s = String::new();
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="fdt-explain-title fdt-explain-desc" font-family="{FONT}" font-size="13">
<title id="fdt-explain-title">{}</title>
<desc id="fdt-explain-desc">{}</desc>
<defs><marker id="fdt-explain-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{MUTED}"/></marker></defs>
<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>
"##,
        escape(&title),
        escape(&desc)
    );
    s.push_str(&c.body);
    s.push_str("</svg>\n");
    s
}

/// The picture in an HTML page of its own, with the rules also written out as lists for
/// screen readers and for copying into a board paper. No script, no styles.
pub fn html(g: &Guidance) -> String {
    let file = g.file();
    let title = format!("How {} decides", file.title);
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>{t}</title>\n</head>\n<body>\n<h1>{t}</h1>\n<p>{a}, version {v} ({id}). Drawn from the guidance file by <code>triage explain</code>; the file is the authority, and this picture changes whenever it does.</p>\n",
        t = escape(&title),
        a = escape(&file.authority.name),
        v = escape(&file.version),
        id = escape(&file.id),
    );
    s.push_str(&svg(g));
    s.push_str("<h2>The rules in words</h2>\n<h3>1. Pathway: the first rule that matches decides</h3>\n<ol>\n");
    for r in &file.rules.pathway {
        let _ = write!(
            s,
            "<li><strong>{}</strong>: when {}, the pathway is {}.",
            escape(&r.id),
            escape(&words::condition(&r.when, file)),
            escape(r.pathway.code())
        );
        if let Some(low) = &r.lowered_by_strengths {
            let _ = write!(
                s,
                " With at least {} strengths recorded and no level-3 or level-4 concern, it is lowered to {}.",
                low.at_least,
                escape(low.to.code())
            );
        }
        s.push_str("</li>\n");
    }
    s.push_str("</ol>\n<h3>2. Escalation: every rule that matches applies</h3>\n");
    list(
        &mut s,
        file.rules.escalation.iter().map(|r| {
            format!(
                "<strong>{}</strong>: when {}, {}.",
                escape(&r.id),
                escape(&words::condition(&r.when, file)),
                escape(&escalation_effect(r.at_least, r.consultation_advised))
            )
        }),
    );
    s.push_str("<h3>3. Actions: every rule that matches adds its actions</h3>\n");
    list(
        &mut s,
        file.rules.actions.iter().map(|r| {
            let mut effect: Vec<String> = r.actions.clone();
            if r.consultation_advised {
                effect.push("advise consultation".into());
            }
            format!(
                "<strong>{}</strong>: when {}, {}.",
                escape(&r.id),
                escape(&words::condition(&r.when, file)),
                escape(&words::and_list(&effect))
            )
        }),
    );
    s.push_str("</body>\n</html>\n");
    s
}

fn list(s: &mut String, items: impl Iterator<Item = String>) {
    let items: Vec<String> = items.collect();
    if items.is_empty() {
        s.push_str("<p>None.</p>\n");
        return;
    }
    s.push_str("<ol>\n");
    for i in items {
        let _ = writeln!(s, "<li>{i}</li>");
    }
    s.push_str("</ol>\n");
}

/// Text for SVG or HTML: the five characters that could open markup, escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters XML 1.0 does not allow at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn colour(p: Pathway) -> &'static str {
    match p {
        Pathway::Signpost => "#00703c",
        Pathway::FamilyHelp => "#1d70b8",
        Pathway::MacptReferral => "#942514",
        Pathway::Emergency => "#d4351c",
    }
}

/// Words wrapped to lines of at most `width` characters (a longer word gets its own line).
/// Continuation lines hang two spaces in from the first line's own indent.
fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_with(text, width, "  ")
}

fn wrap_with(text: &str, width: usize, hang: &str) -> Vec<String> {
    let indent: String = text.chars().take_while(|c| *c == ' ').collect();
    let mut lines = Vec::new();
    let mut line = indent.clone();
    for word in text.split_whitespace() {
        if line.trim().is_empty() {
            line.push_str(word);
        } else if line.chars().count() + 1 + word.chars().count() <= width {
            line.push(' ');
            line.push_str(word);
        } else {
            lines.push(std::mem::replace(
                &mut line,
                format!("{indent}{hang}{word}"),
            ));
        }
    }
    if !line.trim().is_empty() {
        lines.push(line);
    }
    lines
}

fn chars_for(width: f64) -> usize {
    ((width - 2.0 * PAD) / CHAR_W).max(10.0) as usize
}

/// The SVG being drawn, top to bottom.
#[derive(Default)]
struct Canvas {
    body: String,
    y: f64,
}

struct Line {
    text: String,
    bold: bool,
    colour: &'static str,
}

impl Line {
    fn plain(text: impl Into<String>) -> Line {
        Line {
            text: text.into(),
            bold: false,
            colour: INK,
        }
    }
    fn bold(text: impl Into<String>) -> Line {
        Line {
            bold: true,
            ..Line::plain(text)
        }
    }
    fn muted(text: impl Into<String>) -> Line {
        Line {
            colour: MUTED,
            ..Line::plain(text)
        }
    }
}

impl Canvas {
    fn text(&mut self, x: f64, y: f64, line: &Line, size: u32) {
        let weight = if line.bold {
            " font-weight=\"bold\""
        } else {
            ""
        };
        let _ = writeln!(
            self.body,
            r#"<text x="{x}" y="{y}" font-size="{size}" fill="{}"{weight} xml:space="preserve">{}</text>"#,
            line.colour,
            escape(&line.text)
        );
    }

    fn heading(&mut self, text: &str, size: u32, gap: f64) {
        self.y += gap;
        self.text(MARGIN, self.y, &Line::bold(text), size);
        self.y += 10.0;
    }

    fn note(&mut self, text: &str) {
        for l in wrap_with(text, chars_for(WIDTH - 2.0 * MARGIN) + 2, "") {
            self.y += LINE;
            self.text(MARGIN, self.y, &Line::muted(l), 13);
        }
        self.y += 8.0;
    }

    /// A box of lines at (x, top); returns its height.
    fn boxed(&mut self, x: f64, top: f64, w: f64, lines: &[Line], fill: &str, stroke: &str) -> f64 {
        let h = 2.0 * PAD + LINE * lines.len() as f64;
        let _ = writeln!(
            self.body,
            r#"<rect x="{x}" y="{top}" width="{w}" height="{h}" rx="4" fill="{fill}" stroke="{stroke}"/>"#
        );
        for (i, l) in lines.iter().enumerate() {
            self.text(x + PAD, top + PAD + LINE * (i as f64 + 1.0) - 4.0, l, 13);
        }
        h
    }

    fn arrow(&mut self, x1: f64, y1: f64, x2: f64, y2: f64) {
        let _ = writeln!(
            self.body,
            r#"<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{MUTED}" stroke-width="1.5" marker-end="url(#fdt-explain-arrow)"/>"#
        );
    }

    /// A rule: its box on the left, its effect on the right, an arrow between them.
    fn rule(
        &mut self,
        left: Vec<Line>,
        right: Vec<Line>,
        right_fill: &str,
        right_ink: &'static str,
    ) {
        let top = self.y;
        let h = self.boxed(MARGIN, top, BOX_W, &left, PANEL, BORDER);
        let right: Vec<Line> = right
            .into_iter()
            .map(|l| Line {
                colour: right_ink,
                ..l
            })
            .collect();
        let rh = 2.0 * PAD + LINE * right.len() as f64;
        let rtop = top + ((h - rh) / 2.0).max(0.0);
        self.boxed(OUT_X, rtop, OUT_W, &right, right_fill, right_fill);
        let mid = top + h / 2.0;
        self.arrow(MARGIN + BOX_W, mid, OUT_X - 2.0, mid);
        self.y = top + h.max(rh);
    }
}

fn wrapped(lines: &mut Vec<Line>, text: &str, make: fn(String) -> Line, width: f64) {
    lines.extend(wrap(text, chars_for(width)).into_iter().map(make));
}

fn header(file: &GuidanceFile, c: &mut Canvas) {
    c.y = MARGIN + 8.0;
    c.text(
        MARGIN,
        c.y,
        &Line::bold(format!("How {} decides", file.title)),
        20,
    );
    c.y += 8.0;
    c.note(&format!(
        "{}, version {} ({}). Three tables run in order: the first pathway rule that matches gives the pathway, which strengths may lower; every escalation rule that matches may raise it; every action rule that matches adds what to do.",
        file.authority.name, file.version, file.id
    ));
}

/// What a condition reads of a case, in a line: "levels 3 to 4 (61 concerns); ...".
fn fed_by(c: &Condition, file: &GuidanceFile) -> String {
    let mut parts: Vec<String> = Vec::new();
    feeds(c, file, &mut parts);
    let mut seen = Vec::new();
    parts.retain(|p| {
        let new = !seen.contains(p);
        seen.push(p.clone());
        new
    });
    if parts.is_empty() {
        "nothing: it always matches".into()
    } else {
        parts.join("; ")
    }
}

fn feeds(c: &Condition, file: &GuidanceFile, out: &mut Vec<String>) {
    let count = |keep: &dyn Fn(&crate::guidance::Concern) -> bool| {
        let n = file.concerns.iter().filter(|x| keep(x)).count();
        format!("{n} {}", if n == 1 { "concern" } else { "concerns" })
    };
    match c {
        Condition::Always => {}
        Condition::ImmediateDanger => out.push("immediate danger".into()),
        Condition::Unborn => out.push("child: unborn".into()),
        Condition::NonMobile => out.push("child: not yet mobile".into()),
        Condition::DisabledOrSend => out.push("child: disabled or SEND".into()),
        Condition::RepeatContact => out.push("child: repeat contacts".into()),
        Condition::AgeBelow(_) | Condition::AgeAtLeast(_) => out.push("child: age".into()),
        Condition::KnownToSocialCare(_) => out.push("child: known to social care".into()),
        Condition::ConcernAtLevel(l) => out.push(if *l >= 4 {
            format!("level 4 ({})", count(&|x| x.level >= 4))
        } else {
            format!("levels {l} to 4 ({})", count(&|x| x.level >= *l))
        }),
        Condition::CountAtLevel(k) => out.push(format!(
            "level {} ({})",
            k.level,
            count(&|x| x.level == k.level)
        )),
        // The codes are in the condition just above; here only how many.
        Condition::Concern(_) => out.push("1 named concern".into()),
        Condition::AnyConcern(codes) => out.push(format!("{} named concerns", codes.len())),
        Condition::Flag(f) => out.push(format!(
            "flag {f} ({})",
            count(&|x| x.flags.iter().any(|y| y == f))
        )),
        Condition::Domain(d) => {
            let name = file
                .domains
                .iter()
                .find(|x| &x.id == d)
                .map(|x| x.name.as_str())
                .unwrap_or(d);
            out.push(format!("domain {name} ({})", count(&|x| &x.domain == d)));
        }
        Condition::Consent(_) => out.push("consent".into()),
        Condition::Audience(_) => out.push("who is asking".into()),
        Condition::Pathway(_) => out.push("the pathway decided".into()),
        Condition::Strength(_) | Condition::StrengthsAtLeast(_) => {
            out.push("strengths recorded".into())
        }
        Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|x| feeds(x, file, out)),
        Condition::Not(x) => feeds(x, file, out),
    }
}

fn rule_lines(
    n: usize,
    id: &str,
    when: &Condition,
    source: Option<&crate::guidance::Source>,
    file: &GuidanceFile,
) -> Vec<Line> {
    let mut left = vec![Line::bold(format!("{n}. {id}"))];
    let cond = words::condition_lines(when, file);
    for (i, l) in cond.iter().enumerate() {
        let text = if i == 0 {
            format!("When {l}")
        } else {
            format!("   {l}")
        };
        wrapped(&mut left, &text, Line::plain, BOX_W);
    }
    wrapped(
        &mut left,
        &format!("Fed by: {}", fed_by(when, file)),
        Line::muted,
        BOX_W,
    );
    if let Some(s) = source {
        wrapped(
            &mut left,
            &format!("Source: {}", s.citation()),
            Line::muted,
            BOX_W,
        );
    }
    left
}

fn pathway_table(file: &GuidanceFile, c: &mut Canvas) {
    c.heading("1. Pathway: the first rule that matches decides", 16, 24.0);
    c.y += 8.0;
    let n = file.rules.pathway.len();
    for (i, r) in file.rules.pathway.iter().enumerate() {
        let mut left = rule_lines(i + 1, &r.id, &r.when, r.source.as_ref(), file);
        if let Some(low) = &r.lowered_by_strengths {
            wrapped(
                &mut left,
                &format!(
                    "Strengths: with at least {} recorded and no level-3 or level-4 concern, lowered to {}.",
                    low.at_least,
                    low.to.code()
                ),
                Line::plain,
                BOX_W,
            );
        }
        let mut right = vec![Line::bold(format!("→ {}", r.pathway.code()))];
        wrapped(
            &mut right,
            &file.pathways.get(r.pathway).title,
            Line::plain,
            OUT_W,
        );
        c.rule(left, right, colour(r.pathway), "#ffffff");
        if i + 1 < n {
            let x = MARGIN + 40.0;
            c.arrow(x, c.y, x, c.y + 26.0);
            c.text(x + 8.0, c.y + 17.0, &Line::muted("no match"), 12);
            c.y += 28.0;
        }
    }
    c.y += 8.0;
    c.note(&format!("Strengths never lower macpt_referral or emergency. They lower family_help to signpost only where a rule allows it, no concern is at level 3 or 4, consent was not refused or unsafe to ask, and there are at most {} level-2 concerns; the engine enforces this whatever the file says.", file.settings.strengths_lower_at_most));
}

fn escalation_effect(at_least: Option<Pathway>, consult: bool) -> String {
    let mut e = Vec::new();
    if let Some(p) = at_least {
        e.push(format!("raise to at least {}", p.code()));
    }
    if consult {
        e.push("advise consultation".into());
    }
    words::and_list(&e)
}

fn escalation_table(file: &GuidanceFile, c: &mut Canvas) {
    c.heading(
        "2. Escalation: every rule that matches applies; it raises, never lowers",
        16,
        28.0,
    );
    c.y += 8.0;
    if file.rules.escalation.is_empty() {
        c.note("No escalation rules.");
        return;
    }
    for (i, r) in file.rules.escalation.iter().enumerate() {
        let left = rule_lines(i + 1, &r.id, &r.when, r.source.as_ref(), file);
        let mut right = Vec::new();
        if let Some(p) = r.at_least {
            right.push(Line::bold(format!("→ at least {}", p.code())));
        }
        if r.consultation_advised {
            right.push(Line::plain("advise consultation"));
        }
        let fill = r.at_least.map(colour).unwrap_or(MUTED);
        c.rule(left, right, fill, "#ffffff");
        c.y += 10.0;
    }
}

fn action_table(file: &GuidanceFile, c: &mut Canvas) {
    c.heading(
        "3. Actions: every rule that matches adds its actions (these rules also see the pathway)",
        16,
        28.0,
    );
    c.y += 8.0;
    if file.rules.actions.is_empty() {
        c.note("No action rules.");
        return;
    }
    for (i, r) in file.rules.actions.iter().enumerate() {
        let left = rule_lines(i + 1, &r.id, &r.when, r.source.as_ref(), file);
        let mut right: Vec<Line> = r
            .actions
            .iter()
            .map(|a| Line::plain(format!("+ {a}")))
            .collect();
        if r.consultation_advised {
            right.push(Line::bold("advise consultation"));
        }
        c.rule(left, right, "#ffffff", INK);
        c.y += 10.0;
    }
}

fn action_order(file: &GuidanceFile, c: &mut Canvas) {
    c.heading(
        "4. The actions, in the order a practitioner does them (what to do now first)",
        16,
        28.0,
    );
    c.y += 6.0;
    let mut ordered: Vec<&crate::guidance::Action> = file.actions.iter().collect();
    ordered.sort_by_key(|a| a.urgency);
    for (i, a) in ordered.into_iter().enumerate() {
        c.y += LINE;
        let contact = a
            .contact
            .as_ref()
            .map(|k| format!(", contact {k}"))
            .unwrap_or_default();
        let duty = if a.duty { "duty: " } else { "" };
        c.text(
            MARGIN,
            c.y,
            &Line::plain(format!(
                "{}. [{}] {duty}{} ({}{contact})",
                i + 1,
                a.urgency.label(),
                a.code,
                a.timescale
            )),
            13,
        );
        let mut notes = Vec::new();
        if !a.never_with_flags.is_empty() {
            notes.push(format!(
                "never with a concern flagged {}",
                words::or_list(&a.never_with_flags)
            ));
        }
        if let Some(s) = &a.source {
            notes.push(format!("source: {}", s.citation()));
        }
        if !notes.is_empty() {
            for line in wrap(&notes.join("; "), chars_for(BOX_W + OUT_W)) {
                c.y += LINE;
                c.text(MARGIN + 24.0, c.y, &Line::muted(line), 12);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape("a<b & \"c\" 'd'>"),
            "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;"
        );
        assert_eq!(escape("bell\u{7}"), "bell\u{FFFD}");
    }

    #[test]
    fn long_text_wraps_at_word_boundaries() {
        let lines = wrap("one two three four five", 9);
        assert_eq!(lines, vec!["one two", "  three", "  four", "  five"]);
        assert!(wrap("", 9).is_empty());
    }

    #[test]
    fn fed_by_names_levels_and_counts() {
        let g = Guidance::embedded_default().unwrap();
        let f = g.file();
        assert_eq!(
            fed_by(&f.rules.pathway[2].when, f),
            "levels 3 to 4 (80 concerns)"
        );
        let last = f.rules.pathway.len() - 1;
        assert_eq!(
            fed_by(&f.rules.pathway[last].when, f),
            "nothing: it always matches"
        );
    }
}
