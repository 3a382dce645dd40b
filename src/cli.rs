//! Command-line interface. The doc comments are the `--help` text.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Build briefing sites that compare how different outlets cover one event.
///
/// Put one article per file in seeds/, run `parallax build`, then edit the
/// pages it writes to content/ and build again. The site goes to public/.
#[derive(Debug, Parser)]
#[command(
    name = "parallax",
    version,
    propagate_version = true,
    after_help = "Examples:\n  parallax build                 build the briefing in this folder into public/\n  parallax check                 report every problem without writing anything\n  parallax build --root DIR      build the briefing in DIR"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Print only errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more: how long each stage took and the memory it used.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// Colour diagnostics: auto (on a terminal, unless NO_COLOR is set),
    /// always or never.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto, value_name = "WHEN")]
    pub color: Color,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Compiler-style messages for people.
    Text,
    /// One JSON document, for editors and CI.
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new briefing: config.toml, seeds/, content/_index.md and a
    /// .gitignore for the built site.
    ///
    /// The folder must be new or empty unless --force is given; existing
    /// files are never replaced. Then put articles in seeds/ (saved web
    /// pages, scraped text or markdown) and run `parallax build`.
    #[command(
        after_help = "Examples:\n  parallax init port-strike\n  parallax init --title \"Grève des dockers\" --language fr\n  cd port-strike && parallax build"
    )]
    Init {
        /// The folder to create the briefing in [default: this folder].
        #[arg(value_name = "DIR", default_value = ".")]
        dir: PathBuf,
        /// The site's title [default: the folder's name].
        #[arg(short, long)]
        title: Option<String>,
        /// The interface language: en or fr.
        #[arg(short, long, default_value = "en")]
        language: String,
        /// Add the missing files to a folder that is not empty.
        #[arg(short, long)]
        force: bool,
    },
    /// Turn new seeds into content pages and render the site into public/.
    ///
    /// Every seed without a content page becomes content/sources/<slug>.md,
    /// with its outlet identified, site chrome removed and claim tags
    /// suggested. Existing pages are never overwritten. Then every page, the
    /// claim and outlet pages and the comparison report are rendered. On any
    /// error nothing is written and the previous public/ stays as it was.
    #[command(
        after_help = "Examples:\n  parallax build\n  parallax build --root briefings/venezuela --output /tmp/site\n  parallax build --timings"
    )]
    Build {
        /// The briefing's folder (holding config.toml, seeds/, content/)
        /// [default: the nearest folder, from here up, that holds a config.toml].
        #[arg(short, long, value_name = "DIR")]
        root: Option<PathBuf>,
        /// Where to write the site [default: <root>/public].
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Print how long each stage of the build took.
        #[arg(long)]
        timings: bool,
        /// The address the site is published at, overriding the config's
        /// `base_url` (e.g. https://example.org/briefing/).
        #[arg(short = 'u', long, value_name = "URL", value_parser = parse_base_url)]
        base_url: Option<String>,
        /// Links between pages end in index.html, so the site can be
        /// browsed from disk (file://) without a server.
        #[arg(long)]
        index_links: bool,
    },
    /// Rebuild the site on every change to seeds/, content/, themes/ or
    /// config.toml.
    ///
    /// Only what a change affects is redone: an edited page is annotated and
    /// rendered again with the overview pages; a template change re-renders
    /// without re-reading pages; a config change rebuilds everything. A
    /// failed build prints its diagnostics and leaves the last good site.
    #[command(after_help = "Examples:\n  parallax watch\n  parallax watch --debounce 50")]
    Watch {
        /// The briefing's folder (holding config.toml, seeds/, content/)
        /// [default: the nearest folder, from here up, that holds a config.toml].
        #[arg(short, long, value_name = "DIR")]
        root: Option<PathBuf>,
        /// Where to write the site [default: <root>/public].
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Milliseconds to wait for a burst of changes to settle.
        #[arg(long, default_value_t = 50, value_name = "MS")]
        debounce: u64,
    },
    /// Build, watch, and serve the site with live reload.
    ///
    /// Open the address it prints: every page reloads itself after each good
    /// build and keeps its scroll position; when a build fails, the last good
    /// site stays up and the page shows the problems until they are fixed.
    #[command(
        after_help = "Examples:\n  parallax serve\n  parallax serve --port 8080\n  parallax serve --bind 0.0.0.0 --allow-host mybox.lan   (reachable from other machines as mybox.lan)"
    )]
    Serve {
        /// The briefing's folder (holding config.toml, seeds/, content/)
        /// [default: the nearest folder, from here up, that holds a config.toml].
        #[arg(short, long, value_name = "DIR")]
        root: Option<PathBuf>,
        /// Where to write the site [default: <root>/public].
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Port to listen on; 0 picks a free one.
        #[arg(short, long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on. The default keeps the preview on this machine.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Also answer requests for this host name (repeatable). Needed to
        /// reach the preview by name or address from another machine with
        /// --bind 0.0.0.0; any other name is refused, which stops web pages
        /// from reaching the preview through DNS rebinding.
        #[arg(long, value_name = "HOST")]
        allow_host: Vec<String>,
        /// Milliseconds to wait for a burst of changes to settle.
        #[arg(long, default_value_t = 50, value_name = "MS")]
        debounce: u64,
        /// Open the site in the default browser once it is served.
        #[arg(short = 'O', long)]
        open: bool,
    },
    /// List statements several sources share that no claim covers, and add
    /// one to config.toml as a new claim.
    ///
    /// Without --add, prints the candidates (the same as the report's
    /// "Claim candidates"). With --add, appends a [claims.<id>] entry whose
    /// pattern matches the shared wording; config.toml is only appended to,
    /// and left alone if the result would not be valid. The new claim is
    /// suggested on seeds ingested from then on; tag existing pages by hand.
    #[command(
        after_help = "Examples:\n  parallax claims\n  parallax claims --add p4 --id rostec-staff --label \"Rostec's staff in Caracas has not changed\""
    )]
    Claims {
        /// The briefing's folder (holding config.toml, seeds/, content/)
        /// [default: the nearest folder, from here up, that holds a config.toml].
        #[arg(short, long, value_name = "DIR")]
        root: Option<PathBuf>,
        /// The candidate to add, by its id in the list (p1, p2, …).
        #[arg(long, value_name = "CANDIDATE", requires_all = ["id", "label"])]
        add: Option<String>,
        /// Id of the new claim: lowercase letters, digits and dashes.
        #[arg(long)]
        id: Option<String>,
        /// Label of the new claim.
        #[arg(long)]
        label: Option<String>,
    },
    /// Fill in what existing pages lack from what ingest now reads in their
    /// seeds: author, wire, date, url, site name, encoding, and an outlet
    /// still `unknown`.
    ///
    /// Shows the changes and writes nothing unless --write is given. Never
    /// touches a page's body, its tags, or a field the page already has.
    #[command(after_help = "Examples:\n  parallax refresh\n  parallax refresh --write")]
    Refresh {
        /// The briefing's folder (holding config.toml, seeds/, content/)
        /// [default: the nearest folder, from here up, that holds a config.toml].
        #[arg(short, long, value_name = "DIR")]
        root: Option<PathBuf>,
        /// Write the changes into the pages.
        #[arg(short, long)]
        write: bool,
    },
    /// Print a completion script for a shell.
    #[command(
        after_help = "Examples:\n  parallax completions bash > ~/.local/share/bash-completion/completions/parallax\n  parallax completions zsh > ~/.zfunc/_parallax\n  parallax completions fish > ~/.config/fish/completions/parallax.fish"
    )]
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man`.
    #[command(after_help = "Examples:\n  parallax man > parallax.1 && man ./parallax.1")]
    Man,
    /// Check the config, every content page, its annotations and the seeds,
    /// writing nothing.
    ///
    /// Reports every problem a build would hit: invalid config or front
    /// matter, malformed or unknown annotations, duplicate ids, orphaned tags,
    /// outlets without profiles, seeds changed under an edited page, template
    /// errors. Exit code: 0 clean, 1 problems found, 2 could not run.
    #[command(after_help = "Examples:\n  parallax check\n  parallax check --root briefings/venezuela --format json")]
    Check {
        /// The briefing's folder (holding config.toml, seeds/, content/)
        /// [default: the nearest folder, from here up, that holds a config.toml].
        #[arg(short, long, value_name = "DIR")]
        root: Option<PathBuf>,
        /// How to print the diagnostics.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

fn parse_base_url(text: &str) -> Result<String, String> {
    crate::config::base_url(text)
}
