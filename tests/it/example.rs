//! The example briefing and the everyday loop: build, edit, build again.

use crate::support::{page, Site};

#[test]
fn example_briefing_builds_into_a_complete_site() {
    let site = Site::example();
    let report = site.build_ok();
    assert_eq!(report.sources, 5);
    assert_eq!(report.created.len(), 5, "one content page per seed");

    for file in [
        "public/index.html",
        "public/report/index.html",
        "public/report.json",
        "public/report/matrix.csv",
        "public/style.css",
    ] {
        assert!(site.exists(file), "{file} missing");
    }
    let sources = site.tree("public/sources");
    assert_eq!(
        sources.len(),
        8,
        "five source pages and their list, by title, by outlet and by date: {:?}",
        sources.keys()
    );
    for list in ["index.html", "by-outlet.html", "by-date.html"] {
        assert!(sources.contains_key(list), "{list}: {:?}", sources.keys());
    }
    // Every folder has a page, as in any static site: no 404 on `claims/`.
    let tree = site.tree("public");
    for path in tree.keys() {
        let mut dir = std::path::Path::new(path).parent();
        while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
            let index = d.join("index.html").to_string_lossy().into_owned();
            // Paginated claim pages live under page/N/; page/ itself is not a
            // page. report/data/ holds the data files report.json lists.
            if !index.ends_with("/page/index.html") && index != "report/data/index.html" {
                assert!(tree.contains_key(&index), "{} has no index.html", d.display());
            }
            dir = d.parent();
        }
    }
    let claims_list = site.read("public/claims/index.html");
    assert!(claims_list.contains("href=\"../claims/kremlin-denial/\""), "{claims_list}");
    assert!(site.read("public/outlets/index.html").contains("href=\"../outlets/rt-france/\""));
    let claims = site.tree("public/claims");
    assert!(claims.len() >= 8, "claim pages: {:?}", claims.keys());
    for outlet in ["rt-france", "press-tv", "unknown"] {
        assert!(site.exists(&format!("public/outlets/{outlet}/index.html")), "outlet page {outlet}");
    }

    // Site chrome never reaches the site.
    for (path, bytes) in site.tree("public") {
        let text = String::from_utf8_lossy(&bytes);
        for chrome in ["Tout Accepter", "Partager Cet Article", "Suivez RT", "SOURCE: FRENCH PRESS TV", "Ilhan Omar"] {
            assert!(!text.contains(chrome), "{path} contains {chrome:?}");
        }
    }
}

#[test]
fn outlets_are_identified_from_their_text_and_never_guessed() {
    let site = Site::example();
    site.build_ok();
    let mut outlets: Vec<(String, String)> = site
        .tree("content/sources")
        .into_iter()
        .map(|(name, bytes)| {
            let text = String::from_utf8(bytes).unwrap();
            let outlet = text.lines().find_map(|l| l.strip_prefix("outlet = ")).unwrap().trim_matches('"').to_owned();
            let seed = text.lines().find_map(|l| l.strip_prefix("seed = ")).unwrap().trim_matches('"').to_owned();
            (seed, format!("{outlet} {name}"))
        })
        .collect();
    outlets.sort();
    let by_seed: Vec<&str> = outlets.iter().map(|(_, o)| o.split(' ').next().unwrap()).collect();
    // AFP, RT France, Press TV, a Chinese outlet, a French web outlet: only
    // RT France and Press TV sign their text.
    assert_eq!(by_seed, ["unknown", "rt-france", "press-tv", "unknown", "unknown"]);

    let rt = outlets
        .iter()
        .find(|(_, o)| o.starts_with("rt-france"))
        .unwrap()
        .1
        .split(' ')
        .nth(1)
        .unwrap()
        .trim_end_matches(".md")
        .to_owned();
    let html = site.read(&format!("public/sources/{rt}/index.html"));
    assert!(html.contains("About RT France"), "bias panel heading");
    // The source page links to the outlet's notes; the outlet's page has
    // them, each citing its source.
    assert!(html.contains("<a href=\"../../outlets/rt-france/\">Notes on this outlet (3)</a>"), "{html}");
    let outlet = site.read("public/outlets/rt-france/index.html");
    assert!(outlet.contains("Council Regulation (EU) 2022/350"), "bias note cites its source");
    let press = outlets
        .iter()
        .find(|(_, o)| o.starts_with("press-tv"))
        .unwrap()
        .1
        .split(' ')
        .nth(1)
        .unwrap()
        .trim_end_matches(".md")
        .to_owned();
    let html = site.read(&format!("public/sources/{press}/index.html"));
    assert!(html.contains("About Press TV (French service)"));
    assert!(html.contains("href=\"../../outlets/press-tv/\">Notes on this outlet"), "{html}");
    assert!(site.read("public/outlets/press-tv/index.html").contains("Ofcom"));
}

#[test]
fn ingest_cleans_chrome_and_keeps_a_record_of_it() {
    let site = Site::example();
    site.build_ok();
    let rt = site
        .tree("content/sources")
        .into_values()
        .map(|b| String::from_utf8(b).unwrap())
        .find(|t| t.contains("outlet = \"rt-france\""))
        .unwrap();
    let (front, body) = rt.rsplit_once("+++\n").unwrap();
    assert!(!body.contains("Tout Accepter") && !body.contains("Suivez RT") && !body.contains("Raconter l'actualité"));
    assert!(body.contains("Le 4 juin, le Kremlin a officiellement démenti"), "article text kept");
    assert!(body.contains("## Les entreprises russes démentent"), "crosshead kept as a heading");
    for kind in ["consent-banner", "follow-us", "related-link", "image-caption", "outlet-chrome", "navigation"] {
        assert!(front.contains(&format!("kind = \"{kind}\"")), "removed {kind} recorded");
    }
    assert!(front.contains("Tout AccepterTout refuser"), "removed text kept verbatim");
}

#[test]
fn claims_are_suggested_with_stances_and_shown_in_the_matrix() {
    let site = Site::example();
    site.build_ok();
    let json = site.comparison();
    let claims = json["claims"].as_array().unwrap();
    let carried = |id: &str| {
        let claim = claims.iter().find(|c| c["id"] == id).unwrap();
        assert_eq!(claim["cells"].as_array().unwrap().len() as u64, claim["mentioned_by"].as_u64().unwrap());
        claim["carried_by"].as_u64().unwrap()
    };
    assert!(carried("withdrawal-reported") >= 3);
    assert!(carried("kremlin-denial") >= 2);
    assert!(carried("march-deployment") >= 2);
    assert!(carried("rostec-exaggerated") >= 3);
    assert!(carried("wsj-few-dozen") >= 3);
    assert!(carried("us-demands-exit") >= 2);

    let stances: Vec<String> = claims
        .iter()
        .flat_map(|c| c["cells"].as_array().unwrap())
        .flat_map(|cell| cell["stances"].as_array().unwrap())
        .map(|s| s.as_str().unwrap().to_owned())
        .collect();
    for stance in ["asserts", "attributes", "denies"] {
        assert!(stances.iter().any(|s| s == stance), "some cell {stance}");
    }

    // Every matrix cell links to a passage that exists in the source page.
    let report = site.read("public/report/index.html");
    let mut links = 0;
    for cap in report.split("href=\"../sources/").skip(1) {
        let target = cap.split('"').next().unwrap();
        if let Some((slug, anchor)) = target.split_once("/#") {
            crate::support::assert_link_lands(&site, slug, anchor);
            links += 1;
        }
    }
    assert!(links > 20, "matrix and quotes link to passages ({links})");
}

#[test]
fn report_lists_who_is_quoted_and_blindspots() {
    let site = Site::example();
    site.build_ok();
    let json = site.comparison();
    let speakers = json["speakers"].as_array().unwrap();
    let peskov = speakers.iter().find(|s| s["actor"] == "peskov").expect("Peskov is quoted");
    assert!(peskov["sources"].as_array().unwrap().len() >= 2, "Peskov quoted by AFP and RT France");
    assert!(speakers.iter().any(|s| s["actor"] == "trump"));
    assert!(!json["blindspots"].as_array().unwrap().is_empty());
    let html = site.read("public/report/index.html");
    assert!(html.contains("Who is quoted") && html.contains("Dmitri Peskov"));
    assert!(html.contains("<svg"), "outlet mix chart");
}

#[test]
fn the_intro_page_opens_the_briefing() {
    let site = Site::new();
    site.write("content/_index.md", "+++\ntitle = \"Cheese watch\"\n+++\n\nWhat *the papers* say.\n");
    site.build_ok();
    let html = site.read("public/index.html");
    assert!(html.contains("<h1>Cheese watch</h1>"), "{html}");
    assert!(html.contains("What <em>the papers</em> say."));
    assert!(!site.exists("public/sources/index"), "the intro is not a source");
}

#[test]
fn edits_to_content_pages_survive_rebuilds() {
    let site = Site::example();
    site.build_ok();
    let slug = site.source_pages().into_iter().find(|s| s.starts_with("la-russie-dement")).unwrap();
    let rel = format!("content/sources/{slug}.md");
    let original = site.read(&rel);

    // Change a sentence and remove the first tag.
    let edited =
        original.replace("a officiellement démenti cette information", "a démenti cette information sans détour");
    let first_tag = edited.find("[[tags]]").unwrap();
    let next = first_tag + 1 + edited[first_tag + 1..].find("\n[[").unwrap();
    let removed_claim = edited[first_tag..next].lines().find_map(|l| l.strip_prefix("claim = ")).unwrap().to_owned();
    let removed_exact = edited[first_tag..next].lines().find_map(|l| l.strip_prefix("exact = ")).unwrap().to_owned();
    let edited = format!("{}{}", &edited[..first_tag], &edited[next + 1..]);
    site.write(&rel, &edited);

    let report = site.build_ok();
    assert!(report.created.is_empty(), "no page re-created");
    assert_eq!(site.read(&rel), edited, "the edit survives the build");
    let html = site.read(&format!("public/sources/{slug}/index.html"));
    assert!(html.contains("a démenti cette information sans détour"));
    assert!(!html.contains("a officiellement démenti"));
    let tags_in_html = html.matches("<mark class=\"tag").count();
    let tags_in_page = edited.matches("[[tags]]").count();
    assert!(tags_in_html >= tags_in_page, "remaining tags rendered");
    let _ = (removed_claim, removed_exact);
    // A third build changes nothing.
    let before = site.tree("public");
    site.build_ok();
    assert_eq!(before, site.tree("public"));
}

#[test]
fn rejected_tags_disappear_and_confirmed_tags_are_marked() {
    let site = Site::new();
    site.write("seeds/a.txt", "Cheese news\n\nScientists say the moon is made of cheese. NASA denied it on Monday.\n");
    site.build_ok();
    let slug = site.source_pages().pop().unwrap();
    let rel = format!("content/sources/{slug}.md");
    let text = site.read(&rel);
    assert_eq!(text.matches("status = \"suggested\"").count(), 2, "{text}");
    let text = text.replacen("status = \"suggested\"", "status = \"rejected\"", 1).replacen(
        "status = \"suggested\"",
        "status = \"confirmed\"",
        1,
    );
    site.write(&rel, &text);
    site.build_ok();
    let html = site.read(&format!("public/sources/{slug}/index.html"));
    assert!(!html.contains("claims/moon-cheese/"), "rejected tag not shown");
    assert!(html.contains("<mark class=\"tag attributes confirmed\""), "confirmed tag shown solid: {html}");
}

#[test]
fn builds_are_byte_identical() {
    let a = Site::example();
    let b = Site::example();
    a.build_ok();
    b.build_ok();
    assert_eq!(a.tree("content"), b.tree("content"));
    assert_eq!(a.tree("public"), b.tree("public"));
    let first = a.tree("public");
    a.build_ok();
    assert_eq!(first, a.tree("public"));
}

/// A rebuild keeps unchanged files (linked from the previous build, not
/// rewritten) and rewrites changed ones, including a file someone edited
/// in the output by hand; the previous build leaves nothing behind.
#[cfg(unix)]
#[test]
fn rebuilds_rewrite_what_changed_and_nothing_is_shared_after() {
    use std::os::unix::fs::MetadataExt;
    let site = Site::example();
    site.build_ok();
    let clean = site.tree("public");
    // Same size, other bytes: must not be taken for unchanged.
    let css = site.read("public/style.css");
    site.write("public/style.css", css.replacen('a', "b", 1));
    let slug = site.source_pages().pop().unwrap();
    let page = format!("content/sources/{slug}.md");
    site.write(&page, site.read(&page) + "\nA new closing line.\n");
    site.build_ok();
    assert_eq!(site.read("public/style.css"), css, "the hand-edited file is rewritten");
    assert!(site.read(&format!("public/sources/{slug}/index.html")).contains("A new closing line."));
    assert_eq!(site.read("public/report/matrix.csv").as_bytes(), &clean["report/matrix.csv"][..]);
    for entry in std::fs::read_dir(site.root()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(!name.starts_with(".public"), "{name} left behind");
    }
    for (rel, _) in site.tree("public") {
        let links = std::fs::metadata(site.path(&format!("public/{rel}"))).unwrap().nlink();
        assert_eq!(links, 1, "public/{rel} still shares its data with another file");
    }
}

#[test]
fn a_changed_seed_warns_and_leaves_the_page_alone() {
    let site = Site::new();
    site.write("seeds/a.txt", "Title here\n\nThe moon is made of cheese, say the Daily Planet staff.\n");
    site.build_ok();
    let slug = site.source_pages().pop().unwrap();
    let page_before = site.read(&format!("content/sources/{slug}.md"));
    site.write("seeds/a.txt", "Title here\n\nThe moon is not made of cheese.\n");
    let report = site.build_ok();
    assert_eq!(site.read(&format!("content/sources/{slug}.md")), page_before);
    let diags = crate::support::render(&report);
    assert!(diags.contains("warning: seed `seeds/a.txt` changed since this page was made"), "{diags}");
    assert!(diags.contains(&format!("content/sources/{slug}.md:")), "{diags}");
}

#[test]
fn untrusted_text_stays_inert() {
    let site = Site::new();
    site.write(
        "seeds/evil.txt",
        "<script>alert(1)</script> headline\n\nA paragraph with <img src=x onerror=alert(1)> and [a link](javascript:alert(1)) and &amp; *stars*.\n",
    );
    site.write(
        "content/sources/hand.md",
        page("unknown", "Raw <b>bold</b> and <script>alert(2)</script>.\n\n[x](javascript:alert(3))"),
    );
    site.build_ok();
    for (path, bytes) in site.tree("public").into_iter().filter(|(p, _)| p.ends_with(".html")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("<script>"), "{path} has a live script");
        assert!(!text.contains("<img"), "{path} has a live image");
        assert!(!text.contains("<b>bold"), "{path} has raw HTML");
        assert!(!text.contains("href=\"javascript:"), "{path} has a javascript: link");
    }
    let slug = site.source_pages().into_iter().find(|s| s != "hand").unwrap();
    let html = site.read(&format!("public/sources/{slug}/index.html"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "shown as text");
    assert!(html.contains("*stars*"), "markdown in seeds is text");
}

#[test]
fn raw_html_renders_only_when_configured() {
    let site = Site::new();
    site.write(
        "config.toml",
        crate::support::MINIMAL_CONFIG.replace("language = \"en\"", "language = \"en\"\nraw_html = true"),
    );
    site.write("content/sources/hand.md", page("unknown", "Raw <b>bold</b> text."));
    site.build_ok();
    assert!(site.read("public/sources/hand/index.html").contains("<b>bold</b>"));
}

#[test]
fn output_folder_is_configurable_and_complete() {
    let site = Site::example();
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("site");
    let (code, stderr) = site.run(&["build", "--output", target.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(target.join("index.html").exists());
    assert!(!site.exists("public"), "nothing written to the default output");
    assert!(!out.path().join(".site.staging").exists(), "staging folder cleaned up");
}

#[test]
fn help_explains_commands_with_examples() {
    let site = Site::new();
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["build", "--help"])
        .current_dir(site.root())
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("Examples:") && help.contains("parallax build --root"), "{help}");
    assert!(help.contains("--output <DIR>"));
}

use std::process::Command;

#[test]
fn a_wording_many_sources_carry_is_one_row_of_the_claim_page() {
    let site = Site::new();
    for i in 0..5 {
        site.write(&format!("seeds/{i}.txt"), format!("Report {i}\n\nThe moon is made of cheese, the wire said.\n"));
    }
    site.write("seeds/other.txt", "Other report\n\nA paper says the moon is made of cheese.\n");
    site.build_ok();
    let html = site.read("public/claims/moon-cheese/index.html");
    assert_eq!(html.matches("<tr class=\"carrier ").count(), 2, "two wordings: {html}");
    assert_eq!(html.matches("<mark class=\"tag ").count(), 2, "each wording once: {html}");
    assert!(html.contains("5 sources"), "{html}");
    for i in 0..5 {
        assert!(html.contains(&format!("href=\"../../sources/report-{i}/#t1\"")), "source {i} linked: {html}");
    }
}

#[test]
fn long_claim_pages_are_paginated() {
    let site = Site::new();
    for i in 0..120 {
        site.write(&format!("seeds/{i:03}.txt"), format!("Report {i}\n\nPaper {i} says the moon is made of cheese.\n"));
    }
    site.build_ok();
    let first = site.read("public/claims/moon-cheese/index.html");
    assert!(first.contains("page 1 / 2"), "pager on the first page");
    assert!(first.contains("href=\"../../claims/moon-cheese/page/2/\""));
    // One row per wording, with the sources that word the claim so.
    assert_eq!(first.matches("<tr class=\"carrier ").count(), 100);
    assert_eq!(first.matches("<ul class=\"carried\">").count(), 100);
    let second = site.read("public/claims/moon-cheese/page/2/index.html");
    assert_eq!(second.matches("<tr class=\"carrier ").count(), 20);
    assert!(second.contains("href=\"../../../../claims/moon-cheese/\""), "link back to page 1");
    assert!(second.contains("href=\"../../../../style.css\""), "assets resolve from nested pages");

    // The front page lists the first 50 sources and leads to all of them.
    let index = site.read("public/index.html");
    assert_eq!(index.matches("<td><a href=\"./sources/").count(), 50);
    assert!(index.contains("<strong>120</strong>"), "the count is of all sources");
    assert!(index.contains("href=\"./sources/\">All sources (120)"));
    assert_eq!(site.read("public/sources/index.html").matches("<td><a href=\"../sources/").count(), 120);
}

#[test]
fn the_interface_language_comes_from_the_config() {
    let site = Site::new();
    site.write("content/sources/hand.md", page("daily-planet", "The moon is made of cheese."));
    site.build_ok();
    let english = site.read("public/report/index.html");
    assert!(english.contains("Who is quoted") && english.contains("Comparison report"));

    site.write("config.toml", crate::support::MINIMAL_CONFIG.replace("language = \"en\"", "language = \"fr\""));
    site.build_ok();
    let french = site.read("public/report/index.html");
    assert!(french.contains("Qui est cité") && french.contains("Rapport comparatif"), "French interface");
    assert!(french.contains("<html lang=\"fr\">"));
    assert!(site.read("public/sources/hand/index.html").contains("Affirmations dans cette source"));

    site.write("config.toml", crate::support::MINIMAL_CONFIG.replace("language = \"en\"", "language = \"de\""));
    let report = site.build();
    assert!(!report.written);
    let diags = crate::support::render(&report);
    assert!(diags.contains("no interface strings for language `de`") && diags.contains("en, fr"), "{diags}");
}

/// Every string the default templates translate has a French entry, so a
/// French site never shows a stray English phrase from the theme.
#[test]
fn french_strings_cover_the_templates() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
    let fr: std::collections::BTreeMap<String, String> =
        toml::from_str(&std::fs::read_to_string(dir.join("i18n/fr.toml")).unwrap()).unwrap();
    let re = regex::Regex::new(r#"\{\{ "((?:[^"\\]|\\.)*)" \| tr \}\}"#).unwrap();
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(dir.join("templates")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for c in re.captures_iter(&text) {
            let key = c[1].replace("\\\"", "\"");
            if !fr.contains_key(&key) {
                missing.push(key);
            }
        }
    }
    assert!(missing.is_empty(), "no French for: {missing:?}");
    for stance in ["asserts", "attributes", "denies", "verbatim", "near-verbatim", "paraphrase"] {
        assert!(fr.contains_key(stance), "{stance}");
    }
}

/// Every page names the favicon (which exists, so no first-visit 404), has
/// a description and Open Graph tags; robots.txt lets crawlers in.
#[test]
fn every_page_has_a_favicon_a_description_and_open_graph_tags() {
    let site = Site::example();
    site.build_ok();
    assert!(site.read("public/favicon.svg").starts_with("<svg"));
    assert!(site.read("public/robots.txt").contains("User-agent: *"));
    let tree = site.tree("public");
    // The 404 page links from the site's root path, being served anywhere.
    let pages: Vec<&String> = tree.keys().filter(|p| p.ends_with(".html") && *p != "404.html").collect();
    assert!(pages.len() > 20, "{pages:?}");
    for path in pages {
        let html = String::from_utf8_lossy(&tree[path]);
        let depth = path.matches('/').count();
        let root = if depth == 0 { "./".to_owned() } else { "../".repeat(depth) };
        let icon = format!("<link rel=\"icon\" href=\"{root}favicon.svg\"");
        assert!(html.contains(&icon), "{path}: no {icon}");
        for tag in [
            "<meta name=\"description\" content=\"",
            "<meta property=\"og:title\" content=\"",
            "<meta property=\"og:site_name\"",
        ] {
            assert!(html.contains(tag), "{path}: no {tag}");
        }
        assert!(!html.contains("<meta name=\"description\" content=\"\""), "{path}: empty description");
    }
    // A source page is an article described by its own title and outlet.
    let source = tree.keys().find(|p| p.starts_with("sources/la-russie-dement")).unwrap();
    let html = String::from_utf8_lossy(&tree[source]);
    assert!(html.contains("<meta property=\"og:type\" content=\"article\">"), "{html}");
}

/// Article text in another language than the interface says so (`lang`),
/// for screen readers, hyphenation and the HTML checker.
#[test]
fn article_text_carries_its_language() {
    let site = Site::example();
    site.build_ok();
    let tree = site.tree("public/sources");
    let source = tree.keys().find(|p| p.starts_with("la-russie-dement") && p.ends_with("index.html")).unwrap();
    let html = String::from_utf8_lossy(&tree[source]).into_owned();
    assert!(html.starts_with("<!doctype html>\n<html lang=\"en\">"), "English interface");
    assert!(html.contains("<div class=\"body\" lang=\"fr\">") && html.contains("<h1 lang=\"fr\">"), "{html}");
    // With a French interface the French text needs no mark of its own.
    let config = site.read("config.toml");
    let config = regex::Regex::new(r#"(?m)^language = "en""#).unwrap().replace(&config, "language = \"fr\"");
    assert!(config.contains("language = \"fr\""), "{config}");
    site.write("config.toml", config.as_ref());
    site.build_ok();
    let html = site.read(&format!("public/sources/{source}"));
    assert!(html.contains("<html lang=\"fr\">") && html.contains("<div class=\"body\">"), "{html}");
}

/// A French briefing shows no English: every string of the interface,
/// whether a template or the code writes it (an unknown outlet's name,
/// unnamed sources, chart labels, tooltips, table heads), is French, and
/// counts take the French plural ("1 source", "0 source", "2 sources").
/// The fixture's own text and config are French, so any English word in
/// the built pages comes from parallax.
#[test]
fn a_french_briefing_shows_no_english() {
    let site = Site::with_config(FRENCH_CONFIG);
    for (slug, page) in FRENCH_PAGES {
        site.write(&format!("content/sources/{slug}.md"), page);
    }
    site.build_ok();
    // Words of English that are not also French words.
    let english: std::collections::BTreeSet<&str> = "the of and with from outside tagged claim claims outlet outlets \
        unknown quotes quoted report not identified unidentified show all more by who which shared none this that \
        these is are was has have their its than other found without words word speaker speakers timeline carried \
        denied asserts attributes denies suggested confirmed editor search briefing results previous next see also \
        only each per yet no named unnamed cited in on at to for it be an as or"
        .split_whitespace()
        .collect();
    let attribute = regex::Regex::new(r#"(?:title|aria-label|alt|placeholder|data-[a-z-]+)="([^"]*)""#).unwrap();
    let tags = regex::Regex::new(r"(?s)<script.*?</script>|<[^>]+>").unwrap();
    let file_names = regex::Regex::new(r"\b[\w-]+\.(?:json|csv|jsonld|toml|md|xml)\b|parallax claims").unwrap();
    let singular_plural =
        regex::Regex::new(r"\b[01] (?:sources|affirmations|mots|citations|médias|passages)\b").unwrap();
    let mut found = Vec::new();
    for (path, bytes) in site.tree("public").iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        let attributes: Vec<&str> = attribute.captures_iter(&html).map(|c| c.get(1).unwrap().as_str()).collect();
        let text = format!("{} {}", tags.replace_all(&html, "\n"), attributes.join("\n"));
        let text = text.replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
        let text = file_names.replace_all(&text, "");
        for line in text.split(['\n', ';', ':', '·', '|']) {
            let words: Vec<&str> = line.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()).collect();
            if words.iter().any(|w| english.contains(w.to_lowercase().as_str())) {
                found.push(format!("{path}: {}", line.trim()));
            }
        }
        for m in singular_plural.find_iter(&text) {
            found.push(format!("{path}: plural after 0 or 1: {}", m.as_str()));
        }
    }
    found.sort();
    found.dedup();
    assert!(found.is_empty(), "English or wrong plurals in the French interface:\n{}", found.join("\n"));
}

const FRENCH_CONFIG: &str = r#"[site]
title = "Dossier d'essai"
language = "fr"

[outlets.quotidien]
name = "Le Quotidien"
country = "France"
affiliation = "private"
[[outlets.quotidien.notes]]
text = "Journal fictif des essais."
sources = ["Suite d'essais"]
[outlets.quotidien.signatures]
text = ["Rédaction du Quotidien"]

[outlets.etat]
name = "Radio d'État"
country = "Russie"
affiliation = "state"
[[outlets.etat.notes]]
text = "Radio fictive d'un État."
sources = ["Suite d'essais"]
[outlets.etat.signatures]
text = ["Radio d'État"]

[claims.lune-fromage]
label = "La lune est en fromage"
patterns = ["en fromage"]

[claims.dementi]
label = "La NASA dément"
patterns = ["nasa dement"]

[actors.nasa]
name = "NASA"
kind = "organisation"

[actors.armstrong]
name = "Neil Armstrong"
kind = "person"
aliases = ["Armstrong"]
"#;

const FRENCH_PAGES: [(&str, &str); 3] = [
    (
        "un",
        "+++\ntitle = \"La lune serait en fromage\"\noutlet = \"quotidien\"\ndate = 2024-03-01\n+++\n\n\
         Selon un rapport, la lune est [en fromage](claim:lune-fromage). Plus de 3 000 personnes l'ont lu, et 12 % y croient.\n\n\
         «C'est une provocation», a déclaré Neil Armstrong à la presse mardi.\n\n\
         Le porte-parole de la NASA, Jean Dupont, a affirmé que l'agence «dément formellement» ces informations.\n",
    ),
    (
        "deux",
        "+++\ntitle = \"La NASA dément la rumeur\"\noutlet = \"etat\"\ndate = 2024-03-05\n+++\n\n\
         La NASA dément que la lune soit [en fromage](claim:lune-fromage \"denies\"). Environ 200 scientifiques ont signé une lettre, a indiqué l'agence Reuters.\n\n\
         «C'est une provocation», a déclaré Neil Armstrong, cité par l'AFP.\n",
    ),
    (
        "trois",
        "+++\ntitle = \"Un texte sans média\"\noutlet = \"unknown\"\n+++\n\n\
         Quelques dizaines de personnes ont manifesté devant le siège, selon une source anonyme.\n\n\
         «C'est une provocation», a déclaré Neil Armstrong.\n",
    ),
];
