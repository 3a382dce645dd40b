//! `annotations.jsonld`: every tag, note and quote, and every other finding
//! the editor set in a page, as a W3C Web Annotation
//! (https://www.w3.org/TR/annotation-model/), so other annotation tools can
//! read them. Targets name the highlight's element in the source page and
//! its place in the page's plain text, never copying the words.
//! Ids and sources are absolute URLs under the site's `base_url`, or
//! relative to the published site when it has none. `created` is the
//! page's publication date (else the date it was accessed), never the
//! clock, so that the same briefing gives the same file.
//!
//! Serialised from borrowed structs in one pass: at ten thousand sources a
//! `serde_json::Value` tree of the collection took gigabytes.

use crate::annotate::{Annotated, Origin};
use crate::config::Config;
use crate::page::Status;
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

/// The passage, described twice as the model allows: by the element that
/// marks it in the published source page (its `id`, a FragmentSelector as
/// the model defines for HTML), and by its place in the page's plain text,
/// in characters (Unicode code points, as the model counts). Neither copies
/// the passage's words: the source page has them once.
#[derive(Serialize)]
#[serde(untagged)]
enum Selector<'a> {
    Fragment {
        #[serde(rename = "type")]
        kind: &'static str,
        #[serde(rename = "conformsTo")]
        conforms_to: &'static str,
        value: Cow<'a, str>,
    },
    Position {
        #[serde(rename = "type")]
        kind: &'static str,
        start: usize,
        end: usize,
    },
}

#[derive(Serialize)]
#[serde(untagged)]
enum Target<'a> {
    Passage { source: &'a str, selector: [Selector<'a>; 2] },
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

fn passage<'a>(
    source: &'a str,
    fragment: impl Into<Cow<'a, str>>,
    plain: &'a str,
    start: usize,
    end: usize,
) -> Target<'a> {
    let first = plain[..start].chars().count();
    Target::Passage {
        source,
        selector: [
            Selector::Fragment { kind: "FragmentSelector", conforms_to: FRAGMENT_SPEC, value: fragment.into() },
            Selector::Position {
                kind: "TextPositionSelector",
                start: first,
                end: first + plain[start..end].chars().count(),
            },
        ],
    }
}

/// What a FragmentSelector's value conforms to for an HTML element's id.
const FRAGMENT_SPEC: &str = "http://tools.ietf.org/rfc/rfc3986";

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
        let creator = creator(t.origin, t.status);
        out.push(Annotation {
            id: format!("{source}#{}", t.id),
            kind: "Annotation",
            motivation: "classifying",
            creator,
            created,
            // The software that made it, when a person is its creator.
            generator: (creator.kind != SOFTWARE.kind).then_some(&SOFTWARE),
            body: vec![
                Body::link("tagging", format!("{base}claims/{}/", t.claim)),
                Body::text(Some("describing"), label),
                Body::text(Some("classifying"), t.stance.as_str()),
                Body::text(Some("assessing"), review),
            ],
            target: passage(source, t.id.as_str(), plain, t.start, t.end),
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
                Some((start, end)) => passage(source, format!("note-{}", n.id), plain, start, end),
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
            target: passage(source, q.id.as_str(), plain, q.start, q.end),
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
            target: passage(source, id, plain, start, end),
            kind: "Annotation",
            motivation,
            creator: &EDITOR,
            created,
            generator: None,
            body,
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

/// Sources a page of the collection holds. A briefing of up to this many
/// sources is one file, the collection with its one page inline; a larger
/// one is the collection (`annotations.jsonld`) and its pages
/// (`annotations/page-N.jsonld`, linked by `first`, `last`, `next`,
/// `prev` and `partOf`, as the Web Annotation Protocol pages a
/// collection), so that no file grows with the briefing.
pub const PAGE_SOURCES: usize = 250;

/// The collection of every annotation in the briefing, each file handed to
/// `write` as soon as it is made; returns how many files. `base` is the
/// site's base URL ending in `/`, or "" for relative URLs.
pub fn export(
    pages: &[&Annotated],
    config: &Config,
    base: &str,
    write: &mut dyn FnMut(&str, &[u8]) -> Result<(), crate::diag::Diagnostic>,
) -> Result<usize, crate::diag::Diagnostic> {
    let chunks: Vec<&[&Annotated]> = pages.chunks(PAGE_SOURCES).collect();
    let totals: Vec<usize> = chunks.iter().map(|c| c.iter().map(|a| count(a)).sum()).collect();
    let total: usize = totals.iter().sum();
    let label = serde_json::to_string(&format!("Annotations of the briefing “{}”", config.site.title)).expect("string");
    let json = |s: String| serde_json::to_string(&s).expect("string");
    let collection = json(format!("{base}annotations.jsonld"));
    if chunks.len() <= 1 {
        let head = format!(
            "{{\"@context\":\"{CONTEXT}\",\"id\":{collection},\"type\":\"AnnotationCollection\",\"label\":{label},\"total\":{total},\
             \"first\":{{\"id\":{},\"type\":\"AnnotationPage\",\"startIndex\":0,\"items\":",
            json(format!("{base}annotations.jsonld#page-1"))
        );
        let body = sized(|out| write_items(out, chunks.first().copied().unwrap_or(&[]), config, base));
        write("annotations.jsonld", &[head.as_bytes(), &body, b"}}\n"].concat())?;
        return Ok(1);
    }
    let page_url = |i: usize| format!("{base}annotations/page-{}.jsonld", i + 1);
    write(
        "annotations.jsonld",
        format!(
            "{{\"@context\":\"{CONTEXT}\",\"id\":{collection},\"type\":\"AnnotationCollection\",\"label\":{label},\"total\":{total},\
             \"first\":{},\"last\":{}}}\n",
            json(page_url(0)),
            json(page_url(chunks.len() - 1))
        )
        .as_bytes(),
    )?;
    // Without a base URL, relative URLs in a page file resolve against its
    // folder, `annotations/`.
    let (inner_base, inner_page, inner_collection) = match base {
        "" => (
            "../",
            (|i: usize| format!("page-{}.jsonld", i + 1)) as fn(usize) -> String,
            json("../annotations.jsonld".into()),
        ),
        _ => (base, (|_: usize| String::new()) as fn(usize) -> String, collection.clone()),
    };
    let in_page = |i: usize| if base.is_empty() { inner_page(i) } else { page_url(i) };
    let mut start = 0;
    for (i, chunk) in chunks.iter().enumerate() {
        let mut head = format!(
            "{{\"@context\":\"{CONTEXT}\",\"id\":{},\"type\":\"AnnotationPage\",\"partOf\":{inner_collection},\"startIndex\":{start}",
            json(in_page(i))
        );
        if i > 0 {
            head.push_str(&format!(",\"prev\":{}", json(in_page(i - 1))));
        }
        if i + 1 < chunks.len() {
            head.push_str(&format!(",\"next\":{}", json(in_page(i + 1))));
        }
        head.push_str(",\"items\":");
        let body = sized(|out| write_items(out, chunk, config, inner_base));
        write(&format!("annotations/page-{}.jsonld", i + 1), &[head.as_bytes(), &body, b"}\n"].concat())?;
        start += totals[i];
    }
    Ok(chunks.len() + 1)
}

/// What `write` writes, measured first and then written into a buffer of
/// the exact size: growing a buffer of many MB by doubling holds twice that
/// for a moment.
fn sized(write: impl Fn(&mut dyn std::io::Write)) -> Vec<u8> {
    let mut size = super::ByteCount(0);
    write(&mut size);
    let mut out = Vec::with_capacity(size.0);
    write(&mut out);
    out
}

/// The annotations of `pages`, as one JSON array.
fn write_items(out: &mut dyn std::io::Write, pages: &[&Annotated], config: &Config, base: &str) {
    let total: usize = pages.iter().map(|a| count(a)).sum();
    let mut ser = serde_json::Serializer::new(out);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passage_is_placed_in_characters_and_named_by_its_element() {
        let plain = format!("{}Élysée a démenti «x». {}", "é".repeat(40), "ü".repeat(40));
        let start = plain.find("a démenti").unwrap();
        let end = start + "a démenti".len();
        let json = serde_json::to_value(passage("s/", "q1", &plain, start, end)).unwrap();
        assert_eq!(json["source"], "s/");
        let fragment = &json["selector"][0];
        assert_eq!((fragment["type"].as_str(), fragment["value"].as_str()), (Some("FragmentSelector"), Some("q1")));
        let position = &json["selector"][1];
        assert_eq!(position["type"], "TextPositionSelector");
        let chars: Vec<char> = plain.chars().collect();
        let (s, e) = (position["start"].as_u64().unwrap() as usize, position["end"].as_u64().unwrap() as usize);
        assert_eq!(chars[s..e].iter().collect::<String>(), "a démenti");
        assert!(!json.to_string().contains("démenti"), "the words are not copied: {json}");
    }
}
