//! A fixture site in a temporary folder.

use parallax::site::{self, BuildOptions, BuildReport};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const MINIMAL_CONFIG: &str = r#"[site]
title = "Fixture briefing"
language = "en"

[outlets.daily-planet]
name = "The Daily Planet"
country = "USA"
affiliation = "private"
[[outlets.daily-planet.notes]]
text = "Fictional paper used in tests."
sources = ["Test suite"]
[outlets.daily-planet.signatures]
text = ["Daily Planet staff"]

[claims.moon-cheese]
label = "The moon is made of cheese"
patterns = ["made of cheese"]

[claims.moon-denial]
label = "NASA denies the cheese report"
patterns = ["nasa denie"]
stance = "attributes"

[actors.nasa]
name = "NASA"
kind = "organisation"

[actors.armstrong]
name = "Neil Armstrong"
kind = "person"
aliases = ["Armstrong"]
"#;

pub struct Site {
    dir: tempfile::TempDir,
    /// A folder elsewhere that the site is, instead of `dir`.
    at: Option<PathBuf>,
}

impl Site {
    /// An empty site with the minimal config.
    pub fn new() -> Site {
        let site = Site { dir: tempfile::tempdir().expect("temp dir"), at: None };
        site.write("config.toml", MINIMAL_CONFIG);
        site
    }

    /// An empty site with the given config.
    pub fn with_config(config: &str) -> Site {
        let site = Site { dir: tempfile::tempdir().expect("temp dir"), at: None };
        site.write("config.toml", config);
        site
    }

    /// A briefing already on disk (made by `parallax init`, say).
    pub fn at(path: &Path) -> Site {
        Site { dir: tempfile::tempdir().expect("temp dir"), at: Some(path.to_path_buf()) }
    }

    /// The example briefing shipped in the repository: its config and seeds.
    pub fn example() -> Site {
        let site = Site { dir: tempfile::tempdir().expect("temp dir"), at: None };
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(repo.join("config.toml"), site.path("config.toml")).unwrap();
        std::fs::create_dir_all(site.path("seeds")).unwrap();
        for entry in std::fs::read_dir(repo.join("seeds")).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), site.path("seeds").join(entry.file_name())).unwrap();
        }
        site
    }

    pub fn root(&self) -> &Path {
        self.at.as_deref().unwrap_or(self.dir.path())
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("reading {rel}: {e}"))
    }

    /// The built site's comparison, every section whole: `public/report.json`
    /// is an index, and each section's items are the union of its files
    /// under `report/data/`, in order. Checks on the way that every file the
    /// index names exists, says which section and page it is, starts where
    /// the previous one ended, and that the pages add up to the count.
    /// `chronology` is put back together as one object (`median`,
    /// `far_days`, `sources`, `undated`).
    pub fn comparison(&self) -> serde_json::Value {
        let index: serde_json::Value = serde_json::from_str(&self.read("public/report.json")).unwrap();
        let version = index["version"].clone();
        let mut out = serde_json::Map::new();
        for (name, section) in index["sections"].as_object().expect("report.json has sections") {
            let pages = section["pages"].as_array().expect("a section lists its files");
            assert!(!pages.is_empty(), "section {name} has no file");
            let mut items = Vec::new();
            for (n, path) in pages.iter().enumerate() {
                let path = path.as_str().unwrap();
                let page: serde_json::Value = serde_json::from_str(&self.read(&format!("public/{path}"))).unwrap();
                assert_eq!(page["section"], name.as_str(), "{path}");
                assert_eq!(page["version"], version, "{path}");
                assert_eq!(page["page"], n + 1, "{path}");
                assert_eq!(page["pages"], pages.len(), "{path}");
                assert_eq!(page["start"], items.len(), "{path} starts where the previous page ended");
                assert_eq!(page["count"], section["count"], "{path}");
                items.extend(page["items"].as_array().unwrap().iter().cloned());
            }
            assert_eq!(section["count"], items.len(), "section {name}: the pages hold its count of items");
            out.insert(name.clone(), items.into());
        }
        let chronology = serde_json::json!({
            "median": index["chronology"]["median"],
            "far_days": index["chronology"]["far_days"],
            "sources": out.remove("chronology").unwrap(),
            "undated": out.remove("undated").unwrap(),
        });
        out.insert("chronology".into(), chronology);
        serde_json::Value::Object(out)
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path(rel).exists()
    }

    pub fn build(&self) -> BuildReport {
        site::build(&BuildOptions { root: self.root().to_path_buf(), ..Default::default() }).expect("build ran")
    }

    /// `parallax check`, diagnostics as the terminal shows them.
    pub fn check(&self) -> String {
        let diags = site::check(self.root()).expect("check ran");
        diags.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")
    }

    /// Builds and insists it succeeded without errors.
    pub fn build_ok(&self) -> BuildReport {
        let report = self.build();
        assert!(report.written, "build failed:\n{}", render(&report));
        report
    }

    /// Runs the real binary; returns (exit code, stderr).
    pub fn run(&self, args: &[&str]) -> (i32, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(args)
            .current_dir(self.root())
            .output()
            .expect("run parallax");
        (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
    }

    /// Every file under `rel`, with its bytes.
    pub fn tree(&self, rel: &str) -> BTreeMap<String, Vec<u8>> {
        let mut out = BTreeMap::new();
        collect(&self.path(rel), &self.path(rel), &mut out);
        out
    }

    /// The slugs of the source pages in content/sources.
    pub fn source_pages(&self) -> Vec<String> {
        self.tree("content/sources").keys().map(|k| k.trim_end_matches(".md").to_owned()).collect()
    }
}

fn collect(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(base, &path, out);
        } else {
            let rel = path.strip_prefix(base).unwrap().to_string_lossy().replace('\\', "/");
            out.insert(rel, std::fs::read(&path).unwrap_or_default());
        }
    }
}

/// Diagnostics as the terminal shows them.
pub fn render(report: &BuildReport) -> String {
    report.diagnostics.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")
}

/// A source page as the fixture content pages write it.
pub fn page(outlet: &str, body: &str) -> String {
    format!("+++\ntitle = \"A page\"\noutlet = \"{outlet}\"\n+++\n\n{body}\n")
}

/// Text of an HTML page without its tags (entities left as they are).
pub fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Asserts that a report link `sources/<slug>/#<fragment>` lands on a
/// passage: an element with that id, or for a text fragment
/// (`:~:text=start,end`) words that occur in the page.
pub fn assert_link_lands(site: &Site, slug: &str, fragment: &str) {
    let page = site.read(&format!("public/sources/{slug}/index.html"));
    match fragment.strip_prefix(":~:text=") {
        None => assert!(page.contains(&format!("id=\"{fragment}\"")), "{slug}#{fragment} missing"),
        Some(directive) => {
            let visible = strip_tags(&page).replace("&#39;", "'").replace("&quot;", "\"").to_lowercase();
            let visible = visible.split_whitespace().collect::<Vec<_>>().join(" ");
            for part in directive.split(',') {
                let words = percent_encoding::percent_decode_str(part).decode_utf8().unwrap().to_lowercase();
                assert!(visible.contains(&words), "{slug}: text fragment {words:?} not in the page");
            }
        }
    }
}

/// One entry of a folder as the file system holds it: a link is its target,
/// never what it points to.
#[derive(Clone, PartialEq, Eq)]
pub enum Node {
    Dir,
    File(Vec<u8>),
    Link(PathBuf),
}

/// Every entry under a folder by `/`-separated relative path; empty when the
/// folder does not exist.
pub type Tree = BTreeMap<String, Node>;

/// The tree under `dir`, links not followed (a link to a folder is a `Link`,
/// and what it leads to is not listed).
pub fn snapshot(dir: &Path) -> Tree {
    let mut out = Tree::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for entry in entries {
            let path = entry.expect("folder entry").path();
            let rel = path.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
            let meta = std::fs::symlink_metadata(&path).expect("entry metadata");
            let node = if meta.file_type().is_symlink() {
                Node::Link(std::fs::read_link(&path).expect("link target"))
            } else if meta.is_dir() {
                stack.push(path);
                Node::Dir
            } else {
                Node::File(std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display())))
            };
            out.insert(rel, node);
        }
    }
    out
}

/// What differs between two trees, one line a path (at most 20 lines).
/// The build cache (`.parallax-cache/`), which every good build may rewrite.
pub fn is_cache(path: &str) -> bool {
    path.split('/').any(|part| part == ".parallax-cache")
}

/// What differs between two trees, build caches aside, one line a path (at
/// most 20 lines).
pub fn differences(before: &Tree, after: &Tree) -> Vec<String> {
    let mut out = Vec::new();
    for (path, node) in before.iter().filter(|(p, _)| !is_cache(p)) {
        match after.get(path) {
            None => out.push(format!("removed {path}")),
            Some(n) if n != node => out.push(format!("changed {path}")),
            Some(_) => {}
        }
    }
    out.extend(after.keys().filter(|p| !before.contains_key(*p) && !is_cache(p)).map(|p| format!("added {p}")));
    if out.len() > 20 {
        let more = out.len() - 20;
        out.truncate(20);
        out.push(format!("… and {more} more"));
    }
    out
}

/// Asserts that two trees are the same, naming the paths that differ.
pub fn assert_same_tree(expected: &Tree, actual: &Tree, what: &str) {
    let diff = differences(expected, actual);
    assert!(diff.is_empty(), "{what}:\n  {}", diff.join("\n  "));
}

/// The tree without the entries at or under `prefix` (a relative path).
pub fn without(tree: &Tree, prefix: &str) -> Tree {
    let under = format!("{prefix}/");
    tree.iter().filter(|(p, _)| *p != prefix && !p.starts_with(&under)).map(|(p, n)| (p.clone(), n.clone())).collect()
}

/// Runs the real binary in `cwd` with extra environment variables; returns
/// (exit code, stderr). A process killed by a signal has code -1.
pub fn parallax_in(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .envs(env.iter().copied())
        .current_dir(cwd)
        .output()
        .expect("run parallax");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}
