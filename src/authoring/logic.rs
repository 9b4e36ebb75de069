//! What can be known about conditions without trying cases: whether one implies another,
//! whether one can never hold, and which concerns and child facts a condition reads.
//!
//! Every answer is *sound*: `implies` and `unsat` say "yes" only when it is certain for
//! this guidance file (they look at its concerns, levels and domains). They may say "no"
//! when the truth is "yes"; lint then falls back on searching cases.

use crate::guidance::compiled::{case_facts, concern_tests, context, strength_tests, Compiled};
use crate::guidance::Guidance;

/// The "any selected concern is like this" tests: each holds when one concern passes.
#[derive(Clone, Copy)]
enum ConcernTest<'c> {
    MinLevel(u8),
    ExactLevel(u8),
    Codes(&'c [u32]),
    Flag(u64),
    Domain(u64),
}

/// Child facts a set of conditions tests, so searches vary only those.
#[derive(Debug, Default, Clone)]
pub(crate) struct Facets {
    pub unborn: bool,
    pub non_mobile: bool,
    pub disabled: bool,
    pub ages: Vec<f64>,
    pub known_masks: Vec<u8>,
    /// Thresholds of `repeat_contact`: contacts in 12 months, this one included.
    pub repeat: Vec<u32>,
}

/// A mask with every value of an enum of `n` values set.
const fn all_of(n: usize) -> u8 {
    ((1u16 << n) - 1) as u8
}
const KNOWN_ALL: u8 = all_of(crate::engine::case::KnownToSocialCare::ALL.len());
const CONSENT_ALL: u8 = all_of(crate::engine::case::Consent::ALL.len());
const AUDIENCE_ALL: u8 = all_of(crate::engine::case::Audience::ALL.len());
const PATHWAY_ALL: u8 = all_of(crate::vocabulary::Pathway::ALL.len());

/// Two facts about a child's age that cannot both hold: under one age and at least an
/// older one, or unborn and of any age at all.
fn ages_clash(x: &Compiled, y: &Compiled) -> bool {
    matches!((x, y), (Compiled::AgeBelow(a), Compiled::AgeAtLeast(b)) if b >= a)
        || matches!(
            (x, y),
            (
                Compiled::Unborn,
                Compiled::AgeBelow(_) | Compiled::AgeAtLeast(_)
            )
        )
}

pub(crate) struct Logic<'g> {
    g: &'g Guidance,
}

impl<'g> Logic<'g> {
    pub fn new(g: &'g Guidance) -> Logic<'g> {
        Logic { g }
    }

    fn concern_test<'c>(&self, c: &'c Compiled) -> Option<ConcernTest<'c>> {
        match c {
            Compiled::ConcernAtLevel(l) => Some(ConcernTest::MinLevel(*l)),
            Compiled::AnyConcern(codes) => Some(ConcernTest::Codes(codes)),
            Compiled::Flag(m) => Some(ConcernTest::Flag(*m)),
            Compiled::Domain(m) => Some(ConcernTest::Domain(*m)),
            // A count of concerns at a level is not a test of one concern.
            Compiled::CountAtLevel { .. }
            | Compiled::Always
            | case_facts!()
            | context!()
            | strength_tests!()
            | Compiled::All(_)
            | Compiled::Any(_)
            | Compiled::Not(_) => None,
        }
    }

    fn passes(&self, t: ConcernTest, c: u32) -> bool {
        let i = c as usize;
        match t {
            ConcernTest::MinLevel(l) => self.g.concern_levels[i] >= l,
            ConcernTest::ExactLevel(l) => self.g.concern_levels[i] == l,
            ConcernTest::Codes(codes) => codes.contains(&c),
            ConcernTest::Flag(m) => self.g.concern_flags[i] & m != 0,
            ConcernTest::Domain(m) => (1u64 << self.g.concern_domains[i]) & m != 0,
        }
    }

    fn concerns(&self) -> impl Iterator<Item = u32> {
        0..self.g.concern_levels.len() as u32
    }

    /// Every concern that passes `a` passes `b`.
    fn test_implies(&self, a: ConcernTest, b: ConcernTest) -> bool {
        self.concerns()
            .all(|c| !self.passes(a, c) || self.passes(b, c))
    }

    /// Does `c` read the concern, whatever the polarity (inside `not` too)?
    pub fn reads_concern(&self, c: &Compiled, concern: u32) -> bool {
        match c {
            Compiled::CountAtLevel { level, .. } => {
                self.g.concern_levels[concern as usize] == *level
            }
            Compiled::All(cs) | Compiled::Any(cs) => {
                cs.iter().any(|x| self.reads_concern(x, concern))
            }
            Compiled::Not(x) => self.reads_concern(x, concern),
            concern_tests!() => self
                .concern_test(c)
                .is_some_and(|t| self.passes(t, concern)),
            Compiled::Always | case_facts!() | context!() | strength_tests!() => false,
        }
    }

    /// Does `c` read recorded strengths (`strength`, `strengths_at_least`)?
    pub fn reads_strength(&self, c: &Compiled, strength: u32) -> bool {
        match c {
            Compiled::Strength(s) => *s == strength,
            Compiled::StrengthsAtLeast(_) => true,
            Compiled::All(cs) | Compiled::Any(cs) => {
                cs.iter().any(|x| self.reads_strength(x, strength))
            }
            Compiled::Not(x) => self.reads_strength(x, strength),
            Compiled::Always
            | case_facts!()
            | concern_tests!()
            | Compiled::CountAtLevel { .. }
            | context!() => false,
        }
    }

    /// Adds the child facts `c` tests to `f`.
    pub fn facets(c: &Compiled, f: &mut Facets) {
        match c {
            Compiled::Unborn => f.unborn = true,
            Compiled::NonMobile => f.non_mobile = true,
            Compiled::DisabledOrSend => f.disabled = true,
            Compiled::AgeBelow(a) | Compiled::AgeAtLeast(a) => {
                // An unborn baby fails every age test, so it is a case of its own.
                f.unborn = true;
                f.ages.push(*a);
            }
            Compiled::KnownToSocialCare(m) => f.known_masks.push(*m),
            Compiled::RepeatContact(n) => f.repeat.push(*n),
            Compiled::All(cs) | Compiled::Any(cs) => cs.iter().for_each(|x| Self::facets(x, f)),
            Compiled::Not(x) => Self::facets(x, f),
            // Not facts about the child: concerns, strengths, consent, audience and pathway
            // are varied by the search itself.
            Compiled::Always
            | Compiled::ImmediateDanger
            | concern_tests!()
            | Compiled::CountAtLevel { .. }
            | context!()
            | strength_tests!() => {}
        }
    }

    /// `a` holds for every case (in this file).
    pub fn valid(&self, a: &Compiled) -> bool {
        match a {
            Compiled::Always => true,
            Compiled::StrengthsAtLeast(0) => true,
            Compiled::KnownToSocialCare(m) => m & KNOWN_ALL == KNOWN_ALL,
            Compiled::Consent(m) => m & CONSENT_ALL == CONSENT_ALL,
            Compiled::Audience(m) => m & AUDIENCE_ALL == AUDIENCE_ALL,
            Compiled::Pathway(m) => m & PATHWAY_ALL == PATHWAY_ALL,
            Compiled::RepeatContact(n) => *n <= 1,
            Compiled::All(cs) => cs.iter().all(|x| self.valid(x)),
            Compiled::Any(cs) => cs.iter().any(|x| self.valid(x)),
            Compiled::Not(x) => self.unsat(x),
            // Each of these fails for some case: a fact can be false, a concern or strength
            // left unselected, a count not reached.
            strength_tests!()
            | concern_tests!()
            | Compiled::CountAtLevel { .. }
            | Compiled::ImmediateDanger
            | Compiled::Unborn
            | Compiled::NonMobile
            | Compiled::DisabledOrSend
            | Compiled::AgeBelow(_)
            | Compiled::AgeAtLeast(_) => false,
        }
    }

    /// `a` holds for no case (in this file).
    pub fn unsat(&self, a: &Compiled) -> bool {
        let g = self.g;
        match a {
            Compiled::CountAtLevel {
                level,
                at_least,
                domains_at_least,
            } => {
                let at_level: Vec<usize> = (0..g.concern_levels.len())
                    .filter(|&i| g.concern_levels[i] == *level)
                    .collect();
                let domains = at_level
                    .iter()
                    .fold(0u64, |m, &i| m | (1 << g.concern_domains[i]));
                (at_level.len() as u32) < *at_least || domains.count_ones() < *domains_at_least
            }
            Compiled::KnownToSocialCare(m) => m & KNOWN_ALL == 0,
            Compiled::Consent(m) => m & CONSENT_ALL == 0,
            Compiled::Audience(m) => m & AUDIENCE_ALL == 0,
            Compiled::Pathway(m) => m & PATHWAY_ALL == 0,
            Compiled::AgeBelow(x) => *x <= 0.0,
            Compiled::AgeAtLeast(x) => *x > crate::engine::case::MAX_AGE_YEARS,
            Compiled::Strength(s) => *s as usize >= g.file.strengths.len(),
            Compiled::StrengthsAtLeast(n) => *n as usize > g.file.strengths.len(),
            Compiled::Any(cs) => cs.iter().all(|x| self.unsat(x)),
            Compiled::All(cs) => self.all_unsat(cs),
            Compiled::Not(x) => self.valid(x),
            concern_tests!() => self
                .concern_test(a)
                .is_some_and(|t| !self.concerns().any(|c| self.passes(t, c))),
            // Each of these holds for some case.
            Compiled::Always
            | Compiled::ImmediateDanger
            | Compiled::Unborn
            | Compiled::NonMobile
            | Compiled::DisabledOrSend
            | Compiled::RepeatContact(_) => false,
        }
    }

    fn all_unsat(&self, cs: &[Compiled]) -> bool {
        let mut parts = Vec::new();
        flatten_all(cs, &mut parts);
        if parts.iter().any(|x| self.unsat(x)) {
            return true;
        }
        for x in &parts {
            for y in &parts {
                // Something and its own negation (or a weaker form of it), or ages that
                // cannot both be true.
                let clash = match y {
                    Compiled::Not(inner) => self.implies(x, inner),
                    y => ages_clash(x, y),
                };
                if clash {
                    return true;
                }
            }
        }
        false
    }

    /// Every case for which `a` holds, `b` holds too.
    pub fn implies(&self, a: &Compiled, b: &Compiled) -> bool {
        if self.valid(b) || self.unsat(a) {
            return true;
        }
        // The exact decompositions first.
        if let Compiled::Any(xs) = a {
            return xs.iter().all(|x| self.implies(x, b));
        }
        if let Compiled::All(ys) = b {
            return ys.iter().all(|y| self.implies(a, y));
        }
        // Then the sound but partial ones.
        if let Compiled::All(xs) = a {
            if xs.iter().any(|x| self.implies(x, b)) {
                return true;
            }
        }
        if let Compiled::Any(ys) = b {
            if ys.iter().any(|y| self.implies(a, y)) {
                return true;
            }
        }
        match (a, b) {
            (Compiled::Not(x), Compiled::Not(y)) => self.implies(y, x),
            // Double negations; any other `not` proves nothing here.
            (Compiled::Not(x), b) => {
                matches!(x.as_ref(), Compiled::Not(inner) if self.implies(inner, b))
            }
            (a, Compiled::Not(y)) => {
                matches!(y.as_ref(), Compiled::Not(inner) if self.implies(a, inner))
            }
            (a, b) => self.atom_implies(a, b),
        }
    }

    /// `a` implies `b`, for two conditions neither of which is `all`, `any` or `not`.
    /// Exhaustive over `a`, so a new kind of condition must say what it implies; any pair
    /// not shown to imply is treated as not implying, which keeps lint's findings sound.
    fn atom_implies(&self, a: &Compiled, b: &Compiled) -> bool {
        use Compiled as C;
        let subset = |x: u8, y: u8| x & !y == 0;
        match a {
            C::ImmediateDanger => matches!(b, C::ImmediateDanger),
            C::Unborn => matches!(b, C::Unborn),
            C::NonMobile => matches!(b, C::NonMobile),
            C::DisabledOrSend => matches!(b, C::DisabledOrSend),
            C::AgeBelow(x) => matches!(b, C::AgeBelow(y) if x <= y),
            C::AgeAtLeast(x) => matches!(b, C::AgeAtLeast(y) if x >= y),
            C::KnownToSocialCare(x) => matches!(b, C::KnownToSocialCare(y) if subset(*x, *y)),
            C::Consent(x) => matches!(b, C::Consent(y) if subset(*x, *y)),
            C::Audience(x) => matches!(b, C::Audience(y) if subset(*x, *y)),
            C::Pathway(x) => matches!(b, C::Pathway(y) if subset(*x, *y)),
            C::Strength(x) => {
                matches!(b, C::Strength(y) if x == y)
                    || matches!(b, C::StrengthsAtLeast(n) if *n <= 1)
            }
            C::StrengthsAtLeast(x) => matches!(b, C::StrengthsAtLeast(y) if x >= y),
            C::CountAtLevel {
                level: l1,
                at_least: n1,
                domains_at_least: d1,
            } => match b {
                C::CountAtLevel {
                    level: l2,
                    at_least: n2,
                    domains_at_least: d2,
                } => l1 == l2 && n1 >= n2 && (d1 >= d2 || *d2 <= 1),
                other => self
                    .concern_test(other)
                    .is_some_and(|t| self.test_implies(ConcernTest::ExactLevel(*l1), t)),
            },
            concern_tests!() => {
                let Some(x) = self.concern_test(a) else {
                    return false;
                };
                match b {
                    // One concern that passes `a` is always at this level.
                    C::CountAtLevel {
                        level,
                        at_least,
                        domains_at_least,
                    } => {
                        *at_least <= 1
                            && *domains_at_least <= 1
                            && self.test_implies(x, ConcernTest::ExactLevel(*level))
                    }
                    other => self
                        .concern_test(other)
                        .is_some_and(|y| self.test_implies(x, y)),
                }
            }
            // Repeat contacts are not compared; `always` and the compound conditions are
            // handled by `implies` before it gets here.
            C::RepeatContact(_) | C::Always | C::All(_) | C::Any(_) | C::Not(_) => false,
        }
    }

    /// The earlier rules (indices into `rules`) that together match every case `rule`
    /// matches, fewest first: one rule if one is enough, else all of them. `None` if
    /// that cannot be shown.
    pub fn covered_by(&self, rule: &Compiled, earlier: &[Compiled]) -> Option<Vec<usize>> {
        if let Some(i) = earlier.iter().position(|e| self.implies(rule, e)) {
            return Some(vec![i]);
        }
        let any = Compiled::Any(earlier.to_vec());
        self.implies(rule, &any).then(|| {
            (0..earlier.len())
                .filter(|&i| !self.unsat(&earlier[i]))
                .collect()
        })
    }
}

fn flatten_all<'c>(cs: &'c [Compiled], out: &mut Vec<&'c Compiled>) {
    for c in cs {
        match c {
            Compiled::All(inner) => flatten_all(inner, out),
            other => out.push(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> Guidance {
        Guidance::embedded_default().unwrap()
    }

    #[test]
    fn level_rules_imply_lower_level_rules() {
        let g = g();
        let l = Logic::new(&g);
        let (l3, l4) = (&g.pathway_rules[2], &g.pathway_rules[1]);
        assert!(l.implies(l4, l3));
        assert!(!l.implies(l3, l4));
        let cumulative = &g.pathway_rules[3];
        assert!(l.implies(cumulative, &Compiled::ConcernAtLevel(2)));
        assert!(!l.implies(cumulative, l3));
        assert!(l.implies(l3, &Compiled::Always));
    }

    #[test]
    fn contradictions_are_unsatisfiable() {
        let g = g();
        let l = Logic::new(&g);
        let dom = Compiled::Domain(1);
        let both = Compiled::All(vec![dom.clone(), Compiled::Not(Box::new(dom))]);
        assert!(l.unsat(&both));
        assert!(l.unsat(&Compiled::All(vec![
            Compiled::AgeBelow(1.0),
            Compiled::AgeAtLeast(2.0)
        ])));
        assert!(!l.unsat(&g.pathway_rules[3]));
        assert!(l.unsat(&Compiled::CountAtLevel {
            level: 1,
            at_least: 4,
            domains_at_least: 1
        }));
    }

    #[test]
    fn reads_follow_levels_domains_and_flags() {
        let g = g();
        let l = Logic::new(&g);
        let code = g.concern_index("abuse.unexplained_injury").unwrap();
        assert!(l.reads_concern(&g.pathway_rules[1], code));
        assert!(
            !l.reads_concern(&g.pathway_rules[4], code),
            "always reads nothing"
        );
    }
}
