//! What can be known about conditions without trying cases: whether one implies another,
//! whether one can never hold, and which concerns and child facts a condition reads.
//!
//! Every answer is *sound*: `implies` and `unsat` say "yes" only when it is certain for
//! this guidance file (they look at its concerns, levels and domains). They may say "no"
//! when the truth is "yes"; lint then falls back on searching cases.

use crate::condition::Compiled;
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
const KNOWN_ALL: u8 = all_of(crate::case::KnownToSocialCare::ALL.len());
const CONSENT_ALL: u8 = all_of(crate::case::Consent::ALL.len());
const AUDIENCE_ALL: u8 = all_of(crate::case::Audience::ALL.len());
const PATHWAY_ALL: u8 = all_of(crate::pathway::Pathway::ALL.len());

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
            _ => None,
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
            other => self
                .concern_test(other)
                .is_some_and(|t| self.passes(t, concern)),
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
            _ => false,
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
            _ => {}
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
            _ => false,
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
            Compiled::AgeAtLeast(x) => *x > crate::case::MAX_AGE_YEARS,
            Compiled::Strength(s) => *s as usize >= g.file.strengths.len(),
            Compiled::StrengthsAtLeast(n) => *n as usize > g.file.strengths.len(),
            Compiled::Any(cs) => cs.iter().all(|x| self.unsat(x)),
            Compiled::All(cs) => self.all_unsat(cs),
            Compiled::Not(x) => self.valid(x),
            other => match self.concern_test(other) {
                Some(t) => !self.concerns().any(|c| self.passes(t, c)),
                None => false,
            },
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
                let clash = match (x, y) {
                    // Something and its own negation (or a weaker form of it).
                    (_, Compiled::Not(inner)) => self.implies(x, inner),
                    (Compiled::AgeBelow(a), Compiled::AgeAtLeast(b)) => b >= a,
                    (Compiled::Unborn, Compiled::AgeBelow(_) | Compiled::AgeAtLeast(_)) => true,
                    _ => false,
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
            (Compiled::Not(x), _) => match x.as_ref() {
                Compiled::Not(inner) => self.implies(inner, b),
                _ => false,
            },
            (_, Compiled::Not(y)) => match y.as_ref() {
                Compiled::Not(inner) => self.implies(a, inner),
                _ => false,
            },
            _ => self.atom_implies(a, b),
        }
    }

    fn atom_implies(&self, a: &Compiled, b: &Compiled) -> bool {
        use Compiled as C;
        let subset = |x: u8, y: u8| x & !y == 0;
        match (a, b) {
            (C::ImmediateDanger, C::ImmediateDanger)
            | (C::Unborn, C::Unborn)
            | (C::NonMobile, C::NonMobile)
            | (C::DisabledOrSend, C::DisabledOrSend) => true,
            (C::AgeBelow(x), C::AgeBelow(y)) => x <= y,
            (C::AgeAtLeast(x), C::AgeAtLeast(y)) => x >= y,
            (C::KnownToSocialCare(x), C::KnownToSocialCare(y))
            | (C::Consent(x), C::Consent(y))
            | (C::Audience(x), C::Audience(y))
            | (C::Pathway(x), C::Pathway(y)) => subset(*x, *y),
            (C::Strength(x), C::Strength(y)) => x == y,
            (C::Strength(_), C::StrengthsAtLeast(n)) => *n <= 1,
            (C::StrengthsAtLeast(x), C::StrengthsAtLeast(y)) => x >= y,
            (
                C::CountAtLevel {
                    level: l1,
                    at_least: n1,
                    domains_at_least: d1,
                },
                C::CountAtLevel {
                    level: l2,
                    at_least: n2,
                    domains_at_least: d2,
                },
            ) => l1 == l2 && n1 >= n2 && (d1 >= d2 || *d2 <= 1),
            (C::CountAtLevel { level, .. }, other) => match self.concern_test(other) {
                Some(t) => self.test_implies(ConcernTest::ExactLevel(*level), t),
                None => false,
            },
            (
                other,
                C::CountAtLevel {
                    level,
                    at_least,
                    domains_at_least,
                },
            ) if *at_least <= 1 && *domains_at_least <= 1 => match self.concern_test(other) {
                Some(t) => self.test_implies(t, ConcernTest::ExactLevel(*level)),
                None => false,
            },
            _ => match (self.concern_test(a), self.concern_test(b)) {
                (Some(x), Some(y)) => self.test_implies(x, y),
                _ => false,
            },
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
