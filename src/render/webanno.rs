//! `annotations.jsonld`: every tag, note and quote, and every other finding
//! the editor set in a page, as a W3C Web Annotation
//! (https://www.w3.org/TR/annotation-model/), so other annotation tools can
//! read them. Targets use TextQuoteSelectors over the page's plain text.
//! Ids and sources are absolute URLs under the site's `base_url`, or
//! relative to the published site when it has none. `created` is the
//! page's publication date (else the date it was accessed), never the
//! clock, so that the same briefing gives the same file.
//!
//! Serialised from borrowed structs in one pass: at ten thousand sources a
//! `serde_json::Value` tree of the collection took gigabytes.

use crate::annotate::{Annotated, Origin, CONTEXT_CHARS};
use crate::config::Config;
use crate::page::Status;
use crate::text;
use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;
use std::borrow::Cow;

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
    value: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
}

impl<'a> Body<'a> {
    fn text(purpose: Option<&'static str>, value: impl Into<Cow<'a, str>>) -> Self {
        Body { kind: "TextualBody", purpose, value: Some(value.into()), source: None, format: None }
    }

    fn link(purpose: &'static str, source: String) -> Self {
        Body { kind: "SpecificResource", purpose: Some(purpose), value: None, source: Some(source), format: None }
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
    created: Option<&'a str>,
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
    page: &'a PageRefs<'a>,
    quote_labels: &'a [String],
) -> Vec<Annotation<'a>> {
    let plain = &a.plain;
    let (source, base, created) = (page.source.as_str(), page.base, page.created.as_deref());
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
            created,
            generator: Some(&SOFTWARE),
            body: vec![
                Body::link("tagging", format!("{base}claims/{}/", t.claim)),
                Body::text(Some("tagging"), t.claim.as_str()),
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
            created,
            generator: None,
            body: vec![Body { format: Some("text/plain"), ..Body::text(None, n.text.as_str()) }],
            target: match n.span {
                Some((start, end)) => passage(source, plain, start, end),
                None => Target::Page(source),
            },
        });
    }
    for (q, label) in a.quotes.iter().zip(quote_labels) {
        let mut body = vec![Body::text(Some("identifying"), label)];
        if let Some(id) = &q.speaker {
            body.push(Body::text(Some("tagging"), id.as_str()));
        }
        let status = if q.origin == Origin::Editor { Status::Confirmed } else { Status::Suggested };
        out.push(Annotation {
            id: format!("{source}#{}", q.id),
            kind: "Annotation",
            motivation: "identifying",
            creator: creator(q.origin, status),
            created,
            generator: None,
            body,
            target: passage(source, plain, q.start, q.end),
        });
    }
    editor_findings(a, config, page, &mut out);
    out
}

/// What every annotation of one page refers to.
struct PageRefs<'a> {
    /// The source page's URL.
    source: String,
    /// The site's base URL, or "" for URLs relative to it.
    base: &'a str,
    /// The annotations' creation date: the page's own date.
    created: Option<String>,
}

/// The figures, citations, descriptions and dates the editor set in the
/// page. The machine's own are left to report.json: they are recomputed at
/// every build and would multiply the size of this file.
fn editor_findings<'a>(a: &'a Annotated, config: &'a Config, page: &'a PageRefs<'a>, out: &mut Vec<Annotation<'a>>) {
    let plain = &a.plain;
    let (source, base, created) = (page.source.as_str(), page.base, page.created.as_deref());
    let by_editor =
        |id: String, motivation: &'static str, body: Vec<Body<'a>>, (start, end): (usize, usize)| Annotation {
            id: format!("{source}#{id}"),
            kind: "Annotation",
            motivation,
            creator: &EDITOR,
            created,
            generator: None,
            body,
            target: passage(source, plain, start, end),
        };
    let actor_name = |id: &'a str| a.actor_name(id, config).unwrap_or(id);
    for (i, f) in a.figures.iter().enumerate().filter(|(_, f)| f.origin == Origin::Editor) {
        let value = f.value();
        let mut body =
            vec![Body::text(Some("describing"), format!("Figure: {value} {}", f.counts).trim_end().to_owned())];
        if let Some(claim) = &f.claim {
            body.push(Body::link("tagging", format!("{base}claims/{claim}/")));
        }
        out.push(by_editor(format!("f{}", i + 1), "describing", body, (f.start, f.end)));
    }
    let spans = a.citations.iter().filter(|c| c.span.is_some());
    for (i, c) in spans.enumerate().filter(|(_, c)| c.origin == Origin::Editor) {
        let mut body = vec![Body::text(Some("identifying"), format!("Cites: {}", c.cited))];
        if let Some(actor) = &c.actor {
            body.push(Body::text(Some("tagging"), actor.as_str()));
        }
        out.push(by_editor(format!("c{}", i + 1), "identifying", body, c.span.expect("filtered")));
    }
    for (i, d) in a.descriptors.iter().enumerate().filter(|(_, d)| d.origin == Origin::Editor) {
        let body = vec![
            Body::text(Some("describing"), format!("{}: {}", actor_name(&d.actor), d.text)),
            Body::text(Some("tagging"), d.actor.as_str()),
        ];
        out.push(by_editor(format!("d{}", i + 1), "identifying", body, (d.start, d.end)));
    }
    for (i, d) in a.dates.iter().enumerate().filter(|(_, d)| d.origin == Origin::Editor) {
        let Some(date) = &d.date else { continue };
        let body = vec![Body::text(Some("describing"), format!("Date: {date}"))];
        out.push(by_editor(format!("dt{}", i + 1), "describing", body, (d.start, d.end)));
    }
}

/// How many annotations `annotations` gives for a page.
fn count(a: &Annotated) -> usize {
    let editor = |o: Origin| o == Origin::Editor;
    a.tags.len()
        + a.notes.len()
        + a.quotes.len()
        + a.figures.iter().filter(|f| editor(f.origin)).count()
        + a.citations.iter().filter(|c| c.span.is_some() && editor(c.origin)).count()
        + a.descriptors.iter().filter(|d| editor(d.origin)).count()
        + a.dates.iter().filter(|d| editor(d.origin) && d.date.is_some()).count()
}

/// The collection of every annotation in the briefing.
/// `base` is the site's base URL ending in `/`, or "" for relative URLs.
pub fn export(pages: &[&Annotated], config: &Config, base: &str) -> Vec<u8> {
    // Measured first, then written into a buffer of the exact size: growing
    // a buffer of a hundred MB by doubling holds twice that for a moment.
    let mut size = super::ByteCount(0);
    write_export(&mut size, pages, config, base);
    let mut out = Vec::with_capacity(size.0);
    write_export(&mut out, pages, config, base);
    out
}

/// `created` of a page's annotations, as an `xsd:dateTime` (a date alone
/// is read as its midnight, UTC).
fn created(a: &Annotated) -> Option<String> {
    let front = &a.page.front;
    let when = front.date.as_ref().or(front.accessed.as_ref())?;
    let date = when.date?;
    Some(match when.time {
        Some(t) => format!("{date}T{:02}:{:02}:{:02}Z", t.hour, t.minute, t.second.unwrap_or(0)),
        None => format!("{date}T00:00:00Z"),
    })
}

fn write_export<W: std::io::Write>(out: &mut W, pages: &[&Annotated], config: &Config, base: &str) {
    let total: usize = pages.iter().map(|a| count(a)).sum();
    let label = serde_json::to_string(&format!("Annotations of the briefing “{}”", config.site.title)).expect("string");
    let id = serde_json::to_string(&format!("{base}annotations.jsonld")).expect("string");
    let page_id = serde_json::to_string(&format!("{base}annotations.jsonld#page-1")).expect("string");
    let head = format!(
        "{{\"@context\":\"{CONTEXT}\",\"id\":{id},\"type\":\"AnnotationCollection\",\"label\":{label},\"total\":{total},\
         \"first\":{{\"id\":{page_id},\"type\":\"AnnotationPage\",\"startIndex\":0,\"items\":"
    );
    out.write_all(head.as_bytes()).expect("in-memory write");
    let mut ser = serde_json::Serializer::new(&mut *out);
    let mut items = ser.serialize_seq(Some(total)).expect("in-memory write");
    for a in pages {
        let refs = PageRefs { source: format!("{base}sources/{}/", a.page.slug), base, created: created(a) };
        let quote_labels: Vec<String> = a
            .quotes
            .iter()
            .map(|q| match q.speaker.as_deref().and_then(|s| a.actor_name(s, config)) {
                Some(name) => format!("Quotation of {name}"),
                None => "Quotation, speaker not identified".to_owned(),
            })
            .collect();
        for annotation in annotations(a, config, &refs, &quote_labels) {
            items.serialize_element(&annotation).expect("in-memory write");
        }
    }
    items.end().expect("in-memory write");
    out.write_all(b"}}\n").expect("in-memory write");
}
