//! Crash points for the crash tests: `PARALLAX_FAILPOINT=NAME:N` aborts the
//! process (no unwinding, no clean-up, as a kill would) the N-th time the
//! point NAME is reached (`NAME` alone means the first time).
//!
//! The points sit where a crash is most likely to leave something half
//! done: `create-page` (before each content page is created), `create-new`
//! (a new file written under its temporary name, not yet linked into
//! place), `render` (each file staged), `carry-over` (each entry parallax
//! did not write, once linked into the new build), `swap` (the new build
//! complete, the previous one still in place) and `cleanup` (the new build
//! in place, the previous one not yet removed). Unset, each point costs one
//! atomic load.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

static TARGET: OnceLock<Option<(String, usize)>> = OnceLock::new();
static HITS: AtomicUsize = AtomicUsize::new(0);

fn target() -> &'static Option<(String, usize)> {
    TARGET.get_or_init(|| {
        let spec = std::env::var("PARALLAX_FAILPOINT").ok()?;
        let (name, n) = match spec.split_once(':') {
            Some((name, n)) => (name.to_owned(), n.parse().ok()?),
            None => (spec, 1),
        };
        Some((name, n))
    })
}

/// Aborts here if this is the configured point and hit.
pub fn hit(name: &str) {
    if let Some((target, n)) = target() {
        if target == name && HITS.fetch_add(1, Ordering::SeqCst) + 1 == *n {
            eprintln!("failpoint {name}:{n}: aborting");
            std::process::abort();
        }
    }
}
