//! The people and organisations an article names, found in its text: name
//! sequences ("Dmitri Peskov", "Anna Voss", "the White House"), later
//! mentions by surname ("Voss", "M. Peskov"), and the roles the article
//! gives them in apposition ("le porte-parole du Kremlin, Dmitri Peskov",
//! "Port director Anna Voss", "Anna Voss, the port director"). Actors of
//! the config are found by their names and aliases and keep their ids.
//! Pure; French and English.

use crate::config::Rules;
use crate::fold::{fold, Folded};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// An actor an article names.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Actor {
    /// The config's id, or one made from the name ("anna-voss").
    pub id: String,
    /// The fullest form of the name the article gives.
    pub name: String,
    pub person: bool,
    /// Feminine or masculine, when a title or an agreement says so.
    pub gender: Option<Gender>,
    /// The roles the article gives it, folded ("porte-parole du kremlin").
    pub roles: Vec<String>,
    /// Found by parallax, or listed in the config.
    pub configured: bool,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Feminine,
    Masculine,
}

/// A mention of an actor: where, and which (index into the actors).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub actor: usize,
    /// Whether it opens its sentence (behind at most a few determiners,
    /// titles or roles): where the subject stands.
    pub subject: bool,
}

#[derive(Debug, Default)]
pub struct Found {
    pub actors: Vec<Actor>,
    /// In text order.
    pub mentions: Vec<Mention>,
}

impl Found {
    /// The last person mentioned before `at`, of `gender` when given, whose
    /// mention is not inside `skip` (a quotation).
    pub fn last_person(&self, at: usize, gender: Option<Gender>, skip: &[(usize, usize)]) -> Option<usize> {
        let before = &self.mentions[..self.mentions.partition_point(|m| m.start < at)];
        let inside = |m: &Mention| skip.iter().any(|&(s, e)| s <= m.start && m.end <= e);
        let fits = |a: usize| {
            self.actors[a].person && (gender.is_none() || self.actors[a].gender.is_none_or(|g| Some(g) == gender))
        };
        // The last person in subject position, within the last few
        // sentences, is the likelier referent; else the last person named.
        let recent: Vec<&Mention> = before.iter().rev().filter(|m| !inside(m)).take(8).collect();
        recent
            .iter()
            .find(|m| m.subject && fits(m.actor))
            .or_else(|| recent.iter().find(|m| fits(m.actor)))
            .map(|m| m.actor)
    }

    /// The actor with this role, folded ("porte-parole"), named before `at`;
    /// the most recently named if several.
    pub fn with_role(&self, role: &str, at: usize) -> Option<usize> {
        let before = &self.mentions[..self.mentions.partition_point(|m| m.start < at)];
        // ("l'édile" is the mayor the text named "maire".)
        let role = SYNONYMS.iter().find(|(word, _)| *word == role).map_or(role, |(_, same)| same);
        before
            .iter()
            .rev()
            .map(|m| m.actor)
            .find(|&a| self.actors[a].roles.iter().any(|r| r.split(' ').any(|w| w == role)))
    }

    /// The mentions overlapping `start..end`.
    pub fn within(&self, start: usize, end: usize) -> &[Mention] {
        let from = self.mentions.partition_point(|m| m.end <= start);
        let to = self.mentions.partition_point(|m| m.start < end);
        &self.mentions[from..to.max(from)]
    }
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("built-in pattern is valid"))
}

/// The matches of `name_re` that start a word: what a leading `\b` would
/// give, found by the fast search engines (a Unicode `\b` sends the search
/// of any text with a non-ASCII character to a slow one).
fn names_in(plain: &str) -> impl Iterator<Item = regex::Match<'_>> {
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(m) = name_re().find_at(plain, at) {
            let after_word = plain[..m.start()].chars().next_back().is_some_and(regex_syntax::is_word_character);
            if !after_word {
                at = m.end();
                return Some(m);
            }
            at = m.start() + plain[m.start()..].chars().next().map_or(1, char::len_utf8);
        }
        None
    })
}

/// Capitalised word sequences that can be names: two or more capitalised
/// words, joined by particles ("Juan Guaidó", "Ursula von der Leyen",
/// "Donald J. Trump", "Mohammed bin Salman"), or one word. Each must start a
/// word: see `names_in`.
fn name_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        // ("T.Clayson": an initial glued to the surname is one word.)
        r"(?:\p{Lu}\.\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{L}|\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{L}|\p{Lu}\.)(?:(?:[ \t\u{a0}]+|-)(?:(?:de|du|des|del|della|van|von|der|den|da|di|dos|das|bin|ben|ibn|abu|al|el|la|le|y|e|ter|zu)[ \t\u{a0}]+)?(?:\p{Lu}\.\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{L}|\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{L}|\p{Lu}\.))*",
    )
}

/// Capitalised words that are not names when they stand first: articles,
/// prepositions, pronouns, days and months, titles.
const NOT_NAMES: &[&str] = &[
    // Connectives and adverbs that open a sentence ("Beforehand Murray
    // said", "Concernant Auchan, …", "Although US officials …").
    "beforehand",
    "afterwards",
    "afterward",
    "although",
    "though",
    "concernant",
    "quant",
    "neanmoins",
    "toutefois",
    "ensuite",
    "desormais",
    "ailleurs",
    "outre",
    "additionally",
    "moreover",
    "furthermore",
    "nevertheless",
    "nonetheless",
    "later",
    "earlier",
    "previously",
    "recently",
    "currently",
    "separately",
    "elsewhere",
    "overall",
    "initially",
    "eventually",
    "finally",
    "ultimately",
    "despite",
    "unlike",
    "regarding",
    "concerning",
    "following",
    "amid",
    "among",
    "whereas",
    "once",
    "since",
    "until",
    "unless",
    "because",
    "therefore",
    "hence",
    "besides",
    "apparently",
    "obviously",
    "clearly",
    "surely",
    "actually",
    "notably",
    "especially",
    "particularly",
    "specifically",
    // Quantifiers ("Both Microsoft and Amazon", "Beaucoup de PME").
    "both",
    "beaucoup",
    "certaines",
    "nombre",
    "either",
    "neither",
    "several",
    "few",
    "the",
    "a",
    "an",
    "and",
    "but",
    "or",
    "in",
    "on",
    "at",
    "for",
    "of",
    "to",
    "by",
    "with",
    "from",
    "after",
    "before",
    "when",
    "while",
    "as",
    "if",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "according",
    "meanwhile",
    "however",
    "also",
    "le",
    "la",
    "les",
    "l'",
    "un",
    "une",
    "des",
    "du",
    "de",
    "et",
    "mais",
    "ou",
    "dans",
    "sur",
    "pour",
    "par",
    "avec",
    "selon",
    "apres",
    "avant",
    "lors",
    "depuis",
    "pendant",
    "il",
    "elle",
    "ils",
    "elles",
    "on",
    "nous",
    "vous",
    "je",
    "ce",
    "cette",
    "ces",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "mon",
    "ma",
    "mes",
    "a",
    "au",
    "aux",
    "en",
    "ainsi",
    "alors",
    "aussi",
    "cependant",
    "pourtant",
    "enfin",
    "puis",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
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
    "mr",
    "mrs",
    "ms",
    "dr",
    "m",
    "mme",
    "mlle",
    "prof",
    "sen",
    "rep",
    "gen",
    "gov",
    "president",
    "minister",
    "ministre",
    "what",
    "why",
    "how",
    "who",
    "where",
    "yes",
    "no",
    "oui",
    "non",
    "not",
    "some",
    "many",
    "most",
    "all",
    "each",
    "every",
    "no",
    "one",
    "two",
    "three",
    "un",
    "deux",
    "trois",
    "tout",
    "tous",
    "toutes",
    "chaque",
    "plusieurs",
    "quelques",
    "certains",
    "qui",
    "que",
    "quand",
    "comment",
    "pourquoi",
    "covid",
    "coronavirus",
    "internet",
    "twitter",
    "facebook",
    "instagram",
    "youtube",
    "tiktok",
    "yet",
    "still",
    "now",
    "then",
    "so",
    "thus",
    "instead",
    "indeed",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "aujourd'hui",
    "hier",
    "demain",
    "premier",
    "premiere",
    "first",
    "last",
    "next",
    "new",
    "nouveau",
    "nouvelle",
    "ex",
    "former",
    "ancien",
    "ancienne",
    "late",
    "dear",
    "cher",
    "chere",
    "photo",
    "video",
    "source",
    "sources",
    "read",
    "lire",
    "voir",
    "see",
    "share",
    "partager",
    "publicite",
    "advertisement",
    "update",
    "updated",
    "breaking",
    "live",
    "direct",
    "exclusive",
    "exclusif",
    "opinion",
    "analysis",
    "analyse",
    "editorial",
    "comment",
    "commentaire",
    "ambassador",
    "ambassadeur",
    "secretary",
    "secretaire",
    "senator",
    "senateur",
    "governor",
    "gouverneur",
    "mayor",
    "maire",
    "chancellor",
    "judge",
    "juge",
    "prosecutor",
    "procureur",
    "lieutenant",
    "lt",
    "col",
    "colonel",
    "general",
    "captain",
    "capitaine",
    "sergeant",
    "sgt",
    "commissioner",
    "commissaire",
    "chief",
    "chef",
    "director",
    "directeur",
    "directrice",
    "deputy",
    "depute",
    "speaker",
    "sir",
    "lord",
    "dame",
    "st",
    "saint",
    "sainte",
    "queen",
    "king",
    "prince",
    "princess",
    "pope",
    "pape",
    "father",
    "pere",
    "sister",
    "soeur",
    "brother",
    "frere",
    "rev",
    "reverend",
    "rabbi",
    "imam",
    "sheikh",
    "cheikh",
    "emir",
    "sultan",
];

/// Words that make a name an organisation.
const ORGANISATION_WORDS: &[&str] = &[
    "house",
    "office",
    "ministry",
    "ministere",
    "department",
    "union",
    "party",
    "parti",
    "agency",
    "agence",
    "council",
    "conseil",
    "court",
    "cour",
    "tribunal",
    "bank",
    "banque",
    "commission",
    "nations",
    "police",
    "army",
    "armee",
    "government",
    "gouvernement",
    "association",
    "committee",
    "comite",
    "group",
    "groupe",
    "company",
    "inc",
    "ltd",
    "corp",
    "news",
    "times",
    "post",
    "journal",
    "university",
    "universite",
    "institute",
    "institut",
    "center",
    "centre",
    "foundation",
    "fondation",
    "organization",
    "organisation",
    "federation",
    "syndicat",
    "assembly",
    "assemblee",
    "senate",
    "senat",
    "parliament",
    "parlement",
    "congress",
    "congres",
    "pentagon",
    "kremlin",
    "elysee",
    "matignon",
    "white",
    "state",
    "states",
    "republic",
    "republique",
    "kingdom",
    "club",
    "fc",
    "united",
    "city",
    "rovers",
    "athletic",
    "olympique",
    "sporting",
    "real",
    "inter",
    "league",
    "ligue",
    "fund",
    "fonds",
    "board",
    "authority",
    "autorite",
    "service",
    "services",
    "press",
    "presse",
    "tv",
    "radio",
    "channel",
    "media",
    "medias",
    "gazette",
    "tribune",
    "herald",
    "daily",
    "cgt",
    "cfdt",
    "brotherhood",
    "movement",
    "mouvement",
    "front",
    "coalition",
    "alliance",
    "onu",
    "un",
    "nato",
    "otan",
    "eu",
    "ue",
    "fbi",
    "cia",
    "who",
    "oms",
    "afp",
    "reuters",
    "ap",
    "wsj",
    "bbc",
    "school",
    "high",
    "college",
    "ecole",
    "lycee",
    "college",
    "hospital",
    "hopital",
    "church",
    "eglise",
    "mosque",
    "mosquee",
    "airport",
    "aeroport",
    "port",
    "station",
    "gare",
    "stadium",
    "stade",
    "street",
    "rue",
    "avenue",
    "square",
    "place",
    "river",
    "riviere",
    "mountain",
    "mont",
    "island",
    "ile",
    "city",
    "ville",
    "county",
    "region",
    "province",
    "district",
    "valley",
    "vallee",
    "lake",
    "lac",
    "sea",
    "mer",
    "ocean",
    "bay",
    "baie",
    "north",
    "south",
    "east",
    "west",
    "nord",
    "sud",
    "est",
    "ouest",
    "coast",
    "cote",
    "bridge",
    "pont",
    "hotel",
    "museum",
    "musee",
    "coalition",
    "alliance",
    "movement",
    "mouvement",
    "front",
    "forces",
    "brigade",
    "division",
    "corps",
    "navy",
    "marine",
    "airlines",
    "airways",
    "motors",
    "energy",
    "holdings",
    "capital",
    "partners",
    "group",
    "media",
    "network",
    "reseau",
    "foundation",
    "trust",
    "prize",
    "prix",
    "cup",
    "coupe",
    "championship",
    // Things and places that are no one's name.
    "constitution",
    "town",
    "park",
    "reserve",
    "free",
    "justice",
    "research",
    "scientific",
    "statistics",
    "survey",
    "report",
    "act",
    "law",
    "treaty",
    "accord",
    "agreement",
    "plan",
    "program",
    "programme",
    "project",
    "summit",
    "conference",
    "forum",
    "festival",
    "games",
    "olympics",
    "market",
    "exchange",
    "index",
    "economy",
    "budget",
    "day",
    "week",
    "war",
    "guerre",
    "crisis",
    "crise",
];

/// Role nouns: what an apposition calls a person ("the spokesman", "la
/// porte-parole"), folded and singular, feminine forms too.
/// Nouns that stand for an organisation named beside them ("The group,
/// WeWorkers Coalition,", "la société Rostec"), which "the group said" and
/// "la société a ajouté" then refer back to.
pub const ORGANISATION_ROLES: &[&str] = &[
    "group",
    "groupe",
    "company",
    "societe",
    "entreprise",
    "firm",
    "union",
    "syndicat",
    "party",
    "parti",
    "agency",
    "agence",
    "coalition",
    "association",
    "organisation",
    "organization",
    "conglomerat",
    "conglomerate",
    "ong",
    "newspaper",
    "paper",
    "daily",
    "quotidien",
    "journal",
    "magazine",
    "broadcaster",
    "institute",
    "institut",
    "website",
];

/// Whether a folded word reads as a demonym ("berchemois", "lyonnaise",
/// "parisien"): one after its article stands for a person.
pub fn is_demonym(word: &str) -> bool {
    ["ois", "oise", "ais", "aise", "ien", "ienne"].iter().any(|s| word.ends_with(s))
}

/// A role noun, folded, or a compound ending with one ("lieutenant-colonel",
/// "vice-president").
pub fn is_role(word: &str) -> bool {
    ROLES.contains(&word) || word.rsplit_once('-').is_some_and(|(_, last)| ROLES.contains(&last))
}

/// Role nouns that name the same office as another, folded.
const SYNONYMS: &[(&str, &str)] = &[("edile", "maire"), ("bourgmestre", "maire")];

pub const ROLES: &[&str] = &[
    "mp",
    "mep",
    "congressman",
    "congresswoman",
    "councillor",
    "councilor",
    "porte-parole",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "president",
    "presidente",
    "minister",
    "ministre",
    "premier",
    "chancellor",
    "chanceliere",
    "secretary",
    "secretaire",
    "director",
    "directeur",
    "directrice",
    "chief",
    "chef",
    "head",
    "ambassador",
    "ambassadeur",
    "ambassadrice",
    "mayor",
    "maire",
    "governor",
    "gouverneur",
    "senator",
    "senateur",
    "senatrice",
    "deputy",
    "depute",
    "deputee",
    "lawmaker",
    "leader",
    "dirigeant",
    "dirigeante",
    "ceo",
    "chairman",
    "chairwoman",
    "chair",
    "official",
    "responsable",
    "prosecutor",
    "procureur",
    "procureure",
    "judge",
    "juge",
    "lawyer",
    "attorney",
    "avocat",
    "avocate",
    "general",
    "commissioner",
    "commissaire",
    "adviser",
    "advisor",
    "conseiller",
    "conseillere",
    "analyst",
    "analyste",
    "professor",
    "professeur",
    "economist",
    "economiste",
    "researcher",
    "chercheur",
    "chercheuse",
    "expert",
    "experte",
    "manager",
    "coach",
    "entraineur",
    "captain",
    "capitaine",
    "founder",
    "fondateur",
    "fondatrice",
    "owner",
    "proprietaire",
    "delegue",
    "deleguee",
    "representative",
    "representant",
    "representante",
    "envoy",
    "emissaire",
    "negotiator",
    "negociateur",
    "candidate",
    "candidat",
    "candidate",
    "king",
    "roi",
    "reine",
    "queen",
    "prince",
    "pope",
    "pape",
    "commander",
    "commandant",
    "colonel",
    "officer",
    "officier",
    "inspector",
    "inspecteur",
    "doctor",
    "docteur",
    "medecin",
    "nurse",
    "infirmier",
    "infirmiere",
    "teacher",
    "enseignant",
    "enseignante",
    "professeure",
    "student",
    "etudiant",
    "etudiante",
    "resident",
    "habitant",
    "habitante",
    "witness",
    "temoin",
    "victim",
    "victime",
    "activist",
    "militant",
    "militante",
    "organizer",
    "organisateur",
    "organisatrice",
    "vice-president",
    "vice-presidente",
    "prefet",
    "prefete",
    "bourgmestre",
    "edile",
    "rapporteur",
    "rapporteure",
    "chair",
    "deputy",
    "realtor",
    "broker",
    "farmer",
    "agriculteur",
    "agricultrice",
    "firefighter",
    "pompier",
    "sheriff",
    "entraineuse",
];

const FEMININE: &[&str] = &[
    "mme",
    "mrs",
    "ms",
    "miss",
    "madame",
    "mlle",
    "spokeswoman",
    "chairwoman",
    "presidente",
    "directrice",
    "ambassadrice",
    "senatrice",
    "deputee",
    "chanceliere",
    "conseillere",
    "chercheuse",
    "avocate",
    "procureure",
    "fondatrice",
    "representante",
    "dirigeante",
    "experte",
    "infirmiere",
    "enseignante",
    "etudiante",
    "militante",
    "organisatrice",
    "prefete",
    "rapporteure",
    "habitante",
    "secretaire generale",
    "la",
    "queen",
    "reine",
    "she",
    "her",
    "elle",
];
const MASCULINE: &[&str] = &["m", "mr", "monsieur", "spokesman", "chairman", "king", "roi", "he", "his", "il", "le"];

/// Titles before a name: they make it a person, and some tell the gender.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "m",
    "mme",
    "mlle",
    "monsieur",
    "madame",
    "prof",
    "sen",
    "rep",
    "gen",
    "gov",
    "sir",
    "lord",
    "dame",
    "president",
    "presidente",
    "minister",
    "ministre",
    "chancellor",
    "pope",
    "king",
    "queen",
    "prince",
    "senator",
    "judge",
    "juge",
    "general",
    "colonel",
    "captain",
    "maitre",
    "me",
    "father",
    "pere",
];

/// The id of an organisation or a place: its name's letters and digits.
fn slug_of(name: &str) -> String {
    let id = slug::slugify(name);
    if id.is_empty() {
        "actor".into()
    } else {
        id
    }
}

/// The id of a found person: its name's letters and digits, spelt by its
/// transliteration key so that one person has one id in every source
/// ("Vladimir Zaïomski" in French, "Vladimir Zaemsky" in English).
fn id_of(name: &str) -> String {
    let id = slug::slugify(crate::translit::key(&fold(name)));
    if id.is_empty() {
        "actor".into()
    } else {
        id
    }
}

fn words(s: &str) -> Vec<String> {
    fold(s).split(|c: char| !(c.is_alphanumeric() || c == '-')).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// Finds the actors `plain` names. `rules` brings the config's actors.
pub fn find(plain: &str, folded: &Folded, rules: &Rules) -> Found {
    let mut found = Found::default();
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    // The config's actors first: their names, aliases and spellings.
    if let Some(re) = &rules.actors {
        for m in re.find_iter(&folded.text) {
            let Some(id) = rules.actor_of(m.as_str()) else { continue };
            let (start, end) = folded.original_range(m.start(), m.end());
            let index = *by_key.entry(format!("config:{id}")).or_insert_with(|| {
                found.actors.push(Actor {
                    id: id.clone(),
                    name: rules.actor_names.get(id).cloned().unwrap_or_else(|| plain[start..end].to_owned()),
                    person: !rules.organisations.contains(id),
                    gender: None,
                    roles: Vec::new(),
                    configured: true,
                });
                found.actors.len() - 1
            });
            spans.push((start, end, index));
        }
    }
    let taken = |spans: &[(usize, usize, usize)], s: usize, e: usize| spans.iter().any(|&(a, b, _)| a < e && s < b);
    // Full names, then the single words that refer back to them.
    let mut singles = Vec::new();
    for m in names_in(plain) {
        let (mut start, end) = (m.start(), m.end());
        let mut text = m.as_str();
        // Leading words that are not names ("The", "Selon", "Mr").
        loop {
            let first = text.split([' ', '-']).next().unwrap_or("");
            let f = fold(first.trim_end_matches('.'));
            // "New York", "New Zealand": a place's name.
            let place = f == "new"
                && text[first.len()..].split_whitespace().next().is_some_and(|w| {
                    matches!(
                        w,
                        "York"
                            | "Zealand"
                            | "Delhi"
                            | "Jersey"
                            | "Mexico"
                            | "Hampshire"
                            | "Orleans"
                            | "England"
                            | "Caledonia"
                            | "Guinea"
                            | "Brunswick"
                            | "Haven"
                    )
                });
            if NOT_NAMES.contains(&f.as_str()) && text.len() > first.len() && !place {
                let skip =
                    first.len() + text[first.len()..].len() - text[first.len()..].trim_start_matches([' ', '-']).len();
                start += skip;
                text = &plain[start..end];
            } else {
                break;
            }
        }
        // "le président de la République François Hollande": the office's
        // last word, then the person's name (two or three capitalised
        // words; "République Démocratique du Congo" stays a country).
        if let Some(rest) = text.strip_prefix("République ") {
            let words: Vec<&str> = rest.split_whitespace().collect();
            if (2..=3).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase)) {
                start += "République ".len();
                text = &plain[start..end];
            }
        }
        let text = text.trim_end_matches(['.', '\'', '’']);
        // "Twitter-like": what is left after a word that is no name is not
        // a name either.
        if !text.starts_with(char::is_uppercase) {
            continue;
        }
        // "Jordanian Foreign Minister Ayman Safadi", "US Secretary of State
        // Mike Pompeo": the name is what follows the last role word.
        let (start, text) = {
            let mut cut = 0;
            for (i, w) in text
                .char_indices()
                .filter(|(i, c)| *i == 0 || c.is_whitespace())
                .map(|(i, _)| i)
                .map(|i| (i, text[i..].trim_start()))
            {
                let word = w.split_whitespace().next().unwrap_or("");
                let f = fold(word.trim_end_matches('.'));
                if ROLES.contains(&f.as_str()) || TITLES.contains(&f.as_str()) {
                    cut = i + (text[i..].len() - text[i..].trim_start().len()) + word.len();
                }
            }
            let rest = text[cut..].trim_start();
            (start + (text.len() - rest.len()), rest)
        };
        if text.is_empty() {
            continue;
        }
        // "L'UFDG", "d'Emmanuel Macron": the elided article is no part of the name.
        let elided = ["L'", "L’", "l'", "l’", "D'", "D’", "d'", "d’"]
            .iter()
            .find(|p| text.starts_with(*p))
            .map_or(0, |p| p.len());
        let (start, text) = (start + elided, &text[elided..]);
        // "Statistics Canada’s economist": the possessive is no part of the
        // name.
        let text = text.strip_suffix("'s").or_else(|| text.strip_suffix("’s")).unwrap_or(text);
        let end = start + text.len();
        // "PLR Christa Markwalder": a party's or an agency's initials before
        // a person's name are not part of it.
        let acronym = |w: &str| w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase());
        let (start, text) = match text.split_once(' ') {
            Some((first, rest))
                if acronym(first)
                    && rest.split_whitespace().count() >= 2
                    && rest.split_whitespace().all(|w| !acronym(w)) =>
            {
                (end - rest.len(), rest)
            }
            _ => (start, text),
        };
        if text.is_empty() || taken(&spans, start, end) {
            continue;
        }
        let parts: Vec<&str> = text.split_whitespace().collect();
        let first_word = fold(parts[0].trim_end_matches('.'));
        if parts.len() == 1 {
            if !NOT_NAMES.contains(&first_word.as_str()) && text.chars().count() > 1 {
                singles.push((start, end));
            }
            continue;
        }
        let key = fold(text);
        let index = match by_key.get(&key) {
            Some(&i) => i,
            None => {
                // A person's name is two to four words with no word of an
                // organisation or a place and no possessive ("Indiana's
                // Richmond High School").
                // ("Marine Le Pen": a first name that is an organisation's
                // word elsewhere.)
                let first_name = |i: usize, w: &str| i == 0 && fold(w) == "marine" && parts.len() <= 3;
                let organisation = parts
                    .iter()
                    .enumerate()
                    .any(|(i, w)| ORGANISATION_WORDS.contains(&fold(w).as_str()) && !first_name(i, w))
                    || parts.iter().all(|w| w.chars().all(|c| !c.is_lowercase()))
                    || parts.len() > 4
                    || text.contains("'s ")
                    || text.contains("’s ");
                found.actors.push(Actor {
                    id: if organisation { slug_of(text) } else { id_of(text) },
                    name: text.to_owned(),
                    person: !organisation,
                    gender: None,
                    roles: Vec::new(),
                    configured: false,
                });
                by_key.insert(key, found.actors.len() - 1);
                found.actors.len() - 1
            }
        };
        spans.push((start, end, index));
    }
    // "l'Union des forces démocratiques de Guinée (UFDG)": the acronym
    // names the same actor.
    // A name glossed by its initials is an organisation's, written in full
    // with them ("Netherlands Organisation for Applied Scientific Research
    // (TNO)"), as the text goes on to call it by the initials.
    for &(start, end, index) in &spans {
        let after = &plain[end..];
        if let Some(rest) = after.strip_prefix(" (") {
            let acronym: String = rest.chars().take_while(|c| c.is_uppercase() || c.is_ascii_digit()).collect();
            if (2..=10).contains(&acronym.chars().count())
                && rest[acronym.len()..].starts_with(')')
                && !found.actors[index].configured
                // ("Ugo Bernalicis (LFI)": a person's party, not initials.)
                && !found.actors[index].person
            {
                let first = by_key.entry(fold(&acronym)).or_insert(index);
                if *first == index && !found.actors[index].name.contains('(') {
                    let full = organisation_head(&plain[..start]);
                    let actor = &mut found.actors[index];
                    actor.name = format!("{}{} ({acronym})", &plain[start - full..start], actor.name);
                    actor.person = false;
                    actor.gender = None;
                }
            }
        }
    }
    // Where each actor is first named.
    let mut first_at: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for &(start, _, index) in &spans {
        first_at.entry(index).and_modify(|at| *at = (*at).min(start)).or_insert(start);
    }
    // A single word refers to the actor whose name it ends (a surname), else
    // it is an actor of its own ("Rostec", "Trump") when it is not the first
    // word of a sentence.
    for (start, end) in singles {
        let word = fold(&plain[start..end]);
        let persons = || found.actors.iter().enumerate().filter(|(_, a)| !a.configured && a.person);
        // A short word of one person's name alone ("Li" for "Li Jifeng":
        // the family name first).
        let only = {
            let mut named = persons().filter(|(_, a)| a.name.split_whitespace().any(|w| fold(w) == word));
            match (named.next(), named.next()) {
                (Some(one), None) => Some(one),
                _ => None,
            }
        };
        // ("US" is no one's surname: initials name a country or a body.)
        let initials = plain[start..end].chars().all(|c| !c.is_lowercase());
        let bears = |a: &Actor| {
            words(&a.name).last().is_some_and(|w| *w == word)
                || a.name.split_whitespace().any(|w| fold(w) == word && w.len() > 3)
        };
        // (Of two people of that name, the one named last before it: "Anna
        // Voss … Voss wrote" though her father Paul is named later.)
        let surname = persons()
            .filter(|_| !initials)
            .filter(|(i, _)| first_at.get(i).is_some_and(|&at| at < start))
            .rfind(|(_, a)| bears(a))
            .or_else(|| persons().filter(|_| !initials).rfind(|(_, a)| bears(a)))
            .or(only);
        // ("the EC" after "the Election Commission": the initials of an
        // organisation the text named in full, in capitals.)
        let abbreviated = || {
            let letters = &plain[start..end];
            (initials && (2..=6).contains(&letters.chars().count())).then_some(())?;
            let mut matching = found.actors.iter().enumerate().filter(|(_, a)| {
                !a.person
                    && a.name.split_whitespace().count() >= 2
                    && a.name
                        .split_whitespace()
                        .filter(|w| w.starts_with(char::is_uppercase))
                        .filter_map(|w| w.chars().next())
                        .collect::<String>()
                        == letters
            });
            let first = matching.next()?;
            matching.next().is_none().then_some(first)
        };
        let index = match surname.or_else(abbreviated) {
            Some((i, _)) => i,
            None => {
                let before = plain[..start].trim_end();
                // "ajoute le Berchemois": a demonym after its article
                // stands for a person, it names no one.
                let demonym =
                    is_demonym(&word) && fold(before).rsplit(' ').next().is_some_and(|w| matches!(w, "le" | "la"));
                if demonym {
                    continue;
                }
                // ("Mr. Trump wrote": the title's full stop ends no sentence.)
                let titled = before
                    .rsplit(char::is_whitespace)
                    .next()
                    .is_some_and(|w| w.ends_with('.') && TITLES.contains(&fold(w.trim_end_matches('.')).as_str()));
                let sentence_start =
                    !titled && (before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':', '«', '"', '“']));
                // "Abby said: …": a first name that opens its sentence and
                // speaks, when the text never writes it as a common word.
                let speaks = {
                    static SAYS: OnceLock<Regex> = OnceLock::new();
                    let says = re(
                        &SAYS,
                        r"^\s+(?:said|says|told|added|explained|wrote|asked|replied|a déclaré|a dit|a expliqué|a ajouté|explique|ajoute|raconte|confie)\b",
                    );
                    let lower = plain[start..end].to_lowercase();
                    says.is_match(&plain[end..])
                        && !plain.split(|c: char| !c.is_alphanumeric()).any(|w| w == lower)
                        && !ROLES.contains(&word.as_str())
                        && !ORGANISATION_ROLES.contains(&word.as_str())
                };
                if sentence_start && !looks_like_name(&plain[start..end]) && !speaks {
                    continue;
                }
                match by_key.get(&word) {
                    Some(&i) => i,
                    None => {
                        let text = &plain[start..end];
                        // A lone word is a person only when a title or a
                        // role says so (roles_and_titles): "Jerusalem",
                        // "Weibo" and "Rostec" are not.
                        found.actors.push(Actor {
                            id: slug_of(text),
                            name: text.to_owned(),
                            person: false,
                            gender: None,
                            roles: Vec::new(),
                            configured: false,
                        });
                        by_key.insert(word, found.actors.len() - 1);
                        found.actors.len() - 1
                    }
                }
            }
        };
        spans.push((start, end, index));
    }
    spans.sort_unstable();
    found.mentions = spans
        .into_iter()
        .map(|(start, end, actor)| Mention { start, end, actor, subject: opens_sentence(plain, start) })
        .collect();
    roles_and_titles(plain, &mut found);
    found
}

/// Whether a name of several words reads as an organisation's or a
/// place's: a word of one, or a possessive inside ("Indiana's Richmond
/// High School").
/// How many bytes at the end of `before` are the head of an organisation's
/// name that goes on past a preposition: "Netherlands Organisation for "
/// before "Applied Scientific Research (TNO)". Capitalised words joined by
/// "of", "for", "de", "and" …, ending with such a word; nothing otherwise.
fn organisation_head(before: &str) -> usize {
    const JOIN: &[&str] = &["of", "for", "on", "and", "de", "des", "du", "pour", "et", "la", "le"];
    if !before.ends_with(' ') {
        return 0;
    }
    let text = before.trim_end();
    let mut end = text.len();
    let mut head = before.len();
    let mut words = 0;
    for word in text.rsplit(' ') {
        if word.is_empty() || word.contains(|c: char| !(c.is_alphabetic() || c == '-' || c == '\'' || c == '’')) {
            break;
        }
        let start = end - word.len();
        end = start.saturating_sub(1);
        if JOIN.contains(&word) {
            continue;
        }
        if !word.starts_with(char::is_uppercase) || NOT_NAMES.contains(&fold(word).as_str()) {
            break;
        }
        head = start;
        words += 1;
    }
    // The words kept must end with a joining word: "Organisation for".
    let kept = &before[head.min(before.len())..];
    let joined = kept.trim_end().rsplit(' ').next().is_some_and(|w| JOIN.contains(&w));
    if words == 0 || !joined {
        return 0;
    }
    before.len() - head
}

fn named_as_organisation(name: &str) -> bool {
    name.contains(' ')
        && (name.split_whitespace().any(|w| ORGANISATION_WORDS.contains(&fold(w).as_str()))
            || name.contains("'s ")
            || name.contains("’s "))
}

/// Words that open a phrase before a sentence's subject ("After the
/// hearing, …", "Regarding the tweets, …").
const OPENERS: &[&str] = &[
    "regarding",
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "for",
    "with",
    "asked",
    "speaking",
    "meanwhile",
    "however",
    "but",
    "yet",
    "later",
    "earlier",
    "dans",
    "en",
    "apres",
    "avant",
    "pendant",
    "lors",
    "pour",
    "avec",
    "cependant",
    "toutefois",
    "mais",
    "ensuite",
    "puis",
    "interroge",
    "interrogee",
];

/// Whether only a few words (determiners, titles, roles) stand between the
/// sentence's start and `at`.
fn opens_sentence(plain: &str, at: usize) -> bool {
    let before = crate::text::before(plain, at, 80);
    // "it was Anna Voss who …", "the first witness was port director Anna
    // Voss, who …", "c'est Marie Dupont qui …": the person the sentence
    // introduces, whom the next sentence goes on about.
    let copula =
        before.rsplit(['.', ',', ';', ':', '!', '?', '\n']).next().unwrap_or("").split_whitespace().rev().take(5).any(
            |w| matches!(fold(w).as_str(), "was" | "is" | "est" | "etait" | "c'est" | "c'etait" | "c’est" | "c’etait"),
        );
    if copula && [" who ", " qui "].iter().any(|r| fold(crate::text::after(plain, at, 60)).contains(r)) {
        return true;
    }
    let since = before.rsplit(['.', '!', '?', '\n', ';', '«', '"', '“']).next().unwrap_or(before);
    // "Regarding the tweets, Anna Voss said": a phrase opening the sentence
    // and its comma stand before the subject.
    let since = match since.split_once(',') {
        Some((head, tail))
            if !tail.contains(',')
                && head.split_whitespace().count() <= 8
                && head.split_whitespace().next().is_some_and(|w| OPENERS.contains(&fold(w).as_str())) =>
        {
            tail
        }
        _ => since,
    };
    // Only determiners, titles, roles and capitalised words ("Israeli Prime
    // Minister") may stand before a subject: not a verb ("Netanyahu visited
    // the Gush Etzion settlement").
    const LEADING: &[&str] = &[
        "the", "a", "an", "of", "le", "la", "les", "l'", "un", "une", "de", "du", "des", "d'", "former", "ancien",
        "ancienne", "ex", "then", "new", "nouveau", "nouvelle", "deputy", "vice", "chief", "senior", "top", "general",
        "generale", "actuel", "actuelle", "current", "outgoing", "sortant", "sortante",
    ];
    // "Environmental justice activist Anna Voss": words before a role
    // noun qualify the role.
    let folded: Vec<String> =
        since.split_whitespace().map(|w| fold(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))).collect();
    let role_at = folded.iter().rposition(|f| ROLES.contains(&f.as_str())).filter(|&r| {
        let lower =
            folded[..r].iter().zip(since.split_whitespace()).filter(|(_, w)| !w.starts_with(char::is_uppercase));
        lower.count() <= 2
            && !folded[..r]
                .iter()
                .any(|f| matches!(f.as_str(), "he" | "she" | "they" | "we" | "i" | "il" | "elle" | "ils" | "on"))
    });
    !since.contains(',')
        && since.split_whitespace().count() <= 4
        && since.split_whitespace().enumerate().all(|(i, w)| {
            let f = fold(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''));
            w.starts_with(char::is_uppercase)
                || role_at.is_some_and(|r| i < r && f.chars().all(char::is_alphabetic))
                || LEADING.contains(&f.as_str())
                || ROLES.contains(&f.as_str())
                || TITLES.contains(&f.as_str())
                || f.starts_with("l'")
                || f.starts_with("d'")
        })
}

/// A single capitalised word that is a name even at a sentence's start:
/// an acronym ("CGT"), or a word with capitals inside ("McDonald").
fn looks_like_name(word: &str) -> bool {
    word.chars().count() >= 2
        && (word.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
            || word.chars().skip(1).any(char::is_uppercase))
}

/// Reads the titles and roles the text gives each mention: before it ("le
/// porte-parole du Kremlin, Dmitri Peskov", "Port director Anna Voss",
/// "Mme Voss") and after it ("Anna Voss, the port director,").
fn roles_and_titles(plain: &str, found: &mut Found) {
    static BEFORE: OnceLock<Regex> = OnceLock::new();
    static AFTER: OnceLock<Regex> = OnceLock::new();
    let before_re = re(&BEFORE, r"(?i)((?:[\p{L}'’-]+\s+){0,5}?[\p{L}'’-]+)\s*,?\s*$");
    let after_re =
        re(&AFTER, r"^\s*,\s*((?:the|le|la|l'|l’|un|une|a|an)?\s*(?:[\p{L}'’-]+\s+){0,6}?[\p{L}'’-]+)\s*[,.;]");
    for m in found.mentions.clone() {
        let before = crate::text::before(plain, m.start, 80);
        let before = before.rsplit(['.', ';', ':', '(', '"', '«', '»', '“', '”', '\n']).next().unwrap_or("");
        let mut roles = Vec::new();
        let mut gender = None;
        // The regexes are searched without captures, which the fast engines
        // find; the group is the match less its fixed ends.
        let before_c = before_re.find(before).map(|m| {
            let g = before[m.start()..].trim_end();
            g.strip_suffix(',').unwrap_or(g).trim_end()
        });
        if let Some(c) = before_c {
            let w = words(c);
            if let Some(last) = w.last() {
                if TITLES.contains(&last.as_str()) && !named_as_organisation(&found.actors[m.actor].name) {
                    gender = gender_of(last);
                    found.actors[m.actor].person = true;
                }
            }
            // "worried by the newspaper Morgon Posten": an organisation's
            // noun right before the name; a role further back is not its.
            let organisation_noun =
                w.last().is_some_and(|x| ORGANISATION_ROLES.contains(&x.as_str()) && !ROLES.contains(&x.as_str()));
            if let Some(k) = w.iter().rposition(|x| is_role(x)).filter(|_| !organisation_noun) {
                // "le porte-parole du Kremlin, Dmitri Peskov", "Port director
                // Anna Voss": the role noun with the words after it. A
                // mention right after the role's preposition is its
                // complement ("a teacher at Richmond High School", "le
                // porte-parole du Kremlin"), not the person.
                const OF: &[&str] =
                    &["of", "at", "in", "for", "from", "de", "du", "des", "d", "a", "au", "aux", "chez", "en", "pour"];
                // (So is one whose preposition, with its article or not,
                // stands right before it: "le chef parlementaire du Parti
                // québécois", "le ministre de l'Intérieur".)
                let article = |x: &String| matches!(x.as_str(), "l" | "la" | "le" | "les" | "the");
                let tail = match w.split_last() {
                    Some((last, rest)) if article(last) && rest.len() > k => rest.last(),
                    _ => w.last().filter(|_| w.len() > k + 1),
                };
                let complement = (w.get(k + 1).is_some_and(|x| OF.contains(&x.as_str()))
                    || tail.is_some_and(|x| OF.contains(&x.as_str())))
                    && !c.ends_with(',')
                    && !before.trim_end().ends_with(',');
                if !complement {
                    let start = w[..k]
                        .iter()
                        .rposition(|x| matches!(x.as_str(), "le" | "la" | "l" | "the" | "son" | "sa" | "his" | "her"))
                        .map_or(k.saturating_sub(1), |a| a + 1);
                    roles.push(w[start..].join(" "));
                    gender = gender.or_else(|| w[..=k].iter().rev().find_map(|x| gender_of(x)));
                }
            }
        }
        // "Indiana Gov. Anna Voss", "Sen. Anna Voss": the abbreviated
        // title is a role the text may call her by later ("the governor").
        let title = fold(crate::text::before(plain, m.start, 6));
        for (short, role) in [("gov. ", "governor"), ("sen. ", "senator"), ("gen. ", "general")] {
            if title.ends_with(short) {
                roles.push(role.to_owned());
            }
        }
        let after = crate::text::after(plain, m.end, 80);
        // "chez Auchan, la ministre, Astrid Dupont,": the role between
        // commas is the name's after it.
        let names_next = |whole: &regex::Match| {
            whole.as_str().ends_with(',') && after[whole.end()..].trim_start().starts_with(char::is_uppercase)
        };
        let after_m = after_re.find(after);
        let group = |whole: &regex::Match<'_>| {
            let g = &after[..whole.end()];
            let g = g[..g.len() - 1].trim_end();
            g.trim_start().strip_prefix(',').unwrap_or(g).trim_start()
        };
        let after_c = after_m.as_ref().map(|m| (group(m), names_next(m)));
        if let Some((c, _)) = after_c.filter(|(_, next)| !next) {
            let w = words(c);
            if w.iter().any(|x| is_role(x)) {
                gender = gender.or_else(|| w.iter().find_map(|x| gender_of(x)));
                roles.push(w.join(" "));
            }
        }
        // "The group, WeWorkers Coalition,", "la société Rostec", "Rostec,
        // the company": the noun it is known by, which is no person's role.
        let org_before = before_c.and_then(|c| {
            let w = words(c);
            let n = w.len();
            let noun = w.last().filter(|x| ORGANISATION_ROLES.contains(&x.as_str()))?;
            let definite = n >= 2 && matches!(w[n - 2].as_str(), "the" | "le" | "la" | "l" | "this");
            // "revelations by newspaper Dagens Nyheter": the bare noun
            // right before the name, after a preposition.
            let bare = n >= 2 && matches!(w[n - 2].as_str(), "by" | "in" | "from" | "to" | "par" | "dans");
            (definite || bare).then(|| noun.clone())
        });
        let org_after = after_c.and_then(|(c, _)| {
            let w = words(c);
            (w.len() <= 3 && matches!(w.first().map(String::as_str), Some("the" | "le" | "la" | "l")))
                .then(|| w.iter().find(|x| ORGANISATION_ROLES.contains(&x.as_str())).cloned())
                .flatten()
        });
        let actor = &mut found.actors[m.actor];
        // "the IDF Military Advocate General's Corps": a name made of an
        // organisation's words stays one, whatever role comes before it.
        if !roles.is_empty() && !named_as_organisation(&actor.name) {
            actor.person = true;
        }
        // "le quotidien Le Monde", "newspaper Dagens Nyheter": an
        // organisation's noun before the name makes it one.
        if roles.is_empty() && org_before.is_some() && !actor.configured {
            actor.person = false;
            actor.gender = None;
        }
        if !actor.person {
            for noun in org_before.into_iter().chain(org_after) {
                if !actor.roles.contains(&noun) {
                    actor.roles.push(noun);
                }
            }
        }
        for r in roles {
            if !actor.roles.contains(&r) {
                actor.roles.push(r);
            }
        }
        if actor.gender.is_none() {
            actor.gender = gender;
        }
    }
}

fn gender_of(word: &str) -> Option<Gender> {
    if FEMININE.contains(&word) && !matches!(word, "la" | "her" | "she" | "elle") {
        Some(Gender::Feminine)
    } else if MASCULINE.contains(&word) && !matches!(word, "le" | "he" | "his" | "il") {
        Some(Gender::Masculine)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Found {
        find(text, &Folded::new(text), &Rules::default())
    }

    #[test]
    fn a_name_glossed_by_initials_is_an_organisation_named_in_full() {
        let plain = "The report by the Dutch Organisation for Applied Marine Research (DOAMR) was published.\n\nDOAMR said the boat sank.";
        let f = find(plain, &Folded::new(plain), &Rules::default());
        let doamr = f.mentions.last().map(|m| &f.actors[m.actor]).unwrap();
        assert_eq!(doamr.name, "Dutch Organisation for Applied Marine Research (DOAMR)");
        assert!(!doamr.person);
    }

    #[test]
    fn a_surname_is_the_person_of_that_name_named_before_it() {
        let text = "Anna Voss and her friend were in the theatre.\n\n\"He covered me,\" Voss wrote in a statement.\n\n\
                    Her father Paul Voss came to visit. Voss said he was proud.";
        let f = found(text);
        let anna = f.actors.iter().position(|a| a.name == "Anna Voss").unwrap();
        let paul = f.actors.iter().position(|a| a.name == "Paul Voss").unwrap();
        let of = |word_at: usize| f.mentions.iter().find(|m| m.start == word_at).map(|m| m.actor);
        assert_eq!(of(text.find("Voss wrote").unwrap()), Some(anna), "{:?}", f.mentions);
        assert_eq!(of(text.find("Voss said").unwrap()), Some(paul), "{:?}", f.mentions);
    }

    #[test]
    fn names_roles_and_surnames() {
        let text = "Le porte-parole du Kremlin, Dmitri Peskov, a démenti. Port director Anna Voss said the strike cost money. \
                    Later, Voss added more. Mme Voss était présente. The White House said nothing.";
        let f = found(text);
        let names: Vec<&str> = f.actors.iter().map(|a| a.name.as_str()).collect();
        assert!(
            names.contains(&"Dmitri Peskov") && names.contains(&"Anna Voss") && names.contains(&"White House"),
            "{names:?}"
        );
        let peskov = f.actors.iter().find(|a| a.name == "Dmitri Peskov").unwrap();
        assert_eq!(peskov.roles, ["porte-parole du kremlin"]);
        let voss = f.actors.iter().position(|a| a.name == "Anna Voss").unwrap();
        assert_eq!(f.actors[voss].roles, ["port director"]);
        assert_eq!(f.actors[voss].gender, Some(Gender::Feminine));
        assert_eq!(f.mentions.iter().filter(|m| m.actor == voss).count(), 3, "{:?}", f.mentions);
        assert!(!f.actors.iter().find(|a| a.name == "White House").unwrap().person);
        assert!(!names.contains(&"Later") && !names.contains(&"The White House"), "{names:?}");
    }
}
