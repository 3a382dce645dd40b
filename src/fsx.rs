//! Filesystem helpers every stage that touches the disk shares: writing
//! through a temporary file and a rename, walking the briefing's folders
//! without leaving it, and removing a folder without following links.
//!
//! Nothing here knows what a briefing is beyond its root folder; the
//! decisions about what may be written or removed are `site`'s.

use crate::diag::Diagnostic;
use std::collections::HashSet;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// The suffix of every temporary file parallax writes before a rename.
pub const TMP_SUFFIX: &str = ".parallax-tmp";

/// The temporary name beside `path`: hidden (folder walks skip it) and
/// marked as ours, so a leftover from a killed run can be recognised.
pub fn tmp_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.{}{TMP_SUFFIX}", std::process::id()))
}

/// Whether `name` is one of our temporary files.
pub fn is_tmp_name(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(TMP_SUFFIX)
}

fn write_tmp(path: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    let tmp = tmp_path(path);
    let mut file = fs::File::create(&tmp)?;
    if let Err(e) = file.write_all(bytes) {
        drop(file);
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(tmp)
}

/// Writes `bytes` to `path`, replacing it whole: a reader (or a crash) sees
/// the old file or the new one, never a part.
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_with(path, |out| out.write_all(bytes))
}

/// `replace`, for a file written piece by piece: `write` fills a buffered
/// writer on the temporary file, which is renamed into place only when
/// `write` succeeded.
pub fn replace_with(path: &Path, write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>) -> io::Result<()> {
    let tmp = tmp_path(path);
    let written = (|| {
        let mut out = io::BufWriter::new(fs::File::create(&tmp)?);
        write(&mut out)?;
        out.into_inner().map(drop).map_err(io::IntoInnerError::into_error)
    })();
    written.and_then(|()| fs::rename(&tmp, path)).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

/// Creates `path` with `bytes`, whole or not at all, and never over an
/// existing file (`AlreadyExists` then). The complete file is linked into
/// place, so a crash leaves either no file or the whole one.
pub fn create_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = write_tmp(path, bytes)?;
    crate::failpoint::hit("create-new");
    let linked = fs::hard_link(&tmp, path);
    let result = match linked {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        // No hard links on this file system: a rename, after checking; the
        // window between the two is a race only with another writer.
        Err(_) if fs::symlink_metadata(path).is_ok() => Err(io::Error::from(io::ErrorKind::AlreadyExists)),
        Err(_) => return fs::rename(&tmp, path),
    };
    let _ = fs::remove_file(&tmp);
    result
}

/// Removes `path` and everything under it without ever following a link: a
/// link is removed as a link and its target is left alone.
pub fn remove_tree(path: &Path) -> io::Result<()> {
    let meta = fs::symlink_metadata(path)?;
    if !meta.is_dir() {
        return fs::remove_file(path);
    }
    // std's remove_dir_all does not follow links (it opens each folder with
    // O_NOFOLLOW and works relative to it), which also closes the race of a
    // folder swapped for a link mid-way.
    let entries: Vec<PathBuf> = fs::read_dir(path)?.filter_map(Result::ok).map(|e| e.path()).collect();
    use rayon::prelude::*;
    entries.par_iter().try_for_each(|p| match fs::symlink_metadata(p) {
        Ok(m) if m.is_dir() => fs::remove_dir_all(p),
        Ok(_) => fs::remove_file(p),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    })?;
    fs::remove_dir(path)
}

/// Walks folders of one briefing: files in path order, hidden entries
/// skipped, links followed only when they lead to a place inside the root,
/// and every folder visited once, so a link loop ends.
pub struct Walker {
    root: PathBuf,
    real_root: PathBuf,
    seen: HashSet<PathBuf>,
}

impl Walker {
    pub fn new(root: &Path) -> Walker {
        let real_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        Walker { root: root.to_path_buf(), real_root, seen: HashSet::new() }
    }

    /// The files under `dir` (a path under the root), recursively, sorted.
    /// Links that leave the briefing or lead back round a loop are skipped
    /// with a warning naming them.
    pub fn files(&mut self, dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
        let mut out = Vec::new();
        match self.enter(dir) {
            Ok(true) => self.walk(dir, &mut out, diags),
            Ok(false) => {}
            Err(message) => diags.push(self.error(dir, &message)),
        }
        out
    }

    /// Whether `dir` is to be walked: inside the root and not seen before.
    fn enter(&mut self, dir: &Path) -> Result<bool, String> {
        let real = dir.canonicalize().map_err(|e| format!("cannot read folder: {e}"))?;
        if !real.starts_with(&self.real_root) {
            return Err("skipped: a link to a folder outside the briefing".into());
        }
        Ok(self.seen.insert(real))
    }

    /// A link parallax will not follow: the briefing cannot be read whole.
    fn error(&self, path: &Path, message: &str) -> Diagnostic {
        Diagnostic::error(crate::diag::rel(&self.root, path), message)
            .with_hint("parallax reads only files inside the briefing; copy the file in instead of linking it")
    }

    fn walk(&mut self, dir: &Path, out: &mut Vec<PathBuf>, diags: &mut Vec<Diagnostic>) {
        let entries = match fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                diags.push(Diagnostic::error(crate::diag::rel(&self.root, dir), format!("cannot read folder: {e}")));
                return;
            }
        };
        let mut entries: Vec<(PathBuf, fs::FileType)> = entries
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .filter_map(|e| Some((e.path(), e.file_type().ok()?)))
            .collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (path, kind) in entries {
            if kind.is_dir() {
                if let Ok(true) = self.enter(&path) {
                    self.walk(&path, out, diags);
                }
            } else if kind.is_symlink() {
                match path.canonicalize() {
                    Err(_) => diags.push(
                        Diagnostic::error(
                            crate::diag::rel(&self.root, &path),
                            "cannot read: a link that leads nowhere",
                        )
                        .with_hint("the file it points to is gone: restore it, or remove the link"),
                    ),
                    Ok(real) if !real.starts_with(&self.real_root) => {
                        diags.push(self.error(&path, "not read: a link to a place outside the briefing"))
                    }
                    Ok(real) if real.is_dir() => match self.enter(&path) {
                        Ok(true) => self.walk(&path, out, diags),
                        _ => diags.push(
                            Diagnostic::warning(
                                crate::diag::rel(&self.root, &path),
                                "skipped: a link back to a folder already read (a loop)",
                            )
                            .with_hint("remove the link; its files are read once, from where they are"),
                        ),
                    },
                    Ok(_) => out.push(path),
                }
            } else if kind.is_file() {
                out.push(path);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_new_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        create_new(&p, b"one").unwrap();
        assert_eq!(create_new(&p, b"two").unwrap_err().kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&p).unwrap(), b"one");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn remove_tree_leaves_link_targets_alone() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("media");
        fs::create_dir(&outside).unwrap();
        fs::write(outside.join("photo.jpg"), "x").unwrap();
        let tree = dir.path().join("public");
        fs::create_dir_all(tree.join("sub")).unwrap();
        std::os::unix::fs::symlink(&outside, tree.join("media")).unwrap();
        std::os::unix::fs::symlink(&outside, tree.join("sub/media")).unwrap();
        remove_tree(&tree).unwrap();
        assert!(!tree.exists());
        assert!(outside.join("photo.jpg").exists());
    }

    #[cfg(unix)]
    #[test]
    fn walks_end_at_loops_and_stay_inside() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("b");
        fs::create_dir_all(root.join("seeds/sub")).unwrap();
        fs::write(root.join("seeds/a.txt"), "a").unwrap();
        fs::write(root.join("seeds/sub/b.txt"), "b").unwrap();
        fs::write(dir.path().join("secret.txt"), "s").unwrap();
        std::os::unix::fs::symlink(".", root.join("seeds/loop")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("seeds/secret.txt")).unwrap();
        let mut diags = Vec::new();
        let files = Walker::new(&root).files(&root.join("seeds"), &mut diags);
        let names: Vec<_> = files.iter().map(|p| p.strip_prefix(&root).unwrap().to_owned()).collect();
        assert_eq!(names, [PathBuf::from("seeds/a.txt"), PathBuf::from("seeds/sub/b.txt")]);
        assert_eq!(diags.len(), 2, "{diags:?}");
    }
}
