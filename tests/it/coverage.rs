//! Coverage by stance, distinctive vocabulary and the chronology of sources,
//! on fixture briefings: what report.json says and what the pages show.

use crate::support::{strip_tags, Site};
use serde_json::Value;

const CONFIG: &str = r#"[site]
title = "Fixture briefing"
language = "en"

[outlets.daily-planet]
name = "The Daily Planet"
country = "USA"
affiliation = "private"
[outlets.daily-planet.signatures]
text = ["Daily Planet staff"]

[outlets.state-news]
name = "State News"
country = "Russia"
affiliation = "state"
[outlets.state-news.signatures]
text = ["State News wire"]

[outlets.iran-news]
name = "Iran News"
country = "Iran"
affiliation = "state"
[outlets.iran-news.signatures]
text = ["Iran News desk"]

[claims.moon-cheese]
label = "The moon is made of cheese"
patterns = ["made of cheese"]

[claims.mars-cheese]
label = "Mars is made of cheese"
patterns = ["mars is cheese"]
"#;

fn comparison(site: &Site) -> Value {
    site.comparison()
}

/// A page with the given front matter lines.
fn page(outlet: &str, extra: &str, body: &str) -> String {
    format!("+++\ntitle = \"Page {outlet}\"\noutlet = \"{outlet}\"\n{extra}+++\n\n{body}\n")
}

fn claim<'a>(cmp: &'a Value, id: &str) -> &'a Value {
    cmp["claims"].as_array().unwrap().iter().find(|c| c["id"] == id).unwrap()
}

#[test]
fn denials_are_counted_apart_from_support() {
    let site = Site::with_config(CONFIG);
    site.write(
        "content/sources/planet.md",
        page("daily-planet", "", "Astronomers agree: [the moon is made of cheese](claim:moon-cheese \"asserts\")."),
    );
    site.write(
        "content/sources/state.md",
        page("state-news", "", "[Reports that the moon is made of cheese are false](claim:moon-cheese \"denies\")."),
    );
    site.write(
        "content/sources/iran.md",
        page(
            "iran-news",
            "",
            "[Nobody believes the moon is made of cheese](claim:moon-cheese \"denies\"). \
             [The claim that Mars is cheese is a lie](claim:mars-cheese \"denies\").",
        ),
    );
    site.build_ok();
    let cmp = comparison(&site);

    let moon = claim(&cmp, "moon-cheese");
    assert_eq!(moon["mentioned_by"], 3, "{moon}");
    assert_eq!(moon["carried_by"], 1, "a denial is not support: {moon}");
    assert_eq!(moon["asserted_by"], 1);
    assert_eq!(moon["attributed_by"], 0);
    assert_eq!(moon["denied_by"], 2);
    let state = moon["by_outlet"].as_array().unwrap().iter().find(|o| o["outlet"] == "state-news").unwrap();
    assert_eq!((state["carried_by"].as_u64(), state["denied_by"].as_u64()), (Some(0), Some(1)), "{state}");
    let cell = moon["cells"].as_array().unwrap().iter().find(|c| c["source"] == "state").unwrap();
    assert_eq!(cell["carries"], false);

    // Blindspots count carriers only: the claim is the Daily Planet's alone,
    // and the two state outlets that deny it are named apart.
    let blindspots = cmp["blindspots"].as_array().unwrap();
    let moon_spots: Vec<&Value> = blindspots.iter().filter(|b| b["claim"] == "moon-cheese").collect();
    assert_eq!(moon_spots.len(), 1, "{blindspots:?}");
    assert_eq!(moon_spots[0]["kind"], "single-outlet");
    assert_eq!(moon_spots[0]["sources"], serde_json::json!(["planet"]));
    assert_eq!(moon_spots[0]["denied_by"], serde_json::json!(["iran", "state"]));
    // A claim only denied is carried by no one: no blindspot.
    let mars = claim(&cmp, "mars-cheese");
    assert_eq!((mars["carried_by"].as_u64(), mars["denied_by"].as_u64()), (Some(0), Some(1)));
    assert!(!blindspots.iter().any(|b| b["claim"] == "mars-cheese"), "{blindspots:?}");

    // The front page ranks by support and says the denials apart.
    let index = strip_tags(&site.read("public/index.html"));
    let index = index.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(index.contains("The moon is made of cheese — 1 / 3 sources (+ asserts 1) · ✕ denied by 2"), "{index}");
    let ranking = index.split("most widely carried first").nth(1).unwrap().split("Claims only denied").next().unwrap();
    assert!(!ranking.contains("Mars is made of cheese"), "{ranking}");
    assert!(index.contains("Claims only denied Mars is made of cheese — ✕ denied by 1 / 3 sources"), "{index}");
    assert!(index.contains("The moon is made of cheese: carried only by The Daily Planet · ✕ denied by 2"), "{index}");

    // The heat map draws each stance apart, each with its symbol.
    let report = site.read("public/report/index.html");
    let mark = |stance: &str, outlet: &str| -> String {
        let title = format!("<title>The moon is made of cheese — {outlet}: {stance} ");
        report
            .split("<g class=\"mark ")
            .skip(1)
            .map(|g| &g[..g.find("</g>").unwrap() + 4])
            .find(|g| g.starts_with(stance) && g.contains(&title))
            .map(str::to_owned)
            .unwrap_or_else(|| panic!("no {stance} mark for {outlet}{title}"))
    };
    let state_denies = mark("denies", "State News");
    assert!(state_denies.contains("✕") && state_denies.contains("denies 1/1</title>"), "{state_denies}");
    // The same numbers as text, under the chart.
    let table =
        strip_tags(report.split("<details class=\"chart-data\">").nth(1).unwrap().split("</details>").next().unwrap());
    assert!(table.contains("The moon is made of cheese — State News0011"), "{table}");
    let state_asserts = mark("asserts", "State News");
    assert!(
        state_asserts.contains("fill-opacity=\"0.00\"") && !state_asserts.contains(">+<"),
        "a denial is not drawn as support: {state_asserts}"
    );
    let planet_asserts = mark("asserts", "The Daily Planet");
    assert!(planet_asserts.contains(">+<") && planet_asserts.contains("fill-opacity=\"1.00\""), "{planet_asserts}");
    assert!(strip_tags(&report).contains("✕ denies"), "the legend names each symbol");

    // The claims list and the claim page say the denials too.
    let list = strip_tags(&site.read("public/claims/index.html"));
    assert!(list.contains("✕ denied by 2"), "{list}");
    let page = strip_tags(&site.read("public/claims/moon-cheese/index.html"));
    assert!(page.contains("1 / 3 sources · ✕ denied by 2"), "{page}");
}

fn french(outlet: &str, body: &str) -> String {
    page(outlet, "language = \"fr\"\n", body)
}

#[test]
fn distinctive_words_are_words_not_function_words_or_stems() {
    let site = Site::with_config(CONFIG);
    let planet = "Ainsi, les États-Unis ont appelé à un coup d'État, selon des informations. \
                  Les États-Unis soutiennent ce coup d'État ; ainsi circulent les informations. \
                  Le Venezuela a appelé les Etats-Unis à renoncer au coup d'État.";
    let state = "L'État vénézuélien tient bon. Le pétrole du pays se vend bien ; \
                 l'État protège le pétrole et le pétrole paie l'État.";
    for i in 0..3 {
        site.write(&format!("content/sources/planet-{i}.md"), french("daily-planet", planet));
        site.write(&format!("content/sources/state-{i}.md"), french("state-news", state));
    }
    site.build_ok();
    let cmp = comparison(&site);
    let terms = |group: &str| -> Vec<(String, String)> {
        let v = cmp["vocabulary"].as_array().unwrap().iter().find(|v| v["group"] == group).unwrap();
        v["terms"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| (t["word"].as_str().unwrap().to_owned(), t["stem"].as_str().unwrap().to_owned()))
            .collect()
    };
    let planet = terms("daily-planet");
    let words: Vec<&str> = planet.iter().map(|(w, _)| w.as_str()).collect();
    for function in ["ainsi", "appelé", "informations", "selon", "les"] {
        assert!(!words.contains(&function), "{function} is a function word: {words:?}");
    }
    // "États-Unis" and "coup d'État" are two words, neither of them "état".
    assert!(words.contains(&"états-unis") && words.contains(&"coup d'état"), "{planet:?}");
    let key = |w: &str| planet.iter().find(|(x, _)| x == w).unwrap().1.clone();
    assert_eq!(key("états-unis"), "etat-uni", "accents and plurals folded, \"Etats-Unis\" is the same word");
    assert_eq!(key("coup d'état"), "coup d'etat");
    assert!(!words.contains(&"état"), "{planet:?}");
    // The state of "l'État" is a word of its own, for the outlet that uses it.
    let state: Vec<String> = terms("state-news").into_iter().map(|(w, _)| w).collect();
    assert!(state.contains(&"état".to_owned()) && state.contains(&"pétrole".to_owned()), "{state:?}");
    // The report shows the words as written.
    let report = strip_tags(&site.read("public/report/index.html"));
    assert!(report.contains("coup d&#39;état") || report.contains("coup d'état"), "{report}");
}

#[test]
fn chronology_orders_sources_and_marks_the_far_ones() {
    let site = Site::with_config(CONFIG);
    site.write(
        "content/sources/june3.md",
        page("daily-planet", "date = 2019-06-03\n", "The moon report came out on Monday."),
    );
    site.write(
        "content/sources/june5.md",
        page("state-news", "date = 2019-06-05\nlanguage = \"fr\"\n", "Le Kremlin a démenti mardi ces informations."),
    );
    site.write(
        "content/sources/june5-en.md",
        page("iran-news", "date = 2019-06-05\n", "The Kremlin denied it on Tuesday."),
    );
    site.write("content/sources/march.md", page("daily-planet", "date = 2019-03-27\n", "An older story from March."));
    site.write("content/sources/undated.md", page("state-news", "", "A story with no date, written mardi."));
    site.build_ok();
    let cmp = comparison(&site);

    let chronology = &cmp["chronology"];
    assert_eq!(chronology["median"], "2019-06-03", "{chronology}");
    assert_eq!(chronology["far_days"], 30);
    let order: Vec<&str> =
        chronology["sources"].as_array().unwrap().iter().map(|d| d["source"].as_str().unwrap()).collect();
    assert_eq!(order, ["march", "june3", "june5", "june5-en"]);
    let march = &chronology["sources"][0];
    assert_eq!((march["days_from_median"].as_i64(), march["far"].as_bool()), (Some(-68), Some(true)));
    assert_eq!(chronology["sources"][2]["days_from_median"], 2);
    assert_eq!(chronology["sources"][2]["far"], false);
    assert_eq!(chronology["undated"], serde_json::json!(["undated"]));
    let source = |slug: &str| cmp["sources"].as_array().unwrap().iter().find(|s| s["slug"] == slug).unwrap();
    assert_eq!(source("march")["far"], true);
    assert_eq!(source("june5")["far"], false);
    assert_eq!(source("undated")["days_from_median"], Value::Null);

    // Weekdays resolve against each page's own publication date.
    let timeline = cmp["timeline"].as_array().unwrap();
    let at = |date: &str| -> Vec<String> {
        timeline
            .iter()
            .find(|d| d["date"] == date)
            .map(|d| {
                d["mentions"].as_array().unwrap().iter().map(|m| m["source"].as_str().unwrap().to_owned()).collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(at("2019-06-04"), ["june5", "june5-en"], "{timeline:?}");
    assert_eq!(at("2019-06-03"), ["june3"], "Monday on or before 3 June 2019, a Monday");
    assert!(!timeline.iter().any(|d| d["mentions"].as_array().unwrap().iter().any(|m| m["source"] == "undated")));

    // The report: sources in order, the far one marked, the undated named.
    let report = strip_tags(&site.read("public/report/index.html"));
    let report = report.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(report.contains("Median publication date: 2019-06-03"), "{report}");
    assert!(report.contains("Publication date unknown for 1 source: State News"), "{report}");
    let svg = site.read("public/report/index.html");
    let rows: Vec<String> = svg
        .split("<table class=\"chronology\">")
        .nth(1)
        .unwrap()
        .split("</table>")
        .next()
        .unwrap()
        .split("<tr")
        .skip(2)
        .map(|r| strip_tags(&format!("<tr{r}")).split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert!(rows[0].starts_with("2019-03-27") && rows[0].ends_with("-68 far from the others"), "{rows:?}");
    assert!(rows[2].starts_with("2019-06-05") && rows[2].ends_with("+2"), "{rows:?}");
    assert_eq!(svg.matches("<tr class=\"far\">").count(), 1);
    // The chart's numbers as a table: date, sources that mention it, sources published that day.
    let data = svg.split("chart timeline").nth(1).unwrap().split("<details class=\"chart-data\">").nth(1).unwrap();
    assert!(
        data.contains("<th scope=\"row\">2019-03-27</th><td class=\"num\">0</td><td class=\"num\">1</td>"),
        "{data}"
    );
    assert!(
        data.contains("<th scope=\"row\">2019-06-05</th><td class=\"num\">0</td><td class=\"num\">2</td>"),
        "{data}"
    );

    // The sources list and the front page give each date and mark the far one.
    for path in ["public/sources/index.html", "public/index.html"] {
        let html = site.read(path);
        let row = |slug: &str| -> String {
            let at = html.find(&format!("sources/{slug}/\"")).unwrap_or_else(|| panic!("{slug} in {path}"));
            let end = at + html[at..].find("</tr>").unwrap();
            strip_tags(&html[at..end])
        };
        assert!(row("march").contains("2019-03-27") && row("march").contains("far from the others"), "{path}");
        assert!(row("june5").contains("2019-06-05") && !row("june5").contains("far from"), "{path}");
        assert!(row("undated").contains("date unknown"), "{path}: {}", row("undated"));
    }
}

#[test]
fn without_dates_the_report_says_they_are_unknown() {
    let site = Site::with_config(CONFIG);
    site.write("content/sources/a.md", page("daily-planet", "", "On Tuesday, and on 2 June, the moon was cheese."));
    site.write("content/sources/b.md", page("state-news", "", "Nothing happened."));
    site.build_ok();
    let cmp = comparison(&site);
    assert_eq!(cmp["chronology"]["median"], Value::Null);
    assert_eq!(cmp["chronology"]["sources"], serde_json::json!([]));
    assert_eq!(cmp["chronology"]["undated"], serde_json::json!(["a", "b"]));
    let dates: Vec<&str> = cmp["timeline"].as_array().unwrap().iter().map(|d| d["date"].as_str().unwrap()).collect();
    assert_eq!(dates, ["--06-02"], "a weekday with no publication date is not placed, and no year is guessed");
    let report = strip_tags(&site.read("public/report/index.html"));
    assert!(report.contains("Publication dates unknown: no source gives a full publication date"), "{report}");
    assert!(!report.contains("far from the others"));
    let list = strip_tags(&site.read("public/sources/index.html"));
    assert_eq!(list.matches("date unknown").count(), 2, "{list}");
}

#[test]
fn example_briefing_by_stance_words_and_dates() {
    let site = Site::example();
    site.build_ok();
    let cmp = comparison(&site);

    // RT France and Press TV report the withdrawal only to deny it: their
    // denials are counted and drawn apart, never as support.
    let withdrawal = claim(&cmp, "withdrawal-reported");
    assert!(withdrawal["denied_by"].as_u64().unwrap() >= 2, "{withdrawal}");
    for outlet in ["rt-france", "press-tv"] {
        let cell = withdrawal["by_outlet"].as_array().unwrap().iter().find(|o| o["outlet"] == outlet).unwrap();
        assert_eq!(cell["denied_by"], 1, "{cell}");
        assert_eq!(cell["asserted_by"], 0, "{cell}");
    }
    let report = site.read("public/report/index.html");
    for outlet in ["RT France", "Press TV (French service)"] {
        let end = format!(" — {outlet}: denies 1/1</title></g>");
        let mark = report.split("<g class=\"mark ").find(|g| g.contains(&end) && g.contains("<title>Russia withdrew"));
        assert!(mark.is_some_and(|g| g.contains(">✕<")), "{outlet}: no denial mark");
    }
    let index = strip_tags(&site.read("public/index.html"));
    let line = index.lines().find(|l| l.contains("Russia withdrew most of its personnel")).unwrap();
    assert!(line.contains("✕ denied by"), "{line}");

    // No function words, and Press TV's "état" is gone with the stemmer.
    for group in cmp["vocabulary"].as_array().unwrap() {
        for term in group["terms"].as_array().unwrap() {
            let word = term["word"].as_str().unwrap();
            assert!(!["ainsi", "appelé", "informations", "état", "selon", "mardi"].contains(&word), "{group}");
        }
    }

    // The example's pages carry no publication date: the report says so.
    assert_eq!(cmp["chronology"]["median"], Value::Null);
    assert_eq!(cmp["chronology"]["undated"].as_array().unwrap().len(), 5);
    assert!(strip_tags(&report).contains("Publication dates unknown"));
}
