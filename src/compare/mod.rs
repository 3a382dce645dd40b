//! Annotated pages -> the cross-source comparison. Pure: no IO, no HTML.
//!
//! Everything the report shows is computed here and serialised as-is to
//! `report.json`, so the page and the export never disagree. Every finding
//! keeps the page slug and anchor id of the passage behind it.

mod cluster;
pub mod findings;
pub mod reuse;
pub mod vocabulary;

use crate::annotate::Annotated;
use crate::config::{Affiliation, Config, OutletNote, Stance, UNKNOWN_OUTLET};
use crate::page::Status;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Serialize)]
pub struct Comparison {
    pub sources: Vec<Source>,
    pub outlets: Vec<Outlet>,
    pub claims: Vec<Claim>,
    pub blindspots: Vec<Blindspot>,
    pub speakers: Vec<Speaker>,
    /// Sources per affiliation, for the outlet-mix chart.
    pub mix: Vec<MixRow>,
    pub shared_quotes: Vec<findings::SharedQuote>,
    pub figures: Vec<findings::FigureGroup>,
    pub descriptions: Vec<findings::ActorDescriptions>,
    pub sourcing: Vec<findings::CitedSource>,
    pub vocabulary: Vec<vocabulary::Distinctive>,
    pub timeline: Vec<findings::TimelineDate>,
    /// Sentences several sources share.
    pub shared_passages: Vec<reuse::SharedPassage>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub slug: String,
    pub title: String,
    pub outlet: String,
    pub outlet_name: String,
    pub country: String,
    pub affiliation: Affiliation,
    pub language: String,
    pub date: Option<String>,
    /// The date as the source states it, when it gives no full date.
    pub date_text: Option<String>,
    pub dateline: Option<String>,
    pub url: Option<String>,
    /// The content page, relative to the site root.
    pub page: String,
    pub tags: usize,
    pub quotes: usize,
    pub removed: usize,
}

#[derive(Debug, Serialize)]
pub struct Outlet {
    pub id: String,
    pub name: String,
    pub known: bool,
    pub country: String,
    pub owner: String,
    pub funding: String,
    pub affiliation: Affiliation,
    pub url: Option<String>,
    pub notes: Vec<OutletNote>,
    pub sources: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Claim {
    pub id: String,
    pub label: String,
    pub description: String,
    /// One cell per source that carries the claim, in source order. Sources
    /// without a cell do not carry it.
    pub cells: Vec<Cell>,
    /// How many sources carry the claim.
    pub carried_by: usize,
    /// Per outlet with sources: how many of them carry the claim, and how.
    pub by_outlet: Vec<OutletCell>,
}

#[derive(Debug, Serialize)]
pub struct OutletCell {
    pub outlet: String,
    pub carried_by: usize,
    pub sources: usize,
    /// Passages per stance across the outlet's sources, in `Stance::ALL` order.
    pub stances: Vec<(Stance, usize)>,
}

#[derive(Debug, Serialize)]
pub struct Cell {
    pub source: String,
    /// Distinct stances, in a fixed order; empty means absent.
    pub stances: Vec<Stance>,
    /// One entry per stance: how many passages, and the first to link to.
    pub by_stance: Vec<StanceCount>,
    pub passages: Vec<Passage>,
}

#[derive(Debug, Serialize)]
pub struct StanceCount {
    pub stance: Stance,
    pub count: usize,
    pub anchor: String,
    /// Confirmed when the editor confirmed any of these passages.
    pub status: Status,
}

#[derive(Debug, Clone, Serialize)]
pub struct Passage {
    pub source: String,
    /// Anchor id in the source page.
    pub anchor: String,
    pub text: String,
    pub stance: Stance,
    pub status: Status,
}

#[derive(Debug, Serialize)]
pub struct Blindspot {
    pub claim: String,
    pub label: String,
    pub kind: BlindspotKind,
    /// The outlet, affiliation or country the claim is confined to.
    pub only: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlindspotKind {
    SingleOutlet,
    StateOnly,
    SingleCountry,
}

#[derive(Debug, Serialize)]
pub struct Speaker {
    /// Actor id, or None for quotes whose speaker was not found.
    pub actor: Option<String>,
    pub name: String,
    pub role: String,
    pub sources: Vec<String>,
    pub quotes: Vec<QuoteRef>,
}

#[derive(Debug, Serialize)]
pub struct QuoteRef {
    pub source: String,
    pub anchor: String,
    pub text: String,
    /// Indirect speech: the source's words, not the speaker's.
    pub reported: bool,
    pub origin: crate::annotate::Origin,
}

#[derive(Debug, Serialize)]
pub struct MixRow {
    pub affiliation: Affiliation,
    pub sources: usize,
}

/// How sources whose outlet is not identified are labelled.
pub const UNKNOWN_OUTLET_NAME: &str = "Unknown outlet";

pub fn compare(pages: &[&Annotated], config: &Config) -> Comparison {
    let sources: Vec<Source> = pages.iter().map(|a| source(a, config)).collect();
    let outlets = outlets(&sources, config);
    let claims = claims(pages, &sources, config);
    let blindspots = blindspots(&claims, &sources);
    let speakers = speakers(pages, config);
    let mut mix: BTreeMap<Affiliation, usize> = BTreeMap::new();
    for s in &sources {
        *mix.entry(s.affiliation).or_default() += 1;
    }
    let mix = mix.into_iter().map(|(affiliation, sources)| MixRow { affiliation, sources }).collect();
    let vocabulary = vocabulary::distinctive(pages, &sources);
    Comparison {
        sources,
        outlets,
        claims,
        blindspots,
        speakers,
        mix,
        shared_quotes: findings::shared_quotes(pages, config),
        figures: findings::figures(pages, config),
        descriptions: findings::descriptions(pages, config),
        sourcing: findings::sourcing(pages, config),
        vocabulary,
        timeline: findings::timeline(pages),
        shared_passages: reuse::shared_passages(pages),
    }
}

/// A source's summary, from its page and the config alone.
pub fn source(a: &Annotated, config: &Config) -> Source {
    let front = &a.page.front;
    let outlet_id = front.outlet.get_ref().clone();
    let profile = config.outlets.get(&outlet_id);
    Source {
        slug: a.page.slug.clone(),
        title: front.title.clone(),
        outlet_name: profile.map_or_else(|| UNKNOWN_OUTLET_NAME.to_owned(), |o| o.name.clone()),
        country: profile.map_or_else(|| "unknown".to_owned(), |o| o.country.clone()),
        affiliation: profile.map_or(Affiliation::Unknown, |o| o.affiliation),
        outlet: outlet_id,
        language: front.language.clone().unwrap_or_else(|| config.site.language().to_owned()),
        date: front.date.map(|d| d.to_string()),
        date_text: front.date_text.clone(),
        dateline: front.dateline.clone(),
        url: front.url.clone(),
        page: a.page.path.to_string_lossy().replace('\\', "/"),
        tags: a.tags.len(),
        quotes: a.quotes.len(),
        removed: front.removed.len(),
    }
}

fn outlets(sources: &[Source], config: &Config) -> Vec<Outlet> {
    let mut by_outlet: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for s in sources {
        by_outlet.entry(&s.outlet).or_default().push(s.slug.clone());
    }
    // The registry's outlets appear when a source is theirs; the config's
    // always (an analyst may list outlets still to be collected).
    let mut out: Vec<Outlet> = config
        .outlets
        .iter()
        .filter(|(id, o)| o.in_config || by_outlet.contains_key(id.as_str()))
        .map(|(id, o)| Outlet {
            id: id.clone(),
            name: o.name.clone(),
            known: true,
            country: o.country.clone(),
            owner: o.owner.clone(),
            funding: o.funding.clone(),
            affiliation: o.affiliation,
            url: o.url.clone(),
            notes: o.notes.clone(),
            sources: by_outlet.get(id.as_str()).cloned().unwrap_or_default(),
        })
        .collect();
    if let Some(unknown) = by_outlet.get(UNKNOWN_OUTLET) {
        out.push(Outlet {
            id: UNKNOWN_OUTLET.into(),
            name: UNKNOWN_OUTLET_NAME.into(),
            known: false,
            country: "unknown".into(),
            owner: "unknown".into(),
            funding: "unknown".into(),
            affiliation: Affiliation::Unknown,
            url: None,
            notes: Vec::new(),
            sources: unknown.clone(),
        });
    }
    out
}

fn claims(pages: &[&Annotated], sources: &[Source], config: &Config) -> Vec<Claim> {
    config
        .claims
        .iter()
        .map(|(id, claim)| {
            let cells: Vec<Cell> = pages
                .iter()
                .zip(sources)
                .map(|(a, s)| {
                    let passages: Vec<Passage> = a
                        .tags
                        .iter()
                        .filter(|t| &t.claim == id)
                        .map(|t| Passage {
                            source: s.slug.clone(),
                            anchor: t.id.clone(),
                            text: t.exact.clone(),
                            stance: t.stance,
                            status: t.status,
                        })
                        .collect();
                    let by_stance: Vec<StanceCount> = Stance::ALL
                        .into_iter()
                        .filter_map(|stance| {
                            let of: Vec<&Passage> = passages.iter().filter(|p| p.stance == stance).collect();
                            let first = of.first()?;
                            let confirmed = of.iter().any(|p| p.status == Status::Confirmed);
                            Some(StanceCount {
                                stance,
                                count: of.len(),
                                anchor: first.anchor.clone(),
                                status: if confirmed { Status::Confirmed } else { Status::Suggested },
                            })
                        })
                        .collect();
                    let stances = by_stance.iter().map(|b| b.stance).collect();
                    Cell { source: s.slug.clone(), stances, by_stance, passages }
                })
                .filter(|c| !c.passages.is_empty())
                .collect();
            let carried_by = cells.len();
            let by_outlet = by_outlet(&cells, sources);
            Claim {
                id: id.clone(),
                label: claim.label.clone(),
                description: claim.description.clone(),
                cells,
                carried_by,
                by_outlet,
            }
        })
        .collect()
}

fn by_outlet(cells: &[Cell], sources: &[Source]) -> Vec<OutletCell> {
    let mut out: BTreeMap<&str, OutletCell> = BTreeMap::new();
    for s in sources {
        let entry = out.entry(&s.outlet).or_insert_with(|| OutletCell {
            outlet: s.outlet.clone(),
            carried_by: 0,
            sources: 0,
            stances: Stance::ALL.iter().map(|st| (*st, 0)).collect(),
        });
        entry.sources += 1;
    }
    let outlet_of: BTreeMap<&str, &str> = sources.iter().map(|s| (s.slug.as_str(), s.outlet.as_str())).collect();
    for cell in cells {
        let entry = out.get_mut(outlet_of[cell.source.as_str()]).expect("every source has an outlet");
        entry.carried_by += 1;
        for p in &cell.passages {
            let i = Stance::ALL.iter().position(|st| *st == p.stance).expect("known stance");
            entry.stances[i].1 += 1;
        }
    }
    out.into_values().collect()
}

fn blindspots(claims: &[Claim], sources: &[Source]) -> Vec<Blindspot> {
    let by_slug: BTreeMap<&str, &Source> = sources.iter().map(|s| (s.slug.as_str(), s)).collect();
    let mut out = Vec::new();
    for claim in claims.iter().filter(|c| c.carried_by > 0) {
        let carriers: Vec<&Source> = claim.cells.iter().map(|c| by_slug[c.source.as_str()]).collect();
        let slugs: Vec<String> = carriers.iter().map(|s| s.slug.clone()).collect();
        // Each unattributed source counts as its own outlet: "unknown" is not one outlet.
        let outlets: BTreeSet<String> = carriers
            .iter()
            .map(|s| if s.outlet == UNKNOWN_OUTLET { format!("{UNKNOWN_OUTLET}:{}", s.slug) } else { s.outlet.clone() })
            .collect();
        let mut push = |kind, only: String| {
            out.push(Blindspot {
                claim: claim.id.clone(),
                label: claim.label.clone(),
                kind,
                only,
                sources: slugs.clone(),
            })
        };
        if outlets.len() == 1 {
            push(BlindspotKind::SingleOutlet, carriers[0].outlet_name.clone());
            continue;
        }
        if carriers.iter().all(|s| s.affiliation == Affiliation::State) {
            push(BlindspotKind::StateOnly, "state-affiliated outlets".into());
        }
        let countries: BTreeSet<&str> = carriers.iter().map(|s| s.country.as_str()).collect();
        if countries.len() == 1 && !countries.contains("unknown") {
            push(BlindspotKind::SingleCountry, carriers[0].country.clone());
        }
    }
    out
}

fn speakers(pages: &[&Annotated], config: &Config) -> Vec<Speaker> {
    let mut by_actor: BTreeMap<Option<&str>, Vec<QuoteRef>> = BTreeMap::new();
    let names = findings::speaker_names(pages, config);
    let same = findings::same_person(pages, config);
    for a in pages {
        for q in &a.quotes {
            let speaker = q.speaker.as_deref().map(|id| same.get(id).copied().unwrap_or(id));
            by_actor.entry(speaker).or_default().push(QuoteRef {
                source: a.page.slug.clone(),
                anchor: q.id.clone(),
                text: q.text.clone(),
                reported: q.reported,
                origin: q.origin,
            });
        }
    }
    let mut out: Vec<Speaker> = by_actor
        .into_iter()
        .map(|(actor, quotes)| {
            let profile = actor.and_then(|id| config.actors.get(id));
            let mut sources: Vec<String> = quotes.iter().map(|q| q.source.clone()).collect();
            sources.dedup();
            Speaker {
                actor: actor.map(str::to_owned),
                name: match (profile, actor) {
                    (Some(p), _) => p.name.clone(),
                    (None, Some(id)) => names.get(id).map_or_else(|| id.to_owned(), |n| (*n).to_owned()),
                    (None, None) => "Speaker not identified".to_owned(),
                },
                role: profile.map(|p| p.role.clone()).unwrap_or_default(),
                sources,
                quotes,
            }
        })
        .collect();
    // Identified speakers first, most widely quoted first.
    out.sort_by(|a, b| {
        (a.actor.is_none(), std::cmp::Reverse(a.sources.len()), &a.name).cmp(&(
            b.actor.is_none(),
            std::cmp::Reverse(b.sources.len()),
            &b.name,
        ))
    });
    out
}
