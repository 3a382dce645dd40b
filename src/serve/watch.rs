//! File watching: which changes under a briefing matter, debounced.
//!
//! Watches `seeds/`, `content/`, `themes/` and `config.toml`, never the
//! output folder, and ignores the temporary and swap files editors write
//! around a save (`.x.swp`, `x~`, `#x#`, `4913`, `x.tmp`). An atomic save by
//! rename shows up as a change of the target, which is all we need.

use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{new_debouncer, DebounceEventResult, Debouncer, RecommendedCache};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

pub const WATCHED_DIRS: [&str; 3] = ["seeds", "content", "themes"];

/// Is this a file an editor writes around a save, not a real change?
pub fn is_editor_noise(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return true };
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
        || name.ends_with(".crdownload")
        || name.ends_with(".part")
        || name == "4913"
}

/// Does a changed path matter to the build of the briefing at `root`?
pub fn is_relevant(root: &Path, output: &Path, path: &Path) -> bool {
    if path.starts_with(output) || is_editor_noise(path) {
        return false;
    }
    let Ok(rel) = path.strip_prefix(root) else { return false };
    let mut parts = rel.components();
    match (parts.next(), parts.next()) {
        (Some(first), None) => {
            first.as_os_str() == crate::config::FILE_NAME || WATCHED_DIRS.iter().any(|d| first.as_os_str() == *d)
        }
        (Some(first), Some(_)) => WATCHED_DIRS.iter().any(|d| first.as_os_str() == *d),
        _ => false,
    }
}

pub struct Watcher {
    _debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    events: mpsc::Receiver<DebounceEventResult>,
    root: PathBuf,
    output: PathBuf,
}

impl Watcher {
    pub fn new(root: &Path, output: &Path, debounce: Duration) -> anyhow::Result<Watcher> {
        let (tx, events) = mpsc::channel();
        let mut debouncer = new_debouncer(debounce, None, tx)?;
        let root = std::path::absolute(root)?;
        let output = std::path::absolute(output)?;
        // The root itself, not recursively: config.toml, and folders created later.
        debouncer.watch(&root, RecursiveMode::NonRecursive)?;
        for dir in WATCHED_DIRS {
            let path = root.join(dir);
            if path.is_dir() {
                debouncer.watch(&path, RecursiveMode::Recursive)?;
            }
        }
        Ok(Watcher { _debouncer: debouncer, events, root, output })
    }

    /// Waits up to `timeout` for changes that matter; returns their paths
    /// (relative to the root), or an empty list.
    pub fn next(&mut self, timeout: Duration) -> anyhow::Result<Vec<PathBuf>> {
        let first = match self.events.recv_timeout(timeout) {
            Ok(batch) => batch,
            Err(mpsc::RecvTimeoutError::Timeout) => return Ok(Vec::new()),
            Err(mpsc::RecvTimeoutError::Disconnected) => anyhow::bail!("the file watcher stopped"),
        };
        let mut changed = Vec::new();
        for batch in std::iter::once(first).chain(self.events.try_iter()) {
            let events = batch.map_err(|errors| anyhow::anyhow!("file watcher: {errors:?}"))?;
            for event in events {
                if matches!(event.kind, EventKind::Access(_)) {
                    continue;
                }
                for path in &event.paths {
                    if is_relevant(&self.root, &self.output, path) {
                        // A watched folder created after start needs a watch of its own.
                        if path.is_dir() && path.parent() == Some(&self.root) {
                            let _ = self._debouncer.watch(path, RecursiveMode::Recursive);
                        }
                        changed.push(path.strip_prefix(&self.root).unwrap_or(path).to_path_buf());
                    }
                }
            }
        }
        changed.sort();
        changed.dedup();
        Ok(changed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_noise_and_output_are_ignored() {
        let root = Path::new("/b");
        let out = Path::new("/b/public");
        assert!(is_relevant(root, out, Path::new("/b/content/sources/a.md")));
        assert!(is_relevant(root, out, Path::new("/b/config.toml")));
        assert!(is_relevant(root, out, Path::new("/b/themes/default/static/style.css")));
        assert!(!is_relevant(root, out, Path::new("/b/public/index.html")));
        assert!(!is_relevant(root, out, Path::new("/b/.public.staging/index.html")));
        assert!(!is_relevant(root, out, Path::new("/b/content/sources/.a.md.swp")));
        assert!(!is_relevant(root, out, Path::new("/b/content/sources/a.md~")));
        assert!(!is_relevant(root, out, Path::new("/b/content/sources/4913")));
        assert!(!is_relevant(root, out, Path::new("/b/README.md")));
    }
}
