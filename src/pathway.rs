//! The four routes a front door can take, in order of how much they do for the child.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Ordered: `Signpost < FamilyHelp < MacptReferral < Emergency`, so "at least" and
/// "never lower" are plain comparisons.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Pathway {
    Signpost,
    FamilyHelp,
    MacptReferral,
    Emergency,
}

impl Pathway {
    pub const ALL: [Pathway; 4] = [
        Pathway::Signpost,
        Pathway::FamilyHelp,
        Pathway::MacptReferral,
        Pathway::Emergency,
    ];

    /// The stable code used in JSON and in the `data-pathway` test hook.
    pub fn code(self) -> &'static str {
        match self {
            Pathway::Signpost => "signpost",
            Pathway::FamilyHelp => "family_help",
            Pathway::MacptReferral => "macpt_referral",
            Pathway::Emergency => "emergency",
        }
    }

    pub fn from_code(code: &str) -> Option<Pathway> {
        Pathway::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The level of need a pathway stands for when no concern says more (SPEC: levels
    /// 1–2 signpost, 3 family help, 4 child protection; an emergency is level 4 too).
    pub fn base_level(self) -> u8 {
        match self {
            Pathway::Signpost => 1,
            Pathway::FamilyHelp => 3,
            Pathway::MacptReferral | Pathway::Emergency => 4,
        }
    }

    pub(crate) fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl fmt::Display for Pathway {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
