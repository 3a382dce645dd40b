//! The report's long sections: the first items on the report page, and a
//! page per section with every item (`report/<section>/`). The report stays
//! a page one reads, whatever the number of sources; `report.json` and the
//! CSV exports keep everything as data.
//!
//! Builds tera contexts only; rendering and writing are the caller's.

use crate::compare::Comparison;
use serde::Serialize;
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
    let passages: Vec<(&crate::compare::reuse::SharedPassage, Vec<&crate::compare::reuse::Occurrence>)> = cmp
        .shared_passages
        .iter()
        .map(|p| (p, p.occurrences.iter().filter(|o| published(o)).collect::<Vec<_>>()))
        .filter(|(_, o)| !o.is_empty())
        .collect();
    let cap = |n: usize, pick: fn(&Top) -> usize| top.map_or(n, |t| n.min(pick(t)));
    serde_json::json!({
        "shared_quotes": cmp.shared_quotes[..cap(cmp.shared_quotes.len(), |t| t.shared_quotes)]
            .iter()
            .map(|q| serde_json::json!({ "speaker_name": q.speaker_name, "sources": q.sources, "kind": q.kind,
                "similarity": q.similarity, "carriers": &q.carriers[..cap(q.carriers.len(), |t| t.carriers)],
                "more": q.carriers.len() - cap(q.carriers.len(), |t| t.carriers) }))
            .collect::<Vec<_>>(),
        "speakers": cmp.speakers[..cap(cmp.speakers.len(), |t| t.speakers)]
            .iter()
            .map(|sp| {
                let shown = cap(sp.quotes.len(), |t| t.quotes_per_speaker);
                serde_json::json!({ "name": sp.name, "role": sp.role, "sources": sp.sources.len(),
                    "quotes": &sp.quotes[..shown], "more": sp.quotes.len() - shown })
            })
            .collect::<Vec<_>>(),
        "figures": cmp.figures[..cap(cmp.figures.len(), |t| t.figure_groups)]
            .iter()
            .map(|g| serde_json::json!({ "label": g.label, "classes": g.classes, "sources": g.sources,
                "disagree": g.disagree, "entries": &g.entries[..cap(g.entries.len(), |t| t.figure_entries)],
                "more": g.entries.len() - cap(g.entries.len(), |t| t.figure_entries) }))
            .collect::<Vec<_>>(),
        "descriptions": cmp.descriptions[..cap(cmp.descriptions.len(), |t| t.actors)]
            .iter()
            .map(|a| serde_json::json!({ "name": a.name, "distinct": a.distinct,
                "descriptions": &a.descriptions[..cap(a.descriptions.len(), |t| t.descriptions)],
                "more": a.descriptions.len() - cap(a.descriptions.len(), |t| t.descriptions) }))
            .collect::<Vec<_>>(),
        "sourcing": cmp.sourcing[..cap(cmp.sourcing.len(), |t| t.sourcing)]
            .iter()
            .map(|c| serde_json::json!({ "name": c.name, "named": c.named, "sources": c.sources,
                "citations": &c.citations[..cap(c.citations.len(), |t| t.citations)],
                "more": c.citations.len() - cap(c.citations.len(), |t| t.citations) }))
            .collect::<Vec<_>>(),
        "timeline": cmp.timeline[..cap(cmp.timeline.len(), |t| t.dates)]
            .iter()
            .map(|d| serde_json::json!({ "date": d.date, "sources": d.sources,
                "mentions": &d.mentions[..cap(d.mentions.len(), |t| t.mentions)],
                "more": d.mentions.len() - cap(d.mentions.len(), |t| t.mentions) }))
            .collect::<Vec<_>>(),
        "chronology": {
            "median": cmp.chronology.median,
            "far_days": cmp.chronology.far_days,
            "sources": &cmp.chronology.sources[..cap(cmp.chronology.sources.len(), |t| t.chronology)],
            "undated": &cmp.chronology.undated[..cap(cmp.chronology.undated.len(), |t| t.undated)],
            "dated_count": cmp.chronology.sources.len(),
            "undated_count": cmp.chronology.undated.len(),
        },
        "shared_passages": passages[..cap(passages.len(), |t| t.shared_passages)]
            .iter()
            .map(|(p, occurrences)| serde_json::json!({ "id": p.id, "sources": p.sources, "verbatim": p.verbatim,
                "claims": p.claims, "occurrences": &occurrences[..cap(occurrences.len(), |t| t.occurrences)],
                "more": occurrences.len() - cap(occurrences.len(), |t| t.occurrences) }))
            .collect::<Vec<_>>(),
        // How many items each section has in all, for its "show all" link.
        "totals": {
            "shared-quotes": cmp.shared_quotes.len(),
            "quotes": cmp.speakers.iter().map(|s| s.quotes.len()).sum::<usize>(),
            "figures": cmp.figures.iter().map(|g| g.entries.len()).sum::<usize>(),
            "names": cmp.descriptions.iter().map(|a| a.descriptions.len()).sum::<usize>(),
            "sourcing": cmp.sourcing.len(),
            "timeline": cmp.timeline.len() + cmp.chronology.sources.len() + cmp.chronology.undated.len(),
            "reuse": passages.len(),
        },
    })
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

/// The pages of the sections in full: output path and the context to render
/// `report_section.html` with, over `base` (site, root, kind).
pub fn full_pages(cmp: &Comparison, base: Context, published: &Published) -> Vec<(String, Context)> {
    let all = lists(cmp, None, published);
    SECTIONS
        .iter()
        .map(|&(id, heading)| {
            let mut ctx = base.clone();
            ctx.insert("section", id);
            ctx.insert("heading", heading);
            // Only the section's own lists: each page holds one section.
            let keys: &[&str] = match id {
                "shared-quotes" => &["shared_quotes"],
                "quotes" => &["speakers"],
                "names" => &["descriptions"],
                "timeline" => &["timeline", "chronology"],
                "reuse" => &["shared_passages"],
                other => &[other][..],
            };
            for key in keys {
                ctx.insert(*key, &all[*key]);
            }
            ctx.insert("sections", &links());
            (format!("report/{id}/index.html"), ctx)
        })
        .collect()
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
