//! The family's views (consent) and the child's voice.

use super::{question, PageProps};
use crate::flow::{Edit, Step};
use crate::vocabulary::Consent;
use crate::web::components::{error_for, radios, text_area, ChoiceOption, Radios, TextArea};
use yew::prelude::*;

/// The fields, shared by the guided page and expert mode (`nested`: under its heading).
pub fn views_fields(p: &PageProps, nested: bool) -> Html {
    let a = &p.flow.answers;
    let on_consent = p.edit(|v: String| {
        Consent::ALL
            .into_iter()
            .find(|c| c.code() == v)
            .map(Edit::SetConsent)
    });
    // Asked only where it could change the outcome (or already answered, to change it).
    let ask_consent = a.consent.is_some() || a.consent_matters(&p.flow.guidance);
    let on_voice = p.edit(Edit::SetChildVoice);
    let on_other = p.edit(Edit::SetOtherNotes);
    let options = Consent::ALL
        .iter()
        .map(|c| {
            let o = ChoiceOption::new(c.code(), c.label());
            match c {
                Consent::UnsafeToAsk => o.hint("Asking could put the child at risk, for example where you suspect sexual abuse, FGM or abuse by a parent"),
                _ => o,
            }
        })
        .collect::<Vec<_>>();
    html! {
        <>
            if nested {
                <h2 class="govuk-heading-l">{ Step::Views.title() }</h2>
            } else {
                <h1 class="govuk-heading-l">{ Step::Views.title() }</h1>
            }
            if ask_consent {
                { radios(&p.widget, Radios {
                    id: "consent".into(),
                    legend: "Has the family agreed to you asking for help?".into(),
                    hint: Some("Family Help needs the family's consent. A child protection referral or a call to 999 does not: never seek consent where that could put the child at greater risk.".into()),
                    options,
                    selected: a.consent.map(|c| c.code().to_string()),
                    error: error_for(&p.flow.errors, "consent"),
                    onchange: on_consent,
                    ..Radios::default()
                }) }
            } else {
                <p class="govuk-body app-consent-not-needed">{ "You do not need the family's consent for what you have described: it does not change the route. Never seek it where that could put the child at greater risk." }</p>
            }
            { text_area(&p.widget, TextArea {
                id: "child-voice",
                label: "What does the child say? (optional)",
                hint: Some("The child's own words, and how they seem. Do not include names."),
                value: a.child_voice.clone(),
                rows: 4,
                error: None,
                oninput: on_voice,
            }) }
            { text_area(&p.widget, TextArea {
                id: "other-notes",
                label: "Other notes (optional)",
                hint: None,
                value: a.other_notes.clone(),
                rows: 3,
                error: None,
                oninput: on_other,
            }) }
        </>
    }
}

pub fn views_page(p: &PageProps) -> Html {
    question(p, views_fields(p, false))
}
