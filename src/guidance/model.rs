//! The guidance file format: one local authority's support level guidance as data.
//! These types are the format; `schema.json` is generated from them and
//! `docs/guidance-format.md` explains them.

use super::condition::Condition;
use crate::vocabulary::{number_text, Audience, Pathway, Rag, Urgency};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The value of `format` every guidance file of this version carries.
pub const FORMAT_V1: &str = "front-door-triage/guidance/v1";

/// One authority's guidance file.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GuidanceFile {
    /// Editors use this to find the schema; the app ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always `front-door-triage/guidance/v1` for this version of the format.
    pub format: String,
    /// Short stable identifier, lowercase letters, digits and hyphens (`demo-borough`).
    pub id: String,
    pub title: String,
    /// The authority's own version label for this revision (`2026.1`).
    pub version: String,
    /// Date this revision was published, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Where the full written guidance lives, for people who cannot use the tool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_url: Option<String>,
    pub authority: Authority,
    /// Named contacts (`front_door` is required); actions refer to them by name.
    pub contacts: BTreeMap<String, Contact>,
    /// Exactly the four levels of need, 1 to 4.
    pub levels: Vec<Level>,
    /// What each pathway is called and leads to, in this authority's words.
    pub pathways: PathwayTexts,
    pub domains: Vec<Domain>,
    pub concerns: Vec<Concern>,
    pub strengths: Vec<Strength>,
    /// Every action a decision can ask for, in the order a practitioner should do them.
    pub actions: Vec<Action>,
    pub rules: Rules,
    /// The directory of services to signpost to.
    #[serde(default)]
    pub services: Vec<Service>,
    /// Limits the engine applies whatever the rules say.
    #[serde(default)]
    pub settings: Settings,
    /// The authority's request-for-support form (MARF), for the draft the app writes after
    /// a Family Help or child protection decision. No draft is offered without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_form: Option<RequestForm>,
    /// What the front door records about a contact: its urgency rating, the checks to make
    /// and with whom, and the feedback owed to the referrer. Front-door practitioners are
    /// shown it and record it with their decision; without it their record has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_record: Option<ContactRecordRules>,
}

/// The front door's contact record, as this authority keeps it (issue 16). Its rules see
/// what action rules see: the case, consent, who is asking and the route decided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactRecordRules {
    /// What each rating means here and how soon the front door responds.
    pub ratings: Ratings,
    /// Hit policy "first": the first rule whose condition holds rates the contact. The
    /// last rule must be `always`, so every contact is rated.
    pub urgency: Vec<UrgencyRule>,
    /// Hit policy "collect": every check whose condition holds is listed, in this order.
    #[serde(default)]
    pub checks: Vec<Check>,
    /// What the referrer is told, and by when, for each route decided.
    pub feedback: FeedbackTexts,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ratings {
    pub red: RatingText,
    pub amber: RatingText,
    pub green: RatingText,
}

impl Ratings {
    pub fn get(&self, rating: Rag) -> &RatingText {
        match rating {
            Rag::Red => &self.red,
            Rag::Amber => &self.amber,
            Rag::Green => &self.green,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RatingText {
    /// How soon the front door responds (`Within 4 hours`).
    pub respond_within: String,
    /// What the rating means, in one sentence.
    pub meaning: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UrgencyRule {
    pub id: String,
    pub when: Condition,
    pub rating: Rag,
    /// Why this rating, in a sentence the record keeps.
    pub reason: String,
}

/// A check the front door makes with a partner before deciding what happens next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub id: String,
    /// Who the check is made with (`Police`, `Health: GP and health visitor`).
    pub with: String,
    /// What to ask them or look for, in one sentence.
    pub ask: String,
    pub when: Condition,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeedbackTexts {
    pub signpost: Feedback,
    pub family_help: Feedback,
    pub macpt_referral: Feedback,
    pub emergency: Feedback,
}

impl FeedbackTexts {
    pub fn get(&self, pathway: Pathway) -> &Feedback {
        match pathway {
            Pathway::Signpost => &self.signpost,
            Pathway::FamilyHelp => &self.family_help,
            Pathway::MacptReferral => &self.macpt_referral,
            Pathway::Emergency => &self.emergency,
        }
    }
}

/// What the person who contacted the front door is told, and by when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    /// What to tell them, in one sentence.
    pub text: String,
    /// By when (`Within 1 working day`).
    pub within: String,
}

/// A request-for-support form as the authority lays it out: its sections in its own order
/// and headings, and which parts of the decision record fill each. The practitioner pastes
/// the draft into the authority's own form, so the order and headings are the authority's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RequestForm {
    /// The form's name, as the authority calls it ("Multi-agency request for support").
    pub title: String,
    /// The form's sections, in the order the form asks them.
    pub sections: Vec<FormSection>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FormSection {
    /// The section's heading, as printed on the form.
    pub heading: String,
    /// What fills the section, in this order. Empty: the draft shows the heading alone.
    #[serde(default)]
    pub fields: Vec<FormField>,
}

/// What the draft can write into a form section. A fixed list: each is something the
/// decision record holds (or, for names and addresses, a placeholder the practitioner
/// fills in their own system: the tool never asks for a name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FormField {
    /// Placeholders for who is asking: name and role, organisation, phone, email, date.
    Referrer,
    /// Placeholders for the child's identity, with what the case holds: age, unborn,
    /// not yet mobile, disability or SEND.
    Child,
    /// Placeholders for parents, carers and everyone in the household.
    Household,
    /// The route asked for and the level the referrer thinks applies.
    RequestTypeAndLevel,
    /// Why that level: the guidance's reasons, or the practitioner's own.
    Reasons,
    /// Consent, whether parents know and, if not, why.
    ConsentAndParentsTold,
    /// The concerns chosen, as text.
    Worries,
    /// What was seen and what was reported: a prompt (the case does not hold it).
    SeenOrReported,
    /// The child's words, as the practitioner recorded them.
    ChildWords,
    /// The strengths chosen and what is going well.
    Strengths,
    /// Whether the child is known to social care, and earlier contacts.
    PreviousInvolvement,
    /// What has already been done: a prompt (the case does not hold it).
    ActionTaken,
    /// What the referrer asks for: the route and what it gives the family.
    OutcomeSought,
    /// Other professionals involved: a prompt.
    ProfessionalsInvolved,
    /// The practitioner's other notes.
    OtherInformation,
}

impl FormField {
    pub const ALL: [FormField; 15] = [
        FormField::Referrer,
        FormField::Child,
        FormField::Household,
        FormField::RequestTypeAndLevel,
        FormField::Reasons,
        FormField::ConsentAndParentsTold,
        FormField::Worries,
        FormField::SeenOrReported,
        FormField::ChildWords,
        FormField::Strengths,
        FormField::PreviousInvolvement,
        FormField::ActionTaken,
        FormField::OutcomeSought,
        FormField::ProfessionalsInvolved,
        FormField::OtherInformation,
    ];

    /// The key as written in a guidance file.
    pub fn code(self) -> &'static str {
        match self {
            FormField::Referrer => "referrer",
            FormField::Child => "child",
            FormField::Household => "household",
            FormField::RequestTypeAndLevel => "request_type_and_level",
            FormField::Reasons => "reasons",
            FormField::ConsentAndParentsTold => "consent_and_parents_told",
            FormField::Worries => "worries",
            FormField::SeenOrReported => "seen_or_reported",
            FormField::ChildWords => "child_words",
            FormField::Strengths => "strengths",
            FormField::PreviousInvolvement => "previous_involvement",
            FormField::ActionTaken => "action_taken",
            FormField::OutcomeSought => "outcome_sought",
            FormField::ProfessionalsInvolved => "professionals_involved",
            FormField::OtherInformation => "other_information",
        }
    }
}

/// Limits on the decision that hold whatever the rules say (docs/contracts.md 2, invariant 7).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The most level-2 concerns that recorded strengths may lower from `family_help` to
    /// `signpost`: with more than this, the needs stand whatever is going well. Default 4.
    #[serde(default = "default_strengths_lower_at_most")]
    pub strengths_lower_at_most: u32,
    /// The contact about a child, counting this one, that makes a repeat pattern within
    /// 12 months (3: the third contact). Rules test it with the condition `repeat_contact`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat_contacts_at_least: Option<u32>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            strengths_lower_at_most: default_strengths_lower_at_most(),
            repeat_contacts_at_least: None,
        }
    }
}

fn default_strengths_lower_at_most() -> u32 {
    4
}

/// The law or guidance something rests on, shown beside it so a practitioner can check it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The document (`Children Act 1989`, `Working Together to Safeguard Children 2023`).
    pub title: String,
    /// Where in it (`section 47`, `chapter 2`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// A web address for it: `https://` or `http://`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Source {
    /// "Children Act 1989, section 47": the title and section, as a citation reads.
    pub fn citation(&self) -> String {
        match &self.section {
            Some(section) => format!("{}, {section}", self.title),
            None => self.title.clone(),
        }
    }
}

/// Who a concern can apply to. A case selecting a concern outside its ages is an error,
/// and the flow offers a concern only to the children it fits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ages {
    /// The youngest age in years it applies to (inclusive); no lower limit when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<f64>,
    /// It applies to children younger than this many years; no upper limit when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below: Option<f64>,
    /// Whether it applies before birth. Default false.
    #[serde(default)]
    pub unborn: bool,
    /// Whether it applies after birth. Default true.
    #[serde(default = "yes")]
    pub born: bool,
}

fn yes() -> bool {
    true
}

impl Ages {
    /// Whether a child of this age (`None` for an unborn baby) fits.
    pub fn fits(&self, age_years: Option<f64>) -> bool {
        match age_years {
            None => self.unborn,
            Some(age) => {
                self.born
                    && self.at_least.is_none_or(|min| age >= min)
                    && self.below.is_none_or(|max| age < max)
            }
        }
    }

    /// "children aged 13 to 15", "children under 13", "unborn babies": who it fits, in words.
    pub fn in_words(&self) -> String {
        let years = |a: f64| number_text((a * 10.0).round() / 10.0);
        let born = match (self.at_least.filter(|&a| a > 0.0), self.below) {
            (None, None) => "children of any age".to_string(),
            (None, Some(b)) => format!("children under {}", years(b)),
            (Some(a), None) => format!("children aged {} and over", years(a)),
            (Some(a), Some(b)) if b - a == 1.0 => format!("children aged {}", years(a)),
            (Some(a), Some(b)) => format!("children aged {} to {}", years(a), years(b - 1.0)),
        };
        match (self.born, self.unborn) {
            (true, true) => format!("{born} and unborn babies"),
            (true, false) => born,
            (false, true) => "unborn babies".to_string(),
            (false, false) => "no child".to_string(),
        }
    }
}

/// A question the flow asks when a concern is chosen, whose "yes" is a more serious
/// concern (an allegation against a member of staff: has the child been harmed?).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// The question, answered yes or no.
    pub question: String,
    /// The concern a "yes" adds.
    pub if_yes: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    pub name: String,
    /// True for demonstration guidance: the app shows a "not for live use" banner.
    #[serde(default)]
    pub demo: bool,
    /// The banner's words when `demo` is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub demo_notice: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    pub phone: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Who is given this contact beside an action; everyone when left out. The front
    /// door's own lines are not for front-door practitioners, who are the front door.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shown_to: Vec<Audience>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// 1 universal, 2 additional, 3 family help, 4 child protection.
    pub level: u8,
    pub name: String,
    pub summary: String,
    /// Levels 1 and 2 lead to `signpost`, 3 to `family_help`, 4 to `macpt_referral`.
    pub pathway: Pathway,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PathwayTexts {
    pub signpost: PathwayText,
    pub family_help: PathwayText,
    pub macpt_referral: PathwayText,
    pub emergency: PathwayText,
}

impl PathwayTexts {
    pub fn get(&self, pathway: Pathway) -> &PathwayText {
        match pathway {
            Pathway::Signpost => &self.signpost,
            Pathway::FamilyHelp => &self.family_help,
            Pathway::MacptReferral => &self.macpt_referral,
            Pathway::Emergency => &self.emergency,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PathwayText {
    pub title: String,
    pub summary: String,
    /// Other wording of the summary for a particular audience (front-door practitioners
    /// are not told to phone the front door).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub summary_for: BTreeMap<Audience, String>,
    /// Who the family gets under Families First (for example a Family Help Lead Practitioner).
    pub allocation: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub id: String,
    pub name: String,
    /// Optional grouping of domains (`child`, `parenting`, `family`, `harm`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// Whom its concerns are about: `family` concerns (a parent's needs, domestic abuse
    /// at home, the home itself) are carried over to the next child in the family;
    /// `child` concerns are asked afresh for each child. Default `child`.
    #[serde(default, skip_serializing_if = "About::is_child")]
    pub about: About,
}

/// Whether a concern is about one child or about the whole family (issue 16, siblings).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum About {
    #[default]
    Child,
    Family,
}

impl About {
    pub fn is_child(&self) -> bool {
        *self == About::Child
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Concern {
    /// Stable code, `domain.name` by convention (`abuse.unexplained_injury`).
    pub code: String,
    pub domain: String,
    pub level: u8,
    /// What users see: one plain sentence.
    pub text: String,
    #[serde(default)]
    pub examples: Vec<String>,
    /// Other words people type for it, for the search: synonyms, abbreviations (DV, CSE),
    /// everyday and family words ("dad hits mum", "nan"). Never shown; only searched.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<String>,
    /// Duties tied to the concern (`s47`, `lado`, `prevent`, ...); rules can test them.
    #[serde(default)]
    pub flags: Vec<String>,
    /// The children it can apply to; every child when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ages: Option<Ages>,
    /// A yes-or-no question to ask when the concern is chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUp>,
    /// The law or guidance behind its level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// Overrides its domain's `about` for this concern: a child's own concern in a family
    /// domain ("the child is violent towards a parent") is not carried to a sibling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<About>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Strength {
    pub code: String,
    pub text: String,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub code: String,
    pub text: String,
    /// By when, in words (`Now`, `Within 1 working day`).
    pub timescale: String,
    /// How soon, for the order of "What to do now": `now`, `today`, then `days`.
    /// Within one urgency, actions keep the file's order. Default `days`.
    #[serde(default, skip_serializing_if = "Urgency::is_default")]
    pub urgency: Urgency,
    /// The name of a contact in `contacts`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Other wording for a particular audience; the pathway never depends on it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub text_for: BTreeMap<Audience, String>,
    /// A statutory or specialist duty on top of the pathway: shown with a "Duty" tag, and
    /// never removed by strengths.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub duty: bool,
    /// Flags that make this action unsafe: it never appears in a decision with a concern
    /// carrying any of them, whatever the rules say (a family meeting where there is forced
    /// marriage or sexual abuse).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub never_with_flags: Vec<String>,
    /// The law or guidance that sets the duty or timescale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// The decision tables, evaluated in this order.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// Hit policy "first": the first rule whose condition holds gives the pathway.
    pub pathway: Vec<PathwayRule>,
    /// Hit policy "collect": every matching rule may raise the pathway or advise consultation.
    #[serde(default)]
    pub escalation: Vec<EscalationRule>,
    /// Hit policy "collect": every matching rule adds its actions.
    #[serde(default)]
    pub actions: Vec<ActionRule>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PathwayRule {
    pub id: String,
    pub when: Condition,
    pub pathway: Pathway,
    /// Why, in a sentence the user sees.
    pub reason: String,
    /// Lets recorded strengths lower this rule's `family_help` to `signpost`, and only
    /// when no level-3 or level-4 concern is present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lowered_by_strengths: Option<StrengthLowering>,
    /// What the outcome says instead of the pathway's own title and summary when this rule
    /// decides: for a duty that is the real next step (an allegation goes to the LADO),
    /// so the outcome never reads as "nothing more to do".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<OutcomeText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomeText {
    pub title: String,
    pub summary: String,
    /// Other wording of the summary for a particular audience.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub summary_for: BTreeMap<Audience, String>,
    /// What happens next, instead of the pathway's `allocation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocation: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StrengthLowering {
    /// How many strengths must be recorded.
    pub at_least: u32,
    pub to: Pathway,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EscalationRule {
    pub id: String,
    pub when: Condition,
    /// Raise the pathway to at least this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<Pathway>,
    #[serde(default)]
    pub consultation_advised: bool,
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionRule {
    pub id: String,
    pub when: Condition,
    #[serde(default)]
    pub actions: Vec<String>,
    #[serde(default)]
    pub consultation_advised: bool,
    /// Shown under "Why" when the rule matches; leave out for routine actions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// What the outcome says instead of the pathway's title and summary when this rule
    /// matches (family help with consent refused is not "Request Family Help"). Needs a
    /// `reason`. The first matching action rule with one wins over the pathway rule's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<OutcomeText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub id: String,
    pub name: String,
    pub helps_with: String,
    /// Domains whose concerns this service helps with. With `concerns` also empty, it helps
    /// with any concern.
    #[serde(default)]
    pub domains: Vec<String>,
    /// Particular concerns it helps with, beside (or instead of) whole domains.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub concerns: Vec<String>,
    #[serde(default)]
    pub min_age: f64,
    #[serde(default = "default_max_age")]
    pub max_age: f64,
    /// How to reach it, in words (phone, web address, drop-in).
    pub contact: String,
    /// Pathways it is offered on; default `signpost` and `family_help`.
    #[serde(default = "default_service_pathways")]
    pub pathways: Vec<Pathway>,
}

fn default_max_age() -> f64 {
    crate::vocabulary::MAX_AGE_YEARS
}

fn default_service_pathways() -> Vec<Pathway> {
    vec![Pathway::Signpost, Pathway::FamilyHelp]
}
