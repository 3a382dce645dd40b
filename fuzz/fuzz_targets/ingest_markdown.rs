//! Markdown-seed ingest: a `.md` seed (optional `+++` front matter, a
//! `# Title`, markdown kept as written) becomes a content page that parses
//! back, keeps the seed's path and hash, and whose suggested tags all anchor
//! in its text.

#![no_main]

#[path = "../common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::check_ingest("seeds/fuzz.md", data, false);
});
