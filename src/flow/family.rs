//! The family a session is about (issue 16, siblings): its random id and the children
//! already recorded with their routes. Kept in [`Answers`](super::Answers), so the tab's
//! draft in `sessionStorage` keeps it across a reload with no new place to store anything.

use super::answers::Answers;
use crate::guidance::Guidance;
use crate::record::{ChildRoute, DecisionRecord, FamilyInRecord};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Family {
    /// Set when the first child's decision is recorded, from randomness the caller gives
    /// (the browser's `crypto.getRandomValues`; fixed text in native tests).
    pub id: Option<String>,
    /// The answers of the children recorded before the one being entered now, child 1
    /// first, each as it was when its decision was recorded (its own `family` left
    /// empty: it is this one). Their records are made again from these: a record is a
    /// function of the answers and the guidance, and a draft is only restored against
    /// the guidance it was made with. Keeping answers, not records, means the app never
    /// reads a record back, which keeps the record's reader out of its wasm (issue 14).
    pub children: Vec<Answers>,
    /// What was carried over from the child before: family-level concerns, for the
    /// "Carried over from child 1" summary. Empty for the first child.
    pub carried: Vec<String>,
}

impl Family {
    /// The order of the child being entered now: 1 for the first.
    pub fn child(&self) -> u32 {
        self.children.len() as u32 + 1
    }

    /// The children recorded before this one, with their routes.
    pub fn recorded(&self, guidance: &Guidance) -> Vec<ChildRoute> {
        self.children
            .iter()
            .zip(1..)
            .filter_map(|(answers, n)| route(answers, n, guidance))
            .collect()
    }

    /// The `family` part of the current child's record, once the family has an id.
    pub fn in_record(&self, guidance: &Guidance) -> Option<FamilyInRecord> {
        Some(FamilyInRecord {
            id: self.id.clone()?,
            child: self.child(),
            of: self.child(),
            others: self.recorded(guidance),
        })
    }

    /// The records of the children recorded before this one, child 1 first, each as it
    /// was made: listing only the children before it.
    fn records(&self, guidance: &Guidance) -> Vec<DecisionRecord> {
        (0..self.children.len())
            .filter_map(|k| {
                let answers = Answers {
                    family: Family {
                        id: self.id.clone(),
                        children: self.children[..k].to_vec(),
                        carried: Vec::new(),
                    },
                    ..self.children[k].clone()
                };
                current_record(&answers, guidance)
            })
            .collect()
    }

    /// Every record of the family, the current child's (`current`, just recorded) last,
    /// each listing all the others: the earlier ones were made before the later children
    /// were considered, so here they are brought up to date, with nothing else changed.
    pub fn all_records(
        &self,
        current: &DecisionRecord,
        guidance: &Guidance,
    ) -> Vec<DecisionRecord> {
        let mut all = self.records(guidance);
        all.push(current.clone());
        let routes: Vec<ChildRoute> = all
            .iter()
            .zip(1..)
            .map(|(r, n)| ChildRoute {
                child: n,
                recommended: r.recommendation.pathway,
                final_pathway: r.final_decision.pathway,
            })
            .collect();
        let of = all.len() as u32;
        for (r, n) in all.iter_mut().zip(1..) {
            if let Some(f) = r.family.as_mut() {
                f.of = of;
                f.others = routes.iter().filter(|o| o.child != n).cloned().collect();
            }
        }
        all
    }
}

/// A recorded child's route, from the answers kept for them. Those hold no family (see
/// [`Family::children`]), so their record lists no others and makes no records in turn.
fn route(answers: &Answers, child: u32, guidance: &Guidance) -> Option<ChildRoute> {
    let record = current_record(answers, guidance)?;
    Some(ChildRoute {
        child,
        recommended: record.recommendation.pathway,
        final_pathway: record.final_decision.pathway,
    })
}

/// The current child's decision record, once recorded: what the outcome page shows and
/// exports, and what the family keeps when the next child is added.
pub fn current_record(answers: &Answers, guidance: &Guidance) -> Option<DecisionRecord> {
    let at = answers.recorded_at.clone()?;
    let case = answers.to_case(guidance).ok()?;
    let decision = crate::engine::evaluate(guidance, &case).ok()?;
    let (final_decision, notes) = answers.final_decision(decision.pathway)?;
    let contact = answers
        .keeps_contact_record(guidance)
        .then(|| answers.contact_record(guidance, &case, final_decision.pathway))
        .flatten();
    let mut record =
        DecisionRecord::new(case, decision, final_decision, notes, at).with_route_steps(guidance);
    if let Some(contact) = contact {
        record = record.with_contact(contact);
    }
    Some(match answers.family.in_record(guidance) {
        Some(family) => record.in_family(family),
        None => record,
    })
}

/// The answers for the next child of the family: family-level concerns carried over,
/// who is asking, how, consent and whether the parents were told kept; the child's own
/// details, concerns, strengths, notes, checks and decision asked afresh. `None` until
/// this child's decision is recorded.
pub fn next_child(answers: &Answers, guidance: &Guidance) -> Option<Answers> {
    current_record(answers, guidance)?;
    let mut family = answers.family.clone();
    family.children.push(Answers {
        family: Family::default(),
        ..answers.clone()
    });
    let carried: Vec<String> = answers
        .concerns
        .iter()
        .filter(|c| guidance.is_family_concern(c))
        .cloned()
        .collect();
    family.carried = carried.clone();
    Some(Answers {
        audience: answers.audience,
        mode: answers.mode,
        // A danger now is asked of each child: it is the first question for a reason.
        immediate_danger: None,
        concerns: carried,
        consent: answers.consent,
        // Whether the parents were told is about the family too (the front door's
        // contact record): kept, and changed on the next child's record if it differs.
        parents_informed: answers.parents_informed,
        parents_not_informed_reason: answers.parents_not_informed_reason.clone(),
        family,
        ..Answers::default()
    })
}
