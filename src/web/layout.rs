//! The page frame shared by every step: skip link, service header, demo banner, footer.

use crate::guidance::contact_keys;
use crate::guidance::Guidance;
use crate::web::components::contact_line;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FrameProps {
    pub guidance: GuidanceInfo,
    pub children: Html,
    /// Shown as "Start again" in the header once the user has begun.
    #[prop_or_default]
    pub on_restart: Option<Callback<()>>,
}

/// What the frame shows of the guidance in use.
#[derive(Clone, PartialEq)]
pub struct GuidanceInfo {
    pub authority: String,
    pub title: String,
    pub version: String,
    pub demo_notice: Option<String>,
    /// Who to tell about a problem with the tool or the guidance (`contacts.feedback`).
    pub feedback: Option<crate::guidance::Contact>,
}

impl GuidanceInfo {
    pub fn of(g: &Guidance) -> Self {
        let file = g.file();
        GuidanceInfo {
            authority: file.authority.name.clone(),
            title: file.title.clone(),
            version: file.version.clone(),
            demo_notice: file.authority.demo.then(|| {
                file.authority
                    .demo_notice
                    .clone()
                    .unwrap_or_else(|| "Demonstration guidance: not for live use.".into())
            }),
            feedback: g.contact(contact_keys::FEEDBACK).cloned(),
        }
    }
}

#[function_component(Frame)]
pub fn frame(props: &FrameProps) -> Html {
    let g = &props.guidance;
    if crate::web::widget::use_widget().embedded {
        return embedded_frame(props);
    }
    html! {
        <>
            <a href="#main-content" class="govuk-skip-link">{ "Skip to main content" }</a>
            <header class="govuk-service-navigation" role="banner">
                <div class="govuk-width-container">
                    <div class="govuk-service-navigation__container">
                        <span class="govuk-service-navigation__service-name">
                            <span class="govuk-service-navigation__text">{ "Front Door Triage" }</span>
                        </span>
                        if let Some(on_restart) = &props.on_restart {
                            <ul class="govuk-service-navigation__list app-no-print">
                                <li class="govuk-service-navigation__item">
                                    <button type="button" class="govuk-service-navigation__link app-link-button"
                                        onclick={on_restart.reform(|_: MouseEvent| ())}>{ "Start again" }</button>
                                </li>
                            </ul>
                        }
                    </div>
                </div>
            </header>
            <div class="govuk-width-container">
                { demo_banner(g.demo_notice.as_deref()) }
                <main class="govuk-main-wrapper" id="main-content">
                    { props.children.clone() }
                </main>
            </div>
            <footer class="govuk-width-container app-footer">
                <p class="govuk-body-s">
                    { format!("{} · {} · version {}", g.authority, g.title, g.version) }
                </p>
                { footer_notes(g.feedback.as_ref()) }
            </footer>
        </>
    }
}

/// Inside a host page: no skip link, banner or main landmark of its own (the host has
/// those), just a labelled region with the same content.
fn embedded_frame(props: &FrameProps) -> Html {
    let g = &props.guidance;
    html! {
        <section class="app-embedded govuk-template__body" aria-label="Front Door Triage">
            <div class="app-embedded__bar">
                <span class="govuk-body-s govuk-!-font-weight-bold">{ "Front Door Triage" }</span>
                if let Some(on_restart) = &props.on_restart {
                    <button type="button" class="govuk-link app-link-button govuk-body-s app-no-print"
                        onclick={on_restart.reform(|_: MouseEvent| ())}>{ "Start again" }</button>
                }
            </div>
            { demo_banner(g.demo_notice.as_deref()) }
            <div class="app-embedded__main">{ props.children.clone() }</div>
            <div class="app-embedded__footer">
                <p class="govuk-body-s">
                    { format!("{} · {} · version {}", g.authority, g.title, g.version) }
                </p>
                { footer_notes(g.feedback.as_ref()) }
            </div>
        </section>
    }
}

/// The privacy notice, the accessibility statement and who to give feedback to, each
/// short enough to read where it is.
fn footer_notes(feedback: Option<&crate::guidance::Contact>) -> Html {
    let details = |summary: &str, body: Html| {
        html! {
            <details class="govuk-details app-footer__details">
                <summary class="govuk-details__summary">
                    <span class="govuk-details__summary-text">{ summary.to_string() }</span>
                </summary>
                <div class="govuk-details__text">{ body }</div>
            </details>
        }
    };
    html! {
        <div class="app-footer__notes">
            { details("Privacy notice", html! {
                <>
                    <p class="govuk-body-s">{ "Nothing you enter leaves this device. The tool runs entirely in your browser: it sends no answers anywhere, keeps no cookies, and asks for no names." }</p>
                    <p class="govuk-body-s">{ "Your answers are kept in this browser tab only, so a reload does not lose them, and are gone when the tab closes or you start again. A record leaves the page only when you copy, print or download it." }</p>
                </>
            }) }
            { details("Accessibility statement", html! {
                <>
                    <p class="govuk-body-s">{ "This tool aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. Every page is tested with automated accessibility checks and can be used with a keyboard alone; it works with screen readers and with text enlarged to 400%." }</p>
                    <p class="govuk-body-s">{ "If something does not work for you, tell us using the feedback contact below, and use the written guidance document or phone the front door meanwhile." }</p>
                </>
            }) }
            <p class="govuk-body-s app-footer__feedback">
                {
                    match feedback {
                        Some(c) => html! { <>{ "Feedback on this tool or the guidance: " }{ contact_line(&crate::engine::decision::Contact::from(c)) }</> },
                        None => html! { "Feedback on this tool or the guidance: tell your safeguarding partnership." },
                    }
                }
            </p>
        </div>
    }
}

/// "Not for live use", shown whenever the guidance is a demonstration.
fn demo_banner(notice: Option<&str>) -> Html {
    let Some(notice) = notice else {
        return html! {};
    };
    html! {
        <div class="govuk-phase-banner">
            <p class="govuk-phase-banner__content">
                <strong class="govuk-tag govuk-phase-banner__content__tag">{ "Not for live use" }</strong>
                <span class="govuk-phase-banner__text">{ notice.to_string() }</span>
            </p>
        </div>
    }
}
