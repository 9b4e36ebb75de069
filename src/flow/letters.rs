//! How the concern search reads a character: part of a word or a break between words, and
//! the form it is compared in. Letters are compared without case or accent, so "Café",
//! "cafe" and "CAFÉ" meet, and a word typed with a combining accent or a soft hyphen is still
//! one word.
//!
//! Written out here rather than with `char::to_lowercase` and `char::is_alphanumeric`:
//! their Unicode tables were 21 KB of the browser's download (issue 14) for a search whose
//! guidance is written in English. The folding covers the Latin letters of every European
//! language (U+00C0 to U+024F), Greek and Cyrillic capitals, and full-width Latin; letters of
//! other scripts are kept as typed, and every block of punctuation and symbols breaks words.

/// U+00C0 to U+024F, one byte each: the letter's base without its accent; `*` for a letter
/// written as two (`EXPANSIONS`), a space for a sign that breaks words (× ÷), and `.` for a
/// letter kept as typed (Latin Extended-B letters with no base in the English alphabet).
const LATIN: &[u8; 0x190] = b"aaaaaa*ceeeeiiiidnooooo ouuuuy**aaaaaa*ceeeeiiiidnooooo ouuuuy*y\
aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkklllllll\
lllnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs\
................................oo.............uu...............\
.............aaiioouuuuuuuuuu.aaaa....ggkkoooo..j...gg..nnaa....\
aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............\
................";

/// The letters `LATIN` marks `*`, as they are spelt without the ligature.
const EXPANSIONS: &[(char, &str)] = &[
    ('Æ', "ae"),
    ('æ', "ae"),
    ('Þ', "th"),
    ('þ', "th"),
    ('ß', "ss"),
    ('Ĳ', "ij"),
    ('ĳ', "ij"),
    ('Œ', "oe"),
    ('œ', "oe"),
];

/// Whether `c` breaks a word. Apostrophes break nothing here; the search decides about them.
pub fn breaks_words(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => !c.is_ascii_alphanumeric(),
        '\u{ad}' => false,
        '\u{80}'..='\u{bf}' => true,
        '\u{c0}'..='\u{24f}' => LATIN[c as usize - 0xc0] == b' ',
        _ if is_mark(c) => false,
        '\u{1680}'
        | '\u{2000}'..='\u{2bff}'
        | '\u{2e00}'..='\u{2e7f}'
        | '\u{3000}'..='\u{303f}'
        | '\u{e000}'..='\u{f8ff}'
        | '\u{fe10}'..='\u{fe1f}'
        | '\u{fe30}'..='\u{fe6f}'
        | '\u{ff01}'..='\u{ff0f}'
        | '\u{ff1a}'..='\u{ff20}'
        | '\u{ff3b}'..='\u{ff40}'
        | '\u{ff5b}'..='\u{ff65}'
        | '\u{fff0}'..='\u{ffff}'
        | '\u{1f000}'..='\u{1faff}' => true,
        _ => false,
    }
}

/// Written inside a word but not part of how it is compared: combining accents, modifier
/// letters (the modifier apostrophe among them), the soft hyphen, joiners and variation
/// selectors.
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{ad}'
        | '\u{2b0}'..='\u{36f}'
        | '\u{200c}'..='\u{200d}'
        | '\u{2060}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{feff}')
}

/// Adds `c` to `word` in the form words are compared in: lower case, without its accent.
/// Adds nothing for a mark or for a character that breaks words.
pub fn push_folded(c: char, word: &mut String) {
    if breaks_words(c) {
        return;
    }
    match c {
        '\0'..='\u{7f}' => word.push(c.to_ascii_lowercase()),
        '\u{c0}'..='\u{24f}' => match LATIN[c as usize - 0xc0] {
            b'*' => word.push_str(expansion(c)),
            b'.' => word.push(c),
            base => word.push(char::from(base)),
        },
        // Greek and Cyrillic capitals sit a fixed distance from their small letters.
        '\u{391}'..='\u{3a9}' | '\u{410}'..='\u{42f}' => word.push(shifted(c, 0x20)),
        '\u{400}'..='\u{40f}' => word.push(shifted(c, 0x50)),
        // Full-width Latin letters and digits, as typed with East Asian keyboards.
        '\u{ff10}'..='\u{ff19}' | '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}' => {
            word.push(char::from((c as u32 - 0xfee0) as u8).to_ascii_lowercase())
        }
        _ if is_mark(c) => {}
        _ => word.push(c),
    }
}

/// `word` as it is compared: each character through `push_folded`.
pub fn folded(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    word.chars().for_each(|c| push_folded(c, &mut out));
    out
}

fn expansion(c: char) -> &'static str {
    EXPANSIONS
        .iter()
        .find(|(letter, _)| *letter == c)
        .map_or("", |(_, spelt)| spelt)
}

fn shifted(c: char, by: u32) -> char {
    char::from_u32(c as u32 + by).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn every_char() -> impl Iterator<Item = char> {
        (0..=0x10ffff_u32).filter_map(char::from_u32)
    }

    #[test]
    fn ascii_is_read_as_before() {
        for c in (0..=0x7f_u8).map(char::from) {
            assert_eq!(breaks_words(c), !c.is_alphanumeric(), "{c:?}");
            if c.is_alphanumeric() {
                assert_eq!(folded(&c.to_string()), c.to_lowercase().to_string());
            }
        }
    }

    /// Every accented Latin letter meets its base letter, as Unicode decomposes it.
    #[test]
    fn accented_latin_letters_fold_to_their_base() {
        for c in ('\u{c0}'..='\u{24f}').filter(|c| c.is_alphabetic()) {
            let base = c.nfd().next().unwrap();
            let got = folded(&c.to_string());
            if base.is_ascii_alphabetic() {
                assert_eq!(got, base.to_ascii_lowercase().to_string(), "{c:?}");
            } else {
                assert!(
                    !got.is_empty(),
                    "{c:?} is a letter, so it must stay in the word"
                );
            }
            // Latin Extended-B letters with no base are kept as typed, case and all.
            if LATIN[c as usize - 0xc0] != b'.' {
                assert_eq!(
                    got,
                    folded(&c.to_lowercase().to_string()),
                    "{c:?}: case must not matter"
                );
            }
        }
        assert_eq!(folded("Æsop Straße Œuvre Þorn"), "aesopstrasseoeuvrethorn");
    }

    /// A letter or digit of any script stays in the word: the search never splits a word it
    /// cannot fold. (The few letter-like signs in blocks of punctuation and symbols, such as
    /// ½ and ℃, break words as the rest of their block does; modifier letters are marks.)
    #[test]
    fn letters_of_every_script_stay_in_the_word() {
        for c in every_char().filter(|c| c.is_alphanumeric() && !is_mark(*c)) {
            let symbol_block = matches!(c,
                '\u{80}'..='\u{bf}'
                | '\u{2000}'..='\u{2bff}'
                | '\u{2e00}'..='\u{2e7f}'
                | '\u{3000}'..='\u{303f}'
                | '\u{1f000}'..='\u{1faff}');
            if !symbol_block {
                assert!(!breaks_words(c), "{c:?} U+{:04X}", c as u32);
                assert!(
                    !folded(&c.to_string()).is_empty(),
                    "{c:?} U+{:04X}",
                    c as u32
                );
            }
        }
    }

    /// Spaces, punctuation and symbols break words, as they did; marks join.
    #[test]
    fn spaces_and_punctuation_break_words() {
        for c in every_char().filter(|c| c.is_whitespace()) {
            assert!(breaks_words(c), "{c:?}");
        }
        for c in "—–-‐…“”‘«»•·×÷§¶€£$%&@#/\\|!?¿¡()[]{}<>+=*^~`,.;:😀✓→©™".chars()
        {
            assert!(breaks_words(c), "{c:?}");
        }
        for c in ['\u{301}', '\u{ad}', '\u{200d}', '\u{fe0f}', 'ʼ'] {
            assert!(
                !breaks_words(c) && folded(&c.to_string()).is_empty(),
                "{c:?}"
            );
        }
    }

    #[test]
    fn case_folds_in_greek_cyrillic_and_full_width() {
        for c in every_char().filter(|c| matches!(c, '\u{391}'..='\u{3a9}' | '\u{400}'..='\u{42f}'))
        {
            if c.is_uppercase() {
                assert_eq!(
                    folded(&c.to_string()),
                    c.to_lowercase().to_string(),
                    "{c:?}"
                );
            }
        }
        assert_eq!(folded("ＦＧＭ１２"), "fgm12");
        assert_eq!(folded("Де́ти"), "дети");
    }
}
