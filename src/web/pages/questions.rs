//! The short questions: who is using the tool, and immediate danger (with its 999 page).

use super::{PageProps, Question};
use crate::case::Audience;
use crate::flow::Mode;
use crate::web::components::{error_for, ChoiceOption, Radios};
use yew::prelude::*;

pub fn audience_code(a: Audience) -> &'static str {
    match a {
        Audience::FrontDoor => "front_door",
        Audience::SchoolDsl => "school_dsl",
        Audience::Partner => "partner",
    }
}

#[function_component(AudiencePage)]
pub fn audience_page(p: &PageProps) -> Html {
    let a = &p.flow.answers;
    let options = vec![
        ChoiceOption::new(
            "front_door",
            "Front-door practitioner (MASH or integrated front door)",
        ),
        ChoiceOption::new(
            "school_dsl",
            "School or college designated safeguarding lead",
        ),
        ChoiceOption::new("partner", "Another partner agency")
            .hint("For example health, police, housing, early years or the voluntary sector"),
    ];
    let on_audience = p.edit(|a, v: String| {
        a.audience = [Audience::FrontDoor, Audience::SchoolDsl, Audience::Partner]
            .into_iter()
            .find(|x| audience_code(*x) == v);
        if a.audience != Some(Audience::FrontDoor) {
            a.mode = Mode::Guided;
        }
    });
    let on_mode = p.edit(|a, v: String| {
        a.mode = if v == "expert" {
            Mode::Expert
        } else {
            Mode::Guided
        }
    });
    html! {
        <Question page={p.clone()}>
            <Radios id="audience" legend="Who is using this tool?" heading=true
                hint="This changes the wording and the steps suggested, never the recommendation."
                options={options} selected={a.audience.map(|x| audience_code(x).to_string())}
                error={error_for(&p.flow.errors, "audience")} onchange={on_audience} />
            if a.audience == Some(Audience::FrontDoor) {
                <Radios id="mode" legend="How do you want to work?"
                    options={vec![
                        ChoiceOption::new("guided", "One question at a time"),
                        ChoiceOption::new("expert", "All questions on one page")
                            .hint("Expert mode: the recommendation updates as you answer"),
                    ]}
                    selected={Some(if a.mode == Mode::Expert { "expert" } else { "guided" }.to_string())}
                    onchange={on_mode} />
            }
        </Question>
    }
}

#[function_component(SafetyPage)]
pub fn safety_page(p: &PageProps) -> Html {
    let on_change = p.edit(|a, v: String| a.immediate_danger = Some(v == "yes"));
    html! {
        <Question page={p.clone()}>
            <Radios id="immediate-danger" legend="Is the child in immediate danger?" heading=true
                hint="For example, being hurt now, left alone somewhere unsafe, or at risk of serious harm in the next few hours."
                options={vec![ChoiceOption::new("yes", "Yes"), ChoiceOption::new("no", "No")]}
                inline=true
                selected={p.flow.answers.immediate_danger.map(|d| if d { "yes" } else { "no" }.to_string())}
                error={error_for(&p.flow.errors, "immediate-danger")} onchange={on_change} />
        </Question>
    }
}

/// Shown straight after "yes" to immediate danger: 999 and the front door first, then
/// the rest of the questions so the decision can still be recorded.
#[function_component(EmergencyPage)]
pub fn emergency_page(p: &PageProps) -> Html {
    let g = &p.guidance;
    let contact = |key: &str| {
        g.contact(key)
            .map(|c| format!("{} on {}", c.name, c.phone))
            .unwrap_or_default()
    };
    html! {
        <Question page={p.clone()} continue_label="Continue to record the details">
            <h1 class="govuk-heading-xl">{ "Call 999 now" }</h1>
            <div class="govuk-warning-text">
                <span class="govuk-warning-text__icon" aria-hidden="true">{ "!" }</span>
                <strong class="govuk-warning-text__text">
                    <span class="govuk-visually-hidden">{ "Warning" }</span>
                    { "The child is in immediate danger. Call the police on 999 now and stay with the child if it is safe to." }
                </strong>
            </div>
            <p class="govuk-body">{ format!("Then phone the {}.", contact("front_door")) }</p>
            if g.contact("out_of_hours").is_some() {
                <p class="govuk-body">{ format!("Out of hours, phone the {}.", contact("out_of_hours")) }</p>
            }
            <p class="govuk-body">{ "When the child is safe, continue to record what you know. The recommendation will stay at emergency." }</p>
        </Question>
    }
}
