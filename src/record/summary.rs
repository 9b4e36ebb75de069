//! The plain-text summary of a decision record, for pasting into a case management system
//! (Mosaic, Liquidlogic, Eclipse). Plain lines, no markup, fixed order.

use crate::guidance::Guidance;
use crate::record::DecisionRecord;
use crate::vocabulary::number_text;
use std::fmt::Write;

pub fn plain_text(guidance: &Guidance, record: &DecisionRecord) -> String {
    let file = guidance.file();
    let d = &record.recommendation;
    let case = &record.case;
    let title = |p: crate::vocabulary::Pathway| file.pathways.get(p).title.clone();
    let mut s = String::new();
    let mut line = |text: String| {
        let _ = writeln!(s, "{text}");
    };
    line("FRONT DOOR TRIAGE DECISION RECORD".into());
    line(format!(
        "Recorded: {}",
        crate::record::human_time(&record.created_at)
    ));
    line(format!(
        "Guidance: {} ({}), version {}, SHA-256 {}",
        file.title, file.authority.name, d.guidance.version, d.guidance.sha256
    ));
    line(String::new());
    line(format!(
        "Recommendation: {} (level {}){}",
        crate::engine::outcome::outcome_text(guidance, d, case.audience).title,
        d.level,
        if d.consultation_advised {
            "; consultation advised"
        } else {
            ""
        }
    ));
    let f = &record.final_decision;
    if f.agrees {
        line("Practitioner's decision: agrees with the recommendation".into());
    } else {
        line(format!(
            "Practitioner's decision: {} (differs from the recommendation)",
            title(f.pathway)
        ));
        line(format!("Reason: {}", f.reason));
    }
    if let Some(contact) = &record.contact {
        line(String::new());
        for text in contact.summary_lines() {
            line(text);
        }
    }
    line(String::new());
    match &record.family {
        Some(family) => {
            line(format!("Child {} of {}", family.child, family.of));
            line(format!("- Family id: {}", family.id));
            for other in &family.others {
                line(format!(
                    "- Also considered: {}",
                    other.describe(family.of, title)
                ));
            }
        }
        None => line("Child".into()),
    }
    line(match case.child.age_years {
        _ if case.child.unborn => "- Unborn baby".into(),
        Some(age) => format!("- Age: {} years", number_text(age)),
        None => "- Age: not given".into(),
    });
    if case.child.non_mobile {
        line("- Not yet mobile".into());
    }
    line(format!(
        "- Disability or SEND: {}",
        if case.child.disabled_or_send {
            "yes"
        } else {
            "no or not known"
        }
    ));
    line(format!(
        "- Known to children's social care: {}",
        case.child.known_to_social_care.label()
    ));
    line(format!(
        "- Earlier contacts with the front door in 12 months: {}",
        case.child.previous_contacts_12_months
    ));
    line(format!(
        "- Immediate danger: {}",
        if case.immediate_danger { "yes" } else { "no" }
    ));
    line(format!("- Consent: {}", case.consent.label()));
    line(String::new());
    line("Concerns".into());
    if case.concerns.is_empty() {
        line("- None recorded".into());
    }
    for code in &case.concerns {
        if let Some(c) = guidance.concern(code) {
            let source = c
                .source
                .as_ref()
                .map(|s| format!(" Source: {}.", s.citation()))
                .unwrap_or_default();
            line(format!(
                "- [level {}] {} ({}){source}",
                c.level, c.text, c.code
            ));
        }
    }
    line("Strengths".into());
    if case.strengths.is_empty() {
        line("- None recorded".into());
    }
    for code in &case.strengths {
        if let Some(st) = guidance.strength(code) {
            line(format!("- {} ({})", st.text, st.code));
        }
    }
    line(String::new());
    line("Why".into());
    for r in &d.reasons {
        let source = r
            .source
            .as_ref()
            .map(|s| format!(" Source: {}.", s.citation()))
            .unwrap_or_default();
        line(format!("- {} [rule {}]{source}", r.text, r.rule));
    }
    let (steps, heading) = if f.actions.is_empty() {
        (&d.actions, "What to do now".to_string())
    } else {
        (
            &f.actions,
            format!(
                "What to do now, for the route decided on ({})",
                title(f.pathway)
            ),
        )
    };
    line(heading);
    for (i, a) in steps.iter().enumerate() {
        let contact = a
            .contact
            .as_ref()
            .map(|c| format!(" Contact: {} {}.", c.name, c.phone))
            .unwrap_or_default();
        let duty = if a.duty { "DUTY: " } else { "" };
        let source = match (&a.source, a.duty) {
            (Some(s), true) => format!(" Source: {}.", s.citation()),
            _ => String::new(),
        };
        line(format!(
            "{}. {duty}{} ({}).{}{source}",
            i + 1,
            a.text,
            a.timescale,
            contact
        ));
    }
    if !f.actions.is_empty() {
        line("The recommendation's own steps, not followed:".into());
        for a in &d.actions {
            line(format!("- {} ({})", a.text, a.timescale));
        }
    }
    if !d.signpost.is_empty() {
        line("Services that may help".into());
        for e in &d.signpost {
            line(format!("- {}: {}", e.service, e.contact));
        }
    }
    let notes = &record.notes;
    for (label, text) in [
        ("The child's voice", &notes.child_voice),
        ("What is going well", &notes.strengths_text),
        ("Other notes", &notes.other),
    ] {
        if !text.trim().is_empty() {
            line(String::new());
            line(format!("{label}: {}", text.trim()));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{case::Case, evaluate};
    use crate::record::{FinalDecision, Notes};
    use crate::vocabulary::Pathway;

    #[test]
    fn summary_names_recommendation_decision_reasons_and_actions() {
        let g = Guidance::embedded_default().unwrap();
        let case: Case = serde_json::from_str(
            r#"{"child":{"age_years":7},"concerns":["domestic_abuse.child_witnessed"],"consent":"refused"}"#,
        )
        .unwrap();
        let d = evaluate(&g, &case).unwrap();
        let record = DecisionRecord::new(
            case,
            d,
            FinalDecision {
                pathway: Pathway::MacptReferral,
                agrees: false,
                reason: "Second incident this month".into(),
                actions: Vec::new(),
            },
            Notes {
                child_voice: "Said they hide upstairs".into(),
                ..Notes::default()
            },
            "2026-11-24T10:15:00+00:00".into(),
        )
        .with_route_steps(&g);
        let text = plain_text(&g, &record);
        assert!(
            text.contains(
                "Recommendation: Family Help needs the family's agreement (level 3); consultation advised"
            ),
            "{text}"
        );
        assert!(text.contains("differs from the recommendation"));
        assert!(text.contains("Reason: Second incident this month"));
        assert!(text.contains("(domestic_abuse.child_witnessed)"));
        assert!(text.contains("[rule consent-refused]"));
        assert!(
            text.contains("[rule any-level-3] Source: Children Act 1989, section 17"),
            "reasons carry their sources: {text}"
        );
        assert!(text.contains("The child's voice: Said they hide upstairs"));
        assert!(text.contains("1. "), "numbered actions");
        assert!(
            text.contains("Recorded: 24 November 2026, 10:15am"),
            "{text}"
        );
        // The practitioner's route's steps, not the recommendation's.
        assert!(
            text.contains("What to do now, for the route decided on (Refer to the Multi-Agency Child Protection Team)"),
            "{text}"
        );
        assert!(text.contains("Phone the front door now"), "{text}");
        assert!(
            text.contains("The recommendation's own steps, not followed:\n- Talk to"),
            "{text}"
        );
    }

    #[test]
    fn a_sibling_record_names_its_place_and_the_other_children_by_order() {
        let g = Guidance::embedded_default().unwrap();
        let case: Case =
            serde_json::from_str(r#"{"child":{"age_years":4},"concerns":[],"consent":"given"}"#)
                .unwrap();
        let d = evaluate(&g, &case).unwrap();
        let record = DecisionRecord::new(
            case,
            d.clone(),
            FinalDecision {
                pathway: d.pathway,
                agrees: true,
                reason: String::new(),
                actions: Vec::new(),
            },
            Notes::default(),
            "2026-12-01T14:10:00+00:00".into(),
        )
        .in_family(crate::record::FamilyInRecord {
            id: "family-00ff".into(),
            child: 2,
            of: 2,
            others: vec![crate::record::ChildRoute {
                child: 1,
                recommended: Pathway::FamilyHelp,
                final_pathway: Pathway::MacptReferral,
            }],
        });
        let text = plain_text(&g, &record);
        assert!(
            text.contains("\nChild 2 of 2\n- Family id: family-00ff\n"),
            "{text}"
        );
        let family_help = &g.file().pathways.get(Pathway::FamilyHelp).title;
        let macpt = &g.file().pathways.get(Pathway::MacptReferral).title;
        assert!(
            text.contains(&format!(
                "- Also considered: Child 1 of 2: {macpt} (recommended: {family_help})"
            )),
            "{text}"
        );
    }
}
