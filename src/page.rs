//! Content pages: `content/**/*.md`, TOML front matter between `+++` lines
//! and a markdown body. They are the editor's truth.
//!
//! This module parses one page's text and reports problems at their line in
//! the file (not in the front matter string). It reads no files and checks
//! nothing against the config; `annotate` does that.

use crate::config::{self, Stance};
use crate::diag::Diagnostic;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use toml::Spanned;

pub const DELIMITER: &str = "+++";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    /// An outlet id from config.toml, or "unknown".
    pub outlet: Spanned<String>,
    #[serde(default)]
    pub language: Option<String>,
    /// Publication date, only when the source gives one.
    #[serde(default)]
    pub date: Option<toml::value::Datetime>,
    /// The date as the source states it, when it gives no full date
    /// ("Dernière mise à jour à 09h07 le 28/03").
    #[serde(default)]
    pub date_text: Option<String>,
    /// Where the article was filed from ("Moscou").
    #[serde(default)]
    pub dateline: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// When the article was read at `url`, as the editor records it.
    #[serde(default)]
    pub accessed: Option<toml::value::Datetime>,
    /// An archived copy of the article (web.archive.org, archive.today…).
    #[serde(default)]
    pub archive: Option<String>,
    /// The byline's names, as the source gives them.
    #[serde(default)]
    pub author: Option<String>,
    /// The wire agency that wrote the article, when the text credits one
    /// (an outlet id, usually of the registry): `outlet` published it.
    #[serde(default)]
    pub wire: Option<Spanned<String>>,
    /// The site's own name, as a saved page states it.
    #[serde(default)]
    pub site_name: Option<String>,
    /// The encoding the seed was read in, when it was not UTF-8.
    #[serde(default)]
    pub encoding: Option<String>,
    /// The seed this page was made from, relative to the site root.
    #[serde(default)]
    pub seed: Option<String>,
    #[serde(default)]
    pub seed_hash: Option<String>,
    #[serde(default)]
    pub tags: Vec<Tag>,
    /// Notes on the whole page.
    #[serde(default)]
    pub notes: Vec<PageNote>,
    #[serde(default)]
    pub removed: Vec<Removed>,
}

/// A claim tag anchored to text by a W3C TextQuoteSelector.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    pub claim: Spanned<String>,
    pub stance: Stance,
    #[serde(default = "suggested")]
    pub status: Status,
    pub exact: Spanned<String>,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
}

fn suggested() -> Status {
    Status::Suggested
}

/// Whether the editor has reviewed a claim tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Proposed by the machine, not yet reviewed.
    Suggested,
    /// Reviewed and kept by the editor (or written by the editor in the text).
    Confirmed,
    /// Reviewed and dropped; kept so it never comes back. Rejected tags are
    /// left out of `report.json`.
    Rejected,
}

/// A note about the whole page, e.g. on how this article frames the event.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PageNote {
    pub id: Spanned<String>,
    pub text: Spanned<String>,
}

/// Site chrome taken out of the seed at ingest, kept so nothing disappears
/// without trace.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Removed {
    pub kind: String,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Page {
    /// Relative to the site root, e.g. `content/sources/x.md`.
    pub path: PathBuf,
    /// The page's address segment: its file stem.
    pub slug: String,
    pub front: FrontMatter,
    /// The whole file, for diagnostics that quote a line; the body is its
    /// end, from `body_offset` ([`Page::body`]).
    pub text: String,
    /// Byte offset of the body in `text`.
    pub body_offset: usize,
    /// Byte offset of the front matter's first line in `text` (after the
    /// opening delimiter's line ending, whatever it is, and any BOM).
    pub front_start: usize,
}

impl Page {
    /// Parses a page. `path` is relative to the site root.
    pub fn parse(path: &Path, text: String) -> Result<Page, Diagnostic> {
        let (front_range, body_offset) = split_front_matter(&text).ok_or_else(|| {
            if text.trim_start_matches(BOM).starts_with(DELIMITER) {
                Diagnostic::error(path, "front matter is not closed")
                    .at(&text, 0)
                    .with_hint(format!("end the front matter with a line holding only `{DELIMITER}`"))
            } else {
                Diagnostic::error(path, "missing front matter").at(&text, 0).with_hint(format!(
                    "start the page with a `{DELIMITER}` line, the TOML front matter, and another `{DELIMITER}` line"
                ))
            }
        })?;
        let front_text = &text[front_range.clone()];
        let front: FrontMatter = toml::from_str(front_text).map_err(|e| {
            let mut d = config::toml_error(front_text, path, &e);
            // Re-point at the file, not the front matter string.
            let at = front_range.start + e.span().map_or(0, |s| s.start);
            d = Diagnostic { position: None, source_line: None, ..d }.at(&text, at);
            d
        })?;
        let slug = slug_of(path);
        let front_start = front_range.start;
        Ok(Page { path: path.to_path_buf(), slug, front, text, body_offset, front_start })
    }

    /// The page with a placeholder front matter, when its own cannot be
    /// read: only to check its body, so that one run reports every problem.
    /// Never rendered.
    pub fn with_placeholder_front(path: &Path, text: String) -> Option<Page> {
        let (front_range, body_offset) = split_front_matter(&text)?;
        let front: FrontMatter = toml::from_str("title = \"\"\noutlet = \"unknown\"\n").ok()?;
        let slug = slug_of(path);
        let front_start = front_range.start;
        Some(Page { path: path.to_path_buf(), slug, front, text, body_offset, front_start })
    }

    /// The markdown body: the text after the front matter.
    pub fn body(&self) -> &str {
        &self.text[self.body_offset..]
    }

    /// Byte offset in the file of a span inside the front matter.
    pub fn front_offset(&self, span_start: usize) -> usize {
        self.front_start + span_start
    }
}

/// `content/_index.md`: the briefing's own title and introduction.
#[derive(Debug, Clone)]
pub struct Intro {
    pub title: String,
    pub body: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IntroFront {
    title: String,
}

impl Intro {
    pub fn parse(path: &Path, text: &str) -> Result<Intro, Diagnostic> {
        let (range, body_offset) = split_front_matter(text).ok_or_else(|| {
            Diagnostic::error(path, "missing front matter")
                .at(text, 0)
                .with_hint(format!("start with `{DELIMITER}`, a line `title = \"…\"`, and another `{DELIMITER}` line"))
        })?;
        let front: IntroFront = toml::from_str(&text[range.clone()]).map_err(|e| {
            let d = config::toml_error(&text[range.clone()], path, &e);
            Diagnostic { position: None, source_line: None, ..d }
                .at(text, range.start + e.span().map_or(0, |s| s.start))
        })?;
        Ok(Intro { title: front.title, body: text[body_offset..].to_owned() })
    }
}

/// The range of the front matter and the offset where the body starts, if
/// the text opens with a `+++` line and has a closing one.
/// A UTF-8 byte-order mark, which some editors put before the first line.
const BOM: char = '\u{feff}';

fn split_front_matter(text: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let rest = text.strip_prefix(BOM).unwrap_or(text).strip_prefix(DELIMITER)?;
    let rest = rest.strip_prefix("\r\n").or_else(|| rest.strip_prefix('\n'))?;
    let start = text.len() - rest.len();
    let mut offset = start;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == DELIMITER {
            return Some((start..offset, offset + line.len()));
        }
        offset += line.len();
    }
    None
}

/// A page's slug: its file stem, made safe as an address segment.
pub fn slug_of(path: &Path) -> String {
    let stem = path.file_stem().map(|s| s.to_string_lossy()).unwrap_or_default();
    let slug = slug::slugify(stem.as_ref());
    if slug.is_empty() {
        "page".into()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_errors_point_into_the_file() {
        let text = "+++\ntitle = \"T\"\noutlet = unknown\n+++\nBody\n".to_string();
        let d = Page::parse(Path::new("content/a.md"), text).unwrap_err();
        let p = d.position.unwrap();
        assert_eq!((p.line, p.col), (3, 10));
        assert_eq!(d.source_line.as_deref(), Some("outlet = unknown"));
    }

    #[test]
    fn crlf_and_bom_pages_point_at_the_right_column() {
        let text = "\u{feff}+++\r\ntitle = \"T\"\r\noutlet = \"unknown\"\r\n+++\r\nBody\r\n".to_string();
        let page = Page::parse(Path::new("content/a.md"), text).unwrap();
        let at = page.front_offset(page.front.outlet.span().start);
        let p = crate::diag::Position::of_offset(&page.text, at);
        assert_eq!((p.line, p.col), (3, 10));
        assert_eq!(page.body(), "Body\r\n");
    }

    #[test]
    fn parses_a_page() {
        let text = "+++\ntitle = \"T\"\noutlet = \"unknown\"\n+++\n\nBody text.\n".to_string();
        let page = Page::parse(Path::new("content/sources/My Page.md"), text).unwrap();
        assert_eq!(page.slug, "my-page");
        assert_eq!(page.body().trim(), "Body text.");
        assert_eq!(page.front.outlet.get_ref(), "unknown");
    }
}
