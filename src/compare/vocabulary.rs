//! Distinctive vocabulary of each outlet against the others: the log-odds
//! ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
//! "Fightin' Words"), with z-scores, over Snowball-stemmed words without
//! stop words. Pure.
//!
//! For a word w, outlet i and the rest j, with prior counts a_w drawn from
//! the whole briefing (a_w = A0 * y_w / n, A0 = prior_mass(n)):
//!   d_w = ln((y_wi + a_w) / (n_i + A0 - y_wi - a_w)) - ln((y_wj + a_w) / (n_j + A0 - y_wj - a_w))
//!   z_w = d_w / sqrt(1 / (y_wi + a_w) + 1 / (y_wj + a_w))

use crate::annotate::Annotated;
use crate::compare::Source;
use crate::config::UNKNOWN_OUTLET;
use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Strength of the prior, in words: a tenth of the briefing, between 10 and
/// 1,000, so a small briefing is not swamped by its own prior and a large
/// one still shrinks rare words.
pub fn prior_mass(n: f64) -> f64 {
    (n * 0.1).clamp(10.0, 1000.0)
}
/// Words an outlet must use at least this often to be listed.
pub const MIN_COUNT: u32 = 2;
/// Listed words per outlet.
pub const TOP: usize = 12;
/// Past this many groups, sources of unidentified outlets are pooled.
const MAX_GROUPS: usize = 50;

#[derive(Debug, Serialize)]
pub struct Term {
    /// The form the outlet uses most for this stem.
    pub word: String,
    pub stem: String,
    pub count: u32,
    pub z: f64,
    /// A source of the outlet where the word appears (the first in order).
    pub example: String,
}

#[derive(Debug, Serialize)]
pub struct Distinctive {
    /// Outlet id, `unknown:<source>` for one unidentified source, or
    /// `unknown` for all of them pooled.
    pub group: String,
    pub name: String,
    pub sources: Vec<String>,
    pub words: usize,
    pub terms: Vec<Term>,
}

/// Per stem: occurrences, and per written form its occurrences and the
/// first source (by index) using it.
type Counts = HashMap<String, (u32, HashMap<String, (u32, usize)>)>;

/// Word counts before stemming, keyed by (is English, lowercase word):
/// stemming each distinct word once, not each occurrence, is most of the
/// saving at 10,000 sources.
type Words = HashMap<(bool, String), (u32, usize)>;

/// Counts the words of page number `index`.
fn count_page(a: &Annotated, language: &str, index: usize, into: &mut Words) {
    let english = language == "en";
    let stop = stop_list(english);
    for token in a.plain.split(|c: char| !c.is_alphanumeric()) {
        if token.len() < 3 || token.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let word = token.to_lowercase();
        if word.chars().count() < 3 || stop.contains(word.as_str()) {
            continue;
        }
        let entry = into.entry((english, word)).or_insert((0, index));
        entry.0 += 1;
        entry.1 = entry.1.min(index);
    }
}

fn stop_list(english: bool) -> &'static HashSet<&'static str> {
    static EN: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    static FR: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    let (cell, code) = if english { (&EN, "en") } else { (&FR, "fr") };
    cell.get_or_init(|| stop_words::lookup(code).unwrap_or(&[]).iter().copied().collect())
}

fn merge_words(into: &mut Words, from: Words) {
    for (key, (n, first)) in from {
        let entry = into.entry(key).or_insert((0, first));
        entry.0 += n;
        entry.1 = entry.1.min(first);
    }
}

pub fn distinctive(pages: &[&Annotated], sources: &[Source]) -> Vec<Distinctive> {
    let groups_count = sources.iter().map(|s| group_of(s, true)).collect::<HashSet<_>>().len();
    let split_unknown = groups_count <= MAX_GROUPS;
    // Counted straight into each group (at most MAX_GROUPS + outlets), in
    // parallel: keeping every page's counts cost hundreds of MB at 10,000.
    let words: HashMap<String, Words> = pages
        .par_iter()
        .zip(sources.par_iter())
        .enumerate()
        .fold(HashMap::new, |mut acc: HashMap<String, Words>, (i, (a, s))| {
            count_page(a, &s.language, i, acc.entry(group_of(s, split_unknown)).or_default());
            acc
        })
        .reduce(HashMap::new, |mut a, b| {
            for (group, counts) in b {
                merge_words(a.entry(group).or_default(), counts);
            }
            a
        });
    let distinct: HashSet<&(bool, String)> = words.values().flat_map(|w| w.keys()).collect();
    let (english, french) = (Stemmer::create(Algorithm::English), Stemmer::create(Algorithm::French));
    let stems: HashMap<&(bool, String), String> = distinct
        .into_iter()
        .map(|key| (key, if key.0 { &english } else { &french }.stem(&key.1).into_owned()))
        .collect();
    let by_group: HashMap<String, Counts> = words
        .iter()
        .map(|(group, words)| {
            let mut counts = Counts::new();
            for (key, &(n, first)) in words {
                let entry = counts.entry(stems[key].clone()).or_default();
                entry.0 += n;
                let form = entry.1.entry(key.1.clone()).or_insert((0, first));
                form.0 += n;
                form.1 = form.1.min(first);
            }
            (group.clone(), counts)
        })
        .collect();
    let mut total: HashMap<&str, u32> = HashMap::new();
    let mut n_total = 0u64;
    for counts in by_group.values() {
        for (stem, (n, _)) in counts {
            *total.entry(stem).or_default() += n;
            n_total += u64::from(*n);
        }
    }
    let mut groups: BTreeMap<String, (String, Vec<String>, &Counts)> = BTreeMap::new();
    for s in sources {
        let key = group_of(s, split_unknown);
        let Some(counts) = by_group.get(&key) else { continue };
        let name = if key == UNKNOWN_OUTLET {
            "Unidentified outlets".to_owned()
        } else if s.outlet == UNKNOWN_OUTLET {
            format!("Unidentified: {}", crate::render::shorten_str(&s.title, 50))
        } else {
            s.outlet_name.clone()
        };
        groups.entry(key).or_insert_with(|| (name, Vec::new(), counts)).1.push(s.slug.clone());
    }
    if groups.len() < 2 || n_total == 0 {
        return Vec::new();
    }
    let n_all = n_total as f64;
    let a0 = prior_mass(n_all);
    groups
        .into_iter()
        .map(|(group, (name, members, counts))| {
            let n_i: f64 = counts.values().map(|(n, _)| f64::from(*n)).sum();
            let n_j = n_all - n_i;
            let mut terms: Vec<Term> = counts
                .iter()
                .filter(|(_, (n, _))| *n >= MIN_COUNT)
                .map(|(stem, (y_i, forms))| {
                    let y_i = f64::from(*y_i);
                    let y_w = f64::from(total[stem.as_str()]);
                    let y_j = y_w - y_i;
                    let a_w = a0 * y_w / n_all;
                    let d = ((y_i + a_w) / (n_i + a0 - y_i - a_w)).ln() - ((y_j + a_w) / (n_j + a0 - y_j - a_w)).ln();
                    let z = d / (1.0 / (y_i + a_w) + 1.0 / (y_j + a_w)).sqrt();
                    let (word, first) = forms
                        .iter()
                        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.0.cmp(a.0)))
                        .map(|(w, (_, first))| (w.clone(), *first))
                        .unwrap_or_default();
                    let example = sources.get(first).map(|s| s.slug.clone()).unwrap_or_default();
                    Term { word, stem: stem.clone(), count: y_i as u32, z: (z * 100.0).round() / 100.0, example }
                })
                .filter(|t| t.z > 1.96)
                .collect();
            terms.sort_by(|a, b| b.z.total_cmp(&a.z).then_with(|| a.stem.cmp(&b.stem)));
            terms.truncate(TOP);
            Distinctive { group, name, sources: members, words: n_i as usize, terms }
        })
        .collect()
}

fn group_of(s: &Source, split_unknown: bool) -> String {
    if s.outlet == UNKNOWN_OUTLET && split_unknown {
        format!("{UNKNOWN_OUTLET}:{}", s.slug)
    } else {
        s.outlet.clone()
    }
}
