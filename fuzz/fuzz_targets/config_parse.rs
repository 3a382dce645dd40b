//! `config.toml` parsing and validation (patterns compiled, aliases turned
//! into one regex). A config that parses is then used to ingest and
//! annotate a small page, since the rules it compiles are only exercised
//! there.

#![no_main]

#[path = "../common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use parallax::annotate::annotate;
use parallax::config::Config;
use parallax::ingest::{plan, Seed};
use parallax::page::Page;
use std::path::Path;

const SEED: &str = "Russie: le Kremlin dément\n\nMoscou, 4 juin (Xinhua) -- Le porte-parole du Kremlin, Dmitri Peskov, a \
démenti mardi tout retrait de personnel. « Nous n'avons envoyé aucun message officiel », a-t-il dit, selon l'agence TASS. \
Environ 100 militaires russes étaient arrivés le 23 mars.\n";

fuzz_target!(|data: &[u8]| {
    let config = match Config::from_bytes(data.to_vec(), Path::new("config.toml")) {
        Ok(config) => config,
        Err(diags) => {
            assert!(!diags.is_empty(), "a refused config says why");
            let text = String::from_utf8_lossy(data);
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            for d in &diags {
                common::check_diag(d, Some(text));
            }
            return;
        }
    };
    let seed = Seed { path: "seeds/a.txt".into(), text: SEED.into(), hash: "blake3:00".into(), encoding: None };
    let (pages, diags) = plan(&[seed], &[], &config);
    for d in &diags {
        common::check_diag(d, None);
    }
    assert_eq!(pages.len(), 1);
    let page = match Page::parse(&pages[0].path, pages[0].text.clone()) {
        Ok(page) => page,
        Err(d) => panic!("ingest wrote a page that does not parse: {d}\n{}", pages[0].text),
    };
    let (annotated, diags) = annotate(page, &config);
    common::check_annotated(&annotated, &diags);
});
