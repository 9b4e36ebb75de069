//! Level-4 concerns and duty actions that name no law or guidance behind them. A
//! practitioner challenged on a child protection referral or a statutory duty needs to
//! know what it rests on, and a policy lead revising the file needs to know what they
//! must not revise away.

use super::report::{Finding, Kind, Report, Severity};
use super::Ctx;

pub(super) fn check(ctx: &Ctx, report: &mut Report) {
    let file = ctx.g.file();
    for (i, c) in file.concerns.iter().enumerate() {
        if c.level >= 4 && c.source.is_none() {
            report.push(Finding::new(
                Severity::Warning,
                Kind::MissingSource,
                format!("$.concerns[{i}]"),
                format!(
                    "Concern '{}' is at level 4 (child protection) but names no source. Add \"source\": the law or guidance that puts it there, for example {{\"title\": \"Children Act 1989\", \"section\": \"section 47\"}}.",
                    c.code
                ),
            ));
        }
    }
    for (i, a) in file.actions.iter().enumerate() {
        if a.duty && a.source.is_none() {
            report.push(Finding::new(
                Severity::Warning,
                Kind::MissingSource,
                format!("$.actions[{i}]"),
                format!(
                    "Action '{}' is a duty but names no source. Add \"source\": the law or statutory guidance that sets the duty and its timescale.",
                    a.code
                ),
            ));
        }
    }
}
