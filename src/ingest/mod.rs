//! Seeds -> new content pages. The only module that reads seeds.
//!
//! `read_seeds` does the IO; `plan` is pure and returns the pages to create.
//! Ingest never overwrites a content page: a page is written once from its
//! seed and is the editor's from then on. A seed that changed after its page
//! was written gets a warning, and the page is left alone.

pub mod clean;
pub mod decode;
pub mod html;
pub mod lines;
mod markup;
pub mod outlet;

use crate::annotate::{claims, CONTEXT_CHARS};
use crate::config::{Config, Limits, UNKNOWN_OUTLET};
use crate::diag::Diagnostic;
use crate::fold::fold;
use crate::markdown;
use crate::page::Page;
use crate::text;
use clean::{Article, Block};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

pub const SEEDS_DIR: &str = "seeds";
/// Where new source pages go, relative to the root.
pub const SOURCES_DIR: &str = "content/sources";

#[derive(Debug, Clone)]
pub struct Seed {
    /// Relative to the site root, `/`-separated.
    pub path: String,
    pub text: String,
    /// Of the file's bytes.
    pub hash: String,
    /// The encoding the text was read in, when it was not UTF-8.
    pub encoding: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NewPage {
    /// Relative to the site root.
    pub path: PathBuf,
    pub text: String,
}

/// Seed formats ingest understands; each becomes the same `Article`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

pub fn format_of(path: &str) -> Option<Format> {
    match Path::new(path).extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" => Some(Format::Markdown),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        _ => None,
    }
}

/// Reads every seed under `root/seeds`, in path order, in the encoding it
/// was saved in; seeds over the size limit are skipped with a warning,
/// unread.
pub fn read_seeds(root: &Path, limits: &Limits) -> (Vec<Seed>, Vec<Diagnostic>) {
    let mut seeds = Vec::new();
    let mut diags = Vec::new();
    let dir = root.join(SEEDS_DIR);
    if !dir.exists() {
        return (seeds, diags);
    }
    let mut files = Vec::new();
    crate::site::walk_files(&dir, &mut files, &mut diags, root);
    for path in files {
        let rel = crate::site::rel_string(root, &path);
        let Some(format) = format_of(&rel) else {
            diags.push(
                Diagnostic::warning(&rel, "seed skipped: unsupported file type")
                    .with_hint("seeds are saved web pages (.html), scraped text (.txt) or markdown (.md)"),
            );
            continue;
        };
        if let Ok(meta) = std::fs::metadata(&path) {
            if meta.len() > limits.seed_bytes {
                diags.push(
                    Diagnostic::warning(
                        &rel,
                        format!("seed skipped: {} is over the limit of {}", size(meta.len()), size(limits.seed_bytes)),
                    )
                    .with_hint("raise limits.seed_bytes in config.toml to read it"),
                );
                continue;
            }
        }
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                diags.push(
                    Diagnostic::error(&rel, format!("cannot read seed: {e}"))
                        .with_hint("check that the file exists and is readable"),
                );
                continue;
            }
        };
        let hash = format!("blake3:{}", blake3::hash(&bytes).to_hex());
        let decoded = decode::decode(&bytes, format == Format::Html);
        if decoded.malformed {
            diags.push(
                Diagnostic::warning(&rel, format!("some bytes are not valid {}; they read as �", decoded.encoding))
                    .with_hint(
                        "the page records the encoding it was read in; check the text, or save the seed as UTF-8",
                    ),
            );
        }
        let encoding = (decoded.encoding != "utf-8").then_some(decoded.encoding);
        seeds.push(Seed { path: rel, text: decoded.text, hash, encoding });
    }
    (seeds, diags)
}

/// A size for people: "64 MB", "900 KB", "512 bytes".
fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / (1 << 20) as f64).replace(".0 MB", " MB"),
        b if b >= 1 << 10 => format!("{} KB", b >> 10),
        b => format!("{b} bytes"),
    }
}

/// The pages to create for seeds that have none, and warnings for seeds that
/// changed under an existing page.
pub fn plan(seeds: &[Seed], pages: &[&Page], config: &Config) -> (Vec<NewPage>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let by_seed: BTreeMap<&str, &Page> =
        pages.iter().filter_map(|p| p.front.seed.as_deref().map(|s| (s, *p))).collect();
    let mut taken: BTreeSet<String> = pages.iter().map(|p| p.slug.clone()).collect();
    let mut fresh = Vec::new();
    for seed in seeds {
        match by_seed.get(seed.path.as_str()) {
            Some(page) => changed_seed_warning(seed, page, &mut diags),
            None => fresh.push(seed),
        }
    }
    if fresh.is_empty() {
        return (Vec::new(), diags);
    }
    // Every seed counts towards the lines an outlet repeats, ingested or not.
    let outlets: Vec<String> =
        seeds.par_iter().map(|s| outlet::identify(&s.text, url_hint(s).as_deref(), config)).collect();
    let recurring = recurring_lines(seeds, &outlets);
    let outlet_of: BTreeMap<&str, &str> =
        seeds.iter().zip(&outlets).map(|(s, o)| (s.path.as_str(), o.as_str())).collect();
    // Each seed read on its own, in parallel; the addresses are then given
    // out in order, so that they do not depend on the threads.
    let prepared: Vec<(String, String, Vec<Diagnostic>)> = fresh
        .par_iter()
        .map(|seed| {
            let mut diags = Vec::new();
            let found = outlet_of.get(seed.path.as_str()).copied().unwrap_or(UNKNOWN_OUTLET);
            let mut chrome = config.rules.outlet_chrome.get(found).cloned().unwrap_or_default();
            chrome.extend(recurring.get(found).into_iter().flatten().cloned());
            // A byte-order mark is no part of the text: left in, it would hide
            // a markdown seed's front matter and start a text seed's title.
            let raw = seed.text.strip_prefix('\u{feff}').unwrap_or(&seed.text);
            let mut article = match format_of(&seed.path) {
                Some(Format::Markdown) => read_markdown(raw, &chrome, config.limits.nesting),
                Some(Format::Html) => html::read(raw, &chrome),
                _ => clean::clean(raw, &chrome),
            };
            // The page's own address may name the outlet better than the hint,
            // and a page that names itself (site name, copyright) is believed.
            let mut outlet = match &article.url {
                Some(url) => outlet::by_host(url, config).unwrap_or_else(|| found.to_owned()),
                None => found.to_owned(),
            };
            if outlet == UNKNOWN_OUTLET {
                let mut names: Vec<String> = article.site_name.iter().cloned().collect();
                names.extend(article.name_hints.iter().cloned());
                // "Texte par FRANCE 24": a byline that names the outlet itself —
                // unless the page has an address of its own: a site that
                // republishes an article credits its first publisher, who is
                // its author, not the page's outlet.
                if article.url.is_none() {
                    names.extend(article.author.iter().cloned());
                    let credits = article.removed.iter().filter(|r| r.kind == "credit" || r.kind == "byline");
                    names.extend(credits.filter_map(|r| clean::byline_names(&r.text)));
                }
                // (A rights line may have been set aside as another kind: "©
                // 2023, Los Angeles Times | Terms of Service | Privacy Policy".)
                let copyrights = article.removed.iter().filter(|r| {
                    let f = crate::fold::fold(r.text.trim());
                    r.kind == "copyright"
                        || f.starts_with('©')
                        || f.starts_with("copyright")
                        || f.starts_with("(c) ")
                        || f.contains('©') && (f.contains("droits reserves") || f.contains("rights reserved"))
                });
                names.extend(copyrights.filter_map(|r| outlet::copyright_holder(&r.text)));
                // "En poursuivant votre navigation sur Mediapart", "Follow X on":
                // the site's own banners name it.
                let banners = article.removed.iter().filter(|r| {
                    matches!(
                        r.kind.as_str(),
                        "consent-banner" | "subscribe" | "follow-us" | "newsletter" | "disclaimer" | "form"
                    )
                });
                names.extend(banners.flat_map(|r| outlet::self_named(&r.text)));
                outlet = outlet::by_name(&names, config)
                    .or_else(|| outlet::by_masthead(article.removed.iter().map(|r| r.text.as_str()), config))
                    .unwrap_or(outlet);
            }
            // A byline that names an outlet or agency names no author, nor
            // does one that is a site's address ("Par sudinfo.be").
            let address = |a: &str| {
                let a = a.trim().trim_start_matches("www.");
                a.contains('.')
                    && !a.contains(' ')
                    && a.rsplit('.')
                        .next()
                        .is_some_and(|tld| (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase()))
            };
            if article
                .author
                .as_deref()
                .is_some_and(|a| config.rules.outlet_names.contains_key(&crate::config::name_key(a)) || address(a))
            {
                article.author = None;
            }
            let wire = outlet::wire(&article.credits, config);
            if let Some(kept) = cap_text(&mut article, config.limits.text_bytes) {
                diags.push(
                    Diagnostic::warning(
                        &seed.path,
                        format!(
                            "the article text is longer than {}: its first {kept} blocks make the page",
                            size(config.limits.text_bytes as u64)
                        ),
                    )
                    .with_hint("the seed keeps the whole text; raise limits.text_bytes in config.toml to keep more"),
                );
            }
            let (text, dropped) = compose(seed, &article, &Identity { outlet: &outlet, wire: wire.as_deref() }, config);
            if dropped > 0 {
                diags.push(
                    Diagnostic::warning(
                        &seed.path,
                        format!(
                            "{dropped} more claim suggestions were not written (the limit is {} a page)",
                            config.limits.tags
                        ),
                    )
                    .with_hint("raise limits.tags in config.toml to have them suggested"),
                );
            }
            (slug_base(&article, &seed.path), text, diags)
        })
        .collect();
    let mut new_pages = Vec::new();
    for (base, text, seed_diags) in prepared {
        let slug = unique_slug(base, &mut taken);
        diags.extend(seed_diags);
        new_pages.push(NewPage { path: Path::new(SOURCES_DIR).join(format!("{slug}.md")), text });
    }
    (new_pages, diags)
}

fn changed_seed_warning(seed: &Seed, page: &Page, diags: &mut Vec<Diagnostic>) {
    if page.front.seed_hash.as_deref().is_some_and(|h| h != seed.hash) {
        let at = page.text.find("seed_hash").unwrap_or(0);
        diags.push(
            Diagnostic::warning(
                &page.path,
                format!("seed `{}` changed since this page was made; the page was left alone", seed.path),
            )
            .at(&page.text, at)
            .with_hint(format!(
                "merge the changes by hand and set seed_hash = \"{}\", or delete the page to ingest the seed again",
                seed.hash
            )),
        );
    }
}

/// The address a seed states without being read in full: a web page's
/// canonical link, a markdown seed's `url`, a scrape's `URL:` line.
fn url_hint(seed: &Seed) -> Option<String> {
    match format_of(&seed.path) {
        Some(Format::Html) => html::url(&seed.text),
        _ => seed
            .text
            .lines()
            .take(8)
            .find_map(|l| {
                let l = l.trim().trim_start_matches(['#', '+']).trim();
                let l = l.strip_prefix("url").map(|r| r.trim_start_matches([' ', '=', ':', '"'])).unwrap_or(l);
                let l = l.strip_prefix("URL").map(|r| r.trim_start_matches([' ', ':'])).unwrap_or(l);
                l.starts_with("http")
                    .then(|| l.trim_end_matches('"').split_whitespace().next().unwrap_or("").to_owned())
            })
            .filter(|u| !u.is_empty())
            .or_else(|| searched_host(&seed.text)),
    }
}

/// The site a dump's own search box names: "Search nationalpost.com" (a
/// line of its own near the top), as an address.
fn searched_host(text: &str) -> Option<String> {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let r = R.get_or_init(|| {
        regex::Regex::new(r"^(?:Search|Rechercher sur|Chercher sur)\s+((?:[a-z0-9-]+\.)+[a-z]{2,})\s*$")
            .expect("valid pattern")
    });
    text.lines().take(60).find_map(|l| r.captures(l.trim()).map(|c| format!("https://{}/", &c[1])))
}

/// Short lines that are not sentences and recur across two or more seeds
/// of the same known outlet: that site's chrome ("Raconter l'actualité").
/// Folded, by outlet id. Sentences never qualify, so wire copy repeated by
/// several seeds stays.
fn recurring_lines(seeds: &[Seed], outlets: &[String]) -> BTreeMap<String, Vec<String>> {
    let mut counts: BTreeMap<(&str, String), usize> = BTreeMap::new();
    for (seed, outlet) in seeds.iter().zip(outlets) {
        if outlet == UNKNOWN_OUTLET || format_of(&seed.path) == Some(Format::Html) {
            continue;
        }
        let lines: BTreeSet<String> = clean::paragraphs(&seed.text)
            .into_iter()
            .filter(|l| text::word_count(l) <= 12 && !l.ends_with(['.', '!', '?', '»', '"', '”']))
            .map(|l| fold(&l).trim().to_owned())
            .collect();
        for line in lines {
            *counts.entry((outlet.as_str(), line)).or_default() += 1;
        }
    }
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for ((outlet, line), n) in counts {
        if n >= 2 {
            out.entry(outlet.to_owned()).or_default().push(line);
        }
    }
    out
}

/// Keeps the article's blocks within `limit` bytes; `Some(blocks kept)` when
/// some were left out.
fn cap_text(article: &mut Article, limit: usize) -> Option<usize> {
    let mut total = 0;
    let keep = article.blocks.iter().position(|b| {
        total += b.text().len() + 2;
        total > limit
    })?;
    article.blocks.truncate(keep);
    Some(keep)
}

/// A markdown seed: optional `+++` front matter (title, url, date, author),
/// a leading `# Title`, and blocks classified like text paragraphs. Blocks
/// nested deeper than `nesting` are flattened: seeds are web text.
fn read_markdown(raw: &str, chrome: &[String], nesting: usize) -> Article {
    #[derive(serde::Deserialize, Default)]
    struct SeedFront {
        title: Option<String>,
        url: Option<String>,
        date: Option<toml::value::Datetime>,
        author: Option<String>,
    }
    let raw = raw.replace("\r\n", "\n");
    let mut body = raw.as_str();
    let mut front = SeedFront::default();
    if let Some(rest) = raw.strip_prefix("+++\n") {
        if let Some(end) = rest.find("\n+++") {
            front = toml::from_str(&rest[..end]).unwrap_or_default();
            body = rest[end + 4..].trim_start_matches(['\n', '+']);
        }
    }
    // Web text: its HTML is shown as text whatever site.raw_html says.
    let body = markdown::html_as_text(body);
    let mut blocks = Vec::new();
    let mut title = front.title;
    for block in body.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
        if title.is_none() && block.starts_with("# ") && !block.contains('\n') {
            title = Some(block[2..].trim().to_owned());
        } else if let Some(h) = block.strip_prefix('#').filter(|_| !block.contains('\n')) {
            blocks.push(Block::Heading(h.trim_start_matches('#').trim().to_owned()));
        } else if markdown::too_deep(block, nesting).is_some() {
            blocks.push(Block::markdown(markdown::flatten(block, nesting)));
        } else {
            // Kept as markdown: the seed's own formatting is part of the article.
            blocks.push(Block::markdown(block.to_owned()));
        }
    }
    let mut article = Article { url: front.url, author: front.author, ..Article::default() };
    article.date = front.date.map(|d| d.to_string());
    clean::clean_blocks(&mut article, blocks, &[], chrome, title.is_none());
    if title.is_some() {
        article.title = title;
    }
    article
}

/// The page's address made unique among those `taken`.
fn unique_slug(base: String, taken: &mut BTreeSet<String>) -> String {
    let mut slug = base.clone();
    let mut n = 2;
    while taken.contains(&slug) {
        slug = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(slug.clone());
    slug
}

/// The address the article's title (else its seed's file name) gives.
fn slug_base(article: &Article, seed_path: &str) -> String {
    const MAX: usize = 60;
    let mut base = slug::slugify(article.title.as_deref().unwrap_or(""));
    if base.len() > MAX {
        let cut = base[..MAX].rfind('-').unwrap_or(MAX);
        base.truncate(cut);
    }
    if base.is_empty() {
        base = crate::page::slug_of(Path::new(seed_path));
    }
    base
}

/// A guess between French and English from common words; the site's
/// language when the text gives no clear signal.
fn detect_language(plain: &str, default: &str) -> String {
    const FR: &[&str] = &["le", "la", "les", "des", "est", "une", "dans", "pour", "qui", "du"];
    const EN: &[&str] = &["the", "and", "of", "is", "in", "that", "for", "was", "with", "to"];
    let f = fold(plain);
    let words: Vec<&str> = f.split(|c: char| !c.is_alphanumeric()).collect();
    let count = |list: &[&str]| words.iter().filter(|w| list.contains(w)).count();
    let (fr, en) = (count(FR), count(EN));
    if fr > 2 * en && fr >= 5 {
        "fr".into()
    } else if en > 2 * fr && en >= 5 {
        "en".into()
    } else {
        default.into()
    }
}

/// A TOML basic string, always on one line: the toml crate writes text with
/// line breaks as a multi-line string, and a `+++` line inside one would end
/// the page's front matter there.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Who published a seed and who wrote it.
struct Identity<'a> {
    outlet: &'a str,
    wire: Option<&'a str>,
}

/// The new page's text: front matter with the machine's suggestions, then the
/// article as markdown. Also returns how many claim suggestions the tag limit
/// left out.
fn compose(seed: &Seed, article: &Article, who: &Identity, config: &Config) -> (String, usize) {
    let mut body = String::new();
    for block in &article.blocks {
        match block {
            Block::Markdown { markdown, .. } => body.push_str(markdown),
            Block::Paragraph(p) => body.push_str(&markdown::escape_text(p)),
            Block::Heading(h) => {
                body.push_str("## ");
                body.push_str(&markdown::escape_text(h));
            }
        }
        body.push_str("\n\n");
    }
    let plain = markdown::plain_text(&body);
    let title = article.title.clone().filter(|t| !t.trim().is_empty()).unwrap_or_else(|| "Untitled source".into());
    let mut out = String::from("+++\n");
    let _ = writeln!(out, "title = {}", quote(&title));
    let _ = writeln!(out, "outlet = {}", quote(who.outlet));
    if let Some(wire) = who.wire {
        let _ = writeln!(out, "wire = {}", quote(wire));
    }
    let language = article.language.clone().unwrap_or_else(|| detect_language(&plain, config.site.source_language()));
    let _ = writeln!(out, "language = {}", quote(&language));
    if let Some(date) = &article.date {
        let _ = writeln!(out, "date = {date}");
    }
    if let (None, Some(text)) = (&article.date, &article.date_text) {
        let _ = writeln!(out, "date_text = {}", quote(text));
    }
    if let Some(dateline) = &article.dateline {
        let _ = writeln!(out, "dateline = {}", quote(dateline));
    }
    if let Some(author) = &article.author {
        let _ = writeln!(out, "author = {}", quote(author));
    }
    if let Some(url) = &article.url {
        let _ = writeln!(out, "url = {}", quote(url));
    }
    if let Some(site) = &article.site_name {
        let _ = writeln!(out, "site_name = {}", quote(site));
    }
    if let Some(encoding) = &seed.encoding {
        let _ = writeln!(out, "encoding = {}", quote(encoding));
    }
    let _ = writeln!(out, "seed = {}", quote(&seed.path));
    let _ = writeln!(out, "seed_hash = {}", quote(&seed.hash));
    let mut suggestions = claims::suggest(&plain, &config.rules, |c| config.claims.get(c).and_then(|c| c.stance));
    let dropped = suggestions.len().saturating_sub(config.limits.tags);
    suggestions.truncate(config.limits.tags);
    if !suggestions.is_empty() {
        out.push_str("\n# Claim tags suggested from the patterns in config.toml.\n");
        out.push_str("# Set status = \"confirmed\" to keep one, \"rejected\" to drop it for good.\n");
    }
    for s in &suggestions {
        out.push_str("\n[[tags]]\n");
        let _ = writeln!(out, "claim = {}", quote(&s.claim));
        let _ = writeln!(out, "stance = {}", quote(s.stance.as_str()));
        out.push_str("status = \"suggested\"\n");
        let _ = writeln!(out, "exact = {}", quote(&plain[s.start..s.end]));
        let _ = writeln!(out, "prefix = {}", quote(text::before(&plain, s.start, CONTEXT_CHARS)));
        let _ = writeln!(out, "suffix = {}", quote(text::after(&plain, s.end, CONTEXT_CHARS)));
    }
    if !article.removed.is_empty() {
        out.push_str("\n# Site chrome removed from the seed, kept here so nothing is lost.\n");
        out.push_str("# To restore a block, move its text into the article below.\n");
    }
    for r in &article.removed {
        out.push_str("\n[[removed]]\n");
        let _ = writeln!(out, "kind = {}", quote(&r.kind));
        let _ = writeln!(out, "text = {}", quote(&r.text));
    }
    out.push_str("+++\n\n");
    out.push_str(body.trim_end());
    out.push('\n');
    (out, dropped)
}

#[cfg(test)]
mod tests {
    use super::searched_host;

    #[test]
    fn a_dumps_search_box_names_its_site() {
        let dump = "Skip to Content\nSections\nSearch\nSearch harbourgazette.com\n[ ] Perform search\n";
        assert_eq!(searched_host(dump).as_deref(), Some("https://harbourgazette.com/"));
        assert_eq!(searched_host("Search the archive\nSearch results for strikes\n"), None);
    }
}
