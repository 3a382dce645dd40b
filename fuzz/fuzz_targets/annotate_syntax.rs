//! The annotation syntax, built from structured input so that most inputs
//! are near-valid pages: words the shipped config's patterns and actors
//! know, annotation links of every scheme with known and unknown ids and
//! titles, block markers, and front matter tags and notes.

#![no_main]

#[path = "../common.rs"]
mod common;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use parallax::annotate::annotate;
use parallax::page::Page;
use std::fmt::Write;
use std::path::Path;

const WORDS: &[&str] = &[
    "Le",
    "Kremlin a démenti",
    "aucun message officiel",
    "Peskov",
    "Dmitri Peskov",
    "porte-parole du Kremlin",
    "Trump",
    "Maduro",
    "Guaidó",
    "Rostec",
    "WSJ",
    "Wall Street Journal",
    "selon",
    "citant",
    "cité par",
    "a affirmé que",
    "said that",
    "a-t-il dit",
    "«",
    "»",
    "“",
    "”",
    "\"",
    "'",
    "environ 100 militaires",
    "près de 100 soldats",
    "une centaine de militaires",
    "35 tonnes",
    "about 100 soldiers",
    "un millier",
    "quelques dizaines",
    "1 000",
    "1.5",
    "10 %",
    "le 4 juin",
    "lundi 3 juin",
    "en mars 2019",
    "June 4, 2019",
    "mardi",
    "2019-06-04",
    "retiré la plupart de son personnel",
    "withdrew most",
    "coup d'État soutenu par Washington",
    "président par intérim",
    "the",
    "de",
    "la",
    ".",
    ",",
    ":",
    "!",
    "?",
    " ",
    "é",
    "e\u{301}",
    "\u{5d0}\u{5d1}",
    "\u{202e}",
    "\u{200d}",
    "\u{feff}",
    "*",
    "_",
    "`",
    "**",
    "<b>",
    "&amp;",
    "\\",
    "[",
    "]",
    "(",
    ")",
    "(claim:",
    "](quote:peskov)",
    "99999999999999999999999",
    "1e308",
];
const SCHEMES: &[&str] =
    &["claim", "note", "quote", "figure", "source", "describes", "date", "not", "clam", "https", "qoute"];
const IDS: &[&str] = &[
    "kremlin-denial",
    "withdrawal-reported",
    "march-deployment",
    "peskov",
    "trump",
    "rostec",
    "wsj",
    "unnamed",
    "other",
    "-",
    "quote",
    "figure",
    "source",
    "describes",
    "date",
    "2019-06-04",
    "2019-13-45",
    "--06-04",
    "framing",
    "Framing",
    "a b",
    "",
    "x:y",
];
const TITLES: &[&str] = &[
    "asserts",
    "attributes",
    "denies",
    "deny",
    "about 100",
    "about 100 soldiers",
    "environ 100 militaires",
    "la moitié",
    "1e400",
    "Cadrage : «rumeur».",
    "The New York Times",
    "le porte-parole",
    "",
];
const BREAKS: &[&str] =
    &["\n", "\n\n", "  \n", "\r\n", "\n> ", "\n- ", "\n1. ", "\n# ", "\n```\n", "\n| a | b |\n|---|---|\n| "];

#[derive(Arbitrary, Debug)]
enum Piece {
    Word(u8),
    Raw(String),
    Break(u8),
    Link { text: Vec<u8>, scheme: u8, id: u8, custom_id: Option<String>, title: Option<u8> },
}

#[derive(Arbitrary, Debug)]
struct FrontTag {
    claim: u8,
    stance: u8,
    status: u8,
    exact: Vec<u8>,
    prefix: Option<u8>,
    suffix: Option<u8>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    crlf: bool,
    bom: bool,
    tags: Vec<FrontTag>,
    notes: Vec<(u8, u8)>,
    date: Option<u8>,
    body: Vec<Piece>,
}

fn pick<'a>(list: &[&'a str], i: u8) -> &'a str {
    list[i as usize % list.len()]
}

fn quote(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

fn words(idx: &[u8]) -> String {
    idx.iter().map(|&i| pick(WORDS, i)).collect::<Vec<_>>().join(" ")
}

fuzz_target!(|input: Input| {
    let mut front = String::from("title = \"Fuzz\"\noutlet = \"unknown\"\n");
    if let Some(d) = input.date {
        let _ = writeln!(front, "date = {}", ["2019-06-04", "2019-06-04T10:00:00Z", "1979-05-27"][d as usize % 3]);
    }
    for t in &input.tags {
        front.push_str("\n[[tags]]\n");
        let _ = writeln!(front, "claim = {}", quote(pick(IDS, t.claim)));
        let _ = writeln!(front, "stance = {}", quote(pick(&["asserts", "attributes", "denies"], t.stance)));
        let _ = writeln!(front, "status = {}", quote(pick(&["suggested", "confirmed", "rejected"], t.status)));
        let _ = writeln!(front, "exact = {}", quote(&words(&t.exact)));
        if let Some(p) = t.prefix {
            let _ = writeln!(front, "prefix = {}", quote(pick(WORDS, p)));
        }
        if let Some(s) = t.suffix {
            let _ = writeln!(front, "suffix = {}", quote(pick(WORDS, s)));
        }
    }
    for (id, text) in &input.notes {
        front.push_str("\n[[notes]]\n");
        let _ = writeln!(front, "id = {}\ntext = {}", quote(pick(IDS, *id)), quote(pick(TITLES, *text)));
    }
    let mut body = String::new();
    for piece in &input.body {
        match piece {
            Piece::Word(i) => {
                body.push_str(pick(WORDS, *i));
                body.push(' ');
            }
            Piece::Raw(s) => body.push_str(s),
            Piece::Break(i) => body.push_str(pick(BREAKS, *i)),
            Piece::Link { text, scheme, id, custom_id, title } => {
                let id = custom_id.as_deref().unwrap_or_else(|| pick(IDS, *id));
                let _ = write!(body, "[{}]({}:{}", words(text), pick(SCHEMES, *scheme), id);
                if let Some(t) = title {
                    let _ = write!(body, " \"{}\"", pick(TITLES, *t));
                }
                body.push_str(") ");
            }
        }
    }
    let mut text = format!("{}+++\n{front}+++\n\n{body}\n", if input.bom { "\u{feff}" } else { "" });
    if input.crlf {
        text = text.replace('\n', "\r\n");
    }
    // Every front matter value is quoted TOML: the page must parse.
    let page = match Page::parse(Path::new("content/sources/fuzz.md"), text) {
        Ok(page) => page,
        Err(d) => panic!("a well-formed page did not parse: {d}"),
    };
    let (annotated, diags) = annotate(page, &common::CONFIG);
    common::check_annotated(&annotated, &diags);
});
