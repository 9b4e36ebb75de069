//! The request for support, drafted: the authority's form (`request_form` in the guidance)
//! filled from what the decision record holds, as plain text to paste into the form.
//!
//! Only what the case and record hold is written. Identity details are placeholders in
//! square brackets, because the tool never asks for a name; anything else the case does
//! not hold (what was seen, what has been done) is an "[add …]" prompt, never a guess.
//! A draft is written for `family_help` and `macpt_referral` only: universal help needs no
//! request, and a child in immediate danger needs 999 before any form.

use crate::engine::case::Case;
use crate::engine::decision::Decision;
use crate::guidance::{FormField, Guidance, RequestForm};
use crate::record::{DecisionRecord, FinalDecision, Notes};
use crate::vocabulary::{Consent, KnownToSocialCare, Pathway};
use std::fmt;

/// Why there is no draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoDraft {
    /// Universal or community help: the family goes to the services named, no request.
    NotNeeded,
    /// A child in immediate danger: 999 now, then the front door, which says what it
    /// needs in writing. A form first would only delay the call.
    PhoneFirst,
    /// The guidance file has no `request_form`.
    NoForm,
}

impl fmt::Display for NoDraft {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NoDraft::NotNeeded => "This route needs no request for support: share the services listed with the family, and come back if things change.",
            NoDraft::PhoneFirst => "A child in immediate danger needs a call to 999 now, then a call to the front door. Do not write a request first: the front door will tell you what it needs in writing.",
            NoDraft::NoForm => "This guidance has no request-for-support form (request_form), so there is no draft.",
        })
    }
}

impl std::error::Error for NoDraft {}

/// Whether a route is asked for with the authority's request-for-support form.
pub fn needs_form(pathway: Pathway) -> Result<(), NoDraft> {
    match pathway {
        Pathway::FamilyHelp | Pathway::MacptReferral => Ok(()),
        Pathway::Signpost => Err(NoDraft::NotNeeded),
        Pathway::Emergency => Err(NoDraft::PhoneFirst),
    }
}

/// The draft for a recorded decision: the route the practitioner decided on.
pub fn draft(guidance: &Guidance, record: &DecisionRecord) -> Result<String, NoDraft> {
    draft_for(
        guidance,
        &record.case,
        &record.recommendation,
        Some(&record.final_decision),
        &record.notes,
    )
}

/// The draft for a case and its decision. `final_decision` is the practitioner's decision
/// once recorded; without it the recommendation is the route asked for.
pub fn draft_for(
    guidance: &Guidance,
    case: &Case,
    decision: &Decision,
    final_decision: Option<&FinalDecision>,
    notes: &Notes,
) -> Result<String, NoDraft> {
    let pathway = final_decision.map_or(decision.pathway, |f| f.pathway);
    needs_form(pathway)?;
    let form = guidance
        .file()
        .request_form
        .as_ref()
        .ok_or(NoDraft::NoForm)?;
    let differs = final_decision.filter(|f| !f.agrees && f.pathway != decision.pathway);
    let input = Input {
        g: guidance,
        case,
        decision,
        pathway,
        differs,
        notes,
    };
    Ok(write(form, &input))
}

/// Everything a field is written from.
struct Input<'a> {
    g: &'a Guidance,
    case: &'a Case,
    decision: &'a Decision,
    /// The route asked for.
    pathway: Pathway,
    /// The practitioner's own decision, when it is not the recommendation.
    differs: Option<&'a FinalDecision>,
    notes: &'a Notes,
}

fn write(form: &RequestForm, input: &Input) -> String {
    let mut out = vec![
        form.title.clone(),
        format!(
            "DRAFT written by Front Door Triage from the answers given, using {} version {}.",
            input.g.file().title,
            input.decision.guidance.version
        ),
        "Check every line. Fill in each item in square brackets from your own records, \
         and delete anything that does not apply, before you send it."
            .to_string(),
    ];
    for section in &form.sections {
        out.push(String::new());
        out.push(section.heading.trim().to_string());
        for field in &section.fields {
            out.extend(lines(*field, input));
        }
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

fn bullet(text: &str) -> String {
    format!("- {}", text.trim())
}

/// The lines one field writes.
fn lines(field: FormField, i: &Input) -> Vec<String> {
    let g = i.g;
    let file = g.file();
    let case = i.case;
    let text = |s: &str| s.to_string();
    match field {
        FormField::Referrer => vec![
            text("Name and role: [your name and role]"),
            text("Organisation: [your organisation]"),
            text("Phone: [your phone number]"),
            text("Secure email: [your secure email address]"),
            text("Date and time of this request: [date and time]"),
            text("If you phoned the front door first: [who you spoke to, and when]"),
        ],
        FormField::Child => {
            let mut v = vec![text("Full name: [child's full name]")];
            if case.child.unborn {
                v.push(text("Expected date of delivery: [expected date of delivery]"));
                v.push(text("The child is not yet born."));
            } else {
                v.push(text("Date of birth: [date of birth]"));
                if let Some(age) = case.child.age_years {
                    v.push(format!("Age: {}", age_in_words(age)));
                }
                if case.child.non_mobile {
                    v.push(text("Not yet mobile (not crawling or pulling to stand)."));
                }
            }
            v.push(text("Address: [address]"));
            v.push(text("School, college or nursery: [school, college or nursery]"));
            v.push(text("Gender, ethnicity, religion: [gender] [ethnicity] [religion]"));
            v.push(text(
                "First language and communication needs: [first language, and any interpreter needed]",
            ));
            v.push(if case.child.disabled_or_send {
                text("Disability or special educational needs: yes. [add the child's needs and any diagnosis]")
            } else {
                text("Disability, special educational needs or health needs: [add any, or write none]")
            });
            v.push(text("NHS number or UPN, if you hold them: [NHS number] [UPN]"));
            v
        }
        FormField::Household => vec![
            text("Parents and carers: [names, and their relationship to the child]"),
            text("Who has parental responsibility: [names]"),
            text("Everyone else living in the household: [names, ages and relationship to the child]"),
            text("Other significant adults, and addresses if different: [names and addresses]"),
        ],
        FormField::RequestTypeAndLevel => {
            let level = i.pathway_level();
            let mut v = vec![
                format!("Type of request: {}", file.pathways.get(i.pathway).title),
                format!(
                    "The level I think applies: level {level}{}",
                    g.level(level)
                        .map(|l| format!(", {}", l.name))
                        .unwrap_or_default()
                ),
            ];
            if i.differs.is_some() {
                v.push(format!(
                    "The guidance's recommendation was: {} (level {}). I have decided differently: see the reasons.",
                    file.pathways.get(i.decision.pathway).title,
                    i.decision.level
                ));
            }
            v
        }
        FormField::Reasons => {
            let mut v = Vec::new();
            if let Some(f) = i.differs {
                v.push(text("Why I have decided on this route:"));
                v.push(if f.reason.trim().is_empty() {
                    text("- [add why you have decided on this route]")
                } else {
                    bullet(&f.reason)
                });
                v.push(text("The guidance's reasons for its recommendation:"));
            } else {
                v.push(text("Why this level, from the guidance:"));
            }
            v.extend(i.decision.reasons.iter().map(|r| bullet(&r.text)));
            v
        }
        FormField::ConsentAndParentsTold => consent_lines(i),
        FormField::Worries => {
            let mut v = vec![text("What I am worried about:")];
            if case.concerns.is_empty() {
                v.push(text("- [add what you are worried about]"));
            }
            // In the guidance's order, as the engine reads them: the same case always
            // gives the same draft, whatever order its codes came in.
            v.extend(
                file.concerns
                    .iter()
                    .filter(|c| case.concerns.contains(&c.code))
                    .map(|c| bullet(&c.text)),
            );
            v.push(text(
                "What has happened, when, and how it affects the child: [add the facts and dates]",
            ));
            v
        }
        FormField::SeenOrReported => vec![text(
            "What I saw or heard myself, and what was reported to me: [add which is which, and for anything reported, who told you and when]",
        )],
        FormField::ChildWords => {
            let words = i.notes.child_voice.trim();
            if case.child.unborn {
                vec![text("The child is not yet born.")]
            } else if words.is_empty() {
                vec![text(
                    "The child's words: [add what the child has said, in their own words, and how they seem; for a baby or a child who does not speak, what you have observed]",
                )]
            } else {
                vec![text("The child's words, as I recorded them:"), bullet(words)]
            }
        }
        FormField::Strengths => {
            let mut v = vec![text("What is going well:")];
            let chosen: Vec<String> = file
                .strengths
                .iter()
                .filter(|s| case.strengths.contains(&s.code))
                .map(|s| bullet(&s.text))
                .collect();
            let own = i.notes.strengths_text.trim();
            if chosen.is_empty() && own.is_empty() {
                v.push(text(
                    "- [add what is going well for the child and family, and who helps]",
                ));
            }
            v.extend(chosen);
            if !own.is_empty() {
                v.push(bullet(own));
            }
            v
        }
        FormField::PreviousInvolvement => {
            let known = &case.child.known_to_social_care;
            let mut v = vec![format!(
                "Known to children's social care or early help: {}",
                match known {
                    KnownToSocialCare::None =>
                        "no, or not known. [add any involvement you know of]".to_string(),
                    other => other.label().to_string(),
                }
            )];
            v.push(match case.child.previous_contacts_12_months {
                0 => text("Earlier contacts with the front door in the last 12 months: none, or not known"),
                n => format!("Earlier contacts with the front door in the last 12 months: {n}"),
            });
            v
        }
        FormField::ActionTaken => vec![text(
            "What I have already done: [add who you have spoken to, support already offered or tried, and how it went]",
        )],
        FormField::OutcomeSought => {
            let p = file.pathways.get(i.pathway);
            vec![
                format!(
                    "The route I am asking for: {}. What it gives the family: {}",
                    p.title,
                    p.allocation.trim()
                ),
                text("What I hope will change for the child: [add what needs to change]"),
            ]
        }
        FormField::ProfessionalsInvolved => vec![text(
            "Other professionals involved: [names, roles and contact details, or write none]",
        )],
        FormField::OtherInformation => {
            let other = i.notes.other.trim();
            if other.is_empty() {
                vec![text("Anything else: [add anything else the front door should know]")]
            } else {
                vec![text("Anything else:"), bullet(other)]
            }
        }
    }
}

impl Input<'_> {
    /// The level of the route asked for: the decision's when it is the recommendation,
    /// otherwise the route's own level.
    fn pathway_level(&self) -> u8 {
        if self.pathway == self.decision.pathway {
            self.decision.level
        } else {
            self.pathway.base_level()
        }
    }
}

/// Consent, whether parents know, and if not why: what the case holds, plus the
/// guidance's own step about telling parents when the decision carries it.
fn consent_lines(i: &Input) -> Vec<String> {
    let mut v = vec![format!("Has the family agreed? {}", i.case.consent.label())];
    v.push(match i.case.consent {
        Consent::Given => "Parents know about this request and agree to it. [add who gave consent, and whose information it covers]".to_string(),
        Consent::Refused => "Parents know about this request and have not agreed. Their views: [add what they said]".to_string(),
        Consent::NotAsked => "Parents have not been asked yet. Do they know about this request? [add yes or no, and if not, why not]".to_string(),
        Consent::UnsafeToAsk => "Parents have not been told, because asking could put the child at greater risk. [add what the risk is]".to_string(),
    });
    if i.pathway == Pathway::MacptReferral && i.case.consent != Consent::Given {
        v.push("A child protection referral does not need the family's consent. Do not seek it where that could put the child at greater risk.".to_string());
    }
    if i.pathway == Pathway::FamilyHelp && i.case.consent == Consent::Refused {
        v.push("Family Help needs the family's consent: talk to the front door's consultation line about this request.".to_string());
    }
    if let Some(a) = i
        .decision
        .actions
        .iter()
        .find(|a| a.code == "do_not_inform_parents_first")
    {
        v.push(format!("The guidance says: {}", a.text.trim()));
    }
    v.push("Anything the family must not be told: [add, or write none]".to_string());
    v
}

/// "7 years", "4 years and 6 months", "3 months": an age as the form would give it.
fn age_in_words(age: f64) -> String {
    let total_months = (age * 12.0).round() as u32;
    let (years, months) = (total_months / 12, total_months % 12);
    let unit = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (years, months) {
        (0, m) => unit(m, "month", "months"),
        (y, 0) => unit(y, "year", "years"),
        (y, m) => format!(
            "{} and {}",
            unit(y, "year", "years"),
            unit(m, "month", "months")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::evaluate;

    fn guidance() -> Guidance {
        Guidance::embedded_default().unwrap()
    }

    fn case(json: &str) -> Case {
        serde_json::from_str(json).unwrap()
    }

    fn draft_of(g: &Guidance, c: &Case, notes: &Notes) -> Result<String, NoDraft> {
        let d = evaluate(g, c).unwrap();
        draft_for(g, c, &d, None, notes)
    }

    /// Each heading's position in the text, in the form's order.
    fn positions(text: &str, g: &Guidance) -> Vec<usize> {
        let form = g.file().request_form.as_ref().unwrap();
        let mut from = 0;
        form.sections
            .iter()
            .map(|s| {
                let line = format!("\n{}\n", s.heading);
                let at = text[from..]
                    .find(&line)
                    .unwrap_or_else(|| panic!("no heading '{}' after {from}:\n{text}", s.heading))
                    + from;
                from = at + 1;
                at
            })
            .collect()
    }

    #[test]
    fn a_child_protection_draft_has_every_heading_in_order_and_placeholders_for_identity() {
        let g = guidance();
        let c = case(
            r#"{"child":{"age_years":4.5},"concerns":["abuse.physical_disclosure"],"consent":"unsafe_to_ask","audience":"school_dsl"}"#,
        );
        let text = draft_of(&g, &c, &Notes::default()).unwrap();
        assert_eq!(positions(&text, &g).len(), 11);
        for placeholder in [
            "[child's full name]",
            "[date of birth]",
            "[address]",
            "[your name and role]",
        ] {
            assert!(text.contains(placeholder), "{placeholder}:\n{text}");
        }
        assert!(text.contains("Age: 4 years and 6 months"), "{text}");
        assert!(
            text.contains("Type of request: Refer to the Multi-Agency Child Protection Team"),
            "{text}"
        );
        assert!(text.contains("level 4"), "{text}");
        assert!(text.contains(
            "Parents have not been told, because asking could put the child at greater risk."
        ));
        assert!(
            text.contains("The guidance says: "),
            "the do-not-tell step: {text}"
        );
        // What the case does not hold is asked for, never made up.
        assert!(text.contains("[add what the child has said"), "{text}");
        assert!(text.contains("[add what is going well"), "{text}");
        assert!(text.contains("[add who you have spoken to"), "{text}");
    }

    #[test]
    fn notes_strengths_and_concerns_are_written_as_recorded() {
        let g = guidance();
        let c = case(
            r#"{"child":{"age_years":7},"concerns":["domestic_abuse.child_witnessed"],"strengths":["strength.extended_family_support"],"consent":"given"}"#,
        );
        let notes = Notes {
            child_voice: "I hide upstairs when they shout".into(),
            strengths_text: "Grandmother visits daily".into(),
            other: "Health visitor aware".into(),
        };
        let text = draft_of(&g, &c, &notes).unwrap();
        let concern = g.concern("domestic_abuse.child_witnessed").unwrap();
        let strength = g.strength("strength.extended_family_support").unwrap();
        for held in [
            "- I hide upstairs when they shout",
            "- Grandmother visits daily",
            "- Health visitor aware",
            &format!("- {}", concern.text),
            &format!("- {}", strength.text),
            "Has the family agreed? Yes, they agree",
            "Type of request: Request Family Help",
        ] {
            assert!(text.contains(held), "{held}:\n{text}");
        }
        assert!(!text.contains("[add what the child has said"));
        assert!(!text.contains("[add what is going well"));
    }

    #[test]
    fn the_practitioners_own_route_and_reason_are_what_is_asked_for() {
        let g = guidance();
        let c = case(
            r#"{"child":{"age_years":7},"concerns":["domestic_abuse.child_witnessed"],"consent":"given"}"#,
        );
        let d = evaluate(&g, &c).unwrap();
        assert_eq!(d.pathway, Pathway::FamilyHelp);
        let f = FinalDecision {
            pathway: Pathway::MacptReferral,
            agrees: false,
            reason: "Second incident this month".into(),
            actions: Vec::new(),
        };
        let text = draft_for(&g, &c, &d, Some(&f), &Notes::default()).unwrap();
        assert!(
            text.contains("Type of request: Refer to the Multi-Agency Child Protection Team"),
            "{text}"
        );
        assert!(
            text.contains("The level I think applies: level 4"),
            "{text}"
        );
        assert!(text.contains("- Second incident this month"), "{text}");
        assert!(
            text.contains("The guidance's recommendation was: Request Family Help (level 3)"),
            "{text}"
        );
        // A decision to signpost instead needs no form.
        let f = FinalDecision {
            pathway: Pathway::Signpost,
            ..f
        };
        assert_eq!(
            draft_for(&g, &c, &d, Some(&f), &Notes::default()),
            Err(NoDraft::NotNeeded)
        );
    }

    #[test]
    fn signpost_and_emergency_get_no_draft_and_a_reason_why() {
        let g = guidance();
        let signpost = case(
            r#"{"child":{"age_years":7},"concerns":["learning.attendance_persistent_absence"]}"#,
        );
        assert_eq!(
            draft_of(&g, &signpost, &Notes::default()),
            Err(NoDraft::NotNeeded)
        );
        let emergency = case(r#"{"child":{"age_years":7},"immediate_danger":true}"#);
        let no = draft_of(&g, &emergency, &Notes::default()).unwrap_err();
        assert_eq!(no, NoDraft::PhoneFirst);
        assert!(no.to_string().contains("999"));
    }

    #[test]
    fn an_unborn_baby_has_a_due_date_placeholder_and_no_age() {
        let g = guidance();
        let c = case(
            r#"{"child":{"unborn":true},"concerns":["parent_needs.substance_use_affecting_care"],"consent":"given"}"#,
        );
        let Ok(text) = draft_of(&g, &c, &Notes::default()) else {
            return; // the route may need no form; other tests cover that
        };
        assert!(text.contains("[expected date of delivery]"), "{text}");
        assert!(!text.contains("Age:"), "{text}");
    }

    #[test]
    fn the_order_of_codes_in_the_case_does_not_change_the_draft() {
        let g = guidance();
        let one = case(
            r#"{"child":{"age_years":9},"concerns":["abuse.physical_disclosure","learning.attendance_persistent_absence"]}"#,
        );
        let other = case(
            r#"{"child":{"age_years":9},"concerns":["learning.attendance_persistent_absence","abuse.physical_disclosure"]}"#,
        );
        assert_eq!(
            draft_of(&g, &one, &Notes::default()),
            draft_of(&g, &other, &Notes::default())
        );
    }

    #[test]
    fn ages_read_as_a_form_gives_them() {
        assert_eq!(age_in_words(7.0), "7 years");
        assert_eq!(age_in_words(1.0), "1 year");
        assert_eq!(age_in_words(4.5), "4 years and 6 months");
        assert_eq!(age_in_words(0.25), "3 months");
        assert_eq!(age_in_words(0.08), "1 month");
    }
}
