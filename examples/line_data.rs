//! Writes the labelled lines the line model (`src/ingest/lines.rs`) learns
//! from: every line `clean` reads of each article of a hand-made key, with
//! its features, the rules' verdict, and the key's label (article or
//! chrome; lines the key does not mention are left out).
//!
//! The corpora and their hand-made keys stay outside the repository; so
//! does the table this writes (it quotes the lines).
//!
//! ```text
//! cargo run --release --example line_data -- OUT.tsv RAW_KEYS:CORPUS_DIR[:SPLIT] ...
//! python3 examples/line_model.py OUT.tsv data/lines.model
//! ```

use parallax::config::Config;
use parallax::fold::fold;
use parallax::ingest::{self, lines, Seed};
use serde::Deserialize;
use std::io::Write;
use std::path::Path;

#[derive(Deserialize)]
struct RawKeys {
    article: Vec<RawArticle>,
}

#[derive(Deserialize)]
struct RawArticle {
    file: String,
    split: String,
    format: String,
    title: String,
    article_lines: Vec<String>,
    chrome_lines: Vec<String>,
}

fn words(text: &str) -> Vec<String> {
    fold(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// 0 article, 1 chrome, `None` unlabelled or both.
fn label(text: &str, key: &RawArticle) -> Option<u8> {
    let w = words(text);
    if w.is_empty() {
        return None;
    }
    let article = key.article_lines.iter().any(|line| {
        let a = words(line);
        // The key keeps a paragraph's first 60 characters: its last word
        // may be cut.
        let whole = if line.chars().count() >= 59 && a.len() > 1 { &a[..a.len() - 1] } else { &a[..] };
        !whole.is_empty()
            && w.len() >= whole.len()
            && w[..whole.len()] == *whole
            && (line.chars().count() >= 59 || w.len() == whole.len())
    });
    let chrome = key.chrome_lines.iter().any(|line| {
        let c = words(line);
        !c.is_empty() && (c == w || w.len() <= c.len() + 3 && w.windows(c.len()).any(|x| x == c.as_slice()))
    });
    let title = words(&key.title) == w;
    match (article, chrome, title) {
        (true, false, false) => Some(0),
        (false, true, false) => Some(1),
        _ => None,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((out, sets)) = args.split_first() else {
        eprintln!("usage: line_data OUT.tsv RAW_KEYS:CORPUS_DIR[:SPLIT] ...");
        std::process::exit(2);
    };
    let config = Config::parse("[site]\ntitle = \"Lines\"\n", Path::new("config.toml")).expect("config");
    let mut file = std::io::BufWriter::new(std::fs::File::create(out).expect("create output"));
    let header: Vec<String> = (0..lines::FEATURES).map(|k| format!("f{k}")).collect();
    writeln!(file, "group\tlabel\tkind\t{}\ttext\tp", header.join("\t")).unwrap();
    let (mut labelled, mut total) = (0, 0);
    for set in sets {
        let parts: Vec<&str> = set.split(':').collect();
        let (keys, corpus, only) = match parts.as_slice() {
            [k, c] => (*k, *c, None),
            [k, c, s] => (*k, *c, Some(*s)),
            _ => panic!("{set}: RAW_KEYS:CORPUS_DIR[:SPLIT]"),
        };
        let raw: RawKeys = toml::from_str(&std::fs::read_to_string(keys).expect("keys")).expect("keys parse");
        for key in raw.article.iter().filter(|a| only.is_none_or(|s| a.split == s)) {
            let bytes = std::fs::read(Path::new(corpus).join(&key.file)).expect("article");
            let decoded = ingest::decode::decode(&bytes, key.format == "html");
            let name = Path::new(&key.file).file_name().unwrap().to_string_lossy().to_string();
            let seed =
                Seed { path: format!("seeds/{name}"), text: decoded.text, hash: "blake3:0".into(), encoding: None };
            *lines::LOG.lock().unwrap() = Some(Vec::new());
            let _ = ingest::plan(&[seed], &[], &config);
            let rows = lines::LOG.lock().unwrap().take().unwrap_or_default();
            let group = format!("{corpus}/{}", key.file);
            for row in rows {
                total += 1;
                let Some(label) = label(&row.text, key) else { continue };
                labelled += 1;
                let features: Vec<String> = row.features.iter().map(|x| format!("{x}")).collect();
                let text: String = row.text.chars().take(80).map(|c| if c.is_control() { ' ' } else { c }).collect();
                // (The compiled-in model's verdict, to check it against the
                // learner's.)
                let p = lines::chrome_probability(&row.features).unwrap_or(f32::NAN);
                writeln!(file, "{group}\t{label}\t{}\t{}\t{text}\t{p}", row.kind.unwrap_or("-"), features.join("\t"))
                    .unwrap();
            }
        }
    }
    eprintln!("{labelled} of {total} lines labelled");
}
