//! Scores ingest on a corpus of real articles kept outside the repository,
//! against the answer keys in `tests/keys/own_articles.toml`.
//!
//! The keys hold no article text: each line of the hand-made key (the
//! start of every article paragraph, every chrome line) is kept as hashes
//! of its folded word n-grams, so the repository carries no copy of the
//! articles. `hash` makes that file from the hand-made key; `score` runs
//! ingest on every file of the corpus and prints, per article and in total:
//! outlet right / unknown / wrong, chrome lines left, article lines lost,
//! title, date and author right (`SCORE_VERBOSE=1` adds what was found,
//! `SCORE_ONLY=text` keeps the files whose name contains `text`).
//!
//! ```text
//! cargo run --release --example score_ingest -- hash RAW_KEYS tests/keys/own_articles.toml
//! cargo run --release --example score_ingest -- score tests/keys/own_articles.toml CORPUS_DIR [tune|eval|all]
//! ```

use parallax::config::Config;
use parallax::fold::fold;
use parallax::ingest::{self, Seed};
use parallax::page::Page;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;

#[derive(Deserialize)]
struct RawKeys {
    article: Vec<RawArticle>,
}

#[derive(Deserialize)]
struct RawArticle {
    file: String,
    split: String,
    language: String,
    format: String,
    encoding: String,
    outlet_name: String,
    outlet_host: String,
    wire: String,
    title: String,
    date: String,
    author: String,
    article_lines: Vec<String>,
    chrome_lines: Vec<String>,
}

#[derive(Deserialize, Serialize)]
struct Keys {
    article: Vec<Key>,
}

#[derive(Deserialize, Serialize)]
struct Key {
    file: String,
    split: String,
    language: String,
    format: String,
    encoding: String,
    outlet_name: String,
    outlet_host: String,
    wire: String,
    title: String,
    date: String,
    author: String,
    /// Per article paragraph, the hashes of its start's word 4-grams.
    article_lines: Vec<Vec<String>>,
    /// Per chrome line, its word count and the hashes of its n-grams
    /// (n = min(4, words)).
    chrome_lines: Vec<(usize, Vec<String>)>,
}

fn words(text: &str) -> Vec<String> {
    fold(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

fn hash(gram: &[String]) -> String {
    blake3::hash(gram.join(" ").as_bytes()).to_hex()[..12].to_owned()
}

fn grams(words: &[String], n: usize) -> Vec<String> {
    if words.len() < n || n == 0 {
        return Vec::new();
    }
    words.windows(n).map(hash).collect()
}

fn make_keys(raw: &Path, out: &Path) {
    let raw: RawKeys = toml::from_str(&std::fs::read_to_string(raw).expect("raw keys")).expect("raw keys parse");
    let article = raw
        .article
        .into_iter()
        .map(|a| Key {
            article_lines: a.article_lines.iter().map(|l| grams(&words(l), 4.min(words(l).len()))).collect(),
            chrome_lines: a
                .chrome_lines
                .iter()
                .map(|l| {
                    let w = words(l);
                    (w.len(), grams(&w, 4.min(w.len())))
                })
                .filter(|(n, _)| *n > 0)
                .collect(),
            file: a.file,
            split: a.split,
            language: a.language,
            format: a.format,
            encoding: a.encoding,
            outlet_name: a.outlet_name,
            outlet_host: a.outlet_host,
            wire: a.wire,
            title: a.title,
            date: a.date,
            author: a.author,
        })
        .collect();
    let header = "# Answer keys for ingest on real articles (see tests/keys/GUIDE.md, section 3).\n\
                  # The articles are not in this repository; lines are kept as hashes of folded word\n\
                  # n-grams (examples/score_ingest.rs). Made with `score_ingest hash`.\n\n";
    let body = toml::to_string(&Keys { article }).expect("keys serialise");
    std::fs::write(out, format!("{header}{body}")).expect("write keys");
}

/// What the page shows of the article: its title and body text, as the
/// folded words of each paragraph.
struct Shown {
    lines: Vec<Vec<String>>,
    grams: [BTreeSet<String>; 5],
}

impl Shown {
    fn new(page: &Page) -> Shown {
        let plain = parallax::markdown::plain_text(page.body());
        let mut lines: Vec<Vec<String>> =
            plain.split("\n\n").chain(std::iter::once(page.front.title.as_str())).map(words).collect();
        // A dateline taken off the lede ("MOSCOW (Reuters) -", "(Moscou)")
        // moved to the front matter, not lost: the key's line starts with it.
        let lede_datelines =
            page.front.removed.iter().filter(|r| r.kind == "dateline" && r.text.contains(['—', '–', '-', '(']));
        if let (Some(dateline), Some(first)) = (lede_datelines.last(), plain.split("\n\n").next()) {
            lines.push(words(&format!("{} {first}", dateline.text)));
        }
        let mut grams: [BTreeSet<String>; 5] = Default::default();
        for line in &lines {
            for (n, set) in grams.iter_mut().enumerate().skip(1) {
                set.extend(self::grams(line, n));
            }
        }
        Shown { lines, grams }
    }

    /// Whether most of a key line's n-grams are in the page.
    fn has(&self, n: usize, hashes: &[String]) -> bool {
        if hashes.is_empty() {
            return true;
        }
        let n = n.min(4);
        let found = hashes.iter().filter(|h| self.grams[n].contains(*h)).count();
        found * 2 >= hashes.len()
    }

    /// Whether an article line is in the page. A line of fewer than four
    /// words has a single hash of all its words (the key does not record
    /// how many), so a single hash is looked for among every gram size.
    fn has_line(&self, hashes: &[String]) -> bool {
        match hashes {
            [one] => self.grams[1..].iter().any(|set| set.contains(one)),
            _ => self.has(4, hashes),
        }
    }

    /// A short chrome line is left only where it makes a line of its own or
    /// starts one, not where its words occur in a sentence.
    fn has_short(&self, n: usize, hashes: &[String]) -> bool {
        self.lines.iter().any(|l| l.len() >= n && l.len() <= n + 3 && grams(&l[..n], n).first() == hashes.first())
    }
}

fn normalise(s: &str) -> String {
    words(s).join(" ")
}

#[derive(Default)]
struct Totals {
    articles: usize,
    outlet_right: usize,
    outlet_unknown: usize,
    outlet_wrong: usize,
    in_registry: usize,
    in_registry_right: usize,
    chrome_left: usize,
    chrome_total: usize,
    lines_lost: usize,
    lines_total: usize,
    titles_right: usize,
    titles_total: usize,
    dates_right: usize,
    dates_stated: usize,
    authors_right: usize,
    authors_stated: usize,
    wires_right: usize,
    wires_stated: usize,
}

fn score(keys: &Path, corpus: &Path, split: &str) {
    let keys: Keys = toml::from_str(&std::fs::read_to_string(keys).expect("keys")).expect("keys parse");
    let config = Config::parse("[site]\ntitle = \"Scoring\"\n", Path::new("config.toml")).expect("config");
    let mut t = Totals::default();
    println!(
        "{:<34} {:>7} {:>6} {:>6} {:>5} {:>5} {:>6} {:>5}",
        "file", "outlet", "chrome", "lost", "title", "date", "author", "wire"
    );
    // SCORE_ONLY=text scores only the files whose name contains it.
    let only = std::env::var("SCORE_ONLY").unwrap_or_default();
    for key in keys.article.iter().filter(|k| (split == "all" || k.split == split) && k.file.contains(&only)) {
        let bytes = std::fs::read(corpus.join(&key.file)).unwrap_or_else(|e| panic!("{}: {e}", key.file));
        let name = format!("seeds/{}", Path::new(&key.file).file_name().unwrap().to_string_lossy());
        let decoded = ingest::decode::decode(&bytes, key.format == "html");
        let seed = Seed {
            path: name.clone(),
            text: decoded.text,
            hash: "blake3:0".into(),
            encoding: (decoded.encoding != "utf-8").then_some(decoded.encoding),
        };
        let (pages, _) = ingest::plan(&[seed], &[], &config);
        let page = Page::parse(&pages[0].path, pages[0].text.clone()).expect("ingest writes a valid page");
        let shown = Shown::new(&page);
        t.articles += 1;

        let outlet = page.front.outlet.get_ref().as_str();
        let expected: Option<&String> = config
            .outlets
            .iter()
            .find(|(_, o)| {
                o.signatures.hosts.iter().any(|h| key.outlet_host == *h || key.outlet_host.ends_with(&format!(".{h}")))
            })
            .map(|(id, _)| id);
        let verdict = match (outlet, expected) {
            ("unknown", _) => "unknown",
            (o, Some(e)) if o == e => "right",
            _ => "WRONG",
        };
        if expected.is_some() {
            t.in_registry += 1;
            t.in_registry_right += usize::from(verdict == "right");
        }
        match verdict {
            "right" => t.outlet_right += 1,
            "unknown" => t.outlet_unknown += 1,
            _ => t.outlet_wrong += 1,
        }
        let chrome_left: Vec<usize> = key
            .chrome_lines
            .iter()
            .enumerate()
            .filter(|(_, (n, h))| if *n < 4 { shown.has_short(*n, h) } else { shown.has(*n, h) })
            .map(|(i, _)| i)
            .collect();
        let lost: Vec<usize> =
            key.article_lines.iter().enumerate().filter(|(_, h)| !shown.has_line(h)).map(|(i, _)| i).collect();
        let title_ok = !key.title.is_empty() && normalise(&page.front.title) == normalise(&key.title);
        let date = page.front.date.map(|d| d.to_string()).unwrap_or_default();
        let date_ok = !key.date.is_empty() && date == key.date;
        let author = page.front.author.clone().unwrap_or_default();
        let author_ok = !key.author.is_empty() && normalise(&author).contains(&normalise(&key.author));
        let wire = page.front.wire.as_ref().map(|w| w.get_ref().clone()).unwrap_or_default();
        let wire_ok = !key.wire.is_empty()
            && config.outlets.get(&wire).is_some_and(|o| normalise(&o.name).contains(&normalise(&key.wire)));
        t.chrome_left += chrome_left.len();
        t.chrome_total += key.chrome_lines.len();
        t.lines_lost += lost.len();
        t.lines_total += key.article_lines.len();
        if !key.title.is_empty() {
            t.titles_total += 1;
            t.titles_right += usize::from(title_ok);
        }
        if !key.date.is_empty() {
            t.dates_stated += 1;
            t.dates_right += usize::from(date_ok);
        }
        if !key.author.is_empty() {
            t.authors_stated += 1;
            t.authors_right += usize::from(author_ok);
        }
        if !key.wire.is_empty() {
            t.wires_stated += 1;
            t.wires_right += usize::from(wire_ok);
        }
        let mark = |stated: bool, ok: bool| {
            if !stated {
                "-"
            } else if ok {
                "ok"
            } else {
                "NO"
            }
        };
        println!(
            "{:<34} {:>7} {:>3}/{:<2} {:>3}/{:<2} {:>5} {:>5} {:>6} {:>5}",
            key.file,
            verdict,
            chrome_left.len(),
            key.chrome_lines.len(),
            lost.len(),
            key.article_lines.len(),
            mark(!key.title.is_empty(), title_ok),
            mark(!key.date.is_empty(), date_ok),
            mark(!key.author.is_empty(), author_ok),
            mark(!key.wire.is_empty(), wire_ok),
        );
        if std::env::var_os("SCORE_VERBOSE").is_some() {
            println!(
                "    outlet {outlet} (expected {expected:?}) title {:?} date {date:?} author {author:?} wire {wire:?}",
                page.front.title
            );
            println!("    chrome left: {chrome_left:?}  lines lost: {lost:?}");
        }
    }
    let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
    println!("\n{} articles ({split})", t.articles);
    println!(
        "outlets: {} right, {} unknown, {} wrong; in the registry: {}/{} identified ({:.0}%)",
        t.outlet_right,
        t.outlet_unknown,
        t.outlet_wrong,
        t.in_registry_right,
        t.in_registry,
        pct(t.in_registry_right, t.in_registry)
    );
    println!(
        "chrome lines left: {} of {} ({:.1} per 10 articles)",
        t.chrome_left,
        t.chrome_total,
        10.0 * t.chrome_left as f64 / t.articles.max(1) as f64
    );
    println!("article lines lost: {} of {}", t.lines_lost, t.lines_total);
    println!("titles right: {}/{} ({:.0}%)", t.titles_right, t.titles_total, pct(t.titles_right, t.titles_total));
    println!("dates right: {}/{} stated ({:.0}%)", t.dates_right, t.dates_stated, pct(t.dates_right, t.dates_stated));
    println!("authors right: {}/{} stated", t.authors_right, t.authors_stated);
    println!("wires right: {}/{} credited", t.wires_right, t.wires_stated);
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["hash", raw, out] => make_keys(Path::new(raw), Path::new(out)),
        ["score", keys, corpus] => score(Path::new(keys), Path::new(corpus), "all"),
        ["score", keys, corpus, split] => score(Path::new(keys), Path::new(corpus), split),
        _ => {
            eprintln!("usage: score_ingest hash RAW_KEYS OUT | score KEYS CORPUS_DIR [tune|eval|all]");
            std::process::exit(2);
        }
    }
}
