//! The studio's root: one reducer over what is open and which page shows, the checks run
//! again after every edit, the draft saved, and Ctrl+Z / Ctrl+Shift+Z for undo and redo.

use super::checks::Checks;
use super::doc::{Doc, Edit, Origin};
use super::nav::Page;
use super::store::{self, Draft};
use super::views;
use crate::authoring::vignette::Suite;
use crate::engine::case::Case;
use crate::guidance::GuidanceFile;
use crate::problem::{parse_json, Problem};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The case suite the studio opens with: the project's decision-safety vignettes, written
/// for the shipped files (their cases are fictional).
pub const BUILT_IN_SUITE: &str = include_str!("../../tests/vignettes/safety.json");

/// How long after the last key typed the checks run. An edit made in one go (a button, a
/// radio) is checked at once.
const CHECK_AFTER_TYPING_MS: u32 = 120;

#[derive(Clone)]
pub struct LoadedSuite {
    pub name: String,
    pub text: Rc<str>,
    pub suite: Rc<Suite>,
}

/// What the model refused from a form field: the field's id, and why.
#[derive(Clone, PartialEq)]
pub struct FieldProblem {
    pub id: String,
    pub message: String,
}

#[derive(Clone, Default)]
pub struct State {
    pub doc: Option<Doc>,
    pub page: Page,
    /// The element to move focus to once the page shows (a rule row, a field).
    pub focus: Option<String>,
    /// Problems with a file that could not be opened, with where it came from.
    pub open_problems: Option<(String, Vec<Problem>)>,
    pub suite: Option<LoadedSuite>,
    pub suite_problem: Option<Problem>,
    /// Each lowered decision in the review has been acknowledged, for this revision.
    pub acknowledged: Option<u64>,
    /// The text of the JSON box being edited (an entry or a rule), and its problem.
    pub entry: Option<(String, Option<Problem>)>,
    /// A form field whose input the model refused.
    pub field_problem: Option<FieldProblem>,
    /// The text box being typed in, and its text as typed: drawn as typed (not as the
    /// model writes it back, trimmed and split) until it loses focus, so a space or a new
    /// line at the end is not taken away.
    pub field_text: Option<(String, String)>,
    /// The case the preview opens on, with the navigation that asked for it.
    pub preview_case: Option<(Case, u64)>,
    /// Counts navigations, so focus moves even when going to the same page again.
    pub moves: u64,
}

pub enum Action {
    Open {
        origin: String,
        text: String,
    },
    OpenFailed {
        origin: String,
        message: String,
    },
    Restore(Draft),
    Close,
    Edit(Edit),
    Seal,
    Undo,
    Redo,
    Go(Page, Option<String>),
    Suite {
        name: String,
        text: String,
    },
    Acknowledge(bool),
    EntryText(Option<(String, Option<Problem>)>),
    FieldProblem(Option<FieldProblem>),
    FieldText(Option<(String, String)>),
    /// Opens the preview on this case (an invariant break's smallest case).
    PreviewCase(Case),
    /// Adds a case decided in the preview to the suite, expecting the pathway it got.
    SaveCase {
        case: serde_json::Value,
        pathway: String,
    },
}

impl State {
    /// A case suite, loaded or added to: it replaces the one before, and clears its problem.
    fn load_suite(&mut self, name: String, text: String, suite: Suite) {
        self.suite = Some(LoadedSuite {
            name,
            text: text.into(),
            suite: Rc::new(suite),
        });
        self.suite_problem = None;
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Open { origin, text } => match parse_json::<GuidanceFile>(&text) {
                Ok(file) => {
                    s.doc = Some(Doc::new(Origin { name: origin }, text, file));
                    s.open_problems = None;
                    s.page = Page::Home;
                    s.focus = None;
                    s.moves += 1;
                }
                Err(p) => s.open_problems = Some((origin, vec![p])),
            },
            Action::OpenFailed { origin, message } => {
                s.open_problems = Some((origin, vec![Problem::new("$", message)]));
            }
            Action::Restore(d) => {
                if let Ok(file) = parse_json::<GuidanceFile>(&d.text) {
                    let origin = Origin { name: d.origin };
                    // The draft is one step of undo from the file as opened.
                    let doc = match parse_json::<GuidanceFile>(&d.opened_text) {
                        Ok(opened) => {
                            let mut doc = Doc::new(origin, d.opened_text, opened);
                            doc.apply(&Edit::new("restore", move |f| *f = file.clone()));
                            doc.seal();
                            doc
                        }
                        Err(_) => Doc::new(origin, d.opened_text, file),
                    };
                    s.doc = Some(doc);
                    s.page = Page::Home;
                    s.moves += 1;
                }
            }
            Action::Close => {
                s.doc = None;
                s.page = Page::Home;
                s.acknowledged = None;
                s.entry = None;
                s.field_problem = None;
                s.field_text = None;
            }
            Action::Edit(e) => {
                if let Some(doc) = s.doc.as_mut() {
                    doc.apply(&e);
                }
            }
            Action::Seal => {
                if let Some(doc) = s.doc.as_mut() {
                    doc.seal();
                }
                s.field_text = None;
            }
            Action::Undo => {
                if let Some(doc) = s.doc.as_mut() {
                    doc.undo();
                    s.entry = None;
                    s.field_problem = None;
                    s.field_text = None;
                    s.field_text = None;
                }
            }
            Action::Redo => {
                if let Some(doc) = s.doc.as_mut() {
                    doc.redo();
                    s.entry = None;
                    s.field_problem = None;
                    s.field_text = None;
                    s.field_text = None;
                }
            }
            Action::Go(page, focus) => {
                s.page = page;
                s.focus = focus;
                s.entry = None;
                s.field_problem = None;
                s.field_text = None;
                s.moves += 1;
            }
            Action::Suite { name, text } => match Suite::from_json(&text) {
                Ok(suite) => s.load_suite(name, text, suite),
                Err(p) => s.suite_problem = Some(p),
            },
            Action::Acknowledge(yes) => {
                s.acknowledged = yes.then(|| s.doc.as_ref().map_or(0, |d| d.revision));
            }
            Action::EntryText(entry) => s.entry = entry,
            Action::FieldProblem(problem) => s.field_problem = problem,
            Action::FieldText(text) => s.field_text = text,
            Action::SaveCase { case, pathway } => {
                let text = s
                    .suite
                    .as_ref()
                    .map_or(r#"{"vignettes": []}"#.into(), |l| l.text.to_string());
                match with_saved_case(&text, case, &pathway)
                    .and_then(|t| Suite::from_json(&t).map(|suite| (t, suite)))
                {
                    Ok((text, suite)) => {
                        let name =
                            s.suite
                                .as_ref()
                                .map_or("cases saved from the preview".into(), |l| {
                                    if l.name.ends_with("saved from the preview") {
                                        l.name.clone()
                                    } else {
                                        format!("{}, with cases saved from the preview", l.name)
                                    }
                                });
                        s.load_suite(name, text, suite);
                    }
                    Err(p) => s.suite_problem = Some(p),
                }
            }
            Action::PreviewCase(case) => {
                s.preview_case = Some((case, s.moves + 1));
                s.page = Page::Preview;
                s.focus = None;
                s.moves += 1;
            }
        }
        Rc::new(s)
    }
}

/// What every view gets: the state, the latest checks, and a way to act.
#[derive(Clone)]
pub struct Ctx {
    pub state: UseReducerHandle<State>,
    pub checks: Option<Rc<Checks>>,
    pub dispatch: UseReducerDispatcher<State>,
}

impl Ctx {
    pub fn doc(&self) -> &Doc {
        self.state
            .doc
            .as_ref()
            .expect("views other than open have a document")
    }

    pub fn send(&self, action: Action) {
        self.dispatch.dispatch(action);
    }

    /// A callback that does `action` (made fresh for each click).
    pub fn on<E>(&self, action: impl Fn() -> Action + 'static) -> Callback<E> {
        let d = self.dispatch.clone();
        Callback::from(move |_| d.dispatch(action()))
    }

    /// A link's click that goes to `page` without touching the URL.
    pub fn go(&self, page: Page, focus: Option<String>) -> Callback<MouseEvent> {
        let d = self.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            d.dispatch(Action::Go(page.clone(), focus.clone()));
        })
    }

    /// A link's click that goes to the page and field a `$.path` is about. Found when
    /// clicked, not when drawn: findings are drawn after every edit, and locating one
    /// reads its section of the file as JSON.
    pub fn go_to_path(&self, path: &str) -> Callback<MouseEvent> {
        let (state, d, path) = (self.state.clone(), self.dispatch.clone(), path.to_string());
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            if let Some(doc) = state.doc.as_ref() {
                let (page, focus) = super::nav::locate(&path, &doc.file);
                d.dispatch(Action::Go(page, focus));
            }
        })
    }

    pub fn edit(&self, edit: Edit) {
        self.dispatch.dispatch(Action::Edit(edit));
    }

    /// A text box's value: as typed while it is being typed in, else as the model has it.
    pub fn field_value(&self, id: &str, model: impl FnOnce() -> String) -> String {
        match &self.state.field_text {
            Some((at, text)) if at == id => text.clone(),
            _ => model(),
        }
    }

    /// Keeps what was typed in a text box, to draw it as typed.
    pub fn typed_text(&self, id: &str, text: &str) {
        self.send(Action::FieldText(Some((id.to_string(), text.to_string()))));
    }

    /// Whether the checks shown are for the model as it is now.
    pub fn checks_current(&self) -> bool {
        match (&self.checks, &self.state.doc) {
            (Some(c), Some(d)) => c.revision == d.revision,
            _ => false,
        }
    }
}

#[function_component(Studio)]
pub fn studio() -> Html {
    let state = use_reducer(|| State {
        suite: built_in_suite(),
        ..State::default()
    });
    let checks = use_state(|| None::<Rc<Checks>>);
    let draft = use_state(|| None::<Draft>);

    // The draft kept from last time, offered on the open page.
    {
        let draft = draft.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                draft.set(store::load().await);
            });
        });
    }

    // After every edit: the checks, then the draft saved. Run after the page has drawn
    // the edit, so typing never waits for lint.
    {
        let checks = checks.clone();
        let draft = draft.clone();
        let key = (
            state
                .doc
                .as_ref()
                .map(|d| (d.revision, d.text.clone(), d.typing)),
            state.suite.as_ref().map(|s| s.text.clone()),
        );
        let state = state.clone();
        use_effect_with(key, move |(doc, _)| {
            let timer = doc.clone().map(|(revision, text, typing)| {
                let suite = state.suite.as_ref().map(|s| s.suite.clone());
                let origin = state.doc.as_ref().map(|d| d.origin.name.clone());
                let opened = state.doc.as_ref().map(|d| d.opened_text.clone());
                // While someone types, each key only redraws the field, and the checks run
                // once they pause (lint's searches take a while). Otherwise they run as soon
                // as the page has drawn the edit.
                let after = if typing { CHECK_AFTER_TYPING_MS } else { 0 };
                gloo::timers::callback::Timeout::new(after, move || {
                    let clock = || gloo::utils::window().performance().map_or(0.0, |p| p.now());
                    checks.set(Some(Rc::new(Checks::run(
                        revision,
                        &text,
                        suite.as_deref(),
                        clock,
                    ))));
                    if revision == 0 {
                        return; // nothing edited yet: nothing to keep
                    }
                    let kept = Draft {
                        origin: origin.unwrap_or_default(),
                        opened_text: opened.unwrap_or_default(),
                        text: text.to_string(),
                        saved_at: crate::web::export::now_rfc3339(),
                    };
                    wasm_bindgen_futures::spawn_local(async move {
                        if store::save(&kept).await.is_ok() {
                            draft.set(Some(kept));
                        }
                    });
                })
            });
            move || drop(timer)
        });
    }

    // Ctrl+Z and Ctrl+Shift+Z (Cmd on a Mac) undo and redo every edit, in any field.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = gloo::events::EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                gloo::events::EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if !(key.ctrl_key() || key.meta_key()) || key.alt_key() {
                        return;
                    }
                    match (key.key().to_lowercase().as_str(), key.shift_key()) {
                        ("z", false) => dispatch.dispatch(Action::Undo),
                        ("z", true) | ("y", false) => dispatch.dispatch(Action::Redo),
                        _ => return,
                    }
                    key.prevent_default();
                },
            );
            move || drop(listener)
        });
    }

    // Focus follows navigation: the element asked for, else the page's heading.
    {
        let key = (state.moves, state.focus.clone());
        use_effect_with(key, move |(_, focus)| {
            let doc = gloo::utils::document();
            // A group of radios or checkboxes is named by its container: its first box.
            let target = focus
                .as_deref()
                .and_then(|id| doc.get_element_by_id(id))
                .map(|el| match el.tag_name().as_str() {
                    "DIV" | "FIELDSET" => el
                        .query_selector("input, select, textarea")
                        .ok()
                        .flatten()
                        .unwrap_or(el),
                    _ => el,
                })
                .or_else(|| doc.query_selector("main h1").ok().flatten());
            if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = el.focus();
                el.scroll_into_view();
            }
        });
    }

    let ctx = Ctx {
        state: state.clone(),
        checks: (*checks).clone(),
        dispatch: state.dispatcher(),
    };
    let discard = {
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            let draft = draft.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let _ = store::discard().await;
                draft.set(None);
            });
        })
    };
    html! {
        <>
            { views::layout::header(&ctx) }
            <div class="govuk-width-container studio-wide">
                <main class="govuk-main-wrapper" id="main-content">
                    if state.doc.is_none() {
                        { views::open::page(&ctx, (*draft).clone(), discard) }
                    } else {
                        { views::layout::workspace(&ctx, discard) }
                    }
                </main>
            </div>
        </>
    }
}

/// The suite's text with one more case, expecting `pathway`; its id numbers it, and its
/// title says it is fictional, as every case in a suite must be.
fn with_saved_case(text: &str, case: serde_json::Value, pathway: &str) -> Result<String, Problem> {
    let mut suite: serde_json::Value = parse_json(text)?;
    let list = suite["vignettes"]
        .as_array_mut()
        .ok_or_else(|| Problem::new("$.vignettes", "the suite has no list of vignettes"))?;
    let n = list.len() + 1;
    list.push(serde_json::json!({
        "id": format!("studio-{n:03}"),
        "title": "Saved from the studio's preview (a fictional case)",
        "case": case,
        "expect": { "pathway": pathway },
    }));
    serde_json::to_string_pretty(&suite).map_err(|e| Problem::new("$", e.to_string()))
}

fn built_in_suite() -> Option<LoadedSuite> {
    let suite = Suite::from_json(BUILT_IN_SUITE).ok()?;
    Some(LoadedSuite {
        name: "the decision-safety cases (tests/vignettes/safety.json)".into(),
        text: BUILT_IN_SUITE.into(),
        suite: Rc::new(suite),
    })
}
