//! `annotations.jsonld`: every tag, note and quote as a W3C Web Annotation
//! (https://www.w3.org/TR/annotation-model/), so other annotation tools can
//! read them. Targets use TextQuoteSelectors over the page's plain text;
//! ids and sources are relative to the published site.

use crate::annotate::{Annotated, Origin, CONTEXT_CHARS};
use crate::config::Config;
use crate::page::Status;
use crate::text;
use serde_json::{json, Value};

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

fn selector(plain: &str, start: usize, end: usize) -> Value {
    json!({
        "type": "TextQuoteSelector",
        "exact": &plain[start..end],
        "prefix": text::before(plain, start, CONTEXT_CHARS),
        "suffix": text::after(plain, end, CONTEXT_CHARS),
    })
}

fn creator(origin: Origin, status: Status) -> Value {
    match (origin, status) {
        (Origin::Machine, Status::Suggested) => json!({ "type": "Software", "name": "parallax" }),
        _ => json!({ "type": "Person", "nickname": "editor" }),
    }
}

/// The collection of every annotation in the briefing.
pub fn export(pages: &[Annotated], config: &Config) -> Vec<u8> {
    let mut items = Vec::new();
    for a in pages {
        let source = format!("sources/{}/", a.page.slug);
        let plain = &a.plain;
        for t in &a.tags {
            let label = config.claims.get(&t.claim).map_or(t.claim.as_str(), |c| c.label.as_str());
            let review = match (t.origin, t.status) {
                (Origin::Editor, _) => "written by the editor",
                (_, Status::Confirmed) => "suggested by parallax, confirmed by the editor",
                _ => "suggested by parallax, not reviewed",
            };
            items.push(json!({
                "id": format!("{source}#{}", t.id),
                "type": "Annotation",
                "motivation": "classifying",
                "creator": creator(t.origin, t.status),
                "generator": { "type": "Software", "name": "parallax" },
                "body": [
                    { "type": "SpecificResource", "purpose": "tagging", "source": format!("claims/{}/", t.claim) },
                    { "type": "TextualBody", "purpose": "tagging", "value": t.claim },
                    { "type": "TextualBody", "purpose": "describing", "value": label },
                    { "type": "TextualBody", "purpose": "classifying", "value": t.stance.as_str() },
                    { "type": "TextualBody", "purpose": "assessing", "value": review },
                ],
                "target": { "source": source, "selector": selector(plain, t.start, t.end) },
            }));
        }
        for n in &a.notes {
            let target = match n.span {
                Some((start, end)) => json!({ "source": source, "selector": selector(plain, start, end) }),
                None => json!(source),
            };
            items.push(json!({
                "id": format!("{source}#note-{}", n.id),
                "type": "Annotation",
                "motivation": "commenting",
                "creator": creator(Origin::Editor, Status::Confirmed),
                "body": { "type": "TextualBody", "value": n.text, "format": "text/plain" },
                "target": target,
            }));
        }
        for q in &a.quotes {
            let speaker = q.speaker.as_deref().and_then(|s| config.actors.get(s)).map(|s| s.name.as_str());
            let mut body = vec![json!({
                "type": "TextualBody",
                "purpose": "identifying",
                "value": match speaker { Some(name) => format!("Quotation of {name}"), None => "Quotation, speaker not identified".into() },
            })];
            if let Some(id) = &q.speaker {
                body.push(json!({ "type": "TextualBody", "purpose": "tagging", "value": id }));
            }
            let status = if q.origin == Origin::Editor { Status::Confirmed } else { Status::Suggested };
            items.push(json!({
                "id": format!("{source}#{}", q.id),
                "type": "Annotation",
                "motivation": "identifying",
                "creator": creator(q.origin, status),
                "body": body,
                "target": { "source": source, "selector": selector(plain, q.start, q.end) },
            }));
        }
    }
    let collection = json!({
        "@context": CONTEXT,
        "id": "annotations.jsonld",
        "type": "AnnotationCollection",
        "label": format!("Annotations of the briefing “{}”", config.site.title),
        "total": items.len(),
        "first": {
            "id": "annotations.jsonld#page-1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    });
    let mut bytes = serde_json::to_vec(&collection).expect("annotations serialise");
    bytes.push(b'\n');
    bytes
}
