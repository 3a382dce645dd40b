//! The one place that knows how markdown maps to plain text.
//!
//! Annotations point into a page's *plain text*: the text of its markdown
//! with blocks separated by a blank line. Annotating and rendering both walk
//! comrak's syntax tree with `walk_plain`, so an offset found by one is the
//! same offset for the other. Nothing here decides what to annotate.

use comrak::nodes::{AstNode, NodeValue};
use comrak::{Arena, Options};

/// Markdown options shared by ingest, annotation and rendering.
pub fn options(raw_html: bool) -> Options<'static> {
    let mut o = Options::default();
    o.extension.table = true;
    o.extension.strikethrough = true;
    o.extension.autolink = false;
    o.render.r#unsafe = raw_html;
    // Off means shown as text, not silently dropped: nothing vanishes.
    o.render.escape = !raw_html;
    // An escaped character stays a text node of its own instead of merging
    // with its neighbours, so that annotation, which reads syntax left in
    // text nodes, never sees `\(source:AFP)` as a broken `(source:` link.
    // The plain text and the HTML are the same either way.
    o.parse.escaped_char_spans = true;
    o
}

/// What `visit_plain` reports, with the plain-text offset where it happens.
pub enum Visit<'a> {
    /// A text node, or a soft line break (one space in the plain text),
    /// starts at this offset.
    Text(&'a AstNode<'a>),
    /// A link's text spans from the given start to this offset.
    Link(&'a AstNode<'a>, usize),
}

/// Calls `on_text(node, plain_offset)` for every text node and soft line
/// break, in document order, and returns the page's plain text.
pub fn walk_plain<'a>(root: &'a AstNode<'a>, mut on_text: impl FnMut(&'a AstNode<'a>, usize)) -> String {
    visit_plain(root, |visit, at| {
        if let Visit::Text(node) = visit {
            on_text(node, at)
        }
    })
}

/// Like `walk_plain`, and also reports every link with the range of its text.
pub fn visit_plain<'a>(root: &'a AstNode<'a>, mut visit: impl FnMut(Visit<'a>, usize)) -> String {
    let mut plain = String::new();
    walk(root, &mut plain, &mut visit);
    plain
}

/// Depth-first, with an explicit stack: a page can nest blocks tens of
/// thousands deep (a line of `>`), far past what recursion survives.
fn walk<'a>(root: &'a AstNode<'a>, plain: &mut String, visit: &mut impl FnMut(Visit<'a>, usize)) {
    enum Step<'a> {
        Enter(&'a AstNode<'a>),
        /// A link's text ends here; it started at this offset.
        LeaveLink(&'a AstNode<'a>, usize),
    }
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Enter(node) => node,
            Step::LeaveLink(node, start) => {
                visit(Visit::Link(node, start), plain.len());
                continue;
            }
        };
        let data = node.data.borrow();
        if data.value.block()
            && !plain.is_empty()
            && !plain.ends_with("\n\n")
            && !matches!(data.value, NodeValue::Document)
        {
            // Nested blocks (a paragraph in a list item) share one separator.
            while !plain.ends_with("\n\n") {
                plain.push('\n');
            }
        }
        match &data.value {
            NodeValue::Text(t) => {
                visit(Visit::Text(node), plain.len());
                plain.push_str(t);
            }
            NodeValue::Code(c) => plain.push_str(&c.literal),
            NodeValue::CodeBlock(c) => plain.push_str(c.literal.trim_end()),
            NodeValue::HtmlInline(h) => plain.push_str(h),
            NodeValue::HtmlBlock(h) => plain.push_str(h.literal.trim_end()),
            NodeValue::SoftBreak => {
                visit(Visit::Text(node), plain.len());
                plain.push(' ');
            }
            NodeValue::LineBreak => plain.push('\n'),
            NodeValue::Link(_) => stack.push(Step::LeaveLink(node, plain.len())),
            _ => {}
        }
        drop(data);
        stack.extend(node.reverse_children().map(Step::Enter));
    }
}

/// The byte offset of the first line whose blocks nest deeper than `max`
/// (block quotes in block quotes, list items in list items), if any. A
/// cheap scan before parsing, so that no page builds a tree too deep to use.
pub fn too_deep(text: &str, max: usize) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if nesting(line).0 > max {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

/// `text` with every line nested deeper than `max` brought back to `max`
/// levels: its extra markers and indentation dropped, its words kept.
pub fn flatten(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (depth, content) = nesting(line);
        if depth > max {
            out.push_str(&"> ".repeat(max));
            out.push_str(&line[content..]);
        } else {
            out.push_str(line);
        }
    }
    out
}

/// How deep a line's container markers nest it, counting list indentation
/// (two columns a level) only on lines that open a list item, and where its
/// content starts.
fn nesting(line: &str) -> (usize, usize) {
    let b = line.as_bytes();
    let (mut i, mut markers, mut indent, mut item) = (0, 0, 0, false);
    loop {
        while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
            indent += if b[i] == b'\t' { 4 } else { 1 };
            i += 1;
        }
        let spaced = |j: usize| j >= b.len() || matches!(b[j], b' ' | b'\t' | b'\n' | b'\r');
        match b.get(i) {
            Some(b'>') => i += 1,
            Some(b'-' | b'*' | b'+') if spaced(i + 1) => {
                item = true;
                i += 1;
            }
            Some(b'0'..=b'9') => {
                let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
                let j = i + digits;
                if digits > 9 || !matches!(b.get(j), Some(b'.' | b')')) || !spaced(j + 1) {
                    break;
                }
                item = true;
                i = j + 1;
            }
            _ => break,
        }
        markers += 1;
    }
    (markers + if item { indent / 2 } else { 0 }, i)
}

/// `text` with its raw HTML (blocks and inline tags) turned into visible
/// text: each `<` of it becomes `&lt;`, so no setting renders it as markup.
/// For markdown that comes from the web.
pub fn html_as_text(text: &str) -> String {
    let arena = Arena::new();
    let root = comrak::parse_document(&arena, text, &options(false));
    let mut line_starts = vec![0];
    line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    let offset = |p: comrak::nodes::LineColumn| {
        line_starts
            .get(p.line.saturating_sub(1))
            .map_or(text.len(), |s| (s + p.column.saturating_sub(1)).min(text.len()))
    };
    let mut ranges: Vec<(usize, usize)> = root
        .descendants()
        .filter(|n| matches!(n.data.borrow().value, NodeValue::HtmlBlock(_) | NodeValue::HtmlInline(_)))
        .map(|n| {
            let pos = n.data.borrow().sourcepos;
            (offset(pos.start), offset(pos.end) + 1)
        })
        .collect();
    if ranges.is_empty() {
        return text.to_owned();
    }
    ranges.sort_unstable();
    let mut out = String::with_capacity(text.len() + 16);
    let mut ranges = ranges.into_iter().peekable();
    for (i, c) in text.char_indices() {
        while ranges.peek().is_some_and(|r| r.1 <= i) {
            ranges.next();
        }
        if c == '<' && ranges.peek().is_some_and(|r| r.0 <= i) {
            out.push_str("&lt;");
        } else {
            out.push(c);
        }
    }
    out
}

/// The plain text of a markdown document.
pub fn plain_text(markdown: &str) -> String {
    let arena = Arena::new();
    let root = comrak::parse_document(&arena, markdown, &options(false));
    walk_plain(root, |_, _| {})
}

/// Escapes plain text so markdown reads it back as the same text, touching
/// only what markdown would otherwise interpret (so pages stay pleasant to
/// edit: "M. Peskov", not "M\. Peskov").
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at_start = i == 0;
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '&' if looks_like_entity(&text[i..]) => out.push_str("\\&"),
            '!' if text[i + 1..].starts_with('[') => out.push_str("\\!"),
            // "(source:AFP)" in scraped text would otherwise read as an
            // annotation missing its `[span]`.
            '(' if starts_scheme(&text[i + 1..]) => out.push_str("\\("),
            '#' | '+' | '-' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            d if at_start && d.is_ascii_digit() => {
                // "2019. The year…" would start an ordered list.
                let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
                let rest = &text[digits.len()..];
                out.push_str(&digits);
                if rest.starts_with('.') || rest.starts_with(')') {
                    out.push('\\');
                }
                for _ in 1..digits.len() {
                    chars.next();
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Whether `s` starts like a link scheme: ASCII letters, then a colon.
fn starts_scheme(s: &str) -> bool {
    let letters = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    letters > 0 && s[letters..].starts_with(':')
}

fn looks_like_entity(s: &str) -> bool {
    let body: String = s[1..].chars().take(33).take_while(|c| *c != ';').collect();
    s[1..].len() > body.len()
        && !body.is_empty()
        && (body.chars().all(|c| c.is_ascii_alphanumeric()) || body.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_separates_blocks() {
        let md = "# Title\n\nOne *two*\nthree.\n\n- item\n";
        assert_eq!(plain_text(md), "Title\n\nOne two three.\n\nitem");
    }

    #[test]
    fn deep_nesting_is_found_and_flattened() {
        let deep = format!("Para.\n\n{} x\n", ">".repeat(100));
        assert_eq!(too_deep(&deep, 64), Some(7));
        assert_eq!(too_deep("> > - 1. x\n", 64), None);
        let flat = flatten(&deep, 3);
        assert_eq!(flat, "Para.\n\n> > > x\n");
        let lists: String = (0..80).map(|i| format!("{}- x\n", "  ".repeat(i))).collect();
        assert!(too_deep(&lists, 64).is_some());
        assert_eq!(too_deep(&format!("{}code\n", " ".repeat(300)), 64), None);
    }

    #[test]
    fn web_html_becomes_text() {
        let md = "Hi <img src=x onerror=alert(1)> there `<b>code</b>`.\n\n<script>\nalert(1)\n</script>\n\n<b>bold</b> end\n";
        let safe = html_as_text(md);
        assert!(!safe.contains("<img") && !safe.contains("<script") && !safe.contains("<b>bold"), "{safe}");
        assert!(safe.contains("`<b>code</b>`"), "code spans stay as they are: {safe}");
        let arena = Arena::new();
        let root = comrak::parse_document(&arena, &safe, &options(true));
        let mut html = String::new();
        comrak::format_html(root, &options(true), &mut html).unwrap();
        assert!(!html.contains("<script") && !html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn escaped_text_reads_back_unchanged() {
        for text in [
            "M. Peskov a dit «non» [russes] *vraiment* _ici_ <script>alert(1)</script>",
            "# pas un titre",
            "- pas une liste",
            "2019. Pas une liste",
            "12) non plus",
            "&amp; &#39; & fin",
            "a `code` \\ b ~~c~~ | d",
            "![pas une image](x)",
            "> pas une citation",
            "(source:AFP) et [lien](claim:x)",
        ] {
            assert_eq!(plain_text(&escape_text(text)), text, "escaping {text:?}");
        }
    }
}
