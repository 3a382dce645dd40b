//! Figures: numbers that count or measure something, French and English,
//! with what they count ("About 2,400 dockworkers", "plus de 3,5 millions de
//! personnes", "25 to 30 million euros", "11 percent", "quelques dizaines de
//! conseillers"). Pure.
//!
//! A figure keeps the bounds its wording states and no others: "more than
//! 3,000" has a lower bound only, "nearly 100" an upper bound only, "about
//! 1,000" is 1,000 marked approximate, "25 to 30 million" a range. Vague
//! quantities ("dozens", "des milliers") keep the smallest value the words
//! allow and are marked vague. Dates, years, times, ages, ordinals and the
//! numbers in names ("Article 175", "COVID-19", "Boeing 737") are not
//! figures. What a figure counts is the head of the noun phrase after it,
//! and its class (from `data/counted.toml`) says which figures count the
//! same kind of thing.

use crate::fold::Folded;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Plain-text range of the whole expression, counted noun included.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The bounds the wording states; `None` where it states none.
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// What is counted, folded and singular ("militaire", "container ship");
    /// empty when the number stands alone.
    pub counts: String,
    /// The class of `counts` in `data/counted.toml` ("military"), if any.
    pub class: Option<String>,
    /// Hedged wording ("environ", "about", "nearly"): not an exact count.
    pub approximate: bool,
    /// A vague quantity ("dozens", "des milliers"): only its lower bound is
    /// meant.
    pub vague: bool,
    /// The claim the figure is about, set by `annotate`: among the tags whose
    /// passage holds it, the one whose pattern matches nearest.
    pub claim: Option<String>,
    pub origin: super::Origin,
}

impl Figure {
    /// "2,400", "25–30 million", "> 3,000", "≤ 100", "≈ 1,000", for people.
    pub fn value(&self) -> String {
        let n = |v: f64| format_number(v);
        match (self.low, self.high) {
            (Some(l), Some(h)) if l == h => format!("{}{}", if self.approximate { "≈ " } else { "" }, n(l)),
            (Some(l), Some(h)) => format!("{}–{}", n(l), n(h)),
            (Some(l), None) => format!("≥ {}", n(l)),
            (None, Some(h)) => format!("≤ {}", n(h)),
            (None, None) => "?".to_owned(),
        }
    }

    /// The range the figure allows, for comparing: stated bounds, an
    /// approximate figure taken within a tenth, a missing bound open.
    pub fn range(&self) -> (f64, f64) {
        let slack = if self.approximate { 0.1 } else { 0.0 };
        let low = self.low.map_or(0.0, |l| l * (1.0 - slack));
        let high = self.high.map_or(f64::INFINITY, |h| h * (1.0 + slack));
        (low, high)
    }
}

/// A number as people write it: "2400", "3.5", "1 000 000".
pub fn format_number(v: f64) -> String {
    if v.fract() != 0.0 && v.abs() < 1e6 {
        let s = format!("{v:.3}");
        return s.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    let digits = format!("{:.0}", v.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// The classes of counted nouns, from `data/counted.toml`.
pub struct Classes {
    /// Folded noun (one word or several) -> class.
    by_noun: BTreeMap<String, String>,
    /// Class -> the classes it is compared with.
    also: BTreeMap<String, Vec<String>>,
}

impl Classes {
    pub fn get() -> &'static Classes {
        static CLASSES: OnceLock<Classes> = OnceLock::new();
        CLASSES.get_or_init(|| {
            #[derive(serde::Deserialize)]
            struct Class {
                nouns: Vec<String>,
                #[serde(default)]
                also: Vec<String>,
            }
            // Malformed data is a fault of parallax itself; a unit test
            // keeps it from shipping.
            let table: BTreeMap<String, Class> =
                toml::from_str(include_str!("../../data/counted.toml")).unwrap_or_default();
            let mut by_noun = BTreeMap::new();
            let mut also = BTreeMap::new();
            for (name, class) in table {
                for noun in class.nouns {
                    by_noun.entry(crate::fold::fold(&noun)).or_insert_with(|| name.clone());
                }
                also.insert(name, class.also);
            }
            Classes { by_noun, also }
        })
    }

    /// The class of a folded noun phrase's words: the longest listed noun
    /// the phrase ends with ("conseillers militaires" is military).
    fn of(&self, words: &[&str]) -> Option<(&str, usize)> {
        for n in (1..=words.len().min(3)).rev() {
            let tail = &words[words.len() - n..];
            let phrase = tail.iter().map(|w| singular(w)).collect::<Vec<_>>().join(" ");
            if let Some(class) = self.by_noun.get(&phrase) {
                return Some((class, n));
            }
            // "conseillers militaires": both words plural, the head first.
            if n == 2 {
                let french = format!("{} {}", singular(tail[0]), singular(tail[1]));
                if let Some(class) = self.by_noun.get(&french) {
                    return Some((class, n));
                }
            }
        }
        words.first().and_then(|w| self.by_noun.get(singular(w)).map(|c| (c.as_str(), 1)))
    }

    /// Whether figures of the two classes count the same kind of thing.
    pub fn comparable(&self, a: &str, b: &str) -> bool {
        a == b || self.also.get(a).is_some_and(|x| x.iter().any(|c| c == b))
    }
}

/// Singular of a folded noun, for the common French and English plurals.
pub fn singular(word: &str) -> &str {
    const SAME: &[&str] = &[
        "pays",
        "fois",
        "voix",
        "mois",
        "bras",
        "corps",
        "prix",
        "kilos",
        "series",
        "species",
        "news",
        "press",
        "us",
        "bus",
        "gas",
        "status",
        "campus",
        "virus",
        "analysis",
        "crisis",
        "people",
        "staff",
        "personnel",
        "police",
        "%",
        "this",
        "his",
        "has",
        "was",
        "is",
        "as",
    ];
    if SAME.contains(&word) || word.len() <= 3 && !word.ends_with('s') {
        return word;
    }
    if word == "ans" {
        return "an";
    }
    for (plural, cut) in [("aux", 0), ("ies", 0), ("ses", 1), ("xes", 1), ("ches", 1), ("shes", 1), ("s", 1), ("x", 1)]
    {
        if let Some(stem) = word.strip_suffix(plural) {
            if cut == 1 {
                return &word[..word.len() - 1];
            }
            // "journaux", "countries": the singular is not a prefix; keep
            // the plural, which still matches itself.
            let _ = stem;
            return word;
        }
    }
    word
}

/// A token of folded text: a number in digits, a word, or a sign.
#[derive(Debug, Clone)]
struct Token<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Digits,
    Word,
    /// `%`, `$`, `€`, `£`.
    Sign,
    /// Sentence punctuation, brackets, quotation marks: phrase ends.
    Break,
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"\d{1,3}(?:[ .,']\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?|[a-z]+'|[a-z]+(?:-[a-z]+)*|[%$€£]|[.,;:!?()\[\]\x22«»—/\n]",
        )
        .expect("valid")
    });
    // "1.2-billion-yuan": a scale word joined to its number and its noun by
    // hyphens is a token of its own, and so is the noun ("45-year-old"
    // stays one word, for the rules on ages).
    let after_number =
        |start: usize| text[..start].strip_suffix('-').is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()));
    let scale =
        |word: &str| word.split('-').next().is_some_and(|w| MULTIPLIERS.iter().any(|(m, _)| m.len() > 2 && *m == w));
    let parts = |m: regex::Match<'_>| -> Vec<(usize, usize)> {
        if m.as_str().contains('-') && after_number(m.start()) && scale(m.as_str()) {
            let mut at = m.start();
            m.as_str()
                .split('-')
                .map(|part| {
                    let span = (at, at + part.len());
                    at += part.len() + 1;
                    span
                })
                .collect()
        } else {
            vec![(m.start(), m.end())]
        }
    };
    // The alternatives start with different characters (a digit, a letter,
    // a sign, punctuation), so the first character of a match tells which
    // one matched; a search without captures is several times faster.
    re.find_iter(text)
        .flat_map(parts)
        .map(|(start, end)| {
            let word = &text[start..end];
            let first = word.chars().next().unwrap_or(' ');
            let kind = if first.is_numeric() {
                Kind::Digits
            } else if first.is_ascii_lowercase() {
                Kind::Word
            } else if matches!(first, '%' | '$' | '€' | '£') {
                Kind::Sign
            } else {
                Kind::Break
            };
            Token { start, end, text: word, kind }
        })
        .collect()
}

/// The value of digits as written: groups of three after a space, a point,
/// an apostrophe or a comma are thousands ("1 000", "1.000", "1,000",
/// "200'000"); other digits after a comma or a point are decimals ("2,5",
/// "3.5").
fn digits_value(digits: &str) -> Option<f64> {
    let groups: Vec<&str> = digits.split([' ', '.', ',', '\'']).collect();
    let grouped = groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3) && groups[0].len() <= 3;
    if grouped && !(groups.len() == 2 && digits.contains(',') && digits.ends_with(|_: char| false)) {
        // "3,500" is 3500 in English; a French writer would say "3,5".
        return groups.concat().parse().ok();
    }
    let normal = digits.replace(',', ".");
    let mut parts = normal.splitn(2, '.');
    let whole = parts.next()?.replace([' ', '\''], "");
    match parts.next() {
        Some(d) => format!("{whole}.{d}").parse().ok(),
        None => whole.parse().ok(),
    }
}

const UNITS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("deux", 2.0),
    ("trois", 3.0),
    ("quatre", 4.0),
    ("cinq", 5.0),
    ("sept", 7.0),
    ("huit", 8.0),
    ("neuf", 9.0),
    ("dix", 10.0),
    ("onze", 11.0),
    ("douze", 12.0),
    ("treize", 13.0),
    ("quatorze", 14.0),
    ("quinze", 15.0),
    ("seize", 16.0),
    ("vingt", 20.0),
    ("trente", 30.0),
    ("quarante", 40.0),
    ("cinquante", 50.0),
    ("soixante", 60.0),
    ("septante", 70.0),
    ("huitante", 80.0),
    ("octante", 80.0),
    ("nonante", 90.0),
];

/// Multipliers after a number: "3 millions", "two hundred", "deux mille".
const MULTIPLIERS: &[(&str, f64)] = &[
    ("dozen", 12.0),
    ("hundred", 1e2),
    ("hundreds", 1e2),
    ("cent", 1e2),
    ("cents", 1e2),
    ("thousand", 1e3),
    ("thousands", 1e3),
    ("mille", 1e3),
    ("k", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("m", 1e6),
    ("mn", 1e6),
    ("billion", 1e9),
    ("billions", 1e9),
    ("milliard", 1e9),
    ("milliards", 1e9),
    ("bn", 1e9),
    ("trillion", 1e12),
    // South Asian English: "Rs 1.75 lakh crore" is 1.75 × 10^12 rupees.
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("crore", 1e7),
    ("crores", 1e7),
];

/// Vague quantities, by their folded words: (words, lowest value, highest
/// value the words allow, approximate single value instead of vague). The
/// lowest is the smallest the words allow: two of the unit for a French
/// plural ("plusieurs centaines", "des centaines" 200), three for English
/// "several", which means more than two. "A few" and "quelques" allow
/// up to five of the unit, "several" and "plusieurs" up to nine; bare
/// plurals ("dozens", "des milliers") have no upper bound.
const VAGUE: &[(&str, f64, Option<f64>, bool)] = &[
    ("hundreds of millions", 2e8, None, false),
    ("hundreds of billions", 2e11, None, false),
    ("tens of millions", 2e7, None, false),
    ("tens of billions", 2e10, None, false),
    ("des centaines de millions", 2e8, None, false),
    ("des centaines de milliards", 2e11, None, false),
    ("des dizaines de millions", 2e7, None, false),
    ("des dizaines de milliards", 2e10, None, false),
    ("a few dozen", 24.0, Some(24.0 * 2.5), false),
    ("several dozen", 36.0, Some(108.0), false),
    ("dozens", 24.0, None, false),
    ("a dozen", 12.0, Some(12.0), true),
    ("a few hundred", 200.0, Some(200.0 * 2.5), false),
    ("several hundred", 300.0, Some(900.0), false),
    ("hundreds", 200.0, None, false),
    ("a few thousand", 2000.0, Some(2000.0 * 2.5), false),
    ("several thousand", 3000.0, Some(9000.0), false),
    ("tens of thousands", 20000.0, None, false),
    ("hundreds of thousands", 200000.0, None, false),
    ("thousands", 2000.0, None, false),
    ("millions", 2e6, None, false),
    ("billions", 2e9, None, false),
    ("decades", 20.0, None, false),
    ("quelques dizaines", 20.0, Some(20.0 * 2.5), false),
    ("plusieurs dizaines", 20.0, Some(90.0), false),
    ("des dizaines de milliers", 20000.0, None, false),
    ("des dizaines", 20.0, None, false),
    ("dizaines", 20.0, None, false),
    ("quelques centaines", 200.0, Some(200.0 * 2.5), false),
    ("plusieurs centaines", 200.0, Some(900.0), false),
    ("des centaines de milliers", 200000.0, None, false),
    ("des centaines", 200.0, None, false),
    ("centaines", 200.0, None, false),
    ("quelques milliers", 2000.0, Some(2000.0 * 2.5), false),
    ("plusieurs milliers", 2000.0, Some(9000.0), false),
    ("des milliers", 2000.0, None, false),
    ("milliers", 2000.0, None, false),
    ("des millions", 2e6, None, false),
    ("des milliards", 2e9, None, false),
    ("milliards", 2e9, None, false),
    ("plusieurs millions", 2000000.0, Some(9000000.0), false),
    ("une dizaine", 10.0, Some(10.0), true),
    ("une douzaine", 12.0, Some(12.0), true),
    ("une quinzaine", 15.0, Some(15.0), true),
    ("une vingtaine", 20.0, Some(20.0), true),
    ("une trentaine", 30.0, Some(30.0), true),
    ("une quarantaine", 40.0, Some(40.0), true),
    ("une cinquantaine", 50.0, Some(50.0), true),
    ("une soixantaine", 60.0, Some(60.0), true),
    ("une centaine", 100.0, Some(100.0), true),
    ("un millier", 1000.0, Some(1000.0), true),
];

/// Fractions written in words.
const FRACTIONS: &[(&str, f64)] = &[
    ("half", 0.5),
    ("a half", 0.5),
    ("a third", 1.0 / 3.0),
    ("one third", 1.0 / 3.0),
    ("one-third", 1.0 / 3.0),
    ("one quarter", 0.25),
    ("one-quarter", 0.25),
    ("a quarter-point", 0.25),
    ("a half-point", 0.5),
    ("a fifth", 0.2),
    ("one fifth", 0.2),
    ("one-fifth", 0.2),
    ("two thirds", 2.0 / 3.0),
    ("two-thirds", 2.0 / 3.0),
    ("a quarter", 0.25),
    ("three quarters", 0.75),
    ("three-quarters", 0.75),
    ("la moitie", 0.5),
    ("un tiers", 1.0 / 3.0),
    ("les deux tiers", 2.0 / 3.0),
    ("deux tiers", 2.0 / 3.0),
    ("un quart", 0.25),
    ("un cinquieme", 0.2),
    ("trois quarts", 0.75),
];

/// How hedged wording bounds the number after it.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Hedge {
    /// "about", "environ": the number, approximately.
    About,
    /// "nearly", "près de": at most the number, approximately.
    Nearly,
    /// "more than", "plus de", "at least": at least.
    AtLeast,
    /// "fewer than", "up to", "jusqu'à": at most.
    AtMost,
    /// "between", "entre", "de": a range follows.
    Between,
}

const HEDGES: &[(&str, Hedge)] = &[
    ("approximately", Hedge::About),
    ("roughly", Hedge::About),
    ("around", Hedge::About),
    ("about", Hedge::About),
    ("some", Hedge::About),
    ("an estimated", Hedge::About),
    ("environ", Hedge::About),
    ("quelque", Hedge::About),
    ("autour de", Hedge::About),
    ("de l'ordre de", Hedge::About),
    ("nearly", Hedge::Nearly),
    ("almost", Hedge::Nearly),
    ("close to", Hedge::Nearly),
    ("just under", Hedge::Nearly),
    ("pres de", Hedge::Nearly),
    ("pres d'", Hedge::Nearly),
    ("presque", Hedge::Nearly),
    ("quasiment", Hedge::Nearly),
    ("pratiquement", Hedge::Nearly),
    ("more than", Hedge::AtLeast),
    ("over", Hedge::AtLeast),
    ("at least", Hedge::AtLeast),
    ("upwards of", Hedge::AtLeast),
    ("just over", Hedge::AtLeast),
    ("exceeded", Hedge::AtLeast),
    ("above", Hedge::AtLeast),
    ("plus de", Hedge::AtLeast),
    ("plus d'", Hedge::AtLeast),
    ("un peu plus d'", Hedge::AtLeast),
    ("au moins", Hedge::AtLeast),
    ("pas moins de", Hedge::AtLeast),
    ("un peu plus de", Hedge::AtLeast),
    ("au-dela de", Hedge::AtLeast),
    ("fewer than", Hedge::AtMost),
    ("less than", Hedge::AtMost),
    ("under", Hedge::AtMost),
    ("up to", Hedge::AtMost),
    ("as many as", Hedge::AtMost),
    ("no more than", Hedge::AtMost),
    ("a maximum of", Hedge::AtMost),
    ("maximum of", Hedge::AtMost),
    ("below", Hedge::AtMost),
    ("moins de", Hedge::AtMost),
    ("moins d'", Hedge::AtMost),
    ("un peu moins de", Hedge::AtMost),
    ("un peu moins d'", Hedge::AtMost),
    ("jusqu'a", Hedge::AtMost),
    ("au plus", Hedge::AtMost),
    ("au maximum", Hedge::AtMost),
    ("between", Hedge::Between),
    ("entre", Hedge::Between),
];

/// Words that end a noun phrase, or cannot be the counted noun.
const STOP: &[&str] = &[
    "de",
    "du",
    "des",
    "d'",
    "la",
    "le",
    "les",
    "l'",
    "un",
    "une",
    "et",
    "ou",
    "a",
    "au",
    "aux",
    "en",
    "dans",
    "sur",
    "pour",
    "par",
    "avec",
    "sans",
    "sous",
    "entre",
    "ont",
    "sont",
    "est",
    "ete",
    "etaient",
    "avaient",
    "avait",
    "qui",
    "que",
    "qu'",
    "dont",
    "se",
    "s'",
    "ne",
    "n'",
    "pas",
    "plus",
    "moins",
    "selon",
    "contre",
    "depuis",
    "pendant",
    "chez",
    "vers",
    "ce",
    "cette",
    "ces",
    "il",
    "elle",
    "ils",
    "elles",
    "on",
    "y",
    "the",
    "an",
    "of",
    "and",
    "or",
    "to",
    "in",
    "at",
    "for",
    "by",
    "with",
    "from",
    "into",
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "be",
    "been",
    "who",
    "which",
    "that",
    "than",
    "as",
    "per",
    "each",
    "more",
    "less",
    "said",
    "say",
    "says",
    "will",
    "would",
    "could",
    "may",
    "also",
    "after",
    "before",
    "since",
    "during",
    "over",
    "under",
    "about",
    "against",
    "among",
    "it",
    "its",
    "their",
    "they",
    "them",
    "he",
    "she",
    "his",
    "her",
    "we",
    "our",
    "you",
    "this",
    "these",
    "those",
    "there",
    "here",
    "not",
    "no",
    "but",
    "if",
    "when",
    "while",
    "other",
    "others",
    "such",
    "all",
    "out",
    "up",
    "down",
    "off",
    "times",
    "ago",
    "later",
    "earlier",
    "year-old",
    "years-old",
    "year-olds",
];

const MONTHS: &[&str] = &[
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Words before a number that make it a label, not a count ("article
/// 175", "page 3", "n° 5").
const LABELS: &[&str] = &[
    "article",
    "articles",
    "page",
    "pages",
    "chapitre",
    "chapter",
    "section",
    "paragraph",
    "paragraphe",
    "alinea",
    "resolution",
    "loi",
    "law",
    "decret",
    "decree",
    "amendement",
    "amendment",
    "no",
    "n",
    "numero",
    "number",
    "vol",
    "volume",
    "episode",
    "saison",
    "season",
    "route",
    "flight",
    "vol",
    "line",
    "ligne",
    "room",
    "salle",
    "level",
    "niveau",
    "phase",
    "grade",
    "class",
    "classe",
    "covid",
    "g",
    "figure",
    "table",
    "tome",
    "acte",
    "act",
    "annee",
    "year",
    "years",
    "an",
    "ans",
    "age",
    "aged",
    "agee",
    "age de",
];

/// Words before a number that make it a date or a year unless a noun it
/// counts follows ("since 2019", but "in 14 cities").
const DATE_WORDS: &[&str] = &[
    "since",
    "depuis",
    "in",
    "en",
    "of",
    "de",
    "from",
    "to",
    "until",
    "jusqu'en",
    "fin",
    "debut",
    "mid",
    "hiver",
    "ete",
    "printemps",
    "automne",
    "winter",
    "summer",
    "spring",
    "autumn",
    "fall",
    "circa",
    "vers",
    "avant",
    "apres",
    "before",
    "after",
];

/// Units of a measure that can stand between a count and its noun ("two
/// 120 mm rounds", "three 155mm shells").
const MEASURES: &[&str] = &[
    "mm", "cm", "m", "km", "kg", "t", "inch", "in", "pound", "lb", "calibre", "caliber", "metre", "meter", "ton",
    "tonne",
];

/// Words after "of" that make a number a part of what they name ("three of
/// its commanders", "two of the ships").
const POSSESSIVES: &[&str] = &["its", "their", "his", "her", "our", "the", "these", "those", "your", "my"];

/// Nouns that make a time span a measured quantity (a sentence, a penalty).
const PENALTIES: &[&str] =
    &["prison", "reclusion", "detention", "emprisonnement", "jail", "sentence", "peine", "ferme", "sursis"];

/// Words before a time span that make it a penalty ("condamné à 20 ans",
/// "une peine de sûreté de 13 ans", "sentenced to 10 years").
const SENTENCED: &[&str] =
    &["condamne", "condamnee", "condamnes", "requis", "ecope", "surete", "sentenced", "faces", "maximum"];

/// Every figure in `plain`.
pub fn find(plain: &str) -> Vec<Figure> {
    find_folded(plain, &Folded::new(plain))
}

/// `find` over text already folded.
pub fn find_folded(plain: &str, folded: &Folded) -> Vec<Figure> {
    scan(plain, folded, false)
}

/// The first figure in a passage an editor marked as one: whatever it
/// counts, a noun or none ("3 rovers", "100").
pub fn read_marked(text: &str) -> Option<Figure> {
    scan(text, &Folded::new(text), true).into_iter().next()
}

/// The words (tokens) `n` ahead of `i`, if they are all words and read `phrase`.
fn matches_words(toks: &[Token], i: usize, phrase: &str) -> bool {
    words_taken(toks, i, phrase, &[' ']).is_some()
}

/// How many tokens from `i` spell `phrase` split at `separators`, word for
/// word; `None` when they do not. Allocates nothing: it runs for every
/// entry of the phrase tables at every token of every page.
fn words_taken(toks: &[Token], i: usize, phrase: &str, separators: &[char]) -> Option<usize> {
    let mut n = 0;
    for (k, w) in phrase.split(separators).enumerate() {
        let t = toks.get(i + k)?;
        if t.kind != Kind::Word || t.text != w {
            return None;
        }
        n += 1;
    }
    Some(n)
}

/// A phrase of `VAGUE` or `FRACTIONS` starting at token `i`: its entry and
/// the number of tokens it takes. An entry matches as written (a hyphen
/// inside one token) or with its hyphens as token breaks. `index` holds
/// the table's entries by their first word ([`first_words`]).
fn phrase_at<T: Copy>(
    toks: &[Token],
    i: usize,
    index: &HashMap<&'static str, Vec<usize>>,
    entry: impl Fn(usize) -> (&'static str, T),
) -> Option<(T, usize)> {
    let first = toks.get(i).filter(|t| t.kind == Kind::Word)?.text;
    index
        .get(first)?
        .iter()
        .filter_map(|&k| {
            let (w, v) = entry(k);
            let n = words_taken(toks, i, w, &[' ']).or_else(|| words_taken(toks, i, w, &['-', ' ']))?;
            Some((v, n))
        })
        .max_by_key(|(_, n)| *n)
}

/// The entries of a phrase table by their first word, as written and with
/// hyphens as breaks, in the table's order: only these can start at a token.
fn first_words(phrases: impl Iterator<Item = &'static str>) -> HashMap<&'static str, Vec<usize>> {
    let mut index: HashMap<&'static str, Vec<usize>> = HashMap::new();
    for (k, w) in phrases.enumerate() {
        let written = w.split(' ').next().unwrap_or(w);
        let broken = w.split(['-', ' ']).next().unwrap_or(w);
        index.entry(written).or_default().push(k);
        if broken != written {
            index.entry(broken).or_default().push(k);
        }
    }
    index
}

/// A cardinal in words at token `i` ("twenty-five", "deux", "vingt-cinq",
/// "two hundred", "deux mille"): its value and the tokens it takes.
fn words_number(toks: &[Token], i: usize) -> Option<(f64, usize)> {
    let t = toks.get(i).filter(|t| t.kind == Kind::Word)?;
    let unit = |w: &str| UNITS.iter().find(|(u, _)| *u == w).map(|(_, v)| *v);
    // "twenty-five", "vingt-cinq", "quatre-vingt-dix"
    let value = if t.text.contains('-') {
        let parts: Vec<&str> = t.text.split('-').filter(|p| *p != "et").collect();
        let mut total = 0.0;
        for p in &parts {
            match (unit(p), *p) {
                (Some(v), _) if total == 80.0 || total == 60.0 && v < 20.0 => total += v,
                (Some(v), _) if total > 0.0 && (total * 4.0 == v * 4.0 || v == 20.0 && total < 10.0) => total *= v,
                (Some(v), _) => total += v,
                (None, "cent" | "cents" | "hundred") => total = total.max(1.0) * 100.0,
                (None, "mille" | "thousand") => total = total.max(1.0) * 1000.0,
                _ => return None,
            }
        }
        total
    } else {
        unit(t.text)?
    };
    Some((value, 1))
}

/// Parses the number at token `i`: digits or words, with a multiplier
/// after it. Returns its value and the tokens it takes.
fn number_at(toks: &[Token], i: usize, text: &str) -> Option<(f64, usize)> {
    number_parts(toks, i, text).map(|(base, factor, n)| (base * factor, n))
}

/// The number at token `i` as its digits' or words' value, the multiplier
/// after it (1 when none), and the tokens both take.
fn number_parts(toks: &[Token], i: usize, text: &str) -> Option<(f64, f64, usize)> {
    let t = toks.get(i)?;
    let (mut value, mut n) = match t.kind {
        Kind::Digits => {
            // "21st", "1er", "2e", "10h30", "COVID-19", "G7", "A320": not counts.
            let next = &text[t.end..];
            let attached = next.starts_with(|c: char| c.is_alphanumeric());
            let unit = next.starts_with("er ")
                || next.starts_with("e ")
                || next.starts_with("eme")
                || next.starts_with("st ")
                || next.starts_with("nd ")
                || next.starts_with("rd ")
                || next.starts_with("th ");
            let before = text[..t.start].chars().next_back();
            if (attached && !starts_unit(next))
                || unit
                || before.is_some_and(|c| {
                    c.is_alphanumeric()
                        || c == '-'
                            && text[..t.start].len() > 1
                            && text[..t.start - 1].ends_with(|c: char| c.is_alphabetic())
                })
            {
                return None;
            }
            if next.starts_with(':')
                || next.starts_with('h') && next[1..].starts_with(|c: char| c.is_ascii_digit() || c == ' ')
            {
                return None;
            }
            (digits_value(t.text)?, 1)
        }
        Kind::Word => words_number(toks, i)?,
        _ => return None,
    };
    // "deux mille", "3 millions", "two hundred thousand", "$3m"
    let mut factor = 1.0;
    while let Some(m) = toks.get(i + n).filter(|m| m.kind == Kind::Word || m.kind == Kind::Digits) {
        let attached = m.start == toks[i + n - 1].end;
        match MULTIPLIERS.iter().find(|(w, _)| *w == m.text) {
            Some((w, f)) if w.len() > 2 || attached => {
                factor *= f;
                n += 1;
            }
            _ => break,
        }
    }
    // "One-hundred thirty", "two hundred fifty": the tens after the hundreds.
    if t.kind == Kind::Word && (value * factor) % 100.0 == 0.0 && value * factor < 1000.0 && value * factor > 0.0 {
        if let Some((tens, 1)) = words_number(toks, i + n).filter(|(v, _)| *v < 100.0 && *v >= 1.0) {
            value = value * factor + tens;
            factor = 1.0;
            n += 1;
        }
    }
    Some((value, factor, n))
}

/// Letters right after digits that are a unit, not part of a name: "20km",
/// "3m", "5kg", "11%".
fn starts_unit(next: &str) -> bool {
    ["km", "kg", "m ", "m,", "m.", "mn", "bn", "k ", "mm", "cm", "t ", "ha", "%"].iter().any(|u| next.starts_with(u))
}

/// The hedge ending right before token `i`: its kind and first token.
fn hedge_before(toks: &[Token], i: usize) -> Option<(Hedge, usize)> {
    // Each hedge as its tokens ("jusqu'a" is two: "jusqu'" then "a").
    static SPLIT: OnceLock<Vec<(Vec<&'static str>, Hedge)>> = OnceLock::new();
    let split = SPLIT
        .get_or_init(|| HEDGES.iter().map(|(words, h)| (tokens(words).iter().map(|t| t.text).collect(), *h)).collect());
    let mut best: Option<(Hedge, usize, usize)> = None;
    for (words, hedge) in split {
        let n = words.len();
        let Some(from) = i.checked_sub(n) else { continue };
        let ok = toks[from..i].iter().zip(words).all(|(t, w)| t.kind == Kind::Word && t.text == *w);
        if ok && best.is_none_or(|(_, _, m)| n >= m) {
            best = Some((*hedge, from, n));
        }
    }
    best.map(|(h, from, _)| (h, from))
}

/// The counted noun after token `i`: the noun phrase's words (up to four,
/// ended by a function word or punctuation), skipping "de", "d'", "of".
fn noun_after<'t>(toks: &'t [Token<'t>], mut i: usize) -> (Vec<&'t str>, usize) {
    let linking = |t: Option<&Token>| t.is_some_and(|t| matches!(t.text, "de" | "d'" | "of" | "des"));
    // «quelques dizaines» de conseillers: the quotation closes before the noun.
    if toks.get(i).is_some_and(|t| matches!(t.text, "»" | "\"")) && linking(toks.get(i + 1)) {
        i += 1;
    }
    // two "deliveries" a year, 14 «gilets jaunes»: a noun in quotation
    // marks.
    // (Folding makes every quotation mark straight: one opens a quotation
    // where an even number of them come before it.)
    let opening = |k: usize| toks[k].text == "\"" && toks[..k].iter().filter(|t| t.text == "\"").count() % 2 == 0;
    let closing = |t: &Token| t.text == "\"";
    if i < toks.len()
        && opening(i)
        && toks.get(i + 1).is_some_and(|t| t.kind == Kind::Word)
        && (i + 2..i + 5)
            .find(|&j| toks.get(j).is_none_or(|t| t.kind != Kind::Word))
            .is_some_and(|j| toks.get(j).is_some_and(closing))
    {
        i += 1;
    }
    // "six other people", "deux autres blessés": the noun after.
    if toks.get(i).is_some_and(|t| matches!(t.text, "other" | "additional" | "autres"))
        && toks.get(i + 1).is_some_and(|t| t.kind == Kind::Word && !STOP.contains(&t.text))
    {
        i += 1;
    }
    // "des", "d'", "de", "of": "3 millions de personnes", "dozens of people".
    while toks.get(i).is_some_and(|t| matches!(t.text, "de" | "d'" | "of" | "des")) {
        i += 1;
    }
    let mut words = Vec::new();
    let mut end = i;
    while let Some(t) = toks.get(end) {
        if t.kind != Kind::Word || STOP.contains(&t.text) || words.len() == 4 {
            break;
        }
        if MONTHS.contains(&t.text) {
            break;
        }
        words.push(t.text);
        end += 1;
        // "un millier de membres du personnel militaire", "members of the
        // crew": the count is of what they are members of.
        if words.len() == 1 && matches!(t.text, "membre" | "membres" | "member" | "members") {
            let link = toks.get(end).map(|t| t.text);
            if matches!(link, Some("du" | "de" | "des" | "of")) {
                words.push(toks[end].text);
                end += 1;
                if toks.get(end).is_some_and(|t| matches!(t.text, "the" | "la" | "l'")) {
                    words.push(toks[end].text);
                    end += 1;
                }
            }
        }
    }
    (words, end)
}

fn scan(plain: &str, folded: &Folded, marked: bool) -> Vec<Figure> {
    let text = &folded.text;
    let toks = tokens(text);
    let classes = Classes::get();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(found) = figure_at(&toks, i, text, classes, marked) else {
            i += 1;
            continue;
        };
        let (mut s, mut e) = folded.original_range(toks[found.first].start, toks[found.last].end);
        // 14 «gilets jaunes»: the quotation the noun opens, whole.
        let span = &plain[s..e];
        let opened = |o: char, c: char| span.matches(o).count() > span.matches(c).count();
        let straight = span.matches('"').count() % 2 == 1;
        let close = [('«', '»'), ('“', '”'), ('"', '"')]
            .into_iter()
            .find(|&(o, c)| (o == '"' && straight || o != '"' && opened(o, c)) && !span.ends_with(o));
        if let Some((_, c)) = close {
            if let Some(k) =
                plain[e..].char_indices().take(40).find(|&(_, ch)| ch == c).map(|(k, ch)| k + ch.len_utf8())
            {
                e += k;
            }
        }
        // «quelques dizaines» de conseillers: the quotation whole.
        if plain[s..e].contains('»') {
            if let Some(open) = plain[..s].strip_suffix('«').map(str::len) {
                s = open;
            }
        }
        let original = &plain[s..e];
        // A number in a name: "Boeing 737", "Article 175" (a capital before
        // it, in the original text, that does not start a sentence).
        if !marked && found.bare_digits && named(plain, s, original) {
            i = found.next;
            continue;
        }
        // An age after a name: "Thaier Al-Sudani, 47, cameraman …".
        if !marked && found.bare_digits && found.low.is_some_and(|v| v < 120.0) && after_name(plain, s) {
            i = found.next;
            continue;
        }
        out.push(Figure {
            start: s,
            end: e,
            text: original.trim().to_owned(),
            low: found.low,
            high: found.high,
            counts: found.counts,
            class: found.class,
            approximate: found.approximate,
            vague: found.vague,
            claim: None,
            origin: super::Origin::Machine,
        });
        i = found.next;
    }
    ratios(plain, folded, &mut out);
    out
}

/// Ratios: "un TGV sur sept", "trois Transiliens sur cinq", "nine out of
/// 10 voters", as the fraction they state; they replace the count of their
/// first number.
fn ratios(plain: &str, folded: &Folded, out: &mut Vec<Figure>) {
    static RATIO: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let ratio = RATIO.get_or_init(|| {
        let words: Vec<&str> = UNITS.iter().map(|(w, _)| *w).filter(|w| !w.contains(' ')).collect();
        let number = format!(r"(?:un|une|{}|\d+)", words.join("|"));
        regex::Regex::new(&format!(r"\b({number})\s+((?:[\p{{L}}'-]+\s+){{0,3}}?)(?:sur|out of)\s+({number})\b"))
            .expect("built-in pattern is valid")
    });
    let value = |w: &str| -> Option<f64> {
        match w {
            "un" | "une" => Some(1.0),
            _ if w.chars().all(|c| c.is_ascii_digit()) => w.parse().ok(),
            _ => UNITS.iter().find(|(u, _)| *u == w).map(|(_, v)| *v),
        }
    };
    let text = &folded.text;
    // (folded start, end, low, high, counted noun)
    let mut found: Vec<(usize, usize, f64, f64, String)> = Vec::new();
    for c in ratio.captures_iter(text) {
        let (Some(n), Some(m)) = (value(&c[1]), value(&c[3])) else { continue };
        if !(n >= 1.0 && n < m && m <= 1000.0) {
            continue;
        }
        let whole = c.get(0).expect("match");
        // "une rame sur deux à deux rames sur trois": a range of ratios.
        if let Some(last) = found.last_mut() {
            let between = text[last.1..whole.start()].trim();
            if matches!(between, "a" | "to" | "-") && last.3 < n / m {
                last.1 = whole.end();
                last.3 = n / m;
                continue;
            }
        }
        let noun = c[2].split_whitespace().next().map(|w| singular(w).to_owned()).unwrap_or_default();
        found.push((whole.start(), whole.end(), n / m, n / m, noun));
    }
    for (start, end, low, high, counts) in found {
        let (s, e) = folded.original_range(start, end);
        out.retain(|f| f.end <= s || f.start >= e);
        out.push(Figure {
            start: s,
            end: e,
            text: plain[s..e].to_owned(),
            low: Some(low),
            high: Some(high),
            counts,
            class: Some("share".to_owned()),
            approximate: false,
            vague: false,
            claim: None,
            origin: super::Origin::Machine,
        });
    }
    out.sort_by_key(|f| (f.start, f.end));
}

/// What `figure_at` finds.
struct Found {
    first: usize,
    last: usize,
    next: usize,
    low: Option<f64>,
    high: Option<f64>,
    counts: String,
    class: Option<String>,
    approximate: bool,
    vague: bool,
    /// A plain number in digits with nothing around it, which a name can
    /// hold.
    bare_digits: bool,
}

/// The figure that starts at token `i` (its number, or the hedge before
/// it), if there is one.
fn figure_at(toks: &[Token], i: usize, text: &str, classes: &Classes, marked: bool) -> Option<Found> {
    let mut first = i;
    let (mut low, mut high, mut approximate, mut vague);
    let taken;
    let mut currency: Option<&str> = None;
    let mut fraction = false;
    // "$47 billion", "€3m", "US$ 5"
    // ("Rs 1.75 lakh crore", "INR 500": rupees, written before the number.)
    let rupee = toks[i].kind == Kind::Word && matches!(toks[i].text, "rs" | "inr");
    if toks[i].kind == Kind::Sign && matches!(toks[i].text, "$" | "€" | "£") || rupee {
        currency = Some(match toks[i].text {
            "$" => "dollar",
            "€" => "euro",
            "£" => "pound",
            _ => "rupee",
        });
        let n = toks.get(i + 1).filter(|t| t.kind == Kind::Digits && t.start <= toks[i].end + 1)?;
        let _ = n;
    }
    let at = if currency.is_some() { i + 1 } else { i };
    // The second half of a score or a season ("6-0 victory", "the 2022/23
    // season"), reached when it made no range with the first.
    if toks[at].kind == Kind::Digits {
        let before = &text[..toks[at].start];
        if before.strip_suffix(['-', '/']).is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit())) {
            return None;
        }
    }
    // "20 millions": the scale word of a number, never a vague quantity.
    let after_number = at > 0 && (toks[at - 1].kind == Kind::Digits || words_number(toks, at - 1).is_some());
    static VAGUE_FIRST: OnceLock<HashMap<&'static str, Vec<usize>>> = OnceLock::new();
    static FRACTIONS_FIRST: OnceLock<HashMap<&'static str, Vec<usize>>> = OnceLock::new();
    let vague_first = VAGUE_FIRST.get_or_init(|| first_words(VAGUE.iter().map(|e| e.0)));
    let fractions_first = FRACTIONS_FIRST.get_or_init(|| first_words(FRACTIONS.iter().map(|e| e.0)));
    let vague_phrase = phrase_at(toks, at, vague_first, |k| {
        let (w, v, h, e) = VAGUE[k];
        (w, (v, h, e))
    })
    .filter(|_| !after_number);
    if let Some(((v, top, exact), n)) = vague_phrase {
        // "une dizaine", "dozens", "quelques dizaines"
        low = Some(v);
        high = top;
        approximate = exact;
        vague = !exact;
        taken = n;
    } else if let Some((v, n)) = phrase_at(toks, at, fractions_first, |k| FRACTIONS[k]) {
        fraction = true;
        low = Some(v);
        high = Some(v);
        approximate = false;
        vague = false;
        taken = n;
    } else {
        // "a hundred", "a thousand", "a million", "un million"
        let article = toks.get(at).is_some_and(|t| matches!(t.text, "a" | "un" | "one"))
            && toks.get(at + 1).is_some_and(|t| MULTIPLIERS.iter().any(|(w, _)| *w == t.text && w.len() > 2));
        let (v, n) = if article {
            let (_, f) = MULTIPLIERS.iter().find(|(w, _)| *w == toks[at + 1].text).copied()?;
            (f, 2)
        } else {
            number_at(toks, at, text)?
        };
        low = Some(v);
        high = Some(v);
        approximate = false;
        vague = false;
        taken = n;
    }
    let words_only = toks[at].kind == Kind::Word;
    let mut last = at + taken - 1;
    let mut bare_digits = toks[at].kind == Kind::Digits && taken == 1 && currency.is_none();
    // The hedge before.
    let start = if currency.is_some() { i } else { at };
    let hedged = hedge_before(toks, start).or_else(|| {
        // "up to a $250,000 fine": an article between.
        (start > 0 && matches!(toks[start - 1].text, "a" | "an"))
            .then(|| hedge_before(toks, start - 1))
            .flatten()
            .filter(|(h, _)| *h != Hedge::Between)
    });
    if let Some((hedge, from)) = hedged {
        first = from;
        bare_digits = false;
        let v = low;
        match hedge {
            Hedge::About => approximate = true,
            Hedge::Nearly => {
                low = None;
                approximate = true;
                high = if vague { None } else { v };
            }
            Hedge::AtLeast => {
                high = None;
            }
            Hedge::AtMost => {
                low = None;
                high = v;
                vague = false;
            }
            Hedge::Between => {}
        }
    }
    // A range: "25 to 30 million", "entre 70 et 80 000", "de 25 à 30", "3-5".
    if !vague {
        let between = hedge_before(toks, at).is_some_and(|(h, _)| h == Hedge::Between);
        let next = toks.get(last + 1);
        let dash = next.is_some_and(|t| t.kind == Kind::Digits && text[toks[last].end..t.start].trim() == "-");
        let word = next.is_some_and(|t| matches!(t.text, "to" | "a" | "or" | "ou"))
            || next.is_some_and(|t| matches!(t.text, "et" | "and")) && between;
        // ("$15 billion to $100 billion": the sign again before the second.)
        let signed = word && toks[at.saturating_sub(1)].kind == Kind::Sign && at > 0;
        let second = if dash {
            Some(last + 1)
        } else if word && signed && toks.get(last + 2).is_some_and(|t| t.text == toks[at - 1].text) {
            Some(last + 3)
        } else if word {
            Some(last + 2)
        } else {
            None
        };
        if let Some((second, (base2, factor2, n2))) = second.and_then(|k| Some((k, number_parts(toks, k, text)?))) {
            let v1 = low.or(high).unwrap_or(0.0);
            let same_kind = toks[at].kind == toks[second].kind;
            // The second number's multiplier applies to a first one that has
            // none: "25 to 30 million".
            let v1 = if taken == 1 && factor2 > 1.0 && v1 * factor2 <= base2 * factor2 { v1 * factor2 } else { v1 };
            let v2 = base2 * factor2;
            // "entre 70 à 80'000": the first number shares the second's
            // thousands.
            let grouped = toks[second].kind == Kind::Digits
                && toks[second].text.contains([' ', '.', ',', '\''])
                && toks[at].kind == Kind::Digits
                && toks[at].text.len() <= 3;
            let v1 = if grouped && v1 * 1000.0 <= v2 && v1 * 1000.0 > v2 / 2.0 { v1 * 1000.0 } else { v1 };
            if same_kind && v2 > v1 {
                low = Some(v1);
                high = Some(v2);
                last = second + n2 - 1;
                bare_digits = false;
            }
        }
    }
    // "one or more drones", "trois ou plus": no upper bound; "10 or fewer":
    // no lower one.
    let mut open_ended = false;
    if matches!(toks.get(last + 1).map(|t| t.text), Some("or" | "ou")) {
        match toks.get(last + 2).map(|t| t.text) {
            Some("more" | "plus") => high = None,
            Some("fewer" | "less" | "moins") => low = None,
            _ => {}
        }
        if low.is_none() || high.is_none() {
            open_ended = true;
            last += 2;
            bare_digits = false;
        }
    }
    // Percentages: "11 %", "11 percent", "54 pour cent".
    let mut counts = String::new();
    let mut class = None;
    let mut end = last;
    if toks.get(last + 1).is_some_and(|t| t.text == "%") {
        counts = "%".into();
        end = last + 1;
    } else if matches_words(toks, last + 1, "percent") || matches_words(toks, last + 1, "pourcent") {
        counts = "%".into();
        end = last + 1;
    } else if matches_words(toks, last + 1, "per cent") || matches_words(toks, last + 1, "pour cent") {
        counts = "%".into();
        end = last + 2;
    }
    if counts == "%" {
        class = Some("share".to_owned());
        bare_digits = false;
    }
    if let Some(c) = currency {
        counts = c.to_owned();
        class = classes.of(&[c]).map(|(c, _)| c.to_owned());
        bare_digits = false;
    }
    // Where the counted noun starts when something stands between it and
    // the number: a measure that describes it ("two 120 mm rounds"), a
    // partitive ("three of its commanders", "deux d'entre elles"), or the
    // next number's noun ("bursts of nine and 12 shots").
    let mut noun_from = last + 1;
    let mut span_end = None;
    let mut partitive = false;
    // A tally: "(438 contre 86 et 42 abstentions)", "10 députés (sur 288)".
    let tally = toks.get(last + 1).is_some_and(|t| matches!(t.text, "contre" | "against"))
        && number_at(toks, last + 2, text).is_some()
        || at >= 2 && toks[at - 1].text == "sur" && toks[at - 2].text == "("
        || at >= 3 && toks[at - 1].text == "of" && toks[at - 2].text == "out" && toks[at - 3].text == "(";
    if counts.is_empty() && currency.is_none() {
        let word = |k: usize| toks.get(k).map(|t| t.text);
        let next_number = |k: usize| number_at(toks, k, text).map(|(_, n)| n);
        if let Some(n) = next_number(last + 1).filter(|_| words_only) {
            if word(last + 1 + n).is_some_and(|w| MEASURES.contains(&w)) {
                noun_from = last + 2 + n;
            }
        } else if let Some(n) =
            next_number(last + 2).filter(|_| matches!(word(last + 1), Some("and" | "or" | "et" | "ou")))
        {
            noun_from = last + 2 + n;
            span_end = Some(last);
        } else if word(last + 1) == Some("of") && word(last + 2).is_some_and(|w| POSSESSIVES.contains(&w)) {
            noun_from = last + 3;
            partitive = true;
        } else if word(last + 1) == Some("of") && matches!(word(last + 2), Some("them" | "us")) {
            span_end = Some(last + 2);
            partitive = true;
        } else if word(last + 1) == Some("d'")
            && word(last + 2) == Some("entre")
            && matches!(word(last + 3), Some("eux" | "elles" | "nous" | "vous"))
        {
            span_end = Some(last + 3);
            partitive = true;
        }
    }
    if counts.is_empty() {
        let (mut words, mut after) = noun_after(toks, noun_from);
        // A count above one names its noun in the plural: the phrase ends
        // there ("2,400 dockworkers walked", "40 container ships waited").
        if low.or(high).is_some_and(|v| v > 1.0) {
            let member = words.first().is_some_and(|w| matches!(*w, "membres" | "members"));
            if let Some(mut k) =
                words.iter().position(|w| w.len() > 3 && (w.ends_with('s') || w.ends_with('x'))).filter(|_| !member)
            {
                // "conseillers militaires": a French adjective agrees.
                if k + 1 < words.len() && classes.of(&words[k..k + 2]).is_some_and(|(_, n)| n == 2) {
                    k += 1;
                }
                after -= words.len() - k - 1;
                words.truncate(k + 1);
            }
        }
        if let Some(head) = words.last() {
            // A date ("3 janvier", "June 4") or a time span that frames an
            // event ("for seven years") is not a count.
            let noun = singular(head);
            counts = words.iter().map(|w| singular(w)).collect::<Vec<_>>().join(" ");
            class = classes.of(&words).map(|(c, _)| c.to_owned());
            end = after - 1;
            let _ = noun;
        }
    }
    if let Some(e) = span_end {
        end = e;
    }
    // A multiplier: "nearly ten times more likely", "four or five times"
    // (the keys count them, as readers do; French "cent fois" is not read
    // as one yet).
    if counts.is_empty() && toks.get(last + 1).is_some_and(|t| t.text == "times") {
        counts = "time".into();
        class = None;
        end = last + 1;
        bare_digits = false;
    }
    // A change in points: "a 0.3-point drop", "a quarter-point cut".
    let hyphened = text[toks[last].end..].strip_prefix('-').unwrap_or("");
    if hyphened.starts_with("point") || hyphened.starts_with("percentage-point") || toks[last].text.ends_with("-point")
    {
        counts = "point".into();
        class = Some("share".to_owned());
        end = if toks[last].text.ends_with("-point") { last } else { last + 1 };
        bare_digits = false;
    }
    // An earthquake's magnitude: "a 6.1-magnitude earthquake", "de
    // magnitude 6,8", "magnitude-7.1".
    let before_magnitude = at > 0 && toks[at - 1].text == "magnitude" && currency.is_none();
    if hyphened.starts_with("magnitude")
        || before_magnitude && text[toks[at - 1].end..toks[at].start].trim_matches(['-', ' ']).is_empty()
    {
        counts = "magnitude".into();
        class = None;
        end = if before_magnitude { last } else { last + 1 };
        if before_magnitude {
            first = first.min(at - 1);
        }
        bare_digits = false;
    }
    // Dates and years are never counts.
    if !marked {
        let next_word = toks.get(last + 1).map(|t| t.text);
        let prev_word = at.checked_sub(1).map(|p| toks[p].text);
        // "3 janvier", "June 4": a day of a month.
        let day = toks[at].kind == Kind::Digits && low.is_some_and(|v| (1.0..=31.0).contains(&v) && v.fract() == 0.0);
        if day && (next_word.is_some_and(|w| MONTHS.contains(&w)) || prev_word.is_some_and(|w| MONTHS.contains(&w))) {
            return None;
        }
        let v = low.or(high).unwrap_or(0.0);
        let year = toks[at].kind == Kind::Digits && toks[at].text.len() == 4 && (1800.0..=2100.0).contains(&v);
        if year && class.as_deref().is_none_or(|c| c == "time-span") {
            return None;
        }
        // A time of day: "21:00 local time", "à 07.00".
        let clock = |t: &Token| {
            t.text.len() == 5 && t.text.as_bytes()[2] == b'.' && t.text[..2].bytes().all(|b| b.is_ascii_digit())
        };
        if toks[at].kind == Kind::Digits
            && (text[..toks[at].start].strip_suffix(':').is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()))
                || clock(&toks[at]) && matches!(next_word, Some("local" | "gmt" | "utc" | "heure" | "heures" | "h")))
        {
            return None;
        }
        // A time of day: "9 am", "10 p.m.".
        if toks[at].kind == Kind::Digits
            && matches!(next_word, Some("am" | "pm" | "a" | "p"))
            && text[toks[last].end..].trim_start().starts_with(['a', 'p'])
            && text[toks[last].end..].trim_start().get(1..2).is_some_and(|c| c == "m" || c == ".")
        {
            return None;
        }
        // Ages: "45-year-old", "âgé de 45 ans", "aged 45".
        if toks.get(last + 1).is_some_and(|t| t.text.starts_with("year-old") || t.text.starts_with("years-old"))
            || prev_word.is_some_and(|w| matches!(w, "aged" | "age" | "agee" | "ages"))
        {
            return None;
        }
        // A calibre names a kind of weapon: "0.50 calibre rounds".
        if counts.split(' ').next().is_some_and(|w| matches!(w, "calibre" | "caliber" | "gauge")) {
            return None;
        }
        // "a third case", "a fifth term": an ordinal after an article.
        let ordinal = |w: &str| matches!(w, "third" | "fourth" | "fifth");
        if fraction
            && toks[at].text == "a"
            && toks.get(at + 1).is_some_and(|t| ordinal(t.text))
            && toks.get(at + taken).is_some_and(|t| t.kind == Kind::Word && !STOP.contains(&t.text))
        {
            return None;
        }
        // A compound modifier: ".45-caliber handgun", "a 10-member team".
        if bare_digits
            && counts != "magnitude"
            && text[toks[at].end..].strip_prefix('-').is_some_and(|r| r.starts_with(char::is_alphabetic))
        {
            return None;
        }
        // A label: "article 175", "page 3".
        let adjacent = at > 0 && text[toks[at - 1].end..toks[at].start].trim().is_empty();
        // Before a number that counts a noun ("accusé de 14 viols", "in 14
        // cities"), a preposition or a season is no label.
        let labelled = prev_word.is_some_and(|w| LABELS.contains(&w) || counts.is_empty() && DATE_WORDS.contains(&w));
        // "Phase six", "saison deux": a number word after a label too.
        let label_word = words_only && taken == 1 && prev_word.is_some_and(|w| LABELS.contains(&w));
        if (bare_digits && labelled || label_word) && adjacent && class.is_none() {
            return None;
        }
        // Durations count only as penalties ("20 ans de prison", "faces a
        // maximum of 10 years"); others frame the story ("less than six
        // months", "over three days").
        if class.as_deref() == Some("time-span") {
            let window: Vec<&str> = toks.iter().skip(end + 1).take(4).map(|t| t.text).collect();
            let before: Vec<&str> = toks[first.saturating_sub(4)..at].iter().map(|t| t.text).collect();
            let penalty = window.iter().any(|w| PENALTIES.contains(w))
                || before.iter().any(|w| PENALTIES.contains(w) || SENTENCED.contains(w));
            // A duration someone timed: "in just under three hours", "wait
            // times that exceeded two hours" (not "just over a minute later").
            let hedge = toks[first..at].iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
            let relative = toks.get(end + 1).is_some_and(|t| matches!(t.text, "later" | "earlier" | "ago" | "plus"));
            let timed = matches!(hedge.as_str(), "just under" | "just over" | "exceeded") && !relative;
            if !penalty && !timed {
                return None;
            }
        }
        // "les deux pays", "the two leaders", "nos deux nations": a
        // reference to things already named, not a count.
        let determiner = |w: &str| {
            matches!(
                w,
                "les"
                    | "the"
                    | "ces"
                    | "these"
                    | "those"
                    | "nos"
                    | "vos"
                    | "leurs"
                    | "our"
                    | "their"
                    | "ses"
                    | "its"
                    | "his"
                    | "her"
                    | "mes"
                    | "tes"
            )
        };
        if words_only && prev_word.is_some_and(determiner) && low.is_some_and(|v| (1.0..=12.0).contains(&v)) {
            return None;
        }
        // "un" and "une" are articles; "one" too, as in "one of them", and
        // where no verb or limiting word comes before it: at a sentence's
        // or clause's start ("One official said"), after a preposition ("at
        // one point", "by one measure", "on one hand").
        let article_place = first == at
            && (at == 0
                || toks[at - 1].kind == Kind::Break
                || matches!(
                    toks[at - 1].text,
                    "at" | "by"
                        | "on"
                        | "in"
                        | "of"
                        | "for"
                        | "with"
                        | "from"
                        | "to"
                        | "into"
                        | "another"
                        | "and"
                        | "or"
                        | "but"
                        | "as"
                        | "per"
                ));
        if words_only
            && matches!(toks[at].text, "one")
            && taken == 1
            && !open_ended
            && (counts.is_empty()
                || article_place
                || matches!(toks.get(last + 1).map(|t| t.text), Some("of" | "another" | "day" | "time"))
                || at > 0 && matches!(toks[at - 1].text, "the" | "no" | "this" | "that" | "every" | "any" | "which"))
        {
            return None;
        }
        // A number that counts nothing named is not a figure, unless its
        // wording makes it one (a hedge, a vague quantity).
        // A scale word makes an amount of its own ("20 millions", "1,5
        // milliard"): what it counts is clear from the sentence.
        let scaled = !vague && MULTIPLIERS.iter().any(|(w, f)| *w == toks[at + taken - 1].text && *f >= 1e3);
        // A fraction is a share even with nothing named after it ("cut by
        // a third"); "half" alone is too often a part of a match or an hour.
        let half =
            toks[at].text == "half" || toks[at].text == "a" && toks.get(at + 1).is_some_and(|t| t.text == "half");
        let share = fraction && !half;
        if counts.is_empty()
            && !vague
            && first == at
            && !scaled
            && !share
            && !partitive
            && !tally
            && !thousands_grouped(toks[at].text)
        {
            return None;
        }
        // Scores and ratios: "3-1", "2 à 1". A number in thousands stands
        // for its count even bare ("jumped by 98,700", "little changed at
        // 3,800").
        if bare_digits && counts.is_empty() && !partitive && !tally && !thousands_grouped(toks[at].text) {
            return None;
        }
    } else if counts.is_empty() {
        counts = String::new();
    }
    Some(Found {
        first,
        last: end.max(last),
        next: end.max(last) + 1,
        low,
        high,
        counts,
        class,
        approximate,
        vague,
        bare_digits,
    })
}

/// Digits grouped in thousands: "3,800", "98 700", "1.250.000".
fn thousands_grouped(digits: &str) -> bool {
    let groups: Vec<&str> = digits.split([',', '.', ' ', '\u{a0}', '\u{202f}', '\'']).collect();
    groups.len() >= 2
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
}

/// Whether a comma and a capitalised word that does not open its sentence
/// stand before `start`: "Maher Nazeh, 53".
fn after_name(plain: &str, start: usize) -> bool {
    let Some(before) = plain[..start].trim_end().strip_suffix(',') else { return false };
    let mut words = before.rsplit(char::is_whitespace);
    let last = words.next().unwrap_or("");
    let previous = words.next().unwrap_or("");
    last.starts_with(char::is_uppercase)
        && (previous.starts_with(char::is_uppercase) || previous.is_empty())
        && !previous.ends_with(['.', '!', '?'])
}

/// Whether the number at `start` in `plain` is part of a name: the word
/// before it is capitalised, and is not the start of a sentence.
fn named(plain: &str, start: usize, _number: &str) -> bool {
    let before = plain[..start].trim_end();
    let word_start = before
        .char_indices()
        .rfind(|(_, c)| !(c.is_alphanumeric() || *c == '-' || *c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    let prev = before[..word_start].trim_end();
    let sentence_start = prev.is_empty() || prev.ends_with(['.', '!', '?', ':', '«', '"', '“', '\n']);
    word.chars().next().is_some_and(char::is_uppercase) && !sentence_start && word.chars().count() > 1
}

/// Sets each figure's claim: among the tags whose passage holds it, the one
/// whose pattern matches nearest to it (one sentence can carry "un millier"
/// for one claim and "quelques dizaines" for another). Tags written by hand
/// have no pattern match; they count as matching everywhere in their span.
/// Each tag's pattern matches are found once, however many figures it holds.
pub fn assign_claims(
    figures: &mut [Figure],
    tags: &[super::ResolvedTag],
    folded: &Folded,
    rules: &crate::config::Rules,
) {
    let mut matches: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    // The claim an editor gave a figure stays theirs.
    for f in figures.iter_mut().filter(|f| !(f.origin == crate::annotate::Origin::Editor && f.claim.is_some())) {
        f.claim = tags
            .iter()
            .enumerate()
            .filter(|(_, t)| t.start <= f.start && f.end <= t.end)
            .map(|(k, t)| {
                let spans = matches.entry(k).or_insert_with(|| {
                    let patterns =
                        rules.claims.iter().find(|(id, _)| *id == t.claim).map(|(_, p)| p.as_slice()).unwrap_or(&[]);
                    let (fs, fe) = (folded.folded_offset(t.start), folded.folded_offset(t.end));
                    patterns
                        .iter()
                        .flat_map(|re| re.find_iter(&folded.text[fs..fe]))
                        .map(|m| folded.original_range(fs + m.start(), fs + m.end()))
                        .collect()
                });
                let distance = spans
                    .iter()
                    .map(|&(s, e)| if e < f.start { f.start - e } else { s.saturating_sub(f.end) })
                    .min()
                    .unwrap_or(usize::MAX - 1);
                (distance, t.claim.clone())
            })
            .min()
            .map(|(_, claim)| claim);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hedges_ranges_compounds_and_penalties() {
        let texts = |t: &str| find(t).into_iter().map(|f| (f.text, f.low, f.high)).collect::<Vec<_>>();
        assert_eq!(texts("Jusqu’à 200'000 foyers"), [("Jusqu’à 200'000 foyers".into(), None, Some(200000.0))]);
        assert_eq!(texts("He faces up to a $250,000 fine."), [("up to a $250,000".into(), None, Some(250000.0))]);
        // A comma ends the noun phrase; a hyphenated modifier is no count.
        assert_eq!(
            texts("a loaded .45-caliber handgun, three rifles, two shotguns"),
            [("three rifles".into(), Some(3.0), Some(3.0)), ("two shotguns".into(), Some(2.0), Some(2.0))]
        );
        assert_eq!(
            texts("entre 70 à 80'000 personnes"),
            [("entre 70 à 80'000 personnes".into(), Some(70000.0), Some(80000.0))]
        );
        // Time spans: penalties count, spans that frame the story do not.
        assert_eq!(texts("une peine de sûreté de 13 ans.").len(), 1);
        assert_eq!(texts("He had been out of work for less than six months.").len(), 0);
        assert_eq!(texts("Talks went on over three days.").len(), 0);
        // A preposition before a counted noun is no date's.
        assert_eq!(texts("Il est accusé de 14 viols."), [("14 viols".into(), Some(14.0), Some(14.0))]);
        assert_eq!(texts("Since 2019 nothing changed.").len(), 0);
    }

    fn one(text: &str) -> Figure {
        let found = find(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    fn bounds(text: &str) -> (Option<f64>, Option<f64>) {
        let f = one(text);
        (f.low, f.high)
    }

    #[test]
    fn ratios_and_fractions_after_an_article() {
        let f = one("Un TGV sur sept circulera mardi.");
        assert_eq!((f.text.as_str(), f.low, f.counts.as_str()), ("Un TGV sur sept", Some(1.0 / 7.0), "tgv"));
        assert_eq!(bounds("trois Transiliens sur cinq rouleront"), (Some(0.6), Some(0.6)));
        assert_eq!(bounds("Nine out of 10 voters agreed."), (Some(0.9), Some(0.9)));
        // A fraction after "les" is a share, not a reference to things named.
        assert_eq!(bounds("les trois quarts des conducteurs sont en grève"), (Some(0.75), Some(0.75)));
    }

    #[test]
    fn bare_thousands_count_and_times_ages_labels_do_not() {
        assert_eq!(bounds("Youth employment jumped by 98,700 in May."), (Some(98700.0), Some(98700.0)));
        assert_eq!(bounds("The labour force was little changed at 3,800."), (Some(3800.0), Some(3800.0)));
        for text in [
            "The call came at 9 am on Monday.",
            "Photographer Thaier Al-Sudani, 47, was hurt.",
            "Phase six includes a pipeline to the coast.",
            "About 30 seconds later the second round hit.",
            "In 2019, Paris changed its rules.",
        ] {
            assert!(find(text).is_empty(), "{text}: {:?}", find(text));
        }
    }

    #[test]
    fn french_and_english_counts() {
        let f = one("La Russie avait envoyé en mars une centaine de militaires dans le pays.");
        assert_eq!((f.low, f.high, f.approximate), (Some(100.0), Some(100.0), true));
        assert_eq!((f.counts.as_str(), f.class.as_deref()), ("militaire", Some("military")));
        let f = one("About 2,400 dockworkers walked off the job.");
        assert_eq!((f.low, f.high, f.approximate, f.counts.as_str()), (Some(2400.0), Some(2400.0), true, "dockworker"));
        assert_eq!(bounds("More than 3,000 dockers joined."), (Some(3000.0), None));
        assert_eq!(bounds("some 40 container ships waited"), (Some(40.0), Some(40.0)));
        assert_eq!(one("some 40 container ships waited").class.as_deref(), Some("ships"));
        assert_eq!(bounds("a rise of 11 percent"), (Some(11.0), Some(11.0)));
        assert_eq!(bounds("a cost of 25 to 30 million euros"), (Some(25e6), Some(30e6)));
        assert_eq!(bounds("plus de 3,5 millions de personnes ont fui"), (Some(3.5e6), None));
        assert_eq!(bounds("près de 100 soldats"), (None, Some(100.0)));
        assert_eq!(bounds("réduit à «quelques dizaines» le nombre"), (Some(20.0), Some(50.0)));
        assert!(one("réduit à «quelques dizaines» le nombre").vague);
        assert_eq!(bounds("$47 billion in sales"), (Some(47e9), Some(47e9)));
        assert_eq!(bounds("entre 160 et 180 mm de pluie"), (Some(160.0), Some(180.0)));
        assert_eq!(bounds("thousands of teachers"), (Some(2000.0), None));
        assert_eq!(bounds("54% des votants"), (Some(54.0), Some(54.0)));
    }

    #[test]
    fn dates_years_names_and_articles_are_not_counts() {
        for text in [
            "Le 3 janvier, le gouvernement a parlé.",
            "On June 4, the Kremlin denied it.",
            "en vertu d'un accord remontant à 2001",
            "Article 175 of the constitution",
            "the COVID-19 pandemic",
            "a Boeing 737 landed",
            "the 21st century",
            "le 1er mai",
            "at 10:30 in the morning",
            "à 10h30 du matin",
            "a 45-year-old man",
            "one of them said",
            "Deux pays",
            "il y a une semaine",
            "he worked there for seven years",
            "the score was 3-1",
        ] {
            let found = find(text);
            let kept: Vec<_> = found.iter().filter(|f| f.class.as_deref() != Some("countries")).collect();
            assert!(kept.is_empty() || text == "Deux pays", "{text}: {found:?}");
        }
        assert_eq!(one("Deux pays").class.as_deref(), Some("countries"));
        for reference in ["un accord conclu entre les deux pays", "the two leaders met", "nos deux nations"] {
            assert!(find(reference).is_empty(), "{reference}: {:?}", find(reference));
        }
        assert_eq!(bounds("the 40 ships that waited"), (Some(40.0), Some(40.0)));
        assert_eq!(bounds("20 ans de prison"), (Some(20.0), Some(20.0)));
        assert_eq!(bounds("a maximum of 10 years"), (None, Some(10.0)));
    }

    #[test]
    fn thousands_and_decimals() {
        assert_eq!(one("They counted 1,000 soldiers.").low, Some(1000.0));
        assert_eq!(one("Ils ont compté 1 000 soldats.").low, Some(1000.0));
        assert_eq!(one("Ils ont compté 1.000 soldats.").low, Some(1000.0));
        assert_eq!(one("Il a livré 2,5 tonnes.").low, Some(2.5));
        assert_eq!(one("12,000,000 dollars").low, Some(12e6));
        assert_eq!(one("200'000 foyers").low, Some(200000.0));
        assert_eq!(one("deux mille manifestants").low, Some(2000.0));
        // Hundreds then tens in words; "other" before the noun; a noun in
        // quotation marks, whole; a closing mark is no noun's.
        let f = one("One-hundred thirty people were arrested.");
        assert_eq!((f.text.as_str(), f.low), ("One-hundred thirty people", Some(130.0)));
        assert_eq!(one("two hundred fifty boats").low, Some(250.0));
        let f = one("Le ministère a compté six autres blessés.");
        assert_eq!((f.text.as_str(), f.counts.as_str()), ("six autres blessés", "blesse"));
        let f = one("Ils étaient 14 «gilets jaunes» devant la mairie.");
        assert_eq!(f.text, "14 «gilets jaunes»");
        assert!(find("Il craint de « devoir repartir à zéro » après le « travail de fond ».")
            .iter()
            .all(|f| f.counts != "apres"));
        assert_eq!(one("3 millions de dollars").low, Some(3e6));
        // A scale word after a number is no vague quantity of its own.
        let f = one("chaque jour de grève coûte 20 millions à l'entreprise");
        assert_eq!((f.text.as_str(), f.low, f.high, f.vague), ("20 millions", Some(2e7), Some(2e7), false));
    }

    #[test]
    fn elided_french_hedges_and_above() {
        assert_eq!(bounds("Il reste un peu moins d'un tiers des postes."), (None, Some(1.0 / 3.0)));
        assert_eq!(one("Il reste un peu moins d'un tiers des postes.").text, "un peu moins d'un tiers des postes");
        assert_eq!(bounds("plus d'un million de visiteurs"), (Some(1e6), None));
        assert_eq!(bounds("près d'un millier de coureurs"), (None, Some(1000.0)));
        assert_eq!(bounds("The stock closed above $40 on Friday."), (Some(40.0), None));
    }

    #[test]
    fn second_halves_of_scores_and_seasons_are_not_counts() {
        assert!(find("She won 6-4, 6-0 victory after victory.").is_empty());
        assert!(find("He signed until the end of the 2025/26 season.").is_empty());
        assert_eq!(bounds("between 3-5 people were hurt"), (Some(3.0), Some(5.0)));
    }

    #[test]
    fn one_is_an_article_unless_a_verb_or_bound_comes_before() {
        for text in [
            "One resident said the road was closed.",
            "At one point the crowd left.",
            "By one measure, sales fell.",
            "On one hand, prices rose.",
            "\"It works,\" one engineer said.",
        ] {
            assert!(find(text).is_empty(), "{text}: {:?}", find(text));
        }
        assert_eq!(bounds("He had one meeting with the minister."), (Some(1.0), Some(1.0)));
        assert_eq!(bounds("One hundred people came."), (Some(100.0), Some(100.0)));
        assert_eq!(bounds("one or more drones flew over"), (Some(1.0), None));
        assert_eq!(bounds("groups of 10 or fewer people"), (None, Some(10.0)));
    }

    #[test]
    fn fractions_stand_alone_and_points_are_measures() {
        assert_eq!(
            bounds("The weight could be cut by a third with lighter seats."),
            (Some(1.0 / 3.0), Some(1.0 / 3.0))
        );
        assert_eq!(bounds("nearly one-third of the budget"), (None, Some(1.0 / 3.0)));
        assert_eq!(bounds("The bank cut its rate by a quarter-point."), (Some(0.25), Some(0.25)));
        let f = one("a 0.3-point drop in the jobless rate");
        assert_eq!((f.low, f.counts.as_str()), (Some(0.3), "point"));
        // An ordinal after an article, and "half" alone, are no shares.
        for text in ["A third case was reported.", "They scored in the second half.", "an hour and a half"] {
            assert!(find(text).is_empty(), "{text}: {:?}", find(text));
        }
    }

    #[test]
    fn nouns_after_a_measure_a_partitive_or_the_next_number() {
        let f = one("The crew fired two 155 mm shells at the bridge.");
        assert_eq!((f.low, f.counts.as_str()), (Some(2.0), "shell"));
        let found = find("We heard bursts of nine and 12 shots.");
        let read: Vec<_> = found.iter().map(|f| (f.text.as_str(), f.low, f.counts.as_str())).collect();
        assert_eq!(read, [("nine", Some(9.0), "shot"), ("12 shots", Some(12.0), "shot")]);
        assert_eq!(one("They freed three of its officers.").counts, "officer");
        assert_eq!(bounds("Deux d'entre elles sont sorties."), (Some(2.0), Some(2.0)));
        assert_eq!(bounds("Five of them were released."), (Some(5.0), Some(5.0)));
        // A calibre names a kind of weapon, not a count.
        assert!(find("a 0.50 calibre gun was fired").is_empty());
    }

    #[test]
    fn ranges_of_ratios_vague_billions_and_quoted_nouns() {
        assert_eq!(bounds("un bus sur trois à deux bus sur trois circuleront"), (Some(1.0 / 3.0), Some(2.0 / 3.0)));
        assert_eq!(bounds("des pertes de des milliards d'euros"), (Some(2e9), None));
        assert!(one("des milliards d'euros").vague);
        // A plural after a number word is its noun, not a vague quantity.
        assert!(find("The firm grew for more than two decades.").is_empty());
        assert!(find("after two quarters of contraction").is_empty());
        assert_eq!(one("They plan two \u{201c}trips\u{201d} a year.").counts, "trip");
        // The smallest value the words allow: two of the unit.
        assert_eq!(bounds("Plusieurs centaines de salariés ont manifesté.").0, Some(200.0));
        assert_eq!(bounds("Several thousand people marched.").0, Some(3000.0));
        // Vague multiples of a multiplier.
        assert_eq!(bounds("It will cost hundreds of millions of dollars."), (Some(2e8), None));
        assert_eq!(bounds("des dizaines de milliards d'euros"), (Some(2e10), None));
        // "two dozen" is 24; the sign again before a range's second number.
        assert_eq!(bounds("Some two dozen large blazes burned."), (Some(24.0), Some(24.0)));
        assert_eq!(bounds("Costs range from $15 billion to $100 billion a year."), (Some(15e9), Some(100e9)));
        // South Asian scale words, rupees before the number, scale words
        // hyphenated to their number and noun.
        assert_eq!(bounds("a stimulus package of Rs 1.75 lakh crore"), (Some(1.75e12), Some(1.75e12)));
        assert_eq!(bounds("Nearly 3 lakh people were fed."), (None, Some(3e5)));
        assert_eq!(bounds("The 1.2-billion-yuan telescope"), (Some(1.2e9), Some(1.2e9)));
        assert!(find("a 45-year-old man and his 3-year-old son").is_empty());
        // A magnitude measures an earthquake, before or after its number.
        assert_eq!(one("A 6.1-magnitude earthquake struck the region.").counts, "magnitude");
        assert_eq!(bounds("Un séisme de magnitude 6,8 a frappé le Maroc."), (Some(6.8), Some(6.8)));
    }

    #[test]
    fn timed_durations_tallies_and_multipliers() {
        assert_eq!(bounds("She won in just under four hours."), (None, Some(4.0)));
        assert_eq!(bounds("Queues at the office exceeded three hours."), (Some(3.0), None));
        assert!(find("Just over 20 seconds later, a second blast.").is_empty());
        // A multiplier is a figure of times, as the keys' readers count it.
        let f = one("The report runs more than four times as long.");
        assert_eq!((f.low, f.high, f.counts.as_str()), (Some(4.0), None, "time"));
        assert_eq!(bounds("Black women are nearly ten times more likely to die."), (None, Some(10.0)));
        // A time of day is no figure: "21:00 local time", "07.00 local time".
        assert!(find("A curfew on alcohol sales from 21:00 local time.").is_empty());
        assert!(find("The mosque opened at 07.00 local time.").is_empty());
        let found = find("Le texte est adopté (310 contre 120 et 15 abstentions).");
        assert_eq!(found.iter().map(|f| f.low).collect::<Vec<_>>(), [Some(310.0), Some(120.0), Some(15.0)]);
        let found = find("Ont voté contre : 12 élus (sur 40).");
        assert_eq!(found.iter().map(|f| f.low).collect::<Vec<_>>(), [Some(12.0), Some(40.0)]);
    }

    #[test]
    fn marked_figures_count_anything() {
        let f = read_marked("3 rovers").unwrap();
        assert_eq!((f.low, f.counts.as_str()), (Some(3.0), "rover"));
        assert!(read_marked("no number here").is_none());
    }

    #[test]
    fn the_classes_file_loads() {
        let c = Classes::get();
        assert!(c.by_noun.len() > 100);
        assert!(c.comparable("military", "people") && !c.comparable("casualties", "military"));
    }
}
