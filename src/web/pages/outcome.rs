//! The outcome: the recommended pathway in a panel, why, what to do now and by when, who
//! the family gets, services, the picture of needs, and "Record your decision".

use super::contact_record::{contact_record_fields, rating_line, recorded_contact};
use super::request_draft::RequestDraft;
use super::PageProps;
use crate::engine::decision::Decision;
use crate::engine::outcome::outcome_text;
use crate::flow::Step;
use crate::flow::{Edit, Msg};
use crate::guidance::{contact_keys, SharedGuidance};
use crate::record::DecisionRecord;
use crate::vocabulary::Pathway;
use crate::web::chart::needs_chart;
use crate::web::components::{
    back_link, contact_line, error_for, link_button, phone, radios, text_area, warning_text,
    yes_no, ChoiceOption, ErrorSummary, Radios, TextArea,
};
use crate::web::export;
use yew::prelude::*;

#[derive(Properties, Clone, PartialEq)]
pub struct OutcomeProps {
    pub page: PageProps,
    /// Told of each recorded decision (the embedding layer hands it to the host page).
    #[prop_or_default]
    pub on_record: Callback<DecisionRecord>,
}

#[function_component(OutcomePage)]
pub fn outcome_page(props: &OutcomeProps) -> Html {
    let p = &props.page;
    let g = &p.flow.guidance;
    let a = &p.flow.answers;
    let status = use_state(|| None::<String>);
    let decided = a
        .to_case(g)
        .map_err(|_| "Some questions are not answered yet.".to_string())
        .and_then(|case| {
            crate::engine::evaluate(g, &case)
                .map(|d| (case, d))
                .map_err(|e| e.to_string())
        });
    let (case, decision) = match decided {
        Ok(x) => x,
        Err(message) => {
            let back = p.dispatch.reform(|()| Msg::Show(Step::Check));
            return html! {
                <>
                    <h1 class="govuk-heading-l">{ "We cannot make a recommendation yet" }</h1>
                    <p class="govuk-body">{ message }</p>
                    { link_button(&back, html! { Step::Check.title() }) }
                </>
            };
        }
    };
    // The same record the family keeps when another child is added (flow::current_record).
    let record = crate::flow::current_record(a, g);
    // Hand each newly recorded decision to the host exactly once.
    {
        let on_record = props.on_record.clone();
        use_effect_with(record.clone(), move |record| {
            if let Some(r) = record {
                on_record.emit(r.clone());
            }
        });
    }
    // The route the practitioner chose over the recommendation: its own steps replace the
    // recommendation's on screen, with the recommendation kept beside them.
    let chosen = (a.agrees == Some(false))
        .then_some(a.final_pathway)
        .flatten()
        .filter(|p| *p != decision.pathway);
    let chosen_steps = chosen.and_then(|p| crate::engine::steps_for_route(g, &case, p).ok());
    let words = outcome_text(g, &decision, case.audience);
    let level_name = g
        .level(decision.level)
        .map(|l| l.name.clone())
        .unwrap_or_default();
    // The request form, drafted for the route asked for: the recommendation until the
    // decision is recorded, then the route decided on.
    let draft = crate::record::request_form::draft_for(
        g,
        &case,
        &decision,
        record.as_ref().map(|r| &r.final_decision),
        &record
            .as_ref()
            .map_or_else(|| a.notes(), |r| r.notes.clone()),
    )
    .ok()
    .zip(g.file().request_form.as_ref().map(|f| f.title.clone()));
    // The front door's contact record follows the route being recorded: the route chosen
    // over the recommendation once one is picked.
    let contact = a
        .keeps_contact_record(g)
        .then(|| crate::engine::contact_triage(g, &case, chosen.unwrap_or(decision.pathway)).ok())
        .flatten()
        .flatten();
    let tell_parents_later = case.consent == crate::vocabulary::Consent::UnsafeToAsk
        || decision.has_action(crate::engine::contact::DO_NOT_TELL_PARENTS_FIRST)
        || chosen_steps.as_ref().is_some_and(|s| {
            s.actions
                .iter()
                .any(|a| a.code == crate::engine::contact::DO_NOT_TELL_PARENTS_FIRST)
        });
    let offers_services = matches!(decision.pathway, Pathway::Signpost | Pathway::FamilyHelp);
    let front_door_user = case.audience == crate::engine::case::Audience::FrontDoor;
    html! {
        <>
            { back_link(&p.send(|| Msg::Back)) }
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <ErrorSummary errors={p.flow.errors.clone()} attempt={p.flow.failed_submits} />
                    <div class={classes!("govuk-panel", "app-panel", format!("app-panel--{}", decision.pathway.code()))}
                        data-pathway={decision.pathway.code()} data-level={decision.level.to_string()}>
                        <h1 class="govuk-panel__title">{ words.title }</h1>
                        <div class="govuk-panel__body">{ format!("Level {}: {}", decision.level, level_name) }</div>
                    </div>
                    if decision.pathway == Pathway::Emergency {
                        { emergency_warning(&p.flow.guidance, front_door_user) }
                    }
                    if let Some(c) = &contact {
                        { rating_line(&c.urgency) }
                    }
                    <p class="govuk-body-l">{ words.summary }</p>
                    // A child protection referral is never one of two choices: the front door
                    // is phoned either way, so the consultation banner is for lower routes.
                    if decision.consultation_advised && decision.pathway < Pathway::MacptReferral {
                        { warning_text(Classes::new(), html! {
                            "Talk to the front door's consultation line about this child: see the reasons below."
                        }) }
                    }
                    {
                        match &chosen_steps {
                            Some(steps) => html! {
                                <>
                                    <div class="govuk-inset-text app-chosen-route">
                                        { format!("You have decided on a different route: {}. These are its steps. The tool recommended: {}.",
                                            g.file().pathways.get(steps.pathway).title, words.title) }
                                    </div>
                                    { actions_list(&steps.actions) }
                                    <details class="govuk-details app-recommended-steps">
                                        <summary class="govuk-details__summary">
                                            <span class="govuk-details__summary-text">{ "The recommendation's own steps" }</span>
                                        </summary>
                                        <div class="govuk-details__text">
                                            <ul class="govuk-list govuk-list--bullet">
                                                { for decision.actions.iter().map(|x| html! { <li>{ &x.text }</li> }) }
                                            </ul>
                                        </div>
                                    </details>
                                </>
                            },
                            None => actions_list(&decision.actions),
                        }
                    }
                    <h2 class="govuk-heading-m">{ "Why" }</h2>
                    { reasons(g, &decision) }
                    <h2 class="govuk-heading-m">{ "What happens next" }</h2>
                    <p class="govuk-body">{ words.allocation }</p>
                    if offers_services {
                        <h2 class="govuk-heading-m">{ "Services that may help" }</h2>
                        if decision.signpost.is_empty() {
                            <p class="govuk-body app-no-services">
                                { "No service in this guidance's directory matches these concerns and this child's age. " }
                                { if front_door_user { "Suggest local support you know of, and record that none in the directory fits." } else { "The front door can suggest local support." } }
                            </p>
                        } else {
                            <ul class="govuk-list app-services">
                                { for decision.signpost.iter().map(|s| html! {
                                    <li>
                                        <h3 class="govuk-heading-s">{ &s.service }</h3>
                                        <p class="govuk-body">{ &s.helps_with }</p>
                                        <p class="govuk-body">{ &s.contact }</p>
                                    </li>
                                }) }
                            </ul>
                        }
                    }
                    <h2 class="govuk-heading-m">{ "The child's needs at a glance" }</h2>
                    { needs_chart(&p.widget, &p.flow.guidance, &case.concerns, &case.strengths) }
                    if let Some((text, form_title)) = draft {
                        <RequestDraft {form_title} {text} />
                    }
                    <div class="govuk-inset-text">
                        { "This recommendation supports your professional judgement; it does not replace it. If you decide differently, record why." }
                    </div>
                    {
                        match record {
                            Some(r) => html! { <Recorded page={p.clone()} record={r} status={(*status).clone()} on_status={Callback::from(move |s| status.set(s))} /> },
                            None => record_form(p, decision.pathway, contact.as_ref(), tell_parents_later),
                        }
                    }
                </div>
            </div>
        </>
    }
}

/// Why: each rule's reason, the level it led to, its source, and the concerns behind it,
/// each concern under the first reason that names it and nowhere else.
fn reasons(g: &SharedGuidance, decision: &Decision) -> Html {
    let rules = &g.file().rules;
    let mut listed: Vec<&str> = Vec::new();
    let led_to = |rule: &str| -> Option<String> {
        let level_of = |p: Pathway| -> String {
            let level = if p == decision.pathway {
                decision.level
            } else {
                p.base_level()
            };
            let name = g.level(level).map(|l| l.name.as_str()).unwrap_or_default();
            format!("level {level}, {name}")
        };
        if let Some(r) = rules.pathway.iter().find(|r| r.id == rule) {
            return Some(format!("This rule gives {}.", level_of(r.pathway)));
        }
        if let Some(base) = rule.strip_suffix(".lowered_by_strengths") {
            if let Some(low) = rules
                .pathway
                .iter()
                .find(|r| r.id == base)
                .and_then(|r| r.lowered_by_strengths.as_ref())
            {
                return Some(format!("Strengths lower it to {}.", level_of(low.to)));
            }
        }
        rules
            .escalation
            .iter()
            .find(|r| r.id == rule)
            .and_then(|r| r.at_least)
            .map(|p| format!("This rule raises it to at least {}.", level_of(p)))
    };
    html! {
        <ul class="govuk-list app-reasons">
            { for decision.reasons.iter().map(|r| {
                let concerns: Vec<&crate::guidance::Concern> = r
                    .concerns
                    .iter()
                    .filter(|c| !listed.contains(&c.as_str()))
                    .filter_map(|c| g.concern(c))
                    .collect();
                listed.extend(r.concerns.iter().map(String::as_str));
                html! {
                    <li class="app-reason">
                        <p class="govuk-body">{ &r.text }</p>
                        if let Some(line) = led_to(&r.rule) {
                            <p class="govuk-body-s app-reason__level">{ line }</p>
                        }
                        if let Some(source) = &r.source {
                            { source_line(source) }
                        }
                        if !concerns.is_empty() {
                            <ul class="govuk-list govuk-list--bullet govuk-body-s">
                                { for concerns.iter().map(|c| html! {
                                    <li>{ format!("{} (level {})", c.text, c.level) }</li>
                                }) }
                            </ul>
                        }
                        if !r.strengths.is_empty() {
                            <ul class="govuk-list govuk-list--bullet govuk-body-s">
                                { for r.strengths.iter().filter_map(|s| g.strength(s)).map(|s| html! { <li>{ &s.text }</li> }) }
                            </ul>
                        }
                    </li>
                }
            }) }
        </ul>
    }
}

/// What to do now, by when: grouped by urgency (now, today, then days), never an empty
/// heading, numbered straight through.
fn actions_list(actions: &[crate::engine::decision::DecidedAction]) -> Html {
    use crate::guidance::Urgency;
    let mut number = 0;
    html! {
        <>
            <h2 class="govuk-heading-m">{ "What to do now" }</h2>
            { for Urgency::ALL.iter().map(|u| {
                let these: Vec<&crate::engine::decision::DecidedAction> = actions.iter().filter(|a| a.urgency == *u).collect();
                if these.is_empty() {
                    return html! {};
                }
                let start = number + 1;
                number += these.len();
                html! {
                    <>
                        <h3 class="govuk-heading-s app-urgency" data-urgency={u.code()}>{ u.label() }</h3>
                        <ol class="govuk-list govuk-list--number app-actions" start={start.to_string()}>
                            { for these.iter().map(|a| html! {
                                <li class="app-action" data-action={a.code.clone()}>
                                    <p class="govuk-body">
                                        if a.duty {
                                            <strong class="govuk-tag govuk-tag--purple app-duty-tag">{ "Duty" }</strong>
                                        }
                                        { &a.text }
                                    </p>
                                    if let (true, Some(source)) = (a.duty, &a.source) {
                                        { source_line(source) }
                                    }
                                    <p class="govuk-body-s"><strong>{ "By when: " }</strong>{ &a.timescale }</p>
                                    if let Some(c) = &a.contact {
                                        <p class="govuk-body-s">
                                            <strong>{ "Contact: " }</strong>{ contact_line(c) }
                                        </p>
                                    }
                                </li>
                            }) }
                        </ol>
                    </>
                }
            }) }
        </>
    }
}

/// "Source: Children Act 1989, section 47", linked when the guidance gives an address.
/// The link opens a new tab so the answers on this page stay where they are, and sends
/// no referrer, so the address of this page goes nowhere.
fn source_line(s: &crate::guidance::Source) -> Html {
    html! {
        <p class="govuk-body-s app-source">
            { "Source: " }
            {
                match &s.url {
                    Some(url) => html! {
                        <a class="govuk-link" href={url.clone()} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">
                            { s.citation() }<span class="govuk-visually-hidden">{ " (opens in new tab)" }</span>
                        </a>
                    },
                    None => html! { s.citation() },
                }
            }
        </p>
    }
}

/// 999 first; then the front door, or for front-door users their police colleagues; and
/// the out-of-hours team for when the front door is closed.
fn emergency_warning(g: &SharedGuidance, front_door_user: bool) -> Html {
    warning_text(
        "app-emergency",
        html! {
                <>
                    { "Call the police on " }{ phone("999") }{ " now" }
                    if front_door_user {
                        { ", or ask police colleagues at the front door to act straight away." }
                    } else if let Some(c) = g.contact(contact_keys::FRONT_DOOR) {
                        { format!(", then phone the {} on ", c.name) }{ phone(&c.phone) }{ "." }
                    } else {
                        { "." }
                    }
                    if let Some(c) = g.contact(contact_keys::OUT_OF_HOURS) {
                        { format!(" When the front door is closed, phone the {} on ", c.name) }{ phone(&c.phone) }{ "." }
                    }
                </>
        },
    )
}

/// "Record your decision". `contact`: the front door's contact record, for front-door
/// practitioners; `tell_parents_later`: telling the parents now may not be safe
/// (contact_record::contact_record_fields).
fn record_form(
    p: &PageProps,
    recommended: Pathway,
    contact: Option<&crate::engine::contact::ContactTriage>,
    tell_parents_later: bool,
) -> Html {
    let a = &p.flow.answers;
    let titles = &p.flow.guidance.file().pathways;
    let on_agree = p.edit(|v: String| Edit::SetAgrees(v == "yes"));
    let on_pathway = p.edit(|v: String| Pathway::from_code(&v).map(Edit::SetFinalPathway));
    let on_reason = p.edit(Edit::SetFinalReason);
    let onsubmit = p.dispatch.reform(|e: SubmitEvent| {
        e.prevent_default();
        Msg::Record {
            at: export::now_rfc3339(),
            family_id: export::new_family_id(),
        }
    });
    let reason_error = error_for(&p.flow.errors, "final-reason");
    html! {
        <form novalidate=true {onsubmit} class="app-record-form">
            <h2 class="govuk-heading-m">{ "Record your decision" }</h2>
            { radios(&p.widget, Radios {
                id: "agrees".into(),
                legend: "Do you agree with this recommendation?".into(),
                options: vec![ChoiceOption::new("yes", "Yes"), ChoiceOption::new("no", "No, I have decided on a different route")],
                selected: yes_no(a.agrees),
                error: error_for(&p.flow.errors, "agrees"),
                onchange: on_agree,
                ..Radios::default()
            }) }
            if a.agrees == Some(false) {
                { radios(&p.widget, Radios {
                    id: "final-pathway".into(),
                    legend: "Which route have you decided on?".into(),
                    options: Pathway::ALL.iter().filter(|x| **x != recommended)
                        .map(|x| ChoiceOption::new(x.code(), titles.get(*x).title.clone())).collect::<Vec<_>>(),
                    selected: a.final_pathway.map(|x| x.code().to_string()),
                    error: error_for(&p.flow.errors, "final-pathway"),
                    onchange: on_pathway,
                    ..Radios::default()
                }) }
                { text_area(&p.widget, TextArea {
                    id: "final-reason",
                    label: "Why have you decided on a different route?",
                    hint: None,
                    value: a.final_reason.clone(),
                    rows: 4,
                    error: reason_error,
                    oninput: on_reason,
                }) }
            }
            if let Some(c) = contact {
                { contact_record_fields(p, c, tell_parents_later) }
            }
            <button type="submit" class="govuk-button">{ "Record decision" }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct RecordedProps {
    page: PageProps,
    record: DecisionRecord,
    status: Option<String>,
    on_status: Callback<Option<String>>,
}

#[function_component(Recorded)]
fn recorded(props: &RecordedProps) -> Html {
    let w = crate::web::widget::use_widget();
    let p = &props.page;
    let summary = crate::record::summary::plain_text(&p.flow.guidance, &props.record);
    let titles = &p.flow.guidance.file().pathways;
    let on_copy = export::copy_on_click(
        summary.clone(),
        "summary",
        "Summary copied. Paste it into the child's record.",
        props.on_status.clone(),
    );
    let on_download = {
        let on_status = props.on_status.clone();
        let record = props.record.clone();
        Callback::from(move |_: MouseEvent| {
            on_status.emit(Some(match export::download(&record) {
                Ok(()) => "Record downloaded as a JSON file.".into(),
                Err(e) => e,
            }))
        })
    };
    let on_download_text = {
        let on_status = props.on_status.clone();
        let record = props.record.clone();
        let summary = summary.clone();
        Callback::from(move |_: MouseEvent| {
            on_status.emit(Some(match export::download_text(&summary, &record) {
                Ok(()) => "Summary downloaded as a text file.".into(),
                Err(e) => e,
            }))
        })
    };
    let family_records = (props.record.family.as_ref().is_some_and(|f| f.of > 1)).then(|| {
        p.flow
            .answers
            .family
            .all_records(&props.record, &p.flow.guidance)
    });
    let on_download_family = {
        let on_status = props.on_status.clone();
        let records = family_records.clone().unwrap_or_default();
        Callback::from(move |_: MouseEvent| {
            on_status.emit(Some(match export::download_family(&records) {
                Ok(()) => "The family's records downloaded as a JSON file.".into(),
                Err(e) => e,
            }))
        })
    };
    // Once recorded, the confirmation takes focus, so a screen reader hears it and the
    // keyboard continues from it.
    let banner = use_node_ref();
    {
        let banner = banner.clone();
        use_effect_with(props.record.created_at.clone(), move |_| {
            if let Some(el) = banner.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let f = &props.record.final_decision;
    let final_title = p.flow.guidance.file().pathways.get(f.pathway).title.clone();
    html! {
        <div class="app-recorded">
            <div class="govuk-notification-banner govuk-notification-banner--success" role="alert"
                aria-labelledby={w.id("recorded-title")} tabindex="-1" ref={banner}>
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id={w.id("recorded-title")}>{ "Decision recorded" }</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">{ format!("Your decision: {final_title}") }</p>
                    <p class="govuk-body">{ format!("Recorded {}", crate::record::human_time(&props.record.created_at)) }</p>
                    if let Some(family) = props.record.family.as_ref().filter(|f| f.of > 1) {
                        <p class="govuk-body">{ format!("This is child {} of {} in this family. Also considered:", family.child, family.of) }</p>
                        <ul class="govuk-list govuk-list--bullet app-family-others">
                            { for family.others.iter().map(|o| html! {
                                <li data-child={o.child.to_string()} data-pathway={o.final_pathway.code()}>{ o.describe(family.of, |x| titles.get(x).title.clone()) }</li>
                            }) }
                        </ul>
                    }
                </div>
            </div>
            if let Some(c) = &props.record.contact {
                { recorded_contact(c) }
            }
            <div class="govuk-button-group app-no-print">
                <button type="button" class="govuk-button" onclick={on_copy}>{ "Copy summary" }</button>
                <button type="button" class="govuk-button govuk-button--secondary" onclick={Callback::from(|_: MouseEvent| export::print())}>{ "Print" }</button>
                <button type="button" class="govuk-button govuk-button--secondary" onclick={on_download_text}>{ "Download as text" }</button>
                <button type="button" class="govuk-button govuk-button--secondary" onclick={on_download}>{ "Download record (JSON)" }</button>
                if family_records.is_some() {
                    <button type="button" class="govuk-button govuk-button--secondary" onclick={on_download_family}>{ "Download the family's records (JSON)" }</button>
                }
            </div>
            // Printed, the page is the whole record: everything the copied summary holds.
            <pre class="app-print-record" aria-hidden="true">{ summary.clone() }</pre>
            <p class="govuk-body app-no-print" role="status">{ props.status.clone().unwrap_or_default() }</p>
            <details class="govuk-details app-no-print">
                <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{ "Show the summary text" }</span></summary>
                <div class="govuk-details__text"><pre class="app-summary-text">{ summary }</pre></div>
            </details>
            <h2 class="govuk-heading-m app-no-print">{ "Other children in this family" }</h2>
            <p class="govuk-body app-no-print">{ "National reviews keep finding that brothers and sisters in the same home were not considered. For each other child, answer the questions about them: the concerns about the whole family and the family's consent are carried over." }</p>
            <p class="govuk-body app-no-print">
                { link_button(&p.send(|| Msg::NextChild), html! { "Another child in this family" }) }
            </p>
        </div>
    }
}
