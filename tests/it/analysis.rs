//! Cross-source findings: on the example briefing, on English text, and on a
//! small corpus with known answers whose precision and recall are printed.

use crate::support::{page, strip_tags, Site};
use serde_json::Value;

fn comparison(site: &Site) -> Value {
    site.comparison()
}

#[test]
fn example_briefing_findings() {
    let site = Site::example();
    site.build_ok();
    let cmp = comparison(&site);

    // Peskov's statement, carried by more than one source.
    let peskov = cmp["shared_quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| {
            q["speaker"] == "peskov"
                && q["carriers"][0]["text"].as_str().unwrap().starts_with("Selon toute vraisemblance")
        })
        .expect("Peskov's statement as a shared quote");
    assert!(peskov["sources"].as_u64().unwrap() >= 2);
    assert_eq!(peskov["kind"], "verbatim");

    // Rostec's «exagérés des dizaines de fois» (AFP) is word for word in
    // RT's longer quote; its "unchanged for many years" is in three outlets.
    let shared = cmp["shared_quotes"].as_array().unwrap();
    let rostec = shared
        .iter()
        .find(|q| q["carriers"].as_array().unwrap().iter().any(|c| c["text"] == "exagérés des dizaines de fois"))
        .expect("the excerpt joins RT's quote");
    let excerpt = rostec["carriers"].as_array().unwrap().iter().find(|c| c["text"] == "exagérés des dizaines de fois");
    assert!(rostec["kind"] == "verbatim" || excerpt.unwrap()["verbatim"] == true, "{rostec}");
    let years = shared
        .iter()
        .find(|q| {
            q["carriers"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| c["text"].as_str().unwrap().contains("depuis de nombreuses années"))
                .count()
                >= 3
        })
        .expect("Rostec's statement in three outlets");
    assert!(years["sources"].as_u64().unwrap() >= 3, "{years}");

    // The three figures side by side, each from more than one source.
    let entries: Vec<&Value> =
        cmp["figures"].as_array().unwrap().iter().flat_map(|g| g["entries"].as_array().unwrap()).collect();
    let claim = |id: &str| -> Vec<&Value> { entries.iter().copied().filter(|e| e["claim"] == id).collect() };
    let march = claim("march-deployment");
    let texts: Vec<&str> = march.iter().map(|e| e["text"].as_str().unwrap()).collect();
    assert!(texts.contains(&"une centaine de militaires") && texts.contains(&"près de 100 soldats"), "{texts:?}");
    let thousand = claim("thousand-earlier");
    assert!(thousand.len() >= 2, "{thousand:?}");
    assert!(thousand.iter().all(|e| e["low"].as_f64().unwrap() >= 500.0), "{thousand:?}");
    let dozens = claim("wsj-few-dozen");
    assert!(!dozens.is_empty() && dozens.iter().all(|e| e["high"].as_f64().unwrap() <= 60.0), "{dozens:?}");
    // The story's numeric clash: the WSJ's «quelques dizaines» against
    // Rostec's «une dizaine de personnes», one kind of count.
    let clash = cmp["figures"].as_array().unwrap().iter().find(|g| {
        let t: Vec<&str> = g["entries"].as_array().unwrap().iter().map(|e| e["text"].as_str().unwrap()).collect();
        t.iter().any(|t| t.contains("quelques dizaines"))
            && t.iter().any(|t| t.to_lowercase().contains("une dizaine de personnes"))
    });
    assert!(clash.is_some(), "{}", cmp["figures"]);
    // Dates are never counts, nor "les deux pays".
    assert!(!entries.iter().any(|e| e["text"].as_str().unwrap().contains("janvier")), "{entries:?}");
    assert!(!entries.iter().any(|e| e["text"] == "deux pays" || e["text"] == "deux parties"), "{entries:?}");

    // "…, selon l'ambassadeur russe à Caracas, Vladimir Zaïomski": reported speech.
    let speakers = cmp["speakers"].as_array().unwrap();
    let ambassador = speakers.iter().find(|s| s["actor"] == "zaemsky").expect("the ambassador is quoted");
    assert!(
        ambassador["quotes"].as_array().unwrap().iter().any(
            |q| q["reported"] == true && q["text"].as_str().unwrap().starts_with("Ces militaires ont été déployés")
        ),
        "{ambassador}"
    );

    // Zaïomski (AFP) and Zaemsky (Press TV) are one actor.
    let sourcing = cmp["sourcing"].as_array().unwrap();
    let zaemsky = sourcing.iter().find(|c| c["key"] == "zaemsky").expect("the ambassador as a cited source");
    assert_eq!(zaemsky["sources"], 2);
    let names = cmp["descriptions"].as_array().unwrap();
    let ambassador = names.iter().find(|a| a["actor"] == "zaemsky").unwrap();
    assert_eq!(ambassador["descriptions"].as_array().unwrap().len(), 2);

    // Guaidó is described differently by different outlets.
    let guaido = names.iter().find(|a| a["actor"] == "guaido").unwrap();
    let by_source: std::collections::BTreeMap<&str, &str> = guaido["descriptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["source"].as_str().unwrap(), d["text"].as_str().unwrap()))
        .collect();
    assert!(by_source.len() >= 3 && guaido["distinct"].as_u64().unwrap() >= 3, "{by_source:?}");
    assert!(by_source.values().any(|d| d.contains("soutenu par les Etats-Unis")));
    assert!(by_source.values().any(|d| d.contains("président du Parlement")));

    // Whom they cite.
    let cited: Vec<&str> = sourcing.iter().map(|c| c["name"].as_str().unwrap()).collect();
    for name in ["The Wall Street Journal", "Ria Novosti", "Sputnik", "Reuters"] {
        assert!(cited.contains(&name), "{name} not among {cited:?}");
    }

    // Each source once per cited source and per wording of a description.
    for c in sourcing {
        let slugs: Vec<&str> =
            c["citations"].as_array().unwrap().iter().map(|r| r["source"].as_str().unwrap()).collect();
        let unique: std::collections::BTreeSet<&&str> = slugs.iter().collect();
        assert_eq!(unique.len(), slugs.len(), "{} lists a source twice: {slugs:?}", c["name"]);
    }
    for a in names {
        let pairs: Vec<(String, String)> = a["descriptions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["source"].as_str().unwrap().to_owned(), d["text"].as_str().unwrap().to_lowercase()))
            .collect();
        let unique: std::collections::BTreeSet<&(String, String)> = pairs.iter().collect();
        assert_eq!(unique.len(), pairs.len(), "{} repeats a description: {pairs:?}", a["actor"]);
    }

    // The timeline: dates without a year keep ISO's --MM-DD form.
    let timeline = cmp["timeline"].as_array().unwrap();
    let june3 = timeline.iter().find(|d| d["date"] == "--06-03").expect("3 June");
    assert_eq!(june3["sources"], 2, "RT France and Press TV date Rostec's reaction");

    // The report shows them, each linking to its passage.
    let html = site.read("public/report/index.html");
    for section in [
        "id=\"shared-quotes\"",
        "id=\"figures\"",
        "id=\"names\"",
        "id=\"sourcing\"",
        "id=\"vocabulary\"",
        "id=\"timeline\"",
    ] {
        assert!(html.contains(section), "{section}");
    }
    for part in html.split("href=\"../sources/").skip(1) {
        let target = part.split('"').next().unwrap();
        if let Some((slug, anchor)) = target.split_once("/#") {
            crate::support::assert_link_lands(&site, slug, anchor);
        }
    }
}

const ENGLISH_CONFIG: &str = r#"[site]
title = "English fixture"
language = "en"
[claims.troops]
label = "Troops arrived"
patterns = ["troops arrived", "soldiers landed"]
[actors.smith]
name = "Jane Smith"
kind = "person"
aliases = ["Smith"]
[actors.herald]
name = "The Daily Herald"
kind = "organisation"
aliases = ["Daily Herald", "Herald"]
"#;

#[test]
fn english_sources_work_too() {
    let site = Site::new();
    site.write("config.toml", ENGLISH_CONFIG);
    site.write(
        "content/sources/a.md",
        page("unknown", "[About 100 soldiers landed on Saturday](claim:troops), according to Reuters. \"We have no plans to leave the country at all,\" said the defence minister Jane Smith."),
    );
    site.write(
        "content/sources/b.md",
        page("unknown", "The Daily Herald reported that [a few dozen troops arrived](claim:troops). \"We have no plans to leave the country at all,\" Smith told reporters."),
    );
    site.build_ok();
    let cmp = comparison(&site);
    let shared = &cmp["shared_quotes"][0];
    assert_eq!(shared["speaker"], "smith");
    assert_eq!(shared["sources"], 2);
    // Soldiers and troops are one kind of count, compared across sources.
    let troops = cmp["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["entries"].as_array().unwrap().iter().any(|e| e["claim"] == "troops"))
        .unwrap();
    let texts: Vec<&str> = troops["entries"].as_array().unwrap().iter().map(|e| e["text"].as_str().unwrap()).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert_eq!(troops["sources"], 2);
    assert_eq!(troops["disagree"], true, "about 100 and a few dozen do not overlap");
    let cited: Vec<&str> = cmp["sourcing"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert!(cited.contains(&"Reuters") && cited.contains(&"The Daily Herald"), "{cited:?}");
    let smith = cmp["descriptions"].as_array().unwrap().iter().find(|a| a["actor"] == "smith").unwrap();
    assert_eq!(smith["descriptions"][0]["text"], "defence minister");
}

#[test]
fn distinctive_vocabulary_by_log_odds() {
    let site = Site::new();
    for i in 0..3 {
        site.write(
            &format!("content/sources/planet-{i}.md"),
            page(
                "daily-planet",
                "The cheese moon again: cheese everywhere, cheese craters, cheese dust and the usual report.",
            ),
        );
        site.write(
            &format!("content/sources/other-{i}.md"),
            page("unknown", "The rocky moon again: rock everywhere, rock craters, rock dust and the usual report."),
        );
    }
    site.build_ok();
    let cmp = comparison(&site);
    let planet = cmp["vocabulary"].as_array().unwrap().iter().find(|v| v["group"] == "daily-planet").unwrap();
    let top = &planet["terms"][0];
    assert_eq!(top["word"], "cheese", "{planet}");
    assert!(top["z"].as_f64().unwrap() > 1.96);
    let words: Vec<&str> = planet["terms"].as_array().unwrap().iter().map(|t| t["word"].as_str().unwrap()).collect();
    assert!(
        !words.contains(&"report") && !words.contains(&"the"),
        "shared words and stop words are not distinctive: {words:?}"
    );
}

#[test]
fn claim_discovery_lists_candidates_and_adds_one() {
    let site = Site::new();
    let shared = "The harbour authority confirmed that three cargo ships left the port before dawn on Friday.";
    site.write("content/sources/a.md", page("unknown", &format!("First paper. {shared} More text here.")));
    site.write("content/sources/b.md", page("daily-planet", &format!("Second paper opens. {shared}")));
    site.build_ok();
    let cmp = comparison(&site);
    let passage = &cmp["shared_passages"][0];
    assert_eq!(passage["sources"], 2);
    assert_eq!(passage["verbatim"], true);
    assert!(passage["claims"].as_array().unwrap().is_empty(), "a candidate");

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("claims")
        .current_dir(site.root())
        .output()
        .unwrap();
    let listing = String::from_utf8_lossy(&out.stdout);
    assert!(listing.contains("p1  2 sources, verbatim"), "{listing}");

    let before = site.read("config.toml");
    let (code, stderr) = site.run(&["claims", "--add", "p1", "--id", "Bad Id", "--label", "x"]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(site.read("config.toml"), before, "config untouched on a bad id");

    let (code, stderr) =
        site.run(&["claims", "--add", "p1", "--id", "ships-left", "--label", "Three ships left the port"]);
    assert_eq!(code, 0, "{stderr}");
    let after = site.read("config.toml");
    assert!(after.starts_with(&before), "only appended");
    assert!(after.contains("[claims.ships-left]"));
    // The new claim is suggested on a new seed and the old passage is now covered in check.
    site.write("seeds/new.txt", format!("New seed\n\n{shared}\n"));
    site.build_ok();
    let new_page = site.source_pages().into_iter().find(|s| s.starts_with("new-seed")).unwrap();
    assert!(site.read(&format!("content/sources/{new_page}.md")).contains("claim = \"ships-left\""));
}

/// The editor corrects each kind of machine finding in the page, with the
/// annotation syntax, and the report follows, marking what the editor set.
#[test]
fn editor_corrections_reach_the_report() {
    let site = Site::new();
    let text = "NASA said on Tuesday that about 100 soldiers had landed. According to the Daily Bugle, \
                3,000 soldiers were there. «We never sent anyone to the moon at all», said Armstrong. \
                The astronaut Neil Armstrong laughed.";
    site.write("content/sources/a.md", page("daily-planet", text));
    site.build_ok();
    let before = comparison(&site);
    let figure_texts = |cmp: &Value| -> Vec<(String, String, Option<String>)> {
        cmp["figures"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|g| {
                g["entries"].as_array().unwrap().iter().map(move |e| {
                    (
                        e["text"].as_str().unwrap().to_owned(),
                        e["origin"].as_str().unwrap().to_owned(),
                        e["claim"].as_str().map(str::to_owned),
                    )
                })
            })
            .collect()
    };
    let machine = figure_texts(&before);
    assert!(machine.iter().any(|f| f.0 == "3,000 soldiers" && f.1 == "machine"), "{machine:?}");
    let quotes = |cmp: &Value| cmp["speakers"].to_string();
    assert!(quotes(&before).contains("We never sent anyone"));

    let corrected = text
        .replace("on Tuesday", "[on Tuesday](date:2019-06-04)")
        .replace("about 100 soldiers", "[about 100 soldiers](figure:moon-cheese \"about 120 soldiers\")")
        .replace("According to the Daily Bugle", "[According to the Daily Bugle](source:other \"The Daily Bugle\")")
        .replace("3,000 soldiers", "[3,000 soldiers](not:figure)")
        .replace("«We never sent anyone to the moon at all»", "[«We never sent anyone to the moon at all»](not:quote)")
        .replace(
            "The astronaut Neil Armstrong",
            "[The astronaut Neil Armstrong](describes:armstrong \"the astronaut\")",
        );
    site.write("content/sources/a.md", page("daily-planet", &corrected));
    let report = site.build_ok();
    assert!(report.diagnostics.is_empty(), "{}", crate::support::render(&report));
    let after = comparison(&site);

    let figures = figure_texts(&after);
    assert!(!figures.iter().any(|f| f.0.contains("3,000")), "rejected figure gone: {figures:?}");
    let hundred = figures.iter().find(|f| f.0 == "about 100 soldiers").expect("the editor's figure");
    assert_eq!((hundred.1.as_str(), hundred.2.as_deref()), ("editor", Some("moon-cheese")));
    let entry = after["figures"][0]["entries"][0].clone();
    // "about 120": the editor's value, approximate.
    assert_eq!(
        (entry["low"].as_f64(), entry["high"].as_f64(), &entry["approximate"]),
        (Some(120.0), Some(120.0), &Value::Bool(true)),
        "{entry}"
    );

    assert!(!quotes(&after).contains("We never sent anyone"), "rejected quote gone");

    let cited = after["sourcing"].as_array().unwrap();
    let bugle = cited.iter().find(|c| c["name"] == "The Daily Bugle").expect("the editor's citation");
    assert_eq!(bugle["citations"][0]["origin"], "editor");
    assert_eq!(cited.iter().filter(|c| c["name"].as_str().unwrap().contains("Bugle")).count(), 1, "{cited:?}");

    let day = after["timeline"].as_array().unwrap().iter().find(|d| d["date"] == "2019-06-04").expect("dated");
    assert_eq!(day["mentions"][0]["text"], "on Tuesday");
    assert_eq!(day["mentions"][0]["origin"], "editor");

    let armstrong = after["descriptions"].as_array().unwrap().iter().find(|a| a["actor"] == "armstrong").unwrap();
    assert!(
        armstrong["descriptions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["text"] == "the astronaut" && d["origin"] == "editor"),
        "{armstrong}"
    );

    // What a reader sees: the editor's findings marked, in the page and the report.
    let html = site.read("public/sources/a/index.html");
    assert!(html.contains("class=\"figure editor\""), "{html}");
    assert!(html.contains("class=\"date editor\""));
    assert!(html.contains("<sup class=\"chip\"><a href=\"../../report/#figures\">✎</a></sup>"), "{html}");
    assert_eq!(html.matches(">✎</a></sup>").count(), 4, "figure, source, description and date set by the editor");
    let report_html = site.read("public/report/index.html");
    assert!(report_html.contains("class=\"by-editor\" href=\"../sources/a/#f"), "figure link marked");

    // The export carries the editor's findings as Web Annotations of their own.
    let doc: Value = serde_json::from_str(&site.read("public/annotations.jsonld")).unwrap();
    let items = doc["first"]["items"].as_array().unwrap();
    assert_eq!(doc["total"].as_u64().unwrap() as usize, items.len());
    let set_by_editor: Vec<(&str, String)> = items
        .iter()
        .filter(|a| a["creator"]["type"] == "Person")
        .map(|a| {
            // The passage is the element the FragmentSelector names.
            let id = a["target"]["selector"][0]["value"].as_str().unwrap();
            let at = html.find(&format!(" id=\"{id}\"")).unwrap_or_else(|| panic!("element {id} in {html}"));
            let inner = &html[at..][html[at..].find('>').unwrap() + 1..];
            (a["motivation"].as_str().unwrap(), strip_tags(&inner[..inner.find("</").unwrap()]))
        })
        .collect();
    for expected in [
        ("describing", "about 100 soldiers"),
        ("describing", "on Tuesday"),
        ("identifying", "According to the Daily Bugle"),
        ("identifying", "The astronaut Neil Armstrong"),
    ] {
        assert!(set_by_editor.contains(&(expected.0, expected.1.to_owned())), "{expected:?} not in {set_by_editor:?}");
    }
    assert!(report_html.contains("✎"));
}

/// The same statement quoted in French by one outlet and in English by
/// another is one shared quote, marked as a translation; another statement
/// by the same speaker is not pulled in.
#[test]
fn translated_quotes_are_matched_across_languages() {
    let site = Site::new();
    site.write(
        "config.toml",
        format!(
            "{}\n[actors.peskov]\nname = \"Dmitri Peskov\"\nkind = \"person\"\naliases = [\"Peskov\", \"Dmitry Peskov\"]\n",
            crate::support::MINIMAL_CONFIG
        ),
    );
    let with_language = |language: &str, body: &str| {
        format!("+++\ntitle = \"A page\"\noutlet = \"unknown\"\nlanguage = \"{language}\"\n+++\n\n{body}\n")
    };
    site.write(
        "content/sources/fr.md",
        with_language(
            "fr",
            "«Selon toute vraisemblance, il s'agit d'une référence indirecte à des informations de presse car il n'y \
             a eu aucun message officiel de la part de la Russie», a déclaré Dmitri Peskov. \
             «Les spécialistes russes entretiennent l'équipement livré auparavant», a poursuivi M. Peskov.",
        ),
    );
    site.write(
        "content/sources/en.md",
        with_language(
            "en",
            "“In all likelihood, this is an indirect reference to press information, because there has been no \
             official message from Russia,” Dmitry Peskov told reporters. “The weather in Moscow is lovely this \
             week and the parade will go ahead,” Peskov added.",
        ),
    );
    site.build_ok();
    let cmp = comparison(&site);
    let shared = cmp["shared_quotes"].as_array().unwrap();
    assert_eq!(shared.len(), 1, "{shared:?}");
    let q = &shared[0];
    assert_eq!(q["kind"], "translation");
    assert_eq!(q["speaker"], "peskov");
    let texts: Vec<&str> = q["carriers"].as_array().unwrap().iter().map(|c| c["text"].as_str().unwrap()).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("Selon toute")) && texts.iter().any(|t| t.starts_with("In all")));
    let similarity = q["similarity"].as_u64().unwrap();
    assert!((40..100).contains(&similarity), "{similarity}");
    let html = site.read("public/report/index.html");
    assert!(html.contains("translation"), "the report names the kind");
}

/// Actors are found across transliterations the config does not list: with
/// only "Zaemsky" configured, AFP's "Zaïomski" is the same ambassador.
#[test]
fn transliterations_need_no_alias() {
    let site = Site::example();
    let config = site.read("config.toml");
    let trimmed = config.replace(
        r#"aliases = ["Zaemsky", "Zaïomski", "Zaiomski", "Vladimir Zaïomski", "ambassadeur russe à Caracas", "ambassadeur de Russie au Venezuela"]"#,
        r#"aliases = ["Zaemsky"]"#,
    );
    assert_ne!(trimmed, config, "the example config lists the ambassador's aliases");
    assert!(!trimmed.contains("Zaïomski") && !trimmed.contains("ambassadeur russe"));
    site.write("config.toml", trimmed);
    site.build_ok();
    let cmp = comparison(&site);
    let zaemsky = cmp["sourcing"].as_array().unwrap().iter().find(|c| c["key"] == "zaemsky").expect("cited");
    assert_eq!(zaemsky["sources"], 2, "Zaïomski (AFP) and Zaemsky (Press TV): {zaemsky}");
}

/// Every quote of the report: (speaker id, speaker name, source, text, reported).
fn all_quotes(cmp: &Value) -> Vec<(Option<String>, String, String, String, bool)> {
    cmp["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| {
            s["quotes"].as_array().unwrap().iter().map(move |q| {
                (
                    s["actor"].as_str().map(str::to_owned),
                    s["name"].as_str().unwrap().to_owned(),
                    q["source"].as_str().unwrap().to_owned(),
                    q["text"].as_str().unwrap().to_owned(),
                    q["reported"].as_bool().unwrap(),
                )
            })
        })
        .collect()
}

/// The example's speaker cases: a split quotation whose attribution comes
/// after its second half (", a déclaré lundi M. Zaemsky"), reported speech
/// that stops where the writer's own words start, a headline repeating the
/// text's quote, fragments given by "a pointé du doigt", "a ainsi lancé".
#[test]
fn example_speakers_follow_the_grammar() {
    let site = Site::example();
    site.build_ok();
    let quotes = all_quotes(&comparison(&site));
    let speaker_of = |start: &str| -> Vec<Option<String>> {
        quotes.iter().filter(|q| q.3.starts_with(start)).map(|q| q.0.clone()).collect()
    };
    assert_eq!(speaker_of("Il s'agit d'une nouvelle"), [Some("zaemsky".to_owned())]);
    assert_eq!(speaker_of("qui n'a absolument rien"), [Some("zaemsky".to_owned())]);
    assert_eq!(speaker_of("Le moment de la transition est venu"), [Some("pompeo".to_owned())], "once, Pompeo's");
    assert_eq!(speaker_of("Les Russes doivent partir"), [Some("pompeo".to_owned())]);
    assert_eq!(speaker_of("sans précédent"), [Some("lavrov".to_owned())]);
    let trump =
        quotes.iter().find(|q| q.4 && q.3.starts_with("la Russie devait mettre fin")).expect("Trump's reported speech");
    assert_eq!(trump.0.as_deref(), Some("trump"));
    assert!(!trump.3.contains("un jour à peine"), "the journalist's words are not Trump's: {}", trump.3);
}

/// With no actors in the config, speakers are found in the text, by name,
/// and one person is one speaker across sources and transliterations.
#[test]
fn example_speakers_without_configured_actors() {
    let site = Site::example();
    let config = site.read("config.toml");
    let mut kept = Vec::new();
    let mut skip = false;
    for line in config.lines() {
        if line.starts_with('[') {
            skip = line.starts_with("[actors");
        }
        if !skip {
            kept.push(line);
        }
    }
    site.write("config.toml", kept.join("\n"));
    site.build_ok();
    let cmp = comparison(&site);
    let quotes = all_quotes(&cmp);
    let sources_of = |name: &str| -> std::collections::BTreeSet<String> {
        quotes.iter().filter(|q| q.1 == name).map(|q| q.2.clone()).collect()
    };
    assert!(sources_of("Donald Trump").len() >= 3, "Trump and Donald Trump are one speaker: {quotes:?}");
    assert!(sources_of("Dmitri Peskov").len() >= 2, "{quotes:?}");
    assert!(sources_of("Mike Pompeo").len() == 1, "{quotes:?}");
    // Zaïomski (AFP) and Zaemsky (Press TV): one speaker.
    let zaemsky: Vec<_> = quotes.iter().filter(|q| q.1.starts_with("Vladimir Za")).collect();
    let ids: std::collections::BTreeSet<_> = zaemsky.iter().map(|q| q.0.clone()).collect();
    let sources: std::collections::BTreeSet<_> = zaemsky.iter().map(|q| q.2.clone()).collect();
    assert_eq!((ids.len(), sources.len()), (1, 2), "{zaemsky:?}");
    let shared = cmp["shared_quotes"].as_array().unwrap();
    assert!(shared.iter().any(|q| q["speaker_name"] == "Dmitri Peskov"), "{shared:?}");
    // "Moscou a appelé Washington à « abandonner »": a capital speaks for
    // its government, as in sourcing.
    let moscow = quotes.iter().find(|q| q.3 == "abandonner").expect("the fragment is a quote");
    assert!(moscow.1 == "Government of Russia" || moscow.1 == "Gouvernement russe", "{moscow:?}");
    let speaker_of = |start: &str| {
        quotes
            .iter()
            .find(|q| q.3.starts_with(start))
            .map(|q| q.1.clone())
            .unwrap_or_else(|| panic!("{start}: {quotes:?}"))
    };
    // "a expliqué son service de presse" after "Le service de presse de Rostec".
    assert_eq!(speaker_of("Les chiffres fournis"), "Rostec");
    // "La société a ajouté …": the company quoted just before.
    assert_eq!(speaker_of("de temps en temps"), "Rostec");
    // "a précisé lundi une porte-parole de Rostec".
    assert_eq!(speaker_of("Une dizaine de personnes"), "Rostec");
    // "Sergueï Lavrov, a pour sa part dit avoir été «surpris»".
    assert!(speaker_of("surpris").starts_with("Serg"), "{quotes:?}");
}
