//! The editor's corrections of the machine's findings (figures, citations,
//! descriptions, dates, quotes), read from annotation links in the body,
//! and how they replace or reject what the machine found. Pure.

use super::inline::{Finding, Kind};
use super::{dates, descriptors, figures, sourcing, unknown_id, Origin, Quote};
use crate::config::Config;
use crate::diag::{did_you_mean, Diagnostic};
use crate::page::Page;

/// The editor's corrections of machine findings, read from the body.
#[derive(Default)]
pub struct Corrections {
    pub(super) quotes: Vec<Quote>,
    pub(super) figures: Vec<figures::Figure>,
    pub(super) citations: Vec<sourcing::Citation>,
    pub(super) descriptors: Vec<descriptors::Descriptor>,
    pub(super) dates: Vec<dates::DateMention>,
    pub(super) rejections: Vec<Rejection>,
}

/// A `[span](not:KIND)`: the machine's finding of that kind there is wrong.
pub struct Rejection {
    pub(super) kind: Finding,
    pub(super) start: usize,
    pub(super) end: usize,
    /// File offset of the annotation, for diagnostics.
    pub(super) at: usize,
    /// Whether it removed a machine finding.
    pub(super) used: bool,
}

impl Corrections {
    /// Reads one correction link (`figure:`, `source:`, `describes:`,
    /// `date:`, `not:`) spanning `start..end` of the plain text; `exact` is
    /// its text, `at` its offset in the file.
    pub fn read(
        &mut self,
        kind: Kind,
        (start, end): (usize, usize),
        exact: String,
        page: &Page,
        config: &Config,
        at: usize,
    ) -> Result<(), Diagnostic> {
        let error =
            |message: String, hint: String| Diagnostic::error(&page.path, message).at(&page.text, at).with_hint(hint);
        match kind {
            Kind::Figure { claim, value } => {
                if let Some(id) = claim.as_deref().filter(|id| !config.claims.contains_key(*id)) {
                    let hint = "claims are defined under [claims.<id>] in config.toml; `figure:-` is a figure outside any claim";
                    return Err(unknown_id(page, at, "claim", id, config.claim_ids(), hint));
                }
                let read = if value.is_empty() { exact.as_str() } else { value.as_str() };
                let Some(found) = figures::read_marked(read) else {
                    return Err(error(
                        format!("no figure in `{read}`"),
                        "write the number in the title: `[…](figure:claim-id \"about 100 soldiers\")`".into(),
                    ));
                };
                self.figures.push(figures::Figure {
                    start,
                    end,
                    text: exact.trim().to_owned(),
                    claim,
                    origin: Origin::Editor,
                    ..found
                });
            }
            Kind::Source { cited, name } => {
                let (actor, named, cited) = match cited.as_str() {
                    "unnamed" => (None, false, if name.is_empty() { exact.trim().to_owned() } else { name }),
                    "other" if name.is_empty() => {
                        return Err(error(
                            "`source:other` needs the name of the source".into(),
                            "write it in the title: `[…](source:other \"The New York Times\")`".into(),
                        ));
                    }
                    "other" => (None, true, name),
                    id => match config.actors.get(id) {
                        Some(a) => (Some(id.to_owned()), true, if name.is_empty() { a.name.clone() } else { name }),
                        None => {
                            let ids = config.actors.keys().map(String::as_str).chain(["unnamed", "other"]);
                            let hint = "a cited source is an actor id, `unnamed`, or `other \"Name\"`";
                            return Err(unknown_id(page, at, "cited source", id, ids, hint));
                        }
                    },
                };
                let via = "marked by the editor".to_owned();
                let government = if actor.is_none() && named { sourcing::government_of(&cited) } else { None };
                self.citations.push(sourcing::Citation {
                    span: Some((start, end)),
                    cited,
                    actor,
                    government,
                    named,
                    via,
                    origin: Origin::Editor,
                });
            }
            Kind::Describes { actor, text } => {
                if !config.actors.contains_key(&actor) {
                    let ids = config.actors.keys().map(String::as_str);
                    let hint = "actors are defined under [actors.<id>] in config.toml";
                    return Err(unknown_id(page, at, "actor", &actor, ids, hint));
                }
                let text = if text.is_empty() { exact.trim().to_owned() } else { text };
                self.descriptors.push(descriptors::Descriptor { actor, text, start, end, origin: Origin::Editor });
            }
            Kind::Date { date } => {
                if !dates::is_iso(&date) {
                    let numeric = date.contains(|c: char| c.is_ascii_digit())
                        && date.chars().all(|c| c.is_ascii_digit() || c == '-');
                    let why = if numeric { ": no such month or day, or not in the form shown below" } else { "" };
                    return Err(error(
                        format!("`{date}` is not a date{why}"),
                        "write it as 2019-06-04, as 2019-06 for a month, or as --06-04 when the year is unknown".into(),
                    ));
                }
                self.dates.push(dates::DateMention {
                    start,
                    end,
                    text: exact.trim().to_owned(),
                    date: Some(date),
                    origin: Origin::Editor,
                });
            }
            Kind::Not { kind: Ok(kind) } => self.rejections.push(Rejection { kind, start, end, at, used: false }),
            Kind::Not { kind: Err(bad) } => {
                let kinds = Finding::ALL.map(Finding::as_str);
                let hint = match did_you_mean(&bad, kinds) {
                    Some(near) => format!("did you mean `not:{near}`? One of {}", kinds.join(", ")),
                    None => format!("`not:` takes the kind of finding to reject: one of {}", kinds.join(", ")),
                };
                return Err(error(format!("`not:{bad}`: no such kind of finding"), hint));
            }
            Kind::Claim { .. } | Kind::Note { .. } | Kind::Quote { .. } => {
                unreachable!("claim, note and quote links are read by annotate")
            }
        }
        Ok(())
    }
    /// Drops the machine `found` items that overlap an editor item of the
    /// same kind or a rejection of that kind, then adds the editor's items.
    pub fn replace<T>(
        &mut self,
        kind: Finding,
        found: &mut Vec<T>,
        span: impl Fn(&T) -> Option<(usize, usize)>,
        editor: impl Fn(&mut Self) -> &mut Vec<T>,
    ) {
        let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        let ours: Vec<(usize, usize)> = editor(self).iter().filter_map(&span).collect();
        found.retain(|item| {
            let Some(s) = span(item) else { return true };
            let mut keep = !ours.iter().any(|&o| overlaps(o, s));
            for r in self.rejections.iter_mut().filter(|r| r.kind == kind && overlaps((r.start, r.end), s)) {
                r.used = true;
                keep = false;
            }
            keep
        });
        found.append(editor(self));
    }
}
