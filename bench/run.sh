#!/usr/bin/env bash
# Benchmarks: full builds against Hugo on the same generated corpus, and
# live-preview latency (save-to-reload, one-page rebuild).
#
#   bench/run.sh [N ...]        default: 1000 10000
#
# For each N it generates N sources from seeds/ (bench/gen_corpus.py, fixed
# random seed) and the same articles as a Hugo site, then measures wall time
# and peak memory of:
#   - parallax, first build (ingest: every seed becomes a content page);
#   - parallax, rebuild (pages exist: load, annotate, compare, render, write);
#   - hugo (Debian package `hugo`), when installed;
#   - parallax serve: one page edited and saved repeatedly, timed from the
#     write to the browser's reload message (examples/live_bench.rs).
# Work files go to bench/out/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
cargo build --release --quiet --bins --examples
bin="$PWD/target/release/parallax"
time_cmd() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o /tmp/parallax-bench-time "$@" >/dev/null 2>&1
  read -r wall user sys kib < /tmp/parallax-bench-time
  printf "  %-28s %7.2f s wall  %7.2f s cpu  %6d MiB peak\n" "$label" "$wall" "$(echo "$user + $sys" | bc)" "$((kib / 1024))"
}
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package: time)"; exit 2; }
for n in "${sizes[@]}"; do
  dir="bench/out/$n"
  rm -rf "$dir" && mkdir -p "$dir"
  python3 bench/gen_corpus.py seeds "$dir/seeds" "$n" --hugo "$dir/hugo" >/dev/null
  cp config.toml "$dir/"
  echo "$n sources ($(du -sh "$dir/seeds" | cut -f1) of text), $(nproc) cores"
  time_cmd "parallax build (ingest)" "$bin" build --root "$dir"
  time_cmd "parallax build (rebuild)" "$bin" build --root "$dir"
  "$bin" build --root "$dir" --timings 2>&1 | sed -n 's/^  /    stage: /p'
  if command -v hugo >/dev/null; then
    time_cmd "hugo $(hugo version | awk '{print $2}' | cut -d+ -f1)" hugo --quiet -s "$dir/hugo"
  else
    echo "  hugo not installed (apt-get install hugo) - skipped"
  fi
  target/release/examples/live_bench "$dir" 10 50
done
