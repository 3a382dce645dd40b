//! Which outlet published a seed, and which wire agency wrote it.
//!
//! The outlet comes from the page's address first (its host, the most
//! specific registered host winning), then from text signatures found in
//! the raw seed (the chrome ingest removes often names the site). A wire is
//! only what the text credits as the article's author: a byline, a
//! dateline ("MOSCOU (AFP) -"), a credit line, the article's last words;
//! never a photo credit. Unknown stays unknown: no match, or a tie, is
//! `unknown`, since a wrong outlet is worse than none.

use crate::config::{Config, UNKNOWN_OUTLET};
use crate::fold::fold;

/// The host of a URL, lowercase, without `www.` or a port.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://").map_or(url.trim(), |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host.split(':').next()?.trim_end_matches('.').to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    (!host.is_empty() && host.contains('.')).then_some(host)
}

/// The outlet a URL's host belongs to: the longest registered host that is
/// the host itself or a parent domain of it.
pub fn by_host(url: &str, config: &Config) -> Option<String> {
    let host = host_of(url)?;
    config
        .rules
        .outlet_hosts
        .iter()
        .find(|(h, _)| host == *h || host.strip_suffix(h.as_str()).is_some_and(|p| p.ends_with('.')))
        .map(|(_, id)| id.clone())
}

/// The outlet whose signatures the raw seed matches most; `None` when none
/// match or two match equally.
pub fn by_signature(raw: &str, config: &Config) -> Option<String> {
    let folded = fold(raw);
    let mut best: Vec<(usize, &str)> = config
        .rules
        .outlet_signatures
        .iter()
        .map(|(id, sigs)| (sigs.iter().filter(|s| folded.contains(s.as_str())).count(), id.as_str()))
        .filter(|(hits, _)| *hits > 0)
        .collect();
    best.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    match best.as_slice() {
        [(top, id), rest @ ..] if rest.first().is_none_or(|(n, _)| n < top) => Some((*id).to_owned()),
        _ => None,
    }
}

/// The outlet a page names as itself: its site name or the holder of its
/// copyright, when that is exactly a name one outlet (and only one) goes by.
/// Never a wire: "© AFP" on a newspaper's page is the agency's credit.
pub fn by_name(names: &[String], config: &Config) -> Option<String> {
    names.iter().find_map(|name| match config.rules.outlet_names.get(&crate::config::name_key(name))?.as_slice() {
        [one] if !config.outlets.get(one).is_some_and(|o| o.is_wire()) => Some(one.clone()),
        _ => None,
    })
}

/// Who a copyright line names: "© 2023 KBS WORLD All Rights Reserved." is
/// "KBS WORLD".
pub fn copyright_holder(line: &str) -> Option<String> {
    let mut rest = line.trim();
    for prefix in ["©", "(c)", "(C)", "Copyright", "copyright", "COPYRIGHT"] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest).trim();
    }
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || " -–,©".contains(c));
    let folded = fold(rest);
    let end = ["all rights reserved", "tous droits reserves", "droits reserves", " - ", " | ", ". ", ", "]
        .iter()
        .filter_map(|w| folded.find(w))
        .min()
        .unwrap_or(folded.len());
    let end = rest.char_indices().nth(folded[..end].chars().count()).map_or(rest.len(), |(i, _)| i);
    let holder = rest[..end].trim().trim_end_matches(['.', ',', ' ']).trim();
    let holder = holder.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '-').trim();
    // "The Globe and Mail Inc.": the company's form is no part of the name.
    let holder = [" Inc", " Ltd", " LLC", " Limited", " plc", " PLC", " SA", " SAS", " GmbH", " Corp", " Corporation"]
        .iter()
        .find_map(|form| holder.strip_suffix(form))
        .unwrap_or(holder)
        .trim_end_matches([',', ' ']);
    (!holder.is_empty() && crate::text::word_count(holder) <= 6).then(|| holder.to_owned())
}

/// The names a site's own banner gives it: "En poursuivant votre
/// navigation sur Mediapart", "Le Club est l'espace … des abonnés de
/// Mediapart", "X uses cookies", "Follow X on Twitter". Only a name the
/// registry knows is then believed (`by_name`).
pub fn self_named(line: &str) -> Vec<String> {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let r = R.get_or_init(|| {
        let name = r"(\p{Lu}[\p{L}\d'&.-]*(?:\s+\p{Lu}[\p{L}\d'&.-]*){0,3})";
        regex::Regex::new(&format!(
            r"(?:navigation sur|abonnés de|abonnés à|accès illimité à|en illimité à tout|(?i:follow|suivez|retrouvez|rejoignez)|(?:notifications|updates|offers|newsletters?) from) {name}|{name} (?:utilise des cookies|uses cookies|use cookies)"
        ))
        .expect("valid pattern")
    });
    // (The name ends with its sentence: "… de Mediapart. Ses contenus".)
    r.captures_iter(line)
        .filter_map(|c| c.get(1).or(c.get(2)))
        .map(|m| m.as_str().split(". ").next().unwrap_or("").trim().trim_end_matches('.').to_owned())
        .filter(|n| !n.is_empty())
        .collect()
}

/// The outlet of a seed: by its URL, else by signature, else unknown.
pub fn identify(raw: &str, url: Option<&str>, config: &Config) -> String {
    url.and_then(|u| by_host(u, config))
        .or_else(|| by_signature(raw, config))
        .unwrap_or_else(|| UNKNOWN_OUTLET.to_owned())
}

/// The wire agency the article's credit lines name, if exactly one does.
pub fn wire(credits: &[String], config: &Config) -> Option<String> {
    let mut found: Vec<&str> = Vec::new();
    for credit in credits {
        let folded = fold(credit);
        for wire in &config.rules.wires {
            let signed = wire.signatures.iter().any(|s| folded.contains(s.as_str()));
            if (signed || names(credit, &wire.short_name)) && !found.contains(&wire.id.as_str()) {
                found.push(&wire.id);
            }
        }
    }
    match found.as_slice() {
        [one] => Some((*one).to_owned()),
        _ => None,
    }
}

/// Whether a credit line names the agency as a whole word, in the case it
/// is written in ("AFP", "(afp)", "Reuters"; not "ap" in "apparently").
fn names(credit: &str, short: &str) -> bool {
    if short.chars().count() < 2 {
        return false;
    }
    let acronym = short.chars().all(|c| !c.is_lowercase());
    credit.split(|c: char| !(c.is_alphanumeric() || c == '-')).any(|w| {
        if acronym {
            w == short || w == short.to_lowercase() && credit.contains(&format!("({w})"))
        } else {
            w == short
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn a_sites_banners_name_it() {
        assert_eq!(
            self_named("Le Club est l'espace de libre expression des abonnés de Mediapart. Ses contenus n'engagent pas la rédaction."),
            vec!["Mediapart".to_owned()]
        );
        assert_eq!(
            self_named("Harbour Gazette uses cookies to improve your experience."),
            vec!["Harbour Gazette".to_owned()]
        );
        assert!(self_named("Nous utilisons des cookies.").is_empty());
    }

    fn config() -> Config {
        Config::parse("[site]\ntitle = \"T\"\n", Path::new("config.toml")).unwrap()
    }

    #[test]
    fn hosts_pick_the_most_specific_outlet() {
        assert_eq!(host_of("https://www.LeMonde.fr:443/a/b?c#d").as_deref(), Some("lemonde.fr"));
        let c = config();
        assert_eq!(by_host("https://www.lemonde.fr/international/article/x.html", &c).as_deref(), Some("le-monde"));
        assert_eq!(by_host("https://francais.rt.com/international/1", &c).as_deref(), Some("rt-france"));
        assert_eq!(by_host("https://www.rt.com/news/1", &c).as_deref(), Some("rt"));
        assert_eq!(by_host("https://notlemonde.fr/", &c), None);
        assert_eq!(identify("no signature here", None, &c), UNKNOWN_OUTLET);
    }

    #[test]
    fn pages_name_their_own_outlet() {
        let c = config();
        assert_eq!(copyright_holder("© 2023 KBS WORLD All Rights Reserved.").as_deref(), Some("KBS WORLD"));
        assert_eq!(copyright_holder("(c) National Wire 2024. All rights reserved.").as_deref(), Some("National Wire"));
        assert_eq!(
            copyright_holder("© Copyright 2024 The Harbour Gazette Inc. All rights reserved.").as_deref(),
            Some("The Harbour Gazette")
        );
        assert_eq!(
            self_named("Stay up to date with notifications from The Harbour Gazette"),
            vec!["The Harbour Gazette"]
        );
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(by_name(&names(&["KBS WORLD"]), &c).as_deref(), Some("kbs"));
        assert_eq!(by_name(&names(&["Le Monde.fr"]), &c).as_deref(), Some("le-monde"));
        assert_eq!(by_name(&names(&["The Guardian"]), &c).as_deref(), Some("guardian"));
        assert_eq!(by_name(&names(&["ABC News"]), &c), None, "two outlets go by that name");
        assert_eq!(by_name(&names(&["Harbour Gazette"]), &c), None);
    }

    #[test]
    fn wires_come_from_credits_not_photos() {
        let c = config();
        let credits = |lines: &[&str]| lines.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(wire(&credits(&["MOSCOU, 4 juin (AFP) - "]), &c).as_deref(), Some("afp"));
        assert_eq!(wire(&credits(&["les salaires. (afp)"]), &c).as_deref(), Some("afp"));
        assert_eq!(wire(&credits(&["By Reuters Staff"]), &c).as_deref(), Some("reuters"));
        assert_eq!(wire(&credits(&["Apparently nothing"]), &c), None);
        assert_eq!(wire(&credits(&["(AFP)", "(Reuters)"]), &c), None, "two wires: none is sure");
    }
}
