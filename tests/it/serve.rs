//! `serve` and `watch` as a user runs them: the real binary, a real HTTP
//! server on a free port, a WebSocket client, files edited on disk.

use crate::support::{page, Site};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tungstenite::stream::MaybeTlsStream;

const WAIT: Duration = Duration::from_secs(15);

/// A running `parallax serve` or `watch`, killed on drop.
pub(crate) struct Running {
    child: Child,
    pub(crate) log: Arc<Mutex<String>>,
    pub(crate) port: Option<u16>,
}

impl Running {
    pub(crate) fn start(site: &Site, args: &[&str]) -> Running {
        let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(args)
            .current_dir(site.root())
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("start parallax");
        let log = Arc::new(Mutex::new(String::new()));
        let sink = log.clone();
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let mut log = sink.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let mut running = Running { child, log, port: None };
        let ready = running.wait_for(|log| log.contains("(Ctrl+C to stop)"));
        running.port = ready
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok());
        running
    }

    /// Waits until the log satisfies `done`; returns the log.
    fn wait_for(&self, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let log = self.log.lock().unwrap().clone();
            if done(&log) {
                return log;
            }
            assert!(start.elapsed() < WAIT, "timed out; log so far:\n{log}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// How many builds have finished (good or failed).
    fn builds(&self) -> usize {
        let log = self.log.lock().unwrap();
        log.lines().filter(|l| l.contains("rebuilt ") || l.contains("build failed")).count()
    }

    fn wait_for_build_after(&self, count: usize) -> String {
        self.wait_for(|log| {
            log.lines().filter(|l| l.contains("rebuilt ") || l.contains("build failed")).count() > count
        })
    }

    fn get(&self, path: &str) -> (u16, String) {
        get(self.port.expect("serving"), path)
    }

    fn socket(&self) -> tungstenite::WebSocket<MaybeTlsStream<TcpStream>> {
        let url = format!("ws://127.0.0.1:{}/__parallax/live", self.port.unwrap());
        let (socket, _) = tungstenite::connect(url).expect("websocket");
        if let MaybeTlsStream::Plain(s) = socket.get_ref() {
            s.set_read_timeout(Some(WAIT)).unwrap();
        }
        socket
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A raw HTTP/1.1 GET, so the path reaches the server exactly as written.
fn get(port: u16, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = response.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    (status, body)
}

/// The next JSON message on the live socket, skipping pings.
fn next_message(socket: &mut tungstenite::WebSocket<MaybeTlsStream<TcpStream>>) -> serde_json::Value {
    loop {
        match socket.read().expect("a live message") {
            tungstenite::Message::Text(t) => return serde_json::from_str(&t).unwrap(),
            _ => continue,
        }
    }
}

fn served_site() -> Site {
    let site = Site::new();
    site.write("content/sources/hand.md", page("daily-planet", "The moon is made of cheese, says the first draft."));
    site
}

#[test]
fn serve_reloads_the_page_after_an_edit() {
    let site = served_site();
    let server = Running::start(&site, &["serve", "--port", "0", "--debounce", "30"]);
    let (status, html) = server.get("/sources/hand/");
    assert_eq!(status, 200);
    assert!(html.contains("first draft") && html.contains("/__parallax/live"), "live script injected");
    assert!(!site.read("public/sources/hand/index.html").contains("__parallax"), "files on disk stay clean");

    let mut socket = server.socket();
    site.write("content/sources/hand.md", page("daily-planet", "The moon is made of cheese, says the second draft."));
    let message = next_message(&mut socket);
    assert_eq!(message["type"], "reload", "{message}");
    let (_, html) = server.get("/sources/hand/");
    assert!(html.contains("second draft"), "new text served once the reload is announced");
    let log = server.wait_for(|l| l.contains("content/sources/hand.md changed; rebuilt 1 source page(s)"));
    assert!(log.contains("page ready in ") && log.contains("all done in "), "timing on the progress line: {log}");
    // The line is the one the README shows, but for the numbers.
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let documented =
        readme.lines().find(|l| l.starts_with("content/sources/hand.md changed; rebuilt")).expect("README");
    let shape = |l: &str| regex::Regex::new(r"\d+").unwrap().replace_all(l, "N").into_owned();
    let line = log.lines().find(|l| l.contains("content/sources/hand.md changed; rebuilt")).unwrap();
    assert_eq!(shape(line), shape(documented), "README's rebuild line");
}

#[test]
fn serve_overlays_errors_until_the_next_good_build() {
    let site = served_site();
    let server = Running::start(&site, &["serve", "--port", "0", "--debounce", "30"]);
    let mut socket = server.socket();

    site.write("content/sources/hand.md", page("daily-plante", "The moon is made of cheese, broken."));
    let message = next_message(&mut socket);
    assert_eq!(message["type"], "errors", "{message}");
    let diagnostics = message["diagnostics"].to_string();
    assert!(diagnostics.contains("content/sources/hand.md:3:10"), "{diagnostics}");
    assert!(diagnostics.contains("did you mean `daily-planet`?"), "{diagnostics}");
    let (status, html) = server.get("/sources/hand/");
    assert_eq!(status, 200);
    assert!(html.contains("first draft"), "the last good site is still served");
    let (_, status_json) = server.get("/__parallax/status");
    assert!(status_json.contains("unknown outlet"), "{status_json}");
    // A page opened while the build is broken shows the problems at once.
    let mut late = server.socket();
    assert_eq!(next_message(&mut late)["type"], "errors");

    site.write("content/sources/hand.md", page("daily-planet", "The moon is made of cheese, fixed."));
    assert_eq!(next_message(&mut socket)["type"], "reload");
    let (_, status_json) = server.get("/__parallax/status");
    assert!(status_json.contains("\"errors\":null"), "{status_json}");
    assert!(server.get("/sources/hand/").1.contains("fixed"));
}

#[test]
fn serve_keeps_requests_inside_the_site() {
    let site = served_site();
    let server = Running::start(&site, &["serve", "--port", "0"]);
    for path in ["/../config.toml", "/%2e%2e/config.toml", "/sources/..%2f..%2fconfig.toml", "/%2e%2e%2fconfig.toml"] {
        let (status, body) = server.get(path);
        assert_eq!(status, 404, "{path}");
        // The site's own 404 page, which names the site but holds nothing
        // of the config file.
        assert!(body.contains("Page not found"), "{path}: {body}");
        assert!(!body.contains("[site]") && !body.contains("patterns = "), "{path} leaked the config");
    }
    let log = server.wait_for(|l| l.contains("serving http://127.0.0.1:"));
    assert!(!log.contains("0.0.0.0"), "binds to 127.0.0.1 by default");
}

/// One edit a person makes while `watch` runs.
type Step = dyn Fn(&Site);

#[test]
fn watched_site_equals_a_clean_build() {
    let site = served_site();
    site.write("seeds/first.txt", "Seed one\n\nThe Daily Planet staff say the moon is made of cheese.\n");
    let watcher = Running::start(&site, &["watch", "--debounce", "30"]);
    let steps: Vec<(&str, Box<Step>)> = vec![
        (
            "edit a page",
            Box::new(|s: &Site| {
                s.write("content/sources/hand.md", page("daily-planet", "Edited: the moon is made of rock."))
            }),
        ),
        (
            "create a page",
            Box::new(|s: &Site| s.write("content/sources/new.md", page("unknown", "NASA denied everything."))),
        ),
        ("add a seed", Box::new(|s: &Site| s.write("seeds/second.txt", "Seed two\n\nNASA denied it again.\n"))),
        (
            "rename a page",
            Box::new(|s: &Site| {
                std::fs::rename(s.path("content/sources/new.md"), s.path("content/sources/renamed.md")).unwrap()
            }),
        ),
        ("delete a page", Box::new(|s: &Site| std::fs::remove_file(s.path("content/sources/hand.md")).unwrap())),
        ("change the theme", Box::new(|s: &Site| s.write("themes/default/static/style.css", "body { color: red }\n"))),
        (
            "change the config",
            Box::new(|s: &Site| {
                let config = std::fs::read_to_string(s.path("config.toml")).unwrap();
                s.write("config.toml", config.replace("The moon is made of cheese", "The moon is cheese"));
            }),
        ),
        (
            "save by rename, as editors do",
            Box::new(|s: &Site| {
                s.write("content/sources/.renamed.md.swp", "swap file");
                s.write("content/sources/renamed.md.tmp", page("unknown", "Saved atomically: NASA denied it."));
                std::fs::rename(s.path("content/sources/renamed.md.tmp"), s.path("content/sources/renamed.md"))
                    .unwrap();
            }),
        ),
    ];
    for (name, step) in steps {
        let before = watcher.builds();
        step(&site);
        let log = watcher.wait_for_build_after(before);
        assert!(!log.lines().last().unwrap_or("").contains("build failed"), "{name}: {log}");
    }
    drop(watcher);

    let clean = tempfile::tempdir().unwrap();
    let out = clean.path().join("site");
    let (code, stderr) = site.run(&["build", "--output", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let watched = site.tree("public");
    let mut fresh = std::collections::BTreeMap::new();
    for (path, bytes) in walk(&out) {
        fresh.insert(path, bytes);
    }
    assert_eq!(watched.keys().collect::<Vec<_>>(), fresh.keys().collect::<Vec<_>>(), "same files");
    for (path, bytes) in &fresh {
        assert!(watched[path] == *bytes, "{path} differs from a clean build");
    }
    assert!(!watched.contains_key("sources/hand/index.html"), "deleted page gone");
    assert!(watched.contains_key("sources/renamed/index.html"));
    assert!(String::from_utf8_lossy(&watched["sources/renamed/index.html"]).contains("Saved atomically"));
}

fn walk(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
                out.push((rel, std::fs::read(&path).unwrap()));
            }
        }
    }
    out
}

#[test]
fn ctrl_c_keeps_the_site() {
    let site = served_site();
    let mut server = Running::start(&site, &["serve", "--port", "0"]);
    let before = site.tree("public");
    assert!(!before.is_empty());
    #[cfg(unix)]
    {
        let pid = server.child.id().to_string();
        Command::new("kill").args(["-INT", &pid]).status().unwrap();
        let status = server.child.wait().unwrap();
        assert!(status.success(), "clean exit on Ctrl+C: {status:?}");
    }
    let _ = &mut server;
    assert_eq!(site.tree("public"), before, "public/ intact after Ctrl+C");
}
