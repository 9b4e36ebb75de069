//! Finding a concern in the words people type: a ranked search over each concern's text,
//! examples and search terms (`terms` in the guidance, editable per authority).
//!
//! Any word may match, but a concern that matches every word ranks above one that matches
//! some; a word found in the concern's text counts more than one in its examples, and
//! that more than one only in its terms. Words are compared by stem ("bruises" finds
//! "bruising") and one slip of the keyboard is forgiven in words of five letters or more
//! ("neglegt" finds "neglect"). Rare words count more than common ones, so "dad hits mum"
//! ranks domestic abuse above everything that mentions a parent.
//!
//! A match is never shown alone when its domain holds a more serious concern on the same
//! topic: those are its `serious_neighbours`, so a search never steers to the lowest level.

use super::letters;
use crate::guidance::{Concern, Guidance};
use std::collections::{HashMap, HashSet};

/// Words that carry no meaning in a search for a concern.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "from", "with", "is",
    "are", "was", "were", "be", "been", "being", "has", "have", "had", "it", "its", "this", "that",
    "these", "those", "my", "his", "her", "their", "our", "your", "he", "she", "they", "them",
    "him", "i", "we", "you", "who", "which", "what", "about", "very", "some", "any", "not", "no",
    "there", "as", "so", "but", "if", "into", "out", "up", "does", "do",
];

/// Where in a concern a word was found, in the order that ranks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Terms,
    Examples,
    Text,
}

impl Field {
    fn weight(self) -> f32 {
        match self {
            Field::Text => 1.0,
            Field::Examples => 0.85,
            Field::Terms => 0.75,
        }
    }
}

/// How closely a typed word met a word of the concern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Closeness {
    Typo,
    Prefix,
    Same,
}

impl Closeness {
    fn weight(self) -> f32 {
        // A word met exactly anywhere beats a near miss anywhere.
        match self {
            Closeness::Same => 1.0,
            Closeness::Prefix => 0.6,
            Closeness::Typo => 0.5,
        }
    }
}

/// One concern's searchable words, as stems, by field.
struct Entry {
    fields: [(Field, HashSet<String>); 3],
    /// The same words as written (lowercased, not stemmed), by field, each with its stem:
    /// a slip is judged against what was written ("radicalisaton", "radicalisation").
    written: [(Field, Vec<(String, String)>); 3],
    /// Multi-word terms, each as its stems: all of them typed is a phrase match.
    phrases: Vec<Vec<String>>,
    /// The stems of the code's own name (`mental_health_managed`): its topic.
    topic: HashSet<String>,
}

/// The search over one guidance file's concerns. Build it once per file.
pub struct SearchIndex {
    entries: Vec<Entry>,
    /// In how many concerns each stem appears, for weighting rare words up.
    document_frequency: HashMap<String, usize>,
    levels: Vec<u8>,
    domains: Vec<String>,
}

/// A concern that matched, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// Its index in the guidance's concerns.
    pub concern: u32,
    /// How many of the typed words it matched.
    pub words_matched: usize,
    pub score: f32,
}

/// What a search found: the matches, best first, and for some of them the more serious
/// concerns on the same topic to show beside them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    pub matches: Vec<Match>,
    /// How many meaningful words the query had (0: show everything).
    pub words: usize,
}

impl SearchIndex {
    pub fn new(guidance: &Guidance) -> SearchIndex {
        let concerns = &guidance.file().concerns;
        let entries: Vec<Entry> = concerns.iter().map(entry).collect();
        let mut document_frequency: HashMap<String, usize> = HashMap::new();
        for e in &entries {
            let mut seen: HashSet<&String> = HashSet::new();
            for (_, words) in &e.fields {
                seen.extend(words.iter());
            }
            for w in seen {
                *document_frequency.entry(w.clone()).or_default() += 1;
            }
        }
        SearchIndex {
            entries,
            document_frequency,
            levels: concerns.iter().map(|c| c.level).collect(),
            domains: concerns.iter().map(|c| c.domain.clone()).collect(),
        }
    }

    /// The concerns that match `query`, best first: most typed words matched, then the
    /// best-placed and rarest words, then the more serious level, then guidance order.
    pub fn search(&self, query: &str) -> Results {
        let typed = query_words(query);
        if typed.is_empty() {
            return Results::default();
        }
        // A run-together word no concern has ("foodbank") is read as the two words it
        // is made of, where both are known ("food bank").
        let typed: Vec<(String, String)> = typed
            .into_iter()
            .flat_map(|(raw, stemmed)| self.split_compound(&raw, &stemmed))
            .collect();
        let words: Vec<String> = typed.iter().map(|(_, s)| s.clone()).collect();
        // Every word typed, small ones too, for matching phrases ("kicked out").
        let all_words: Vec<String> = words_with_small(query).collect();
        // A word some concern has as it is is meant as it is: no near misses for it, so
        // "NAI" does not find "nail", nor "carer" find "carry".
        let exact_only: Vec<bool> = words
            .iter()
            .map(|w| self.document_frequency.contains_key(w))
            .collect();
        let n = self.entries.len().max(1) as f32;
        let mut matches: Vec<Match> = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            let mut matched = 0;
            let mut score = 0.0;
            for ((raw, w), &exact) in typed.iter().zip(&exact_only) {
                if let Some((field, closeness, stem)) = best_match(e, raw, w, exact) {
                    matched += 1;
                    let df = self.document_frequency.get(&stem).copied().unwrap_or(1) as f32;
                    let rarity = 1.0 + (n / df).ln();
                    score += field.weight() * closeness.weight() * rarity;
                }
            }
            // Typing every word of one of the concern's phrases ("county lines").
            for phrase in &e.phrases {
                if phrase.len() > 1 && phrase.iter().all(|p| all_words.iter().any(|w| w == p)) {
                    score += phrase.len() as f32;
                }
            }
            if matched > 0 {
                matches.push(Match {
                    concern: i as u32,
                    words_matched: matched,
                    score,
                });
            }
        }
        // Unstable is enough (the last key, the concern, is unique) and keeps one sort
        // algorithm in the download.
        matches.sort_unstable_by(|a, b| {
            b.words_matched
                .cmp(&a.words_matched)
                .then(b.score.total_cmp(&a.score))
                .then(self.levels[b.concern as usize].cmp(&self.levels[a.concern as usize]))
                .then(a.concern.cmp(&b.concern))
        });
        // The long tail of one common word ("mum" in "dad hits mum") buries what was
        // meant: past the first five, keep only matches close to the best in words matched
        // and in score.
        if let Some(best) = matches.first().cloned() {
            let mut rank = 0;
            matches.retain(|m| {
                rank += 1;
                rank <= 5 || (m.words_matched == best.words_matched && m.score >= best.score * 0.25)
            });
        }
        Results {
            matches,
            words: words.len(),
        }
    }

    /// `word` as two known words when it is not known itself but splits into two that
    /// are (each of four letters or more, so a slip such as "homless" is not read as
    /// "hom" and "less"); else itself.
    fn split_compound(&self, raw: &str, stemmed: &str) -> Vec<(String, String)> {
        let known = |w: &str| self.document_frequency.contains_key(w);
        if known(stemmed) || raw.chars().count() < 8 || !raw.is_ascii() {
            return vec![(raw.to_string(), stemmed.to_string())];
        }
        for at in 4..=raw.len() - 4 {
            let (a, b) = raw.split_at(at);
            let (sa, sb) = (stem(a), stem(b));
            if known(&sa) && known(&sb) {
                return vec![(a.to_string(), sa), (b.to_string(), sb)];
            }
        }
        vec![(raw.to_string(), stemmed.to_string())]
    }

    /// The concerns in the same domain as `concern`, at a higher level, on the same topic
    /// (their code names share a word, or they share a search term few concerns have), in
    /// guidance order.
    pub fn serious_neighbours(&self, concern: u32) -> Vec<u32> {
        let i = concern as usize;
        let Some(me) = self.entries.get(i) else {
            return Vec::new();
        };
        let rare_terms = |e: &Entry| -> HashSet<String> {
            e.fields[0]
                .1
                .iter()
                .filter(|t| self.document_frequency.get(*t).copied().unwrap_or(0) <= 6)
                .cloned()
                .collect()
        };
        let mine = rare_terms(me);
        (0..self.entries.len())
            .filter(|&j| {
                j != i
                    && self.domains[j] == self.domains[i]
                    && self.levels[j] > self.levels[i]
                    && (!self.entries[j].topic.is_disjoint(&me.topic)
                        || !rare_terms(&self.entries[j]).is_disjoint(&mine))
            })
            .map(|j| j as u32)
            .collect()
    }
}

fn entry(c: &Concern) -> Entry {
    let text: HashSet<String> = words_of(&c.text).collect();
    let examples: HashSet<String> = c.examples.iter().flat_map(|e| words_of(e)).collect();
    let terms: HashSet<String> = c.terms.iter().flat_map(|t| words_of(t)).collect();
    let written = |texts: &mut dyn Iterator<Item = &String>| -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = texts
            .flat_map(|t| raw_words(t).collect::<Vec<_>>())
            .filter(|w| !STOP_WORDS.contains(&w.as_str()))
            .map(|w| {
                let s = stem(&w);
                (w, s)
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    };
    let phrases = c
        .terms
        .iter()
        .map(|t| words_with_small(t).collect::<Vec<_>>())
        .collect();
    let name = c.code.split_once('.').map_or(c.code.as_str(), |(_, n)| n);
    let topic = words_of(&name.replace('_', " "))
        .filter(|w| w.chars().count() >= 4 && !GENERIC_CODE_WORDS.contains(&w.as_str()))
        .collect();
    Entry {
        written: [
            (Field::Terms, written(&mut c.terms.iter())),
            (Field::Examples, written(&mut c.examples.iter())),
            (Field::Text, written(&mut std::iter::once(&c.text))),
        ],
        fields: [
            (Field::Terms, terms),
            (Field::Examples, examples),
            (Field::Text, text),
        ],
        phrases,
        topic,
    }
}

/// Words in concern codes that say how much, not what about.
const GENERIC_CODE_WORDS: &[&str] = &[
    "risk", "level", "low", "high", "sever", "signific", "manag", "affect", "repeat", "onc",
    "need", "concern", "known", "child", "care", "support", "indic",
];

/// The best place a typed word is found in a concern (`raw` as typed, `word` its stem),
/// and the stem it met there. `exact`: only the word itself counts, no near misses.
fn best_match(e: &Entry, raw: &str, word: &str, exact: bool) -> Option<(Field, Closeness, String)> {
    let mut best: Option<(Field, Closeness, String)> = None;
    for ((field, words), (_, written)) in e.fields.iter().zip(&e.written) {
        let found = if words.contains(word) {
            Some((Closeness::Same, word.to_string()))
        } else if exact {
            None
        } else {
            written
                .iter()
                .filter_map(|(w, s)| closeness(raw, word, w, s).map(|c| (c, s)))
                .max_by_key(|(c, _)| *c)
                .map(|(c, s)| (c, s.clone()))
        };
        if let Some((closeness, stem)) = found {
            let candidate = (*field, closeness, stem);
            let better = best
                .as_ref()
                .is_none_or(|b| field.weight() * closeness.weight() > b.0.weight() * b.1.weight());
            if better {
                best = Some(candidate);
            }
        }
    }
    best
}

/// Whether a typed word meets a concern's word short of the same stem: the start of a
/// longer word (as people type: "brui" for "bruising"), or one slip in a word of five
/// letters or more, as typed or as stems ("radicalisaton", "neglegt").
fn closeness(typed: &str, typed_stem: &str, word: &str, word_stem: &str) -> Option<Closeness> {
    let len = typed.chars().count();
    if len >= 3 && word.len() > typed.len() && word.starts_with(typed) {
        return Some(Closeness::Prefix);
    }
    let slip =
        |a: &str, b: &str| a.chars().count() >= 5 && b.chars().count() >= 5 && one_edit_apart(a, b);
    if slip(typed, word) || slip(typed_stem, word_stem) {
        return Some(Closeness::Typo);
    }
    // Another ending, mistyped, on a long stem ("radicalisaton" on "radicalis").
    if word_stem.chars().count() >= 6 && typed.starts_with(word_stem) && len <= word_stem.len() + 5
    {
        return Some(Closeness::Typo);
    }
    None
}

/// At most one insertion, deletion, substitution or swap of neighbours turns `a` into `b`.
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b {
        return true;
    }
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if la == lb {
        let rest_equal = |from: usize| a[from..] == b[from..];
        // One substitution, or two neighbours swapped.
        rest_equal(prefix + 1)
            || (prefix + 1 < la
                && a[prefix] == b[prefix + 1]
                && a[prefix + 1] == b[prefix]
                && rest_equal(prefix + 2))
    } else {
        let (long, short) = if la > lb { (&a, &b) } else { (&b, &a) };
        long[prefix + 1..] == short[prefix..]
    }
}

/// The meaningful words of a query, as typed and as stems, without repeats.
fn query_words(query: &str) -> Vec<(String, String)> {
    let mut seen = HashSet::new();
    raw_words(query)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .map(|w| {
            let s = stem(&w);
            (w, s)
        })
        .filter(|(_, s)| seen.insert(s.clone()))
        .collect()
}

/// The words of a text, lowercased, without stop words, as stems. An apostrophe joins
/// ("mum's" is "mums", stemmed to "mum"); anything else that is not a letter or digit
/// splits.
fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    raw_words(text)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .map(|w| stem(&w))
}

/// The words of a text as stems, the small ones ("out", "not", "in") kept: phrases need
/// them ("kicked out", "not in school").
fn words_with_small(text: &str) -> impl Iterator<Item = String> + '_ {
    raw_words(text).map(|w| stem(&w))
}

fn raw_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| letters::breaks_words(c) && !is_apostrophe(c))
        .map(letters::folded)
        .filter(|w| !w.is_empty())
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// A light English stemmer: enough that the forms people type meet the forms guidance
/// is written in ("bruises", "bruising", "bruised" → "bruis"; "hits", "hitting" → "hit";
/// "injuries", "injured" → "injur"). Short words and abbreviations (DV, CSE) are kept.
pub fn stem(word: &str) -> String {
    let w = letters::folded(word);
    if w.chars().count() <= 3 || !w.chars().all(|c| c.is_ascii_alphabetic()) {
        return w;
    }
    let mut s = w.clone();
    for (suffix, replacement) in [
        ("ies", "y"),
        ("ied", "y"),
        ("ations", ""),
        ("ation", ""),
        ("sses", "ss"),
        ("ness", ""),
        ("ments", ""),
        ("ment", ""),
        ("ings", ""),
        ("ing", ""),
        ("edly", ""),
        ("ed", ""),
        ("ions", ""),
        ("ion", ""),
        ("ers", ""),
        ("er", ""),
        ("ly", ""),
        ("es", ""),
        ("s", ""),
    ] {
        if let Some(base) = s.strip_suffix(suffix) {
            // Keep at least three letters, and a vowel, so "sing" and "bus" stay whole;
            // "-ly" needs more, so "family" meets "families" rather than losing its "l".
            let least = if suffix == "ly" { 5 } else { 3 };
            if base.chars().count() >= least && base.chars().any(is_vowel) && !s.ends_with("ss") {
                s = format!("{base}{replacement}");
                break;
            }
        }
    }
    // "hitting" → "hitt" → "hit"; "bruise" and "bruis" meet; "injury" and "injur" meet.
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    if n >= 4 && chars[n - 1] == chars[n - 2] && !matches!(chars[n - 1], 'l' | 's' | 'z') {
        s.pop();
    }
    for end in ['e', 'y'] {
        if s.chars().count() >= 4 && s.ends_with(end) {
            s.pop();
        }
    }
    s
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> (Guidance, SearchIndex) {
        let g = Guidance::embedded_default().unwrap();
        let i = SearchIndex::new(&g);
        (g, i)
    }

    fn codes(q: &str) -> Vec<String> {
        let (g, i) = index();
        i.search(q)
            .matches
            .iter()
            .map(|m| g.file().concerns[m.concern as usize].code.clone())
            .collect()
    }

    #[test]
    fn words_are_compared_without_case_or_accent() {
        let words: Vec<String> = raw_words("Naïve CAFÉ—mum’s ＦＧＭ, e\u{301}te\u{301}").collect();
        assert_eq!(words, ["naive", "cafe", "mums", "fgm", "ete"]);
        for (typed, written) in [
            ("BRUISES", "bruises"),
            ("brüises", "bruises"),
            ("Négligé", "neglige"),
            ("neglect\u{ad}ed", "neglected"),
        ] {
            assert_eq!(codes(typed), codes(written), "{typed}");
        }
        assert!(!codes("brüises").is_empty());
    }

    #[test]
    fn forms_of_a_word_meet_at_one_stem() {
        for (a, b) in [
            ("bruises", "bruising"),
            ("bruise", "bruised"),
            ("hits", "hitting"),
            ("hit", "hits"),
            ("injuries", "injured"),
            ("injury", "injuries"),
            ("depressed", "depression"),
            ("schools", "school"),
            ("exploited", "exploitation"),
            ("carers", "carer"),
            ("drinking", "drinks"),
            ("family", "families"),
            ("bullied", "bullying"),
            ("radicalised", "radicalisation"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} and {b}");
        }
        assert_eq!(stem("DV"), "dv");
        assert_eq!(stem("cse"), "cse");
        assert_eq!(stem("bus"), "bus");
        assert_eq!(stem("abuse"), stem("abused"));
    }

    #[test]
    fn one_slip_is_one_edit() {
        assert!(one_edit_apart("neglegt", "neglect"));
        assert!(one_edit_apart("negelct", "neglect"), "two letters swapped");
        assert!(one_edit_apart("neglet", "neglect"), "one letter missing");
        assert!(one_edit_apart("negleect", "neglect"), "one letter extra");
        assert!(!one_edit_apart("nglet", "neglect"));
        assert!(!one_edit_apart("abcdef", "uvwxyz"));
    }

    #[test]
    fn every_word_matched_ranks_above_some() {
        let (g, i) = index();
        let r = i.search("online money");
        assert_eq!(r.words, 2);
        let first = &r.matches[0];
        assert!(
            r.matches
                .iter()
                .all(|m| m.words_matched <= first.words_matched),
            "ranked by words matched"
        );
        assert!(r.matches.len() > 1, "any word may match");
        let _ = g;
    }

    #[test]
    fn a_common_word_does_not_bury_what_was_meant() {
        let (g, i) = index();
        let r = i.search("dad hits mum");
        assert!(r.matches.len() < 15, "{} matches", r.matches.len());
        assert!(g.file().concerns[r.matches[0].concern as usize]
            .code
            .starts_with("domestic_abuse."));
    }

    #[test]
    fn a_blank_query_finds_nothing_to_rank() {
        let (_, i) = index();
        assert!(i.search("   ").matches.is_empty());
        assert!(i.search("the and of").matches.is_empty(), "stop words only");
        assert_eq!(i.search("the and of").words, 0);
    }

    #[test]
    fn words_in_the_text_rank_above_words_only_in_terms() {
        assert!(Field::Text.weight() > Field::Examples.weight());
        assert!(Field::Examples.weight() > Field::Terms.weight());
        let found = codes("bruise");
        assert!(
            found.contains(&"abuse.unexplained_injury".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn a_slip_in_a_long_word_still_finds_it() {
        for (typed, meant) in [
            ("neglegt", "neglect"),
            ("homless", "homeless"),
            ("radicalisaton", "radicalisation"),
        ] {
            let found = codes(typed);
            assert!(
                found.iter().take(5).any(|c| c.contains(meant)),
                "{typed}: {found:?}"
            );
        }
    }

    #[test]
    fn a_run_together_word_is_read_as_its_two_words() {
        let (_, i) = index();
        let split = i.split_compound("foodbank", &stem("foodbank"));
        assert_eq!(split.len(), 2, "{split:?}");
        assert_eq!(
            i.split_compound("homless", "homless").len(),
            1,
            "a slip is not split"
        );
    }

    #[test]
    fn a_word_some_concern_has_is_never_matched_loosely() {
        // "nai" is a term (non-accidental injury): it must not also find "nail".
        let found = codes("NAI");
        assert!(!found.is_empty());
        assert!(found.iter().all(|c| c.starts_with("abuse.")), "{found:?}");
    }

    #[test]
    fn serious_neighbours_share_domain_and_topic_and_are_higher() {
        let (g, i) = index();
        let managed = g
            .concern_index("parent_needs.mental_health_managed")
            .unwrap();
        let neighbours: Vec<&str> = i
            .serious_neighbours(managed)
            .iter()
            .map(|&n| g.file().concerns[n as usize].code.as_str())
            .collect();
        assert!(
            neighbours.contains(&"parent_needs.mental_health_affecting_care"),
            "{neighbours:?}"
        );
        assert!(
            neighbours.contains(&"parent_needs.mental_health_risk_to_child"),
            "{neighbours:?}"
        );
        assert!(
            !neighbours.contains(&"parent_needs.young_parent"),
            "{neighbours:?}"
        );
        for n in i.serious_neighbours(managed) {
            assert!(g.file().concerns[n as usize].level > 2);
        }
    }
}
