//! Every page: one per step of the flow, and the start, restart and guidance error pages.
//! Step pages get the session (with its guidance) and the dispatcher; none keeps state of
//! its own beyond what the page needs while open. A page that needs no hook of its own is a
//! plain function drawn by [`StepPage`]; the start, outcome and expert pages, which keep
//! state or run effects, are components of their own.

mod check;
mod child;
mod concerns;
mod contact_record;
mod expert;
mod guidance_error;
mod outcome;
mod questions;
mod request_draft;
mod restart;
mod sibling;
mod start;
mod stops;
mod strengths;
mod views;

pub use expert::ExpertPage;
pub use guidance_error::guidance_error_page;
pub use outcome::OutcomePage;
pub use restart::restart_confirm;
pub use start::StartPage;

use crate::flow::{Edit, Msg, Session, Step};
use crate::web::widget::Widget;
use std::rc::Rc;
use yew::prelude::*;

/// What every page is given: the session (with the guidance its answers are for), the
/// dispatcher, and the widget it is drawn in (for ids), so that fields can be plain
/// functions rather than components that each read the widget's context (issue 14).
#[derive(Properties, Clone, PartialEq)]
pub struct PageProps {
    pub flow: Rc<Session>,
    pub dispatch: Callback<Msg>,
    pub widget: Widget,
}

impl PageProps {
    /// A field's callback: its value as one edit of the answers. A value that names no
    /// answer (`None`) changes nothing.
    pub fn edit<T: 'static, E: Into<Option<Edit>>>(
        &self,
        to_edit: impl Fn(T) -> E + 'static,
    ) -> Callback<T> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |value: T| {
            if let Some(edit) = to_edit(value).into() {
                dispatch.emit(Msg::Edit(edit));
            }
        })
    }

    pub fn send(&self, msg: fn() -> Msg) -> Callback<()> {
        self.dispatch.reform(move |()| msg())
    }
}

/// A step page drawn by a plain function. Every such page shares this one component, so
/// Yew's per-component code is in the wasm once, not once a page (issue 14). Give it the
/// step as its `key`: a new step then replaces the page, never patches the last one's
/// fields into it.
#[derive(Properties, PartialEq)]
pub struct StepPageProps {
    pub page: PageProps,
    pub step: Step,
}

#[function_component(StepPage)]
pub fn step_page(props: &StepPageProps) -> Html {
    let p = &props.page;
    match props.step {
        Step::Audience => questions::audience_page(p),
        Step::Safety => questions::safety_page(p),
        Step::Emergency => questions::emergency_page(p),
        Step::Child => child::child_page(p),
        Step::NotAChild => stops::not_a_child_page(p),
        Step::Concerns => concerns::concerns_page(p),
        Step::NoConcerns => stops::no_concerns_page(p),
        Step::Strengths => strengths::strengths_page(p),
        Step::Views => views::views_page(p),
        Step::Check => check::check_page(p),
        // Pages with state of their own are components: the app draws them itself.
        Step::Start | Step::Outcome | Step::Expert => Html::default(),
    }
}

/// The frame of a question page: Back link, error summary, the fields, Continue.
pub fn question(p: &PageProps, fields: Html) -> Html {
    question_with(p, "Continue", false, fields)
}

/// [`question`] with its own button label; `on_concerns` for the concerns page, where a
/// sibling's carried concerns are shown ticked.
pub fn question_with(
    p: &PageProps,
    continue_label: &'static str,
    on_concerns: bool,
    fields: Html,
) -> Html {
    let onsubmit = p.dispatch.reform(|e: SubmitEvent| {
        e.prevent_default();
        Msg::Continue
    });
    html! {
        <>
            { super::components::back_link(&p.send(|| Msg::Back)) }
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <super::components::ErrorSummary errors={p.flow.errors.clone()} attempt={p.flow.failed_submits} />
                    { sibling::sibling_note(&p.flow, on_concerns) }
                    <form novalidate=true {onsubmit}>
                        { fields }
                        <button type="submit" class="govuk-button">{ continue_label }</button>
                    </form>
                </div>
            </div>
        </>
    }
}
