//! The command line as users of other site generators expect it: quiet and
//! verbose output, shell completions, a manual page.

use crate::support::*;
use std::process::Command;

fn stdout_of(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax")).args(args).output().expect("run parallax");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn quiet_prints_only_errors_and_verbose_prints_the_stages() {
    let site = Site::example();
    let (code, err) = site.run(&["build", "--quiet"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, "", "a quiet build that succeeds prints nothing");
    // Nothing changed: the build cache answers, and says so.
    let (code, err) = site.run(&["build", "-v"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("nothing changed since the last build"), "{err}");
    std::fs::remove_dir_all(site.path(".parallax-cache")).unwrap();
    let (code, err) = site.run(&["build", "-v"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("built ") && err.contains(" ms"), "{err}");
    assert!(err.lines().filter(|l| l.starts_with("  ") && l.contains(" ms")).count() >= 3, "stages: {err}");
    // Errors still show when quiet, and the exit code says so.
    site.write("config.toml", "[site\ntitle = 1\n");
    let (code, err) = site.run(&["build", "-q"]);
    assert_eq!(code, 1);
    assert!(err.contains("error"), "{err}");
    let (code, err) = site.run(&["build", "--quiet", "--verbose"]);
    assert_eq!(code, 2, "the two flags conflict: {err}");
}

#[test]
fn completions_and_a_manual_page() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (code, out) = stdout_of(&["completions", shell]);
        assert_eq!(code, 0, "{shell}");
        assert!(out.contains("parallax") && out.contains("build") && out.contains("serve"), "{shell}: {out}");
    }
    let (code, out) = stdout_of(&["completions", "tcsh"]);
    assert_ne!(code, 0, "{out}");
    let (code, out) = stdout_of(&["man"]);
    assert_eq!(code, 0);
    assert!(out.contains(".TH parallax 1") && out.contains("serve") && out.contains("completions"), "{out}");
}

#[test]
fn serve_has_open_and_zola_short_flags() {
    let (code, out) = stdout_of(&["serve", "--help"]);
    assert_eq!(code, 0);
    for flag in ["-O, --open", "-p, --port", "-r, --root", "-o, --output"] {
        assert!(out.contains(flag), "{flag}: {out}");
    }
}

#[test]
fn diagnostics_are_coloured_only_when_asked_or_on_a_terminal() {
    let site = Site::new();
    site.write("content/sources/one.md", page("daily-planet", "The [moon](claim:nope) is here."));
    let (code, plain) = site.run(&["check"]);
    assert_eq!(code, 1);
    assert!(plain.contains("error: unknown claim `nope`") && !plain.contains('\x1b'), "piped output is plain: {plain}");
    let (_, coloured) = site.run(&["check", "--color", "always"]);
    assert!(coloured.contains("\x1b[") && coloured.contains("unknown claim"), "{coloured}");
    // Without the colours it is the same text.
    let stripped = regex::Regex::new("\x1b\\[[0-9;]*m").unwrap().replace_all(&coloured, "");
    assert_eq!(stripped, plain);
    let (_, never) = site.run(&["check", "--color", "never"]);
    assert_eq!(never, plain);
}
