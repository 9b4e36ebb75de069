//! A picture of the child's needs: the guidance's domains as rows, levels 1 to 4 as
//! columns, a mark for each selected concern, and a row for strengths. Drawn as SVG with
//! presentation attributes only (the CSP allows no inline style), with a text alternative.

use crate::guidance::SharedGuidance;
use crate::vocabulary::LEVELS;
use crate::web::widget::Widget;
use yew::prelude::*;

// Whole pixels, so each coordinate is written as an integer: formatting floats would
// bring `f64`'s formatting code into the wasm for this one picture (issue 14).
const LABEL_W: u32 = 300;
const COL_W: u32 = 90;
const ROW_H: u32 = 30;
const LINE_H: u32 = 16;
/// Characters of a domain's name on one line of the label column, at 13px.
const LABEL_CHARS: usize = 40;
/// Characters of a level's name on one line of its column, at 11px.
const LEVEL_CHARS: usize = 15;
const HEAD_H: u32 = 46;
const LEVEL_FILL: [&str; 4] = ["#cce2d8", "#fff7bf", "#fcd6c3", "#f4cdc6"];

/// The picture for these concerns and strengths. A plain function, not a component
/// (issue 14); the widget gives its ids.
pub fn needs_chart(
    w: &Widget,
    guidance: &SharedGuidance,
    concerns: &[String],
    strengths: &[String],
) -> Html {
    let file = guidance.file();
    let count = |domain: &str, level: u8| {
        concerns
            .iter()
            .filter_map(|c| guidance.concern(c))
            .filter(|c| c.domain == domain && c.level == level)
            .count()
    };
    // Labels wrap onto as many lines as they need (never cut), and rows grow to fit.
    let labels: Vec<Vec<String>> = file
        .domains
        .iter()
        .map(|d| wrap(&d.name, LABEL_CHARS))
        .collect();
    let row_h = |lines: usize| ROW_H.max(LINE_H * lines as u32 + 12);
    let level_names: Vec<Vec<String>> = LEVELS
        .map(|l| {
            wrap(
                &guidance
                    .level(l)
                    .map(|x| x.name.clone())
                    .unwrap_or_default(),
                LEVEL_CHARS,
            )
        })
        .collect();
    let head_h = HEAD_H
        + 13 * (level_names.iter().map(Vec::len).max().unwrap_or(1) as u32).saturating_sub(1);
    let tops: Vec<u32> = labels
        .iter()
        .scan(head_h, |y, l| {
            let top = *y;
            *y += row_h(l.len());
            Some(top)
        })
        .collect();
    let strengths_top = head_h + labels.iter().map(|l| row_h(l.len())).sum::<u32>();
    let width = LABEL_W + COL_W * 4;
    let height = strengths_top + ROW_H + 4;
    let mut description = Vec::new();
    for d in &file.domains {
        let parts: Vec<String> = LEVELS
            .filter_map(|l| match count(&d.id, l) {
                0 => None,
                n => Some(format!("{n} at level {l}")),
            })
            .collect();
        if !parts.is_empty() {
            description.push(format!("{}: {}", d.name, parts.join(", ")));
        }
    }
    let desc = if description.is_empty() {
        "No concerns selected.".to_string()
    } else {
        format!("Concerns by area and level. {}.", description.join("; "))
    };
    let desc = format!("{desc} Strengths recorded: {}.", strengths.len());
    html! {
        <figure class="app-chart">
            <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby={format!("{} {}", w.id("needs-chart-title"), w.id("needs-chart-desc"))}
                viewBox={format!("0 0 {width} {height}")} width="100%" class="app-chart__svg"
                font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif">
                <title id={w.id("needs-chart-title")}>{ "The child's needs by area and level" }</title>
                <desc id={w.id("needs-chart-desc")}>{ desc.clone() }</desc>
                { for LEVELS.map(|l| {
                    let x = LABEL_W + COL_W * u32::from(l - 1);
                    html! {
                        <g>
                            <rect x={x.to_string()} y="0" width={COL_W.to_string()} height={height.to_string()}
                                fill={LEVEL_FILL[usize::from(l - 1)]} />
                            <text x={(x + COL_W / 2).to_string()} y="18" text-anchor="middle" font-size="14" font-weight="bold" fill="#0b0c0c">
                                { format!("Level {l}") }
                            </text>
                            <text x={(x + COL_W / 2).to_string()} y="34" text-anchor="middle" font-size="11" fill="#0b0c0c">
                                { for level_names[usize::from(l - 1)].iter().enumerate().map(|(i, line)| html! {
                                    <tspan x={(x + COL_W / 2).to_string()} dy={if i == 0 { "0".to_string() } else { "13".to_string() }}>{ line }</tspan>
                                }) }
                            </text>
                        </g>
                    }
                }) }
                { for file.domains.iter().enumerate().map(|(i, d)| {
                    let y = tops[i];
                    html! {
                        <g>
                            <line x1="0" x2={width.to_string()} y1={y.to_string()} y2={y.to_string()} stroke="#b1b4b6" stroke-width="1" />
                            <text x="4" y={(y + 20).to_string()} font-size="13" fill="#0b0c0c">
                                { for labels[i].iter().enumerate().map(|(k, line)| html! {
                                    <tspan x="4" dy={if k == 0 { "0".to_string() } else { LINE_H.to_string() }}>{ line }</tspan>
                                }) }
                            </text>
                            { for LEVELS.map(|l| {
                                let n = count(&d.id, l);
                                let cx = LABEL_W + COL_W * u32::from(l - 1) + COL_W / 2;
                                if n == 0 { return html! {}; }
                                html! {
                                    <g>
                                        <circle cx={cx.to_string()} cy={(y + 15).to_string()} r="11" fill="#0b0c0c" />
                                        <text x={cx.to_string()} y={(y + 20).to_string()} text-anchor="middle" font-size="13" font-weight="bold" fill="#ffffff">{ n }</text>
                                    </g>
                                }
                            }) }
                        </g>
                    }
                }) }
                {{
                    let y = strengths_top;
                    html! {
                        <g>
                            <line x1="0" x2={width.to_string()} y1={y.to_string()} y2={y.to_string()} stroke="#0b0c0c" stroke-width="2" />
                            <text x="4" y={(y + 20).to_string()} font-size="13" font-weight="bold" fill="#00703c">{ "Strengths" }</text>
                            { for (0..strengths.len().min(20)).map(|i| html! {
                                <circle cx={(LABEL_W + 14 + 20 * i as u32).to_string()} cy={(y + 15).to_string()} r="7" fill="#00703c" />
                            }) }
                        </g>
                    }
                }}
            </svg>
            <figcaption class="govuk-body-s">{ desc }</figcaption>
        </figure>
    }
}

/// Words of `text` on lines of at most `max` characters (a longer word has a line alone).
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}
