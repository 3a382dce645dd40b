//! Every malformed input: a clear diagnostic with file and line:column, all
//! problems in one run, a failed build, and nothing lost.

use crate::support::{page, render, Site, MINIMAL_CONFIG};

/// Builds a good site, breaks it with `damage`, builds again, and checks
/// that nothing was written and nothing lost. Returns the diagnostics.
fn broken(damage: impl FnOnce(&Site)) -> String {
    let site = Site::new();
    site.write("seeds/good.txt", "Good headline\n\nThe Daily Planet staff report the moon is made of cheese.\n");
    site.write("content/sources/hand.md", page("unknown", "Hand-written page."));
    site.build_ok();
    let public = site.tree("public");
    damage(&site);
    let content = site.tree("content");
    let report = site.build();
    assert!(!report.written, "build should fail:\n{}", render(&report));
    assert_eq!(site.tree("public"), public, "public/ keeps the last good build");
    assert_eq!(site.tree("content"), content, "content pages untouched");
    render(&report)
}

#[test]
fn config_syntax_error() {
    let d = broken(|s| {
        s.write("config.toml", MINIMAL_CONFIG.replace("title = \"Fixture briefing\"", "title = Fixture briefing"))
    });
    insta::assert_snapshot!(d);
}

#[test]
fn config_unknown_field() {
    let d = broken(|s| s.write("config.toml", MINIMAL_CONFIG.replace("language = \"en\"", "langage = \"en\"")));
    insta::assert_snapshot!(d);
}

#[test]
fn config_bad_enum_value() {
    let d = broken(|s| {
        s.write("config.toml", MINIMAL_CONFIG.replace("affiliation = \"private\"", "affiliation = \"corporate\""))
    });
    insta::assert_snapshot!(d);
}

#[test]
fn config_invalid_patterns_all_reported() {
    let d = broken(|s| {
        let config = MINIMAL_CONFIG
            .replace("patterns = [\"made of cheese\"]", "patterns = [\"made of (cheese\"]")
            .replace("patterns = [\"nasa denie\"]", "patterns = [\"nasa [denie\", \"x*\"]");
        s.write("config.toml", config)
    });
    insta::assert_snapshot!(d);
}

#[test]
fn config_unsafe_id() {
    let d = broken(|s| s.write("config.toml", MINIMAL_CONFIG.replace("[claims.moon-cheese]", "[claims.\"../moon\"]")));
    insta::assert_snapshot!(d);
}

#[test]
fn config_not_utf8() {
    let d = broken(|s| {
        let mut bytes = MINIMAL_CONFIG.as_bytes().to_vec();
        bytes.extend_from_slice(b"# caf\xe9\n");
        s.write("config.toml", bytes)
    });
    insta::assert_snapshot!(d);
}

#[test]
fn config_missing_means_could_not_run() {
    let site = Site::new();
    site.build_ok();
    let public = site.tree("public");
    std::fs::remove_file(site.path("config.toml")).unwrap();
    for command in ["build", "check"] {
        let (code, stderr) = site.run(&[command]);
        assert_eq!(code, 2, "{command}: {stderr}");
        assert!(stderr.contains("no config.toml in"), "{stderr}");
    }
    assert_eq!(site.tree("public"), public);
    let (code, stderr) = site.run(&["build", "--root", "/nonexistent/briefing"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("/nonexistent/briefing is not a folder"), "{stderr}");
}

#[test]
fn a_config_error_does_not_hide_other_problems() {
    let d = broken(|s| {
        s.write("config.toml", MINIMAL_CONFIG.replace("title = \"Fixture briefing\"", "titel = \"Fixture briefing\""));
        s.write("content/sources/hand.md", "+++\ntitle = \"A page\"\noutlet = \"unknown\n+++\n");
    });
    insta::assert_snapshot!(d);
}

#[test]
fn front_matter_bad_toml_points_into_the_file() {
    let d = broken(|s| {
        s.write(
            "content/sources/hand.md",
            "+++\ntitle = \"A page\"\noutlet = \"unknown\nlanguage = \"fr\"\n+++\n\nText.\n",
        )
    });
    insta::assert_snapshot!(d);
}

#[test]
fn front_matter_missing() {
    let d = broken(|s| s.write("content/sources/hand.md", "Just text, no front matter.\n"));
    insta::assert_snapshot!(d);
}

#[test]
fn front_matter_unclosed() {
    let d = broken(|s| s.write("content/sources/hand.md", "+++\ntitle = \"A page\"\noutlet = \"unknown\"\n\nText.\n"));
    insta::assert_snapshot!(d);
}

#[test]
fn front_matter_missing_title() {
    let d = broken(|s| s.write("content/sources/hand.md", "+++\noutlet = \"unknown\"\n+++\n\nText.\n"));
    insta::assert_snapshot!(d);
}

#[test]
fn unknown_outlet_in_page_suggests_the_closest() {
    let d = broken(|s| s.write("content/sources/hand.md", page("daily-plante", "Text.")));
    insta::assert_snapshot!(d);
}

#[test]
fn unknown_claim_in_page_suggests_the_closest() {
    let d = broken(|s| {
        s.write(
            "content/sources/hand.md",
            "+++\ntitle = \"A page\"\noutlet = \"unknown\"\n\n[[tags]]\nclaim = \"moon-chese\"\nstance = \"asserts\"\nexact = \"Text\"\n+++\n\nText.\n",
        )
    });
    insta::assert_snapshot!(d);
}

#[test]
fn unknown_stance_in_page() {
    let d = broken(|s| {
        s.write(
            "content/sources/hand.md",
            "+++\ntitle = \"A page\"\noutlet = \"unknown\"\n\n[[tags]]\nclaim = \"moon-cheese\"\nstance = \"supports\"\nexact = \"Text\"\n+++\n\nText.\n",
        )
    });
    insta::assert_snapshot!(d);
}

#[test]
fn page_not_utf8() {
    let d = broken(|s| {
        s.write("content/sources/hand.md", b"+++\ntitle = \"A page\"\noutlet = \"unknown\"\n+++\n\nCaf\xe9 noir.\n")
    });
    insta::assert_snapshot!(d);
}

#[cfg(unix)]
#[test]
fn seed_unreadable() {
    let d = broken(|s| std::os::unix::fs::symlink(s.path("nowhere.txt"), s.path("seeds/dangling.txt")).unwrap());
    insta::assert_snapshot!(d);
}

#[test]
fn every_problem_in_one_run() {
    let d = broken(|s| {
        s.write("content/sources/hand.md", page("nope", "Text."));
        s.write("content/sources/other.md", "+++\ntitle = 3\noutlet = \"unknown\"\n+++\n");
    });
    insta::assert_snapshot!(d);
}

#[test]
fn cli_exit_codes_and_messages() {
    let site = Site::new();
    site.write("content/sources/hand.md", page("nope", "Text."));
    let (code, stderr) = site.run(&["build"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("content/sources/hand.md:3:10"), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");

    let (code, stderr) = site.run(&["build", "--output", "."]);
    assert_eq!(code, 2, "refuses to replace the briefing itself: {stderr}");
    assert!(stderr.contains("the briefing itself"), "{stderr}");
    let (code, _) = site.run(&["build", "--output", "content/out"]);
    assert_eq!(code, 2);
    assert!(site.exists("content/sources/hand.md"));
}

#[test]
fn orphaned_tags_are_reported_not_dropped() {
    let site = Site::new();
    site.write(
        "content/sources/hand.md",
        "+++\ntitle = \"A page\"\noutlet = \"unknown\"\n\n[[tags]]\nclaim = \"moon-cheese\"\nstance = \"asserts\"\nexact = \"The moon is made of cheese.\"\n+++\n\nThe moon is made of rock.\n",
    );
    let report = site.build_ok();
    insta::assert_snapshot!(render(&report));
}

#[test]
fn intro_page_bad_front_matter() {
    let d = broken(|s| s.write("content/_index.md", "+++\ntitle = \"Intro\"\noutlet = \"x\"\n+++\n\nHello.\n"));
    insta::assert_snapshot!(d);
}

/// An annotation with an unknown claim and a bad stance reports both, each
/// with its "did you mean".
#[test]
fn an_unknown_claim_and_a_bad_stance_are_both_reported() {
    let site = Site::new();
    site.write(
        "content/sources/one.md",
        page("daily-planet", "The [moon is cheese](claim:moon-chese \"deny\") after all."),
    );
    let out = site.check();
    assert!(out.contains("unknown claim `moon-chese`") && out.contains("moon-cheese"), "{out}");
    assert!(out.contains("unknown stance `deny`") && out.contains("did you mean `denies`"), "{out}");
}

/// A page whose front matter is wrong still has its body checked: every
/// problem in one run.
#[test]
fn a_page_with_a_bad_front_matter_still_reports_its_body() {
    let site = Site::new();
    site.write(
        "content/sources/one.md",
        "+++\ntitle = \"A page\"\noutlet = \"daily-planet\"\nstatus = \"reject\"\n+++\n\nThe [moon is cheese](claim:moon-cheese \"deny\") after all.\n",
    );
    let out = site.check();
    assert!(out.contains("unknown field `status`"), "{out}");
    assert!(out.contains("unknown stance `deny`") && out.contains("did you mean `denies`"), "{out}");
    let before = site.tree("content");
    let report = site.build();
    assert!(!report.written, "{}", render(&report));
    assert_eq!(before, site.tree("content"));
    assert!(!site.exists("public/index.html"));
}
