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
    r"\bdement", r"\bdementi", r"\brefut", r"\brejet", r"\brejett", r"\bnie\b", r"\bnient\b", r"\binfirm",
    r"\brumeur", r"\bpretendu", r"\bpresume", r"\bsuppose", r"\bfausse", r"\bfaux\b", r"\bn'a (absolument )?rien a voir",
    r"\bden(y|ies|ied)\b", r"\breject", r"\brefute", r"\balleged", r"\brumou?r", r"\bfalse\b", r"\bso-called\b",
];

/// Words that show the source reports someone else saying it.
const ATTRIBUTION_CUES: &[&str] = &[
    r"\bselon\b", r"\bd'apres\b", r"\bciti?ant\b", r"\bcite(e|s)? par\b", r"\ba(vait)? (declare|affirme|dit|assure|indique|rapporte|annonce|souligne|explique|precise|estime|ajoute|avance|evoque|lance|confirme)",
    r"\bont (declare|affirme|dit|assure|indique|rapporte|annonce)", r"\b(affirmant|declarant|assurant|rapportant)\b",
    r"\baccording to\b", r"\b(said|says|told|reported|claimed|stated|announced)\b", r"\bciting\b",
];

fn cue_regex(cues: &[&str]) -> regex::Regex {
    regex::Regex::new(&cues.join("|")).expect("built-in cues are valid")
}

/// The stance the wording of a (folded) sentence shows.
pub fn stance_of(folded_sentence: &str) -> Stance {
    static DENIAL: OnceLock<regex::Regex> = OnceLock::new();
    static ATTRIBUTION: OnceLock<regex::Regex> = OnceLock::new();
    if DENIAL.get_or_init(|| cue_regex(DENIAL_CUES)).is_match(folded_sentence) {
        Stance::Denies
    } else if ATTRIBUTION.get_or_init(|| cue_regex(ATTRIBUTION_CUES)).is_match(folded_sentence) {
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
            if patterns.iter().any(|re| re.is_match(&sentence)) {
                let stance = fixed_stance(claim).unwrap_or_else(|| stance_of(&sentence));
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
}
