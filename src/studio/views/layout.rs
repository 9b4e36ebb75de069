//! The frame of every page: the service header, and once a file is open, the toolbar
//! (undo, redo, tasks) above the page with the checks panel beside it.

use super::super::app::{Action, Ctx};
use super::super::nav::Page;
use super::{cases, checks_panel, concerns, entries, export, home, preview, review, rules};
use yew::prelude::*;

pub fn header(_ctx: &Ctx) -> Html {
    html! {
        <>
            <a href="#main-content" class="govuk-skip-link">{ "Skip to main content" }</a>
            <header class="govuk-service-navigation" role="banner">
                <div class="govuk-width-container">
                    <div class="govuk-service-navigation__container">
                        <span class="govuk-service-navigation__service-name">
                            <a href="/studio.html" class="govuk-service-navigation__link">{ "Guidance studio" }</a>
                        </span>
                        <ul class="govuk-service-navigation__list">
                            <li class="govuk-service-navigation__item">
                                <a class="govuk-service-navigation__link" href="/">{ "Front Door Triage" }</a>
                            </li>
                        </ul>
                    </div>
                </div>
            </header>
        </>
    }
}

pub fn workspace(ctx: &Ctx, discard: Callback<MouseEvent>) -> Html {
    let doc = ctx.doc();
    let page = &ctx.state.page;
    let body = match page {
        Page::Home => home::page(ctx, discard),
        Page::Concerns => concerns::list(ctx),
        Page::Rules(t) => rules::table(ctx, *t),
        Page::Rule(t, i) => rules::edit(ctx, *t, *i),
        Page::Section(key) => entries::section(ctx, key),
        Page::Entry(key, id) => entries::edit(ctx, key, id),
        Page::Cases => cases::page(ctx),
        Page::Preview => preview::page(ctx),
        Page::Review => review::page(ctx),
        Page::Export => export::page(ctx),
    };
    let undo = ctx.on(|| Action::Undo);
    let redo = ctx.on(|| Action::Redo);
    html! {
        <>
            // The model's revision: scripts/bench times a key typed until the page shows it.
            <div class="studio-toolbar" data-revision={doc.revision.to_string()}>
                if *page != Page::Home {
                    <a href="#" class="govuk-back-link" onclick={ctx.go(Page::Home, None)}>{ "Back to tasks" }</a>
                }
                <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button"
                    disabled={!doc.can_undo()} onclick={undo} aria-keyshortcuts="Control+Z">{ "Undo" }</button>
                <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button"
                    disabled={!doc.can_redo()} onclick={redo} aria-keyshortcuts="Control+Shift+Z">{ "Redo" }</button>
                <p class="govuk-body-s govuk-!-margin-bottom-0">
                    { format!("{} · version {}", doc.file.authority.name, doc.file.version) }
                    <span id="studio-changed">{ if doc.unchanged() { " · no changes since opened" } else { " · changed; the draft is kept in this browser" } }</span>
                </p>
            </div>
            <div class="studio-layout">
                <div class="studio-layout__main">{ body }</div>
                <aside class="studio-layout__side" aria-labelledby="checks-heading">
                    { checks_panel::panel(ctx) }
                </aside>
            </div>
        </>
    }
}
