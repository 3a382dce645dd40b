//! `report.json`'s top level and its JSON Schema, `report.schema.json`,
//! written next to it in every site.
//!
//! The schema is generated from the structs that serialise the report
//! (`schemars` reads their serde attributes and doc comments), so the two
//! cannot disagree: the doc comments of every field reachable from
//! [`Report`] are the data's documentation, written for the analysts who
//! read the file.

use super::SiteContext;
use crate::annotate::Annotated;
use crate::compare::reuse::Occurrence;
use crate::compare::{self, Comparison};
use crate::config::Stance;
use crate::diag::Diagnostic;
use crate::page::Status;
use schemars::generate::SchemaSettings;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// The version of `report.json`'s layout, in its `version` field.
///
/// Any change that removes or renames a field, changes a field's type or
/// changes what a field means bumps it; adding a field does not, so a
/// reader should ignore fields it does not know.
///
/// 2: `claims[].cells[].passages[].sentence` removed (it repeated
/// `before` + `text` + `after`).
///
/// 3: `report.json` is an index; each section is in files of its own under
/// `report/data/` (`sections`), and passages are referred to by their
/// place in the source's plain text: `claims[].cells[].passages[]` lost
/// `text`, `before` and `after` (now `start`, `end`, `sentence_start`,
/// `sentence_end`) and `source` (the cell's),
/// `shared_passages[].occurrences[]` lost `text` (the passage has one
/// `text`); `chronology` became the sections `chronology`
/// and `undated` and the index's `chronology` (median, threshold).
pub const REPORT_VERSION: u32 = 3;

/// The name of the schema file, beside `report.json`, and its `$id`.
pub const SCHEMA_FILE: &str = "report.schema.json";

/// The folder of the section files, relative to the site's root.
pub const DATA_DIR: &str = "report/data";

/// A section file holds whole items up to this many bytes of JSON (an item
/// bigger than this is a file on its own), so that no file grows with the
/// briefing as a whole.
pub const PAGE_BYTES: usize = 1 << 20;

/// The comparison of how outlets cover one event, as data. This file is the
/// index: the briefing's settings, and for each section of the comparison
/// how many items it has and the files that hold them, in order
/// (`report/data/<section>-<n>.json`, paths relative to this file). Each
/// section file is a page of the section (the `…Page` definitions of this
/// schema): the union of a section's pages, in order, is the whole section.
///
/// Every finding names its source (a slug, see the `sources` section's
/// `slug`) and the anchor of its passage in the source's page
/// (`sources/<slug>/#<anchor>` on the site); passages are also located by
/// their place in the source's plain text (`start`, `end`). Lists are in a
/// fixed order; the same briefing always gives the same files.
#[derive(Serialize, JsonSchema)]
pub(super) struct Report<'a> {
    /// The JSON Schema this file follows: always `report.schema.json`, the
    /// file next to `report.json` in the site.
    #[serde(rename = "$schema")]
    #[schemars(extend("const" = SCHEMA_FILE))]
    schema: &'static str,
    /// The version of this file's layout (currently 3). It changes when a
    /// field is removed or renamed, or its type or meaning changes; new
    /// fields can appear without a change of version. The section files
    /// carry the same version.
    #[schemars(extend("const" = REPORT_VERSION))]
    version: u32,
    /// The program that wrote the file: always `parallax`.
    #[schemars(extend("const" = "parallax"))]
    generator: &'static str,
    /// The briefing's own settings, from the `[site]` table of its
    /// `config.toml`.
    site: Site<'a>,
    /// The median publication date and the threshold of the `chronology`
    /// section.
    chronology: ChronologyHead<'a>,
    /// Each section of the comparison: its count and its files.
    sections: Sections,
}

/// The briefing's title, description and interface language.
#[derive(Serialize, JsonSchema)]
struct Site<'a> {
    /// The briefing's title (`[site] title`).
    title: &'a str,
    /// The briefing's description (`[site] description`); empty when the
    /// config gives none.
    description: &'a str,
    /// The language of the site's interface (`[site] language`), a language
    /// code such as `en` or `fr`; `en` unless set.
    language: &'a str,
}

/// What the chronology is measured against.
#[derive(Serialize, JsonSchema)]
struct ChronologyHead<'a> {
    /// The median publication date of the dated sources, YYYY-MM-DD (the
    /// earlier of the two middle ones for an even count); `null` when no
    /// source has a date.
    #[schemars(pattern(r"^\d{4}-\d{2}-\d{2}$"))]
    median: Option<&'a str>,
    /// The threshold for `far` in the `chronology` section, in days (30).
    far_days: i64,
}

/// One section of the comparison.
#[derive(Serialize, JsonSchema)]
pub struct SectionRef {
    /// How many items the section has in all (the sum of its pages'
    /// `items`).
    count: usize,
    /// The section's files, in order, relative to `report.json`
    /// (`report/data/<section>-<n>.json`, n from 1). At least one, even for
    /// an empty section. A file holds whole items, up to 1 MiB of JSON
    /// unless one item is larger.
    pages: Vec<String>,
}

macro_rules! sections {
    ($($(#[doc = $doc:literal])* $name:ident: $item:ty,)*) => {
        /// The sections, each with its item count and files. Each file is an
        /// object of the page definition named after the item's type
        /// (`SourcePage` for `sources`, …).
        #[derive(Serialize, JsonSchema)]
        struct Sections {
            $($(#[doc = $doc])* $name: SectionRef,)*
        }

        /// Each section's name and the name of its page's definition in the
        /// schema's `$defs`.
        pub fn page_definitions() -> Vec<(&'static str, String)> {
            vec![$((stringify!($name), <Page<'static, $item> as JsonSchema>::schema_name().into_owned()),)*]
        }

        fn define_pages(generator: &mut schemars::SchemaGenerator) {
            $(generator.subschema_for::<Page<'static, $item>>();)*
        }
    };
}

sections! {
    /// Every source, in slug order: each content page (a `.md` file under
    /// `content/`, `content/_index.md` aside).
    sources: compare::Source,
    /// The outlets: every outlet `config.toml` lists, whether or not a source
    /// is theirs, and each outlet of the shipped registry that has a source,
    /// in id order; last, the `unknown` outlet when some source's outlet is
    /// not identified.
    outlets: compare::Outlet,
    /// Every claim `config.toml` defines, in id order, with who carries it.
    claims: Claim<'static>,
    /// Claims carried only by one outlet, only by state-affiliated outlets or
    /// only by outlets of one country, in claim order.
    blindspots: compare::Blindspot,
    /// Who is quoted: one entry per speaker with their quotes across sources;
    /// identified speakers first, most widely quoted (by number of sources)
    /// first, then by name; quotes with no identified speaker last.
    speakers: compare::Speaker,
    /// How many sources there are per outlet affiliation (the outlet-mix
    /// chart), one row per affiliation that has sources, in the order
    /// `state`, `public`, `private`, `unknown`.
    mix: compare::MixRow,
    /// Quotations that several sources carry, word for word, nearly, as a
    /// paraphrase or in translation; carried by the most sources first.
    shared_quotes: compare::findings::SharedQuote,
    /// The figures the sources give (counts of people, equipment, money…),
    /// grouped by what they count; groups that several sources give first.
    figures: compare::findings::FigureGroup,
    /// How the sources describe each configured actor ("le président
    /// américain", "the opposition leader"), by actor id.
    descriptions: compare::findings::ActorDescriptions,
    /// Whom the sources cite ("selon le Wall Street Journal", "according to
    /// a source close to…"): named sources first, most widely cited first,
    /// unnamed sources together.
    sourcing: compare::findings::CitedSource,
    /// The words each outlet uses distinctively more than the others, one
    /// entry per group of sources, sorted by `group`; empty when
    /// there are fewer than two groups to compare.
    vocabulary: compare::vocabulary::Distinctive,
    /// The dates the sources' texts mention, each with its mentions, sorted
    /// as text: dates without a year (`--MM-DD`, `--MM`) first, then by
    /// date.
    timeline: compare::findings::TimelineDate,
    /// The dated sources by publication date (sources of the same day in
    /// source order), each with its distance from the median
    /// (`chronology.median` of this file).
    chronology: compare::DatedSource,
    /// The slugs of the sources with no publication date (or one that is not
    /// a calendar date), in source order.
    undated: String,
    /// Sentences that several sources share (text reuse: a wire dispatch, a
    /// press release), shared by the most sources first.
    shared_passages: SharedPassage<'static>,
}

/// One file of a section: a run of the section's items. (Written by
/// `write_section`; the struct gives the schema.)
#[derive(Serialize, JsonSchema)]
#[allow(dead_code)]
#[schemars(rename = "{T}Page")]
pub struct Page<'a, T> {
    /// The version of the layout, as in `report.json`.
    #[schemars(extend("const" = REPORT_VERSION))]
    version: u32,
    /// The section this file belongs to, as named in `report.json`'s
    /// `sections`.
    section: &'a str,
    /// This file's number in the section, from 1.
    page: usize,
    /// How many files the section has.
    pages: usize,
    /// The index in the whole section of this file's first item, from 0.
    start: usize,
    /// How many items the whole section has (`report.json`'s `count`).
    count: usize,
    /// The items of this file, in the section's order.
    items: &'a [T],
}

/// A claim and who carries it.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Claim")]
pub struct Claim<'a> {
    /// The claim's id (the key of `[claims.<id>]` in `config.toml`).
    id: &'a str,
    /// The claim as one sentence (`label`).
    label: &'a str,
    /// What the claim covers (`description`); empty when the config gives
    /// none.
    description: &'a str,
    /// One entry per source with a passage tagged with the claim, in source
    /// order.
    cells: Vec<Cell<'a>>,
    /// How many sources have a passage on the claim, of any stance.
    mentioned_by: usize,
    /// How many sources carry it (assert or attribute it).
    carried_by: usize,
    /// How many sources have a passage asserting it.
    asserted_by: usize,
    /// How many sources have a passage attributing it to someone.
    attributed_by: usize,
    /// How many sources have a passage denying it.
    denied_by: usize,
    /// The same counts per outlet, every outlet with a source, in outlet
    /// order.
    by_outlet: &'a [compare::OutletCell],
}

/// One source's passages on a claim.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Cell")]
pub struct Cell<'a> {
    /// The source's slug.
    source: &'a str,
    /// True when the source carries the claim: one of its passages asserts
    /// or attributes it. False when it only denies it.
    carries: bool,
    /// The stances of the source's passages, each once, in the order
    /// `asserts`, `attributes`, `denies`; never empty.
    stances: &'a [Stance],
    /// One entry per stance in `stances`, in the same order: how many
    /// passages, and the first one to link to.
    by_stance: &'a [compare::StanceCount],
    /// Every passage of the source tagged with the claim, in the order of the
    /// text.
    passages: Vec<Passage<'a>>,
}

/// A passage of the cell's source tagged with a claim, by its place in the
/// source's text; the words are on the source's page
/// (`sources/<slug>/#<anchor>`) and in `annotations.jsonld` (the
/// annotation `sources/<slug>/#<anchor>`).
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Passage")]
pub struct Passage<'a> {
    /// The claim tag's anchor in the source's page: `t` and a number (`t3`),
    /// the tags numbered in the order of the text.
    anchor: &'a str,
    /// Where the tagged words start in the source's plain text, in bytes of
    /// UTF-8 (not characters), counted from 0 (the plain text as in
    /// `shared_passages[].occurrences[].start`).
    start: usize,
    /// Where the tagged words end in the same plain text, in bytes of UTF-8,
    /// exclusive.
    end: usize,
    /// Where the sentence (or sentences) the tagged words lie in starts, in
    /// the same plain text: from here to `sentence_end` is how the source
    /// words the claim. Equal to `start` when the passage starts the
    /// sentence or no sentence holds it.
    sentence_start: usize,
    /// Where that sentence ends, exclusive; equal to `end` when the passage
    /// ends the sentence or no sentence holds it.
    sentence_end: usize,
    /// How the passage treats the claim.
    stance: Stance,
    /// Whether the editor confirmed the tag (`confirmed`, also for tags the
    /// editor wrote in the text) or it is the machine's suggestion
    /// (`suggested`). Never `rejected`: rejected tags are left out.
    status: Status,
}

/// A sentence several sources share, word for word or nearly.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "SharedPassage")]
pub struct SharedPassage<'a> {
    /// The passage's id, `p1`, `p2`… in the order of the list; it can change
    /// from one build to the next when sources change.
    id: &'a str,
    /// How many distinct sources share it (at least 2).
    sources: usize,
    /// True when every occurrence has the same words (case, accents and
    /// punctuation aside).
    verbatim: bool,
    /// The sentence as the first occurrence's source writes it; the others
    /// are in their sources at the places `occurrences` gives.
    text: &'a str,
    /// Each source's sentence, in source order and order of the text. With
    /// `publish = "excerpts"`, only the occurrences inside the published
    /// excerpts are kept, and a passage left with none is left out.
    occurrences: Vec<OccurrenceRef<'a>>,
    /// The ids of the claims tagged on any occurrence, sorted; empty makes
    /// the passage a candidate claim.
    claims: &'a [String],
}

/// One source's sentence in a shared passage, by its place.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Occurrence")]
pub struct OccurrenceRef<'a> {
    /// The source's slug.
    source: &'a str,
    /// Where the sentence starts in the source's plain text, in bytes of
    /// UTF-8 (not characters), counted from 0. The plain text is the body of
    /// the source's content page (`page`, after its front matter) with the
    /// markdown markup taken out (a link keeps its text, annotation links
    /// included): paragraphs, headings and list items separated by a blank
    /// line (`\n\n`), a line break inside a paragraph read as a space, a hard
    /// line break as `\n`.
    start: usize,
    /// Where the sentence ends in the same plain text, in bytes of UTF-8,
    /// exclusive: the byte just after the sentence's last character.
    end: usize,
    /// The anchor of a claim tag overlapping the sentence in the source's
    /// page (`t3`; the first in the order of the text when several do);
    /// `null` when no tag does.
    tag: Option<&'a str>,
}

/// Writes `report.json` and the section files through `write`; returns how
/// many files. `published` says which occurrences of a shared passage the
/// site may show.
pub(super) fn write_report(
    site: &SiteContext,
    cmp: &Comparison,
    pages: &[&Annotated],
    published: &dyn Fn(&Occurrence) -> bool,
    write: &dyn Fn(&str, &[u8]) -> Result<(), Diagnostic>,
) -> Result<usize, Diagnostic> {
    let mut files = 0;
    let mut section = |name: &'static str, items: &dyn ItemList| -> Result<SectionRef, Diagnostic> {
        let (refs, n) = write_section(name, items, PAGE_BYTES, write)?;
        files += n;
        Ok(refs)
    };
    let by_slug: BTreeMap<&str, &Annotated> = pages.iter().map(|a| (a.page.slug.as_str(), *a)).collect();
    let claims: Vec<Claim> = cmp.claims.iter().map(|c| Claim::of(c, &by_slug)).collect();
    let passages: Vec<SharedPassage> = cmp
        .shared_passages
        .iter()
        .filter_map(|p| {
            let occurrences: Vec<&Occurrence> = p.occurrences.iter().filter(|o| published(o)).collect();
            let first = occurrences.first()?;
            Some(SharedPassage {
                id: &p.id,
                sources: p.sources,
                verbatim: p.verbatim,
                text: &first.text,
                occurrences: occurrences
                    .iter()
                    .map(|o| OccurrenceRef { source: &o.source, start: o.start, end: o.end, tag: o.tag.as_deref() })
                    .collect(),
                claims: &p.claims,
            })
        })
        .collect();
    let sections = Sections {
        sources: section("sources", &cmp.sources)?,
        outlets: section("outlets", &cmp.outlets)?,
        claims: section("claims", &claims)?,
        blindspots: section("blindspots", &cmp.blindspots)?,
        speakers: section("speakers", &cmp.speakers)?,
        mix: section("mix", &cmp.mix)?,
        shared_quotes: section("shared_quotes", &cmp.shared_quotes)?,
        figures: section("figures", &cmp.figures)?,
        descriptions: section("descriptions", &cmp.descriptions)?,
        sourcing: section("sourcing", &cmp.sourcing)?,
        vocabulary: section("vocabulary", &cmp.vocabulary)?,
        timeline: section("timeline", &cmp.timeline)?,
        chronology: section("chronology", &cmp.chronology.sources)?,
        undated: section("undated", &cmp.chronology.undated)?,
        shared_passages: section("shared_passages", &passages)?,
    };
    let report = Report {
        schema: SCHEMA_FILE,
        version: REPORT_VERSION,
        generator: "parallax",
        // The report's own copy: what the templates' SiteContext gains
        // stays out of report.json until it is added here, documented.
        site: Site { title: site.title, description: site.description, language: site.language },
        chronology: ChronologyHead { median: cmp.chronology.median.as_deref(), far_days: cmp.chronology.far_days },
        sections,
    };
    let mut json = serde_json::to_vec(&report).expect("the index serialises");
    json.push(b'\n');
    write("report.json", &json)?;
    Ok(files + 1)
}

impl<'a> Claim<'a> {
    fn of(c: &'a compare::Claim, pages: &BTreeMap<&str, &'a Annotated>) -> Self {
        Claim {
            id: &c.id,
            label: &c.label,
            description: &c.description,
            cells: c
                .cells
                .iter()
                .map(|cell| Cell {
                    source: &cell.source,
                    carries: cell.carries,
                    stances: &cell.stances,
                    by_stance: &cell.by_stance,
                    passages: cell.passages.iter().map(|p| Passage::of(p, pages)).collect(),
                })
                .collect(),
            mentioned_by: c.mentioned_by,
            carried_by: c.carried_by,
            asserted_by: c.asserted_by,
            attributed_by: c.attributed_by,
            denied_by: c.denied_by,
            by_outlet: &c.by_outlet,
        }
    }
}

impl<'a> Passage<'a> {
    fn of(p: &'a compare::Passage, pages: &BTreeMap<&str, &'a Annotated>) -> Self {
        let tag = pages.get(p.source.as_str()).and_then(|a| a.tags.iter().find(|t| t.id == p.anchor));
        let (start, end) = tag.map_or((0, 0), |t| (t.start, t.end));
        Passage {
            anchor: &p.anchor,
            start,
            end,
            sentence_start: start - p.before.len().min(start),
            sentence_end: end + p.after.len(),
            stance: p.stance,
            status: p.status,
        }
    }
}

/// A list of items that can be written in pages.
trait ItemList {
    fn len(&self) -> usize;
    /// The JSON of item `i`.
    fn write_item(&self, i: usize, out: &mut dyn std::io::Write);
}

impl<T: Serialize> ItemList for Vec<T> {
    fn len(&self) -> usize {
        self.as_slice().len()
    }
    fn write_item(&self, i: usize, out: &mut dyn std::io::Write) {
        serde_json::to_writer(out, &self[i]).expect("an item serialises");
    }
}

/// Writes `items` as the files of section `name`; returns its entry in the
/// index and how many files.
fn write_section(
    name: &'static str,
    items: &dyn ItemList,
    budget: usize,
    write: &dyn Fn(&str, &[u8]) -> Result<(), Diagnostic>,
) -> Result<(SectionRef, usize), Diagnostic> {
    // The pages' bounds first (each item measured), since every page says
    // how many there are.
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    let (mut first, mut bytes) = (0, 0);
    for i in 0..items.len() {
        let mut size = super::ByteCount(0);
        items.write_item(i, &mut size);
        if i > first && bytes + size.0 + 1 > budget {
            bounds.push((first, i));
            (first, bytes) = (i, 0);
        }
        bytes += size.0 + 1;
    }
    bounds.push((first, items.len()));
    let paths: Vec<String> = (1..=bounds.len()).map(|n| format!("{DATA_DIR}/{name}-{n}.json")).collect();
    for (n, &(from, to)) in bounds.iter().enumerate() {
        let mut out = format!(
            "{{\"version\":{REPORT_VERSION},\"section\":\"{name}\",\"page\":{},\"pages\":{},\"start\":{from},\"count\":{},\"items\":[",
            n + 1,
            bounds.len(),
            items.len()
        )
        .into_bytes();
        for i in from..to {
            if i > from {
                out.push(b',');
            }
            items.write_item(i, &mut out);
        }
        out.extend_from_slice(b"]}\n");
        write(&paths[n], &out)?;
    }
    let count = items.len();
    Ok((SectionRef { count, pages: paths }, bounds.len()))
}

/// `report.schema.json`: the JSON Schema (draft 2020-12) of `report.json`,
/// pretty-printed, every field and value described. The same for every
/// build: it depends on this version of parallax only.
pub fn report_schema() -> Vec<u8> {
    let mut generator = SchemaSettings::draft2020_12().for_serialize().into_generator();
    define_pages(&mut generator);
    let mut schema = serde_json::to_value(generator.into_root_schema_for::<Report>()).expect("a schema is JSON");
    let root = schema.as_object_mut().expect("the root schema is an object");
    root.insert("$id".into(), SCHEMA_FILE.into());
    root.insert("title".into(), format!("parallax report.json, version {REPORT_VERSION}").into());
    unwrap_descriptions(&mut schema);
    let mut out = serde_json::to_vec_pretty(&schema).expect("a schema serialises");
    out.push(b'\n');
    out
}

/// Joins the lines of every description, which come from doc comments
/// wrapped for the source code, keeping paragraph breaks.
fn unwrap_descriptions(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    serde_json::Value::String(text) if key == "description" => *text = unwrap(text),
                    _ => unwrap_descriptions(v),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(unwrap_descriptions),
        _ => {}
    }
}

fn unwrap(text: &str) -> String {
    text.split("\n\n")
        .map(|paragraph| paragraph.lines().map(str::trim).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_is_the_same_every_time_and_says_what_it_is() {
        let schema = report_schema();
        assert_eq!(schema, report_schema());
        let json: serde_json::Value = serde_json::from_slice(&schema).unwrap();
        assert_eq!(json["$id"], SCHEMA_FILE);
        assert_eq!(json["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert!(json["description"].as_str().is_some_and(|d| !d.is_empty()));
        assert_eq!(json["properties"]["version"]["const"], REPORT_VERSION);
    }

    #[test]
    fn a_section_is_paged_in_whole_items_and_its_pages_hold_it_all() {
        let items: Vec<String> = (0..100).map(|i| "x".repeat(i % 7 * 10)).collect();
        let files = std::sync::Mutex::new(Vec::<(String, Vec<u8>)>::new());
        let write = |path: &str, bytes: &[u8]| {
            files.lock().unwrap().push((path.to_owned(), bytes.to_vec()));
            Ok(())
        };
        let (index, n) = write_section("undated", &items, 400, &write).unwrap();
        let files = files.into_inner().unwrap();
        assert!(n > 5 && n == files.len() && index.pages.len() == n, "{n} pages");
        assert_eq!(index.count, 100);
        let mut all = Vec::new();
        for (i, (path, bytes)) in files.iter().enumerate() {
            assert_eq!(path, &index.pages[i]);
            assert_eq!(path, &format!("report/data/undated-{}.json", i + 1));
            let page: serde_json::Value = serde_json::from_slice(bytes).unwrap();
            assert_eq!((page["page"].as_u64(), page["pages"].as_u64()), (Some(i as u64 + 1), Some(n as u64)));
            assert_eq!(page["start"].as_u64(), Some(all.len() as u64));
            assert_eq!(page["count"], 100);
            let got = page["items"].as_array().unwrap();
            // Bounded: the items' JSON stays within the budget.
            assert!(serde_json::to_vec(got).unwrap().len() <= 400, "{path}");
            all.extend(got.iter().map(|v| v.as_str().unwrap().to_owned()));
        }
        assert_eq!(all, items, "the pages in order are the whole section");
        // An empty section still has its one file; an item bigger than the
        // budget is a file of its own.
        let sink = |_: &str, _: &[u8]| Ok(());
        let (empty, n) = write_section("undated", &Vec::<String>::new(), 400, &sink).unwrap();
        assert_eq!((empty.count, n), (0, 1));
        let (big, n) = write_section("undated", &vec!["y".repeat(1000), "z".into()], 400, &sink).unwrap();
        assert_eq!((big.count, n), (2, 2));
    }

    #[test]
    fn wrapped_lines_are_joined_and_paragraphs_kept() {
        assert_eq!(
            unwrap("One line\nwrapped here.\n\nA second\nparagraph."),
            "One line wrapped here.\n\nA second paragraph."
        );
    }
}
