#!/usr/bin/env bash
# Ingest benchmark: time `lineage ingest` on a large synthetic Hub dump into a fresh SQLite store.
#
#   Benchmarks/ingest.sh [--models N] [--seed S] [--input FILE] [--hub FILE] [--skip-build] [--keep-store]
#   LINEAGE_BIN=path/to/lineage Benchmarks/ingest.sh …   (benchmark a prebuilt binary, no build)
#
# Builds `lineage` in release mode, generates Benchmarks/data/hub-1m.jsonl with mutate_hub.py when it
# is missing, runs `lineage ingest FILE --store Benchmarks/data/bench.sqlite --quiet` under
# `/usr/bin/time -v` (Debian package `time`; falls back to a Python rusage wrapper, then to bash
# `time` without memory figures) and prints wall seconds, models/s and peak RSS.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/Benchmarks/lib.sh"
BENCH="$ROOT/Benchmarks"
DATA="$BENCH/data"

MODELS=1000000
SEED=1
INPUT=""
HUB=""
SKIP_BUILD=0
KEEP_STORE=0

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --models) MODELS="$2"; shift 2 ;;
        --seed) SEED="$2"; shift 2 ;;
        --input) INPUT="$2"; shift 2 ;;
        --hub) HUB="$2"; shift 2 ;;
        --skip-build) SKIP_BUILD=1; shift ;;
        --keep-store) KEEP_STORE=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "ingest.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done

mkdir -p "$DATA"
cd "$ROOT"

# 1. Build (LINEAGE_BIN=/path/to/lineage benchmarks a prebuilt binary instead).
resolve_lineage "$SKIP_BUILD" ingest.sh

# 2. Input: generate when missing. The default run uses the name hub-1m.jsonl.
if [[ -z "$INPUT" ]]; then
    if [[ "$MODELS" == 1000000 && "$SEED" == 1 ]]; then
        INPUT="$DATA/hub-1m.jsonl"
    else
        INPUT="$DATA/hub-${MODELS}-seed${SEED}.jsonl"
    fi
    if [[ ! -s "$INPUT" ]]; then
        echo "==> generating $INPUT ($MODELS models, seed $SEED)" >&2
        GEN=(python3 "$BENCH/mutate_hub.py" --models "$MODELS" --seed "$SEED" -o "$INPUT")
        [[ -n "$HUB" ]] && GEN+=("$HUB")
        "${GEN[@]}"
    fi
fi
if [[ ! -s "$INPUT" ]]; then
    echo "ingest.sh: input $INPUT is missing or empty" >&2
    exit 1
fi
ROWS=$(wc -l < "$INPUT" | tr -d ' ')

# 3. Fresh store.
STORE="$DATA/bench.sqlite"
rm -f "$STORE" "$STORE-wal" "$STORE-shm" "$STORE-journal"

CMD=("$LINEAGE" ingest "$INPUT" --store "$STORE" --quiet)
echo "==> ${CMD[*]}" >&2
TIMING="$(mktemp "${TMPDIR:-/tmp}/lineage-ingest-time.XXXXXX")"
trap 'rm -f "$TIMING"' EXIT

WALL=""
RSS_KB=""
STATUS=0
if [[ -x /usr/bin/time ]] && /usr/bin/time -v true 2>/dev/null; then
    /usr/bin/time -v -o "$TIMING" "${CMD[@]}" || STATUS=$?
    # "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.34"
    WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {
        n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.3f", s }' "$TIMING")
    RSS_KB=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$TIMING")
elif command -v python3 >/dev/null; then
    echo "(no GNU time: apt-get install time; measuring with Python's getrusage)" >&2
    python3 - "$TIMING" "${CMD[@]}" <<'PY' || STATUS=$?
import resource, subprocess, sys, time
out, cmd = sys.argv[1], sys.argv[2:]
start = time.monotonic()
status = subprocess.call(cmd)
wall = time.monotonic() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
if sys.platform == "darwin":
    rss //= 1024  # bytes there, KiB on Linux
with open(out, "w") as f:
    f.write(f"{wall:.3f} {rss}\n")
sys.exit(status)
PY
    read -r WALL RSS_KB < "$TIMING" || true
else
    echo "(no GNU time and no python3: wall time only)" >&2
    TIMEFORMAT=%R
    { time "${CMD[@]}" ; } 2> "$TIMING" || STATUS=$?
    WALL=$(tail -n 1 "$TIMING")
fi

if [[ $STATUS -ne 0 ]]; then
    echo "ingest.sh: lineage ingest failed with status $STATUS" >&2
    exit "$STATUS"
fi

RATE=$(awk -v n="$ROWS" -v w="$WALL" 'BEGIN { if (w > 0) printf "%.0f", n / w; else print "n/a" }')
RSS_MB=$(awk -v k="$RSS_KB" 'BEGIN { if (k != "") printf "%.1f", k / 1024; else print "n/a" }')
STORE_MB=$(awk -v b="$(wc -c < "$STORE" 2>/dev/null || echo 0)" 'BEGIN { printf "%.1f", b / 1048576 }')

echo
echo "input:        $INPUT ($ROWS models)"
echo "wall:         ${WALL} s"
echo "throughput:   ${RATE} models/s"
echo "peak RSS:     ${RSS_MB} MB"
echo "store:        $STORE (${STORE_MB} MB)"
# One line for scripts and CI logs.
echo "RESULT models=$ROWS wall_s=$WALL models_per_s=$RATE peak_rss_mb=$RSS_MB store_mb=$STORE_MB"

if [[ $KEEP_STORE -eq 0 ]]; then
    rm -f "$STORE" "$STORE-wal" "$STORE-shm" "$STORE-journal"
fi
