//! "Child 2 in this family" (issue 16, siblings): on each page of a sibling's case, which
//! child this is and what was carried over from the child before, so the practitioner
//! sees at once that some answers are already given, and which.

use crate::flow::Session;
use yew::prelude::*;

/// Nothing for the first child of a family. `on_concerns`: on the concerns page the
/// carried concerns are shown ticked: say so, not list them.
pub fn sibling_note(flow: &Session, on_concerns: bool) -> Html {
    let family = &flow.answers.family;
    let child = family.child();
    if child < 2 {
        return Html::default();
    }
    let g = &flow.guidance;
    let before = child - 1;
    let carried: Vec<String> = family
        .carried
        .iter()
        .filter_map(|code| g.concern(code).map(|c| c.text.clone()))
        .collect();
    let consent = flow.answers.consent.map(|c| c.label());
    // The list where the child's case begins (and in expert mode, all on one page); later
    // pages only say which child this is, as check your answers lists the concerns anyway.
    let first_pages = matches!(
        flow.step,
        crate::flow::Step::Safety | crate::flow::Step::Child | crate::flow::Step::Expert
    );
    let what = if on_concerns {
        (!carried.is_empty()).then(|| {
            format!("The concerns about the whole family are carried over from child {before} and ticked below. Untick any that do not apply to this child.")
        })
    } else if carried.is_empty() || !first_pages {
        None
    } else {
        Some(format!("Carried over from child {before}:"))
    };
    html! {
        <div class="govuk-inset-text app-sibling" data-child={child.to_string()}>
            <p class="govuk-body"><strong>{ format!("Child {child} in this family.") }</strong>{ " Answer about this child: their age and their own concerns are asked afresh." }</p>
            if let Some(what) = what {
                <p class="govuk-body">{ what }</p>
            }
            if first_pages && !carried.is_empty() {
                <ul class="govuk-list govuk-list--bullet app-sibling-carried">
                    { for carried.iter().map(|t| html! { <li>{ t }</li> }) }
                </ul>
                <p class="govuk-body">{ if flow.step == crate::flow::Step::Expert {
                    "They are ticked below: untick any that do not apply to this child."
                } else {
                    "You can untick them on the concerns page if they do not apply to this child."
                } }</p>
            }
            if let (true, Some(consent)) = (first_pages, consent) {
                <p class="govuk-body app-sibling-consent">{ format!("The family's consent, also carried over: {consent}.") }</p>
            }
        </div>
    }
}
