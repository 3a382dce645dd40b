//! `parallax init`: a new briefing folder, as `zola init` and `mdbook init`
//! make one. Writes only files that do not exist yet, each whole.

use crate::fsx;
use anyhow::{bail, Context as _};
use std::path::Path;

/// What `init` writes, relative to the folder.
pub const FILES: &[&str] = &["config.toml", "content/_index.md", "seeds/.gitkeep", ".gitignore"];

/// Scaffolds a briefing in `dir`. A folder that exists and is not empty is
/// refused unless `force`; even then no existing file is replaced.
pub fn init(dir: &Path, title: &str, language: &str, force: bool) -> anyhow::Result<Vec<String>> {
    if !matches!(language, "en" | "fr") {
        bail!("the interface language must be `en` or `fr` (got `{language}`)");
    }
    if let Ok(mut entries) = std::fs::read_dir(dir) {
        if entries.next().is_some() && !force {
            bail!(
                "{} is not empty; run init in a new or empty folder, or pass --force to add the missing files \
                 (existing files are never replaced)",
                dir.display()
            );
        }
    }
    let mut written = Vec::new();
    for (rel, text) in [
        ("config.toml", config(title, language)),
        ("content/_index.md", intro(title, language)),
        ("seeds/.gitkeep", String::new()),
        (
            ".gitignore",
            "# The built site, the build's temporary folders and its cache.\npublic/\n.public.*\n.parallax-cache/\n"
                .to_owned(),
        ),
    ] {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
        }
        match fsx::create_new(&path, text.as_bytes()) {
            Ok(()) => written.push(rel.to_owned()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e).with_context(|| format!("cannot write {}", path.display())),
        }
    }
    Ok(written)
}

fn quoted(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

fn config(title: &str, language: &str) -> String {
    format!(
        r#"# parallax briefing configuration. Reference: the README's "Configuration".
# Only [site] title is needed; every other section may stay empty.

[site]
title = {title}
# The interface language: "en" or "fr".
language = "{language}"
# The language assumed for a source whose text does not show its own.
# source_language = "fr"
# description = "What this briefing compares."

# Outlets: parallax knows the wires and major outlets of many countries (its
# registry; see the README). Add the ones it does not know, or correct one by
# its id. A seed is matched by its URL's host, then by a text signature.
#
# [outlets.harbour-gazette]
# name = "Harbour Gazette"
# country = "Norway"
# owner = "Gazette Media AS"
# funding = "Subscriptions and advertising"
# affiliation = "private"          # state | public | private | unknown
# url = "https://harbourgazette.example"
# [outlets.harbour-gazette.signatures]
# hosts = ["harbourgazette.example"]
# [[outlets.harbour-gazette.notes]]
# text = "What is publicly known of its line, and who says so."
# sources = ["A public source: a URL or a publication"]

# Claims: the statements you compare across sources. Each pattern is a
# regular expression, matched without regard to case or accents; matching
# sentences are suggested as tags when a seed is ingested.
#
# [claims.strike-called]
# label = "The union called a strike"
# patterns = ["(call|called|calls) (a|for a) strike", "appel(le)? (a la|à la) grève"]

# Actors: people and organisations are found in the text; list one here to
# give it a name, a role or other spellings.
#
# [actors.anna-voss]
# name = "Anna Voss"
# kind = "person"                  # person | organisation
# role = "Port director"
# aliases = ["Voss", "the port director"]
"#,
        title = quoted(title),
    )
}

fn intro(title: &str, language: &str) -> String {
    let text = match language {
        "fr" => "Ce que ce dossier compare, et pourquoi. Ce texte ouvre la page d’accueil du site.",
        _ => "What this briefing compares, and why. This text opens the site's front page.",
    };
    format!("+++\ntitle = {}\n+++\n\n{text}\n", quoted(title))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scaffold_parses_and_builds_its_own_config() {
        let config = config("Ports on strike", "en");
        let parsed = crate::config::Config::parse(&config, Path::new("config.toml")).unwrap();
        assert_eq!(parsed.site.title, "Ports on strike");
        // The commented examples are valid once uncommented.
        let uncommented: String = config
            .lines()
            .map(|l| l.strip_prefix("# ").filter(|r| r.starts_with('[') || r.contains(" = ")).unwrap_or(l))
            .map(|l| format!("{l}\n"))
            .collect();
        let parsed = crate::config::Config::parse(&uncommented, Path::new("config.toml")).unwrap();
        assert!(parsed.outlets.contains_key("harbour-gazette"));
        assert!(parsed.claims.contains_key("strike-called"));
        assert!(parsed.actors.contains_key("anna-voss"));
    }
}
