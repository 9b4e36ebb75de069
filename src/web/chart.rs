//! A picture of the child's needs: the guidance's domains as rows, levels 1 to 4 as
//! columns, a mark for each selected concern, and a row for strengths. Drawn as SVG with
//! presentation attributes only (the CSP allows no inline style), with a text alternative.

use crate::guidance::Guidance;
use yew::prelude::*;

#[derive(Properties, Clone)]
pub struct NeedsChartProps {
    pub guidance: std::rc::Rc<Guidance>,
    pub concerns: Vec<String>,
    pub strengths: Vec<String>,
}

impl PartialEq for NeedsChartProps {
    fn eq(&self, o: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.guidance, &o.guidance)
            && self.concerns == o.concerns
            && self.strengths == o.strengths
    }
}

const LABEL_W: f64 = 300.0;
const COL_W: f64 = 90.0;
const ROW_H: f64 = 30.0;
const HEAD_H: f64 = 46.0;
const LEVEL_FILL: [&str; 4] = ["#cce2d8", "#fff7bf", "#fcd6c3", "#f4cdc6"];

#[function_component(NeedsChart)]
pub fn needs_chart(props: &NeedsChartProps) -> Html {
    let w = crate::web::widget::use_widget();
    let file = props.guidance.file();
    let count = |domain: &str, level: u8| {
        props
            .concerns
            .iter()
            .filter_map(|c| props.guidance.concern(c))
            .filter(|c| c.domain == domain && c.level == level)
            .count()
    };
    let rows = file.domains.len() + 1;
    let width = LABEL_W + COL_W * 4.0;
    let height = HEAD_H + ROW_H * rows as f64 + 4.0;
    let mut description = Vec::new();
    for d in &file.domains {
        let parts: Vec<String> = (1..=4u8)
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
    let desc = format!("{desc} Strengths recorded: {}.", props.strengths.len());
    html! {
        <figure class="app-chart">
            <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby={format!("{} {}", w.id("needs-chart-title"), w.id("needs-chart-desc"))}
                viewBox={format!("0 0 {width} {height}")} width="100%" class="app-chart__svg"
                font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif">
                <title id={w.id("needs-chart-title")}>{ "The child's needs by area and level" }</title>
                <desc id={w.id("needs-chart-desc")}>{ desc.clone() }</desc>
                { for (1..=4u8).map(|l| {
                    let x = LABEL_W + COL_W * f64::from(l - 1);
                    let name = props.guidance.level(l).map(|x| x.name.clone()).unwrap_or_default();
                    html! {
                        <g>
                            <rect x={x.to_string()} y="0" width={COL_W.to_string()} height={height.to_string()}
                                fill={LEVEL_FILL[usize::from(l - 1)]} />
                            <text x={(x + COL_W / 2.0).to_string()} y="18" text-anchor="middle" font-size="14" font-weight="bold" fill="#0b0c0c">
                                { format!("Level {l}") }
                            </text>
                            <text x={(x + COL_W / 2.0).to_string()} y="36" text-anchor="middle" font-size="11" fill="#0b0c0c">
                                { truncate(&name, 14) }
                            </text>
                        </g>
                    }
                }) }
                { for file.domains.iter().enumerate().map(|(i, d)| {
                    let y = HEAD_H + ROW_H * i as f64;
                    html! {
                        <g>
                            <line x1="0" x2={width.to_string()} y1={y.to_string()} y2={y.to_string()} stroke="#b1b4b6" stroke-width="1" />
                            <text x="4" y={(y + 20.0).to_string()} font-size="13" fill="#0b0c0c">{ truncate(&d.name, 42) }</text>
                            { for (1..=4u8).map(|l| {
                                let n = count(&d.id, l);
                                let cx = LABEL_W + COL_W * f64::from(l - 1) + COL_W / 2.0;
                                if n == 0 { return html! {}; }
                                html! {
                                    <g>
                                        <circle cx={cx.to_string()} cy={(y + 15.0).to_string()} r="11" fill="#0b0c0c" />
                                        <text x={cx.to_string()} y={(y + 20.0).to_string()} text-anchor="middle" font-size="13" font-weight="bold" fill="#ffffff">{ n }</text>
                                    </g>
                                }
                            }) }
                        </g>
                    }
                }) }
                {{
                    let y = HEAD_H + ROW_H * file.domains.len() as f64;
                    html! {
                        <g>
                            <line x1="0" x2={width.to_string()} y1={y.to_string()} y2={y.to_string()} stroke="#0b0c0c" stroke-width="2" />
                            <text x="4" y={(y + 20.0).to_string()} font-size="13" font-weight="bold" fill="#00703c">{ "Strengths" }</text>
                            { for (0..props.strengths.len().min(20)).map(|i| html! {
                                <circle cx={(LABEL_W + 14.0 + 20.0 * i as f64).to_string()} cy={(y + 15.0).to_string()} r="7" fill="#00703c" />
                            }) }
                        </g>
                    }
                }}
            </svg>
            <figcaption class="govuk-body-s">{ desc }</figcaption>
        </figure>
    }
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}
