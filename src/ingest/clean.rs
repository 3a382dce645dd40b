//! Turning a scraped article into clean blocks: title, paragraphs and
//! crossheads, with the site chrome (consent banners, share and follow
//! widgets, related links, image credits, source footers) set aside and
//! labelled, never silently dropped. Pure.

use crate::fold::fold;
use crate::page::Removed;
use crate::text::{squash_spaces, word_count};
use regex::Regex;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    /// A short line inside the article that introduces a section.
    Heading(String),
}

#[derive(Debug, Default)]
pub struct Article {
    pub title: Option<String>,
    pub blocks: Vec<Block>,
    pub removed: Vec<Removed>,
    /// The place a dispatch was filed from, e.g. "Moscou".
    pub dateline: Option<String>,
    /// A full publication date (YYYY-MM-DD), only when the text states one.
    pub date: Option<String>,
    /// The timestamp line as given, when it states no full date.
    pub date_text: Option<String>,
}

/// Splits scraped text into paragraphs: blank lines separate blocks, and
/// each line of a block is its own paragraph unless the block is hard-wrapped.
pub fn paragraphs(raw: &str) -> Vec<String> {
    let raw = raw.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = Vec::new();
    for block in raw.split("\n\n") {
        let lines: Vec<&str> = block.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        if lines.is_empty() {
            continue;
        }
        // Hard-wrapped text has lines of a terminal's width that stop
        // mid-sentence; scraped text has one (long) line per paragraph.
        let wrapped = lines.len() > 1
            && lines[..lines.len() - 1]
                .iter()
                .all(|l| (40..=100).contains(&l.chars().count()) && !l.ends_with(['.', '!', '?', '»', '"', ':', ')']));
        if wrapped {
            out.push(squash_spaces(&lines.join(" ")));
        } else {
            out.extend(lines.iter().map(|l| squash_spaces(l)).filter(|l| !l.is_empty()));
        }
    }
    out
}

/// What kind of site chrome a paragraph is, if any.
pub fn chrome_kind(para: &str, outlet_chrome: &[String]) -> Option<&'static str> {
    let f = fold(para);
    let f = f.trim();
    let words = word_count(f);
    if outlet_chrome.iter().any(|c| c == f) {
        return Some("outlet-chrome");
    }
    if consent_strong().is_match(f) || consent_weak().find_iter(f).count() >= 2 {
        return Some("consent-banner");
    }
    if words <= 16 && follow().is_match(f) {
        return Some("follow-us");
    }
    if words <= 6 && share().is_match(f) {
        return Some("share-widget");
    }
    if words <= 30 && related().is_match(f) {
        return Some("related-link");
    }
    if words <= 8 && source_footer().is_match(f) {
        return Some("source-footer");
    }
    if words <= 60 && (f.contains('©') || f.contains("(c) ") || caption().is_match(f)) {
        return Some("image-caption");
    }
    if words <= 14 && timestamp().is_match(f) {
        return Some("timestamp");
    }
    None
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("built-in pattern is valid"))
}

/// Phrases only a consent banner uses.
fn consent_strong() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"tout accepter|tout refuser|parametrer vos choix|(utilise|utilisons|uses|use) (des |de )?cookies|accept all|reject all|manage (your )?(cookie|privacy)|cookie settings",
    )
}
/// Words a banner uses that an article about cookies might too: two needed.
fn consent_weak() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"\bcookies?\b|politique de confidentialite|\bconsent(ez|ement)?\b|privacy policy|traceurs|donnees personnelles|personal data",
    )
}
fn follow() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"^(suivez|retrouvez|rejoignez|abonnez)[- ](-?nous|-?vous|\w+ en \w+)|^suivez\b|^follow us\b|^follow \w+ on\b|^subscribe to\b|^abonnez-vous\b",
    )
}
fn share() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"^(partager|partagez|share|imprimer|print|envoyer|tweeter|tweet)\b")
}
fn related() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"^(a )?(lire|voir) (aussi|egalement|plus)\b|^(read|see) (also|more)\b|^related\b|^sur le meme sujet\b")
}
fn source_footer() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"^sources?\s*:")
}
fn caption() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"\((?:[^()]*\b(?:photo|photos|image|illustration|archives?|credit|getty|reuters|afp|ap)\b[^()]*)\)\.?$|^(photo|credit|credits|image)\s*:",
    )
}
fn timestamp() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"^(derniere )?mise? a jour\b|^mis a jour\b|^publie le\b|^publication\s*:|^(last )?updated\b|^published\b|^date\s*:",
    )
}
fn dateline() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"^\(([A-ZÀ-Ý][\p{L} .'-]{1,40})\)\s|^([A-ZÀ-Ý][\p{L} .'-]{1,40}?)(?:,[^()]{0,30})? \((?:AFP|Reuters|AP|Belga|ATS)\)\s*[-–—]",
    )
}

/// Does a paragraph read like a crosshead: short, no closing punctuation?
fn is_heading_like(para: &str) -> bool {
    word_count(para) <= 12 && !para.ends_with(['.', '!', '?', ':', ';', ',', '…'])
}

/// Is this paragraph a widget fragment ("OK", "Raconter l'actualité")?
fn is_fragment(para: &str) -> bool {
    word_count(para) <= 3 && para.chars().count() <= 30 && !para.ends_with(['.', '!', '?'])
}

/// Cleans scraped plain text. `outlet_chrome` lists folded lines that the
/// identified outlet's site is known to add.
pub fn clean(raw: &str, outlet_chrome: &[String]) -> Article {
    let paras = paragraphs(raw);
    let mut kind: Vec<Option<&'static str>> = paras.iter().map(|p| chrome_kind(p, outlet_chrome)).collect();
    // A masthead fragment before the article ("TV" of "Press TV").
    if let Some(first) = kind.iter().position(Option::is_none) {
        if paras[first].chars().count() <= 3 {
            kind[first] = Some("masthead");
        }
    }
    // Fragments wedged between pieces of chrome are chrome too ("OK").
    loop {
        let mut changed = false;
        for i in 0..paras.len() {
            let is_chrome = |j: Option<usize>| j.is_none_or(|j: usize| kind.get(j).is_none_or(Option::is_some));
            if kind[i].is_none() && is_fragment(&paras[i]) && is_chrome(i.checked_sub(1)) && is_chrome(Some(i + 1)) {
                kind[i] = Some("widget-fragment");
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }

    let mut article = Article::default();
    let mut kept = Vec::new();
    for (para, kind) in paras.into_iter().zip(kind) {
        match kind {
            Some(kind) => {
                if kind == "timestamp" && article.date.is_none() {
                    article.date = full_date(&para);
                    if article.date.is_none() && article.date_text.is_none() {
                        article.date_text = Some(para.clone());
                    }
                }
                article.removed.push(Removed { kind: kind.into(), text: para });
            }
            None => kept.push(para),
        }
    }
    let mut kept = kept.into_iter().peekable();
    if let Some(first) = kept.peek() {
        if word_count(first) <= 30 && !first.ends_with('.') {
            article.title = kept.next();
        } else {
            article.title = Some(title_from_lede(first));
        }
    }
    for (i, para) in kept.enumerate() {
        if i == 0 {
            if let Some(c) = dateline().captures(&para) {
                article.dateline = c.get(1).or(c.get(2)).map(|m| m.as_str().trim().to_owned());
            }
        }
        if i > 0 && is_heading_like(&para) {
            article.blocks.push(Block::Heading(para));
        } else {
            article.blocks.push(Block::Paragraph(para));
        }
    }
    article
}

/// A title for an article that has none: its lede's first sentence, without
/// the dateline, shortened at a word boundary.
pub fn title_from_lede(lede: &str) -> String {
    const MAX: usize = 110;
    // A whole first clause reads better than a cut phrase, if not too long.
    const MAX_CLAUSE: usize = 150;
    let without_dateline = match dateline().find(lede) {
        Some(m) => &lede[m.end()..],
        None => lede,
    };
    let first =
        crate::text::sentences(without_dateline).first().map_or(without_dateline, |r| &without_dateline[r.clone()]);
    let first = first.trim_end_matches('.');
    if first.chars().count() <= MAX {
        return first.to_owned();
    }
    if let Some((clause, _)) = first.split_once(", ") {
        if (40..=MAX_CLAUSE).contains(&clause.chars().count()) {
            return clause.to_owned();
        }
    }
    let cut: String = first.chars().take(MAX).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

const MONTHS_FR: [&str; 12] = [
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
];
const MONTHS_EN: [&str; 12] = [
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
];

/// A full date stated in a timestamp line, as YYYY-MM-DD. Partial dates
/// ("le 28/03") give none: the year would be a guess.
pub fn full_date(line: &str) -> Option<String> {
    static NUMERIC: OnceLock<Regex> = OnceLock::new();
    static ISO: OnceLock<Regex> = OnceLock::new();
    static WORDS: OnceLock<Regex> = OnceLock::new();
    static EN: OnceLock<Regex> = OnceLock::new();
    let f = fold(line);
    let ymd = |y: &str, m: usize, d: &str| -> Option<String> {
        let (y, d): (u32, u32) = (y.parse().ok()?, d.parse().ok()?);
        ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    };
    if let Some(c) = re(&ISO, r"\b(\d{4})-(\d{2})-(\d{2})\b").captures(&f) {
        return ymd(&c[1], c[2].parse().ok()?, &c[3]);
    }
    if let Some(c) = re(&NUMERIC, r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b").captures(&f) {
        return ymd(&c[3], c[2].parse().ok()?, &c[1]);
    }
    if let Some(c) = re(&WORDS, r"\b(\d{1,2})(?:er)? ([a-z]+) (\d{4})\b").captures(&f) {
        let m = MONTHS_FR.iter().chain(&MONTHS_EN).position(|m| *m == &c[2])? % 12 + 1;
        return ymd(&c[3], m, &c[1]);
    }
    if let Some(c) = re(&EN, r"\b([a-z]+) (\d{1,2}),? (\d{4})\b").captures(&f) {
        let m = MONTHS_EN.iter().position(|m| *m == &c[1])? + 1;
        return ymd(&c[3], m, &c[2]);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_is_recognised() {
        let none: &[String] = &[];
        assert_eq!(chrome_kind("Suivez RT en français surTelegram", none), Some("follow-us"));
        assert_eq!(chrome_kind("Partager Cet Article", none), Some("share-widget"));
        assert_eq!(chrome_kind("SOURCE: FRENCH PRESS TV", none), Some("source-footer"));
        assert_eq!(chrome_kind("Lire aussi : Venezuela : Moscou met en garde", none), Some("related-link"));
        assert_eq!(chrome_kind("Voir aussi : E-Press du 25 mai 2019", none), Some("related-link"));
        assert_eq!(chrome_kind("Les coopérations se poursuivent. (Photo d'archives)", none), Some("image-caption"));
        assert_eq!(chrome_kind("Tout AccepterTout refuserParamétrer vos choix", none), Some("consent-banner"));
        assert_eq!(chrome_kind("Le Kremlin a démenti mardi avoir informé Washington.", none), None);
    }

    #[test]
    fn joins_hard_wrapped_lines_only() {
        let wrapped = "Le Kremlin a démenti mardi avoir informé Washington\ndu retrait de la majorité de son personnel.\n\nSuite.";
        assert_eq!(
            paragraphs(wrapped),
            [
                "Le Kremlin a démenti mardi avoir informé Washington du retrait de la majorité de son personnel.",
                "Suite."
            ]
        );
        let lines =
            "Premier paragraphe assez long pour ressembler à un texte coupé sans ponctuation (AFP photo)\nSecond.";
        assert_eq!(paragraphs(lines).len(), 2);
    }

    #[test]
    fn dates_need_a_year() {
        assert_eq!(full_date("Dernière mise à jour à 09h07 le 28/03"), None);
        assert_eq!(full_date("Publié le 4 juin 2019 à 10h"), Some("2019-06-04".into()));
        assert_eq!(full_date("Published June 4, 2019"), Some("2019-06-04".into()));
        assert_eq!(full_date("Mis à jour le 04/06/2019"), Some("2019-06-04".into()));
    }

    #[test]
    fn lede_titles_drop_the_dateline() {
        let lede = "(Moscou) Le Kremlin a démenti mardi avoir informé Washington du retrait de la majorité de son personnel présent au Venezuela en soutien à Nicolas Maduro, comme affirmé la veille.";
        assert_eq!(
            title_from_lede(lede),
            "Le Kremlin a démenti mardi avoir informé Washington du retrait de la majorité de son personnel présent au Venezuela en soutien à Nicolas Maduro"
        );
        let long = "Un très long premier paragraphe sans aucune virgule qui continue encore et encore bien au-delà de la limite raisonnable pour un titre.";
        let title = title_from_lede(long);
        assert!(title.ends_with('…') && title.chars().count() <= 111, "{title}");
    }
}
