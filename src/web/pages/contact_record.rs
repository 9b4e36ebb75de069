//! The front door's contact record on the outcome page, for front-door practitioners when
//! the guidance keeps one: the urgency rating, the checks to make (ticked as made), whether
//! the parents were told and if not why (a manager then authorises it), and the feedback
//! owed to the referrer. What it shows follows the route being recorded.

use super::PageProps;
use crate::engine::contact::{ContactTriage, UrgencyRating};
use crate::flow::Edit;
use crate::record::FrontDoorContact;
use crate::vocabulary::Rag;
use crate::web::components::{
    checkbox, error_for, radios, text_area, warning_text, yes_no, Checkbox, ChoiceOption, Radios,
    TextArea,
};
use yew::prelude::*;

/// The GOV.UK tag for a rating: red, orange for amber (GOV.UK has no amber), green.
pub fn rating_tag(u: &UrgencyRating) -> Html {
    let colour = match u.rating {
        Rag::Red => "govuk-tag--red",
        Rag::Amber => "govuk-tag--orange",
        Rag::Green => "govuk-tag--green",
    };
    html! {
        <strong class={classes!("govuk-tag", colour, "app-rag")} data-rag={u.rating.code()}>{ u.rating.label() }</strong>
    }
}

/// "Urgency: Red. Respond within 4 hours.", under the outcome's panel.
pub fn rating_line(u: &UrgencyRating) -> Html {
    html! {
        <p class="govuk-body app-rating-line">
            { "Urgency: " }{ rating_tag(u) }{ format!(" Respond: {}.", u.respond_within) }
        </p>
    }
}

/// The contact record's questions inside "Record your decision". `tell_parents_later`:
/// asking the family was not safe, or the guidance says not to tell the parents first.
pub fn contact_record_fields(
    p: &PageProps,
    triage: &ContactTriage,
    tell_parents_later: bool,
) -> Html {
    let a = &p.flow.answers;
    let u = &triage.urgency;
    let on_parents = p.edit(|v: String| Edit::SetParentsInformed(v == "yes"));
    let on_reason = p.edit(Edit::SetParentsNotInformedReason);
    html! {
        <div class="app-contact-record" data-rag={u.rating.code()}>
            <h3 class="govuk-heading-m">{ "Front door contact record" }</h3>
            <dl class="govuk-summary-list">
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{ "Urgency" }</dt>
                    <dd class="govuk-summary-list__value">
                        <p class="govuk-body">{ rating_tag(u) }{ format!(" Respond: {}.", u.respond_within) }</p>
                        <p class="govuk-body">{ &u.reason }</p>
                        <p class="govuk-body-s">{ &u.meaning }</p>
                    </dd>
                </div>
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{ "Feedback to the referrer" }</dt>
                    <dd class="govuk-summary-list__value app-feedback-due">
                        <p class="govuk-body">{ &triage.feedback.text }</p>
                        <p class="govuk-body-s"><strong>{ "By when: " }</strong>{ &triage.feedback.within }</p>
                    </dd>
                </div>
            </dl>
            if !triage.checks.is_empty() {
                <div class="govuk-form-group">
                    <fieldset class="govuk-fieldset">
                        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{ "Checks to make" }</legend>
                        <div class="govuk-hint">{ "Tick the checks you have made. The record lists the others as still to make." }</div>
                        <div class="govuk-checkboxes govuk-checkboxes--small app-checks" data-module="govuk-checkboxes">
                            { for triage.checks.iter().map(|c| {
                                let id = c.id.clone();
                                let onchange = p.edit(move |on: bool| Edit::ToggleCheckMade { id: id.clone(), on });
                                html! {
                                    { checkbox(&p.widget, Checkbox {
                                        id: format!("made-{}", c.id).into(),
                                        value: c.id.clone().into(),
                                        label: c.with.clone().into(),
                                        hint: Some(AttrValue::from(c.ask.clone())),
                                        checked: a.checks_made.contains(&c.id),
                                        onchange,
                                        ..Checkbox::default()
                                    }) }
                                }
                            }) }
                        </div>
                    </fieldset>
                </div>
            }
            if tell_parents_later {
                { warning_text("app-tell-parents-later", html! {
                    "Telling the parents or carers now could put the child at risk or lose evidence: agree with the police and children's social care when and how they are told. If they have not been told, say why."
                }) }
            }
            { radios(&p.widget, Radios {
                id: "parents-informed".into(),
                legend: "Have the parents or carers been told about this contact?".into(),
                options: vec![ChoiceOption::new("yes", "Yes"), ChoiceOption::new("no", "No")],
                selected: yes_no(a.parents_informed),
                error: error_for(&p.flow.errors, "parents-informed"),
                onchange: on_parents,
                ..Radios::default()
            }) }
            if a.parents_informed == Some(false) {
                { text_area(&p.widget, TextArea {
                    id: "parents-not-informed-reason",
                    label: "Why have they not been told?",
                    hint: Some("For example, telling them could put the child at risk or lose evidence. A manager must authorise going ahead without telling them: the record leaves a line for their name and the time."),
                    value: a.parents_not_informed_reason.clone(),
                    rows: 3,
                    error: error_for(&p.flow.errors, "parents-not-informed-reason"),
                    oninput: on_reason,
                }) }
            }
        </div>
    }
}

/// The contact record as recorded, in the confirmation.
pub fn recorded_contact(c: &FrontDoorContact) -> Html {
    let made = c.checks.iter().filter(|x| x.made).count();
    html! {
        <dl class="govuk-summary-list app-recorded-contact" data-rag={c.urgency.rating.code()}>
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{ "Urgency" }</dt>
                <dd class="govuk-summary-list__value">{ rating_tag(&c.urgency) }{ format!(" Respond: {}.", c.urgency.respond_within) }</dd>
            </div>
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{ "Checks" }</dt>
                <dd class="govuk-summary-list__value">{ format!("{made} of {} made", c.checks.len()) }</dd>
            </div>
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{ "Parents or carers told" }</dt>
                <dd class="govuk-summary-list__value app-parents-informed">
                    if c.parents_informed {
                        { "Yes" }
                    } else {
                        <p class="govuk-body">{ format!("No: {}", c.not_informed_reason) }</p>
                        <p class="govuk-body app-manager-line"><strong>{ "A manager must authorise this. " }</strong>{ "The printed and copied record leave a line for their name, role and the time." }</p>
                    }
                </dd>
            </div>
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{ "Feedback to the referrer" }</dt>
                <dd class="govuk-summary-list__value">{ format!("{} By when: {}", c.feedback.text, c.feedback.within) }</dd>
            </div>
        </dl>
    }
}
