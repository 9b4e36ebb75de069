//! The root components: `App` loads the guidance; `Triage` holds the flow, keeps the draft,
//! follows the browser's Back and Forward buttons (standalone only) and shows each step.

use super::chooser::{self, GuidanceChooser};
use super::draft_store;
use super::layout::{Frame, GuidanceInfo};
use super::loader::LoadState;
use super::pages::*;
use super::widget::Widget;
use crate::engine::case::Case;
use crate::flow::{Answers, Draft, Mode, Msg, Session, Step};
use crate::guidance::{contact_keys, Guidance, SharedGuidance};
use crate::record::DecisionRecord;
use crate::vocabulary::Audience;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// The standalone page's draft key. Embedded widgets get their own keys.
pub const STANDALONE_DRAFT_KEY: &str = "front-door-triage:draft";

/// How the standalone app names a shipped file on its error page.
fn source(file: &str) -> String {
    format!("the guidance file {file}")
}

#[function_component(App)]
pub fn app() -> Html {
    let file =
        use_state(|| chooser::stored_choice().unwrap_or_else(|| chooser::DEFAULT_FILE.to_string()));
    // The built-in guidance needs no fetch: load it now, so the first render is the page
    // itself rather than "Loading" and another turn of the scheduler.
    let loaded = use_state(|| match file.as_str() {
        chooser::DEFAULT_FILE => {
            LoadState::from_result(source(chooser::DEFAULT_FILE), Guidance::embedded_default())
        }
        _ => LoadState::Loading,
    });
    let choosing = use_state(|| false);
    {
        let loaded = loaded.clone();
        let first = use_mut_ref(|| true);
        use_effect_with((*file).clone(), move |file| {
            let initial = std::mem::replace(&mut *first.borrow_mut(), false);
            if initial && file == chooser::DEFAULT_FILE {
                return; // loaded above
            }
            let file = file.clone();
            loaded.set(LoadState::Loading);
            wasm_bindgen_futures::spawn_local(async move {
                loaded.set(LoadState::from_result(
                    source(&file),
                    chooser::load(&file).await,
                ));
            });
        });
    }
    let choose = {
        let file = file.clone();
        let choosing = choosing.clone();
        Callback::from(move |chosen: String| {
            // Answers only mean something against the guidance they were given for.
            draft_store::clear(STANDALONE_DRAFT_KEY);
            chooser::store_choice(&chosen);
            choosing.set(false);
            file.set(chosen);
        })
    };
    if *choosing {
        let cancel = {
            let choosing = choosing.clone();
            Callback::from(move |()| choosing.set(false))
        };
        return html! { <GuidanceChooser current={(*file).clone()} on_choose={choose} on_cancel={cancel} /> };
    }
    match &*loaded {
        LoadState::Loading => html! {
            <div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
                <p class="govuk-body" role="status">{ "Loading the guidance…" }</p>
            </main></div>
        },
        LoadState::Failed {
            heading,
            source,
            problems,
        } => {
            let fallback = choose.reform(|_: MouseEvent| chooser::DEFAULT_FILE.to_string());
            html! {
                <>
                    { guidance_error_page(heading, source, problems, false) }
                    <div class="govuk-width-container">
                        <button type="button" class="govuk-button" onclick={fallback}>{ "Use the built-in guidance instead" }</button>
                    </div>
                </>
            }
        }
        LoadState::Ready(g) => {
            let on_choose_guidance = {
                let choosing = choosing.clone();
                Callback::from(move |()| choosing.set(true))
            };
            standalone(g, on_choose_guidance)
        }
    }
}

/// The standalone app once its guidance is loaded. The build renders this same view for
/// `index.html` (`web::prerender`), so the page shown before the wasm arrives is the one
/// the app then draws.
pub(super) fn standalone(g: &SharedGuidance, on_choose_guidance: Callback<()>) -> Html {
    html! {
        <Triage key={g.sha256().to_string()} guidance={g.clone()} storage_key={STANDALONE_DRAFT_KEY}
            use_history=true on_choose_guidance={Some(on_choose_guidance)} />
    }
}

#[derive(Properties, Clone, PartialEq)]
pub struct TriageProps {
    pub guidance: SharedGuidance,
    pub storage_key: AttrValue,
    /// Standalone: steps are browser history entries. Embedded: never touch the host's.
    #[prop_or_default]
    pub use_history: bool,
    #[prop_or_default]
    pub audience: Option<Audience>,
    /// The host's choice of guided or expert mode (the standalone app asks instead).
    #[prop_or_default]
    pub mode: Option<Mode>,
    #[prop_or_default]
    pub initial_case: Option<Case>,
    #[prop_or_default]
    pub on_record: Callback<DecisionRecord>,
    /// Standalone: offer "Change guidance" on the start page.
    #[prop_or_default]
    pub on_choose_guidance: Option<Callback<()>>,
    /// Embedded widgets' id prefix; empty standalone.
    #[prop_or_default]
    pub id_prefix: AttrValue,
}

/// The flow to open with: the stored draft, else the host's prefill, else a blank start.
fn initial_flow(props: &TriageProps) -> (Session, Option<&'static str>) {
    let preset = props.audience.is_some();
    let shared = &props.guidance;
    let fresh = || {
        let answers = Answers {
            audience: props.audience,
            mode: props.mode.unwrap_or_default(),
            ..Answers::default()
        };
        match &props.initial_case {
            Some(case) => {
                let mut a = Answers::from_case(case);
                a.audience = props.audience.or(Some(case.audience));
                a.mode = props.mode.unwrap_or(a.mode);
                Session::new(shared.clone(), a, Step::Check, preset)
            }
            None => Session::new(shared.clone(), answers, Step::Start, preset),
        }
    };
    match draft_store::load(&props.storage_key, &props.guidance) {
        Ok(Some(draft)) => {
            let mut flow = Session::new(shared.clone(), draft.answers, draft.step, preset);
            flow.returning = draft.returning;
            (flow, None)
        }
        Ok(None) => (fresh(), None),
        Err(problem) => (fresh(), Some(problem.notice())),
    }
}

// Through the text form the draft already reads and writes: `serde_json::Value`'s own
// deserialiser would add a copy of every type's reader to the wasm (issue 14).
fn step_code(step: Step) -> String {
    serde_json::to_string(&step)
        .map(|quoted| quoted.trim_matches('"').to_owned())
        .unwrap_or_default()
}

fn step_from_code(code: &str) -> Option<Step> {
    crate::problem::read_json(&format!("\"{code}\""))
}

#[function_component(Triage)]
pub fn triage(props: &TriageProps) -> Html {
    let root = use_node_ref();
    let widget = use_memo((), |_| Widget {
        prefix: props.id_prefix.as_str().into(),
        root: root.clone(),
        embedded: !props.use_history,
    });
    let init = use_memo((), |_| initial_flow(props));
    let notice = use_state(|| init.1);
    let flow = use_reducer(|| init.0.clone());
    // One callback for the whole session: made once, so a view that keeps it (a concern's
    // row) sees the same props from render to render and is not drawn again.
    let dispatch = {
        let flow = flow.dispatcher();
        let notice = notice.setter();
        (*use_memo((), move |_| {
            Callback::from(move |msg: Msg| {
                if matches!(msg, Msg::Continue | Msg::Restart | Msg::NextChild) {
                    notice.set(None);
                }
                flow.dispatch(msg)
            })
        }))
        .clone()
    };

    // Keep the draft: every change, in this tab only. A blank start leaves nothing stored.
    {
        let key = props.storage_key.clone();
        let guidance = props.guidance.clone();
        let audience = props.audience;
        use_effect_with(flow.clone(), move |flow| {
            let blank = Answers {
                audience,
                ..Answers::default()
            };
            if flow.step == Step::Start && flow.answers == blank {
                draft_store::clear(&key);
            } else {
                let draft = Draft::new(&guidance, flow.step, flow.returning, flow.answers.clone());
                draft_store::save(&key, &draft);
            }
        });
    }

    // Standalone, closing the tab with answers given and no decision recorded asks first:
    // the answers live in this tab only. A reload keeps them, so it asks too, harmlessly.
    {
        let unsaved = use_mut_ref(|| false);
        *unsaved.borrow_mut() = !flow.answers.is_blank() && flow.answers.recorded_at.is_none();
        let use_history = props.use_history;
        use_effect_with((), move |_| {
            let listener = use_history.then(|| {
                // Not passive, or the browser ignores preventDefault.
                gloo::events::EventListener::new_with_options(
                    &gloo::utils::window(),
                    "beforeunload",
                    gloo::events::EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        if *unsaved.borrow() {
                            event.prevent_default();
                            let _ = js_sys::Reflect::set(
                                event,
                                &JsValue::from_str("returnValue"),
                                &JsValue::from_str("Your answers are not recorded."),
                            );
                        }
                    },
                )
            });
            move || drop(listener)
        });
    }

    // The tab's title (standalone): the page, and whether it shows errors.
    {
        let use_history = props.use_history;
        let key = (flow.step, !flow.errors.is_empty());
        use_effect_with(key, move |&(step, has_errors)| {
            if use_history {
                gloo::utils::document().set_title(&step.tab_title(has_errors));
            }
        });
    }

    // Each step: a history entry (standalone), and focus at the top.
    {
        let use_history = props.use_history;
        let step = flow.step;
        let first = use_mut_ref(|| true);
        let widget = (*widget).clone();
        use_effect_with(step, move |&step| {
            let initial = std::mem::replace(&mut *first.borrow_mut(), false);
            let window = gloo::utils::window();
            if use_history {
                if let Ok(history) = window.history() {
                    let code = JsValue::from_str(&step_code(step));
                    let current = history.state().ok().and_then(|s| s.as_string());
                    if initial {
                        let _ = history.replace_state(&code, "");
                    } else if current.as_deref() != Some(step_code(step).as_str()) {
                        let _ = history.push_state(&code, "");
                    }
                }
            }
            if !initial {
                widget.focus_heading();
            }
        });
    }
    {
        let dispatch = dispatch.clone();
        let use_history = props.use_history;
        use_effect_with((), move |_| {
            let listener = use_history.then(|| {
                gloo::events::EventListener::new(&gloo::utils::window(), "popstate", move |event| {
                    let state = event
                        .dyn_ref::<web_sys::PopStateEvent>()
                        .and_then(|e| e.state().as_string());
                    if let Some(step) = state.as_deref().and_then(step_from_code) {
                        dispatch.emit(Msg::Show(step));
                    }
                })
            });
            move || drop(listener)
        });
    }

    let g = props.guidance.clone();
    let page = PageProps {
        flow: Rc::new((*flow).clone()),
        dispatch: dispatch.clone(),
        widget: (*widget).clone(),
    };
    let on_restart = (flow.step != Step::Start).then(|| dispatch.reform(|()| Msg::AskRestart));
    let body = if flow.confirming_restart {
        restart_confirm(&dispatch)
    } else {
        match flow.step {
            Step::Start => html! {
                <StartPage authority={g.file().authority.name.clone()}
                    guidance_title={format!("{}, version {}", g.file().title, g.version())}
                    front_door={g.contact(contact_keys::FRONT_DOOR).map(|c| format!("{} on {}", c.name, c.phone)).unwrap_or_default()}
                    on_start={dispatch.reform(|()| Msg::Continue)}
                    on_choose_guidance={props.on_choose_guidance.clone()} />
            },
            Step::Outcome => {
                html! { <OutcomePage page={page} on_record={props.on_record.clone()} /> }
            }
            Step::Expert => html! { <ExpertPage ..page /> },
            step => html! { <StepPage key={step_code(step)} {step} {page} /> },
        }
    };
    let notice_id = widget.id("draft-notice-title");
    html! {
        <ContextProvider<Widget> context={(*widget).clone()}>
        <div ref={root} class="app-root">
        <Frame guidance={GuidanceInfo::of(&g)} {on_restart}>
            if let Some(text) = *notice {
                <div class="govuk-notification-banner" role="region" aria-labelledby={notice_id.clone()}>
                    <div class="govuk-notification-banner__header">
                        <h2 class="govuk-notification-banner__title" id={notice_id.clone()}>{ "Important" }</h2>
                    </div>
                    <div class="govuk-notification-banner__content">
                        <p class="govuk-notification-banner__heading">{ text }</p>
                    </div>
                </div>
            }
            { body }
        </Frame>
        </div>
        </ContextProvider<Widget>>
    }
}
