//! Command-line interface. The doc comments are the `--help` text.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Build briefing sites that compare how different outlets cover one event.
///
/// Put one article per file in seeds/, run `parallax build`, then edit the
/// pages it writes to content/ and build again. The site goes to public/.
#[derive(Debug, Parser)]
#[command(name = "parallax", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
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
    ///
    /// Example:
    ///   parallax build
    ///   parallax build --root briefings/venezuela --output /tmp/site
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
}
