//! A page body as HTML, with annotations highlighted in place.
//!
//! comrak renders the markdown; a custom formatter replaces only text nodes,
//! splitting them where highlights start and end. Offsets come from
//! `markdown::walk_plain`, the same walk annotation used. Raw HTML stays
//! escaped unless the config allows it.

use crate::markdown;
use comrak::html::ChildRendering;
use comrak::nodes::NodeValue;
use comrak::{create_formatter, Arena};
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;

/// A span of plain text to wrap in an element.
#[derive(Debug, Clone)]
pub struct Highlight {
    pub start: usize,
    pub end: usize,
    /// `mark` for claim tags, `span` for quotes.
    pub element: &'static str,
    pub class: String,
    pub id: String,
    /// The tooltip; none when empty.
    pub title: String,
    /// The tooltip on the first piece only.
    pub title_once: bool,
    /// A small link placed right after the span (href, label).
    pub chip: Option<(String, String)>,
}

#[derive(Default)]
pub struct State {
    /// Plain-text offset of each text node, keyed by the node's address.
    offsets: HashMap<usize, usize>,
    highlights: Vec<Highlight>,
    opened: BTreeSet<usize>,
}

create_formatter!(BodyFormatter<State>, {
    NodeValue::Text(ref literal) => |context, node, entering| {
        if entering {
            let key = node as *const _ as usize;
            let start = context.user.offsets.get(&key).copied().unwrap_or(usize::MAX);
            let mut html = String::new();
            write_text(&mut html, literal, start, &context.user.highlights, &mut context.user.opened)?;
            context.write_str(&html)?;
        }
        return Ok(ChildRendering::Skip);
    },
    // A line break inside a highlighted passage stays inside the highlight.
    NodeValue::SoftBreak => |context, node, entering| {
        if entering {
            let key = node as *const _ as usize;
            let start = context.user.offsets.get(&key).copied().unwrap_or(usize::MAX);
            let mut html = String::new();
            write_text(&mut html, "\n", start, &context.user.highlights, &mut context.user.opened)?;
            context.write_str(&html)?;
        }
        return Ok(ChildRendering::Skip);
    },
    // Annotation links are drawn as highlights of their text, not as links.
    NodeValue::Link(ref link) => |context, node, entering| {
        if !crate::annotate::inline::is_annotation_url(&link.url) {
            return comrak::html::format_node_default(context, node, entering);
        }
    },
});

use super::escape_into as escape;

/// Writes `text`, found at plain-text offset `start`, escaped, with the
/// parts of `highlights` it holds wrapped; `opened` records which
/// highlights already carry their id.
pub(crate) fn write_text(
    out: &mut String,
    text: &str,
    start: usize,
    highlights: &[Highlight],
    opened: &mut BTreeSet<usize>,
) -> std::fmt::Result {
    let end = start.saturating_add(text.len());
    let covering: Vec<usize> =
        (0..highlights.len()).filter(|&i| highlights[i].start < end && highlights[i].end > start).collect();
    if start == usize::MAX || covering.is_empty() {
        escape(out, text);
        return Ok(());
    }
    let mut cuts: BTreeSet<usize> = [start, end].into();
    for &i in &covering {
        cuts.extend([highlights[i].start.max(start), highlights[i].end.min(end)]);
    }
    let cuts: Vec<usize> = cuts.into_iter().filter(|c| text.is_char_boundary(c - start)).collect();
    // The highlights open at this point of the text, outermost first. An
    // element stays open while its highlight goes on; only one that ends
    // inside another that goes on is closed early and opened again after
    // (without its id and tooltip): reopening every highlight at every cut
    // was most of a source page's bytes.
    let mut stack: Vec<usize> = Vec::new();
    for pair in cuts.windows(2) {
        let (s, e) = (pair[0], pair[1]);
        let inside: Vec<usize> =
            covering.iter().copied().filter(|&i| highlights[i].start <= s && highlights[i].end >= e).collect();
        let keep = stack.iter().zip(&inside).take_while(|(a, b)| a == b).count();
        close(out, highlights, &mut stack, keep, s);
        for &i in &inside[keep..] {
            let h = &highlights[i];
            write!(out, "<{} class=\"{}\"", h.element, h.class)?;
            let opened_now = opened.insert(i);
            if opened_now {
                write!(out, " id=\"{}\"", h.id)?;
            }
            // Only the first piece of a highlight cut by others carries the
            // tooltip: repeated, it was a third of a source page's bytes.
            if !h.title.is_empty() && (opened_now || !h.title_once) {
                out.push_str(" title=\"");
                escape(out, &h.title);
                out.push('"');
            }
            out.push('>');
            stack.push(i);
        }
        escape(out, &text[s - start..e - start]);
    }
    close(out, highlights, &mut stack, 0, end);
    Ok(())
}

/// Closes the elements of `stack` above its first `keep`, innermost first;
/// a highlight that ends at `at` gets its chip right after its element.
fn close(out: &mut String, highlights: &[Highlight], stack: &mut Vec<usize>, keep: usize, at: usize) {
    while stack.len() > keep {
        let i = stack.pop().expect("longer than keep");
        let h = &highlights[i];
        out.push_str("</");
        out.push_str(h.element);
        out.push('>');
        if let (true, Some((href, label))) = (h.end == at, &h.chip) {
            out.push_str("<sup class=\"chip\"><a href=\"");
            escape(out, href);
            out.push_str("\">");
            escape(out, label);
            out.push_str("</a></sup>");
        }
    }
}

/// Renders `body` with `highlights` (plain-text offsets) wrapped in place.
pub fn render(body: &str, highlights: Vec<Highlight>, raw_html: bool) -> String {
    let options = markdown::options(raw_html);
    let arena = Arena::new();
    let root = comrak::parse_document(&arena, body, &options);
    if raw_html {
        // comrak filters script URLs only in its safe mode; with raw HTML on
        // they stay filtered all the same.
        for node in root.descendants() {
            if let NodeValue::Link(link) | NodeValue::Image(link) = &mut node.data.borrow_mut().value {
                if comrak::html::dangerous_url(&link.url) {
                    link.url.clear();
                }
            }
        }
    }
    let mut offsets = HashMap::new();
    markdown::walk_plain(root, |node, at| {
        offsets.insert(node as *const _ as usize, at);
    });
    let mut html = String::new();
    let state = State { offsets, highlights, opened: BTreeSet::new() };
    // Writing to a String cannot fail.
    let _ = BodyFormatter::format_document(root, &options, &mut html, state);
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_links_are_filtered_even_with_raw_html() {
        for raw in [false, true] {
            let html = render("[x](javascript:alert(1)) ![i](vbscript:x) [ok](https://a.example/)", vec![], raw);
            assert!(!html.contains("javascript:") && !html.contains("vbscript:"), "{html}");
            assert!(html.contains("href=\"https://a.example/\""), "{html}");
        }
    }

    fn hl(start: usize, end: usize, id: &str) -> Highlight {
        Highlight {
            start,
            end,
            element: "mark",
            class: "tag".into(),
            id: id.into(),
            title: "t".into(),
            title_once: false,
            chip: Some(("/c/".into(), "c".into())),
        }
    }

    #[test]
    fn highlights_split_across_inline_markup() {
        let body = "Avant *le milieu* après.";
        // plain: "Avant le milieu après."
        let html = render(body, vec![hl(2, 12, "t1")], false);
        assert_eq!(
            html,
            "<p>Av<mark class=\"tag\" id=\"t1\" title=\"t\">ant </mark><em><mark class=\"tag\" title=\"t\">le mil</mark>ieu</em> après.</p>\n"
                .replace("mil</mark>ieu</em>", "mil</mark><sup class=\"chip\"><a href=\"/c/\">c</a></sup>ieu</em>")
        );
    }

    #[test]
    fn a_highlight_inside_another_does_not_cut_it() {
        let mut outer = hl(0, 19, "t1");
        outer.title_once = true;
        let mut inner = hl(6, 12, "q1");
        (inner.element, inner.class, inner.chip) = ("span", "quote".into(), None);
        // plain: "Avant le milieu après." ("è" is bytes 19 and 20)
        let html = render("Avant le milieu après.", vec![outer, inner], false);
        assert_eq!(
            html,
            "<p><mark class=\"tag\" id=\"t1\" title=\"t\">Avant <span class=\"quote\" id=\"q1\" title=\"t\">le mil</span>ieu apr</mark><sup class=\"chip\"><a href=\"/c/\">c</a></sup>ès.</p>\n"
        );
        // Overlapping: the one that goes on is closed and opened again,
        // without its id or its tooltip.
        let mut a = hl(0, 8, "t1");
        a.title_once = true;
        let mut b = hl(6, 15, "t2");
        (b.title_once, b.chip) = (true, None);
        let html = render("Avant le milieu après.", vec![a, b], false);
        assert_eq!(
            html,
            "<p><mark class=\"tag\" id=\"t1\" title=\"t\">Avant <mark class=\"tag\" id=\"t2\" title=\"t\">le</mark></mark><sup class=\"chip\"><a href=\"/c/\">c</a></sup><mark class=\"tag\"> milieu</mark> après.</p>\n"
        );
    }

    #[test]
    fn annotation_links_are_not_links() {
        let html = render(
            "Le [Kremlin a démenti](claim:kremlin-denial \"attributes\") et [voir](https://example.org).",
            vec![],
            false,
        );
        assert_eq!(html, "<p>Le Kremlin a démenti et <a href=\"https://example.org\">voir</a>.</p>\n");
    }

    #[test]
    fn raw_html_is_shown_not_run() {
        let html = render("<script>alert(1)</script>\n\nText <b>x</b>", vec![], false);
        assert!(!html.contains("<script>") && !html.contains("<b>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn highlights_continue_across_line_breaks() {
        let body = "Avant le\nmilieu après.";
        // plain: "Avant le milieu après."
        let mut h = hl(6, 15, "t1");
        h.chip = None;
        let html = render(body, vec![h], false);
        assert_eq!(
            html,
            "<p>Avant <mark class=\"tag\" id=\"t1\" title=\"t\">le</mark><mark class=\"tag\" title=\"t\">\n</mark><mark class=\"tag\" title=\"t\">milieu</mark> après.</p>\n"
        );
    }
}
