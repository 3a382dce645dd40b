//! Rendering a page body with highlights at arbitrary plain-text offsets,
//! raw HTML on or off. Raw HTML off: nothing in the body becomes markup
//! (no script element, no script URL), and every highlight element opened
//! is closed.

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use parallax::render::body::{render, Highlight};

#[derive(Arbitrary, Debug)]
struct Input {
    raw_html: bool,
    spans: Vec<(u16, u16, bool)>,
    body: String,
}

fuzz_target!(|input: Input| {
    // Offsets scaled into the body's plain text so most of them land.
    let len = parallax::markdown::plain_text(&input.body).len().max(1);
    let highlights: Vec<Highlight> = input
        .spans
        .iter()
        .take(64)
        .enumerate()
        .map(|(i, &(a, b, chip))| {
            let start = a as usize * len / u16::MAX as usize;
            let end = b as usize * len / u16::MAX as usize;
            Highlight {
                start: start.min(end),
                end: start.max(end),
                element: if i % 2 == 0 { "mark" } else { "span" },
                class: "tag".into(),
                id: format!("h{i}"),
                title: "<\"title\">".into(),
                title_once: i % 3 == 0,
                chip: chip.then(|| ("/claims/x/?a=<b>".to_string(), "c".to_string())),
            }
        })
        .collect();
    let n = highlights.len();
    let html = render(&input.body, highlights, input.raw_html);
    let lower = html.to_ascii_lowercase();
    // With raw HTML on, the body's own tags are the editor's business; the
    // renderer's promise is only about markdown links and images.
    if !input.raw_html || !input.body.contains('<') {
        for tag in tags(&lower) {
            for scheme in ["javascript:", "vbscript:"] {
                for attr in ["href=\"", "src=\""] {
                    assert!(!tag.contains(&format!("{attr}{scheme}")), "script URL in `{tag}`: {html}");
                }
            }
        }
    }
    if !input.raw_html {
        // The body cannot write these itself, so they are the renderer's.
        assert!(!html.contains("title=\"<"), "unescaped title: {html}");
        for i in 0..n {
            assert!(html.matches(&format!(" id=\"h{i}\"")).count() <= 1, "highlight h{i} given its id twice");
        }
        assert!(!tags(&lower).any(|t| t.starts_with("<script")), "raw HTML became markup: {html}");
        assert_eq!(html.matches("<mark ").count(), html.matches("</mark>").count(), "unbalanced marks: {html}");
    }
});

/// The tags of some HTML: text there has its `<` escaped, so every `<`
/// opens a tag, which ends at the next `>`.
fn tags(html: &str) -> impl Iterator<Item = &str> {
    html.match_indices('<').map(|(i, _)| &html[i..html[i..].find('>').map_or(html.len(), |e| i + e + 1)])
}
