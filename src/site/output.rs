//! The output folder: where it really is, whether parallax may replace it,
//! and the staging folder a build is written into and swapped in from.
//!
//! parallax empties only a folder it built. Every build leaves a mark in
//! its output (`.parallax-build`, listing the top-level entries it wrote);
//! an existing folder without the mark is refused, never emptied. The path
//! is resolved (`..`, links) before any check, so no spelling of a path
//! reaches the briefing's own files. Removing a previous build never
//! follows a link, and entries of the output that parallax did not write
//! are carried over into the new build.

use crate::fsx;
use anyhow::{bail, Context as _};
use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// The mark of a parallax build, at the top of its output folder.
pub const MARK: &str = ".parallax-build";
const MARK_HEADER: &str = "# parallax build output. Every build replaces this folder; parallax\n\
     # empties only folders holding this file, and keeps entries it did not\n\
     # write (those not listed below) in the next build.\n";

/// Top-level entries of the output that parallax 0.1 wrote, before builds
/// were marked: an unmarked folder holding only these is a previous build.
const UNMARKED_BUILD_ENTRIES: &[&str] =
    &["index.html", "style.css", "report", "sources", "claims", "outlets", "report.json", "annotations.jsonld"];

/// Folders and files of a briefing an output folder may never be or be in.
const PROTECTED: &[&str] = &["config.toml", "seeds", "content", "themes", ".git", ".parallax"];

/// `path` made absolute, with `..` and every link resolved, as far as it
/// exists; the part that does not exist yet is appended as written.
pub fn resolve(path: &Path) -> anyhow::Result<PathBuf> {
    let abs = std::path::absolute(path).with_context(|| format!("cannot resolve {}", path.display()))?;
    let mut out = PathBuf::new();
    let mut exists = true;
    for component in abs.components() {
        match component {
            Component::Prefix(_) | Component::RootDir => out.push(component),
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(name) => {
                out.push(name);
                if exists {
                    match fs::symlink_metadata(&out) {
                        Ok(_) => {
                            out = out.canonicalize().with_context(|| {
                                format!("{} is a link that leads nowhere; choose another output folder", out.display())
                            })?
                        }
                        Err(_) => exists = false,
                    }
                }
            }
        }
    }
    Ok(out)
}

/// The output folder for `root`, resolved and checked: never the briefing
/// nor a folder holding it, never inside its seeds, content, themes or git
/// folders or its config, and never an existing folder parallax did not
/// build. `Err` says why, and that nothing was touched.
pub fn checked(root: &Path, output: &Path) -> anyhow::Result<PathBuf> {
    let real_root = root.canonicalize().with_context(|| format!("cannot resolve {}", root.display()))?;
    let out = resolve(output)?;
    let shown = output.display();
    if real_root.starts_with(&out) {
        bail!(
            "refusing to write the site to {shown}: it is {} the briefing itself, and a build replaces its output \
             folder; choose a folder of its own, such as public/",
            if out == real_root { "the folder of" } else { "a folder that contains" }
        );
    }
    if let Ok(inside) = out.strip_prefix(&real_root) {
        if let Some(Component::Normal(first)) = inside.components().next() {
            if let Some(p) = PROTECTED.iter().find(|p| first == **p) {
                bail!(
                    "refusing to write the site to {shown}: it would replace or sit inside the briefing's `{p}`; \
                     choose a folder of its own, such as public/"
                );
            }
        }
    }
    match fs::symlink_metadata(&out) {
        Ok(meta) if !meta.is_dir() => {
            bail!("refusing to write the site to {shown}: it is a file, and the output must be a folder")
        }
        Ok(_) => match state(&out)? {
            State::Empty | State::Marked(_) | State::UnmarkedBuild => {}
            State::Foreign(entry) => bail!(
                "refusing to write the site to {shown}: the folder is not empty and was not built by parallax \
                 (it holds `{entry}`), and a build replaces its output folder; choose an empty or new folder"
            ),
        },
        Err(_) => {}
    }
    Ok(out)
}

enum State {
    Empty,
    /// A parallax build, with the top-level entries it wrote.
    Marked(BTreeSet<String>),
    /// Holds only what parallax 0.1 wrote, before builds were marked.
    UnmarkedBuild,
    /// Something else; the name of an entry that shows it.
    Foreign(String),
}

fn state(dir: &Path) -> anyhow::Result<State> {
    let entries: Vec<fs::DirEntry> = fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .collect::<Result<_, _>>()
        .with_context(|| format!("cannot read {}", dir.display()))?;
    if entries.is_empty() {
        return Ok(State::Empty);
    }
    if let Ok(mark) = fs::read_to_string(dir.join(MARK)) {
        return Ok(State::Marked(mark_entries(&mark)));
    }
    for e in &entries {
        let name = e.file_name().to_string_lossy().into_owned();
        let link = e.file_type().map(|t| t.is_symlink()).unwrap_or(true);
        if link || !UNMARKED_BUILD_ENTRIES.contains(&name.as_str()) {
            return Ok(State::Foreign(name));
        }
    }
    Ok(State::UnmarkedBuild)
}

fn mark_entries(mark: &str) -> BTreeSet<String> {
    mark.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).map(str::to_owned).collect()
}

/// A folder beside the output where a build is written, then swapped into
/// place in one rename, so the output folder always holds a complete build.
pub struct Staging {
    output: PathBuf,
    dir: PathBuf,
    old: PathBuf,
    /// Top-level entries written so far, for the mark.
    top: Mutex<BTreeSet<String>>,
}

impl Staging {
    /// `output` must come from `checked`.
    pub fn new(output: &Path) -> anyhow::Result<Staging> {
        let parent = output.parent().context("the output folder cannot be a file system's root")?;
        let name = output.file_name().context("the output folder needs a name")?.to_string_lossy();
        let staging = Staging {
            output: output.to_path_buf(),
            dir: parent.join(format!(".{name}.staging")),
            old: parent.join(format!(".{name}.old")),
            top: Mutex::new(BTreeSet::new()),
        };
        for leftover in [&staging.dir, &staging.old] {
            remove_leftover(leftover)?;
        }
        fs::create_dir_all(&staging.dir).with_context(|| format!("cannot create {}", staging.dir.display()))?;
        // Marked before anything else is written: a folder of this name
        // left by a crash is recognisably ours.
        fs::write(staging.dir.join(MARK), MARK_HEADER)
            .with_context(|| format!("cannot write {}", staging.dir.display()))?;
        Ok(staging)
    }

    /// Writes one file; `rel` must stay inside the folder.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), crate::diag::Diagnostic> {
        use crate::diag::Diagnostic;
        let relative = Path::new(rel);
        let mut components = relative.components();
        let Some(Component::Normal(first)) = components.next() else {
            return Err(Diagnostic::error(rel, "refusing to write outside the output folder"));
        };
        if first == MARK || !components.all(|c| matches!(c, Component::Normal(_))) {
            return Err(Diagnostic::error(rel, "refusing to write outside the output folder"));
        }
        self.top.lock().expect("no panics while held").insert(first.to_string_lossy().into_owned());
        let path = self.dir.join(relative);
        let io = |e: io::Error| Diagnostic::error(path.display().to_string(), format!("cannot write: {e}"));
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(io)?;
        }
        crate::failpoint::hit("render");
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
    /// Entries of the previous output that parallax did not write move into
    /// the new build. Returns warnings (a previous build that could not be
    /// removed is one: the next build retries).
    pub fn commit(self) -> anyhow::Result<Vec<String>> {
        let top = self.top.into_inner().expect("no panics while held");
        let mut mark = String::from(MARK_HEADER);
        for name in &top {
            mark.push_str(name);
            mark.push('\n');
        }
        fsx::replace(&self.dir.join(MARK), mark.as_bytes())
            .with_context(|| format!("cannot write {}", self.dir.display()))?;
        let output = &self.output;
        let previous = match fs::symlink_metadata(output) {
            Ok(_) => Some(state(output)?),
            Err(_) => None,
        };
        if let Some(State::Marked(written)) = &previous {
            carry_over(output, &self.dir, written, &top)?;
        }
        if let Some(previous) = &previous {
            if let State::Foreign(entry) = previous {
                bail!("{} changed during the build and now holds `{entry}`; it was left alone", output.display());
            }
            fs::rename(output, &self.old)
                .with_context(|| format!("cannot move the previous build {} aside", output.display()))?;
        }
        crate::failpoint::hit("swap");
        if let Err(e) = fs::rename(&self.dir, output) {
            // Put the previous build back: the output is never left half-made.
            if previous.is_some() {
                let _ = fs::rename(&self.old, output);
            }
            return Err(e).with_context(|| format!("cannot move the new build into {}", output.display()));
        }
        let mut warnings = Vec::new();
        if previous.is_some() {
            crate::failpoint::hit("cleanup");
            if let Err(e) = fsx::remove_tree(&self.old) {
                warnings.push(format!(
                    "the previous build could not be removed from {}: {e}; the next build will try again",
                    self.old.display()
                ));
            }
        }
        Ok(warnings)
    }

    /// Drops the staged files; the output folder is untouched.
    pub fn discard(self) {
        let _ = fsx::remove_tree(&self.dir);
    }
}

/// Moves the entries of the previous build that parallax did not write into
/// the new one, so a build never loses them.
fn carry_over(output: &Path, staging: &Path, written: &BTreeSet<String>, new: &BTreeSet<String>) -> anyhow::Result<()> {
    let foreign: Vec<String> = fs::read_dir(output)
        .with_context(|| format!("cannot read {}", output.display()))?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != MARK && !written.contains(n))
        .collect();
    if let Some(clash) = foreign.iter().find(|n| new.contains(*n)) {
        bail!(
            "{} holds `{clash}`, which parallax did not write and the new build now writes; move it elsewhere \
             (theme files belong in themes/<name>/static/)",
            output.display()
        );
    }
    for name in foreign {
        fs::rename(output.join(&name), staging.join(&name))
            .with_context(|| format!("cannot keep {} in the new build", output.join(&name).display()))?;
    }
    Ok(())
}

/// Removes a staging or previous-build folder left by an interrupted build,
/// only when it is recognisably one: empty, marked, or a link (removed as a
/// link).
fn remove_leftover(path: &Path) -> anyhow::Result<()> {
    let Ok(meta) = fs::symlink_metadata(path) else { return Ok(()) };
    let ours = !meta.is_dir() && meta.file_type().is_symlink()
        || meta.is_dir() && matches!(state(path)?, State::Empty | State::Marked(_));
    if !ours {
        bail!(
            "{} is in the way of the build and was not made by parallax; move it elsewhere",
            path.display()
        );
    }
    fsx::remove_tree(path).with_context(|| format!("cannot remove {}", path.display()))
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
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
}
