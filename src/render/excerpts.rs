//! Publishing excerpts instead of full texts (`[site] publish = "excerpts"`):
//! a source page shows only the sentences that hold an annotation (a claim
//! tag, a note, a quote or another finding), each whole, with the
//! annotations marked as in the full text; the rest of the article is left
//! to the original. The exports are cut to the same sentences.
//!
//! Works on plain-text offsets, like the highlights; never sees markdown.

use super::body::Highlight;
use crate::compare::reuse::Occurrence;
use std::ops::Range;

/// The plain-text ranges published for a page: the sentences holding a
/// highlight, merged where they touch, in order.
pub fn ranges(plain: &str, highlights: &[Highlight]) -> Vec<Range<usize>> {
    let sentences = crate::text::sentences(plain);
    let mut out: Vec<Range<usize>> = Vec::new();
    for h in highlights {
        // A highlight spanning sentences takes each of them.
        let first = sentences.partition_point(|s| s.end <= h.start);
        let covered = sentences[first..].iter().take_while(|s| s.start < h.end.max(h.start + 1));
        let (start, end) = covered.fold((usize::MAX, 0), |(a, b), s| (a.min(s.start), b.max(s.end)));
        if start < end {
            out.push(start..end);
        }
    }
    out.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in out {
        match merged.last_mut() {
            // Sentences with only spaces or a paragraph break between them
            // are one run.
            Some(last) if r.start <= last.end || plain[last.end..r.start].trim().is_empty() => {
                last.end = last.end.max(r.end)
            }
            _ => merged.push(r),
        }
    }
    merged
}

/// The excerpts of a page as HTML: one paragraph per run of published
/// sentences, the highlights marked in place (same ids, so links to a
/// passage land on it), a gap mark between runs.
pub fn render(plain: &str, highlights: &[Highlight]) -> String {
    let mut html = String::new();
    let runs = ranges(plain, highlights);
    if runs.is_empty() {
        return html;
    }
    let mut opened = Default::default();
    for (i, r) in runs.iter().enumerate() {
        if i > 0 || r.start > 0 {
            html.push_str("<p class=\"gap\" aria-hidden=\"true\">[…]</p>\n");
        }
        html.push_str("<p class=\"excerpt\">");
        // Paragraph breaks inside a run read as breaks.
        let text = &plain[r.clone()];
        let mut at = r.start;
        for (n, piece) in text.split("\n\n").enumerate() {
            if n > 0 {
                html.push_str("</p>\n<p class=\"excerpt\">");
                at += 2;
            }
            // Writing to a String cannot fail.
            let _ = super::body::write_text(&mut html, piece, at, highlights, &mut opened);
            at += piece.len();
        }
        html.push_str("</p>\n");
    }
    if runs.last().is_some_and(|r| r.end < plain.trim_end().len()) {
        html.push_str("<p class=\"gap\" aria-hidden=\"true\">[…]</p>\n");
    }
    html
}

/// Whether a shared passage's occurrence lies within what is published of
/// its source.
pub fn published(occurrence: &Occurrence, ranges: &[Range<usize>]) -> bool {
    within(occurrence.start, occurrence.end, ranges)
}

/// Whether `start..end` lies within one of `ranges`.
pub fn within(start: usize, end: usize, ranges: &[Range<usize>]) -> bool {
    ranges.iter().any(|r| r.start <= start && end <= r.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hl(start: usize, end: usize) -> Highlight {
        Highlight {
            start,
            end,
            element: "mark",
            class: "tag".into(),
            id: format!("t{start}"),
            title: "t".into(),
            title_once: false,
            chip: None,
        }
    }

    #[test]
    fn only_sentences_with_a_highlight_are_published() {
        let plain = "First sentence here. Second one has the cheese. Third.\n\nAnother paragraph. None here.";
        let at = plain.find("cheese").unwrap();
        let html = render(plain, &[hl(at, at + 6)]);
        assert!(html.contains("Second one has the <mark class=\"tag\" id=\"t"), "{html}");
        assert!(!html.contains("First") && !html.contains("Third") && !html.contains("Another"), "{html}");
        assert_eq!(html.matches("[…]").count(), 2, "{html}");
    }

    #[test]
    fn touching_sentences_merge_and_paragraphs_stay_apart() {
        let plain = "One a. Two b.\n\nThree c.";
        let (a, c) = (plain.find('a').unwrap(), plain.find('c').unwrap());
        let spans =
            ranges(plain, &[hl(a, a + 1), hl(plain.find('b').unwrap(), plain.find('b').unwrap() + 1), hl(c, c + 1)]);
        assert_eq!(spans, [0..23]);
        // Sentences of two paragraphs are two excerpts; the sentence between
        // them without a highlight is left out.
        let html = render(plain, &[hl(a, a + 1), hl(c, c + 1)]);
        assert!(html.contains("<p class=\"excerpt\">One <mark"), "{html}");
        assert!(html.contains("<p class=\"excerpt\">Three <mark"), "{html}");
        assert!(!html.contains("Two"), "{html}");
    }
}
