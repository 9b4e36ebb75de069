//! The page frame shared by every step: skip link, service header, demo banner, footer.

use crate::guidance::Guidance;
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
                <DemoBanner notice={g.demo_notice.clone()} />
                <main class="govuk-main-wrapper" id="main-content">
                    { props.children.clone() }
                </main>
            </div>
            <footer class="govuk-width-container app-footer">
                <p class="govuk-body-s">
                    { format!("{} · {} · version {}", g.authority, g.title, g.version) }
                </p>
                <p class="govuk-body-s">
                    { "Everything you enter stays in this browser tab. Nothing is sent anywhere." }
                </p>
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
            <DemoBanner notice={g.demo_notice.clone()} />
            <div class="app-embedded__main">{ props.children.clone() }</div>
            <p class="govuk-body-s app-embedded__footer">
                { format!("{} · {} · version {}. Nothing you enter leaves this page.", g.authority, g.title, g.version) }
            </p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DemoBannerProps {
    notice: Option<String>,
}

/// "Not for live use", shown whenever the guidance is a demonstration.
#[function_component(DemoBanner)]
fn demo_banner(props: &DemoBannerProps) -> Html {
    let Some(notice) = &props.notice else {
        return html! {};
    };
    html! {
        <div class="govuk-phase-banner">
            <p class="govuk-phase-banner__content">
                <strong class="govuk-tag govuk-phase-banner__content__tag">{ "Not for live use" }</strong>
                <span class="govuk-phase-banner__text">{ notice }</span>
            </p>
        </div>
    }
}
