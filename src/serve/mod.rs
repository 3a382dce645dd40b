//! `parallax watch` and `parallax serve`: rebuild on every change, and serve
//! the site with live reload. Calls `site::session` for every build; holds
//! no build logic.
//!
//! A failed build never stops the loop: the diagnostics are printed (and
//! shown over the page by `serve`), and the last good site stays in place.
//! Ctrl+C is honoured between builds, so it never interrupts a write.

pub mod http;
pub mod watch;

use crate::diag::Severity;
use crate::site::session::{Rebuild, Session};
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

pub struct Options {
    pub root: PathBuf,
    pub output: Option<PathBuf>,
    pub debounce: Duration,
    /// Serve on this address and port; `None` only watches.
    pub serve: Option<(IpAddr, u16)>,
    /// Host names the server answers to besides its address and localhost.
    pub allow_hosts: Vec<String>,
    /// Open the site in the default browser once it is served.
    pub open: bool,
}

pub fn run(opts: Options) -> anyhow::Result<()> {
    let mut session = Session::new(&opts.root, opts.output.clone())?;
    if opts.serve.is_some() {
        session = session.preview();
    }
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst))?;
    // Watch before the first build, so no change made during it is missed.
    let mut watcher = watch::Watcher::new(&opts.root, session.output(), opts.debounce)?;
    let server = match opts.serve {
        Some((bind, port)) => Some(http::Server::start(bind, port, session.output().to_path_buf(), &opts.allow_hosts)?),
        None => None,
    };
    let live = server.as_ref().map(|s| s.live.clone());
    let mut announce = |written: &[String]| {
        if let Some(live) = &live {
            live.changed(written);
        }
    };
    let first = session.rebuild(None, &mut announce)?;
    let mut last_ok = first.ok;
    report(&first, &[], server.as_ref());
    match &server {
        Some(s) if s.addr.ip().is_unspecified() => {
            eprintln!("serving http://localhost:{}/ and on every interface (Ctrl+C to stop)", s.addr.port())
        }
        Some(s) => eprintln!("serving http://{}/ (Ctrl+C to stop)", s.addr),
        None => eprintln!("watching {} (Ctrl+C to stop)", opts.root.display()),
    }
    if let Some(s) = server.as_ref().filter(|_| opts.open) {
        let url = if s.addr.ip().is_unspecified() {
            format!("http://localhost:{}/", s.addr.port())
        } else {
            format!("http://{}/", s.addr)
        };
        // No browser (a server, a container) is no reason to stop serving.
        if let Err(e) = opener::open_browser(&url) {
            eprintln!("warning: could not open a browser ({e}); open {url} yourself");
        }
    }
    while !stop.load(Ordering::SeqCst) {
        let changed = watcher.next(Duration::from_millis(200))?;
        if changed.is_empty() {
            continue;
        }
        let rebuild = session.rebuild(Some(&changed), &mut announce)?;
        // A save that changes nothing (or our own new content pages coming
        // back from the watcher) needs no line and no reload.
        let noop = rebuild.ok
            && last_ok
            && rebuild.written.is_empty()
            && rebuild.removed.is_empty()
            && rebuild.created.is_empty()
            && rebuild.diagnostics.is_empty();
        last_ok = rebuild.ok;
        if !noop {
            report(&rebuild, &changed, server.as_ref());
        }
    }
    eprintln!("stopped; {} holds the last good build", session.output().display());
    Ok(())
}

/// One line per rebuild: what changed, what was rebuilt, how long it took;
/// then the diagnostics, if any.
fn report(rebuild: &Rebuild, changed: &[PathBuf], server: Option<&http::Server>) {
    let what = describe(changed);
    let ms = rebuild.elapsed.as_secs_f64() * 1000.0;
    let errors = rebuild.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = rebuild.diagnostics.len() - errors;
    if rebuild.ok {
        let scope = if rebuild.full {
            format!("all {} source pages", rebuild.rendered_sources)
        } else {
            format!("{} source page(s) and the overview pages", rebuild.rendered_sources)
        };
        let ready = match rebuild.pages_ready {
            Some(t) => format!("page ready in {:.0} ms, ", t.as_secs_f64() * 1000.0),
            None => String::new(),
        };
        let mut line =
            format!("{what}rebuilt {scope} ({ready}all done in {ms:.0} ms): {} file(s) written", rebuild.written.len());
        if !rebuild.removed.is_empty() {
            line.push_str(&format!(", {} removed", rebuild.removed.len()));
        }
        if !rebuild.created.is_empty() {
            line.push_str(&format!(", {} content page(s) created", rebuild.created.len()));
        }
        if warnings > 0 {
            line.push_str(&format!(", {warnings} warning(s)"));
        }
        eprintln!("{line}");
    } else {
        eprintln!("{what}build failed in {ms:.0} ms: {errors} error(s), {warnings} warning(s); the last good site stays in place");
    }
    for d in &rebuild.diagnostics {
        eprintln!("{d}");
    }
    if let (Some(server), false) = (server, rebuild.ok) {
        server.live.fail(rebuild.diagnostics.iter().map(|d| d.to_string()).collect());
    }
}

fn describe(changed: &[PathBuf]) -> String {
    match changed {
        [] => String::new(),
        [one] => format!("{} changed; ", one.display()),
        [first, rest @ ..] => format!("{} and {} more changed; ", first.display(), rest.len()),
    }
}
