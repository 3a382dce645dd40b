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
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The cross-source comparison: the briefing's sources, outlets and claims,
/// and each section of the report, in full.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Comparison {
    /// Every source, in slug order: each content page (a `.md` file under
    /// `content/`, `content/_index.md` aside).
    pub sources: Vec<Source>,
    /// The outlets: every outlet `config.toml` lists, whether or not a source
    /// is theirs, and each outlet of the shipped registry that has a source,
    /// in id order; last, the `unknown` outlet when some source's outlet is
    /// not identified.
    pub outlets: Vec<Outlet>,
    /// Every claim `config.toml` defines, in id order, with who carries it.
    pub claims: Vec<Claim>,
    /// Claims carried only by one outlet, only by state-affiliated outlets or
    /// only by outlets of one country, in claim order.
    pub blindspots: Vec<Blindspot>,
    /// Who is quoted: one entry per speaker with their quotes across sources;
    /// identified speakers first, most widely quoted (by number of sources)
    /// first, then by name; quotes with no identified speaker last.
    pub speakers: Vec<Speaker>,
    /// How many sources there are per outlet affiliation (the outlet-mix
    /// chart), one row per affiliation that has sources, in the order
    /// `state`, `public`, `private`, `unknown`.
    pub mix: Vec<MixRow>,
    /// Quotations that several sources carry, word for word, nearly, as a
    /// paraphrase or in translation; carried by the most sources first.
    pub shared_quotes: Vec<findings::SharedQuote>,
    /// The figures the sources give (counts of people, equipment, money…),
    /// grouped by what they count; groups that several sources give first.
    pub figures: Vec<findings::FigureGroup>,
    /// How the sources describe each configured actor ("le président
    /// américain", "the opposition leader"), by actor id.
    pub descriptions: Vec<findings::ActorDescriptions>,
    /// Whom the sources cite ("selon le Wall Street Journal", "according to
    /// a source close to…"): named sources first, most widely cited first,
    /// unnamed sources together.
    pub sourcing: Vec<findings::CitedSource>,
    /// The words each outlet uses distinctively more than the others, one
    /// entry per group of sources, sorted by `group`; empty when
    /// there are fewer than two groups to compare.
    pub vocabulary: Vec<vocabulary::Distinctive>,
    /// The dates the sources' texts mention, each with its mentions, sorted
    /// as text: dates without a year (`--MM-DD`, `--MM`) first, then by
    /// date.
    pub timeline: Vec<findings::TimelineDate>,
    /// The sources in order of publication, and those far from the others.
    pub chronology: Chronology,
    /// Sentences that several sources share (text reuse: a wire dispatch, a
    /// press release), shared by the most sources first.
    pub shared_passages: Vec<reuse::SharedPassage>,
}

/// One source: an article of the briefing, as its content page gives it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Source {
    /// The source's id everywhere in this file: its content page's file name
    /// without `.md`, made safe for an address (lowercase ASCII letters,
    /// digits and hyphens). Its page on the site is `sources/<slug>/`.
    pub slug: String,
    /// The article's title (`title` in the page's front matter).
    pub title: String,
    /// The outlet's id (see `outlets[].id`), or `unknown` when the source's
    /// outlet is not identified.
    pub outlet: String,
    /// The outlet's name from the config or the shipped registry; `Unknown
    /// outlet` for an unidentified one.
    pub outlet_name: String,
    /// The outlet's country as the config or registry writes it ("France");
    /// `unknown` when the outlet is unidentified or gives none.
    pub country: String,
    /// The outlet's affiliation; `unknown` when the outlet is unidentified.
    pub affiliation: Affiliation,
    /// The article's language code (`fr`, `en`): the page's `language`, else
    /// the config's `[site] source_language`, else the site's language.
    pub language: String,
    /// The publication date as the page's front matter gives it: YYYY-MM-DD,
    /// or a date and time (`2019-06-04T08:00:00+02:00`) when the page gives
    /// one; `null` when the source gives no full date.
    pub date: Option<String>,
    /// The date as the source states it ("Dernière mise à jour à 09h07 le
    /// 28/03"), when it gives no full date; otherwise `null`.
    pub date_text: Option<String>,
    /// Where the article was filed from ("Moscou"), when the source says;
    /// otherwise `null`.
    pub dateline: Option<String>,
    /// Days between the publication date and the briefing's median
    /// publication date (`chronology.median`), negative when earlier; `null`
    /// when the source has no date.
    pub days_from_median: Option<i64>,
    /// True when published more than `chronology.far_days` days from the
    /// median date: the source may report an earlier or later episode than
    /// the rest of the briefing. False for an undated source.
    pub far: bool,
    /// The article's address on the web (`url` in the front matter); `null`
    /// when the page gives none.
    pub url: Option<String>,
    /// The source's content page, relative to the briefing's folder, with `/`
    /// separators (`content/sources/<file>.md` for the pages parallax
    /// creates from seeds).
    pub page: String,
    /// How many claim tags the source has (suggested or confirmed; rejected
    /// ones are not counted).
    pub tags: usize,
    /// How many quotations the source has, scare quotes (quotation marks
    /// nobody is said to have spoken) included.
    pub quotes: usize,
    /// How many pieces of site chrome (banners, share buttons, captions…)
    /// were taken out of the article when it was ingested.
    pub removed: usize,
}

/// An outlet's profile, from `config.toml` or the registry shipped with
/// parallax, and its sources.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Outlet {
    /// The outlet's id (`[outlets.<id>]`); `unknown` for the sources whose
    /// outlet is not identified.
    pub id: String,
    /// The outlet's name; `Unknown outlet` for `unknown`.
    pub name: String,
    /// False only for `unknown`, the sources of no identified outlet.
    pub known: bool,
    /// The outlet's country, as the profile writes it ("France"); `unknown`
    /// when the profile gives none.
    pub country: String,
    /// Who owns the outlet, as the profile writes it; `unknown` when it does
    /// not say.
    pub owner: String,
    /// How the outlet is funded, as the profile writes it; `unknown` when it
    /// does not say.
    pub funding: String,
    /// The outlet's relation to the state.
    pub affiliation: Affiliation,
    /// The outlet's website; `null` when the profile gives none.
    pub url: Option<String>,
    /// Notes on the outlet's known biases, each with where it comes from;
    /// empty when there are none.
    pub notes: Vec<OutletNote>,
    /// The slugs of the outlet's sources, in slug order; empty for an outlet
    /// the config lists but no source is from yet.
    pub sources: Vec<String>,
}

/// A claim the briefing tracks (`[claims.<id>]` in `config.toml`) and which
/// sources make it, report it or deny it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Claim {
    /// The claim's id (`[claims.<id>]`); its page is `claims/<id>/`.
    pub id: String,
    /// The claim in a few words, from the config.
    pub label: String,
    /// The config's longer description of the claim; empty when it gives
    /// none.
    pub description: String,
    /// One cell per source with a passage on the claim, whatever its
    /// stance, in source order. Sources without a cell do not mention it.
    pub cells: Vec<Cell>,
    /// How many sources mention the claim at all (the length of `cells`).
    pub mentioned_by: usize,
    /// How many sources carry the claim: assert it, or report someone making
    /// it. A source whose only passages deny it does not carry it.
    pub carried_by: usize,
    /// How many sources have at least one passage asserting the claim. A
    /// source can count under several stances (it reports the claim and
    /// carries a denial), so these three counts can add up to more than
    /// `mentioned_by`.
    pub asserted_by: usize,
    /// How many sources have at least one passage attributing the claim to
    /// someone (see `asserted_by`).
    pub attributed_by: usize,
    /// How many sources have at least one passage denying the claim or
    /// carrying a denial of it (see `asserted_by`).
    pub denied_by: usize,
    /// The same counts per outlet: one entry per outlet that has sources
    /// (mentioning the claim or not), in outlet id order, `unknown` pooling
    /// the unidentified ones.
    pub by_outlet: Vec<OutletCell>,
}

/// Whether a stance carries the claim (asserts or attributes it); a denial
/// never does.
pub fn carries(stance: Stance) -> bool {
    matches!(stance, Stance::Asserts | Stance::Attributes)
}

/// One outlet's sources and a claim.
#[derive(Debug, Serialize, JsonSchema)]
pub struct OutletCell {
    /// The outlet's id (see `outlets[].id`).
    pub outlet: String,
    /// How many of the outlet's sources carry the claim (assert or
    /// attribute it).
    pub carried_by: usize,
    /// How many of the outlet's sources have a passage asserting the claim.
    pub asserted_by: usize,
    /// How many of the outlet's sources have a passage attributing it.
    pub attributed_by: usize,
    /// How many of the outlet's sources have a passage denying it.
    pub denied_by: usize,
    /// How many of the outlet's sources have any passage on the claim.
    pub mentioned_by: usize,
    /// How many sources the outlet has in the briefing.
    pub sources: usize,
    /// Passages (not sources) per stance across the outlet's sources: always
    /// three `[stance, count]` pairs, in the order `asserts`, `attributes`,
    /// `denies`, with a count of 0 where there are none.
    pub stances: Vec<(Stance, usize)>,
}

/// One source's passages on a claim.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Cell {
    /// The source's slug.
    pub source: String,
    /// True when the source carries the claim: one of its passages asserts
    /// or attributes it. False when it only denies it.
    pub carries: bool,
    /// The stances of the source's passages, each once, in the order
    /// `asserts`, `attributes`, `denies`; never empty.
    pub stances: Vec<Stance>,
    /// One entry per stance in `stances`, in the same order: how many
    /// passages, and the first one to link to.
    pub by_stance: Vec<StanceCount>,
    /// Every passage of the source tagged with the claim, in the order of the
    /// text.
    pub passages: Vec<Passage>,
}

/// A source's passages of one stance on a claim.
#[derive(Debug, Serialize, JsonSchema)]
pub struct StanceCount {
    /// The stance.
    pub stance: Stance,
    /// How many of the source's passages on the claim take this stance (at
    /// least 1).
    pub count: usize,
    /// The anchor of the first of them in the source's page (`t` and a
    /// number, such as `t3`).
    pub anchor: String,
    /// `confirmed` when the editor confirmed any of these passages, else
    /// `suggested`.
    pub status: Status,
}

/// A passage of a source tagged with a claim.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Passage {
    /// The source's slug.
    pub source: String,
    /// The claim tag's anchor in the source's page: `t` and a number (`t3`),
    /// the tags numbered in the order of the text.
    pub anchor: String,
    /// The tagged words, as the source's text has them.
    pub text: String,
    /// The part of the sentence (or sentences) the passage lies in before
    /// the tagged words: `before` + `text` + `after` is how the source words
    /// the claim. Empty when the passage starts the sentence.
    pub before: String,
    /// The part of the sentence after the tagged words; empty when the
    /// passage ends the sentence.
    pub after: String,
    /// How the passage treats the claim.
    pub stance: Stance,
    /// Whether the editor confirmed the tag (`confirmed`, also for tags the
    /// editor wrote in the text) or it is the machine's suggestion
    /// (`suggested`). Never `rejected`: rejected tags are left out.
    pub status: Status,
}

/// A claim only one outlet, only state-affiliated outlets or only outlets
/// of one country carry. A claim can have two blindspots (`state-only` and
/// `single-country`).
#[derive(Debug, Serialize, JsonSchema)]
pub struct Blindspot {
    /// The claim's id.
    pub claim: String,
    /// The claim's label.
    pub label: String,
    /// What the claim is confined to.
    pub kind: BlindspotKind,
    /// What it is confined to, for people: for `single-outlet` the outlet's
    /// name (`Unknown outlet` for a single unidentified source), for
    /// `state-only` the words `state-affiliated outlets`, for
    /// `single-country` the country as the outlets' profiles write it.
    pub only: String,
    /// The slugs of the sources that carry the claim (assert or attribute
    /// it), in source order.
    pub sources: Vec<String>,
    /// The slugs of the sources that deny the claim without carrying it:
    /// they do not count as carriers, but the report names them beside the
    /// blindspot.
    pub denied_by: Vec<String>,
}

/// What a blindspot's claim is confined to.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum BlindspotKind {
    /// Every source that carries the claim is from one outlet (each
    /// unidentified source counts as an outlet of its own).
    SingleOutlet,
    /// The claim is carried by several outlets, all state-affiliated.
    StateOnly,
    /// The claim is carried by several outlets, all of one known country.
    SingleCountry,
}

/// Someone the sources quote, and their quotes.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Speaker {
    /// The speaker's actor id: the config's (`[actors.<id>]`), or one made
    /// from the name the articles give ("anna-voss"); `null` for the one
    /// entry that gathers the quotes whose speaker was not found.
    pub actor: Option<String>,
    /// The speaker's name: the config's, else the fullest form an article
    /// gives; `Speaker not identified` when `actor` is `null`.
    pub name: String,
    /// The speaker's role from the config ("Kremlin spokesman"); empty when
    /// the config gives none.
    pub role: String,
    /// The slugs of the sources quoting the speaker, each once, in source
    /// order.
    pub sources: Vec<String>,
    /// Every quote, source by source in source order, then in the order of
    /// the text.
    pub quotes: Vec<QuoteRef>,
}

/// A quotation in a source.
#[derive(Debug, Serialize, JsonSchema)]
pub struct QuoteRef {
    /// The source's slug.
    pub source: String,
    /// The quote's anchor in the source's page: `q` and a number (`q2`), the
    /// quotes numbered in the order of the text.
    pub anchor: String,
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// True for indirect speech ("X said that …"): the words are the
    /// source's, not the speaker's.
    pub reported: bool,
    /// Who found the quote: the machine, or the editor who marked it.
    pub origin: crate::annotate::Origin,
}

/// How many sources have outlets of one affiliation.
#[derive(Debug, Serialize, JsonSchema)]
pub struct MixRow {
    /// The affiliation.
    pub affiliation: Affiliation,
    /// How many sources are from outlets of this affiliation (at least 1).
    pub sources: usize,
}

/// How sources whose outlet is not identified are labelled.
pub const UNKNOWN_OUTLET_NAME: &str = "Unknown outlet";

pub fn compare(pages: &[&Annotated], config: &Config) -> Comparison {
    let mut sources: Vec<Source> = pages.iter().map(|a| source(a, config)).collect();
    let chronology = chronology(&mut sources);
    let outlets = outlets(&sources, config);
    let mut mix: BTreeMap<Affiliation, usize> = BTreeMap::new();
    for s in &sources {
        *mix.entry(s.affiliation).or_default() += 1;
    }
    let mix = mix.into_iter().map(|(affiliation, sources)| MixRow { affiliation, sources }).collect();
    // The analyses are independent of each other: run side by side, each
    // on its own thread when one is free.
    let ((claims, speakers), (vocabulary, shared_quotes)) = rayon::join(
        || rayon::join(|| claims(pages, &sources, config), || speakers(pages, config)),
        || rayon::join(|| vocabulary::distinctive(pages, &sources, config), || findings::shared_quotes(pages, config)),
    );
    let ((figures, descriptions), ((sourcing, timeline), shared_passages)) = rayon::join(
        || rayon::join(|| findings::figures(pages, config), || findings::descriptions(pages, config)),
        || {
            rayon::join(
                || rayon::join(|| findings::sourcing(pages, config), || findings::timeline(pages)),
                || reuse::shared_passages(pages),
            )
        },
    );
    let blindspots = blindspots(&claims, &sources);
    Comparison {
        sources,
        outlets,
        claims,
        blindspots,
        speakers,
        mix,
        shared_quotes,
        figures,
        descriptions,
        sourcing,
        vocabulary,
        timeline,
        chronology,
        shared_passages,
    }
}

/// A source published more than this many days from the briefing's median
/// publication date is marked as far from the others.
pub const FAR_DAYS: i64 = 30;

/// The sources in order of publication, and how far each is from the
/// others in time.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Chronology {
    /// The median publication date of the dated sources, YYYY-MM-DD (the
    /// earlier of the two middle ones for an even count); `null` when no
    /// source has a date.
    #[schemars(pattern(r"^\d{4}-\d{2}-\d{2}$"))]
    pub median: Option<String>,
    /// The threshold for `far`, in days (30).
    pub far_days: i64,
    /// The dated sources by publication date (sources of the same day in
    /// source order).
    pub sources: Vec<DatedSource>,
    /// The slugs of the sources with no publication date (or one that is not
    /// a calendar date), in source order.
    pub undated: Vec<String>,
}

/// A dated source in the chronology.
#[derive(Debug, Serialize, JsonSchema)]
pub struct DatedSource {
    /// The source's slug.
    pub source: String,
    /// The publication date, YYYY-MM-DD (any time of day left out).
    #[schemars(pattern(r"^\d{4}-\d{2}-\d{2}$"))]
    pub date: String,
    /// Days from the median publication date, negative when earlier.
    pub days_from_median: i64,
    /// True when more than `far_days` days from the median.
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
        outlet_name: profile.map_or_else(|| config.site.word(UNKNOWN_OUTLET_NAME), |o| o.name.clone()),
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
            name: config.site.word(UNKNOWN_OUTLET_NAME),
            known: false,
            country: "unknown".into(),
            owner: config.site.word("unknown"),
            funding: config.site.word("unknown"),
            affiliation: Affiliation::Unknown,
            url: None,
            notes: Vec::new(),
            sources: unknown.clone(),
        });
    }
    out
}

fn claims(pages: &[&Annotated], sources: &[Source], config: &Config) -> Vec<Claim> {
    // Each page's sentences, found once for all its passages.
    let sentences: Vec<Vec<std::ops::Range<usize>>> =
        pages.iter().map(|a| if a.tags.is_empty() { Vec::new() } else { crate::text::sentences(&a.plain) }).collect();
    config
        .claims
        .iter()
        .map(|(id, claim)| {
            let cells: Vec<Cell> = pages
                .iter()
                .zip(sources)
                .zip(&sentences)
                .map(|((a, s), sentences)| {
                    let passages: Vec<Passage> = a
                        .tags
                        .iter()
                        .filter(|t| &t.claim == id)
                        .map(|t| {
                            let (before, after) = sentence_around(&a.plain, sentences, t.start, t.end);
                            Passage {
                                source: s.slug.clone(),
                                anchor: t.id.clone(),
                                text: t.exact.clone(),
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
fn sentence_around(plain: &str, sentences: &[std::ops::Range<usize>], start: usize, end: usize) -> (String, String) {
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
