//! Shared by the fuzz targets: the shipped config, parsed once, and the
//! invariants every annotated page and diagnostic must keep.

#![allow(dead_code)]

use parallax::annotate::Annotated;
use parallax::config::Config;
use parallax::diag::Diagnostic;
use std::path::Path;
use std::sync::LazyLock;

/// The example briefing's config, as a real site would have it.
pub static CONFIG: LazyLock<Config> = LazyLock::new(|| {
    Config::parse(include_str!("../config.toml"), Path::new("config.toml")).expect("the shipped config parses")
});

/// Front matter put before fuzzed bodies that do not bring their own.
pub const FRONT: &str = "+++\ntitle = \"Fuzz\"\noutlet = \"unknown\"\n+++\n\n";

/// A diagnostic formats (message, excerpt with caret, JSON) without
/// panicking, and its position is inside `text` when it has one.
pub fn check_diag(d: &Diagnostic, text: Option<&str>) {
    let shown = d.to_string();
    assert!(!shown.is_empty());
    let _ = parallax::diag::to_json(std::slice::from_ref(d));
    if let (Some(p), Some(text)) = (d.position, text) {
        assert!(p.line >= 1 && p.col >= 1, "{p:?}");
        let lines = text.bytes().filter(|b| *b == b'\n').count() + 1;
        assert!(p.line <= lines, "line {} of a {lines}-line text", p.line);
    }
}

/// `start..end` is a non-empty-or-empty range of `plain` on char boundaries.
pub fn check_span(plain: &str, start: usize, end: usize, what: &str) {
    assert!(start <= end, "{what}: {start} > {end}");
    assert!(end <= plain.len(), "{what}: end {end} past the plain text ({})", plain.len());
    assert!(plain.is_char_boundary(start), "{what}: start {start} inside a character");
    assert!(plain.is_char_boundary(end), "{what}: end {end} inside a character");
}

/// Every offset the annotator hands out points into its plain text, on
/// character boundaries; tag texts are the text at their span; ids are unique.
pub fn check_annotated(a: &Annotated, diags: &[Diagnostic]) {
    let plain = a.plain.as_str();
    for d in diags {
        check_diag(d, Some(&a.page.text));
    }
    let mut ids = std::collections::BTreeSet::new();
    for t in &a.tags {
        check_span(plain, t.start, t.end, "tag");
        assert_eq!(t.exact, plain[t.start..t.end], "tag text");
        assert!(ids.insert(t.id.clone()), "duplicate tag id {}", t.id);
    }
    for n in &a.notes {
        if let Some((s, e)) = n.span {
            check_span(plain, s, e, "note");
            assert_eq!(n.exact.as_deref(), Some(&plain[s..e]), "note text");
        }
    }
    for q in &a.quotes {
        check_span(plain, q.start, q.end, "quote");
        assert!(ids.insert(q.id.clone()), "duplicate quote id {}", q.id);
    }
    for f in &a.figures {
        check_span(plain, f.start, f.end, "figure");
        let inverted = matches!((f.low, f.high), (Some(low), Some(high)) if low > high);
        assert!(!inverted, "figure {:?}: low {:?} > high {:?}", f.text, f.low, f.high);
    }
    for c in &a.citations {
        if let Some((s, e)) = c.span {
            check_span(plain, s, e, "citation");
        }
    }
    for d in &a.descriptors {
        check_span(plain, d.start, d.end, "descriptor");
    }
    for d in &a.dates {
        check_span(plain, d.start, d.end, "date");
    }
}

/// Ingests one seed at `path` made of `data` and checks the page it makes:
/// it parses back, names its seed, and its suggested tags all anchor in its
/// text. `escaped`: the seed is scraped text, which ingest escapes, so the
/// page must annotate without any error.
pub fn check_ingest(path: &str, data: &[u8], escaped: bool) {
    use parallax::ingest::{plan, Seed};
    use parallax::page::Page;
    let text = String::from_utf8_lossy(data).into_owned();
    let seed = Seed { path: path.into(), text, hash: "blake3:fuzz".into(), encoding: None };
    let (pages, diags) = plan(std::slice::from_ref(&seed), &[], &CONFIG);
    for d in &diags {
        check_diag(d, None);
    }
    assert_eq!(pages.len(), 1, "one seed, one page");
    let new = &pages[0];
    assert!(new.path.starts_with(parallax::ingest::SOURCES_DIR), "{}", new.path.display());
    assert_eq!(new.path.extension().and_then(|e| e.to_str()), Some("md"));
    let page = match Page::parse(&new.path, new.text.clone()) {
        Ok(page) => page,
        Err(d) => panic!("ingest wrote a page that does not parse: {d}\n--- page ---\n{}", new.text),
    };
    assert_eq!(page.front.seed.as_deref(), Some(path));
    assert_eq!(page.front.seed_hash.as_deref(), Some("blake3:fuzz"));
    assert!(page.front.tags.len() <= CONFIG.limits.tags);
    let (annotated, diags) = parallax::annotate::annotate(page, &CONFIG);
    check_annotated(&annotated, &diags);
    for d in &diags {
        assert!(
            !d.message.starts_with("orphaned tag"),
            "a suggested tag does not anchor: {d}\n--- page ---\n{}",
            new.text
        );
        if escaped {
            assert!(!d.is_error(), "an ingested text seed gives an error: {d}\n--- page ---\n{}", new.text);
        }
    }
}
