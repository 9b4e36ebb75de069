//! The short questions: who is using the tool, and immediate danger (with its 999 page).

use super::{question, question_with, PageProps};
use crate::flow::{Edit, Mode, Step};
use crate::guidance::contact_keys;
use crate::vocabulary::Audience;
use crate::web::components::{error_for, radios, warning_text, yes_no, ChoiceOption, Radios};
use yew::prelude::*;

pub fn audience_page(p: &PageProps) -> Html {
    let a = &p.flow.answers;
    let options = Audience::ALL
        .into_iter()
        .map(|x| {
            let o = ChoiceOption::new(x.code(), x.label());
            match x {
                Audience::Partner => o.hint(
                    "For example health, police, housing, early years or the voluntary sector",
                ),
                Audience::FrontDoor | Audience::SchoolDsl => o,
            }
        })
        .collect::<Vec<_>>();
    let on_audience = p.edit(|v: String| {
        Audience::ALL
            .into_iter()
            .find(|x| x.code() == v)
            .map(Edit::SetAudience)
    });
    let on_mode = p.edit(|v: String| {
        Edit::SetMode(if v == "expert" {
            Mode::Expert
        } else {
            Mode::Guided
        })
    });
    question(
        p,
        html! {
                <>
                { radios(&p.widget, Radios {
                    id: "audience".into(),
                    legend: Step::Audience.title().into(),
                    heading: true,
                    hint: Some("This changes the wording and the steps suggested, never the recommendation.".into()),
                    options,
                    selected: a.audience.map(|x| x.code().to_string()),
                    error: error_for(&p.flow.errors, "audience"),
                    onchange: on_audience,
                    ..Radios::default()
                }) }
                if a.audience == Some(Audience::FrontDoor) {
                    { radios(&p.widget, Radios {
                        id: "mode".into(),
                        legend: "How do you want to work?".into(),
                        options: vec![
                            ChoiceOption::new("guided", "One question at a time"),
                            ChoiceOption::new("expert", "All questions on one page")
                                .hint("Expert mode: the recommendation updates as you answer"),
                        ],
                        selected: Some(if a.mode == Mode::Expert { "expert" } else { "guided" }.to_string()),
                        onchange: on_mode,
                        ..Radios::default()
                    }) }
                }
                </>
        },
    )
}

pub fn safety_page(p: &PageProps) -> Html {
    let on_change = p.edit(|v: String| Edit::SetImmediateDanger(v == "yes"));
    question(
        p,
        html! {
                { radios(&p.widget, Radios {
                    id: "immediate-danger".into(),
                    legend: Step::Safety.title().into(),
                    heading: true,
                    hint: Some("For example, being hurt now, left alone somewhere unsafe, or at risk of serious harm in the next few hours.".into()),
                    options: vec![ChoiceOption::new("yes", "Yes"), ChoiceOption::new("no", "No")],
                    inline: true,
                    selected: yes_no(p.flow.answers.immediate_danger),
                    error: error_for(&p.flow.errors, "immediate-danger"),
                    onchange: on_change,
                }) }
        },
    )
}

/// Shown straight after "yes" to immediate danger: 999 and the front door first, then
/// the rest of the questions so the decision can still be recorded.
pub fn emergency_page(p: &PageProps) -> Html {
    let g = &p.flow.guidance;
    let contact = |key: &str| {
        g.contact(key)
            .map(|c| format!("{} on {}", c.name, c.phone))
            .unwrap_or_default()
    };
    question_with(
        p,
        "Continue to record the details",
        false,
        html! {
                <>
                <h1 class="govuk-heading-xl">{ Step::Emergency.title() }</h1>
                { warning_text(Classes::new(), html! {
                    "The child is in immediate danger. Call the police on 999 now and stay with the child if it is safe to."
                }) }
                <p class="govuk-body">{ format!("Then phone the {}.", contact(contact_keys::FRONT_DOOR)) }</p>
                if g.contact(contact_keys::OUT_OF_HOURS).is_some() {
                    <p class="govuk-body">{ format!("Out of hours, phone the {}.", contact(contact_keys::OUT_OF_HOURS)) }</p>
                }
                <p class="govuk-body">{ "When the child is safe, continue to record what you know. The recommendation will stay at emergency." }</p>
                </>
        },
    )
}
