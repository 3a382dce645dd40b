//! Kills during builds: the real binary killed at each crash point
//! (`PARALLAX_FAILPOINT`) and at random moments (SIGKILL), on a briefing of
//! generated sources, in two scenarios: A, the first build (content pages
//! being created), and B, a rebuild over an existing `public/` (holding a
//! link and a folder parallax did not write) with a few new seeds.
//!
//! After every kill: `public/` is byte for byte the previous build or the
//! new one; every content page is whole, as a clean ingest writes it; the
//! only leftovers are hidden temporary files and the hidden staging and
//! previous-build folders; and the next build succeeds and equals a clean
//! build of the same inputs, made once in another folder.
//!
//! Environment: `PARALLAX_CRASH_KILLS` random kills in all (default 8),
//! `PARALLAX_CRASH_SOURCES` generated sources (default 24; debug builds of
//! 300 take over ten seconds each on two cores), `PARALLAX_CRASH_SEED` the
//! seed of the kill times (printed, so a failure can be replayed), and
//! `PARALLAX_CRASH_RECHECK=1` to run the next build after every kill even
//! when the kill left the folder exactly as a kill already checked did.

#![cfg(unix)]

use crate::support::{differences, snapshot, Node, Tree};
use std::collections::{BTreeMap, BTreeSet};
use std::os::unix::process::ExitStatusExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// xorshift64*: small, and the same sequence for the same seed everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

// ---------------------------------------------------------------------------
// Inputs.

/// Paragraphs of the shipped example seeds.
fn example_paragraphs() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
        .iter()
        .flat_map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            text.split("\n\n").map(|p| p.trim().to_owned()).filter(|p| p.chars().count() > 40).collect::<Vec<_>>()
        })
        .collect()
}

/// Seed `i`: a numbered title (so every slug differs) and paragraphs of the
/// example seeds with their figures changed.
fn generated_seed(i: usize, pool: &[String], rng: &mut Rng) -> String {
    let mut text = format!("Dépêche numéro {i} sur le Venezuela\n\n");
    for _ in 0..6 + rng.below(7) {
        let paragraph = &pool[rng.below(pool.len())];
        let mut out = String::with_capacity(paragraph.len());
        let mut digits = String::new();
        for c in paragraph.chars().chain(std::iter::once(' ')) {
            if c.is_ascii_digit() {
                digits.push(c);
                continue;
            }
            if !digits.is_empty() {
                let n: u64 = digits.parse().unwrap_or(0);
                out.push_str(&(n + rng.below(10) as u64).to_string());
                digits.clear();
            }
            out.push(c);
        }
        text.push_str(out.trim_end());
        text.push_str("\n\n");
    }
    text
}

/// Copies a folder; links are copied as links with the same target.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        let kind = entry.file_type().unwrap();
        if kind.is_symlink() {
            std::os::unix::fs::symlink(std::fs::read_link(&src).unwrap(), &dst).unwrap();
        } else if kind.is_dir() {
            copy_tree(&src, &dst);
        } else {
            std::fs::copy(&src, &dst).unwrap();
        }
    }
}

fn reset(dir: &Path) {
    if std::fs::symlink_metadata(dir).is_ok() {
        std::fs::remove_dir_all(dir).unwrap();
    }
}

/// A build of the briefing in `dir`, timed; panics unless it succeeds.
fn clean_build(dir: &Path, log: &Path) -> Duration {
    let started = Instant::now();
    let (code, stderr) = crate::support::parallax_in(dir, &["build"], &[]);
    let took = started.elapsed();
    std::fs::write(log, &stderr).unwrap();
    assert_eq!(code, 0, "clean build in {}: {stderr}", dir.display());
    took
}

// ---------------------------------------------------------------------------
// Scenarios and their expected states.

struct Scenario {
    name: &'static str,
    /// The briefing as it is before the build; copied afresh for every kill.
    template: PathBuf,
    /// `public/` before the build (`None`: there is none).
    before: Option<Tree>,
    /// `public/` and `content/` after a clean build of the same inputs.
    after: Tree,
    content: Tree,
    /// How long a whole build takes, the range of the random kill times:
    /// first a clean build's time, then a running average of the next
    /// builds', which follows the machine's load (a range too long wastes
    /// kills on builds already done).
    time: std::cell::Cell<Duration>,
    failpoints: Vec<String>,
}

fn is_tmp(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(".parallax-tmp")
}

fn is_leftover_folder(path: &str) -> bool {
    let first = path.split('/').next().unwrap();
    first == ".public.staging" || first == ".public.old"
}

/// Files a build writes to `public/` (what `render` counts), not the mark.
fn written_files(public: &Tree) -> usize {
    public.iter().filter(|(p, n)| matches!(n, Node::File(_)) && *p != ".parallax-build").count()
}

/// What a kill left, in words, for the tally.
fn phase(scn: &Scenario, briefing: &Path) -> &'static str {
    let public = snapshot(&briefing.join("public"));
    let staging = briefing.join(".public.staging").exists();
    let old = briefing.join(".public.old").exists();
    let pages = snapshot(&briefing.join("content")).len();
    let before_pages = snapshot(&scn.template.join("content")).len();
    if public == scn.after && (staging || old) {
        "new build in place, previous one being removed"
    } else if public == scn.after {
        "new build in place"
    } else if pages > before_pages {
        "content pages being created"
    } else if staging {
        "build being staged"
    } else {
        "before any write"
    }
}

/// The checks right after a kill, as a list of problems.
fn check_killed(scn: &Scenario, briefing: &Path, base: &Tree) -> Vec<String> {
    let mut problems = Vec::new();
    // (a) public/ is one whole build.
    let public_path = briefing.join("public");
    let public = snapshot(&public_path);
    let exists = std::fs::symlink_metadata(&public_path).is_ok();
    let is_before = match &scn.before {
        None => !exists,
        Some(before) => exists && public == *before,
    };
    let is_after = exists && public == scn.after;
    if !(is_before || is_after) {
        let against = scn.before.clone().unwrap_or_default();
        let to_before = differences(&against, &public);
        let to_after = differences(&scn.after, &public);
        problems.push(format!(
            "(a) public/ is neither the previous build nor the new one{}:\n    against the previous: {}\n    against the new: {}",
            if exists { "" } else { " (it is missing)" },
            to_before.join(", "),
            to_after.join(", ")
        ));
    }
    // (b) and (c): content pages whole, leftovers only of the allowed kinds,
    // and nothing else touched.
    let now = crate::support::without(&snapshot(briefing), "public");
    for (path, node) in &now {
        let name = path.rsplit('/').next().unwrap();
        if is_leftover_folder(path) || crate::support::is_cache(path) || (is_tmp(name) && matches!(node, Node::File(_)))
        {
            continue;
        }
        if let Some(expected) = base.get(path) {
            if expected != node {
                problems.push(format!("(c) {path} changed"));
            }
            continue;
        }
        let expected = match path.strip_prefix("content/") {
            Some(page) => scn.content.get(page),
            None => (path == "content").then_some(&Node::Dir),
        };
        match expected {
            Some(expected) if expected == node => {}
            Some(_) => problems.push(format!("(b) {path} is not what a clean ingest writes (empty or cut?)")),
            None => problems.push(format!("(c) unexpected leftover {path}")),
        }
    }
    for path in base.keys().filter(|p| !now.contains_key(*p) && !crate::support::is_cache(p)) {
        problems.push(format!("(c) {path} was removed"));
    }
    problems
}

/// The checks after the next build.
fn check_recovered(scn: &Scenario, briefing: &Path, base: &Tree, code: i32, stderr: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if code != 0 {
        problems.push(format!("(d) the next build exited {code}: {}", stderr.trim()));
        return problems;
    }
    let public = snapshot(&briefing.join("public"));
    let diff = differences(&scn.after, &public);
    if !diff.is_empty() {
        problems.push(format!("(d) public/ after the next build differs from a clean build: {}", diff.join(", ")));
    }
    let content: Tree = snapshot(&briefing.join("content"))
        .into_iter()
        .filter(|(p, _)| !is_tmp(p.rsplit('/').next().unwrap()))
        .collect();
    let diff = differences(&scn.content, &content);
    if !diff.is_empty() {
        problems.push(format!("(d) content/ after the next build differs from a clean ingest: {}", diff.join(", ")));
    }
    for leftover in [".public.staging", ".public.old"] {
        if briefing.join(leftover).exists() {
            problems.push(format!("(d) {leftover} is still there after a good build"));
        }
    }
    for (path, node) in base
        .iter()
        .filter(|(p, _)| !p.starts_with("content/") && !p.starts_with("public") && !crate::support::is_cache(p))
    {
        if std::fs::symlink_metadata(briefing.join(path)).is_err() {
            problems.push(format!("(d) {path} was removed"));
        } else if let (Node::File(bytes), Ok(now)) = (node, std::fs::read(briefing.join(path))) {
            if *bytes != now {
                problems.push(format!("(d) {path} changed"));
            }
        }
    }
    problems
}

#[derive(Debug, Clone)]
enum Kill {
    Failpoint(String),
    After(Duration),
}

#[derive(Default)]
struct Tally {
    by_kind: BTreeMap<String, usize>,
    by_phase: BTreeMap<String, usize>,
    completed: usize,
    recovery_builds: usize,
    recovery_skipped: usize,
    tmp_left: usize,
    failures: Vec<String>,
}

/// One kill: lay out the scenario, run the build and stop it, check what it
/// left, build again and check that.
fn kill_once(
    scn: &Scenario,
    kill: &Kill,
    work: &Path,
    outside: &(PathBuf, Tree),
    checked: &mut BTreeSet<[u8; 32]>,
    tally: &mut Tally,
) {
    let run = work.join("run");
    reset(&run);
    let briefing = run.join("b");
    copy_tree(&scn.template, &briefing);
    let base = crate::support::without(&snapshot(&briefing), "public");
    let log = work.join("killed.log");
    let mut command = Command::new(env!("CARGO_BIN_EXE_parallax"));
    command
        .arg("build")
        .current_dir(&briefing)
        .stdout(Stdio::null())
        .stderr(Stdio::from(std::fs::File::create(&log).unwrap()));
    if let Kill::Failpoint(point) = kill {
        command.env("PARALLAX_FAILPOINT", point);
    }
    let mut child = command.spawn().expect("start parallax");
    if let Kill::After(delay) = kill {
        std::thread::sleep(*delay);
        let _ = child.kill();
    }
    let status = child.wait().unwrap();
    let what = format!("scenario {} {kill:?}", scn.name);
    let done: usize = tally.by_kind.values().sum::<usize>() + 1;
    if done.is_multiple_of(25) {
        eprintln!("  … {done} kills, {} failures so far", tally.failures.len());
    }
    let stopped = match (kill, status.signal(), status.code()) {
        (Kill::Failpoint(_), Some(6), _) => true,
        (Kill::After(_), Some(9), _) => true,
        (_, None, Some(0)) => false,
        _ => {
            let log = std::fs::read_to_string(&log).unwrap_or_default();
            tally.failures.push(format!("{what}: unexpected end {status:?}: {log}"));
            return;
        }
    };
    if let Kill::Failpoint(_) = kill {
        if !stopped {
            tally.failures.push(format!("{what}: the crash point was never reached"));
        }
    }
    let kind = match kill {
        Kill::Failpoint(p) => format!("{}:{}", scn.name, p.split(':').next().unwrap()),
        Kill::After(_) => format!("{}:random", scn.name),
    };
    *tally.by_kind.entry(kind).or_default() += 1;
    if !stopped {
        tally.completed += 1;
    }
    *tally.by_phase.entry(phase(scn, &briefing).to_owned()).or_default() += 1;

    let mut problems = check_killed(scn, &briefing, &base);
    // The same folder, byte for byte, as one already rebuilt and checked
    // gives the same build: builds are deterministic (which the clean builds
    // in other folders check).
    let state = {
        let mut h = blake3::Hasher::new();
        for (path, node) in snapshot(&briefing) {
            h.update(path.as_bytes()).update(&[0]);
            match node {
                Node::Dir => h.update(b"d"),
                Node::File(bytes) => h.update(b"f").update(&bytes),
                Node::Link(target) => h.update(b"l").update(target.as_os_str().as_encoded_bytes()),
            };
            h.update(&[0]);
        }
        *h.finalize().as_bytes()
    };
    if checked.contains(&state) && std::env::var("PARALLAX_CRASH_RECHECK").is_err() {
        tally.recovery_skipped += 1;
    } else {
        let started = Instant::now();
        let (code, stderr) = crate::support::parallax_in(&briefing, &["build"], &[]);
        scn.time.set((scn.time.get() + started.elapsed()) / 2);
        tally.recovery_builds += 1;
        let recovered = check_recovered(scn, &briefing, &base, code, &stderr);
        if recovered.is_empty() {
            checked.insert(state);
        }
        problems.extend(recovered);
        let tmp = snapshot(&briefing).keys().filter(|p| is_tmp(p.rsplit('/').next().unwrap())).count();
        tally.tmp_left += tmp;
    }
    if snapshot(&outside.0) != outside.1 {
        problems.push(format!("the link target {} outside the briefing changed", outside.0.display()));
    }
    if !problems.is_empty() {
        tally.failures.push(format!("{what}:\n  {}", problems.join("\n  ")));
    }
}

#[test]
fn kills_during_builds_leave_a_whole_site_and_a_next_build_that_works() {
    let started = Instant::now();
    let sources = env_number("PARALLAX_CRASH_SOURCES", 24) as usize;
    let random_kills = env_number("PARALLAX_CRASH_KILLS", 8) as usize;
    let seed = env_number(
        "PARALLAX_CRASH_SEED",
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 % 1_000_000_007,
    );
    eprintln!("crash test: {sources} sources, {random_kills} random kills, seed {seed} (PARALLAX_CRASH_SEED={seed} repeats it)");
    let work = tempfile::tempdir().unwrap();
    let work = work.path();

    // The inputs: the example config, generated seeds, and for B a few new
    // seeds and a link and a folder in public/ that parallax did not write.
    let pool = example_paragraphs();
    let mut gen = Rng::new(42);
    let new_seeds = 4;
    let inputs_a = work.join("inputs/a");
    std::fs::create_dir_all(inputs_a.join("seeds")).unwrap();
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("config.toml"), inputs_a.join("config.toml")).unwrap();
    for i in 0..sources {
        std::fs::write(inputs_a.join(format!("seeds/{i:04}.txt")), generated_seed(i, &pool, &mut gen)).unwrap();
    }
    let outside = work.join("outside/media");
    std::fs::create_dir_all(outside.join("sub")).unwrap();
    std::fs::write(outside.join("photo.jpg"), "jpeg bytes").unwrap();
    std::fs::write(outside.join("sub/clip.txt"), "clip").unwrap();
    let outside = (outside.clone(), snapshot(&outside));

    // Clean builds, each in a folder of its own.
    let ref_a = work.join("clean/a/b");
    copy_tree(&inputs_a, &ref_a);
    let time_a = clean_build(&ref_a, &work.join("clean-a.log"));
    let (after_a, content_a) = (snapshot(&ref_a.join("public")), snapshot(&ref_a.join("content")));
    assert_eq!(snapshot(&ref_a.join("content/sources")).len(), sources, "one page a seed, each its own slug");
    // Outputs must not depend on where the briefing is.
    let elsewhere = work.join("elsewhere/deeper/other-name");
    copy_tree(&inputs_a, &elsewhere);
    clean_build(&elsewhere, &work.join("elsewhere.log"));
    let diff = differences(&after_a, &snapshot(&elsewhere.join("public")));
    assert!(diff.is_empty(), "public/ depends on the briefing's path: {diff:?}");
    let diff = differences(&content_a, &snapshot(&elsewhere.join("content")));
    assert!(diff.is_empty(), "content/ depends on the briefing's path: {diff:?}");

    let inputs_b = work.join("inputs/b");
    copy_tree(&ref_a, &inputs_b);
    for i in sources..sources + new_seeds {
        std::fs::write(inputs_b.join(format!("seeds/{i:04}.txt")), generated_seed(i, &pool, &mut gen)).unwrap();
    }
    std::os::unix::fs::symlink(&outside.0, inputs_b.join("public/media")).unwrap();
    std::fs::create_dir_all(inputs_b.join("public/extra/sub")).unwrap();
    std::fs::write(inputs_b.join("public/extra/sub/readme.txt"), "the editor's own file").unwrap();
    let before_b = snapshot(&inputs_b.join("public"));
    let ref_b = work.join("clean/b/b");
    copy_tree(&inputs_b, &ref_b);
    let time_b = clean_build(&ref_b, &work.join("clean-b.log"));
    let (after_b, content_b) = (snapshot(&ref_b.join("public")), snapshot(&ref_b.join("content")));
    assert!(matches!(after_b.get("media"), Some(Node::Link(_))) && after_b.contains_key("extra/sub/readme.txt"));
    eprintln!(
        "clean builds: A {:.1} s, B {:.1} s ({} and {} files)",
        time_a.as_secs_f64(),
        time_b.as_secs_f64(),
        written_files(&after_a),
        written_files(&after_b)
    );

    // Every crash point, at the first, a middle and the last of its hits
    // where it has several; `foreign`: the entries of the previous build
    // parallax did not write, `None` without a previous build.
    let points = |pages: usize, files: usize, foreign: Option<usize>| {
        let mut p = vec![
            "create-page:1".to_owned(),
            format!("create-page:{pages}"),
            format!("create-new:{}", pages.div_ceil(2)),
            "render:1".to_owned(),
            format!("render:{}", files / 2),
            format!("render:{files}"),
        ];
        p.extend((1..=foreign.unwrap_or(0)).map(|n| format!("carry-over:{n}")));
        p.push("swap".into());
        if foreign.is_some() {
            p.push("cleanup".into());
        }
        p
    };
    let scenarios = [
        Scenario {
            name: "A",
            template: inputs_a.clone(),
            before: None,
            failpoints: points(sources, written_files(&after_a), None),
            after: after_a,
            content: content_a.clone(),
            time: time_a.into(),
        },
        Scenario {
            name: "B",
            template: inputs_b.clone(),
            before: Some(before_b),
            failpoints: points(new_seeds, written_files(&crate::support::without(&after_b, "extra")), Some(2)),
            after: after_b,
            content: content_b,
            time: time_b.into(),
        },
    ];

    let mut rng = Rng::new(seed);
    let mut tally = Tally::default();
    let mut checked = BTreeSet::new();
    for (i, scn) in scenarios.iter().enumerate() {
        for point in &scn.failpoints {
            kill_once(scn, &Kill::Failpoint(point.clone()), work, &outside, &mut checked, &mut tally);
        }
        let share = random_kills / 2 + if i == 0 { random_kills % 2 } else { 0 };
        for _ in 0..share {
            let delay = Duration::from_micros(rng.next() % scn.time.get().as_micros().max(1) as u64);
            kill_once(scn, &Kill::After(delay), work, &outside, &mut checked, &mut tally);
        }
    }

    let total: usize = tally.by_kind.values().sum();
    eprintln!("crash test: {total} kills in {:.0} s, seed {seed}", started.elapsed().as_secs_f64());
    for (kind, n) in &tally.by_kind {
        eprintln!("  {kind:<18} {n}");
    }
    eprintln!("  what they left:");
    for (phase, n) in &tally.by_phase {
        eprintln!("    {phase:<48} {n}");
    }
    eprintln!(
        "  builds that ended before the kill: {}; next builds run: {}, skipped as already checked: {}; \
         temporary files left in content/: {}",
        tally.completed, tally.recovery_builds, tally.recovery_skipped, tally.tmp_left
    );
    assert!(
        tally.failures.is_empty(),
        "{} of {total} kills went wrong (seed {seed}):\n{}",
        tally.failures.len(),
        tally.failures.join("\n")
    );
}
