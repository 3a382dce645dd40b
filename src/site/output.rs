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
//!
//! A crash (a kill, a power cut) at any moment leaves the output folder
//! holding the whole previous build or the whole new one, the entries
//! parallax did not write included, and leftovers the next build
//! recognises and removes: the new build is swapped in with one atomic
//! exchange where the system has it (Linux), foreign entries are carried
//! over as links to the same files (the previous build keeps them whole
//! until the swap), and build folders are removed mark last.

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
    roll_back_interrupted_swap(&out)?;
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

/// The folder beside `output` named `.<output name>.<suffix>`.
fn beside(output: &Path, suffix: &str) -> anyhow::Result<PathBuf> {
    let parent = output.parent().context("the output folder cannot be a file system's root")?;
    let name = output.file_name().context("the output folder needs a name")?.to_string_lossy();
    Ok(parent.join(format!(".{name}.{suffix}")))
}

/// Where the system cannot exchange two folders atomically, a swap is two
/// renames, and a crash between them leaves no output folder: the previous
/// build is then beside it, under its `.old` name, with the new one still
/// staged. Put the previous build back, so the output is never lost, even
/// if this build stops on errors.
fn roll_back_interrupted_swap(output: &Path) -> anyhow::Result<()> {
    let (staging, old) = (beside(output, "staging")?, beside(output, "old")?);
    if fs::symlink_metadata(output).is_ok() || !is_dir(&staging) {
        return Ok(());
    }
    // A staging folder is committed (its mark lists what it holds) only
    // just before the swap.
    let committed = matches!(state(&staging)?, State::Marked(entries) if !entries.is_empty());
    let previous = committed && is_dir(&old) && matches!(state(&old)?, State::Marked(_) | State::UnmarkedBuild);
    if previous {
        fs::rename(&old, output)
            .with_context(|| format!("cannot put the previous build {} back in {}", old.display(), output.display()))?;
    }
    Ok(())
}

/// A folder, not a link to one.
fn is_dir(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_dir())
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
/// place in one step, so the output folder always holds a complete build.
pub struct Staging {
    output: PathBuf,
    dir: PathBuf,
    old: PathBuf,
    /// Top-level entries written so far, for the mark.
    top: Mutex<BTreeSet<String>>,
    /// How two folders are exchanged atomically; tests stand in a system
    /// without the call.
    exchange: fn(&Path, &Path) -> io::Result<()>,
}

impl Staging {
    /// `output` must come from `checked`.
    pub fn new(output: &Path) -> anyhow::Result<Staging> {
        let staging = Staging {
            output: output.to_path_buf(),
            dir: beside(output, "staging")?,
            old: beside(output, "old")?,
            top: Mutex::new(BTreeSet::new()),
            exchange,
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
        let top = self.top.lock().expect("no panics while held").clone();
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
        if let Some(State::Foreign(entry)) = &previous {
            bail!("{} changed during the build and now holds `{entry}`; it was left alone", output.display());
        }
        if let Some(State::Marked(written)) = &previous {
            if let Err(e) = carry_over(output, &self.dir, written, &top) {
                // Only links to the entries were made: the output is whole.
                let _ = remove_build(&self.dir);
                return Err(e);
            }
        }
        crate::failpoint::hit("swap");
        if previous.is_none() {
            fs::rename(&self.dir, output)
                .with_context(|| format!("cannot move the new build into {}", output.display()))?;
            return Ok(Vec::new());
        }
        let previous = self.swap()?;
        crate::failpoint::hit("cleanup");
        let mut warnings = Vec::new();
        if let Err(e) = remove_build(&previous) {
            warnings.push(format!(
                "the previous build could not be removed from {}: {e}; the next build will try again",
                previous.display()
            ));
        }
        Ok(warnings)
    }

    /// Puts the staged build where the previous one is; returns where the
    /// previous one went. One atomic exchange where the system has one, so
    /// the output folder is never missing; otherwise two renames, and a
    /// crash between them is rolled back by the next run's `checked`.
    fn swap(&self) -> anyhow::Result<PathBuf> {
        let output = &self.output;
        match (self.exchange)(&self.dir, output) {
            Ok(()) => return Ok(self.dir.clone()),
            Err(e) if e.kind() == io::ErrorKind::Unsupported => {}
            Err(e) => return Err(e).with_context(|| format!("cannot swap the new build into {}", output.display())),
        }
        fs::rename(output, &self.old)
            .with_context(|| format!("cannot move the previous build {} aside", output.display()))?;
        if let Err(e) = fs::rename(&self.dir, output) {
            // Put the previous build back: the output is never left half-made.
            let _ = fs::rename(&self.old, output);
            return Err(e).with_context(|| format!("cannot move the new build into {}", output.display()));
        }
        Ok(self.old.clone())
    }

    /// Drops the staged files; the output folder is untouched.
    pub fn discard(self) {
        let _ = remove_build(&self.dir);
    }
}

/// Exchanges two folders in one step (`renameat2` with `RENAME_EXCHANGE`):
/// at no moment is either path missing. `Unsupported` where the kernel or
/// the file system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(()),
        Err(e) if e == Errno::INVAL || e == Errno::NOSYS || e == Errno::OPNOTSUPP => {
            Err(io::Error::new(io::ErrorKind::Unsupported, io::Error::from(e)))
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

/// Carries the entries of the previous build that parallax did not write
/// into the new one. They are not moved but linked: files hard-linked (so
/// no data is copied, and none lost when the previous build is removed),
/// folders and links made anew. Until the swap the previous build keeps
/// them whole, and after it the new one has them, so a crash at any moment
/// loses none. Temporary files left by an interrupted `serve` are parallax's
/// own, not the user's: they go with the previous build.
fn carry_over(output: &Path, staging: &Path, written: &BTreeSet<String>, new: &BTreeSet<String>) -> anyhow::Result<()> {
    let foreign: Vec<String> = fs::read_dir(output)
        .with_context(|| format!("cannot read {}", output.display()))?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != MARK && !written.contains(n) && !fsx::is_tmp_name(n))
        .collect();
    if let Some(clash) = foreign.iter().find(|n| new.contains(*n)) {
        bail!(
            "{} holds `{clash}`, which parallax did not write and the new build now writes; move it elsewhere \
             (theme files belong in themes/<name>/static/)",
            output.display()
        );
    }
    for name in foreign {
        let from = output.join(&name);
        link_copy(&from, &staging.join(&name), output)
            .with_context(|| format!("cannot keep {} in the new build; move it elsewhere", from.display()))?;
        crate::failpoint::hit("carry-over");
    }
    Ok(())
}

/// Makes `to` a copy of `from` that shares its files: folders created with
/// the same permissions, files hard-linked (copied where the file system
/// refuses), links made with the same target. Never follows a link, and
/// refuses a folder on another device than `output` (a mount point), which
/// it could only copy whole. Iterative: a user's folder can be deep.
fn link_copy(from: &Path, to: &Path, output: &Path) -> io::Result<()> {
    let device = device_of(&fs::symlink_metadata(output)?);
    let mut folders = Vec::new();
    let mut stack = vec![(from.to_path_buf(), to.to_path_buf())];
    while let Some((src, dst)) = stack.pop() {
        let meta = fs::symlink_metadata(&src)?;
        let kind = meta.file_type();
        if kind.is_symlink() {
            make_link(&fs::read_link(&src)?, &dst)?;
        } else if kind.is_dir() {
            if device_of(&meta) != device {
                return Err(io::Error::other(format!("{} is a mount point", src.display())));
            }
            fs::create_dir(&dst)?;
            for entry in fs::read_dir(&src)? {
                let name = entry?.file_name();
                stack.push((src.join(&name), dst.join(&name)));
            }
            folders.push((dst, meta.permissions()));
        } else if kind.is_file() {
            if fs::hard_link(&src, &dst).is_err() {
                fs::copy(&src, &dst)?;
            }
        } else {
            return Err(io::Error::other(format!("{} is neither a file, a folder nor a link", src.display())));
        }
    }
    // Last, so that a read-only folder is filled before it becomes one.
    for (dir, permissions) in folders.into_iter().rev() {
        fs::set_permissions(dir, permissions)?;
    }
    Ok(())
}

#[cfg(unix)]
fn device_of(meta: &fs::Metadata) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    Some(meta.dev())
}

#[cfg(not(unix))]
fn device_of(_: &fs::Metadata) -> Option<u64> {
    None
}

#[cfg(unix)]
fn make_link(target: &Path, link: &Path) -> io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(not(unix))]
fn make_link(_: &Path, link: &Path) -> io::Result<()> {
    Err(io::Error::other(format!("{} is a link, which cannot be made anew here", link.display())))
}

/// Removes a staging or previous-build folder left by an interrupted build,
/// only when it is recognisably one: empty, marked, holding only what
/// parallax 0.1 wrote, or a link (removed as a link).
fn remove_leftover(path: &Path) -> anyhow::Result<()> {
    let Ok(meta) = fs::symlink_metadata(path) else { return Ok(()) };
    let ours = !meta.is_dir() && meta.file_type().is_symlink()
        || meta.is_dir() && matches!(state(path)?, State::Empty | State::Marked(_) | State::UnmarkedBuild);
    if !ours {
        bail!("{} is in the way of the build and was not made by parallax; move it elsewhere", path.display());
    }
    remove_build(path).with_context(|| format!("cannot remove {}", path.display()))
}

/// Removes a folder parallax built, its mark last: a removal cut short by a
/// crash leaves a folder that is still recognisably parallax's, which the
/// next build removes, not one it must refuse to touch. Never follows a
/// link.
fn remove_build(dir: &Path) -> io::Result<()> {
    use rayon::prelude::*;
    if !fs::symlink_metadata(dir)?.is_dir() {
        return fs::remove_file(dir);
    }
    let entries: Vec<PathBuf> =
        fs::read_dir(dir)?.filter_map(Result::ok).filter(|e| e.file_name() != MARK).map(|e| e.path()).collect();
    entries.par_iter().try_for_each(|p| match fsx::remove_tree(p) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    })?;
    match fs::remove_file(dir.join(MARK)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    fs::remove_dir(dir)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A briefing folder `b` and an output folder `site` beside it.
    fn layout() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("b");
        fs::create_dir(&root).unwrap();
        let output = dir.path().join("site");
        (dir, root, output)
    }

    fn write(path: &Path, text: &str) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    /// A build: `index.html` holding `text`, marked.
    fn build(output: &Path, text: &str) -> anyhow::Result<Vec<String>> {
        let staging = Staging::new(output)?;
        staging.write("index.html", text.as_bytes()).unwrap();
        staging.commit()
    }

    #[test]
    fn an_interrupted_swap_is_rolled_back() {
        let (dir, root, output) = layout();
        // A crash between the two renames of a swap without exchange.
        write(&dir.path().join(".site.old/index.html"), "previous");
        write(&dir.path().join(".site.old").join(MARK), &format!("{MARK_HEADER}index.html\n"));
        write(&dir.path().join(".site.staging/index.html"), "new");
        write(&dir.path().join(".site.staging").join(MARK), &format!("{MARK_HEADER}index.html\n"));
        checked(&root, &output).unwrap();
        assert_eq!(fs::read_to_string(output.join("index.html")).unwrap(), "previous");
        assert!(!dir.path().join(".site.old").exists());
        // A staging folder still being written is no swap under way.
        fs::rename(&output, dir.path().join(".site.old")).unwrap();
        write(&dir.path().join(".site.staging").join(MARK), MARK_HEADER);
        checked(&root, &output).unwrap();
        assert!(!output.exists(), "nothing rolled back");
    }

    #[test]
    fn builds_swap_by_renames_where_exchange_is_missing() {
        let (dir, _root, output) = layout();
        build(&output, "one").unwrap();
        let mut staging = Staging::new(&output).unwrap();
        staging.exchange = |_, _| Err(io::ErrorKind::Unsupported.into());
        staging.write("index.html", b"two").unwrap();
        assert!(staging.commit().unwrap().is_empty());
        assert_eq!(fs::read_to_string(output.join("index.html")).unwrap(), "two");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 2, "only b and site: {names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn foreign_entries_survive_a_crash_before_and_after_the_swap() {
        let (dir, _root, output) = layout();
        build(&output, "one").unwrap();
        let media = dir.path().join("media");
        fs::create_dir(&media).unwrap();
        std::os::unix::fs::symlink(&media, output.join("media")).unwrap();
        write(&output.join("extra/sub/readme.txt"), "the editor's");
        let written = BTreeSet::from(["index.html".to_owned()]);

        // Carried over, then a crash before the swap: the next build removes
        // the staging folder, and the output still has everything.
        let staging = Staging::new(&output).unwrap();
        carry_over(&output, &staging.dir, &written, &written).unwrap();
        drop(staging);
        build(&output, "two").unwrap();
        assert_eq!(fs::read_link(output.join("media")).unwrap(), media);
        assert_eq!(fs::read_to_string(output.join("extra/sub/readme.txt")).unwrap(), "the editor's");

        // Swapped, then a crash before the previous build is removed: the
        // next build removes it, and the new output keeps everything.
        let staging = Staging::new(&output).unwrap();
        staging.write("index.html", b"three").unwrap();
        fs::write(staging.dir.join(MARK), format!("{MARK_HEADER}index.html\n")).unwrap();
        carry_over(&output, &staging.dir, &written, &written).unwrap();
        exchange(&staging.dir, &output).unwrap();
        drop(staging);
        build(&output, "four").unwrap();
        assert_eq!(fs::read_to_string(output.join("index.html")).unwrap(), "four");
        assert_eq!(fs::read_link(output.join("media")).unwrap(), media);
        assert_eq!(fs::read_to_string(output.join("extra/sub/readme.txt")).unwrap(), "the editor's");
        assert!(media.is_dir());
    }

    #[test]
    fn stale_temporary_files_are_not_carried_over() {
        let (_dir, _root, output) = layout();
        build(&output, "one").unwrap();
        let stale = output.join(format!(".index.html.123{}", fsx::TMP_SUFFIX));
        write(&stale, "half a page");
        build(&output, "two").unwrap();
        assert!(!stale.exists());
    }

    #[test]
    fn a_partly_removed_build_is_still_removed() {
        let (dir, _root, output) = layout();
        // What a crash in the middle of removing a previous build leaves:
        // some entries gone, the mark still there (it goes last).
        write(&dir.path().join(".site.old").join(MARK), &format!("{MARK_HEADER}index.html\nsources\n"));
        write(&dir.path().join(".site.old/sources/a/index.html"), "a");
        // And one from before builds were marked.
        write(&dir.path().join(".site.staging/report/index.html"), "report");
        build(&output, "one").unwrap();
        assert!(!dir.path().join(".site.old").exists() && !dir.path().join(".site.staging").exists());
    }
}
