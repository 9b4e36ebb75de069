//! Expert mode for front-door practitioners: every section on one page, with the
//! recommendation beside it updating as answers change.

use super::child::ChildFields;
use super::concerns::ConcernFields;
use super::strengths::StrengthFields;
use super::views::ViewsFields;
use super::PageProps;
use crate::flow::Answers;
use crate::guidance::Guidance;
use crate::web::components::{error_for, BackLink, ChoiceOption, ErrorSummary, Radios};
use crate::web::state::Msg;
use yew::prelude::*;

/// The live recommendation: answers not given yet count as their neutral default (no
/// immediate danger, no disability, not known to social care, no earlier contacts, consent
/// not asked, follow-up questions "no"), except the child's age, without which no
/// recommendation is shown. Concerns that do not fit the child's age wait for the user.
fn provisional(g: &Guidance, a: &Answers) -> Option<crate::Decision> {
    let mut filled = a.clone();
    filled.immediate_danger.get_or_insert(false);
    filled.disabled_or_send.get_or_insert(false);
    filled.known_to_social_care.get_or_insert_default();
    filled.previous_contacts.get_or_insert(0);
    filled.consent.get_or_insert_default();
    filled.over_18_eligible.get_or_insert(true);
    filled.mobility.get_or_insert(crate::flow::Mobility::Mobile);
    for code in &a.concerns {
        if g.concern(code).is_some_and(|c| c.follow_up.is_some())
            && a.follow_up_answer(g, code).is_none()
        {
            filled.follow_ups_declined.push(code.clone());
        }
    }
    filled.concerns.retain(|c| a.concern_fits(g, c));
    let case = filled.to_case(g).ok()?;
    crate::evaluate(g, &case).ok()
}

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
    let g = &p.guidance;
    let a = &p.flow.answers;
    let live = provisional(g, a);
    let needed = a.still_needed(g);
    let still_needed =
        (!needed.is_empty()).then(|| format!("Still needed: {}.", and_list(&needed)));
    let audience = a.audience.unwrap_or_default();
    let on_danger = p.edit(|a, v: String| a.immediate_danger = Some(v == "yes"));
    let onsubmit = p.dispatch.reform(|e: SubmitEvent| {
        e.prevent_default();
        Msg::Continue
    });
    html! {
        <>
            <BackLink onclick={p.send(|| Msg::Back)} />
            <h1 class="govuk-heading-xl">{ "Triage: all questions" }</h1>
            <div class="govuk-grid-row app-expert-page">
                <div class="govuk-grid-column-two-thirds">
                    <ErrorSummary errors={p.flow.errors.clone()} attempt={p.flow.failed_submits} />
                    <form novalidate=true {onsubmit}>
                        <Radios id="immediate-danger" legend="Is the child in immediate danger?"
                            options={vec![ChoiceOption::new("yes", "Yes"), ChoiceOption::new("no", "No")]}
                            inline=true
                            selected={a.immediate_danger.map(|d| if d { "yes" } else { "no" }.to_string())}
                            error={error_for(&p.flow.errors, "immediate-danger")} onchange={on_danger} />
                        <h2 class="govuk-heading-l">{ "About the child" }</h2>
                        <ChildFields ..p.clone() />
                        <ConcernFields page={p.clone()} nested=true />
                        <StrengthFields page={p.clone()} nested=true />
                        <ViewsFields page={p.clone()} nested=true />
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
                                            <p class="govuk-heading-s app-live__title">{ g.outcome_text(d, audience).title }</p>
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
                        Some(d) => format!("So far: {} (level {})", g.outcome_text(d, audience).title, d.level),
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
