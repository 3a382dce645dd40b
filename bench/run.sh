#!/usr/bin/env bash
# Benchmarks: parallax against Hugo on the same generated corpus, and
# live-preview latency (save-to-reload, one-page rebuild).
#
#   bench/run.sh [--huge] [--runs K] [N ...]
#
#   N ...       corpus sizes (default: 1000 10000)
#   --huge      also 100000 sources (about 270 MB of text; long)
#   --runs K    counted runs of each measurement (default 5, at least 1)
#
# For each N it generates N sources from seeds/ (bench/gen_corpus.py, fixed
# random seed) and the same articles as a Hugo site, which writes its RSS
# feed and sitemap as parallax does. Then it runs one warm-up round and K
# counted rounds; each round alternates parallax and Hugo:
#
#   parallax first build   content/, public/ and any build cache removed
#                          first: every seed becomes a content page (ingest)
#   hugo                   `hugo --quiet -s DIR`, public/ removed first
#   parallax rebuild       content pages exist; public/ and any build cache
#                          removed first (cold)
#   hugo
#   parallax no-change     `build` again right after the rebuild, nothing
#                          changed in between (the second of two builds)
#   hugo
#   parallax one-edit      a sentence appended to one content page, then build
#   hugo
#
# and reports, for wall time, CPU time (user + system) and peak resident
# memory (/usr/bin/time), the median and the range (min-max) over the K
# rounds, and each as a ratio of parallax's median to Hugo's median (all of
# Hugo's runs in those rounds). Then the output of each tool: apparent size
# (`du -sb`), file count, the ratio, and parallax's largest single file; the
# stage split of one rebuild (`parallax build --timings`); and the live
# preview (examples/live_bench.rs). Everything is printed as Markdown that
# can be pasted into BENCHMARKS.md.
#
# Requires: cargo, python3, /usr/bin/time (Debian package `time`), hugo
# (Debian package `hugo`). Work files go to bench/out/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

runs=5
sizes=()
huge=false
while [ $# -gt 0 ]; do
  case $1 in
    --huge) huge=true ;;
    --runs) [ $# -ge 2 ] || { echo "--runs needs a number" >&2; exit 2; }; runs=$2; shift ;;
    --runs=*) runs=${1#--runs=} ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    *) sizes+=("$1") ;;
  esac
  shift
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "--runs wants a positive number, not '$runs'" >&2; exit 2; }
for n in ${sizes[@]+"${sizes[@]}"}; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "not a corpus size: '$n'" >&2; exit 2; }
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
if $huge; then sizes+=(100000); fi

[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package: time)" >&2; exit 2; }
command -v hugo >/dev/null || { echo "needs hugo (Debian package: hugo)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "needs python3" >&2; exit 2; }

cargo build --release --quiet --bins --examples
target=${CARGO_TARGET_DIR:-$root/target}
case $target in /*) ;; *) target=$root/$target ;; esac
bin=$target/release/parallax
live=$target/release/examples/live_bench
hugo_version=$(hugo version | awk '{print $2}' | cut -d+ -f1 | sed 's/^v//')
timefile=$(mktemp)
trap 'rm -f "$timefile"' EXIT

# The build cache (`.parallax-cache/`, see README): removed before a
# cold build; the no-change and one-edit rebuilds keep it.
cache_dirs=(.parallax-cache .parallax/cache .cache/parallax)

# measure FILE LABEL COMMAND...: run COMMAND under /usr/bin/time, append
# "LABEL wall cpu kib" to FILE; stop the benchmark if COMMAND fails.
measure() {
  local file=$1 label=$2; shift 2
  if ! /usr/bin/time -f "%e %U %S %M" -o "$timefile" "$@" >/dev/null 2>"$timefile.err"; then
    echo "failed: $*" >&2; cat "$timefile.err" >&2; rm -f "$timefile.err"; exit 1
  fi
  rm -f "$timefile.err"
  local wall user sys kib
  read -r wall user sys kib < <(tail -n 1 "$timefile")
  echo "$label $wall $(python3 -c "print(round($user + $sys, 2))") $kib" >> "$file"
}

clean_output() { # DIR: the build's output, staging and cache
  rm -rf "$1/public" "$1/.public.staging" "$1/.public.old"
  local c; for c in "${cache_dirs[@]}"; do rm -rf "${1:?}/$c"; done
}

# round FILE DIR HUGODIR EDIT: one round of the measurements above.
round() {
  local file=$1 dir=$2 hugodir=$3 edit=$4
  clean_output "$dir"; rm -rf "$dir/content"
  measure "$file" first "$bin" build --quiet --root "$dir"
  rm -rf "$hugodir/public"
  measure "$file" hugo hugo --quiet -s "$hugodir"
  clean_output "$dir"
  measure "$file" rebuild "$bin" build --quiet --root "$dir"
  rm -rf "$hugodir/public"
  measure "$file" hugo hugo --quiet -s "$hugodir"
  measure "$file" nochange "$bin" build --quiet --root "$dir"
  rm -rf "$hugodir/public"
  measure "$file" hugo hugo --quiet -s "$hugodir"
  local page
  page=$(find "$dir/content/sources" -name "*.md" | LC_ALL=C sort | awk "NR == 1")
  [ -n "$page" ] || { echo "no content page to edit under $dir/content/sources" >&2; exit 1; }
  printf '\nA sentence added by the benchmark, edit %s.\n' "$edit" >> "$page"
  measure "$file" oneedit "$bin" build --quiet --root "$dir"
  rm -rf "$hugodir/public"
  measure "$file" hugo hugo --quiet -s "$hugodir"
}

# table FILE N: the Markdown table of FILE's measurements.
table() {
  python3 - "$1" "$2" "$hugo_version" <<'EOF'
import sys, statistics
path, n, hv = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rows = {}
for line in open(path):
    label, wall, cpu, kib = line.split()
    rows.setdefault(label, []).append((float(wall), float(cpu), int(kib) / 1024))
names = [("first", "parallax, first build (ingest)"), ("rebuild", "parallax, rebuild (cold)"),
         ("nochange", "parallax, no-change rebuild"), ("oneedit", "parallax, one-edit rebuild"),
         ("hugo", f"Hugo {hv}")]
def cell(vals, unit, fmt):
    m = statistics.median(vals)
    return f"{fmt(m)}{unit} ({fmt(min(vals))}–{fmt(max(vals))})", m
secs = lambda x: f"{x:.2f}" if x < 10 else f"{x:.1f}"
mib = lambda x: f"{x:.0f}"
med = {k: [statistics.median(v[i] for v in rows[k]) for i in range(3)] for k in rows}
print(f"| {n:,} sources | runs | wall, s: median (range) | CPU, s: median (range) | peak RSS, MiB: median (range) | ratio to Hugo (wall / CPU / memory) |")
print("| --- | --- | --- | --- | --- | --- |")
for key, name in names:
    if key not in rows: continue
    v = rows[key]
    w, _ = cell([x[0] for x in v], "", secs)
    c, _ = cell([x[1] for x in v], "", secs)
    r, _ = cell([x[2] for x in v], "", mib)
    if key == "hugo":
        ratio = "1"
    else:
        h = med["hugo"]
        ratio = " / ".join(f"{a / b:.2f}×" if b > 0 else "–" for a, b in zip(med[key], h))
    print(f"| {name} | {len(v)} | {w} | {c} | {r} | {ratio} |")
EOF
}

for n in "${sizes[@]}"; do
  dir=$root/bench/out/$n
  hugodir=$dir/hugo
  rm -rf "$dir" && mkdir -p "$dir"
  python3 bench/gen_corpus.py seeds "$dir/seeds" "$n" --hugo "$hugodir" >/dev/null
  # The Hugo site writes its RSS feed and sitemap, as parallax writes its
  # feeds and sitemap (the corpus generator of the project's shared/ does so).
  sed -i 's/^disableKinds = .*/disableKinds = ["taxonomy", "term"]/' "$hugodir/config.toml"
  cp config.toml "$dir/"
  file=$dir/times.txt
  : > "$file"
  echo
  echo "### $n sources"
  echo
  echo "$(du -sb "$dir/seeds" | awk '{printf "%.1f MB", $1 / 1e6}') of text; $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB; $(date -u '+%Y-%m-%d %H:%M UTC'); load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Medians and ranges of $runs alternating runs after one warm-up round; ratio = parallax median / Hugo median (Hugo: $((4 * runs)) runs, one after each parallax measurement)."
  echo "First build and rebuild start without public/ (as Hugo does, every run) and without a build cache; the no-change and one-edit rebuilds keep the previous public/."
  echo
  round /dev/null "$dir" "$hugodir" warmup # warm-up, not counted
  for ((i = 1; i <= runs; i++)); do
    round "$file" "$dir" "$hugodir" "$i"
  done
  table "$file" "$n"

  # Output size: the tree each tool leaves (after the last one-edit build and
  # the last Hugo run).
  read -r pbytes pfiles < <(echo "$(du -sb "$dir/public" | cut -f1) $(find "$dir/public" -type f | wc -l)")
  read -r hbytes hfiles < <(echo "$(du -sb "$hugodir/public" | cut -f1) $(find "$hugodir/public" -type f | wc -l)")
  read -r lbytes lpath < <(find "$dir/public" -type f -printf '%s %P\n' | sort -n | tail -n 1)
  echo
  python3 - "$n" "$pbytes" "$pfiles" "$hbytes" "$hfiles" "$lbytes" "$lpath" "$hugo_version" <<'EOF'
import sys
n, pb, pf, hb, hf, lb, lp, hv = sys.argv[1:]
pb, pf, hb, hf, lb = int(pb), int(pf), int(hb), int(hf), int(lb)
print(f"| {int(n):,} sources: output | apparent size (`du -sb`) | files | largest file |")
print("| --- | --- | --- | --- |")
print(f"| parallax public/ | {pb / 1e6:.1f} MB | {pf:,} | `{lp}`, {lb / 1e6:.1f} MB |")
print(f"| Hugo {hv} public/ | {hb / 1e6:.1f} MB | {hf:,} | |")
print(f"| ratio parallax / Hugo | {pb / hb:.2f}× | {pf / hf:.2f}× | |")
EOF

  echo
  echo "Stages of one more rebuild (\`parallax build --timings\`, pages exist):"
  echo
  echo '```'
  clean_output "$dir"
  "$bin" build --root "$dir" --timings 2>&1 | grep -v '^$'
  echo '```'

  echo
  echo "Live preview (\`parallax serve\`, 10 saves of one page, 50 ms debounce):"
  echo
  echo '```'
  "$live" "$dir" 10 50
  echo '```'
done
