//! Sourcing: whom a source cites. "selon le Wall Street Journal", "citant une
//! source proche du ministère", "cité par Sputnik", "a évoqué Sputnik",
//! "un article publié par le Wall Street Journal", "un article du Monde",
//! "according to Reuters", "citing an unnamed source", and photo credits in
//! their usual forms ("© Reuters", "(AFP photo)", "Photo: AFP",
//! "AFP/Getty Images", "Crédit photo : Reuters"). Named sources are kept as
//! written (without their article) and matched to configured actors when an
//! alias fits; unnamed ones ("une source proche…", "la presse", "an unnamed
//! source") are marked so.
//!
//! A capital cited as a source ("selon Caracas", "according to Moscow")
//! stands for its country's government and is recorded as that government
//! (`data/capitals.toml`), never as a city: "selon Moscou" and "according to
//! Moscow" are one cited source, the government of Russia. Pure.

use crate::config::Rules;
use crate::fold::{fold, Folded};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    /// Plain-text range of the citing phrase; `None` for a photo credit kept
    /// in the page's removed chrome.
    pub span: Option<(usize, usize)>,
    /// Who is cited, as written ("Wall Street Journal", "une source proche du
    /// ministère russe de la Défense").
    pub cited: String,
    /// The configured actor it names, if any.
    pub actor: Option<String>,
    /// The country whose government a cited capital stands for ("ve" for
    /// "Caracas"), from `data/capitals.toml`.
    pub government: Option<String>,
    pub named: bool,
    /// How it is cited: "selon", "citant", "cité par", "photo credit", …
    pub via: String,
    pub origin: super::Origin,
}

fn trigger_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b(selon|d'apres|citant|cite par|citee par|cites par|rapporte par|according to|citing|cited by|quoted by|reported by|a (?:evoque|rapporte|indique|precise)|une? (?:article|enquete|editorial|reportage|depeche) (?:(?:publiee?|paru|diffusee?) (?:par|dans)|du|de la|de l'|des|de)|an? (?:article|report|investigation|story|editorial) (?:(?:published|released|run) )?(?:by|in))(?:\s+|\b)").expect("valid")
    })
}

/// A proper-noun phrase at the start of `s` (original text): capitalised
/// words joined by short particles, after an optional article or kind word.
fn proper_noun_at(s: &str) -> Option<(usize, usize)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:(?:le|la|les|l'|l’|the)\s*)?(?:(?:agence|quotidien|journal|chaîne|site|newspaper|agency)\s+)?(?P<name>\p{Lu}[\p{L}\d'’-]*(?:\s+(?:(?:de|du|des|of|the|and|et)\s+)?\p{Lu}[\p{L}\d'’-]*)*)")
            .expect("valid")
    });
    let m = re.captures(s)?.name("name")?;
    Some((m.start(), m.end()))
}

/// An unnamed source at the start of `s` (folded), up to the clause's end.
fn unnamed_at(s: &str) -> Option<usize> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:une source|des sources|certaines sources|de source|plusieurs sources|la presse|les medias|(?:(?:an?|two|three|several|some|many|other|unnamed)\s+)?(?:(?:unnamed|anonymous|unidentified|senior|diplomatic|military|government|security|intelligence|western|informed|official)\s+)*(?:sources?|officials? who|people familiar|persons? familiar|insiders?)|the press|media reports)\b[^,.;:»()]*").expect("valid")
    });
    re.find(s).map(|m| m.end())
}

/// A capital in `data/capitals.toml`: the country code, and how the report
/// names its government in English and French.
struct Capital {
    country: String,
    en: String,
    fr: String,
}

fn capitals() -> &'static std::collections::BTreeMap<String, Capital> {
    static TABLE: OnceLock<std::collections::BTreeMap<String, Capital>> = OnceLock::new();
    TABLE.get_or_init(|| {
        #[derive(serde::Deserialize)]
        struct Entry {
            names: Vec<String>,
            en: String,
            fr: String,
        }
        // Malformed data is a fault of parallax itself; a unit test keeps
        // it from shipping.
        let table: std::collections::BTreeMap<String, Entry> =
            toml::from_str(include_str!("../../data/capitals.toml")).unwrap_or_default();
        let mut out = std::collections::BTreeMap::new();
        for (country, e) in table {
            for name in &e.names {
                out.insert(fold(name), Capital { country: country.clone(), en: e.en.clone(), fr: e.fr.clone() });
            }
        }
        out
    })
}

/// The country whose government `cited` stands for, when it is a capital.
pub fn government_of(cited: &str) -> Option<String> {
    capitals().get(fold(cited).trim()).map(|c| c.country.clone())
}

/// How the report names the government of `country`, in `language`.
pub fn government_name(country: &str, language: &str) -> Option<String> {
    capitals()
        .values()
        .find(|c| c.country == country)
        .map(|c| if language == "fr" { c.fr.clone() } else { c.en.clone() })
}

/// The photo credits in `text` (a caption kept in the page's removed
/// chrome, or the page's own text): byte range and name of each credited
/// agency. In running text only unmistakable forms count ("© Reuters",
/// "Photo: AFP", "(AFP photo)", "AFP/Getty Images"); a caption is read
/// more loosely ("Photo AFP", "AP Photo/Jane Doe", "Jane Doe / Reuters" at
/// its end).
fn credits(text: &str, caption: bool) -> Vec<((usize, usize), String)> {
    const NAME: &str =
        r"\p{Lu}(?:[\p{L}\d'’&-]|\.\p{L})*(?:[ \t]+(?:de[ \t]+|of[ \t]+)?\p{Lu}(?:[\p{L}\d'’&-]|\.\p{L})*){0,3}";
    static TEXT: OnceLock<Vec<Regex>> = OnceLock::new();
    static CAPTION: OnceLock<Vec<Regex>> = OnceLock::new();
    let names = || format!(r"(?P<n>{NAME}(?:[ \t]*/[ \t]*{NAME})*)");
    let res = if caption {
        CAPTION.get_or_init(|| {
            [
                format!(r"©[ \t]*{}", names()),
                format!(r"(?i:\b(?:cr[ée]dits?[ \t]+photos?|photo[ \t]+credit|photos?|photograph|cr[ée]dits?))[ \t]*(?:by[ \t]+|:[ \t]*|-[ \t]*|–[ \t]*|/[ \t]*)?{}", names()),
                r"(?:^|[(\[ \t])(?P<n>\p{Lu}(?:[\p{L}\d&-]|\.\p{L})*)[ \t]+(?i:(?:file[ \t]+)?photo)\b".to_owned(),
                r"(?P<n>\b\p{Lu}(?:[\p{L}\d&-]|\.\p{L})*[ \t]*/[ \t]*Getty(?:[ \t]+Images)?)".to_owned(),
                format!(r"(?:^|[.;|(\[–—][ \t]*)(?P<n>{NAME}[ \t]*/[ \t]*{NAME})[ \t]*[)\]]?[ \t]*$"),
            ]
            .iter()
            .map(|p| Regex::new(p).expect("valid"))
            .collect()
        })
    } else {
        TEXT.get_or_init(|| {
            [
                format!(r"©[ \t]*{}", names()),
                format!(
                    r"(?i:\b(?:cr[ée]dits?[ \t]+photos?|photo[ \t]+credit|photo))[ \t]*(?:by[ \t]+|:[ \t]*){}",
                    names()
                ),
                r"\((?P<n>\p{Lu}(?:[\p{L}\d&-]|\.\p{L})*)[ \t]+(?i:(?:file[ \t]+)?photo)\)".to_owned(),
                r"(?P<n>\b\p{Lu}(?:[\p{L}\d&-]|\.\p{L})*[ \t]*/[ \t]*Getty(?:[ \t]+Images)?)".to_owned(),
            ]
            .iter()
            .map(|p| Regex::new(p).expect("valid"))
            .collect()
        })
    };
    let mut out: Vec<((usize, usize), String)> = Vec::new();
    for re in res.iter() {
        for c in re.captures_iter(text) {
            let m = c.name("n").expect("group");
            if out.iter().any(|((s, e), _)| *s < m.end() && m.start() < *e) {
                continue;
            }
            let parts: Vec<&str> = m.as_str().split('/').map(str::trim).filter(|p| !p.is_empty()).collect();
            for part in &parts {
                // "Jane Doe/Reuters", "AP Photo/Jane Doe": the photographer
                // is not a cited source; the agency is.
                if looks_like_person(part) {
                    continue;
                }
                let name = part.trim_end_matches(['.', ',']).trim().to_owned();
                if !name.is_empty()
                    && !matches!(
                        fold(&name).as_str(),
                        "photo" | "photos" | "file" | "images" | "image" | "credit" | "credits"
                    )
                {
                    out.push(((m.start(), m.end()), name));
                }
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// "Jane Doe", "Ariana Cubillos": two or three capitalised words, none in
/// capitals alone nor a word of an agency's name.
fn looks_like_person(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
        })
        && !words.iter().any(|w| {
            matches!(
                fold(w).as_str(),
                "images" | "press" | "news" | "agency" | "agence" | "photo" | "photos" | "pictures" | "service"
            )
        })
}

/// Every citation in `plain`, plus photo credits among `removed` chrome.
pub fn find(plain: &str, removed: &[&str], rules: &Rules) -> Vec<Citation> {
    find_folded(plain, &Folded::new(plain), removed, rules)
}

/// `find` over text already folded.
pub fn find_folded(plain: &str, folded: &Folded, removed: &[&str], rules: &Rules) -> Vec<Citation> {
    let mut out = Vec::new();
    for m in trigger_re().find_iter(&folded.text) {
        let via = m.as_str().trim().to_owned();
        let (_, after) = folded.original_range(m.start(), m.end());
        // What is cited follows within a clause: a bounded window keeps the
        // work per trigger constant, however long the text.
        let rest = crate::text::after(plain, after, 240);
        let folded_rest = fold(rest);
        if let Some(len) = unnamed_at(&folded_rest) {
            // Folding keeps ASCII lengths; map the end through the original.
            let end =
                after + rest.char_indices().nth(folded_rest[..len].chars().count()).map_or(rest.len(), |(i, _)| i);
            // The window may end inside a word: the clause ends at the last
            // whole word.
            let end = if plain[..end].chars().next_back().is_some_and(crate::text::is_word_char)
                && plain[end..].chars().next().is_some_and(crate::text::is_word_char)
            {
                plain[after..end].rfind(char::is_whitespace).map_or(end, |i| after + i)
            } else {
                end
            };
            let text = plain[after..end].trim().to_owned();
            out.push(Citation {
                span: Some((after, end)),
                cited: text,
                actor: None,
                government: None,
                named: false,
                via,
                origin: super::Origin::Machine,
            });
            continue;
        }
        // "selon l'ambassadeur russe à Caracas, Vladimir Zaïomski": a
        // configured actor named in the clause is the one cited.
        let clause_end = rest.find(['.', ';', '»', '«']).unwrap_or(rest.len()).min(120);
        let clause_end = (0..=clause_end).rev().find(|i| rest.is_char_boundary(*i)).unwrap_or(0);
        if let Some(actors) = &rules.actors {
            let folded_clause = fold(&rest[..clause_end]);
            if let Some(am) = actors.find(&folded_clause) {
                if let Some(actor) = rules.actor_of(am.as_str()) {
                    let name = rules.actor_names.get(actor).cloned().unwrap_or_else(|| am.as_str().to_owned());
                    let end = after + clause_end;
                    out.push(Citation {
                        span: Some((after, end)),
                        cited: name,
                        actor: Some(actor.clone()),
                        government: None,
                        named: true,
                        via,
                        origin: super::Origin::Machine,
                    });
                    continue;
                }
            }
        }
        if let Some((s, e)) = proper_noun_at(rest) {
            let name = rest[s..e].trim_end_matches(['.', ',']).to_owned();
            let actor = actor_of(&name, rules);
            let government = if actor.is_none() { government_of(&name) } else { None };
            out.push(Citation {
                span: Some((after + s, after + e)),
                cited: name,
                actor,
                government,
                named: true,
                via,
                origin: super::Origin::Machine,
            });
        }
    }
    // "Le Wall Street Journal a affirmé que": an organisation actor as the
    // subject of a reporting verb.
    if let Some(actors) = &rules.actors {
        static VERB: OnceLock<Regex> = OnceLock::new();
        let verb = VERB.get_or_init(|| {
            Regex::new(r"^\s*(?:\([^)]*\)\s*)?(?:,[^,]{0,40},\s*)?(?:a|avait|ont|avaient|has|had)?\s*(?:\w+\s+)?(affirme|rapporte|indique|ecrit|annonce|reported|wrote|said)\b").expect("valid")
        });
        for m in actors.find_iter(&folded.text) {
            if verb.is_match(&folded.text[m.end()..]) {
                let (s, e) = folded.original_range(m.start(), m.end());
                let actor = rules.actor_of(m.as_str()).cloned();
                if actor.as_ref().is_some_and(|a| rules.organisations.contains(a)) {
                    let cited = plain[s..e].to_owned();
                    if !out.iter().any(|c| c.span.is_some_and(|(cs, _)| cs == s)) {
                        out.push(Citation {
                            span: Some((s, e)),
                            cited,
                            actor,
                            government: None,
                            named: true,
                            via: "reports".into(),
                            origin: super::Origin::Machine,
                        });
                    }
                }
            }
        }
    }
    // Photo credits: in the page's text with their place, in captions
    // kept in the removed chrome without one.
    for ((s, e), name) in credits(plain, false) {
        if out.iter().any(|c| c.span.is_some_and(|(cs, ce)| cs < e && s < ce)) {
            continue;
        }
        let actor = actor_of(&name, rules);
        out.push(Citation {
            span: Some((s, e)),
            cited: name,
            actor,
            government: None,
            named: true,
            via: "photo credit".into(),
            origin: super::Origin::Machine,
        });
    }
    for text in removed {
        for (_, name) in credits(text, true) {
            let actor = actor_of(&name, rules);
            out.push(Citation {
                span: None,
                cited: name,
                actor,
                government: None,
                named: true,
                via: "photo credit".into(),
                origin: super::Origin::Machine,
            });
        }
    }
    out.sort_by_key(|c| c.span.map_or(usize::MAX, |(s, _)| s));
    out
}

fn actor_of(name: &str, rules: &Rules) -> Option<String> {
    rules.actor_of(&fold(name)).cloned()
}

/// The key under which citations of one source are grouped across pages.
pub fn key(c: &Citation) -> String {
    match (&c.actor, &c.government) {
        (Some(a), _) => a.clone(),
        (None, Some(country)) => format!("government-{country}"),
        (None, None) if c.named => fold(&c.cited),
        (None, None) => "unnamed".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use std::path::Path;

    #[test]
    fn finds_whom_a_source_cites() {
        let config = Config::parse(
            "[site]\ntitle = \"T\"\n[actors.wsj]\nname = \"The Wall Street Journal\"\nkind = \"organisation\"\naliases = [\"Wall Street Journal\", \"WSJ\"]\n",
            Path::new("config.toml"),
        )
        .unwrap();
        let plain = "Il a visiblement lu l’article, a-t-il déclaré, cité par l’agence Ria Novosti. \
                     Le Wall Street Journal a affirmé dimanche que la Russie partait. \
                     Le quotidien, citant une source proche du ministère russe de la Défense, évoquait un millier. \
                     Cité par Sputnik, l'ambassadeur a parlé. Selon la presse, ils ont atterri.";
        let found = find(plain, &["Titre© Reuters / File photo"], &config.rules);
        let cited: Vec<(&str, bool)> = found.iter().map(|c| (c.cited.as_str(), c.named)).collect();
        assert!(cited.contains(&("Ria Novosti", true)), "{cited:?}");
        assert!(cited.contains(&("Wall Street Journal", true)), "{cited:?}");
        assert!(cited.contains(&("Sputnik", true)), "{cited:?}");
        assert!(cited.contains(&("Reuters", true)), "{cited:?}");
        assert!(cited.contains(&("une source proche du ministère russe de la Défense", false)), "{cited:?}");
        assert!(cited.contains(&("la presse", false)), "{cited:?}");
        let wsj = found.iter().find(|c| c.cited == "Wall Street Journal").unwrap();
        assert_eq!(wsj.actor.as_deref(), Some("wsj"));
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;
    use crate::config::Config;
    use std::path::Path;

    fn rules() -> Config {
        Config::parse("[site]\ntitle = \"T\"\n", Path::new("config.toml")).unwrap()
    }

    fn cited(plain: &str, removed: &[&str]) -> Vec<(String, bool, String)> {
        find(plain, removed, &rules().rules).into_iter().map(|c| (c.cited.clone(), c.named, key(&c))).collect()
    }

    #[test]
    fn an_article_by_an_outlet_is_a_citation_of_it() {
        let c = cited(
            "Un article publié par le Wall Street Journal le 23 juin avançait que la Russie partait. \
             Un article du Monde le confirmait. An article published by The Guardian said so.",
            &[],
        );
        let names: Vec<&str> = c.iter().map(|(n, _, _)| n.as_str()).collect();
        assert!(names.contains(&"Wall Street Journal"), "{c:?}");
        assert!(names.contains(&"Monde"), "{c:?}");
        assert!(names.contains(&"The Guardian"), "{c:?}");
        assert!(cited("Un article de presse le disait.", &[]).is_empty());
    }

    #[test]
    fn unnamed_sources_in_english() {
        let c = cited(
            "Reuters reported, citing an unnamed source, that troops left. \
             The paper said, citing sources, that they stayed. Citing senior officials who spoke on condition of anonymity, it added more.",
            &[],
        );
        let unnamed: Vec<&str> = c.iter().filter(|x| !x.1).map(|x| x.0.as_str()).collect();
        assert!(unnamed.contains(&"an unnamed source"), "{c:?}");
        assert!(unnamed.contains(&"sources"), "{c:?}");
        assert!(unnamed.iter().any(|u| u.starts_with("senior officials who spoke")), "{c:?}");
        assert!(c.iter().all(|x| x.0 != "Reuters" || x.1), "{c:?}");
    }

    #[test]
    fn photo_credits_in_any_form() {
        let names = |removed: &[&str]| -> Vec<String> {
            find("", removed, &rules().rules).into_iter().filter(|c| c.via == "photo credit").map(|c| c.cited).collect()
        };
        assert_eq!(names(&["Des soldats russes (AFP photo)"]), ["AFP"]);
        assert_eq!(names(&["Des soldats russes. Photo: AFP"]), ["AFP"]);
        assert_eq!(names(&["Nicolás Maduro à Caracas. AFP/Getty Images"]), ["AFP", "Getty Images"]);
        assert_eq!(names(&["Nicolás Maduro. Crédit photo : Reuters"]), ["Reuters"]);
        assert_eq!(names(&["Maduro in Caracas. Photo by Ariana Cubillos/Reuters"]), ["Reuters"]);
        assert_eq!(names(&["Titre© Reuters / File photo"]), ["Reuters"]);
        assert_eq!(names(&["Maduro à Caracas. AP Photo/Ariana Cubillos"]), ["AP"]);
        assert_eq!(names(&["Le président à Caracas, le 3 janvier."]), Vec::<String>::new());
        // In running text, only unmistakable forms: "(AFP photo)", "Photo: AFP".
        let in_text = find(
            "Soldiers at the airport (Reuters photo). The image Russia projects. Photo: AFP.",
            &[],
            &rules().rules,
        );
        let names: Vec<&str> = in_text.iter().map(|c| c.cited.as_str()).collect();
        assert_eq!(names, ["Reuters", "AFP"]);
        assert!(in_text.iter().all(|c| c.span.is_some()));
    }

    #[test]
    fn a_capital_cited_is_its_government() {
        let c = cited(
            "Selon Caracas, Téhéran souhaite consolider ses liens. According to Moscow, nothing changed. \
             Selon Moscou, rien n'a changé. Selon l'ambassadeur russe à Caracas, tout va bien.",
            &[],
        );
        let keys: Vec<&str> = c.iter().map(|x| x.2.as_str()).collect();
        assert_eq!(keys.iter().filter(|k| **k == "government-ru").count(), 2, "{c:?}");
        assert!(keys.contains(&"government-ve"), "{c:?}");
        assert!(!keys.contains(&"caracas"), "{c:?}");
        assert_eq!(government_name("ve", "fr").as_deref(), Some("Gouvernement vénézuélien"));
        assert_eq!(government_name("ru", "en").as_deref(), Some("Government of Russia"));
    }

    #[test]
    fn the_capitals_table_parses() {
        let table: toml::Value = toml::from_str(include_str!("../../data/capitals.toml")).unwrap();
        assert!(table.as_table().unwrap().len() > 20);
        assert!(capitals().len() > 30);
    }
}
