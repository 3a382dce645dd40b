//! Quotes and who said them.
//!
//! A quote is text between quotation marks (« », “ ”, " ") of at least
//! `MIN_WORDS` words; shorter ones are scare quotes or terms. The speaker is
//! the configured actor named nearest the quote in its paragraph (after it
//! first, as in "», a déclaré M. Peskov"), or, when a reporting verb follows
//! with no name ("a-t-il déclaré"), the last person named before. Pure.

use crate::config::Rules;
use crate::fold::Folded;
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

pub const MIN_WORDS: usize = 4;

#[derive(Debug, Clone, Serialize)]
pub struct Quote {
    /// Anchor id in the rendered page, e.g. `q2`.
    pub id: String,
    /// The quoted words, without the quotation marks.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// An actor id, or `None` when no speaker could be found.
    pub speaker: Option<String>,
    pub origin: super::Origin,
    /// Indirect speech ("X a affirmé que …", "X said that …"): the words are
    /// the source's, not the speaker's.
    pub reported: bool,
}

#[derive(Debug, Clone)]
struct Mention {
    start: usize,
    end: usize,
    actor: String,
}

pub fn find(plain: &str, rules: &Rules) -> Vec<Quote> {
    find_folded(plain, &Folded::new(plain), rules)
}

/// `find` over text already folded.
pub fn find_folded(plain: &str, folded: &Folded, rules: &Rules) -> Vec<Quote> {
    let mentions = mentions(folded, rules);
    let mut quotes = Vec::new();
    let mut offset = 0;
    for para in plain.split("\n\n") {
        let spans = quoted_spans(para);
        let sentences = if spans.is_empty() { Vec::new() } else { crate::text::sentences(para) };
        for (start, end) in spans {
            let text = &para[start..end];
            if crate::text::word_count(text) < MIN_WORDS {
                continue;
            }
            let (start, end) = (offset + start, offset + end);
            let speaker = speaker(plain, offset, offset + para.len(), &sentences, start, end, &mentions);
            quotes.push(Quote {
                id: format!("q{}", quotes.len() + 1),
                start,
                end,
                text: text.to_owned(),
                speaker,
                origin: super::Origin::Machine,
                reported: false,
            });
        }
        offset += para.len() + 2;
    }
    quotes.extend(reported_speech(plain, folded, &mentions, &quotes));
    quotes.sort_by_key(|q| (q.start, q.end));
    for (i, q) in quotes.iter_mut().enumerate() {
        q.id = format!("q{}", i + 1);
    }
    quotes
}

fn reported_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\s*(?:,[^,.;]{0,80},\s*)?(?:(?:a|avait|ont|avaient|has|had)\s+)?(?:[a-z]+\s+){0,3}?(?:declare|affirme|indique|assure|estime|dit|ajoute|souligne|precise|explique|annonce|said|says|stated|claimed|added|told [a-z]+)\s+(?:[a-z]+\s+){0,3}?(?:que\s+|qu'|that\s+)")
            .expect("valid")
    })
}

/// "selon X" / "d'après X" / "according to X", at the end of the text
/// before the mention of X (titles and appositions allowed in between).
fn according_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?:^|[\s,(])(?:selon|d'apres|according to)\s[^;:!?«»]{0,60}$").expect("valid"))
}

/// The words a sentence attributes to the actor mentioned at `m` with
/// "selon X": before it ("…, selon X.") or, when the sentence opens with it,
/// after the mention's clause ("Selon X, …"). Original-text range.
fn attributed(plain: &str, folded: &Folded, sentence: &std::ops::Range<usize>, m: &Mention) -> Option<(usize, usize)> {
    let (ss, ms) = (folded.folded_offset(sentence.start), folded.folded_offset(m.start));
    let before = &folded.text[ss..ms];
    let hit = according_re().find(before)?;
    let opening = before[..hit.start()].trim().is_empty();
    let (start, end) = if opening {
        let comma = plain[m.end..sentence.end].find(", ")?;
        (m.end + comma + 2, sentence.end)
    } else {
        let (trigger, _) = folded.original_range(ss + hit.start(), ss + hit.start());
        (sentence.start, trigger)
    };
    let text = plain[start..end].trim_end_matches(['.', '!', '?', ',', ' ']).trim_start();
    let start = start + plain[start..end].find(text)?;
    Some((start, start + text.len()))
}

/// Indirect speech: a configured actor, a reporting verb, then "que" /
/// "that" and what was said, to the end of the sentence; or what a sentence
/// says "selon X" ("according to X"). Skipped where a direct quotation
/// already covers the words.
fn reported_speech(plain: &str, folded: &Folded, mentions: &[Mention], direct: &[Quote]) -> Vec<Quote> {
    let sentences = crate::text::sentences(plain);
    let mut out = Vec::new();
    for m in mentions {
        let i = sentences.partition_point(|r| r.end < m.end);
        let Some(sentence) = sentences.get(i).filter(|r| r.start <= m.start) else { continue };
        let (fs, fe) = (folded.folded_offset(m.end), folded.folded_offset(sentence.end));
        let (start, end) = match reported_re().find(&folded.text[fs..fe]) {
            Some(hit) => (folded.original_range(fs + hit.end(), fs + hit.end()).0, sentence.end),
            None => match attributed(plain, folded, sentence, m) {
                Some(range) => range,
                None => continue,
            },
        };
        let text = plain[start..end].trim_end_matches(['.', '!', '?']).trim().to_owned();
        let end = start + plain[start..end].find(text.as_str()).unwrap_or(0) + text.len();
        let overlaps = overlaps_any(direct, start, end) || overlaps_any(&out, start, end);
        if crate::text::word_count(&text) < MIN_WORDS || overlaps {
            continue;
        }
        out.push(Quote {
            id: String::new(),
            start,
            end,
            text,
            speaker: Some(m.actor.clone()),
            origin: super::Origin::Machine,
            reported: true,
        });
    }
    out
}

/// Whether `start..end` overlaps one of `quotes`, which are sorted and do
/// not overlap each other (so only the last one starting before `end` can).
fn overlaps_any(quotes: &[Quote], start: usize, end: usize) -> bool {
    let i = quotes.partition_point(|q| q.start < end);
    i > 0 && quotes[i - 1].end > start
}

/// Actor mentions in `plain`, by configured name or alias.
fn mentions(folded: &Folded, rules: &Rules) -> Vec<Mention> {
    let Some(re) = &rules.actors else {
        return Vec::new();
    };
    re.find_iter(&folded.text)
        .filter_map(|m| {
            let actor = rules.actor_of(m.as_str())?;
            let (start, end) = folded.original_range(m.start(), m.end());
            Some(Mention { start, end, actor: actor.clone() })
        })
        .collect()
}

/// Byte ranges (inside the marks) of the outermost quotations in a paragraph.
fn quoted_spans(para: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<(char, usize)> = None;
    let mut depth = 0;
    for (i, c) in para.char_indices() {
        match open {
            None => {
                if matches!(c, '«' | '“' | '"') {
                    open = Some((c, i + c.len_utf8()));
                    depth = 1;
                }
            }
            Some((o, start)) => {
                let close = match o {
                    '«' => '»',
                    '“' => '”',
                    _ => '"',
                };
                if c == o && o != '"' {
                    depth += 1;
                } else if c == close {
                    depth -= 1;
                    if depth == 0 {
                        // End first: blank quotes ("   ") become empty, not inverted.
                        let end = trim_end(para, start, i);
                        spans.push((trim_start(para, start, end), end));
                        open = None;
                    }
                }
            }
        }
    }
    spans
}

fn trim_start(s: &str, start: usize, end: usize) -> usize {
    start + (s[start..end].len() - s[start..end].trim_start().len())
}

fn trim_end(s: &str, start: usize, end: usize) -> usize {
    start + s[start..end].trim_end().len()
}

fn reporting_after() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^[\s»”\x22,.]*(a-t-(il|elle)|a poursuivi|ont poursuivi|a (declare|ajoute|precise|explique|souligne|affirme|assure|dit|indique|lance|fait valoir)|avait (declare|affirme)|said|added|says)")
            .expect("valid")
    })
}

fn speaker(
    plain: &str,
    para_start: usize,
    para_end: usize,
    sentences: &[std::ops::Range<usize>],
    start: usize,
    end: usize,
    mentions: &[Mention],
) -> Option<String> {
    let outside = |m: &&Mention| m.end <= start || m.start >= end;
    // Named right after the quote, within its sentence.
    let sentence_end = sentences
        .get(sentences.partition_point(|r| para_start + r.end <= end))
        .map_or(para_end, |r| para_start + r.end);
    // Mentions are in text order: look only at those near the quote.
    let from_sentence = {
        let i = sentences.partition_point(|r| para_start + r.start <= start);
        let sentence_start = if i == 0 { para_start } else { para_start + sentences[i - 1].start };
        &mentions[mentions.partition_point(|m| m.start < sentence_start)..]
    };
    // "«…» par le WSJ" names the agent, not the speaker.
    let agent = |m: &&Mention| {
        let before = crate::fold::fold(crate::text::before(plain, m.start, 12));
        before.ends_with("par le ")
            || before.ends_with("par la ")
            || before.ends_with("par l'")
            || before.ends_with("by ")
    };
    if let Some(m) = from_sentence
        .iter()
        .take_while(|m| m.start < sentence_end)
        .filter(outside)
        .filter(|m| !agent(m))
        .find(|m| m.start >= end && m.end <= sentence_end)
    {
        return Some(m.actor.clone());
    }
    let reporting = reporting_after().is_match(&crate::fold::fold(crate::text::after(plain, end, 40)));
    // Named earlier in the quote's sentence: its subject, the first named
    // ("Lavrov a dit, à la lecture du tweet du président américain : «…»").
    if let Some(m) = from_sentence.iter().take_while(|m| m.start < start).filter(outside).find(|m| m.end <= start) {
        return Some(m.actor.clone());
    }
    // "…», a-t-il déclaré": the last actor named before, in the page.
    if reporting {
        let before = &mentions[..mentions.partition_point(|m| m.start < start)];
        return before.iter().rfind(|m| m.end <= start).map(|m| m.actor.clone());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use std::path::Path;

    fn rules() -> Config {
        let text = r#"
[site]
title = "T"
[actors.peskov]
name = "Dmitri Peskov"
kind = "person"
aliases = ["Peskov"]
[actors.lavrov]
name = "Sergueï Lavrov"
kind = "person"
aliases = ["Lavrov"]
"#;
        Config::parse(text, Path::new("config.toml")).unwrap()
    }

    #[test]
    fn reported_speech_is_a_quote_of_its_own_kind() {
        let c = rules();
        let plain = "Dmitri Peskov a affirmé mardi que la Russie n'a retiré aucun militaire du pays. \
                     Sergueï Lavrov a dit que «rien n'a changé sur le terrain depuis mars».";
        let quotes = find(plain, &c.rules);
        assert_eq!(quotes.len(), 2, "{quotes:?}");
        assert!(quotes[0].reported && quotes[0].speaker.as_deref() == Some("peskov"));
        assert_eq!(quotes[0].text, "la Russie n'a retiré aucun militaire du pays");
        assert!(!quotes[1].reported, "a direct quotation wins over the reported clause around it");
    }

    #[test]
    fn what_a_sentence_says_according_to_someone() {
        let c = rules();
        let plain = "Ces militaires ont été déployés en vertu d'un accord de 2005, selon le porte-parole du Kremlin, \
                     Dmitri Peskov. Selon M. Lavrov, les spécialistes resteront au Venezuela aussi longtemps que nécessaire. \
                     The troops will stay for years, according to Peskov. Selon la presse, tout va bien ici aussi.";
        let quotes = find(plain, &c.rules);
        let found: Vec<(&str, &str)> =
            quotes.iter().map(|q| (q.speaker.as_deref().unwrap_or("?"), q.text.as_str())).collect();
        assert_eq!(
            found,
            [
                ("peskov", "Ces militaires ont été déployés en vertu d'un accord de 2005"),
                ("lavrov", "les spécialistes resteront au Venezuela aussi longtemps que nécessaire"),
                ("peskov", "The troops will stay for years"),
            ]
        );
        assert!(quotes.iter().all(|q| q.reported));
    }

    #[test]
    fn speakers_after_before_and_by_pronoun() {
        let c = rules();
        let plain = "«Il n'y a eu aucun message officiel», a déclaré Dmitri Peskov.\n\n\
                     Sergueï Lavrov a dit avoir lu le tweet de Peskov : «Nous n'avons fait aucune annonce.»\n\n\
                     Sergueï Lavrov a dit : «Nous n'avons fait aucune annonce à personne.»\n\n\
                     «Je ne peux même pas imaginer cela», a-t-il poursuivi.\n\n\
                     Un mot «surpris» seulement.";
        let quotes = find(plain, &c.rules);
        let speakers: Vec<_> = quotes.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(speakers, [Some("peskov"), Some("lavrov"), Some("lavrov"), Some("lavrov")]);
        assert_eq!(quotes[0].text, "Il n'y a eu aucun message officiel");
    }
}
