//! Sourcing: whom a source cites. "selon le Wall Street Journal", "citant une
//! source proche du ministère", "cité par Sputnik", "a évoqué Sputnik",
//! "according to Reuters", "© Reuters". Named sources are kept as written
//! (without their article) and matched to configured actors when an alias
//! fits; unnamed ones ("une source proche…", "la presse") are marked so. Pure.

use crate::config::Rules;
use crate::fold::{fold, Folded};
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    /// Plain-text range of the citing phrase; `None` for a photo credit kept
    /// in the page's removed chrome.
    pub span: Option<(usize, usize)>,
    /// Who is cited, as written ("Wall Street Journal", "une source proche du
    /// ministère russe de la Défense").
    pub cited: String,
    /// The configured actor it names, if any.
    pub actor: Option<String>,
    pub named: bool,
    /// How it is cited: "selon", "citant", "cité par", "photo credit", …
    pub via: String,
    pub origin: super::Origin,
}

fn trigger_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b(selon|d'apres|citant|cite par|citee par|cites par|rapporte par|according to|citing|cited by|quoted by|reported by|a (?:evoque|rapporte|indique|precise))\s+").expect("valid")
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
        Regex::new(r"^(?:une source|des sources|certaines sources|de source|plusieurs sources|la presse|les medias|a source|sources|the press|media reports)\b[^,.;:»]*").expect("valid")
    });
    re.find(s).map(|m| m.end())
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
            let text = plain[after..end].trim().to_owned();
            out.push(Citation {
                span: Some((after, end)),
                cited: text,
                actor: None,
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
            out.push(Citation {
                span: Some((after + s, after + e)),
                cited: name,
                actor,
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
                            named: true,
                            via: "reports".into(),
                            origin: super::Origin::Machine,
                        });
                    }
                }
            }
        }
    }
    static CREDIT: OnceLock<Regex> = OnceLock::new();
    let credit = CREDIT.get_or_init(|| Regex::new(r"©\s*(\p{Lu}[\p{L}\d .'-]*?)\s*(?:/|$|\)|,)").expect("valid"));
    for text in removed {
        for c in credit.captures_iter(text) {
            let name = c[1].trim().to_owned();
            let actor = actor_of(&name, rules);
            out.push(Citation {
                span: None,
                cited: name,
                actor,
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
    match &c.actor {
        Some(a) => a.clone(),
        None if c.named => fold(&c.cited),
        None => "unnamed".into(),
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
