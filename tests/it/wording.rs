//! Whole words in descriptions, highlights and excerpts; whom a source cites;
//! quotes several outlets carry and how each outlet words a claim.

use crate::support::Site;
use serde_json::Value;

const CONFIG: &str = r#"[site]
title = "Fixture briefing"
language = "en"

[outlets.daily-planet]
name = "The Daily Planet"
country = "USA"
affiliation = "private"

[outlets.state-news]
name = "State News"
country = "Russia"
affiliation = "state"

[outlets.iran-news]
name = "Iran News"
country = "Iran"
affiliation = "state"

[claims.port-closed]
label = "The port was closed"
patterns = ["port was closed", "port is closed", "port closure"]

[actors.voss]
name = "Anna Voss"
kind = "person"
aliases = ["Voss", "Anna Voss"]

[actors.maduro]
name = "Nicolás Maduro"
kind = "person"
aliases = ["Maduro", "Nicolas Maduro"]
"#;

fn comparison(site: &Site) -> Value {
    site.comparison()
}

fn page(outlet: &str, body: &str) -> String {
    format!("+++\ntitle = \"Page {outlet}\"\noutlet = \"{outlet}\"\n+++\n\n{body}\n")
}

fn word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Whether `excerpt` appears in `text` as whole words at least once.
fn whole_in(text: &str, excerpt: &str) -> bool {
    text.match_indices(excerpt).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + excerpt.len()..].chars().next();
        !(word(before) && word(excerpt.chars().next())) && !(word(after) && word(excerpt.chars().next_back()))
    })
}

/// Places in `html` where a highlight (mark or span) starts or ends inside a
/// word, with the text around them.
fn split_words(html: &str) -> Vec<String> {
    let chips = regex::Regex::new(r#"<sup class="chip">.*?</sup>"#).unwrap();
    let html = chips.replace_all(html, "");
    let tag = regex::Regex::new(r"<(/?)([a-z]+)[^>]*>").unwrap();
    let mut text = String::new();
    let mut cuts = Vec::new();
    let mut last = 0;
    for m in tag.captures_iter(&html) {
        let whole = m.get(0).unwrap();
        text.push_str(&html[last..whole.start()]);
        last = whole.end();
        if matches!(&m[2], "mark" | "span") {
            cuts.push(text.len());
        }
    }
    text.push_str(&html[last..]);
    cuts.into_iter()
        .filter(|&at| word(text[..at].chars().next_back()) && word(text[at..].chars().next()))
        .map(|at| {
            let from = text[..at].char_indices().rev().nth(15).map_or(0, |(i, _)| i);
            let to = text[at..].char_indices().nth(15).map_or(text.len(), |(i, _)| at + i);
            format!("{}|{}", &text[from..at], &text[at..to])
        })
        .collect()
}

#[test]
fn descriptions_highlights_and_excerpts_are_whole_words() {
    let site = Site::with_config(CONFIG);
    site.write(
        "content/sources/planet.md",
        page(
            "daily-planet",
            "Officials said the port was closed, said Port authority spokesman Anna Voss on Monday. \
             The closure came as leftist President Nicolás Maduro spoke to the crowd. \
             It was confirmed by the port authority spokesman Anna Voss.",
        ),
    );
    site.write(
        "content/sources/state.md",
        page(
            "state-news",
            "The port closure was denied by the harbour administration, a source close to the ministry \
             told reporters, while the region's authority spokesman Anna Voss was silent. \
             Maduro, the leftist president of the country, addressed the nation.",
        ),
    );
    site.build_ok();
    let cmp = comparison(&site);
    let bodies = [site.read("content/sources/planet.md"), site.read("content/sources/state.md")];
    let descriptions: Vec<&str> = cmp["descriptions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["descriptions"].as_array().unwrap())
        .map(|d| d["text"].as_str().unwrap())
        .collect();
    assert!(!descriptions.is_empty(), "{}", cmp["descriptions"]);
    assert!(descriptions.iter().any(|d| d.contains("authority spokesman")), "{descriptions:?}");
    for d in &descriptions {
        assert!(bodies.iter().any(|b| whole_in(b, d)), "description cut inside a word: {d:?}");
        assert!(!d.starts_with("thority") && !d.starts_with("ftist"), "{d:?}");
    }
    let citations: Vec<&str> = cmp["sourcing"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["citations"].as_array().unwrap())
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    for c in &citations {
        assert!(bodies.iter().any(|b| whole_in(b, c)), "citation cut inside a word: {c:?}");
    }
    for slug in ["planet", "state"] {
        let html = site.read(&format!("public/sources/{slug}/index.html"));
        if slug == "planet" {
            assert!(html.contains("class=\"descriptor"), "{html}");
        }
        let splits = split_words(&html);
        assert!(splits.is_empty(), "highlights split words in {slug}: {splits:?}");
    }
    // Excerpts shortened for the report end at a word.
    assert_eq!(parallax::render::shorten_str("the port authority spokesman said", 12), "the port…");
    assert_eq!(parallax::render::shorten_str("the port authority", 9), "the port…");
}

#[test]
fn whom_sources_cite_articles_unnamed_sources_credits_and_capitals() {
    let site = Site::with_config(&CONFIG.replace("language = \"en\"", "language = \"fr\""));
    site.write(
        "content/sources/planet.md",
        page(
            "daily-planet",
            "The port was closed on Monday, Reuters reported, citing an unnamed source. \
             Officials said, citing sources, that it would reopen. According to Moscow, nothing changed.\n\n\
             Dockers on strike (AFP photo).",
        ),
    );
    site.write(
        "content/sources/state.md",
        page(
            "state-news",
            "Un article publié par le Wall Street Journal le 23 juin avançait que le port était fermé. \
             Un article du Monde le confirmait. Selon Caracas, Téhéran souhaite consolider ses liens. \
             Selon Moscou, rien n'a changé.\n\nDes dockers en grève. Photo: AFP",
        ),
    );
    site.build_ok();
    let cmp = comparison(&site);
    let sourcing = cmp["sourcing"].as_array().unwrap();
    let find = |key: &str| sourcing.iter().find(|c| c["key"] == key);
    let wsj = find("wall street journal").unwrap_or_else(|| panic!("the WSJ is cited: {sourcing:?}"));
    assert_eq!(wsj["citations"][0]["source"], "state");
    assert!(find("monde").is_some(), "{sourcing:?}");
    let unnamed = find("unnamed").expect("unnamed sources");
    assert_eq!(unnamed["named"], false);
    assert_eq!(unnamed["citations"][0]["count"], 2, "{unnamed}");
    let afp = find("afp").expect("AFP credited");
    assert_eq!(afp["sources"], 2, "{afp}");
    assert!(afp["citations"].as_array().unwrap().iter().all(|c| c["via"] == "photo credit"), "{afp}");
    // A capital cited is its country's government, one source across
    // languages; never the city.
    let russia = find("government-ru").expect("Moscow and Moscou as the government of Russia");
    assert_eq!(russia["sources"], 2);
    assert_eq!(russia["name"], "Gouvernement russe");
    assert!(find("government-ve").is_some(), "{sourcing:?}");
    assert!(find("caracas").is_none() && find("moscou").is_none() && find("moscow").is_none(), "{sourcing:?}");
    let report = site.read("public/report/index.html");
    assert!(report.contains("Gouvernement russe"), "the report names the government");
}

const QUOTES: &str = r#"[site]
title = "Fixture briefing"
language = "fr"

[outlets.daily-planet]
name = "The Daily Planet"
country = "USA"
affiliation = "private"

[outlets.state-news]
name = "State News"
country = "Russia"
affiliation = "state"

[outlets.iran-news]
name = "Iran News"
country = "Iran"
affiliation = "state"

[claims.numbers-inflated]
label = "The numbers are inflated"
patterns = ["exagérés", "gonflés"]

[actors.rostec]
name = "Rostec"
kind = "organisation"
aliases = ["Rostec"]
"#;

#[test]
fn excerpts_are_verbatim_three_outlets_and_each_outlets_wording() {
    let site = Site::with_config(QUOTES);
    let long = "Les chiffres avancés par le journal sont exagérés des dizaines de fois et ne reposent sur rien";
    site.write(
        "content/sources/state.md",
        page(
            "state-news",
            &format!(
                "[Rostec a affirmé](claim:numbers-inflated \"denies\") : « {long} ». Le groupe a ajouté que rien n'avait changé."
            ),
        ),
    );
    site.write(
        "content/sources/planet.md",
        page(
            "daily-planet",
            "Selon Rostec, [ces chiffres sont « exagérés des dizaines de fois »](claim:numbers-inflated \"attributes\"). \
             Le port reste fermé.",
        ),
    );
    site.write(
        "content/sources/iran.md",
        page(
            "iran-news",
            &format!("Le groupe Rostec a démenti : « {long} », a affirmé Rostec. Washington n'a pas réagi."),
        ),
    );
    site.write(
        "content/sources/other.md",
        page("daily-planet", "Rostec a précisé que les effectifs « restent inchangés depuis de nombreuses années »."),
    );
    site.write(
        "content/sources/third.md",
        page("iran-news", "Pour Rostec, « la composition du personnel est inchangée depuis de nombreuses années »."),
    );
    site.write(
        "content/sources/fourth.md",
        page("state-news", "Rostec a assuré : « nos équipes sont les mêmes depuis de nombreuses années »."),
    );
    site.build_ok();
    let cmp = comparison(&site);
    let shared = cmp["shared_quotes"].as_array().unwrap();
    // One statement in three outlets, worded differently: a paraphrase.
    let years = shared
        .iter()
        .find(|q| q["carriers"].as_array().unwrap().iter().any(|c| c["source"] == "other"))
        .unwrap_or_else(|| panic!("the statement in three outlets: {shared:?}"));
    let carriers: Vec<&str> =
        years["carriers"].as_array().unwrap().iter().map(|c| c["source"].as_str().unwrap()).collect();
    assert!(carriers.contains(&"third") && carriers.contains(&"fourth"), "{years}");
    assert_eq!(years["kind"], "paraphrase", "{years}");
    let group = shared
        .iter()
        .find(|q| q["carriers"].as_array().unwrap().iter().any(|c| c["text"] == "exagérés des dizaines de fois"))
        .unwrap_or_else(|| panic!("the excerpt joins the longer quote: {shared:?}"));
    assert_eq!(group["kind"], "verbatim", "{group}");
    assert_eq!(group["sources"], 3, "three outlets carry the statement: {group}");

    // The claim page shows side by side how each outlet words the claim.
    let claim = cmp["claims"].as_array().unwrap().iter().find(|c| c["id"] == "numbers-inflated").unwrap();
    // report.json places each passage and its sentence in the source's
    // text (bytes of UTF-8) rather than copying them.
    let sentence = "Selon Rostec, ces chiffres sont « exagérés des dizaines de fois ».";
    let passages: Vec<&Value> =
        claim["cells"].as_array().unwrap().iter().flat_map(|c| c["passages"].as_array().unwrap()).collect();
    let at = |p: &Value, k: &str| p[k].as_u64().unwrap() as usize;
    for p in &passages {
        assert!(p.get("text").is_none() && p.get("before").is_none(), "{p}");
        assert!(at(p, "sentence_start") <= at(p, "start") && at(p, "start") < at(p, "end"), "{p}");
        assert!(at(p, "end") <= at(p, "sentence_end"), "{p}");
    }
    assert!(
        passages.iter().any(|p| at(p, "sentence_end") - at(p, "sentence_start") == sentence.len()
            && at(p, "start") - at(p, "sentence_start") == "Selon Rostec, ".len()),
        "{passages:?}"
    );
    let html = site.read("public/claims/numbers-inflated/index.html");
    assert!(html.contains("Comment chaque média le formule"), "{html}");
    let table = &html[html.find("class=\"side-by-side\"").expect("the side-by-side table")..];
    let table = &table[..table.find("</table>").unwrap()];
    for outlet in ["The Daily Planet", "State News"] {
        assert!(table.contains(outlet), "{outlet} in {table}");
    }
    assert!(table.contains("Selon Rostec, <mark class=\"tag attributes\">ces chiffres"), "{table}");
    assert!(table.contains("<mark class=\"tag denies\">Rostec a affirmé</mark> : « Les chiffres"), "{table}");
}
