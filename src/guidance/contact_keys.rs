//! The contacts the app names itself, by key in a guidance file's `contacts`: the app
//! shows them whether or not an action uses them, so lint counts them as used.

/// The front door: on every outcome, the start page and the immediate-danger page.
/// Every guidance file must have it.
pub const FRONT_DOOR: &str = "front_door";
/// The emergency duty team: the immediate-danger page, the no-script fallback
/// (`scripts/post-build.mjs`), and every child protection and emergency decision.
pub const OUT_OF_HOURS: &str = "out_of_hours";
/// For someone who chose no concerns and is not sure.
pub const CONSULTATION_LINE: &str = "consultation_line";
/// For a young person of 18 or over the tool is not for.
pub const ADULT_SAFEGUARDING: &str = "adult_safeguarding";
/// In the footer: feedback on the tool or the guidance.
pub const FEEDBACK: &str = "feedback";

/// All of them.
pub const ALL: [&str; 5] = [
    FRONT_DOOR,
    OUT_OF_HOURS,
    CONSULTATION_LINE,
    ADULT_SAFEGUARDING,
    FEEDBACK,
];
