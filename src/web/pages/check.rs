//! Check your answers: every answer with a "Change" link that returns here, the picture of
//! the child's needs, and "Get recommendation".

use super::child::previous_contacts_label;
use super::PageProps;
use crate::flow::Msg;
use crate::flow::{ChildStatus, Mobility, Step};
use crate::vocabulary::{Consent, KnownToSocialCare};
use crate::web::chart::needs_chart;
use crate::web::components::{back_link, link_button, ErrorSummary};
use yew::prelude::*;

pub fn check_page(p: &PageProps) -> Html {
    let a = &p.flow.answers;
    let g = &p.flow.guidance;
    let row = |key: &str, value: Html, step: Step, what: &str| {
        let change = p.dispatch.reform(move |()| Msg::Change(step));
        html! {
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{ key.to_string() }</dt>
                <dd class="govuk-summary-list__value">{ value }</dd>
                <dd class="govuk-summary-list__actions">
                    { link_button(&change, html! {
                        <>{ "Change" }<span class="govuk-visually-hidden">{ format!(" {what}") }</span></>
                    }) }
                </dd>
            </div>
        }
    };
    let list = |items: Vec<String>| -> Html {
        if items.is_empty() {
            return html! { "None" };
        }
        html! { <ul class="govuk-list govuk-list--bullet">{ for items.into_iter().map(|t| html! { <li>{ t }</li> }) }</ul> }
    };
    let age = match a.child_status {
        Some(ChildStatus::Unborn) => "Not born yet".to_string(),
        Some(ChildStatus::Born) => {
            let months = a.age_months.trim();
            let mut s = format!("{} years", a.age_years.trim());
            if !months.is_empty() && months != "0" {
                s.push_str(&format!(" {months} months"));
            }
            if a.asks_mobility() && a.mobility == Some(Mobility::NotYetMobile) {
                s.push_str(", not yet mobile");
            }
            s
        }
        None => "Not answered".into(),
    };
    let concerns: Vec<String> = {
        let mut codes = a.concerns.clone();
        crate::order::sort_by_rank(&mut codes, |c| g.concern_index(c).unwrap_or(u32::MAX));
        codes
            .iter()
            .filter_map(|c| g.concern(c))
            .map(|c| c.text.clone())
            .collect()
    };
    let strengths: Vec<String> = a
        .strengths
        .iter()
        .filter_map(|s| g.strength(s))
        .map(|s| s.text.clone())
        .chain((!a.strengths_text.trim().is_empty()).then(|| a.strengths_text.trim().to_string()))
        .collect();
    let text_or = |t: &str| {
        if t.trim().is_empty() {
            "Not given".to_string()
        } else {
            t.trim().to_string()
        }
    };
    // Expert mode counts unanswered background questions as "no"; say so.
    let unanswered = if a.mode == crate::flow::Mode::Expert {
        "Not answered (counted as no)"
    } else {
        "Not answered"
    };
    let onsubmit = p.dispatch.reform(|e: SubmitEvent| {
        e.prevent_default();
        Msg::Continue
    });
    html! {
        <>
            { back_link(&p.send(|| Msg::Back)) }
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <ErrorSummary errors={p.flow.errors.clone()} attempt={p.flow.failed_submits} />
                    <h1 class="govuk-heading-l">{ Step::Check.title() }</h1>
                    { super::sibling::sibling_note(&p.flow, false) }
                    <dl class="govuk-summary-list">
                        { row("Immediate danger", html! { match a.immediate_danger { Some(true) => "Yes", Some(false) => "No", None => "Not answered" } }, Step::Safety, "immediate danger") }
                        { row("Age", html! { age }, Step::Child, "the child's age") }
                        { row("Disability or SEND", html! { match a.disabled_or_send { Some(true) => "Yes", Some(false) => "No, or not known", None => unanswered } }, Step::Child, "disability or SEND") }
                        { row("Known to social care", html! { a.known_to_social_care.map(KnownToSocialCare::label).unwrap_or(unanswered) }, Step::Child, "known to social care") }
                        { row("Earlier contacts in 12 months", html! { a.previous_contacts.map(previous_contacts_label).unwrap_or(unanswered) }, Step::Child, "earlier contacts") }
                        { row("Concerns", list(concerns), Step::Concerns, "concerns") }
                        { row("What is going well", list(strengths), Step::Strengths, "what is going well") }
                        { row("Family's consent", html! { a.consent.map(Consent::label).unwrap_or(if a.consent_matters(g) { "Not answered" } else { "Not needed for this route" }) }, Step::Views, "the family's consent") }
                        { row("The child's voice", html! { text_or(&a.child_voice) }, Step::Views, "the child's voice") }
                        { row("Other notes", html! { text_or(&a.other_notes) }, Step::Views, "other notes") }
                    </dl>
                    <h2 class="govuk-heading-m">{ "The child's needs at a glance" }</h2>
                    { needs_chart(&p.widget, &p.flow.guidance, &a.concerns, &a.strengths) }
                    <form novalidate=true {onsubmit}>
                        <button type="submit" class="govuk-button">{ "Get recommendation" }</button>
                    </form>
                </div>
            </div>
        </>
    }
}
