//! Scores quotes (with speakers) and figures on the hand-made known-answer
//! corpus, including the articles kept outside the repository; the test
//! suite scores the part the shared corpus holds.
//!
//! ```text
//! cargo run --release --example score_findings -- locate RAW_KEYS... OUT   # make tests/keys/quotes_figures.toml
//! cargo run --release --example score_findings -- score KEYS [OWN_CORPUS] [tune|eval|all] [-v]
//! ```
//! `locate` turns hand-made keys that quote their text (`text = "…"`) into
//! keys that hold only character ranges, so the repository keeps no copy of
//! the articles.

#[path = "../tests/it/keys.rs"]
mod keys;

use keys::{Article, KeyFigure, KeyQuote, Keys};
use parallax::config::Config;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct RawKeys {
    article: Vec<RawArticle>,
}

#[derive(Deserialize)]
struct RawArticle {
    id: String,
    split: String,
    language: String,
    outlet: String,
    #[serde(default)]
    quote: Vec<RawQuote>,
    #[serde(default)]
    figure: Vec<RawFigure>,
}

#[derive(Deserialize)]
struct RawQuote {
    text: String,
    speaker: String,
    kind: String,
}

#[derive(Deserialize)]
struct RawFigure {
    text: String,
    low: Option<f64>,
    high: Option<f64>,
    #[serde(default)]
    approximate: bool,
    #[serde(default)]
    vague: bool,
    counts: String,
}

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

/// Character ranges of `needles` in `text`, each searched from where the
/// previous one was found (keys list findings in text order), else from
/// the start.
fn ranges<'a>(text: &str, needles: impl Iterator<Item = &'a str>) -> Vec<Option<[usize; 2]>> {
    let mut from = 0;
    needles
        .map(|n| {
            let at = text[from..].find(n).map(|i| from + i).or_else(|| text.find(n))?;
            from = at;
            let start = text[..at].chars().count();
            Some([start, start + n.chars().count()])
        })
        .collect()
}

fn locate(raw: &[PathBuf], out: &Path, own: &Path) {
    let mut articles = Vec::new();
    for file in raw {
        let keys: RawKeys = toml::from_str(&std::fs::read_to_string(file).expect("raw keys")).expect("raw keys parse");
        for a in keys.article {
            let Some(text) = keys::article_text(&a.id, &shared(), Some(own)) else {
                eprintln!("{}: no text", a.id);
                continue;
            };
            let quotes = ranges(&text, a.quote.iter().map(|q| q.text.as_str()));
            let figures = ranges(&text, a.figure.iter().map(|f| f.text.as_str()));
            let mut article = Article {
                id: a.id.clone(),
                split: a.split,
                language: a.language,
                outlet: a.outlet,
                text_hash: keys::text_hash(&text),
                quote: Vec::new(),
                figure: Vec::new(),
            };
            for (q, at) in a.quote.into_iter().zip(quotes) {
                match at {
                    Some(at) => article.quote.push(KeyQuote { at, speaker: q.speaker, kind: q.kind }),
                    None => eprintln!("{}: quote not found: {}", a.id, q.text),
                }
            }
            for (f, at) in a.figure.into_iter().zip(figures) {
                match at {
                    Some(at) => article.figure.push(KeyFigure {
                        at,
                        low: f.low,
                        high: f.high,
                        approximate: f.approximate,
                        vague: f.vague,
                        counts: f.counts,
                    }),
                    None => eprintln!("{}: figure not found: {}", a.id, f.text),
                }
            }
            articles.push(article);
        }
    }
    let header = "# Known-answer keys: quotes with their speakers, and figures, in real news\n\
                  # articles (tests/keys/GUIDE.md, sections 1 and 2). Ranges are character\n\
                  # offsets in each article's text; the texts are not in this repository\n\
                  # (tests/it/keys.rs says where each comes from). Split once, before tuning.\n\n";
    let body = toml::to_string(&Keys { article: articles }).expect("keys serialise");
    std::fs::write(out, format!("{header}{body}")).expect("write keys");
}

fn score(keys_file: &Path, own: Option<&Path>, split: &str, verbose: bool) {
    let keys: Keys = toml::from_str(&std::fs::read_to_string(keys_file).expect("keys")).expect("keys parse");
    let config = Config::parse("[site]\ntitle = \"Scoring\"\n", Path::new("config.toml")).expect("config");
    for half in ["tune", "eval"].into_iter().filter(|h| split == "all" || split == *h) {
        for language in ["en", "fr"] {
            let (mut q, mut f) = (keys::Counts::default(), keys::Counts::default());
            let mut n = 0;
            for a in keys.article.iter().filter(|a| a.split == half && a.language == language) {
                let Some(text) = keys::article_text(&a.id, &shared(), own) else { continue };
                if keys::text_hash(&text) != a.text_hash {
                    eprintln!("{}: the text changed since the key was made", a.id);
                    continue;
                }
                n += 1;
                let found = keys::find(&text, &a.language, &config);
                let mut log = Vec::new();
                let qa = keys::score_quotes(&text, a, &found, &mut log);
                let fa = keys::score_figures(&text, a, &found, &mut log);
                q.add(qa);
                f.add(fa);
                if verbose {
                    println!("{} ({}): quotes {qa:?}, figures {fa:?}", a.id, a.outlet);
                    for line in log {
                        println!("    {line}");
                    }
                }
            }
            println!("{half} {language} ({n} articles): quotes+speaker {}", q.describe());
            println!("{half} {language} ({n} articles): figures        {}", f.describe());
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let args: Vec<&str> = args.iter().map(String::as_str).filter(|a| *a != "-v").collect();
    match args.as_slice() {
        ["locate", rest @ ..] if rest.len() >= 3 => {
            let (own, rest) = rest.split_first().expect("length checked");
            let (out, raw) = rest.split_last().expect("length checked");
            let raw: Vec<PathBuf> = raw.iter().map(PathBuf::from).collect();
            locate(&raw, Path::new(out), Path::new(own));
        }
        ["score", keys] => score(Path::new(keys), None, "all", verbose),
        ["score", keys, own] => score(Path::new(keys), Some(Path::new(own)), "all", verbose),
        ["score", keys, own, split] => score(Path::new(keys), Some(Path::new(own)), split, verbose),
        _ => {
            eprintln!("usage: score_findings locate OWN_CORPUS RAW_KEYS... OUT | score KEYS [OWN_CORPUS] [tune|eval|all] [-v]");
            std::process::exit(2);
        }
    }
}
