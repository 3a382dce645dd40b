//! Long-lived build state for `watch` and `serve`: rebuild after a change,
//! doing only the work the change calls for.
//!
//! Pages are re-read only when their file changed and re-annotated only when
//! its hash or the config changed (`PageCache`). Source pages are re-rendered
//! only when their page changed (all of them when the config or the theme
//! did); pages that aggregate sources are always re-rendered. Only files
//! whose bytes changed are written, each by an atomic rename, and files no
//! longer produced are removed. The result equals a clean build, byte for
//! byte. The first build of a session writes everything through the usual
//! staging folder.

use super::output::{self, Staging};
use super::{create_page, load_changed, require_config, Changed, PageCache};
use crate::annotate::Annotated;
use crate::diag::{self, Diagnostic};
use crate::render::{self, Scope};
use anyhow::Context as _;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Session {
    root: PathBuf,
    output: PathBuf,
    cache: PageCache,
    /// What the last good build rendered from, to tell what changed.
    last: Option<Snapshot>,
    /// Output files on disk and a hash of their bytes.
    written: BTreeMap<String, blake3::Hash>,
    bodies: Arc<render::BodyCache>,
    /// A live preview served at `/`: the config's `base_url` is left out, so
    /// that every link, the 404 page's included, resolves on the preview
    /// server.
    preview: bool,
}

struct Snapshot {
    /// Held, not just their addresses: an address compared after its value
    /// was freed could belong to a new value.
    pages: BTreeMap<String, Arc<Annotated>>,
    config: Arc<crate::config::Config>,
    theme: blake3::Hash,
}

/// What one rebuild did, for the one-line summary.
#[derive(Debug, Default)]
pub struct Rebuild {
    pub diagnostics: Vec<Diagnostic>,
    /// False when errors stopped it: nothing was written.
    pub ok: bool,
    /// Source pages rendered again (all of them on a full rebuild).
    pub rendered_sources: usize,
    pub full: bool,
    /// Files whose bytes changed, written.
    pub written: Vec<String>,
    pub removed: Vec<String>,
    /// Content pages created from new seeds.
    pub created: Vec<PathBuf>,
    /// When the edited source pages were on disk, if a first phase ran.
    pub pages_ready: Option<Duration>,
    pub elapsed: Duration,
}

impl Session {
    pub fn new(root: &Path, output: Option<PathBuf>) -> anyhow::Result<Session> {
        require_config(root)?;
        let output = output::checked(root, &output.unwrap_or_else(|| root.join("public")))?;
        Ok(Session {
            root: root.to_path_buf(),
            output,
            cache: PageCache::default(),
            last: None,
            written: BTreeMap::new(),
            bodies: Default::default(),
            preview: false,
        })
    }

    /// Builds for the live preview (see `preview`).
    pub fn preview(mut self) -> Session {
        self.preview = true;
        self
    }

    pub fn output(&self) -> &Path {
        &self.output
    }

    /// Rebuilds after a change. `changed` lists the paths that changed, when
    /// known, so that nothing else is read again. `announce` receives the
    /// output files written, as soon as they are on disk: first the edited
    /// source pages, then the pages that aggregate all sources.
    pub fn rebuild(&mut self, changed: Changed, announce: &mut dyn FnMut(&[String])) -> anyhow::Result<Rebuild> {
        let started = Instant::now();
        let mut report = Rebuild::default();
        let hinted = if self.last.is_some() { changed } else { None };
        let loaded = load_changed(&self.root, &mut report.diagnostics, &mut self.cache, hinted);
        diag::sort(&mut report.diagnostics);
        let Some(loaded) = loaded else { return Ok(finish(report, started)) };
        if diag::has_errors(&report.diagnostics) {
            return Ok(finish(report, started));
        }
        let pages = loaded.page_refs();
        let bodies = self.bodies.clone();
        if self.last.as_ref().is_some_and(|last| !Arc::ptr_eq(&last.config, &loaded.config)) {
            bodies.lock().expect("no panics while held").clear();
        }
        let mut inputs = render::Inputs { bodies: Some(&bodies), ..loaded.inputs(&pages, None) };
        if self.preview {
            inputs.base_url = None;
        }
        let theme_hash = hash_theme(&loaded.theme);
        let snapshot = Snapshot {
            pages: loaded.pages.iter().map(|a| (a.page.slug.clone(), a.clone())).collect(),
            config: loaded.config.clone(),
            theme: theme_hash,
        };
        // Source pages to render: those whose page changed, unless the config
        // or the theme changed, which can change every page.
        let changed: Option<BTreeSet<String>> = match &self.last {
            Some(last) if Arc::ptr_eq(&last.config, &loaded.config) && last.theme == theme_hash => Some(
                snapshot
                    .pages
                    .iter()
                    .filter(|(slug, a)| last.pages.get(*slug).is_none_or(|old| !Arc::ptr_eq(old, a)))
                    .map(|(slug, _)| slug.clone())
                    .collect(),
            ),
            _ => None,
        };
        report.full = changed.is_none();
        report.rendered_sources = changed.as_ref().map_or(pages.len(), BTreeSet::len);

        if self.last.is_none() {
            // First build of the session: the whole site, swapped in whole.
            let comparison = crate::compare::compare(&pages, &loaded.config);
            inputs.comparison = Some(&comparison);
            let staging = Staging::new(&self.output)?;
            let hashes = Mutex::new(BTreeMap::new());
            let sink = |rel: &str, bytes: &[u8]| {
                hashes.lock().expect("no panics while held").insert(rel.to_owned(), blake3::hash(bytes));
                staging.write(rel, bytes)
            };
            if let Err(d) = render::render_scope(&inputs, Scope::ALL, &sink) {
                staging.discard();
                report.diagnostics.extend(d);
                return Ok(finish(report, started));
            }
            for new in &loaded.new_pages {
                create_page(&self.root, &loaded, new)?;
                report.created.push(new.clone());
            }
            for warning in staging.commit()? {
                report.diagnostics.push(Diagnostic::warning(super::rel_string(&self.root, &self.output), warning));
            }
            self.written = hashes.into_inner().expect("no panics while held");
            report.written = self.written.keys().cloned().collect();
            announce(&report.written);
        } else {
            let collect = |into: &Mutex<BTreeMap<String, Vec<u8>>>, rel: &str, bytes: &[u8]| {
                into.lock().expect("no panics while held").insert(rel.to_owned(), bytes.to_vec());
                Ok(())
            };
            // Phase one: the edited source pages, which need no comparison,
            // on disk and announced as soon as they are rendered.
            let first = Mutex::new(BTreeMap::new());
            if let Some(changed) = changed.as_ref().filter(|c| !c.is_empty()) {
                let scope = Scope { sources: Some(changed), aggregates: false };
                if let Err(d) = render::render_scope(&inputs, scope, &|rel, bytes| collect(&first, rel, bytes)) {
                    report.diagnostics.extend(d);
                    return Ok(finish(report, started));
                }
            }
            let first = first.into_inner().expect("no panics while held");
            let written = self.write_changed(&first)?;
            if !written.is_empty() {
                report.pages_ready = Some(started.elapsed());
                announce(&written);
            }
            report.written.extend(written);

            // Phase two: everything that gathers all sources (and, after a
            // config or theme change, every source page).
            let comparison = crate::compare::compare(&pages, &loaded.config);
            inputs.comparison = Some(&comparison);
            let none = BTreeSet::new();
            let scope = Scope { sources: if changed.is_some() { Some(&none) } else { None }, aggregates: true };
            let second = Mutex::new(BTreeMap::new());
            if let Err(d) = render::render_scope(&inputs, scope, &|rel, bytes| collect(&second, rel, bytes)) {
                report.diagnostics.extend(d);
                return Ok(finish(report, started));
            }
            for new in &loaded.new_pages {
                create_page(&self.root, &loaded, new)?;
                report.created.push(new.clone());
            }
            let second = second.into_inner().expect("no panics while held");
            let mut written = self.write_changed(&second)?;
            let produced: BTreeSet<&String> = first.keys().chain(second.keys()).collect();
            let removed = self.remove_stale(&produced, changed.is_none(), &snapshot)?;
            written.extend(removed.iter().cloned());
            if !written.is_empty() {
                announce(&written);
            }
            report.written.extend(written.into_iter().filter(|w| !removed.contains(w)));
            report.removed = removed;
        }
        self.last = Some(snapshot);
        report.ok = true;
        Ok(finish(report, started))
    }

    /// Writes the files whose bytes changed; returns their paths.
    fn write_changed(&mut self, produced: &BTreeMap<String, Vec<u8>>) -> anyhow::Result<Vec<String>> {
        let mut written = Vec::new();
        for (path, bytes) in produced {
            let hash = blake3::hash(bytes);
            if self.written.get(path) == Some(&hash) {
                continue;
            }
            write_atomically(&self.output, path, bytes)?;
            self.written.insert(path.clone(), hash);
            written.push(path.clone());
        }
        Ok(written)
    }

    /// Removes the files no longer produced. After a partial render, source
    /// pages not rendered again are still current if their source exists.
    fn remove_stale(
        &mut self,
        produced: &BTreeSet<&String>,
        full: bool,
        snapshot: &Snapshot,
    ) -> anyhow::Result<Vec<String>> {
        let stale: Vec<String> = self
            .written
            .keys()
            .filter(|path| !produced.contains(path))
            .filter(|path| full || !render::is_source_page(path) || !snapshot.pages.contains_key(slug_of_output(path)))
            .cloned()
            .collect();
        for path in &stale {
            let file = self.output.join(path);
            match fs::remove_file(&file) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e).with_context(|| format!("cannot remove {}", file.display())),
            }
            remove_empty_parents(&self.output, &file);
            self.written.remove(path);
        }
        Ok(stale)
    }
}

fn finish(mut report: Rebuild, started: Instant) -> Rebuild {
    report.elapsed = started.elapsed();
    report
}

/// `sources/<slug>/index.html` -> `<slug>`.
fn slug_of_output(path: &str) -> &str {
    path.trim_start_matches("sources/").split('/').next().unwrap_or("")
}

fn hash_theme(theme: &render::ThemeFiles) -> blake3::Hash {
    let mut h = blake3::Hasher::new();
    for (name, text) in &theme.templates {
        h.update(name.as_bytes()).update(&[0]).update(text.as_bytes()).update(&[0]);
    }
    for (name, bytes) in &theme.statics {
        h.update(name.as_bytes()).update(&[0]).update(bytes).update(&[0]);
    }
    h.finalize()
}

/// Writes `rel` under `dir` through a temporary file and a rename, so a
/// reader never sees half a file.
fn write_atomically(dir: &Path, rel: &str, bytes: &[u8]) -> anyhow::Result<()> {
    let relative = Path::new(rel);
    anyhow::ensure!(
        relative.components().all(|c| matches!(c, std::path::Component::Normal(_))),
        "refusing to write {rel} outside the output folder"
    );
    let path = dir.join(relative);
    let parent = path.parent().unwrap_or(dir);
    fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    crate::fsx::replace(&path, bytes).with_context(|| format!("cannot write {}", path.display()))
}

/// Removes the folders a removed page leaves empty, up to the output folder.
fn remove_empty_parents(root: &Path, file: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == root || fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}
