//! The guidance studio's forms: what each section of a guidance file holds and the form
//! for one of its entries, as data: where the entries sit (a list, a map or one object) and, for each field, where it sits in the
//! entry's JSON (serde's own shape of the model) and which input edits it. One reader and
//! one writer (`read_field`, `write_field`) serve every section, so a field added to the
//! model needs one line here, and the model stays the only description of the file.

use crate::guidance::GuidanceFile;
use serde_json::{Map, Value};

/// How a group's entries sit in the section's JSON.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Shape {
    /// An array; each entry is named by its `code`, `id` or `level`, else its position.
    List,
    /// An object whose keys name the entries (contacts by key, texts by pathway).
    Map,
    /// One object, edited in place on the section's page.
    One,
}

/// Choices offered by a radio group or a set of checkboxes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Options {
    Fixed(&'static [(&'static str, &'static str)]),
    /// The keys of `contacts`, with "None".
    Contacts,
    /// The ids of `domains`.
    Domains,
    /// The codes of `actions`.
    Actions,
    /// What a request-for-support section can hold.
    FormFields,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Input {
    /// A one-line text box.
    Text,
    /// A box of several lines.
    Area,
    /// A list of texts, one a line.
    Lines,
    /// A list of codes, separated by commas.
    Commas,
    /// A whole number.
    Whole,
    /// An age in years (may be a fraction).
    Years,
    /// A yes-or-no checkbox.
    Tick,
    /// Radios (a select for a long list): one of the options.
    Choice(Options),
    /// Radios for a level, 1 to 4, written as a number.
    Level,
    /// Checkboxes: any of the options, kept in the options' order.
    Ticks(Options),
    /// Whether an optional part (at `at`) is there at all; its fields show only when it
    /// is. Ticking it writes this JSON, the part's starting values.
    Part(&'static str),
    /// The entry's own name (its code or id, or its key in a map): renaming moves it.
    Key,
}

/// One field of an entry's form.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Field {
    /// Where it sits in the entry: `text`, `source/title`, `text_for/school_dsl`.
    pub at: &'static str,
    pub label: &'static str,
    /// Below the label; empty for none.
    pub hint: &'static str,
    pub input: Input,
    /// Left out of the file when empty (an `Option` or a skipped default in the model).
    pub optional: bool,
    /// What the field holds when the file leaves it out (the model's default).
    pub default: &'static str,
}

/// A run of entries of one shape within a section, with its form.
#[derive(Clone, Copy, Debug)]
pub struct Group {
    /// Where the entries sit in the section: empty for the section itself.
    pub at: &'static str,
    /// The group's heading on the section's page; empty for none.
    pub title: &'static str,
    pub shape: Shape,
    pub form: &'static [Field],
    /// Entries can be added and removed ("Add another", "Remove").
    pub grows: bool,
}

const fn f(at: &'static str, label: &'static str, hint: &'static str, input: Input) -> Field {
    Field {
        at,
        label,
        hint,
        input,
        optional: false,
        default: "",
    }
}

const fn opt(at: &'static str, label: &'static str, hint: &'static str, input: Input) -> Field {
    Field {
        at,
        label,
        hint,
        input,
        optional: true,
        default: "",
    }
}

impl Field {
    const fn or(self, default: &'static str) -> Field {
        Field { default, ..self }
    }
}

pub const PATHWAYS: &[(&str, &str)] = &[
    ("signpost", "Universal or community support"),
    ("family_help", "Family Help"),
    (
        "macpt_referral",
        "Multi-Agency Child Protection Team referral",
    ),
    ("emergency", "Emergency: 999"),
];
const PATHWAYS_OR_NONE: &[(&str, &str)] = &[
    ("", "Does not raise the pathway"),
    ("signpost", "Universal or community support"),
    ("family_help", "Family Help"),
    (
        "macpt_referral",
        "Multi-Agency Child Protection Team referral",
    ),
    ("emergency", "Emergency: 999"),
];
const AUDIENCES: &[(&str, &str)] = &[
    ("front_door", "Front-door practitioners"),
    (
        "school_dsl",
        "School and college designated safeguarding leads",
    ),
    ("partner", "Other partner agencies"),
];
const URGENCIES: &[(&str, &str)] = &[
    ("now", "Now: before anything else"),
    ("today", "Today"),
    ("days", "Within days or longer"),
];
const ABOUT: &[(&str, &str)] = &[
    ("child", "The child: asked afresh for each child"),
    (
        "family",
        "The family: carried over to the next child in the family",
    ),
];
const RATINGS: &[(&str, &str)] = &[("red", "Red"), ("amber", "Amber"), ("green", "Green")];

const SOURCE: [Field; 3] = [
    opt(
        "source/title",
        "Source: the law or guidance behind it",
        "For example Children Act 1989. Leave empty for none.",
        Input::Text,
    ),
    opt(
        "source/section",
        "Source: where in it",
        "For example section 47.",
        Input::Text,
    ),
    opt(
        "source/url",
        "Source: its web address",
        "Starting https://",
        Input::Text,
    ),
];

const OUTCOME: [Field; 4] = [
    opt(
        "outcome/title",
        "Outcome heading instead of the pathway's",
        "Leave empty to use the pathway's own heading and summary.",
        Input::Text,
    ),
    opt(
        "outcome/summary",
        "Outcome summary instead of the pathway's",
        "",
        Input::Area,
    ),
    opt(
        "outcome/allocation",
        "What happens next, instead of the pathway's",
        "",
        Input::Area,
    ),
    opt(
        "outcome/summary_for/front_door",
        "Outcome summary for front-door practitioners",
        "Only where it should read differently for them.",
        Input::Area,
    ),
];

const ABOUT_OR_DOMAIN: &[(&str, &str)] = &[
    ("", "As its domain says"),
    ("child", "The child: asked afresh for each child"),
    (
        "family",
        "The family: carried over to the next child in the family",
    ),
];

const CONCERN: &[Field] = &[
    f("code", "Code", "Stable: decision records and rules name it, by convention domain.name, for example abuse.unexplained_injury.", Input::Key),
    f("text", "What users see", "One plain sentence.", Input::Area),
    f("level", "Level", "", Input::Level),
    f("domain", "Domain", "", Input::Choice(Options::Domains)),
    opt("examples", "Examples", "One a line.", Input::Lines),
    opt("flags", "Flags", "Duties tied to the concern, separated by commas, for example s47, lado, prevent, immediate. Rules can test them.", Input::Commas),
    opt("ages/at_least", "Youngest age it applies to, in years", "Leave empty for no lower limit.", Input::Years),
    opt("ages/below", "Applies to children younger than, in years", "Leave empty for no upper limit.", Input::Years),
    f("ages/unborn", "Applies before birth", "To an unborn baby.", Input::Tick).or("true"),
    f("ages/born", "Applies after birth", "Untick only for a concern about an unborn baby.", Input::Tick).or("true"),
    opt("follow_up/question", "A yes-or-no question to ask when it is chosen", "For example: Has the child been harmed? Leave empty for none.", Input::Area),
    opt("follow_up/if_yes", "The concern a \"yes\" adds", "Its code.", Input::Text),
    SOURCE[0],
    SOURCE[1],
    SOURCE[2],
    opt("terms", "Search words", "Other words people type for it, one a line: abbreviations, everyday and family words. Never shown; only searched.", Input::Lines),
    opt("about", "Whom it is about", "Only where it differs from its domain: a child's own concern in a family domain is not carried to a sibling.", Input::Choice(Options::Fixed(ABOUT_OR_DOMAIN))),
];

const AUTHORITY: &[Field] = &[
    f(
        "name",
        "The authority's name",
        "As practitioners know it, for example Demo Borough Council.",
        Input::Text,
    ),
    opt(
        "demo",
        "Demonstration guidance",
        "The app shows a \"not for live use\" banner on every page.",
        Input::Tick,
    ),
    opt(
        "demo_notice",
        "The banner's words",
        "Shown only for demonstration guidance.",
        Input::Area,
    ),
];

const CONTACT: &[Field] = &[
    f("", "Key", "How actions name this contact, for example lado. Lowercase letters, digits and underscores.", Input::Key),
    f("name", "Name", "For example Local Authority Designated Officer (LADO).", Input::Text),
    f("phone", "Phone number", "", Input::Text),
    opt("hours", "Hours", "For example Monday to Friday, 9am to 5pm.", Input::Text),
    opt("email", "Email address", "", Input::Text),
    opt("shown_to", "Who is given this contact beside an action", "Everyone when none is ticked. The front door's own lines are not for front-door practitioners.", Input::Ticks(Options::Fixed(AUDIENCES))),
];

const LEVEL: &[Field] = &[
    f("name", "Name", "For example Universal.", Input::Text),
    f("summary", "What it means", "", Input::Area),
    f("pathway", "The pathway it leads to", "Levels 1 and 2 lead to universal or community support, 3 to Family Help, 4 to a referral to the Multi-Agency Child Protection Team.", Input::Choice(Options::Fixed(PATHWAYS))),
];

const PATHWAY_TEXT: &[Field] = &[
    f("title", "Heading of the outcome", "", Input::Text),
    f("summary", "Summary", "What the outcome means for the family, in plain words.", Input::Area),
    opt("summary_for/front_door", "Summary for front-door practitioners", "Only where it should read differently for them (they are not told to phone the front door).", Input::Area),
    opt("summary_for/school_dsl", "Summary for school designated safeguarding leads", "", Input::Area),
    opt("summary_for/partner", "Summary for other partner agencies", "", Input::Area),
    f("allocation", "Who the family gets", "For example a Family Help Lead Practitioner.", Input::Area),
];

const DOMAIN: &[Field] = &[
    f(
        "id",
        "Identifier",
        "Concerns name their domain by it. Lowercase letters, digits and underscores.",
        Input::Key,
    ),
    f("name", "Name", "", Input::Text),
    opt(
        "area",
        "Area",
        "An optional grouping of domains: child, parenting, family or harm.",
        Input::Text,
    ),
    f(
        "about",
        "Whom its concerns are about",
        "",
        Input::Choice(Options::Fixed(ABOUT)),
    )
    .or("child"),
];

const STRENGTH: &[Field] = &[
    f(
        "code",
        "Code",
        "Stable: decision records and rules name it, for example strength.parent_recognises_needs.",
        Input::Key,
    ),
    f("text", "What users see", "One plain sentence.", Input::Area),
    opt("examples", "Examples", "One a line.", Input::Lines),
];

const ACTION: &[Field] = &[
    f("code", "Code", "Stable: rules and decision records name it, for example call_999.", Input::Key),
    f("text", "What to do", "For every audience, unless one has its own wording below.", Input::Area),
    opt("text_for/front_door", "Wording for front-door practitioners", "Only where it should read differently for them.", Input::Area),
    opt("text_for/school_dsl", "Wording for school designated safeguarding leads", "", Input::Area),
    opt("text_for/partner", "Wording for other partner agencies", "", Input::Area),
    f("timescale", "By when", "In words, for example Within 1 working day.", Input::Text),
    f("urgency", "How soon, for the order of \"What to do now\"", "", Input::Choice(Options::Fixed(URGENCIES))).or("days"),
    opt("contact", "The contact shown with it", "", Input::Choice(Options::Contacts)),
    opt("duty", "A statutory or specialist duty", "Shown with a \"Duty\" tag, and never removed by strengths.", Input::Tick),
    opt("never_with_flags", "Never with concerns flagged", "Flags that make it unsafe, separated by commas, for example forced_marriage, sexual_abuse. It never appears with such a concern, whatever the rules say.", Input::Commas),
    SOURCE[0],
    SOURCE[1],
    SOURCE[2],
];

const SERVICE: &[Field] = &[
    f(
        "id",
        "Identifier",
        "Lowercase letters, digits and hyphens, for example family-hub.",
        Input::Key,
    ),
    f("name", "Name", "", Input::Text),
    f("helps_with", "What it helps with", "", Input::Area),
    opt(
        "domains",
        "Domains it helps with",
        "With none ticked and no concerns listed below, it is offered for any concern.",
        Input::Ticks(Options::Domains),
    ),
    opt(
        "concerns",
        "Particular concerns it helps with",
        "Their codes, one a line, beside or instead of whole domains.",
        Input::Lines,
    ),
    f(
        "min_age",
        "Youngest age, in years",
        "0 for from birth.",
        Input::Years,
    ),
    f("max_age", "Oldest age, in years", "", Input::Years),
    f(
        "contact",
        "How to reach it",
        "In words: phone, web address, drop-in.",
        Input::Area,
    ),
    f(
        "pathways",
        "Offered on",
        "",
        Input::Ticks(Options::Fixed(PATHWAYS)),
    ),
];

const SETTINGS: &[Field] = &[
    f("strengths_lower_at_most", "The most level-2 concerns strengths may lower", "With more level-2 concerns than this, the needs stand whatever is going well (Family Help is not lowered to universal support).", Input::Whole),
    opt("repeat_contacts_at_least", "The contact that makes a repeat pattern", "Counting this one, within 12 months: 3 is the third contact. Leave empty if rules do not test repeat contacts.", Input::Whole),
];

const REQUEST_FORM: &[Field] = &[f(
    "title",
    "The form's title",
    "For example Demo Borough request for support (MARF).",
    Input::Text,
)];

const REQUEST_SECTION: &[Field] = &[
    f("heading", "Heading", "", Input::Text),
    f(
        "fields",
        "What it holds",
        "In this order in the drafted request.",
        Input::Ticks(Options::FormFields),
    ),
];

const RATING: &[Field] = &[
    f(
        "respond_within",
        "How soon the front door responds",
        "For example Within 4 hours.",
        Input::Text,
    ),
    f("meaning", "What it means", "", Input::Area),
];

const FEEDBACK: &[Field] = &[
    f(
        "text",
        "Feedback to the person who made the contact",
        "",
        Input::Area,
    ),
    f(
        "within",
        "By when",
        "For example Within 1 working day.",
        Input::Text,
    ),
];

pub const URGENCY_RULE: &[Field] = &[
    f("id", "Identifier", "", Input::Key),
    f(
        "rating",
        "Rating",
        "",
        Input::Choice(Options::Fixed(RATINGS)),
    ),
    f("reason", "Reason", "Shown with the rating.", Input::Area),
];

pub const CHECK_RULE: &[Field] = &[
    f("id", "Identifier", "", Input::Key),
    f(
        "with",
        "Who the check is with",
        "For example the police.",
        Input::Text,
    ),
    f("ask", "What to ask", "", Input::Area),
];

pub const PATHWAY_RULE: &[Field] = &[
    f(
        "id",
        "Identifier",
        "Stable: decision records name it.",
        Input::Key,
    ),
    f(
        "pathway",
        "Then the pathway is",
        "",
        Input::Choice(Options::Fixed(PATHWAYS)),
    ),
    f(
        "reason",
        "Why, in a sentence the user sees",
        "",
        Input::Area,
    ),
    opt(
        "lowered_by_strengths",
        "Recorded strengths can lower it",
        "Only when no level-3 or level-4 concern is present.",
        Input::Part(r#"{"at_least": 2, "to": "signpost", "reason": ""}"#),
    ),
    f(
        "lowered_by_strengths/at_least",
        "How many strengths must be recorded",
        "",
        Input::Whole,
    ),
    f(
        "lowered_by_strengths/to",
        "Lowered to",
        "",
        Input::Choice(Options::Fixed(PATHWAYS)),
    ),
    f(
        "lowered_by_strengths/reason",
        "Why, when strengths lower it",
        "",
        Input::Area,
    ),
    OUTCOME[0],
    OUTCOME[1],
    OUTCOME[2],
    OUTCOME[3],
    SOURCE[0],
    SOURCE[1],
    SOURCE[2],
];

pub const ESCALATION_RULE: &[Field] = &[
    f(
        "id",
        "Identifier",
        "Stable: decision records name it.",
        Input::Key,
    ),
    opt(
        "at_least",
        "Raises the pathway to at least",
        "",
        Input::Choice(Options::Fixed(PATHWAYS_OR_NONE)),
    ),
    opt(
        "consultation_advised",
        "Advises a consultation with the front door",
        "",
        Input::Tick,
    ),
    f(
        "reason",
        "Why, in a sentence the user sees",
        "",
        Input::Area,
    ),
    SOURCE[0],
    SOURCE[1],
    SOURCE[2],
];

pub const ACTION_RULE: &[Field] = &[
    f(
        "id",
        "Identifier",
        "Stable: decision records name it.",
        Input::Key,
    ),
    opt(
        "actions",
        "Adds these actions",
        "",
        Input::Ticks(Options::Actions),
    ),
    opt(
        "consultation_advised",
        "Advises a consultation with the front door",
        "",
        Input::Tick,
    ),
    opt(
        "reason",
        "Why, shown under \"Why\" when it matches",
        "Leave empty for routine actions.",
        Input::Area,
    ),
    OUTCOME[0],
    OUTCOME[1],
    OUTCOME[2],
    OUTCOME[3],
    SOURCE[0],
    SOURCE[1],
    SOURCE[2],
];

const fn group(
    at: &'static str,
    title: &'static str,
    shape: Shape,
    form: &'static [Field],
    grows: bool,
) -> Group {
    Group {
        at,
        title,
        shape,
        form,
        grows,
    }
}

/// The groups of a section, in the order its page shows them.
pub fn groups(section: &str) -> &'static [Group] {
    const AUTHORITY_G: &[Group] = &[group("", "", Shape::One, AUTHORITY, false)];
    const CONCERNS_G: &[Group] = &[group("", "", Shape::List, CONCERN, true)];
    const CONTACTS_G: &[Group] = &[group("", "", Shape::Map, CONTACT, true)];
    const LEVELS_G: &[Group] = &[group("", "", Shape::List, LEVEL, false)];
    const PATHWAYS_G: &[Group] = &[group("", "", Shape::Map, PATHWAY_TEXT, false)];
    const DOMAINS_G: &[Group] = &[group("", "", Shape::List, DOMAIN, true)];
    const STRENGTHS_G: &[Group] = &[group("", "", Shape::List, STRENGTH, true)];
    const ACTIONS_G: &[Group] = &[group("", "", Shape::List, ACTION, true)];
    const SERVICES_G: &[Group] = &[group("", "", Shape::List, SERVICE, true)];
    const SETTINGS_G: &[Group] = &[group("", "", Shape::One, SETTINGS, false)];
    const REQUEST_FORM_G: &[Group] = &[
        group("", "", Shape::One, REQUEST_FORM, false),
        group(
            "sections",
            "Sections of the form",
            Shape::List,
            REQUEST_SECTION,
            true,
        ),
    ];
    const CONTACT_RECORD_G: &[Group] = &[
        group(
            "urgency",
            "Urgency rules (first match gives the rating)",
            Shape::List,
            URGENCY_RULE,
            true,
        ),
        group(
            "checks",
            "Checks with other agencies",
            Shape::List,
            CHECK_RULE,
            true,
        ),
        group(
            "ratings",
            "What each rating means",
            Shape::Map,
            RATING,
            false,
        ),
        group(
            "feedback",
            "Feedback to the person who made the contact, by pathway",
            Shape::Map,
            FEEDBACK,
            false,
        ),
    ];
    match section {
        "authority" => AUTHORITY_G,
        "concerns" => CONCERNS_G,
        "contacts" => CONTACTS_G,
        "levels" => LEVELS_G,
        "pathways" => PATHWAYS_G,
        "domains" => DOMAINS_G,
        "strengths" => STRENGTHS_G,
        "actions" => ACTIONS_G,
        "services" => SERVICES_G,
        "settings" => SETTINGS_G,
        "request_form" => REQUEST_FORM_G,
        "contact_record" => CONTACT_RECORD_G,
        _ => &[],
    }
}

/// The group a page key (`call_999`, `urgency/urgency-baby`) belongs to, and the entry's
/// own key within it.
pub fn group_of<'k>(section: &str, key: &'k str) -> Option<(&'static Group, &'k str)> {
    groups(section).iter().find_map(|g| {
        if g.at.is_empty() {
            (g.shape != Shape::One).then_some((g, key))
        } else {
            key.strip_prefix(g.at)
                .and_then(|rest| rest.strip_prefix('/'))
                .map(|rest| (g, rest))
        }
    })
}

macro_rules! parts {
    ($($field:ident : $ty:ty),* $(,)?) => {
        /// One section of the model, decoded from its JSON and ready to put in the file.
        #[derive(Clone)]
        #[allow(non_camel_case_types)]
        pub enum Part { $( $field($ty), )* }

        /// The section's JSON as the model writes it.
        pub fn read(file: &GuidanceFile, section: &str) -> Option<Value> {
            match section {
                $( stringify!($field) => serde_json::to_value(&file.$field).ok(), )*
                _ => None,
            }
        }

        /// The section read back from JSON, or serde's message saying what is wrong.
        pub fn decode(section: &str, value: Value) -> Result<Part, String> {
            match section {
                $( stringify!($field) => serde_json::from_value(value).map(Part::$field).map_err(|e| e.to_string()), )*
                _ => Err(format!("the file has no section \"{section}\"")),
            }
        }

        impl Part {
            pub fn put(self, file: &mut GuidanceFile) {
                match self { $( Part::$field(x) => file.$field = x, )* }
            }
        }
    };
}

parts! {
    authority: crate::guidance::Authority,
    contacts: std::collections::BTreeMap<String, crate::guidance::Contact>,
    levels: Vec<crate::guidance::Level>,
    pathways: crate::guidance::PathwayTexts,
    domains: Vec<crate::guidance::Domain>,
    concerns: Vec<crate::guidance::Concern>,
    strengths: Vec<crate::guidance::Strength>,
    actions: Vec<crate::guidance::Action>,
    services: Vec<crate::guidance::Service>,
    settings: crate::guidance::Settings,
    request_form: Option<crate::guidance::RequestForm>,
    contact_record: Option<crate::guidance::ContactRecordRules>,
    rules: crate::guidance::Rules,
}

macro_rules! items {
    ($($field:ident : $item:ty),* $(,)?) => {
        /// One entry of a list section (`concerns[3]`), decoded on its own: each key typed
        /// reads and writes one entry, not the whole list.
        #[derive(Clone)]
        #[allow(non_camel_case_types)]
        pub enum Item { $( $field(usize, $item), )* }

        /// The entry at `pointer` (`/3`) of a list section, when it is one.
        pub fn read_item(file: &GuidanceFile, section: &str, pointer: &str) -> Option<(usize, Value)> {
            let i: usize = pointer.strip_prefix('/')?.parse().ok()?;
            match section {
                $( stringify!($field) => file.$field.get(i).and_then(|x| serde_json::to_value(x).ok()).map(|v| (i, v)), )*
                _ => None,
            }
        }

        pub fn decode_item(section: &str, i: usize, value: Value) -> Result<Item, String> {
            match section {
                $( stringify!($field) => serde_json::from_value(value).map(|x| Item::$field(i, x)).map_err(|e| e.to_string()), )*
                _ => Err(format!("the file has no list \"{section}\"")),
            }
        }

        impl Item {
            pub fn put(self, file: &mut GuidanceFile) {
                match self { $( Item::$field(i, x) => if let Some(slot) = file.$field.get_mut(i) { *slot = x }, )* }
            }
        }
    };
}

items! {
    levels: crate::guidance::Level,
    domains: crate::guidance::Domain,
    concerns: crate::guidance::Concern,
    strengths: crate::guidance::Strength,
    actions: crate::guidance::Action,
    services: crate::guidance::Service,
}

/// One entry of a section as the page lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The page key: the entry's name, after its group's place (`urgency/urgency-baby`).
    pub key: String,
    /// Its own name within the group (code, id, level, map key or position).
    pub name: String,
    pub label: String,
    /// Where it sits in the section's JSON, as a JSON pointer (`/3`, `/ratings/red`).
    pub pointer: String,
}

/// An array entry's name: its `code`, `id` or `level`.
pub fn entry_name(v: &Value) -> Option<String> {
    ["code", "id", "level"]
        .iter()
        .find_map(|k| match v.get(*k) {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        })
}

/// The entries of one group, from the section's JSON.
pub fn entries(section_json: &Value, g: &Group) -> Vec<Entry> {
    let base = if g.at.is_empty() {
        String::new()
    } else {
        format!("/{}", g.at)
    };
    let key = |name: &str| {
        if g.at.is_empty() {
            name.to_string()
        } else {
            format!("{}/{name}", g.at)
        }
    };
    let label = |v: &Value| {
        [
            "name",
            "text",
            "heading",
            "title",
            "reason",
            "respond_within",
            "ask",
        ]
        .iter()
        .find_map(|k| v.get(*k).and_then(Value::as_str))
        .unwrap_or("")
        .to_string()
    };
    match (g.shape, section_json.pointer(&base)) {
        (Shape::List, Some(Value::Array(items))) => items
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let name = entry_name(v).unwrap_or_else(|| (i + 1).to_string());
                Entry {
                    key: key(&name),
                    name,
                    label: label(v),
                    pointer: format!("{base}/{i}"),
                }
            })
            .collect(),
        (Shape::Map, Some(Value::Object(map))) => map
            .iter()
            .map(|(k, v)| Entry {
                key: key(k),
                name: k.clone(),
                label: label(v),
                pointer: format!("{base}/{}", k.replace('~', "~0").replace('/', "~1")),
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The entry named `key` (a page key) in the section, with its group.
pub fn find(section_json: &Value, section: &str, key: &str) -> Option<(&'static Group, Entry)> {
    let (g, _) = group_of(section, key)?;
    entries(section_json, g)
        .into_iter()
        .find(|e| e.key == key)
        .map(|e| (g, e))
}

/// The page key of the entry at a `check` path's position in the section (`[3]`,
/// `.ratings.red`), with the rest of the path (`.text`).
pub fn entry_at<'p>(
    section_json: &Value,
    section: &str,
    rest: &'p str,
) -> Option<(String, &'p str)> {
    for g in groups(section) {
        let tail = if g.at.is_empty() {
            rest
        } else if let Some(t) = rest.strip_prefix('.').and_then(|r| r.strip_prefix(g.at)) {
            t
        } else {
            continue;
        };
        let found = entries(section_json, g);
        match g.shape {
            Shape::List => {
                let Some(inner) = tail.strip_prefix('[') else {
                    continue;
                };
                let (n, after) = inner.split_once(']')?;
                let i: usize = n.parse().ok()?;
                return found.get(i).map(|e| (e.key.clone(), after));
            }
            Shape::Map => {
                let Some(inner) = tail.strip_prefix('.') else {
                    continue;
                };
                let end = inner.find(['.', '[']).unwrap_or(inner.len());
                let (name, after) = inner.split_at(end);
                return found
                    .into_iter()
                    .find(|e| e.name == name)
                    .map(|e| (e.key, after));
            }
            Shape::One => {}
        }
    }
    None
}

/// The id of a field's control on the page (`entry-source-title`).
pub fn field_id(at: &str) -> String {
    if at.is_empty() {
        "entry-key".into()
    } else {
        format!("entry-{}", at.replace(['/', '.'], "-"))
    }
}

/// The id of the field a `check` path's rest (`.source.title`, `.text_for.partner`) is
/// about, when the form has one.
pub fn field_for_path(form: &[Field], rest: &str) -> Option<String> {
    let at = rest
        .trim_start_matches('.')
        .split('[')
        .next()
        .unwrap_or("")
        .replace('.', "/");
    form.iter()
        .filter(|f| !f.at.is_empty() && (at == f.at || at.starts_with(&format!("{}/", f.at))))
        .max_by_key(|f| f.at.len())
        .or_else(|| {
            form.iter()
                .find(|f| matches!(f.input, Input::Key) && !at.is_empty() && f.at == at)
        })
        .map(|f| field_id(f.at))
}

fn segments(at: &str) -> Vec<&str> {
    at.split('/').filter(|s| !s.is_empty()).collect()
}

/// The field's value in the entry, if it is there.
pub fn value_at<'v>(entry: &'v Value, at: &str) -> Option<&'v Value> {
    segments(at).into_iter().try_fold(entry, |v, s| v.get(s))
}

/// The field's value as its input shows it.
pub fn shown(entry: &Value, field: &Field) -> String {
    let Some(v) = value_at(entry, field.at) else {
        return field.default.to_string();
    };
    match (field.input, v) {
        (_, Value::String(s)) => s.clone(),
        (Input::Lines, Value::Array(items)) => strings(items).join("\n"),
        (Input::Commas, Value::Array(items)) => strings(items).join(", "),
        (_, Value::Number(n)) => match n.as_f64() {
            Some(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{}", x as i64),
            _ => n.to_string(),
        },
        (_, Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

/// Whether a checkbox is ticked now (the model's default when the file leaves it out).
pub fn flag(entry: &Value, field: &Field) -> bool {
    match value_at(entry, field.at) {
        Some(v) => v.as_bool().unwrap_or(false),
        None => field.default == "true",
    }
}

/// The codes a checkbox set holds now.
pub fn ticked(entry: &Value, field: &Field) -> Vec<String> {
    match value_at(entry, field.at) {
        Some(Value::Array(items)) => strings(items),
        _ => Vec::new(),
    }
}

fn strings(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .filter_map(|v| v.as_str().map(String::from))
        .collect()
}

/// What was entered in one field.
#[derive(Clone, Debug, PartialEq)]
pub enum Entered {
    Text(String),
    Flag(bool),
    /// A checkbox of a set: its code, ticked or not, and the options' order.
    Toggle {
        code: String,
        on: bool,
        order: Vec<String>,
    },
}

/// The entry with one field changed, or what is wrong with what was entered. The result
/// may still be refused by the model (`decode`), which says why in serde's words.
pub fn write_field(entry: &Value, field: &Field, entered: Entered) -> Result<Value, String> {
    let new = match (field.input, entered) {
        (Input::Level, Entered::Text(t)) => Some(Value::from(
            t.trim()
                .parse::<u8>()
                .ok()
                .filter(|l| (1..=4).contains(l))
                .ok_or_else(|| format!("{}: choose a level from 1 to 4", field.label))?,
        )),
        (Input::Text | Input::Area | Input::Choice(_) | Input::Key, Entered::Text(t)) => {
            let t = if matches!(field.input, Input::Key | Input::Choice(_)) {
                t.trim().to_string()
            } else {
                t
            };
            (!(field.optional && t.trim().is_empty())).then_some(Value::String(t))
        }
        (Input::Lines, Entered::Text(t)) => list(t.lines()),
        (Input::Commas, Entered::Text(t)) => list(t.split(',')),
        (Input::Whole, Entered::Text(t)) => match t.trim() {
            "" if field.optional => None,
            s => Some(Value::from(s.parse::<u32>().map_err(|_| {
                format!("{}: enter a whole number, like 3", field.label)
            })?)),
        },
        (Input::Years, Entered::Text(t)) if field.optional && t.trim().is_empty() => None,
        (Input::Years, Entered::Text(t)) => {
            let years = t
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|y| y.is_finite() && *y >= 0.0)
                .ok_or_else(|| format!("{}: enter an age in years, like 5 or 0.5", field.label))?;
            Some(serde_json::Number::from_f64(years).map_or(Value::Null, Value::Number))
        }
        (Input::Tick, Entered::Flag(on)) => (on || !field.optional).then_some(Value::Bool(on)),
        (Input::Part(seed), Entered::Flag(on)) => match on {
            true => Some(serde_json::from_str(seed).map_err(|e| e.to_string())?),
            false => None,
        },
        (Input::Ticks(_), Entered::Toggle { code, on, order }) => {
            let mut now = ticked(entry, field);
            now.retain(|c| *c != code);
            if on {
                now.push(code);
            }
            // Known codes in the options' order; any others the file had stay in front.
            let rank = |c: &String| order.iter().position(|o| o == c).map_or(0, |i| i + 1);
            now.sort_by_key(rank);
            (!(field.optional && now.is_empty()))
                .then(|| Value::Array(now.into_iter().map(Value::String).collect()))
        }
        (input, entered) => return Err(format!("{input:?} cannot take {entered:?}")),
    };
    let mut entry = entry.clone();
    set(&mut entry, &segments(field.at), new);
    Ok(entry)
}

fn list<'a>(items: impl Iterator<Item = &'a str>) -> Option<Value> {
    Some(Value::Array(
        items
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| Value::String(s.to_string()))
            .collect(),
    ))
}

/// The optional parts' starting values, so a part's first field can be typed alone (a
/// source needs its title, an outcome its title and summary).
fn seed(part: &str) -> Value {
    match part {
        "source" => serde_json::json!({ "title": "" }),
        // Every child, born or not: what a concern without `ages` applies to.
        "ages" => serde_json::json!({ "unborn": true, "born": true }),
        "follow_up" => serde_json::json!({ "question": "", "if_yes": "" }),
        "outcome" => serde_json::json!({ "title": "", "summary": "" }),
        _ => Value::Object(Map::new()),
    }
}

/// Sets (or with `None` removes) the value at `path`, making the parts on the way and
/// removing a part left as it started.
fn set(v: &mut Value, path: &[&str], new: Option<Value>) {
    let Some((first, rest)) = path.split_first() else {
        if let Some(n) = new {
            *v = n;
        }
        return;
    };
    if !v.is_object() {
        *v = Value::Object(Map::new());
    }
    let Some(map) = v.as_object_mut() else { return };
    if rest.is_empty() {
        match new {
            Some(n) => {
                map.insert(first.to_string(), n);
            }
            None => {
                map.remove(*first);
            }
        }
        return;
    }
    if new.is_none() && !map.contains_key(*first) {
        return;
    }
    let child = map.entry(first.to_string()).or_insert_with(|| seed(first));
    set(child, rest, new);
    if *child == seed(first) || child.as_object().is_some_and(Map::is_empty) {
        map.remove(*first);
    }
}

/// The entry renamed: its code or id set, or for a map entry, the key it is under.
pub fn rename(section_json: &mut Value, g: &Group, e: &Entry, to: &str) -> Result<(), String> {
    let to = to.trim();
    if to.is_empty() {
        return Err("Enter a name for it".into());
    }
    match g.shape {
        Shape::Map => {
            let base = if g.at.is_empty() {
                String::new()
            } else {
                format!("/{}", g.at)
            };
            let map = section_json
                .pointer_mut(&base)
                .and_then(Value::as_object_mut)
                .ok_or("the entries are not there")?;
            if map.contains_key(to) && to != e.name {
                return Err(format!("there is already an entry named {to}"));
            }
            if let Some(v) = map.remove(&e.name) {
                map.insert(to.to_string(), v);
            }
        }
        _ => {
            let slot = section_json
                .pointer_mut(&e.pointer)
                .ok_or("the entry is not there")?;
            let key_field = ["code", "id"]
                .into_iter()
                .find(|k| slot.get(*k).is_some())
                .ok_or("this entry has no name to change")?;
            slot[key_field] = Value::String(to.to_string());
        }
    }
    Ok(())
}

/// A copy of the group's last entry, named `{name}_new` (`{name}-new` for an id; then
/// `_new_2`, …), added at the end;
/// returns its page key.
pub fn add_copy(section_json: &mut Value, g: &Group) -> Option<String> {
    let existing = entries(section_json, g);
    let last = existing.last()?.clone();
    let taken = |n: &str| existing.iter().any(|e| e.name == n);
    let mut copy = section_json.pointer(&last.pointer)?.clone();
    // Codes (concerns, strengths, actions, contact keys) take `_`; ids take `-`.
    let sep = if copy.get("id").is_some() { '-' } else { '_' };
    let name = (1..)
        .map(|i| match i {
            1 => format!("{}{sep}new", last.name),
            i => format!("{}{sep}new{sep}{i}", last.name),
        })
        .find(|n| !taken(n))?;
    for k in ["code", "id"] {
        if let Some(slot) = copy.get_mut(k) {
            *slot = Value::String(name.clone());
        }
    }
    let base = if g.at.is_empty() {
        String::new()
    } else {
        format!("/{}", g.at)
    };
    match section_json.pointer_mut(&base)? {
        Value::Array(items) => {
            items.push(copy);
            entries(section_json, g).last().map(|e| e.key.clone())
        }
        Value::Object(map) => {
            map.insert(name.clone(), copy);
            Some(if g.at.is_empty() {
                name
            } else {
                format!("{}/{name}", g.at)
            })
        }
        _ => None,
    }
}

/// The section without the entry.
pub fn remove(section_json: &mut Value, e: &Entry) {
    let (parent, last) = match e.pointer.rsplit_once('/') {
        Some(p) => p,
        None => return,
    };
    match section_json.pointer_mut(parent) {
        Some(Value::Array(items)) => {
            if let Ok(i) = last.parse::<usize>() {
                if i < items.len() {
                    items.remove(i);
                }
            }
        }
        Some(Value::Object(map)) => {
            map.remove(&last.replace("~1", "/").replace("~0", "~"));
        }
        _ => {}
    }
}

/// The section with a list's entry moved one place up (or down); false when it cannot move.
/// Order matters in a list: urgency rules are tried in turn, actions keep the file's order
/// within one urgency, the request form's sections are printed in it.
pub fn move_entry(section_json: &mut Value, e: &Entry, up: bool) -> bool {
    let Some((parent, last)) = e.pointer.rsplit_once('/') else {
        return false;
    };
    let (Some(Value::Array(items)), Ok(i)) =
        (section_json.pointer_mut(parent), last.parse::<usize>())
    else {
        return false;
    };
    let j = if up { i.checked_sub(1) } else { Some(i + 1) };
    match j {
        Some(j) if i < items.len() && j < items.len() => {
            items.swap(i, j);
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_move_within_their_list_only() {
        let file = default_file();
        let mut json = read(&file, "contact_record").unwrap();
        let g = &groups("contact_record")[0];
        let list = entries(&json, g);
        assert!(
            !move_entry(&mut json, &list[0], true),
            "the first cannot go up"
        );
        assert!(move_entry(&mut json, &list[0], false));
        assert_eq!(entries(&json, g)[1].name, list[0].name);
        assert!(!move_entry(&mut json, list.last().unwrap(), false));
        let mut contacts = read(&file, "contacts").unwrap();
        let e = entries(&contacts, &groups("contacts")[0])[0].clone();
        assert!(!move_entry(&mut contacts, &e, false), "a map has no order");
    }

    fn default_file() -> GuidanceFile {
        crate::problem::parse_json(include_str!("../../www/guidance/default.json")).unwrap()
    }

    /// Every field of every form names a place the model has: a form written against
    /// a field the model renamed would write what serde refuses.
    #[test]
    fn every_form_reads_and_writes_the_model() {
        let file = default_file();
        let all = [
            "authority",
            "contacts",
            "levels",
            "pathways",
            "domains",
            "concerns",
            "strengths",
            "actions",
            "services",
            "settings",
            "request_form",
            "contact_record",
        ];
        for section in all {
            let json = read(&file, section).unwrap();
            assert!(!groups(section).is_empty(), "{section} has a form");
            for g in groups(section) {
                let list = match g.shape {
                    Shape::One => vec![Entry {
                        key: String::new(),
                        name: String::new(),
                        label: String::new(),
                        pointer: String::new(),
                    }],
                    _ => entries(&json, g),
                };
                assert!(!list.is_empty(), "{section}/{} has entries", g.at);
                for e in list {
                    let entry = json.pointer(&e.pointer).unwrap();
                    for field in g.form {
                        if matches!(field.input, Input::Key | Input::Part(_)) {
                            continue;
                        }
                        // Writing what the field shows leaves the model as it was.
                        let entered = match field.input {
                            Input::Tick => Entered::Flag(flag(entry, field)),
                            Input::Ticks(_) => continue,
                            _ => Entered::Text(shown(entry, field)),
                        };
                        if field.input == Input::Whole
                            && shown(entry, field).is_empty()
                            && !field.optional
                        {
                            continue;
                        }
                        let written = write_field(entry, field, entered).unwrap();
                        let mut whole = json.clone();
                        *whole.pointer_mut(&e.pointer).unwrap() = written;
                        let back = decode(section, whole.clone())
                            .unwrap_or_else(|m| panic!("{section} {} {}: {m}", e.key, field.at));
                        let mut again = file.clone();
                        back.put(&mut again);
                        let now = read(&again, section).unwrap();
                        assert_eq!(
                            now.pointer(&e.pointer),
                            json.pointer(&e.pointer),
                            "{section} {} {}",
                            e.key,
                            field.at
                        );
                        assert_eq!(now, json, "{section} {} {}", e.key, field.at);
                    }
                }
            }
        }
    }

    /// An entry read and written on its own is the entry the whole section has.
    #[test]
    fn items_are_the_sections_entries() {
        let file = default_file();
        for section in [
            "levels",
            "domains",
            "concerns",
            "strengths",
            "actions",
            "services",
        ] {
            let json = read(&file, section).unwrap();
            let last = json.as_array().unwrap().len() - 1;
            for i in [0, last] {
                let pointer = format!("/{i}");
                let (at, item) = read_item(&file, section, &pointer).unwrap();
                assert_eq!(
                    (at, Some(&item)),
                    (i, json.pointer(&pointer)),
                    "{section}{pointer}"
                );
                let mut again = file.clone();
                decode_item(section, i, item).unwrap().put(&mut again);
                assert_eq!(read(&again, section), Some(json.clone()));
            }
        }
        assert!(read_item(&file, "contact_record", "/urgency/0").is_none());
    }

    #[test]
    fn a_field_typed_changes_only_that_field() {
        let file = default_file();
        let json = read(&file, "actions").unwrap();
        let g = &groups("actions")[0];
        let e = find(&json, "actions", "call_999").unwrap().1;
        let entry = json.pointer(&e.pointer).unwrap();
        let timescale = g.form.iter().find(|f| f.at == "timescale").unwrap();
        let written = write_field(entry, timescale, Entered::Text("Straight away".into())).unwrap();
        assert_eq!(written["timescale"], "Straight away");
        assert_eq!(written["text"], entry["text"]);
        // An optional wording cleared is left out, and its map with it when empty.
        let mut v = entry.clone();
        for a in [
            "text_for/front_door",
            "text_for/school_dsl",
            "text_for/partner",
        ] {
            let field = g.form.iter().find(|f| f.at == a).unwrap();
            v = write_field(&v, field, Entered::Text(" ".into())).unwrap();
        }
        assert!(v.get("text_for").is_none());
    }

    #[test]
    fn a_source_can_be_started_from_any_of_its_fields_and_goes_when_emptied() {
        let form = PATHWAY_RULE;
        let section = form.iter().find(|f| f.at == "source/section").unwrap();
        let title = form.iter().find(|f| f.at == "source/title").unwrap();
        let v = write_field(
            &serde_json::json!({}),
            section,
            Entered::Text("s 47".into()),
        )
        .unwrap();
        assert_eq!(
            v,
            serde_json::json!({ "source": { "title": "", "section": "s 47" } })
        );
        let v = write_field(&v, section, Entered::Text("".into())).unwrap();
        assert_eq!(v, serde_json::json!({}));
        let v = write_field(&v, title, Entered::Text("Children Act 1989".into())).unwrap();
        assert_eq!(v["source"]["title"], "Children Act 1989");
    }

    /// A concern without `ages` applies to every child, unborn too: unticking "before
    /// birth" writes that limit, and ticking it again leaves no limit, not a different one.
    #[test]
    fn ages_left_out_mean_every_child() {
        let unborn = CONCERN.iter().find(|f| f.at == "ages/unborn").unwrap();
        let none = serde_json::json!({ "code": "x" });
        assert!(flag(&none, unborn), "shown ticked");
        let v = write_field(&none, unborn, Entered::Flag(false)).unwrap();
        assert_eq!(
            v["ages"],
            serde_json::json!({ "unborn": false, "born": true })
        );
        let v = write_field(&v, unborn, Entered::Flag(true)).unwrap();
        assert_eq!(v, none);
    }

    #[test]
    fn numbers_that_do_not_read_are_refused_with_the_field_named() {
        let whole = SETTINGS[0];
        let e =
            write_field(&serde_json::json!({}), &whole, Entered::Text("3a".into())).unwrap_err();
        assert!(e.contains("whole number"), "{e}");
        let years = SERVICE.iter().find(|f| f.at == "min_age").unwrap();
        assert!(write_field(&serde_json::json!({}), years, Entered::Text("-1".into())).is_err());
        let v = write_field(&serde_json::json!({}), years, Entered::Text("0.5".into())).unwrap();
        assert_eq!(v["min_age"], 0.5);
    }

    #[test]
    fn ticks_keep_the_options_order() {
        let field = SERVICE.iter().find(|f| f.at == "pathways").unwrap();
        let order: Vec<String> = PATHWAYS.iter().map(|(c, _)| c.to_string()).collect();
        let v = serde_json::json!({ "pathways": ["family_help"] });
        let v = write_field(
            &v,
            field,
            Entered::Toggle {
                code: "signpost".into(),
                on: true,
                order: order.clone(),
            },
        )
        .unwrap();
        assert_eq!(
            v["pathways"],
            serde_json::json!(["signpost", "family_help"])
        );
        let v = write_field(
            &v,
            field,
            Entered::Toggle {
                code: "signpost".into(),
                on: false,
                order,
            },
        )
        .unwrap();
        assert_eq!(v["pathways"], serde_json::json!(["family_help"]));
    }

    #[test]
    fn entries_are_found_from_check_paths() {
        let file = default_file();
        let json = read(&file, "contact_record").unwrap();
        let (key, rest) = entry_at(&json, "contact_record", ".urgency[1].reason").unwrap();
        assert_eq!(
            key,
            format!(
                "urgency/{}",
                file.contact_record.as_ref().unwrap().urgency[1].id
            )
        );
        assert_eq!(rest, ".reason");
        let (key, rest) = entry_at(&json, "contact_record", ".ratings.red.meaning").unwrap();
        assert_eq!((key.as_str(), rest), ("ratings/red", ".meaning"));
        let json = read(&file, "actions").unwrap();
        let (key, rest) = entry_at(&json, "actions", "[0].source.title").unwrap();
        assert_eq!((key.as_str(), rest), ("call_999", ".source.title"));
        assert_eq!(
            field_for_path(ACTION, rest).as_deref(),
            Some("entry-source-title")
        );
    }

    #[test]
    fn renaming_and_adding_keep_names_unique() {
        let file = default_file();
        let mut json = read(&file, "contacts").unwrap();
        let g = &groups("contacts")[0];
        let (_, e) = find(&json, "contacts", "lado").unwrap();
        rename(&mut json, g, &e, "lado_office").unwrap();
        assert!(json.get("lado").is_none() && json.get("lado_office").is_some());
        let police = find(&json, "contacts", "police").unwrap().1;
        assert!(rename(&mut json, g, &police, "lado_office").is_err());
        let added = add_copy(&mut json, g).unwrap();
        let again = add_copy(&mut json, g).unwrap();
        assert_ne!(added, again);
        let mut actions = read(&file, "actions").unwrap();
        let ga = &groups("actions")[0];
        let key = add_copy(&mut actions, ga).unwrap();
        let (_, e) = find(&actions, "actions", &key).unwrap();
        remove(&mut actions, &e);
        assert_eq!(actions, read(&file, "actions").unwrap());
    }
}
