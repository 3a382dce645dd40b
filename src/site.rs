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
pub mod cache;
pub mod output;
pub mod refresh;
pub mod session;

use anyhow::{bail, Context as _};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const CONTENT_DIR: &str = "content";
pub const THEMES_DIR: &str = "themes";
/// The briefing's introduction (`content/_index.md`), shown on the index page.
pub const INTRO_PAGE: &str = "_index.md";

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Defaults to `root/public`.
    pub output: Option<PathBuf>,
    /// Overrides the config's `base_url` (already checked with
    /// `config::base_url`).
    pub base_url: Option<String>,
    /// Links end in `index.html`, whatever the config says.
    pub index_links: bool,
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
    /// Nothing changed since the last build, whose output stands: the
    /// build cache answered and nothing was done.
    pub cached: bool,
    /// How long each stage took, in order, with the resident memory (KiB)
    /// after it where the platform tells.
    pub timings: Vec<(&'static str, std::time::Duration, Option<u64>)>,
    /// Content pages annotated by this build; the others kept the
    /// annotation the last build stored, their text being unchanged.
    pub annotated: usize,
}

/// Everything a build reads, loaded and checked; nothing written yet.
pub struct Loaded {
    pub config: Arc<Config>,
    /// In slug order.
    pub pages: Vec<Arc<Annotated>>,
    pub intro: Option<Intro>,
    /// Content pages ingest made from new seeds, relative to the root:
    /// created from their text in `pages` once the build is written.
    pub new_pages: Vec<PathBuf>,
    pub theme: ThemeFiles,
}

impl Loaded {
    pub fn page_refs(&self) -> Vec<&Annotated> {
        self.pages.iter().map(Arc::as_ref).collect()
    }

    /// The text of the page at `path` (one of `new_pages`): found by its
    /// slug and path, the order `pages` is in.
    fn new_page_text(&self, path: &Path) -> Option<&str> {
        let slug = crate::page::slug_of(path);
        let key = (slug.as_str(), path);
        let at = self.pages.binary_search_by(|a| (a.page.slug.as_str(), a.page.path.as_path()).cmp(&key)).ok()?;
        Some(&self.pages[at].page.text)
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
            theme_name: self.config.site.theme(),
            bodies: None,
            base_url: self.config.site.base_url(),
            index_links: self.config.site.index_links,
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
    /// Annotations of the last build from the build cache, taken by the
    /// pages whose text they were made from (`build` only).
    stored: HashMap<PathBuf, cache::StoredPage<'static>>,
    /// Pages the last load annotated (the others were cached or stored).
    annotated: usize,
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
            diags.extend(ingest::read_seeds(root, &Default::default()).1);
            return None;
        }
    };
    let theme = load_theme(root, &config, diags);
    outlet_warnings(root, &config, diags);
    let (reads, intro, broken) = read_pages(root, diags, cache, changed);
    // A page whose front matter is wrong still has its body checked.
    for page in broken {
        diags.extend(annotate::annotate(page, &config).1);
    }
    let seeds_changed = changed.is_none_or(|c| c.iter().any(|p| p.starts_with(ingest::SEEDS_DIR)));
    let (seeds, seed_diags) = match &cache.seeds {
        Some((seeds, d)) if !seeds_changed => (seeds.clone(), d.clone()),
        _ => {
            let (seeds, d) = ingest::read_seeds(root, &config.limits);
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
    // The page takes the new page's text (not a copy); the file is created
    // from it (`Loaded::new_page_text`). A new page that does not parse is
    // an error, and nothing is created then.
    let mut new_paths = Vec::with_capacity(new_pages.len());
    for new in new_pages {
        let hash = blake3::hash(new.text.as_bytes());
        match Page::parse(&new.path, new.text) {
            Ok(p) => fresh.push((p, hash)),
            Err(d) => diags.push(d),
        }
        new_paths.push(new.path);
    }

    // Each page takes its stored annotation if it was made from its text;
    // the rest of the store is dropped before annotating.
    let mut stored = std::mem::take(&mut cache.stored);
    let fresh: Vec<_> = fresh
        .into_iter()
        .map(|(page, hash)| {
            let kept = stored.remove(&page.path).filter(|k| k.is_of(&hash));
            (page, hash, kept)
        })
        .collect();
    drop(stored);
    let annotated: Vec<(CachedPage, PathBuf, bool)> = fresh
        .into_par_iter()
        .map(|(page, hash, kept)| {
            let path = page.path.clone();
            let afresh = kept.is_none();
            let (a, d) = match kept {
                Some(kept) => kept.restore(page),
                None => annotate::annotate(page, &config),
            };
            (CachedPage { hash, annotated: Arc::new(a), diagnostics: d }, path, afresh)
        })
        .collect();
    cache.annotated = annotated.iter().filter(|(_, _, afresh)| *afresh).count();
    for (entry, path, _) in annotated {
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
    Some(Loaded { config, pages, intro, new_pages: new_paths, theme })
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
        if outlet.notes.is_empty() && outlet.in_config {
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
            // Rendering catches template errors; of the output, only the
            // links and anchors are kept, to check them.
            let links = render::linkcheck::Links::default();
            match render::render_site(&inputs, &|path, bytes| {
                links.record(path, bytes);
                Ok(())
            }) {
                Ok(_) => diags.extend(links.problems("public")),
                Err(d) => diags.extend(d),
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
    crate::fsx::replace(&path, new_text.as_bytes()).with_context(|| format!("cannot update {}", path.display()))
}

/// Builds the site. Content problems come back in the report; `Err` means
/// the build could not write its output.
pub fn build(opts: &BuildOptions) -> anyhow::Result<BuildReport> {
    let root = &opts.root;
    require_config(root)?;
    let output = output::checked(root, &opts.output.clone().unwrap_or_else(|| root.join("public")))?;
    let mut report = BuildReport::default();
    let mut clock = std::time::Instant::now();
    let mut lap = |report: &mut BuildReport, stage: &'static str| {
        report.timings.push((stage, clock.elapsed(), resident_kib()));
        clock = std::time::Instant::now();
    };
    // Same inputs as the last build, whose output is still as it left it:
    // nothing to do (see `cache`).
    let options = format!("{}\0{:?}\0{}", output.display(), opts.base_url, opts.index_links);
    let key_before = cache::key(root, &options);
    if let Some(hit) = key_before.as_ref().and_then(|key| cache::lookup(root, &output, key)) {
        report.diagnostics = hit.diagnostics;
        report.sources = hit.sources;
        report.files = hit.files;
        report.written = true;
        report.cached = true;
        lap(&mut report, "compare with the last build");
        return Ok(report);
    }
    // Pages whose text is as at the last build keep their annotation.
    let annotation_key = cache::annotation_key(root);
    let stored = annotation_key.as_ref().map(|key| cache::load_annotations(root, key)).unwrap_or_default();
    let mut pages_cache = PageCache { stored, ..PageCache::default() };
    let loaded = load(root, &mut report.diagnostics, &mut pages_cache);
    // The annotations are stored for the next build while this one goes
    // on; joined before `build` returns, whichever way it returns.
    let _stored = JoinOnDrop(loaded.as_ref().and(annotation_key).map(|key| {
        let entries: Vec<(PathBuf, blake3::Hash, Arc<Annotated>, Vec<Diagnostic>)> = pages_cache
            .pages
            .iter()
            .map(|(path, p)| (path.clone(), p.hash, p.annotated.clone(), p.diagnostics.clone()))
            .collect();
        let root = root.clone();
        std::thread::spawn(move || {
            cache::store_annotations(&root, key, entries.iter().map(|(p, h, a, d)| (p.as_path(), h, &**a, &d[..])))
        })
    }));
    report.annotated = pages_cache.annotated;
    drop(pages_cache);
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
    let mut inputs = loaded.inputs(&pages, Some(&comparison));
    if opts.base_url.is_some() {
        inputs.base_url = opts.base_url.clone();
    }
    inputs.index_links |= opts.index_links;
    let staging = output::Staging::new(&output)?;
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
        create_page(root, &loaded, new)?;
        report.created.push(new.clone());
    }
    for warning in staging.commit()? {
        report.diagnostics.push(Diagnostic::warning(rel_string(root, &output), warning));
    }
    lap(&mut report, "swap into place");
    report.sources = loaded.pages.len();
    report.files = files;
    report.written = true;
    let report = finish(report)?;
    // Content pages the build created are inputs of the next one: hash
    // again only then.
    let key = if report.created.is_empty() { key_before } else { cache::key(root, &options) };
    if let Some(key) = key {
        cache::store(root, &output, &key, report.sources, report.files, &report.diagnostics);
    }
    Ok(report)
}

/// A thread joined when this is dropped.
struct JoinOnDrop(Option<std::thread::JoinHandle<()>>);

impl Drop for JoinOnDrop {
    fn drop(&mut self) {
        if let Some(handle) = self.0.take() {
            let _ = handle.join();
        }
    }
}

enum Parsed {
    Source(Read),
    Intro(Intro),
    /// A page whose front matter is wrong: its error, and the page with a
    /// placeholder front matter so its body is still checked.
    Broken(Diagnostic, Box<Page>),
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
) -> (Vec<Read>, Option<Intro>, Vec<Page>) {
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
                match Page::parse(rel, text.clone()) {
                    Ok(p) => Ok(Parsed::Source(Read::Fresh(Box::new(p), hash))),
                    Err(d) => match Page::with_placeholder_front(rel, text) {
                        Some(p) => Ok(Parsed::Broken(d, Box::new(p))),
                        None => Err(d),
                    },
                }
            }
        })
        .collect();
    cache.files = Some(files);
    let mut pages = Vec::new();
    let mut intro = None;
    let mut broken = Vec::new();
    for result in parsed {
        match result {
            Ok(Parsed::Intro(i)) => intro = Some(i),
            Ok(Parsed::Source(p)) => pages.push(p),
            Ok(Parsed::Broken(d, page)) => {
                diags.push(d);
                broken.push(*page);
            }
            Ok(Parsed::Gone) => {}
            Err(d) => diags.push(d),
        }
    }
    cache.intro = intro.clone();
    (pages, intro, broken)
}

fn load_theme(root: &Path, config: &Config, diags: &mut Vec<Diagnostic>) -> ThemeFiles {
    let name = config.site.theme();
    let dir = root.join(THEMES_DIR).join(name);
    let theme = if dir.is_dir() { read_theme(root, &dir, diags) } else { render::default_theme() };
    if !dir.is_dir() && name != "default" && config::is_id(name) {
        diags.push(
            Diagnostic::error(config::FILE_NAME, format!("theme `{name}` not found in {THEMES_DIR}/"))
                .at(&config.source, config.site.theme.span().start)
                .with_hint("set site.theme to a folder under themes/, or remove it to use the default theme"),
        );
    }
    let language = config.site.language();
    if language != "en" && !theme.i18n.iter().any(|(l, _)| l == language) {
        let mut available: Vec<&str> = theme.i18n.iter().map(|(l, _)| l.as_str()).collect();
        available.insert(0, "en");
        diags.push(
            Diagnostic::error(
                config::FILE_NAME,
                format!("no interface strings for language `{language}` in the theme"),
            )
            .at(&config.source, config.site.language.span().start)
            .with_hint(format!(
                "set site.language to one of {}, or add themes/{name}/i18n/{language}.toml",
                available.join(", ")
            )),
        );
    }
    theme
}

/// The built-in theme with the files of the briefing's theme folder over it.
fn read_theme(root: &Path, dir: &Path, diags: &mut Vec<Diagnostic>) -> ThemeFiles {
    // A site's theme folder overrides the built-in theme file by file.
    let mut theme = render::default_theme();
    let mut files = Vec::new();
    walk_files(dir, &mut files, diags, root);
    for path in files {
        let rel = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
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
                    theme.overridden.insert(name.to_owned());
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

/// Files under `dir` (a folder of the briefing at `root`), recursively,
/// sorted, skipping hidden entries and never leaving the briefing.
pub fn walk_files(dir: &Path, out: &mut Vec<PathBuf>, diags: &mut Vec<Diagnostic>, root: &Path) {
    out.extend(crate::fsx::Walker::new(root).files(dir, diags));
}

/// `path` relative to `root`, `/`-separated.
pub fn rel_string(root: &Path, path: &Path) -> String {
    diag::rel(root, path).to_string_lossy().replace('\\', "/")
}

/// Creates a new content page, whole or not at all, never over an existing
/// file: a page is the editor's once it exists.
fn create_page(root: &Path, loaded: &Loaded, rel: &Path) -> anyhow::Result<()> {
    let Some(text) = loaded.new_page_text(rel) else {
        bail!("{}: the new page was not read back; nothing created", rel.display());
    };
    let path = root.join(rel);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    crate::failpoint::hit("create-page");
    crate::fsx::create_new(&path, text.as_bytes()).with_context(|| format!("cannot create {}", path.display()))
}
