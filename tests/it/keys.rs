//! Scoring quotes (with their speakers) and figures against the hand-made
//! answer keys of `tests/keys/quotes_figures.toml`, as `tests/keys/GUIDE.md`
//! defines them. Shared by the test suite and `examples/score_findings.rs`.
//!
//! The keys hold no article text: each finding is a character range of its
//! article, whose text comes from the shared corpus (the benchmark's human
//! article texts; Mozilla Readability's French pages) or from a corpus kept
//! outside the repository.

#![allow(dead_code)]

use parallax::config::Config;
use parallax::fold::fold;
use parallax::page::Page;
use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, Deserialize, Serialize)]
pub struct Keys {
    pub article: Vec<Article>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Article {
    /// `zyte:<key>`, `readability:<page>` or `own:<path under the corpus>`.
    pub id: String,
    pub split: String,
    pub language: String,
    pub outlet: String,
    /// The first 16 hex digits of the text's blake3 hash, to tell a text
    /// that changed from a key that is wrong.
    pub text_hash: String,
    #[serde(default)]
    pub quote: Vec<KeyQuote>,
    #[serde(default)]
    pub figure: Vec<KeyFigure>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct KeyQuote {
    /// Character range in the article text.
    pub at: [usize; 2],
    pub speaker: String,
    /// direct | fragment | scare
    pub kind: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct KeyFigure {
    pub at: [usize; 2],
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    #[serde(default)]
    pub approximate: bool,
    #[serde(default)]
    pub vague: bool,
    pub counts: String,
}

pub fn text_hash(text: &str) -> String {
    blake3::hash(text.as_bytes()).to_hex()[..16].to_owned()
}

/// The text of a Readability test page's article, block by block as the
/// keys were made: the innermost `p`, `h1`–`h6`, `li` and `blockquote`
/// elements, each one's text with ASCII white space collapsed.
pub fn readability_text(expected_html: &str) -> String {
    const BLOCKS: &[&str] = &["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"];
    let doc = scraper::Html::parse_document(expected_html);
    let mut out = Vec::new();
    for node in doc.tree.root().descendants() {
        let Some(element) = node.value().as_element() else { continue };
        if !BLOCKS.contains(&element.name()) {
            continue;
        }
        let inner =
            node.descendants().skip(1).any(|d| d.value().as_element().is_some_and(|e| BLOCKS.contains(&e.name())));
        if inner {
            continue;
        }
        let text: String = node.descendants().filter_map(|d| d.value().as_text().map(|t| t.to_string())).collect();
        let text = text.split([' ', '\t', '\r', '\n']).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            out.push(text);
        }
    }
    format!("{}\n", out.join("\n\n"))
}

/// The text of an article of the keys, if it can be had here.
pub fn article_text(id: &str, shared: &Path, own: Option<&Path>) -> Option<String> {
    if let Some(key) = id.strip_prefix("zyte:") {
        let truth: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(shared.join("zyte/ground-truth.json")).ok()?).ok()?;
        return truth[key]["articleBody"].as_str().map(str::to_owned);
    }
    if let Some(page) = id.strip_prefix("readability:") {
        let html = std::fs::read_to_string(shared.join("readability").join(page).join("expected.html")).ok()?;
        return Some(readability_text(&html));
    }
    let rel = id.strip_prefix("own:")?;
    std::fs::read_to_string(own?.join(rel)).ok()
}

/// What parallax finds in an article's text, with no actor configured: the
/// text made into a content page (one paragraph per block) and annotated.
pub struct Found {
    pub plain: String,
    pub quotes: Vec<parallax::annotate::Quote>,
    pub figures: Vec<parallax::annotate::figures::Figure>,
}

pub fn find(text: &str, language: &str, config: &Config) -> Found {
    let body: Vec<String> = text
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .map(|p| parallax::markdown::escape_text(&p))
        .collect();
    let page = format!(
        "+++\ntitle = \"Scored\"\noutlet = \"unknown\"\nlanguage = \"{language}\"\n+++\n\n{}\n",
        body.join("\n\n")
    );
    let page = Page::parse(Path::new("content/sources/scored.md"), page).expect("a valid page");
    let (annotated, _) = parallax::annotate::annotate(page, config);
    // Speakers by the name a reader sees, not by their id.
    let quotes = annotated
        .quotes
        .iter()
        .map(|q| {
            let mut q = q.clone();
            q.speaker = q.speaker.as_deref().map(|id| annotated.actor_name(id, config).unwrap_or(id).to_owned());
            q
        })
        .collect();
    Found { plain: annotated.plain.clone(), quotes, figures: annotated.figures.clone() }
}

/// The byte range in `plain` of the text the key marks at characters
/// `at` of `text`: the same occurrence of the same words.
pub fn locate(text: &str, at: [usize; 2], plain: &str) -> Option<(usize, usize)> {
    let start = text.char_indices().nth(at[0]).map(|(i, _)| i)?;
    let end = text.char_indices().nth(at[1]).map_or(text.len(), |(i, _)| i);
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let needle = words(&text[start..end]);
    if needle.is_empty() {
        return None;
    }
    let nth = words(&text[..start]).matches(needle.as_str()).count()
        + usize::from(text[..start].ends_with(char::is_whitespace) && false);
    let mut found = plain.match_indices(needle.as_str());
    found.nth(nth).or_else(|| plain.match_indices(needle.as_str()).last()).map(|(i, _)| (i, i + needle.len()))
}

fn word_set(s: &str) -> Vec<String> {
    fold(s).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// Whether two passages are the same quote: they overlap, or share at least
/// half of the shorter one's words.
fn same_passage(a: (usize, usize), b: (usize, usize), a_text: &str, b_text: &str) -> bool {
    if a.0 < b.1 && b.0 < a.1 {
        return true;
    }
    let (x, y) = (word_set(a_text), word_set(b_text));
    let shared = x.iter().filter(|w| y.contains(w)).count();
    !x.is_empty() && !y.is_empty() && shared * 2 >= x.len().min(y.len()) && shared >= 2
}

/// Whether the system's speaker is the key's: the same name, or a part of
/// it ("Voss" for "Anna Voss"), ignoring case and accents.
pub fn same_speaker(found: &str, key: &str) -> bool {
    let (f, k) = (word_set(found), word_set(key));
    !f.is_empty() && (f.iter().all(|w| k.contains(w)) || k.iter().all(|w| f.contains(w)))
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// Precision and recall with their 95% Wilson intervals.
    pub fn describe(&self) -> String {
        let (p, pl, ph) = wilson(self.tp, self.tp + self.fp);
        let (r, rl, rh) = wilson(self.tp, self.tp + self.fn_);
        format!(
            "precision {p:.2} [{pl:.2}–{ph:.2}] ({}/{}), recall {r:.2} [{rl:.2}–{rh:.2}] ({}/{})",
            self.tp,
            self.tp + self.fp,
            self.tp,
            self.tp + self.fn_
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// A proportion and its 95% Wilson score interval.
pub fn wilson(k: usize, n: usize) -> (f64, f64, f64) {
    if n == 0 {
        return (0.0, 0.0, 1.0);
    }
    let (k, n, z) = (k as f64, n as f64, 1.96f64);
    let p = k / n;
    let centre = (p + z * z / (2.0 * n)) / (1.0 + z * z / n);
    let half = z * ((p * (1.0 - p) + z * z / (4.0 * n)) / n).sqrt() / (1.0 + z * z / n);
    (p, (centre - half).max(0.0), (centre + half).min(1.0))
}

/// One article's quote score. A found quote that matches a key quote with
/// the right speaker (or no speaker where the key has none) is a true
/// positive; with a wrong speaker, a false positive and a miss; with none
/// where the key has one, a miss. A found quote with a speaker on scare
/// quotes, and found quotes matching nothing, are false positives. Key
/// quotes nothing matches are misses. `log` gets a line per error.
pub fn score_quotes(text: &str, key: &Article, found: &Found, log: &mut Vec<String>) -> Counts {
    let mut c = Counts::default();
    let name = |s: &Option<String>| s.clone().unwrap_or_default();
    let keys: Vec<(Option<(usize, usize)>, &KeyQuote)> =
        key.quote.iter().map(|q| (locate(text, q.at, &found.plain), q)).collect();
    let context = std::env::var_os("SCORE_CONTEXT").is_some();
    let key_text = |q: &KeyQuote| -> String {
        let (from, to) = if context { (q.at[0].saturating_sub(140), q.at[1] + 100) } else { (q.at[0], q.at[1]) };
        text.chars().skip(from).take(to - from).collect::<String>().replace('\n', " / ")
    };
    let mut used = vec![false; found.quotes.len()];
    for (span, kq) in &keys {
        let m = span.and_then(|span| {
            let own: String = text.chars().skip(kq.at[0]).take(kq.at[1] - kq.at[0]).collect();
            // A quote at the key's place first; one with the same words
            // elsewhere (the text moved by ingest) only if none is.
            let overlap = |q: &parallax::annotate::Quote| span.0 < q.end && q.start < span.1;
            let free = || found.quotes.iter().enumerate().filter(|(i, _)| !used[*i]);
            if found.quotes.iter().any(overlap) {
                free().find(|(_, q)| overlap(q))
            } else {
                free().find(|(_, q)| same_passage(span, (q.start, q.end), &own, &q.text))
            }
        });
        let Some((i, q)) = m else {
            if kq.kind != "scare" {
                c.fn_ += 1;
                log.push(format!("missed «{}» ({})", key_text(kq), kq.speaker));
            }
            continue;
        };
        used[i] = true;
        let speaker = q.speaker.as_deref().map(|s| s.to_owned());
        match (kq.kind.as_str(), speaker.as_deref(), kq.speaker.as_str()) {
            ("scare", None, _) => {}
            ("scare", Some(s), _) => {
                c.fp += 1;
                log.push(format!("scare quote given to {s}: «{}»", key_text(kq)));
            }
            (_, None, "") => c.tp += 1,
            (_, None, k) => {
                c.fn_ += 1;
                log.push(format!("no speaker (key: {k}) for «{}»", key_text(kq)));
            }
            (_, Some(s), "") => {
                c.fp += 1;
                log.push(format!("speaker {s} where the text gives none: «{}»", key_text(kq)));
            }
            (_, Some(s), k) if same_speaker(s, k) => c.tp += 1,
            (_, Some(s), k) => {
                c.fp += 1;
                c.fn_ += 1;
                log.push(format!("wrong speaker {s} (key: {k}) for «{}»", key_text(kq)));
            }
        }
        let _ = name(&speaker);
    }
    for (i, q) in found.quotes.iter().enumerate() {
        if !used[i] && !q.reported {
            c.fp += 1;
            log.push(format!("not a quote in the key: «{}» ({:?})", q.text, q.speaker));
        }
    }
    c
}

/// One article's figure score: a found figure overlapping a key figure is
/// right when its bounds are the key's (within 0.5 %; an omitted bound must
/// be omitted; only the lower one for vague figures), else a false positive
/// and a miss; found figures overlapping no key figure are false positives,
/// key figures no found one overlaps are misses.
pub fn score_figures(text: &str, key: &Article, found: &Found, log: &mut Vec<String>) -> Counts {
    let mut c = Counts::default();
    let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => (a - b).abs() <= 0.005 * b.abs().max(1e-9),
        _ => false,
    };
    let key_text = |f: &KeyFigure| -> String { text.chars().skip(f.at[0]).take(f.at[1] - f.at[0]).collect() };
    let mut used = vec![false; found.figures.len()];
    for kf in &key.figure {
        let Some(span) = locate(text, kf.at, &found.plain) else {
            c.fn_ += 1;
            log.push(format!("figure not located: {}", key_text(kf)));
            continue;
        };
        let m = found.figures.iter().enumerate().find(|(i, f)| !used[*i] && f.start < span.1 && span.0 < f.end);
        let Some((i, f)) = m else {
            c.fn_ += 1;
            log.push(format!("missed figure «{}»", key_text(kf)));
            continue;
        };
        used[i] = true;
        let right = close(f.low, kf.low) && (kf.vague || close(f.high, kf.high));
        if right {
            c.tp += 1;
        } else {
            c.fp += 1;
            c.fn_ += 1;
            log.push(format!(
                "figure «{}» read {:?}–{:?}, key {:?}–{:?}{}",
                key_text(kf),
                f.low,
                f.high,
                kf.low,
                kf.high,
                if kf.vague { " (vague)" } else { "" }
            ));
        }
    }
    for (i, f) in found.figures.iter().enumerate() {
        if !used[i] {
            c.fp += 1;
            log.push(format!("not a figure in the key: «{}»", f.text));
        }
    }
    c
}
