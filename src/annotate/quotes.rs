//! Quotes and who said them, as a careful reader attributes them.
//!
//! A quote is text between quotation marks (« », “ ”, " "); a paragraph
//! that opens a quotation and does not close it quotes to its end. Its
//! speaker is read from the grammar of its sentence, never from the nearest
//! name alone:
//!
//! - after it: "…», a déclaré Dmitri Peskov", "…," said Anna Voss, "…," Voss
//!   said, "…», a-t-il ajouté", "…," the spokesman added, "…», selon X";
//! - before it: "X a déclaré : «…»", "X said: "…"", "Selon X, «…»",
//!   "According to X, "…"", and for a word or phrase the sentence gives to
//!   someone, "X a qualifié … de «…»", "X called it "…"";
//! - a paragraph that only quotes carries on the previous one's speaker.
//!
//! Pronouns ("il", "she") go to the person last named, of the right gender
//! where a title or an agreement tells it; roles ("le porte-parole", "the
//! spokesman") to the person the article gave that role. A short quotation
//! nobody is said to have spoken is a scare quote: kept, and marked as
//! such. A speaker the text does not give stays unknown. Pure.

use super::actors::{self, Gender};
use crate::fold::Folded;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// Quotations shorter than this many words, with no speaker, are scare
/// quotes or terms rather than someone's words.
pub const SCARE_WORDS: usize = 5;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Quote {
    /// Anchor id in the rendered page, e.g. `q2`.
    pub id: String,
    /// The quoted words, without the quotation marks.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// An actor id (the config's, or one made from the name the article
    /// gives), or `None` when the text does not say who spoke.
    pub speaker: Option<String>,
    pub origin: super::Origin,
    /// Indirect speech ("X a affirmé que …", "X said that …"): the words are
    /// the source's, not the speaker's.
    pub reported: bool,
    /// Quotation marks nobody in the text is said to have spoken: irony, a
    /// coined term, a title.
    pub scare: bool,
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("built-in pattern is valid"))
}

/// Verbs of saying, folded, as the past participle of a French compound
/// tense or an English past or present form.
const SAY: &str = r"(?:(?:declare|dit|affirme|ajoute|explique|precise|souligne|indique|assure|estime|lance|martele|insiste|reconnu|confie|poursuivi|tweete|ecrit|annonce|admis|avoue|rappele|note|conclu|repondu|repond|reagi|temoigne|raconte|regrette|denonce|commente|observe|juge|avertit|averti|prevenu|previent|promis|jure|tranche|resume|defendu|plaide|argue|nuance|corrige|detaille|relate|confirme|deplore|salue|fustige|tonne|considere|reitere|repete|rapporte|signale|constate|soutenu|soutient|exprime|demande|requis|rassure|rencheri|questionne|ironise|lache|glisse|souffle|assene|interroge|critique|predit|s'est (?:felicite|inquiete|indigne|rejoui|defendu|emporte|exclame|dit|desole|alarme|agace|insurge|etonne|interroge|amuse)|se sont (?:felicite|inquiete|indigne|rejoui|desole|alarme|insurge))(?:e|s|es)?|(?:declar|affirm|ajout|expliqu|precis|soulign|indiqu|assur|estim|lanc|martel|insist|confi|poursuiv|ecriv|annonc|avou|rappel|not|conclu|repond|temoign|racont|regrett|denonc|comment|observ|jug|avertiss|preven|promett|jur|tranch|resum|plaid|argu|nuanc|corrig|detaill|relat|confirm|deplor|salu|fustig|tonn|consider|reiter|repet|rapport|signal|constat|souten|exprim|demand|dis|reconnaiss)e?ai(?:t|ent)|disant|declarant|avance|avancait|affirmant|estimant|expliquant|ajoutant|soulignant|assurant|precisant|indiquant|said|says|told|added|saying|stating|adding|explaining|noting|writing|insisting|arguing|reiterated|repeated|reported|responded|retorted|answered|explained|noted|wrote|tweeted|posted|continued|insisted|argued|warned|stated|claimed|recalled|asked|replied|acknowledged|admitted|assured|assures|reports|conceded|declared|announced|added|observed|remarked|commented|testified|suggested|urged|pointed out|went on|told reporters|told [a-z]+|according to|cautioned|estimated|estimates|indicated|indicates|stressed|emphasized|emphasised|predicted|complained|lamented|boasted|joked|quipped|recounted|explains|adds|notes|writes|tweets|continues|insists|argues|warns|states|claims|recalls|asks|replies|comments|remarks|concludes|concluded|conclude|points out|show(?:s|ed) that|asserted|asserts|asserting|made clear|makes clear|making clear)";

/// French verbs said in the present, inverted: "déclare-t-il", "explique-t-elle".
const SAY_PRESENT: &str = r"(?:declare|decrit|dit|predit|affirme|ajoute|explique|precise|souligne|indique|assure|estime|lance|martele|insiste|reconnait|confie|poursuit|ecrit|annonce|avoue|rappelle|note|conclut|repond|raconte|regrette|denonce|commente|observe|juge|previent|tranche|resume|plaide|argue|nuance|corrige|detaille|relate|confirme|deplore|salue|fustige|tonne|s'inquiete|s'indigne|s'emporte|s'exclame|rassure|reagit|se desole|se felicite|se rejouit|s'alarme|s'agace|s'insurge|s'etonne|s'interroge|s'amuse|sourit|ironise|glisse|souffle|lache|assene|rencherit|critique)";

/// Verbs that give a word or phrase to someone: "X called it «…»", "X a
/// qualifié la décision de «…»", "X a parlé d'une «…»".
const GIVE: &str = r"(?:called|call|calls|calling|described|describes|describing|dubbed|labelled|labeled|termed|branded|referred to|spoke of|warned of|warning of|warning|denounced|dismissed|condemned|hailed|urged|urging|promised|promising|vowed|vowing|pledged|pledging|decried|slammed|assailed|blasted|criticised|criticized|attacked|accused|accuse|accusant|decrivant|decrit|praised|welcomed|cheered|applauded|celebrated|lauded|mocked|ridiculed|recalled it|found|deemed|considered|qualifie|qualifiant|traite|parle|evoque|denonce|fustige|juge|estime|appele|appelle|reclame|exige|promet|promis|denoncant|evoquant|jugeant|estimant|parlant|refuse|rejete|condamne|salue|souhaite|demande|craint|redoute|voit|pointe du doigt|mis en garde contre|mettre en garde contre|met en garde contre|warned against|pointed to|spoke of|fait part de|faisant part de|fait etat de|faisant etat de|rend hommage|rendant hommage|rendu hommage|compared|compares|comparing)";

/// A subject the attribution can name: a pronoun, or a role with its
/// article ("le porte-parole", "the spokesman"); names are actor mentions.
fn pronoun_gender(w: &str) -> Option<Option<Gender>> {
    match w {
        "il" | "he" => Some(Some(Gender::Masculine)),
        "elle" | "she" => Some(Some(Gender::Feminine)),
        _ => None,
    }
}

/// What an attribution names as the speaker.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    Actor(usize),
    /// A pronoun: the person last named (of this gender, if known).
    Pronoun(Option<Gender>),
    /// A role noun, folded ("porte-parole").
    Role(&'static str),
    /// Said, but by nobody named: "ils", "they", "a source", "officials".
    Unnamed,
    /// An institution named by a common noun: "le gouvernement", "la
    /// préfecture", "the ministry".
    Institution(&'static str),
    /// "son service de presse", "its press office": the organisation whose
    /// press service the text named before.
    PressService,
    /// "it", "the statement": the organisation quoted just before.
    It,
    /// "the 56-year-old": the person last named.
    Described,
}

/// Institutions an article names by a common noun, and that speak.
const INSTITUTIONS: &[&str] = &[
    "gouvernement",
    "prefecture",
    "parquet",
    "ministere",
    "police",
    "gendarmerie",
    "mairie",
    "elysee",
    "matignon",
    "kremlin",
    "justice",
    "tribunal",
    "syndicat",
    "entreprise",
    "societe",
    "groupe",
    "direction",
    "armee",
    "onu",
    "commission",
    "government",
    "ministry",
    "prosecutors",
    "prosecution",
    "company",
    "union",
    "pentagon",
    "administration",
    "embassy",
    "ambassade",
    "army",
    "court",
    "council",
    "conseil",
    "agency",
    "agence",
    "club",
];

pub fn find(plain: &str, rules: &crate::config::Rules) -> Vec<Quote> {
    let folded = Folded::new(plain);
    let found = actors::find(plain, &folded, rules);
    find_with(plain, &folded, &found)
}

/// Every quotation of `plain`, with its speaker among `found` actors.
pub fn find_with(plain: &str, folded: &Folded, found: &actors::Found) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = Vec::new();
    let spans = quoted_spans(plain);
    let inside: Vec<(usize, usize)> = spans.iter().map(|s| (s.open, s.close)).collect();
    // The speaker of the last attributed quote, and where its paragraph ends.
    let mut last_speaker: Option<(Option<String>, usize)> = None;
    // The sentence of the last quotation that had a speaker.
    let mut last_sentence: Option<((usize, usize), Option<String>)> = None;
    // The last person quoted, and where the sentence of that quotation ends.
    let mut last_person_quoted: Option<(String, usize)> = None;
    for (k, span) in spans.iter().enumerate() {
        let (start, end) = (span.start, span.end);
        if start >= end {
            continue;
        }
        let text = &plain[start..end];
        let words = crate::text::word_count(text);
        let (s_start, s_end) = sentence_around(plain, span.open, span.close, &inside);
        // The text between neighbouring quotations of the sentence and this one.
        let prev_close = if k > 0 && spans[k - 1].close > s_start { spans[k - 1].close } else { s_start };
        let next_open = spans.get(k + 1).filter(|n| n.open < s_end).map_or(s_end, |n| n.open);
        let after = &plain[span.close.min(next_open)..next_open];
        // Who the attribution names, and where a pronoun or a role in it
        // stands: it refers back from there ("He said X had been a “…”":
        // not X, named between the pronoun and the quotation).
        // "helmets with “PRESS” written on them": an inscription, which no
        // one in the sentence speaks.
        let inscribed = inscription(&plain[span.close..]);
        let (who, at) = match attribution_after(after, span.close, folded, found).filter(|_| !inscribed) {
            Some(w) => (Some(w), span.open),
            None => match attribution_before(plain, (s_start, prev_close, span.open), words, folded, found) {
                Some((w, at)) => (Some(w), at),
                None => {
                    // ", a annoncé l'Association française de l'assurance, lundi."
                    // at the sentence's end gives it all its quotations.
                    let rest = &plain[span.close.min(s_end)..s_end];
                    (sentence_final(rest, span.close, folded, found), span.open)
                }
            },
        };
        let para_start = plain[..span.open].rfind("\n\n").map_or(0, |i| i + 2);
        let para_end = plain[span.close..].find("\n\n").map_or(plain.len(), |i| span.close + i);
        let speaker = match who {
            // "La société a ajouté …" with no company introduced so: the
            // organisation quoted just before.
            Some(Who::Institution(noun)) if actors::ORGANISATION_ROLES.contains(&noun) => last_speaker
                .as_ref()
                .and_then(|(s, _)| s.clone())
                .filter(|id| found.actors.iter().any(|a| a.id == *id && !a.person))
                .or_else(|| Some(noun.to_owned())),
            // "“…,” he suggested" after "“…,” Tom Alweendo told The
            // Namibian": the pronoun stands for the person just quoted,
            // unless another person has been named since.
            Some(Who::Pronoun(gender))
                if last_person_quoted.as_ref().is_some_and(|(id, close)| {
                    at.saturating_sub(*close) < 1200
                        && found.actors.iter().any(|a| {
                            a.id == *id && a.person && (gender.is_none() || a.gender.is_none_or(|g| Some(g) == gender))
                        })
                        && !found
                            .within(*close, at.max(*close))
                            .iter()
                            .any(|m| found.actors[m.actor].person && found.actors[m.actor].id != *id)
                }) =>
            {
                last_person_quoted.as_ref().map(|(id, _)| id.clone())
            }
            // "“…,” it added", "“…,” the statement said": the organisation
            // just quoted.
            Some(Who::It) => last_speaker
                .as_ref()
                .filter(|(_, end)| *end + 2 >= para_start.saturating_sub(1))
                .and_then(|(s, _)| s.clone())
                .filter(|id| !found.actors.iter().any(|a| a.id == *id && a.person))
                .or_else(|| {
                    // "… economists at Goldman Sachs said. … «…», it said":
                    // the organisation the text last said spoke.
                    static SAID: OnceLock<Regex> = OnceLock::new();
                    let said = re(
                        &SAID,
                        r"^\s+(?:said|says|told|added|stated|noted|wrote|warned|a (?:declare|indique|precise|affirme|annonce|ecrit))\b",
                    );
                    found
                        .mentions
                        .iter()
                        .rev()
                        .filter(|m| {
                            // (Or a name read as a person's that nothing
                            // says is one: "Goldman Sachs".)
                            let a = &found.actors[m.actor];
                            m.end <= span.open
                                && span.open - m.end < 1500
                                && (!a.person || a.gender.is_none() && a.roles.is_empty() && !a.configured)
                        })
                        .filter(|m| !inside.iter().any(|&(o, c)| o <= m.start && m.end <= c))
                        .find(|m| said.is_match(&crate::fold::fold(crate::text::after(plain, m.end, 40))))
                        .map(|m| found.actors[m.actor].id.clone())
                }),
            Some(who) => resolve(who, at, found, &inside, plain),
            None => {
                // A quotation that follows another's attribution carries on
                // its speaker: "“…,” Cooper said. “They start …”", or a
                // paragraph that is all quotation after one that quotes or
                // names who speaks ("Saeb Erekat said they would …").
                // A paragraph that is only the quotation, ended as a
                // sentence (a headline repeating a quote has no full stop).
                // Words outside the paragraph's quotations are an
                // attribution not understood: nothing carries over then.
                let only_quoted = {
                    let mut from = para_start;
                    let mut outside = String::new();
                    for q in spans.iter().filter(|q| q.open >= para_start && q.open < para_end) {
                        outside.push_str(&plain[from.min(q.open)..q.open]);
                        from = q.close.max(from);
                    }
                    outside.push_str(&plain[from.min(para_end)..para_end]);
                    !outside.chars().any(char::is_alphanumeric)
                };
                let alone = plain[para_start..span.open].trim().is_empty()
                    && only_quoted
                    && plain[..para_end]
                        .trim_end()
                        .trim_end_matches(['»', '"', '”', '’', ' ', '\u{a0}'])
                        .ends_with(['.', '!', '?', '…']);
                // A whole sentence in quotation marks ("Not everyone will
                // succeed.") is someone's words, however short.
                let sentence = text.starts_with(char::is_uppercase) && text.trim_end().ends_with(['.', '!', '?']);
                let same_sentence =
                    last_sentence.as_ref().filter(|(s, _)| *s == (s_start, s_end)).map(|(_, w)| w.clone());
                // (Some(None): the quotation carries on one whose speaker
                // the text does not name, "one Weibo commenter said".)
                let carried: Option<Option<String>> = match &last_speaker {
                    _ if same_sentence.is_some() => same_sentence,
                    // Only a quotation that opens its sentence: one inside
                    // another sentence has that sentence's subject.
                    Some((speaker, at))
                        if *at >= span.open
                            && (words >= SCARE_WORDS || sentence)
                            && plain[s_start..span.open].trim_start_matches(['«', '"', '“', ' ']).is_empty() =>
                    {
                        Some(speaker.clone())
                    }
                    Some((speaker, at)) if alone && words >= SCARE_WORDS && *at + 2 >= para_start.saturating_sub(1) => {
                        Some(speaker.clone())
                    }
                    _ => None,
                };
                // A quotation that is a sentence of its own, in a
                // paragraph that has named one person only before it ("…
                // le lieutenant-colonel Olivier Compta pense au danger. « Il
                // y a des secteurs … »"), or given one named person's role
                // ("Le lieutenant-colonel arrive … « On n'est pas … »"):
                // that person's words, as a reader takes them.
                let own_sentence = (words >= SCARE_WORDS || sentence)
                    && plain[s_start..span.open].trim_start_matches(['«', '"', '“', ' ']).is_empty()
                    && (!plain[span.close.min(s_end)..s_end].chars().any(char::is_alphanumeric)
                        || text.trim_end().ends_with(['.', '!', '?', '…'])
                            && plain[span.close.min(s_end)..s_end]
                                .trim_start_matches(|c: char| c.is_whitespace() || "«\"“".contains(c))
                                .starts_with(char::is_uppercase))
                    && s_start > para_start;
                let of_paragraph = || {
                    let outside = |m: &&actors::Mention| !inside.iter().any(|&(o, c)| o <= m.start && m.end <= c);
                    let mut persons: Vec<usize> = found
                        .within(para_start, span.open)
                        .iter()
                        .filter(outside)
                        .filter(|m| found.actors[m.actor].person)
                        .map(|m| m.actor)
                        .collect();
                    persons.dedup();
                    match persons.as_slice() {
                        [one] if !unnamed_role_between(&plain[para_start..span.open], &found.actors[*one].roles) => {
                            Some(found.actors[*one].id.clone())
                        }
                        [] => paragraph_role(&plain[para_start..span.open])
                            .and_then(|role| found.with_role(&role, para_start))
                            .filter(|&a| found.actors[a].person)
                            .map(|a| found.actors[a].id.clone())
                            .or_else(|| {
                                // "… the world should expect leadership of a
                                // different flavour, says Yao. “…”": who the
                                // sentence before says spoke.
                                let previous = (para_start, s_start);
                                speaker_of_sentence(plain, previous, folded, found, false)
                                    .filter(|w| matches!(w, Who::Actor(_)))
                                    .and_then(|w| resolve(w, s_start, found, &inside, plain))
                            }),
                        // Several people named: the subject of the sentence
                        // right before ("Sur …, Roland Duchatelet balaie
                        // les reproches. « Il n'était pas … »").
                        _ => {
                            let before = &plain[para_start..s_start];
                            let last = crate::text::sentences(before).last().cloned()?;
                            subject_person(plain, para_start + last.start, para_start + last.end, found, &inside)
                                .map(|a| found.actors[a].id.clone())
                        }
                    }
                };
                // "Et les discussions actuelles, qu'en penser ? « C'est du
                // bric à brac … »": the answer to the writer's question in
                // the same paragraph is the person the article last quoted.
                // A question of the writer's own, in no quotation marks, and
                // who answers it: the person the article last quoted.
                let asked = |q: &str| q.trim_end().ends_with('?') && !q.contains(['«', '"', '“', '”', '»']);
                let last_quoted = || {
                    last_person_quoted
                        .as_ref()
                        .filter(|(_, close)| span.open.saturating_sub(*close) < 3000)
                        .map(|(id, _)| id.clone())
                };
                let answer = || {
                    let before = &plain[para_start..s_start];
                    let last = crate::text::sentences(before).last().cloned()?;
                    asked(&before[last]).then(last_quoted).flatten()
                };
                let carried = match carried {
                    Some(speaker) => speaker,
                    None if own_sentence => answer().or_else(of_paragraph),
                    None => None,
                };
                carried.or_else(|| {
                    if !alone || words < SCARE_WORDS || para_start < 2 {
                        return None;
                    }
                    let prev_start = plain[..para_start - 2].rfind("\n\n").map_or(0, |i| i + 2);
                    let previous = &plain[prev_start..para_start - 2];
                    let last =
                        crate::text::sentences(previous).last().map(|r| (prev_start + r.start, prev_start + r.end))?;
                    // A speech set out over paragraphs, each opening a
                    // quotation the next one goes on with, and no
                    // attribution: the person the paragraph before is about.
                    let open_ended = !plain[..span.close].ends_with(['»', '"', '”']);
                    // An interview: the interviewer's question, in a
                    // paragraph of its own with no quotation marks ("Is
                    // Starmer a good leader?"), and the answer, all
                    // quotation: the person the article last quoted.
                    if asked(previous) && crate::text::word_count(previous) <= 60 {
                        return last_quoted();
                    }
                    speaker_of_sentence(plain, last, folded, found, open_ended)
                        .and_then(|w| resolve(w, last.0, found, &inside, plain))
                })
            }
        };
        let (who, speaker) = if inscribed { (None, None) } else { (who, speaker) };
        let scare = who.is_none() && speaker.is_none() && words < SCARE_WORDS;
        if let Some(id) = &speaker {
            if found.actors.iter().any(|a| a.id == *id && a.person) {
                last_person_quoted = Some((id.clone(), s_end.max(span.close)));
            }
        }
        if who.is_some() || speaker.is_some() {
            last_speaker = Some((speaker.clone(), para_end));
            last_sentence = Some(((s_start, s_end), speaker.clone()));
        }
        quotes.push(Quote {
            id: String::new(),
            start,
            end,
            text: text.to_owned(),
            speaker,
            origin: super::Origin::Machine,
            reported: false,
            scare,
        });
    }
    // The same words quoted twice in a page (a headline repeating the
    // text's quote) are one quote: the copy that names its speaker stays.
    let key = |q: &Quote| crate::fold::fold(&q.text).split_whitespace().collect::<Vec<_>>().join(" ");
    let mut keep = vec![true; quotes.len()];
    for i in 0..quotes.len() {
        for j in 0..quotes.len() {
            if i != j
                && keep[j]
                && crate::text::word_count(&quotes[i].text) >= SCARE_WORDS
                && key(&quotes[i]) == key(&quotes[j])
            {
                let (a, b) = (&quotes[i], &quotes[j]);
                // Drop i when j names a speaker and i does not, or both
                // are alike and j comes first.
                if a.speaker.is_none() && b.speaker.is_some() || (a.speaker.is_some() == b.speaker.is_some() && j < i) {
                    keep[i] = false;
                    break;
                }
            }
        }
    }
    let mut k = 0;
    quotes.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    // A short phrase the text uses three times or more, in quotation marks
    // or not («gilets jaunes»), is a name for something, nobody's words.
    // (Singular or plural: «gilet jaune», «gilets jaunes».)
    let stem = |w: &str| -> String { if w.len() > 3 { w.strip_suffix(['s', 'x']).unwrap_or(w) } else { w }.to_owned() };
    let words_of = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).map(stem).collect()
    };
    let mut text_words: Option<Vec<String>> = None;
    for q in quotes.iter_mut().filter(|q| q.speaker.is_some() && crate::text::word_count(&q.text) < SCARE_WORDS) {
        let own = key(q);
        if own.len() < 4 || own.split_whitespace().count() > 3 {
            continue;
        }
        let term = words_of(&own);
        let all = text_words.get_or_insert_with(|| words_of(&folded.text));
        if !term.is_empty() && all.windows(term.len()).filter(|w| *w == term.as_slice()).count() >= 3 {
            q.speaker = None;
            q.scare = true;
        }
    }
    quotes.extend(reported_speech(plain, folded, found, &quotes));
    quotes.sort_by_key(|q| (q.start, q.end));
    quotes
}

/// Whether the words after a quotation say it is written on something:
/// "“PRESS” written on them", "« Police » inscrit sur le dos".
fn inscription(after: &str) -> bool {
    static INSCRIBED: OnceLock<Regex> = OnceLock::new();
    let inscribed = re(
        &INSCRIBED,
        r"^[,.]?\s+(?:was\s+|were\s+)?(?:written|painted|printed|inscribed|emblazoned|scrawled|stencill?ed|sprayed|ecrits?|ecrites?|inscrits?|inscrites?|peints?|peintes?|imprimes?|imprimees?)\s+(?:on|across|in|sur|en)\b",
    );
    let after = after.trim_start_matches(['»', '"', '”', '’']);
    inscribed.is_match(&crate::fold::fold(crate::text::after(after, 0, 60)))
}

/// The speaker's actor id.
fn resolve(who: Who, at: usize, found: &actors::Found, quotes: &[(usize, usize)], plain: &str) -> Option<String> {
    let index = match who {
        Who::Actor(a) => Some(a),
        Who::Pronoun(gender) => {
            let person = found.last_person(at, gender, quotes)?;
            let last = found.mentions.iter().rfind(|m| m.actor == person && m.start < at)?;
            // Too far back, or someone unnamed came in between ("l'avocate
            // générale … poursuit-elle"): the pronoun is not theirs.
            if at - last.end > 1500 || unnamed_role_between(&plain[last.end..at], &found.actors[person].roles) {
                return None;
            }
            Some(person)
        }
        // "the governor said" with no governor named so: the person the
        // text is about just before, as a pronoun would be; but a
        // spokesman is someone else than the person last named.
        Who::Role(role) => found.with_role(role, at).or_else(|| {
            if SPOKESPEOPLE.contains(&role) {
                return None;
            }
            let person = found.last_person(at, None, quotes)?;
            let last = found.mentions.iter().rfind(|m| m.actor == person && m.start < at)?;
            (at - last.end < 600
                && last.subject
                && !unnamed_role_between(&plain[last.end..at], &found.actors[person].roles))
            .then_some(person)
        }),
        Who::Unnamed => None,
        Who::PressService => press_service_of(plain, at, found),
        Who::It => None,
        Who::Described => found
            .mentions
            .iter()
            .rev()
            .filter(|m| m.end <= at && at - m.end < 1500 && found.actors[m.actor].person)
            .find(|m| !quotes.iter().any(|&(s, e)| s <= m.start && m.end <= e))
            .map(|m| m.actor),
        Who::Institution(noun) => return Some(noun.to_owned()),
    }?;
    Some(found.actors[index].id.clone())
}

/// Roles that speak for someone else: the person last named is not the one.
const SPOKESPEOPLE: &[&str] = &[
    "porte-parole",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "representative",
    "representant",
    "representante",
    "avocat",
    "avocate",
    "lawyer",
    "attorney",
];

/// The organisation whose press service or spokesman the text last named
/// before `at` ("le service de presse de Rostec", "Rostec's press office").
fn press_service_of(plain: &str, at: usize, found: &actors::Found) -> Option<usize> {
    static OF: OnceLock<Regex> = OnceLock::new();
    static OWN: OnceLock<Regex> = OnceLock::new();
    let text = crate::text::before(plain, at, 1500);
    let from = at - text.len();
    let of = re(
        &OF,
        r"(?i)(?:service de presse|porte-parole|press (?:office|service)|spokes(?:man|woman|person)) (?:de |du |d'|d’|of )(?:la |le |l'|l’|the )?",
    );
    let own = re(&OWN, r"(?i)['’]s (?:press (?:office|service)|spokes(?:man|woman|person))\b");
    let after = of.find_iter(text).last().map(|m| from + m.end());
    let before = own.find_iter(text).last().map(|m| from + m.start());
    let mention = |m: &&actors::Mention| !found.actors[m.actor].person;
    let a =
        after.and_then(|p| found.within(p, p + 1).iter().find(mention).filter(|m| m.start == p).map(|m| (p, m.actor)));
    let b = before.and_then(|p| found.within(p.saturating_sub(1), p).iter().find(mention).map(|m| (p, m.actor)));
    a.into_iter().chain(b).max_by_key(|(p, _)| *p).map(|(_, actor)| actor)
}

/// Whether a definite role with no name follows ("l'avocat général", "the
/// spokesman"), which a pronoun after it would stand for. A role the person
/// was named with ("le lieutenant-colonel Olivier Compta", then "le
/// lieutenant-colonel arrive") is that person again.
fn unnamed_role_between(text: &str, own: &[String]) -> bool {
    static ROLE: OnceLock<Regex> = OnceLock::new();
    let role = re(&ROLE, &role_pattern("l'|le |la |the |son |sa |his |her |their |leur ", r"(.{0,40})"));
    let fold = crate::fold::fold(text);
    role.captures_iter(&fold).any(|c| {
        if own.iter().any(|r| r.split(' ').any(|w| w == &c[1])) {
            return false;
        }
        // Named right after ("le porte-parole, Dmitri Peskov"): not unnamed.
        let start = c.get(2).map_or(0, |m| m.start());
        let original = crate::text::after(text, byte_at(text, &fold, start), 40);
        !original.trim_start_matches([',', ' ']).starts_with(char::is_uppercase)
    })
}

/// A role noun of `actors::ROLES` (or a compound ending with one,
/// "lieutenant-colonel") after one of `articles`, in folded text: the role
/// is group 1, then `tail`.
fn role_pattern(articles: &str, tail: &str) -> String {
    format!(r"(?:^|[^\p{{L}}])(?:{articles})((?:[a-z]+-)?(?:{}))\b{tail}", actors::ROLES.join("|").replace('-', "\\-"))
}

/// The one definite role a paragraph speaks of with no name ("le
/// lieutenant-colonel arrive"), folded.
fn paragraph_role(text: &str) -> Option<String> {
    static ROLE: OnceLock<Regex> = OnceLock::new();
    let role = re(&ROLE, &role_pattern("l'|le |la |the ", ""));
    let fold = crate::fold::fold(text);
    let mut found: Vec<String> = role.captures_iter(&fold).map(|c| c[1].to_owned()).collect();
    found.dedup();
    match found.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// Who the words after a quotation name: "…», a déclaré X", ", said X",
/// ", X said", ", a-t-il ajouté", ", the spokesman said", ", selon X".
fn attribution_after(after: &str, at: usize, folded: &Folded, found: &actors::Found) -> Option<Who> {
    static INVERTED: OnceLock<Regex> = OnceLock::new();
    static PRONOUN_INVERTED: OnceLock<Regex> = OnceLock::new();
    static SUBJECT_FIRST: OnceLock<Regex> = OnceLock::new();
    let lead = after.len() - after.trim_start_matches(|c: char| c.is_whitespace() || ",.»”\"’'…".contains(c)).len();
    if lead == 0 && !after.is_empty() {
        // The quote runs into the sentence ("«…» du président"): no clause
        // of attribution right after it.
        return None;
    }
    let window = crate::text::after(after, lead, 130);
    let fold = crate::fold::fold(window);
    let base = at + lead;
    // "a-t-il ajouté", "ajoute-t-elle", "déclare-t-il"
    let pronoun = re(
        &PRONOUN_INVERTED,
        &format!(r"^(?:(?:a|avait|ont|aurait)-t-|(?:{SAY_PRESENT}|{SAY})(?:-t)?[- ])(il|elle|ils|elles|on)\b"),
    );
    if let Some(c) = pronoun.captures(&fold) {
        return Some(match &c[1] {
            "il" => Who::Pronoun(Some(Gender::Masculine)),
            "elle" => Who::Pronoun(Some(Gender::Feminine)),
            _ => Who::Unnamed,
        });
    }
    // ", a déclaré X", ", said X", ", selon X", ", according to X", ", explique X"
    let inverted = re(
        &INVERTED,
        &format!(
            r"^(?:lui\s+|leur\s+)?(?:(?:a|avait|ont|avaient|aurait)\s+(?:(?:encore|aussi|alors|ensuite|notamment|ainsi|toutefois|egalement|pourtant|cependant|donc|deja|meme|enfin|surtout|bien|meanwhile|also)\s+){{0,2}}{SAY}|{SAY}|{SAY_PRESENT}|selon|d'apres|a affirme|according to)\b"
        ),
    );
    if let Some(m) = inverted.find(&fold) {
        if let Some(who) = demonstrative(&fold[m.end()..]) {
            return Some(who);
        }
        return subject_at(window, &fold[m.end()..], base + byte_at(window, &fold, m.end()), folded, found, true);
    }
    // ", X said", ", he added", ", the spokesman said", "», Rostec a assuré"
    let subject_first = re(
        &SUBJECT_FIRST,
        &format!(
            r"^(.{{1,120}}?)\s+(?:(?:a|avait|ont|avaient|aurait|has|had|have|is|was)\s+(?:[a-z]+\s+)?)?(?:{SAY})\b"
        ),
    );
    if let Some(c) = subject_first.captures(&fold) {
        let subject = c.get(1).expect("group");
        // "… despite being the envoy in Brussels, said X": the words before
        // ", said" are no subject; X, after the verb, is.
        // "… “no need” for Beijing residents to worry …, it has also
        // acknowledged": a phrase that opens with a preposition is none.
        let preposition = subject.as_str().split_whitespace().next().is_some_and(|w| {
            matches!(
                w,
                "for"
                    | "to"
                    | "of"
                    | "in"
                    | "on"
                    | "at"
                    | "with"
                    | "by"
                    | "from"
                    | "about"
                    | "as"
                    | "and"
                    | "but"
                    | "despite"
                    | "while"
                    | "after"
                    | "before"
                    | "since"
                    | "pour"
                    | "de"
                    | "du"
                    | "des"
                    | "a"
                    | "au"
                    | "aux"
                    | "dans"
                    | "sur"
                    | "avec"
                    | "par"
                    | "en"
                    | "et"
                    | "mais"
                    | "malgre"
                    | "apres"
                    | "avant"
                    | "depuis"
                    | "contre"
                    | "vers"
                    | "chez"
                    // A clause of its own: "«…» alors que le maire a rappelé".
                    | "alors"
                    | "tandis"
                    | "whereas"
                    | "when"
                    | "lorsque"
                    | "quand"
                    | "because"
                    | "parce"
                    | "car"
                    | "if"
                    | "si"
                    | "where"
            )
        });
        let text = subject.as_str();
        if text.contains(['«', '"', ':']) || preposition {
            return None;
        }
        if !text.trim_end().ends_with(',') {
            return (text.len() <= 70).then(|| subject_at(window, text, base, folded, found, false)).flatten();
        }
        // ", Jessica Caldwell, Edmunds' executive director of industry
        // analysis, said": a name with its apposition between commas; the
        // name, in capitals, is the subject.
        let head = &window[..byte_at(window, &fold, text.find(", ").unwrap_or(0))];
        let capitalised = head.split_whitespace().all(|w| w.starts_with(|c: char| c.is_uppercase()));
        if !head.is_empty() && capitalised && head.split_whitespace().count() <= 4 {
            return subject_at(window, &text[..text.find(", ").unwrap_or(0)], base, folded, found, false);
        }
    }
    None
}

/// The byte offset in `original` of byte `at` of its folded form `folded`
/// (the two match character for character but for multi-byte letters).
fn byte_at(original: &str, folded: &str, at: usize) -> usize {
    let chars = folded[..at.min(folded.len())].chars().count();
    original.char_indices().nth(chars).map_or(original.len(), |(i, _)| i)
}

/// Who is named at the start of `words` (folded; they begin at byte
/// `base` of the page), as the subject after a verb of saying: a person's
/// name, even behind a role ("le ministre de l'Intérieur, Bernard
/// Cazeneuve", "the Prime Minister, Edouard Philippe"); an organisation
/// named first ("said Rostec"); a pronoun; a role; someone unnamed.
fn subject_at(
    _original: &str,
    words: &str,
    base: usize,
    _folded: &Folded,
    found: &actors::Found,
    _after_verb: bool,
) -> Option<Who> {
    static WHEN: OnceLock<Regex> = OnceLock::new();
    // ", a déclaré lundi M. Zaemsky", ", said on Tuesday the minister":
    // the time of speaking comes before the speaker.
    let when = re(
        &WHEN,
        r"^\s*(?:(?:(?:on|ce|le)\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd'hui|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|earlier|later|dimanche)(?:\s+(?:soir|matin|apres-midi|dernier|night|morning|evening|afternoon))?\s*,?\s+)+",
    );
    let skipped = when.find(words).map_or(0, |m| m.end());
    let (words, base) = (&words[skipped..], base + skipped);
    let trimmed = words.trim_start();
    let base = base + (words.len() - trimmed.len());
    // The phrase ends at punctuation, but not at the point of a title
    // ("M. Zaemsky", "Mr. Smith", "Dr. Ahmed").
    let reach = trimmed
        .char_indices()
        .find(|&(i, c)| {
            if c == '.' {
                let word = trimmed[..i].rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                return !matches!(
                    word,
                    "m" | "mm"
                        | "mr"
                        | "mrs"
                        | "ms"
                        | "mme"
                        | "dr"
                        | "pr"
                        | "st"
                        | "gen"
                        | "sen"
                        | "rep"
                        | "gov"
                        | "lt"
                        | "col"
                        | "sgt"
                        | "prof"
                        | "me"
                );
            }
            matches!(c, ';' | '(' | '«' | '"' | ':' | '!' | '?')
        })
        .map_or(trimmed.len(), |(i, _)| i)
        .min(120);
    let first: Vec<&str> = trimmed
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .take(4)
        .collect();
    if let Some(w) = first.first() {
        if let Some(g) = pronoun_gender(w) {
            return Some(Who::Pronoun(g));
        }
        if matches!(*w, "ils" | "elles" | "they" | "we" | "nous" | "on" | "i" | "je") {
            return Some(Who::Unnamed);
        }
        if *w == "it"
            || first.len() >= 2
                && first[0] == "the"
                && matches!(first[1], "statement" | "release" | "communique" | "letter")
            || first.len() >= 2 && matches!(first[0], "le" | "la") && matches!(first[1], "communique" | "lettre")
        {
            return Some(Who::It);
        }
    }
    if first.len() >= 3
        && matches!(first[0], "son" | "sa" | "its" | "leur" | "their")
        && matches!((first[1], first[2]), ("service", "de") | ("press", "office") | ("press", "service"))
    {
        return Some(Who::PressService);
    }
    let mentions = found.within(base, base + reach);
    // "one Weibo commenter", "a source close to the matter": someone the
    // text does not name, unless the phrase speaks for an organisation it
    // names ("a spokesperson for the British Foreign Office").
    // "a précisé à l'AFP Hélène Girardot": "à" folds to "a", no article.
    let french_to = first.first() == Some(&"a")
        && first.get(1).is_some_and(|w| w.starts_with("l'") || matches!(*w, "la" | "le" | "les"));
    let indefinite = !french_to
        && first.first().is_some_and(|w| matches!(*w, "un" | "une" | "a" | "an" | "des" | "one" | "some" | "certains"));
    if indefinite {
        let role = first.iter().take(3).any(|w| actors::ROLES.contains(w));
        let of = trimmed.split_whitespace().take(6).any(|w| matches!(w, "for" | "of" | "de" | "du" | "d'un" | "de la"));
        return match mentions.first() {
            Some(m) if role && of => Some(Who::Actor(m.actor)),
            _ => Some(Who::Unnamed),
        };
    }
    // A person's name anywhere in the phrase: the role before it is theirs.
    // "Google Search lead Liz Reid": a name, a role in lower case, then the
    // person who holds it; the first name only qualifies the role.
    let mut people: Vec<&actors::Mention> =
        mentions.iter().filter(|m| found.actors[m.actor].person && found.actors[m.actor].name.contains(' ')).collect();
    // "said Gastelum-Vera's neighbor, Brian Kinder": the possessor names
    // whose neighbour speaks; the person after is the speaker.
    let possessive = |m: &actors::Mention| {
        let after = plain_between(trimmed, base, m.end, m.end + 4);
        after.starts_with("'s") || after.starts_with("’s")
    };
    if people.len() >= 2 && possessive(people[0]) {
        people.remove(0);
    }
    if let [m, n, ..] = people.as_slice() {
        let between = plain_between(trimmed, base, m.end, n.start).trim();
        let role = !between.is_empty()
            && between.split_whitespace().count() <= 3
            && between
                .split_whitespace()
                .all(|w| w.starts_with(char::is_lowercase) && !matches!(w, "and" | "or" | "et" | "ou"));
        if role {
            return Some(Who::Actor(n.actor));
        }
    }
    if let Some(m) = people.first() {
        return Some(Who::Actor(m.actor));
    }
    // "The French foreign ministry", "le ministère russe des Affaires
    // étrangères": an institution, whatever name qualifies it.
    if first.first().is_some_and(|w| matches!(*w, "le" | "la" | "l'" | "the")) {
        if let Some(noun) = first.iter().skip(1).take(3).find_map(|w| {
            let w = w.trim_start_matches("l'");
            INSTITUTIONS.iter().find(|i| **i == w)
        }) {
            return Some(Who::Institution(noun));
        }
    }
    // Any actor named at the phrase's start ("said Rostec", "selon le WSJ"),
    // but not one that qualifies a role after it ("the Republican
    // governor": the governor speaks).
    // "Environmental organisation Green Coast says": the adjective is no
    // actor; the name after the noun is.
    if let [m, n, ..] = mentions {
        let between = crate::fold::fold(plain_between(trimmed, base, m.end, n.start));
        let noun = between.trim();
        if !found.actors[m.actor].name.contains(' ')
            && m.start.saturating_sub(base) < 2
            && (actors::ROLES.contains(&noun) || actors::ORGANISATION_ROLES.contains(&noun))
        {
            return Some(Who::Actor(n.actor));
        }
    }
    let qualifies_role = mentions.first().is_some_and(|m| {
        // (`trimmed` starts at page offset `base`; folding keeps ASCII
        // offsets, and a miss only keeps the actor.)
        let after = trimmed.get(m.end.saturating_sub(base)..).unwrap_or("");
        let next = after.split(|c: char| !c.is_alphanumeric() && c != '-').find(|w| !w.is_empty()).unwrap_or("");
        mentions.len() == 1 && !found.actors[m.actor].name.contains(' ') && actors::ROLES.contains(&next)
    });
    if let Some(m) = mentions.first().filter(|_| !qualifies_role) {
        let mut cut = m.start.saturating_sub(base).min(trimmed.len());
        while !trimmed.is_char_boundary(cut) {
            cut -= 1;
        }
        let lead = trimmed[..cut].split_whitespace().count();
        if lead <= 2 {
            return Some(Who::Actor(m.actor));
        }
    }
    // "le porte-parole", "the spokesman", "la ministre", "un responsable"
    let role = first.iter().take(3).find_map(|w| actors::ROLES.iter().find(|r| **r == *w));
    // "the group added", "la société a ajouté": the organisation known by
    // that noun, if the text introduced one so.
    let organisation = first
        .first()
        .filter(|w| matches!(**w, "the" | "le" | "la"))
        .and_then(|_| first.get(1))
        .and_then(|w| actors::ORGANISATION_ROLES.iter().find(|r| **r == *w));
    if let Some(noun) = organisation {
        return Some(Who::Role(noun));
    }
    if let Some(role) = role {
        let indefinite = first.first().is_some_and(|w| matches!(*w, "un" | "une" | "a" | "an" | "des" | "one"));
        return Some(if indefinite { Who::Unnamed } else { Who::Role(role) });
    }
    if let Some(m) = mentions.first() {
        return Some(Who::Actor(m.actor));
    }
    // "le gouvernement", "la préfecture", "the ministry"
    let definite = first.first().is_some_and(|w| matches!(*w, "le" | "la" | "l'" | "the" | "les"));
    // "the group added", "la société a ajouté": the organisation the text
    // introduced by that noun.
    if definite {
        if let Some(noun) = first.get(1).and_then(|w| actors::ORGANISATION_ROLES.iter().find(|r| **r == *w)) {
            if let Some(actor) = found.with_role(noun, base) {
                return Some(Who::Actor(actor));
            }
        }
    }
    if definite {
        if let Some(noun) = first.iter().skip(1).take(3).find_map(|w| {
            let w = w.trim_start_matches("l'");
            INSTITUTIONS.iter().find(|i| **i == w)
        }) {
            return Some(Who::Institution(noun));
        }
    }
    if let Some(noun) =
        first.first().and_then(|w| w.strip_prefix("l'")).and_then(|w| INSTITUTIONS.iter().find(|i| **i == w))
    {
        return Some(Who::Institution(noun));
    }
    // "The 56-year-old said": someone described, not named; the person
    // named last, subject or not ("talks with Voss's agents … The
    // 56-year-old said"). The person mentioned most is often the wrong one
    // (an article on a manager's sacking names him more than his successor).
    if first.len() >= 2 && first[0] == "the" && first[1].ends_with("-year-old") {
        return Some(Who::Described);
    }
    // "ajoute le Berchemois", "a précisé la Lyonnaise": the person named
    // last, called by where they are from.
    if first.len() >= 2
        && matches!(first[0], "le" | "la")
        && actors::is_demonym(first[1])
        && !INSTITUTIONS.contains(&first[1])
        && !actors::is_role(first[1])
    {
        return Some(Who::Described);
    }
    // Someone the text does not name: "a source", "officials", "residents".
    if first
        .first()
        .is_some_and(|w| matches!(*w, "un" | "une" | "a" | "an" | "des" | "one" | "some" | "many" | "les" | "the"))
    {
        return Some(Who::Unnamed);
    }
    None
}

/// The text of `words` (which starts at page offset `base`) between page
/// offsets `from` and `to`, or nothing where they fall outside it.
fn plain_between(words: &str, base: usize, from: usize, to: usize) -> &str {
    words.get(from.saturating_sub(base)..to.saturating_sub(base)).unwrap_or("")
}

/// What an organisation or a person writes, and speaks through.
const DOCUMENTS: &[&str] = &[
    "letter",
    "letters",
    "statement",
    "report",
    "study",
    "analysis",
    "complaint",
    "filing",
    "lawsuit",
    "memo",
    "post",
];

/// Whether the words between an actor's mention and a verb let the actor be
/// the verb's subject: nothing, an apposition between commas ("Joel
/// Schlabach, a teacher at …, said"), or a few adverbs ("also", "on
/// Tuesday").
fn leads_to_verb(gap: &str) -> bool {
    // "a pour sa part dit", "a de son côté indiqué", "for his part":
    // asides between the subject and its verb.
    let mut g = gap.trim().to_owned();
    for aside in [
        "pour sa part",
        "pour leur part",
        "de son cote",
        "de leur cote",
        "quant a lui",
        "quant a elle",
        "for his part",
        "for her part",
        "for its part",
        "for their part",
    ] {
        g = g.replace(aside, " ");
    }
    // "Marine Le Pen (RN) a estimé": a party or a state in brackets.
    if g.starts_with('(') {
        if let Some(close) = g.find(')').filter(|&c| g[1..c].split_whitespace().count() <= 4) {
            g = g[close + 1..].to_owned();
        }
    }
    let g = g.split_whitespace().collect::<Vec<_>>().join(" ");
    let g = g.as_str();
    // "Anna Voss : «…»": a name, then the colon that gives the words.
    if g.is_empty() || g == ":" {
        return true;
    }
    // "Russia's foreign ministry said", "Tottenham's statement said": the
    // possessor stands for the speaker.
    if (g.starts_with("'s ") || g.starts_with("'s,")) && g.split_whitespace().count() <= 4 {
        return true;
    }
    // "The Greens' letter to the commissioner, Anna Cole, said": the
    // author of a document, whatever phrase follows the document.
    let document = g
        .strip_prefix("'s ")
        .or_else(|| g.strip_prefix("' "))
        .and_then(|rest| rest.split_whitespace().next())
        .is_some_and(|w| DOCUMENTS.contains(&w.trim_end_matches(',')));
    if document && g.len() <= 120 && ![" who ", " which ", " that ", " and "].iter().any(|r| g.contains(r)) {
        return true;
    }
    if g.starts_with(',') && g.ends_with(',') && g.len() > 3 && g.len() <= 200 {
        return true;
    }
    // "Rostec, qui a assuré que «…»", "the ministry, which said": the
    // relative's antecedent speaks.
    if matches!(g, ", qui" | ", who" | ", which" | ", lequel" | ", laquelle") {
        return true;
    }
    let words: Vec<&str> = g.split_whitespace().collect();
    words.len() <= 5
        && words.iter().all(|w| {
            let w = w.trim_matches(',');
            w.is_empty()
                || matches!(
                    w,
                    "also"
                        | "then"
                        | "later"
                        | "again"
                        | "further"
                        | "aussi"
                        | "alors"
                        | "encore"
                        | "ensuite"
                        | "notamment"
                        | "egalement"
                        | "lui"
                        | "elle"
                        | "meme"
                        // ("Hélène Morel se dit «étonnée»", "s'est lui
                        // déclaré «surpris»": a reflexive verb.)
                        | "se"
                        | "s'est"
                        | "s'etait"
                        | "quant"
                        | "has"
                        | "had"
                        | "have"
                        | "a"
                        | "avait"
                        | "ont"
                        | "on"
                        | "in"
                        | "lundi"
                        | "mardi"
                        | "mercredi"
                        | "jeudi"
                        | "vendredi"
                        | "samedi"
                        | "dimanche"
                        | "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                        | "today"
                        | "yesterday"
                        | "recently"
                        | "previously"
                        | "once"
                        | "himself"
                        | "herself"
                        | "ainsi"
                        | "toutefois"
                        | "pourtant"
                        | "cependant"
                        | "deja"
                        | "bien"
                        | "tenu"
                        | "voulu"
                        | "souhaite"
                        | "sought"
                        | "tried"
                        | "wanted"
                        | "to"
                        | "publiquement"
                        | "publicly"
                        | "immediately"
                        | "aussitot"
                )
        })
}

/// Who the words before a quotation name: "X a déclaré : «…»", "X said:
/// "…"", "Selon X, «…»", "According to X, "…"", "X a qualifié … de «…»".
/// `plain[start..open]` is the sentence up to the quotation; the verb is
/// looked for after `from` (the end of a quotation before it).
fn attribution_before(
    plain: &str,
    (start, from, open): (usize, usize, usize),
    words: usize,
    folded: &Folded,
    found: &actors::Found,
) -> Option<(Who, usize)> {
    static ACCORDING: OnceLock<Regex> = OnceLock::new();
    static SAYING: OnceLock<Regex> = OnceLock::new();
    static GIVING: OnceLock<Regex> = OnceLock::new();
    let before = &plain[from..open];
    let fold = crate::fold::fold(before);
    let according = re(&ACCORDING, r"(?:^|[\s,(])(?:selon|d'apres|pour|according to)\s+");
    // "Selon X, «…»": the clause of "selon" ends right before the quote.
    if let Some(m) = according.find_iter(&fold).last() {
        let rest = &fold[m.end()..];
        if rest.trim_end().ends_with(',') || rest.trim_end().ends_with(':') || rest.len() < 80 {
            let at = from + byte_at(before, &fold, m.end());
            if let Some(who) = subject_at(before, rest, at, folded, found, true) {
                return Some((who, at));
            }
        }
    }
    let saying = re(
        &SAYING,
        &format!(
            r"\b(?:(?:a|avait|ont|avaient|aurait|has|had|have)\s+(?:[a-z]+\s+)?)?(?:{SAY}|{SAY_PRESENT})\b(?:[^.!?]{{0,90}}|\s+(?:[^.!?]{{0,40}}\s)?(?:que|qu'|that)\b[^.!?]{{0,160}})$"
        ),
    );
    // The verb of giving nearest the quotation governs it ("Egypt
    // criticised the shift, with X warning of «…»").
    let giving = re(&GIVING, &format!(r"\b(?:(?:a|avait|ont|has|had|have)\s+)?{GIVE}\b"));
    let give_at = |fold: &str| -> Option<(usize, usize)> {
        let m = (fold.len().saturating_sub(120)..fold.len())
            .rev()
            .filter(|&i| fold.is_char_boundary(i))
            .filter_map(|i| giving.find_at(fold, i).filter(|m| m.start() == i))
            // A noun, not a verb: "Trump's call with Zelenskiy as".
            .find(|m| {
                let prev = fold[..m.start()].split_whitespace().next_back().unwrap_or("");
                !(prev.ends_with("'s")
                    || prev.ends_with("’s")
                    || matches!(
                        prev,
                        "the"
                            | "a"
                            | "an"
                            | "his"
                            | "her"
                            | "their"
                            | "its"
                            | "this"
                            | "that"
                            | "le"
                            | "la"
                            | "les"
                            | "un"
                            | "une"
                            | "son"
                            | "sa"
                            | "ses"
                            | "leur"
                            | "ce"
                            | "cet"
                            | "cette"
                    ))
            })?;
        let tail = &fold[m.end()..];
        (tail.len() <= 80 && !tail.contains(['.', '!', '?'])).then_some((m.start(), m.end()))
    };
    let trimmed = fold.trim_end();
    let colon = trimmed.ends_with(':');
    // "Asked whether …, the minister said:": the participle opening the
    // sentence is not the verb of saying.
    let opening_participle = |m: &regex::Match| {
        fold[..m.start()].trim().is_empty()
            && ["asked ", "pressed ", "questioned "].iter().any(|p| m.as_str().starts_with(p))
    };
    let first = saying.find(&fold);
    let first = match first {
        Some(m) if opening_participle(&m) => saying.find_at(&fold, m.start() + 1),
        other => other,
    };
    // ", a précisé Anna Voss, rendant hommage au «…»": an inverted
    // attribution before the quotation names its speaker after the verb.
    if let Some(m) = first.filter(|m| fold[..m.start()].trim_end().ends_with(',')) {
        static VERB: OnceLock<Regex> = OnceLock::new();
        let verb =
            re(&VERB, &format!(r"^(?:(?:a|avait|ont|avaient|aurait)\s+(?:[a-z]+\s+)?)?(?:{SAY}|{SAY_PRESENT})\s+"));
        if let Some(v) = verb.find(&fold[m.start()..]) {
            let rest = &fold[m.start() + v.end()..];
            let at = from + byte_at(before, &fold, m.start() + v.end());
            let named = rest.split_once(',').is_some_and(|(name, _)| name.split_whitespace().count() <= 6);
            if let Some(who @ Who::Actor(_)) =
                named.then(|| subject_at(before, rest, at, folded, found, true)).flatten()
            {
                return Some((who, at));
            }
        }
    }
    // A verb that gives a long quotation only when the quotation is what
    // it compares or likens to ("compared the tactics to «…»").
    // "…, saying it would help, after he called the decision «…»": a verb
    // giving a fragment in a later clause governs it, not the first verb.
    let later_give = give_at(&fold).filter(|g| {
        words < SCARE_WORDS + 10
            && first.is_some_and(|m| {
                // A clause of its own, with its subject: ", after he called".
                let clause = fold[m.start()..g.0.max(m.start())].rsplit(',').next().unwrap_or("").trim_start();
                g.0 > m.start()
                    && fold[m.start()..g.0].contains(',')
                    && ["after ", "when ", "as ", "before ", "while ", "apres qu", "quand ", "lorsqu", "alors qu"]
                        .iter()
                        .any(|w| clause.starts_with(w))
            })
    });
    let verb = later_give.or(first.map(|m| (m.start(), m.end()))).or_else(|| {
        let to = [" to ", " as ", " with ", " a ", " de ", " d'"];
        give_at(&fold).filter(|(_, end)| {
            words < SCARE_WORDS + 10 || fold.len() - end <= 40 && to.iter().any(|t| fold.ends_with(t))
        })
    });
    let verb_at = match (verb, colon) {
        (Some(v), _) => v.0,
        (None, true) => trimmed.len(),
        (None, false) => return None,
    };
    let verb_byte = from + byte_at(before, &fold, verb_at);
    subject_of(plain, start, verb_byte, folded, found)
}

/// The subject of the verb at `verb` in the sentence starting at `start`:
/// the first actor or pronoun that stands where a subject stands (at the
/// sentence's start, behind an opening phrase, a title or a role) or whose
/// mention leads straight to the verb (an apposition between commas
/// allowed), never one inside another phrase ("a career Army officer who
/// described", "des Français de l'étranger qui a … annoncé") or an agent
/// ("par le WSJ"). With it, where the subject stands in the page.
fn subject_of(plain: &str, start: usize, verb: usize, folded: &Folded, found: &actors::Found) -> Option<(Who, usize)> {
    static PRONOUN: OnceLock<Regex> = OnceLock::new();
    let sentence = &plain[start..verb];
    let fold = crate::fold::fold(sentence);
    // Where the subject may stand: after an opening phrase ("Le 4 juin,",
    // "During the call,") and its determiners, titles and roles.
    // A phrase opened by a participle or a preposition of time runs to its
    // comma however long it is ("Asked on Monday whether he would …, Sir
    // Keir said"): no subject inside it.
    let opener = fold.split_whitespace().next().is_some_and(|w| {
        matches!(
            w,
            "asked"
                | "pressed"
                | "questioned"
                | "interviewed"
                | "speaking"
                | "responding"
                | "reacting"
                | "during"
                | "after"
                | "interroge"
                | "interrogee"
                | "questionne"
                | "questionnee"
                | "reagissant"
                | "pendant"
                | "apres"
                | "lors"
        )
    });
    let opening = fold
        .find(", ")
        .filter(|i| (*i < 60 || opener && *i < 240) && !fold[..*i].contains(" que "))
        .map_or(0, |i| i + 2);
    let subject_slot = |at: usize| {
        let lead = fold.get(opening.min(at)..at).unwrap_or("");
        at >= opening && lead.split_whitespace().count() <= 6 && !lead.contains(',')
    };
    // Another clause between the candidate and the verb: a relative, a
    // conjunction.
    let relative = |gap: &str| {
        let gap = format!(" {gap} ");
        [
            " who ",
            " qui ",
            " which ",
            " that ",
            " que ",
            " qu'",
            " dont ",
            " ou ",
            " while ",
            " whereas ",
            " alors que ",
            " tandis que ",
            " when ",
            " lorsque ",
            " quand ",
            " because ",
            " parce que ",
            " but ",
            " mais ",
            " and ",
            " et ",
            " after ",
            " apres ",
            " before ",
            " avant ",
            " since ",
            " depuis ",
            " if ",
            " si ",
            ";",
        ]
        .iter()
        .any(|r| gap.contains(r))
    };
    // A verb right after the candidate: "he asked …, called", not a noun it
    // qualifies ("one Weibo commenter said", "State Department official").
    let verbish = |gap: &str| {
        let first = gap.split_whitespace().next().unwrap_or("");
        first.ends_with("ed")
            || first.ends_with('s') && first.len() > 3
            || matches!(
                first,
                "a" | "avait"
                    | "ont"
                    | "est"
                    | "sont"
                    | "etait"
                    | "has"
                    | "had"
                    | "have"
                    | "was"
                    | "is"
                    | "did"
                    | "does"
                    | "will"
                    | "would"
                    | "could"
                    | "told"
                    | "said"
            )
            || first.ends_with('e') && first.len() > 4
    };
    let mut candidates: Vec<(usize, usize, Who)> = found
        .within(start, verb)
        .iter()
        .filter(|m| m.start >= start && m.end <= verb)
        .filter(|m| {
            // (A paragraph's break counts as a space: "\n\nA Tory source".)
            let lead = crate::fold::fold(crate::text::before(plain, m.start, 8)).replace(char::is_whitespace, " ");
            // "A Tory source said", "un proche de X": a name qualifying
            // someone unnamed.
            let gap = crate::fold::fold(&plain[m.end..verb]);
            let indefinite = [" a ", " an ", " one ", " un ", " une "].iter().any(|a| format!(" {lead}").ends_with(a))
                && !gap.trim().is_empty()
                && !gap.trim_start().starts_with(',');
            // An agent or an object of a preposition ("par le WSJ", "the
            // letter to Daniel Greenberg") is no subject.
            // "le président du Parti Populaire estime": an organisation
            // that names whose officer the subject is, not the subject.
            let officer = !found.actors[m.actor].person && {
                let lead = crate::fold::fold(crate::text::before(plain, m.start, 40)).replace(char::is_whitespace, " ");
                let words: Vec<&str> = lead.split_whitespace().collect();
                let n = words.len();
                let role_at = |i: usize| words.get(i).is_some_and(|w| actors::is_role(w.trim_start_matches("l'")));
                n >= 2
                    && match words[n - 1] {
                        "du" | "des" | "of" => role_at(n - 2),
                        "de" | "la" | "the" => {
                            role_at(n - 2) || n >= 3 && matches!(words[n - 2], "de" | "of") && role_at(n - 3)
                        }
                        w => w.starts_with("d'") && role_at(n - 2),
                    }
            };
            !["par ", "by ", "par le ", "par la ", " to ", " with ", " from ", " against ", " avec ", " contre "]
                .iter()
                .any(|p| lead.ends_with(p))
                && !indefinite
                && !officer
        })
        .map(|m| (m.start - start, m.end - start, Who::Actor(m.actor)))
        .collect();
    // "Mr Lammy said …, adding that …": a participle after a comma has the
    // subject of the sentence, not the noun before the comma.
    let participle = fold.trim_end().ends_with(',')
        && crate::fold::fold(crate::text::after(plain, verb, 12)).split_whitespace().next().is_some_and(|w| {
            matches!(
                w,
                "adding"
                    | "saying"
                    | "noting"
                    | "writing"
                    | "insisting"
                    | "arguing"
                    | "explaining"
                    | "stating"
                    | "ajoutant"
                    | "disant"
                    | "expliquant"
                    | "soulignant"
                    | "estimant"
                    | "affirmant"
                    | "assurant"
                    | "precisant"
                    | "indiquant"
                    | "declarant"
            )
        });
    let pronoun = re(&PRONOUN, r"\b(il|elle|he|she)\b");
    for m in pronoun.find_iter(&fold) {
        let at = byte_at(sentence, &fold, m.start());
        candidates.push((at, byte_at(sentence, &fold, m.end()), Who::Pronoun(pronoun_gender(m.as_str()).flatten())));
    }
    candidates.sort_by_key(|c| c.0);
    // "…, with some people saying they «…»": the words are those of the
    // absolute clause's subject, named or not.
    static WITH: OnceLock<Regex> = OnceLock::new();
    let with = re(&WITH, r"(?:^|[\s,])(?:with|avec)\s+[^,;]{1,60}$");
    let worded = plain[verb..].starts_with(char::is_alphabetic);
    if let Some(w) = with.find(&fold).filter(|_| worded) {
        let from = start + byte_at(sentence, &fold, w.start());
        candidates.retain(|c| start + c.0 >= from);
        if candidates.is_empty() {
            return Some((Who::Unnamed, from));
        }
    }
    for (k, (s, e, who)) in candidates.iter().enumerate() {
        let gap = crate::fold::fold(&sentence[(*e).min(sentence.len())..]);
        let at = crate::fold::fold(&sentence[..*s]).len();
        if participle {
            if subject_slot(at) && verbish(gap.trim_start()) {
                return Some((*who, start + s));
            }
            continue;
        }
        // "State Department official David Holmes": the next candidate, a
        // few words on in the same phrase, is the one.
        // A preposition between ("Lauren Nel from Natural Justice"): the
        // next name qualifies this one.
        let preposition = |w: &str| {
            matches!(
                w,
                "from" | "of" | "at" | "in" | "with" | "for" | "de" | "du" | "des" | "chez" | "a" | "au" | "pour"
            )
        };
        let next_close = candidates.get(k + 1).is_some_and(|(ns, _, _)| {
            let between = crate::fold::fold(&sentence[(*e).min(*ns)..*ns]);
            // ("Nicole Belloubet (PS)": the party glosses the name.)
            between.trim() != "("
                && !between.contains(',')
                && between.split_whitespace().count() <= 3
                && !between.split_whitespace().any(preposition)
        });
        if next_close {
            continue;
        }
        // "Trump said he had watched … and slammed the hearings as a
        // «disgrace»": the subject of the first verb, coordinated.
        let coordinated = {
            let g = gap.trim_end();
            let head = g.trim_end_matches(" and").trim_end_matches(" et").trim_end_matches(',');
            head.len() < g.len()
                && !head.contains(" and ")
                && !head.contains(" et ")
                && !relative(head)
                && verbish(head.trim_start())
                && !head.contains(['«', '"', ';'])
        };
        // "Lauren Nel from Natural Justice in Cape Town says": a person
        // opening the sentence, qualified by where they come from.
        let qualified = matches!(who, Who::Actor(a) if found.actors[*a].person)
            && gap.split_whitespace().next().is_some_and(preposition)
            && !relative(&gap)
            && !gap.contains(',');
        // "… chez Auchan, la ministre du Travail, Astrid Panosyan-Bouvet, a
        // affirmé": what stands between an organisation and the verb is the
        // subject itself, a person whose own words lead to the verb.
        let person_between = leads_to_verb(&gap)
            && !matches!(who, Who::Actor(a) if found.actors[*a].person)
            && candidates[k + 1..].iter().any(|(s2, e2, w2)| {
                matches!(w2, Who::Actor(a) if found.actors[*a].person)
                    && *s2 >= *e
                    && leads_to_verb(&crate::fold::fold(&sentence[(*e2).min(sentence.len())..]))
            });
        if person_between {
            continue;
        }
        // "Régis Durand, union secretary, est inquiet :": a person with an
        // apposition between commas, then the verb.
        let apposed = matches!(who, Who::Actor(a) if found.actors[*a].person)
            && gap
                .trim_start()
                .strip_prefix(',')
                .and_then(|g| g.find(',').filter(|i| *i < 100).map(|i| &g[i + 1..]))
                .is_some_and(|rest| !rest.contains(',') && !relative(rest) && verbish(rest.trim_start()));
        // ", a précisé Anna Voss, rendant hommage au «…»", ", said Anna
        // Voss, calling it «…»": the speaker of the inverted attribution.
        let inverted = gap.trim() == "," && {
            static INVERTED: OnceLock<Regex> = OnceLock::new();
            re(&INVERTED, &format!(r"\b(?:{SAY}|{SAY_PRESENT})\s+$")).is_match(&fold[..at])
        };
        if leads_to_verb(&gap)
            || inverted
            || (subject_slot(at) || fold[..at].trim().is_empty()) && apposed
            || subject_slot(at) && (!relative(&gap) && verbish(gap.trim_start()) || coordinated || qualified)
        {
            return Some((*who, start + s));
        }
    }
    // A role or an institution as the subject: "The minister said:", "Le
    // gouvernement considère que".
    let clause = fold.rsplit([',', ';', '.']).next().unwrap_or("");
    let clause = if clause.trim().is_empty() { fold.as_str() } else { clause };
    // "une lame que la police qualifie d'«épée»": the subject of the
    // relative clause, not the antecedent.
    let clause = [" que ", " qu'"]
        .iter()
        .filter_map(|r| clause.rfind(r).map(|i| i + r.len()))
        .max()
        .map_or(clause, |i| &clause[i..]);
    // Where the clause starts in the page, so that only names inside it count.
    let base = start + byte_at(sentence, &fold, fold.len() - clause.len());
    subject_at(clause, clause, base, folded, found, false).filter(|w| !matches!(w, Who::Actor(_))).map(|w| (w, base))
}

/// The person a sentence without quotation is about: named in the
/// subject's place (after an opening phrase and its comma, a title or a
/// role at most) and followed by its verb, a lowercase word that opens no
/// relative clause or complement ("Jans reconnait certaines lacunes.").
fn subject_person(
    plain: &str,
    from: usize,
    to: usize,
    found: &actors::Found,
    quoted: &[(usize, usize)],
) -> Option<usize> {
    let sentence = &plain[from..to];
    let opening = sentence.find(", ").filter(|i| *i < 80).map_or(0, |i| i + 2);
    let m = found.within(from, to).iter().find(|m| {
        m.start >= from + opening && m.end <= to && !quoted.iter().any(|&(o, c)| o <= m.start && m.end <= c)
    })?;
    if !found.actors[m.actor].person {
        return None;
    }
    let lead = &plain[from + opening..m.start];
    if lead.contains([',', '«', '"', '“']) || crate::text::word_count(lead) > 3 {
        return None;
    }
    let next = plain[m.end..to].split_whitespace().next().unwrap_or("");
    let next = crate::fold::fold(next);
    let verb = next.starts_with(|c: char| c.is_lowercase())
        && !matches!(
            next.as_str(),
            "qui"
                | "que"
                | "qu'"
                | "dont"
                | "de"
                | "du"
                | "des"
                | "et"
                | "ou"
                | "au"
                | "aux"
                | "en"
                | "who"
                | "whose"
                | "of"
                | "and"
                | "or"
                | "in"
                | "at"
                | "from"
                | "with"
                | "to"
        );
    verb.then_some(m.actor)
}

/// A sentence's last clause giving its words to someone: ", a annoncé X,
/// lundi.", ", said X." (with nothing but the rest of the sentence after).
fn sentence_final(rest: &str, base: usize, folded: &Folded, found: &actors::Found) -> Option<Who> {
    static FINAL: OnceLock<Regex> = OnceLock::new();
    let fold = crate::fold::fold(rest);
    let last = re(
        &FINAL,
        &format!(
            r",\s+(?:(?:a|avait|ont|avaient)\s+(?:[a-z]+\s+)?)?(?:{SAY}|{SAY_PRESENT}|selon|according to)\s+[^,;«»\x22“”]{{2,120}}(?:,[^,;«»\x22“”]{{0,60}}){{0,2}}[.!?]?\s*$"
        ),
    );
    let Some(m) = last.find(&fold) else {
        // ", the newspaper reported.", ", X said on Monday.": the subject
        // first, then the verb that closes the sentence.
        static SUBJECT_FINAL: OnceLock<Regex> = OnceLock::new();
        let subject_final = re(
            &SUBJECT_FINAL,
            &format!(
                r",\s+([^,;«»\x22“”]{{2,60}}?)\s+(?:(?:a|avait|ont|has|had)\s+)?(?:{SAY})(?:\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche))?[.!?]?\s*$"
            ),
        );
        let c = subject_final.captures(&fold)?;
        let subject = c.get(1).expect("group");
        if [" that ", " which ", " who ", " que ", " qui "]
            .iter()
            .any(|r| format!(" {} ", subject.as_str()).contains(r))
        {
            return None;
        }
        let at = base + byte_at(rest, &fold, subject.start());
        return subject_at(rest, subject.as_str(), at, folded, found, false);
    };
    let clause = &fold[m.start() + 1..];
    let verb_end = clause.trim_start().find(' ').map_or(0, |i| i + 1) + (clause.len() - clause.trim_start().len());
    // Past the verb (and its auxiliary): the subject.
    static VERB: OnceLock<Regex> = OnceLock::new();
    let verb = re(
        &VERB,
        &format!(r"^\s*(?:(?:a|avait|ont|avaient)\s+(?:[a-z]+\s+)?)?(?:{SAY}|{SAY_PRESENT}|selon|according to)\s+"),
    );
    let after_verb = verb.find(clause).map_or(verb_end, |v| v.end());
    let at = base + byte_at(rest, &fold, m.start() + 1 + after_verb);
    demonstrative(&clause[after_verb..]).or_else(|| subject_at(rest, &clause[after_verb..], at, folded, found, true))
}

/// "celui qui est aussi député de Matane", "cette dernière": after a verb
/// of saying, the person just named, as a pronoun would be.
fn demonstrative(subject: &str) -> Option<Who> {
    let s = subject.trim_start();
    if s.starts_with("celui qui ") || s.starts_with("ce dernier") {
        Some(Who::Pronoun(Some(Gender::Masculine)))
    } else if s.starts_with("celle qui ") || s.starts_with("cette derniere") {
        Some(Who::Pronoun(Some(Gender::Feminine)))
    } else {
        None
    }
}

/// Who a sentence without quotation marks says is speaking: its subject,
/// when a verb of saying follows it ("Saeb Erekat said they would …").
/// With `subject`, else the person the sentence opens with as its subject
/// ("Anna Voss wrapped up her win …").
fn speaker_of_sentence(
    plain: &str,
    (start, end): (usize, usize),
    _folded: &Folded,
    found: &actors::Found,
    subject: bool,
) -> Option<Who> {
    static SAID: OnceLock<Regex> = OnceLock::new();
    let sentence = &plain[start..end];
    let fold = crate::fold::fold(sentence);
    let said = re(&SAID, &format!(r"\b(?:(?:a|avait|ont|avaient|has|had)\s+)?(?:{SAY})\b"));
    let opening_person = || {
        let m = found.within(start, end).first().filter(|m| m.start >= start)?;
        (subject && m.subject && found.actors[m.actor].person).then_some(Who::Actor(m.actor))
    };
    let Some(verb) = said.find(&fold) else { return opening_person() };
    let verb_byte = start + byte_at(sentence, &fold, verb.start());
    let named = found.within(start, verb_byte).iter().find(|m| {
        let gap = crate::fold::fold(&plain[m.end.min(verb_byte)..verb_byte]);
        leads_to_verb(&gap)
    });
    match named {
        Some(m) => Some(Who::Actor(m.actor)),
        // "She added that the promised jobs never materialised.", "Even
        // more concerning, he said, is …": the pronoun's person.
        None => {
            let subject = fold[..verb.start()].split_whitespace().next_back().map(|w| w.trim_matches(','));
            if let Some(g) = subject.and_then(pronoun_gender) {
                return Some(Who::Pronoun(g));
            }
            // "…, says Yao.": the name right after the verb.
            let verb_end = start + byte_at(sentence, &fold, verb.end());
            let m = found.within(verb_end, end).first()?;
            plain[verb_end..m.start].trim().is_empty().then_some(Who::Actor(m.actor))
        }
    }
}

/// The sentence holding the quotation between `open` and `close`: from the
/// end of the sentence before it to the end of its own, within the
/// paragraph. Quotation marks and their content never end a sentence.
fn sentence_around(plain: &str, open: usize, close: usize, quoted: &[(usize, usize)]) -> (usize, usize) {
    let para_start = plain[..open].rfind("\n\n").map_or(0, |i| i + 2);
    let para_end = plain[close..].find("\n\n").map_or(plain.len(), |i| close + i);
    // A full stop inside another quotation of the paragraph ends nothing.
    let in_quote = |at: usize| quoted.iter().any(|&(o, c)| o < at && at < c);
    let before = &plain[para_start..open];
    let start = before
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, '.' | '!' | '?')
                && before[i + 1..].starts_with(' ')
                && !is_initial(before, i)
                && !in_quote(para_start + i)
        })
        .map_or(para_start, |(i, _)| para_start + i + 1);
    let after = &plain[close..para_end];
    let end = after
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, '.' | '!' | '?')
                && (after[i + 1..].starts_with(' ') || i + 1 == after.len())
                && !is_initial(after, i)
                && !in_quote(close + i)
        })
        .map_or(para_end, |(i, _)| close + i + 1);
    (start, end)
}

/// "M. Peskov", "J. Guaidó", "U.S.": a point after a capital or a short
/// abbreviation does not end a sentence.
fn is_initial(text: &str, dot: usize) -> bool {
    let word = text[..dot].rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    word.chars().count() <= 2 && word.chars().next().is_some_and(char::is_uppercase)
        || matches!(
            word,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "Mme"
                | "Mlle"
                | "St"
                | "Gen"
                | "Sen"
                | "Rep"
                | "Gov"
                | "No"
                | "etc"
                | "Col"
                | "Lt"
                | "Sgt"
                | "Capt"
                | "Cpl"
                | "Maj"
                | "Prof"
                | "Supt"
                | "Insp"
                | "Det"
                | "Adm"
                | "Brig"
                | "Cmdr"
                | "Hon"
                | "Jr"
                | "Sr"
        )
}

/// A quotation in the text: where its marks are, and its words within.
#[derive(Debug, Clone, Copy)]
struct Span {
    open: usize,
    close: usize,
    start: usize,
    end: usize,
}

/// Every outermost quotation, paragraph by paragraph. A quotation opened
/// and not closed in its paragraph runs to the paragraph's end.
fn quoted_spans(plain: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut offset = 0;
    for para in plain.split("\n\n") {
        let mut open: Option<(char, usize)> = None;
        let mut depth = 0;
        for (i, c) in para.char_indices() {
            match open {
                None => {
                    let opens = match c {
                        '«' | '“' => true,
                        // A straight quote opens at a word's start, not after
                        // letters ("12" pipe", "don"t").
                        '"' => para[..i].chars().next_back().is_none_or(|p| !p.is_alphanumeric()),
                        // British single quotes: '‘' at a word's start.
                        '‘' => {
                            para[..i].chars().next_back().is_none_or(|p| !p.is_alphanumeric())
                                && para[i + c.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric)
                        }
                        _ => false,
                    };
                    if opens {
                        open = Some((c, i));
                        depth = 1;
                    }
                }
                Some((o, at)) => {
                    // Straight and curly double quotes are mixed in scraped
                    // text ("And I asked …?” said Hill): either closes either.
                    let closes = match o {
                        '«' => c == '»',
                        // ("Sweden’s": an apostrophe inside a word closes
                        // nothing.)
                        // ("the workers’ unions": a plural's possessive,
                        // when another closing mark follows.)
                        '‘' => {
                            let rest = &para[i + c.len_utf8()..];
                            let possessive = para[..i].ends_with('s')
                                && rest.strip_prefix(' ').is_some_and(|r| r.starts_with(char::is_lowercase))
                                && rest.match_indices('’').any(|(k, _)| {
                                    rest[k + '’'.len_utf8()..].chars().next().is_none_or(|n| !n.is_alphanumeric())
                                });
                            c == '’' && rest.chars().next().is_none_or(|n| !n.is_alphanumeric()) && !possessive
                        }
                        _ => matches!(c, '”' | '"'),
                    };
                    if c == '«' && o == '«' {
                        depth += 1;
                    } else if closes {
                        depth -= 1;
                        if depth == 0 {
                            let inner = at + o.len_utf8();
                            spans.push(trimmed(para, offset, at, inner, i, i + c.len_utf8()));
                            open = None;
                        }
                    }
                }
            }
        }
        if let Some((o, at)) = open.filter(|(o, _)| *o != '‘') {
            // Open to the end: a quotation that goes on in the next paragraph.
            let inner = at + o.len_utf8();
            if crate::text::word_count(&para[inner..]) >= SCARE_WORDS {
                spans.push(trimmed(para, offset, at, inner, para.len(), para.len()));
            }
        }
        offset += para.len() + 2;
    }
    spans
}

fn trimmed(para: &str, offset: usize, open: usize, inner: usize, end: usize, close: usize) -> Span {
    let text = &para[inner..end];
    let lead = text.len() - text.trim_start().len();
    let body = text.trim();
    Span {
        open: offset + open,
        close: offset + close,
        start: offset + inner + lead,
        end: offset + inner + lead + body.len(),
    }
}

/// Adds a reported-speech quote unless it is too short to be an account or
/// overlaps a quotation or another account already found.
fn push_reported(out: &mut Vec<Quote>, direct: &[Quote], start: usize, end: usize, text: String, speaker: String) {
    if crate::text::word_count(&text) < SCARE_WORDS || overlaps_any(direct, start, end) || overlaps_any(out, start, end)
    {
        return;
    }
    out.push(Quote {
        id: String::new(),
        start,
        end,
        text,
        speaker: Some(speaker),
        origin: super::Origin::Machine,
        reported: true,
        scare: false,
    });
}

/// Indirect speech: an actor, a verb of saying, then "que" / "that" and
/// what was said, to the end of the sentence; or what a sentence says
/// "selon X" ("according to X"). Skipped where a quotation covers the
/// words. Each mention looks at a bounded stretch after it, so the work is
/// linear in the text.
fn reported_speech(plain: &str, folded: &Folded, found: &actors::Found, direct: &[Quote]) -> Vec<Quote> {
    static REPORTED: OnceLock<Regex> = OnceLock::new();
    let reported = re(
        &REPORTED,
        &format!(
            r"^\s*(?:,[^,.;]{{0,80}},\s*)?(?:(?:a|avait|ont|avaient|has|had|have)\s+)?(?:[a-z]+\s+){{0,2}}?{SAY}\s+(?:[a-z]+\s+){{0,3}}?(?:que\s+|qu'|that\s+)"
        ),
    );
    let sentences = crate::text::sentences(plain);
    let mut out: Vec<Quote> = Vec::new();
    for m in &found.mentions {
        // "le ministère russe des Affaires étrangères": the name is part of
        // an institution's; the speaker is not "Affaires".
        let lead = crate::fold::fold(crate::text::before(plain, m.start, 40));
        if lead
            .split_whitespace()
            .rev()
            .take(3)
            .any(|w| INSTITUTIONS.contains(&w) || w == "ministry" || w == "minister")
        {
            continue;
        }
        let i = sentences.partition_point(|r| r.end < m.end);
        let Some(sentence) = sentences.get(i).filter(|r| r.start <= m.start) else { continue };
        let window_end = sentence.end.min(m.end + 160);
        let (fs, fe) = (folded.folded_offset(m.end), folded.folded_offset(window_end));
        let Some(hit) = reported.find(&folded.text[fs..fe]) else { continue };
        let start = folded.original_range(fs + hit.end(), fs + hit.end()).0;
        let text = plain[start..sentence.end].trim_end_matches(['.', '!', '?']).trim();
        // The writer's words after the account: ", un jour à peine après
        // que …", ", while …".
        let text = reported_end(text).to_owned();
        let end = start + plain[start..sentence.end].find(text.as_str()).unwrap_or(0) + text.len();
        push_reported(&mut out, direct, start, end, text, found.actors[m.actor].id.clone());
    }
    // "Ces militaires ont été déployés …, selon l'ambassadeur russe à
    // Caracas, Vladimir Zaïomski." and "According to X, …": the clause is
    // X's account, when X is named.
    static SELON_END: OnceLock<Regex> = OnceLock::new();
    static SELON_START: OnceLock<Regex> = OnceLock::new();
    let at_end = re(
        &SELON_END,
        r",\s+(?:selon|d'apres|according to)\s+([^,;«»\x22“”]{2,100}(?:,[^,;«»\x22“”]{2,60})?)[.!?]?\s*$",
    );
    let at_start = re(&SELON_START, r"^\s*(?:selon|d'apres|according to)\s+([^,;«»\x22“”]{2,100}),\s+");
    for r in &sentences {
        let (fs, fe) = (folded.folded_offset(r.start), folded.folded_offset(r.end));
        let fold = &folded.text[fs..fe];
        let (clause, who) = if let Some(c) = at_end.captures(fold) {
            let whole = c.get(0).expect("match");
            let phrase = c.get(1).expect("group");
            let clause = folded.original_range(fs, fs + whole.start());
            let at = folded.original_range(fs + phrase.start(), fs + phrase.start()).0;
            (clause, subject_at(phrase.as_str(), phrase.as_str(), at, folded, found, true))
        } else if let Some(c) = at_start.captures(fold) {
            let whole = c.get(0).expect("match");
            let phrase = c.get(1).expect("group");
            let clause = folded.original_range(fs + whole.end(), fe);
            let at = folded.original_range(fs + phrase.start(), fs + phrase.start()).0;
            (clause, subject_at(phrase.as_str(), phrase.as_str(), at, folded, found, true))
        } else {
            continue;
        };
        let Some(Who::Actor(actor)) = who else { continue };
        let text = plain[clause.0..clause.1].trim().trim_end_matches(['.', '!', '?']).trim().to_owned();
        if text.is_empty() {
            continue;
        }
        let start = clause.0 + plain[clause.0..clause.1].find(text.as_str()).unwrap_or(0);
        let end = start + text.len();
        push_reported(&mut out, direct, start, end, text, found.actors[actor].id.clone());
    }
    out
}

/// Whether `start..end` overlaps one of `quotes`, which are sorted and do
/// not overlap each other (so only the last one starting before `end` can).
/// Reported speech up to the writer's own clause: ", un jour à peine après
/// que …", ", alors que …", ", while …", ", days after …".
fn reported_end(text: &str) -> &str {
    static CUT: OnceLock<Regex> = OnceLock::new();
    let cut = re(
        &CUT,
        r",\s+(?:(?:(?:un|une|deux|trois|quelques|a|one|two|three|several|a few)\s+)?(?:jour|jours|semaine|semaines|mois|day|days|week|weeks|month|months|heure|heures|hour|hours)\s+(?:a peine\s+|seulement\s+|only\s+|just\s+)?(?:apres|avant|after|before)|alors que|tandis que|while|whereas|even as)\b",
    );
    let fold = crate::fold::fold(text);
    match cut.find(&fold) {
        Some(m) => text[..byte_at(text, &fold, m.start())].trim_end(),
        None => text,
    }
}

fn overlaps_any(quotes: &[Quote], start: usize, end: usize) -> bool {
    let i = quotes.partition_point(|q| q.start < end);
    i > 0 && quotes[i - 1].end > start
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use std::path::Path;

    fn speakers(plain: &str) -> Vec<(String, Option<String>, bool)> {
        let c = Config::parse("[site]\ntitle = \"T\"\n", Path::new("config.toml")).unwrap();
        find(plain, &c.rules).into_iter().filter(|q| !q.reported).map(|q| (q.text, q.speaker, q.scare)).collect()
    }

    #[test]
    fn appositions_pronouns_and_organisations_carry_the_speaker() {
        // A name with its apposition between commas, before the verb.
        assert_eq!(
            who("\"The end of the year is a popular time to buy,\" Jessica Caldwell, the site's executive director of analysis, said in a statement."),
            [name("jessica-caldwell")]
        );
        // Present-tense verbs of saying after the quotation.
        assert_eq!(
            who("\"We worked on the architecture of the spacecraft and its logistics,\" comments Robin Biesbroek."),
            [name("robin-biesbroek")]
        );
        // A short quotation that is a sentence continues the last speaker's words.
        assert_eq!(
            who("\"We will see the industry shake out a bit,\" Anna Voss said. \"Not everyone will succeed.\""),
            [name("anna-voss"), name("anna-voss")]
        );
        // "he suggested" is the person just quoted, not the place named
        // after them; "it added" is the organisation just quoted.
        assert_eq!(
            who("\"You need to connect the sites with the infrastructure,\" minister Tom Alweendo told reporters at the summit in Cape Town.\n\n\"You can then connect that to the south, why not?\" he suggested."),
            [name("tom-alweendo"), name("tom-alweendo")]
        );
        assert_eq!(
            who("The prosecutor decided to \"discontinue the investigation into the case\", the Swedish Prosecution Authority said.\n\n\"The evidence has weakened considerably over the years,\" it added."),
            [name("prosecution"), name("prosecution")]
        );
        // A person qualified by where they come from is the subject.
        assert_eq!(
            who("Lauren Nel from Natural Justice in Cape Town says: \"We demand full disclosure of the business deals.\""),
            [name("lauren-nel")]
        );
        // An organisation between the verb and the person who is its
        // subject; "à l'AFP" before the speaker; "fait part de sa «…»".
        assert_eq!(
            who("Après la fermeture chez Auchan, la ministre, Astrid Dupont, a affirmé au journal que \"les conditions se durcissaient\"."),
            [name("astrid-dupont")]
        );
        assert_eq!(
            who("Trois pompiers ont été hospitalisés \"en état d'urgence absolue\", a précisé à l'AFP Hélène Girardot, directrice de cabinet."),
            [name("helene-girardot")]
        );
        assert_eq!(
            who("Le Premier ministre Manuel Valls a fait part de sa «profonde émotion»."),
            [name("manuel-valls")]
        );
        // A place or a law named after someone is no person a pronoun
        // stands for.
        assert_eq!(
            who("Rinaani Musutua told The Namibian that the park matters.\n\n\"It would destroy the habitats of the whole coast,\" she says.\n\nThe Namibian Constitution protects it."),
            [name("rinaani-musutua")]
        );
        // An organisation with a title-like word in its name is no person
        // a pronoun stands for.
        assert_eq!(
            who("However, Nick Kaufman, a lawyer who served in the IDF Military Advocate General's Corps, said it was unclear.\n\n\"On the basis of the report alone, it is not possible to conclude,\" he said."),
            [name("nick-kaufman")]
        );
        // Words outside the quotations of a paragraph that name no one
        // understood: the speaker of the paragraph before does not carry.
        assert_eq!(
            who("\"We will win this,\" Anna Voss said.\n\n\"The market is changing fast for all of us,\" according to the unnamed analysts of the sector we spoke with."),
            [name("anna-voss"), None]
        );
    }

    #[test]
    fn the_subject_of_coordinated_verbs() {
        let found =
            speakers("President Donald Trump said he had watched the hearings and slammed them as a \"disgrace.\"");
        assert_eq!(found, [("disgrace.".to_owned(), Some("donald-trump".to_owned()), false)]);
        let found = speakers("Anna Voss visited the port on Monday and called the strike \"a warning to all of us\".");
        assert_eq!(found, [("a warning to all of us".to_owned(), Some("anna-voss".to_owned()), false)]);
    }

    #[test]
    fn imperfect_verbs_participles_and_the_subject_before_a_pronoun() {
        let found = speakers(
            "\"Le projet ne changerait pas grand-chose\", déclarait la conseillère nationale Barbara Steinemann. \
             \"Pour nous, c'est clair\", lui répondait alors sa collègue PLR Christa Markwalder.",
        );
        let who: Vec<_> = found.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(who, [Some("barbara-steinemann"), Some("christa-markwalder")], "{found:?}");
        // The participle nearest the quotation governs it.
        let found = speakers(
            "Egypt also criticised the shift, with Jordanian Foreign Minister Ayman Safadi warning of \"dangerous consequences\".",
        );
        assert_eq!(found[0].1.as_deref(), Some("aiman-safadi"), "{found:?}");
        // "he" is the subject of the sentence before, not a name in its object.
        let found = speakers(
            "Prime Minister Benjamin Netanyahu spoke first. Netanyahu visited the Gush Etzion settlement bloc on Tuesday.\n\n\
             \"Here we are on a historic day for the State of Israel,\" he told settler leaders.",
        );
        assert_eq!(found[0].1.as_deref(), Some("benjamin-netaniahu"), "{found:?}");
        // A family name first ("Li" for "Li Jifeng"); a long apposition
        // after a sentence-final verb.
        let found = speakers(
            "A doctor, Li Jifeng, wrote on Weibo.\n\nLi explained that announcements cannot be “transmitted casually.”\n\n\
             \"Il n'y a jamais eu de grève aussi forte\" du pays, s'est réjouie la secrétaire générale du premier \
             syndicat belge, la centrale chrétienne CSC, Marie-Hélène Ska.",
        );
        let who: Vec<_> = found.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(who, [Some("li-jifeng"), Some("marie-helene-ska")], "{found:?}");
        // A phrase opening with a preposition after the quotation is no subject.
        let found = speakers(
            "And though the Chinese CDC has said that there is “no need” for Beijing residents to worry about \
             the risk of plague infection, it has also acknowledged that risks remain.",
        );
        assert_eq!(found[0].1.as_deref(), Some("chinese-cdc"), "{found:?}");
    }

    #[test]
    fn speakers_as_the_grammar_gives_them() {
        let plain = "Le porte-parole du Kremlin, Dmitri Peskov, a démenti.\n\n\
                     «Il n'y a eu aucun message officiel de la part de la Russie», a déclaré Dmitri Peskov.\n\n\
                     «Nous ne sommes au courant d'aucun retrait», a-t-il ajouté.\n\n\
                     «Ce processus se déroule comme prévu», a précisé le porte-parole.\n\n\
                     Port director Anna Voss said the strike had cost money. \"We will not give in,\" Voss said.\n\n\
                     \"The port is closed for now and for the coming days,\" she added.\n\n\
                     Le WSJ parle d'une «provocation». Un mot «surpris» seulement.";
        let found = speakers(plain);
        let by =
            |t: &str| found.iter().find(|q| q.0.starts_with(t)).unwrap_or_else(|| panic!("{t}: {found:?}")).clone();
        assert_eq!(by("Il n'y a eu").1.as_deref(), Some("dmitri-peskov"));
        assert_eq!(by("Nous ne sommes").1.as_deref(), Some("dmitri-peskov"));
        assert_eq!(by("Ce processus").1.as_deref(), Some("dmitri-peskov"));
        assert_eq!(by("We will not").1.as_deref(), Some("anna-voss"));
        assert_eq!(by("The port is closed").1.as_deref(), Some("anna-voss"));
        assert_eq!(by("provocation").1.as_deref(), Some("wsj"), "a fragment the sentence gives to the WSJ");
        let surpris = by("surpris");
        assert!(surpris.1.is_none() && surpris.2, "nobody said «surpris» here: a scare quote");
    }

    #[test]
    fn never_the_nearest_name_against_the_grammar() {
        let plain = "Donald Trump a répété que «Maduro doit partir, et vite, maintenant», dans un tweet.\n\n\
                     Nicolas Maduro n'a pas répondu.";
        let found = speakers(plain);
        assert_eq!(found[0].1.as_deref(), Some("donald-trump"), "{found:?}");
        let plain = "\"Maduro has to get out of the country,\" Donald Trump told reporters on Monday.";
        assert_eq!(speakers(plain)[0].1.as_deref(), Some("donald-trump"));
    }

    /// The speakers found in `plain`, in order.
    fn who(plain: &str) -> Vec<Option<String>> {
        speakers(plain).into_iter().map(|q| q.1).collect()
    }

    fn name(s: &str) -> Option<String> {
        Some(s.to_owned())
    }

    #[test]
    fn a_quotation_of_its_own_goes_to_the_person_its_paragraph_is_about() {
        // The one person the paragraph names, then the role he was named with.
        let text = "Quand il voit du bois mort, le lieutenant-colonel Olivier Compta pense au danger. « Il y a beaucoup de combustible au sol. » Le pompier inspecte la forêt.\n\n\
                    Après un peu de marche, le lieutenant-colonel arrive sur le lieu d'un incendie récent. « On commence à avoir des feux de plus en plus développés. »";
        assert_eq!(who(text), [name("olivier-compta"), name("olivier-compta")]);
        // Not when the quotation carries on someone the text does not name.
        let text =
            "“Don't hide things like this,” one commenter said, per Anna Voss. “Let’s face whatever it is together.”";
        assert_eq!(who(text), [None, None]);
        // A pronoun that says, in the paragraph before a lone quotation.
        let text = "“The cracks in my house widen with every blast,” Mary Molatjeng said.\n\nShe added that the promised jobs never materialised.\n\n“We were told there would be work for our children.”";
        assert_eq!(who(text), [name("mari-molatjeng"), name("mari-molatjeng")]);
        // An interview: the question, then the answer.
        let text = "“It is all about whether they can deliver the plan,” says Tony Blair.\n\nIs the prime minister a good leader?\n\n“Well, I am fully supportive of him, I want him to succeed.”";
        assert_eq!(who(text), [name("toni-blair"), name("toni-blair")]);
    }

    #[test]
    fn a_demonym_after_its_article_is_the_person_named_last() {
        let text = "Jonas Vingegaard a gagné l'étape. « Je vais juste faire tout ce que je peux », a ajouté le Danois.";
        assert_eq!(who(text), [name("jonas-vingegaard")]);
    }

    #[test]
    fn it_is_the_organisation_the_text_last_said_spoke() {
        let text = "Growth will slow, economists at Goldman Sachs said.\n\n\"We believe the shutdown will lead to a sharp deterioration,\" it said.";
        assert_eq!(who(text), [name("goldman-sachs")]);
        // "T.Clayson": the initial glued to the surname, whom "he" then stands for.
        let text = "Judge Mr T.Clayson said Axcell had played a leading role.\n\nHe said he classed Axcell as a \u{201c}fully functioning adult\u{201d} in the case.";
        let speaker = who(text).into_iter().next().flatten().unwrap_or_default();
        assert!(speaker.contains("clayson"), "{speaker}");
    }

    #[test]
    fn titles_and_opening_connectives_are_no_part_of_the_speaker() {
        // "Col." ends no sentence; "Mr. Voss" is the person after the title.
        let text =
            "\"We brought in over 100 troopers,\" Col. Freeman Martin, director of public safety, said on Friday.";
        assert_eq!(who(text), [name("freeman-martin")]);
        let text = "Anna Voss leads the port. \"We are praying for all the families,\" Mr. Voss wrote.";
        assert_eq!(who(text), [name("anna-voss")]);
        // "Beforehand Murray": the adverb that opens the sentence is no first name.
        let text = "Andy Murray won on Sunday. Beforehand Murray said it would \"take a little while to sink in\".";
        assert_eq!(who(text), [name("andi-murrai")]);
        // The office before the name is no part of it.
        let text = "Le président de la République François Hollande a évoqué la «solidarité de la nation».";
        assert_eq!(who(text), [name("francois-hollande")]);
    }

    #[test]
    fn a_quotation_after_a_sentence_about_one_of_several_people_is_its_subjects() {
        let text = "Ron Jans arrive au club. Sur la méconnaissance du football belge par Ron Jans, Roland Duchatelet balaie les reproches. «Il n'était pas indispensable de prendre quelqu'un d'autre.»";
        assert_eq!(who(text), [name("roland-duchatelet")]);
    }

    #[test]
    fn professions_possessors_and_verbs_of_estimating() {
        // "Realtor Ghulam said": the profession opening the sentence is no first name.
        let text = "Realtor Shaun Ghulam works in Brampton. Realtor Ghulam said sellers were waiting. \"Check how many times the property has been listed,\" Ghulam said.";
        assert_eq!(who(text), [name("chaun-ghulam")]);
        // The possessor before the speaker's role is not the speaker.
        let text = "Sophia Gastelum-Vera was arrested. “I know the parent wouldn’t mean for it to happen,” said Gastelum-Vera’s neighbor, Brian Kinder, who lives next door.";
        assert_eq!(who(text), [name("brian-kinder")]);
        // "estimated", "indicated" give words too.
        let text = "In late March, Dr Anthony Fauci estimated \"between 100,000 and 200,000\" deaths.";
        assert_eq!(who(text), [name("anthoni-fauci")]);
    }

    #[test]
    fn the_answer_to_the_writers_question_is_the_person_last_quoted() {
        let text = "«Tenez bon», a déclaré Mischael Modrikamen à la radio.\n\nEt la loi de financement, qu'en penser ? «C'est du bric à brac parce que les principes ne sont pas clairs !»";
        assert_eq!(who(text), [name("mischael-modrikamen"), name("mischael-modrikamen")]);
    }

    #[test]
    fn an_organisation_naming_whose_officer_speaks_is_not_the_speaker() {
        let text = "Mischael Modrikamen a parlé ce matin à la radio. Le président du Parti Populaire estime que les «Francophones n'ont pas encore perçu le changement».";
        assert_eq!(who(text), [name("mischael-modrikamen")]);
    }

    #[test]
    fn a_pronoun_before_the_quotation_refers_back_from_where_it_stands() {
        // "He" is the witness the sentence before introduced, not the
        // person named between the pronoun and the quotation.
        assert_eq!(
            who("Marc Dupont pleaded not guilty on Monday.\n\nThe first witness was police chief Tom Baker, who ran the inquiry.\n\nHe said Dupont had been a \"person of interest\" for a long time."),
            [name("tom-baker")]
        );
        // A phrase opening the sentence does not keep its subject from
        // being the one a pronoun stands for.
        assert_eq!(
            who("Anna Voss spoke for the port.\n\nRegarding the tweets, Marc Dupont kept calm and said none of them mattered.\n\nHe said the state had \u{201c}drawn a blank\u{201d} in its inquiries."),
            [name("marc-dupont")]
        );
        // "it was X who": the cleft's person is the subject.
        assert_eq!(
            who("Lily Martin lost on Monday, and it was Katie Dorin who got the ball rolling on Tuesday.\n\n\u{201c}Hopefully I have started everyone off well today,\u{201d} she told reporters."),
            [name("katie-dorin")]
        );
    }

    #[test]
    fn opening_phrases_participles_and_indefinite_sources() {
        // "Asked …," opens the sentence: neither its verb nor its names
        // are the attribution.
        assert_eq!(
            who("Keith Rowland spoke in London.\n\nAsked on Monday whether he would keep accepting gifts from Lord Brown, Sir Keith said that \"all members get gifts\"."),
            [name("keith-rowland")]
        );
        assert_eq!(
            who("Asked to comment on the findings of the report in December, Rostec said: \"We never target civilians.\""),
            [name("rostec")]
        );
        // "A Labour source": someone unnamed.
        assert_eq!(
            who("A Labour source said: \"It is shocking that nobody checked the rules before the event.\""),
            [None]
        );
        // The object of a preposition is not the subject.
        assert_eq!(
            who("The union's letter to Daniel Green, the standards commissioner, said: \"There must be a full investigation into this.\""),
            [None]
        );
    }

    #[test]
    fn the_person_described_is_the_one_last_named() {
        assert_eq!(
            who("Anna Voss has agreed a deal to replace Marc Dupont as manager.\n\nDupont was sacked last night.\n\nTalks between the club and Voss's agents went on into Tuesday.\n\nThe 56-year-old said after her appointment: \"I am excited to be joining a club with such a great heritage.\""),
            [name("anna-voss")]
        );
    }

    #[test]
    fn a_speech_set_out_over_paragraphs_is_the_person_introduced_before() {
        assert_eq!(
            who("Jack Morton meanwhile wrapped up his win in two hours.\n\n\u{201c}Having other players do well is amazing for all of us here.\n\n\u{201c}They have been incredible role models for me and good support.\u{201d}"),
            [name("jack-morton"), name("jack-morton")]
        );
        // A closed quotation after such a paragraph is not given to them.
        assert_eq!(
            who("Jack Morton meanwhile wrapped up his win in two hours.\n\n\u{201c}Having other players do well is amazing for all of us here.\u{201d}"),
            [None]
        );
    }

    #[test]
    fn french_attributions() {
        // The subject of a relative clause gives the word its verb qualifies.
        assert_eq!(who("On voit un homme tenant une lame que la police qualifie d'«épée»."), [name("police")]);
        // A person, an apposition, then the verb and a colon.
        assert_eq!(
            who("Régis Martin, secrétaire syndical, est inquiet : «La direction a arrêté la production d'un moteur sur les trois.»"),
            [name("regis-martin")]
        );
        // Reflexive verbs of saying, and "rassure", "réagit".
        assert_eq!(
            who("«Nous avons perdu notre plus gros client cette année», se désole Lucien Martin, délégué syndical."),
            [name("lucien-martin")]
        );
        assert_eq!(
            who("«Tout le savoir-faire des pompiers va permettre de comprendre ce qui s'est passé», rassure Eric Morel."),
            [name("eric-morel")]
        );
        // A clause of its own after the quotation names someone else.
        assert_eq!(
            who("Le président Eric Morel a déclaré : «mon émotion est immense ce soir» alors que le maire Paul Girard a rappelé les faits : «c'est très spectaculaire»."),
            [name("eric-morel"), name("paul-girard")]
        );
        // "a fait état de": a role named before.
        assert_eq!(
            who("Le préfet Paul Martin s'est rendu sur place.\n\nLe préfet a fait état de \"dégâts matériels importants\"."),
            [name("paul-martin")]
        );
        // A name and a colon, as live pages give words.
        assert_eq!(
            who("23h06 : Hélène Morel : « J'espère que le gouvernement va voir la lumière verte »\n\n« C'est une excellente nouvelle », réagit Hélène Morel."),
            [name("helene-morel"), name("helene-morel")]
        );
        // A reflexive verb gives its subject's words, an emphatic pronoun
        // between; "prédit-il".
        assert_eq!(
            who("Hélène Morel se dit «étonnée». Le maire, Paul Girard, s'est lui déclaré «douloureusement surpris»."),
            [name("helene-morel"), name("paul-girard")]
        );
        assert_eq!(
            who("Selon M. Paul Girard, les pertes seront connues lundi. « Elles vont se chiffrer en milliards d'euros », prédit-il."),
            [name("paul-girard")]
        );
    }

    #[test]
    fn a_phrase_the_text_keeps_using_is_a_name_not_a_quote() {
        let quotes = speakers(
            "Les «gilets jaunes» manifestent. Le ministre Paul Girard a salué le «gilet jaune» du matin.\n\n\
             Des gilets jaunes sont restés. Hélène Morel se dit «étonnée».",
        );
        let of = |t: &str| quotes.iter().find(|q| q.0 == t).map(|q| (q.1.clone(), q.2));
        assert_eq!(of("gilets jaunes"), Some((None, true)), "{quotes:?}");
        assert_eq!(of("gilet jaune"), Some((None, true)), "singular or plural: {quotes:?}");
        assert_eq!(of("étonnée"), Some((Some("helene-morel".to_owned()), false)), "{quotes:?}");
    }

    #[test]
    fn roles_comparisons_and_participles() {
        // A role nobody was named with: the person the text is about.
        assert_eq!(
            who("Anna Voss said during a news conference that she would sign the budget.\n\n\u{201c}It is a budget for a generation,\u{201d} the Republican governor said."),
            [name("anna-voss")]
        );
        // An abbreviated title gives the role.
        assert_eq!(
            who("A budget deal won the endorsement of Indiana Gov. Anna Voss on Friday.\n\nDespite doubts about the plan, its cost and its timing, Voss said that she would sign it.\n\n\u{201c}It is a budget for a generation,\u{201d} the Republican governor said."),
            [name("anna-voss")]
        );
        // A spokesman is not the person last named.
        assert_eq!(
            who("Anna Voss said during a news conference that she would sign the budget.\n\n\u{201c}It is a budget for a generation,\u{201d} the spokesman said."),
            [None]
        );
        // "compared … to" gives a long quotation too.
        assert_eq!(
            who("Anna Voss, director of a prevention agency, compared the tactics to \"mafia methods, when criminals have infiltrated the public sector and its most important authorities\"."),
            [name("anna-voss")]
        );
        // A participle after an inverted attribution.
        assert_eq!(
            who("Les autorités ne recherchent pas d'autre suspect, a précisé Paul Martin, rendant hommage au «courage incroyable» des policiers."),
            [name("paul-martin")]
        );
        // The name after an organisation noun, not the adjective before it.
        assert_eq!(
            who("\u{201c}Without such a plan, the coast would be damaged for good,\u{201d} Environmental organisation Green Coast says."),
            [name("green-coast")]
        );
        // "pledging only to «…»".
        assert_eq!(
            who("On Monday, Anna Voss dodged several questions, pledging only to \u{201c}comply with the rules\u{201d}."),
            [name("anna-voss")]
        );
    }

    #[test]
    fn quotes_opened_and_not_closed_run_to_the_paragraph_end() {
        let plain = "\"We will stay on strike until the end of the month and beyond that if needed.\n\n\"Nobody wants this,\" said Anna Voss.";
        let found = speakers(plain);
        assert_eq!(found.len(), 2);
        assert!(found[0].0.ends_with("if needed."));
    }

    #[test]
    fn british_single_quotes_are_quotations_and_apostrophes_are_not() {
        let plain = "Sweden’s minister Anna Voss said: ‘We will never surrender, whatever the workers’ unions say.’ \
                     The brochure’s title is ‘If crisis comes’.\n\nIt was the ‘90s, he recalled, and ‘nobody cared.";
        let found = speakers(plain);
        let texts: Vec<&str> = found.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(
            texts,
            ["We will never surrender, whatever the workers’ unions say.", "If crisis comes"],
            "{found:?}"
        );
        assert_eq!(found[0].1.as_deref(), Some("anna-voss"));
    }

    #[test]
    fn documents_inscriptions_roles_and_unnamed_sources() {
        let who = |plain: &str| speakers(plain).into_iter().map(|q| (q.1, q.2)).collect::<Vec<_>>();
        let name = |s: &str| (Some(s.to_owned()), false);
        // An unnamed source opening a paragraph: the party qualifies them.
        assert_eq!(
            who("The minister spoke on Monday.\n\nA Labour source said: \"It is shocking that the minister kept the gifts.\""),
            [(None, false)]
        );
        // The author of a document speaks through it, whatever phrase
        // follows the document; the quotation goes on in the next paragraph.
        assert_eq!(
            who("The Greens' letter to Anna Cole, the commissioner, said: \"In May the mayor was given a pass.\n\n\"It has now emerged that he failed to declare it.\"\n\nThe letter also said that \"there must be a full inquiry into this matter, given the past.\""),
            [name("greens"), name("greens"), name("greens")]
        );
        // Fragments after "showed that" and "led X to conclude".
        assert_eq!(
            who("The Marine Institute (MI) studied the wreck.\n\nMI's analysis showed that the \"only plausible cause\" was a rock. The timing led MI to conclude it was \"probable\" the boat sank fast."),
            [name("marine-institute"), name("marine-institute")]
        );
        // Words written on something are nobody's.
        assert_eq!(who("Acme noted that the crew wore vests, most with \"CREW\" written on them."), [(None, true)]);
        // A name, a role in lower case, then the person holding it.
        assert_eq!(
            who("The tool is \"the biggest upgrade to our search box in years,\" according to Acme Search lead Tom Brand."),
            [name("tom-brand")]
        );
        // "the newspaper reported": the newspaper named so before.
        assert_eq!(
            who("The minister was worried by revelations by newspaper Morgon Posten.\n\nAt least 30 staff had been considered \"security risks\" and resigned, the newspaper reported."),
            [name("morgon-posten")]
        );
    }

    #[test]
    fn participles_absolute_clauses_and_later_clauses() {
        // ", adding that …": the sentence's subject, not the noun before the comma.
        assert_eq!(
            who("On Sunday, Tom Baker said the mayor and his wife took the gifts to look good for the UK, adding that the US had a \"huge budget from taxpayers\" for this."),
            [name("tom-baker")]
        );
        // ", with some people saying they …": someone unnamed.
        assert_eq!(
            who("After all, Acme Chat has grown fast, with some people saying they \"Chatted\" instead."),
            [None]
        );
        // ", after he called …": the verb of the later clause gives the fragment.
        assert_eq!(
            who("President Anna Voss lashed out on Monday.\n\nVoss urged Congress to act, saying it would have her support, after she called the ruling \"bad for our nation\"."),
            [name("anna-voss")]
        );
    }

    #[test]
    fn a_pronoun_after_a_person_introduced_by_a_qualified_role() {
        // "Environmental justice activist X says …" opens its sentence with
        // X as the subject: "she says" after it is X, not the person quoted before.
        assert_eq!(
            who("Jon Mbeki, a member of the council, wants the corridor.\n\n\"We will build it,\" Mbeki said.\n\nEnvironmental justice activist Rinaani Musutua says the pipeline would destroy the park.\n\n\"It would ruin the unique coastal and marine habitats,\" she says."),
            [name("jon-mbeki"), name("rinaani-musutua")]
        );
    }

    #[test]
    fn a_party_in_brackets_and_a_first_name_that_is_a_word_of_organisations() {
        // The party glosses the name; it is neither the speaker nor part of
        // its name, and the pronoun that follows is the person's.
        assert_eq!(
            who("«Est-ce qu'on va régler le problème?», a aussi questionné Ugo Bernalicis (LFI). «Légalisons», a-t-il lancé."),
            [name("ugo-bernalicis"), name("ugo-bernalicis")]
        );
        assert_eq!(
            who("Marine Le Pen (RN) a pour sa part estimé que la mesure revenait «à autoriser la consommation»."),
            [name("marine-le-pen")]
        );
        assert_eq!(
            who("«Ce n'est pas ce type de dispositions», a renchéri David Habib (PS), dénonçant son caractère «inégalitaire»."),
            [name("david-habib"), name("david-habib")]
        );
    }

    #[test]
    fn a_demonstrative_after_the_verb_is_the_person_just_named() {
        assert_eq!(
            who("Le chef du parti, Pascal Bérubé, parle des régions. Elles sont lasses d'être vues comme «des gens qui ont à quémander» des investissements, dit celui qui est aussi député de Matane."),
            [name("pascal-berube")]
        );
    }

    #[test]
    fn the_ministry_after_a_role_is_its_complement_not_the_speaker() {
        assert_eq!(
            who("Le ministre de l’Intérieur, Anne Roche, a salué un « texte juste ». Elle avait plaidé « l’urgence ».\n\n\
                 Le ministre français de l’Intérieur, Anne Roche, a dénoncé des « gesticulations »."),
            [name("anne-roche"), name("anne-roche"), name("anne-roche")]
        );
    }

    #[test]
    fn initials_name_the_organisation_the_text_named_in_full() {
        assert_eq!(
            who("The Election Commission on Tuesday rejected the plea.\n\n\"We reject it,\" the EC told the court."),
            [name("election-commission")]
        );
    }
}
