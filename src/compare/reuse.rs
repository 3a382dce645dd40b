//! Shared passages (text reuse) between sources, and claim discovery.
//!
//! Sentences of at least MIN_WORDS words are grouped when their words are
//! the same (hashed, one pass), then distinct wordings are linked through
//! shared word 5-grams (an inverted index; postings longer than
//! MAX_POSTINGS are boilerplate and skipped), like passim's shingles. Near-
//! linear in the corpus; never all pairs. A group reused by several sources
//! that no claim tag covers is a candidate claim. Pure.

use super::cluster;
use crate::annotate::Annotated;
use crate::fold::fold;
use rayon::prelude::*;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeSet;

pub const MIN_WORDS: usize = 8;
const SHINGLE: usize = 5;
/// Share of the smaller sentence's 5-grams two wordings must share.
const LINK: f64 = 0.5;

/// One source's sentence in a shared passage.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Occurrence {
    /// The source's slug.
    pub source: String,
    /// Where the sentence starts in the source's plain text, in bytes of
    /// UTF-8 (not characters), counted from 0. The plain text is the body of
    /// the source's content page (`page`, after its front matter) with the
    /// markdown markup taken out (a link keeps its text, annotation links
    /// included): paragraphs, headings and list items separated by a blank
    /// line (`\n\n`), a line break inside a paragraph read as a space, a hard
    /// line break as `\n`. `text` is the plain text from `start` to `end`.
    pub start: usize,
    /// Where the sentence ends in the same plain text, in bytes of UTF-8,
    /// exclusive: the byte just after the sentence's last character.
    pub end: usize,
    /// The sentence as the source writes it.
    pub text: String,
    /// The anchor of a claim tag overlapping the sentence in the source's
    /// page (`t3`; the first in the order of the text when several do);
    /// `null` when no tag does.
    pub tag: Option<String>,
}

/// A sentence several sources share, word for word or nearly.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SharedPassage {
    /// The passage's id, `p1`, `p2`… in the order of the list; it can change
    /// from one build to the next when sources change.
    pub id: String,
    /// How many distinct sources share it (at least 2).
    pub sources: usize,
    /// True when every occurrence has the same words (case, accents and
    /// punctuation aside).
    pub verbatim: bool,
    /// Each source's sentence, in source order and order of the text. With
    /// `publish = "excerpts"`, only the occurrences inside the published
    /// excerpts are kept, and a passage left with none is left out.
    pub occurrences: Vec<Occurrence>,
    /// The ids of the claims tagged on any occurrence, sorted; empty makes
    /// the passage a candidate claim.
    pub claims: Vec<String>,
}

fn words_of(text: &str) -> Vec<String> {
    fold(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

pub fn shared_passages(pages: &[&Annotated]) -> Vec<SharedPassage> {
    struct S<'a> {
        page: &'a Annotated,
        start: usize,
        end: usize,
        /// Hash of the sentence's folded words: equal for equal wordings.
        key: blake3::Hash,
    }
    // Only a hash a sentence: word lists for every sentence of ten thousand
    // sources took hundreds of MB. Distinct wordings get theirs below.
    let per_page: Vec<Vec<S>> = pages
        .par_iter()
        .map(|a| {
            crate::text::sentences(&a.plain)
                .into_iter()
                .filter_map(|r| {
                    let words = words_of(&a.plain[r.clone()]);
                    (words.len() >= MIN_WORDS).then(|| S {
                        page: a,
                        start: r.start,
                        end: r.end,
                        key: blake3::hash(words.join(" ").as_bytes()),
                    })
                })
                .collect()
        })
        .collect();
    let sentences: Vec<S> = per_page.into_iter().flatten().collect();
    let keys: Vec<blake3::Hash> = sentences.iter().map(|s| s.key).collect();
    let clusters = cluster::cluster(
        &keys,
        |i| {
            let s = &sentences[i];
            cluster::shingles(&words_of(&s.page.plain[s.start..s.end]), SHINGLE)
        },
        |a, b| cluster::containment(a, b) >= LINK,
    );
    let mut out: Vec<SharedPassage> = clusters
        .groups
        .into_iter()
        .filter_map(|members| {
            let sources: BTreeSet<&str> = members.iter().map(|&i| sentences[i].page.page.slug.as_str()).collect();
            if sources.len() < 2 {
                return None;
            }
            let verbatim = members.iter().all(|&i| sentences[i].key == sentences[members[0]].key);
            let mut claims = BTreeSet::new();
            let occurrences = members
                .iter()
                .map(|&i| {
                    let s = &sentences[i];
                    let covering: Vec<_> = s.page.tags.iter().filter(|t| t.start < s.end && s.start < t.end).collect();
                    claims.extend(covering.iter().map(|t| t.claim.clone()));
                    Occurrence {
                        source: s.page.page.slug.clone(),
                        start: s.start,
                        end: s.end,
                        text: s.page.plain[s.start..s.end].to_owned(),
                        tag: covering.first().map(|t| t.id.clone()),
                    }
                })
                .collect();
            Some(SharedPassage {
                id: String::new(),
                sources: sources.len(),
                verbatim,
                occurrences,
                claims: claims.into_iter().collect(),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (std::cmp::Reverse(a.sources), &a.occurrences[0].source, a.occurrences[0].start).cmp(&(
            std::cmp::Reverse(b.sources),
            &b.occurrences[0].source,
            b.occurrences[0].start,
        ))
    });
    for (i, p) in out.iter_mut().enumerate() {
        p.id = format!("p{}", i + 1);
    }
    out
}

/// A regular expression for a candidate claim: its longest run of words
/// shared by every occurrence, folded and escaped, so it matches the
/// sentence in each source.
pub fn pattern_for(passage: &SharedPassage) -> String {
    let word_lists: Vec<Vec<String>> = passage
        .occurrences
        .iter()
        .map(|o| {
            fold(&o.text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
        })
        .collect();
    let first = &word_lists[0];
    let mut best: &[String] = &first[..first.len().min(6)];
    for len in (3..=first.len().min(12)).rev() {
        if let Some(run) = first.windows(len).find(|run| {
            let needle = format!(" {} ", run.join(" "));
            word_lists.iter().all(|w| format!(" {} ", w.join(" ")).contains(&needle))
        }) {
            best = run;
            break;
        }
    }
    best.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join(r"\W+")
}
