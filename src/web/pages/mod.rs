//! One component per step of the flow. Each gets the guidance, the flow state and the
//! dispatcher; none keeps state of its own beyond what the page needs while open.

mod check;
mod child;
mod concerns;
mod expert;
mod outcome;
mod questions;
mod stops;
mod strengths;
mod views;

pub use check::CheckPage;
pub use child::ChildPage;
pub use concerns::ConcernsPage;
pub use expert::ExpertPage;
pub use outcome::OutcomePage;
pub use questions::{AudiencePage, EmergencyPage, SafetyPage};
pub use stops::{NoConcernsPage, NotAChildPage};
pub use strengths::StrengthsPage;
pub use views::ViewsPage;

use super::state::{Flow, Msg};
use crate::guidance::Guidance;
use std::rc::Rc;
use yew::prelude::*;

/// What every page is given.
#[derive(Properties, Clone)]
pub struct PageProps {
    pub guidance: Rc<Guidance>,
    pub flow: Rc<Flow>,
    pub dispatch: Callback<Msg>,
}

impl PartialEq for PageProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.guidance, &other.guidance) && self.flow == other.flow
    }
}

impl PageProps {
    /// A callback that edits the answers with `f` applied to the event's value.
    pub fn edit<T: 'static>(
        &self,
        f: impl Fn(&mut crate::flow::Answers, T) + 'static,
    ) -> Callback<T> {
        let f = Rc::new(f);
        self.dispatch.reform(move |value: T| {
            let f = f.clone();
            let value = Rc::new(std::cell::RefCell::new(Some(value)));
            Msg::Edit(Rc::new(move |a| {
                if let Some(v) = value.borrow_mut().take() {
                    f(a, v)
                }
            }))
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
            <super::components::BackLink onclick={p.send(|| Msg::Back)} />
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <super::components::ErrorSummary errors={p.flow.errors.clone()} attempt={p.flow.failed_submits} />
                    <form novalidate=true {onsubmit}>
                        { props.children.clone() }
                        <button type="submit" class="govuk-button">{ &props.continue_label }</button>
                    </form>
                </div>
            </div>
        </>
    }
}
