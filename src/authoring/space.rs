//! The cases lint and diff search, built from a guidance file's own codes.
//!
//! Concerns that no rule and no service can tell apart (same level, domain, tested flags
//! and named lists) form one *class*, so the small cases can be tried exhaustively: every
//! choice of up to two classes, for every distinct kind of child the rules can see. Larger
//! cases come from a seeded generator that picks rules and builds cases that meet their
//! conditions, so narrow rules (three named concerns at once) are still reached.
//! A found case is then shrunk to the smallest one that still shows the problem.

pub(crate) use super::probe::{plain_child, Probe};

use super::logic::{Facets, Logic};
use super::probe::PLAIN_AGE;
use super::rng::Rng;
use crate::engine::case::{Audience, Child, Consent, KnownToSocialCare, MAX_AGE_YEARS};
use crate::guidance::compiled::Compiled;
use crate::guidance::Guidance;
use std::collections::BTreeMap;

/// Which rules' child facts a search varies: the pathway only depends on the pathway
/// and escalation tables, so checks of the pathway need not vary action-only facts.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Tables {
    Decision,
    All,
}

/// What tells concerns apart: level, domain, how each rule reads it, and its ages
/// (whether limited, born and unborn, and the two limits as bits).
type Signature = (u8, u8, Vec<bool>, [u64; 3]);

pub(crate) struct Space<'g> {
    pub g: &'g Guidance,
    /// Concern classes, each a list of interchangeable concerns in guidance order.
    pub classes: Vec<Vec<u32>>,
    decision_children: Vec<Child>,
    all_children: Vec<Child>,
    /// The rule conditions the generator builds cases for.
    targets: Vec<&'g Compiled>,
    /// Concerns a case may use (for diff: those both files have).
    pool: Vec<u32>,
    strengths: Vec<u32>,
    /// Strength counts that matter: lowering thresholds and `strengths_at_least`.
    strength_counts: Vec<u32>,
}

impl<'g> Space<'g> {
    /// The space of `g`'s cases using only concerns and strengths for which `keep_concern`
    /// and `keep_strength` hold.
    pub fn new(
        g: &'g Guidance,
        keep_concern: impl Fn(u32) -> bool,
        keep_strength: impl Fn(u32) -> bool,
    ) -> Space<'g> {
        let logic = Logic::new(g);
        let decision_rules: Vec<&Compiled> =
            g.pathway_rules.iter().chain(&g.escalation_rules).collect();
        let all_rules: Vec<&Compiled> = decision_rules
            .iter()
            .copied()
            .chain(g.action_rules.iter().map(|r| &r.when))
            .chain(g.urgency_rules.iter().chain(&g.check_rules))
            .collect();
        let pool: Vec<u32> = (0..g.concern_levels.len() as u32)
            .filter(|&c| keep_concern(c))
            .collect();
        let strengths: Vec<u32> = (0..g.file.strengths.len() as u32)
            .filter(|&s| keep_strength(s))
            .collect();

        // Concerns are interchangeable when every rule reads them alike and they share a
        // level and domain (which the decision's level and the services also see).
        // Concerns that apply to different children are never interchangeable either.
        let mut by_signature: BTreeMap<Signature, Vec<u32>> = BTreeMap::new();
        for &c in &pool {
            let reads = all_rules
                .iter()
                .flat_map(|r| atoms(r))
                .map(|a| logic.reads_concern(a, c))
                .collect();
            let ages = match &g.file.concerns[c as usize].ages {
                None => [0, 0, 0],
                Some(a) => [
                    1 | u64::from(a.born) << 1 | u64::from(a.unborn) << 2,
                    a.at_least.map_or(0, f64::to_bits),
                    a.below.map_or(u64::MAX, f64::to_bits),
                ],
            };
            by_signature
                .entry((
                    g.concern_levels[c as usize],
                    g.concern_domains[c as usize],
                    reads,
                    ages,
                ))
                .or_default()
                .push(c);
        }
        let mut classes: Vec<Vec<u32>> = by_signature.into_values().collect();
        classes.sort_by_key(|members| members[0]);

        let mut strength_counts: Vec<u32> = g
            .file
            .rules
            .pathway
            .iter()
            .filter_map(|r| r.lowered_by_strengths.as_ref().map(|l| l.at_least))
            .collect();
        for r in &all_rules {
            collect_strength_counts(r, &mut strength_counts);
        }
        strength_counts.sort_unstable();
        strength_counts.dedup();

        Space {
            g,
            classes,
            decision_children: children(g, &decision_rules),
            all_children: children(g, &all_rules),
            targets: all_rules,
            pool,
            strengths,
            strength_counts,
        }
    }

    pub fn children(&self, tables: Tables) -> &[Child] {
        match tables {
            Tables::Decision => &self.decision_children,
            Tables::All => &self.all_children,
        }
    }

    /// Every case of up to `max_classes` concern classes (one concern from each, two from
    /// one class when it has them), for each kind of child, smallest first, stopping at
    /// `limit` cases. No strengths, no immediate danger, default consent and audience.
    pub fn small(&self, max_classes: usize, tables: Tables, limit: usize) -> Vec<Probe> {
        let mut out = Vec::new();
        for size in 0..=max_classes {
            for_each_multiset(self.classes.len(), size, &mut |picks| {
                if let Some(concerns) = self.realise_picks(picks) {
                    for child in self.children(tables) {
                        if out.len() >= limit {
                            return false;
                        }
                        let p = Probe {
                            child: child.clone(),
                            concerns: concerns.clone(),
                            ..Probe::plain()
                        };
                        if p.fits(self.g) {
                            out.push(p);
                        }
                    }
                }
                out.len() < limit
            });
        }
        out
    }

    fn realise_picks(&self, picks: &[usize]) -> Option<Vec<u32>> {
        let mut concerns = Vec::with_capacity(picks.len());
        let mut i = 0;
        while i < picks.len() {
            let class = &self.classes[picks[i]];
            let same = picks[i..].iter().take_while(|&&p| p == picks[i]).count();
            if same > class.len() {
                return None;
            }
            concerns.extend_from_slice(&class[..same]);
            i += same;
        }
        concerns.sort_unstable();
        Some(concerns)
    }

    /// One concern from each class: what "add any concern" tries.
    pub fn representatives(&self, not_in: &[u32]) -> Vec<u32> {
        self.classes
            .iter()
            .filter_map(|class| class.iter().copied().find(|c| !not_in.contains(c)))
            .collect()
    }

    /// `n` generated cases from `seed`. Each meets the condition of one or two rules
    /// picked at random (so every rule is aimed at), plus a few random concerns.
    pub fn random(&self, seed: u64, n: usize) -> Vec<Probe> {
        self.random_at(seed, n, &self.targets)
    }

    /// Like [`Space::random`], aiming only at the given conditions (for diff: the rules
    /// and concerns a revision changed).
    pub fn random_at(&self, seed: u64, n: usize, targets: &[&Compiled]) -> Vec<Probe> {
        let mut rng = Rng::new(seed);
        (0..n).map(|_| self.one_random(&mut rng, targets)).collect()
    }

    fn one_random(&self, rng: &mut Rng, targets: &[&Compiled]) -> Probe {
        // Half the cases keep the plain child, consent and audience, so the cases people
        // read in reports are mostly ordinary ones; the other half vary them.
        let plain = Probe::plain();
        let mut p = Probe {
            child: match rng.chance(50) {
                true => plain_child(),
                false => rng
                    .pick(&self.all_children)
                    .cloned()
                    .unwrap_or_else(plain_child),
            },
            immediate_danger: rng.chance(8),
            consent: match rng.chance(50) {
                true => plain.consent,
                false => Consent::ALL[rng.below(Consent::ALL.len())],
            },
            audience: match rng.chance(50) {
                true => plain.audience,
                false => Audience::ALL[rng.below(Audience::ALL.len())],
            },
            ..Probe::plain()
        };
        let aims = if rng.chance(40) { 2 } else { 1 };
        for _ in 0..aims {
            if let Some(target) = rng.pick(targets) {
                self.aim(target, rng, &mut p);
            }
        }
        for _ in 0..rng.below(3) {
            if let Some(&c) = rng.pick(&self.pool) {
                p.concerns.push(c);
            }
        }
        let wanted = match rng.below(4) {
            0 => 0,
            1 => rng
                .pick(&self.strength_counts)
                .copied()
                .unwrap_or(1)
                .saturating_sub(rng.below(2) as u32),
            2 => rng.pick(&self.strength_counts).copied().unwrap_or(1),
            _ => rng.below(self.strengths.len() + 1) as u32,
        };
        while (p.strengths.len() as u32) < wanted && p.strengths.len() < self.strengths.len() {
            if let Some(&s) = rng.pick(&self.strengths) {
                if !p.strengths.contains(&s) {
                    p.strengths.push(s);
                }
            }
        }
        p.concerns.sort_unstable();
        p.concerns.dedup();
        p.drop_unfit(self.g);
        p.strengths.sort_unstable();
        p
    }

    /// Changes `p` so that `c` is likely to hold: `all` meets every part, `any` one part;
    /// `not` is left to chance.
    fn aim(&self, c: &Compiled, rng: &mut Rng, p: &mut Probe) {
        let g = self.g;
        let pick_where = |rng: &mut Rng, test: &dyn Fn(u32) -> bool| -> Option<u32> {
            let fits: Vec<u32> = self.pool.iter().copied().filter(|&c| test(c)).collect();
            rng.pick(&fits).copied()
        };
        let level = |c: u32| g.concern_levels[c as usize];
        match c {
            Compiled::ImmediateDanger => p.immediate_danger = true,
            Compiled::Unborn => p.child = self.child_where(rng, |ch| ch.unborn),
            Compiled::NonMobile => p.child.non_mobile = true,
            Compiled::DisabledOrSend => p.child.disabled_or_send = true,
            Compiled::AgeBelow(a) => {
                let a = *a;
                p.child = self.child_where(rng, |ch| ch.age_years.is_some_and(|x| x < a));
            }
            Compiled::AgeAtLeast(a) => {
                let a = *a;
                p.child = self.child_where(rng, |ch| ch.age_years.is_some_and(|x| x >= a));
            }
            Compiled::KnownToSocialCare(m) => {
                let fits: Vec<KnownToSocialCare> = KnownToSocialCare::ALL
                    .into_iter()
                    .filter(|k| k.bit() & m != 0)
                    .collect();
                if let Some(k) = rng.pick(&fits) {
                    p.child.known_to_social_care = *k;
                }
            }
            Compiled::Consent(m) => {
                let fits: Vec<Consent> = Consent::ALL
                    .into_iter()
                    .filter(|k| k.bit() & m != 0)
                    .collect();
                if let Some(k) = rng.pick(&fits) {
                    p.consent = *k;
                }
            }
            Compiled::Audience(m) => {
                let fits: Vec<Audience> = Audience::ALL
                    .into_iter()
                    .filter(|k| k.bit() & m != 0)
                    .collect();
                if let Some(k) = rng.pick(&fits) {
                    p.audience = *k;
                }
            }
            Compiled::ConcernAtLevel(l) => {
                p.concerns.extend(pick_where(rng, &|c| level(c) >= *l));
            }
            Compiled::CountAtLevel {
                level: l,
                at_least,
                domains_at_least,
            } => {
                // Aim at the threshold and either side of it: a revision that moves it
                // changes exactly those cases.
                let n = (*at_least as usize + rng.below(3)).saturating_sub(1).max(1);
                let mut picked: Vec<u32> = Vec::new();
                let mut domains = 0u64;
                for _ in 0..n * 4 {
                    if picked.len() >= n {
                        break;
                    }
                    let spread = (domains.count_ones()) < *domains_at_least;
                    let c = pick_where(rng, &|c| {
                        level(c) == *l
                            && !picked.contains(&c)
                            && !p.concerns.contains(&c)
                            && (!spread || domains & (1 << g.concern_domains[c as usize]) == 0)
                    });
                    if let Some(c) = c {
                        domains |= 1 << g.concern_domains[c as usize];
                        picked.push(c);
                    }
                }
                p.concerns.extend(picked);
            }
            Compiled::AnyConcern(codes) => {
                let fits: Vec<u32> = codes
                    .iter()
                    .copied()
                    .filter(|c| self.pool.contains(c))
                    .collect();
                p.concerns.extend(rng.pick(&fits).copied());
            }
            Compiled::Flag(m) => {
                p.concerns
                    .extend(pick_where(rng, &|c| g.concern_flags[c as usize] & m != 0));
            }
            Compiled::Domain(m) => {
                p.concerns.extend(pick_where(rng, &|c| {
                    (1u64 << g.concern_domains[c as usize]) & m != 0
                }));
            }
            Compiled::Strength(s) => {
                if self.strengths.contains(s) && !p.strengths.contains(s) {
                    p.strengths.push(*s);
                }
            }
            Compiled::StrengthsAtLeast(n) => {
                for &s in self.strengths.iter().take(*n as usize) {
                    if !p.strengths.contains(&s) {
                        p.strengths.push(s);
                    }
                }
            }
            Compiled::All(cs) => cs.iter().for_each(|x| self.aim(x, rng, p)),
            Compiled::Any(cs) => {
                if let Some(x) = rng.pick(cs) {
                    self.aim(x, rng, p);
                }
            }
            Compiled::RepeatContact(n) => {
                let n = *n;
                p.child.previous_contacts_12_months = self
                    .child_where(rng, |ch| {
                        ch.previous_contacts_12_months.saturating_add(1) >= n
                    })
                    .previous_contacts_12_months;
            }
            Compiled::Always | Compiled::Pathway(_) | Compiled::Not(_) => {}
        }
    }

    fn child_where(&self, rng: &mut Rng, keep: impl Fn(&Child) -> bool) -> Child {
        let fits: Vec<&Child> = self.all_children.iter().filter(|c| keep(c)).collect();
        rng.pick(&fits)
            .map(|c| (*c).clone())
            .unwrap_or_else(plain_child)
    }

    /// The smallest case like `p` for which `keep` still holds: concerns and strengths
    /// dropped one by one, then the child made plain, consent and audience defaulted.
    pub fn shrink(&self, p: Probe, keep: impl Fn(&Probe) -> bool) -> Probe {
        // Only cases the engine can decide: every concern applies to the child.
        let keep = |q: &Probe| q.fits(self.g) && keep(q);
        let mut best = p;
        loop {
            let mut changed = false;
            let mut i = 0;
            while i < best.concerns.len() {
                let mut q = best.clone();
                q.concerns.remove(i);
                if keep(&q) {
                    best = q;
                    changed = true;
                } else {
                    i += 1;
                }
            }
            let mut i = 0;
            while i < best.strengths.len() {
                let mut q = best.clone();
                q.strengths.remove(i);
                if keep(&q) {
                    best = q;
                    changed = true;
                } else {
                    i += 1;
                }
            }
            // Each step is made to the case as it is now: a step made to the case as it was
            // at the start of the round would undo the steps taken since, for ever.
            for step in SIMPLIFICATIONS {
                let mut simpler = best.clone();
                step(&mut simpler);
                if simpler != best && simpler.size() <= best.size() && keep(&simpler) {
                    best = simpler;
                    changed = true;
                }
            }
            if !changed {
                return best;
            }
        }
    }
}

/// One-step simplifications of a case, most readable first.
const SIMPLIFICATIONS: [fn(&mut Probe); 10] = [
    |q| q.child = plain_child(),
    |q| q.immediate_danger = false,
    |q| {
        if q.child.unborn {
            q.child.unborn = false;
            q.child.age_years = Some(PLAIN_AGE);
        }
    },
    |q| q.child.non_mobile = false,
    |q| q.child.disabled_or_send = false,
    |q| q.child.known_to_social_care = KnownToSocialCare::None,
    |q| q.child.previous_contacts_12_months = 0,
    |q| {
        if !q.child.unborn {
            q.child.age_years = Some(PLAIN_AGE);
        }
    },
    |q| q.consent = Probe::plain().consent,
    |q| q.audience = Probe::plain().audience,
];

/// Calls `f` with every way to choose `k` of `n` items, repeats allowed, in order, until
/// `f` returns false.
fn for_each_multiset(n: usize, k: usize, f: &mut dyn FnMut(&[usize]) -> bool) {
    fn go(
        n: usize,
        k: usize,
        from: usize,
        cur: &mut Vec<usize>,
        f: &mut dyn FnMut(&[usize]) -> bool,
    ) -> bool {
        if cur.len() == k {
            return f(cur);
        }
        for i in from..n {
            cur.push(i);
            let more = go(n, k, i, cur, f);
            cur.pop();
            if !more {
                return false;
            }
        }
        true
    }
    go(n, k, 0, &mut Vec::new(), f);
}

/// The atoms of a condition (its leaves), in order.
fn atoms(c: &Compiled) -> Vec<&Compiled> {
    match c {
        Compiled::All(cs) | Compiled::Any(cs) => cs.iter().flat_map(atoms).collect(),
        Compiled::Not(x) => atoms(x),
        other => vec![other],
    }
}

fn collect_strength_counts(c: &Compiled, out: &mut Vec<u32>) {
    for a in atoms(c) {
        if let Compiled::StrengthsAtLeast(n) = a {
            out.push(*n);
        }
    }
}

/// One child for each combination of the facts the rules can tell apart; the plain child
/// first. Ages are one per interval between the rules' age limits.
fn children(g: &Guidance, rules: &[&Compiled]) -> Vec<Child> {
    let mut f = Facets::default();
    for r in rules {
        Logic::facets(r, &mut f);
    }
    // A concern's ages decide which children can have it, so they cut the ages too.
    for ages in g.file.concerns.iter().filter_map(|c| c.ages.as_ref()) {
        f.ages.extend(ages.at_least);
        f.ages.extend(ages.below);
        f.unborn = true;
    }
    let mut contacts = vec![0];
    contacts.extend(f.repeat.iter().map(|n| n.saturating_sub(1)));
    contacts.sort_unstable();
    contacts.dedup();
    let mut ages: Vec<Option<f64>> = age_representatives(&f.ages).into_iter().map(Some).collect();
    if f.unborn {
        ages.push(None);
    }
    let bools = |used: bool| if used { vec![false, true] } else { vec![false] };
    let known = known_representatives(&f.known_masks);
    let mut out = Vec::new();
    for age in &ages {
        for &non_mobile in &bools(f.non_mobile) {
            for &disabled in &bools(f.disabled) {
                for &k in &known {
                    for &previous in &contacts {
                        out.push(Child {
                            age_years: *age,
                            unborn: age.is_none(),
                            non_mobile,
                            disabled_or_send: disabled,
                            known_to_social_care: k,
                            previous_contacts_12_months: previous,
                        });
                    }
                }
            }
        }
    }
    out
}

/// One age in each interval the limits cut 0..=25 into: the plain age where it falls,
/// else the interval's lower limit (or its middle, for the interval starting at 0).
fn age_representatives(limits: &[f64]) -> Vec<f64> {
    let mut cuts: Vec<f64> = limits
        .iter()
        .copied()
        .filter(|a| *a > 0.0 && *a <= MAX_AGE_YEARS)
        .collect();
    cuts.sort_by(f64::total_cmp);
    cuts.dedup();
    let mut bounds = vec![0.0];
    bounds.extend(cuts);
    let mut reps = Vec::new();
    for (i, &low) in bounds.iter().enumerate() {
        let high = bounds.get(i + 1).copied().unwrap_or(f64::INFINITY);
        let rep = if (low..high).contains(&PLAIN_AGE) {
            PLAIN_AGE
        } else if low == 0.0 {
            high / 2.0
        } else {
            low
        };
        reps.push(rep);
    }
    // The plain age first, so exhaustive searches meet the plain child first.
    reps.sort_by_key(|a| *a != PLAIN_AGE);
    reps
}

fn known_representatives(masks: &[u8]) -> Vec<KnownToSocialCare> {
    let mut seen: Vec<Vec<bool>> = Vec::new();
    let mut out = Vec::new();
    for k in KnownToSocialCare::ALL {
        let signature: Vec<bool> = masks.iter().map(|m| k.bit() & m != 0).collect();
        if !seen.contains(&signature) {
            seen.push(signature);
            out.push(k);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_partition_the_concerns() {
        let g = Guidance::embedded_default().unwrap();
        let s = Space::new(&g, |_| true, |_| true);
        let mut all: Vec<u32> = s.classes.iter().flatten().copied().collect();
        all.sort_unstable();
        assert_eq!(all, (0..g.file().concerns.len() as u32).collect::<Vec<_>>());
        assert!(s.classes.len() < g.file().concerns.len());
    }

    #[test]
    fn children_vary_only_what_rules_read() {
        let g = Guidance::embedded_default().unwrap();
        let s = Space::new(&g, |_| true, |_| true);
        let decision = s.children(Tables::Decision);
        assert_eq!(decision[0], plain_child());
        // Pathway and escalation rules read unborn, not yet mobile and ages 5 and 13; the
        // concerns' own ages cut at 13, 16 and 18. Nothing else about the child.
        let mut ages: Vec<Option<f64>> = decision.iter().map(|c| c.age_years).collect();
        ages.sort_by(|a, b| a.partial_cmp(b).unwrap());
        ages.dedup();
        assert_eq!(
            ages,
            [
                None,
                Some(2.5),
                Some(10.0),
                Some(13.0),
                Some(16.0),
                Some(18.0)
            ]
        );
        assert!(decision.iter().any(|c| c.non_mobile));
        assert!(decision.iter().all(|c| !c.disabled_or_send
            && c.known_to_social_care == KnownToSocialCare::None
            && c.previous_contacts_12_months == 0));
        assert_eq!(decision.len(), 6 * 2);
        // Action rules also read under one, 16, disability, social care (open, or closed
        // in the last 12 months) and repeat contacts (the third contact); the contact
        // record's checks read ages 2 and 19 (a school or early years setting).
        let all = s.children(Tables::All);
        assert_eq!(all[0], plain_child());
        assert_eq!(all.len(), 9 * 2 * 2 * 3 * 2);
        assert!(all.iter().any(|c| c.previous_contacts_12_months == 2));
    }

    #[test]
    fn age_intervals_have_one_age_each() {
        assert_eq!(age_representatives(&[1.0]), vec![10.0, 0.5]);
        assert_eq!(age_representatives(&[13.0, 16.0]), vec![10.0, 13.0, 16.0]);
        assert_eq!(age_representatives(&[]), vec![10.0]);
    }

    #[test]
    fn multisets_count_choices_with_repeats() {
        let count = |n, k| {
            let mut seen = Vec::new();
            for_each_multiset(n, k, &mut |m| {
                seen.push(m.to_vec());
                true
            });
            seen
        };
        assert_eq!(count(3, 2).len(), 6);
        assert_eq!(count(3, 0), vec![Vec::<usize>::new()]);
        let mut calls = 0;
        for_each_multiset(50, 2, &mut |_| {
            calls += 1;
            calls < 10
        });
        assert_eq!(calls, 10, "stops when asked");
    }

    #[test]
    fn random_cases_are_repeatable_and_valid() {
        let g = Guidance::embedded_default().unwrap();
        let s = Space::new(&g, |_| true, |_| true);
        let a = s.random(42, 200);
        assert_eq!(a, s.random(42, 200));
        for p in &a {
            crate::engine::evaluate(&g, &p.to_case(&g))
                .expect("a generated case fits its guidance");
        }
    }

    #[test]
    fn probe_outcomes_agree_with_the_engine() {
        let mini = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/guidance_errors/_valid_minimal.json"
        ))
        .unwrap();
        let files = [
            Guidance::embedded_default().unwrap(),
            Guidance::from_json(&mini).unwrap(),
        ];
        for g in &files {
            let s = Space::new(g, |_| true, |_| true);
            for p in s
                .random(7, 3_000)
                .iter()
                .chain(&s.small(1, Tables::All, 10_000))
            {
                let d = crate::engine::evaluate(g, &p.to_case(g)).unwrap();
                assert_eq!(p.outcome(g), (d.pathway, d.level), "{p:?}");
                let v = p.verdict(g).unwrap();
                let codes: Vec<&str> = v
                    .actions
                    .iter()
                    .map(|&a| g.file().actions[a as usize].code.as_str())
                    .collect();
                let decided: Vec<&str> = d.actions.iter().map(|a| a.code.as_str()).collect();
                assert_eq!(
                    (v.pathway, v.level, v.consultation_advised, codes),
                    (d.pathway, d.level, d.consultation_advised, decided),
                    "{p:?}"
                );
            }
        }
    }

    #[test]
    fn shrinking_drops_what_is_not_needed() {
        let g = Guidance::embedded_default().unwrap();
        let s = Space::new(&g, |_| true, |_| true);
        let l4 = g.concern_index("abuse.unexplained_injury").unwrap();
        let mut p = Probe::plain();
        p.concerns = vec![0, 1, l4];
        p.concerns.sort_unstable();
        p.strengths = vec![0, 1];
        p.child.non_mobile = true;
        let small = s.shrink(p, |q| q.max_level(&g) == 4);
        assert_eq!(small.concerns, vec![l4]);
        assert!(small.strengths.is_empty());
        assert_eq!(small.child, plain_child());
    }

    // Each simplification is made to the case as it stands: made to the case as it was at
    // the start of a round, the audience step undid the consent step, for ever.
    #[test]
    fn shrinking_ends_when_consent_and_audience_both_simplify() {
        let g = Guidance::embedded_default().unwrap();
        let s = Space::new(&g, |_| true, |_| true);
        let mut p = Probe::plain();
        p.consent = Consent::Given;
        p.strengths = vec![0];
        let small = s.shrink(p, |q| !q.strengths.is_empty());
        assert_eq!(small.consent, Probe::plain().consent);
        assert_eq!(small.audience, Probe::plain().audience);
        assert_eq!(small.strengths, vec![0]);
    }
}
