//! Annotations written in the markdown body, as links with reserved schemes:
//!
//! - `[span](claim:ID)` or `[span](claim:ID "stance")`: a claim tag;
//! - `[span](note:ID "text")`: a note on a passage;
//! - `[span](quote:ACTOR)`: a quotation and who said it.
//!
//! and corrections of the machine's other findings, each replacing the
//! machine's finding of its kind where the spans overlap:
//!
//! - `[span](figure:CLAIM)` or `[span](figure:CLAIM "about 100 soldiers")`:
//!   a figure, read from the title when given, else from the span; `figure:-`
//!   for a figure outside any claim;
//! - `[span](source:ACTOR)`, `[span](source:unnamed)` or
//!   `[span](source:other "Name")`: whom the passage cites;
//! - `[span](describes:ACTOR)` or `[span](describes:ACTOR "description")`:
//!   how the source names an actor;
//! - `[span](date:2019-06-04)`: the date a mention stands for;
//! - `[span](not:KIND)`: the machine's finding of that kind (quote, figure,
//!   source, describes, date) in the span is wrong.
//!
//! They are read from comrak's syntax tree. Syntax that did not become a link
//! (an unclosed span, a nested one, a space in the id) is left as text by the
//! parser, and is found here in the text nodes. Pure.

use crate::config::Stance;
use comrak::nodes::{AstNode, NodeValue};
use regex::Regex;
use std::sync::OnceLock;

pub const SCHEMES: [&str; 8] = ["claim", "note", "quote", "figure", "source", "describes", "date", "not"];

/// The kinds of machine finding an editor can correct or reject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finding {
    Quote,
    Figure,
    Source,
    Describes,
    Date,
}

impl Finding {
    pub const ALL: [Finding; 5] = [Finding::Quote, Finding::Figure, Finding::Source, Finding::Describes, Finding::Date];

    pub fn as_str(self) -> &'static str {
        match self {
            Finding::Quote => "quote",
            Finding::Figure => "figure",
            Finding::Source => "source",
            Finding::Describes => "describes",
            Finding::Date => "date",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Claim {
        id: String,
        stance: Result<Stance, String>,
    },
    Note {
        id: String,
        text: String,
    },
    Quote {
        speaker: String,
    },
    /// `claim` is `None` for `figure:-`; `value` is the title, maybe empty.
    Figure {
        claim: Option<String>,
        value: String,
    },
    /// `cited` is an actor id, `unnamed` or `other`; `name` is the title.
    Source {
        cited: String,
        name: String,
    },
    Describes {
        actor: String,
        text: String,
    },
    Date {
        date: String,
    },
    /// `Err` holds an unknown kind.
    Not {
        kind: Result<Finding, String>,
    },
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
        "quote" => Kind::Quote { speaker: id },
        "figure" => Kind::Figure { claim: (id != "-").then_some(id), value: title.trim().to_owned() },
        "source" => Kind::Source { cited: id, name: title.trim().to_owned() },
        "describes" => Kind::Describes { actor: id, text: title.trim().to_owned() },
        "date" => Kind::Date { date: id },
        _ => Kind::Not { kind: Finding::ALL.into_iter().find(|k| k.as_str() == id).ok_or(id) },
    }))
}

pub fn is_annotation_url(url: &str) -> bool {
    url.split_once(':').is_some_and(|(scheme, _)| SCHEMES.contains(&scheme))
}

fn leftover() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // A space after the colon is prose, "(source: Reuters)", not syntax.
        Regex::new(r"(\]\s*)?\((claim|note|quote|figure|source|describes|date|not):[^\s)]").expect("valid")
    })
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
    if SCHEMES.contains(&scheme)
        || matches!(
            scheme.to_ascii_lowercase().as_str(),
            "http" | "https" | "mailto" | "tel" | "ftp" | "data" | "file" | "news" | "urn" | "sms" | "geo" | "irc"
        )
    {
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
