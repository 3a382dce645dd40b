//! Quotes (with their speakers) and figures scored against the hand-made
//! known-answer keys of `tests/keys/quotes_figures.toml`, on the articles
//! the shared corpus holds (the extraction benchmark's human article texts
//! and Mozilla Readability's French pages), with no actor configured. The
//! keys were split once into a tuning half and an evaluation half before
//! any rule was changed; both are printed, with 95% intervals. The floors
//! are the figures reached, so a regression fails the suite. Articles kept
//! outside the repository are scored by `examples/score_findings.rs`.

use crate::keys::{self, Counts, Keys};
use parallax::config::Config;
use std::path::Path;

fn shared() -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    assert!(dir.is_dir(), "{} is missing: the shared corpus must sit beside the clone", dir.display());
    dir
}

/// (quotes, figures) counts for one half, on the articles the shared corpus has.
fn score(half: &str) -> (Counts, Counts, usize) {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/keys/quotes_figures.toml");
    let keys: Keys = toml::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let config = Config::parse("[site]\ntitle = \"Known answers\"\n", Path::new("config.toml")).unwrap();
    let (mut q, mut f, mut n) = (Counts::default(), Counts::default(), 0);
    for a in keys.article.iter().filter(|a| a.split == half && !a.id.starts_with("own:")) {
        let text = keys::article_text(&a.id, &shared(), None).unwrap_or_else(|| panic!("{}: no text", a.id));
        assert_eq!(keys::text_hash(&text), a.text_hash, "{}: the text is not the one the key was made on", a.id);
        let found = keys::find(&text, &a.language, &config);
        let mut log = Vec::new();
        q.add(keys::score_quotes(&text, a, &found, &mut log));
        f.add(keys::score_figures(&text, a, &found, &mut log));
        n += 1;
    }
    (q, f, n)
}

#[test]
fn quotes_and_figures_on_real_articles() {
    for half in ["tune", "eval"] {
        let (q, f, n) = score(half);
        println!("{half} ({n} articles): quotes with speaker {}", q.describe());
        println!("{half} ({n} articles): figures {}", f.describe());
    }
    // Floors: the tuning half's figures when the rules were last changed,
    // less one or two answers, so that a regression fails the suite. The
    // evaluation half is printed, not tuned on.
    let (q, f, _) = score("tune");
    assert!(q.precision() >= 0.95 && q.recall() >= 0.78, "quotes: {}", q.describe());
    assert!(f.precision() >= 0.90 && f.recall() >= 0.83, "figures: {}", f.describe());
}
