//! The report's long sections: the first items on the report page, and a
//! page per section with every item (`report/<section>/`). The report stays
//! a page one reads, whatever the number of sources; `report.json` and the
//! CSV exports keep everything as data.
//!
//! Builds tera contexts only; rendering and writing are the caller's.

use crate::compare::Comparison;
use crate::diag::Diagnostic;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use tera::Context;

/// How much of each long section the report page shows; the section's own
/// page shows all of it. At a thousand sources these keep the report page
/// near 150 KB (it was 594 KB when every section listed dozens of items).
pub struct Top {
    pub shared_quotes: usize,
    pub carriers: usize,
    pub speakers: usize,
    pub quotes_per_speaker: usize,
    pub figure_groups: usize,
    pub figure_entries: usize,
    pub actors: usize,
    pub descriptions: usize,
    pub sourcing: usize,
    pub citations: usize,
    pub dates: usize,
    pub mentions: usize,
    pub chronology: usize,
    pub undated: usize,
    pub shared_passages: usize,
    pub occurrences: usize,
}

pub const TOP: Top = Top {
    shared_quotes: 10,
    carriers: 5,
    speakers: 10,
    quotes_per_speaker: 5,
    figure_groups: 10,
    figure_entries: 8,
    actors: 10,
    descriptions: 8,
    sourcing: 25,
    citations: 8,
    dates: 25,
    mentions: 4,
    chronology: 30,
    undated: 30,
    shared_passages: 15,
    occurrences: 6,
};

/// Up to this many sources the report's matrix has a column per source;
/// past it, the report groups them by outlet and `report/matrix/` has the
/// column per source (up to `LIST_LIMIT` sources).
pub const MATRIX_COLUMNS: usize = 30;

/// Whether the site may show an occurrence of a shared passage.
pub type Published<'a> = dyn Fn(&crate::compare::reuse::Occurrence) -> bool + Sync + 'a;

/// A report section with a page of its own: its anchor in the report (also
/// its folder under `report/`) and its heading.
pub const SECTIONS: [(&str, &str); 7] = [
    ("shared-quotes", "Quotes carried by several outlets"),
    ("quotes", "Who is quoted"),
    ("figures", "Figures"),
    ("names", "How outlets name the actors"),
    ("sourcing", "Sourcing"),
    ("timeline", "Timeline"),
    ("reuse", "Shared passages"),
];

/// Everything the report's long sections show, each list cut to `top`
/// (`None`: everything, for the section pages). The same shape either way,
/// so one piece of markup serves both.
/// `published` says which occurrences of a shared passage the site may show
/// (all of them unless it publishes excerpts); a passage with none is left
/// out.
pub fn lists(cmp: &Comparison, top: Option<&Top>, published: &Published) -> serde_json::Value {
    let mut all = serde_json::Map::new();
    for key in LIST_KEYS {
        all.insert(key.to_owned(), list(cmp, key, top, published));
    }
    serde_json::Value::Object(all)
}

/// The keys of `lists`.
const LIST_KEYS: [&str; 9] = [
    "shared_quotes",
    "speakers",
    "figures",
    "descriptions",
    "sourcing",
    "timeline",
    "chronology",
    "shared_passages",
    "totals",
];

/// One entry of `lists`: the pages in full make one section's at a time,
/// since all of them at once hold every finding of the briefing as JSON.
pub fn list(cmp: &Comparison, key: &str, top: Option<&Top>, published: &Published) -> serde_json::Value {
    let passages = || -> Vec<(&crate::compare::reuse::SharedPassage, Vec<&crate::compare::reuse::Occurrence>)> {
        cmp.shared_passages
            .iter()
            .map(|p| (p, p.occurrences.iter().filter(|o| published(o)).collect::<Vec<_>>()))
            .filter(|(_, o)| !o.is_empty())
            .collect()
    };
    let cap = |n: usize, pick: fn(&Top) -> usize| top.map_or(n, |t| n.min(pick(t)));
    match key {
        "shared_quotes" => cmp.shared_quotes[..cap(cmp.shared_quotes.len(), |t| t.shared_quotes)]
            .iter()
            .map(|q| {
                serde_json::json!({ "speaker_name": q.speaker_name, "sources": q.sources, "kind": q.kind,
                "similarity": q.similarity, "carriers": &q.carriers[..cap(q.carriers.len(), |t| t.carriers)],
                "more": q.carriers.len() - cap(q.carriers.len(), |t| t.carriers) })
            })
            .collect::<Vec<_>>()
            .into(),
        "speakers" => cmp.speakers[..cap(cmp.speakers.len(), |t| t.speakers)]
            .iter()
            .map(|sp| {
                let shown = cap(sp.quotes.len(), |t| t.quotes_per_speaker);
                serde_json::json!({ "name": sp.name, "role": sp.role, "sources": sp.sources.len(),
                    "quotes": &sp.quotes[..shown], "more": sp.quotes.len() - shown })
            })
            .collect::<Vec<_>>()
            .into(),
        "figures" => cmp.figures[..cap(cmp.figures.len(), |t| t.figure_groups)]
            .iter()
            .map(|g| {
                serde_json::json!({ "label": g.label, "classes": g.classes, "sources": g.sources,
                "disagree": g.disagree, "entries": &g.entries[..cap(g.entries.len(), |t| t.figure_entries)],
                "more": g.entries.len() - cap(g.entries.len(), |t| t.figure_entries) })
            })
            .collect::<Vec<_>>()
            .into(),
        "descriptions" => cmp.descriptions[..cap(cmp.descriptions.len(), |t| t.actors)]
            .iter()
            .map(|a| {
                serde_json::json!({ "name": a.name, "distinct": a.distinct,
                "descriptions": &a.descriptions[..cap(a.descriptions.len(), |t| t.descriptions)],
                "more": a.descriptions.len() - cap(a.descriptions.len(), |t| t.descriptions) })
            })
            .collect::<Vec<_>>()
            .into(),
        "sourcing" => cmp.sourcing[..cap(cmp.sourcing.len(), |t| t.sourcing)]
            .iter()
            .map(|c| {
                serde_json::json!({ "name": c.name, "named": c.named, "sources": c.sources,
                "citations": &c.citations[..cap(c.citations.len(), |t| t.citations)],
                "more": c.citations.len() - cap(c.citations.len(), |t| t.citations) })
            })
            .collect::<Vec<_>>()
            .into(),
        "timeline" => cmp.timeline[..cap(cmp.timeline.len(), |t| t.dates)]
            .iter()
            .map(|d| {
                serde_json::json!({ "date": d.date, "sources": d.sources,
                "mentions": &d.mentions[..cap(d.mentions.len(), |t| t.mentions)],
                "more": d.mentions.len() - cap(d.mentions.len(), |t| t.mentions) })
            })
            .collect::<Vec<_>>()
            .into(),
        "chronology" => serde_json::json!({
            "median": cmp.chronology.median,
            "far_days": cmp.chronology.far_days,
            "sources": &cmp.chronology.sources[..cap(cmp.chronology.sources.len(), |t| t.chronology)],
            "undated": &cmp.chronology.undated[..cap(cmp.chronology.undated.len(), |t| t.undated)],
            "dated_count": cmp.chronology.sources.len(),
            "undated_count": cmp.chronology.undated.len(),
        }),
        "shared_passages" => {
            let passages = passages();
            passages[..cap(passages.len(), |t| t.shared_passages)]
                .iter()
                .map(|(p, occurrences)| {
                    serde_json::json!({ "id": p.id, "sources": p.sources, "verbatim": p.verbatim,
                    "claims": p.claims, "occurrences": &occurrences[..cap(occurrences.len(), |t| t.occurrences)],
                    "more": occurrences.len() - cap(occurrences.len(), |t| t.occurrences) })
                })
                .collect::<Vec<_>>()
                .into()
        }
        // How many items each section has in all, for its "show all" link.
        "totals" => serde_json::json!({
            "shared-quotes": cmp.shared_quotes.len(),
            "quotes": cmp.speakers.iter().map(|s| s.quotes.len()).sum::<usize>(),
            "figures": cmp.figures.iter().map(|g| g.entries.len()).sum::<usize>(),
            "names": cmp.descriptions.iter().map(|a| a.descriptions.len()).sum::<usize>(),
            "sourcing": cmp.sourcing.len(),
            "timeline": cmp.timeline.len() + cmp.chronology.sources.len() + cmp.chronology.undated.len(),
            "reuse": passages().len(),
        }),
        _ => serde_json::Value::Null,
    }
}

#[derive(Serialize)]
pub struct SectionLink {
    id: &'static str,
    heading: &'static str,
}

/// The sections with a page, for the pages' table of contents.
pub fn links() -> [SectionLink; 7] {
    SECTIONS.map(|(id, heading)| SectionLink { id, heading })
}

/// How many items (quotes, figures, citations, occurrences…) a page of a
/// section in full lists; a longer section goes on in pages of its own,
/// files beside the first (`report/<section>/page-2.html`, …): a folder a
/// page would add 4 KB of directory to each.
pub const ITEMS_PER_PAGE: usize = 500;

/// The list each section's page is paged by, and the key of the items in
/// each of its entries.
fn paged_list(id: &str) -> (&'static str, &'static str) {
    match id {
        "shared-quotes" => ("shared_quotes", "carriers"),
        "quotes" => ("speakers", "quotes"),
        "figures" => ("figures", "entries"),
        "names" => ("descriptions", "descriptions"),
        "sourcing" => ("sourcing", "citations"),
        "timeline" => ("timeline", "mentions"),
        _ => ("shared_passages", "occurrences"),
    }
}

/// `groups` (each with its items under `member`) cut into pages of at most
/// `budget` items, in order: a group whose items run over a page goes on at
/// the top of the next one, marked `continued`. A group without items
/// counts as one. The pages together hold every item once.
pub fn page_groups(groups: &[serde_json::Value], member: &str, budget: usize) -> Vec<Vec<serde_json::Value>> {
    let mut pages: Vec<Vec<serde_json::Value>> = vec![Vec::new()];
    let mut used = 0;
    for group in groups {
        let items = group[member].as_array().map_or(&[][..], Vec::as_slice);
        let mut from = 0;
        loop {
            if used >= budget {
                pages.push(Vec::new());
                used = 0;
            }
            let to = items.len().min(from + (budget - used));
            // The group's own fields, and only this page's items: a clone of
            // the whole group a page made the pages quadratic.
            let mut part: serde_json::Map<String, serde_json::Value> = group
                .as_object()
                .map(|m| m.iter().filter(|(k, _)| *k != member).map(|(k, v)| (k.clone(), v.clone())).collect())
                .unwrap_or_default();
            part.insert(member.into(), items[from..to].to_vec().into());
            part.insert("continued".into(), (from > 0).into());
            let part = serde_json::Value::Object(part);
            pages.last_mut().expect("never empty").push(part);
            used += (to - from).max(1);
            from = to;
            if from >= items.len() {
                break;
            }
        }
    }
    pages
}

/// The pages of the sections in full, each handed to `render` with its
/// output path and the context to render `report_section.html` with, over
/// `base` (site, root, kind). A long
/// section is paged (`ITEMS_PER_PAGE`), each page with a `paginator`.
/// Each page gets the sources it names (`source_by_slug`), not all of them:
/// every page holding every source made the pages' contexts gigabytes at
/// ten thousand sources.
pub fn full_pages(
    cmp: &Comparison,
    base: Context,
    sources: &BTreeMap<&str, &crate::compare::Source>,
    published: &Published,
    render: &(dyn Fn(String, Context) -> Result<(), Diagnostic> + Sync),
) -> Vec<Result<(), Diagnostic>> {
    let mut out = Vec::new();
    let chronology = list(cmp, "chronology", None, published);
    for &(id, heading) in &SECTIONS {
        let (key, member) = paged_list(id);
        let pages = {
            let all = list(cmp, key, None, published);
            page_groups(all.as_array().map_or(&[][..], Vec::as_slice), member, ITEMS_PER_PAGE)
        };
        let total = pages.len();
        // Each page's context made and rendered in turn, in parallel, and
        // dropped: all of them at once held every item again.
        out.par_extend(pages.into_par_iter().enumerate().map(|(i, page)| {
            let mut ctx = base.clone();
            let root = "../../";
            let page_url = |n: usize| match n {
                0 => format!("{root}report/{id}/"),
                n => format!("{root}report/{id}/page-{}.html", n + 1),
            };
            ctx.insert("section", id);
            ctx.insert("heading", heading);
            let mut named: BTreeMap<&str, &crate::compare::Source> = BTreeMap::new();
            let mut name = |v: &serde_json::Value| {
                if let Some((slug, s)) = v.as_str().and_then(|slug| sources.get_key_value(slug)) {
                    named.insert(slug, s);
                }
            };
            for group in &page {
                for item in group[member].as_array().into_iter().flatten() {
                    name(&item["source"]);
                }
            }
            if id == "timeline" && i == 0 {
                chronology["sources"].as_array().into_iter().flatten().for_each(|d| name(&d["source"]));
                chronology["undated"].as_array().into_iter().flatten().for_each(&mut name);
            }
            ctx.insert("source_by_slug", &named);
            ctx.insert(key, &page);
            // The chronology (one line a dated source) heads the timeline's
            // first page.
            if id == "timeline" {
                let none = serde_json::json!({ "sources": [], "undated": [] });
                ctx.insert("chronology", if i == 0 { &chronology } else { &none });
            }
            ctx.insert(
                "paginator",
                &super::Paginator {
                    current: i + 1,
                    total,
                    previous: (i > 0).then(|| page_url(i - 1)),
                    next: (i + 1 < total).then(|| page_url(i + 1)),
                },
            );
            ctx.insert("sections", &links());
            let path = match i {
                0 => format!("report/{id}/index.html"),
                n => format!("report/{id}/page-{}.html", n + 1),
            };
            render(path, ctx)
        }));
    }
    out
}

/// The list of sources in each order readers sort by: title (`sources/`),
/// outlet and publication date. Static pages rather than a script, so
/// that they read the same without JavaScript. They are files beside the
/// source folders, so that no source's slug can take their address.
pub fn source_orders(
    sources: &[crate::compare::Source],
) -> [(&'static str, &'static str, Vec<&crate::compare::Source>); 3] {
    let by_title: Vec<_> = sources.iter().collect();
    let mut by_outlet = by_title.clone();
    // Unidentified outlets last, then by outlet name and title.
    by_outlet.sort_by(|a, b| {
        let key = |s: &crate::compare::Source| (s.outlet == crate::config::UNKNOWN_OUTLET, s.outlet_name.clone());
        key(a).cmp(&key(b)).then_with(|| a.title.cmp(&b.title)).then_with(|| a.slug.cmp(&b.slug))
    });
    let mut by_date = by_title.clone();
    // Newest first, undated last.
    by_date.sort_by(|a, b| match (&a.date, &b.date) {
        (Some(x), Some(y)) => y.cmp(x).then_with(|| a.slug.cmp(&b.slug)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.slug.cmp(&b.slug),
    });
    [
        ("title", SOURCES_LIST, by_title),
        ("outlet", "sources/by-outlet.html", by_outlet),
        ("date", "sources/by-date.html", by_date),
    ]
}

/// The list of all sources by title.
pub const SOURCES_LIST: &str = "sources/index.html";

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn long_sections_are_paged_and_the_pages_hold_every_item_once() {
        let groups: Vec<serde_json::Value> = [3, 0, 7, 1, 12]
            .iter()
            .enumerate()
            .map(|(g, &n)| json!({ "name": g, "items": (0..n).map(|i| format!("{g}.{i}")).collect::<Vec<_>>() }))
            .collect();
        let pages = page_groups(&groups, "items", 5);
        // 23 items and one empty group: 24 units, 5 a page.
        assert_eq!(pages.len(), 5);
        let mut items = Vec::new();
        for page in &pages {
            let units: usize = page.iter().map(|g| g["items"].as_array().unwrap().len().max(1)).sum();
            assert!(units <= 5, "{page:?}");
            for g in page {
                items.extend(g["items"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()));
            }
        }
        let all: Vec<String> = groups
            .iter()
            .flat_map(|g| g["items"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()))
            .collect();
        assert_eq!(items, all, "every item once, in order");
        // A group cut by a page goes on, marked, at the top of the next.
        assert_eq!(pages[1][0]["name"], 2);
        assert_eq!(pages[1][0]["continued"], true);
        assert_eq!(pages[0][0]["continued"], false);
        assert_eq!(
            page_groups(&[], "items", 5),
            vec![Vec::<serde_json::Value>::new()],
            "an empty section has its page"
        );
    }
}
