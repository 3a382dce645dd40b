//! HTML (an extracted article) -> markdown blocks. Headings, paragraphs,
//! lists, block quotes, tables, code; links kept as links (http and https
//! only) or as their text. Every character of the page's text is escaped so
//! markdown reads it back as the same text, and no markup of the page ever
//! passes through: unknown elements are transparent, their text kept.
//!
//! Nesting deeper than the limit is read as text, not walked, so that no
//! page can exhaust the stack.

use ego_tree::NodeRef;
use scraper::{Html, Node};

/// Elements whose content is not article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "iframe", "object", "embed", "select", "button", "input",
    "textarea", "canvas", "math", "form", "img", "picture", "video", "audio", "source",
];
/// Elements that hold blocks.
const BLOCKISH: &[&str] = &[
    "address", "article", "aside", "body", "center", "details", "dialog", "div", "dl", "dd", "dt", "fieldset",
    "figure", "footer", "header", "hgroup", "html", "main", "nav", "section", "summary", "caption", "legend", "menu",
    "dir",
];
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "section",
    "article",
    "figure",
];

/// A block of the article: its markdown, and whether it is a heading. A
/// list's items are blocks of their own, so each can be judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MdBlock {
    pub markdown: String,
    pub heading: bool,
}

impl MdBlock {
    /// How much of the block's text is link text, from 0 to 1: menus and
    /// "related" lists are nearly all links, article paragraphs rarely.
    pub fn link_density(&self) -> f64 {
        let total = crate::text::word_count(&crate::markdown::plain_text(&self.markdown));
        if total == 0 {
            return 0.0;
        }
        let mut linked = 0;
        let mut rest = self.markdown.as_str();
        while let Some(open) = rest.find('[') {
            if open > 0 && rest.as_bytes()[open - 1] == b'\\' {
                rest = &rest[open + 1..];
                continue;
            }
            let Some(close) = rest[open..].find("](") else { break };
            linked += crate::text::word_count(&rest[open + 1..open + close]);
            rest = &rest[open + close + 2..];
        }
        linked as f64 / total as f64
    }
}

/// The blocks of an HTML fragment. `max_depth` bounds how deep elements are
/// walked; deeper content is kept as plain text.
pub fn convert(html: &str, max_depth: usize) -> Vec<MdBlock> {
    let doc = Html::parse_fragment(html);
    let mut walker = Walker { max_depth, out: Vec::new() };
    walker.blocks(doc.tree.root(), 0);
    walker.out
}

struct Walker {
    max_depth: usize,
    out: Vec<MdBlock>,
}

fn name_of(n: NodeRef<'_, Node>) -> Option<&str> {
    match n.value() {
        Node::Element(e) => Some(e.name()),
        _ => None,
    }
}

/// All the text under `n`, in order, without recursion.
fn text_of(n: NodeRef<'_, Node>) -> String {
    let mut s = String::new();
    for d in n.descendants() {
        match d.value() {
            Node::Text(t) => s.push_str(&t.text),
            Node::Element(e) if e.name() == "br" || BLOCKS.contains(&e.name()) => s.push(' '),
            _ => {}
        }
    }
    s
}

impl Walker {
    fn push(&mut self, markdown: String, heading: bool) {
        if !markdown.trim().is_empty() {
            self.out.push(MdBlock { markdown, heading });
        }
    }

    fn flush(&mut self, inline: &mut String) {
        let p = finish_para(inline);
        self.push(p, false);
        inline.clear();
    }

    /// The children of `node` as blocks.
    fn blocks(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        let mut inline = String::new();
        if depth > self.max_depth {
            push_text(&mut inline, &text_of(node));
            self.flush(&mut inline);
            return;
        }
        for c in node.children() {
            match c.value() {
                Node::Text(t) => push_text(&mut inline, &t.text),
                Node::Element(e) => {
                    let n = e.name();
                    if SKIP.contains(&n) {
                        continue;
                    }
                    match n {
                        "p" | "figcaption" => {
                            self.flush(&mut inline);
                            let mut s = String::new();
                            self.inline_children(c, &mut s, depth + 1);
                            self.push(finish_para(&s), false);
                        }
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                            self.flush(&mut inline);
                            let mut s = String::new();
                            self.inline_children(c, &mut s, depth + 1);
                            let t = collapse(&s.replace('\n', " "));
                            if !t.is_empty() {
                                self.push(format!("## {}", t), true);
                            }
                        }
                        "ul" | "ol" => {
                            self.flush(&mut inline);
                            for item in self.list(c, n == "ol", depth + 1) {
                                self.push(item, false);
                            }
                        }
                        "blockquote" => {
                            self.flush(&mut inline);
                            let inner = self.nested(c, depth + 1);
                            let body = inner.iter().map(|b| b.markdown.as_str()).collect::<Vec<_>>().join("\n\n");
                            self.push(prefix_lines(&body, "> ", ">"), false);
                        }
                        "pre" => {
                            self.flush(&mut inline);
                            let code = text_of(c);
                            let code = code.trim_end_matches('\n');
                            if !code.trim().is_empty() {
                                let mut fence = "```".to_string();
                                while code.contains(&fence) {
                                    fence.push('`');
                                }
                                self.push(format!("{fence}\n{code}\n{fence}"), false);
                            }
                        }
                        "hr" => self.flush(&mut inline),
                        "table" => {
                            self.flush(&mut inline);
                            self.table(c, depth + 1);
                        }
                        _ if BLOCKISH.contains(&n) || has_block_child(c) => {
                            self.flush(&mut inline);
                            self.blocks(c, depth + 1);
                        }
                        _ => self.inline_node(c, &mut inline, depth + 1),
                    }
                }
                _ => self.blocks(c, depth + 1),
            }
        }
        self.flush(&mut inline);
    }

    /// The blocks of `node`, apart from the blocks around it.
    fn nested(&mut self, node: NodeRef<'_, Node>, depth: usize) -> Vec<MdBlock> {
        let outer = std::mem::take(&mut self.out);
        self.blocks(node, depth);
        std::mem::replace(&mut self.out, outer)
    }

    /// A list's items, each as markdown ("- …", "3. …").
    fn list(&mut self, n: NodeRef<'_, Node>, ordered: bool, depth: usize) -> Vec<String> {
        let mut items = Vec::new();
        let mut i: usize = match n.value() {
            Node::Element(e) => e.attr("start").and_then(|s| s.parse().ok()).unwrap_or(1),
            _ => 1,
        };
        for li in n.children().filter(|li| name_of(*li) == Some("li")) {
            let inner = self.nested(li, depth + 1);
            let body = inner.iter().map(|b| b.markdown.as_str()).collect::<Vec<_>>().join("\n\n");
            if body.trim().is_empty() {
                continue;
            }
            let marker = if ordered { format!("{i}. ") } else { "- ".to_string() };
            let pad = " ".repeat(marker.len());
            let mut s = String::new();
            for (k, line) in body.lines().enumerate() {
                if k == 0 {
                    s.push_str(&marker);
                    s.push_str(line);
                } else {
                    s.push('\n');
                    if !line.is_empty() {
                        s.push_str(&pad);
                        s.push_str(line);
                    }
                }
            }
            items.push(s);
            i = i.saturating_add(1);
        }
        items
    }

    fn table(&mut self, n: NodeRef<'_, Node>, depth: usize) {
        let rows = own_rows(n);
        let layout = rows.iter().any(|tr| cells(*tr).iter().any(|c| has_block_child(*c)));
        let width = rows.iter().map(|tr| cells(*tr).len()).max().unwrap_or(0);
        if layout || width <= 1 {
            // A layout table: its cells are blocks.
            for tr in &rows {
                for c in cells(*tr) {
                    self.blocks(c, depth + 1);
                }
            }
            return;
        }
        let mut s = String::new();
        for (k, tr) in rows.iter().enumerate() {
            let mut row: Vec<String> = cells(*tr)
                .into_iter()
                .map(|cell| {
                    let mut t = String::new();
                    self.inline_children(cell, &mut t, depth + 1);
                    collapse(&t.replace('\n', " "))
                })
                .collect();
            row.resize(width, String::new());
            s.push_str("| ");
            s.push_str(&row.join(" | "));
            s.push_str(" |\n");
            if k == 0 {
                s.push('|');
                s.push_str(&" --- |".repeat(width));
                s.push('\n');
            }
        }
        self.push(s.trim_end().to_string(), false);
    }

    fn inline_children(&mut self, n: NodeRef<'_, Node>, out: &mut String, depth: usize) {
        if depth > self.max_depth {
            push_text(out, &text_of(n));
            return;
        }
        for c in n.children() {
            self.inline_node(c, out, depth);
        }
    }

    fn inline_node(&mut self, c: NodeRef<'_, Node>, out: &mut String, depth: usize) {
        match c.value() {
            Node::Text(t) => push_text(out, &t.text),
            Node::Element(e) => {
                let n = e.name();
                if SKIP.contains(&n) {
                    return;
                }
                match n {
                    "br" => out.push('\n'),
                    "strong" | "b" | "em" | "i" => {
                        let mut s = String::new();
                        self.inline_children(c, &mut s, depth + 1);
                        let mark = if n == "strong" || n == "b" { "**" } else { "*" };
                        wrap(out, &s, mark, next_char(c));
                    }
                    "code" | "kbd" | "samp" | "tt" => {
                        let raw = collapse(&text_of(c));
                        if raw.is_empty() {
                            return;
                        }
                        let mut ticks = "`".to_string();
                        while raw.contains(&ticks) {
                            ticks.push('`');
                        }
                        let pad = if raw.starts_with('`') || raw.ends_with('`') { " " } else { "" };
                        out.push_str(&format!("{ticks}{pad}{raw}{pad}{ticks}"));
                    }
                    "a" => {
                        let mut s = String::new();
                        self.inline_children(c, &mut s, depth + 1);
                        let href = e.attr("href").unwrap_or("").trim();
                        let text = collapse(&s.replace('\n', " "));
                        if (href.starts_with("http://") || href.starts_with("https://")) && !text.is_empty() {
                            let dest: String = href
                                .chars()
                                .flat_map(|ch| match ch {
                                    '(' => "%28".chars().collect::<Vec<_>>(),
                                    ')' => "%29".chars().collect(),
                                    ' ' => "%20".chars().collect(),
                                    '<' => "%3C".chars().collect(),
                                    '>' => "%3E".chars().collect(),
                                    c if c.is_control() => Vec::new(),
                                    c => vec![c],
                                })
                                .collect();
                            if s.starts_with(char::is_whitespace) && !out.ends_with(' ') {
                                out.push(' ');
                            }
                            out.push_str(&format!("[{text}]({dest})"));
                            if s.ends_with(char::is_whitespace) {
                                out.push(' ');
                            }
                        } else {
                            out.push_str(&s);
                        }
                    }
                    _ if BLOCKISH.contains(&n)
                        || matches!(
                            n,
                            "p" | "li"
                                | "h1"
                                | "h2"
                                | "h3"
                                | "h4"
                                | "h5"
                                | "h6"
                                | "ul"
                                | "ol"
                                | "blockquote"
                                | "pre"
                                | "table"
                                | "tr"
                                | "td"
                                | "th"
                                | "figcaption"
                                | "hr"
                        ) =>
                    {
                        // A block inside inline content (a table cell, a
                        // heading): its text, set apart by spaces.
                        out.push(' ');
                        self.inline_children(c, out, depth + 1);
                        out.push(' ');
                    }
                    _ => self.inline_children(c, out, depth + 1),
                }
            }
            _ => self.inline_children(c, out, depth + 1),
        }
    }
}

fn has_block_child(n: NodeRef<'_, Node>) -> bool {
    n.descendants().skip(1).any(|d| name_of(d).is_some_and(|name| BLOCKS.contains(&name)))
}

/// The rows of this table, not of tables nested in it.
fn own_rows(n: NodeRef<'_, Node>) -> Vec<NodeRef<'_, Node>> {
    let mut rows = Vec::new();
    for c in n.children() {
        match name_of(c) {
            Some("tr") => rows.push(c),
            Some("thead" | "tbody" | "tfoot") => rows.extend(c.children().filter(|r| name_of(*r) == Some("tr"))),
            _ => {}
        }
    }
    rows
}

fn cells(tr: NodeRef<'_, Node>) -> Vec<NodeRef<'_, Node>> {
    tr.children().filter(|c| matches!(name_of(*c), Some("td" | "th"))).collect()
}

/// The first character of the text after `c` in the same block, if any.
fn next_char(c: NodeRef<'_, Node>) -> Option<char> {
    let mut cur = c;
    loop {
        let mut sibling = cur.next_sibling();
        while let Some(x) = sibling {
            for d in x.descendants() {
                match d.value() {
                    Node::Text(t) => {
                        if let Some(ch) = t.text.chars().next() {
                            return Some(ch);
                        }
                    }
                    Node::Element(e) if e.name() == "br" => return Some('\n'),
                    _ => {}
                }
            }
            sibling = x.next_sibling();
        }
        let parent = cur.parent()?;
        match name_of(parent) {
            Some(
                "span" | "a" | "em" | "i" | "strong" | "b" | "u" | "small" | "sup" | "sub" | "font" | "mark" | "cite"
                | "q" | "abbr" | "time" | "label" | "s" | "del" | "ins",
            ) => cur = parent,
            _ => return None,
        }
    }
}

/// Emphasis only where CommonMark reads it as emphasis (its delimiters
/// hugging letters or digits); otherwise the text without it, never a stray
/// `*`.
fn wrap(out: &mut String, s: &str, mark: &str, next: Option<char>) {
    let t = s.trim();
    let (Some(first), Some(last)) = (t.chars().next(), t.chars().last()) else {
        out.push_str(s);
        return;
    };
    if s.starts_with(char::is_whitespace) && !out.ends_with(' ') {
        out.push(' ');
    }
    let punct = |c: char| !c.is_alphanumeric() && !c.is_whitespace();
    let prev = if s.starts_with(char::is_whitespace) { Some(' ') } else { out.chars().last() };
    let next = if s.ends_with(char::is_whitespace) { Some(' ') } else { next };
    let spaced = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || (punct(c) && c != '*'));
    let open_ok = !punct(first) || spaced(prev);
    let close_ok = !punct(last) || spaced(next);
    if t.contains('\n') || !open_ok || !close_ok || out.ends_with('*') || first == '*' || last == '*' {
        out.push_str(t);
    } else {
        out.push_str(mark);
        out.push_str(t);
        out.push_str(mark);
    }
    if s.ends_with(char::is_whitespace) {
        out.push(' ');
    }
}

fn push_text(out: &mut String, t: &str) {
    let mut last_space = out.ends_with([' ', '\n']);
    let mut buf = String::new();
    for c in t.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            if !last_space {
                buf.push(' ');
                last_space = true;
            }
        } else {
            buf.push(c);
            last_space = false;
        }
    }
    out.push_str(&escape_inline(&buf));
}

/// Backslash escapes for the characters that can start inline markup.
fn escape_inline(s: &str) -> String {
    let mut r = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '|')
            || c == '&' && looks_like_entity(&s[i + 1..])
        {
            r.push('\\');
        }
        r.push(c);
    }
    r
}

/// A paragraph: lines trimmed, block markers at line starts escaped, `<br>`
/// as hard breaks.
fn finish_para(s: &str) -> String {
    let lines: Vec<String> =
        s.split('\n').map(collapse).filter(|l| !l.is_empty()).map(|l| escape_line_start(&l)).collect();
    lines.join("\\\n")
}

fn escape_line_start(l: &str) -> String {
    if l.starts_with(['#', '>', '-', '+', '=']) {
        return format!("\\{l}");
    }
    // "2019. The year…" would start an ordered list.
    let digits = l.chars().take_while(|c| c.is_ascii_digit()).count();
    if (1..=9).contains(&digits) {
        let rest = &l[digits..];
        if rest.starts_with(". ") || rest.starts_with(") ") || rest == "." || rest == ")" {
            return format!("{}\\{}", &l[..digits], rest);
        }
    }
    l.to_string()
}

fn collapse(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() && c != '\u{a0}').filter(|x| !x.is_empty()).collect::<Vec<_>>().join(" ")
}

fn prefix_lines(body: &str, prefix: &str, empty: &str) -> String {
    body.lines()
        .map(|l| if l.is_empty() { empty.to_string() } else { format!("{prefix}{l}") })
        .collect::<Vec<_>>()
        .join("\n")
}

fn looks_like_entity(rest: &str) -> bool {
    let n = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '#').count();
    n > 0 && n <= 32 && rest[n..].starts_with(';')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(html: &str) -> Vec<String> {
        convert(html, 64).into_iter().map(|b| b.markdown).collect()
    }

    #[test]
    fn blocks_become_markdown_and_text_stays_text() {
        let blocks = md("<h2>A <em>head</em></h2><p>Said <b>x</b> &lt;script&gt;alert(1)&lt;/script&gt; *not* [1] 1. \
                         <a href=\"https://a.example/x y\">link</a> <a href=\"javascript:alert(1)\">js</a></p>\
                         <ul><li>one</li><li>two</li></ul><blockquote><p>quoted</p></blockquote><script>x()</script>");
        assert_eq!(blocks[0], "## A *head*");
        assert_eq!(
            blocks[1],
            "Said **x** \\<script\\>alert(1)\\</script\\> \\*not\\* \\[1\\] 1. [link](https://a.example/x%20y) js"
        );
        assert_eq!(blocks[2..4], ["- one", "- two"]);
        assert_eq!(blocks[4], "> quoted");
        assert_eq!(blocks.len(), 5);
        for b in &blocks {
            let plain = crate::markdown::plain_text(b);
            assert!(!plain.contains('\\'), "escapes read back as text: {plain}");
        }
    }

    #[test]
    fn link_density_tells_menus_from_text() {
        let blocks = convert(
            "<p><a href=\"https://a.example/1\">Another story entirely</a></p><p>A paragraph with <a href=\"https://a.example/2\">one link</a> among many other words of text.</p>",
            64,
        );
        assert_eq!(blocks[0].link_density(), 1.0);
        assert!(blocks[1].link_density() < 0.3);
    }

    #[test]
    fn deep_nesting_is_read_as_text() {
        let html = format!("{}deep words{}", "<div>".repeat(200), "</div>".repeat(200));
        let blocks = md(&html);
        assert_eq!(blocks, ["deep words"]);
    }
}
