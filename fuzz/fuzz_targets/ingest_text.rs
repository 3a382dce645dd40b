//! Scraped-text ingest: a `.txt` seed becomes a content page that parses
//! back, keeps the seed's path and hash, whose suggested tags all anchor in
//! its text, and which annotates without errors (ingest escapes the text,
//! so nothing in it may read as annotation syntax).

#![no_main]

#[path = "../common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::check_ingest("seeds/fuzz.txt", data, true);
});
