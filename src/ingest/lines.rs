//! A second opinion on each line of a scraped page: a small model of
//! gradient-boosted trees, learnt from hand-labelled dumps of real news
//! pages, that says how likely a line is site chrome rather than the
//! article, from the line's own form (length, punctuation, capitals, links,
//! function words), its place (inside or outside the article's run of
//! paragraphs, its neighbours) and what the rules of `clean` made of it.
//!
//! The rules decide; the model only overrides them where it is confident:
//! a line the rules kept that the model calls chrome is set aside as
//! `site-text` (kept in `[[removed]]`), and a line the rules set aside as
//! mere layout (navigation, outside the article, after it) that the model
//! calls article text is put back. The trees are data (`data/lines.model`,
//! compiled in), made by `examples/line_model.py` from the labelled lines
//! that `examples/line_data.rs` writes; nothing is learnt or downloaded at
//! run time.

use crate::fold::fold;
use crate::text::word_count;
use std::sync::{Mutex, OnceLock};

/// What `clean` knows of one line when it asks for a second opinion.
#[derive(Debug, Clone, Copy, Default)]
pub struct Facts<'a> {
    pub text: &'a str,
    /// The rules' verdict: `None` kept, else the kind of chrome.
    pub kind: Option<&'static str>,
    /// Running text of ordinary words (`clean`'s `good`).
    pub good: bool,
    pub list_item: bool,
    pub link_led: bool,
    /// Under a bullet of a list, indented (a list of teasers or comments).
    pub listed: bool,
    pub date_line: bool,
    pub byline: bool,
    pub heading_like: bool,
    pub fragment: bool,
    pub indent: usize,
    pub table: bool,
    /// How many lines the dump's block holding this line has.
    pub block_lines: usize,
    /// Scraped text, not the blocks an extractor took from a web page.
    pub scraped: bool,
}

/// The kinds the rules give for a line's place rather than its form: the
/// model may put such a line back into the article.
pub const SOFT: &[&str] = &["navigation", "outside-article", "after-article", "related-link", "widget-fragment"];

/// Of those, the kinds the model may undo, on a line no further down than
/// the article's last paragraph: not a line after the end the rules found
/// for the article (a rights notice, a comment section's or a link box's
/// heading), which no form of its own brings back.
const RESTORABLE: &[&str] = &["navigation", "outside-article", "widget-fragment"];

/// The number of features.
pub const FEATURES: usize = 41;

const COMMON: &[&str] = &[
    "le", "la", "les", "de", "des", "du", "un", "une", "et", "a", "en", "dans", "pour", "que", "qui", "sur", "par",
    "est", "au", "aux", "il", "elle", "ont", "ne", "pas", "se", "sa", "son", "ses", "the", "of", "and", "to", "in",
    "that", "is", "was", "for", "on", "with", "by", "as", "at", "from", "has", "have", "said", "it", "are", "be", "he",
    "she", "they", "had", "were", "but", "not", "this", "an",
];

/// A page's lines with what their features share: the article's run of
/// paragraphs as the rules found it, the headline, how often each line's
/// text occurs, the median length of running text and the words of the
/// headline.
pub struct Page<'a> {
    lines: &'a [Facts<'a>],
    run: Option<(usize, usize)>,
    title: Option<usize>,
    occurs: std::collections::HashMap<&'a str, usize>,
    median: usize,
    title_words: Vec<String>,
    words_in_run: usize,
}

impl<'a> Page<'a> {
    pub fn new(lines: &'a [Facts<'a>], run: Option<(usize, usize)>, title: Option<usize>) -> Page<'a> {
        let mut occurs = std::collections::HashMap::new();
        for l in lines {
            *occurs.entry(l.text).or_insert(0) += 1;
        }
        let mut lengths: Vec<usize> = lines.iter().filter(|x| x.good).map(|x| x.text.len()).collect();
        lengths.sort_unstable();
        let median = lengths.get(lengths.len() / 2).copied().unwrap_or(0);
        let title_words = title.and_then(|h| lines.get(h)).map_or(Vec::new(), |h| {
            fold(h.text).split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 2).map(str::to_owned).collect()
        });
        let words_in_run =
            run.map_or(0, |(s, e)| (s..=e).filter(|&j| lines[j].good).map(|j| word_count(lines[j].text)).sum());
        Page { lines, run, title, occurs, median, title_words, words_in_run }
    }
}

/// The features of line `i` of the page.
pub fn features(page: &Page, i: usize) -> [f32; FEATURES] {
    let Page { lines, run, title, .. } = *page;
    let n = lines.len().max(1);
    let l = &lines[i];
    let t = l.text.trim();
    let f = fold(t);
    let words: Vec<&str> = f.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let wc = words.len();
    let raw_words: Vec<&str> = t.split_whitespace().collect();
    let upper = raw_words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    let chars = t.chars().count().max(1);
    let digits = t.chars().filter(char::is_ascii_digit).count();
    let common = words.iter().filter(|w| COMMON.contains(w)).count();
    let b = |x: bool| if x { 1.0 } else { 0.0 };
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f32 / b as f32 };
    let (inside, before, after) = match run {
        Some((s, _)) if i < s => (0.0, ((s - i) as f32).ln_1p(), 0.0),
        Some((_, e)) if i > e => (0.0, 0.0, ((i - e) as f32).ln_1p()),
        Some(_) => (1.0, 0.0, 0.0),
        None => (0.0, 0.0, 0.0),
    };
    let good_at = |j: Option<usize>| j.and_then(|j| lines.get(j)).map_or(0.0, |x| b(x.good));
    let kept_at = |j: Option<usize>| j.and_then(|j| lines.get(j)).map_or(0.0, |x| b(x.kind.is_none()));
    let window = i.saturating_sub(3)..(i + 4).min(lines.len());
    let density = ratio(window.clone().filter(|&j| j != i && lines[j].good).count(), window.len().saturating_sub(1));
    let recurs = page.occurs.get(l.text).map_or(0, |n| n - 1);
    let soft = l.kind.is_some_and(|k| SOFT.contains(&k));
    let hard = l.kind.is_some() && !soft;
    let mean_word = ratio(words.iter().map(|w| w.len()).sum(), wc);
    let link_marks =
        t.contains("http") || t.contains("www.") || t.starts_with(">>") || t.contains("[") && t.contains(']');
    let bars = t.matches(" | ").count() + t.matches(" · ").count() + t.matches(" / ").count();
    let in_title = words.iter().filter(|w| w.len() > 2 && page.title_words.iter().any(|t| t == *w)).count();
    let long_words = words.iter().filter(|w| w.len() > 2).count();
    // (Counted up to 64 lines away.)
    let nearest_good = (1..64)
        .find(|&d| i.checked_sub(d).is_some_and(|j| lines[j].good) || lines.get(i + d).is_some_and(|x| x.good))
        .unwrap_or(64);
    let sandwiched = (0..i).rev().find(|&j| lines[j].kind.is_none()).is_some_and(|j| lines[j].good)
        && (i + 1..lines.len()).find(|&j| lines[j].kind.is_none()).is_some_and(|j| lines[j].good);
    [
        (wc as f32).ln_1p(),
        (chars as f32).ln_1p(),
        b(t.ends_with(['.', '!', '?', '»', '"', '”'])),
        b(t.ends_with(':')),
        ratio(upper, raw_words.len()),
        ratio(digits, chars),
        b(link_marks),
        b(l.list_item),
        b(l.link_led),
        b(l.listed),
        ratio(common, wc),
        b(l.good),
        b(l.kind.is_none()),
        inside,
        before,
        after,
        i as f32 / n as f32,
        good_at(i.checked_sub(1)),
        good_at(Some(i + 1)),
        kept_at(i.checked_sub(1)),
        kept_at(Some(i + 1)),
        (l.indent.min(20) as f32),
        b(l.table),
        (l.block_lines as f32).ln_1p(),
        (recurs as f32).min(5.0),
        b(l.date_line),
        b(l.byline),
        b(l.heading_like),
        b(l.fragment),
        density,
        b(soft),
        b(hard),
        mean_word,
        bars as f32,
        b(title.is_some_and(|h| i < h)),
        (page.words_in_run as f32).ln_1p(),
        ratio(in_title, long_words),
        (nearest_good as f32).ln_1p(),
        b(sandwiched),
        ratio(t.len(), page.median.max(1)).min(4.0),
        b(l.scraped),
    ]
}

/// One labelled line for training: what `line_data` collects.
#[derive(Debug, Clone)]
pub struct Row {
    pub text: String,
    pub features: [f32; FEATURES],
    pub kind: Option<&'static str>,
}

/// Where `clean` records every line's features while a training set is
/// being made (`examples/line_data.rs`); `None` otherwise.
pub static LOG: Mutex<Option<Vec<Row>>> = Mutex::new(None);

/// Records the lines for training, if a log is open.
fn log(page: &Page) {
    let Ok(mut log) = LOG.lock() else { return };
    if let Some(rows) = log.as_mut() {
        for (i, l) in page.lines.iter().enumerate() {
            rows.push(Row { text: l.text.to_owned(), features: features(page, i), kind: l.kind });
        }
    }
}

/// A regression tree: internal nodes split on a feature; leaves hold a value.
struct Tree {
    /// (feature, threshold, left, right) for splits; `feature == usize::MAX`
    /// for a leaf, whose value is `threshold`.
    nodes: Vec<(usize, f32, usize, usize)>,
}

struct Model {
    base: f32,
    trees: Vec<Tree>,
}

const MODEL: &str = include_str!("../../data/lines.model");

/// Parses the compiled-in model: a line `base V`, then one line per node,
/// `T N F THRESHOLD LEFT RIGHT` for a split and `T N leaf VALUE` for a leaf
/// (tree T, node N, nodes of a tree in order).
fn model() -> Option<&'static Model> {
    static M: OnceLock<Option<Model>> = OnceLock::new();
    M.get_or_init(|| {
        let mut base = None;
        let mut trees: Vec<Tree> = Vec::new();
        for line in MODEL.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            let parts: Vec<&str> = line.split_whitespace().collect();
            match parts.as_slice() {
                ["base", v] => base = v.parse().ok(),
                [t, _, "leaf", v] => {
                    let t: usize = t.parse().ok()?;
                    while trees.len() <= t {
                        trees.push(Tree { nodes: Vec::new() });
                    }
                    trees[t].nodes.push((usize::MAX, v.parse().ok()?, 0, 0));
                }
                [t, _, f, th, l, r] => {
                    let t: usize = t.parse().ok()?;
                    while trees.len() <= t {
                        trees.push(Tree { nodes: Vec::new() });
                    }
                    let node = (f.parse().ok()?, th.parse().ok()?, l.parse().ok()?, r.parse().ok()?);
                    (node.0 < FEATURES).then_some(())?;
                    trees[t].nodes.push(node);
                }
                _ => return None,
            }
        }
        // Every child a node points at exists, and lies after it (no loop).
        for tree in &trees {
            for (k, &(f, _, l, r)) in tree.nodes.iter().enumerate() {
                if f != usize::MAX && !(l > k && r > k && l < tree.nodes.len() && r < tree.nodes.len()) {
                    return None;
                }
            }
            tree.nodes.first()?;
        }
        Some(Model { base: base?, trees })
    })
    .as_ref()
}

/// How likely the line with these features is chrome, from 0 to 1; `None`
/// when no model is compiled in.
pub fn chrome_probability(x: &[f32; FEATURES]) -> Option<f32> {
    let m = model()?;
    let mut score = m.base;
    for tree in &m.trees {
        let mut k = 0;
        loop {
            let (f, th, l, r) = tree.nodes[k];
            if f == usize::MAX {
                score += th;
                break;
            }
            k = if x[f] <= th { l } else { r };
        }
    }
    Some(1.0 / (1.0 + (-score).exp()))
}

/// Above this, a line the rules kept is chrome.
pub const REMOVE_ABOVE: f32 = 0.95;
/// Below this, a line the rules set aside for its place is article text.
pub const RESTORE_BELOW: f32 = 0.05;

/// The model's verdicts on `lines`: for each, `Some(true)` to set it
/// aside, `Some(false)` to put it back, `None` to leave the rules' verdict.
pub fn second_opinion(lines: &[Facts], run: Option<(usize, usize)>, title: Option<usize>) -> Vec<Option<bool>> {
    let page = Page::new(lines, run, title);
    log(&page);
    let mut verdicts: Vec<Option<bool>> = (0..lines.len())
        .map(|i| {
            if Some(i) == title {
                return None;
            }
            let l = &lines[i];
            let soft = l.kind.is_some_and(|k| SOFT.contains(&k));
            if !l.scraped || l.kind.is_some() && !soft {
                return None;
            }
            let p = chrome_probability(&features(&page, i))?;
            match l.kind {
                None if p > REMOVE_ABOVE => Some(true),
                Some(k) if p < RESTORE_BELOW && RESTORABLE.contains(&k) && run.is_some_and(|(_, e)| i <= e) => {
                    Some(false)
                }
                _ => None,
            }
        })
        .collect();
    // A list is set aside whole: when the model sets aside two items or
    // more of a run of short items the rules kept (a menu), or half of
    // them, the rest of the run goes with them.
    let item = |i: usize| lines[i].list_item && lines[i].kind.is_none() && !lines[i].good && Some(i) != title;
    let mut i = 0;
    while i < lines.len() {
        if !item(i) {
            i += 1;
            continue;
        }
        let end = (i..lines.len()).find(|&j| !item(j)).unwrap_or(lines.len());
        let out = verdicts[i..end].iter().filter(|v| **v == Some(true)).count();
        if out >= 2 || out * 2 >= end - i && out > 0 {
            verdicts[i..end].iter_mut().for_each(|v| *v = Some(true));
        }
        i = end;
    }
    // The model never empties an article: with no running text left, it
    // sets nothing aside.
    let left = (0..lines.len()).any(|i| lines[i].good && lines[i].kind.is_none() && verdicts[i] != Some(true));
    if !left {
        verdicts.iter_mut().filter(|v| **v == Some(true)).for_each(|v| *v = None);
    }
    verdicts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_model_parses() {
        assert!(model().is_some_and(|m| m.trees.len() >= 10), "data/lines.model does not parse");
    }

    fn fact<'a>(text: &'a str, kind: Option<&'static str>, good: bool) -> Facts<'a> {
        Facts {
            text,
            kind,
            good,
            heading_like: !good,
            fragment: !good && word_count(text) <= 3,
            scraped: true,
            ..Facts::default()
        }
    }

    // What the model does on real pages is scored in
    // `tests/it/extraction.rs` (the extraction benchmark's pages dumped to
    // text); these are the guarantees that hold whatever it learnt.
    #[test]
    fn the_model_never_empties_an_article_nor_undoes_its_end() {
        // One short line, kept: whatever the model thinks of it, it stays.
        let lines = [fact("Deep words.", None, false)];
        assert_eq!(second_opinion(&lines, None, None), vec![None]);
        // A sentence after the article's end (set aside for its place) is
        // not put back, however much it reads like the article.
        let para =
            "The council voted on Monday to close the old harbour bridge to all traffic while engineers repair it.";
        let lines = [
            fact(para, None, true),
            fact(para, None, true),
            fact("HOUSE RULES", Some("related-link"), false),
            fact(
                "The bridge will reopen in spring, the mayor said at a meeting with residents on Monday evening.",
                Some("outside-article"),
                true,
            ),
        ];
        assert_eq!(second_opinion(&lines, Some((0, 1)), None)[3], None);
        // Lines the rules set aside for their form (a copyright line, a
        // picture) are never put back.
        let lines =
            [fact(para, None, true), fact("© Harbour Gazette 2024", Some("copyright"), false), fact(para, None, true)];
        assert_eq!(second_opinion(&lines, Some((0, 2)), None)[1], None);
    }
}
