//! The preview server: the output folder over HTTP, with live reload on the
//! same port (a WebSocket at `/__parallax/live`).
//!
//! HTML responses get a small inline script that reloads the page after each
//! good build, keeps its scroll position, and overlays the diagnostics of a
//! failed build until the next good one. The files on disk stay as
//! published. Requests cannot leave the output folder. Holds no build logic.

use percent_encoding::percent_decode_str;
use std::net::{IpAddr, SocketAddr};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;
use tiny_http::{Header, Method, Request, Response, StatusCode};
use tungstenite::{protocol::Role, Message, WebSocket};

pub const LIVE_PATH: &str = "/__parallax/live";
pub const STATUS_PATH: &str = "/__parallax/status";

/// The build state the browser sees: a generation counter that changes with
/// every build, and the diagnostics of the last build if it failed.
#[derive(Default)]
struct LiveState {
    generation: u64,
    errors: Option<Vec<String>>,
    /// URL paths of the pages the last build step changed; `None` means
    /// every page should reload.
    paths: Option<Vec<String>>,
}

#[derive(Default)]
pub struct Live {
    state: Mutex<LiveState>,
    changed: Condvar,
}

impl Live {
    /// A good build wrote these output files (paths relative to the output
    /// folder): pages showing them reload. After a failed build every page
    /// reloads, to clear its overlay.
    pub fn changed(&self, written: &[String]) {
        let mut s = self.state.lock().expect("no panics while held");
        s.paths = if s.errors.is_some() { None } else { Some(written.iter().flat_map(|w| url_paths(w)).collect()) };
        s.generation += 1;
        s.errors = None;
        self.changed.notify_all();
    }

    /// A build failed: browsers show these diagnostics over the last good site.
    pub fn fail(&self, diagnostics: Vec<String>) {
        let mut s = self.state.lock().expect("no panics while held");
        s.generation += 1;
        s.errors = Some(diagnostics);
        self.changed.notify_all();
    }

    fn message(s: &LiveState) -> String {
        match &s.errors {
            Some(d) => {
                serde_json::json!({ "type": "errors", "generation": s.generation, "diagnostics": d }).to_string()
            }
            None => serde_json::json!({ "type": "reload", "generation": s.generation, "paths": s.paths }).to_string(),
        }
    }

    fn status(&self) -> String {
        let s = self.state.lock().expect("no panics while held");
        serde_json::json!({ "generation": s.generation, "errors": s.errors }).to_string()
    }
}

/// The URL paths that show an output file: `sources/a/index.html` is
/// `/sources/a/`, `/sources/a/index.html`; other files are their own path.
fn url_paths(file: &str) -> Vec<String> {
    match file.strip_suffix("index.html") {
        Some(dir) => vec![format!("/{dir}"), format!("/{file}")],
        None => vec![format!("/{file}")],
    }
}

pub struct Server {
    pub addr: SocketAddr,
    pub live: Arc<Live>,
}

/// Which `Host` names the server answers to: its own address, `localhost`,
/// and the names given with `--allow-host`. A page on another site that
/// resolves its own name to this machine (DNS rebinding) is refused.
#[derive(Debug, Clone)]
pub struct Hosts {
    names: Vec<String>,
    port: u16,
}

impl Hosts {
    pub fn new(addr: SocketAddr, allowed: &[String]) -> Hosts {
        let mut names = vec!["localhost".to_owned(), "127.0.0.1".to_owned(), "::1".to_owned()];
        if !addr.ip().is_unspecified() {
            names.push(addr.ip().to_string());
        }
        names.extend(allowed.iter().map(|h| h.trim().trim_start_matches('[').trim_end_matches(']').to_lowercase()));
        Hosts { names, port: addr.port() }
    }

    /// The host name of a `Host` header value (`name:port`, `[v6]:port`),
    /// lowercased, if it is one this server answers to.
    fn allows(&self, host: &str) -> bool {
        let host = host.trim().to_lowercase();
        let name = match host.strip_prefix('[') {
            Some(v6) => v6.split(']').next().unwrap_or(""),
            None => host.rsplit_once(':').map_or(host.as_str(), |(n, _)| n),
        };
        !name.is_empty() && (self.names.iter().any(|n| n == name) || name.ends_with(".localhost"))
    }

    /// Whether a browser `Origin` is this server itself: an allowed host on
    /// this port, over http.
    fn is_own_origin(&self, origin: &str) -> bool {
        let Some(rest) = origin.trim().strip_prefix("http://") else { return false };
        let port = rest.rsplit_once(':').and_then(|(_, p)| p.parse::<u16>().ok()).unwrap_or(80);
        port == self.port && self.allows(rest)
    }
}

impl Server {
    /// Starts serving `output` on `bind:port` (port 0 picks a free one),
    /// answering requests for the host names `Hosts` allows.
    pub fn start(bind: IpAddr, port: u16, output: PathBuf, allow_hosts: &[String]) -> anyhow::Result<Server> {
        let http = tiny_http::Server::http(SocketAddr::new(bind, port))
            .map_err(|e| anyhow::anyhow!("cannot listen on {bind}:{port}: {e}; choose another port with --port"))?;
        let addr = http.server_addr().to_ip().ok_or_else(|| anyhow::anyhow!("not an IP listener"))?;
        let hosts = Arc::new(Hosts::new(addr, allow_hosts));
        let live = Arc::new(Live::default());
        let shared = live.clone();
        std::thread::spawn(move || {
            for request in http.incoming_requests() {
                let live = shared.clone();
                let output = output.clone();
                let hosts = hosts.clone();
                std::thread::spawn(move || handle(request, &output, &live, &hosts));
            }
        });
        Ok(Server { addr, live })
    }
}

fn header_value(request: &Request, name: &'static str) -> Option<String> {
    request.headers().iter().find(|h| h.field.equiv(name)).map(|h| h.value.to_string())
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn refuse(request: Request, status: u16, message: &str) {
    let response = Response::from_string(message)
        .with_status_code(status)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"));
    let _ = request.respond(response);
}

fn handle(request: Request, output: &Path, live: &Live, hosts: &Hosts) {
    let host = header_value(&request, "Host").unwrap_or_default();
    if !hosts.allows(&host) {
        let message = format!(
            "parallax serve does not answer for the host `{host}`; if you meant to reach it by that name, \
             restart it with --allow-host {}",
            host.rsplit_once(':').map_or(host.as_str(), |(n, _)| n)
        );
        return refuse(request, 403, &message);
    }
    let url = request.url().to_owned();
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let method_ok = match path {
        LIVE_PATH => *request.method() == Method::Get,
        _ => matches!(request.method(), Method::Get | Method::Head),
    };
    if !method_ok {
        return refuse(request, 405, "method not allowed");
    }
    if path == LIVE_PATH {
        if header_value(&request, "Origin").is_some_and(|o| !hosts.is_own_origin(&o)) {
            return refuse(request, 403, "the live-reload socket answers only pages of this server");
        }
        return live_socket(request, live);
    }
    if path == STATUS_PATH {
        let response = Response::from_string(live.status()).with_header(header("Content-Type", "application/json"));
        let _ = request.respond(response.with_header(header("Cache-Control", "no-store")));
        return;
    }
    let response = match resolve(output, path) {
        Some(file) => match std::fs::read(&file) {
            Ok(bytes) => file_response(&file, bytes),
            Err(_) => not_found(output),
        },
        None => not_found(output),
    };
    let _ = request.respond(response.with_header(header("Cache-Control", "no-store")));
}

/// The file a URL path names inside `root`, if it names one there. Rejects
/// `..`, encoded or not, and anything a symlink leads outside the root.
pub fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode_str(url_path).decode_utf8().ok()?;
    if decoded.contains('\0') || decoded.contains('\\') {
        return None;
    }
    let mut path = root.to_path_buf();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        let mut parts = Path::new(segment).components();
        match (parts.next(), parts.next()) {
            (Some(Component::Normal(part)), None) => path.push(part),
            _ => return None,
        }
    }
    if path.is_dir() {
        path.push("index.html");
    }
    let real = path.canonicalize().ok()?;
    let real_root = root.canonicalize().ok()?;
    (real.starts_with(&real_root) && real.is_file()).then_some(real)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "jsonld" => "application/ld+json",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "txt" | "md" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        _ => "application/octet-stream",
    }
}

fn file_response(file: &Path, bytes: Vec<u8>) -> Response<std::io::Cursor<Vec<u8>>> {
    let kind = content_type(file);
    let bytes = if kind.starts_with("text/html") { inject(bytes) } else { bytes };
    Response::from_data(bytes).with_header(header("Content-Type", kind))
}

/// The site's own `404.html`, as a static host would serve it, or a
/// plain page before the first build made one.
fn not_found(output: &Path) -> Response<std::io::Cursor<Vec<u8>>> {
    let page = std::fs::read(output.join("404.html")).unwrap_or_else(|_| {
        b"<!doctype html><meta charset=utf-8><title>Not found</title><body><h1>Not found</h1>\
          <p>No such page in this build. It will load here as soon as a build makes it.</p></body>"
            .to_vec()
    });
    Response::from_data(inject(page))
        .with_status_code(StatusCode(404))
        .with_header(header("Content-Type", "text/html; charset=utf-8"))
}

/// Adds the live-reload script before `</body>` (or at the end).
fn inject(html: Vec<u8>) -> Vec<u8> {
    let script = LIVE_SCRIPT.as_bytes();
    let at = html.windows(7).rposition(|w| w.eq_ignore_ascii_case(b"</body>")).unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + script.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(script);
    out.extend_from_slice(&html[at..]);
    out
}

/// Upgrades to a WebSocket and sends the build state: once on connection
/// when the last build failed, then after every build.
fn live_socket(request: Request, live: &Live) {
    let Some(key) = request.headers().iter().find(|h| h.field.equiv("Sec-WebSocket-Key")).map(|h| h.value.to_string())
    else {
        let _ = request.respond(Response::from_string("expected a WebSocket").with_status_code(400));
        return;
    };
    let accept = tungstenite::handshake::derive_accept_key(key.as_bytes());
    let response = Response::empty(StatusCode(101))
        .with_header(header("Sec-WebSocket-Accept", &accept))
        .with_header(header("Upgrade", "websocket"))
        .with_header(header("Connection", "Upgrade"));
    let stream = request.upgrade("websocket", response);
    let mut socket = WebSocket::from_raw_socket(stream, Role::Server, None);
    let mut seen = {
        let s = live.state.lock().expect("no panics while held");
        if s.errors.is_some() && socket.send(Message::text(Live::message(&s))).is_err() {
            return;
        }
        s.generation
    };
    loop {
        let (message, generation) = {
            let s = live.state.lock().expect("no panics while held");
            let (s, timeout) = live
                .changed
                .wait_timeout_while(s, Duration::from_secs(15), |s| s.generation == seen)
                .expect("no panics while held");
            if timeout.timed_out() {
                (None, seen)
            } else {
                (Some(Live::message(&s)), s.generation)
            }
        };
        seen = generation;
        let sent = match message {
            Some(m) => socket.send(Message::text(m)),
            // Keeps the connection alive and finds closed tabs.
            None => socket.send(Message::Ping(Vec::new().into())),
        };
        if sent.is_err() {
            return;
        }
    }
}

/// Reloads after a good build (keeping the scroll position), shows the
/// diagnostics of a failed one, reconnects when the server restarts.
const LIVE_SCRIPT: &str = r#"<script>
(() => {
  const key = "parallax-scroll:" + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    const restore = () => window.scrollTo(0, Number(saved));
    restore();
    addEventListener("load", restore);
  }
  function overlay(diagnostics) {
    let box = document.getElementById("parallax-overlay");
    if (!box) {
      box = document.createElement("div");
      box.id = "parallax-overlay";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0 0 auto 0;max-height:70vh;overflow:auto;z-index:2147483647;" +
        "background:#2b0b0b;color:#ffe9e9;font:13px/1.45 ui-monospace,Menlo,Consolas,monospace;" +
        "padding:14px 18px;border-bottom:4px solid #e5484d;box-shadow:0 4px 18px rgba(0,0,0,.4)";
      document.body.appendChild(box);
    }
    box.replaceChildren();
    const title = document.createElement("strong");
    title.textContent = "parallax: the build failed; this is the last good build. Fix the problems below and save.";
    box.appendChild(title);
    for (const text of diagnostics) {
      const pre = document.createElement("pre");
      pre.style.cssText = "white-space:pre-wrap;margin:10px 0 0";
      pre.textContent = text;
      box.appendChild(pre);
    }
  }
  function connect(delay) {
    const socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/__parallax/live");
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.type === "reload") {
        const here = decodeURIComponent(location.pathname);
        if (message.paths && !message.paths.includes(here)) return;
        sessionStorage.setItem(key, String(window.scrollY));
        location.reload();
      } else if (message.type === "errors") {
        overlay(message.diagnostics);
      }
    };
    socket.onclose = () => setTimeout(() => connect(Math.min(delay * 2, 5000)), delay);
  }
  connect(250);
})();
</script>
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_stay_inside_the_site() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("public");
        std::fs::create_dir_all(site.join("sources/a")).unwrap();
        std::fs::write(site.join("index.html"), "i").unwrap();
        std::fs::write(site.join("sources/a/index.html"), "a").unwrap();
        std::fs::write(dir.path().join("config.toml"), "secret").unwrap();
        assert!(resolve(&site, "/").is_some());
        assert!(resolve(&site, "/sources/a/").is_some());
        assert!(resolve(&site, "/sources/%61/").is_some());
        for evil in [
            "/../config.toml",
            "/%2e%2e/config.toml",
            "/sources/../../config.toml",
            "/..%2fconfig.toml",
            "/%2e%2e%5cconfig.toml",
        ] {
            assert!(resolve(&site, evil).is_none(), "{evil}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("config.toml"), site.join("link")).unwrap();
            assert!(resolve(&site, "/link").is_none(), "symlink out of the site");
        }
    }

    #[test]
    fn only_own_hosts_and_origins_are_answered() {
        let hosts = Hosts::new("127.0.0.1:1111".parse().unwrap(), &["briefing.lan".into()]);
        for ok in ["127.0.0.1:1111", "localhost:1111", "LOCALHOST", "[::1]:1111", "briefing.lan:1111", "a.localhost"] {
            assert!(hosts.allows(ok), "{ok}");
        }
        for bad in ["", "evil.example:1111", "127.0.0.1.evil.example", "localhost.evil.example", "[::2]:1111"] {
            assert!(!hosts.allows(bad), "{bad}");
        }
        assert!(hosts.is_own_origin("http://127.0.0.1:1111"));
        assert!(hosts.is_own_origin("http://localhost:1111"));
        for bad in ["null", "http://evil.example:1111", "http://127.0.0.1:2222", "https://localhost:1111", "file://"] {
            assert!(!hosts.is_own_origin(bad), "{bad}");
        }
        let any = Hosts::new("0.0.0.0:80".parse().unwrap(), &[]);
        assert!(!any.allows("0.0.0.0") && any.allows("localhost"));
        assert!(any.is_own_origin("http://localhost"));
    }

    #[test]
    fn script_goes_before_the_body_end() {
        let html = inject(b"<html><body><p>x</p></body></html>".to_vec());
        let html = String::from_utf8(html).unwrap();
        assert!(html.contains("</script>\n</body></html>"));
        assert!(html.starts_with("<html><body><p>x</p><script>"));
    }
}
