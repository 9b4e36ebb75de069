//! Filtering concerns as the user types: every word typed must appear in the concern's
//! text, examples or code, ignoring case and simple word endings ("bruise" finds
//! "bruising", "schools" finds "school").

use crate::guidance::Concern;

/// The words of a query, lowercased, each with the stem it may also match by.
pub struct Query {
    words: Vec<(String, Option<String>)>,
}

impl Query {
    pub fn new(text: &str) -> Query {
        let words = text
            .split_whitespace()
            .map(|w| {
                let w = w.to_lowercase();
                let stem = ["ing", "ed", "es", "s", "e"]
                    .iter()
                    .find_map(|suffix| w.strip_suffix(suffix))
                    .filter(|stem| stem.chars().count() >= 4)
                    .map(str::to_string);
                (w, stem)
            })
            .collect();
        Query { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn matches(&self, concern: &Concern) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let haystack = format!(
            "{} {} {}",
            concern.text,
            concern.examples.join(" "),
            concern.code.replace(['.', '_'], " ")
        )
        .to_lowercase();
        self.words.iter().all(|(word, stem)| {
            haystack.contains(word.as_str())
                || stem.as_ref().is_some_and(|s| haystack.contains(s.as_str()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guidance::Guidance;

    fn find(q: &str) -> Vec<String> {
        let g = Guidance::embedded_default().unwrap();
        let query = Query::new(q);
        g.file()
            .concerns
            .iter()
            .filter(|c| query.matches(c))
            .map(|c| c.code.clone())
            .collect()
    }

    #[test]
    fn the_words_users_type_find_the_concerns_they_mean() {
        assert!(find("bruise").contains(&"abuse.unexplained_injury".to_string()));
        assert!(find("Bruising").contains(&"abuse.injury_non_mobile_baby".to_string()));
        assert!(find("money").contains(&"environment.financial_hardship".to_string()));
        assert!(find("school").contains(&"learning.attendance_persistent_absence".to_string()));
        assert!(find("online").contains(&"outside_home.online_safety".to_string()));
    }

    #[test]
    fn every_word_must_match() {
        let both = find("online money");
        assert!(both.len() < find("online").len());
        assert!(find("zzzz").is_empty());
        let all = Guidance::embedded_default().unwrap().file().concerns.len();
        assert_eq!(find("   ").len(), all, "a blank query shows everything");
    }
}
