//! The request-for-support form (`request_form`): a section that nothing fills prints as
//! a bare heading in every draft, and a part of the record that no section takes is left
//! out of every draft, so the practitioner re-types it or the front door never sees it.

use super::report::{Finding, Kind, Report, Severity};
use super::Ctx;
use crate::guidance::FormField;

pub(super) fn check(ctx: &Ctx, report: &mut Report) {
    let Some(form) = &ctx.g.file().request_form else {
        return;
    };
    for (i, section) in form.sections.iter().enumerate() {
        if section.fields.is_empty() {
            report.push(Finding::new(
                Severity::Warning,
                Kind::FormSectionUnfilled,
                format!("$.request_form.sections[{i}]"),
                format!(
                    "Form section '{}' is filled by no record field: every draft shows its heading with nothing under it. Add the fields that fill it, for example \"fields\": [\"worries\"].",
                    section.heading.trim()
                ),
            ));
        }
    }
    for field in FormField::ALL {
        if !form.sections.iter().any(|s| s.fields.contains(&field)) {
            report.push(Finding::new(
                Severity::Warning,
                Kind::FormFieldUnused,
                "$.request_form.sections".to_string(),
                format!(
                    "No form section takes '{}', so drafts leave it out. Add it to the section of the form that asks for it.",
                    field.code()
                ),
            ));
        }
    }
}
