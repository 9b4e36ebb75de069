//! Whether a case fits the guidance it is decided with: every code known and listed once,
//! an age that can be right, each concern within its ages. One pass serves the engine
//! (indices in guidance order) and every caller that wants each problem located; the
//! problems' words are built only when there is a problem.

use crate::engine::case::{Case, CaseError, Child};
use crate::guidance::Guidance;
use crate::problem::{parse_json, Problem};
use crate::vocabulary::{number_text, MAX_AGE_YEARS};

/// A case's codes as indices into its guidance, each list sorted into guidance order.
pub(crate) struct Resolved {
    pub concerns: Vec<u32>,
    pub strengths: Vec<u32>,
}

/// Resolves a case's codes, or lists everything wrong with it, each problem at its JSON path.
pub(crate) fn resolve(guidance: &Guidance, case: &Case) -> Result<Resolved, CaseError> {
    let mut problems = Vec::new();
    check_age(&case.child, &mut problems);
    let concerns = indices(
        guidance,
        &case.concerns,
        Kind::Concern,
        |c| guidance.concern_index(c),
        &mut problems,
    );
    for (i, &index) in concerns.iter().enumerate() {
        let Some(index) = index else { continue };
        let concern = &guidance.file.concerns[index as usize];
        if guidance.concern_fits(concern, case.child.age_years) {
            continue;
        }
        let Some(ages) = &concern.ages else { continue };
        let child_is = match case.child.age_years {
            None => "this baby is not born yet".to_string(),
            Some(age) => format!("this child is {} years old", number_text(age)),
        };
        problems.push(Problem::new(
            format!("$.concerns[{i}]"),
            format!(
                "concern '{}' applies only to {}, and {child_is}",
                concern.code,
                ages.in_words()
            ),
        ));
    }
    let strengths = indices(
        guidance,
        &case.strengths,
        Kind::Strength,
        |s| guidance.strength_index(s),
        &mut problems,
    );
    if !problems.is_empty() {
        return Err(CaseError { problems });
    }
    let sorted = |v: Vec<Option<u32>>| {
        let mut v: Vec<u32> = v.into_iter().flatten().collect();
        crate::order::sort_numbers(&mut v);
        v
    };
    Ok(Resolved {
        concerns: sorted(concerns),
        strengths: sorted(strengths),
    })
}

impl Case {
    /// Parses case JSON and checks it against the guidance it will be decided with.
    pub fn from_json(text: &str, guidance: &Guidance) -> Result<Case, CaseError> {
        let case: Case = parse_json(text)?;
        case.check(guidance)?;
        Ok(case)
    }

    /// Every problem with the case for this guidance: unknown or repeated codes, ages that
    /// cannot be right and concerns that do not fit the child's age.
    pub fn check(&self, guidance: &Guidance) -> Result<(), CaseError> {
        resolve(guidance, self).map(|_| ())
    }
}

fn check_age(child: &Child, problems: &mut Vec<Problem>) {
    match (child.age_years, child.unborn) {
        (Some(_), true) => problems.push(Problem::new(
            "$.child.age_years",
            "an unborn baby has no age: set age_years to null, or unborn to false",
        )),
        (None, false) => problems.push(Problem::new(
            "$.child.age_years",
            "give the child's age in years (or set unborn to true)",
        )),
        (Some(age), false) if !(0.0..=MAX_AGE_YEARS).contains(&age) => problems.push(Problem::new(
            "$.child.age_years",
            format!(
                "age must be between 0 and {} years, not {}",
                number_text(MAX_AGE_YEARS),
                number_text(age)
            ),
        )),
        _ => {}
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Concern,
    Strength,
}

impl Kind {
    fn field(self) -> &'static str {
        match self {
            Kind::Concern => "concerns",
            Kind::Strength => "strengths",
        }
    }

    fn word(self) -> &'static str {
        match self {
            Kind::Concern => "concern",
            Kind::Strength => "strength",
        }
    }
}

/// Each code's index, in the case's order; `None` where the code is unknown or repeated
/// (and a problem says which).
fn indices(
    guidance: &Guidance,
    codes: &[String],
    kind: Kind,
    index_of: impl Fn(&str) -> Option<u32>,
    problems: &mut Vec<Problem>,
) -> Vec<Option<u32>> {
    let mut found: Vec<Option<u32>> = Vec::with_capacity(codes.len());
    for (i, code) in codes.iter().enumerate() {
        let index = index_of(code);
        let path = || format!("$.{}[{i}]", kind.field());
        let word = kind.word();
        match index {
            None => problems.push(Problem::new(
                path(),
                format!(
                    "unknown {word} code '{code}': guidance '{}' has no such {word}",
                    guidance.id()
                ),
            )),
            // A case ticks a handful of codes, so looking back is cheaper than a set.
            Some(_) if found.contains(&index) => {
                problems.push(Problem::new(
                    path(),
                    format!("{word} '{code}' is listed twice"),
                ));
                found.push(None);
                continue;
            }
            Some(_) => {}
        }
        found.push(index);
    }
    found
}
