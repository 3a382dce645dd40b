//! `annotations.jsonld`: every tag, note and quote as a W3C Web Annotation
//! (https://www.w3.org/TR/annotation-model/), so other annotation tools can
//! read them. Targets use TextQuoteSelectors over the page's plain text;
//! ids and sources are relative to the published site.
//!
//! Serialised from borrowed structs in one pass: at ten thousand sources a
//! `serde_json::Value` tree of the collection took gigabytes.

use crate::annotate::{Annotated, Origin, CONTEXT_CHARS};
use crate::config::Config;
use crate::page::Status;
use crate::text;
use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

#[derive(Serialize)]
struct Agent {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    nickname: Option<&'static str>,
}

const SOFTWARE: Agent = Agent { kind: "Software", name: Some("parallax"), nickname: None };
const EDITOR: Agent = Agent { kind: "Person", name: None, nickname: Some("editor") };

fn creator(origin: Origin, status: Status) -> &'static Agent {
    match (origin, status) {
        (Origin::Machine, Status::Suggested) => &SOFTWARE,
        _ => &EDITOR,
    }
}

#[derive(Serialize)]
struct Selector<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    exact: &'a str,
    prefix: &'a str,
    suffix: &'a str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Target<'a> {
    Passage { source: &'a str, selector: Selector<'a> },
    Page(&'a str),
}

#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    purpose: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
}

impl<'a> Body<'a> {
    fn text(purpose: Option<&'static str>, value: &'a str) -> Self {
        Body { kind: "TextualBody", purpose, value: Some(value), source: None, format: None }
    }
}

#[derive(Serialize)]
struct Annotation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    creator: &'static Agent,
    #[serde(skip_serializing_if = "Option::is_none")]
    generator: Option<&'static Agent>,
    body: Vec<Body<'a>>,
    target: Target<'a>,
}

fn passage<'a>(source: &'a str, plain: &'a str, start: usize, end: usize) -> Target<'a> {
    Target::Passage {
        source,
        selector: Selector {
            kind: "TextQuoteSelector",
            exact: &plain[start..end],
            prefix: text::before(plain, start, CONTEXT_CHARS),
            suffix: text::after(plain, end, CONTEXT_CHARS),
        },
    }
}

/// Every annotation of one page, in page order: tags, notes, quotes.
fn annotations<'a>(
    a: &'a Annotated,
    config: &'a Config,
    source: &'a str,
    quote_labels: &'a [String],
) -> Vec<Annotation<'a>> {
    let plain = &a.plain;
    let mut out = Vec::new();
    for t in &a.tags {
        let label = config.claims.get(&t.claim).map_or(t.claim.as_str(), |c| c.label.as_str());
        let review = match (t.origin, t.status) {
            (Origin::Editor, _) => "written by the editor",
            (_, Status::Confirmed) => "suggested by parallax, confirmed by the editor",
            _ => "suggested by parallax, not reviewed",
        };
        out.push(Annotation {
            id: format!("{source}#{}", t.id),
            kind: "Annotation",
            motivation: "classifying",
            creator: creator(t.origin, t.status),
            generator: Some(&SOFTWARE),
            body: vec![
                Body {
                    kind: "SpecificResource",
                    purpose: Some("tagging"),
                    value: None,
                    source: Some(format!("claims/{}/", t.claim)),
                    format: None,
                },
                Body::text(Some("tagging"), &t.claim),
                Body::text(Some("describing"), label),
                Body::text(Some("classifying"), t.stance.as_str()),
                Body::text(Some("assessing"), review),
            ],
            target: passage(source, plain, t.start, t.end),
        });
    }
    for n in &a.notes {
        out.push(Annotation {
            id: format!("{source}#note-{}", n.id),
            kind: "Annotation",
            motivation: "commenting",
            creator: &EDITOR,
            generator: None,
            body: vec![Body { format: Some("text/plain"), ..Body::text(None, &n.text) }],
            target: match n.span {
                Some((start, end)) => passage(source, plain, start, end),
                None => Target::Page(source),
            },
        });
    }
    for (q, label) in a.quotes.iter().zip(quote_labels) {
        let mut body = vec![Body::text(Some("identifying"), label)];
        if let Some(id) = &q.speaker {
            body.push(Body::text(Some("tagging"), id));
        }
        let status = if q.origin == Origin::Editor { Status::Confirmed } else { Status::Suggested };
        out.push(Annotation {
            id: format!("{source}#{}", q.id),
            kind: "Annotation",
            motivation: "identifying",
            creator: creator(q.origin, status),
            generator: None,
            body,
            target: passage(source, plain, q.start, q.end),
        });
    }
    out
}

/// The collection of every annotation in the briefing.
pub fn export(pages: &[&Annotated], config: &Config) -> Vec<u8> {
    // Measured first, then written into a buffer of the exact size: growing
    // a buffer of a hundred MB by doubling holds twice that for a moment.
    let mut size = super::ByteCount(0);
    write_export(&mut size, pages, config);
    let mut out = Vec::with_capacity(size.0);
    write_export(&mut out, pages, config);
    out
}

fn write_export<W: std::io::Write>(out: &mut W, pages: &[&Annotated], config: &Config) {
    let total: usize = pages.iter().map(|a| a.tags.len() + a.notes.len() + a.quotes.len()).sum();
    let label = serde_json::to_string(&format!("Annotations of the briefing “{}”", config.site.title)).expect("string");
    let head = format!(
        "{{\"@context\":\"{CONTEXT}\",\"id\":\"annotations.jsonld\",\"type\":\"AnnotationCollection\",\"label\":{label},\"total\":{total},\
         \"first\":{{\"id\":\"annotations.jsonld#page-1\",\"type\":\"AnnotationPage\",\"startIndex\":0,\"items\":"
    );
    out.write_all(head.as_bytes()).expect("in-memory write");
    let mut ser = serde_json::Serializer::new(&mut *out);
    let mut items = ser.serialize_seq(Some(total)).expect("in-memory write");
    for a in pages {
        let source = format!("sources/{}/", a.page.slug);
        let quote_labels: Vec<String> = a
            .quotes
            .iter()
            .map(|q| match q.speaker.as_deref().and_then(|s| config.actors.get(s)) {
                Some(actor) => format!("Quotation of {}", actor.name),
                None => "Quotation, speaker not identified".to_owned(),
            })
            .collect();
        for annotation in annotations(a, config, &source, &quote_labels) {
            items.serialize_element(&annotation).expect("in-memory write");
        }
    }
    items.end().expect("in-memory write");
    out.write_all(b"}}\n").expect("in-memory write");
}
