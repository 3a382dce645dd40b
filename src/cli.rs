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
        /// The briefing's folder (holding config.toml, seeds/, content/).
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
        /// Where to write the site [default: <root>/public].
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Print how long each stage of the build took.
        #[arg(long)]
        timings: bool,
    },
    /// Check the config, every content page, its annotations and the seeds,
    /// writing nothing.
    ///
    /// Reports every problem a build would hit: invalid config or front
    /// matter, malformed or unknown annotations, duplicate ids, orphaned tags,
    /// outlets without profiles, seeds changed under an edited page, template
    /// errors. Exit code: 0 clean, 1 problems found, 2 could not run.
    #[command(after_help = "Examples:\n  parallax check\n  parallax check --root briefings/venezuela --format json")]
    Check {
        /// The briefing's folder (holding config.toml, seeds/, content/).
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
        /// How to print the diagnostics.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}
