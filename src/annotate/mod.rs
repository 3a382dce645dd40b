//! Page -> annotated page + diagnostics. Pure: no IO.
//!
//! Resolves the page's claim tags against its text (TextQuoteSelector), finds
//! quotes and their speakers, and checks the page's ids against the config.
//! It never changes the page: suggestions are written only by ingest.

pub mod claims;
pub mod quotes;

use crate::config::{Config, Stance, UNKNOWN_OUTLET};
use crate::diag::{did_you_mean, Diagnostic};
use crate::markdown;
use crate::page::{Page, Status};
use serde::Serialize;

pub use quotes::Quote;

#[derive(Debug)]
pub struct Annotated {
    pub page: Page,
    /// The body's plain text; every offset below points into it.
    pub plain: String,
    pub tags: Vec<ResolvedTag>,
    pub quotes: Vec<Quote>,
}

/// A claim tag found in the text.
#[derive(Debug, Clone, Serialize)]
pub struct ResolvedTag {
    /// Anchor id in the rendered page, e.g. `t3`.
    pub id: String,
    pub claim: String,
    pub stance: Stance,
    pub status: Status,
    pub start: usize,
    pub end: usize,
    pub exact: String,
}

/// How many characters of context a selector keeps on each side.
pub const CONTEXT_CHARS: usize = 32;

pub fn annotate(page: Page, config: &Config) -> (Annotated, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    check_outlet(&page, config, &mut diags);
    let plain = markdown::plain_text(&page.body);
    let mut tags = Vec::new();
    for tag in &page.front.tags {
        let claim = tag.claim.get_ref();
        if !config.claims.contains_key(claim) {
            let at = page.front_offset(tag.claim.span().start);
            let mut d = Diagnostic::error(&page.path, format!("unknown claim `{claim}`")).at(&page.text, at);
            d = match did_you_mean(claim, config.claim_ids()) {
                Some(near) => d.with_hint(format!("did you mean `{near}`?")),
                None => d.with_hint("claims are defined under [claims.<id>] in config.toml"),
            };
            diags.push(d);
            continue;
        }
        if tag.status == Status::Rejected {
            continue;
        }
        match anchor(&plain, tag.exact.get_ref(), &tag.prefix, &tag.suffix) {
            Some((start, end)) => tags.push(ResolvedTag {
                id: format!("t{}", tags.len() + 1),
                claim: claim.clone(),
                stance: tag.stance,
                status: tag.status,
                start,
                end,
                exact: plain[start..end].to_owned(),
            }),
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
    tags.sort_by_key(|t| (t.start, t.end));
    for (i, t) in tags.iter_mut().enumerate() {
        t.id = format!("t{}", i + 1);
    }
    let quotes = quotes::find(&plain, &config.rules);
    (Annotated { page, plain, tags, quotes }, diags)
}

fn check_outlet(page: &Page, config: &Config, diags: &mut Vec<Diagnostic>) {
    let outlet = page.front.outlet.get_ref();
    if outlet == UNKNOWN_OUTLET || config.outlets.contains_key(outlet) {
        return;
    }
    let at = page.front_offset(page.front.outlet.span().start);
    let d = Diagnostic::error(&page.path, format!("unknown outlet `{outlet}`")).at(&page.text, at);
    let ids = config.outlets.keys().map(String::as_str).chain([UNKNOWN_OUTLET]);
    diags.push(match did_you_mean(outlet, ids) {
        Some(near) => d.with_hint(format!("did you mean `{near}`?")),
        None => d.with_hint("add a profile under [outlets.<id>] in config.toml, or use \"unknown\""),
    });
}

/// Finds `exact` in `plain`, choosing among several occurrences the one whose
/// surroundings best match `prefix` and `suffix`.
pub fn anchor(plain: &str, exact: &str, prefix: &str, suffix: &str) -> Option<(usize, usize)> {
    if exact.is_empty() {
        return None;
    }
    plain
        .match_indices(exact)
        .map(|(start, _)| {
            let end = start + exact.len();
            let score = common_suffix(&plain[..start], prefix) + common_prefix(&plain[end..], suffix);
            (std::cmp::Reverse(score), start, end)
        })
        .min()
        .map(|(_, s, e)| (s, e))
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
    fn anchor_prefers_matching_context() {
        let plain = "Il a dit non. Puis elle a dit non. Fin.";
        let (s, _) = anchor(plain, "dit non", "elle a ", ".").unwrap();
        assert_eq!(s, plain.rfind("dit non").unwrap());
        assert!(anchor(plain, "absent", "", "").is_none());
    }
}
