//! How a source names an actor: the title or description attached to the
//! name. "le président du Parlement Juan Guaidó", "l'opposant soutenu par les
//! Etats-Unis Juan Guaido", "Nicolás Maduro, le leader chaviste au pouvoir".
//!
//! A descriptor starts at a determiner followed by a role noun (président,
//! chef, opposant, ambassadeur, porte-parole, …) and runs to the name, or
//! follows the name as an apposition between commas. Pure.

use crate::config::Rules;
use crate::fold::Folded;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Descriptor {
    pub actor: String,
    /// The description as written, without its determiner.
    pub text: String,
    /// Plain-text range of the description and the name together.
    pub start: usize,
    pub end: usize,
    pub origin: super::Origin,
}

const ROLES: &str = "president|presidente|chef|leader|dirigeant|opposant|ambassadeur|porte-parole|ministre|secretaire|vice-president|successeur|locataire|conseiller|directeur|representant|envoye|general|commandant|candidat|homme fort|chancelier|premier ministre|head|spokesman|spokeswoman|ambassador|minister|secretary|opposition leader|strongman|self-proclaimed|interim president";

fn before_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // Anchored at the end (the name's start); no clause words inside.
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"(?:^|[\s(,])(?:(?:le|la|du|de la|au|the|former|l'ancien|l'actuel)\s+|(?:l'|de l')\s*)(?P<d>(?:[a-z-]+\s+){{0,2}}?(?:{ROLES})\b(?:[^,.;:«»()\x22]*?)?)\s*,?\s*$"
        ))
        .expect("valid")
    })
}

fn role_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&format!(r"\b(?:{ROLES})\b")).expect("valid"))
}

fn after_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(r"^\s*,\s*(?:le|la|l'|the)\s*(?P<d>(?:{ROLES})\b[^,.;:«»()\x22]{{0,60}})[,.;]"))
            .expect("valid")
    })
}

/// Words that end a descriptor going backwards: a clause boundary.
const BREAKERS: &[&str] = &[
    " que ", " qui ", " apres ", " depuis ", " alors ", " quand ", " dont ", " et ", " mais ", " that ", " who ",
    " and ",
];

pub fn find(plain: &str, rules: &Rules) -> Vec<Descriptor> {
    find_folded(plain, &Folded::new(plain), rules)
}

/// `find` over text already folded.
pub fn find_folded(plain: &str, folded: &Folded, rules: &Rules) -> Vec<Descriptor> {
    let Some(actors) = &rules.actors else { return Vec::new() };
    let text = &folded.text;
    let mut out = Vec::new();
    for m in actors.find_iter(text) {
        let Some(actor) = rules.actor_of(m.as_str()) else { continue };
        if rules.organisations.contains(actor) {
            continue;
        }
        // Before the name, within 90 bytes and its clause.
        let mut from = text[..m.start()].char_indices().rev().nth(89).map_or(0, |(i, _)| i);
        // The window starts at a word, never inside one ("…thority").
        while from < m.start()
            && text[..from].chars().next_back().is_some_and(crate::text::is_word_char)
            && text[from..].chars().next().is_some_and(crate::text::is_word_char)
        {
            from += text[from..].chars().next().map_or(1, char::len_utf8);
        }
        let window = &text[from..m.start()];
        let window_start = BREAKERS.iter().filter_map(|b| window.rfind(b).map(|i| i + b.len())).max().unwrap_or(0);
        let window = &window[window_start..];
        if let Some(c) = before_re().captures(window) {
            let d = c.name("d").expect("group");
            // Words before the role noun qualify it ("defence minister"),
            // unless a "du"/"of" shows they describe someone else ("l'épouse
            // du chef…"): then the descriptor starts at the role.
            let role_at = role_re().find(d.as_str()).map_or(0, |m| m.start());
            let lead = &d.as_str()[..role_at];
            let skip = if lead.split_whitespace().any(|w| matches!(w, "du" | "de" | "des" | "d'" | "of" | "la" | "le"))
            {
                role_at
            } else {
                0
            };
            let (s, e) = folded.original_range(from + window_start + d.start() + skip, from + window_start + d.end());
            let (s, e) = crate::text::whole_words(plain, s, e);
            let description = plain[s..e].trim().trim_end_matches(',').trim().to_owned();
            if !description.is_empty() {
                let (_, name_end) = folded.original_range(m.start(), m.end());
                out.push(Descriptor {
                    actor: actor.clone(),
                    text: description,
                    start: s,
                    end: name_end,
                    origin: super::Origin::Machine,
                });
                continue;
            }
        }
        if let Some(c) = after_re().captures(&text[m.end()..]) {
            let d = c.name("d").expect("group");
            let (s, e) = folded.original_range(m.end() + d.start(), m.end() + d.end());
            let (s, e) = crate::text::whole_words(plain, s, e);
            let (name_start, _) = folded.original_range(m.start(), m.end());
            out.push(Descriptor {
                actor: actor.clone(),
                text: plain[s..e].trim().to_owned(),
                start: name_start,
                end: e,
                origin: super::Origin::Machine,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use std::path::Path;

    fn config() -> Config {
        Config::parse(
            "[site]\ntitle = \"T\"\n[actors.guaido]\nname = \"Juan Guaidó\"\nkind = \"person\"\naliases = [\"Guaido\", \"Juan Guaido\"]\n\
             [actors.maduro]\nname = \"Nicolás Maduro\"\nkind = \"person\"\naliases = [\"Maduro\", \"Nicolas Maduro\"]\n",
            Path::new("config.toml"),
        )
        .unwrap()
    }

    fn descriptions(plain: &str) -> Vec<(String, String)> {
        find(plain, &config().rules).into_iter().map(|d| (d.actor, d.text)).collect()
    }

    #[test]
    fn titles_before_and_appositions_after() {
        let d = descriptions(
            "une profonde crise politique depuis que le président du Parlement Juan Guaidó s’est autoproclamé",
        );
        assert_eq!(d, [("guaido".to_owned(), "président du Parlement".to_owned())]);
        let d = descriptions(
            "des troubles sociaux après que l'opposant soutenu par les Etats-Unis Juan Guaido s'est autoproclamé",
        );
        assert_eq!(d[0].1, "opposant soutenu par les Etats-Unis");
        let d = descriptions("Fabiana Rosales, l'épouse du chef de l'opposition vénézuélienne Juan Guaido.");
        assert_eq!(d[0].1, "chef de l'opposition vénézuélienne");
        let d = descriptions("le Kremlin soutient Nicolás Maduro, le leader chaviste au pouvoir, alors que");
        assert_eq!(d, [("maduro".to_owned(), "leader chaviste au pouvoir".to_owned())]);
        assert!(descriptions("Juan Guaido a parlé.").is_empty());
        // Determiners are whole words: "au" in "authority", "le" in "leftist".
        let d = descriptions("as the port authority spokesman Juan Guaido said");
        assert_eq!(d[0].1, "port authority spokesman");
        let d = descriptions("meanwhile leftist President Nicolás Maduro said");
        assert!(d.iter().all(|(_, t)| !t.starts_with("ftist")), "{d:?}");
        let d = descriptions("a decision by the leftist President Nicolás Maduro");
        assert_eq!(d[0].1, "leftist President");
    }
}
