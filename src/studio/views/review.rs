//! The review page: what changed against the file as opened, what that does to decisions,
//! and the acknowledgement every lowered decision needs before export.

use super::super::app::{Action, Ctx};
use super::super::nav::Page;
use super::super::review::Review;
use crate::authoring::diff::CaseChange;
use crate::guidance::Guidance;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

thread_local! {
    /// The last review, by (file as opened, file now, suite): it decides thousands of
    /// cases, so it is worked out once per version, not once per drawing of the page.
    static LAST: RefCell<Option<(String, Rc<Review>)>> = const { RefCell::new(None) };
}

/// The review of the model now, if it passes `check` (else None: errors come first).
pub fn review(ctx: &Ctx) -> Option<Rc<Review>> {
    let checks = ctx.checks.as_deref()?;
    let now = checks.guidance.as_deref()?;
    let doc = ctx.doc();
    let opened = Guidance::from_json(&doc.opened_text).ok()?;
    let suite = ctx.state.suite.as_ref();
    let key = format!(
        "{}:{}:{}",
        opened.sha256(),
        now.sha256(),
        suite.map_or("", |s| s.name.as_str())
    );
    if let Some(r) = LAST.with(|l| {
        l.borrow()
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, r)| r.clone())
    }) {
        return Some(r);
    }
    let r = Rc::new(Review::new(&opened, now, suite.map(|s| &*s.suite)));
    LAST.with(|l| *l.borrow_mut() = Some((key, r.clone())));
    Some(r)
}

/// Whether export may go ahead: no errors, and every lowered decision acknowledged.
pub fn may_export(ctx: &Ctx) -> bool {
    let Some(checks) = ctx.checks.as_deref() else {
        return false;
    };
    if checks.errors() > 0 || !ctx.checks_current() {
        return false;
    }
    match review(ctx) {
        Some(r) => r.down.is_empty() || ctx.state.acknowledged == Some(ctx.doc().revision),
        None => false,
    }
}

pub fn page(ctx: &Ctx) -> Html {
    let errors = ctx.checks.as_deref().map_or(0, |c| c.errors());
    if errors > 0 {
        return html! {
            <>
                <h1 class="govuk-heading-l" tabindex="-1">{ "Review changes" }</h1>
                { warning(&format!("The file has {errors} {}. Fix {} in the checks panel before the review and export.", if errors == 1 { "error" } else { "errors" }, if errors == 1 { "it" } else { "them" })) }
            </>
        };
    }
    let Some(r) = review(ctx) else {
        return html! {
            <>
                <h1 class="govuk-heading-l" tabindex="-1">{ "Review changes" }</h1>
                <p class="govuk-body">{ "Checking…" }</p>
            </>
        };
    };
    let d = &r.diff;
    let acknowledged = ctx.state.acknowledged == Some(ctx.doc().revision);
    let on_ack = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let checked = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            ctx.send(Action::Acknowledge(checked));
        })
    };
    html! {
        <>
            <h1 class="govuk-heading-l" tabindex="-1">{ "Review changes" }</h1>
            <p class="govuk-body">{ format!("Against the file as opened ({}), version {} → {}.", ctx.doc().origin.name, d.old.version, d.new.version) }</p>
            if d.is_empty() {
                <p class="govuk-body" id="review-summary">{ "Nothing has changed: the file decides and says exactly what it did when opened." }</p>
            } else {
                <ul class="govuk-list govuk-list--bullet" id="review-summary">
                    <li>{ r.generated_summary() }</li>
                    <li>{ format!("{} {} of the suite change decision.", r.suite_changed, if r.suite_changed == 1 { "case" } else { "cases" }) }</li>
                    <li>{ format!("{} decisions go up and {} go down, over the suite, each concern on its own and the generated cases.", r.up.len(), r.down.len()) }</li>
                </ul>
            }
            if !r.down.is_empty() {
                { warning(&format!("{} {} lower a child's pathway. Check each one is what your partnership intends.", r.down.len(), if r.down.len() == 1 { "change would" } else { "changes would" })) }
                { changes("Goes down", "review-down", &r.down) }
                <div class="govuk-form-group">
                    <div class="govuk-checkboxes" data-module="govuk-checkboxes">
                        <div class="govuk-checkboxes__item">
                            <input class="govuk-checkboxes__input" id="review-acknowledge" type="checkbox" checked={acknowledged} onchange={on_ack} />
                            <label class="govuk-label govuk-checkboxes__label" for="review-acknowledge">{ "I have checked every lowered decision and it is intended" }</label>
                        </div>
                    </div>
                </div>
            }
            if !r.up.is_empty() {
                { changes("Goes up", "review-up", &r.up) }
            }
            if !d.changes.is_empty() {
                <h2 class="govuk-heading-m">{ "Codes and entries" }</h2>
                <dl class="govuk-summary-list" id="review-codes">
                    { for d.changes.iter().map(|c| html! {
                        <div class="govuk-summary-list__row">
                            <dt class="govuk-summary-list__key">{ format!("{}: {}", c.section, c.key) }</dt>
                            <dd class="govuk-summary-list__value">
                                { c.kinds.join(", ") }
                                { for c.fields.iter().map(|f| html! { <p class="govuk-body-s govuk-!-margin-bottom-0">{ format!("{}: {} → {}", f.field, f.before, f.after) }</p> }) }
                            </dd>
                        </div>
                    }) }
                </dl>
            }
            if !d.rules.is_empty() {
                <h2 class="govuk-heading-m">{ "Rules" }</h2>
                <dl class="govuk-summary-list" id="review-rules">
                    { for d.rules.iter().map(|c| html! {
                        <div class="govuk-summary-list__row">
                            <dt class="govuk-summary-list__key">{ format!("{} rule {}", c.table, c.id) }</dt>
                            <dd class="govuk-summary-list__value">{ c.kinds.join(", ") }</dd>
                        </div>
                    }) }
                </dl>
            }
            <a class="govuk-button" href="#" role="button" onclick={ctx.go(Page::Export, None)}>{ "Continue to export" }</a>
        </>
    }
}

/// How many changed cases a table shows; the change log has them all.
const SHOWN: usize = 15;

fn changes(title: &str, id: &str, list: &[CaseChange]) -> Html {
    let label = |p: Option<crate::vocabulary::Pathway>| p.map_or("no decision", |p| p.label());
    html! {
        <>
        <table class="govuk-table" id={id.to_string()}>
            <caption class="govuk-table__caption govuk-table__caption--m">{ format!("{title} ({})", list.len()) }</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">{ "Case" }</th>
                <th scope="col" class="govuk-table__header">{ "Before" }</th>
                <th scope="col" class="govuk-table__header">{ "After" }</th>
                <th scope="col" class="govuk-table__header">{ "Because" }</th>
            </tr></thead>
            <tbody class="govuk-table__body">
                { for list.iter().take(SHOWN).map(|c| html! {
                    <tr class="govuk-table__row" data-source={c.source}>
                        <td class="govuk-table__cell">{ if c.title.is_empty() { c.in_words.clone() } else { format!("{}: {}", c.id, c.title) } }</td>
                        <td class="govuk-table__cell">{ label(c.before.pathway) }</td>
                        <td class="govuk-table__cell">{ label(c.after.pathway) }</td>
                        <td class="govuk-table__cell">{ c.changed_by.join("; ") }</td>
                    </tr>
                }) }
            </tbody>
        </table>
        if list.len() > SHOWN {
            <p class="govuk-body">{ format!("{} more are listed in the change log (on the export page).", list.len() - SHOWN) }</p>
        }
        </>
    }
}

pub fn warning(text: &str) -> Html {
    html! {
        <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">{ "!" }</span>
            <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">{ "Warning" }</span>{ text.to_string() }
            </strong>
        </div>
    }
}
