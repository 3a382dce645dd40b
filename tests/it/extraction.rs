//! Article extraction from saved web pages, scored on real pages of the
//! shared corpus (`../shared/corpus/`, beside the clone; the tests fail
//! where it is missing): the article-extraction benchmark's own metric on
//! its 181 pages (as saved pages, and dumped to text), and the metadata of
//! Mozilla Readability's test pages.
//! The thresholds are the figures reached, so a regression fails the suite.

use parallax::config::Config;
use parallax::ingest::{self, Seed};
use parallax::page::Page;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

fn corpus(set: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus").join(set);
    assert!(dir.is_dir(), "{} is missing: the shared corpus must sit beside the clone", dir.display());
    dir
}

/// The content page ingest writes for a saved page.
fn ingest_html(name: &str, html: &[u8], config: &Config) -> Page {
    let decoded = ingest::decode::decode(html, true);
    let seed = Seed {
        path: format!("seeds/{name}.html"),
        text: decoded.text,
        hash: "blake3:0".into(),
        encoding: (decoded.encoding != "utf-8").then_some(decoded.encoding),
    };
    let (pages, _) = ingest::plan(&[seed], &[], config);
    Page::parse(&pages[0].path, pages[0].text.clone()).expect("ingest writes valid pages")
}

/// A saved page of the extraction benchmark, unzipped.
fn benchmark_page(dir: &Path, key: &str) -> Vec<u8> {
    let mut html = Vec::new();
    let file = std::fs::File::open(dir.join(format!("{key}.html.gz"))).unwrap();
    flate2::read::GzDecoder::new(file).read_to_end(&mut html).unwrap();
    html
}

fn config() -> Config {
    Config::parse("[site]\ntitle = \"Extraction\"\n", Path::new("config.toml")).unwrap()
}

/// Word 4-gram shingles of `\w+` tokens, as the benchmark's evaluate.py.
fn shingles(text: &str) -> HashMap<Vec<String>, usize> {
    let tokens: Vec<String> =
        text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|t| !t.is_empty()).map(str::to_owned).collect();
    let mut out = HashMap::new();
    for gram in tokens.windows(4) {
        *out.entry(gram.to_vec()).or_insert(0) += 1;
    }
    if tokens.len() < 4 && !tokens.is_empty() {
        *out.entry(tokens).or_insert(0) += 1;
    }
    out
}

/// Precision and recall of one page, as the benchmark computes them.
fn page_score(expected: &str, found: &str) -> (f64, f64) {
    let (e, f) = (shingles(expected), shingles(found));
    let tp: usize = f.iter().map(|(g, n)| (*n).min(e.get(g).copied().unwrap_or(0))).sum();
    let fp: usize = f.values().sum::<usize>() - tp;
    let fn_: usize = e.values().sum::<usize>() - tp;
    // evaluate.py: an empty prediction of an empty answer is right.
    let precision = if tp + fp == 0 {
        if fn_ == 0 {
            1.0
        } else {
            0.0
        }
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let recall = if tp + fn_ == 0 { 1.0 } else { tp as f64 / (tp + fn_) as f64 };
    (precision, recall)
}

/// The benchmark's human answers, by page key.
fn ground_truth(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("ground-truth.json")).unwrap()).unwrap()
}

/// Mean precision and recall over pages, and their F1.
fn means(scores: &[(f64, f64)]) -> (f64, f64, f64) {
    let n = scores.len() as f64;
    let precision = scores.iter().map(|s| s.0).sum::<f64>() / n;
    let recall = scores.iter().map(|s| s.1).sum::<f64>() / n;
    (precision, recall, 2.0 * precision * recall / (precision + recall))
}

#[test]
fn article_text_on_the_extraction_benchmark() {
    let dir = corpus("zyte");
    let truth = ground_truth(&dir);
    let config = config();
    let keys: Vec<(&String, &serde_json::Value)> = truth.as_object().unwrap().iter().collect();
    let scores: Vec<(f64, f64)> = keys
        .iter()
        .map(|(key, answer)| {
            let html = benchmark_page(&dir, key);
            let page = ingest_html(key, &html, &config);
            let text = parallax::markdown::plain_text(page.body());
            page_score(answer["articleBody"].as_str().unwrap_or(""), &text)
        })
        .collect();
    let (precision, recall, f1) = means(&scores);
    println!("extraction benchmark, {} pages: precision {precision:.3}, recall {recall:.3}, F1 {f1:.3}", scores.len());
    assert_eq!(scores.len(), 181);
    assert!(f1 >= 0.964, "F1 {f1:.3} fell below 0.964 (precision {precision:.3}, recall {recall:.3})");
}

/// The content page ingest writes for scraped text.
fn ingest_text(name: &str, text: String, config: &Config) -> Page {
    let seed = Seed { path: format!("seeds/{name}.txt"), text, hash: "blake3:0".into(), encoding: None };
    let (pages, _) = ingest::plan(&[seed], &[], config);
    Page::parse(&pages[0].path, pages[0].text.clone()).expect("ingest writes valid pages")
}

/// The same benchmark's pages as analysts often bring them: dumped to plain
/// text (by the `html2text` crate, as a text browser lays a page out, links
/// as footnotes), menus, teasers and footers included, and cleaned as
/// scraped text by the rules and the line model.
#[test]
fn article_text_of_the_benchmark_pages_dumped_to_text() {
    let dir = corpus("zyte");
    let truth = ground_truth(&dir);
    let config = config();
    // (Pages in parallel: the rules run unoptimised in the test build.)
    use rayon::prelude::*;
    let pages: Vec<(&String, &serde_json::Value)> = truth.as_object().unwrap().iter().collect();
    let results: Vec<((f64, f64), (usize, usize))> = pages
        .par_iter()
        .map(|(key, answer)| {
            let mut learnt = (0, 0);
            let html = benchmark_page(&dir, key);
            let decoded = ingest::decode::decode(&html, true);
            let dump = html2text::from_read(decoded.text.as_bytes(), 100).unwrap_or_default();
            let page = ingest_text(key, dump, &config);
            let expected = answer["articleBody"].as_str().unwrap_or("");
            let words = |t: &str| {
                t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
            };
            let body = words(expected);
            for removed in page.front.removed.iter().filter(|r| r.kind == "site-text") {
                let w = words(&removed.text);
                learnt.0 += 1;
                learnt.1 += usize::from(!w.is_empty() && body.contains(&w));
            }
            (page_score(expected, &parallax::markdown::plain_text(page.body())), learnt)
        })
        .collect();
    let scores: Vec<(f64, f64)> = results.iter().map(|r| r.0).collect();
    let learnt = results.iter().fold((0, 0), |a, r| (a.0 + r.1 .0, a.1 + r.1 .1));
    let (precision, recall, f1) = means(&scores);
    println!("dumped to text, {} pages: precision {precision:.3}, recall {recall:.3}, F1 {f1:.3}", scores.len());
    println!("line model: {} line(s) set aside, {} of them in the answer", learnt.0, learnt.1);
    assert_eq!(scores.len(), 181);
    assert!(f1 >= 0.829, "F1 {f1:.3} fell below 0.829 (precision {precision:.3}, recall {recall:.3})");
    // The model sets aside what the rules leave (316 lines when measured),
    // nearly all of it outside the article (34 of them in it).
    assert!(learnt.0 >= 250 && learnt.1 * 100 <= learnt.0 * 15, "line model: {learnt:?}");
}

#[test]
fn metadata_of_mozilla_readability_pages() {
    let dir = corpus("readability");
    let config = config();
    let (mut pages, mut titles, mut languages, mut lang_pages) = (0, 0, 0, 0);
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let meta: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path.join("expected-metadata.json")).unwrap()).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let page = ingest_html(&name, &std::fs::read(path.join("source.html")).unwrap(), &config);
        pages += 1;
        let expected = meta["title"].as_str().unwrap_or("");
        if norm(&page.front.title) == norm(expected) {
            titles += 1;
        } else {
            println!("{name}: title {:?}, expected {expected:?}", page.front.title);
        }
        if let Some(lang) = meta["lang"].as_str().and_then(|l| l.split('-').next()) {
            lang_pages += 1;
            languages += usize::from(page.front.language.as_deref() == Some(lang));
        }
        if name == "lemonde-1" || name == "liberation-1" {
            assert_eq!(page.front.language.as_deref(), Some("fr"), "{name}");
            assert!(!page.body().contains('<'), "{name}: no markup");
        }
    }
    println!(
        "readability pages: {titles}/{pages} titles as Readability reads them, {languages}/{lang_pages} languages"
    );
    assert_eq!(pages, 27);
    assert!(titles >= 22, "{titles}/27 titles");
    assert!(languages >= lang_pages - 1, "{languages}/{lang_pages} languages");
}
