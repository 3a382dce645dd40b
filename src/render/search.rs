//! The search index, written at build time for the search page's script
//! (`static/search.js`): sources, claims, actors, outlets and quotes, by the
//! words of their titles, names and wording. Never a page's full text, so
//! the index stays proportionate to what the site lists.
//!
//! Files, all under `search/`, all deterministic JSON:
//! - `index.json`: the manifest: how documents are split into files, the
//!   term shards and the stop words left out of the index;
//! - `docs-N.json`: documents `N * DOCS_PER_FILE ..`, each
//!   `[kind, path from the site's root, label, detail]`;
//! - `terms-P.json`: every indexed term starting with `P` and the ids of the
//!   documents holding it. A shard past `SHARD_BYTES` is split by a longer
//!   prefix, so no file grows past that whatever the number of sources.
//!
//! Terms are folded as `crate::fold` does (lowercase, no accents) and split
//! at anything but letters and digits; the script does the same to a query.

use crate::annotate::Annotated;
use crate::compare::Comparison;
use crate::config::Config;
use crate::fold::fold;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Documents per `docs-N.json`: about 200 bytes each, so well under 1 MB.
pub const DOCS_PER_FILE: usize = 2000;
/// A terms shard larger than this is split by a longer prefix.
pub const SHARD_BYTES: usize = 256 * 1024;
/// Quotes longer than this are indexed and shown by their beginning.
const QUOTE_CHARS: usize = 200;

#[derive(Serialize)]
struct Manifest<'a> {
    version: u32,
    docs: usize,
    docs_per_file: usize,
    shards: Vec<String>,
    stop: &'a BTreeSet<String>,
}

/// One search result: what it is, where it is, what it shows.
type Doc = (&'static str, String, String, String);

/// Every file of the index: path relative to the output folder, bytes.
pub fn files(cmp: &Comparison, pages: &[&Annotated], config: &Config) -> Vec<(String, Vec<u8>)> {
    let docs = documents(cmp, pages, config);
    let stop = stop_words();
    let mut terms: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (id, (_, _, label, detail)) in docs.iter().enumerate() {
        let words: BTreeSet<String> = words(label).chain(words(detail)).filter(|w| !stop.contains(w)).collect();
        for w in words {
            terms.entry(w).or_default().push(id as u32);
        }
    }
    let mut out = Vec::new();
    let mut shards = Vec::new();
    shard(&terms, "", &mut shards, &mut out);
    for (n, chunk) in docs.chunks(DOCS_PER_FILE).enumerate() {
        out.push((format!("search/docs-{n}.json"), json(&chunk)));
    }
    let manifest = Manifest { version: 1, docs: docs.len(), docs_per_file: DOCS_PER_FILE, shards, stop: &stop };
    out.push(("search/index.json".into(), json(&manifest)));
    out
}

fn json<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec(value).expect("the index serialises");
    bytes.push(b'\n');
    bytes
}

/// Writes the terms under `prefix` as one shard, or as one shard per longer
/// prefix when they would not fit in `SHARD_BYTES`. Terms equal to the
/// prefix stay in the prefix's own shard.
fn shard(terms: &BTreeMap<String, Vec<u32>>, prefix: &str, names: &mut Vec<String>, out: &mut Vec<(String, Vec<u8>)>) {
    let under: BTreeMap<&String, &Vec<u32>> =
        terms.range(prefix.to_owned()..).take_while(|(t, _)| t.starts_with(prefix)).collect();
    if under.is_empty() {
        return;
    }
    let bytes = json(&under);
    if bytes.len() <= SHARD_BYTES || !prefix.is_empty() && under.len() == 1 {
        names.push(prefix.to_owned());
        out.push((format!("search/terms-{}.json", file_name(prefix)), bytes));
        return;
    }
    let longer: BTreeSet<String> = under
        .keys()
        .map(|t| t.chars().take(prefix.chars().count() + 1).collect::<String>())
        .filter(|p| p != prefix)
        .collect();
    let own: BTreeMap<&String, &Vec<u32>> =
        under.iter().filter(|(t, _)| t.as_str() == prefix).map(|(t, v)| (*t, *v)).collect();
    if !own.is_empty() {
        names.push(format!("{prefix}="));
        out.push((format!("search/terms-{}=.json", file_name(prefix)), json(&own)));
    }
    for p in longer {
        shard(terms, &p, names, out);
    }
}

/// A prefix as a file name: letters and digits as they are, anything else
/// (a letter outside ASCII) by its code point.
fn file_name(prefix: &str) -> String {
    if prefix.is_empty() {
        return "all".into();
    }
    prefix.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_string() } else { format!("_{:x}", c as u32) }).collect()
}

/// The folded words of `text` worth indexing: two characters or more.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(fold)
        .flat_map(|w| w.split(|c: char| !c.is_alphanumeric()).map(str::to_owned).collect::<Vec<_>>())
        .filter(|w| w.chars().count() >= 2)
}

fn stop_words() -> BTreeSet<String> {
    ["fr", "en"].iter().flat_map(|l| stop_words::lookup(l).unwrap_or(&[]).iter().map(|w| fold(w))).collect()
}

/// Claims, actors, outlets, sources, then quotes: the order results are
/// listed in.
fn documents(cmp: &Comparison, pages: &[&Annotated], config: &Config) -> Vec<Doc> {
    let mut docs: Vec<Doc> = Vec::new();
    for c in &cmp.claims {
        docs.push(("claim", format!("claims/{}/", c.id), c.label.clone(), c.description.clone()));
    }
    // Actors from the config with their aliases, then the speakers the
    // machine named; an actor has no page, so it leads to its quotes.
    let mut seen = BTreeSet::new();
    for (id, a) in &config.actors {
        seen.insert(id.as_str());
        let detail =
            std::iter::once(a.role.as_str()).chain(a.aliases.iter().map(String::as_str)).filter(|s| !s.is_empty());
        docs.push(("actor", actor_path(&a.name), a.name.clone(), detail.collect::<Vec<_>>().join(" · ")));
    }
    for sp in &cmp.speakers {
        if sp.actor.as_deref().is_some_and(|id| !seen.contains(id)) {
            docs.push(("actor", actor_path(&sp.name), sp.name.clone(), sp.role.clone()));
        }
    }
    for o in cmp.outlets.iter().filter(|o| !o.sources.is_empty()) {
        docs.push(("outlet", format!("outlets/{}/", o.id), o.name.clone(), o.country.clone()));
    }
    for s in &cmp.sources {
        docs.push(("source", format!("sources/{}/", s.slug), s.title.clone(), s.outlet_name.clone()));
    }
    let outlet_names: BTreeMap<&str, &str> =
        cmp.sources.iter().map(|s| (s.slug.as_str(), s.outlet_name.as_str())).collect();
    for a in pages {
        let outlet = outlet_names.get(a.page.slug.as_str()).copied().unwrap_or("");
        for q in &a.quotes {
            let speaker = q.speaker.as_deref().and_then(|s| a.actor_name(s, config));
            let detail = speaker.map_or_else(|| outlet.to_owned(), |name| format!("{name} — {outlet}"));
            docs.push((
                "quote",
                format!("sources/{}/#{}", a.page.slug, q.id),
                super::shorten_str(&q.text, QUOTE_CHARS),
                detail,
            ));
        }
    }
    docs
}

/// Where an actor's quotes are: the report's page of quotes, at the name.
fn actor_path(name: &str) -> String {
    format!("report/quotes/#{}", super::text_fragment_of(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_and_split() {
        let w: Vec<String> = words("L'armée des États-Unis, «Guaidó» a 2 ans").collect();
        assert_eq!(w, ["armee", "des", "etats", "unis", "guaido", "ans"]);
    }

    #[test]
    fn large_shards_split_by_longer_prefixes() {
        let mut terms = BTreeMap::new();
        for i in 0..40_000u32 {
            terms.insert(format!("s{}", i), vec![i, i + 1]);
        }
        terms.insert("s".into(), vec![1]);
        terms.insert("t".into(), vec![2]);
        let (mut names, mut out) = (Vec::new(), Vec::new());
        shard(&terms, "", &mut names, &mut out);
        assert!(out.iter().all(|(_, b)| b.len() <= SHARD_BYTES), "a shard is too large");
        assert!(
            names.contains(&"s=".to_owned()) && names.contains(&"s1".to_owned()) && names.contains(&"t".to_owned()),
            "{names:?}"
        );
        // Every term is in exactly one shard.
        let total: usize =
            out.iter().map(|(_, b)| serde_json::from_slice::<BTreeMap<String, Vec<u32>>>(b).unwrap().len()).sum();
        assert_eq!(total, terms.len());
    }
}
