//! Grouping texts that say the same thing, near-linearly: identical
//! wordings by their hash in one pass, then distinct wordings linked through
//! shared word shingles found with an inverted index (postings longer than
//! MAX_POSTINGS are boilerplate and skipped), joined with union-find. Never
//! all pairs. Used for quotes shared across sources and for shared passages.
//! Pure.

use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Shingles appearing in more items than this are too common to link them.
pub const MAX_POSTINGS: usize = 64;

/// Hashes of the word k-grams of `words` (one shingle when shorter).
pub fn shingles(words: &[String], k: usize) -> BTreeSet<u64> {
    words
        .windows(k.min(words.len().max(1)))
        .map(|w| u64::from_le_bytes(blake3::hash(w.join(" ").as_bytes()).as_bytes()[..8].try_into().expect("8 bytes")))
        .collect()
}

/// Shared shingles over the smaller set: 1.0 when one wording contains the other.
pub fn containment(a: &BTreeSet<u64>, b: &BTreeSet<u64>) -> f64 {
    a.intersection(b).count() as f64 / a.len().min(b.len()).max(1) as f64
}

/// The groups of items, each in item order, groups in order of their first
/// item; and the shingles of each distinct wording.
pub struct Clusters {
    pub groups: Vec<Vec<usize>>,
    /// For each item, the first item with the same wording.
    variant: Vec<usize>,
    shingles: HashMap<usize, BTreeSet<u64>>,
}

impl Clusters {
    /// The shingles of item `i`'s wording.
    pub fn shingles(&self, i: usize) -> &BTreeSet<u64> {
        &self.shingles[&self.variant[i]]
    }
}

/// The representative of `i` in a union-find forest, compressing the path.
pub(super) fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn join(parent: &mut [usize], i: usize, j: usize) {
    let (a, b) = (root(parent, i), root(parent, j));
    parent[a.max(b)] = a.min(b);
}

/// Groups items whose `keys` (a hash of their words) are equal, or whose
/// shingles `link` says belong together. `shingles_of` is called once per
/// distinct wording.
pub fn cluster(
    keys: &[blake3::Hash],
    shingles_of: impl Fn(usize) -> BTreeSet<u64> + Sync,
    link: impl Fn(&BTreeSet<u64>, &BTreeSet<u64>) -> bool,
) -> Clusters {
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    let mut variant = vec![0; keys.len()];
    let mut variants = Vec::new();
    let mut first_of: HashMap<blake3::Hash, usize> = HashMap::new();
    for (i, key) in keys.iter().enumerate() {
        match first_of.get(key) {
            Some(&first) => {
                variant[i] = first;
                join(&mut parent, first, i);
            }
            None => {
                first_of.insert(*key, i);
                variant[i] = i;
                variants.push(i);
            }
        }
    }
    let shingles: HashMap<usize, BTreeSet<u64>> = variants.par_iter().map(|&i| (i, shingles_of(i))).collect();
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for &i in &variants {
        for s in &shingles[&i] {
            index.entry(*s).or_default().push(i);
        }
    }
    for &i in &variants {
        let mine = &shingles[&i];
        let mut candidates = BTreeSet::new();
        for s in mine {
            let posting = &index[s];
            if posting.len() <= MAX_POSTINGS {
                candidates.extend(posting.iter().copied().filter(|&j| j > i));
            }
        }
        for j in candidates {
            if link(mine, &shingles[&j]) {
                join(&mut parent, i, j);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..keys.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    Clusters { groups: groups.into_values().collect(), variant, shingles }
}
