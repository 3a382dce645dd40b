//! Hand-written annotations: every malformed case gets a diagnostic at its
//! line in the file (snapshots), and the life cycle of machine suggestions.

use crate::support::{render, Site};

const FRONT: &str = "+++\ntitle = \"Cheese\"\noutlet = \"daily-planet\"\n";

/// Checks a site whose only page is `page`; returns what `check` prints.
fn check(page: &str) -> String {
    let site = Site::new();
    site.write("content/sources/case.md", page);
    let text = site.check();
    // The build reports the same problems and, on errors, writes nothing.
    let report = site.build();
    assert_eq!(render(&report), text, "build and check agree");
    if report.diagnostics.iter().any(|d| d.is_error()) {
        assert!(!site.exists("public"), "nothing written on errors");
    }
    text
}

fn body(markdown: &str) -> String {
    format!("{FRONT}+++\n\nFirst line of the article.\n\n{markdown}\n")
}

fn front(extra: &str) -> String {
    format!("{FRONT}{extra}+++\n\nThe moon is made of cheese. NASA denied it.\n")
}

macro_rules! case {
    ($name:ident, $page:expr) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(check(&$page));
        }
    };
}

// Inline annotations in the body.
case!(unclosed_span, body("The moon is [made of cheese(claim:moon-cheese) today."));
case!(missing_opening_bracket, body("The moon is made of cheese](claim:moon-cheese) today."));
case!(nested_spans, body("[The moon is [made of cheese](claim:moon-cheese) they say](claim:moon-denial)."));
case!(overlapping_spans, body("[The moon is [made](note:n1 \"x\") of](claim:moon-cheese) cheese](claim:moon-denial)."));
case!(space_in_claim_id, body("The moon is [made of cheese](claim:moon cheese)."));
case!(unknown_claim_inline, body("The moon is [made of cheese](claim:moon-chese)."));
case!(unknown_claim_far_from_any, body("The moon is [made of cheese](claim:tides)."));
case!(unknown_stance_inline, body("The moon is [made of cheese](claim:moon-cheese \"assert\")."));
case!(nonsense_stance_inline, body("The moon is [made of cheese](claim:moon-cheese \"maybe\")."));
case!(empty_tag_inline, body("The moon is [](claim:moon-cheese) made of cheese."));
case!(blank_tag_inline, body("The moon is [   ](claim:moon-cheese) made of cheese."));
case!(claim_without_id, body("The moon is [made of cheese](claim:)."));
case!(misspelt_scheme, body("The moon is [made of cheese](clam:moon-cheese)."));
case!(note_without_text, body("The moon is [made of cheese](note:framing)."));
case!(note_with_invalid_id, body("The moon is [made of cheese](note:Framing_1 \"Loaded wording.\")."));
case!(duplicate_note_ids_inline, body("The [moon](note:n1 \"One.\") is [made of cheese](note:n1 \"Two.\")."));
case!(
    duplicate_note_ids_across_front_matter,
    format!("{FRONT}\n[[notes]]\nid = \"n1\"\ntext = \"Page note.\"\n+++\n\nThe [moon](note:n1 \"Passage note.\") is cheese.\n")
);
case!(quote_unknown_actor, body("He said [«the moon is made of cheese»](quote:armstorng)."));
case!(quote_empty, body("He said [](quote:armstrong)."));
case!(annotation_in_a_list_item, body("- item one\n- [made of cheese](claim:moon-chese) in a list"));
case!(annotation_in_a_heading, body("## The [cheese](claim:nope) question"));

// Corrections of the machine's other findings.
case!(figure_unknown_claim, body("About [100 soldiers](figure:moon-chese) landed."));
case!(figure_without_a_number, body("About [a lot of soldiers](figure:moon-cheese) landed."));
case!(figure_title_without_a_number, body("About [100 soldiers](figure:moon-cheese \"many\") landed."));
case!(source_unknown_actor, body("The moon is cheese, [according to NASDA](source:nasda)."));
case!(source_other_without_name, body("The moon is cheese, [according to a paper](source:other)."));
case!(describes_unknown_actor, body("[The astronaut Neil Armstrong](describes:armstorng) said so."));
case!(date_not_a_date, body("It happened [on Tuesday](date:2019-02-30)."));
case!(date_in_words, body("It happened [on Tuesday](date:tuesday)."));
case!(not_unknown_kind, body("About [100 soldiers](not:figures) landed."));
case!(not_rejecting_nothing, body("About [soldiers](not:figure) landed."));

// Tags and notes in the front matter.
case!(
    front_unknown_claim,
    front("\n[[tags]]\nclaim = \"moon-chese\"\nstance = \"asserts\"\nexact = \"made of cheese\"\n")
);
case!(
    front_unknown_stance,
    front("\n[[tags]]\nclaim = \"moon-cheese\"\nstance = \"supports\"\nexact = \"made of cheese\"\n")
);
case!(front_unknown_status, front("\n[[tags]]\nclaim = \"moon-cheese\"\nstance = \"asserts\"\nstatus = \"approved\"\nexact = \"made of cheese\"\n"));
case!(front_missing_exact, front("\n[[tags]]\nclaim = \"moon-cheese\"\nstance = \"asserts\"\n"));
case!(front_empty_exact, front("\n[[tags]]\nclaim = \"moon-cheese\"\nstance = \"asserts\"\nexact = \"\"\n"));
case!(
    front_misspelt_field,
    front("\n[[tags]]\nclaim = \"moon-cheese\"\nstnce = \"asserts\"\nexact = \"made of cheese\"\n")
);
case!(
    front_orphaned_tag,
    front("\n[[tags]]\nclaim = \"moon-cheese\"\nstance = \"asserts\"\nexact = \"made of green cheese\"\n")
);
case!(
    front_duplicate_tag,
    front("\n[[tags]]\nclaim = \"moon-cheese\"\nstance = \"asserts\"\nexact = \"made of cheese\"\n\n[[tags]]\nclaim = \"moon-cheese\"\nstance = \"asserts\"\nexact = \"made of cheese\"\n")
);
case!(
    front_bad_toml_in_tag,
    front("\n[[tags]]\nclaim = \"moon-cheese\nstance = \"asserts\"\nexact = \"made of cheese\"\n")
);
case!(front_note_without_text, front("\n[[notes]]\nid = \"n1\"\ntext = \"\"\n"));
case!(
    front_duplicate_note_ids,
    front("\n[[notes]]\nid = \"n1\"\ntext = \"One.\"\n\n[[notes]]\nid = \"n1\"\ntext = \"Two.\"\n")
);
case!(front_tags_not_a_table_array, front("tags = \"moon-cheese\"\n"));

#[test]
fn well_formed_annotations_raise_nothing() {
    let page = format!(
        "{FRONT}\n[[notes]]\nid = \"framing\"\ntext = \"Reads like satire.\"\n+++\n\n\
         ## The [cheese](claim:moon-cheese) question\n\n\
         The moon is [made of cheese](claim:moon-cheese \"asserts\"). [NASA denied it](claim:moon-denial \"attributes\"), \
         [calling it nonsense](note:nonsense \"Strong word for a space agency.\"). \
         [«One small step»](quote:armstrong), said someone. \
         [About 100 soldiers](figure:moon-cheese) and [3 rovers](figure:-) landed \
         [on Tuesday](date:2019-06-04), [according to NASA](source:nasa), [a source close to it](source:unnamed) \
         and [the Planet](source:other \"The Daily Planet\"). [The astronaut Neil Armstrong](describes:armstrong \"astronaut\") \
         walked. Yet [1,000 soldiers](not:figure) were not there.\n"
    );
    assert_eq!(check(&page), "");
}

/// The scenario: confirm one suggestion, reject another, edit the
/// text around a third, delete the text of a fourth.
#[test]
fn suggestion_life_cycle() {
    let site = Site::new();
    site.write(
        "seeds/a.txt",
        "Cheese report\n\n\
         Scientists say the moon is made of cheese. NASA denied the claim on Monday.\n\n\
         Later the moon was again said to be made of cheese by the Daily Planet staff.\n\n\
         A third paper wrote that the moon is made of cheese, citing nobody.\n",
    );
    site.build_ok();
    let slug = site.source_pages().pop().unwrap();
    let rel = format!("content/sources/{slug}.md");
    let page = site.read(&rel);
    let suggested: Vec<&str> = page.split("\n[[tags]]\n").skip(1).collect();
    assert_eq!(suggested.len(), 4, "{page}");

    // 1 confirm, 2 reject, 3 edit around, 4 delete.
    let mut edited = page.clone();
    let nth = |page: &str, n: usize| page.match_indices("status = \"suggested\"").nth(n).unwrap().0;
    let at = nth(&edited, 0);
    edited.replace_range(at..at + "status = \"suggested\"".len(), "status = \"confirmed\"");
    let at = nth(&edited, 0);
    edited.replace_range(at..at + "status = \"suggested\"".len(), "status = \"rejected\"");
    // Edit the text only, as an editor would; the tags keep their selectors.
    let (front, body) = edited.rsplit_once("+++\n").unwrap();
    let body = body
        .replace("Later the moon was again said", "Some time later, on a Tuesday, the moon was again said")
        .replace("A third paper wrote that the moon is made of cheese, citing nobody.", "A third paper wrote nothing.");
    let edited = format!("{front}+++\n{body}");
    site.write(&rel, &edited);

    let report = site.build_ok();
    let diags = render(&report);
    assert!(diags.contains("warning: orphaned tag `moon-cheese`"), "{diags}");
    assert_eq!(diags.matches("orphaned").count(), 1, "only the deleted one is orphaned: {diags}");
    let html = site.read(&format!("public/sources/{slug}/index.html"));
    assert!(html.contains("<mark class=\"tag asserts confirmed\" id=\"t1\""), "first solid: {html}");
    assert!(!html.contains("NASA denied the claim on Monday.</mark>"), "second gone");
    assert!(html.contains("again said to be made of cheese by the Daily Planet staff.</mark>"), "third anchored");
    assert!(!html.contains("A third paper wrote that"), "fourth's text gone");
    // Rebuild: the rejected one stays gone (the page still records it).
    site.build_ok();
    assert!(site.read(&rel).contains("status = \"rejected\""));
    assert!(!site.read(&format!("public/sources/{slug}/index.html")).contains("claims/moon-denial/"));
}

#[test]
fn web_annotation_export() {
    let site = Site::new();
    site.write(
        "content/sources/case.md",
        format!(
            "{FRONT}\n[[tags]]\nclaim = \"moon-denial\"\nstance = \"attributes\"\nexact = \"NASA denied it\"\n\n\
             [[notes]]\nid = \"framing\"\ntext = \"Satire?\"\n+++\n\n\
             The moon is [made of cheese](claim:moon-cheese). NASA denied it, [calling it a joke](note:joke \"Dismissive.\"). \
             [«That is one small step»](quote:armstrong), Armstrong said. «Cheese is not a planet at all», said Armstrong.\n"
        ),
    );
    site.build_ok();
    let doc: serde_json::Value = serde_json::from_str(&site.read("public/annotations.jsonld")).unwrap();
    assert_eq!(doc["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(doc["type"], "AnnotationCollection");
    let items = doc["first"]["items"].as_array().unwrap();
    assert_eq!(doc["total"].as_u64().unwrap() as usize, items.len());
    let motivations: Vec<&str> = items.iter().map(|a| a["motivation"].as_str().unwrap()).collect();
    // 2 tags, 2 notes (one on a passage, one on the page), 2 quotes.
    assert_eq!(motivations.iter().filter(|m| **m == "classifying").count(), 2, "{motivations:?}");
    assert_eq!(motivations.iter().filter(|m| **m == "commenting").count(), 2);
    assert_eq!(motivations.iter().filter(|m| **m == "identifying").count(), 2);
    let html = site.read("public/sources/case/index.html");
    for a in items {
        assert_eq!(a["type"], "Annotation");
        assert!(a["id"].as_str().unwrap().starts_with("sources/case/#"));
        let target = &a["target"];
        if target.is_string() {
            assert_eq!(target, "sources/case/", "page-level note targets the page");
            continue;
        }
        assert_eq!(target["source"], "sources/case/");
        // The passage twice, neither copying its words: by the element
        // that marks it in the source page, and by place (characters).
        let [fragment, position] = target["selector"].as_array().unwrap().as_slice() else {
            panic!("two selectors: {target}")
        };
        assert_eq!(fragment["type"], "FragmentSelector");
        assert_eq!(fragment["conformsTo"], "http://tools.ietf.org/rfc/rfc3986");
        let id = fragment["value"].as_str().unwrap();
        assert!(a["id"].as_str().unwrap().ends_with(&format!("#{id}")), "{a}");
        assert_eq!(html.matches(&format!(" id=\"{id}\"")).count(), 1, "one element {id} in the page: {a}");
        assert_eq!(position["type"], "TextPositionSelector");
        let (start, end) = (position["start"].as_u64().unwrap(), position["end"].as_u64().unwrap());
        assert!(start < end, "{a}");
        assert!(!a.to_string().contains("exact"), "no copy of the passage: {a}");
    }
}
