//! Expert mode for front-door practitioners: every section on one page, with the
//! recommendation beside it updating as answers change.

use super::child::child_fields;
use super::concerns::ConcernFields;
use super::strengths::strength_fields;
use super::views::views_fields;
use super::PageProps;
use crate::engine::outcome::outcome_text;
use crate::flow::{Edit, Msg, Step};
use crate::web::components::{
    back_link, error_for, radios, yes_no, ChoiceOption, ErrorSummary, Radios,
};
use yew::prelude::*;

/// "a, b and c".
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[function_component(ExpertPage)]
pub fn expert_page(p: &PageProps) -> Html {
    let w = crate::web::widget::use_widget();
    let g = &p.flow.guidance;
    let a = &p.flow.answers;
    let live = a.provisional(g);
    let needed = a.still_needed(g);
    let still_needed =
        (!needed.is_empty()).then(|| format!("Still needed: {}.", and_list(&needed)));
    let audience = a.audience.unwrap_or_default();
    let on_danger = p.edit(|v: String| Edit::SetImmediateDanger(v == "yes"));
    let onsubmit = p.dispatch.reform(|e: SubmitEvent| {
        e.prevent_default();
        Msg::Continue
    });
    html! {
        <>
            { back_link(&p.send(|| Msg::Back)) }
            <h1 class="govuk-heading-xl">{ Step::Expert.title() }</h1>
            <div class="govuk-grid-row app-expert-page">
                <div class="govuk-grid-column-two-thirds">
                    <ErrorSummary errors={p.flow.errors.clone()} attempt={p.flow.failed_submits} />
                    { super::sibling::sibling_note(&p.flow, false) }
                    <form novalidate=true {onsubmit}>
                        { radios(&p.widget, Radios {
                            id: "immediate-danger".into(),
                            legend: Step::Safety.title().into(),
                            options: vec![ChoiceOption::new("yes", "Yes"), ChoiceOption::new("no", "No")],
                            inline: true,
                            selected: yes_no(a.immediate_danger),
                            error: error_for(&p.flow.errors, "immediate-danger"),
                            onchange: on_danger,
                            ..Radios::default()
                        }) }
                        <h2 class="govuk-heading-l">{ Step::Child.title() }</h2>
                        { child_fields(p) }
                        <ConcernFields page={p.clone()} nested=true />
                        { strength_fields(p, true) }
                        { views_fields(p, true) }
                        <button type="submit" class="govuk-button">{ "Check answers" }</button>
                    </form>
                </div>
                <div class="govuk-grid-column-one-third">
                    <aside class="app-live" aria-labelledby={w.id("live-title")}>
                        <h2 class="govuk-heading-m" id={w.id("live-title")}>{ "Recommendation so far" }</h2>
                        <div aria-live="polite">
                            {
                                match &live {
                                    None => html! { <p class="govuk-body">{ "Say whether the child is born and, if so, their age to see a recommendation." }</p> },
                                    Some(d) => html! {
                                        <div class={classes!("app-live__result", format!("app-panel--{}", d.pathway.code()))}
                                            data-pathway={d.pathway.code()} data-level={d.level.to_string()}>
                                            <p class="govuk-heading-s app-live__title">{ outcome_text(g, d, audience).title }</p>
                                            <p class="govuk-body-s">{ format!("Level {}", d.level) }
                                                if d.consultation_advised { { " · consultation advised" } }
                                            </p>
                                            <ul class="govuk-list govuk-body-s">
                                                { for d.reasons.iter().map(|r| html! { <li>{ &r.text }</li> }) }
                                            </ul>
                                        </div>
                                    },
                                }
                            }
                            if let Some(line) = &still_needed {
                                <p class="govuk-body-s app-still-needed">{ line }</p>
                            }
                        </div>
                    </aside>
                </div>
            </div>
            // On a phone the panel is far below the questions: a bar at the foot of the
            // screen keeps the recommendation in view while ticking.
            <div class={classes!("app-live-bar", (!w.embedded).then_some("app-live-bar--fixed"))} aria-hidden="true">
                {
                    match &live {
                        Some(d) => format!("So far: {} (level {})", outcome_text(g, d, audience).title, d.level),
                        None => "So far: no recommendation yet".to_string(),
                    }
                }
                if let Some(line) = &still_needed {
                    <span class="app-live-bar__needed">{ format!(" · {line}") }</span>
                }
            </div>
        </>
    }
}
