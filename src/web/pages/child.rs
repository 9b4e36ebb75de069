//! About the child: born or unborn, age, mobility for babies, SEND, social care. No names,
//! dates of birth or addresses are asked for.

use super::{question, PageProps};
use crate::flow::{ChildStatus, Edit, Mobility, Step};
use crate::vocabulary::KnownToSocialCare;
use crate::web::components::{error_for, error_message, radios, yes_no, ChoiceOption, Radios};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The answers to "how many earlier contacts": three or more are one answer.
pub const PREVIOUS_CONTACTS: [(u32, &str); 4] = [
    (0, "None, or not known"),
    (1, "Once"),
    (2, "Twice"),
    (3, "Three times or more"),
];

pub fn previous_contacts_label(n: u32) -> &'static str {
    PREVIOUS_CONTACTS[n.min(3) as usize].1
}

/// The fields, shared by the guided page and expert mode.
pub fn child_fields(p: &PageProps) -> Html {
    let w = &p.widget;
    let a = &p.flow.answers;
    let errors = &p.flow.errors;
    let on_status = p.edit(|v: String| {
        Edit::SetChildStatus(if v == "unborn" {
            ChildStatus::Unborn
        } else {
            ChildStatus::Born
        })
    });
    let typed = |e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value();
    let on_years = p.edit(move |e: InputEvent| Edit::SetAgeYears(typed(e)));
    let on_months = p.edit(move |e: InputEvent| Edit::SetAgeMonths(typed(e)));
    let on_mobility = p.edit(|v: String| {
        Edit::SetMobility(if v == "not_yet_mobile" {
            Mobility::NotYetMobile
        } else {
            Mobility::Mobile
        })
    });
    let on_send = p.edit(|v: String| Edit::SetDisabledOrSend(v == "yes"));
    let on_known = p.edit(|v: String| {
        KnownToSocialCare::ALL
            .into_iter()
            .find(|k| k.code() == v)
            .map(Edit::SetKnownToSocialCare)
    });
    let on_previous = p.edit(|v: String| v.parse().ok().map(Edit::SetPreviousContacts));
    let on_over_18 = p.edit(|v: String| Edit::SetOver18Eligible(v == "yes"));
    let years_error = error_for(errors, "age-years");
    let months_error = error_for(errors, "age-months");
    let age_error = years_error.clone().or(months_error.clone());
    html! {
        <>
            { radios(w, Radios {
                id: "child-status".into(),
                legend: "Has the child been born?".into(),
                options: vec![
                    ChoiceOption::new("born", "Yes"),
                    ChoiceOption::new("unborn", "No, the baby is not born yet"),
                ],
                selected: a.child_status.map(|s| if s == ChildStatus::Born { "born" } else { "unborn" }.to_string()),
                error: error_for(errors, "child-status"),
                onchange: on_status,
                ..Radios::default()
            }) }
            if a.child_status == Some(ChildStatus::Born) {
                <div class={classes!("govuk-form-group", age_error.as_ref().map(|_| "govuk-form-group--error"))}>
                    <fieldset class="govuk-fieldset" role="group" aria-describedby={w.id("age-hint")}>
                        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{ "How old is the child?" }</legend>
                        <div id={w.id("age-hint")} class="govuk-hint">{ "In years and months. For a baby under one, enter 0 years." }</div>
                        if let Some(e) = &age_error {
                            { error_message(None, e) }
                        }
                        <div class="govuk-date-input">
                            <div class="govuk-date-input__item">
                                <div class="govuk-form-group">
                                    <label class="govuk-label govuk-date-input__label" for={w.id("age-years")}>{ "Years" }</label>
                                    <input class={classes!("govuk-input", "govuk-input--width-3", years_error.as_ref().map(|_| "govuk-input--error"))}
                                        id={w.id("age-years")} type="text" inputmode="numeric" autocomplete="off"
                                        value={a.age_years.clone()} oninput={on_years} />
                                </div>
                            </div>
                            <div class="govuk-date-input__item">
                                <div class="govuk-form-group">
                                    <label class="govuk-label govuk-date-input__label" for={w.id("age-months")}>{ "Months" }</label>
                                    <input class={classes!("govuk-input", "govuk-input--width-2", months_error.as_ref().map(|_| "govuk-input--error"))}
                                        id={w.id("age-months")} type="text" inputmode="numeric" autocomplete="off"
                                        value={a.age_months.clone()} oninput={on_months} />
                                </div>
                            </div>
                        </div>
                    </fieldset>
                </div>
                if a.asks_over_18() {
                    { radios(w, Radios {
                        id: "over-18-eligible".into(),
                        legend: "Is the young person a care leaver, or do they have an education, health and care plan (EHCP)?".into(),
                        hint: Some("This tool is for children, and for care leavers and young people with an EHCP up to 25.".into()),
                        options: vec![ChoiceOption::new("yes", "Yes"), ChoiceOption::new("no", "No")],
                        inline: true,
                        selected: yes_no(a.over_18_eligible),
                        error: error_for(errors, "over-18-eligible"),
                        onchange: on_over_18,
                        ..Radios::default()
                    }) }
                }
                if a.asks_mobility() {
                    { radios(w, Radios {
                        id: "mobility".into(),
                        legend: "Can the baby move around on their own yet?".into(),
                        hint: Some("Crawling, shuffling or pulling to stand. Any injury to a baby who is not yet mobile needs urgent attention.".into()),
                        options: vec![
                            ChoiceOption::new("mobile", "Yes"),
                            ChoiceOption::new("not_yet_mobile", "No, not yet mobile"),
                        ],
                        selected: a.mobility.map(|m| if m == Mobility::Mobile { "mobile" } else { "not_yet_mobile" }.to_string()),
                        error: error_for(errors, "mobility"),
                        onchange: on_mobility,
                        ..Radios::default()
                    }) }
                }
            }
            { radios(w, Radios {
                id: "disabled-or-send".into(),
                legend: "Does the child have a disability or special educational needs (SEND)?".into(),
                options: vec![ChoiceOption::new("yes", "Yes"), ChoiceOption::new("no", "No, or not known")],
                inline: true,
                selected: yes_no(a.disabled_or_send),
                error: error_for(errors, "disabled-or-send"),
                onchange: on_send,
                ..Radios::default()
            }) }
            { radios(w, Radios {
                id: "known-to-social-care".into(),
                legend: "Is the child known to children's social care now?".into(),
                options: KnownToSocialCare::ALL.iter().map(|k| ChoiceOption::new(k.code(), k.label())).collect::<Vec<_>>(),
                selected: a.known_to_social_care.map(|k| k.code().to_string()),
                error: error_for(errors, "known-to-social-care"),
                onchange: on_known,
                ..Radios::default()
            }) }
            { radios(w, Radios {
                id: "previous-contacts".into(),
                legend: "Before today, how many times has anyone contacted the front door about this child in the last 12 months?".into(),
                hint: Some("Count contacts from anyone, if you know of them. Repeated contacts can show a pattern that no single one does.".into()),
                options: PREVIOUS_CONTACTS.iter().map(|(n, label)| ChoiceOption::new(n.to_string(), *label)).collect::<Vec<_>>(),
                selected: a.previous_contacts.map(|n| n.min(3).to_string()),
                error: error_for(errors, "previous-contacts"),
                onchange: on_previous,
                ..Radios::default()
            }) }
        </>
    }
}

pub fn child_page(p: &PageProps) -> Html {
    question(
        p,
        html! {
            <>
                <h1 class="govuk-heading-l">{ Step::Child.title() }</h1>
                <p class="govuk-body">{ "Do not give the child's name, date of birth or address." }</p>
                { child_fields(p) }
            </>
        },
    )
}
