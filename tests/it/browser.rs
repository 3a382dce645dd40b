//! What a person sees: headless Chromium (Debian's `chromium`) driven by
//! playwright-core (tests/browser/) against the real `parallax serve`.
//!
//! Required when `CI` or `PARALLAX_BROWSER_TESTS` is set (`.ci/run`
//! installs Chromium and playwright-core); elsewhere it is skipped, with a
//! message, when Chromium, Node or the npm packages are missing.

use crate::serve::Running;
use crate::support::{page, Site};
use std::path::Path;
use std::process::Command;

fn missing_tools(browser_dir: &Path) -> Option<String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return Some(format!("no Chromium at {chromium} (apt-get install chromium)"));
    }
    if Command::new("node").arg("--version").output().is_err() {
        return Some("no node on PATH".into());
    }
    if !browser_dir.join("node_modules/playwright-core").exists() {
        return Some("playwright-core not installed (cd tests/browser && npm ci)".into());
    }
    None
}

/// The folder of the browser scripts, or `None` (after saying why) when the
/// tools are missing and the browser tests are not required here.
fn browser_dir() -> Option<std::path::PathBuf> {
    let browser_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    if let Some(missing) = missing_tools(&browser_dir) {
        let required = std::env::var_os("CI").is_some() || std::env::var_os("PARALLAX_BROWSER_TESTS").is_some();
        assert!(!required, "browser test required here but {missing}");
        eprintln!("skipping the browser test: {missing}");
        return None;
    }
    Some(browser_dir)
}

#[test]
fn the_browser_shows_edits_and_errors_live() {
    let Some(browser_dir) = browser_dir() else { return };
    let site = Site::new();
    let filler: String = (1..=40).map(|i| format!("Paragraph {i} of filler so the page scrolls.\n\n")).collect();
    site.write(
        "content/sources/hand.md",
        page("daily-planet", &format!("The first draft says the moon is cheese.\n\n{filler}")),
    );
    let server = Running::start(&site, &["serve", "--port", "0", "--debounce", "30"]);
    let url = format!("http://127.0.0.1:{}/sources/hand/", server.port.unwrap());
    let output = Command::new("node")
        .arg(browser_dir.join("live_reload.mjs"))
        .arg(&url)
        .arg(site.path("content/sources/hand.md"))
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "browser test failed:\n{stdout}\n{stderr}\nserver log:\n{}",
        server.log.lock().unwrap()
    );
    assert!(stdout.contains("\"ok\":true"), "{stdout}");
    eprintln!("browser: {stdout}");
}

/// A distinctive word is linked to a passage that uses it, by a text
/// fragment; following the link shows the word, even at the end of a page.
#[test]
fn report_links_bring_the_passage_into_view() {
    let Some(browser_dir) = browser_dir() else { return };
    let site = Site::new();
    let filler: String =
        (1..=40).map(|i| format!("Paragraph {i} tells the usual story about the moon and the report.\n\n")).collect();
    // The same filler in both: only the cheese at the end stands out.
    site.write(
        "content/sources/long.md",
        page("daily-planet", &format!("{filler}At the very end: {}.", ["gorgonzola"; 12].join(", "))),
    );
    site.write("content/sources/other.md", page("unknown", &filler));
    let server = Running::start(&site, &["serve", "--port", "0"]);
    let url = format!("http://127.0.0.1:{}/report/", server.port.unwrap());
    let output = Command::new("node")
        .arg(browser_dir.join("text_fragments.mjs"))
        .arg(&url)
        .arg("gorgonzola")
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "browser test failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains("\"ok\":true"), "{stdout}");
}

/// Typing in the search page lists sources, claims, actors and quotes that
/// link to their pages; the index is read from the site, nothing else.
#[test]
fn search_finds_sources_claims_actors_and_quotes() {
    let Some(browser_dir) = browser_dir() else { return };
    let site = Site::new();
    site.write(
        "content/sources/gorgonzola.md",
        "+++\ntitle = \"Gorgonzola on the moon: the fromagère hypothesis\"\noutlet = \"daily-planet\"\n+++\n\n\
         The moon is made of cheese, the paper says.\n\n\
         «The crust is pure gorgonzola», said Neil Armstrong.\n",
    );
    site.write("content/sources/other.md", page("unknown", "Nothing about dairy here.\n"));
    let server = Running::start(&site, &["serve", "--port", "0"]);
    let url = format!("http://127.0.0.1:{}/search/", server.port.unwrap());
    let output = Command::new("node").arg(browser_dir.join("search.mjs")).arg(&url).output().expect("run node");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "browser test failed:\n{stdout}\n{stderr}\nserver log:\n{}",
        server.log.lock().unwrap()
    );
    assert!(stdout.contains("\"ok\":true"), "{stdout}");
}

/// axe-core finds no serious or critical violation on the front, report,
/// source, claim and outlet pages of the example; at 390 px no page
/// overflows sideways and no text is under 12 px. Screenshots at 1280 and
/// 390 px are left in target/tmp/screenshots/ to look at.
#[test]
fn pages_are_accessible_and_fit_a_phone() {
    let Some(browser_dir) = browser_dir() else { return };
    let site = Site::example();
    let server = Running::start(&site, &["serve", "--port", "0"]);
    let origin = format!("http://127.0.0.1:{}", server.port.unwrap());
    let source = site.source_pages().into_iter().next().expect("the example has sources");
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let pages = [
        ("front", String::from("/")),
        ("report", "/report/".into()),
        ("source", format!("/sources/{source}/")),
        ("claim", "/claims/withdrawal-reported/".into()),
        ("outlet", "/outlets/rt-france/".into()),
        ("sources", "/sources/".into()),
        ("search", "/search/".into()),
    ];
    let output = Command::new("node")
        .arg(browser_dir.join("a11y.mjs"))
        .arg(&shots)
        .args(pages.iter().map(|(name, path)| format!("{name}={origin}{path}")))
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "browser test failed:\n{stdout}\n{stderr}");
    let result: serde_json::Value = serde_json::from_str(stdout.trim()).expect("one JSON line");
    let mut problems = Vec::new();
    for (name, _) in &pages {
        let page = &result["pages"][name];
        for v in page["violations"].as_array().unwrap() {
            if matches!(v["impact"].as_str(), Some("serious" | "critical")) {
                problems.push(format!(
                    "{name} at {} px: {} ({}, {} nodes, e.g. {}): {}",
                    v["width"], v["id"], v["impact"], v["nodes"], v["example"], v["summary"]
                ));
            }
        }
        if page["overflow"].as_f64().unwrap() > 0.0 {
            problems.push(format!("{name}: {} px of horizontal overflow at 390 px", page["overflow"]));
        }
        if page["min_font"].as_f64().unwrap() < 12.0 {
            problems.push(format!("{name}: text of {} px at 390 px ({})", page["min_font"], page["min_font_at"]));
        }
        for width in [1280, 390] {
            assert!(shots.join(format!("{name}-{width}.png")).is_file(), "no screenshot of {name} at {width} px");
        }
    }
    eprintln!("axe and small screens: {stdout}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
