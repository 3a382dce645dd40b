//! Seeds -> new content pages. The only module that reads seeds.
//!
//! `read_seeds` does the IO; `plan` is pure and returns the pages to create.
//! Ingest never overwrites a content page: a page is written once from its
//! seed and is the editor's from then on. A seed that changed after its page
//! was written gets a warning, and the page is left alone.

pub mod clean;

use crate::annotate::{claims, CONTEXT_CHARS};
use crate::config::{Config, Limits, UNKNOWN_OUTLET};
use crate::diag::{Diagnostic, Position};
use crate::fold::fold;
use crate::markdown;
use crate::page::Page;
use crate::text;
use clean::{Article, Block};
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
    pub hash: String,
}

#[derive(Debug, Clone)]
pub struct NewPage {
    /// Relative to the site root.
    pub path: PathBuf,
    pub text: String,
}

/// Seed formats ingest understands. HTML will be a third reader producing the
/// same `Article`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Markdown,
}

fn format_of(path: &str) -> Option<Format> {
    match Path::new(path).extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" => Some(Format::Markdown),
        _ => None,
    }
}

/// Reads every seed under `root/seeds`, in path order; seeds over the size
/// limit are skipped with a warning, unread.
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
        if format_of(&rel).is_none() {
            diags.push(
                Diagnostic::warning(&rel, "seed skipped: unsupported file type")
                    .with_hint("seeds are .txt (scraped text) or .md (markdown) files"),
            );
            continue;
        }
        if let Ok(meta) = std::fs::metadata(&path) {
            if meta.len() > limits.seed_bytes {
                diags.push(
                    Diagnostic::warning(
                        &rel,
                        format!("seed skipped: {} MB is over the limit of {} MB", meta.len() >> 20, limits.seed_bytes >> 20),
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
        match String::from_utf8(bytes) {
            Ok(text) => seeds.push(Seed { path: rel, text, hash }),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
                let mut d = Diagnostic::error(&rel, "seed is not valid UTF-8").at(&lossy, at);
                d.position = Some(Position::of_offset(&lossy, at));
                diags.push(d.with_hint(format!("convert it to UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8 {rel} > /tmp/seed && mv /tmp/seed {rel}`")));
            }
        }
    }
    (seeds, diags)
}

/// The pages to create for seeds that have none, and warnings for seeds that
/// changed under an existing page.
pub fn plan(seeds: &[Seed], pages: &[&Page], config: &Config) -> (Vec<NewPage>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let by_seed: BTreeMap<&str, &Page> =
        pages.iter().filter_map(|p| p.front.seed.as_deref().map(|s| (s, *p))).collect();
    let mut taken: BTreeSet<String> = pages.iter().map(|p| p.slug.clone()).collect();
    let mut new_pages = Vec::new();
    for seed in seeds {
        if let Some(page) = by_seed.get(seed.path.as_str()) {
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
            continue;
        }
        // A byte-order mark is no part of the text: left in, it would hide
        // a markdown seed's front matter and start a text seed's title.
        let raw = seed.text.strip_prefix('\u{feff}').unwrap_or(&seed.text);
        let outlet = detect_outlet(raw, config);
        let chrome = config.rules.outlet_chrome.get(&outlet).map(Vec::as_slice).unwrap_or(&[]);
        let (mut article, url) = match format_of(&seed.path) {
            Some(Format::Markdown) => read_markdown(raw, chrome, config.limits.nesting),
            _ => (clean::clean(raw, chrome), None),
        };
        if let Some(kept) = cap_text(&mut article, config.limits.text_bytes) {
            diags.push(
                Diagnostic::warning(
                    &seed.path,
                    format!("the article text is longer than {} MB: its first {kept} blocks make the page", config.limits.text_bytes >> 20),
                )
                .with_hint("the seed keeps the whole text; raise limits.text_bytes in config.toml to keep more"),
            );
        }
        let slug = unique_slug(&article, &seed.path, &mut taken);
        let (text, dropped) = compose(seed, &article, &outlet, url.as_deref(), config);
        if dropped > 0 {
            diags.push(
                Diagnostic::warning(
                    &seed.path,
                    format!("{dropped} more claim suggestions were not written (the limit is {} a page)", config.limits.tags),
                )
                .with_hint("raise limits.tags in config.toml to have them suggested"),
            );
        }
        new_pages.push(NewPage { path: Path::new(SOURCES_DIR).join(format!("{slug}.md")), text });
    }
    (new_pages, diags)
}

/// The outlet whose signatures the raw seed matches most; "unknown" when none
/// match or two match equally. Signatures are searched in the raw text, since
/// the chrome ingest removes is often what identifies the outlet.
pub fn detect_outlet(raw: &str, config: &Config) -> String {
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
        [(top, id), rest @ ..] if rest.first().is_none_or(|(n, _)| n < top) => (*id).to_owned(),
        _ => UNKNOWN_OUTLET.to_owned(),
    }
}

/// Keeps the article's blocks within `limit` bytes; `Some(blocks kept)` when
/// some were left out.
fn cap_text(article: &mut Article, limit: usize) -> Option<usize> {
    let mut total = 0;
    let keep = article.blocks.iter().position(|b| {
        total += match b {
            Block::Paragraph(p) | Block::Heading(p) => p.len() + 2,
        };
        total > limit
    })?;
    article.blocks.truncate(keep);
    Some(keep)
}

/// A markdown seed: optional `+++` front matter (title, url, date), a
/// leading `# Title`, and blocks classified like text paragraphs. Blocks
/// nested deeper than `nesting` are flattened: seeds are web text.
fn read_markdown(raw: &str, chrome: &[String], nesting: usize) -> (Article, Option<String>) {
    #[derive(serde::Deserialize, Default)]
    struct SeedFront {
        title: Option<String>,
        url: Option<String>,
        date: Option<toml::value::Datetime>,
    }
    // Web text: its HTML is shown as text whatever site.raw_html says.
    let raw = raw.replace("\r\n", "\n");
    let mut body = raw.as_str();
    let mut front = SeedFront::default();
    if let Some(rest) = raw.strip_prefix("+++\n") {
        if let Some(end) = rest.find("\n+++") {
            front = toml::from_str(&rest[..end]).unwrap_or_default();
            body = rest[end + 4..].trim_start_matches(['\n', '+']);
        }
    }
    let body = markdown::html_as_text(body);
    let mut article = Article { title: front.title, date: front.date.map(|d| d.to_string()), ..Article::default() };
    for block in body.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
        if let Some(kind) = clean::chrome_kind(block, chrome) {
            article.removed.push(crate::page::Removed { kind: kind.into(), text: block.into() });
        } else if article.title.is_none() && block.starts_with("# ") {
            article.title = Some(block[2..].trim().to_owned());
        } else if let Some(h) = block.strip_prefix('#') {
            article.blocks.push(Block::Heading(h.trim_start_matches('#').trim().to_owned()));
        } else if markdown::too_deep(block, nesting).is_some() {
            article.blocks.push(Block::Paragraph(markdown::flatten(block, nesting)));
        } else {
            // Kept as markdown: the seed's own formatting is part of the article.
            article.blocks.push(Block::Paragraph(block.to_owned()));
        }
    }
    (article, front.url)
}

fn unique_slug(article: &Article, seed_path: &str, taken: &mut BTreeSet<String>) -> String {
    const MAX: usize = 60;
    let mut base = slug::slugify(article.title.as_deref().unwrap_or(""));
    if base.len() > MAX {
        let cut = base[..MAX].rfind('-').unwrap_or(MAX);
        base.truncate(cut);
    }
    if base.is_empty() {
        base = crate::page::slug_of(Path::new(seed_path));
    }
    let mut slug = base.clone();
    let mut n = 2;
    while taken.contains(&slug) {
        slug = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(slug.clone());
    slug
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

/// The new page's text: front matter with the machine's suggestions, then the
/// article as markdown.
/// Also returns how many claim suggestions the tag limit left out.
fn compose(seed: &Seed, article: &Article, outlet: &str, url: Option<&str>, config: &Config) -> (String, usize) {
    let mut body = String::new();
    for block in &article.blocks {
        match block {
            Block::Paragraph(p) if format_of(&seed.path) == Some(Format::Markdown) => body.push_str(p),
            Block::Paragraph(p) => body.push_str(&markdown::escape_text(p)),
            Block::Heading(h) => {
                body.push_str("## ");
                body.push_str(&markdown::escape_text(h));
            }
        }
        body.push_str("\n\n");
    }
    let plain = markdown::plain_text(&body);
    let title = article.title.clone().unwrap_or_else(|| "Untitled source".into());
    let mut out = String::from("+++\n");
    let _ = writeln!(out, "title = {}", quote(&title));
    let _ = writeln!(out, "outlet = {}", quote(outlet));
    let _ = writeln!(out, "language = {}", quote(&detect_language(&plain, config.site.language())));
    if let Some(date) = &article.date {
        let _ = writeln!(out, "date = {date}");
    }
    if let (None, Some(text)) = (&article.date, &article.date_text) {
        let _ = writeln!(out, "date_text = {}", quote(text));
    }
    if let Some(dateline) = &article.dateline {
        let _ = writeln!(out, "dateline = {}", quote(dateline));
    }
    if let Some(url) = url {
        let _ = writeln!(out, "url = {}", quote(url));
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
