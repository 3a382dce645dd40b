//! Distinctive vocabulary of each outlet against the others: the log-odds
//! ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
//! "Fightin' Words"), with z-scores, over words without function words.
//! Pure.
//!
//! Words, not stems: a Snowball stemmer merged different words ("États-Unis"
//! and "coup d'État" both became "état"). Instead a text is cut into words
//! that keep hyphenated compounds whole ("états-unis", "russo-vénézuélienne"),
//! drop French elisions ("d'État" is "état", "l'armée" is "armée") and the
//! pronouns of an inversion ("a-t-il", "dit-elle"), and join the fixed
//! expressions of `data/vocabulary.toml` ("coup d'état"). Forms are then
//! only folded (case, accents) and their plural taken off ("états" and
//! "etats" are "etat"; "informations" is "information"), never cut further.
//! Function words are the NLTK lists of the `stop-words` crate with the
//! additions of `data/vocabulary.toml` (adverbs, conjunctions, forms of
//! être/avoir/faire, neutral speech verbs, day and month names).
//!
//! On the example briefing (z > 1.96, at most 12 words per outlet):
//!
//! | outlet | before (Snowball stems, NLTK list) | after |
//! | --- | --- | --- |
//! | Press TV | état ("États-Unis" + "coup d'État") | (none) |
//! | RT France | (none) | (none) |
//! | "Le Kremlin a démenti mardi…" | informations | informé |
//! | "Le président américain Donald Trump…" | trump, vénézuélien, opposition | trump, opposition, vénézuélien |
//! | "Venezuela : Trump appelle la Russie…" | ainsi, relations, appelé, washington | washington |
//!
//! The stems also inflated counts: "relations" (2 uses) stood for "relat",
//! with "relatives" and "relativement" (4); "informations" for "inform",
//! with "informé"; "appelé" for "appel", with "appelle". Word by word,
//! "relations" alone is not distinctive.
//!
//! For a word w, outlet i and the rest j, with prior counts a_w drawn from
//! the whole briefing (a_w = A0 * y_w / n, A0 = prior_mass(n)):
//!   d_w = ln((y_wi + a_w) / (n_i + A0 - y_wi - a_w)) - ln((y_wj + a_w) / (n_j + A0 - y_wj - a_w))
//!   z_w = d_w / sqrt(1 / (y_wi + a_w) + 1 / (y_wj + a_w))

use crate::annotate::Annotated;
use crate::compare::Source;
use crate::config::UNKNOWN_OUTLET;
use crate::fold::fold;
use rayon::prelude::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
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

/// A word a group of sources uses distinctively more than the others.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Term {
    /// The form the group uses most for this word, lowercase, as written
    /// ("états-unis", "coup d'état").
    pub word: String,
    /// The word's key: folded (lowercase, no accents) and singular, not a
    /// stem ("etat-uni"). The forms counted together are those with the same
    /// key.
    pub stem: String,
    /// How many times the group's sources use the word (any form; at least
    /// 2).
    pub count: u32,
    /// The z-score of the log-odds ratio of the word in the group against
    /// the other sources, with an informative Dirichlet prior (Monroe,
    /// Colaresi & Quinn 2008), rounded to 2 decimals; only words above 1.96
    /// are listed.
    pub z: f64,
    /// The slug of a source of the group that uses the word's most used
    /// form (the first in source order).
    pub example: String,
}

/// The distinctive vocabulary of one group of sources.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Distinctive {
    /// The group: an outlet id, `unknown:<slug>` for one source of no
    /// identified outlet, or `unknown` for all of those pooled (past 50
    /// groups).
    pub group: String,
    /// The group's name: the outlet's name, `Unknown outlet: <the source's
    /// title, shortened>`, or `Unknown outlets` for the pool.
    pub name: String,
    /// The slugs of the group's sources, in source order.
    pub sources: Vec<String>,
    /// How many words the group's sources have once function words,
    /// numbers and words under three letters are left out: what the counts
    /// are measured against.
    pub words: usize,
    /// The group's distinctive words, at most 12, highest `z` first; empty
    /// when it has none.
    pub terms: Vec<Term>,
}

/// Per stem: occurrences, and per written form its occurrences and the
/// first source (by index) using it.
type Counts = HashMap<String, (u32, HashMap<String, (u32, usize)>)>;

/// Word counts before keying, by (is English, lowercase word as written):
/// keying each distinct word once, not each occurrence, is most of the
/// saving at 10,000 sources.
type Words = HashMap<(bool, String), (u32, usize)>;

/// Counts the words of page number `index`.
fn count_page(a: &Annotated, language: &str, index: usize, into: &mut Words) {
    let english = language == "en";
    for word in words(&a.plain, english) {
        let entry = into.entry((english, word)).or_insert((0, index));
        entry.0 += 1;
        entry.1 = entry.1.min(index);
    }
}

#[derive(Deserialize)]
struct Lists {
    compounds: Vec<String>,
    fr: Language,
    en: Language,
}

#[derive(Deserialize)]
struct Language {
    extra: Vec<String>,
}

fn lists() -> &'static Lists {
    static LISTS: std::sync::OnceLock<Lists> = std::sync::OnceLock::new();
    LISTS.get_or_init(|| {
        toml::from_str(include_str!("../../data/vocabulary.toml")).expect("data/vocabulary.toml is valid")
    })
}

/// Function words of the other language that are content words in this one
/// (English "son", "ton"; French "don").
const FALSE_FRIENDS: [(bool, &str); 3] = [(true, "son"), (true, "ton"), (false, "don")];

/// Function words for a text in a language, folded: its NLTK list and
/// additions, and the other language's NLTK list too, so that a page whose
/// language was misread ("en" on a French text) still loses "que" and
/// "les".
fn stop_list(english: bool) -> &'static HashSet<String> {
    static EN: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    static FR: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    let (cell, code, other, language) =
        if english { (&EN, "en", "fr", &lists().en) } else { (&FR, "fr", "en", &lists().fr) };
    cell.get_or_init(|| {
        let borrowed = stop_words::lookup(other)
            .unwrap_or(&[])
            .iter()
            .map(|w| fold(w))
            .filter(|w| !FALSE_FRIENDS.contains(&(english, w.as_str())));
        stop_words::lookup(code)
            .unwrap_or(&[])
            .iter()
            .map(|w| fold(w))
            .chain(language.extra.iter().map(|w| fold(w)))
            .chain(borrowed)
            .collect()
    })
}

/// Whether `word` (lowercase, as written) is a function word.
pub fn is_function_word(word: &str, english: bool) -> bool {
    stop_list(english).contains(&fold(word))
}

/// French elided articles and pronouns: "l'", "d'", "qu'" …
const ELISIONS: [&str; 13] = ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"];
/// Trailing parts of a French inversion or demonstrative: "a-t-il", "celui-ci".
const TRAILING: [&str; 12] = ["t", "il", "ils", "elle", "elles", "on", "je", "nous", "vous", "ci", "là", "la"];

/// The words of a text as the vocabulary counts them: lowercase, as
/// written, compounds whole, elisions off, no numbers, no words shorter
/// than three letters, no function words.
pub fn words(text: &str, english: bool) -> Vec<String> {
    static COMPOUNDS: std::sync::OnceLock<(HashSet<String>, HashSet<String>)> = std::sync::OnceLock::new();
    let (compounds, first_words) = COMPOUNDS.get_or_init(|| {
        let all: HashSet<String> = lists().compounds.iter().cloned().collect();
        let first = all.iter().filter_map(|c| c.split(' ').next()).map(str::to_owned).collect();
        (all, first)
    });
    let raw = raw_words(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        // Fixed expressions of two or three words.
        let starts = first_words.contains(&fold(&raw[i]));
        let joined = (2..=3).rev().filter(|_| starts).find_map(|n| {
            let words = raw.get(i..i + n)?;
            let folded = fold(&words.join(" "));
            compounds.contains(folded.as_str()).then(|| (n, words.join(" ")))
        });
        if let Some((n, phrase)) = joined {
            out.push(phrase);
            i += n;
            continue;
        }
        let word = clean(&raw[i], english);
        i += 1;
        if word.chars().count() < 3 || word.chars().any(|c| c.is_numeric()) || is_function_word(&word, english) {
            continue;
        }
        out.push(word);
    }
    out
}

/// Runs of letters and digits, with the hyphens and apostrophes between
/// two of them kept ("états-unis", "d'état", "aujourd'hui"); lowercase,
/// typographic apostrophes and hyphens made plain.
fn raw_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            current.extend(c.to_lowercase());
            continue;
        }
        let joiner = match c {
            '-' | '\u{2010}' | '\u{2011}' => Some('-'),
            '\'' | '\u{2019}' | '\u{02BC}' => Some('\''),
            _ => None,
        };
        match joiner {
            Some(j) if !current.is_empty() && chars.peek().is_some_and(|n| n.is_alphanumeric()) => current.push(j),
            _ => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
            }
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// One raw word without its elision, possessive or inverted pronoun.
fn clean(raw: &str, english: bool) -> String {
    let mut word = raw;
    if english {
        word = word.strip_suffix("'s").unwrap_or(word);
    } else {
        while let Some((head, rest)) = word.split_once('\'') {
            if ELISIONS.contains(&head) && !rest.is_empty() {
                word = rest;
            } else {
                break;
            }
        }
        let mut parts: Vec<&str> = word.split('-').collect();
        while parts.len() > 1 && TRAILING.contains(parts.last().expect("not empty")) {
            parts.pop();
        }
        return parts.join("-");
    }
    word.to_owned()
}

/// English words a final "s" does not make plural.
const NOT_PLURAL: [&str; 6] = ["news", "series", "species", "politics", "economics", "always"];

/// The key a form is counted under: folded, each part made singular by
/// taking off a plural ending, nothing else. Different words stay apart.
pub fn key(word: &str, english: bool) -> String {
    let folded = fold(word);
    let mut out = String::with_capacity(folded.len());
    for part in folded.split_inclusive([' ', '-', '\'']) {
        let (body, sep) = match part.char_indices().last() {
            Some((at, c)) if [' ', '-', '\''].contains(&c) => (&part[..at], &part[at..]),
            _ => (part, ""),
        };
        out.push_str(&singular(body, english));
        out.push_str(sep);
    }
    out
}

fn singular(word: &str, english: bool) -> String {
    let n = word.chars().count();
    if n <= 3 {
        return word.to_owned();
    }
    if english {
        if NOT_PLURAL.contains(&word) || word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
            return word.to_owned();
        }
        if let Some(stem) = word.strip_suffix("ies").filter(|_| n > 4) {
            return format!("{stem}y");
        }
        return word.strip_suffix('s').unwrap_or(word).to_owned();
    }
    if word.ends_with("ss") {
        return word.to_owned();
    }
    word.strip_suffix(['s', 'x']).unwrap_or(word).to_owned()
}

fn merge_words(into: &mut Words, from: Words) {
    for (key, (n, first)) in from {
        let entry = into.entry(key).or_insert((0, first));
        entry.0 += n;
        entry.1 = entry.1.min(first);
    }
}

pub fn distinctive(pages: &[&Annotated], sources: &[Source], config: &crate::config::Config) -> Vec<Distinctive> {
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
    let stems: HashMap<&(bool, String), String> = distinct.into_iter().map(|k| (k, key(&k.1, k.0))).collect();
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
            config.site.word("Unknown outlets")
        } else if s.outlet == UNKNOWN_OUTLET {
            format!("{} {}", config.site.word("Unknown outlet:"), crate::render::shorten_str(&s.title, 50))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compounds_elisions_and_function_words() {
        assert_eq!(
            words("Ainsi, les États-Unis ont appelé à un coup d'État, selon des informations.", false),
            ["états-unis", "coup d'état"]
        );
        assert_eq!(
            words("L'État, a-t-il dit, protège l’armée russo-vénézuélienne.", false),
            ["état", "protège", "armée", "russo-vénézuélienne"]
        );
        assert_eq!(
            words("The Kremlin's spokesman said on Tuesday that the states would act.", true),
            ["kremlin", "spokesman", "states", "act"]
        );
        assert!(words("3 juin 2019, 40 soldats", false) == ["soldats"]);
        // A French text taken for English still loses its function words;
        // a false friend stays.
        assert_eq!(words("Il dit que les contrats sont signés", true), ["dit", "contrats", "signés"]);
        assert_eq!(words("Trump's son met them", true), ["trump", "son", "met"]);
        assert_eq!(words("Le don du sang", false), ["don", "sang"]);
    }

    #[test]
    fn keys_fold_plurals_and_accents_only() {
        // The same word: case, accents and plural.
        assert_eq!(key("États", false), "etat");
        assert_eq!(key("état", false), "etat");
        assert_eq!(key("États-Unis", false), "etat-uni");
        assert_eq!(key("Etats-Unis", false), "etat-uni");
        assert_eq!(key("informations", false), key("information", false));
        // Different words stay apart (a stemmer made all three "état").
        let apart = [key("États-Unis", false), key("coup d'État", false), key("état", false)];
        assert_eq!(apart.iter().collect::<HashSet<_>>().len(), 3, "{apart:?}");
        assert_ne!(key("militaires", false), key("militarisation", false));
        assert_eq!(key("countries", true), "country");
        assert_eq!(key("states", true), "state");
        assert_eq!(key("news", true), "news");
        assert_eq!(key("press", true), "press");
    }
}
