//! Concerns about the family (`about`, issue 16): a concern whose `about` repeats its
//! domain's says nothing, and hides which concerns were deliberately made exceptions.

use super::report::{Finding, Kind, Report, Severity};
use super::Ctx;

pub(super) fn check(ctx: &Ctx, report: &mut Report) {
    let g = ctx.g;
    for (i, c) in g.file().concerns.iter().enumerate() {
        let Some(about) = c.about else { continue };
        let domain_about = g.domain(&c.domain).map(|d| d.about).unwrap_or_default();
        if about == domain_about {
            report.push(Finding::new(
                Severity::Warning,
                Kind::RedundantAbout,
                format!("$.concerns[{i}].about"),
                format!(
                    "Concern '{}' says it is about the {}, as its domain '{}' already does. Leave \"about\" out, so only the exceptions to a domain carry it.",
                    c.code,
                    if about.is_child() { "child" } else { "family" },
                    c.domain
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::authoring::lint::{lint_text, report::Kind};
    use serde_json::Value;

    /// The default guidance with one more concern `about`, as given.
    fn with_about(code: &str, about: &str) -> String {
        let mut v: Value = serde_json::from_str(crate::guidance::DEFAULT_GUIDANCE_JSON).unwrap();
        let c = v["concerns"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|c| c["code"] == code)
            .unwrap();
        c["about"] = Value::String(about.into());
        v.to_string()
    }

    #[test]
    fn an_about_that_repeats_its_domains_is_a_warning() {
        let r = lint_text(&with_about("parent_needs.young_parent", "family"));
        let f: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.kind == Kind::RedundantAbout)
            .collect();
        assert_eq!(f.len(), 1, "{}", r.to_text("x"));
        assert!(f[0].message.contains("'parent_needs.young_parent'"));
    }

    #[test]
    fn a_family_concern_limited_to_some_ages_is_refused_by_check() {
        // The young carer is a child's own concern only because it says so.
        let text = with_about("environment.young_carer", "family");
        let e = crate::guidance::Guidance::from_json(&text).err().unwrap();
        assert!(
            e.to_string().contains(
                "concern 'environment.young_carer' is about the family but only fits some ages"
            ),
            "{e}"
        );
    }
}
