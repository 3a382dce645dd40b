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
    let seed = Seed { path: path.into(), text: text.into(), hash: "blake3:fuzz".into(), encoding: None };
    let (pages, _) = plan(&[seed], &[], &CONFIG);
    assert_eq!(pages.len(), 1);
    Page::parse(&pages[0].path, pages[0].text.clone()).expect("the ingested page parses")
}

/// ingest_text: scraped text holding `(source:AFP)` or `[lien](claim:x)`
/// made a page whose build failed with "unclosed span before `(source:`".
/// The text is escaped so that it reads back as text, not as annotations.
#[test]
fn scraped_text_that_looks_like_annotations_ingests_to_a_clean_page() {
    let text = "Le titre\n\nLe Kremlin a démenti. (source:AFP) [lien](claim:x) et (claim:kremlin-denial)\n";
    let page = ingest("seeds/a.txt", text);
    let (annotated, diags) = annotate(page, &CONFIG);
    assert!(diags.iter().all(|d| !d.is_error()), "{diags:?}");
    assert!(
        annotated.plain.contains("(source:AFP) [lien](claim:x) et (claim:kremlin-denial)"),
        "{}\n{:?}",
        annotated.plain,
        annotated.page.front.removed
    );
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
    assert!(!page.body().contains("+++"), "{}", page.body());
}

/// ingest_markdown: chrome set aside at ingest (here a consent banner)
/// holding a `+++` line was written as a TOML multi-line string, and that
/// line ended the new page's front matter: the page did not parse.
#[test]
fn a_plus_line_in_removed_chrome_stays_inside_the_front_matter() {
    let md =
        "# Titre\n\nRT en français utilise des cookies\n+++\ntitle = \"x\"\n\nLe Kremlin a démenti tout retrait.\n";
    let page = ingest("seeds/a.md", md);
    assert_eq!(page.front.title, "Titre");
    let removed: Vec<&str> = page.front.removed.iter().map(|r| r.text.as_str()).collect();
    // Front-matter strings are written on one line.
    assert_eq!(removed, ["RT en français utilise des cookies +++ title = \"x\""]);
    assert_eq!(page.body().trim(), "Le Kremlin a démenti tout retrait.");
}

/// The same for the text a suggested tag keeps around its passage.
#[test]
fn a_plus_line_near_a_suggested_tag_stays_inside_the_front_matter() {
    let md = "# Titre\n\nLe Kremlin a démenti tout retrait.\n\n+++\n\n«\u{1}»\n";
    let page = ingest("seeds/a.md", md);
    let tag = &page.front.tags[0];
    assert_eq!(tag.suffix, "\n\n+++\n\n«\u{1}»");
    let (annotated, diags) = annotate(page, &CONFIG);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(annotated.tags.len(), 1);
}

/// The fuzz targets' shared checks (`fuzz/common.rs`), compiled here so that
/// they keep up with the API (the fuzz crate is its own workspace, which
/// `cargo test` does not build).
#[path = "../../fuzz/common.rs"]
mod fuzz_common;

/// The smallest inputs of two fuzz corpora, replayed through the same
/// checks as their targets: `ingest_text` (a scraped-text seed ingests to a
/// page that parses back and annotates without error) and `annotate_page`
/// (every span inside the plain text, ids unique, figures' bounds in order,
/// diagnostics that format and point inside the page).
#[test]
fn the_smallest_fuzz_corpus_inputs_keep_the_targets_invariants() {
    let corpus = |target: &str| -> Vec<Vec<u8>> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
        let mut files: Vec<(u64, std::path::PathBuf)> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("corpus entry").path())
            .map(|p| (std::fs::metadata(&p).expect("corpus file").len(), p))
            .collect();
        files.sort();
        let inputs: Vec<Vec<u8>> =
            files.into_iter().take(60).map(|(_, p)| std::fs::read(p).expect("corpus file")).collect();
        assert!(inputs.len() >= 50, "{target}: the corpus has its inputs");
        inputs
    };
    for data in corpus("ingest_text") {
        fuzz_common::check_ingest("seeds/fuzz.txt", &data, true);
    }
    let mut annotated = 0;
    for data in corpus("annotate_page") {
        let raw = String::from_utf8_lossy(&data);
        let own_front = raw.trim_start_matches('\u{feff}').starts_with("+++");
        let text = if own_front { raw.into_owned() } else { format!("{}{raw}", fuzz_common::FRONT) };
        let Ok(page) = Page::parse(Path::new("content/sources/fuzz.md"), text) else { continue };
        let (a, diags) = annotate(page, &fuzz_common::CONFIG);
        fuzz_common::check_annotated(&a, &diags);
        annotated += 1;
    }
    assert!(annotated >= 30, "most small inputs are pages: {annotated}");
}
