//! Every page: one component per step of the flow, and the start, restart and guidance
//! error pages. Step pages get the session (with its guidance) and the dispatcher; none keeps
//! state of its own beyond what the page needs while open.

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

pub use check::CheckPage;
pub use child::ChildPage;
pub use concerns::ConcernsPage;
pub use expert::ExpertPage;
pub use guidance_error::GuidanceErrorPage;
pub use outcome::OutcomePage;
pub use questions::{AudiencePage, EmergencyPage, SafetyPage};
pub use restart::RestartConfirm;
pub use sibling::SiblingNote;
pub use start::StartPage;
pub use stops::{NoConcernsPage, NotAChildPage};
pub use strengths::StrengthsPage;
pub use views::ViewsPage;

use crate::flow::{Edit, Msg, Session};
use std::rc::Rc;
use yew::prelude::*;

/// What every page is given: the session (with the guidance its answers are for) and
/// the dispatcher.
#[derive(Properties, Clone, PartialEq)]
pub struct PageProps {
    pub flow: Rc<Session>,
    pub dispatch: Callback<Msg>,
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

/// The frame of a question page: Back link, error summary, the fields, Continue.
#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub page: PageProps,
    pub children: Html,
    #[prop_or(AttrValue::Static("Continue"))]
    pub continue_label: AttrValue,
    /// The concerns page: a sibling's carried concerns are shown there ticked.
    #[prop_or_default]
    pub on_concerns: bool,
}

#[function_component(Question)]
pub fn question(props: &QuestionProps) -> Html {
    let p = &props.page;
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
                    <SiblingNote flow={p.flow.clone()} on_concerns={props.on_concerns} />
                    <form novalidate=true {onsubmit}>
                        { props.children.clone() }
                        <button type="submit" class="govuk-button">{ &props.continue_label }</button>
                    </form>
                </div>
            </div>
        </>
    }
}
