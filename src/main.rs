//! Parses arguments, runs the command, prints diagnostics once, sets the
//! exit code. No logic of its own.

// mimalloc: measured against the system allocator on the 10,000-source
// benchmark (see BENCHMARKS.md), faster with a lower peak.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;
use parallax::cli::{Cli, Command, Format};
use parallax::diag::{Diagnostic, Severity};
use parallax::site::{self, BuildOptions};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Diagnostics name files relative to the briefing; show them relative to
/// where the user ran the command, so they can be opened from there. The
/// built-in theme's files are not in the briefing.
fn located(root: &Path, diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if root == Path::new(".") {
        return diags;
    }
    diags
        .into_iter()
        .map(|d| match d.file.to_string_lossy().ends_with("(built-in theme)") {
            true => d,
            false => Diagnostic { file: root.join(&d.file), ..d },
        })
        .collect()
}

/// The briefing's folder: the one given, else the nearest folder from here
/// up that holds a config.toml (as cargo and zola find theirs), else here.
/// Shown relative to the current folder.
fn find_root(given: Option<PathBuf>) -> PathBuf {
    if let Some(root) = given {
        return root;
    }
    let here = PathBuf::from(".");
    let Ok(cwd) = std::env::current_dir() else { return here };
    let mut up = PathBuf::from(".");
    for dir in cwd.ancestors() {
        if dir.join(parallax::config::FILE_NAME).is_file() {
            return up;
        }
        up = if up == here { PathBuf::from("..") } else { up.join("..") };
    }
    here
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let (quiet, verbose) = (cli.quiet, cli.verbose);
    // anstream reads NO_COLOR, CLICOLOR_FORCE and whether stderr is a
    // terminal for `auto`.
    match cli.color {
        parallax::cli::Color::Auto => {}
        parallax::cli::Color::Always => anstream::ColorChoice::Always.write_global(),
        parallax::cli::Color::Never => anstream::ColorChoice::Never.write_global(),
    }
    // Prints unless --quiet: what the command did, not what went wrong.
    let say = |line: &str| {
        if !quiet {
            eprintln!("{line}");
        }
    };
    match cli.command {
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Cli::command(), "parallax", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            use clap::CommandFactory;
            clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Init { dir, title, language, force } => {
            let title = match title {
                Some(t) => t,
                None => std::path::absolute(&dir)?
                    .file_name()
                    .map_or_else(|| "Briefing".to_owned(), |n| n.to_string_lossy().into_owned()),
            };
            let written = parallax::init::init(&dir, &title, &language, force)?;
            for file in &written {
                say(&format!("created {}", dir.join(file).display()));
            }
            let cd = if dir == Path::new(".") { String::new() } else { format!("cd {} && ", dir.display()) };
            say(&format!("put articles in seeds/ (saved web pages, scraped text, markdown), then: {cd}parallax build"));
            Ok(ExitCode::SUCCESS)
        }
        Command::Refresh { root, write } => {
            let root = find_root(root);
            match site::refresh::refresh(&root, write)? {
                Err(diags) => {
                    for d in located(&root, diags) {
                        anstream::eprintln!("{}", d.styled());
                    }
                    eprintln!("fix these problems first; no page was changed");
                    Ok(ExitCode::from(1))
                }
                Ok(changes) => {
                    for change in &changes {
                        println!("{}", change.describe(&root));
                    }
                    let pages = changes.iter().map(|c| &c.page).collect::<std::collections::BTreeSet<_>>().len();
                    match (changes.is_empty(), write) {
                        (true, _) => eprintln!("nothing to fill in: every page has what its seed states"),
                        (false, true) => eprintln!("filled in {} field(s) in {pages} page(s)", changes.len()),
                        (false, false) => eprintln!(
                            "{} field(s) to fill in {pages} page(s); run `parallax refresh --write` to write them",
                            changes.len()
                        ),
                    }
                    Ok(ExitCode::SUCCESS)
                }
            }
        }
        Command::Claims { root, add, id, label } => {
            let root = find_root(root);
            let candidates = match site::claim_candidates(&root)? {
                Ok(c) => c,
                Err(diags) => {
                    for d in located(&root, diags) {
                        anstream::eprintln!("{}", d.styled());
                    }
                    eprintln!("fix these problems first");
                    return Ok(ExitCode::from(1));
                }
            };
            match (add, id, label) {
                (Some(add), Some(id), Some(label)) => {
                    let Some(passage) = candidates.iter().find(|p| p.id == add) else {
                        anyhow::bail!("no claim candidate `{add}`; run `parallax claims` to list them");
                    };
                    site::add_claim(&root, passage, &id, &label)?;
                    println!("added [claims.{id}] to config.toml; it will be suggested on seeds ingested from now on");
                }
                _ if candidates.is_empty() => {
                    println!("no candidates: every statement several sources share is covered by a claim")
                }
                _ => {
                    for p in &candidates {
                        println!("{}  {} sources{}", p.id, p.sources, if p.verbatim { ", verbatim" } else { "" });
                        for o in p.occurrences.iter().take(3) {
                            println!("    {}: {}", o.source, parallax::render::shorten_str(&o.text, 140));
                        }
                        println!("    pattern: {}", parallax::compare::reuse::pattern_for(p));
                    }
                    println!("\nadd one with: parallax claims --add <id> --id <claim-id> --label \"<label>\"");
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Watch { root, output, debounce } => {
            let root = find_root(root);
            let debounce = Duration::from_millis(debounce);
            parallax::serve::run(parallax::serve::Options {
                root,
                output,
                debounce,
                serve: None,
                allow_hosts: Vec::new(),
                open: false,
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve { root, output, port, bind, allow_host, debounce, open } => {
            let root = find_root(root);
            let debounce = Duration::from_millis(debounce);
            parallax::serve::run(parallax::serve::Options {
                root,
                output,
                debounce,
                serve: Some((bind, port)),
                allow_hosts: allow_host,
                open,
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { root, format } => {
            let root = find_root(root);
            let diags = located(&root, site::check(&root)?);
            let errors = diags.iter().filter(|d| d.severity == Severity::Error).count();
            match format {
                Format::Json => println!("{}", parallax::diag::to_json(&diags)),
                Format::Text => {
                    for d in diags.iter().filter(|d| !quiet || d.severity == Severity::Error) {
                        anstream::eprintln!("{}", d.styled());
                    }
                    say(&format!("{} error(s), {} warning(s)", errors, diags.len() - errors));
                }
            }
            Ok(if diags.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Build { root, output, timings, base_url, index_links } => {
            let root = find_root(root);
            let started = Instant::now();
            let output_arg = output.clone();
            let mut report = site::build(&BuildOptions { root: root.clone(), output, base_url, index_links })?;
            report.diagnostics = located(&root, std::mem::take(&mut report.diagnostics));
            for d in report.diagnostics.iter().filter(|d| !quiet || d.severity == Severity::Error) {
                anstream::eprintln!("{}", d.styled());
            }
            let errors = report.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
            let warnings = report.diagnostics.len() - errors;
            for path in &report.created {
                let shown = if root == Path::new(".") { path.clone() } else { root.join(path) };
                say(&format!("created {}", shown.display()));
            }
            if timings || verbose {
                for (stage, took, peak) in &report.timings {
                    let peak = peak.map_or(String::new(), |kib| format!("  peak {:>5} MiB", kib / 1024));
                    eprintln!("  {stage:<24} {:>8.1} ms{peak}", took.as_secs_f64() * 1000.0);
                }
            }
            if !report.written {
                eprintln!("build failed: {errors} error(s), {warnings} warning(s); nothing was written, the previous site is unchanged");
                return Ok(ExitCode::from(1));
            }
            if report.cached {
                say(&format!(
                    "nothing changed since the last build: {} source(s), {} file(s) in {} are up to date ({warnings} warning(s), {} ms)",
                    report.sources,
                    report.files,
                    output_arg.unwrap_or_else(|| root.join("public")).display(),
                    started.elapsed().as_millis()
                ));
                return Ok(ExitCode::SUCCESS);
            }
            if verbose {
                eprintln!(
                    "  annotated {} page(s); the others' text was unchanged since the last build",
                    report.annotated
                );
            }
            say(&format!(
                "built {} source(s) into {} file(s) in {} ms ({warnings} warning(s))",
                report.sources,
                report.files,
                started.elapsed().as_millis()
            ));
            Ok(ExitCode::SUCCESS)
        }
    }
}
