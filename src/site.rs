//! The build pipeline, and the only place that writes `public/` or content
//! pages.
//!
//! Reads everything, runs the pure stages, and writes only when no stage
//! reported an error: new content pages are created (never overwritten) and
//! the output is built in a staging directory beside `public/` and swapped
//! in, so `public/` is always a complete build.

use crate::annotate::{self, Annotated};
use crate::config::{self, Config};
use crate::diag::{self, Diagnostic};
use crate::ingest;
use crate::page::{Intro, Page};
use crate::render::{self, ThemeFiles};
pub mod session;

use anyhow::{bail, Context as _};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

pub const CONTENT_DIR: &str = "content";
pub const THEMES_DIR: &str = "themes";
/// The briefing's introduction (`content/_index.md`), shown on the index page.
pub const INTRO_PAGE: &str = "_index.md";

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Defaults to `root/public`.
    pub output: Option<PathBuf>,
}

#[derive(Debug, Default)]
pub struct BuildReport {
    pub diagnostics: Vec<Diagnostic>,
    /// Content pages created from new seeds, relative to the root.
    pub created: Vec<PathBuf>,
    pub sources: usize,
    pub files: usize,
    /// False when errors stopped the build before anything was written.
    pub written: bool,
    /// How long each stage took, in order, with the resident memory (KiB)
    /// after it where the platform tells.
    pub timings: Vec<(&'static str, std::time::Duration, Option<u64>)>,
}

/// Everything a build reads, loaded and checked; nothing written yet.
pub struct Loaded {
    pub config: Arc<Config>,
    /// In slug order.
    pub pages: Vec<Arc<Annotated>>,
    pub intro: Option<Intro>,
    pub new_pages: Vec<ingest::NewPage>,
    pub theme: ThemeFiles,
}

impl Loaded {
    pub fn page_refs(&self) -> Vec<&Annotated> {
        self.pages.iter().map(Arc::as_ref).collect()
    }

    /// What rendering needs, from what was loaded.
    pub fn inputs<'a>(
        &'a self,
        pages: &'a [&'a Annotated],
        comparison: Option<&'a crate::compare::Comparison>,
    ) -> render::Inputs<'a> {
        render::Inputs {
            config: &self.config,
            pages,
            comparison,
            intro: self.intro.as_ref(),
            theme: &self.theme,
            theme_name: &self.config.site.theme,
            bodies: None,
        }
    }
}

/// Annotated pages kept between builds, keyed by path and by the hash of the
/// file they came from. Annotation depends on the config too, so a changed
/// config empties the cache. A one-off build starts with an empty one.
#[derive(Default)]
pub struct PageCache {
    config: Option<(blake3::Hash, Arc<Config>)>,
    pages: HashMap<PathBuf, CachedPage>,
    /// The content files seen by the last load, for loads told what changed.
    files: Option<Vec<PathBuf>>,
    intro: Option<Intro>,
    seeds: Option<(Arc<Vec<ingest::Seed>>, Vec<Diagnostic>)>,
}

/// What changed since the last load, relative to the root, when the caller
/// knows (the file watcher does): unchanged files are then not even read.
pub type Changed<'a> = Option<&'a [PathBuf]>;

struct CachedPage {
    hash: blake3::Hash,
    annotated: Arc<Annotated>,
    diagnostics: Vec<Diagnostic>,
}

/// A content file: unchanged since the cache saw it, or read afresh.
enum Read {
    Cached(PathBuf),
    Fresh(Box<Page>, blake3::Hash),
}

/// Reads and checks everything, reusing `cache` for unchanged pages. `None`
/// when the config itself could not be read, since nothing else can be
/// checked against it then.
pub fn load(root: &Path, diags: &mut Vec<Diagnostic>, cache: &mut PageCache) -> Option<Loaded> {
    load_changed(root, diags, cache, None)
}

/// `load`, told which files changed since the cache's last load.
pub fn load_changed(
    root: &Path,
    diags: &mut Vec<Diagnostic>,
    cache: &mut PageCache,
    changed: Changed,
) -> Option<Loaded> {
    let config = match load_config(root, cache) {
        Ok(c) => c,
        Err(d) => {
            // Without a config nothing can be checked against it, but every
            // page and seed can still be read: report those problems too.
            diags.extend(d);
            let _ = read_pages(root, diags, &mut PageCache::default(), None);
            diags.extend(ingest::read_seeds(root).1);
            return None;
        }
    };
    let theme = load_theme(root, &config.site.theme, diags);
    outlet_warnings(root, &config, diags);
    let (reads, intro) = read_pages(root, diags, cache, changed);
    let seeds_changed = changed.is_none_or(|c| c.iter().any(|p| p.starts_with(ingest::SEEDS_DIR)));
    let (seeds, seed_diags) = match &cache.seeds {
        Some((seeds, d)) if !seeds_changed => (seeds.clone(), d.clone()),
        _ => {
            let (seeds, d) = ingest::read_seeds(root);
            let seeds = Arc::new(seeds);
            cache.seeds = Some((seeds.clone(), d.clone()));
            (seeds, d)
        }
    };
    diags.extend(seed_diags);

    let present: std::collections::HashSet<&Path> = reads
        .iter()
        .map(|r| match r {
            Read::Cached(p) => p.as_path(),
            Read::Fresh(page, _) => page.path.as_path(),
        })
        .collect();
    cache.pages.retain(|path, _| present.contains(path.as_path()));
    let (new_pages, plan_diags) = {
        let known: Vec<&Page> = reads
            .iter()
            .map(|r| match r {
                Read::Cached(p) => &cache.pages[p].annotated.page,
                Read::Fresh(page, _) => page,
            })
            .collect();
        ingest::plan(&seeds, &known, &config)
    };
    diags.extend(plan_diags);
    // Moved, not copied: at ten thousand pages a copy is a few hundred MB.
    let mut fresh: Vec<(Page, blake3::Hash)> = reads
        .into_iter()
        .filter_map(|r| match r {
            Read::Fresh(page, hash) => Some((*page, hash)),
            Read::Cached(_) => None,
        })
        .collect();
    for new in &new_pages {
        match Page::parse(&new.path, new.text.clone()) {
            Ok(p) => fresh.push((p, blake3::hash(new.text.as_bytes()))),
            Err(d) => diags.push(d),
        }
    }

    let annotated: Vec<(CachedPage, PathBuf)> = fresh
        .into_par_iter()
        .map(|(page, hash)| {
            let path = page.path.clone();
            let (a, d) = annotate::annotate(page, &config);
            (CachedPage { hash, annotated: Arc::new(a), diagnostics: d }, path)
        })
        .collect();
    for (entry, path) in annotated {
        cache.pages.insert(path, entry);
    }
    let mut pages: Vec<Arc<Annotated>> = Vec::with_capacity(cache.pages.len());
    for entry in cache.pages.values() {
        diags.extend(entry.diagnostics.iter().cloned());
        pages.push(entry.annotated.clone());
    }
    pages.sort_by(|a, b| a.page.slug.cmp(&b.page.slug).then_with(|| a.page.path.cmp(&b.page.path)));
    for pair in pages.windows(2) {
        if pair[0].page.slug == pair[1].page.slug {
            let (a, b) = (&pair[0].page, &pair[1].page);
            diags.push(
                Diagnostic::error(&b.path, format!("two pages have the address `sources/{}/`", b.slug))
                    .with_hint(format!("rename one of {} and {}", a.path.display(), b.path.display())),
            );
        }
    }
    Some(Loaded { config, pages, intro, new_pages, theme })
}

/// The config, parsed again only when its text changed.
fn load_config(root: &Path, cache: &mut PageCache) -> Result<Arc<Config>, Vec<Diagnostic>> {
    let path = root.join(config::FILE_NAME);
    let bytes = fs::read(&path).map_err(|e| {
        vec![Diagnostic::error(config::FILE_NAME, format!("cannot read the config: {e}"))
            .with_hint("run parallax from the briefing's folder, or pass --root DIR")]
    })?;
    let hash = blake3::hash(&bytes);
    if let Some((cached, config)) = &cache.config {
        if *cached == hash {
            return Ok(config.clone());
        }
    }
    let config = Arc::new(Config::from_bytes(bytes, Path::new(config::FILE_NAME))?);
    cache.pages.clear();
    cache.config = Some((hash, config.clone()));
    Ok(config)
}

fn outlet_warnings(root: &Path, config: &Config, diags: &mut Vec<Diagnostic>) {
    for (id, outlet) in &config.outlets {
        if outlet.notes.is_empty() {
            let at = fs::read_to_string(root.join(config::FILE_NAME))
                .ok()
                .and_then(|t| t.find(&format!("outlets.{id}]")).map(|at| (t, at)));
            let d = Diagnostic::warning(config::FILE_NAME, format!("outlet `{id}` has no profile notes"));
            let d = match at {
                Some((text, at)) => d.at(&text, at),
                None => d,
            };
            diags.push(
                d.with_hint("add [[outlets.<id>.notes]] with what is known of its bias and where that comes from"),
            );
        }
    }
}

/// Checks everything a build would read and render, writing nothing.
/// `Err` means the check could not run (no config to read).
pub fn check(root: &Path) -> anyhow::Result<Vec<Diagnostic>> {
    if !root.join(config::FILE_NAME).is_file() {
        bail!(
            "no {} in {}: run parallax from the briefing's folder, or pass --root DIR",
            config::FILE_NAME,
            root.display()
        );
    }
    let mut diags = Vec::new();
    if let Some(loaded) = load(root, &mut diags, &mut PageCache::default()) {
        if !diag::has_errors(&diags) {
            let pages = loaded.page_refs();
            let comparison = crate::compare::compare(&pages, &loaded.config);
            let inputs = loaded.inputs(&pages, Some(&comparison));
            // Rendering catches template errors; the output goes nowhere.
            if let Err(d) = render::render_site(&inputs, &|_, _| Ok(())) {
                diags.extend(d);
            }
        }
    }
    diag::sort(&mut diags);
    Ok(diags)
}

/// Shared statements no claim covers: the claim candidates of a briefing.
/// `Err` with diagnostics when the briefing has errors.
pub fn claim_candidates(
    root: &Path,
) -> anyhow::Result<Result<Vec<crate::compare::reuse::SharedPassage>, Vec<Diagnostic>>> {
    require_config(root)?;
    let mut diags = Vec::new();
    let Some(loaded) = load(root, &mut diags, &mut PageCache::default()) else { return Ok(Err(diags)) };
    if diag::has_errors(&diags) {
        return Ok(Err(diags));
    }
    let pages = loaded.page_refs();
    let shared = crate::compare::reuse::shared_passages(&pages);
    Ok(Ok(shared.into_iter().filter(|p| p.claims.is_empty()).collect()))
}

/// Appends a claim for candidate `passage` to config.toml. The file is only
/// appended to, through a temporary file and a rename, and only when the
/// result parses.
pub fn add_claim(
    root: &Path,
    passage: &crate::compare::reuse::SharedPassage,
    id: &str,
    label: &str,
) -> anyhow::Result<()> {
    if !config::is_id(id) {
        bail!("`{id}` is not a valid claim id: use lowercase letters, digits and dashes");
    }
    let path = root.join(config::FILE_NAME);
    let text = fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let quote = |s: &str| toml::Value::String(s.to_owned()).to_string();
    let example = &passage.occurrences[0].text;
    let entry = format!(
        "\n[claims.{id}]\nlabel = {}\ndescription = {}\npatterns = [{}]\n",
        quote(label),
        quote(&format!("Found in {} sources: «{}»", passage.sources, crate::render::shorten_str(example, 160))),
        quote(&crate::compare::reuse::pattern_for(passage)),
    );
    let new_text = format!("{}{}{entry}", text, if text.ends_with('\n') { "" } else { "\n" });
    match Config::parse(&new_text, Path::new(config::FILE_NAME)) {
        Ok(c) if c.claims.contains_key(id) => {}
        Ok(_) => bail!("the new claim did not parse as expected; config.toml is unchanged"),
        Err(d) => {
            let first = d.first().map(|d| d.message.clone()).unwrap_or_default();
            bail!("config.toml would not be valid with this claim ({first}); it is unchanged");
        }
    }
    let tmp = root.join(format!(".{}.parallax-tmp", config::FILE_NAME));
    fs::write(&tmp, &new_text).with_context(|| format!("cannot write {}", tmp.display()))?;
    fs::rename(&tmp, &path).with_context(|| format!("cannot update {}", path.display()))
}

/// Builds the site. Content problems come back in the report; `Err` means
/// the build could not write its output.
pub fn build(opts: &BuildOptions) -> anyhow::Result<BuildReport> {
    let root = &opts.root;
    let output = opts.output.clone().unwrap_or_else(|| root.join("public"));
    require_config(root)?;
    check_output_dir(root, &output)?;
    let mut report = BuildReport::default();
    let mut clock = std::time::Instant::now();
    let mut lap = |report: &mut BuildReport, stage: &'static str| {
        report.timings.push((stage, clock.elapsed(), resident_kib()));
        clock = std::time::Instant::now();
    };
    let loaded = load(root, &mut report.diagnostics, &mut PageCache::default());
    lap(&mut report, "load, ingest, annotate");
    let finish = |mut report: BuildReport| {
        diag::sort(&mut report.diagnostics);
        Ok(report)
    };
    let Some(loaded) = loaded else {
        return finish(report);
    };
    if diag::has_errors(&report.diagnostics) {
        return finish(report);
    }
    let pages = loaded.page_refs();
    let comparison = crate::compare::compare(&pages, &loaded.config);
    lap(&mut report, "compare");
    let inputs = loaded.inputs(&pages, Some(&comparison));
    let staging = Staging::new(&output)?;
    let sink = |rel: &str, bytes: &[u8]| staging.write(rel, bytes);
    let files = match render::render_site(&inputs, &sink) {
        Ok(files) => files,
        Err(d) => {
            staging.discard();
            report.diagnostics.extend(d);
            return finish(report);
        }
    };
    lap(&mut report, "render and write");
    for new in &loaded.new_pages {
        create_page(root, new)?;
        report.created.push(new.path.clone());
    }
    staging.commit()?;
    lap(&mut report, "swap into place");
    report.sources = loaded.pages.len();
    report.files = files;
    report.written = true;
    finish(report)
}

enum Parsed {
    Source(Read),
    Intro(Intro),
    Gone,
}

/// The process's resident memory in KiB (Linux), for `--timings`.
fn resident_kib() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A folder without config.toml is not a briefing: nothing can run.
fn require_config(root: &Path) -> anyhow::Result<()> {
    if !root.is_dir() {
        bail!("{} is not a folder", root.display());
    }
    if !root.join(config::FILE_NAME).is_file() {
        bail!(
            "no {} in {}: run parallax from the briefing's folder, or pass --root DIR",
            config::FILE_NAME,
            root.display()
        );
    }
    Ok(())
}

fn read_pages(
    root: &Path,
    diags: &mut Vec<Diagnostic>,
    cache: &mut PageCache,
    changed: Changed,
) -> (Vec<Read>, Option<Intro>) {
    let intro_path = Path::new(CONTENT_DIR).join(INTRO_PAGE);
    let is_page = |p: &Path| p.starts_with(CONTENT_DIR) && p.extension().is_some_and(|e| e == "md");
    // Told what changed, and only files did: update the known list instead
    // of walking the folders. A changed folder means walking again.
    let known = match (changed, &cache.files) {
        (Some(paths), Some(files)) if paths.iter().all(|p| !root.join(p).is_dir()) => {
            let mut files: BTreeSet<PathBuf> = files.iter().cloned().collect();
            for p in paths.iter().filter(|p| is_page(p)) {
                if root.join(p).is_file() {
                    files.insert(p.clone());
                } else {
                    files.remove(p);
                }
            }
            Some(files.into_iter().collect::<Vec<_>>())
        }
        _ => None,
    };
    let files: Vec<PathBuf> = known.unwrap_or_else(|| {
        let mut found = Vec::new();
        if root.join(CONTENT_DIR).exists() {
            walk_files(&root.join(CONTENT_DIR), &mut found, diags, root);
        }
        found.iter().map(|p| PathBuf::from(rel_string(root, p))).filter(|p| is_page(p)).collect()
    });
    let untouched = |rel: &Path| changed.is_some_and(|c| !c.iter().any(|p| p == rel));
    let parsed: Vec<Result<Parsed, Diagnostic>> = files
        .par_iter()
        .map(|rel| {
            if *rel == intro_path && untouched(rel) {
                if let Some(intro) = &cache.intro {
                    return Ok(Parsed::Intro(intro.clone()));
                }
            }
            if untouched(rel) && cache.pages.contains_key(rel) {
                return Ok(Parsed::Source(Read::Cached(rel.clone())));
            }
            let bytes = match fs::read(root.join(rel)) {
                Ok(b) => b,
                // Deleted since the folder was listed: simply gone.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Parsed::Gone),
                Err(e) => return Err(Diagnostic::error(rel, format!("cannot read page: {e}"))),
            };
            let hash = blake3::hash(&bytes);
            if cache.pages.get(rel).is_some_and(|c| c.hash == hash) {
                return Ok(Parsed::Source(Read::Cached(rel.clone())));
            }
            let text = String::from_utf8(bytes).map_err(|e| {
                let at = e.utf8_error().valid_up_to();
                let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
                Diagnostic::error(rel, "page is not valid UTF-8").at(&lossy, at).with_hint("save the page as UTF-8")
            })?;
            if *rel == intro_path {
                Intro::parse(rel, &text).map(Parsed::Intro)
            } else {
                Page::parse(rel, text).map(|p| Parsed::Source(Read::Fresh(Box::new(p), hash)))
            }
        })
        .collect();
    cache.files = Some(files);
    let mut pages = Vec::new();
    let mut intro = None;
    for result in parsed {
        match result {
            Ok(Parsed::Intro(i)) => intro = Some(i),
            Ok(Parsed::Source(p)) => pages.push(p),
            Ok(Parsed::Gone) => {}
            Err(d) => diags.push(d),
        }
    }
    cache.intro = intro.clone();
    (pages, intro)
}

fn load_theme(root: &Path, name: &str, diags: &mut Vec<Diagnostic>) -> ThemeFiles {
    let dir = root.join(THEMES_DIR).join(name);
    if !dir.exists() {
        if name != "default" {
            diags.push(
                Diagnostic::error(config::FILE_NAME, format!("theme `{name}` not found in {THEMES_DIR}/"))
                    .with_hint("set site.theme to a folder under themes/, or remove it to use the default theme"),
            );
        }
        return render::default_theme();
    }
    // A site's theme folder overrides the built-in theme file by file.
    let mut theme = render::default_theme();
    let mut files = Vec::new();
    walk_files(&dir, &mut files, diags, root);
    for path in files {
        let rel = path.strip_prefix(&dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        let display = rel_string(root, &path);
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                diags.push(Diagnostic::error(&display, format!("cannot read theme file: {e}")));
                continue;
            }
        };
        if let Some(name) = rel.strip_prefix("templates/") {
            match String::from_utf8(bytes) {
                Ok(t) => {
                    theme.templates.retain(|(n, _)| n != name);
                    theme.templates.push((name.to_owned(), t));
                }
                Err(_) => diags.push(Diagnostic::error(&display, "template is not valid UTF-8")),
            }
        } else if let Some(lang) = rel.strip_prefix("i18n/").and_then(|n| n.strip_suffix(".toml")) {
            match String::from_utf8(bytes) {
                Ok(t) => {
                    theme.i18n.retain(|(l, _)| l != lang);
                    theme.i18n.push((lang.to_owned(), t));
                }
                Err(_) => diags.push(Diagnostic::error(&display, "interface strings are not valid UTF-8")),
            }
        } else if let Some(name) = rel.strip_prefix("static/") {
            theme.statics.retain(|(n, _)| n != name);
            theme.statics.push((name.to_owned(), bytes));
        }
    }
    theme
}

/// Files under `dir`, recursively, sorted, skipping hidden entries.
pub fn walk_files(dir: &Path, out: &mut Vec<PathBuf>, diags: &mut Vec<Diagnostic>, root: &Path) {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            diags.push(Diagnostic::error(rel_string(root, dir), format!("cannot read folder: {e}")));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk_files(&path, out, diags, root);
        } else {
            out.push(path);
        }
    }
}

/// `path` relative to `root`, `/`-separated.
pub fn rel_string(root: &Path, path: &Path) -> String {
    diag::rel(root, path).to_string_lossy().replace('\\', "/")
}

fn create_page(root: &Path, page: &ingest::NewPage) -> anyhow::Result<()> {
    let path = root.join(&page.path);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    // create_new: an existing page is the editor's and is never overwritten.
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    std::io::Write::write_all(&mut file, page.text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Refuses output folders whose replacement would destroy the briefing.
fn check_output_dir(root: &Path, output: &Path) -> anyhow::Result<()> {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (root, output) = (abs(root), abs(output));
    let normal = |p: &Path| p.components().filter(|c| !matches!(c, Component::CurDir)).collect::<PathBuf>();
    let (root, output) = (normal(&root), normal(&output));
    if root.starts_with(&output) {
        bail!(
            "the output folder {} contains the briefing itself; choose a folder of its own, e.g. public/",
            output.display()
        );
    }
    for dir in [CONTENT_DIR, ingest::SEEDS_DIR, THEMES_DIR] {
        let protected = root.join(dir);
        if output.starts_with(&protected) {
            bail!("the output folder {} is inside {}; choose another", output.display(), protected.display());
        }
    }
    Ok(())
}

/// A folder beside the output where a build is written, then swapped into
/// place in one rename, so the output folder always holds a complete build.
pub struct Staging {
    output: PathBuf,
    dir: PathBuf,
    old: PathBuf,
}

impl Staging {
    pub fn new(output: &Path) -> anyhow::Result<Staging> {
        let parent = output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let name = output.file_name().context("the output folder needs a name")?.to_string_lossy();
        let staging = Staging {
            output: output.to_path_buf(),
            dir: parent.join(format!(".{name}.staging")),
            old: parent.join(format!(".{name}.old")),
        };
        for leftover in [&staging.dir, &staging.old] {
            if leftover.exists() {
                remove_tree(leftover).with_context(|| format!("cannot remove {}", leftover.display()))?;
            }
        }
        fs::create_dir_all(&staging.dir).with_context(|| format!("cannot create {}", staging.dir.display()))?;
        Ok(staging)
    }

    /// Writes one file; `rel` must stay inside the folder.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let relative = Path::new(rel);
        if !relative.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(Diagnostic::error(rel, "refusing to write outside the output folder"));
        }
        let path = self.dir.join(relative);
        let io = |e: std::io::Error| Diagnostic::error(path.display().to_string(), format!("cannot write: {e}"));
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(io)?;
        }
        if self.link_unchanged(relative, &path, bytes) {
            return Ok(());
        }
        fs::write(&path, bytes).map_err(io)
    }

    /// A file the previous build already has byte for byte becomes a hard
    /// link to it: no data written now, none freed when the previous build
    /// is removed. Any doubt (no such file, another size, no hard links on
    /// this file system) means `false`, and the caller writes the file.
    fn link_unchanged(&self, relative: &Path, path: &Path, bytes: &[u8]) -> bool {
        let previous = self.output.join(relative);
        let same_size = fs::symlink_metadata(&previous).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64);
        same_size && same_content(&previous, bytes) && fs::hard_link(&previous, path).is_ok()
    }

    /// Swaps the staged build into place and removes the previous one.
    pub fn commit(self) -> anyhow::Result<()> {
        let output = &self.output;
        if output.exists() {
            fs::rename(output, &self.old)
                .with_context(|| format!("cannot move the previous build {} aside", output.display()))?;
        }
        if let Err(e) = fs::rename(&self.dir, output) {
            // Put the previous build back: the output must never be left half-made.
            let _ = fs::rename(&self.old, output);
            return Err(e).with_context(|| format!("cannot move the new build into {}", output.display()));
        }
        if self.old.exists() {
            remove_tree(&self.old).with_context(|| format!("cannot remove {}", self.old.display()))?;
        }
        Ok(())
    }

    /// Drops the staged files; the output folder is untouched.
    pub fn discard(self) {
        let _ = remove_tree(&self.dir);
    }
}

/// Whether the file holds exactly `bytes`, read in chunks: the largest
/// exports are over 100 MB at 10,000 sources.
fn same_content(file: &Path, mut bytes: &[u8]) -> bool {
    use std::io::Read;
    let Ok(mut f) = fs::File::open(file) else { return false };
    let mut chunk = vec![0; 1 << 16];
    loop {
        match f.read(&mut chunk) {
            Ok(0) => return bytes.is_empty(),
            Ok(n) if n <= bytes.len() && chunk[..n] == bytes[..n] => bytes = &bytes[n..],
            Ok(_) => return false,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
}

/// `remove_dir_all`, with the top-level folders removed in parallel.
fn remove_tree(dir: &Path) -> std::io::Result<()> {
    let entries: Vec<PathBuf> = fs::read_dir(dir)?.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.par_iter().try_for_each(|p| if p.is_dir() { remove_subtree(p) } else { fs::remove_file(p) })?;
    fs::remove_dir(dir)
}

fn remove_subtree(dir: &Path) -> std::io::Result<()> {
    let entries: Vec<PathBuf> = fs::read_dir(dir)?.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.par_iter().try_for_each(|p| if p.is_dir() { fs::remove_dir_all(p) } else { fs::remove_file(p) })?;
    fs::remove_dir(dir)
}
