//! Folding text for matching: lowercase, no accents, plain apostrophes and
//! quotes, so patterns match "Guaidó", "GUAIDO" and "guaido" alike.
//!
//! Every folded byte maps back to a byte of the original, so a match found in
//! folded text can be pointed at (and highlighted in) the original.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folded text plus, for each folded byte, the original byte offset of the
/// character it came from.
pub struct Folded {
    pub text: String,
    origin: Vec<usize>,
    original_len: usize,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        if original.is_ascii() {
            let text = fold(original);
            let origin = (0..text.len()).collect();
            return Folded { text, origin, original_len: original.len() };
        }
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        for (at, c) in original.char_indices() {
            let before = text.len();
            fold_char(c, &mut text);
            origin.extend(std::iter::repeat_n(at, text.len() - before));
        }
        Folded { text, origin, original_len: original.len() }
    }

    /// The first folded byte at or after original byte `offset`.
    pub fn folded_offset(&self, offset: usize) -> usize {
        self.origin.partition_point(|&o| o < offset)
    }

    /// The original byte range covering folded range `start..end`.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.origin.get(start).copied().unwrap_or(self.original_len);
        // The end maps to the start of the next original character.
        let e = self.origin.get(end).copied().unwrap_or(self.original_len);
        (s, e.max(s))
    }
}

/// Folds a string without keeping the offset map (for patterns and aliases).
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        // One byte in, one byte out: only case and the backquote change.
        let mut out = s.to_ascii_lowercase();
        if out.contains('`') {
            out = out.replace('`', "'");
        }
        return out;
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(if c == '`' { '\'' } else { c.to_ascii_lowercase() });
        return;
    }
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' => out.push('\''),
        '\u{00AB}' | '\u{00BB}' | '\u{201C}' | '\u{201D}' | '\u{201E}' => out.push('"'),
        '\u{00A0}' | '\u{202F}' | '\u{2009}' => out.push(' '),
        // The em dash stays: it parts clauses ("in recent years—26 cases"),
        // where a hyphen joins words ("COVID-19").
        '\u{2013}' | '\u{2010}' | '\u{2011}' => out.push('-'),
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        c => decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase());
            }
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_quotes() {
        assert_eq!(fold("Guaidó s’est «autoproclamé» ŒUVRE"), "guaido s'est \"autoproclame\" oeuvre");
    }

    #[test]
    fn maps_back_to_original_bytes() {
        let original = "Le président Guaidó dit";
        let f = Folded::new(original);
        let at = f.text.find("guaido").unwrap();
        let (s, e) = f.original_range(at, at + "guaido".len());
        assert_eq!(&original[s..e], "Guaidó");
    }
}
