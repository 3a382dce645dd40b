//! Inputs the fuzzers (`fuzz/`) found, minimized, each fed through the same
//! public API as its fuzz target.

use parallax::annotate::annotate;
use parallax::config::Config;
use parallax::ingest::{plan, Seed};
use parallax::page::Page;
use std::path::Path;
use std::sync::LazyLock;

/// The shipped config, as the fuzz targets use it.
static CONFIG: LazyLock<Config> = LazyLock::new(|| {
    Config::parse(include_str!("../../config.toml"), Path::new("config.toml")).expect("the shipped config parses")
});

/// Ingests one seed and parses the page it makes back.
fn ingest(path: &str, text: &str) -> Page {
    let seed = Seed { path: path.into(), text: text.into(), hash: "blake3:fuzz".into() };
    let (pages, _) = plan(&[seed], &[], &CONFIG);
    assert_eq!(pages.len(), 1);
    Page::parse(&pages[0].path, pages[0].text.clone()).expect("the ingested page parses")
}

/// ingest_text: scraped text holding `(source:AFP)` or `[lien](claim:x)`
/// made a page whose build failed with "unclosed span before `(source:`".
/// The text is escaped so that it reads back as text, not as annotations.
#[test]
fn scraped_text_that_looks_like_annotations_ingests_to_a_clean_page() {
    let text = "Titre\n\nLe Kremlin a démenti. (source:AFP) [lien](claim:x) et (claim:kremlin-denial)\n";
    let page = ingest("seeds/a.txt", text);
    let (annotated, diags) = annotate(page, &CONFIG);
    assert!(diags.iter().all(|d| !d.is_error()), "{diags:?}");
    assert!(annotated.plain.contains("(source:AFP) [lien](claim:x) et (claim:kremlin-denial)"), "{}", annotated.plain);
}

/// The seed's byte-order mark started a text seed's title and hid a
/// markdown seed's front matter (its title and URL went into the body).
#[test]
fn a_byte_order_mark_is_not_part_of_a_seed() {
    let page = ingest("seeds/a.txt", "\u{feff}Russie : le Kremlin dément\n\nLe Kremlin a démenti tout retrait.\n");
    assert_eq!(page.front.title, "Russie : le Kremlin dément");
    let md = "\u{feff}+++\ntitle = \"Titre\"\nurl = \"https://example.org/a\"\n+++\n\nLe Kremlin a démenti.\n";
    let page = ingest("seeds/a.md", md);
    assert_eq!(page.front.title, "Titre");
    assert_eq!(page.front.url.as_deref(), Some("https://example.org/a"));
    assert!(!page.body.contains("+++"), "{}", page.body);
}
