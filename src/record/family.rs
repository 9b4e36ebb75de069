//! The family a decision record belongs to (issue 16, siblings): national practice reviews
//! keep finding that brothers and sisters in one household were not considered, so each
//! child's record names the others, by their order only ("child 1 of 2"), never by name.

use crate::vocabulary::Pathway;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Another child of the family, as their own record decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChildRoute {
    /// The child's order in the family as the practitioner entered them: 1 is the first.
    pub child: u32,
    pub recommended: Pathway,
    /// The route the practitioner decided on.
    #[serde(rename = "final")]
    pub final_pathway: Pathway,
}

/// Where a record sits in its family: the shared id, this child's order, and the children
/// recorded before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FamilyInRecord {
    /// Random (from the browser's `crypto.getRandomValues`), shared by every record of the
    /// family and derived from nothing about it: it links records, and identifies no one.
    pub id: String,
    /// This child's order: "child 2 of 2".
    pub child: u32,
    /// How many children of the family had been considered when this record was made,
    /// this one included.
    pub of: u32,
    /// The other children considered so far, in order.
    #[serde(default)]
    pub others: Vec<ChildRoute>,
}

impl ChildRoute {
    /// "Child 1 of 2: Family Help (recommended: Family Help)", with the guidance's route titles.
    pub fn describe(&self, of: u32, title: impl Fn(Pathway) -> String) -> String {
        let decided = title(self.final_pathway);
        if self.final_pathway == self.recommended {
            format!("Child {} of {of}: {decided}", self.child)
        } else {
            format!(
                "Child {} of {of}: {decided} (recommended: {})",
                self.child,
                title(self.recommended)
            )
        }
    }
}
