//! Cross-source findings beyond claims: quotes several outlets carry,
//! figures side by side, how outlets describe each actor, whom they cite.
//! Pure. Every finding keeps the page slug and anchor of its passage.

use super::cluster;
use crate::annotate::sourcing;
use crate::annotate::{Annotated, Origin};
use crate::config::Config;
use crate::fold::fold;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A passage of a source: a quotation's wording in a shared quote, or a
/// date's mention in the timeline.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Carrier {
    /// The source's slug.
    pub source: String,
    /// The passage's anchor in the source's page: for a quote `q` and a
    /// number (`q2`), for a date mention `dt` and a number (`dt1`), numbered
    /// in the order of the text.
    pub anchor: String,
    /// The passage as the source writes it: the quoted words without the
    /// quotation marks, or the date as written ("mardi 4 juin").
    pub text: String,
    /// Who found the passage: the machine, or the editor who marked it.
    pub origin: Origin,
    /// Present, and true, only in a shared quote, on a wording that is word
    /// for word another source's or an exact excerpt of it, even where the
    /// group as a whole is a paraphrase. Absent otherwise (never `false`),
    /// and always absent in the timeline and in translations.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub verbatim: bool,
}

/// A quotation that several sources carry.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SharedQuote {
    /// The speaker's actor id (see `speakers[].actor`): the one most carriers
    /// give; `null` when no carrier names a speaker.
    pub speaker: Option<String>,
    /// The speaker's name; `Speaker not identified` when `speaker` is
    /// `null`.
    pub speaker_name: String,
    /// How close the wordings are: `verbatim` (the same words, or exact
    /// excerpts of the longest wording), `near-verbatim` (similarity of 85
    /// or more), `paraphrase` (less), or `translation` (wordings in more than
    /// one language).
    #[schemars(extend("enum" = ["verbatim", "near-verbatim", "paraphrase", "translation"]))]
    pub kind: &'static str,
    /// How alike the wordings are, in percent (0 to 100): between the first
    /// carrier's wording and each other one, the share of word 3-grams they
    /// have in common out of the shorter wording's (100 when one contains the
    /// other), the lowest of these. For a translation: the lowest Dice
    /// coefficient of the translation links, over numbers and the first five
    /// letters of longer words, where cognates meet.
    pub similarity: u32,
    /// Each source's wording, one entry per quote (a source can have
    /// several), in source order.
    pub carriers: Vec<Carrier>,
    /// How many distinct sources carry the quote (at least 2).
    pub sources: usize,
}

fn words(text: &str) -> Vec<String> {
    fold(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// One id per person across sources: a found actor that one source names
/// only by surname ("Trump") is the person another source names in full
/// ("Donald Trump"), when exactly one such person is found.
pub fn same_person<'a>(pages: &[&'a Annotated], config: &Config) -> BTreeMap<&'a str, &'a str> {
    let mut full: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for a in pages {
        for actor in a.actors.iter().filter(|x| x.person && !x.configured && x.id.contains('-')) {
            if let Some(last) = actor.id.rsplit('-').next() {
                full.entry(last).or_default().insert(actor.id.as_str());
            }
        }
    }
    let mut out = BTreeMap::new();
    for a in pages {
        for actor in
            a.actors.iter().filter(|x| !x.configured && !x.id.contains('-') && !config.actors.contains_key(&x.id))
        {
            if let Some(ids) = full.get(actor.id.as_str()).filter(|ids| ids.len() == 1) {
                out.insert(actor.id.as_str(), *ids.iter().next().expect("one"));
            }
        }
    }
    out
}

/// The name of every speaker the pages' quotes give: the config's name,
/// else the fullest form a source writes.
pub fn speaker_names<'a>(pages: &[&'a Annotated], config: &'a Config) -> BTreeMap<&'a str, String> {
    let mut names: BTreeMap<&str, String> = BTreeMap::new();
    let same = same_person(pages, config);
    for a in pages {
        for q in &a.quotes {
            if let Some(id) = q.speaker.as_deref() {
                let id = same.get(id).copied().unwrap_or(id);
                // A capital that speaks ("Moscou a appelé…") is its government,
                // as in sourcing.
                if !config.actors.contains_key(id) {
                    if let Some(gov) = a
                        .actor_name(id, config)
                        .and_then(crate::annotate::sourcing::government_of)
                        .and_then(|c| crate::annotate::sourcing::government_name(&c, config.site.language()))
                    {
                        names.entry(id).or_insert(gov);
                        continue;
                    }
                }
                if let Some(name) = a.actor_name(id, config) {
                    let e = names.entry(id).or_insert_with(|| name.to_owned());
                    if name.len() > e.len() && !config.actors.contains_key(id) {
                        *e = name.to_owned();
                    }
                }
            }
        }
    }
    names
}

/// A quote as the cross-source matching sees it.
struct Q<'a> {
    source: &'a str,
    anchor: &'a str,
    text: &'a str,
    speaker: Option<&'a str>,
    language: &'a str,
    origin: Origin,
    words: Vec<String>,
}

/// Quotes carried by more than one source: quotes are linked through an
/// index of word 3-gram shingles (never compared all against all), then
/// grouped; a group is verbatim when the words are the same, near-verbatim
/// when one wording nearly contains the other. Groups in different
/// languages with the same speaker are then joined when their wordings
/// share enough cognates and numbers (`translations`).
pub fn shared_quotes(pages: &[&Annotated], config: &Config) -> Vec<SharedQuote> {
    let names = speaker_names(pages, config);
    let same = same_person(pages, config);
    let same = &same;
    let quotes: Vec<Q> = pages
        .iter()
        .flat_map(|a| {
            let language = a.page.front.language.as_deref().unwrap_or(config.site.language());
            a.quotes.iter().map(move |q| Q {
                source: &a.page.slug,
                anchor: &q.id,
                text: &q.text,
                speaker: q.speaker.as_deref().map(|id| same.get(id).copied().unwrap_or(id)),
                language,
                origin: q.origin,
                words: words(&q.text),
            })
        })
        .collect();
    let keys: Vec<blake3::Hash> = quotes.iter().map(|q| blake3::hash(q.words.join(" ").as_bytes())).collect();
    // Four shared 3-grams (six words in a row) at least: short quotes share
    // "il s'agit d'une" without being the same statement.
    let mut clusters = cluster::cluster(
        &keys,
        |i| cluster::shingles(&quotes[i].words, 3),
        |a, b| a.intersection(b).count() >= 4 && cluster::containment(a, b) >= 0.6,
    );
    let groups = excerpts(&quotes, std::mem::take(&mut clusters.groups));
    let groups = translations(&quotes, groups);
    let mut out: Vec<SharedQuote> = groups
        .into_iter()
        .filter_map(|(members, translated)| {
            let sources: BTreeSet<&str> = members.iter().map(|&i| quotes[i].source).collect();
            if sources.len() < 2 {
                return None;
            }
            let similarity = translated.unwrap_or_else(|| {
                members[1..]
                    .iter()
                    .map(|&i| cluster::containment(clusters.shingles(members[0]), clusters.shingles(i)))
                    .fold(1.0_f64, f64::min)
            });
            // Verbatim: the same words, or an exact excerpt of the longest wording.
            let longest = members.iter().map(|&i| &quotes[i]).max_by_key(|q| q.words.len()).expect("members");
            let joined = format!(" {} ", longest.words.join(" "));
            let verbatim = members.iter().all(|&i| joined.contains(&format!(" {} ", quotes[i].words.join(" "))));
            let kind = if translated.is_some() {
                "translation"
            } else if verbatim {
                "verbatim"
            } else if similarity >= 0.85 {
                "near-verbatim"
            } else {
                "paraphrase"
            };
            let mut speakers: BTreeMap<&str, usize> = BTreeMap::new();
            for &i in &members {
                if let Some(s) = quotes[i].speaker {
                    *speakers.entry(s).or_default() += 1;
                }
            }
            let speaker =
                speakers.into_iter().max_by_key(|(s, n)| (*n, std::cmp::Reverse(*s))).map(|(s, _)| s.to_owned());
            let speaker_name = speaker
                .as_deref()
                .and_then(|s| names.get(s))
                .map_or_else(|| "Speaker not identified".to_owned(), Clone::clone);
            Some(SharedQuote {
                speaker,
                speaker_name,
                kind,
                similarity: (similarity * 100.0).round() as u32,
                sources: sources.len(),
                carriers: members
                    .iter()
                    .map(|&i| Carrier {
                        source: quotes[i].source.to_owned(),
                        anchor: quotes[i].anchor.to_owned(),
                        text: quotes[i].text.to_owned(),
                        origin: quotes[i].origin,
                        verbatim: translated.is_none() && {
                            let own = format!(" {} ", quotes[i].words.join(" "));
                            members.iter().any(|&j| {
                                quotes[j].source != quotes[i].source
                                    && format!(" {} ", quotes[j].words.join(" ")).contains(&own)
                            })
                        },
                    })
                    .collect(),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (std::cmp::Reverse(a.sources), &a.carriers[0].text).cmp(&(std::cmp::Reverse(b.sources), &b.carriers[0].text))
    });
    out
}

/// Joins `groups` where a quote of one source is an exact excerpt of a
/// longer quote of another: «exagérés des dizaines de fois» inside «Les
/// chiffres … sont exagérés des dizaines de fois». The excerpt needs three
/// words and two content words, so that "il s'agit d'une" links nothing;
/// two named speakers must be the same. Candidates come from an index of
/// the excerpt's first three words (long postings skipped), never all
/// pairs.
fn excerpts(quotes: &[Q], groups: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    let mut group_of = vec![0; quotes.len()];
    for (g, members) in groups.iter().enumerate() {
        for &i in members {
            group_of[i] = g;
        }
    }
    let mut index: BTreeMap<&[String], Vec<usize>> = BTreeMap::new();
    for (i, q) in quotes.iter().enumerate() {
        let mut seen = BTreeSet::new();
        for w in q.words.windows(3) {
            if seen.insert(w) {
                index.entry(w).or_default().push(i);
            }
        }
    }
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    for (i, q) in quotes.iter().enumerate() {
        let content = q.words.iter().filter(|w| w.chars().count() >= 3 && !stop_words().contains(*w)).count();
        if q.words.len() < 3 || content < 2 {
            continue;
        }
        let Some(posting) = index.get(&q.words[..3]).filter(|p| p.len() <= cluster::MAX_POSTINGS) else { continue };
        let short = format!(" {} ", q.words.join(" "));
        for &j in posting {
            let other = &quotes[j];
            if other.source == q.source || other.words.len() <= q.words.len() {
                continue;
            }
            if matches!((q.speaker, other.speaker), (Some(a), Some(b)) if a != b) {
                continue;
            }
            if format!(" {} ", other.words.join(" ")).contains(&short) {
                let (a, b) = (cluster::root(&mut parent, group_of[i]), cluster::root(&mut parent, group_of[j]));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    // One statement in different wordings: "restent les mêmes depuis de
    // nombreuses années" beside "est inchangée depuis de nombreuses
    // années". Two quotes of different sources whose shared runs of four
    // words (three of them content words) cover at least half the content
    // words of the shorter are one statement, a paraphrase.
    let content = |w: &String| w.chars().count() >= 3 && !stop_words().contains(w);
    let mut runs: BTreeMap<&[String], Vec<(usize, usize)>> = BTreeMap::new();
    for (i, q) in quotes.iter().enumerate() {
        for (at, w) in q.words.windows(4).enumerate() {
            if w.iter().filter(|x| content(x)).count() >= 3 {
                runs.entry(w).or_default().push((i, at));
            }
        }
    }
    let mut shared: BTreeMap<(usize, usize), BTreeSet<usize>> = BTreeMap::new();
    for posting in runs.values().filter(|p| p.len() <= cluster::MAX_POSTINGS) {
        for (x, &(i, ai)) in posting.iter().enumerate() {
            for &(j, aj) in &posting[x + 1..] {
                let (qi, qj) = (&quotes[i], &quotes[j]);
                if qi.source == qj.source || matches!((qi.speaker, qj.speaker), (Some(a), Some(b)) if a != b) {
                    continue;
                }
                // Positions covered in the shorter quote.
                let (short, at) = if qi.words.len() <= qj.words.len() { (i, ai) } else { (j, aj) };
                shared.entry((i.min(j), i.max(j))).or_default().extend((at..at + 4).map(|p| p * quotes.len() + short));
            }
        }
    }
    for ((i, j), covered) in shared {
        let short = if quotes[i].words.len() <= quotes[j].words.len() { i } else { j };
        let total = quotes[short].words.iter().filter(|w| content(w)).count();
        let hit = covered
            .iter()
            .filter(|c| *c % quotes.len() == short && content(&quotes[short].words[*c / quotes.len()]))
            .count();
        if hit * 2 >= total {
            let (a, b) = (cluster::root(&mut parent, group_of[i]), cluster::root(&mut parent, group_of[j]));
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut merged: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (g, members) in groups.into_iter().enumerate() {
        let r = cluster::root(&mut parent, g);
        merged.entry(r).or_default().extend(members);
    }
    merged
        .into_values()
        .map(|mut members| {
            members.sort_unstable();
            members
        })
        .collect()
}

/// How many cognate keys two wordings in different languages must share,
/// at the least, and what share of their keys (Dice), to be taken for
/// translations of each other.
const TRANSLATION_MIN_SHARED: usize = 4;
const TRANSLATION_MIN_DICE: f64 = 0.4;

/// Words that cannot anchor a translation: French and English stop words, folded.
fn stop_words() -> &'static std::collections::HashSet<String> {
    static SET: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        ["fr", "en"].iter().flat_map(|l| stop_words::lookup(l).unwrap_or(&[]).iter().map(|w| fold(w))).collect()
    })
}

/// What a wording shares with its translation: numbers, and the first five
/// letters of longer content words, where French and English cognates
/// meet ("référence"/"reference", "officiel"/"official", "Russie"/"Russia").
fn cognate_keys(words: &[String]) -> BTreeSet<String> {
    words
        .iter()
        .filter(|w| w.chars().all(|c| c.is_ascii_digit()) || (w.chars().count() >= 4 && !stop_words().contains(*w)))
        .map(|w| w.chars().take(5).collect())
        .collect()
}

/// Joins `groups` of quotes whose members, in different languages and with
/// the same speaker, share enough cognate keys. Candidates come from an
/// index keyed by speaker and cognate (long postings skipped), never all
/// pairs. Returns the groups, each with the lowest Dice of the translation
/// links that joined it, `None` when none did.
fn translations(quotes: &[Q], groups: Vec<Vec<usize>>) -> Vec<(Vec<usize>, Option<f64>)> {
    let mut group_of = vec![0; quotes.len()];
    for (g, members) in groups.iter().enumerate() {
        for &i in members {
            group_of[i] = g;
        }
    }
    let keys: Vec<BTreeSet<String>> =
        quotes.iter().map(|q| if q.speaker.is_some() { cognate_keys(&q.words) } else { BTreeSet::new() }).collect();
    let mut index: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (i, q) in quotes.iter().enumerate() {
        if let Some(speaker) = q.speaker {
            for k in &keys[i] {
                index.entry((speaker, k)).or_default().push(i);
            }
        }
    }
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    let mut lowest: Vec<Option<f64>> = vec![None; groups.len()];
    for (i, q) in quotes.iter().enumerate() {
        let Some(speaker) = q.speaker else { continue };
        let mut shared: BTreeMap<usize, usize> = BTreeMap::new();
        for k in &keys[i] {
            let posting = &index[&(speaker, k.as_str())];
            if posting.len() > cluster::MAX_POSTINGS {
                continue;
            }
            for &j in posting.iter().filter(|&&j| j > i && quotes[j].language != q.language) {
                *shared.entry(j).or_default() += 1;
            }
        }
        for (j, n) in shared {
            let dice = 2.0 * n as f64 / (keys[i].len() + keys[j].len()) as f64;
            if n < TRANSLATION_MIN_SHARED || dice < TRANSLATION_MIN_DICE {
                continue;
            }
            let (a, b) = (cluster::root(&mut parent, group_of[i]), cluster::root(&mut parent, group_of[j]));
            let (keep, gone) = (a.min(b), a.max(b));
            let low = [lowest[a], lowest[b], Some(dice)].into_iter().flatten().fold(f64::INFINITY, f64::min);
            parent[gone] = keep;
            lowest[keep] = Some(low);
        }
    }
    let mut merged: BTreeMap<usize, (Vec<usize>, Option<f64>)> = BTreeMap::new();
    for (g, members) in groups.into_iter().enumerate() {
        let r = cluster::root(&mut parent, g);
        let entry = merged.entry(r).or_insert_with(|| (Vec::new(), None));
        entry.0.extend(members);
        if r == g {
            entry.1 = lowest[g];
        }
    }
    merged
        .into_values()
        .map(|(mut members, low)| {
            members.sort_unstable();
            (members, low)
        })
        .collect()
}

/// A figure a source gives.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FigureEntry {
    /// The source's slug.
    pub source: String,
    /// The figure's anchor in the source's page: `f` and a number (`f4`),
    /// the figures numbered in the order of the text.
    pub anchor: String,
    /// The whole expression as the source writes it, the counted noun
    /// included ("une centaine de militaires").
    pub text: String,
    /// The lower bound the wording states, as a number (100 for "une
    /// centaine", 25000000 for "25 millions"); `null` when it states none
    /// ("fewer than 100").
    pub low: Option<f64>,
    /// The upper bound the wording states; `null` when it states none
    /// ("dozens", "more than 3,000"). Equal to `low` for a single number.
    pub high: Option<f64>,
    /// The bounds for people: "2,400", "≈ 100" (approximate), "≥ 3,000",
    /// "≤ 100", "25,000,000–30,000,000", or "?" when neither bound is known.
    pub value: String,
    /// True for hedged wording ("environ", "about", "nearly"): not an exact
    /// count.
    pub approximate: bool,
    /// True for a vague quantity ("dozens", "des milliers"): only its lower
    /// bound is meant.
    pub vague: bool,
    /// What is counted: the noun, folded (lowercase, no accents) and singular
    /// ("militaire", "container ship"); empty when the number stands alone.
    pub counts: String,
    /// The class of the counted noun in parallax's list of counted things
    /// ("military", "people"); `null` when the noun has none.
    pub class: Option<String>,
    /// The id of the claim the figure is about: the claim of a tagged passage
    /// that holds it (or the one the editor named); `null` when none.
    pub claim: Option<String>,
    /// Who found the figure: the machine, or the editor who marked it.
    pub origin: Origin,
}

/// The figures the sources give for one kind of count.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FigureGroup {
    /// What the figures count, for people: `classes` joined with ", "
    /// ("military, people, staff").
    pub label: String,
    /// The kinds of count in the group, sorted: the classes of the counted
    /// nouns that are compared with one another, or the noun itself when it
    /// has no class.
    pub classes: Vec<String>,
    /// Every figure of this kind, source by source in source order, then in
    /// the order of the text.
    pub entries: Vec<FigureEntry>,
    /// True when two sources give figures that cannot both be right: their
    /// ranges do not overlap (an approximate figure taken within 10%, a
    /// missing bound open).
    pub disagree: bool,
    /// How many distinct sources give a figure here.
    pub sources: usize,
}

/// Figures grouped by what they count, across claims and sources: counts of
/// one class of noun, with the classes `data/counted.toml` compares it with
/// ("une dizaine de personnes" beside "quelques dizaines de conseillers
/// militaires"). Two sources differ where their ranges for the same kind of
/// count do not overlap; figures of unrelated kinds are never compared.
pub fn figures(pages: &[&Annotated], _config: &Config) -> Vec<FigureGroup> {
    let classes = crate::annotate::figures::Classes::get();
    // The kinds of count: comparable classes joined, else the noun itself.
    let mut kinds: Vec<(Vec<String>, Vec<FigureEntry>)> = Vec::new();
    for a in pages {
        for (i, f) in a.figures.iter().enumerate() {
            let key = f.class.clone().unwrap_or_else(|| f.counts.clone());
            let entry = FigureEntry {
                source: a.page.slug.clone(),
                anchor: format!("f{}", i + 1),
                text: f.text.clone(),
                low: f.low,
                high: f.high,
                value: f.value(),
                approximate: f.approximate,
                vague: f.vague,
                counts: f.counts.clone(),
                class: f.class.clone(),
                claim: f.claim.clone(),
                origin: f.origin,
            };
            let kind = kinds.iter().position(|(keys, _)| {
                keys.iter().any(|k| *k == key || f.class.is_some() && classes.comparable(k, &key))
            });
            match kind {
                Some(k) => {
                    if !kinds[k].0.contains(&key) {
                        kinds[k].0.push(key);
                    }
                    kinds[k].1.push(entry);
                }
                None => kinds.push((vec![key], vec![entry])),
            }
        }
    }
    let mut out: Vec<FigureGroup> = kinds
        .into_iter()
        .filter(|(keys, _)| keys.iter().any(|k| !k.is_empty()))
        .map(|(mut keys, entries)| {
            keys.sort();
            let range = |e: &FigureEntry| {
                let slack = if e.approximate { 0.1 } else { 0.0 };
                (e.low.map_or(0.0, |l| l * (1.0 - slack)), e.high.map_or(f64::INFINITY, |h| h * (1.0 + slack)))
            };
            let disagree = entries.iter().enumerate().any(|(i, x)| {
                entries[i + 1..].iter().any(|y| {
                    let ((xl, xh), (yl, yh)) = (range(x), range(y));
                    x.source != y.source && (xh < yl || yh < xl)
                })
            });
            let sources = entries.iter().map(|e| e.source.as_str()).collect::<BTreeSet<_>>().len();
            FigureGroup { label: keys.join(", "), classes: keys, entries, disagree, sources }
        })
        .collect();
    // Counts several sources give first: those are the comparisons.
    out.sort_by(|a, b| b.sources.cmp(&a.sources).then(b.disagree.cmp(&a.disagree)).then(a.label.cmp(&b.label)));
    out
}

/// How one source describes an actor, once per wording.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Description {
    /// The source's slug.
    pub source: String,
    /// The description's anchor in the source's page: `d` and a number
    /// (`d2`), the descriptions numbered in the order of the text. The first
    /// passage with this wording.
    pub anchor: String,
    /// The description as written, without its determiner ("président
    /// américain").
    pub text: String,
    /// Who found the description: the machine, or the editor who marked it.
    pub origin: Origin,
}

/// How the sources describe one actor.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ActorDescriptions {
    /// The actor's id in `config.toml` (`[actors.<id>]`).
    pub actor: String,
    /// The actor's name from the config (its id when the config has none).
    pub name: String,
    /// How many different descriptions there are across sources, counting
    /// wordings that differ only in case or accents as one.
    pub distinct: usize,
    /// Each source's descriptions, source by source in source order, each
    /// wording once per source.
    pub descriptions: Vec<Description>,
}

/// For each actor described in more than one way or by more than one
/// source: the descriptions, source by source, each wording once per source
/// (the first passage).
pub fn descriptions(pages: &[&Annotated], config: &Config) -> Vec<ActorDescriptions> {
    let mut by_actor: BTreeMap<&str, Vec<Description>> = BTreeMap::new();
    for a in pages {
        let mut seen = BTreeSet::new();
        for (i, d) in a.descriptors.iter().enumerate() {
            if !seen.insert((d.actor.as_str(), fold(&d.text))) {
                continue;
            }
            by_actor.entry(&d.actor).or_default().push(Description {
                source: a.page.slug.clone(),
                anchor: format!("d{}", i + 1),
                text: d.text.clone(),
                origin: d.origin,
            });
        }
    }
    by_actor
        .into_iter()
        .map(|(actor, descriptions)| {
            let distinct = descriptions.iter().map(|d| fold(&d.text)).collect::<BTreeSet<_>>().len();
            let name = config.actors.get(actor).map_or_else(|| actor.to_owned(), |a| a.name.clone());
            ActorDescriptions { actor: actor.to_owned(), name, distinct, descriptions }
        })
        .collect()
}

/// How one source cites someone.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CiteRef {
    /// The source's slug.
    pub source: String,
    /// The anchor of the source's first citation of it in the source's page:
    /// `c` and a number (`c1`), the citations in the text numbered in the
    /// order of the text; `null` when the source cites it only in a photo
    /// credit, which is not part of the text.
    pub anchor: Option<String>,
    /// How the first citation cites it: the words that introduce it, folded
    /// (lowercase, no accents: "selon", "citant", "cite par", "d'apres",
    /// "according to"…), `reports` for an organisation that reports
    /// something, `photo credit` for a photo credit, `marked by the editor`
    /// for a citation the editor marked.
    pub via: String,
    /// Who is cited, as the first citation writes it ("Wall Street Journal",
    /// "une source proche du ministère russe de la Défense").
    pub text: String,
    /// Who found the first citation: the machine, or the editor who marked
    /// it.
    pub origin: Origin,
    /// How many times the source cites it (at least 1).
    pub count: usize,
}

/// Someone the sources cite, and where.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CitedSource {
    /// What the citations are grouped under: the actor id of a configured
    /// actor, `government-<country code>` for a capital standing for its
    /// government ("government-ve" for "Caracas"), the cited name folded
    /// (lowercase, no accents) for another named source, or `unnamed` for
    /// every unnamed source.
    pub key: String,
    /// Who is cited, for people: the configured actor's name, the
    /// government's name, the name as written, or `Unnamed sources`.
    pub name: String,
    /// False for unnamed sources ("a source close to the ministry", "selon
    /// la presse").
    pub named: bool,
    /// How many distinct sources cite it.
    pub sources: usize,
    /// One entry per source citing it, in source order.
    pub citations: Vec<CiteRef>,
}

/// Whom the sources cite, most cited first; unnamed sources together.
pub fn sourcing(pages: &[&Annotated], config: &Config) -> Vec<CitedSource> {
    let mut by_key: BTreeMap<String, (String, bool, Vec<CiteRef>)> = BTreeMap::new();
    for a in pages {
        let mut n = 0;
        for c in &a.citations {
            let anchor = c.span.map(|_| {
                n += 1;
                format!("c{n}")
            });
            let key = sourcing::key(c);
            // A capital cited as a source is its country's government.
            let government = c.government.as_deref().and_then(|g| sourcing::government_name(g, config.site.language()));
            let name = match (&c.actor, government, c.named) {
                (Some(id), _, _) => config.actors.get(id).map_or_else(|| c.cited.clone(), |x| x.name.clone()),
                (None, Some(government), _) => government,
                (None, None, true) => c.cited.clone(),
                (None, None, false) => config.site.word("Unnamed sources"),
            };
            let entry = by_key.entry(key).or_insert_with(|| (name, c.named, Vec::new()));
            match entry.2.last_mut().filter(|r| r.source == a.page.slug) {
                Some(same_source) => same_source.count += 1,
                None => entry.2.push(CiteRef {
                    source: a.page.slug.clone(),
                    anchor,
                    via: c.via.clone(),
                    text: c.cited.clone(),
                    origin: c.origin,
                    count: 1,
                }),
            }
        }
    }
    let mut out: Vec<CitedSource> = by_key
        .into_iter()
        .map(|(key, (name, named, citations))| {
            let sources = citations.iter().map(|c| c.source.as_str()).collect::<BTreeSet<_>>().len();
            CitedSource { key, name, named, sources, citations }
        })
        .collect();
    out.sort_by(|a, b| {
        (!a.named, std::cmp::Reverse(a.sources), &a.name).cmp(&(!b.named, std::cmp::Reverse(b.sources), &b.name))
    });
    out
}

/// A date the sources mention.
#[derive(Debug, Serialize, JsonSchema)]
pub struct TimelineDate {
    /// The date the mentions stand for: YYYY-MM-DD, YYYY-MM for a month, or
    /// `--MM-DD` / `--MM` when no year is given or known (ISO 8601). A
    /// weekday ("mardi") is dated from the publication date; without one it
    /// is left out.
    #[schemars(pattern(r"^(\d{4}|-)-\d{2}(-\d{2})?$"))]
    pub date: String,
    /// How many distinct sources mention the date.
    pub sources: usize,
    /// Every mention, source by source in source order, then in the order of
    /// the text.
    pub mentions: Vec<Carrier>,
}

/// The dates the sources mention, in order, each with the passages; dates
/// that cannot be told (a weekday with no publication date) are left out.
pub fn timeline(pages: &[&Annotated]) -> Vec<TimelineDate> {
    let mut by_date: BTreeMap<&str, Vec<Carrier>> = BTreeMap::new();
    for a in pages {
        for (i, d) in a.dates.iter().enumerate() {
            if let Some(date) = &d.date {
                by_date.entry(date).or_default().push(Carrier {
                    source: a.page.slug.clone(),
                    anchor: format!("dt{}", i + 1),
                    text: d.text.clone(),
                    origin: d.origin,
                    verbatim: false,
                });
            }
        }
    }
    by_date
        .into_iter()
        .map(|(date, mentions)| {
            let sources = mentions.iter().map(|m| m.source.as_str()).collect::<BTreeSet<_>>().len();
            TimelineDate { date: date.to_owned(), sources, mentions }
        })
        .collect()
}
