//! A new user's own material: `init`, a config with nothing but a title,
//! saved web pages and text in legacy encodings, a run from a subfolder.

use crate::support::{render, Site};
use std::path::Path;
use std::process::Command;

fn parallax(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax")).args(args).current_dir(dir).output().expect("run parallax");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), text)
}

/// A page of the shared extraction corpus; the test fails where it is missing.
fn shared_page(name: &str) -> Vec<u8> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/readability").join(name).join("source.html");
    std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (the shared corpus must sit beside the clone)", path.display()))
}

#[test]
fn init_scaffolds_a_briefing_and_refuses_a_folder_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = parallax(dir.path(), &["init", "brief", "--title", "Port strike"]);
    assert_eq!(code, 0, "{out}");
    let brief = dir.path().join("brief");
    for file in ["config.toml", "content/_index.md", ".gitignore"] {
        assert!(brief.join(file).is_file(), "{file} made");
    }
    assert!(brief.join("seeds").is_dir());
    let config = std::fs::read_to_string(brief.join("config.toml")).unwrap();
    assert!(config.contains("title = \"Port strike\"") && config.contains("language = \"en\""));
    for example in ["# [outlets.", "# [claims.", "# [actors."] {
        assert!(config.contains(example), "commented example {example}");
    }
    assert!(std::fs::read_to_string(brief.join(".gitignore")).unwrap().contains("public/"));

    std::fs::write(brief.join("config.toml"), "[site]\ntitle = \"Mine\"\n").unwrap();
    let (code, out) = parallax(dir.path(), &["init", "brief"]);
    assert_eq!(code, 2, "a folder in use is refused: {out}");
    assert!(out.contains("not empty") && out.contains("--force"), "{out}");
    let (code, out) = parallax(dir.path(), &["init", "brief", "--force"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        std::fs::read_to_string(brief.join("config.toml")).unwrap(),
        "[site]\ntitle = \"Mine\"\n",
        "never replaced"
    );
}

#[test]
fn a_new_briefing_from_saved_pages_and_legacy_text_built_from_a_subfolder() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(parallax(dir.path(), &["init", "brief"]).0, 0);
    let brief = dir.path().join("brief");
    for name in ["lemonde-1", "liberation-1", "bbc-1"] {
        std::fs::write(brief.join(format!("seeds/{name}.html")), shared_page(name)).unwrap();
    }
    let text = "Grève au port : les dockers arrêtent le travail\n\nPar Jeanne Martin\n\nPublié le 12/03/2024 à 10:30\n\n\
                Environ deux mille dockers ont cessé le travail mardi à l'appel de leur syndicat, qui réclame une hausse des salaires et l'ouverture de négociations.\n\n\
                « Nous ne céderons pas », a déclaré la secrétaire du syndicat devant les grilles du port.\n";
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    std::fs::write(brief.join("seeds/latin1.txt"), &latin1).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.replace("Grève", "Grèves").encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(brief.join("seeds/utf16.txt"), utf16).unwrap();
    std::fs::create_dir_all(brief.join("content/notes")).unwrap();

    let (code, out) = parallax(&brief.join("content/notes"), &["build"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("../../content/sources/"), "paths shown from where the user is: {out}");
    let site = Site::at(&brief);
    let pages: Vec<String> =
        site.tree("content/sources").into_values().map(|b| String::from_utf8(b).unwrap()).collect();
    assert_eq!(pages.len(), 5);
    let find = |seed: &str| pages.iter().find(|p| p.contains(&format!("seed = \"seeds/{seed}\""))).unwrap().clone();

    let lemonde = find("lemonde-1.html");
    assert!(
        lemonde.contains("title = \"Le projet de loi sur le renseignement massivement approuvé à l'Assemblée\""),
        "{lemonde}"
    );
    assert!(lemonde.contains("outlet = \"le-monde\"") && lemonde.contains("language = \"fr\""), "{lemonde}");
    assert!(lemonde.contains("url = \"http"), "the page's canonical address: {lemonde}");
    let bbc = find("bbc-1.html");
    assert!(bbc.contains("outlet = \"bbc\"") && bbc.contains("language = \"en\""), "{bbc}");
    for page in [&lemonde, &find("liberation-1.html"), &bbc] {
        let body = page.rsplit_once("+++\n").unwrap().1;
        assert!(body.len() > 1000, "the article is there");
        for markup in ["<p", "<div", "<a ", "<script", "<img", "</"] {
            assert!(!body.contains(markup), "no markup ({markup}) in the text");
        }
    }
    for (seed, encoding) in [("latin1.txt", "windows-1252"), ("utf16.txt", "utf-16le")] {
        let page = find(seed);
        assert!(page.contains(&format!("encoding = \"{encoding}\"")), "{page}");
        assert!(page.contains("date = 2024-03-12") && page.contains("author = \"Jeanne Martin\""), "{page}");
        let body = page.rsplit_once("+++\n").unwrap().1;
        assert!(body.contains("« Nous ne céderons pas »"), "decoded text: {body}");
        assert!(!body.contains("Par Jeanne") && !body.contains("Publié le"), "metadata out of the text: {body}");
    }
    let report = site.read("public/report/index.html");
    assert!(report.contains("<html lang=\"en\""), "the interface is English unless configured");
}

#[test]
fn a_title_alone_builds_the_whole_site_and_every_report_section_says_when_it_is_empty() {
    let site = Site::with_config("[site]\ntitle = \"Only a title\"\n");
    site.write("seeds/a.txt", "A short headline\n\nA single plain sentence with nothing else in it at all.\n");
    site.build_ok();
    let report = site.read("public/report/index.html");
    for (section, empty) in [
        ("matrix", "No claims to compare yet"),
        ("blindspots", "Nothing to show: blindspots need claims."),
        ("shared-quotes", "No quote appears in more than one source."),
        ("quotes", "No quotations found."),
        ("figures", "No figures found."),
        ("names", "No descriptions found."),
        ("sourcing", "No citations found."),
        ("vocabulary", "Nothing to show: distinctive words need sources from at least two outlets."),
        ("timeline", "No datable mentions"),
        ("reuse", "No sentence appears in more than one source."),
    ] {
        let at = report.find(&format!("<section id=\"{section}\"")).unwrap_or_else(|| panic!("section {section}"));
        let end = report[at..].find("</section>").map_or(report.len(), |e| at + e);
        assert!(report[at..end].contains(empty), "{section} says it is empty");
    }
    for page in
        ["public/index.html", "public/sources/index.html", "public/claims/index.html", "public/outlets/index.html"]
    {
        assert!(site.exists(page), "{page}");
    }
}

#[test]
fn a_briefing_with_no_sources_builds() {
    let site = Site::with_config("[site]\ntitle = \"Nothing yet\"\n");
    site.build_ok();
    assert!(site.read("public/report/index.html").contains("No sources yet"));
}

macro_rules! empty_section {
    ($($name:ident: $section:literal,)*) => {$(
        #[test]
        fn $name() {
            let site = Site::with_config(&format!("[site]\ntitle = \"T\"\n\n{}\n", $section));
            site.write("seeds/a.txt", "A headline here\n\nSome article text, a sentence long enough to be kept as the body of the page.\n");
            let report = site.build();
            assert!(report.written, "{}:\n{}", $section, render(&report));
            assert!(site.exists("public/report/index.html"));
        }
    )*};
}

empty_section! {
    empty_outlets_section: "[outlets]",
    empty_claims_section: "[claims]",
    empty_actors_section: "[actors]",
    empty_limits_section: "[limits]",
    empty_site_extras: "",
}

#[test]
fn refresh_fills_in_what_existing_pages_lack_and_nothing_else() {
    let site = Site::with_config("[site]\ntitle = \"T\"\n");
    let seed = "URL: https://www.lemonde.fr/economie/article/2024/03/12/greve.html\n\nLes dockers en grève\n\nPar Jeanne Martin\n\nPublié le 12/03/2024 à 10:30\n\n\
                Environ deux mille dockers ont cessé le travail mardi à l'appel de leur syndicat, qui réclame une hausse des salaires.\n";
    site.write("seeds/greve.txt", seed);
    // A page as an earlier version wrote it: no author, date, url; outlet unknown; an edited body.
    let old = "+++\ntitle = \"Les dockers en grève\"\noutlet = \"unknown\"\nlanguage = \"fr\"\nseed = \"seeds/greve.txt\"\n\n[[tags]]\nclaim = \"x\"\nstance = \"asserts\"\nstatus = \"rejected\"\nexact = \"Environ\"\n+++\n\nEnviron deux mille dockers, *corrigé à la main*.\n";
    site.write("config.toml", "[site]\ntitle = \"T\"\n[claims.x]\nlabel = \"X\"\n");
    site.write("content/sources/greve.md", old);
    let (code, out) = parallax(site.root(), &["refresh"]);
    assert_eq!(code, 0, "{out}");
    for field in [
        "outlet = \"unknown\" -> \"le-monde\"",
        "+ author = \"Jeanne Martin\"",
        "+ date = 2024-03-12",
        "+ url = \"https://www.lemonde.fr/",
    ] {
        assert!(out.contains(field), "shows {field}: {out}");
    }
    assert_eq!(site.read("content/sources/greve.md"), old, "nothing written without --write");
    let (code, out) = parallax(site.root(), &["refresh", "--write"]);
    assert_eq!(code, 0, "{out}");
    let new = site.read("content/sources/greve.md");
    assert!(
        new.contains("outlet = \"le-monde\"\nauthor = \"Jeanne Martin\"") || new.contains("outlet = \"le-monde\"\n"),
        "{new}"
    );
    assert!(new.contains("date = 2024-03-12") && new.contains("author = \"Jeanne Martin\""), "{new}");
    assert!(new.ends_with("+++\n\nEnviron deux mille dockers, *corrigé à la main*.\n"), "the body is untouched: {new}");
    assert!(new.contains("status = \"rejected\""), "tags untouched");
    let (_, out) = parallax(site.root(), &["refresh"]);
    assert!(out.contains("nothing to fill in"), "{out}");
    site.build_ok();
}

/// A page with an address of its own that credits another outlet (a
/// republished or translated article) is not that outlet's: the credit names
/// its first publisher. With no address, a byline naming an outlet is the
/// outlet's own credit ("Texte par FRANCE 24").
#[test]
fn a_credit_naming_another_outlet_is_not_the_pages_outlet() {
    let site = Site::with_config("[site]\ntitle = \"T\"\n");
    let body = "Les dockers de Port Halvard ont cessé le travail mardi à l'appel de leur syndicat, qui réclame une hausse des salaires depuis le printemps.\n\n\
                La direction du port a proposé une réunion jeudi, mais le syndicat n'a pas encore répondu à cette invitation.\n";
    site.write(
        "seeds/republished.txt",
        format!("URL: https://revue-de-presse.example/article/dockers\n\nLes dockers en grève\n\nPar The Wall Street Journal\n\n{body}"),
    );
    site.write("seeds/own.txt", format!("Les dockers en grève\n\nPar The Wall Street Journal\n\n{body}"));
    site.build_ok();
    let outlet_of = |slug_part: &str| -> String {
        let dir = site.path("content/sources");
        let page = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| std::fs::read_to_string(p).unwrap())
            .find(|t| t.contains(slug_part))
            .expect("the page");
        page.lines().find(|l| l.starts_with("outlet = ")).unwrap().to_owned()
    };
    assert_eq!(outlet_of("seeds/republished.txt"), "outlet = \"unknown\"");
    assert_eq!(outlet_of("seeds/own.txt"), "outlet = \"wsj\"");
}

#[test]
fn a_byline_that_is_a_sites_address_names_no_author() {
    let site = Site::new();
    site.write(
        "seeds/pompiers.txt",
        "Flash mob géant chez les pompiers de Saint-Hubert\n\nPar sudinfo.be\n\n\
         Les pompiers de Saint-Hubert ont ouvert leurs portes dimanche et des centaines de visiteurs ont dansé dans la caserne.\n\n\
         La journée a réuni des familles venues de toute la province, a indiqué le commandant de la zone de secours.\n",
    );
    site.build_ok();
    let page = site.read("content/sources/flash-mob-geant-chez-les-pompiers-de-saint-hubert.md");
    assert!(!page.contains("author ="), "{page}");
    assert!(page.contains("Par sudinfo.be"), "the byline is kept in [[removed]]: {page}");
}
