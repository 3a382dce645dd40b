//! Figures: numbers in digits or words, French and English, with what they
//! count ("une centaine de militaires", "35 tonnes", "about 100 soldiers",
//! "quelques dizaines de conseillers"). Each becomes a range of values so
//! that vague figures can be compared: "une centaine" is 80..=120. Pure.

use crate::fold::Folded;
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// Plain-text range of the whole expression, counted noun included.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The smallest and largest value the wording allows.
    pub low: f64,
    pub high: f64,
    /// What is counted, folded and singular ("militaire", "tonne"); empty
    /// when the number stands alone.
    pub counts: String,
    /// Hedged wording ("près de", "environ", "about"): not an exact count.
    pub approximate: bool,
    /// The claim the figure is about, set by `annotate`: among the tags whose
    /// passage holds it, the one whose pattern matches nearest.
    pub claim: Option<String>,
    pub origin: super::Origin,
}

/// Vague quantities: (folded words, low, high).
const WORDS: &[(&str, f64, f64)] = &[
    ("une dizaine", 8.0, 12.0),
    ("une douzaine", 10.0, 14.0),
    ("une quinzaine", 13.0, 17.0),
    ("une vingtaine", 18.0, 25.0),
    ("une trentaine", 27.0, 35.0),
    ("une quarantaine", 37.0, 45.0),
    ("une cinquantaine", 45.0, 55.0),
    ("une soixantaine", 55.0, 65.0),
    ("une centaine", 80.0, 120.0),
    ("des centaines", 200.0, 900.0),
    ("plusieurs centaines", 200.0, 900.0),
    ("un millier", 800.0, 1200.0),
    ("des milliers", 2000.0, 9000.0),
    ("plusieurs milliers", 2000.0, 9000.0),
    ("quelques dizaines", 20.0, 60.0),
    ("des dizaines", 20.0, 90.0),
    ("plusieurs dizaines", 20.0, 90.0),
    ("plusieurs douzaines", 24.0, 90.0),
    ("quelques centaines", 200.0, 500.0),
    ("a few dozen", 20.0, 60.0),
    ("dozens", 20.0, 90.0),
    ("a dozen", 10.0, 14.0),
    ("hundreds", 200.0, 900.0),
    ("a hundred", 80.0, 120.0),
    ("a thousand", 800.0, 1200.0),
    ("thousands", 2000.0, 9000.0),
    ("mille", 1000.0, 1000.0),
    ("cent", 100.0, 100.0),
];

const SMALL: &[(&str, f64)] = &[
    ("deux", 2.0),
    ("trois", 3.0),
    ("quatre", 4.0),
    ("cinq", 5.0),
    ("six", 6.0),
    ("sept", 7.0),
    ("huit", 8.0),
    ("neuf", 9.0),
    ("dix", 10.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("ten", 10.0),
];

/// Counted nouns that name people, folded and singular; figures counting
/// any of them are compared with one another.
pub const PEOPLE: &[&str] = &[
    "militaire",
    "soldat",
    "conseiller",
    "specialiste",
    "expert",
    "personne",
    "membre",
    "employe",
    "effectif",
    "personnel",
    "soldier",
    "troop",
    "adviser",
    "advisor",
    "specialist",
    "people",
    "person",
    "technicien",
    "ingenieur",
    "instructeur",
    "diplomate",
    "manifestant",
    "civil",
    "mort",
    "victime",
    "blesse",
    "policier",
    "combattant",
    "mercenaire",
    "observateur",
    "pilote",
    "marin",
    "agent",
    "technician",
    "engineer",
    "instructor",
    "diplomat",
    "protester",
    "civilian",
    "victim",
    "fighter",
    "mercenary",
    "observer",
    "pilot",
    "sailor",
    "official",
    "worker",
    "employee",
];

/// Other counted nouns, folded and singular.
const THINGS: &[&str] = &[
    "tonne", "avion", "pays", "an", "annee", "mois", "jour", "dollar", "euro", "contrat", "ton", "plane", "aircraft",
    "country", "year", "day",
];

fn number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let mut words: Vec<&str> = WORDS.iter().map(|w| w.0).collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let small: Vec<&str> = SMALL.iter().map(|s| s.0).collect();
        Regex::new(&format!(
            r#"(?P<hedge>\b(?:pres de|environ|quelque|plus de|moins de|about|around|nearly|some|almost|more than|fewer than|over|d')\s*)?(?:(?P<digits>\b\d{{1,3}}(?:[ \u{{a0}}.,]\d{{3}})*(?:,\d+)?\b)|(?P<words>\b(?:{})\b)|(?P<small>\b(?:{})\b))(?P<rest>(?:[\s"]+(?:de|d'|of))?[\s"]*(?:[a-z'-]+[\s"]+){{0,4}}(?P<noun>[a-z-]+)?)"#,
            words.join("|"),
            small.join("|")
        ))
        .expect("valid")
    })
}

fn singular(word: &str) -> &str {
    // Known nouns that end in s in the singular ("pays") stay as they are.
    if THINGS.contains(&word) || PEOPLE.contains(&word) {
        return word;
    }
    word.strip_suffix("aux").map_or_else(|| word.strip_suffix('s').unwrap_or(word), |_| word)
}

/// A multiplier right after a number ("deux mille", "3 millions",
/// "two hundred"), with the length of the text it takes.
fn multiplier(after: &str) -> Option<(f64, usize)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^[\s\u{a0}]+(milliards?|millions?|billions?|mille|thousand|cents?|hundred)\b").expect("valid")
    });
    let c = re.captures(after)?;
    let factor = match c[1].trim_end_matches('s') {
        "milliard" | "billion" => 1e9,
        "million" => 1e6,
        "mille" | "thousand" => 1e3,
        _ => 1e2,
    };
    Some((factor, c[0].len()))
}

/// Every figure in `plain`. Years (1000..=2100 standing alone) are dates,
/// not figures, and are skipped.
pub fn find(plain: &str) -> Vec<Figure> {
    find_folded(plain, &Folded::new(plain))
}

/// `find` over text already folded.
pub fn find_folded(plain: &str, folded: &Folded) -> Vec<Figure> {
    scan(plain, folded, false)
}

/// The first figure in a passage an editor marked as one: whatever it
/// counts, known noun or not ("3 rovers").
pub fn read_marked(text: &str) -> Option<Figure> {
    scan(text, &Folded::new(text), true).into_iter().next()
}

/// The value of digits as written: groups of three after a space, a point
/// or a comma are thousands ("1 000", "1.000", "1,000"); other digits after
/// a comma are decimals ("2,5").
fn digits_value(digits: &str) -> Option<f64> {
    let (whole, decimals) = match digits.rsplit_once(',') {
        Some((w, d)) if d.len() != 3 => (w, Some(d)),
        _ => (digits, None),
    };
    let whole: String = whole.chars().filter(char::is_ascii_digit).collect();
    match decimals {
        Some(d) => format!("{whole}.{d}").parse().ok(),
        None => whole.parse().ok(),
    }
}

fn scan(plain: &str, folded: &Folded, any_noun: bool) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut pos = 0;
    // Scanning resumes where an expression ends, not where the greedy
    // look-ahead stopped, so "deux avions transportant près de 100 soldats"
    // keeps the hedge of the second figure.
    while let Some(c) = number_re().captures_at(&folded.text, pos) {
        let whole = c.get(0).expect("match");
        pos = c.name("digits").or(c.name("words")).or(c.name("small")).map_or(whole.end(), |m| m.end());
        let (mut low, mut high) = if let Some(d) = c.name("digits") {
            let Some(v) = digits_value(d.as_str()) else { continue };
            (v, v)
        } else if let Some(w) = c.name("words") {
            let (_, lo, hi) = WORDS.iter().find(|x| x.0 == w.as_str()).copied().expect("listed");
            (lo, hi)
        } else {
            let s = c.name("small").expect("one of the three");
            let v = SMALL.iter().find(|x| x.0 == s.as_str()).map(|x| x.1).expect("listed");
            (v, v)
        };
        if let Some(number) = c.name("digits").or(c.name("small")) {
            if let Some((factor, len)) = multiplier(&folded.text[number.end()..]) {
                low *= factor;
                high *= factor;
                // The multiplier is part of this figure, not the next one.
                pos = pos.max(number.end() + len);
            }
        }
        // The counted noun: the first known noun among the next few words
        // ("une centaine de militaires", "à «quelques dizaines» le nombre de
        // ses conseillers"), else the last one just before ("ses conseillers
        // militaires de mille à quelques dizaines").
        let rest = c.name("rest").map_or("", |m| m.as_str());
        let known = |w: &&str| PEOPLE.contains(w) || THINGS.contains(w);
        let mut noun = rest
            .split(|ch: char| !ch.is_alphanumeric() && ch != '-')
            .filter(|w| !w.is_empty())
            .map(singular)
            .find(known)
            .unwrap_or("")
            .to_owned();
        let mut noun_after = !noun.is_empty();
        if noun.is_empty() && c.name("words").is_some() {
            let before = crate::text::before(&folded.text, whole.start(), 60);
            let before = before.rsplit(['.', ';', ':']).next().unwrap_or("");
            noun = before
                .split(|ch: char| !ch.is_alphanumeric() && ch != '-')
                .filter(|w| !w.is_empty())
                .map(singular)
                .rfind(known)
                .unwrap_or("")
                .to_owned();
            noun_after = false;
        }
        if noun.is_empty() && any_noun {
            noun = rest
                .split(|ch: char| !ch.is_alphanumeric() && ch != '-')
                .find(|w| !w.is_empty())
                .map_or("", singular)
                .to_owned();
            noun_after = !noun.is_empty();
        }
        // A number that counts nothing known ("les deux pays" aside) is
        // not a figure worth comparing; years are dates.
        if noun.is_empty() && !any_noun {
            continue;
        }
        let hedge = c.name("hedge").map(|h| h.as_str().trim().to_owned()).unwrap_or_default();
        let approximate = !hedge.is_empty() && hedge != "d'" || c.name("words").is_some();
        match hedge.as_str() {
            "pres de" | "environ" | "about" | "around" | "nearly" | "almost" | "some" | "quelque" => {
                // Rounded first: 100.0 * 1.1 is 110.00000000000001.
                low = ((low * 0.85 * 1e6).round() / 1e6).floor();
                high = ((high * 1.1 * 1e6).round() / 1e6).ceil();
            }
            "plus de" | "more than" | "over" => high = f64::INFINITY.min(high * 3.0),
            "moins de" | "fewer than" => low = 0.0,
            _ => {}
        }
        // End the expression at the counted noun, if any.
        let end = if !noun_after {
            c.name("words").or(c.name("small")).or(c.name("digits")).map_or(whole.end(), |m| m.end())
        } else {
            let rest_start = c.name("rest").map_or(whole.end(), |m| m.start());
            let at = folded.text[rest_start..whole.end()].find(singular(&noun)).map_or(whole.end(), |i| rest_start + i);

            folded.text[at..].find(|ch: char| !ch.is_alphanumeric() && ch != '-').map_or(folded.text.len(), |i| at + i)
        };
        pos = pos.max(end);
        let (s, e) = folded.original_range(whole.start(), end);
        out.push(Figure {
            start: s,
            end: e,
            text: plain[s..e].trim().to_owned(),
            low,
            high,
            counts: noun,
            approximate,
            claim: None,
            origin: super::Origin::Machine,
        });
    }
    out
}

/// Sets each figure's claim: among the tags whose passage holds it, the one
/// whose pattern matches nearest to it (one sentence can carry "un millier"
/// for one claim and "quelques dizaines" for another). Tags written by hand
/// have no pattern match; they count as matching everywhere in their span.
pub fn assign_claims(
    figures: &mut [Figure],
    tags: &[super::ResolvedTag],
    folded: &Folded,
    rules: &crate::config::Rules,
) {
    for f in figures {
        f.claim = tags
            .iter()
            .filter(|t| t.start <= f.start && f.end <= t.end)
            .map(|t| {
                let patterns =
                    rules.claims.iter().find(|(id, _)| *id == t.claim).map(|(_, p)| p.as_slice()).unwrap_or(&[]);
                let (fs, fe) = folded_span(folded, t.start, t.end);
                let distance = patterns
                    .iter()
                    .flat_map(|re| re.find_iter(&folded.text[fs..fe]))
                    .map(|m| {
                        let (s, e) = folded.original_range(fs + m.start(), fs + m.end());
                        if e < f.start {
                            f.start - e
                        } else {
                            s.saturating_sub(f.end)
                        }
                    })
                    .min()
                    .unwrap_or(usize::MAX - 1);
                (distance, t.claim.clone())
            })
            .min()
            .map(|(_, claim)| claim);
    }
}

/// The folded range covering original range `start..end`.
fn folded_span(folded: &Folded, start: usize, end: usize) -> (usize, usize) {
    (folded.folded_offset(start), folded.folded_offset(end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Figure {
        let found = find(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn french_and_english_figures() {
        let f = one("La Russie avait envoyé en mars une centaine de militaires dans le pays.");
        assert_eq!(
            (f.low, f.high, f.counts.as_str(), f.text.as_str()),
            (80.0, 120.0, "militaire", "une centaine de militaires")
        );
        let both = find("Deux avions transportant près de 100 soldats ont atterri.");
        assert_eq!(both[0].text, "Deux avions");
        let f = &both[1];
        assert!(f.approximate && f.low < 100.0 && f.high > 100.0 && f.counts == "soldat", "{f:?}");
        let f = one("réduit à «quelques dizaines» le nombre de ses conseillers");
        assert_eq!((f.low, f.high), (20.0, 60.0));
        let f = one("la présence d’environ un millier de soldats russes");
        assert_eq!(f.counts, "soldat");
        assert!(f.low < 800.0 && f.high > 1200.0);
        let f = one("Russia sent about 100 soldiers in March.");
        assert_eq!(f.counts, "soldier");
        assert!(find("en vertu d’un accord remontant à 2001").is_empty(), "years are not figures");
        let f = one("35 tonnes de matériel");
        assert_eq!((f.low, f.counts.as_str()), (35.0, "tonne"));
    }

    #[test]
    fn multipliers_and_invariant_nouns() {
        let f = one("En 2019, deux mille manifestants ont défilé.");
        assert_eq!((f.low, f.counts.as_str()), (2000.0, "manifestant"));
        assert_eq!(one("3 millions de dollars").low, 3_000_000.0);
        let f = one("Une cinquantaine de pays l'ont reconnu.");
        assert_eq!((f.low, f.high, f.counts.as_str()), (45.0, 55.0, "pays"));
    }

    #[test]
    fn thousands_and_decimals() {
        assert_eq!(one("They counted 1,000 soldiers.").low, 1000.0);
        assert_eq!(one("Ils ont compté 1 000 soldats.").low, 1000.0);
        assert_eq!(one("Ils ont compté 1.000 soldats.").low, 1000.0);
        assert_eq!(one("Il a livré 2,5 tonnes.").low, 2.5);
        assert_eq!(one("12,000,000 dollars").low, 12_000_000.0);
    }

    #[test]
    fn marked_figures_count_anything() {
        assert!(find("3 rovers").is_empty(), "unknown nouns are not found by the machine");
        let f = read_marked("3 rovers").unwrap();
        assert_eq!((f.low, f.counts.as_str()), (3.0, "rover"));
        assert!(read_marked("no number here").is_none());
    }
}
