//! What the user is worried about. With nothing typed: every concern that fits the child,
//! grouped by domain in sections that fold, each with its count ticked. With words typed:
//! the concerns that match, best first, each marked by level and followed by the more
//! serious concerns on the same topic, so a search never steers to the lowest level.
//! The concerns ticked so far stay listed under "Your choices" whatever the search shows.

use super::PageProps;
use crate::flow::search::SearchIndex;
use crate::flow::{Edit, Msg, Step};
use crate::guidance::Concern;
use crate::guidance::SharedGuidance;
use crate::web::components::{
    checkbox, error_for, error_message, radios, yes_no, Checkbox, ChoiceOption, Radios,
};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConcernFieldsProps {
    pub page: PageProps,
    /// In expert mode the section heading is an h2, not the page's h1.
    #[prop_or_default]
    pub nested: bool,
}

#[function_component(ConcernFields)]
pub fn concern_fields(props: &ConcernFieldsProps) -> Html {
    let w = crate::web::widget::use_widget();
    let p = &props.page;
    let query = use_state(String::new);
    let index = use_memo(p.flow.guidance.clone(), |g| SearchIndex::new(g));
    let g = &p.flow.guidance;
    let file = g.file();
    let answers = &p.flow.answers;
    let selected = &answers.concerns;
    let on_search = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    // Offered: the concerns that apply to this child, and any already ticked (so one the
    // child's age no longer fits stays in view with its error, never silently dropped).
    let offered = |c: &Concern| answers.concern_fits(g, &c.code) || selected.contains(&c.code);
    let results = index.search(&query);
    let searching = results.words > 0;
    let errors = &p.flow.errors;
    // The first follow-up question carries the id the error summary links to.
    let follow_ups: Vec<&str> = file
        .concerns
        .iter()
        .filter(|c| c.follow_up.is_some() && selected.contains(&c.code))
        .map(|c| c.code.as_str())
        .collect();
    let misfit_errors: Vec<String> = errors
        .iter()
        .filter(|e| e.field == "concerns")
        .map(|e| e.message.clone())
        .collect();

    let checkbox = |c: &Concern, tag_level: bool| -> Html {
        let follow_up = c
            .follow_up
            .as_ref()
            .filter(|_| selected.contains(&c.code))
            .map(|_| FollowUpState {
                id: match follow_ups.iter().position(|x| *x == c.code) {
                    Some(0) | None => "follow-up".into(),
                    Some(i) => format!("follow-up-{}", i + 1).into(),
                },
                answer: answers.follow_up_answer(g, &c.code),
                error: error_for(errors, "follow-up"),
            });
        html! {
            <ConcernRow guidance={g.clone()} code={AttrValue::from(c.code.clone())} {tag_level}
                checked={selected.contains(&c.code)} {follow_up} dispatch={p.dispatch.clone()} />
        }
    };

    let heading = if props.nested {
        html! { <h2 class="govuk-heading-l">{ Step::Concerns.title() }</h2> }
    } else {
        html! { <h1 class="govuk-heading-l">{ Step::Concerns.title() }</h1> }
    };

    // Search results: each match, then its more serious neighbours not shown already.
    let mut shown: Vec<u32> = Vec::new();
    let mut rows: Vec<(u32, Vec<u32>)> = Vec::new();
    if searching {
        for m in &results.matches {
            let c = &file.concerns[m.concern as usize];
            if !offered(c) || shown.contains(&m.concern) {
                continue;
            }
            shown.push(m.concern);
            rows.push((m.concern, Vec::new()));
        }
        for row in rows.iter_mut() {
            let more: Vec<u32> = index
                .serious_neighbours(row.0)
                .into_iter()
                .filter(|&n| offered(&file.concerns[n as usize]) && !shown.contains(&n))
                .collect();
            shown.extend(&more);
            row.1 = more;
        }
    }
    let match_count = rows.len();

    html! {
        <>
            { heading }
            <p class="govuk-body">{ "Tick everything that applies. Search in your own words, or look through the list by area." }</p>
            { your_choices(p) }
            if !misfit_errors.is_empty() {
                <div class="govuk-form-group govuk-form-group--error" id={w.id("concerns")} tabindex="-1">
                    { for misfit_errors.iter().map(|m| error_message(None, m)) }
                </div>
            }
            <div class="govuk-form-group">
                <label class="govuk-label govuk-label--s" for={w.id("concern-search")}>{ "Search concerns" }</label>
                <div id={w.id("concern-search-hint")} class="govuk-hint">{ "In your own words, for example dad hits mum, not in school, low mood or DV" }</div>
                <input class="govuk-input govuk-!-width-two-thirds" id={w.id("concern-search")} type="search"
                    aria-describedby={format!("{} {}", w.id("concern-search-hint"), w.id("concern-search-count"))} autocomplete="off"
                    value={(*query).clone()} oninput={on_search} />
                <p class="govuk-body-s app-search-count" id={w.id("concern-search-count")} aria-live="polite">
                    { if searching { match_count_text(match_count) } else { String::new() } }
                </p>
            </div>
            if searching {
                if rows.is_empty() {
                    <p class="govuk-body">{ "No concern matches those words. Try other words, or clear the search and look through the list. If you are unsure, talk to the consultation line." }</p>
                } else {
                    <div class="govuk-checkboxes govuk-checkboxes--small app-search-results">
                        { for rows.iter().map(|(m, more)| html! {
                            <>
                                { checkbox(&file.concerns[*m as usize], true) }
                                if !more.is_empty() {
                                    <div class="app-serious-neighbours">
                                        <p class="govuk-body-s app-serious-neighbours__title">{ "More serious, on the same topic:" }</p>
                                        { for more.iter().map(|n| checkbox(&file.concerns[*n as usize], true)) }
                                    </div>
                                }
                            </>
                        }) }
                    </div>
                }
            } else {
                { for file.domains.iter().map(|d| {
                    let in_domain: Vec<&Concern> = file.concerns.iter().filter(|c| c.domain == d.id && offered(c)).collect();
                    if in_domain.is_empty() {
                        return html! {};
                    }
                    let ticked = in_domain.iter().filter(|c| selected.contains(&c.code)).count();
                    html! {
                        <details class="govuk-details app-domain" open=true>
                            <summary class="govuk-details__summary">
                                <span class="govuk-details__summary-text">{ &d.name }</span>
                                <span class="app-domain-count">{ format!(" {ticked} of {} ticked", in_domain.len()) }</span>
                            </summary>
                            <div class="govuk-details__text app-domain__concerns">
                                <fieldset class="govuk-fieldset">
                                    <legend class="govuk-visually-hidden">{ &d.name }</legend>
                                    <div class="govuk-checkboxes govuk-checkboxes--small">
                                        { for in_domain.iter().map(|c| checkbox(c, false)) }
                                    </div>
                                </fieldset>
                            </div>
                        </details>
                    }
                }) }
            }
        </>
    }
}

/// A ticked concern's follow-up question, as the row shows it.
#[derive(Clone, PartialEq)]
struct FollowUpState {
    /// The first carries the id the error summary links to.
    id: AttrValue,
    answer: Option<bool>,
    error: Option<String>,
}

#[derive(Properties, PartialEq)]
struct ConcernRowProps {
    guidance: SharedGuidance,
    code: AttrValue,
    /// In search results each concern says its level.
    tag_level: bool,
    checked: bool,
    follow_up: Option<FollowUpState>,
    dispatch: Callback<Msg>,
}

/// One concern's checkbox, its follow-up question and examples. A component of its own,
/// with props that stay equal while the concern is untouched, so ticking one concern
/// redraws that row only, not every concern on the page.
#[function_component(ConcernRow)]
fn concern_row(props: &ConcernRowProps) -> Html {
    let w = crate::web::widget::use_widget();
    let Some(c) = props.guidance.concern(&props.code) else {
        return html! {};
    };
    let onchange = {
        let code = c.code.clone();
        props.dispatch.reform(move |on: bool| {
            Msg::Edit(Edit::ToggleConcern {
                code: code.clone(),
                on,
            })
        })
    };
    let follow_up = c.follow_up.as_ref().zip(props.follow_up.as_ref()).map(|(f, state)| {
        let code = c.code.clone();
        let onchange = props.dispatch.reform(move |v: String| {
            Msg::Edit(Edit::AnswerFollowUp {
                code: code.clone(),
                yes: v == "yes",
            })
        });
        html! {
            <div class="govuk-checkboxes__conditional app-follow-up">
                { radios(&w, Radios {
                    id: state.id.clone().into(),
                    legend: f.question.clone().into(),
                    inline: true,
                    options: vec![ChoiceOption::new("yes", "Yes"), ChoiceOption::new("no", "No")],
                    selected: yes_no(state.answer),
                    error: state.error.clone(),
                    onchange,
                    ..Radios::default()
                }) }
            </div>
        }
    });
    let label = if props.tag_level {
        format!("{} (level {})", c.text, c.level)
    } else {
        c.text.clone()
    };
    let examples = (!c.examples.is_empty()).then(|| {
        html! {
            <details class="govuk-details app-examples">
                <summary class="govuk-details__summary">
                    <span class="govuk-details__summary-text">{ "Examples" }</span>
                </summary>
                <div class="govuk-details__text">
                    <ul class="govuk-list govuk-list--bullet">
                        { for c.examples.iter().map(|x| html! { <li>{ x }</li> }) }
                    </ul>
                </div>
            </details>
        }
    });
    checkbox(
        &w,
        Checkbox {
            id: format!("concern-{}", c.code.replace('.', "-")).into(),
            value: c.code.clone().into(),
            label: label.into(),
            checked: props.checked,
            onchange,
            children: html! { <>{ follow_up }{ examples }</> },
            hint: None,
        },
    )
}

/// "1 concern matches", "3 concerns match".
pub fn match_count_text(n: usize) -> String {
    if n == 1 {
        "1 concern matches".to_string()
    } else {
        format!("{n} concerns match")
    }
}

/// The concerns ticked so far, each with a way to remove it, whatever the search shows.
fn your_choices(p: &PageProps) -> Html {
    let g = &p.flow.guidance;
    let mut ticked: Vec<&Concern> = p
        .flow
        .answers
        .concerns
        .iter()
        .filter_map(|c| g.concern(c))
        .collect();
    crate::order::sort_by_rank(&mut ticked, |c| {
        g.concern_index(&c.code).unwrap_or(u32::MAX)
    });
    // One box whether or not anything is ticked: replacing the element here, above every
    // concern, made Chromium restyle the whole list on each tick (about 1,700 elements).
    if ticked.is_empty() {
        return html! {
            <div class="app-your-choices app-your-choices--empty">
                <p class="govuk-body">{ "You have not chosen any concerns yet." }</p>
            </div>
        };
    }
    html! {
        <div class="app-your-choices">
            <h2 class="govuk-heading-s">{ format!("Your choices ({})", ticked.len()) }</h2>
            <ul class="govuk-list app-your-choices__list">
                { for ticked.iter().map(|c| {
                    let code = c.code.clone();
                    let remove = p.edit(move |_: MouseEvent| Edit::ToggleConcern { code: code.clone(), on: false });
                    html! {
                        <li class="app-your-choices__item">
                            <span>{ format!("{} (level {})", c.text, c.level) }</span>
                            { " " }
                            <button type="button" class="app-link-button app-your-choices__remove" onclick={remove}>
                                { "Remove" }<span class="govuk-visually-hidden">{ format!(" {}", c.text) }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

pub fn concerns_page(p: &PageProps) -> Html {
    super::question_with(
        p,
        "Continue",
        true,
        html! { <ConcernFields page={p.clone()} /> },
    )
}
