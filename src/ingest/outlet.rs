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
/// "KBS WORLD", "© Copyright 20 Minutes" is "20 Minutes", and "Logo
/// (nouvelle fenêtre)Tous droits réservés © Société Radio-Canada 2020." is
/// "Radio-Canada". A company's form and trade ("Newspapers Ltd.", "Media",
/// "Convergence Limited", "Société") are no part of the name.
pub fn copyright_holder(line: &str) -> Option<String> {
    let line = line.trim();
    // The mark inside a line: the holder follows it ("Logo Tous droits
    // réservés © Société Radio-Canada"), or stands before it ("Daily
    // Maverick © All rights reserved").
    if let Some(at) = line.find('©').filter(|&at| at > 0) {
        return holder_after(&line[at..]).or_else(|| holder_after(&line[..at]));
    }
    holder_after(line)
}

fn holder_after(line: &str) -> Option<String> {
    let mut rest = line.trim();
    let mut stripped = true;
    while stripped {
        stripped = false;
        for prefix in ["©", "(c)", "(C)", "Copyright", "copyright", "COPYRIGHT", "-", "–", ","] {
            if let Some(r) = rest.strip_prefix(prefix) {
                rest = r.trim_start();
                stripped = true;
            }
        }
        // Years and their ranges, not the digits of a name ("20 Minutes").
        let year = rest.split_whitespace().next().is_some_and(|w| {
            let w = w.trim_end_matches([',', '.']);
            w.len() >= 4
                && w.chars().all(|c| c.is_ascii_digit() || "-–".contains(c))
                && w[..4].chars().all(|c| c.is_ascii_digit())
        });
        if year {
            rest = rest.split_once(char::is_whitespace).map_or("", |(_, r)| r).trim_start();
            stripped = true;
        }
    }
    let folded = fold(rest);
    let end = ["all rights reserved", "tous droits reserves", "droits reserves", " - ", " | ", ". ", ", "]
        .iter()
        .filter_map(|w| folded.find(w))
        .min()
        .unwrap_or(folded.len());
    let end = rest.char_indices().nth(folded[..end].chars().count()).map_or(rest.len(), |(i, _)| i);
    let holder = rest[..end].trim().trim_end_matches(['.', ',', ' ']).trim();
    let mut holder = holder
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '-' || c == '–')
        .trim()
        .trim_end_matches([',', '.', ' ']);
    // "The Globe and Mail Inc.", "Toronto Star Newspapers Ltd.", "NDTV
    // CONVERGENCE LIMITED": the company's form and trade are no part of the name.
    const FORMS: [&str; 22] = [
        "inc",
        "ltd",
        "llc",
        "limited",
        "plc",
        "sa",
        "sas",
        "sarl",
        "gmbh",
        "corp",
        "corporation",
        "company",
        "co",
        "newspapers",
        "newspaper",
        "media",
        "group",
        "convergence",
        "internet ventures",
        "l.p",
        "holdings",
        "publishing",
    ];
    loop {
        let lower = holder.to_lowercase();
        let Some(form) = FORMS
            .iter()
            .find(|f| lower.strip_suffix(*f).is_some_and(|r| r.ends_with(' ') && crate::text::word_count(r) >= 1))
        else {
            break;
        };
        holder = holder[..holder.len() - form.len()].trim_end_matches([',', '.', ' ']);
    }
    for form in ["Société ", "Groupe ", "Group "] {
        holder = holder.strip_prefix(form).filter(|r| !r.is_empty()).unwrap_or(holder);
    }
    (!holder.is_empty() && crate::text::word_count(holder) <= 6).then(|| holder.to_owned())
}

/// The registered outlet a page's chrome names most often by a line of
/// its own ("Yahoo News Australia", "* NDTV", "The Japan Times"): at least
/// twice, and more than twice as often as any other outlet. A lone mention
/// is no masthead; a page whose lists credit other outlets is not theirs.
pub fn by_masthead<'a>(lines: impl Iterator<Item = &'a str>, config: &Config) -> Option<String> {
    static HOST: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let host_re = HOST.get_or_init(|| {
        regex::Regex::new(r"(?i)\b(?:[a-z0-9-]+\.)+(?:com|net|org|info|[a-z]{2})\b").expect("valid pattern")
    });
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    let mut hosts: Vec<String> = Vec::new();
    let lines: Vec<&str> = lines.collect();
    for (k, line) in lines.iter().enumerate() {
        hosts.extend(host_re.find_iter(line).filter_map(|m| host_of(m.as_str())));
        let line = line.trim().trim_start_matches(['*', '•', '-', '#', '□', ' ']).trim();
        // (A link's label for screen readers: "About Reuters , opens new tab".)
        let line = super::clean::without_link_label(line);
        // "BBC confirms The Traitors will return" over "BBC": a teaser's
        // topic label beside its headline, which names it again.
        let topic = [k.checked_sub(1), Some(k + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| lines.get(j))
            .any(|n| n.contains(line) && crate::text::word_count(n) >= crate::text::word_count(line) + 3);
        if topic {
            continue;
        }
        // ("Reuters home", "About Reuters": a site's links to its own front
        // page and to its own presentation name the site, even a wire's.)
        let logo = line.contains(" - Back to home");
        let (line, own_link) = ["About ", "À propos de ", "A propos de "]
            .iter()
            .find_map(|p| line.strip_prefix(p))
            .or_else(|| line.strip_suffix(" home").or_else(|| line.strip_suffix(" homepage")))
            // ("The Guardian - Back to home The Guardian": the logo's link.)
            .or_else(|| line.split_once(" - Back to home").map(|(name, _)| name))
            .map_or((line, false), |rest| (rest.trim(), true));
        // (A name as a name is written: "Le monde" is a menu's section.)
        let named =
            line.split_whitespace().all(|w| w.chars().count() < 3 || !w.chars().next().is_some_and(char::is_lowercase));
        if line.is_empty() || crate::text::word_count(line) > 5 || !named {
            continue;
        }
        let key = crate::config::name_key(line);
        // ("Yahoo News Australia": the name and the edition.)
        let ids = config.rules.outlet_names.get(&key).or_else(|| {
            let (head, last) = line.rsplit_once(' ')?;
            (last.chars().next().is_some_and(char::is_uppercase) && crate::text::word_count(head) >= 2)
                .then(|| config.rules.outlet_names.get(&crate::config::name_key(head)))
                .flatten()
        });
        if let Some([one]) = ids.map(Vec::as_slice) {
            if own_link || !config.outlets.get(one).is_some_and(|o| o.is_wire()) {
                // (The logo's link home: the site's own, as sure as two.)
                *counts.entry(one.as_str()).or_default() += if logo { 2 } else { 1 };
            }
        }
    }
    // A namesake's address on the page ("lapresse.tn" where the registry's
    // La Presse is lapresse.ca): another outlet of that name, not this one.
    let namesake = |id: &str| {
        let own: Vec<&String> = config.rules.outlet_hosts.iter().filter(|(_, o)| o == id).map(|(h, _)| h).collect();
        hosts.iter().any(|h| {
            let label = h.rsplit_once('.').map_or(h.as_str(), |(l, _)| l);
            let label = label.rsplit('.').next().unwrap_or(label);
            config
                .rules
                .outlet_names
                .get(&crate::config::name_key(label))
                .is_some_and(|ids| ids.iter().any(|i| i == id))
                && !own.iter().any(|o| h == *o || h.strip_suffix(o.as_str()).is_some_and(|p| p.ends_with('.')))
        })
    };
    // "Daily content from Financial Times" in a subscription offer: a
    // partner whose name the menu carries too, not the site.
    static PARTNER: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let partner_re = PARTNER.get_or_init(|| {
        regex::Regex::new(r"(?i:content|contenus?|articles|stories|journalism|reporting) (?i:from|de|du) (\p{Lu}[\p{L}'&.-]*(?: \p{Lu}[\p{L}'&.-]*){0,3})")
            .expect("valid pattern")
    });
    let partners: Vec<&String> = lines
        .iter()
        .flat_map(|l| partner_re.captures_iter(l).filter_map(|c| c.get(1)).collect::<Vec<_>>())
        .filter_map(|m| config.rules.outlet_names.get(&crate::config::name_key(m.as_str())))
        .flatten()
        .collect();
    counts.retain(|id, _| !namesake(id) && !partners.iter().any(|p| p.as_str() == *id));
    let mut ranked: Vec<(usize, &str)> = counts.into_iter().map(|(id, n)| (n, id)).collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    match ranked.as_slice() {
        [(top, id), rest @ ..] if *top >= 2 && rest.first().is_none_or(|(n, _)| 2 * n < *top) => Some((*id).to_owned()),
        _ => None,
    }
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
    fn copyright_lines_name_their_holder_not_its_company_form() {
        let holder = |l: &str| copyright_holder(l);
        assert_eq!(holder("© Copyright 20 Minutes").as_deref(), Some("20 Minutes"), "a name's digits are no year");
        assert_eq!(holder("Copyright Axios Media, 2020").as_deref(), Some("Axios"));
        assert_eq!(holder("© Copyright Toronto Star Newspapers Ltd. 1996 - 2020").as_deref(), Some("Toronto Star"));
        assert_eq!(
            holder("(C) COPYRIGHT NDTV CONVERGENCE LIMITED 2020. ALL RIGHTS RESERVED.").as_deref(),
            Some("NDTV")
        );
        assert_eq!(holder("Daily Maverick © All rights reserved").as_deref(), Some("Daily Maverick"));
        assert_eq!(
            holder("Logo (nouvelle fenêtre)Tous droits réservés © Société Radio‑Canada 2020.").as_deref(),
            Some("Radio‑Canada")
        );
        let c = config();
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(by_name(&names(&["Radio‑Canada"]), &c).as_deref(), Some("radio-canada"));
        assert_eq!(by_name(&names(&["United States"]), &c), None, "a qualifier in a registered name is no name");
    }

    #[test]
    fn a_masthead_names_the_outlet_only_when_it_dominates() {
        let c = config();
        let page = ["Yahoo News Australia", "* News", "GlobeNewswire", "Yahoo News Australia", "Yahoo News Australia"];
        assert_eq!(by_masthead(page.into_iter(), &c).as_deref(), Some("yahoo-news"));
        assert_eq!(by_masthead(["Yahoo News Australia"].into_iter(), &c), None, "once is no masthead");
        assert_eq!(by_masthead(["* Le monde", "* Le monde", "* Économie"].into_iter(), &c), None, "a menu's section");
        let namesake = ["La Presse", "La Presse", "La Presse", "© www.lapresse.tn"];
        assert_eq!(by_masthead(namesake.into_iter(), &c), None, "another outlet of that name");
        let two = ["The Japan Times", "The Japan Times", "Le Point", "Le Point"];
        assert_eq!(by_masthead(two.into_iter(), &c), None, "two outlets as often: neither");
        let topics = ["BBC confirms The Traitors will return for a third series", "BBC", "* BBC", "* Rochdale"];
        assert_eq!(by_masthead(topics.into_iter(), &c), None, "a teaser's topic label");
        // A wire's name over republished copy is no masthead; its site's
        // links to its own front page and presentation are.
        assert_eq!(by_masthead(["* Reuters", "* Reuters", "* Reuters"].into_iter(), &c), None, "a wire's credit");
        let own = ["Reuters home", "* Markets", "About Reuters"];
        assert_eq!(by_masthead(own.into_iter(), &c).as_deref(), Some("reuters"), "a wire's own site");
        let partner = [
            "• Newsletters",
            "• Financial Times",
            "• Financial Times",
            "• Daily content from Financial Times, the world's leading business publication.",
        ];
        assert_eq!(by_masthead(partner.into_iter(), &c), None, "a partner in a subscription offer");
        let logo = ["* News", "The Guardian - Back to home The Guardian", "* Opinion"];
        assert_eq!(by_masthead(logo.into_iter(), &c).as_deref(), Some("guardian"), "the logo's link home");
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
