//! `config.toml`: the site settings and the rules the machine annotates with
//! (outlets, claims, actors).
//!
//! `Config::parse` does no IO and reports every problem it finds with its
//! line:column; `site` reads the file (and keeps it parsed between builds).
//! Nothing here looks at seeds or pages.

use crate::diag::Diagnostic;
use crate::{fold, translit};
use regex::Regex;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use toml::Spanned;

pub const FILE_NAME: &str = "config.toml";
/// The outlet id of a source no signature identified. Never a guess.
pub const UNKNOWN_OUTLET: &str = "unknown";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub site: Site,
    #[serde(default)]
    pub outlets: BTreeMap<String, Outlet>,
    #[serde(default)]
    pub claims: BTreeMap<String, Claim>,
    #[serde(default)]
    pub actors: BTreeMap<String, Actor>,
    #[serde(default)]
    pub limits: Limits,
    /// Compiled from `claims` and `actors` once the file is known to be valid.
    #[serde(skip)]
    pub rules: Rules,
    /// The text the config was parsed from, so that later stages can point
    /// their diagnostics into it.
    #[serde(skip)]
    pub source: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// The language of the site's interface (`en` unless set).
    #[serde(default = "default_language")]
    pub language: Spanned<String>,
    /// The language assumed for a source whose own language its text does
    /// not show; the interface language unless set.
    #[serde(default)]
    pub source_language: Option<String>,
    /// A folder under `themes/` overriding the built-in theme file by file.
    #[serde(default = "default_theme")]
    pub theme: Spanned<String>,
    /// Render raw HTML found in content pages. Off: seeds come from the web.
    #[serde(default)]
    pub raw_html: bool,
    /// What source pages and exports publish of each article.
    #[serde(default)]
    pub publish: Publish,
    /// The address the site is published at (`https://example.org/briefing/`).
    /// URLs that must be absolute use it: annotation ids, the sitemap, the
    /// feed, canonical links and Open Graph. Without it those stay relative,
    /// and `sitemap.xml` and `atom.xml`, which need absolute URLs, are not
    /// written. Links between pages are always relative, so the site works
    /// under any sub-path.
    #[serde(default)]
    pub base_url: Option<Spanned<String>>,
    /// Links between pages end in `index.html`, so the site can be browsed
    /// from disk (`file://`), where a link to a folder opens a listing.
    #[serde(default)]
    pub index_links: bool,
}

/// `full` publishes each article's text; `excerpts` only the sentences
/// holding a claim tag, a note, a quote or another finding, for articles
/// the briefing may quote but not republish.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Publish {
    #[default]
    Full,
    Excerpts,
}

fn default_language() -> Spanned<String> {
    Spanned::new(0..0, "en".into())
}
fn default_theme() -> Spanned<String> {
    Spanned::new(0..0, "default".into())
}

impl Site {
    pub fn language(&self) -> &str {
        self.language.get_ref()
    }
    pub fn theme(&self) -> &str {
        self.theme.get_ref()
    }
    pub fn source_language(&self) -> &str {
        self.source_language.as_deref().unwrap_or(self.language())
    }
    /// A word the build itself writes into the report and the pages, in
    /// the interface language (the built-in theme's strings).
    pub fn word(&self, english: &str) -> String {
        crate::render::builtin_word(self.language(), english)
    }
    /// `base_url`, checked and ending in `/`; `None` when unset or invalid
    /// (an invalid one is an error of the config).
    pub fn base_url(&self) -> Option<String> {
        self.base_url.as_ref().and_then(|b| base_url(b.get_ref()).ok())
    }
}

/// A site's base URL, checked: an absolute `http` or `https` URL with no
/// query or fragment, returned ending in `/`.
pub fn base_url(text: &str) -> Result<String, String> {
    let url = url::Url::parse(text.trim()).map_err(|e| format!("`{text}` is not a URL: {e}"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("`{text}` is not an http or https address"));
    }
    if url.query().is_some() || url.fragment().is_some() || url.cannot_be_a_base() {
        return Err(format!("`{text}` has a query or a fragment"));
    }
    let mut out = url.to_string();
    if !out.ends_with('/') {
        out.push('/');
    }
    Ok(out)
}

/// Bounds on what one seed or page may make parallax do, so that no input,
/// however large or strange, makes a build crash or take for ever. Each is
/// reported with a diagnostic when reached.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Seeds larger than this many bytes are skipped with a warning.
    pub seed_bytes: u64,
    /// Article text kept from one seed, in bytes; the rest is left out of
    /// the page with a warning (the seed keeps it).
    pub text_bytes: usize,
    /// Claim tags one page may carry (suggested or written).
    pub tags: usize,
    /// How deep blocks (quotes in quotes, lists in lists) may nest.
    pub nesting: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { seed_bytes: 64 << 20, text_bytes: 4 << 20, tags: 1000, nesting: 64 }
    }
}

/// An outlet's relation to the state, from its profile in `config.toml` or
/// the shipped registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[derive(Default)]
pub enum Affiliation {
    /// Owned or controlled by a state, with no editorial independence in law.
    State,
    /// Publicly funded with statutory editorial independence.
    Public,
    /// Privately owned.
    Private,
    /// Not known: the profile does not say, or the outlet is not identified.
    #[default]
    Unknown,
}

/// What kind of outlet: a wire agency writes for other outlets, which
/// publish its dispatches (`wire` on a page is kept apart from `outlet`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OutletKind {
    Wire,
    Newspaper,
    Broadcaster,
    Online,
    Magazine,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Outlet {
    pub name: String,
    #[serde(default)]
    pub kind: Option<OutletKind>,
    /// Languages it publishes in.
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default = "unknown")]
    pub country: String,
    #[serde(default = "unknown")]
    pub owner: String,
    #[serde(default = "unknown")]
    pub funding: String,
    #[serde(default)]
    pub affiliation: Affiliation,
    #[serde(default)]
    pub url: Option<String>,
    /// Notes on known bias, each with where it comes from.
    #[serde(default)]
    pub notes: Vec<OutletNote>,
    #[serde(default)]
    pub signatures: Signatures,
    /// The public source of each fact (`owner`, `funding`, `affiliation`,
    /// `country`), by fact.
    #[serde(default)]
    pub cite: BTreeMap<String, String>,
    /// Whether the shipped registry has this outlet (its profile is sourced
    /// there), and whether config.toml names it.
    #[serde(skip)]
    pub in_registry: bool,
    #[serde(skip)]
    pub in_config: bool,
}

impl Outlet {
    pub fn is_wire(&self) -> bool {
        self.kind == Some(OutletKind::Wire)
    }
}

fn unknown() -> String {
    "unknown".into()
}

/// A note on an outlet's known bias, with where it comes from.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OutletNote {
    /// The note.
    pub text: String,
    /// Where the note comes from: references to public sources, as written
    /// in the outlet's profile.
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Signatures {
    /// Fragments whose presence in a seed identifies the outlet
    /// (case- and accent-insensitive).
    #[serde(default)]
    pub text: Vec<String>,
    /// Host names of the outlet's site, matched against a seed's URL.
    #[serde(default)]
    pub hosts: Vec<String>,
    /// Lines of this outlet's site chrome (slogans, widgets) that ingest drops.
    #[serde(default)]
    pub chrome: Vec<String>,
}

/// How a passage treats a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// States the claim in its own voice.
    Asserts,
    /// Reports someone else making the claim.
    Attributes,
    /// Disputes or denies it, or carries a denial of it.
    Denies,
}

impl Stance {
    pub const ALL: [Stance; 3] = [Stance::Asserts, Stance::Attributes, Stance::Denies];

    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Asserts => "asserts",
            Stance::Attributes => "attributes",
            Stance::Denies => "denies",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub label: String,
    #[serde(default)]
    pub description: String,
    /// Regular expressions, matched case- and accent-insensitively.
    #[serde(default)]
    pub patterns: Vec<Spanned<String>>,
    /// Fixes the stance of every match, for claims that are themselves
    /// someone's statement ("the Kremlin denies …"), where denial words are
    /// the content rather than the source's stance.
    #[serde(default)]
    pub stance: Option<Stance>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organisation,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub name: String,
    pub kind: ActorKind,
    #[serde(default)]
    pub role: String,
    /// Other spellings and names; the name itself always counts.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// How a wire agency is credited in a text.
#[derive(Debug, Default)]
pub struct Wire {
    pub id: String,
    pub signatures: Vec<String>,
    /// The name a byline or credit line uses, as written ("AFP", "Reuters").
    pub short_name: String,
}

/// Matchers compiled from the config.
#[derive(Debug, Default)]
pub struct Rules {
    /// Per claim id, its patterns compiled against folded text.
    pub claims: Vec<(String, Vec<Regex>)>,
    /// One pattern over every actor alias; capture-free, longest alias first.
    pub actors: Option<Regex>,
    /// Folded alias -> actor id.
    pub actor_by_alias: BTreeMap<String, String>,
    /// Transliteration key of each alias -> actor id, for spellings the
    /// config does not list ("Zaïomski" for "Zaemsky").
    pub actor_by_key: BTreeMap<String, String>,
    /// Actor id -> display name.
    pub actor_names: BTreeMap<String, String>,
    /// Ids of the actors that are organisations (newspapers, agencies, firms).
    pub organisations: std::collections::BTreeSet<String>,
    /// Per outlet id (wires excluded), its folded text signatures.
    pub outlet_signatures: Vec<(String, Vec<String>)>,
    /// Per outlet id, its folded chrome lines.
    pub outlet_chrome: BTreeMap<String, Vec<String>>,
    /// Host names and the outlet each belongs to, longest first, so the most
    /// specific host wins ("francais.rt.com" before "rt.com").
    pub outlet_hosts: Vec<(String, String)>,
    /// Per wire agency: its id, folded credit signatures, and the short name
    /// a byline uses ("AFP", "Reuters").
    pub wires: Vec<Wire>,
    /// The names an outlet goes by, as letters and digits only ("lemonde",
    /// "lemondefr", "kbsworld"), with the outlets that use each.
    pub outlet_names: BTreeMap<String, Vec<String>>,
}

impl Rules {
    /// The actor a matched name (folded) stands for: by its alias, else by
    /// its transliteration key.
    pub fn actor_of(&self, folded_name: &str) -> Option<&String> {
        self.actor_by_alias.get(folded_name).or_else(|| self.actor_by_key.get(&translit::key(folded_name)))
    }
}

impl Config {
    /// Parses the config file's bytes; `display` names the file in diagnostics.
    pub fn from_bytes(bytes: Vec<u8>, display: &Path) -> Result<Config, Vec<Diagnostic>> {
        let text = String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            vec![Diagnostic::error(display, "the config is not valid UTF-8")
                .at(&text, at)
                .with_hint("save config.toml as UTF-8")]
        })?;
        // A byte-order mark is no part of the TOML.
        Config::parse(text.strip_prefix('\u{feff}').unwrap_or(&text), display)
    }

    /// Parses config text. `file` is only used to name the file in diagnostics.
    pub fn parse(text: &str, file: &Path) -> Result<Config, Vec<Diagnostic>> {
        let mut config: Config = toml::from_str(text).map_err(|e| vec![toml_error(text, file, &e)])?;
        let mut diags = Vec::new();
        config.source = text.to_owned();
        config.merge_registry(text, file, &mut diags);
        config.validate(text, file, &mut diags);
        if diags.is_empty() {
            Ok(config)
        } else {
            Err(diags)
        }
    }

    /// Adds the registry's outlets, with the config's entries of the same id
    /// merged over them.
    fn merge_registry(&mut self, text: &str, file: &Path, diags: &mut Vec<Diagnostic>) {
        for outlet in self.outlets.values_mut() {
            outlet.in_config = true;
        }
        let own: toml::Table = toml::from_str(text).unwrap_or_default();
        let own = own.get("outlets").and_then(toml::Value::as_table);
        for (id, base) in crate::registry::tables() {
            let over = own.and_then(|o| o.get(id)).and_then(toml::Value::as_table);
            let merged = match over {
                Some(over) => crate::registry::merge(base.clone(), over),
                None => base.clone(),
            };
            match merged.try_into::<Outlet>() {
                Ok(mut outlet) => {
                    outlet.in_registry = true;
                    outlet.in_config = over.is_some();
                    self.outlets.insert(id.clone(), outlet);
                }
                Err(e) => {
                    let at = text.find(&format!("outlets.{id}")).unwrap_or(0);
                    diags.push(
                        Diagnostic::error(
                            file,
                            format!("outlet `{id}` does not merge with the registry's: {}", e.message().trim()),
                        )
                        .at(text, at)
                        .with_hint("check the fields of this outlet against the config reference in README.md"),
                    );
                }
            }
        }
    }

    fn validate(&mut self, text: &str, file: &Path, diags: &mut Vec<Diagnostic>) {
        let id_error = |kind: &str, id: &str| {
            let at = text.find(&format!("{kind}.{id}")).or_else(|| text.find(id)).unwrap_or(0);
            Diagnostic::error(file, format!("`{id}` is not a valid {} id", kind.trim_end_matches('s')))
                .at(text, at)
                .with_hint("ids are lowercase letters, digits and dashes (they become page addresses)")
        };
        let theme = &self.site.theme;
        if !is_id(theme.get_ref()) {
            diags.push(
                Diagnostic::error(file, format!("`{}` is not a valid theme name", theme.get_ref()))
                    .at(text, theme.span().start)
                    .with_hint("a theme is a folder under themes/, named with lowercase letters, digits and dashes"),
            );
        }
        if let Some(base) = &self.site.base_url {
            if let Err(e) = base_url(base.get_ref()) {
                diags.push(
                    Diagnostic::error(file, format!("invalid base_url: {e}"))
                        .at(text, base.span().start)
                        .with_hint("give the address the site is published at, like \"https://example.org/briefing/\""),
                );
            }
        }
        for id in self.outlets.keys() {
            if !is_id(id) || id == UNKNOWN_OUTLET {
                diags.push(id_error("outlets", id));
            }
        }
        for id in self.actors.keys().filter(|id| !is_id(id)) {
            diags.push(id_error("actors", id));
        }
        let mut rules = Rules::default();
        for (id, claim) in &self.claims {
            if !is_id(id) {
                diags.push(id_error("claims", id));
            }
            let mut compiled = Vec::new();
            for pattern in &claim.patterns {
                match Regex::new(&fold_pattern(pattern.get_ref())) {
                    Ok(re) if re.is_match("") => diags.push(
                        Diagnostic::error(file, format!("pattern of claim `{id}` matches empty text"))
                            .at(text, pattern.span().start)
                            .with_hint("a pattern that matches nothing would tag every sentence"),
                    ),
                    Ok(re) => compiled.push(re),
                    Err(e) => diags.push(
                        Diagnostic::error(file, format!("invalid pattern in claim `{id}`"))
                            .at(text, pattern.span().start)
                            .with_hint(first_line(&e.to_string())),
                    ),
                }
            }
            rules.claims.push((id.clone(), compiled));
        }
        let mut aliases = Vec::new();
        for (id, actor) in &self.actors {
            if actor.kind == ActorKind::Organisation {
                rules.organisations.insert(id.clone());
            }
            rules.actor_names.insert(id.clone(), actor.name.clone());
            for alias in std::iter::once(&actor.name).chain(&actor.aliases) {
                let folded = fold::fold(alias.trim());
                if folded.is_empty() {
                    continue;
                }
                if let Some(other) = rules.actor_by_alias.insert(folded.clone(), id.clone()) {
                    if &other != id {
                        let at = text.find(alias.as_str()).unwrap_or(0);
                        diags.push(
                            Diagnostic::error(file, format!("alias `{alias}` names both `{other}` and `{id}`"))
                                .at(text, at)
                                .with_hint("give each alias to one actor"),
                        );
                    }
                }
                rules.actor_by_key.entry(translit::key(&folded)).or_insert_with(|| id.clone());
                aliases.push(folded);
            }
        }
        aliases.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        aliases.dedup();
        if !aliases.is_empty() {
            let alternation: Vec<String> = aliases.iter().map(|a| translit::pattern(a)).collect();
            rules.actors = Regex::new(&format!(r"\b(?:{})\b", alternation.join("|"))).ok();
        }
        for (id, outlet) in &self.outlets {
            let sigs = outlet.signatures.text.iter().map(|s| fold::fold(s)).filter(|s| !s.is_empty());
            if outlet.is_wire() {
                // "Agence France-Presse (AFP)" is credited as "AFP".
                let short = outlet
                    .name
                    .rsplit_once('(')
                    .map(|(_, s)| s.trim_end_matches(')').trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| outlet.name.clone());
                rules.wires.push(Wire { id: id.clone(), signatures: sigs.collect(), short_name: short });
            } else {
                rules.outlet_signatures.push((id.clone(), sigs.collect()));
            }
            for host in &outlet.signatures.hosts {
                let host = host.trim().trim_start_matches("www.").to_ascii_lowercase();
                if !host.is_empty() {
                    rules.outlet_hosts.push((host, id.clone()));
                }
            }
            for name in outlet_name_variants(outlet) {
                let ids = rules.outlet_names.entry(name).or_default();
                if !ids.contains(id) {
                    ids.push(id.clone());
                }
            }
            let chrome = outlet.signatures.chrome.iter().map(|s| fold::fold(s.trim()));
            rules.outlet_chrome.insert(id.clone(), chrome.collect());
        }
        rules.outlet_hosts.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.cmp(b)));
        self.rules = rules;
    }

    pub fn claim_ids(&self) -> impl Iterator<Item = &str> {
        self.claims.keys().map(String::as_str)
    }
}

/// A name reduced to its folded letters and digits, for comparing the ways
/// a site writes its own name ("Le Monde.fr", "LEMONDE.FR").
pub fn name_key(name: &str) -> String {
    let folded = fold::fold(name);
    let folded = folded.strip_prefix("the ").unwrap_or(&folded);
    folded.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The names an outlet goes by: its name, without and within its
/// parentheses ("KBS (incl. KBS World)" is "KBS" and "KBS World"), each
/// part of a "A / B" name, and its hosts ("lemonde.fr", "lemonde").
fn outlet_name_variants(outlet: &Outlet) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let (base, inner) = match outlet.name.split_once(" (") {
        Some((b, rest)) => (b, rest.trim_end_matches(')')),
        None => (outlet.name.as_str(), ""),
    };
    names.extend(base.split(" / ").map(str::to_owned));
    for part in inner.split([',', ';']) {
        let part = part.trim();
        let part = part.strip_prefix("incl. ").or_else(|| part.strip_prefix("formerly ")).unwrap_or(part);
        // A qualifier is no name: "ABC News (United States)", "Le HuffPost
        // (France)", "(incl. French edition)".
        let qualifier = part == outlet.country
            || ["France", "United States", "Australia", "United Kingdom"].contains(&part)
            || part.ends_with(" edition")
            || part.ends_with(" service");
        if !qualifier {
            names.push(part.to_owned());
        }
    }
    for host in &outlet.signatures.hosts {
        names.push(host.clone());
        // (Not a word a menu uses: "france.tv", "french.people.com.cn",
        // "news.yahoo.com".)
        let label = host.split('.').next().unwrap_or("");
        if !["french", "francais", "france", "english", "news", "people", "info", "actu", "map"].contains(&label) {
            names.push(label.to_owned());
        }
    }
    let mut keys: Vec<String> = names.iter().map(|n| name_key(n)).filter(|k| k.chars().count() >= 3).collect();
    keys.sort();
    keys.dedup();
    keys
}

/// Lowercase ASCII letters, digits and inner dashes: safe as a path segment.
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Folds the literal characters of a regex, leaving escapes (`\W`, `\D`) alone.
fn fold_pattern(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.push(c);
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else {
            out.push_str(&fold::fold(&c.to_string()));
        }
    }
    out
}

fn first_line(s: &str) -> String {
    s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or(s).trim().to_owned()
}

/// A TOML error as a diagnostic at its position in `text`.
pub fn toml_error(text: &str, file: &Path, e: &toml::de::Error) -> Diagnostic {
    let message = e.message().trim().trim_end_matches('.').to_owned();
    let reference = if file.ends_with(FILE_NAME) { "the config reference" } else { "the content-page format" };
    // Valid TOML with a wrong key or value is not "invalid TOML".
    let schema = [
        "unknown field",
        "missing field",
        "invalid type",
        "unknown variant",
        "invalid value",
        "invalid length",
        "duplicate",
    ]
    .iter()
    .any(|p| message.starts_with(p));
    let d = Diagnostic::error(file, if schema { message.clone() } else { format!("invalid TOML: {message}") });
    let d = match e.span() {
        Some(span) => d.at(text, span.start),
        None => d,
    };
    match hint_for_toml(&message, reference) {
        Some(h) => d.with_hint(h),
        None => d,
    }
}

/// The words in backticks in a serde message: "unknown field `titel`,
/// expected one of `title`, `language`" gives ["titel", "title", "language"].
fn backticked(message: &str) -> Vec<&str> {
    message.split('`').skip(1).step_by(2).collect()
}

fn hint_for_toml(message: &str, reference: &str) -> Option<String> {
    if message.starts_with("unknown field") || message.starts_with("unknown variant") {
        let words = backticked(message);
        let near = words.split_first().and_then(|(bad, known)| crate::diag::did_you_mean(bad, known.iter().copied()));
        Some(match near {
            Some(n) => format!("did you mean `{n}`?"),
            None if message.starts_with("unknown field") => {
                format!("check the spelling against {reference} in README.md")
            }
            None => "use one of the values listed in the message".into(),
        })
    } else if message.contains("missing field") {
        Some(format!("add the field; see {reference} in README.md"))
    } else if message.starts_with("invalid type") {
        Some(format!("this value has the wrong type; see {reference} in README.md"))
    } else if message.contains("basic string") || message.contains("must be quoted") {
        Some("strings need double quotes, e.g. title = \"…\"".into())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
        Config::parse(text, Path::new("config.toml"))
    }

    #[test]
    fn minimal_config_parses() {
        let c = parse("[site]\ntitle = \"T\"\n").unwrap();
        assert_eq!(c.site.language(), "en");
        assert!(c.outlets.values().all(|o| !o.in_config && o.in_registry), "only the registry's outlets");
    }

    #[test]
    fn pattern_errors_point_at_the_pattern() {
        let text = "[site]\ntitle = \"T\"\n[claims.a]\nlabel = \"A\"\npatterns = [\"ok\", \"(unclosed\"]\n";
        let diags = parse(text).unwrap_err();
        assert_eq!(diags.len(), 1);
        let p = diags[0].position.unwrap();
        assert_eq!((p.line, p.col), (5, 19));
    }

    #[test]
    fn folded_patterns_keep_escapes() {
        assert_eq!(fold_pattern(r"Démenti\W\D"), r"dementi\W\D");
    }
}
