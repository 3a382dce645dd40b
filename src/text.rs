//! Plain-text helpers shared by ingest and annotation: sentences, words and
//! the context around a span. Pure functions over `&str`.

use std::ops::Range;

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "M", "MM", "Mme", "Mmes", "Mlle", "Dr", "Pr", "St", "Ste", "Mr", "Mrs", "Ms", "Jr", "Sr", "Gen", "Gén", "Col",
    "Lt", "Sgt", "Rep", "Sen", "Gov", "No", "n°", "p", "vol", "etc", "cf", "av", "J.-C", "U.S", "U.N",
];

/// Byte ranges of the sentences of `text`, trimmed. Paragraph breaks always
/// end a sentence; `.`, `!`, `?` and `…` end one when followed by a space and
/// an uppercase letter, a digit or an opening quote.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let push = |s: usize, e: usize, out: &mut Vec<Range<usize>>| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if s + lead < e - trail {
            out.push(s + lead..e - trail);
        }
    };
    let bytes = text.as_bytes();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c == '\n' && bytes.get(i + 1) == Some(&b'\n') {
            push(start, i, &mut out);
            start = i + 1;
            continue;
        }
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Closing quotes and brackets belong to the sentence they end.
        let mut end = i + c.len_utf8();
        while let Some(&(j, q)) = iter.peek() {
            if matches!(q, '»' | '”' | '"' | ')' | '’' | '.' | '!' | '?') {
                end = j + q.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let rest = &text[end..];
        let after_space = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
        if after_space.len() == rest.len() {
            continue; // "3.5", "U.S." mid-token
        }
        let next = after_space.chars().next();
        let starts_sentence =
            next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || matches!(n, '«' | '“' | '"' | '('));
        if !starts_sentence || (c == '.' && is_abbreviation(&text[..i])) {
            continue;
        }
        push(start, end, &mut out);
        start = end;
    }
    push(start, text.len(), &mut out);
    out
}

fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '«').next().unwrap_or("");
    // Single capital initials: "J. Guaido".
    (word.chars().count() == 1 && word.chars().all(char::is_uppercase)) || ABBREVIATIONS.contains(&word)
}

/// Whether `c` belongs to a word: a letter or a digit.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// `start..end` widened so that neither end falls inside a word: a span cut
/// by byte or character count ("thority spokesman" out of "authority
/// spokesman") takes the whole word back.
pub fn whole_words(text: &str, start: usize, end: usize) -> (usize, usize) {
    let (mut start, mut end) = (start.min(text.len()), end.min(text.len()));
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    if start < end && text[start..].chars().next().is_some_and(is_word_char) {
        while let Some(c) = text[..start].chars().next_back().filter(|c| is_word_char(*c)) {
            start -= c.len_utf8();
        }
    }
    if end > start && text[..end].chars().next_back().is_some_and(is_word_char) {
        while let Some(c) = text[end..].chars().next().filter(|c| is_word_char(*c)) {
            end += c.len_utf8();
        }
    }
    (start, end.max(start))
}

/// Up to `n` characters of `text` before byte `at`.
pub fn before(text: &str, at: usize, n: usize) -> &str {
    let start = text[..at].char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
    &text[start..at]
}

/// Up to `n` characters of `text` from byte `at`.
pub fn after(text: &str, at: usize, n: usize) -> &str {
    let end = text[at..].char_indices().nth(n).map_or(text.len(), |(i, _)| at + i);
    &text[at..end]
}

/// Number of words (runs of alphanumerics).
pub fn word_count(s: &str) -> usize {
    if s.is_ascii() {
        let mut words = 0;
        let mut in_word = false;
        for b in s.bytes() {
            let alnum = b.is_ascii_alphanumeric();
            words += usize::from(alnum && !in_word);
            in_word = alnum;
        }
        return words;
    }
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count()
}

/// Collapses runs of whitespace into single spaces and trims.
pub fn squash_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_take_whole_words() {
        let t = "the port authority spokesman said";
        let at = t.find("thority").unwrap();
        let (s, e) = whole_words(t, at, at + "thority spokes".len());
        assert_eq!(&t[s..e], "authority spokesman");
        let at = t.find("port").unwrap();
        assert_eq!(whole_words(t, at, at + 4), (at, at + 4));
        let t = "le président élu";
        let at = t.find("sident").unwrap();
        let (s, e) = whole_words(t, at, at + 3);
        assert_eq!(&t[s..e], "président");
    }

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn keeps_abbreviations_and_quotes_inside_sentences() {
        let text = "«Rien», a poursuivi M. Peskov. La Russie avait envoyé 100 militaires.\n\nSuite ici";
        assert_eq!(
            split(text),
            ["«Rien», a poursuivi M. Peskov.", "La Russie avait envoyé 100 militaires.", "Suite ici"]
        );
    }

    #[test]
    fn quote_ending_a_sentence_stays_with_it() {
        let text = "Il a dit «c'est faux.» Puis il est parti.";
        assert_eq!(split(text), ["Il a dit «c'est faux.»", "Puis il est parti."]);
    }

    #[test]
    fn context_windows_respect_characters() {
        let t = "éé abc éé";
        assert_eq!(before(t, t.find("abc").unwrap(), 3), "éé ");
        assert_eq!(after(t, t.find("abc").unwrap() + 3, 2), " é");
    }
}
