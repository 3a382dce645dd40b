//! Property tests: untrusted input (config, content pages, annotation syntax)
//! never panics the pipeline. Problems come back as diagnostics; every
//! offset the annotator hands out points at a character of the plain text.

use crate::support::{page, render, Site, MINIMAL_CONFIG};
use parallax::annotate::{annotate, dates, figures, Annotated};
use parallax::config::Config;
use parallax::fold::Folded;
use parallax::page::Page;
use proptest::prelude::*;
use proptest::sample::Index;
use std::path::Path;
use std::sync::LazyLock;

/// No `proptest-regressions/` files: the test prints the minimal input.
fn cases(n: u32) -> ProptestConfig {
    ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(n) }
}

static CONFIG: LazyLock<Config> =
    LazyLock::new(|| Config::parse(MINIMAL_CONFIG, Path::new("config.toml")).expect("minimal config parses"));

// ---------------------------------------------------------------------------
// The grammar of tricky page bodies.

const FRAGMENTS: &[&str] = &[
    // Words, French and English, and the config's patterns and actors.
    "The",
    "moon",
    "is",
    "made of cheese",
    "Made Of CHEESE",
    "NASA denied it",
    "NASA denies",
    "Neil Armstrong",
    "Armstrong",
    "the astronaut",
    "The Daily Planet",
    "Daily Planet staff",
    "Le",
    "Kremlin",
    "a démenti",
    "président",
    "Guaidó",
    "according to NASA",
    "selon",
    "citant",
    "cité par",
    "said",
    "a-t-il dit",
    "a affirmé que",
    "said that",
    "le 4 juin",
    "lundi 3 juin",
    "1er mars",
    "en mars",
    "en mars 2019",
    "June 4, 2019",
    "mardi",
    "Tuesday",
    "près de",
    "environ",
    "about",
    "more than",
    "plus de",
    "moins de",
    "fewer than",
    "soldiers",
    "soldats",
    "militaires",
    "tonnes",
    "personnes",
    "d'",
    "d’",
    "de",
    "of",
    // Quotes.
    "«",
    "»",
    "« ",
    " »",
    "“",
    "”",
    "„",
    "\"",
    "'",
    "’",
    "`",
    "«the moon is made of cheese»",
    "“One small step”",
    // Numbers in digits and in words.
    "1,000",
    "1 000",
    "1\u{a0}000",
    "1\u{202f}000",
    "1.000",
    "2,5",
    "12,000,000",
    "100",
    "2019",
    "0",
    "999,999,999,999,999,999,999,999,999,999,999,999,999,999,999,999,999,999,999,999",
    "99999999999999999999999999999999999999",
    "une centaine",
    "des milliers",
    "quelques dizaines",
    "a few dozen",
    "hundreds",
    "deux",
    "three",
    "cent",
    "mille",
    "٣",
    "𝟙𝟚",
    "Ⅻ",
    // Punctuation, brackets, markdown.
    "[",
    "]",
    "(",
    ")",
    "[[",
    "]]",
    "](",
    ")(",
    "[]",
    "()",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "…",
    "—",
    "–",
    "-",
    "*",
    "_",
    "**",
    "~~",
    "`code`",
    "\n```\nfenced\n```\n",
    "\n    indented code\n",
    "\n## ",
    "\n# ",
    "\n- ",
    "\n> ",
    "\n1. ",
    "\n| a | b |\n|---|---|\n| [c](claim:moon-cheese) | d |\n",
    "\\",
    "\\[",
    "<b>",
    "</b>",
    "<div>",
    "&amp;",
    "&#0;",
    "<!--",
    "-->",
    "\n---\n",
    "\n+++\n",
    "\n\n[r]: claim:moon-cheese \"denies\"\n\n",
    "[made of cheese][r]",
    "[r]",
    "![alt](figure:moon-cheese)",
    "<claim:moon-cheese>",
    "https://example.com/a(b)",
    "(source: Reuters)",
    "(claim:moon-cheese)",
    "](claim:moon-cheese)",
    "](note:n1 \"x\")",
    // Whitespace.
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u{a0}",
    "\u{202f}",
    "\u{2009}",
    // Unicode that changes length when folded or lowercased.
    "e\u{301}",
    "e\u{301}\u{301}\u{327}",
    "é",
    "É",
    "œ",
    "Œ",
    "æ",
    "ß",
    "İ",
    "ﬁ",
    "ǅ",
    "Å",
    "ﬀ",
    "😀",
    "👩\u{200d}👩\u{200d}👧",
    "🇫🇷",
    "\u{200b}",
    "\u{feff}",
    "\u{fffd}",
    "\u{10ffff}",
];

const SCHEMES: &[&str] = &[
    "claim",
    "note",
    "quote",
    "figure",
    "source",
    "describes",
    "date",
    "not",
    "clam",
    "Claim",
    "CLAIM",
    "figur",
    "http",
    "mailto",
    "",
];

const IDS: &[&str] = &[
    "moon-cheese",
    "moon-denial",
    "moon-chese",
    "nasa",
    "armstrong",
    "armstorng",
    "-",
    "other",
    "unnamed",
    "quote",
    "figure",
    "figures",
    "source",
    "describes",
    "date",
    "not",
    "2019-06-04",
    "2019-02-30",
    "2020-02-29",
    "2019-06",
    "--06",
    "--06-04",
    "--13-01",
    "2019-6-4",
    "0000-00-00",
    "-001-01-01",
    "99999-01-01",
    "+201-01-01",
    "2019-1é-01",
    "",
    " ",
    "moon cheese",
    "Framing_1",
    "n1",
    "n2",
    "é",
    "😀",
    "<x>",
    "%20",
    "a:b",
    "claim:moon-cheese",
    "x\\)",
];

const TITLES: &[&str] = &[
    "",
    " \"about 100 soldiers\"",
    " \"many\"",
    " \"asserts\"",
    " 'denies'",
    " (attributes)",
    " \"maybe\"",
    " \"The Daily Planet\"",
    " \"\"",
    " \"   \"",
    " \"une centaine de soldats\"",
    " \"2,5 tonnes\"",
    " \"«quoted»\"",
    " \"e\u{301}\"",
    " \"unclosed",
    " \"with \\\" escape\"",
    " \"line\nbreak\"",
    " \"99999999999999999999999999999999999999999 soldiers\"",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(FRAGMENTS).prop_map(str::to_owned),
        1 => "\\PC{0,6}",
        1 => "[0-9 ,.\u{a0}]{1,12}",
    ]
}

/// An annotation link around `span`, well formed or broken in one of the
/// ways an editor breaks them.
fn link(span: String, scheme: &str, id: &str, title: &str, shape: u8) -> String {
    match shape {
        0..=5 => format!("[{span}]({scheme}:{id}{title})"),
        6 => format!("{span}]({scheme}:{id}{title})"),
        7 => format!("[{span}({scheme}:{id}{title})"),
        8 => format!("[{span}]({scheme}:{id}{title}"),
        9 => format!("![{span}]({scheme}:{id}{title})"),
        10 => format!("[{span}] ({scheme}:{id}{title})"),
        11 => format!("[{span}](<{scheme}:{id}>{title})"),
        _ => format!("[{span}]({scheme}:{id}{title}) [{span}]({scheme}:{id}{title})"),
    }
}

/// A body: fragments, with annotation links nested up to three deep.
fn body() -> impl Strategy<Value = String> {
    let leaf = fragment();
    let tree = leaf.prop_recursive(3, 48, 6, |inner| {
        prop_oneof![
            3 => prop::collection::vec(inner.clone(), 0..6).prop_map(|v| v.join(" ")),
            2 => prop::collection::vec(inner.clone(), 0..6).prop_map(|v| v.concat()),
            3 => (
                prop::collection::vec(inner, 0..4),
                prop::sample::select(SCHEMES),
                prop::sample::select(IDS),
                prop::sample::select(TITLES),
                0u8..14,
            )
                .prop_map(|(span, scheme, id, title, shape)| link(span.join(" "), scheme, id, title, shape)),
        ]
    });
    prop::collection::vec(tree, 0..12).prop_map(|v| v.join(" "))
}

/// A TOML string, quoted and escaped (JSON escapes are valid TOML).
fn toml_str(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

const STANCES: &[&str] = &["asserts", "denies", "attributes"];
const STATUSES: &[&str] = &["suggested", "confirmed", "rejected"];
const DATES: &[&str] = &["2019-06-05", "2019-06-05T10:00:00Z", "1979-05-27", "0001-01-01", "9999-12-31", "07:32:00"];
const OUTLETS: &[&str] = &["daily-planet", "unknown"];
const CLAIMS: &[&str] = &["moon-cheese", "moon-denial"];
/// Page file names, some with the same slug.
const FILE_NAMES: &[&str] = &["a", "b", "Été 2019", "a b", "a-b", "--", "😀"];

#[derive(Debug, Clone)]
struct FrontTag {
    claim: &'static str,
    stance: &'static str,
    status: &'static str,
    /// Some: a slice of the body between these char positions; None: `text`.
    slice: Option<(Index, Index)>,
    text: String,
    prefix: String,
    suffix: String,
}

fn front_tag() -> impl Strategy<Value = FrontTag> {
    (
        prop::sample::select(IDS),
        prop::sample::select(STANCES),
        prop::sample::select(STATUSES),
        prop::option::of((any::<Index>(), any::<Index>())),
        fragment(),
        fragment(),
        fragment(),
    )
        .prop_map(|(claim, stance, status, slice, text, prefix, suffix)| FrontTag {
            claim,
            stance,
            status,
            slice,
            text,
            prefix,
            suffix,
        })
}

#[derive(Debug, Clone)]
struct PageSpec {
    outlet: &'static str,
    date: Option<&'static str>,
    crlf: bool,
    tags: Vec<FrontTag>,
    notes: Vec<(&'static str, String)>,
    body: String,
}

fn page_spec(outlets: &'static [&'static str]) -> impl Strategy<Value = PageSpec> {
    (
        prop::sample::select(outlets),
        prop::option::of(prop::sample::select(DATES)),
        prop::bool::weighted(0.2),
        prop::collection::vec(front_tag(), 0..3),
        prop::collection::vec((prop::sample::select(IDS), fragment()), 0..2),
        body(),
    )
        .prop_map(|(outlet, date, crlf, tags, notes, body)| PageSpec { outlet, date, crlf, tags, notes, body })
}

// A grammar of mostly valid pages, so that whole builds get past the
// annotation errors into comparing and rendering.

/// Fragments holding no annotation syntax.
fn clean_fragment() -> impl Strategy<Value = String> {
    let clean: Vec<&'static str> = FRAGMENTS
        .iter()
        .copied()
        .filter(|f| !f.contains("](") && !SCHEMES[..8].iter().any(|s| f.contains(&format!("{s}:"))))
        .collect();
    prop::sample::select(clean).prop_map(str::to_owned)
}

/// Well-formed annotations with known ids: (scheme:id, title).
const VALID_LINKS: &[(&str, &str)] = &[
    ("claim:moon-cheese", ""),
    ("claim:moon-cheese", " \"denies\""),
    ("claim:moon-denial", " \"attributes\""),
    ("claim:moon-denial", " \"asserts\""),
    ("note:n1", " \"A note.\""),
    ("note:n2", " \"Cadrage : «rumeur».\""),
    ("note:n3", " \"e\u{301} 😀\""),
    ("quote:armstrong", ""),
    ("quote:nasa", ""),
    ("figure:moon-cheese", " \"about 100 soldiers\""),
    ("figure:-", " \"une centaine de soldats\""),
    ("figure:moon-denial", " \"2,5 tonnes\""),
    ("figure:-", " \"1,000\""),
    ("source:nasa", ""),
    ("source:armstrong", " \"Neil\""),
    ("source:unnamed", ""),
    ("source:other", " \"The Daily Planet\""),
    ("describes:armstrong", " \"astronaut\""),
    ("describes:nasa", ""),
    ("date:2019-06-04", ""),
    ("date:2019-06", ""),
    ("date:--06-04", ""),
    ("date:--06", ""),
    ("date:2020-02-29", ""),
    ("not:quote", ""),
    ("not:figure", ""),
    ("not:source", ""),
    ("not:describes", ""),
    ("not:date", ""),
];

fn clean_body() -> impl Strategy<Value = String> {
    let link = (prop::collection::vec(clean_fragment(), 0..4), prop::sample::select(VALID_LINKS))
        .prop_map(|(span, (url, title))| format!("[word {}]({url}{title})", span.join(" ")));
    let item = prop_oneof![4 => clean_fragment(), 1 => link];
    prop::collection::vec(item, 0..30).prop_map(|v| v.join(" "))
}

fn clean_front_tag() -> impl Strategy<Value = FrontTag> {
    (front_tag(), prop::sample::select(CLAIMS), any::<(Index, Index)>()).prop_map(|(tag, claim, slice)| FrontTag {
        claim,
        slice: Some(slice),
        ..tag
    })
}

fn clean_page_spec() -> impl Strategy<Value = PageSpec> {
    (
        prop::sample::select(OUTLETS),
        prop::option::of(prop::sample::select(DATES)),
        prop::bool::weighted(0.2),
        prop::collection::vec(clean_front_tag(), 0..3),
        clean_body(),
    )
        .prop_map(|(outlet, date, crlf, tags, body)| PageSpec { outlet, date, crlf, tags, notes: vec![], body })
}

impl PageSpec {
    fn text(&self) -> String {
        let mut front = format!("title = \"A page\"\noutlet = {}\n", toml_str(self.outlet));
        if let Some(date) = self.date {
            front.push_str(&format!("date = {date}\n"));
        }
        let chars: Vec<usize> = self.body.char_indices().map(|(i, _)| i).chain([self.body.len()]).collect();
        for tag in &self.tags {
            let exact = match tag.slice {
                Some((a, b)) => {
                    let (a, b) = (a.index(chars.len()), b.index(chars.len()));
                    &self.body[chars[a.min(b)]..chars[a.max(b)]]
                }
                None => tag.text.as_str(),
            };
            front.push_str(&format!(
                "\n[[tags]]\nclaim = {}\nstance = \"{}\"\nstatus = \"{}\"\nexact = {}\nprefix = {}\nsuffix = {}\n",
                toml_str(tag.claim),
                tag.stance,
                tag.status,
                toml_str(exact),
                toml_str(&tag.prefix),
                toml_str(&tag.suffix)
            ));
        }
        for (id, text) in &self.notes {
            front.push_str(&format!("\n[[notes]]\nid = {}\ntext = {}\n", toml_str(id), toml_str(text)));
        }
        let text = format!("+++\n{front}+++\n\n{}\n", self.body);
        if self.crlf {
            text.replace('\n', "\r\n")
        } else {
            text
        }
    }
}

// ---------------------------------------------------------------------------
// Checks.

fn check_span(plain: &str, start: usize, end: usize, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        start <= end && end <= plain.len(),
        "{what} span {start}..{end} out of bounds (plain is {} bytes): {plain:?}",
        plain.len()
    );
    prop_assert!(
        plain.is_char_boundary(start) && plain.is_char_boundary(end),
        "{what} span {start}..{end} not on char boundaries: {plain:?}"
    );
    Ok(())
}

fn check_annotated(a: &Annotated) -> Result<(), TestCaseError> {
    let plain = &a.plain;
    for t in &a.tags {
        check_span(plain, t.start, t.end, "tag")?;
    }
    for n in &a.notes {
        if let Some((s, e)) = n.span {
            check_span(plain, s, e, "note")?;
        }
    }
    for q in &a.quotes {
        check_span(plain, q.start, q.end, "quote")?;
    }
    for f in &a.figures {
        check_span(plain, f.start, f.end, "figure")?;
    }
    for c in &a.citations {
        if let Some((s, e)) = c.span {
            check_span(plain, s, e, "citation")?;
        }
    }
    for d in &a.descriptors {
        check_span(plain, d.start, d.end, "descriptor")?;
    }
    for d in &a.dates {
        check_span(plain, d.start, d.end, "date")?;
    }
    Ok(())
}

/// Parses and annotates a page; checks the spans and renders every
/// diagnostic.
fn parse_and_annotate(text: String) -> Result<(), TestCaseError> {
    let page = match Page::parse(Path::new("content/sources/case.md"), text) {
        Ok(page) => page,
        Err(d) => {
            let _ = d.to_string();
            return Ok(());
        }
    };
    let (annotated, diags) = annotate(page, &CONFIG);
    for d in &diags {
        let _ = d.to_string();
    }
    check_annotated(&annotated)
}

// ---------------------------------------------------------------------------
// Config mutations.

const CONFIG_CHARS: &[char] = &[
    '"', '\'', '[', ']', '{', '}', '=', '.', ',', '#', '\\', '\n', '\r', '\t', ' ', '-', '_', 'a', 'z', '0', '9', 'é',
    '\u{a0}', '😀', '(', ')', '*', '+', '?', '|', '^', '$',
];

#[derive(Debug, Clone)]
enum Edit {
    Insert(Index, char),
    Delete(Index),
    Replace(Index, char),
}

fn edit<T: Strategy<Value = char> + Clone>(ch: T) -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<Index>(), ch.clone()).prop_map(|(i, c)| Edit::Insert(i, c)),
        any::<Index>().prop_map(Edit::Delete),
        (any::<Index>(), ch).prop_map(|(i, c)| Edit::Replace(i, c)),
    ]
}

fn config_char() -> impl Strategy<Value = char> + Clone {
    prop_oneof![4 => prop::sample::select(CONFIG_CHARS), 1 => any::<char>()]
}

/// Applies the edits at char positions.
fn mutate_chars(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for e in edits {
        match *e {
            Edit::Insert(i, c) => chars.insert(i.index(chars.len() + 1), c),
            Edit::Delete(i) if !chars.is_empty() => {
                chars.remove(i.index(chars.len()));
            }
            Edit::Replace(i, c) if !chars.is_empty() => {
                let at = i.index(chars.len());
                chars[at] = c;
            }
            _ => {}
        }
    }
    chars.into_iter().collect()
}

/// Applies the edits at byte positions (the char's low byte), so the result
/// may not be UTF-8.
fn mutate_bytes(text: &str, edits: &[Edit]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for e in edits {
        match *e {
            Edit::Insert(i, c) => bytes.insert(i.index(bytes.len() + 1), c as u32 as u8),
            Edit::Delete(i) if !bytes.is_empty() => {
                bytes.remove(i.index(bytes.len()));
            }
            Edit::Replace(i, c) if !bytes.is_empty() => {
                let at = i.index(bytes.len());
                bytes[at] = c as u32 as u8;
            }
            _ => {}
        }
    }
    bytes
}

/// A config that parsed is used: annotating a page with its rules.
fn use_config(config: &Config) -> Result<(), TestCaseError> {
    let text = page(
        "daily-planet",
        "The moon is [made of cheese](claim:moon-cheese). «NASA denies it», said Neil Armstrong, \
         according to NASA, about 100 soldiers on Tuesday, le 4 juin.",
    );
    let page = Page::parse(Path::new("content/sources/case.md"), text).expect("fixture page parses");
    let (annotated, diags) = annotate(page, config);
    for d in &diags {
        let _ = d.to_string();
    }
    check_annotated(&annotated)
}

// ---------------------------------------------------------------------------
// The properties.

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn config_parse_arbitrary_text(text in "\\PC{0,300}") {
        match Config::parse(&text, Path::new("config.toml")) {
            Ok(config) => use_config(&config)?,
            Err(diags) => for d in &diags {
                let _ = d.to_string();
            },
        }
    }

    #[test]
    fn config_parse_mutated_minimal(edits in prop::collection::vec(edit(config_char()), 1..8)) {
        let text = mutate_chars(MINIMAL_CONFIG, &edits);
        match Config::parse(&text, Path::new("config.toml")) {
            Ok(config) => use_config(&config)?,
            Err(diags) => for d in &diags {
                let _ = d.to_string();
            },
        }
    }

    #[test]
    fn config_from_mutated_bytes(edits in prop::collection::vec(edit(any::<char>()), 1..8)) {
        let bytes = mutate_bytes(MINIMAL_CONFIG, &edits);
        match Config::from_bytes(bytes, Path::new("config.toml")) {
            Ok(config) => use_config(&config)?,
            Err(diags) => for d in &diags {
                let _ = d.to_string();
            },
        }
    }

    #[test]
    fn page_parse_arbitrary_text(text in "\\PC{0,200}", front in any::<bool>()) {
        let text = if front { format!("+++\n{text}") } else { text };
        parse_and_annotate(text)?;
    }

    #[test]
    fn arbitrary_front_matter(front in "[ -~\n]{0,120}", body in "\\PC{0,80}") {
        parse_and_annotate(format!("+++\n{front}\n+++\n{body}"))?;
    }

    #[test]
    fn tricky_pages_annotate(spec in page_spec(&["daily-planet", "unknown", "daily-plant", ""])) {
        parse_and_annotate(spec.text())?;
    }

    #[test]
    fn is_iso_never_panics(s in "\\PC{0,16}", near in "[-+0-9]{0,12}") {
        dates::is_iso(&s);
        dates::is_iso(&near);
    }

    #[test]
    fn figures_never_panic(s in prop_oneof!["\\PC{0,120}", body()]) {
        for f in figures::find(&s) {
            check_span(&s, f.start, f.end, "figure")?;
        }
        if let Some(f) = figures::read_marked(&s) {
            check_span(&s, f.start, f.end, "marked figure")?;
        }
    }

    #[test]
    fn folded_ranges_stay_on_char_boundaries(s in prop_oneof!["\\PC{0,60}", body()], a in any::<Index>(), b in any::<Index>()) {
        let folded = Folded::new(&s);
        let n = folded.text.len() + 1;
        let (a, b) = (a.index(n), b.index(n));
        let (start, end) = folded.original_range(a.min(b), a.max(b));
        check_span(&s, start, end, "original range")?;
        prop_assert!(folded.folded_offset(start) <= folded.text.len());
    }
}

proptest! {
    #![proptest_config(cases(32))]

    #[test]
    fn whole_builds_never_panic(
        pages in prop::collection::vec(
            (
                prop::sample::select(FILE_NAMES),
                prop_oneof![3 => clean_page_spec(), 1 => page_spec(OUTLETS)],
            ),
            1..4,
        )
    ) {
        let site = Site::new();
        for (name, spec) in &pages {
            site.write(&format!("content/sources/{name}.md"), spec.text());
        }
        let report = site.build();
        let rendered = render(&report);
        if !report.diagnostics.iter().any(|d| d.is_error()) {
            prop_assert!(report.written, "no errors but nothing written:\n{rendered}");
            prop_assert!(site.exists("public/index.html"), "no index.html:\n{rendered}");
            prop_assert!(site.exists("public/report.json"), "no report.json:\n{rendered}");
            let json = site.read("public/report.json");
            let parsed: Result<serde_json::Value, _> = serde_json::from_str(&json);
            prop_assert!(parsed.is_ok(), "report.json is not JSON: {parsed:?}");
        }
    }
}

/// Found by `tricky_pages_annotate` and `whole_builds_never_panic`: a
/// quotation holding only whitespace panicked in `quotes::find_folded`
/// ("begin > end (24 > 21) when slicing …", src/annotate/quotes.rs).
#[test]
fn blank_quotations_do_not_panic() {
    for body in ["\" \"", "« »", "“ ”", "«\u{a0}»", "\"\t\"", "Il a dit « » hier.", "](claim:moon-cheese \"   \")"]
    {
        parse_and_annotate(page("daily-planet", body)).unwrap();
        let site = Site::new();
        site.write("content/sources/a.md", page("daily-planet", body));
        site.build();
    }
}
