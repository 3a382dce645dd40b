//! Live-preview benchmark: save-to-reload latency and one-page rebuild time.
//!
//!   cargo run --release --example live_bench -- DIR [EDITS] [DEBOUNCE_MS]
//!
//! Starts `parallax serve` on the briefing in DIR (already built once),
//! connects to the live-reload socket like a browser, then EDITS times
//! appends a sentence to one content page and measures the time from the
//! write to the reload message, and the rebuild time the server reports.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = PathBuf::from(args.get(1).expect("usage: live_bench DIR [EDITS] [DEBOUNCE_MS]"));
    let edits: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(10);
    let debounce: u64 = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(100);
    let exe = std::env::current_exe().unwrap();
    let parallax = exe.parent().and_then(Path::parent).unwrap().join("parallax");

    let mut child = Command::new(&parallax)
        .args(["serve", "--port", "0", "--debounce", &debounce.to_string(), "--root"])
        .arg(&dir)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("start parallax serve");
    let (lines_tx, lines) = mpsc::channel::<String>();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = lines_tx.send(line);
        }
    });
    let port = loop {
        let line = lines.recv_timeout(Duration::from_secs(300)).expect("serve started");
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            break rest.split('/').next().unwrap().parse::<u16>().unwrap();
        }
    };
    let (mut socket, _) = tungstenite::connect(format!("ws://127.0.0.1:{port}/__parallax/live")).expect("websocket");

    let page = std::fs::read_dir(dir.join("content/sources"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .min()
        .expect("a content page");
    let original = std::fs::read_to_string(&page).unwrap();
    let (mut latencies, mut ready, mut rebuilds) = (Vec::new(), Vec::new(), Vec::new());
    let slug = page.file_stem().unwrap().to_string_lossy().into_owned();
    let url = format!("/sources/{slug}/");
    let set_timeout = |socket: &tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<std::net::TcpStream>>, t| {
        if let tungstenite::stream::MaybeTlsStream::Plain(s) = socket.get_ref() {
            s.set_read_timeout(Some(t)).unwrap();
        }
    };
    for i in 0..edits {
        // Let the previous save settle and drop its remaining messages.
        std::thread::sleep(Duration::from_millis(300));
        set_timeout(&socket, Duration::from_millis(50));
        while socket.read().is_ok() {}
        set_timeout(&socket, Duration::from_secs(120));
        while lines.try_recv().is_ok() {}
        let started = Instant::now();
        std::fs::write(&page, format!("{original}\nEdit number {i} for the benchmark.\n")).unwrap();
        // The reload a browser showing the edited page acts on.
        loop {
            match socket.read().expect("live message") {
                tungstenite::Message::Text(t) if t.contains("\"errors\"") => panic!("build failed: {t}"),
                tungstenite::Message::Text(t) if t.contains("\"paths\":null") || t.contains(&format!("\"{url}\"")) => {
                    break
                }
                _ => {}
            }
        }
        latencies.push(started.elapsed().as_secs_f64() * 1000.0);
        let line = loop {
            let line = lines.recv_timeout(Duration::from_secs(120)).expect("the rebuild line");
            if line.contains("all done in ") {
                break line;
            }
        };
        let ms_after = |marker: &str| {
            line.split(marker).nth(1).and_then(|r| r.split(" ms").next()).and_then(|m| m.parse::<f64>().ok())
        };
        ready.extend(ms_after("page ready in "));
        rebuilds.extend(ms_after("all done in "));
    }
    std::fs::write(&page, original).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    println!("  {edits} edits of one page, debounce {debounce} ms:");
    println!(
        "    save-to-reload  median {:>7.1} ms   p90 {:>7.1} ms",
        pct(&mut latencies, 50),
        pct(&mut latencies, 90)
    );
    println!(
        "    page rebuilt    median {:>7.1} ms   p90 {:>7.1} ms   (edited page on disk)",
        pct(&mut ready, 50),
        pct(&mut ready, 90)
    );
    println!(
        "    full rebuild    median {:>7.1} ms   p90 {:>7.1} ms   (overview pages and exports too)",
        pct(&mut rebuilds, 50),
        pct(&mut rebuilds, 90)
    );
}

fn pct(values: &mut [f64], p: usize) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(|a, b| a.total_cmp(b));
    values[((values.len() - 1) * p) / 100]
}
