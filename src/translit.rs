//! Names across transliterations: the same Russian or Spanish name is
//! written differently in French and English ("Zaïomski" / "Zaemsky",
//! "Dmitri" / "Dmitry", "Sergueï" / "Sergey", "Choïgou" / "Shoigu"). A name
//! is reduced to a key that those spellings share, and a regex is built
//! that finds every spelling of a key in folded text. Pure.
//!
//! The rules, on folded text (accents already removed), in order:
//! "tch" and "sh" are "ch"; "kh" is "h"; "ou" is "u"; "gu" before e or i is
//! "g"; "io" and "yo" are "e"; "y" is "i"; a final "ii" is "i"; a final "w"
//! or "ff" is "v". They err towards matching: a variant no one writes costs
//! nothing, a variant someone writes and we miss costs a finding.

use regex::Regex;
use std::sync::OnceLock;

/// The key every spelling of a folded name reduces to.
pub fn key(folded: &str) -> String {
    static RULES: OnceLock<Vec<(Regex, &str)>> = OnceLock::new();
    let rules = RULES.get_or_init(|| {
        [
            (r"tch|sh", "ch"),
            (r"kh", "h"),
            (r"ou", "u"),
            (r"gu([ei])", "g$1"),
            (r"io|yo", "e"),
            (r"y", "i"),
            (r"ii\b", "i"),
            (r"(?:w|ff)\b", "v"),
        ]
        .into_iter()
        .map(|(re, to)| (Regex::new(re).expect("valid"), to))
        .collect()
    });
    let mut out = folded.to_owned();
    for (re, to) in rules {
        out = re.replace_all(&out, *to).into_owned();
    }
    out
}

/// A regex fragment (no anchors) matching the spellings of a folded name
/// whose `key` is the key of `folded`.
pub fn pattern(folded: &str) -> String {
    let k: Vec<char> = key(folded).chars().collect();
    let at_word_end = |i: usize| k.get(i).is_none_or(|c| !c.is_alphanumeric());
    let mut out = String::new();
    let mut i = 0;
    while i < k.len() {
        let c = k[i];
        let next = k.get(i + 1).copied();
        let (piece, used) = match (c, next) {
            ('c', Some('h')) => ("(?:tch|ch|sh)".to_owned(), 2),
            ('h', _) => ("(?:kh|h)".to_owned(), 1),
            ('u', _) => ("(?:ou|u)".to_owned(), 1),
            ('g', Some('e' | 'i')) => ("gu?".to_owned(), 1),
            ('e', _) => ("(?:e|io|yo)".to_owned(), 1),
            ('i', _) if at_word_end(i + 1) => ("(?:iy|ii|i|y)".to_owned(), 1),
            ('i', _) => ("[iy]".to_owned(), 1),
            ('v', _) if at_word_end(i + 1) => ("(?:v|w|ff)".to_owned(), 1),
            _ => (regex::escape(&c.to_string()), 1),
        };
        out.push_str(&piece);
        i += used;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold;

    #[test]
    fn spellings_share_a_key() {
        for (a, b) in [
            ("Zaïomski", "Zaemsky"),
            ("Dmitri Peskov", "Dmitry Peskov"),
            ("Sergueï Lavrov", "Sergey Lavrov"),
            ("Sergueï", "Sergei"),
            ("Choïgou", "Shoigu"),
            ("Khrouchtchev", "Khrushchev"),
            ("Peskov", "Peskow"),
            ("Zelensky", "Zelenskiy"),
        ] {
            assert_eq!(key(&fold(a)), key(&fold(b)), "{a} / {b}");
        }
        assert_ne!(key(&fold("Lavrov")), key(&fold("Peskov")));
    }

    #[test]
    fn the_pattern_finds_every_spelling_and_keeps_the_key() {
        for (name, spellings) in [
            ("Vladimir Zaemsky", &["vladimir zaiomski", "vladimir zaemskiy"][..]),
            ("Dmitri Peskov", &["dmitry peskov", "dmitriy peskow", "dmitri peskoff"][..]),
            ("Sergueï Lavrov", &["sergei lavrov", "sergey lavrov"][..]),
            ("Choïgou", &["shoigu", "choigou", "shoygu"][..]),
        ] {
            let re = Regex::new(&format!(r"^(?:{})$", pattern(&fold(name)))).unwrap();
            for s in spellings {
                assert!(re.is_match(s), "{name}: {s} not matched by {re}");
                assert_eq!(key(s), key(&fold(name)), "{s}");
            }
        }
    }
}
