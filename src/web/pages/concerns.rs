//! What the user is worried about: the guidance's concerns, grouped by domain, with a
//! search that filters as you type and a count of ticked concerns per domain.

use super::{PageProps, Question};
use crate::flow::search::Query;
use crate::web::components::{error_for, Checkbox, ChoiceOption, ErrorMessage, Radios};
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
    let file = p.guidance.file();
    let selected = &p.flow.answers.concerns;
    let on_search = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let search = Query::new(&query);
    let answers = &p.flow.answers;
    let g = &p.guidance;
    // Offered: the concerns that apply to this child, and any already ticked (so one the
    // child's age no longer fits stays in view with its error, never silently dropped).
    let offered = |c: &&crate::guidance::Concern| {
        answers.concern_fits(g, &c.code) || selected.contains(&c.code)
    };
    let total_shown = file
        .concerns
        .iter()
        .filter(offered)
        .filter(|c| search.matches(c))
        .count();
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
    let heading = if props.nested {
        html! { <h2 class="govuk-heading-l">{ "What are you worried about?" }</h2> }
    } else {
        html! { <h1 class="govuk-heading-l">{ "What are you worried about?" }</h1> }
    };
    html! {
        <>
            { heading }
            <p class="govuk-body">{ format!("Tick everything that applies. You have ticked {}.", selected.len()) }</p>
            if !misfit_errors.is_empty() {
                <div class="govuk-form-group govuk-form-group--error" id={w.id("concerns")} tabindex="-1">
                    { for misfit_errors.iter().map(|m| html! { <ErrorMessage message={m.clone()} /> }) }
                </div>
            }
            <div class="govuk-form-group">
                <label class="govuk-label govuk-label--s" for={w.id("concern-search")}>{ "Search concerns" }</label>
                <div id={w.id("concern-search-hint")} class="govuk-hint">{ "For example bruise, school, money or online" }</div>
                <input class="govuk-input govuk-!-width-two-thirds" id={w.id("concern-search")} type="search"
                    aria-describedby={format!("{} {}", w.id("concern-search-hint"), w.id("concern-search-count"))} autocomplete="off"
                    value={(*query).clone()} oninput={on_search} />
                <p class="govuk-body-s app-search-count" id={w.id("concern-search-count")} aria-live="polite">
                    { if search.is_empty() { String::new() } else { format!("{total_shown} concerns match") } }
                </p>
            </div>
            { for file.domains.iter().map(|d| {
                let in_domain: Vec<_> = file.concerns.iter().filter(|c| c.domain == d.id).filter(offered).collect();
                let shown: Vec<_> = in_domain.iter().filter(|c| search.matches(c)).collect();
                let ticked = in_domain.iter().filter(|c| selected.contains(&c.code)).count();
                if shown.is_empty() {
                    return html! {};
                }
                html! {
                    <div class="govuk-form-group">
                        <fieldset class="govuk-fieldset">
                            <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                                { &d.name }
                                <span class="govuk-caption-m app-domain-count">{ format!("{ticked} ticked") }</span>
                            </legend>
                            <div class="govuk-checkboxes govuk-checkboxes--small">
                                { for shown.iter().map(|c| {
                                    let code = c.code.clone();
                                    let onchange = p.edit(move |a, on: bool| a.toggle_concern(&code, on));
                                    let id = format!("concern-{}", c.code.replace('.', "-"));
                                    let follow_up = c.follow_up.as_ref().filter(|_| selected.contains(&c.code)).map(|f| {
                                        let code = c.code.clone();
                                        let guidance = p.guidance.clone();
                                        let onchange = p.edit(move |a, v: String| a.answer_follow_up(&guidance, &code, v == "yes"));
                                        let answer = answers.follow_up_answer(g, &c.code);
                                        html! {
                                            <div class="govuk-checkboxes__conditional app-follow-up">
                                                <Radios id={match follow_ups.iter().position(|x| *x == c.code) {
                                                        Some(0) | None => "follow-up".to_string(),
                                                        Some(i) => format!("follow-up-{}", i + 1),
                                                    }} legend={f.question.clone()} inline=true
                                                    options={vec![ChoiceOption::new("yes", "Yes"), ChoiceOption::new("no", "No")]}
                                                    selected={answer.map(|y| if y { "yes" } else { "no" }.to_string())}
                                                    error={error_for(errors, "follow-up")} {onchange} />
                                            </div>
                                        }
                                    });
                                    html! {
                                        <Checkbox id={id} value={c.code.clone()} label={c.text.clone()}
                                            checked={selected.contains(&c.code)} {onchange}>
                                            if let Some(f) = follow_up { { f } }
                                            if !c.examples.is_empty() {
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
                                        </Checkbox>
                                    }
                                }) }
                            </div>
                        </fieldset>
                    </div>
                }
            }) }
            if total_shown == 0 {
                <p class="govuk-body">{ "No concerns match your search. Try another word, or clear the search to see them all." }</p>
            }
        </>
    }
}

#[function_component(ConcernsPage)]
pub fn concerns_page(p: &PageProps) -> Html {
    html! {
        <Question page={p.clone()}>
            <ConcernFields page={p.clone()} />
        </Question>
    }
}
