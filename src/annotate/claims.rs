//! Machine suggestions of claim tags: a claim's patterns matched against each
//! sentence, with a stance read from the sentence's wording.
//!
//! Used by ingest, which writes the suggestions into a new page. Pure.

use crate::config::{Rules, Stance};
use crate::fold::fold;
use crate::text;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub claim: String,
    pub stance: Stance,
    pub start: usize,
    pub end: usize,
}

/// Words that show the source carries a denial of what the sentence reports,
/// or distances itself from it ("rumours", "alleged").
const DENIAL_CUES: &[&str] = &[
    r"\bdement",
    r"\bdementi",
    r"\brefut",
    r"\brejet",
    r"\brejett",
    r"\bnie\b",
    r"\bnient\b",
    r"\binfirm",
    r"\brumeur",
    r"\bpretendu",
    r"\bpresume",
    r"\bsuppose",
    r"\bfausse",
    r"\bfaux\b",
    r"\bn'a (absolument )?rien a voir",
    r"\baucune?\b",
    r"\bcorrige",
    r"\bno (withdrawal|reduction|pullout)",
    r"\bden(y|ies|ied)\b",
    r"\breject",
    r"\brefute",
    r"\balleged",
    r"\brumou?r",
    r"\bfalse\b",
    r"\bso-called\b",
];

/// Words that show the source reports someone else saying it.
const ATTRIBUTION_CUES: &[&str] = &[
    r"\bselon\b",
    r"\bd'apres\b",
    r"\bciti?ant\b",
    r"\bcite(e|s)? par\b",
    r"\ba(vait)? (\w+ )?(declare|affirme|dit|assure|indique|rapporte|annonce|souligne|explique|precise|estime|ajoute|avance|evoque|lance|confirme|accuse|denonce|fustige)",
    r"\b(souligne|affirme|indique|assure|explique|precise|rapporte|estime|ajoute|annonce|rappelle|accuse|denonce|fustige|pointe du doigt)\b",
    r"\bont (declare|affirme|dit|assure|indique|rapporte|annonce)",
    r"\b(affirmant|declarant|assurant|rapportant)\b",
    r"\baccording to\b",
    r"\b(said|says|told|reported|claimed|stated|announced)\b",
    r"\bciting\b",
];

fn cue_regex(cues: &[&str]) -> regex::Regex {
    regex::Regex::new(&cues.join("|")).expect("built-in cues are valid")
}

fn denial() -> &'static regex::Regex {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    RE.get_or_init(|| cue_regex(DENIAL_CUES))
}

fn attribution() -> &'static regex::Regex {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    RE.get_or_init(|| cue_regex(ATTRIBUTION_CUES))
}

/// The stance the wording of a (folded) sentence shows.
pub fn stance_of(folded_sentence: &str) -> Stance {
    if denial().is_match(folded_sentence) {
        Stance::Denies
    } else if attribution().is_match(folded_sentence) {
        Stance::Attributes
    } else {
        Stance::Asserts
    }
}

/// The stance shown for a match at `start..end` of a folded sentence. A
/// denial counts only in the clause around the match ("Infirmant X, le
/// Kremlin a affirmé que Y" does not deny Y); an attribution counts anywhere
/// in the sentence, and a match inside quotation marks is someone's words.
pub fn stance_at(sentence: &str, start: usize, end: usize) -> Stance {
    let clause_start = sentence[..start].rfind([',', ';', ':', '(', ')']).map_or(0, |i| i + 1);
    let clause_end = sentence[end..].find([',', ';', ':', '(', ')']).map_or(sentence.len(), |i| end + i);
    let quoted = sentence[..start].matches('"').count() % 2 == 1;
    // The pattern's own words ("aucune réduction") are content, not a cue.
    let around = [&sentence[clause_start..start], &sentence[end..clause_end]];
    if around.iter().any(|part| denial().is_match(part)) {
        Stance::Denies
    } else if quoted || attribution().is_match(sentence) {
        Stance::Attributes
    } else {
        Stance::Asserts
    }
}

/// Tags every sentence of `plain` that a claim's patterns match. A claim is
/// tagged at most once per sentence.
pub fn suggest(plain: &str, rules: &Rules, fixed_stance: impl Fn(&str) -> Option<Stance>) -> Vec<Suggestion> {
    let mut out = Vec::new();
    for range in text::sentences(plain) {
        let sentence = fold(&plain[range.clone()]);
        for (claim, patterns) in &rules.claims {
            if let Some(m) = patterns.iter().find_map(|re| re.find(&sentence)) {
                let stance = fixed_stance(claim).unwrap_or_else(|| stance_at(&sentence, m.start(), m.end()));
                out.push(Suggestion { claim: claim.clone(), stance, start: range.start, end: range.end });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stance_follows_wording() {
        assert_eq!(stance_of(&fold("Le Kremlin a démenti le retrait.")), Stance::Denies);
        assert_eq!(stance_of(&fold("Selon le WSJ, la Russie a réduit ses effectifs.")), Stance::Attributes);
        assert_eq!(stance_of(&fold("Trump a affirmé que la Russie partait.")), Stance::Attributes);
        assert_eq!(stance_of(&fold("La Russie a réduit ses effectifs.")), Stance::Asserts);
        assert_eq!(stance_of(&fold("Russia denied the report.")), Stance::Denies);
    }

    #[test]
    fn denial_counts_in_the_clause_of_the_match() {
        let s = fold("Infirmant des informations, le Kremlin a affirmé que Moscou continuerait à coopérer.");
        let at = s.find("continuerait").unwrap();
        assert_eq!(stance_at(&s, at, at + 12), Stance::Attributes);
        let s = fold("«Aucun retrait de personnel», corrige Moscou");
        let at = s.find("retrait").unwrap();
        assert_eq!(stance_at(&s, at, at + 7), Stance::Denies);
        let s = fold("«La Russie a retiré son personnel», a écrit le président.");
        let at = s.find("retire").unwrap();
        assert_eq!(stance_at(&s, at, at + 6), Stance::Attributes);
        let s = fold("Les travaux continuent et aucune réduction n'est envisagée.");
        let at = s.find("aucune").unwrap();
        assert_eq!(stance_at(&s, at, at + "aucune reduction n'est envisagee".len()), Stance::Asserts);
    }
}
