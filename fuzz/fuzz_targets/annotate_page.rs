//! The whole per-page annotation, with the shipped config: bytes become a
//! page (given front matter unless they bring their own), and every span the
//! annotator hands out must lie on character boundaries of its plain text.

#![no_main]

#[path = "../common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use parallax::annotate::annotate;
use parallax::page::Page;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    let own_front = raw.trim_start_matches('\u{feff}').starts_with("+++");
    let text = if own_front { raw.into_owned() } else { format!("{}{raw}", common::FRONT) };
    let Ok(page) = Page::parse(Path::new("content/sources/fuzz.md"), text) else { return };
    let (annotated, diags) = annotate(page, &common::CONFIG);
    common::check_annotated(&annotated, &diags);
});
