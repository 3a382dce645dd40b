//! parallax: seeds -> content pages -> annotated pages -> comparison -> site.
//!
//! IO happens in `ingest` (reading seeds) and `site` (everything else); the
//! stages in between are pure. See ARCHITECTURE.md.

// Diagnostics are the error values of the pure stages on purpose; boxing
// them would only add noise.
#![allow(clippy::result_large_err)]

pub mod annotate;
pub mod cli;
pub mod compare;
pub mod config;
pub mod diag;
pub mod failpoint;
pub mod fold;
pub mod fsx;
pub mod ingest;
pub mod init;
pub mod markdown;
pub mod page;
pub mod registry;
pub mod render;
pub mod serve;
pub mod site;
pub mod text;
pub mod translit;
