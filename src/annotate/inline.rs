//! Annotations written in the markdown body, as links with reserved schemes:
//!
//! - `[span](claim:ID)` or `[span](claim:ID "stance")`: a claim tag;
//! - `[span](note:ID "text")`: a note on a passage;
//! - `[span](quote:ACTOR)`: a quotation and who said it.
//!
//! They are read from comrak's syntax tree. Syntax that did not become a link
//! (an unclosed span, a nested one, a space in the id) is left as text by the
//! parser, and is found here in the text nodes. Pure.

use crate::config::Stance;
use comrak::nodes::{AstNode, NodeValue};
use regex::Regex;
use std::sync::OnceLock;

pub const SCHEMES: [&str; 3] = ["claim", "note", "quote"];

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Claim { id: String, stance: Result<Stance, String> },
    Note { id: String, text: String },
    Quote { speaker: String },
}

/// An annotation link found in the body.
#[derive(Debug, Clone)]
pub struct Link {
    pub kind: Kind,
    /// Plain-text range of the annotated span.
    pub start: usize,
    pub end: usize,
    /// Where the link starts in the body: 1-based line, 1-based byte column.
    pub line: usize,
    pub col: usize,
}

/// A problem with annotation syntax, positioned in the body.
#[derive(Debug, Clone)]
pub struct Problem {
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub hint: String,
}

/// Reads an annotation link's destination and title, if its scheme is ours.
/// `None` for ordinary links.
pub fn kind_of(url: &str, title: &str) -> Option<Result<Kind, (String, String)>> {
    let (scheme, rest) = url.split_once(':')?;
    if !SCHEMES.contains(&scheme) {
        return None;
    }
    let id = rest.trim().to_owned();
    if id.is_empty() {
        return Some(Err((format!("`{scheme}:` needs an id"), format!("write `{scheme}:some-id`"))));
    }
    Some(Ok(match scheme {
        "claim" => {
            let stance = match title.trim() {
                "" => Ok(Stance::Asserts),
                t => Stance::ALL.into_iter().find(|s| s.as_str() == t).ok_or_else(|| t.to_owned()),
            };
            Kind::Claim { id, stance }
        }
        "note" => Kind::Note { id, text: title.trim().to_owned() },
        _ => Kind::Quote { speaker: id },
    }))
}

pub fn is_annotation_url(url: &str) -> bool {
    url.split_once(':').is_some_and(|(scheme, _)| SCHEMES.contains(&scheme))
}

fn leftover() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(\]\s*)?\((claim|note|quote):").expect("valid"))
}

/// Annotation syntax that the markdown parser left as plain text.
pub fn leftover_syntax(node: &AstNode<'_>, literal: &str) -> Option<Problem> {
    let m = leftover().captures(literal)?;
    let whole = m.get(0).expect("match");
    let pos = node.data.borrow().sourcepos.start;
    let (message, hint) = if m.get(1).is_some() {
        (
            format!("annotation `]({}:` did not parse: a `]` without its `[`, spans nested or overlapping, or a space in the id", &m[2]),
            "annotations cannot contain each other; ids have no spaces: `[text](claim:some-id)`".to_owned(),
        )
    } else {
        (
            format!("unclosed span before `({}:`", &m[2]),
            format!("put the annotated text in brackets: `[text]({}:…)`", &m[2]),
        )
    };
    Some(Problem { line: pos.line, col: pos.column + whole.start(), message, hint })
}

/// A link whose scheme looks like a misspelt annotation scheme ("clam:").
pub fn misspelt_scheme(url: &str) -> Option<&'static str> {
    let (scheme, _) = url.split_once(':')?;
    if SCHEMES.contains(&scheme) || matches!(scheme, "http" | "https" | "mailto" | "tel" | "ftp") {
        return None;
    }
    SCHEMES.into_iter().find(|s| strsim::levenshtein(s, &scheme.to_ascii_lowercase()) <= 2)
}

pub fn link_parts(node: &AstNode<'_>) -> Option<(String, String, usize, usize)> {
    let data = node.data.borrow();
    match &data.value {
        NodeValue::Link(link) => {
            Some((link.url.to_string(), link.title.to_string(), data.sourcepos.start.line, data.sourcepos.start.column))
        }
        _ => None,
    }
}
