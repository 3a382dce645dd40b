//! The Nu HTML Checker (npm's `vnu-jar`, run with Java) on every page of the
//! example briefing and of a generated briefing of many sources: no error
//! and no warning.
//!
//! Required when `CI` or `PARALLAX_BROWSER_TESTS` is set (`.ci/run` installs
//! Java and the npm packages); elsewhere skipped, with a message, when Java
//! or vnu-jar is missing.

use crate::support::{page, Site};
use std::path::{Path, PathBuf};
use std::process::Command;

fn vnu() -> Option<PathBuf> {
    let jar = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/node_modules/vnu-jar/build/dist/vnu.jar");
    let missing = if Command::new("java").arg("-version").output().is_err() {
        Some("no java on PATH (apt-get install default-jre-headless)".to_owned())
    } else if !jar.exists() {
        Some("vnu-jar not installed (cd tests/browser && npm ci)".to_owned())
    } else {
        None
    };
    if let Some(missing) = missing {
        let required = std::env::var_os("CI").is_some() || std::env::var_os("PARALLAX_BROWSER_TESTS").is_some();
        assert!(!required, "the HTML checker is required here but {missing}");
        eprintln!("skipping the HTML checker: {missing}");
        return None;
    }
    Some(jar)
}

/// The checker's errors and warnings on every HTML file under `dir`, one
/// line each.
fn errors(jar: &Path, dir: &Path) -> Vec<String> {
    let out = Command::new("java")
        .arg("-Xss8m")
        .arg("-jar")
        .arg(jar)
        .args(["--format", "json", "--skip-non-html"])
        .arg(dir)
        .output()
        .expect("run the Nu HTML Checker");
    let report: serde_json::Value = serde_json::from_slice(&out.stderr).expect("the checker's JSON report");
    report["messages"]
        .as_array()
        .unwrap()
        .iter()
        // Warnings too: "French text in an English page" is a warning.
        .filter(|m| m["type"] == "error" || m["type"] == "non-document-error" || m["subType"] == "warning")
        .map(|m| format!("{}:{}: {}", m["url"], m["lastLine"], m["message"]))
        .collect()
}

#[test]
fn every_page_is_valid_html() {
    let Some(jar) = vnu() else { return };
    let site = Site::example();
    site.build_ok();
    let found = errors(&jar, &site.path("public"));
    assert!(found.is_empty(), "{} error(s):\n{}", found.len(), found.join("\n"));
    // Many sources, in two languages, with the paginated sections and the
    // search page.
    let many = Site::new();
    for i in 0..40 {
        let (outlet, text) = if i % 2 == 0 {
            (
                "daily-planet",
                format!(
                    "Le port est fermé depuis {i} jours, a déclaré Anna Voss. «Nous ne céderons pas», a-t-elle ajouté."
                ),
            )
        } else {
            (
                "unknown",
                format!("The port has been closed for {i} days, Anna Voss said. \"We will not give in,\" she added."),
            )
        };
        many.write(&format!("content/sources/s{i:02}.md"), page(outlet, &text));
    }
    many.build_ok();
    let found = errors(&jar, &many.path("public"));
    assert!(found.is_empty(), "{} error(s):\n{}", found.len(), found.join("\n"));
}
