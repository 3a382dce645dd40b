//! Content-page parsing: `+++` front matter, TOML, body split. Any bytes
//! either parse into a page whose parts lie where they say, or give a
//! diagnostic that formats and points inside the file.

#![no_main]

#[path = "../common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use parallax::page::{Intro, Page};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    match Page::parse(Path::new("content/sources/fuzz.md"), text.clone()) {
        Ok(page) => {
            assert_eq!(page.text, text);
            assert!(page.front_start <= page.body_offset && page.body_offset <= text.len());
            assert!(text.is_char_boundary(page.front_start) && text.is_char_boundary(page.body_offset));
            assert_eq!(page.body(), &text[page.body_offset..]);
            assert!(!page.slug.is_empty());
            // Front matter spans are relative to the front matter, which
            // ends before the body.
            let front_len = page.body_offset - page.front_start;
            let mut spans = vec![page.front.outlet.span()];
            for t in &page.front.tags {
                spans.extend([t.claim.span(), t.exact.span()]);
            }
            for n in &page.front.notes {
                spans.extend([n.id.span(), n.text.span()]);
            }
            for s in spans {
                assert!(
                    s.start <= s.end && s.end <= front_len,
                    "span {s:?} outside a front matter of {front_len} bytes"
                );
                assert!(text.is_char_boundary(page.front_offset(s.start)));
            }
        }
        Err(d) => common::check_diag(&d, Some(&text)),
    }
    match Intro::parse(Path::new("content/_index.md"), &text) {
        Ok(intro) => assert!(text.ends_with(&intro.body)),
        Err(d) => common::check_diag(&d, Some(&text)),
    }
});
