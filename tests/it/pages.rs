//! Pages that scale: the report shows the first items of each long section
//! and links to a page with all of them; the sources are listed in three
//! orders.

use crate::support::Site;
use serde_json::Value;

/// A briefing of `n` sources, each a mix of paragraphs of the example's
/// seeds (as bench/gen_corpus.py makes them), so that quotes, figures and
/// passages recur across many sources.
fn generated(n: usize) -> Site {
    let site = Site::example();
    let seeds = site.path("seeds");
    let mut pool = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&seeds).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        pool.extend(text.split("\n\n").map(str::trim).filter(|p| p.len() > 40).map(str::to_owned));
        std::fs::remove_file(file).unwrap();
    }
    let mut state: u64 = 42;
    let mut next = move |bound: usize| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) as usize % bound
    };
    for i in 0..n {
        let paragraphs: Vec<&str> = (0..8).map(|_| pool[next(pool.len())].as_str()).collect();
        let title: String = paragraphs[0].split_whitespace().take(12).collect::<Vec<_>>().join(" ");
        site.write(&format!("seeds/{i:04}.txt"), format!("{title}\n\n{}\n", paragraphs[1..].join("\n\n")));
    }
    site
}

use parallax::render::schema::PAGE_BYTES;
use parallax::render::SECTION_ITEMS_PER_PAGE as ITEMS_PER_PAGE;

fn report_json(site: &Site) -> Value {
    site.comparison()
}

fn items<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v[key].as_array().map(Vec::as_slice).unwrap_or_else(|| panic!("report.json has no list {key}"))
}

/// The report stays under 300 KB however many sources there are (it was
/// 575 KB at 300 sources when every section listed dozens of items), and
/// each section's own page holds every item report.json has.
#[test]
fn the_report_is_bounded_and_show_all_pages_hold_every_item() {
    let site = generated(150);
    site.build_ok();
    let report = site.read("public/report/index.html");
    assert!(report.len() < 300_000, "report/index.html is {} bytes", report.len());
    let cmp = &report_json(&site);

    // The fixture must be long enough for the report to leave items out.
    let shared = items(cmp, "shared_quotes");
    assert!(shared.len() > 10, "only {} shared quotes: the fixture is too small", shared.len());
    let link = |o: &Value| format!("sources/{}/#{}", o["source"].as_str().unwrap(), o["anchor"].as_str().unwrap());
    let missing_from_report = shared.iter().flat_map(|q| items(q, "carriers")).filter(|c| !report.contains(&link(c)));
    assert!(missing_from_report.count() > 0, "the report lists every shared quote: nothing to show all");

    // A section in full: its first page and the pages after it
    // (`page-N.html`), each linked from the one before, none listing more
    // than ITEMS_PER_PAGE items.
    let page = |section: &str| {
        let mut html = site.read(&format!("public/report/{section}/index.html"));
        assert!(report.contains(&format!("href=\"{section}/\"")), "the report does not link to {section}/");
        let mut n = 2;
        while site.exists(&format!("public/report/{section}/page-{n}.html")) {
            let link = format!("href=\"../../report/{section}/page-{n}.html\"");
            assert!(html.contains(&link), "report/{section}/: page {} does not link to page {n}", n - 1);
            let next = site.read(&format!("public/report/{section}/page-{n}.html"));
            assert!(next.matches("href=\"../../sources/").count() <= 2 * ITEMS_PER_PAGE, "page {n} of {section}");
            html.push_str(&next);
            n += 1;
        }
        html
    };
    let all_linked = |section: &str, lists: Vec<&Value>| {
        let html = page(section);
        let missing: Vec<String> = lists.iter().map(|o| link(o)).filter(|l| !html.contains(l.as_str())).collect();
        assert!(
            missing.is_empty(),
            "report/{section}/ lacks {} of {} items, e.g. {:?}",
            missing.len(),
            lists.len(),
            missing.first()
        );
        assert!(!lists.is_empty(), "nothing in section {section}");
    };
    all_linked("shared-quotes", shared.iter().flat_map(|q| items(q, "carriers")).collect());
    assert!(site.exists("public/report/shared-quotes/page-2.html"), "the fixture pages a section");
    all_linked("quotes", items(cmp, "speakers").iter().flat_map(|s| items(s, "quotes")).collect());
    all_linked("figures", items(cmp, "figures").iter().flat_map(|g| items(g, "entries")).collect());
    all_linked("names", items(cmp, "descriptions").iter().flat_map(|a| items(a, "descriptions")).collect());
    all_linked("timeline", items(cmp, "timeline").iter().flat_map(|d| items(d, "mentions")).collect());

    let cells: Vec<String> = items(cmp, "claims")
        .iter()
        .flat_map(|c| items(c, "cells"))
        .flat_map(|cell| {
            items(cell, "by_stance").iter().map(move |b| {
                format!("sources/{}/#{}", cell["source"].as_str().unwrap(), b["anchor"].as_str().unwrap())
            })
        })
        .collect();
    let matrix = page("matrix");
    assert!(!cells.is_empty());
    for cell in &cells {
        assert!(matrix.contains(cell.as_str()), "report/matrix/ lacks {cell}");
    }
    let sourcing = page("sourcing");
    for c in items(cmp, "sourcing") {
        let name = crate::support::strip_tags(&escape(c["name"].as_str().unwrap()));
        assert!(sourcing.contains(&name), "report/sourcing/ lacks {name}");
    }
    let reuse = page("reuse");
    let passages = items(cmp, "shared_passages");
    assert!(!passages.is_empty());
    for p in passages {
        assert!(
            reuse.contains(&format!("<code>{}</code>", p["id"].as_str().unwrap())),
            "report/reuse/ lacks {}",
            p["id"]
        );
    }
    let chronology = page("timeline");
    for d in items(&cmp["chronology"], "sources") {
        assert!(chronology.contains(&format!("sources/{}/\"", d["source"].as_str().unwrap())));
    }

    // report.json is a small index; every file it names exists (checked
    // by `comparison` above, with the pages adding up to each count), and
    // no data file is over the page size unless it holds a single item.
    let index = site.read("public/report.json");
    assert!(index.len() < 4_000, "report.json is {} bytes", index.len());
    for (path, bytes) in site.tree("public/report/data") {
        let page: Value = serde_json::from_slice(&bytes).unwrap();
        let n = page["items"].as_array().unwrap().len();
        assert!(bytes.len() <= PAGE_BYTES || n == 1, "report/data/{path}: {} bytes, {n} items", bytes.len());
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// `sources/` lists the sources by title, `by-outlet.html` by outlet and
/// `by-date.html` newest first, each with every source and links between them.
#[test]
fn sources_are_listed_by_title_outlet_and_date() {
    let site = Site::new();
    for (slug, outlet, date) in [
        ("zulu", "daily-planet", Some("2024-03-02")),
        ("alpha", "unknown", Some("2024-03-05")),
        ("mike", "daily-planet", None),
        ("bravo", "daily-planet", Some("2024-02-20")),
        ("yankee", "unknown", None),
    ] {
        let date = date.map(|d| format!("date = {d}\n")).unwrap_or_default();
        let title = format!("{} report", slug.to_uppercase());
        site.write(
            &format!("content/sources/{slug}.md"),
            format!("+++\ntitle = \"{title}\"\noutlet = \"{outlet}\"\n{date}+++\n\nThe moon is made of cheese.\n"),
        );
    }
    site.build_ok();
    let cmp = &report_json(&site);
    let sources = items(cmp, "sources");
    let order_in = |file: &str| -> Vec<String> {
        let html = site.read(&format!("public/sources/{file}"));
        for other in ["by-outlet.html", "by-date.html"] {
            assert!(
                file == other || html.contains(&format!("href=\"../sources/{other}\"")),
                "{file} does not link to {other}"
            );
        }
        let mut positions: Vec<(usize, String)> = sources
            .iter()
            .map(|s| {
                let slug = s["slug"].as_str().unwrap();
                let at =
                    html.find(&format!("href=\"../sources/{slug}/\"")).unwrap_or_else(|| panic!("{file} lacks {slug}"));
                (at, slug.to_owned())
            })
            .collect();
        positions.sort();
        positions.into_iter().map(|(_, s)| s).collect()
    };
    let by = |key: &str| -> Vec<String> {
        let mut v: Vec<&Value> = sources.iter().collect();
        v.sort_by_key(|s| {
            (
                s["outlet"] == "unknown",
                s[key].as_str().unwrap_or("").to_owned(),
                s["title"].as_str().unwrap().to_owned(),
            )
        });
        v.iter().map(|s| s["slug"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(order_in("by-outlet.html"), by("outlet_name"));
    let dates: Vec<String> = order_in("by-date.html")
        .iter()
        .map(|slug| {
            sources.iter().find(|s| s["slug"] == slug.as_str()).unwrap()["date"].as_str().unwrap_or("").to_owned()
        })
        .collect();
    let dated: Vec<&String> = dates.iter().filter(|d| !d.is_empty()).collect();
    assert_eq!(dated.len(), 3, "{dates:?}");
    assert!(dated.windows(2).all(|w| w[0] >= w[1]), "not newest first: {dates:?}");
    assert!(
        dates.iter().skip_while(|d| !d.is_empty()).all(|d| d.is_empty()),
        "undated sources are not last: {dates:?}"
    );
    assert_eq!(order_in("index.html").len(), sources.len());
}

const ANNOTATED: &str = "The moon is made of cheese, the paper says.";
/// Sentences with no annotation: none may appear anywhere in an excerpts site.
const UNANNOTATED: [&str; 4] = [
    "Its editors walked along the quiet harbour road.",
    "Quiet paragraphs walk the grey harbour road without any finding at all.",
    "Another untouched paragraph tells of lighthouse keepers and their patient evening routines.",
    "The crew of the lighthouse kept watch over the sleepy town each winter evening.",
];

fn excerpt_fixture(publish: &str) -> Site {
    let config =
        crate::support::MINIMAL_CONFIG.replace("language = \"en\"\n", &format!("language = \"en\"\n{publish}"));
    let site = Site::with_config(&config);
    let [second, quiet, other, shared] = UNANNOTATED;
    site.write(
        "content/sources/hand.md",
        format!(
            "+++\ntitle = \"Cheese report\"\noutlet = \"daily-planet\"\nurl = \"https://planet.example/cheese\"\n\
             accessed = 2024-03-04\narchive = \"https://web.archive.org/web/2024/https://planet.example/cheese\"\n+++\n\n\
             {} {second}\n\n{quiet}\n\n{other}\n\n{shared}\n",
            ANNOTATED.replace("made of cheese", "[made of cheese](claim:moon-cheese)")
        ),
    );
    site.write(
        "content/sources/other.md",
        crate::support::page("unknown", &format!("{quiet}\n\n{shared}\n\nA last line here.")),
    );
    site.build_ok();
    site
}

/// With `publish = "excerpts"`, a sentence without an annotation appears in
/// no file of the site (pages, report.json, CSV, annotations, search index);
/// the annotated sentence, the original's address, the access date and the
/// archived copy are on the source page.
#[test]
fn excerpts_publish_no_sentence_without_an_annotation() {
    let full = excerpt_fixture("");
    let page = full.read("public/sources/hand/index.html");
    for sentence in UNANNOTATED {
        assert!(page.contains(sentence), "the full text lacks {sentence}: the fixture proves nothing");
    }
    assert!(full.comparison().to_string().contains(UNANNOTATED[3]), "the shared sentence is not a shared passage");

    let site = excerpt_fixture("publish = \"excerpts\"\n");
    let files = site.tree("public");
    assert!(files.keys().any(|k| k.starts_with("search/")) && files.contains_key("annotations.jsonld"));
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        for sentence in UNANNOTATED {
            let encoded = crate::support::strip_tags(sentence).split(' ').take(4).collect::<Vec<_>>().join("%20");
            assert!(!text.contains(sentence) && !text.contains(&encoded), "{path} publishes “{sentence}”");
        }
    }
    let page = site.read("public/sources/hand/index.html");
    assert!(page.contains("made of cheese</mark>"), "the annotated passage is not marked:\n{page}");
    assert!(
        page.contains("<p class=\"excerpt\">The moon is <mark"),
        "the annotated sentence does not start an excerpt"
    );
    assert!(page.contains(", the paper says."), "the annotated sentence is cut");
    assert!(page.contains("<time datetime=\"2024-03-04\">2024-03-04</time>"), "no access date");
    assert!(
        page.contains("href=\"https://web.archive.org/web/2024/https://planet.example/cheese\""),
        "no archive link"
    );
    assert!(page.contains("href=\"https://planet.example/cheese\""), "no link to the original");
}
