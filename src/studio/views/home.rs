//! The task list: every part of the file, the cases, the preview, and review and export,
//! each with what the checks say about it now.

use super::super::app::{Action, Ctx};
use super::super::nav::{Page, Table, SECTIONS};
use yew::prelude::*;

pub fn page(ctx: &Ctx, discard: Callback<MouseEvent>) -> Html {
    let doc = ctx.doc();
    let file = &doc.file;
    let checks = ctx.checks.as_deref();
    // Problems under a path prefix, for each task's status tag.
    let count = |prefix: &str| {
        checks.map_or(0, |c| {
            c.report
                .findings
                .iter()
                .filter(|f| f.path.starts_with(prefix))
                .count()
        })
    };
    let item = |title: String, hint: String, page: Page, prefix: Option<&str>| {
        let n = prefix.map_or(0, count);
        let status = if n == 0 {
            html! { <div class="govuk-task-list__status">{ "No problems" }</div> }
        } else {
            html! { <div class="govuk-task-list__status"><strong class="govuk-tag govuk-tag--yellow">{ format!("{n} to look at") }</strong></div> }
        };
        html! {
            <li class="govuk-task-list__item govuk-task-list__item--with-link">
                <div class="govuk-task-list__name-and-hint">
                    <a class="govuk-link govuk-task-list__link" href="#" onclick={ctx.go(page, None)}>{ title }</a>
                    <div class="govuk-task-list__hint">{ hint }</div>
                </div>
                { status }
            </li>
        }
    };
    let suite = ctx.state.suite.as_ref();
    let suite_hint = match (suite, checks.and_then(|c| c.suite.as_ref())) {
        (Some(_), Some(r)) => format!("{} passed, {} failed", r.passed, r.failures.len()),
        (Some(s), None) => format!("{} cases", s.suite.vignettes.len()),
        (None, _) => "No case suite loaded".into(),
    };
    let close = {
        let discard = discard.clone();
        let ctx = ctx.clone();
        Callback::from(move |e: MouseEvent| {
            discard.emit(e);
            ctx.send(Action::Close);
        })
    };
    html! {
        <>
            <span class="govuk-caption-l">{ format!("Opened from {}", doc.origin.name) }</span>
            <h1 class="govuk-heading-l" tabindex="-1">{ file.title.clone() }</h1>
            <h2 class="govuk-heading-m">{ "The guidance" }</h2>
            <ul class="govuk-task-list">
                { item("Concerns".into(), format!("{} concerns: text, examples, level, flags, ages, sources and search words", file.concerns.len()), Page::Concerns, Some("$.concerns")) }
                { for Table::ALL.into_iter().map(|t| {
                    let n = match t { Table::Pathway => file.rules.pathway.len(), Table::Escalation => file.rules.escalation.len(), Table::Actions => file.rules.actions.len() };
                    let prefix = format!("$.rules.{}", t.key());
                    item(t.title().into(), format!("{n} rules"), Page::Rules(t), Some(prefix.as_str()))
                }) }
                { for SECTIONS.iter().map(|(key, title)| {
                    let prefix = if *key == "header" { "$.id".to_string() } else { format!("$.{key}") };
                    item((*title).into(), String::new(), Page::Section(key), Some(prefix.as_str()))
                }) }
            </ul>
            <h2 class="govuk-heading-m">{ "Test and publish" }</h2>
            <ul class="govuk-task-list">
                { item("Cases".into(), suite_hint, Page::Cases, None) }
                { item("Preview".into(), "The triage tool with this guidance".into(), Page::Preview, None) }
                { item("Review changes".into(), "Against the file as opened".into(), Page::Review, None) }
                { item("Export".into(), "The file, its SHA-256, the rules picture, the cases and the change log".into(), Page::Export, None) }
            </ul>
            <button type="button" class="govuk-button govuk-button--warning" onclick={close}>{ "Discard draft and close" }</button>
        </>
    }
}
