//! The build cache: a build whose inputs are those of the last build, byte
//! for byte, and whose output is still as that build left it, is not done
//! again. `public/` then already is what a clean build would write.
//!
//! The key hashes every input: the executable itself (a cache is never
//! trusted across builds of the program), the build's options, config.toml
//! and every file under `seeds/`, `content/` and `themes/`. The output is
//! checked by the size and modification time of every file in it, so a
//! file changed, added or removed there makes the next build a full one.
//! The cache is one small file, `.parallax-cache/build.json` in the
//! briefing's folder, written through a temporary file and a rename; it is
//! safe to delete.
//!
//! Beside it, `.parallax-cache/annotations.bin` (postcard) keeps each content page's
//! annotation as the last build made it, keyed by the page's path and the
//! hash of its text, and valid only for the same executable and the same
//! config.toml (annotation reads nothing else): a build after an edit
//! annotates the edited pages only. Also safe to delete.

use crate::annotate::{self, Annotated};
use crate::diag::{Diagnostic, Position, Severity};
use crate::page::Page;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub const DIR: &str = ".parallax-cache";
const FILE: &str = "build.json";
const ANNOTATIONS: &str = "annotations.bin";

#[derive(Serialize, Deserialize, PartialEq)]
struct Stored {
    /// The executable this cache was written by, and its hash: hashing a
    /// debug build of it each time would cost more than the check saves.
    #[serde(default)]
    exe: Option<(String, u64, u128, String)>,
    key: String,
    output_path: String,
    output: String,
    sources: usize,
    files: usize,
    diagnostics: Vec<StoredDiagnostic>,
}

#[derive(Serialize, Deserialize, PartialEq)]
struct StoredDiagnostic {
    error: bool,
    file: PathBuf,
    position: Option<(usize, usize)>,
    message: String,
    source_line: Option<String>,
    caret: usize,
    hint: Option<String>,
}

impl StoredDiagnostic {
    fn of(d: &Diagnostic) -> Self {
        StoredDiagnostic {
            error: d.is_error(),
            file: d.file.clone(),
            position: d.position.map(|p| (p.line, p.col)),
            message: d.message.clone(),
            source_line: d.source_line.clone(),
            caret: d.caret,
            hint: d.hint.clone(),
        }
    }

    fn restore(self) -> Diagnostic {
        Diagnostic {
            severity: if self.error { Severity::Error } else { Severity::Warning },
            file: self.file,
            position: self.position.map(|(line, col)| Position { line, col }),
            message: self.message,
            source_line: self.source_line,
            caret: self.caret,
            hint: self.hint,
        }
    }
}

/// A content page's annotation as a build made it: everything
/// `annotate::annotate` returns but the page, which is read again.
/// Written borrowing the build's annotation, read back owned.
#[derive(Serialize, Deserialize)]
pub struct StoredPage<'a> {
    /// The hash of the page's text (hex).
    hash: String,
    plain: Cow<'a, str>,
    tags: Cow<'a, [annotate::ResolvedTag]>,
    notes: Cow<'a, [annotate::Note]>,
    quotes: Cow<'a, [annotate::Quote]>,
    figures: Cow<'a, [annotate::figures::Figure]>,
    citations: Cow<'a, [annotate::sourcing::Citation]>,
    descriptors: Cow<'a, [annotate::descriptors::Descriptor]>,
    dates: Cow<'a, [annotate::dates::DateMention]>,
    actors: Cow<'a, [annotate::actors::Actor]>,
    diagnostics: Vec<StoredDiagnostic>,
}

impl<'a> StoredPage<'a> {
    fn of(hash: &blake3::Hash, a: &'a Annotated, diagnostics: &[Diagnostic]) -> Self {
        StoredPage {
            hash: hash.to_hex().to_string(),
            plain: Cow::Borrowed(&a.plain),
            tags: Cow::Borrowed(&a.tags),
            notes: Cow::Borrowed(&a.notes),
            quotes: Cow::Borrowed(&a.quotes),
            figures: Cow::Borrowed(&a.figures),
            citations: Cow::Borrowed(&a.citations),
            descriptors: Cow::Borrowed(&a.descriptors),
            dates: Cow::Borrowed(&a.dates),
            actors: Cow::Borrowed(&a.actors),
            diagnostics: diagnostics.iter().map(StoredDiagnostic::of).collect(),
        }
    }

    /// Whether this is the annotation of a page whose text hashes to `hash`.
    pub fn is_of(&self, hash: &blake3::Hash) -> bool {
        self.hash == hash.to_hex().as_str()
    }

    /// The annotation of `page`, the page it was made from ([`Self::is_of`]).
    pub fn restore(self, page: Page) -> (Annotated, Vec<Diagnostic>) {
        let annotated = Annotated {
            page,
            plain: self.plain.into_owned(),
            tags: self.tags.into_owned(),
            notes: self.notes.into_owned(),
            quotes: self.quotes.into_owned(),
            figures: self.figures.into_owned(),
            citations: self.citations.into_owned(),
            descriptors: self.descriptors.into_owned(),
            dates: self.dates.into_owned(),
            actors: self.actors.into_owned(),
        };
        (annotated, self.diagnostics.into_iter().map(StoredDiagnostic::restore).collect())
    }
}

/// The file: a format version, the executable's hash and config.toml's
/// (both as when stored), then the pages by path. Postcard has no field
/// names: a change to any stored type changes the version.
#[derive(Serialize, Deserialize)]
struct StoredAnnotations<'a> {
    version: u32,
    key: AnnotationKey,
    pages: Vec<(Cow<'a, Path>, StoredPage<'a>)>,
}

const ANNOTATIONS_VERSION: u32 = 1;

/// What annotations depend on besides each page: the executable's hash and
/// config.toml's.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct AnnotationKey {
    exe: String,
    config: String,
}

/// The key of annotations made now; `None` when the executable or the
/// config cannot be read (then nothing is stored or reused).
pub fn annotation_key(root: &Path) -> Option<AnnotationKey> {
    let config = std::fs::read(root.join(crate::config::FILE_NAME)).ok()?;
    Some(AnnotationKey { exe: exe_hash(root)?.3, config: blake3::hash(&config).to_hex().to_string() })
}

/// The annotations of the last build, by page path, if they were made
/// under `key`; else none.
pub fn load_annotations(root: &Path, key: &AnnotationKey) -> HashMap<PathBuf, StoredPage<'static>> {
    let read = || -> Option<HashMap<PathBuf, StoredPage<'static>>> {
        let bytes = std::fs::read(root.join(DIR).join(ANNOTATIONS)).ok()?;
        let stored: StoredAnnotations = postcard::from_bytes(&bytes).ok()?;
        let valid = stored.version == ANNOTATIONS_VERSION && stored.key == *key;
        valid.then(|| stored.pages.into_iter().map(|(path, page)| (path.into_owned(), page)).collect())
    };
    read().unwrap_or_default()
}

/// Records the annotations of a build. Failing to record is no error: the
/// next build annotates every page.
pub fn store_annotations<'a>(
    root: &Path,
    key: AnnotationKey,
    pages: impl Iterator<Item = (&'a Path, &'a blake3::Hash, &'a Annotated, &'a [Diagnostic])>,
) {
    let mut pages: Vec<(Cow<Path>, StoredPage)> =
        pages.map(|(path, hash, a, d)| (Cow::Borrowed(path), StoredPage::of(hash, a, d))).collect();
    pages.sort_by(|a, b| a.0.cmp(&b.0));
    let stored = StoredAnnotations { version: ANNOTATIONS_VERSION, key, pages };
    let dir = root.join(DIR);
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    // Streamed to the file: at 100,000 sources the store is over 500 MB.
    let _ = crate::fsx::replace_with(&dir.join(ANNOTATIONS), |out| {
        postcard::to_io(&stored, out).map(|_| ()).map_err(std::io::Error::other)
    });
}

/// What a skipped build reports: the last build's counts and warnings.
pub struct Hit {
    pub sources: usize,
    pub files: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// Every input of a build, hashed; `None` when one cannot be read (then
/// the build runs and reports it).
pub fn key(root: &Path, options: &str) -> Option<blake3::Hash> {
    let mut hasher = blake3::Hasher::new();
    hasher.update(exe_hash(root)?.3.as_bytes());
    hasher.update(options.as_bytes());
    hasher.update(b"\0config\0");
    hasher.update(&std::fs::read(root.join(crate::config::FILE_NAME)).ok()?);
    for dir in [crate::ingest::SEEDS_DIR, super::CONTENT_DIR, super::THEMES_DIR] {
        let mut files = Vec::new();
        walk(&root.join(dir), &mut files).ok()?;
        files.sort();
        // Each file hashed on its own, in parallel; their names and hashes
        // then in order.
        use rayon::prelude::*;
        let hashes: Vec<Option<blake3::Hash>> =
            files.par_iter().map(|file| std::fs::read(file).ok().map(|bytes| blake3::hash(&bytes))).collect();
        for (file, hash) in files.iter().zip(hashes) {
            hasher.update(b"\0file\0");
            hasher.update(file.strip_prefix(root).unwrap_or(file).to_string_lossy().as_bytes());
            hasher.update(b"\0");
            hasher.update(hash?.as_bytes());
        }
    }
    Some(hasher.finalize())
}

/// The running executable: its path, size, modification time and hash,
/// the hash taken from the cache when the first three match it.
fn exe_hash(root: &Path) -> Option<(String, u64, u128, String)> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(&exe).ok()?;
    let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?.as_nanos();
    let path = exe.to_string_lossy().into_owned();
    let stored = read(root).and_then(|s| s.exe);
    if let Some(known) = stored.filter(|(p, len, time, _)| *p == path && *len == meta.len() && *time == modified) {
        return Some(known);
    }
    // Mapped and hashed on every thread: no copy of the whole executable.
    let hash = blake3::Hasher::new().update_mmap_rayon(&exe).ok()?.finalize().to_hex().to_string();
    Some((path, meta.len(), modified, hash))
}

fn read(root: &Path) -> Option<Stored> {
    serde_json::from_str(&std::fs::read_to_string(root.join(DIR).join(FILE)).ok()?).ok()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&entry.path(), out)?;
        } else {
            out.push(entry.path());
        }
    }
    Ok(())
}

/// The output as it stands: every file's path, size and modification time.
fn output_state(output: &Path) -> Option<blake3::Hash> {
    let mut files = Vec::new();
    walk(output, &mut files).ok()?;
    if files.is_empty() {
        return None;
    }
    files.sort();
    let mut hasher = blake3::Hasher::new();
    for file in files {
        let meta = std::fs::symlink_metadata(&file).ok()?;
        let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
        hasher.update(file.strip_prefix(output).unwrap_or(&file).to_string_lossy().as_bytes());
        hasher.update(&meta.len().to_le_bytes());
        hasher.update(&modified.as_nanos().to_le_bytes());
    }
    Some(hasher.finalize())
}

/// The last build, when `key` is its key and `output` is as it left it.
pub fn lookup(root: &Path, output: &Path, key: &blake3::Hash) -> Option<Hit> {
    let stored = read(root)?;
    if stored.key != key.to_hex().as_str() || stored.output_path != output.to_string_lossy() {
        return None;
    }
    if stored.output != output_state(output)?.to_hex().as_str() {
        return None;
    }
    let diagnostics = stored.diagnostics.into_iter().map(StoredDiagnostic::restore).collect();
    Some(Hit { sources: stored.sources, files: stored.files, diagnostics })
}

/// Records a build that wrote `output`. Failing to record is no error: the
/// next build is a full one.
pub fn store(root: &Path, output: &Path, key: &blake3::Hash, sources: usize, files: usize, diags: &[Diagnostic]) {
    let Some(state) = output_state(output) else { return };
    let stored = Stored {
        exe: exe_hash(root),
        key: key.to_hex().to_string(),
        output_path: output.to_string_lossy().into_owned(),
        output: state.to_hex().to_string(),
        sources,
        files,
        diagnostics: diags.iter().map(StoredDiagnostic::of).collect(),
    };
    let dir = root.join(DIR);
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let Ok(json) = serde_json::to_vec(&stored) else { return };
    let _ = crate::fsx::replace(&dir.join(FILE), &json);
}

/// Forgets the last build, so that the next one runs whole.
pub fn clear(root: &Path) {
    let _ = std::fs::remove_file(root.join(DIR).join(FILE));
}
