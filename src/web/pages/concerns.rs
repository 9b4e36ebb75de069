//! What the user is worried about: the guidance's concerns, grouped by domain, with a
//! search that filters as you type and a count of ticked concerns per domain.

use super::{PageProps, Question};
use crate::flow::search::Query;
use crate::web::components::Checkbox;
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
    let total_shown = file.concerns.iter().filter(|c| search.matches(c)).count();
    let heading = if props.nested {
        html! { <h2 class="govuk-heading-l">{ "What are you worried about?" }</h2> }
    } else {
        html! { <h1 class="govuk-heading-l">{ "What are you worried about?" }</h1> }
    };
    html! {
        <>
            { heading }
            <p class="govuk-body">{ format!("Tick everything that applies. You have ticked {}.", selected.len()) }</p>
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
                let in_domain: Vec<_> = file.concerns.iter().filter(|c| c.domain == d.id).collect();
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
                                    html! {
                                        <Checkbox id={id} value={c.code.clone()} label={c.text.clone()}
                                            checked={selected.contains(&c.code)} {onchange}>
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
