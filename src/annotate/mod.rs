//! Page -> annotated page + diagnostics. Pure: no IO.
//!
//! Resolves the page's claim tags against its text (TextQuoteSelector), finds
//! quotes and their speakers, and checks the page's ids against the config.
//! It never changes the page: suggestions are written only by ingest.

pub mod actors;
pub mod claims;
mod corrections;
pub mod dates;
pub mod descriptors;
pub mod figures;
pub mod inline;
pub mod quotes;
pub mod sourcing;

use crate::config::{Config, Stance, UNKNOWN_OUTLET};
use crate::diag::{did_you_mean, Diagnostic};
use crate::markdown::{self, Visit};
use crate::page::{Page, Status};
use comrak::nodes::NodeValue;
use comrak::Arena;
use corrections::Corrections;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use quotes::Quote;

#[derive(Debug)]
pub struct Annotated {
    pub page: Page,
    /// The body's plain text; every offset below points into it.
    pub plain: String,
    pub tags: Vec<ResolvedTag>,
    pub notes: Vec<Note>,
    pub quotes: Vec<Quote>,
    pub figures: Vec<figures::Figure>,
    pub citations: Vec<sourcing::Citation>,
    pub descriptors: Vec<descriptors::Descriptor>,
    pub dates: Vec<dates::DateMention>,
    /// The people and organisations the text names, configured or found.
    pub actors: Vec<actors::Actor>,
}

impl Annotated {
    /// The display name of an actor id: the config's, else the name the
    /// article gives.
    pub fn actor_name<'a>(&'a self, id: &str, config: &'a Config) -> Option<&'a str> {
        config
            .actors
            .get(id)
            .map(|a| a.name.as_str())
            .or_else(|| self.actors.iter().find(|a| a.id == id).map(|a| a.name.as_str()))
    }
}

/// Who made an annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Found by parallax (front matter `[[tags]]`, found quotes and other
    /// findings).
    Machine,
    /// Marked by the editor in the text of the content page.
    Editor,
}

/// A claim tag found in the text.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ResolvedTag {
    /// Anchor id in the rendered page, e.g. `t3`.
    pub id: String,
    pub claim: String,
    pub stance: Stance,
    /// Inline tags are the editor's own and count as confirmed.
    pub status: Status,
    pub origin: Origin,
    pub start: usize,
    pub end: usize,
    pub exact: String,
}

/// An editor's note, on a passage or on the whole page.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Note {
    /// The editor's id for the note; also its anchor id in the page.
    pub id: String,
    pub text: String,
    /// The passage it is about; `None` for a page-level note.
    pub span: Option<(usize, usize)>,
    pub exact: Option<String>,
}

/// How many characters of context a selector keeps on each side.
pub const CONTEXT_CHARS: usize = 32;

pub fn annotate(page: Page, config: &Config) -> (Annotated, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    check_outlet(&page, config, &mut diags);
    let limits = &config.limits;
    if let Some(at) = markdown::too_deep(page.body(), limits.nesting) {
        // One error is the whole story: the body is not read further.
        diags.push(
            Diagnostic::error(&page.path, format!("blocks nest more than {} levels deep here", limits.nesting))
                .at(&page.text, page.body_offset + at)
                .with_hint("remove the extra `>` or list markers (limits.nesting in config.toml sets the bound)"),
        );
        let empty = Annotated {
            page,
            plain: String::new(),
            tags: Vec::new(),
            notes: Vec::new(),
            quotes: Vec::new(),
            figures: Vec::new(),
            citations: Vec::new(),
            descriptors: Vec::new(),
            dates: Vec::new(),
            actors: Vec::new(),
        };
        return (empty, diags);
    }
    let (plain, links, problems) = read_body(page.body());
    let body = BodyPositions::new(&page);
    for p in problems {
        diags.push(
            Diagnostic::error(&page.path, p.message).at(&page.text, body.offset(p.line, p.col)).with_hint(p.hint),
        );
    }

    let mut tags = Vec::new();
    let mut notes = Vec::new();
    let mut editor = Corrections::default();
    let mut note_ids: BTreeMap<String, usize> = BTreeMap::new();
    for note in &page.front.notes {
        let at = page.front_offset(note.id.span().start);
        check_note(&page, note.id.get_ref(), note.text.get_ref(), at, &mut note_ids, &mut diags);
        notes.push(Note { id: note.id.get_ref().clone(), text: note.text.get_ref().clone(), span: None, exact: None });
    }
    for link in links {
        let at = body.offset(link.line, link.col);
        let exact = plain[link.start..link.end].to_owned();
        let error =
            |message: String, hint: String| Diagnostic::error(&page.path, message).at(&page.text, at).with_hint(hint);
        if exact.trim().is_empty() {
            diags.push(error(
                "empty annotation: no text between `[` and `]`".into(),
                "put the annotated words inside the brackets".into(),
            ));
            continue;
        }
        match link.kind {
            inline::Kind::Claim { id, stance } => {
                // An unknown claim and a bad stance are both reported.
                let unknown = !config.claims.contains_key(&id);
                if unknown {
                    diags.push(unknown_id(
                        &page,
                        at,
                        "claim",
                        &id,
                        config.claim_ids(),
                        "claims are defined under [claims.<id>] in config.toml",
                    ));
                }
                let stance = match stance {
                    Ok(s) => s,
                    Err(bad) => {
                        let near = did_you_mean(&bad, Stance::ALL.iter().map(|s| s.as_str()));
                        let hint = match near {
                            Some(n) => format!("did you mean `{n}`? The stance is one of asserts, attributes, denies"),
                            None => "the stance is one of asserts, attributes, denies".into(),
                        };
                        diags.push(error(format!("unknown stance `{bad}` for claim `{id}`"), hint));
                        continue;
                    }
                };
                if unknown {
                    continue;
                }
                tags.push(ResolvedTag {
                    id: String::new(),
                    claim: id,
                    stance,
                    status: Status::Confirmed,
                    origin: Origin::Editor,
                    start: link.start,
                    end: link.end,
                    exact,
                });
            }
            inline::Kind::Note { id, text } => {
                check_note(&page, &id, &text, at, &mut note_ids, &mut diags);
                notes.push(Note { id, text, span: Some((link.start, link.end)), exact: Some(exact) });
            }
            inline::Kind::Quote { speaker } => {
                if !config.actors.contains_key(&speaker) {
                    let ids = config.actors.keys().map(String::as_str);
                    diags.push(unknown_id(
                        &page,
                        at,
                        "actor",
                        &speaker,
                        ids,
                        "actors are defined under [actors.<id>] in config.toml",
                    ));
                    continue;
                }
                editor.quotes.push(Quote {
                    id: String::new(),
                    start: link.start,
                    end: link.end,
                    text: exact,
                    speaker: Some(speaker),
                    origin: Origin::Editor,
                    reported: false,
                    scare: false,
                });
            }
            correction => {
                if let Err(d) = editor.read(correction, (link.start, link.end), exact, &page, config, at) {
                    diags.push(d);
                }
            }
        }
    }

    if let Some(extra) = page.front.tags.get(limits.tags) {
        diags.push(
            Diagnostic::warning(
                &page.path,
                format!("{} claim tags; only the first {} are used", page.front.tags.len(), limits.tags),
            )
            .at(&page.text, page.front_offset(extra.claim.span().start))
            .with_hint("remove tags you do not need, or raise limits.tags in config.toml"),
        );
    }
    for tag in page.front.tags.iter().take(limits.tags) {
        let claim = tag.claim.get_ref();
        let at = page.front_offset(tag.claim.span().start);
        if !config.claims.contains_key(claim) {
            diags.push(unknown_id(
                &page,
                at,
                "claim",
                claim,
                config.claim_ids(),
                "claims are defined under [claims.<id>] in config.toml",
            ));
            continue;
        }
        if tag.exact.get_ref().trim().is_empty() {
            let at = page.front_offset(tag.exact.span().start);
            diags.push(
                Diagnostic::error(&page.path, format!("empty tag `{claim}`: `exact` has no text"))
                    .at(&page.text, at)
                    .with_hint("copy the tagged words from the page into `exact`"),
            );
            continue;
        }
        if tag.status == Status::Rejected {
            continue;
        }
        match anchor(&plain, tag.exact.get_ref(), &tag.prefix, &tag.suffix) {
            Some((start, end)) => {
                if tags.iter().any(|t: &ResolvedTag| t.claim == *claim && t.start == start && t.end == end) {
                    diags.push(
                        Diagnostic::warning(&page.path, format!("duplicate tag `{claim}` on the same text"))
                            .at(&page.text, at)
                            .with_hint("delete one of the two"),
                    );
                    continue;
                }
                tags.push(ResolvedTag {
                    id: String::new(),
                    claim: claim.clone(),
                    stance: tag.stance,
                    status: tag.status,
                    origin: Origin::Machine,
                    start,
                    end,
                    exact: plain[start..end].to_owned(),
                })
            }
            None => {
                let at = page.front_offset(tag.exact.span().start);
                diags.push(
                    Diagnostic::warning(
                        &page.path,
                        format!("orphaned tag `{claim}`: its text is no longer in the page"),
                    )
                    .at(&page.text, at)
                    .with_hint("restore the text, point `exact` at the new wording, or delete the tag"),
                );
            }
        }
    }
    tags.sort_by_key(|t| (t.start, t.end, t.claim.clone()));
    for (i, t) in tags.iter_mut().enumerate() {
        t.id = format!("t{}", i + 1);
    }
    // The editor's findings replace the machine's of the same kind where
    // they overlap; `not:` spans only remove.
    use inline::Finding;
    let folded = crate::fold::Folded::new(&plain);
    let found = actors::find(&plain, &folded, &config.rules);
    let mut quotes = quotes::find_with(&plain, &folded, &found);
    editor.replace(Finding::Quote, &mut quotes, |q| Some((q.start, q.end)), |e| &mut e.quotes);
    quotes.sort_by_key(|q| (q.start, q.end));
    for (i, q) in quotes.iter_mut().enumerate() {
        q.id = format!("q{}", i + 1);
    }
    let mut figures = figures::find_folded(&plain, &folded);
    figures::assign_claims(&mut figures, &tags, &folded, &config.rules);
    editor.replace(Finding::Figure, &mut figures, |f| Some((f.start, f.end)), |e| &mut e.figures);
    figures.sort_by_key(|f| (f.start, f.end));
    let credits: Vec<&str> =
        page.front.removed.iter().filter(|r| r.kind == "image-caption").map(|r| r.text.as_str()).collect();
    let mut citations = sourcing::find_folded(&plain, &folded, &credits, &config.rules);
    editor.replace(Finding::Source, &mut citations, |c| c.span, |e| &mut e.citations);
    citations.sort_by_key(|c| c.span.map_or((usize::MAX, usize::MAX), |s| s));
    let mut descriptors = descriptors::find_folded(&plain, &folded, &config.rules);
    editor.replace(Finding::Describes, &mut descriptors, |d| Some((d.start, d.end)), |e| &mut e.descriptors);
    descriptors.sort_by_key(|d| (d.start, d.end));
    let published = page.front.date.map(|d| d.to_string());
    let mut dates = dates::find(&plain, &folded, published.as_deref());
    editor.replace(Finding::Date, &mut dates, |d| Some((d.start, d.end)), |e| &mut e.dates);
    dates.sort_by_key(|d| (d.start, d.end));
    for r in editor.rejections.iter().filter(|r| !r.used) {
        let kind = r.kind.as_str();
        diags.push(
            Diagnostic::warning(&page.path, format!("`not:{kind}` rejects nothing: no machine {kind} finding here"))
                .at(&page.text, r.at)
                .with_hint("the text may have changed; delete the annotation or move it onto the finding"),
        );
    }
    let actors = found.actors;
    (Annotated { page, plain, tags, notes, quotes, figures, citations, descriptors, dates, actors }, diags)
}

/// Parses the body once: its plain text, its annotation links, and
/// annotation syntax that did not parse.
fn read_body(body: &str) -> (String, Vec<inline::Link>, Vec<inline::Problem>) {
    let arena = Arena::new();
    let root = comrak::parse_document(&arena, body, &markdown::options(false));
    let mut links = Vec::new();
    let mut problems = Vec::new();
    let plain = markdown::visit_plain(root, |visit, at| match visit {
        Visit::Text(node) => {
            if let NodeValue::Text(t) = &node.data.borrow().value {
                problems.extend(inline::leftover_syntax(node, t));
            }
        }
        Visit::Link(node, start) => {
            let Some((url, title, line, col)) = inline::link_parts(node) else { return };
            match inline::kind_of(&url, &title) {
                Some(Ok(kind)) => links.push(inline::Link { kind, start, end: at, line, col }),
                Some(Err((message, hint))) => problems.push(inline::Problem { line, col, message, hint }),
                None => {
                    if let Some(scheme) = inline::misspelt_scheme(&url) {
                        problems.push(inline::Problem {
                            line,
                            col,
                            message: format!("link to `{url}` looks like a misspelt annotation"),
                            hint: format!("did you mean `{scheme}:`?"),
                        });
                    }
                }
            }
        }
    });
    (plain, links, problems)
}

/// Maps body positions (comrak's 1-based line and byte column) to file offsets.
struct BodyPositions {
    body_offset: usize,
    line_starts: Vec<usize>,
}

impl BodyPositions {
    fn new(page: &Page) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(page.body().match_indices('\n').map(|(i, _)| i + 1));
        BodyPositions { body_offset: page.body_offset, line_starts }
    }

    fn offset(&self, line: usize, col: usize) -> usize {
        let start = self.line_starts.get(line.saturating_sub(1)).copied().unwrap_or(0);
        self.body_offset + start + col.saturating_sub(1)
    }
}

fn check_note(
    page: &Page,
    id: &str,
    text: &str,
    at: usize,
    seen: &mut BTreeMap<String, usize>,
    diags: &mut Vec<Diagnostic>,
) {
    if text.trim().is_empty() {
        diags.push(
            Diagnostic::error(&page.path, format!("note `{id}` has no text"))
                .at(&page.text, at)
                .with_hint("write the note in the link title: `[passage](note:id \"Your note.\")`"),
        );
    }
    if !crate::config::is_id(id) {
        diags.push(
            Diagnostic::error(&page.path, format!("`{id}` is not a valid note id"))
                .at(&page.text, at)
                .with_hint("note ids are lowercase letters, digits and dashes (they become anchors)"),
        );
    }
    if let Some(first) = seen.insert(id.to_owned(), at) {
        let line = crate::diag::Position::of_offset(&page.text, first).line;
        diags.push(
            Diagnostic::error(&page.path, format!("duplicate note id `{id}`"))
                .at(&page.text, at)
                .with_hint(format!("the first note `{id}` is on line {line}; give each note its own id")),
        );
    }
}

pub(crate) fn unknown_id<'a>(
    page: &Page,
    at: usize,
    kind: &str,
    id: &str,
    known: impl IntoIterator<Item = &'a str>,
    otherwise: &str,
) -> Diagnostic {
    let d = Diagnostic::error(&page.path, format!("unknown {kind} `{id}`")).at(&page.text, at);
    match did_you_mean(id, known) {
        Some(near) => d.with_hint(format!("did you mean `{near}`?")),
        None => d.with_hint(otherwise),
    }
}

fn check_outlet(page: &Page, config: &Config, diags: &mut Vec<Diagnostic>) {
    let fields = std::iter::once(("outlet", &page.front.outlet)).chain(page.front.wire.as_ref().map(|w| ("wire", w)));
    for (field, value) in fields {
        let id = value.get_ref();
        if id == UNKNOWN_OUTLET || config.outlets.contains_key(id) {
            continue;
        }
        let at = page.front_offset(value.span().start);
        let d = Diagnostic::error(&page.path, format!("unknown {field} `{id}`")).at(&page.text, at);
        let ids = config.outlets.keys().map(String::as_str).chain([UNKNOWN_OUTLET]);
        diags.push(match did_you_mean(id, ids) {
            Some(near) => d.with_hint(format!("did you mean `{near}`?")),
            None => d.with_hint(
                "use an outlet id of the registry (see README.md, \"Outlets\"), add one under [outlets.<id>] in \
                 config.toml, or write \"unknown\"",
            ),
        });
    }
}

/// How similar a reworded passage must stay to its tag's `exact` text to
/// keep the tag: the Dice coefficient of their sets of words.
pub const REANCHOR_SIMILARITY: f64 = 0.6;

fn word_set(s: &str) -> std::collections::BTreeSet<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Shared words over total words: 1.0 for the same words, 0.0 for none.
fn dice(a: &std::collections::BTreeSet<String>, b: &std::collections::BTreeSet<String>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
}

/// Finds `exact` in `plain`, choosing among several occurrences the one whose
/// surroundings best match `prefix` and `suffix`. When the exact text is gone
/// because the editor reworded it, falls back to the sentence most similar
/// to it, if similar enough; otherwise the tag is orphaned (`None`).
pub fn anchor(plain: &str, exact: &str, prefix: &str, suffix: &str) -> Option<(usize, usize)> {
    if exact.is_empty() {
        return None;
    }
    let context =
        |start: usize, end: usize| common_suffix(&plain[..start], prefix) + common_prefix(&plain[end..], suffix);
    let verbatim = plain
        .match_indices(exact)
        .map(|(start, _)| (std::cmp::Reverse(context(start, start + exact.len())), start, start + exact.len()))
        .min()
        .map(|(_, s, e)| (s, e));
    if verbatim.is_some() {
        return verbatim;
    }
    let mut best: Option<(f64, usize, usize, usize)> = None;
    let words = word_set(exact);
    for range in crate::text::sentences(plain) {
        let similarity = dice(&words, &word_set(&plain[range.clone()]));
        if similarity < REANCHOR_SIMILARITY {
            continue;
        }
        let ctx = context(range.start, range.end);
        if best.is_none_or(|(s, c, _, _)| similarity > s || (similarity == s && ctx > c)) {
            best = Some((similarity, ctx, range.start, range.end));
        }
    }
    best.map(|(_, _, s, e)| (s, e))
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reworded_passages_keep_their_tags() {
        let plain = "Intro. Some time later, on a Tuesday, the moon was again said to be cheese. Other text here.";
        let exact = "Later the moon was again said to be cheese.";
        let (s, e) = anchor(plain, exact, "Intro. ", " Other").unwrap();
        assert_eq!(&plain[s..e], "Some time later, on a Tuesday, the moon was again said to be cheese.");
        assert!(anchor(plain, "A completely different sentence about tides.", "", "").is_none());
    }

    #[test]
    fn anchor_prefers_matching_context() {
        let plain = "Il a dit non. Puis elle a dit non. Fin.";
        let (s, _) = anchor(plain, "dit non", "elle a ", ".").unwrap();
        assert_eq!(s, plain.rfind("dit non").unwrap());
        assert!(anchor(plain, "absent", "", "").is_none());
    }
}

#[cfg(test)]
mod formatter_tests {
    use super::*;
    use crate::config::Config;
    use std::path::Path;

    /// Inline annotations survive a markdown formatter: annotating the page
    /// before and after comrak's CommonMark formatter gives the same result.
    #[test]
    fn annotations_survive_a_markdown_formatter() {
        let config = Config::parse(
            "[site]\ntitle = \"T\"\n[claims.denial]\nlabel = \"D\"\n[actors.peskov]\nname = \"Dmitri Peskov\"\nkind = \"person\"\n",
            Path::new("config.toml"),
        )
        .unwrap();
        let body = "Le 4 juin,   [le Kremlin a *officiellement* démenti](claim:denial \"attributes\") cette\ninformation.\n\n\
                    * [une note](note:framing \"Cadrage : «rumeur».\") dans une liste\n* [«Selon toute vraisemblance»](quote:peskov), a-t-il dit.\n";
        let arena = comrak::Arena::new();
        let options = crate::markdown::options(false);
        let root = comrak::parse_document(&arena, body, &options);
        let mut formatted = String::new();
        comrak::format_commonmark(root, &options, &mut formatted).unwrap();
        assert_ne!(formatted, body, "the formatter changed the layout");

        let annotate_body = |body: &str| {
            let text = format!("+++\ntitle = \"T\"\noutlet = \"unknown\"\n+++\n\n{body}");
            let page = Page::parse(Path::new("content/a.md"), text).unwrap();
            let (a, diags) = annotate(page, &config);
            assert!(diags.is_empty(), "{diags:?}");
            let tags: Vec<_> = a.tags.iter().map(|t| (t.claim.clone(), t.stance, t.exact.clone())).collect();
            let notes: Vec<_> = a.notes.iter().map(|n| (n.id.clone(), n.text.clone(), n.exact.clone())).collect();
            let quotes: Vec<_> = a.quotes.iter().map(|q| (q.speaker.clone(), q.text.clone())).collect();
            (tags, notes, quotes)
        };
        let before = annotate_body(body);
        assert_eq!(before.0.len(), 1);
        assert_eq!(before.1.len(), 1);
        assert_eq!(before, annotate_body(&formatted), "formatted:\n{formatted}");
    }
}
