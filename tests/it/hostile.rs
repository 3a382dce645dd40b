//! Hostile layouts and hostile input, run through the real binary: output
//! folders that name the briefing or someone else's files, links in and
//! around the output, link loops, inputs built to exhaust the stack or the
//! memory, a preview server reached from other sites, and HTML meant to run.
//!
//! The output-folder cases snapshot the whole temporary folder (the briefing,
//! a sibling folder and every link target, links not followed) before and
//! after, and check that nothing outside the output changed. Exit codes
//! matter: 2 could not run, 1 problems in the input, 0 built.

#![cfg(unix)]

use crate::serve::Running;
use crate::support::{assert_same_tree, page, parallax_in, snapshot, without, Node, Site, Tree, MINIMAL_CONFIG};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A temporary folder holding a briefing `b/` (config and one content page),
/// a sibling folder `sibling/` with files of its own, and room for link
/// targets beside them.
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let sb = Sandbox { dir: tempfile::tempdir().expect("temp dir") };
        sb.write("b/config.toml", MINIMAL_CONFIG);
        sb.write("b/content/sources/hand.md", page("daily-planet", "The moon is made of cheese, says the draft."));
        sb.write("sibling/notes.txt", "the neighbour's notes\n");
        sb.write("sibling/sub/deep.txt", "deeper\n");
        sb
    }

    fn top(&self) -> &Path {
        self.dir.path()
    }

    /// A path under the temporary folder (`b/...` for the briefing).
    fn at(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn root(&self) -> PathBuf {
        self.at("b")
    }

    fn write(&self, rel: &str, content: impl AsRef<[u8]>) {
        let path = self.at(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }

    fn snapshot(&self) -> Tree {
        snapshot(self.top())
    }

    /// `parallax ARGS` run from inside the briefing.
    fn run(&self, args: &[&str]) -> (i32, String) {
        parallax_in(&self.root(), args, &[])
    }

    fn build_ok(&self, args: &[&str]) {
        let mut all = vec!["build"];
        all.extend_from_slice(args);
        let (code, stderr) = self.run(&all);
        assert_eq!(code, 0, "build {args:?}: {stderr}");
    }

    /// Runs `build ARGS` from `cwd`, which must be refused (exit 2) without
    /// a byte changed anywhere in the temporary folder.
    fn refused(&self, cwd: &Path, args: &[&str]) -> String {
        let before = self.snapshot();
        let mut all = vec!["build"];
        all.extend_from_slice(args);
        let (code, stderr) = parallax_in(cwd, &all, &[]);
        assert_eq!(code, 2, "build {args:?} should not run: {stderr}");
        assert!(stderr.contains("error:"), "says why: {stderr}");
        assert_same_tree(&before, &self.snapshot(), &format!("build {args:?} changed files"));
        stderr
    }
}

fn arg(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Names of the entries anywhere in `tree`.
fn names(tree: &Tree) -> Vec<&str> {
    tree.keys().map(|p| p.rsplit('/').next().unwrap()).collect()
}

// ---------------------------------------------------------------------------
// 1. Output folders that are the briefing.

#[test]
fn an_output_that_is_the_briefing_is_refused() {
    let sb = Sandbox::new();
    let root = sb.root();
    for built in [false, true] {
        if built {
            sb.build_ok(&[]);
        }
        sb.refused(&root, &["--output", "../b"]);
        let spelled = format!("{}/public/../../b", arg(&root));
        sb.refused(&root, &["--output", &spelled]);
        assert!(!names(&sb.snapshot()).contains(&".b.old"), "no .b.old anywhere");
        assert!(!names(&sb.snapshot()).contains(&".b.staging"), "no .b.staging anywhere");
    }
    symlink(&root, sb.at("to-root")).unwrap();
    sb.refused(&root, &["--output", arg(&sb.at("to-root"))]);
    symlink(root.join("seeds"), sb.at("to-seeds")).unwrap();
    sb.write("b/seeds/first.txt", "Seed\n\nThe Daily Planet staff say the moon is made of cheese.\n");
    sb.build_ok(&[]);
    let seeds = snapshot(&root.join("seeds"));
    sb.refused(&root, &["--output", arg(&sb.at("to-seeds"))]);
    // A link inside the briefing, written relative to it.
    symlink("seeds", root.join("out")).unwrap();
    sb.refused(&root, &["--output", "out"]);
    assert_same_tree(&seeds, &snapshot(&root.join("seeds")), "seeds/ changed");
}

// ---------------------------------------------------------------------------
// 2. Links in and as the output.

#[test]
fn a_link_inside_the_output_is_carried_over_and_never_followed() {
    let sb = Sandbox::new();
    sb.build_ok(&[]);
    sb.write("outside/media/photo.jpg", "jpeg bytes");
    sb.write("outside/media/sub/clip.txt", "clip");
    symlink(sb.at("outside/media"), sb.at("b/public/media")).unwrap();
    let before = without(&sb.snapshot(), "b/public");
    for round in 1..=3 {
        sb.build_ok(&[]);
        assert_same_tree(&before, &without(&sb.snapshot(), "b/public"), &format!("build {round} changed files"));
        let link = std::fs::read_link(sb.at("b/public/media")).expect("public/media is still a link");
        assert_eq!(link, sb.at("outside/media"), "build {round}");
        assert!(sb.at("b/public/index.html").is_file());
    }
}

#[test]
fn an_output_linked_to_a_foreign_folder_is_refused() {
    let sb = Sandbox::new();
    sb.write("outside/stuff/letter.txt", "dear");
    sb.write("outside/stuff/more/photo.jpg", "jpeg");
    symlink(sb.at("outside/stuff"), sb.at("b/public")).unwrap();
    sb.refused(&sb.root(), &[]);
}

#[test]
fn an_output_linked_to_a_previous_build_is_rebuilt_where_it_is() {
    let sb = Sandbox::new();
    let site = sb.at("site");
    sb.build_ok(&["--output", arg(&site)]);
    assert!(site.join(".parallax-build").is_file());
    symlink(&site, sb.at("b/public")).unwrap();
    sb.write("b/content/sources/hand.md", page("daily-planet", "The moon is made of cheese, says the second draft."));
    let before = without(&sb.snapshot(), "site");
    sb.build_ok(&[]);
    assert_same_tree(&before, &without(&sb.snapshot(), "site"), "files outside the output changed");
    assert_eq!(std::fs::read_link(sb.at("b/public")).unwrap(), site, "public/ is still the link");
    let html = std::fs::read_to_string(site.join("sources/hand/index.html")).unwrap();
    assert!(html.contains("second draft"), "the target holds the new build");
}

// ---------------------------------------------------------------------------
// 3. Outputs that are the briefing's files, or someone else's.

#[test]
fn outputs_inside_the_briefings_own_files_are_refused() {
    let sb = Sandbox::new();
    sb.write("b/.git/HEAD", "ref: refs/heads/main\n");
    sb.write("b/themes/x/static/style.css", "body {}\n");
    let root = sb.root();
    for output in [".git", "config.toml", "content", "themes/x"] {
        sb.refused(&root, &["--output", arg(&root.join(output))]);
    }
}

#[test]
fn only_empty_or_parallax_built_folders_are_replaced() {
    let sb = Sandbox::new();
    let root = sb.root();
    sb.refused(&root, &["--output", arg(&sb.at("sibling"))]);

    std::fs::create_dir(sb.at("empty")).unwrap();
    let before = without(&sb.snapshot(), "empty");
    sb.build_ok(&["--output", arg(&sb.at("empty"))]);
    assert_same_tree(&before, &without(&sb.snapshot(), "empty"), "files outside the output changed");
    assert!(sb.at("empty/.parallax-build").is_file() && sb.at("empty/index.html").is_file());

    // What parallax wrote before builds were marked: replaced once, then marked.
    for file in ["index.html", "style.css", "report.json", "annotations.jsonld", "report/index.html"] {
        sb.write(&format!("b/public/{file}"), "old build");
    }
    sb.write("b/public/sources/gone/index.html", "old page");
    sb.build_ok(&[]);
    assert!(sb.at("b/public/.parallax-build").is_file(), "marked now");
    assert!(!sb.at("b/public/sources/gone").exists(), "the old build was replaced");

    std::fs::remove_dir_all(sb.at("b/public")).unwrap();
    for file in ["index.html", "style.css", "report.json", "notes.txt"] {
        sb.write(&format!("b/public/{file}"), "mine");
    }
    sb.refused(&root, &[]);

    std::fs::remove_dir_all(sb.at("b/public")).unwrap();
    sb.write("b/.public.staging/draft.txt", "not parallax's");
    sb.refused(&root, &[]);
}

// ---------------------------------------------------------------------------
// 4. Nesting deep enough to overflow a recursive parser.

fn deep_page(markers: usize) -> String {
    format!("+++\ntitle = \"Deep\"\noutlet = \"unknown\"\n+++\n\nIntro.\n\n{} deep\n", ">".repeat(markers))
}

#[test]
fn deep_nesting_is_an_error_with_its_position_not_a_crash() {
    for markers in [30_000, 200_000] {
        let site = Site::new();
        site.write("content/sources/deep.md", deep_page(markers));
        for command in ["build", "check"] {
            let (code, stderr) = site.run(&[command]);
            assert_eq!(code, 1, "{command} with {markers} `>`: {}", &stderr[..stderr.len().min(2000)]);
            assert!(stderr.contains("content/sources/deep.md:8:1"), "{command}: {}", &stderr[..stderr.len().min(2000)]);
            assert!(stderr.contains("nest"), "{command}: says what is wrong");
            assert!(stderr.len() < 10_000, "{command}: the long line is cut in the diagnostic");
        }
        let site = Site::new();
        site.write("seeds/deep.md", format!("# Deep seed\n\nIntro paragraph.\n\n{} deep words\n", ">".repeat(markers)));
        let (code, stderr) = site.run(&["build"]);
        assert_eq!(code, 0, "a deep markdown seed is flattened: {}", &stderr[..stderr.len().min(2000)]);
        assert!(site.source_pages().iter().any(|p| p == "deep-seed"), "{:?}", site.source_pages());
    }
}

#[test]
fn serve_stays_up_after_a_build_that_nests_too_deep() {
    let site = Site::new();
    site.write("content/sources/deep.md", deep_page(200_000));
    let server = Running::start(&site, &["serve", "--port", "0"]);
    let port = server.port.expect("serving");
    let head = request(port, &format!("GET / HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n"));
    assert_eq!(status(&head), 404, "answers (nothing built yet): {head}");
    let status_json = request(
        port,
        &format!("GET /__parallax/status HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n"),
    );
    assert!(status_json.contains("nest"), "the failed build is reported: {status_json}");
    site.write("content/sources/deep.md", deep_page(3));
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let head = request(port, &format!("GET / HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n"));
        if status(&head) == 200 {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "no good build after the fix: {}", server.log.lock().unwrap());
        std::thread::sleep(Duration::from_millis(100));
    }
}

// ---------------------------------------------------------------------------
// 5. Size limits.

fn with_limits(limits: &str) -> Site {
    let site = Site::new();
    site.write("config.toml", format!("{MINIMAL_CONFIG}\n[limits]\n{limits}\n"));
    site
}

/// Paragraphs of the shipped example seeds, `bytes` long or a little more.
fn example_text(bytes: usize) -> String {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(repo).unwrap().map(|e| e.unwrap().path()).collect();
    seeds.sort();
    let text: String = seeds.iter().map(|p| std::fs::read_to_string(p).unwrap() + "\n\n").collect();
    let mut out = String::from("Une longue dépêche\n\n");
    while out.len() < bytes {
        out.push_str(&text);
    }
    out
}

/// The first `bytes` bytes of `text`, or a little less, on a character boundary.
fn cut(text: &str, bytes: usize) -> &str {
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[test]
fn a_seed_over_the_size_limit_is_skipped_with_a_warning() {
    let site = with_limits("seed_bytes = 1000");
    site.write("seeds/big.txt", cut(&example_text(5_000), 5_000));
    site.write("seeds/small.txt", "Small seed\n\nThe Daily Planet staff say the moon is made of cheese.\n");
    let (code, stderr) = site.run(&["build"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("warning: seed skipped") && stderr.contains("seeds/big.txt"), "{stderr}");
    assert_eq!(site.source_pages(), ["small-seed"], "no page for the skipped seed");
}

#[test]
fn size_limit_warnings_state_the_sizes() {
    let site = with_limits("seed_bytes = 1000");
    site.write("seeds/big.txt", cut(&example_text(5_000), 5_000));
    let (_, stderr) = site.run(&["build"]);
    assert!(stderr.contains("4 KB is over the limit of 1000 bytes"), "{stderr}");
    let site = with_limits("text_bytes = 300");
    site.write("seeds/long.txt", example_text(900));
    let (_, stderr) = site.run(&["build"]);
    assert!(stderr.contains("longer than 300 bytes"), "{stderr}");
    assert!(!stderr.contains(" 0 MB"), "{stderr}");
}

#[test]
fn a_long_seed_is_cut_to_the_text_limit_with_a_warning() {
    let site = with_limits("text_bytes = 2000");
    site.write("seeds/long.txt", example_text(20_000));
    let (code, stderr) = site.run(&["build"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("seeds/long.txt") && stderr.contains("article text is longer than"), "{stderr}");
    let pages = site.tree("content/sources");
    assert_eq!(pages.len(), 1, "one page: {:?}", pages.keys());
    let text = String::from_utf8_lossy(pages.values().next().unwrap()).into_owned();
    let body = text.rsplit("+++\n").next().unwrap();
    assert!(!body.trim().is_empty() && body.len() <= 2_500, "the body is cut to the limit: {} bytes", body.len());
}

const FIVE_CLAIMS: &str = r#"
[claims.c-one]
label = "One"
patterns = ["alpha claim"]
[claims.c-two]
label = "Two"
patterns = ["bravo claim"]
[claims.c-three]
label = "Three"
patterns = ["charlie claim"]
"#;

#[test]
fn claim_tags_are_capped_at_the_limit_with_a_warning() {
    let site = Site::new();
    site.write("config.toml", format!("{MINIMAL_CONFIG}{FIVE_CLAIMS}\n[limits]\ntags = 2\n"));
    site.write(
        "seeds/many.txt",
        "Many claims\n\nThe moon is made of cheese. NASA denies it. This is the alpha claim. \
         Here is the bravo claim. And the charlie claim too.\n",
    );
    site.write(
        "content/sources/hand.md",
        "+++\ntitle = \"Hand\"\noutlet = \"unknown\"\n\n[[tags]]\nclaim = \"moon-cheese\"\nstance = \"asserts\"\nexact = \"made of cheese\"\n\n\
         [[tags]]\nclaim = \"c-one\"\nstance = \"asserts\"\nexact = \"alpha claim\"\n\n[[tags]]\nclaim = \"c-two\"\nstance = \"asserts\"\nexact = \"bravo claim\"\n+++\n\n\
         The moon is made of cheese, the alpha claim and the bravo claim.\n",
    );
    let (code, stderr) = site.run(&["build"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("seeds/many.txt") && stderr.contains("3 more claim suggestions were not written"),
        "{stderr}"
    );
    assert!(stderr.contains("content/sources/hand.md") && stderr.contains("only the first 2 are used"), "{stderr}");
    let page = site.read("content/sources/many-claims.md");
    assert_eq!(page.matches("[[tags]]").count(), 2, "{page}");
}

/// 4 MB of article text in one seed builds. A debug build takes about 30 s
/// on two busy cores for 4 MB, so debug runs use 1 MB; whether the time
/// grows linearly is the benchmarks' business, not this test's.
#[test]
fn a_four_megabyte_seed_builds() {
    let bytes = if cfg!(debug_assertions) { 1_000_000 } else { 4_000_000 };
    let site = Site::new();
    site.write("seeds/huge.txt", example_text(bytes));
    let started = std::time::Instant::now();
    let (code, stderr) = site.run(&["build"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(site.source_pages().len(), 1, "{stderr}");
    eprintln!("{} MB seed built in {:.1} s", bytes / 1_000_000, started.elapsed().as_secs_f64());
}

// ---------------------------------------------------------------------------
// 6. Link loops and links out of the briefing.

/// The diagnostics of a run: each `error:` or `warning:` line and the
/// `-->` line under it.
fn diagnostics(stderr: &str) -> Vec<String> {
    let lines: Vec<&str> = stderr.lines().collect();
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("error:") || l.starts_with("warning:"))
        .map(|(i, l)| format!("{l} {}", lines.get(i + 1).copied().unwrap_or("").trim()))
        .collect()
}

#[test]
fn link_loops_give_one_warning_and_nothing_else() {
    let site = Site::new();
    site.write("seeds/first.txt", "First seed\n\nThe Daily Planet staff say the moon is made of cheese.\n");
    site.write("seeds/sub/second.txt", "Second seed\n\nNASA denies it.\n");
    symlink(".", site.path("seeds/loop")).unwrap();
    symlink("..", site.path("seeds/sub/up")).unwrap();
    let (code, stderr) = site.run(&["build"]);
    assert_eq!(code, 0, "{stderr}");
    let diags = diagnostics(&stderr);
    assert_eq!(diags.len(), 2, "one warning a loop: {diags:#?}");
    assert!(diags.iter().all(|d| d.starts_with("warning:") && d.contains("loop")), "{diags:#?}");
    assert!(diags[0].contains("seeds/loop") && diags[1].contains("seeds/sub/up"), "{diags:#?}");
    assert_eq!(site.source_pages(), ["first-seed", "second-seed"], "no extra content pages");

    let site = Site::new();
    site.write("content/sources/hand.md", page("daily-planet", "The moon is made of cheese."));
    symlink(".", site.path("content/loop")).unwrap();
    let (code, stderr) = site.run(&["build"]);
    assert_eq!(code, 0, "{stderr}");
    let diags = diagnostics(&stderr);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert!(diags[0].starts_with("warning:") && diags[0].contains("content/loop"), "{diags:#?}");
}

#[test]
fn a_seed_linked_to_a_file_outside_is_not_read() {
    let sb = Sandbox::new();
    sb.write("b/seeds/first.txt", "First seed\n\nThe Daily Planet staff say the moon is made of cheese.\n");
    sb.build_ok(&[]);
    sb.write("secret.txt", "Leaked title\n\nSECRET-MARKER-7431 the private diary.\n");
    symlink(sb.at("secret.txt"), sb.at("b/seeds/leak.txt")).unwrap();
    let (code, stderr) = sb.run(&["build"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(diagnostics(&stderr).iter().any(|d| d.starts_with("error:") && d.contains("seeds/leak.txt")), "{stderr}");
    for folder in ["b/content", "b/public"] {
        for (path, node) in snapshot(&sb.at(folder)) {
            if let Node::File(bytes) = node {
                assert!(!String::from_utf8_lossy(&bytes).contains("SECRET-MARKER"), "{folder}/{path}");
            }
        }
    }
}

// ---------------------------------------------------------------------------
// 7. Themes outside the briefing.

/// Asserts that no file under `dir` holds `marker`.
fn nowhere_in(dir: &Path, marker: &str) {
    for (path, node) in snapshot(dir) {
        if let Node::File(bytes) = node {
            assert!(!String::from_utf8_lossy(&bytes).contains(marker), "{marker} in {}/{path}", dir.display());
        }
        assert!(!path.contains(marker), "{path}");
    }
}

#[test]
fn a_theme_outside_the_briefing_is_refused() {
    let sb = Sandbox::new();
    sb.build_ok(&[]);
    sb.write("elsewhere/templates/index.html", "THEME-MARKER-5521 {{ site.title }}");
    sb.write("elsewhere/static/THEME-MARKER-5521.css", "/* THEME-MARKER-5521 */");
    let config = MINIMAL_CONFIG.replace("language = \"en\"\n", "language = \"en\"\ntheme = \"../../elsewhere\"\n");
    sb.write("b/config.toml", &config);
    let (code, stderr) = sb.run(&["build"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains(&format!("config.toml:{}", position(&config, "\"../../elsewhere\""))), "{stderr}");
    nowhere_in(&sb.at("b/public"), "THEME-MARKER");
}

#[test]
fn a_theme_file_linked_outside_is_not_copied() {
    let sb = Sandbox::new();
    sb.write("secret.css", "/* SECRET-MARKER-9013 */");
    sb.write("b/themes/t/static/extra.css", "/* extra */");
    symlink(sb.at("secret.css"), sb.at("b/themes/t/static/leak.css")).unwrap();
    sb.write("b/config.toml", MINIMAL_CONFIG.replace("language = \"en\"\n", "language = \"en\"\ntheme = \"t\"\n"));
    let (code, stderr) = sb.run(&["build"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(diagnostics(&stderr).iter().any(|d| d.starts_with("error:") && d.contains("themes/t/static/leak.css")));
    assert!(!sb.at("b/public/leak.css").exists());
    nowhere_in(&sb.at("b/public"), "SECRET-MARKER");
}

// ---------------------------------------------------------------------------
// 8. The preview server, reached from other sites.

/// Sends a raw request and returns the response head (status line and
/// headers), read up to the blank line: a 101 keeps the connection open.
fn request(port: u16, raw: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    stream.write_all(raw.as_bytes()).unwrap();
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(0) | Err(_) => break,
            Ok(_) => head.push(byte[0]),
        }
    }
    let mut rest = Vec::new();
    if !head.starts_with(b"HTTP/1.1 101") {
        let _ = stream.read_to_end(&mut rest);
    }
    String::from_utf8_lossy(&head).into_owned() + &String::from_utf8_lossy(&rest)
}

fn status(response: &str) -> u16 {
    response.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0)
}

fn get(port: u16, path: &str, host: &str) -> u16 {
    status(&request(port, &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n")))
}

fn upgrade(port: u16, origin: &str) -> u16 {
    status(&request(
        port,
        &format!(
            "GET /__parallax/live HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
             Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: {origin}\r\n\r\n"
        ),
    ))
}

#[test]
fn serve_answers_only_its_own_host_and_origin() {
    let site = Site::new();
    site.write("content/sources/hand.md", page("daily-planet", "The moon is made of cheese."));
    let server = Running::start(&site, &["serve", "--port", "0"]);
    let port = server.port.expect("serving");
    assert_eq!(get(port, "/", "evil.example"), 403);
    assert_eq!(get(port, "/", &format!("evil.example:{port}")), 403);
    assert_eq!(get(port, "/", &format!("localhost:{port}")), 200);
    assert_eq!(get(port, "/", &format!("briefing.lan:{port}")), 403, "not allowed unless asked");
    assert_eq!(upgrade(port, "http://evil.example"), 403);
    assert_eq!(upgrade(port, &format!("http://evil.example:{port}")), 403);
    assert_eq!(upgrade(port, &format!("http://127.0.0.1:{port}")), 101);
    let post = |path: &str| {
        status(&request(
            port,
            &format!(
                "POST {path} HTTP/1.1\r\nHost: localhost:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            ),
        ))
    };
    assert_eq!(post("/__parallax/status"), 405);
    assert_eq!(post("/"), 405);
    drop(server);

    let server = Running::start(&site, &["serve", "--port", "0", "--allow-host", "briefing.lan"]);
    let port = server.port.expect("serving");
    assert_eq!(get(port, "/", &format!("briefing.lan:{port}")), 200);
    assert_eq!(get(port, "/", "evil.example"), 403);
}

// ---------------------------------------------------------------------------
// 9. raw_html = true with web text.

#[test]
fn raw_html_never_lets_seed_html_run() {
    let site = Site::new();
    site.write("config.toml", MINIMAL_CONFIG.replace("language = \"en\"\n", "language = \"en\"\nraw_html = true\n"));
    site.write(
        "seeds/web.md",
        "# A page from the web\n\nHello <script>alert(1)</script> there.\n\n<script>\nalert(2)\n</script>\n\n\
         An image <img src=x onerror=alert(1)> inline.\n\n<img src=x onerror=alert(3)>\n\n\
         A [x](javascript:alert(1)) link and [y](JavaScript:alert(1)).\n",
    );
    let (code, stderr) = site.run(&["build"]);
    assert_eq!(code, 0, "{stderr}");
    let files = site.tree("public");
    assert!(files.keys().any(|p| p.starts_with("sources/a-page-from-the-web/")), "{:?}", files.keys());
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes).to_lowercase();
        // The theme's own search script, loaded from the site's folder, is
        // the only script there is; nothing from a seed.
        let text = text.replace(r#"<script src="../search.js" defer></script>"#, "");
        for needle in ["<script", "javascript:"] {
            assert!(!text.contains(needle), "{needle} in public/{path}");
        }
        // The seed's `<img … onerror=…>` is shown as text (`&lt;img … onerror=…&gt;`),
        // as README says ingest does: the words may appear, never in a tag.
        for tag in tags(&text) {
            assert!(!tag.contains("onerror"), "an onerror attribute in public/{path}: {tag}");
        }
        if !path.ends_with(".html") {
            assert!(!text.contains("onerror="), "onerror= in public/{path}");
        }
    }
    let page = String::from_utf8_lossy(&files["sources/a-page-from-the-web/index.html"]).into_owned();
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;"), "shown as text");
}

/// The markup tags of an HTML text (`<` to the next `>`).
fn tags(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').map_or(rest.len(), |e| start + e + 1);
        out.push(&rest[start..end]);
        rest = &rest[end..];
    }
    out
}

// ---------------------------------------------------------------------------
// 10. Diagnostics point where the problem is.

/// `line:column` (1-based, columns in characters) of the first `needle`.
fn position(text: &str, needle: &str) -> String {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle} not in the text"));
    let line = text[..at].matches('\n').count() + 1;
    let col = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    format!("{line}:{col}")
}

#[test]
fn config_errors_point_into_config_toml() {
    for (setting, value) in [
        ("language = \"en\"\n", "language = \"de\"\n"),
        ("language = \"en\"\n", "language = \"en\"\ntheme = \"nope\"\n"),
    ] {
        let site = Site::new();
        site.write("content/sources/hand.md", page("daily-planet", "The moon is made of cheese."));
        let config = MINIMAL_CONFIG.replace(setting, value);
        site.write("config.toml", &config);
        let needle = if value.contains("de") { "\"de\"" } else { "\"nope\"" };
        let (code, stderr) = site.run(&["build"]);
        assert_eq!(code, 1, "{stderr}");
        assert!(stderr.contains(&format!("config.toml:{}", position(&config, needle))), "{needle}: {stderr}");
    }
}

#[test]
fn crlf_and_bom_pages_read_like_plain_ones() {
    let lf = "+++\ntitle = \"A page\"\noutlet = \"daily-plante\"\n+++\n\nThe moon is made of cheese.\n";
    let mut at = Vec::new();
    for text in [lf.to_owned(), lf.replace('\n', "\r\n")] {
        let site = Site::new();
        site.write("content/sources/hand.md", &text);
        let (code, stderr) = site.run(&["check"]);
        assert_eq!(code, 1, "{stderr}");
        let line =
            stderr.lines().find(|l| l.contains("--> content/sources/hand.md:")).unwrap_or_else(|| panic!("{stderr}"));
        at.push(line.trim().to_owned());
    }
    assert_eq!(at[0], at[1], "CRLF points like LF");
    assert!(at[0].ends_with(&position(lf, "\"daily-plante\"")), "{}", at[0]);

    let site = Site::new();
    site.write("content/sources/bom.md", format!("\u{feff}{}", page("daily-planet", "The moon is made of cheese.")));
    let (code, stderr) = site.run(&["build"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(site.exists("public/sources/bom/index.html"));
}

#[test]
fn template_errors_name_the_file_that_has_them() {
    let themed = MINIMAL_CONFIG.replace("language = \"en\"\n", "language = \"en\"\ntheme = \"t\"\n");
    let site = Site::new();
    site.write("config.toml", &themed);
    site.write("content/sources/hand.md", page("daily-planet", "The moon is made of cheese."));
    site.write("themes/t/templates/report.html", "{% extends \"base.html\" %}{% block main %}{% if %}{% endblock %}");
    let (code, stderr) = site.run(&["build"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("--> themes/t/templates/report.html"), "{stderr}");

    // A built-in template that fails through an override it uses is the
    // built-in's failure: no diagnostic names a theme file that does not exist.
    for (file, text) in [
        ("macros.html", "{% macro unrelated() %}x{% endmacro unrelated %}"),
        ("base.html", "<html>{% block main %}{% endblock main %}{{ nothing.here }}</html>"),
    ] {
        let site = Site::new();
        site.write("config.toml", &themed);
        site.write("content/sources/hand.md", page("daily-planet", "The moon is made of cheese."));
        site.write(&format!("themes/t/templates/{file}"), text);
        let (code, stderr) = site.run(&["build"]);
        assert_eq!(code, 1, "{file}: {stderr}");
        assert!(stderr.contains("(built-in theme)"), "{file}: {stderr}");
        for line in stderr.lines().filter_map(|l| l.trim().strip_prefix("--> ")) {
            let named = line.split(':').next().unwrap();
            if named.starts_with("themes/") {
                assert!(
                    site.path(named).is_file(),
                    "{file}: a diagnostic names {named}, which does not exist:\n{stderr}"
                );
            }
        }
    }
}

/// A quotation from a seed that a spreadsheet would run as a formula is
/// written inert into every CSV export (OWASP: a leading `'`).
#[test]
fn csv_exports_never_hold_a_formula() {
    let site = Site::new();
    site.write(
        "seeds/wire.txt",
        "Port strike enters second day\n\n\
         The union leader Anna Voss said the strike would go on. \"=HYPERLINK(\"http://evil.example/\",\"Click here\")\", Anna Voss said on Monday to reporters at the port.\n\n\
         \"+cmd|' /C calc'!A0 is what we will do next week if the owners do not answer us\", said Anna Voss later that day.\n",
    );
    site.build_ok();
    let quotes = site.read("public/report/quotes.csv");
    assert!(quotes.contains("'=HYPERLINK"), "{quotes}");
    assert!(quotes.contains("'+cmd"), "{quotes}");
    for file in ["report/quotes.csv", "report/figures.csv", "report/matrix.csv"] {
        let text = site.read(&format!("public/{file}"));
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{file}: {cell}");
            }
        }
    }
}
