//! `parallax refresh`: existing pages gain what ingest has learned to read
//! in their seeds since they were made (an author, a wire, a date, an
//! address, the site's name, the encoding, an outlet still `unknown`).
//!
//! A page is the editor's: only fields it lacks are added, as new lines in
//! its front matter, and `outlet = "unknown"` is the one value replaced.
//! The body, the tags and every field the page has stay byte for byte; the
//! edited page is parsed again and compared before it is written, through a
//! temporary file and a rename.

use super::{load, require_config, PageCache};
use crate::config::UNKNOWN_OUTLET;
use crate::diag::{self, Diagnostic};
use crate::ingest;
use crate::page::{FrontMatter, Page};
use anyhow::Context as _;
use std::path::{Path, PathBuf};

/// One field to fill in one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The page, relative to the root.
    pub page: PathBuf,
    pub field: &'static str,
    /// The value as TOML (`"…"` for strings, a bare date).
    pub value: String,
}

impl Change {
    pub fn describe(&self, root: &Path) -> String {
        let page = if root == Path::new(".") { self.page.clone() } else { root.join(&self.page) };
        match self.field {
            "outlet" => format!("{}: outlet = \"unknown\" -> {}", page.display(), self.value),
            field => format!("{}: + {field} = {}", page.display(), self.value),
        }
    }
}

/// The changes refresh makes (made when `write`), or the diagnostics that
/// stop it: a briefing with errors is not touched.
pub fn refresh(root: &Path, write: bool) -> anyhow::Result<Result<Vec<Change>, Vec<Diagnostic>>> {
    require_config(root)?;
    let mut diags = Vec::new();
    let Some(loaded) = load(root, &mut diags, &mut PageCache::default()) else { return Ok(Err(diags)) };
    if diag::has_errors(&diags) {
        diag::sort(&mut diags);
        return Ok(Err(diags));
    }
    let (seeds, _) = ingest::read_seeds(root, &loaded.config.limits);
    let mut changes = Vec::new();
    for annotated in &loaded.pages {
        let page = &annotated.page;
        let Some(seed) = page.front.seed.as_deref().and_then(|s| seeds.iter().find(|x| x.path == s)) else {
            continue;
        };
        let (fresh, _) = ingest::plan(std::slice::from_ref(seed), &[], &loaded.config);
        let Some(fresh) = fresh.first().and_then(|p| Page::parse(&p.path, p.text.clone()).ok()) else { continue };
        let found = missing(&page.front, &fresh.front);
        if found.is_empty() {
            continue;
        }
        if write {
            let text = edited(page, &found)?;
            crate::fsx::replace(&root.join(&page.path), text.as_bytes())
                .with_context(|| format!("cannot write {}", page.path.display()))?;
        }
        changes.extend(found.into_iter().map(|(field, value)| Change { page: page.path.clone(), field, value }));
    }
    Ok(Ok(changes))
}

/// The fields `fresh` has and `page` lacks, as TOML values.
fn missing(page: &FrontMatter, fresh: &FrontMatter) -> Vec<(&'static str, String)> {
    let quote = |s: &str| toml::Value::String(s.to_owned()).to_string();
    let mut out = Vec::new();
    let outlet = fresh.outlet.get_ref();
    if page.outlet.get_ref() == UNKNOWN_OUTLET && outlet != UNKNOWN_OUTLET {
        out.push(("outlet", quote(outlet)));
    }
    let strings: [(&'static str, &Option<String>, &Option<String>); 5] = [
        ("author", &page.author, &fresh.author),
        ("url", &page.url, &fresh.url),
        ("site_name", &page.site_name, &fresh.site_name),
        ("encoding", &page.encoding, &fresh.encoding),
        ("dateline", &page.dateline, &fresh.dateline),
    ];
    if page.wire.is_none() {
        if let Some(wire) = &fresh.wire {
            out.push(("wire", quote(wire.get_ref())));
        }
    }
    if page.date.is_none() {
        if let Some(date) = fresh.date {
            out.push(("date", date.to_string()));
        }
    }
    for (field, have, found) in strings {
        if let (None, Some(value)) = (have, found) {
            out.push((field, quote(value)));
        }
    }
    out
}

/// The page's text with `fields` filled in: new lines right after the
/// `outlet` line, and `unknown` replaced where the outlet is found. Checked
/// by parsing the result: the body and every other field must be unchanged.
fn edited(page: &Page, fields: &[(&'static str, String)]) -> anyhow::Result<String> {
    let span = page.front.outlet.span();
    let (start, end) = (page.front_offset(span.start), page.front_offset(span.end));
    let line_end = page.text[end..].find('\n').map_or(page.text.len(), |i| end + i + 1);
    let newline = if page.text[..line_end].ends_with("\r\n") { "\r\n" } else { "\n" };
    let mut text = String::with_capacity(page.text.len() + 200);
    let outlet = fields.iter().find(|(f, _)| *f == "outlet");
    text.push_str(&page.text[..start]);
    text.push_str(outlet.map_or(&page.text[start..end], |(_, v)| v.as_str()));
    text.push_str(&page.text[end..line_end]);
    for (field, value) in fields.iter().filter(|(f, _)| *f != "outlet") {
        text.push_str(&format!("{field} = {value}{newline}"));
    }
    text.push_str(&page.text[line_end..]);
    let again = Page::parse(&page.path, text.clone()).map_err(|d| anyhow::anyhow!("{d}"))?;
    anyhow::ensure!(
        again.body() == page.body()
            && again.front.tags.len() == page.front.tags.len()
            && again.front.title == page.front.title,
        "refusing to write {}: the edit would change more than the missing fields",
        page.path.display()
    );
    Ok(text)
}
