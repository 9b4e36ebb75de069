//! The case suite (`triage test`'s vignette format): loaded from a file or the built-in
//! decision-safety cases, run again after every edit, each failure shown as expected
//! against actual.

use super::super::app::{Action, Ctx, BUILT_IN_SUITE};
use super::super::files;
use yew::prelude::*;

pub fn page(ctx: &Ctx) -> Html {
    let on_file = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|l| l.get(0)) else {
                return;
            };
            let ctx = ctx.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                if let Ok(text) = files::read(file).await {
                    ctx.send(Action::Suite { name, text });
                }
            });
        })
    };
    let built_in = ctx.on(|| Action::Suite {
        name: "the decision-safety cases (tests/vignettes/safety.json)".into(),
        text: BUILT_IN_SUITE.into(),
    });
    let report = ctx.checks.as_deref().and_then(|c| c.suite.as_ref());
    html! {
        <>
            if let Some(p) = &ctx.state.suite_problem {
                { super::fields::problem_summary("The case suite could not be read", std::slice::from_ref(p), None) }
            }
            <h1 class="govuk-heading-l" tabindex="-1">{ "Cases" }</h1>
            <p class="govuk-body">{ "Cases with the decision your partnership expects, run again after every change. Cases in a suite are fictional: never put a real child's details in one." }</p>
            if let Some(s) = &ctx.state.suite {
                <p class="govuk-body">{ format!("Suite: {} ({} cases).", s.name, s.suite.vignettes.len()) }</p>
            }
            <div role="status" id="suite-result">
                if let Some(r) = report {
                    <p class="govuk-body govuk-!-font-weight-bold">{ format!("{} passed, {} failed", r.passed, r.failures.len()) }</p>
                } else {
                    <p class="govuk-body">{ "The cases run once the file has no errors." }</p>
                }
            </div>
            if let Some(r) = report.filter(|r| !r.failures.is_empty()) {
                <table class="govuk-table" id="suite-failures">
                    <caption class="govuk-table__caption govuk-table__caption--m">{ "Failed cases" }</caption>
                    <thead class="govuk-table__head"><tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">{ "Case" }</th>
                        <th scope="col" class="govuk-table__header">{ "Expected against actual" }</th>
                    </tr></thead>
                    <tbody class="govuk-table__body">
                        { for r.failures.iter().map(|f| html! {
                            <tr class="govuk-table__row" data-vignette={f.id.clone()}>
                                <th scope="row" class="govuk-table__header">{ format!("{}: {}", f.id, f.title) }</th>
                                <td class="govuk-table__cell">
                                    <ul class="govuk-list">{ for f.problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            <div class="govuk-form-group">
                <label class="govuk-label govuk-label--s" for="suite-file">{ "Load a case suite from this computer" }</label>
                <div class="govuk-hint" id="suite-file-hint">{ "The format of triage test: a .json file with vignettes." }</div>
                <input class="govuk-file-upload" id="suite-file" type="file" accept=".json,application/json" aria-describedby="suite-file-hint" onchange={on_file} />
            </div>
            <button type="button" class="govuk-button govuk-button--secondary" onclick={built_in}>{ "Use the built-in decision-safety cases" }</button>
        </>
    }
}
