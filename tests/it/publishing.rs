//! Publishing conventions: base URL, sitemap, feed, robots, 404, canonical
//! links, absolute annotation ids, links for `file://`, and the link check.

use crate::support::{Site, MINIMAL_CONFIG};
use parallax::render::linkcheck::Links;
use std::collections::BTreeSet;
use std::io::{Read, Write};

const BASE: &str = "https://example.org/briefing/";

fn dated_site(extra_site_config: &str) -> Site {
    let config = MINIMAL_CONFIG.replace("language = \"en\"\n", &format!("language = \"en\"\n{extra_site_config}"));
    let site = Site::with_config(&config);
    for (slug, date, text) in [
        (
            "older",
            Some("2024-03-01"),
            "Daily Planet staff\n\nThe moon is [made of cheese](claim:moon-cheese), a report said.",
        ),
        ("newer", Some("2024-03-05"), "Daily Planet staff\n\nNASA denies that the moon is made of cheese."),
        ("undated", None, "Daily Planet staff\n\n[Armstrong said nothing about cheese](note:quiet \"Silence.\")."),
    ] {
        let date = date.map(|d| format!("date = {d}\n")).unwrap_or_default();
        site.write(
            &format!("content/sources/{slug}.md"),
            format!("+++\ntitle = \"The {slug} story & more\"\noutlet = \"daily-planet\"\n{date}+++\n\n{text}\n"),
        );
    }
    site
}

/// Every page of the built site, as `(path, html)`.
fn html_pages(site: &Site) -> Vec<(String, String)> {
    site.tree("public")
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8(b).unwrap()))
        .collect()
}

fn attribute_values<'a>(html: &'a str, attr: &'a str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

fn link_problems(site: &Site) -> Vec<String> {
    let links = Links::default();
    for (path, bytes) in site.tree("public") {
        links.record(&path, &bytes);
    }
    links.problems("public").iter().map(|d| d.to_string()).collect()
}

#[test]
fn a_base_url_makes_the_urls_that_must_be_absolute_absolute() {
    let site = dated_site("base_url = \"https://example.org/briefing\"\n");
    site.build_ok();

    // The sitemap lists every page but the 404 page, each once, absolute.
    let sitemap = site.read("public/sitemap.xml");
    let locs: BTreeSet<String> =
        sitemap.split("<loc>").skip(1).map(|s| s[..s.find("</loc>").unwrap()].to_owned()).collect();
    let expected: BTreeSet<String> = html_pages(&site)
        .into_iter()
        .filter(|(p, _)| p != "404.html")
        .map(|(p, _)| format!("{BASE}{}", p.strip_suffix("index.html").unwrap_or(&p)))
        .collect();
    assert_eq!(locs, expected);
    assert!(locs.contains(&format!("{BASE}sources/newer/")));

    // The feed: dated sources, newest first, absolute links, escaped titles.
    let atom = site.read("public/atom.xml");
    assert!(atom.contains(&format!("<link rel=\"self\" type=\"application/atom+xml\" href=\"{BASE}atom.xml\"/>")));
    let newer = atom.find(&format!("<id>{BASE}sources/newer/</id>")).expect("newer in the feed");
    let older = atom.find(&format!("<id>{BASE}sources/older/</id>")).expect("older in the feed");
    assert!(newer < older, "newest first");
    assert!(!atom.contains("sources/undated/"), "an undated source has no place in a feed by date");
    assert!(atom.contains("<updated>2024-03-05T00:00:00Z</updated>"));
    assert!(atom.contains("The newer story &amp; more"));

    assert!(site.read("public/robots.txt").contains(&format!("Sitemap: {BASE}sitemap.xml")));

    // Canonical and og:url on each page; links between pages stay relative.
    for (path, html) in html_pages(&site).into_iter().filter(|(p, _)| p != "404.html") {
        let url = format!("{BASE}{}", path.strip_suffix("index.html").unwrap_or(&path));
        assert!(html.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")), "{path}: no canonical link");
        assert!(html.contains(&format!("<meta property=\"og:url\" content=\"{url}\">")), "{path}: no og:url");
        for href in attribute_values(&html, "href") {
            assert!(!href.starts_with(BASE) || href == url, "{path}: absolute link {href} between pages");
        }
    }
    assert!(link_problems(&site).is_empty(), "{:?}", link_problems(&site));

    // Annotation ids, targets and links are absolute; `created` is the page's date.
    let annotations: serde_json::Value = serde_json::from_str(&site.read("public/annotations.jsonld")).unwrap();
    assert_eq!(annotations["id"], format!("{BASE}annotations.jsonld"));
    let items = annotations["first"]["items"].as_array().unwrap();
    assert!(!items.is_empty());
    for item in items {
        let id = item["id"].as_str().unwrap();
        assert!(id.starts_with(&format!("{BASE}sources/")), "{id}");
        assert!(item["target"]["source"].as_str().unwrap().starts_with(BASE));
        for body in item["body"].as_array().unwrap().iter().filter_map(|b| b["source"].as_str()) {
            assert!(body.starts_with(&format!("{BASE}claims/")), "{body}");
        }
        let expected = match id {
            i if i.contains("/older/") => Some("2024-03-01T00:00:00Z"),
            i if i.contains("/newer/") => Some("2024-03-05T00:00:00Z"),
            _ => None,
        };
        assert_eq!(item["created"].as_str(), expected, "{id}");
    }

    // The 404 page links from the site's root path, for any depth.
    let not_found = site.read("public/404.html");
    assert!(not_found.contains("href=\"/briefing/sources/\""), "{not_found}");
}

#[test]
fn without_a_base_url_urls_stay_relative_and_sitemap_and_feed_are_not_written() {
    let site = dated_site("");
    site.build_ok();
    assert!(!site.exists("public/sitemap.xml") && !site.exists("public/atom.xml"));
    assert!(!site.read("public/robots.txt").contains("Sitemap"));
    assert!(!site.read("public/index.html").contains("rel=\"canonical\""));
    let annotations: serde_json::Value = serde_json::from_str(&site.read("public/annotations.jsonld")).unwrap();
    assert_eq!(annotations["id"], "annotations.jsonld");
    let first = &annotations["first"]["items"][0]["id"];
    assert!(first.as_str().is_some_and(|id| id.starts_with("sources/")), "{annotations}");
    assert!(site.read("public/404.html").contains("href=\"/sources/\""));
    assert!(link_problems(&site).is_empty(), "{:?}", link_problems(&site));
}

#[test]
fn the_flag_overrides_the_config_and_bad_base_urls_are_errors() {
    let site = dated_site("base_url = \"https://old.example/\"\n");
    let (code, err) = site.run(&["build", "--base-url", "https://new.example/b"]);
    assert_eq!(code, 0, "{err}");
    assert!(site.read("public/sitemap.xml").contains("<loc>https://new.example/b/sources/older/</loc>"));

    let (code, err) = site.run(&["build", "-u", "ftp://files.example/"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not an http or https address"), "{err}");

    let bad = dated_site("base_url = \"example.org/briefing\"\n");
    let report = bad.build();
    assert!(!report.written);
    let shown = crate::support::render(&report);
    assert!(shown.contains("invalid base_url") && shown.contains("config.toml:4:"), "{shown}");
}

#[test]
fn index_links_open_pages_from_disk() {
    let site = dated_site("index_links = true\n");
    site.build_ok();
    let public = site.path("public");
    let mut checked = 0;
    for (path, html) in html_pages(&site) {
        let dir = public.join(&path).parent().unwrap().to_path_buf();
        for href in attribute_values(&html, "href") {
            let target = href.split('#').next().unwrap();
            if target.is_empty() || target.contains(':') || target.starts_with('/') {
                continue;
            }
            // A browser on file:// opens exactly this path: it must be a file.
            assert!(dir.join(target).is_file(), "{path}: link {href} does not open a file");
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} links checked");
    // The same briefing without the setting links to folders.
    let plain = dated_site("");
    plain.build_ok();
    assert!(plain.read("public/index.html").contains("href=\"./sources/\""));
}

#[test]
fn check_reports_a_broken_link_with_the_page_that_has_it() {
    let site = dated_site("");
    site.write("content/_index.md", "+++\ntitle = \"Intro\"\n+++\n\nSee [the missing page](sources/gone/) and [a passage](sources/older/#nowhere).\n");
    let shown = site.check();
    assert!(shown.contains("broken link `sources/gone/`: no file `sources/gone/index.html`"), "{shown}");
    assert!(shown.contains("no element with id `nowhere`"), "{shown}");
    assert!(shown.contains("public/index.html"), "{shown}");
}

/// GET over a real socket; returns the status code and body.
fn get(port: u16, path: &str) -> (u16, Vec<u8>) {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n").unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let head_end = response.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let status = std::str::from_utf8(&response[9..12]).unwrap().parse().unwrap();
    (status, response[head_end + 4..].to_vec())
}

/// Serves `root` over HTTP as a static host does (a folder answers with its
/// index.html, anything else 404).
fn static_host(root: std::path::PathBuf) -> u16 {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let port = server.server_addr().to_ip().unwrap().port();
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let path = request.url().split(['?', '#']).next().unwrap().to_owned();
            let path = percent_encoding::percent_decode_str(&path).decode_utf8_lossy().into_owned();
            let mut file = root.join(path.trim_start_matches('/'));
            if path.ends_with('/') {
                file.push("index.html");
            }
            let response = match std::fs::read(&file) {
                Ok(bytes) if !path.contains("..") => tiny_http::Response::from_data(bytes),
                _ => tiny_http::Response::from_data(Vec::new()).with_status_code(404),
            };
            let _ = request.respond(response);
        }
    });
    port
}

#[test]
fn a_site_served_from_a_sub_path_has_every_link_resolve() {
    let site = Site::example();
    let www = tempfile::tempdir().unwrap();
    let out = www.path().join("briefing");
    let port = static_host(www.path().to_path_buf());
    let base = format!("http://127.0.0.1:{port}/briefing/");
    let (code, err) = site.run(&["build", "--base-url", &base, "--output", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");

    // Crawl from the front page, following every link and asset of the site.
    let mut queue = vec!["/briefing/".to_owned()];
    let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
    while let Some(path) = queue.pop() {
        let (status, body) = get(port, &path);
        assert_eq!(status, 200, "{path} (linked from the site) answers {status}");
        if !(path.ends_with('/') || path.ends_with(".html")) {
            continue;
        }
        let html = String::from_utf8(body).unwrap();
        let page = url::Url::parse(&format!("http://127.0.0.1:{port}{path}")).unwrap();
        for link in attribute_values(&html, "href").into_iter().chain(attribute_values(&html, "src")) {
            let Ok(target) = page.join(&link.replace("&amp;", "&")) else { continue };
            if target.host_str() != Some("127.0.0.1") || target.port() != Some(port) {
                continue;
            }
            assert!(target.path().starts_with("/briefing/"), "{path}: {link} leaves the sub-path");
            let next = target.path().to_owned();
            if seen.insert(next.clone()) {
                queue.push(next);
            }
        }
    }
    assert!(seen.len() > 40, "crawled only {} addresses", seen.len());
    assert!(seen.contains("/briefing/annotations.jsonld") && seen.contains("/briefing/report.json"));

    let (_, body) = get(port, "/briefing/annotations.jsonld");
    let annotations: serde_json::Value = serde_json::from_slice(&body).unwrap();
    for item in annotations["first"]["items"].as_array().unwrap() {
        assert!(item["id"].as_str().unwrap().starts_with(&base), "{}", item["id"]);
    }
    // A missing page gets the site's 404 page, whose links work from anywhere.
    let not_found = std::fs::read_to_string(out.join("404.html")).unwrap();
    for href in attribute_values(&not_found, "href").into_iter().filter(|h| !h.starts_with("http")) {
        assert!(href.starts_with("/briefing/"), "{href}");
        assert_eq!(get(port, href).0, 200, "{href}");
    }
}

/// Two claims on one sentence are both visible: each tag's chip names its
/// claim by its label (not its id) and shows its stance by a symbol, so
/// neither rests on colour or on hovering.
#[test]
fn overlapping_claims_each_show_their_label_and_stance() {
    let site = Site::new();
    // Two machine suggestions on the same sentence, as ingest writes them.
    let sentence = "The moon is made of cheese, but NASA denies it.";
    site.write(
        "content/sources/both.md",
        format!(
            "+++\ntitle = \"Both\"\noutlet = \"daily-planet\"\n\n\
             [[tags]]\nclaim = \"moon-cheese\"\nstance = \"asserts\"\nstatus = \"suggested\"\nexact = \"{sentence}\"\n\n\
             [[tags]]\nclaim = \"moon-denial\"\nstance = \"attributes\"\nstatus = \"confirmed\"\nexact = \"{sentence}\"\n+++\n\n{sentence}\n"
        ),
    );
    site.build_ok();
    let html = site.read("public/sources/both/index.html");
    assert!(html.contains("claims/moon-cheese/\">+\u{a0}The moon is made of cheese</a>"), "{html}");
    assert!(html.contains("claims/moon-denial/\">»\u{a0}NASA denies the cheese report</a>"), "{html}");
    assert!(!html.contains(">moon-cheese</a>") && !html.contains(">moon-denial</a>"), "ids shown instead of labels");
}

/// A build with the inputs of the last one, whose output is untouched, is
/// answered by the build cache: nothing is written and `public/` is what a
/// clean build writes. Any change to an input or to the output, or a
/// deleted cache, makes the next build a full one.
#[test]
fn the_build_cache_skips_only_what_did_not_change() {
    let site = dated_site("");
    // A tag whose passage is gone: a warning, and the build goes on.
    site.write(
        "content/sources/warned.md",
        "+++\ntitle = \"W\"\noutlet = \"daily-planet\"\n\n[[tags]]\nclaim = \"moon-cheese\"\nstance = \"asserts\"\nstatus = \"confirmed\"\nexact = \"A sentence that is not there.\"\n+++\n\nSomething else entirely.\n",
    );
    let first = site.build_ok();
    assert!(!first.cached);
    let warnings = crate::support::render(&first);
    assert!(warnings.contains("warning"), "{warnings}");
    let clean = site.tree("public");

    let again = site.build_ok();
    assert!(again.cached, "nothing changed: the cache answers");
    assert_eq!(crate::support::render(&again), warnings, "the last build's warnings are said again");
    assert_eq!((again.sources, again.files), (first.sources, first.files));
    assert_eq!(site.tree("public"), clean);

    // An edited page: a full build, with the edit.
    site.write(
        "content/sources/older.md",
        site.read("content/sources/older.md").replace("a report said", "a new report said"),
    );
    let edited = site.build_ok();
    assert!(!edited.cached);
    assert!(site.read("public/sources/older/index.html").contains("a new report said"));
    assert!(site.build_ok().cached);

    // A file of the output removed or changed: a full build puts it back.
    std::fs::remove_file(site.path("public/claims/index.html")).unwrap();
    assert!(!site.build_ok().cached);
    assert!(site.exists("public/claims/index.html"));
    site.write("public/index.html", "defaced");
    assert!(!site.build_ok().cached);
    assert!(site.read("public/index.html").contains("<!doctype html>"));

    // Another theme file, or no cache at all: full builds, same output as clean.
    site.write("themes/default/templates/extra.html", "unused");
    assert!(!site.build_ok().cached);
    std::fs::remove_dir_all(site.path(".parallax-cache")).unwrap();
    let rebuilt = site.build_ok();
    assert!(!rebuilt.cached);
    let fresh = dated_site("");
    fresh.write("content/sources/warned.md", site.read("content/sources/warned.md"));
    fresh.write("content/sources/older.md", site.read("content/sources/older.md"));
    fresh.write("themes/default/templates/extra.html", "unused");
    fresh.build_ok();
    assert_eq!(site.tree("public"), fresh.tree("public"), "a cached site equals a clean build");
}

/// Pages whose text did not change keep the annotation the last build
/// stored (`.parallax-cache/annotations.bin`); an edited page is annotated
/// again, another config.toml or a damaged store means annotating every
/// page, and the output is always what a clean build of the same pages
/// writes.
#[test]
fn stored_annotations_serve_only_pages_whose_text_is_unchanged() {
    let site = dated_site("");
    let first = site.build_ok();
    assert_eq!(first.annotated, 3, "no store yet: every page annotated");
    assert!(site.exists(".parallax-cache/annotations.bin"));

    // One page edited: only it is annotated, and its new quote is found.
    site.write(
        "content/sources/newer.md",
        site.read("content/sources/newer.md") + "\n\"We never said that,\" said Jane Smith.\n",
    );
    let edited = site.build_ok();
    assert!(!edited.cached);
    assert_eq!(edited.annotated, 1, "the two unchanged pages keep their annotation");
    assert!(site.read("public/sources/newer/index.html").contains("Jane Smith"));
    let clean = |site: &Site| {
        let fresh = dated_site("");
        for page in ["older", "newer", "undated"] {
            let path = format!("content/sources/{page}.md");
            fresh.write(&path, site.read(&path));
        }
        fresh.write("config.toml", site.read("config.toml"));
        fresh.build_ok();
        fresh.tree("public")
    };
    assert_eq!(site.tree("public"), clean(&site), "an edit built on stored annotations equals a clean build");

    // Another config: nothing stored is trusted.
    site.write("config.toml", site.read("config.toml") + "\n# a comment\n");
    assert_eq!(site.build_ok().annotated, 3);

    // A damaged store is no store.
    site.write(".parallax-cache/annotations.bin", "not a store");
    site.write(
        "content/sources/older.md",
        site.read("content/sources/older.md").replace("a report said", "a report says"),
    );
    let repaired = site.build_ok();
    assert_eq!(repaired.annotated, 3);
    assert_eq!(site.tree("public"), clean(&site));
    assert!(site.build_ok().cached, "nothing changed: the build cache answers");
}

/// Past `PAGE_SOURCES` sources the annotation collection is paged: the
/// collection names its first and last pages, each page its neighbours and
/// the collection, and following `next` from `first` gives every
/// annotation once, in order, with relative URLs that resolve from the
/// page's own folder.
#[test]
fn a_large_collection_of_annotations_is_paged() {
    let site = Site::new();
    let n = parallax::render::webanno::PAGE_SOURCES + 10;
    for i in 0..n {
        site.write(
            &format!("content/sources/s{i:03}.md"),
            crate::support::page(
                "daily-planet",
                &format!("Story {i}: the moon is [made of cheese](claim:moon-cheese)."),
            ),
        );
    }
    site.build_ok();
    let read = |rel: &str| -> serde_json::Value { serde_json::from_str(&site.read(&format!("public/{rel}"))).unwrap() };
    let collection = read("annotations.jsonld");
    assert_eq!(collection["type"], "AnnotationCollection");
    assert_eq!(collection["total"], n);
    assert!(collection.get("items").is_none() && collection["first"].is_string(), "{collection}");
    assert_eq!(collection["first"], "annotations/page-1.jsonld");
    assert_eq!(collection["last"], "annotations/page-2.jsonld");
    let mut next = collection["first"].as_str().map(str::to_owned);
    let mut seen = 0;
    let mut pages = 0;
    while let Some(rel) = next {
        let page = read(&rel);
        pages += 1;
        assert_eq!(page["type"], "AnnotationPage");
        assert_eq!(page["partOf"], "../annotations.jsonld", "relative to the page's folder");
        assert_eq!(page["startIndex"], seen);
        for item in page["items"].as_array().unwrap() {
            let id = item["id"].as_str().unwrap();
            let source = id.strip_prefix("../").expect("relative to annotations/");
            let slug = source.trim_start_matches("sources/").split('/').next().unwrap();
            assert!(site.exists(&format!("public/sources/{slug}/index.html")), "{id} leads nowhere");
            seen += 1;
        }
        next = page["next"].as_str().map(|p| format!("annotations/{p}"));
    }
    assert_eq!((pages, seen), (2, n));
}
