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
    /// The sources in order of publication, and those far from the others.
    pub chronology: Chronology,
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
    /// Days between the publication date and the briefing's median
    /// publication date (negative: earlier); `None` without a date. Set by
    /// the comparison, absent from a source page rendered alone.
    pub days_from_median: Option<i64>,
    /// Published more than `FAR_DAYS` days from the median: the source may
    /// report an earlier or later episode than the rest of the briefing.
    pub far: bool,
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
    /// One cell per source with a passage on the claim, whatever its
    /// stance, in source order. Sources without a cell do not mention it.
    pub cells: Vec<Cell>,
    /// How many sources mention the claim at all (`cells.len()`).
    pub mentioned_by: usize,
    /// How many sources carry the claim: assert it, or report someone making
    /// it. A source whose only passages deny it does not carry it.
    pub carried_by: usize,
    /// Sources with at least one passage of each stance; a source can count
    /// under several (it reports the claim and carries a denial).
    pub asserted_by: usize,
    pub attributed_by: usize,
    pub denied_by: usize,
    /// Per outlet with sources: how many of them carry the claim, and how.
    pub by_outlet: Vec<OutletCell>,
}

/// Whether a stance carries the claim (asserts or attributes it); a denial
/// never does.
pub fn carries(stance: Stance) -> bool {
    matches!(stance, Stance::Asserts | Stance::Attributes)
}

#[derive(Debug, Serialize)]
pub struct OutletCell {
    pub outlet: String,
    /// The outlet's sources that carry the claim (assert or attribute it).
    pub carried_by: usize,
    /// The outlet's sources with a passage of each stance.
    pub asserted_by: usize,
    pub attributed_by: usize,
    pub denied_by: usize,
    /// The outlet's sources with any passage on the claim.
    pub mentioned_by: usize,
    pub sources: usize,
    /// Passages per stance across the outlet's sources, in `Stance::ALL` order.
    pub stances: Vec<(Stance, usize)>,
}

#[derive(Debug, Serialize)]
pub struct Cell {
    pub source: String,
    /// The source asserts or attributes the claim (see [`carries`]).
    pub carries: bool,
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
    /// The whole sentence or sentences the passage lies in: how the source
    /// words the claim, side by side with the others.
    pub sentence: String,
    /// The sentence before and after the passage (`before` + `text` +
    /// `after` is `sentence`).
    pub before: String,
    pub after: String,
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
    /// The sources that carry the claim (assert or attribute it).
    pub sources: Vec<String>,
    /// Sources that deny the claim without carrying it: they do not count
    /// as carriers, but the report names them beside the blindspot.
    pub denied_by: Vec<String>,
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
    let mut sources: Vec<Source> = pages.iter().map(|a| source(a, config)).collect();
    let chronology = chronology(&mut sources);
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
        chronology,
        shared_passages: reuse::shared_passages(pages),
    }
}

/// A source published more than this many days from the briefing's median
/// publication date is marked as far from the others.
pub const FAR_DAYS: i64 = 30;

#[derive(Debug, Serialize)]
pub struct Chronology {
    /// The median publication date of the dated sources (the earlier of the
    /// two middle ones for an even count); `None` when no source has a date.
    pub median: Option<String>,
    /// The threshold for `far`, in days.
    pub far_days: i64,
    /// Dated sources by publication date (then in source order).
    pub sources: Vec<DatedSource>,
    /// Slugs of the sources with no publication date, in source order.
    pub undated: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct DatedSource {
    pub source: String,
    /// YYYY-MM-DD.
    pub date: String,
    pub days_from_median: i64,
    pub far: bool,
}

/// Days since 1970-01-01 of a YYYY-MM-DD date (time of day ignored).
fn day_number(date: &str) -> Option<i64> {
    let day = date.get(..10)?;
    crate::annotate::dates::is_iso(day).then_some(())?;
    let mut parts = day.split('-').map(|x| x.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    Some(crate::annotate::dates::days_from_civil(y, m as u32, d as u32))
}

/// Orders the dated sources, finds the median date and marks each source's
/// distance from it.
fn chronology(sources: &mut [Source]) -> Chronology {
    let days: Vec<Option<i64>> = sources.iter().map(|s| s.date.as_deref().and_then(day_number)).collect();
    let mut known: Vec<i64> = days.iter().flatten().copied().collect();
    known.sort_unstable();
    let median = (!known.is_empty()).then(|| known[(known.len() - 1) / 2]);
    let mut dated = Vec::new();
    let mut undated = Vec::new();
    for (s, day) in sources.iter_mut().zip(&days) {
        match (day, median) {
            (Some(day), Some(median)) => {
                let from = day - median;
                s.days_from_median = Some(from);
                s.far = from.abs() > FAR_DAYS;
                let date = s.date.as_deref().unwrap_or_default().chars().take(10).collect();
                dated.push((*day, DatedSource { source: s.slug.clone(), date, days_from_median: from, far: s.far }));
            }
            _ => undated.push(s.slug.clone()),
        }
    }
    // Stable: sources of one day keep their order.
    dated.sort_by_key(|(day, _)| *day);
    Chronology {
        median: median.map(crate::annotate::dates::iso_from_days),
        far_days: FAR_DAYS,
        sources: dated.into_iter().map(|(_, d)| d).collect(),
        undated,
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
        // The page's own, else the language the config assumes for sources.
        language: front.language.clone().unwrap_or_else(|| config.site.source_language().to_owned()),
        date: front.date.map(|d| d.to_string()),
        date_text: front.date_text.clone(),
        dateline: front.dateline.clone(),
        days_from_median: None,
        far: false,
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
                        .map(|t| {
                            let (before, after) = sentence_around(&a.plain, t.start, t.end);
                            Passage {
                                source: s.slug.clone(),
                                anchor: t.id.clone(),
                                text: t.exact.clone(),
                                sentence: format!("{before}{}{after}", a.plain.get(t.start..t.end).unwrap_or(&t.exact)),
                                before,
                                after,
                                stance: t.stance,
                                status: t.status,
                            }
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
                    let stances: Vec<Stance> = by_stance.iter().map(|b| b.stance).collect();
                    let carries = stances.iter().any(|st| carries(*st));
                    Cell { source: s.slug.clone(), carries, stances, by_stance, passages }
                })
                .filter(|c| !c.passages.is_empty())
                .collect();
            let with = |stance: Stance| cells.iter().filter(|c| c.stances.contains(&stance)).count();
            let by_outlet = by_outlet(&cells, sources);
            Claim {
                id: id.clone(),
                label: claim.label.clone(),
                description: claim.description.clone(),
                mentioned_by: cells.len(),
                carried_by: cells.iter().filter(|c| c.carries).count(),
                asserted_by: with(Stance::Asserts),
                attributed_by: with(Stance::Attributes),
                denied_by: with(Stance::Denies),
                cells,
                by_outlet,
            }
        })
        .collect()
}

/// The rest of the sentences of `plain` that `start..end` lies in: the
/// text before the span and after it, empty when no sentence holds it.
fn sentence_around(plain: &str, start: usize, end: usize) -> (String, String) {
    let sentences = crate::text::sentences(plain);
    let touched: Vec<&std::ops::Range<usize>> =
        sentences.iter().filter(|r| r.start < end.max(start + 1) && start < r.end).collect();
    match (touched.first(), touched.last()) {
        (Some(first), Some(last)) if first.start <= start && end <= last.end => {
            (plain[first.start..start].to_owned(), plain[end..last.end].to_owned())
        }
        _ => (String::new(), String::new()),
    }
}

fn by_outlet(cells: &[Cell], sources: &[Source]) -> Vec<OutletCell> {
    let mut out: BTreeMap<&str, OutletCell> = BTreeMap::new();
    for s in sources {
        let entry = out.entry(&s.outlet).or_insert_with(|| OutletCell {
            outlet: s.outlet.clone(),
            carried_by: 0,
            asserted_by: 0,
            attributed_by: 0,
            denied_by: 0,
            mentioned_by: 0,
            sources: 0,
            stances: Stance::ALL.iter().map(|st| (*st, 0)).collect(),
        });
        entry.sources += 1;
    }
    let outlet_of: BTreeMap<&str, &str> = sources.iter().map(|s| (s.slug.as_str(), s.outlet.as_str())).collect();
    for cell in cells {
        let entry = out.get_mut(outlet_of[cell.source.as_str()]).expect("every source has an outlet");
        entry.mentioned_by += 1;
        entry.carried_by += usize::from(cell.carries);
        entry.asserted_by += usize::from(cell.stances.contains(&Stance::Asserts));
        entry.attributed_by += usize::from(cell.stances.contains(&Stance::Attributes));
        entry.denied_by += usize::from(cell.stances.contains(&Stance::Denies));
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
    // Only carriers count: a claim two outlets deny and one asserts is still
    // one outlet's claim.
    for claim in claims.iter().filter(|c| c.carried_by > 0) {
        let carriers: Vec<&Source> =
            claim.cells.iter().filter(|c| c.carries).map(|c| by_slug[c.source.as_str()]).collect();
        let slugs: Vec<String> = carriers.iter().map(|s| s.slug.clone()).collect();
        let deniers: Vec<String> = claim.cells.iter().filter(|c| !c.carries).map(|c| c.source.clone()).collect();
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
                denied_by: deniers.clone(),
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
                    (None, Some(id)) => names.get(id).map_or_else(|| id.to_owned(), Clone::clone),
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
