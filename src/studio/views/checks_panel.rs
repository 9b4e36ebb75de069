//! The checks panel beside every page: each `check` problem and `lint` finding, linked to
//! the field or rule row it is about, and the case suite's count. Shown again after every
//! edit; an invariant break's smallest case opens in the preview.

use super::super::app::{Action, Ctx};
use super::super::nav::Page;
use crate::authoring::lint::{Finding, Severity};
use yew::prelude::*;

pub fn panel(ctx: &Ctx) -> Html {
    let Some(checks) = ctx.checks.as_deref() else {
        return html! {
            <>
                <h2 class="govuk-heading-m" id="checks-heading">{ "Checks" }</h2>
                <p class="govuk-body" role="status">{ "Checking…" }</p>
            </>
        };
    };
    let report = &checks.report;
    let summary = format!(
        "{} {}, {} {}",
        report.errors(),
        if report.errors() == 1 {
            "error"
        } else {
            "errors"
        },
        report.warnings(),
        if report.warnings() == 1 {
            "warning"
        } else {
            "warnings"
        },
    );
    let suite = match (&ctx.state.suite, &checks.suite) {
        (Some(_), Some(r)) => format!("Cases: {} passed, {} failed", r.passed, r.failures.len()),
        (Some(_), None) => "Cases: not run while the file has errors".into(),
        (None, _) => "Cases: no suite loaded".into(),
    };
    html! {
        <>
            <h2 class="govuk-heading-m" id="checks-heading">{ "Checks" }</h2>
            <div role="status" id="checks-status" data-revision={checks.revision.to_string()} data-current={ctx.checks_current().to_string()}
                data-elapsed-ms={format!("{:.1}", checks.elapsed_ms)}>
                <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{ summary }</p>
                <p class="govuk-body-s">
                    <a class="govuk-link" href="#" onclick={ctx.go(Page::Cases, None)}>{ suite }</a>
                </p>
            </div>
            <ul class="govuk-list" id="checks-findings">
                { for report.findings.iter().map(|f| finding(ctx, f)) }
            </ul>
        </>
    }
}

fn finding(ctx: &Ctx, f: &Finding) -> Html {
    let tag = match f.severity {
        Severity::Error => html! { <strong class="govuk-tag govuk-tag--red">{ "Error" }</strong> },
        Severity::Warning => {
            html! { <strong class="govuk-tag govuk-tag--yellow">{ "Warning" }</strong> }
        }
    };
    let example = f.example.as_ref().map(|e| {
        let case = e.case.clone();
        html! {
            <>
                <p class="govuk-body-s">{ format!("Smallest case: {}. {}", e.in_words, e.outcome) }</p>
                <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
                    onclick={ctx.on(move || Action::PreviewCase(case.clone()))}>{ "Open this case in the preview" }</button>
            </>
        }
    });
    html! {
        <li class="govuk-!-margin-bottom-4" data-kind={f.kind.code()}>
            { tag }{ " " }
            <a class="govuk-link govuk-body-s" href="#" onclick={ctx.go_to_path(&f.path)}>{ f.path.clone() }</a>
            <p class="govuk-body-s govuk-!-margin-bottom-1">{ f.message.clone() }</p>
            { for example }
        </li>
    }
}

/// The findings under one path, above the form for it (error summary style when any is
/// an error).
pub fn findings_for(ctx: &Ctx, prefix: &str) -> Html {
    let Some(checks) = ctx.checks.as_deref() else {
        return html! {};
    };
    let found: Vec<&Finding> = checks
        .report
        .findings
        .iter()
        .filter(|f| {
            f.path == prefix
                || f.path.starts_with(&format!("{prefix}."))
                || f.path.starts_with(&format!("{prefix}["))
        })
        .collect();
    if found.is_empty() {
        return html! {};
    }
    html! {
        <div class="govuk-error-summary" tabindex="-1">
            <div role="alert">
                <h2 class="govuk-error-summary__title">{ "Checks found something here" }</h2>
                <div class="govuk-error-summary__body">
                    <ul class="govuk-list govuk-error-summary__list">
                        { for found.iter().map(|f| {
                            html! { <li><a href="#" onclick={ctx.go_to_path(&f.path)}>{ format!("{}: {}", f.path, f.message) }</a></li> }
                        }) }
                    </ul>
                </div>
            </div>
        </div>
    }
}
