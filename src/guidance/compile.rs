//! Checks a parsed guidance file and compiles its rules. Every problem is collected with
//! its JSON path, so an author fixes a file in one pass rather than one error at a time.

use super::compiled::{mask_of, Compiled, CompiledActionRule};
use super::condition::Condition;
use super::{Guidance, GuidanceError, GuidanceFile, FORMAT_V1};
use crate::problem::Problem;
use crate::vocabulary::{number_text, Audience, Consent, KnownToSocialCare, Pathway, LEVELS};
use std::collections::{HashMap, HashSet};

/// Flags and domains are held as bits of a `u64` so rule tests cost one AND.
const MAX_FLAGS: usize = 64;
const MAX_DOMAINS: usize = 64;

/// Which decision table a condition sits in: some facts may not change the pathway.
#[derive(Clone, Copy, PartialEq)]
enum Table {
    Pathway,
    Escalation,
    Actions,
}

struct Checker<'a> {
    file: &'a GuidanceFile,
    problems: Vec<Problem>,
    domain_index: HashMap<&'a str, u8>,
    concern_index: HashMap<String, u32>,
    strength_index: HashMap<String, u32>,
    action_index: HashMap<&'a str, u32>,
    flag_index: HashMap<&'a str, u8>,
}

pub(super) fn compile(file: GuidanceFile, sha256: String) -> Result<Guidance, GuidanceError> {
    let mut c = Checker {
        file: &file,
        problems: Vec::new(),
        domain_index: HashMap::new(),
        concern_index: HashMap::new(),
        strength_index: HashMap::new(),
        action_index: HashMap::new(),
        flag_index: HashMap::new(),
    };
    c.check_header();
    c.check_contacts();
    c.check_levels();
    c.check_domains();
    c.check_concerns();
    c.check_follow_ups();
    c.check_strengths();
    let action_never_flags = c.check_actions();
    let pathway_rules = c.check_pathway_rules();
    let escalation_rules = c.check_escalation_rules();
    let action_rules = c.check_action_rules();
    let (service_domains, service_concerns) = c.check_services();
    c.check_unique_rule_ids();
    c.check_settings();
    c.check_request_form();
    let (urgency_rules, check_rules) = c.check_contact_record();

    if !c.problems.is_empty() {
        return Err(GuidanceError {
            problems: c.problems,
        });
    }
    let concern_levels = file.concerns.iter().map(|x| x.level).collect();
    let concern_domains = file
        .concerns
        .iter()
        .map(|x| c.domain_index[x.domain.as_str()])
        .collect();
    let concern_flags = file
        .concerns
        .iter()
        .map(|x| {
            x.flags
                .iter()
                .fold(0u64, |m, f| m | (1 << c.flag_index[f.as_str()]))
        })
        .collect();
    let Checker {
        concern_index,
        strength_index,
        ..
    } = c;
    Ok(Guidance {
        concern_index,
        strength_index,
        concern_levels,
        concern_domains,
        concern_flags,
        pathway_rules,
        escalation_rules,
        action_rules,
        action_never_flags,
        urgency_rules,
        check_rules,
        service_domains,
        service_concerns,
        sha256,
        file,
    })
}

fn is_identifier(s: &str, extra: &[char]) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || extra.contains(&ch))
}

/// One bit per named flag or domain; a name the file does not define is a problem at its
/// place in the list.
fn mask_of_names(
    names: &[String],
    index: &HashMap<&str, u8>,
    path: &str,
    unknown: impl Fn(&str) -> String,
    problems: &mut Vec<Problem>,
) -> u64 {
    let mut mask = 0u64;
    for (j, name) in names.iter().enumerate() {
        match index.get(name.as_str()) {
            Some(&bit) => mask |= 1 << bit,
            None => problems.push(Problem::new(format!("{path}[{j}]"), unknown(name))),
        }
    }
    mask
}

impl<'a> Checker<'a> {
    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    fn require_text(&mut self, path: String, value: &str, what: &str) {
        if value.trim().is_empty() {
            self.problem(path, format!("{what} is empty"));
        }
    }

    fn check_header(&mut self) {
        let f = self.file;
        if f.format != FORMAT_V1 {
            self.problem(
                "$.format",
                format!("unsupported format '{}': expected '{FORMAT_V1}'", f.format),
            );
        }
        if !is_identifier(&f.id, &['-']) {
            self.problem(
                "$.id",
                format!(
                    "id '{}' must be lowercase letters, digits and hyphens",
                    f.id
                ),
            );
        }
        self.require_text("$.title".into(), &f.title, "the title");
        self.require_text("$.version".into(), &f.version, "the version");
        self.require_text(
            "$.authority.name".into(),
            &f.authority.name,
            "the authority's name",
        );
        for p in Pathway::ALL {
            let t = f.pathways.get(p);
            let base = format!("$.pathways.{}", p.code());
            self.require_text(format!("{base}.title"), &t.title, "the title");
            self.require_text(format!("{base}.summary"), &t.summary, "the summary");
            for (audience, text) in &t.summary_for {
                self.require_text(
                    format!("{base}.summary_for.{}", audience.code()),
                    text,
                    "the summary",
                );
            }
            self.require_text(
                format!("{base}.allocation"),
                &t.allocation,
                "the allocation",
            );
        }
    }

    fn check_contacts(&mut self) {
        let f = self.file;
        if !f.contacts.contains_key(super::contact_keys::FRONT_DOOR) {
            self.problem(
                "$.contacts",
                "there is no 'front_door' contact: every decision may need the front door's number",
            );
        }
        for (name, contact) in &f.contacts {
            let base = format!("$.contacts.{name}");
            self.require_text(format!("{base}.name"), &contact.name, "the contact's name");
            self.require_text(format!("{base}.phone"), &contact.phone, "the phone number");
        }
    }

    fn check_levels(&mut self) {
        let mut seen = [false; 5];
        for (i, l) in self.file.levels.iter().enumerate() {
            let path = format!("$.levels[{i}]");
            if !LEVELS.contains(&l.level) {
                self.problem(
                    format!("{path}.level"),
                    format!("level {} is outside 1 to 4", l.level),
                );
                continue;
            }
            if std::mem::replace(&mut seen[l.level as usize], true) {
                self.problem(
                    format!("{path}.level"),
                    format!("level {} is defined twice", l.level),
                );
            }
            let expected = match l.level {
                1 | 2 => Pathway::Signpost,
                3 => Pathway::FamilyHelp,
                _ => Pathway::MacptReferral,
            };
            if l.pathway != expected {
                self.problem(
                    format!("{path}.pathway"),
                    format!(
                        "level {} leads to '{}', not '{}'",
                        l.level,
                        expected.code(),
                        l.pathway.code()
                    ),
                );
            }
            self.require_text(format!("{path}.name"), &l.name, "the level's name");
            self.require_text(format!("{path}.summary"), &l.summary, "the level's summary");
        }
        for (level, present) in seen.iter().enumerate().skip(1) {
            if !present {
                self.problem("$.levels", format!("level {level} is missing"));
            }
        }
    }

    fn check_domains(&mut self) {
        let f = self.file;
        if f.domains.len() > MAX_DOMAINS {
            self.problem(
                "$.domains",
                format!(
                    "{} domains: at most {MAX_DOMAINS} are supported",
                    f.domains.len()
                ),
            );
        }
        for (i, d) in f.domains.iter().enumerate() {
            let path = format!("$.domains[{i}]");
            if !is_identifier(&d.id, &['_']) {
                self.problem(
                    format!("{path}.id"),
                    format!(
                        "domain id '{}' must be lowercase letters, digits and underscores",
                        d.id
                    ),
                );
            }
            if self.domain_index.insert(&d.id, i.min(63) as u8).is_some() {
                self.problem(
                    format!("{path}.id"),
                    format!("domain '{}' is defined twice", d.id),
                );
            }
            self.require_text(format!("{path}.name"), &d.name, "the domain's name");
        }
    }

    fn check_concerns(&mut self) {
        let f = self.file;
        for (i, c) in f.concerns.iter().enumerate() {
            let path = format!("$.concerns[{i}]");
            if !is_identifier(&c.code, &['_', '.']) {
                self.problem(
                    format!("{path}.code"),
                    format!(
                        "code '{}' must be lowercase letters, digits, '_' and '.'",
                        c.code
                    ),
                );
            }
            if self
                .concern_index
                .insert(c.code.clone(), i as u32)
                .is_some()
            {
                self.problem(
                    format!("{path}.code"),
                    format!("concern '{}' is defined twice", c.code),
                );
            }
            if !self.domain_index.contains_key(c.domain.as_str()) {
                self.problem(
                    format!("{path}.domain"),
                    format!("concern '{}' is in unknown domain '{}'", c.code, c.domain),
                );
            }
            if !LEVELS.contains(&c.level) {
                self.problem(
                    format!("{path}.level"),
                    format!("concern '{}' has level {}, outside 1 to 4", c.code, c.level),
                );
            }
            self.require_text(format!("{path}.text"), &c.text, "the concern's text");
            for (j, term) in c.terms.iter().enumerate() {
                self.require_text(format!("{path}.terms[{j}]"), term, "the search term");
            }
            if let Some(ages) = &c.ages {
                self.check_ages(ages, &format!("{path}.ages"));
            }
            self.check_family_concern(c, &path);
            self.check_source(c.source.as_ref(), &path);
            for (j, flag) in c.flags.iter().enumerate() {
                if !is_identifier(flag, &['_']) {
                    self.problem(
                        format!("{path}.flags[{j}]"),
                        format!("flag '{flag}' must be lowercase letters, digits and underscores"),
                    );
                }
                let next = self.flag_index.len();
                if !self.flag_index.contains_key(flag.as_str()) {
                    if next >= MAX_FLAGS {
                        self.problem(
                            format!("{path}.flags[{j}]"),
                            format!("more than {MAX_FLAGS} different flags are not supported"),
                        );
                        continue;
                    }
                    self.flag_index.insert(flag, next as u8);
                }
            }
        }
    }

    /// A family concern is carried over to every sibling, whatever their age, so it cannot
    /// be one only some children can have.
    fn check_family_concern(&mut self, c: &super::Concern, path: &str) {
        let domain_about = self
            .file
            .domains
            .iter()
            .find(|d| d.id == c.domain)
            .map(|d| d.about)
            .unwrap_or_default();
        if c.about.unwrap_or(domain_about) == super::About::Family && c.ages.is_some() {
            self.problem(
                format!("{path}.about"),
                format!(
                    "concern '{}' is about the family but only fits some ages: a family concern is carried over to every child in the family, so either leave out its ages or add \"about\": \"child\"",
                    c.code
                ),
            );
        }
    }

    /// A follow-up question's "yes" must be another concern, checked once every code is known.
    fn check_follow_ups(&mut self) {
        let f = self.file;
        for (i, c) in f.concerns.iter().enumerate() {
            let Some(follow) = &c.follow_up else { continue };
            let path = format!("$.concerns[{i}].follow_up");
            self.require_text(format!("{path}.question"), &follow.question, "the question");
            if follow.if_yes == c.code {
                self.problem(
                    format!("{path}.if_yes"),
                    format!("the follow-up of '{}' adds the same concern", c.code),
                );
            } else if !self.concern_index.contains_key(&follow.if_yes) {
                self.problem(
                    format!("{path}.if_yes"),
                    format!("unknown concern '{}'", follow.if_yes),
                );
            }
        }
    }

    fn check_ages(&mut self, ages: &super::Ages, path: &str) {
        let limit = crate::vocabulary::MAX_AGE_YEARS;
        let valid = |a: f64| (0.0..=limit).contains(&a);
        if let Some(a) = ages.at_least.filter(|a| !valid(*a)) {
            self.problem(
                format!("{path}.at_least"),
                format!(
                    "age {} is outside 0 to {} years",
                    number_text(a),
                    number_text(limit)
                ),
            );
        }
        if let Some(b) = ages.below {
            if !(b > 0.0 && b <= limit + 1.0) {
                self.problem(
                    format!("{path}.below"),
                    format!(
                        "below {} is outside 0 to {} years",
                        number_text(b),
                        number_text(limit + 1.0)
                    ),
                );
            } else if ages.at_least.is_some_and(|a| valid(a) && b <= a) {
                self.problem(
                    format!("{path}.below"),
                    format!(
                        "below {} is not above at_least {}: no child would fit",
                        number_text(b),
                        number_text(ages.at_least.unwrap_or_default())
                    ),
                );
            }
        }
        if !ages.born && !ages.unborn {
            self.problem(
                path.to_string(),
                "born and unborn are both false: no child would fit",
            );
        }
        if !ages.born && (ages.at_least.is_some() || ages.below.is_some()) {
            self.problem(
                path.to_string(),
                "ages are given for a concern that applies only before birth",
            );
        }
    }

    /// `path` is the object holding the source.
    fn check_source(&mut self, source: Option<&super::Source>, path: &str) {
        let Some(source) = source else { return };
        self.require_text(
            format!("{path}.source.title"),
            &source.title,
            "the source's title",
        );
        if let Some(section) = &source.section {
            self.require_text(format!("{path}.source.section"), section, "the section");
        }
        if let Some(url) = &source.url {
            if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(' ') {
                self.problem(
                    format!("{path}.source.url"),
                    format!("'{url}' is not a web address: it must start with https:// or http://"),
                );
            }
        }
    }

    fn check_outcome(&mut self, outcome: &super::OutcomeText, path: &str) {
        self.require_text(format!("{path}.outcome.title"), &outcome.title, "the title");
        self.require_text(
            format!("{path}.outcome.summary"),
            &outcome.summary,
            "the summary",
        );
        for (audience, text) in &outcome.summary_for {
            self.require_text(
                format!("{path}.outcome.summary_for.{}", audience.code()),
                text,
                "the summary",
            );
        }
        if let Some(allocation) = &outcome.allocation {
            self.require_text(
                format!("{path}.outcome.allocation"),
                allocation,
                "what happens next",
            );
        }
    }

    fn check_settings(&mut self) {
        if let Some(n) = self.file.settings.repeat_contacts_at_least {
            if n < 2 {
                self.problem(
                    "$.settings.repeat_contacts_at_least",
                    format!("{n} is not a repeat: the first contact is 1, so use 2 or more"),
                );
            }
        }
        if self.file.settings.strengths_lower_at_most == 0 {
            self.problem(
                "$.settings.strengths_lower_at_most",
                "must be 1 or more: to stop strengths lowering any case, remove lowered_by_strengths from the rules instead",
            );
        }
    }

    /// The request-for-support form: a title, at least one section, each with a heading
    /// of its own, and no field twice in one section. (An unknown field key is a parse
    /// error, located by serde.)
    fn check_request_form(&mut self) {
        let Some(form) = &self.file.request_form else {
            return;
        };
        self.require_text(
            "$.request_form.title".into(),
            &form.title,
            "the form's title",
        );
        if form.sections.is_empty() {
            self.problem(
                "$.request_form.sections",
                "the form has no sections: list them in the form's own order",
            );
        }
        let mut headings: HashMap<String, usize> = HashMap::new();
        for (i, section) in form.sections.iter().enumerate() {
            let path = format!("$.request_form.sections[{i}]");
            self.require_text(format!("{path}.heading"), &section.heading, "the heading");
            // ASCII case only: Unicode's case tables would be 21 KB of the browser build (issue 14).
            let key = section.heading.trim().to_ascii_lowercase();
            if !key.is_empty() {
                let first = *headings.entry(key).or_insert(i);
                if first != i {
                    self.problem(
                        format!("{path}.heading"),
                        format!(
                            "section '{}' is already at $.request_form.sections[{first}]",
                            section.heading.trim()
                        ),
                    );
                }
            }
            let mut seen = HashSet::new();
            for (j, field) in section.fields.iter().enumerate() {
                if !seen.insert(*field) {
                    self.problem(
                        format!("{path}.fields[{j}]"),
                        format!("'{}' is listed twice in this section", field.code()),
                    );
                }
            }
        }
    }

    /// The front door's contact record: every rating described, every contact rated (the
    /// last urgency rule is `always`), every check and feedback worded. Its conditions see
    /// what action rules see, and like them can never change the pathway.
    fn check_contact_record(&mut self) -> (Vec<Compiled>, Vec<Compiled>) {
        let Some(record) = &self.file.contact_record else {
            return (Vec::new(), Vec::new());
        };
        for rating in crate::vocabulary::Rag::ALL {
            let path = format!("$.contact_record.ratings.{}", rating.code());
            let text = record.ratings.get(rating);
            self.require_text(
                format!("{path}.respond_within"),
                &text.respond_within,
                "how soon the front door responds",
            );
            self.require_text(format!("{path}.meaning"), &text.meaning, "what it means");
        }
        for pathway in Pathway::ALL {
            let path = format!("$.contact_record.feedback.{}", pathway.code());
            let f = record.feedback.get(pathway);
            self.require_text(format!("{path}.text"), &f.text, "the feedback");
            self.require_text(format!("{path}.within"), &f.within, "by when");
        }
        match record.urgency.last() {
            None => self.problem(
                "$.contact_record.urgency",
                "no urgency rules: list them, ending with one whose condition is \"always\"",
            ),
            Some(last) if last.when != Condition::Always => self.problem(
                format!(
                    "$.contact_record.urgency[{}].when",
                    record.urgency.len() - 1
                ),
                "the last urgency rule must be \"always\", so that every contact gets a rating",
            ),
            Some(_) => {}
        }
        let mut urgency = Vec::with_capacity(record.urgency.len());
        for (i, r) in record.urgency.iter().enumerate() {
            let path = format!("$.contact_record.urgency[{i}]");
            self.require_text(format!("{path}.reason"), &r.reason, "the reason");
            urgency.push(self.compile(&r.when, &format!("{path}.when"), Table::Actions));
        }
        let mut checks = Vec::with_capacity(record.checks.len());
        for (i, c) in record.checks.iter().enumerate() {
            let path = format!("$.contact_record.checks[{i}]");
            self.require_text(format!("{path}.with"), &c.with, "who the check is with");
            self.require_text(format!("{path}.ask"), &c.ask, "what to ask");
            checks.push(self.compile(&c.when, &format!("{path}.when"), Table::Actions));
        }
        (urgency, checks)
    }

    fn check_strengths(&mut self) {
        for (i, s) in self.file.strengths.iter().enumerate() {
            let path = format!("$.strengths[{i}]");
            if !is_identifier(&s.code, &['_', '.']) {
                self.problem(
                    format!("{path}.code"),
                    format!(
                        "code '{}' must be lowercase letters, digits, '_' and '.'",
                        s.code
                    ),
                );
            }
            if self.concern_index.contains_key(&s.code) {
                self.problem(
                    format!("{path}.code"),
                    format!("'{}' is already a concern code", s.code),
                );
            }
            if self
                .strength_index
                .insert(s.code.clone(), i as u32)
                .is_some()
            {
                self.problem(
                    format!("{path}.code"),
                    format!("strength '{}' is defined twice", s.code),
                );
            }
            self.require_text(format!("{path}.text"), &s.text, "the strength's text");
        }
    }

    /// Returns, per action, the flags that make it unsafe, as a mask of flag bits.
    fn check_actions(&mut self) -> Vec<u64> {
        let f = self.file;
        let mut never = Vec::with_capacity(f.actions.len());
        for (i, a) in f.actions.iter().enumerate() {
            let path = format!("$.actions[{i}]");
            if !is_identifier(&a.code, &['_']) {
                self.problem(
                    format!("{path}.code"),
                    format!(
                        "action code '{}' must be lowercase letters, digits and underscores",
                        a.code
                    ),
                );
            }
            if self.action_index.insert(&a.code, i as u32).is_some() {
                self.problem(
                    format!("{path}.code"),
                    format!("action '{}' is defined twice", a.code),
                );
            }
            self.require_text(
                format!("{path}.text"),
                &a.text,
                &format!("the text of action '{}'", a.code),
            );
            self.require_text(format!("{path}.timescale"), &a.timescale, "the timescale");
            for (audience, text) in &a.text_for {
                let key = serde_json::to_value(audience)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                self.require_text(format!("{path}.text_for.{key}"), text, "the wording");
            }
            if let Some(contact) = &a.contact {
                if !f.contacts.contains_key(contact) {
                    self.problem(
                        format!("{path}.contact"),
                        format!(
                            "action '{}' needs contact '{contact}', which is not in contacts",
                            a.code
                        ),
                    );
                }
            }
            self.check_source(a.source.as_ref(), &path);
            never.push(mask_of_names(
                &a.never_with_flags,
                &self.flag_index,
                &format!("{path}.never_with_flags"),
                |flag| format!("no concern has the flag '{flag}'"),
                &mut self.problems,
            ));
        }
        never
    }

    fn check_pathway_rules(&mut self) -> Vec<Compiled> {
        let rules = &self.file.rules.pathway;
        if rules.is_empty() {
            self.problem("$.rules.pathway", "there are no pathway rules");
            return Vec::new();
        }
        let first = &rules[0];
        if first.when != Condition::ImmediateDanger || first.pathway != Pathway::Emergency {
            self.problem(
                "$.rules.pathway[0]",
                "the first pathway rule must be: when \"immediate_danger\", pathway \"emergency\" (a child in immediate danger always needs 999)",
            );
        }
        let last = rules.len() - 1;
        if rules[last].when != Condition::Always {
            self.problem(
                format!("$.rules.pathway[{last}].when"),
                "the last pathway rule must be the default, when \"always\", so every case gets a pathway",
            );
        }
        let mut compiled = Vec::with_capacity(rules.len());
        for (i, r) in rules.iter().enumerate() {
            let path = format!("$.rules.pathway[{i}]");
            self.require_text(format!("{path}.reason"), &r.reason, "the reason");
            self.check_source(r.source.as_ref(), &path);
            if let Some(outcome) = &r.outcome {
                self.check_outcome(outcome, &path);
            }
            if let Some(low) = &r.lowered_by_strengths {
                let lp = format!("{path}.lowered_by_strengths");
                if r.pathway != Pathway::FamilyHelp || low.to != Pathway::Signpost {
                    self.problem(
                        lp.clone(),
                        "strengths may only lower 'family_help' to 'signpost'",
                    );
                }
                if low.at_least == 0 {
                    self.problem(format!("{lp}.at_least"), "at_least must be 1 or more");
                }
                self.require_text(format!("{lp}.reason"), &low.reason, "the reason");
            }
            compiled.push(self.compile(&r.when, &format!("{path}.when"), Table::Pathway));
        }
        compiled
    }

    fn check_escalation_rules(&mut self) -> Vec<Compiled> {
        let mut compiled = Vec::new();
        for (i, r) in self.file.rules.escalation.iter().enumerate() {
            let path = format!("$.rules.escalation[{i}]");
            if r.at_least.is_none() && !r.consultation_advised {
                self.problem(
                    path.clone(),
                    "the rule does nothing: give at_least, consultation_advised, or both",
                );
            }
            self.require_text(format!("{path}.reason"), &r.reason, "the reason");
            self.check_source(r.source.as_ref(), &path);
            compiled.push(self.compile(&r.when, &format!("{path}.when"), Table::Escalation));
        }
        compiled
    }

    fn check_action_rules(&mut self) -> Vec<CompiledActionRule> {
        let mut compiled = Vec::new();
        for (i, r) in self.file.rules.actions.iter().enumerate() {
            let path = format!("$.rules.actions[{i}]");
            if r.actions.is_empty() && !r.consultation_advised {
                self.problem(
                    path.clone(),
                    "the rule does nothing: list actions, set consultation_advised, or both",
                );
            }
            self.check_source(r.source.as_ref(), &path);
            if let Some(outcome) = &r.outcome {
                self.check_outcome(outcome, &path);
                if r.reason.is_none() {
                    self.problem(
                        format!("{path}.outcome"),
                        "a rule that rewords the outcome must say why: give it a reason",
                    );
                }
            }
            // A reason is optional, but one given is shown to the user: it must say something.
            if let (Some(reason), false) = (&r.reason, r.consultation_advised) {
                self.require_text(format!("{path}.reason"), reason, "the reason");
            }
            if r.consultation_advised && r.reason.as_deref().is_none_or(|t| t.trim().is_empty()) {
                self.problem(
                    format!("{path}.reason"),
                    "a rule that advises consultation must say why",
                );
            }
            let mut actions = Vec::with_capacity(r.actions.len());
            for (j, code) in r.actions.iter().enumerate() {
                match self.action_index.get(code.as_str()) {
                    Some(&a) => actions.push(a),
                    None => self.problem(
                        format!("{path}.actions[{j}]"),
                        format!("unknown action '{code}': add it to actions"),
                    ),
                }
            }
            let when = self.compile(&r.when, &format!("{path}.when"), Table::Actions);
            compiled.push(CompiledActionRule { when, actions });
        }
        compiled
    }

    fn check_services(&mut self) -> (Vec<u64>, Vec<Vec<u32>>) {
        let mut ids = HashSet::new();
        let mut masks = Vec::new();
        let mut named = Vec::new();
        for (i, s) in self.file.services.iter().enumerate() {
            let path = format!("$.services[{i}]");
            if !is_identifier(&s.id, &['-', '_']) {
                self.problem(
                    format!("{path}.id"),
                    format!(
                        "service id '{}' must be lowercase letters, digits, '-' and '_'",
                        s.id
                    ),
                );
            }
            if !ids.insert(s.id.as_str()) {
                self.problem(
                    format!("{path}.id"),
                    format!("service '{}' is defined twice", s.id),
                );
            }
            self.require_text(format!("{path}.name"), &s.name, "the service's name");
            self.require_text(
                format!("{path}.helps_with"),
                &s.helps_with,
                "what the service helps with",
            );
            self.require_text(
                format!("{path}.contact"),
                &s.contact,
                "how to contact the service",
            );
            if !(s.min_age >= 0.0 && s.min_age <= s.max_age) {
                self.problem(
                    format!("{path}.min_age"),
                    format!(
                        "ages {} to {} are not a range",
                        number_text(s.min_age),
                        number_text(s.max_age)
                    ),
                );
            }
            masks.push(mask_of_names(
                &s.domains,
                &self.domain_index,
                &format!("{path}.domains"),
                |d| format!("unknown domain '{d}'"),
                &mut self.problems,
            ));
            let mut concerns = self.concern_codes(&s.concerns, &format!("{path}.concerns"), true);
            crate::order::sort_numbers(&mut concerns);
            named.push(concerns);
        }
        (masks, named)
    }

    fn check_unique_rule_ids(&mut self) {
        let r = &self.file.rules;
        let ids = r
            .pathway
            .iter()
            .enumerate()
            .map(|(i, x)| (format!("$.rules.pathway[{i}].id"), &x.id))
            .chain(
                r.escalation
                    .iter()
                    .enumerate()
                    .map(|(i, x)| (format!("$.rules.escalation[{i}].id"), &x.id)),
            )
            .chain(
                r.actions
                    .iter()
                    .enumerate()
                    .map(|(i, x)| (format!("$.rules.actions[{i}].id"), &x.id)),
            )
            .chain(self.file.contact_record.iter().flat_map(|c| {
                let urgency = c
                    .urgency
                    .iter()
                    .enumerate()
                    .map(|(i, x)| (format!("$.contact_record.urgency[{i}].id"), &x.id));
                let checks = c
                    .checks
                    .iter()
                    .enumerate()
                    .map(|(i, x)| (format!("$.contact_record.checks[{i}].id"), &x.id));
                urgency.chain(checks)
            }));
        let mut seen = HashSet::new();
        let mut found = Vec::new();
        for (path, id) in ids {
            if !is_identifier(id, &['-', '_', '.']) {
                found.push((
                    path,
                    format!("rule id '{id}' must be lowercase letters, digits, '-', '_' and '.'"),
                ));
            } else if !seen.insert(id.as_str()) {
                found.push((path, format!("rule id '{id}' is used twice")));
            }
        }
        for (p, m) in found {
            self.problem(p, m);
        }
    }

    /// Resolves a condition's codes, reporting unknown ones and facts the table may not use.
    fn compile(&mut self, cond: &Condition, path: &str, table: Table) -> Compiled {
        let only_actions = |this: &mut Self, what: &str| {
            if table != Table::Actions {
                this.problem(
                    path.to_string(),
                    format!(
                        "{what} can only be used in action rules: it must never change the pathway"
                    ),
                );
            }
        };
        match cond {
            Condition::Always => Compiled::Always,
            Condition::ImmediateDanger => Compiled::ImmediateDanger,
            Condition::Unborn => Compiled::Unborn,
            Condition::NonMobile => Compiled::NonMobile,
            Condition::DisabledOrSend => Compiled::DisabledOrSend,
            Condition::RepeatContact => match self.file.settings.repeat_contacts_at_least {
                Some(n) => Compiled::RepeatContact(n),
                None => {
                    self.problem(
                        path.to_string(),
                        "repeat_contact needs settings.repeat_contacts_at_least: say which contact in 12 months makes a repeat pattern",
                    );
                    Compiled::RepeatContact(u32::MAX)
                }
            },
            Condition::ConcernAtLevel(level) => {
                self.check_level(*level, &format!("{path}.concern_at_level"));
                Compiled::ConcernAtLevel(*level)
            }
            Condition::CountAtLevel(c) => {
                self.check_level(c.level, &format!("{path}.count_at_level.level"));
                if c.at_least == 0 {
                    self.problem(
                        format!("{path}.count_at_level.at_least"),
                        "at_least must be 1 or more",
                    );
                }
                Compiled::CountAtLevel {
                    level: c.level,
                    at_least: c.at_least,
                    domains_at_least: c.domains_at_least,
                }
            }
            Condition::Concern(code) => Compiled::AnyConcern(self.concern_codes(
                std::slice::from_ref(code),
                &format!("{path}.concern"),
                false,
            )),
            Condition::AnyConcern(codes) => {
                if codes.is_empty() {
                    self.problem(format!("{path}.any_concern"), "the list is empty");
                }
                let mut idx = self.concern_codes(codes, &format!("{path}.any_concern"), true);
                crate::order::sort_numbers(&mut idx);
                Compiled::AnyConcern(idx)
            }
            Condition::Flag(flag) => match self.flag_index.get(flag.as_str()) {
                Some(&bit) => Compiled::Flag(1 << bit),
                None => {
                    self.problem(
                        format!("{path}.flag"),
                        format!("no concern has the flag '{flag}'"),
                    );
                    Compiled::Flag(0)
                }
            },
            Condition::Domain(d) => match self.domain_index.get(d.as_str()) {
                Some(&bit) => Compiled::Domain(1 << bit),
                None => {
                    self.problem(format!("{path}.domain"), format!("unknown domain '{d}'"));
                    Compiled::Domain(0)
                }
            },
            Condition::AgeBelow(a) => {
                self.check_age(*a, &format!("{path}.age_below"));
                Compiled::AgeBelow(*a)
            }
            Condition::AgeAtLeast(a) => {
                self.check_age(*a, &format!("{path}.age_at_least"));
                Compiled::AgeAtLeast(*a)
            }
            Condition::KnownToSocialCare(v) => {
                Compiled::KnownToSocialCare(mask_of(v, KnownToSocialCare::bit))
            }
            Condition::Consent(v) => {
                only_actions(self, "consent");
                Compiled::Consent(mask_of(v, Consent::bit))
            }
            Condition::Audience(v) => {
                only_actions(self, "audience");
                Compiled::Audience(mask_of(v, Audience::bit))
            }
            Condition::Pathway(v) => {
                only_actions(self, "the pathway");
                Compiled::Pathway(mask_of(v, Pathway::bit))
            }
            Condition::Strength(code) => {
                if table != Table::Actions {
                    self.strengths_only_lower(path);
                }
                match self.strength_index.get(code) {
                    Some(&i) => Compiled::Strength(i),
                    None => {
                        self.problem(
                            format!("{path}.strength"),
                            format!("unknown strength '{code}'"),
                        );
                        Compiled::Strength(u32::MAX)
                    }
                }
            }
            Condition::StrengthsAtLeast(n) => {
                if table != Table::Actions {
                    self.strengths_only_lower(path);
                }
                Compiled::StrengthsAtLeast(*n)
            }
            Condition::All(cs) => {
                Compiled::All(self.compile_list(cs, &format!("{path}.all"), table))
            }
            Condition::Any(cs) => {
                Compiled::Any(self.compile_list(cs, &format!("{path}.any"), table))
            }
            Condition::Not(c) => {
                Compiled::Not(Box::new(self.compile(c, &format!("{path}.not"), table)))
            }
        }
    }

    fn compile_list(&mut self, cs: &[Condition], path: &str, table: Table) -> Vec<Compiled> {
        if cs.is_empty() {
            self.problem(path.to_string(), "the list of conditions is empty");
        }
        cs.iter()
            .enumerate()
            .map(|(i, c)| self.compile(c, &format!("{path}[{i}]"), table))
            .collect()
    }

    fn concern_codes(&mut self, codes: &[String], path: &str, indexed: bool) -> Vec<u32> {
        let mut out = Vec::with_capacity(codes.len());
        for (i, code) in codes.iter().enumerate() {
            match self.concern_index.get(code) {
                Some(&c) => out.push(c),
                None => {
                    let at = if indexed {
                        format!("{path}[{i}]")
                    } else {
                        path.to_string()
                    };
                    self.problem(at, format!("unknown concern '{code}'"));
                }
            }
        }
        out
    }

    fn strengths_only_lower(&mut self, path: &str) {
        self.problem(
            path.to_string(),
            "strengths can only lower a pathway through lowered_by_strengths, never in a pathway or escalation condition",
        );
    }

    fn check_level(&mut self, level: u8, path: &str) {
        if !LEVELS.contains(&level) {
            self.problem(path.to_string(), format!("level {level} is outside 1 to 4"));
        }
    }

    fn check_age(&mut self, age: f64, path: &str) {
        if !(0.0..=crate::vocabulary::MAX_AGE_YEARS).contains(&age) {
            self.problem(
                path.to_string(),
                format!("age {} is outside 0 to 25 years", number_text(age)),
            );
        }
    }
}
