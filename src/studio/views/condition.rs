//! The condition builder: a rule's `when`, the whole rules language, as nested form
//! controls. Each part is a "Test" select and the fields that test needs; "All of" and
//! "Any of" hold a list of parts with "Add a condition" and "Remove", and "Not" holds one.
//! Every change is an edit of the model (undo follows it); the plain words above it and
//! the checks follow after each one. The tests offered are the ones the table may use.

use super::super::app::{Action, Ctx};
use super::super::doc::Edit;
use super::super::nav::Table;
use crate::guidance::condition::{Condition, CountAtLevel};
use crate::guidance::GuidanceFile;
use crate::vocabulary::{Audience, Consent, KnownToSocialCare, Pathway};
use std::rc::Rc;
use yew::prelude::*;

/// The tests of the rules language, as the builder's "Test" select lists them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    All,
    Any,
    Not,
    Always,
    ImmediateDanger,
    Unborn,
    NonMobile,
    DisabledOrSend,
    RepeatContact,
    ConcernAtLevel,
    CountAtLevel,
    Concern,
    AnyConcern,
    Flag,
    Domain,
    AgeBelow,
    AgeAtLeast,
    KnownToSocialCare,
    Consent,
    Audience,
    Pathway,
    Strength,
    StrengthsAtLeast,
}

impl Kind {
    const ALL: [Kind; 23] = [
        Kind::All,
        Kind::Any,
        Kind::Not,
        Kind::Always,
        Kind::ImmediateDanger,
        Kind::Unborn,
        Kind::NonMobile,
        Kind::DisabledOrSend,
        Kind::RepeatContact,
        Kind::ConcernAtLevel,
        Kind::CountAtLevel,
        Kind::Concern,
        Kind::AnyConcern,
        Kind::Flag,
        Kind::Domain,
        Kind::AgeBelow,
        Kind::AgeAtLeast,
        Kind::KnownToSocialCare,
        Kind::Consent,
        Kind::Audience,
        Kind::Pathway,
        Kind::Strength,
        Kind::StrengthsAtLeast,
    ];

    fn of(c: &Condition) -> Kind {
        match c {
            Condition::All(_) => Kind::All,
            Condition::Any(_) => Kind::Any,
            Condition::Not(_) => Kind::Not,
            Condition::Always => Kind::Always,
            Condition::ImmediateDanger => Kind::ImmediateDanger,
            Condition::Unborn => Kind::Unborn,
            Condition::NonMobile => Kind::NonMobile,
            Condition::DisabledOrSend => Kind::DisabledOrSend,
            Condition::RepeatContact => Kind::RepeatContact,
            Condition::ConcernAtLevel(_) => Kind::ConcernAtLevel,
            Condition::CountAtLevel(_) => Kind::CountAtLevel,
            Condition::Concern(_) => Kind::Concern,
            Condition::AnyConcern(_) => Kind::AnyConcern,
            Condition::Flag(_) => Kind::Flag,
            Condition::Domain(_) => Kind::Domain,
            Condition::AgeBelow(_) => Kind::AgeBelow,
            Condition::AgeAtLeast(_) => Kind::AgeAtLeast,
            Condition::KnownToSocialCare(_) => Kind::KnownToSocialCare,
            Condition::Consent(_) => Kind::Consent,
            Condition::Audience(_) => Kind::Audience,
            Condition::Pathway(_) => Kind::Pathway,
            Condition::Strength(_) => Kind::Strength,
            Condition::StrengthsAtLeast(_) => Kind::StrengthsAtLeast,
        }
    }

    /// The select's value: the key the file writes.
    fn key(self) -> &'static str {
        match self {
            Kind::All => "all",
            Kind::Any => "any",
            Kind::Not => "not",
            Kind::Always => "always",
            Kind::ImmediateDanger => "immediate_danger",
            Kind::Unborn => "unborn",
            Kind::NonMobile => "non_mobile",
            Kind::DisabledOrSend => "disabled_or_send",
            Kind::RepeatContact => "repeat_contact",
            Kind::ConcernAtLevel => "concern_at_level",
            Kind::CountAtLevel => "count_at_level",
            Kind::Concern => "concern",
            Kind::AnyConcern => "any_concern",
            Kind::Flag => "flag",
            Kind::Domain => "domain",
            Kind::AgeBelow => "age_below",
            Kind::AgeAtLeast => "age_at_least",
            Kind::KnownToSocialCare => "known_to_social_care",
            Kind::Consent => "consent",
            Kind::Audience => "audience",
            Kind::Pathway => "pathway",
            Kind::Strength => "strength",
            Kind::StrengthsAtLeast => "strengths_at_least",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Kind::All => "All of these",
            Kind::Any => "Any of these",
            Kind::Not => "Not this",
            Kind::Always => "Always",
            Kind::ImmediateDanger => "The child is in immediate danger",
            Kind::Unborn => "The baby is unborn",
            Kind::NonMobile => "The baby is not yet mobile",
            Kind::DisabledOrSend => "The child is disabled or has SEND",
            Kind::RepeatContact => "A repeat contact (settings)",
            Kind::ConcernAtLevel => "Any concern at a level or above",
            Kind::CountAtLevel => "A number of concerns at one level",
            Kind::Concern => "One concern is selected",
            Kind::AnyConcern => "Any of these concerns is selected",
            Kind::Flag => "Any concern with a flag",
            Kind::Domain => "Any concern in a domain",
            Kind::AgeBelow => "The child is under an age",
            Kind::AgeAtLeast => "The child is an age or older",
            Kind::KnownToSocialCare => "Known to social care",
            Kind::Consent => "Consent is (action rules)",
            Kind::Audience => "Who is asking (action rules)",
            Kind::Pathway => "The pathway decided (action rules)",
            Kind::Strength => "A strength is recorded (action rules)",
            Kind::StrengthsAtLeast => "A number of strengths (action rules)",
        }
    }

    /// Tests only action rules may use (`triage check` refuses them elsewhere).
    fn action_rules_only(self) -> bool {
        matches!(
            self,
            Kind::Consent
                | Kind::Audience
                | Kind::Pathway
                | Kind::Strength
                | Kind::StrengthsAtLeast
        )
    }

    /// The condition a part becomes when its test is changed to this one. "All of" and
    /// "Any of" keep the parts they hold; "Not" wraps what was there.
    fn switch(self, old: &Condition, file: &GuidanceFile) -> Condition {
        let parts = match old {
            Condition::All(cs) | Condition::Any(cs) => cs.clone(),
            other => vec![other.clone()],
        };
        let first_concern = || {
            file.concerns
                .first()
                .map(|c| c.code.clone())
                .unwrap_or_default()
        };
        match self {
            Kind::All => Condition::All(parts),
            Kind::Any => Condition::Any(parts),
            Kind::Not => Condition::Not(Box::new(old.clone())),
            Kind::Always => Condition::Always,
            Kind::ImmediateDanger => Condition::ImmediateDanger,
            Kind::Unborn => Condition::Unborn,
            Kind::NonMobile => Condition::NonMobile,
            Kind::DisabledOrSend => Condition::DisabledOrSend,
            Kind::RepeatContact => Condition::RepeatContact,
            Kind::ConcernAtLevel => Condition::ConcernAtLevel(3),
            Kind::CountAtLevel => Condition::CountAtLevel(CountAtLevel {
                level: 2,
                at_least: 2,
                domains_at_least: 1,
            }),
            Kind::Concern => Condition::Concern(first_concern()),
            Kind::AnyConcern => Condition::AnyConcern(vec![first_concern()]),
            Kind::Flag => Condition::Flag(flags(file).into_iter().next().unwrap_or_default()),
            Kind::Domain => Condition::Domain(
                file.domains
                    .first()
                    .map(|d| d.id.clone())
                    .unwrap_or_default(),
            ),
            Kind::AgeBelow => Condition::AgeBelow(5.0),
            Kind::AgeAtLeast => Condition::AgeAtLeast(16.0),
            Kind::KnownToSocialCare => {
                Condition::KnownToSocialCare(vec![KnownToSocialCare::ALL[1]])
            }
            Kind::Consent => Condition::Consent(vec![Consent::Refused]),
            Kind::Audience => Condition::Audience(vec![Audience::FrontDoor]),
            Kind::Pathway => Condition::Pathway(vec![Pathway::FamilyHelp]),
            Kind::Strength => Condition::Strength(
                file.strengths
                    .first()
                    .map(|s| s.code.clone())
                    .unwrap_or_default(),
            ),
            Kind::StrengthsAtLeast => Condition::StrengthsAtLeast(1),
        }
    }
}

/// Every flag the file's concerns carry, sorted.
fn flags(file: &GuidanceFile) -> Vec<String> {
    let mut all: Vec<String> = file
        .concerns
        .iter()
        .flat_map(|c| c.flags.iter().cloned())
        .collect();
    all.sort();
    all.dedup();
    all
}

/// Whose `when` the builder edits: a rule of one of the three tables, or a rule of the
/// front door contact record.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Owner {
    Rule(Table, usize),
    Urgency(usize),
    Check(usize),
}

impl Owner {
    /// The rule's place in the file, as `check` writes it.
    fn path(self) -> String {
        match self {
            Owner::Rule(t, i) => format!("rules.{}[{i}]", t.key()),
            Owner::Urgency(i) => format!("contact_record.urgency[{i}]"),
            Owner::Check(i) => format!("contact_record.checks[{i}]"),
        }
    }

    /// Whether every test may be used (`check` allows the consent, audience, pathway and
    /// strength tests only after the pathway is decided).
    fn every_test(self) -> bool {
        !matches!(self, Owner::Rule(Table::Pathway | Table::Escalation, _))
    }

    /// The rule's `when` in the model.
    fn when_mut(self, f: &mut GuidanceFile) -> Option<&mut Condition> {
        match self {
            Owner::Rule(Table::Pathway, i) => f.rules.pathway.get_mut(i).map(|r| &mut r.when),
            Owner::Rule(Table::Escalation, i) => f.rules.escalation.get_mut(i).map(|r| &mut r.when),
            Owner::Rule(Table::Actions, i) => f.rules.actions.get_mut(i).map(|r| &mut r.when),
            Owner::Urgency(i) => f
                .contact_record
                .as_mut()?
                .urgency
                .get_mut(i)
                .map(|r| &mut r.when),
            Owner::Check(i) => f
                .contact_record
                .as_mut()?
                .checks
                .get_mut(i)
                .map(|r| &mut r.when),
        }
    }
}

/// The part at `path` (child indices from the top).
fn part_mut<'c>(c: &'c mut Condition, path: &[usize]) -> Option<&'c mut Condition> {
    let Some((&first, rest)) = path.split_first() else {
        return Some(c);
    };
    let next = match c {
        Condition::All(cs) | Condition::Any(cs) => cs.get_mut(first)?,
        Condition::Not(inner) if first == 0 => inner.as_mut(),
        _ => return None,
    };
    part_mut(next, rest)
}

/// Where a part is, for the edit's undo key and the controls' ids.
#[derive(Clone, PartialEq)]
struct At {
    owner: Owner,
    path: Vec<usize>,
}

impl At {
    fn id(&self, what: &str) -> String {
        let path: String = self.path.iter().map(|i| format!("-{i}")).collect();
        format!("when{path}-{what}")
    }

    fn child(&self, i: usize) -> At {
        let mut path = self.path.clone();
        path.push(i);
        At {
            path,
            ..self.clone()
        }
    }

    /// Replaces this part with `make(part)`. `typed`: from a text box, a key at a time.
    fn edit(
        &self,
        ctx: &Ctx,
        what: &str,
        typed: bool,
        make: impl Fn(&Condition) -> Condition + 'static,
    ) {
        let at = self.clone();
        let key = format!("{}.when:{}", at.owner.path(), at.id(what));
        let apply = move |f: &mut GuidanceFile| {
            if let Some(part) = at.owner.when_mut(f).and_then(|w| part_mut(w, &at.path)) {
                *part = make(part);
            }
        };
        ctx.edit(if typed {
            Edit::typed(key, apply)
        } else {
            Edit::new(key, apply)
        });
        // The rule's JSON box below shows the model again, not what was typed there.
        ctx.send(Action::EntryText(None));
    }
}

/// The builder for the `when` of `owner`.
pub fn builder(ctx: &Ctx, owner: Owner, when: &Condition) -> Html {
    let at = At {
        owner,
        path: Vec::new(),
    };
    html! {
        <div class="studio-condition" id="condition-builder">
            <h2 class="govuk-heading-m">{ "When it applies" }</h2>
            <p class="govuk-body">{ "Build the condition from tests. \"All of these\" needs every part to hold, \"Any of these\" one of them, and \"Not this\" turns a test round." }</p>
            { part(ctx, &at, when, "Test") }
        </div>
    }
}

fn part(ctx: &Ctx, at: &At, c: &Condition, label: &str) -> Html {
    let kind = Kind::of(c);
    let onchange = {
        let (ctx, at) = (ctx.clone(), at.clone());
        Callback::from(move |e: Event| {
            let key = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(k) = Kind::ALL.into_iter().find(|k| k.key() == key) {
                // Copied when the test changes, not on every drawing of every part.
                let file = Rc::new(ctx.doc().file.clone());
                at.edit(&ctx, "test", false, move |old| {
                    if Kind::of(old) == k {
                        old.clone()
                    } else {
                        k.switch(old, &file)
                    }
                });
            }
        })
    };
    let offered = Kind::ALL
        .into_iter()
        .filter(|k| at.owner.every_test() || !k.action_rules_only() || *k == kind);
    let select_id = at.id("test");
    html! {
        <div class="studio-condition__part">
            <div class="govuk-form-group">
                <label class="govuk-label govuk-label--s" for={select_id.clone()}>{ label.to_string() }</label>
                <select class="govuk-select" id={select_id} {onchange}>
                    { for offered.map(|k| html! {
                        <option value={k.key()} selected={k == kind}>{ k.label() }</option>
                    }) }
                </select>
            </div>
            { fields(ctx, at, c) }
        </div>
    }
}

fn fields(ctx: &Ctx, at: &At, c: &Condition) -> Html {
    let file = &ctx.doc().file;
    match c {
        Condition::All(cs) | Condition::Any(cs) => parts_list(ctx, at, cs),
        Condition::Not(inner) => html! {
            <div class="studio-condition__inner">
                { part(ctx, &at.child(0), inner, "Not this test") }
            </div>
        },
        Condition::ConcernAtLevel(l) => level_select(ctx, at, "level", "Level", *l, |_, n| {
            Condition::ConcernAtLevel(n)
        }),
        Condition::CountAtLevel(n) => html! {
            <>
                { level_select(ctx, at, "level", "Level (exactly)", n.level, |old, l| match old {
                    Condition::CountAtLevel(c) => Condition::CountAtLevel(CountAtLevel { level: l, ..c.clone() }),
                    other => other.clone(),
                }) }
                { number(ctx, at, "at-least", "How many concerns, at least", &n.at_least.to_string(), false, |old, v| {
                    match (old, v.parse::<u32>()) {
                        (Condition::CountAtLevel(c), Ok(n)) => Some(Condition::CountAtLevel(CountAtLevel { at_least: n, ..c.clone() })),
                        _ => None,
                    }
                }) }
                { number(ctx, at, "domains", "Across how many domains, at least", &n.domains_at_least.to_string(), false, |old, v| {
                    match (old, v.parse::<u32>()) {
                        (Condition::CountAtLevel(c), Ok(n)) => Some(Condition::CountAtLevel(CountAtLevel { domains_at_least: n, ..c.clone() })),
                        _ => None,
                    }
                }) }
            </>
        },
        Condition::Concern(code) => {
            concern_select(ctx, at, "concern", "Concern", code, |_, code| {
                Condition::Concern(code)
            })
        }
        Condition::AnyConcern(codes) => concern_list(ctx, at, codes),
        Condition::Flag(flag) => {
            let mut options = flags(file);
            if !options.contains(flag) {
                options.insert(0, flag.clone());
            }
            let options = options.into_iter().map(|f| (f.clone(), f)).collect();
            choice(ctx, at, "flag", "Flag", flag, options, Condition::Flag)
        }
        Condition::Domain(d) => {
            let options = file
                .domains
                .iter()
                .map(|x| (x.id.clone(), x.name.clone()))
                .collect();
            choice(ctx, at, "domain", "Domain", d, options, Condition::Domain)
        }
        Condition::Strength(s) => {
            let options = file
                .strengths
                .iter()
                .map(|x| (x.code.clone(), x.text.clone()))
                .collect();
            choice(
                ctx,
                at,
                "strength",
                "Strength",
                s,
                options,
                Condition::Strength,
            )
        }
        Condition::AgeBelow(a) => number(
            ctx,
            at,
            "age",
            "Age in years",
            &a.to_string(),
            true,
            |_, v| {
                v.trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|a| a.is_finite())
                    .map(Condition::AgeBelow)
            },
        ),
        Condition::AgeAtLeast(a) => number(
            ctx,
            at,
            "age",
            "Age in years",
            &a.to_string(),
            true,
            |_, v| {
                v.trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|a| a.is_finite())
                    .map(Condition::AgeAtLeast)
            },
        ),
        Condition::StrengthsAtLeast(n) => number(
            ctx,
            at,
            "count",
            "How many strengths, at least",
            &n.to_string(),
            false,
            |_, v| {
                v.trim()
                    .parse::<u32>()
                    .ok()
                    .map(Condition::StrengthsAtLeast)
            },
        ),
        Condition::KnownToSocialCare(v) => ticks(
            ctx,
            at,
            "Known to social care as",
            &KnownToSocialCare::ALL,
            v,
            |k| k.code(),
            |k| k.label(),
            Condition::KnownToSocialCare,
        ),
        Condition::Consent(v) => ticks(
            ctx,
            at,
            "Consent",
            &Consent::ALL,
            v,
            |k| k.code(),
            |k| k.label(),
            Condition::Consent,
        ),
        Condition::Audience(v) => ticks(
            ctx,
            at,
            "Who is asking",
            &Audience::ALL,
            v,
            |k| k.code(),
            |k| k.label(),
            Condition::Audience,
        ),
        Condition::Pathway(v) => ticks(
            ctx,
            at,
            "Pathway",
            &Pathway::ALL,
            v,
            |k| k.code(),
            |k| k.label(),
            Condition::Pathway,
        ),
        Condition::Always
        | Condition::ImmediateDanger
        | Condition::Unborn
        | Condition::NonMobile
        | Condition::DisabledOrSend
        | Condition::RepeatContact => html! {},
    }
}

/// The parts of "All of" or "Any of", each removable, and "Add a condition".
fn parts_list(ctx: &Ctx, at: &At, cs: &[Condition]) -> Html {
    let add = {
        let (ctx, at) = (ctx.clone(), at.clone());
        let first = ctx
            .doc()
            .file
            .concerns
            .first()
            .map(|c| c.code.clone())
            .unwrap_or_default();
        Callback::from(move |_: MouseEvent| {
            let first = first.clone();
            at.edit(&ctx, "add", false, move |old| {
                let mut next = old.clone();
                if let Condition::All(cs) | Condition::Any(cs) = &mut next {
                    cs.push(Condition::Concern(first.clone()));
                }
                next
            });
        })
    };
    html! {
        <div class="studio-condition__inner">
            <ol class="govuk-list studio-condition__parts">
                { for cs.iter().enumerate().map(|(n, c)| {
                    let remove = {
                        let (ctx, at) = (ctx.clone(), at.clone());
                        Callback::from(move |_: MouseEvent| {
                            at.edit(&ctx, "remove", false, move |old| {
                                let mut next = old.clone();
                                if let Condition::All(cs) | Condition::Any(cs) = &mut next {
                                    if n < cs.len() {
                                        cs.remove(n);
                                    }
                                }
                                next
                            });
                        })
                    };
                    html! {
                        <li>
                            { part(ctx, &at.child(n), c, &format!("Part {}", n + 1)) }
                            <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" onclick={remove}>
                                { "Remove" }<span class="govuk-visually-hidden">{ format!(" part {}", n + 1) }</span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
            <button type="button" class="govuk-button govuk-button--secondary" id={at.id("add")} onclick={add}>{ "Add a condition" }</button>
        </div>
    }
}

fn level_select(
    ctx: &Ctx,
    at: &At,
    what: &'static str,
    label: &str,
    now: u8,
    make: impl Fn(&Condition, u8) -> Condition + 'static,
) -> Html {
    let make = Rc::new(make);
    let onchange = {
        let (ctx, at) = (ctx.clone(), at.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Ok(n) = value.parse::<u8>() {
                let make = make.clone();
                at.edit(&ctx, what, false, move |old| make(old, n));
            }
        })
    };
    let id = at.id(what);
    html! {
        <div class="govuk-form-group">
            <label class="govuk-label" for={id.clone()}>{ label.to_string() }</label>
            <select class="govuk-select" {id} {onchange}>
                { for (1..=4u8).map(|n| html! { <option value={n.to_string()} selected={n == now}>{ n }</option> }) }
            </select>
        </div>
    }
}

/// A number typed in: applied once it reads as one; until then the box keeps what was typed.
fn number(
    ctx: &Ctx,
    at: &At,
    what: &'static str,
    label: &str,
    now: &str,
    decimal: bool,
    make: impl Fn(&Condition, &str) -> Option<Condition> + 'static,
) -> Html {
    let make = Rc::new(make);
    let oninput = {
        let (ctx, at) = (ctx.clone(), at.clone());
        Callback::from(move |e: InputEvent| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            ctx.typed_text(&at.id(what), &value);
            let make = make.clone();
            at.edit(&ctx, what, true, move |old| {
                make(old, &value).unwrap_or_else(|| old.clone())
            });
        })
    };
    let id = at.id(what);
    let onblur = ctx.on(|| Action::Seal);
    let value = ctx.field_value(&id, || now.to_string());
    html! {
        <div class="govuk-form-group">
            <label class="govuk-label" for={id.clone()}>{ label.to_string() }</label>
            <input class="govuk-input govuk-input--width-4" type="text" {id}
                inputmode={if decimal { "decimal" } else { "numeric" }} spellcheck="false"
                {value} {oninput} {onblur} />
        </div>
    }
}

/// One choice from a list of (value, words).
fn choice(
    ctx: &Ctx,
    at: &At,
    what: &'static str,
    label: &str,
    now: &str,
    options: Vec<(String, String)>,
    make: fn(String) -> Condition,
) -> Html {
    let onchange = {
        let (ctx, at) = (ctx.clone(), at.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            at.edit(&ctx, what, false, move |_| make(value.clone()));
        })
    };
    let id = at.id(what);
    html! {
        <div class="govuk-form-group">
            <label class="govuk-label" for={id.clone()}>{ label.to_string() }</label>
            <select class="govuk-select" {id} {onchange}>
                { for options.into_iter().map(|(value, words)| {
                    let selected = value == now;
                    let text = if words == value { value.clone() } else { format!("{words} ({value})") };
                    html! { <option {value} {selected}>{ text }</option> }
                }) }
            </select>
        </div>
    }
}

/// The file's concerns as options, grouped by domain.
fn concern_options(file: &GuidanceFile, now: &str) -> Html {
    html! {
        { for file.domains.iter().map(|d| html! {
            <optgroup label={d.name.clone()}>
                { for file.concerns.iter().filter(|c| c.domain == d.id).map(|c| html! {
                    <option value={c.code.clone()} selected={c.code == now}>{ format!("{} ({})", c.text, c.code) }</option>
                }) }
            </optgroup>
        }) }
    }
}

fn concern_select(
    ctx: &Ctx,
    at: &At,
    what: &'static str,
    label: &str,
    now: &str,
    make: fn(&Condition, String) -> Condition,
) -> Html {
    let onchange = {
        let (ctx, at) = (ctx.clone(), at.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            at.edit(&ctx, what, false, move |old| make(old, value.clone()));
        })
    };
    let id = at.id(what);
    let file = &ctx.doc().file;
    let known = file.concerns.iter().any(|c| c.code == now);
    html! {
        <div class="govuk-form-group">
            <label class="govuk-label" for={id.clone()}>{ label.to_string() }</label>
            <select class="govuk-select studio-condition__concern" {id} {onchange}>
                if !known { <option value={now.to_string()} selected=true>{ format!("{now} (not in this file)") }</option> }
                { concern_options(file, now) }
            </select>
        </div>
    }
}

/// "Any of these concerns": the chosen ones, each removable, and a select to add one.
fn concern_list(ctx: &Ctx, at: &At, codes: &[String]) -> Html {
    let file = &ctx.doc().file;
    let text_of = |code: &str| {
        file.concerns.iter().find(|c| c.code == code).map_or_else(
            || format!("{code} (not in this file)"),
            |c| format!("{} ({code})", c.text),
        )
    };
    let add = {
        let (ctx, at) = (ctx.clone(), at.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if value.is_empty() {
                return;
            }
            at.edit(&ctx, "add-concern", false, move |old| match old {
                Condition::AnyConcern(v) if !v.contains(&value) => {
                    let mut v = v.clone();
                    v.push(value.clone());
                    Condition::AnyConcern(v)
                }
                other => other.clone(),
            });
        })
    };
    let add_id = at.id("add-concern");
    html! {
        <div class="studio-condition__inner">
            <ul class="govuk-list">
                { for codes.iter().enumerate().map(|(n, code)| {
                    let remove = {
                        let (ctx, at) = (ctx.clone(), at.clone());
                        Callback::from(move |_: MouseEvent| {
                            at.edit(&ctx, "remove-concern", false, move |old| match old {
                                Condition::AnyConcern(v) if n < v.len() => {
                                    let mut v = v.clone();
                                    v.remove(n);
                                    Condition::AnyConcern(v)
                                }
                                other => other.clone(),
                            });
                        })
                    };
                    html! {
                        <li class="studio-condition__chosen">
                            { text_of(code) }{ " " }
                            <button type="button" class="app-link-button govuk-body-s" onclick={remove}>
                                { "Remove" }<span class="govuk-visually-hidden">{ format!(" {code}") }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
            <div class="govuk-form-group">
                <label class="govuk-label" for={add_id.clone()}>{ "Add a concern" }</label>
                <select class="govuk-select studio-condition__concern" id={add_id} onchange={add}>
                    <option value="" selected=true>{ "Choose a concern" }</option>
                    { concern_options(file, "") }
                </select>
            </div>
        </div>
    }
}

/// Checkboxes for a list of fixed values (consent, audience, pathway, known to social care).
#[allow(clippy::too_many_arguments)]
fn ticks<T: Copy + PartialEq + 'static>(
    ctx: &Ctx,
    at: &At,
    legend: &str,
    all: &'static [T],
    now: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
    make: fn(Vec<T>) -> Condition,
) -> Html {
    html! {
        <div class="govuk-form-group">
            <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{ legend.to_string() }</legend>
                <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                    { for all.iter().map(|&v| {
                        let id = at.id(code(v));
                        let checked = now.contains(&v);
                        // The page always shows the model, so the ticks it shows are the ones held.
                        let chosen: Vec<T> = all
                            .iter()
                            .copied()
                            .filter(|&x| if x == v { !checked } else { now.contains(&x) })
                            .collect();
                        let onchange = {
                            let (ctx, at) = (ctx.clone(), at.clone());
                            Callback::from(move |_: Event| {
                                let chosen = chosen.clone();
                                at.edit(&ctx, code(v), false, move |_| make(chosen.clone()));
                            })
                        };
                        html! {
                            <div class="govuk-checkboxes__item">
                                <input class="govuk-checkboxes__input" type="checkbox" id={id.clone()} value={code(v)} {checked} {onchange} />
                                <label class="govuk-label govuk-checkboxes__label" for={id}>{ label(v) }</label>
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
        </div>
    }
}
