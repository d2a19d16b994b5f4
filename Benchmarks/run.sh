#!/usr/bin/env bash
# Scale and speed benchmark: Lineage against networkx, igraph and DuckDB on synthetic Hubs, in one run.
#
#   Benchmarks/run.sh [--sizes "100000 1000000 2000000"] [--seed S] [--repeats R]
#                     [--scratch-path DIR] [--skip-build] [--no-peers] [--keep-stores]
#   LINEAGE_BIN=path/to/lineage Benchmarks/run.sh …   (a prebuilt release binary, no build)
#
# For each N: writes Benchmarks/data/synth-N-seedS.jsonl with `lineage synth` (kept), then measures
#   1. `lineage ingest` of it into a fresh store          (wall time, peak RSS)
#   2-4. `lineage bench-compare`: graph load, descendants of the largest family grouped by author,
#        reach of every root; it also exports the graph as CSV for the peers
#   3'. the peers (Benchmarks/peers/*.py in Benchmarks/.venv) on that export: load, then the same query
#   5. `lineage ask "which U.S. projects derive from Qwen"` as a whole process, when `ask` exists
#   6. `lineage render <family> --max-nodes 300` as a whole process, when `render` exists
# and prints one table (also written to Benchmarks/results/latest.md) with peer/Lineage ratios.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/Benchmarks"
DATA="$BENCH/data"
RESULTS="$BENCH/results"
VENV="$BENCH/.venv"

SIZES="100000 1000000 2000000"
SEED=1
REPEATS=5
SCRATCH=""
SKIP_BUILD=0
PEERS=1
KEEP_STORES=0
QUESTION="which U.S. projects derive from Qwen"

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --sizes) SIZES="$2"; shift 2 ;;
        --seed) SEED="$2"; shift 2 ;;
        --repeats) REPEATS="$2"; shift 2 ;;
        --scratch-path) SCRATCH="$2"; shift 2 ;;
        --skip-build) SKIP_BUILD=1; shift ;;
        --no-peers) PEERS=0; shift ;;
        --keep-stores) KEEP_STORES=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done

mkdir -p "$DATA" "$RESULTS"
cd "$ROOT"
log() { echo "==> $*" >&2; }

# --- Build -------------------------------------------------------------------------------------------
if [[ -n "${LINEAGE_BIN:-}" ]]; then
    LINEAGE="$LINEAGE_BIN"
else
    BUILD=(swift build -c release --product lineage)
    [[ -n "$SCRATCH" ]] && BUILD+=(--scratch-path "$SCRATCH")
    if [[ $SKIP_BUILD -eq 0 ]]; then
        log "${BUILD[*]}"
        "${BUILD[@]}" >&2
    fi
    LINEAGE="$("${BUILD[@]}" --show-bin-path)/lineage"
fi
[[ -x "$LINEAGE" ]] || { echo "run.sh: $LINEAGE not found; build it first (or drop --skip-build)" >&2; exit 1; }

# --- Measuring whole processes: GNU time, else Python's getrusage, else bash time ---------------------
if ! { [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; }; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        log "installing GNU time (apt-get install time)"
        apt-get install -y -qq time >/dev/null 2>&1 || true
    fi
fi
if [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; then
    TIMER=gnu
elif command -v python3 >/dev/null; then
    TIMER=python; log "no GNU time (apt-get install time): measuring with Python's getrusage"
else
    TIMER=bash; log "no GNU time and no python3: wall time only"
fi

TIMING="$(mktemp "${TMPDIR:-/tmp}/lineage-run-time.XXXXXX")"
trap 'rm -f "$TIMING"' EXIT

# measure OUT CMD…: runs CMD with stdout to OUT; sets WALL (s) and RSS_MB (or empty), STATUS.
measure() {
    local out="$1"; shift
    WALL=""; RSS_MB=""; STATUS=0
    case "$TIMER" in
        gnu)
            /usr/bin/time -v -o "$TIMING" "$@" >"$out" || STATUS=$?
            WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.3f", s }' "$TIMING")
            RSS_MB=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$TIMING") ;;
        python)
            python3 - "$TIMING" "$out" "$@" <<'PY' || STATUS=$?
import resource, subprocess, sys, time
timing, out, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
start = time.monotonic()
with open(out, "wb") as f:
    status = subprocess.call(cmd, stdout=f)
wall = time.monotonic() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
rss = rss / 1048576 if sys.platform == "darwin" else rss / 1024
open(timing, "w").write(f"{wall:.3f} {rss:.1f}\n")
sys.exit(status)
PY
            read -r WALL RSS_MB < "$TIMING" || true ;;
        bash)
            local start end
            start=$(date +%s.%N); "$@" >"$out" || STATUS=$?; end=$(date +%s.%N)
            WALL=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }') ;;
    esac
}

MEASUREMENTS="$DATA/measurements-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
: > "$MEASUREMENTS"
# record N STEP TOOL WALL RSS NOTE
record() {
    python3 - "$MEASUREMENTS" "$@" <<'PY'
import json, sys
path, n, step, tool, wall, rss, note = sys.argv[1:8]
num = lambda s: float(s) if s not in ("", "null", "n/a") else None
with open(path, "a") as f:
    f.write(json.dumps({"n": int(n), "step": step, "tool": tool, "wall_s": num(wall), "rss_mb": num(rss), "note": note}) + "\n")
PY
}
json_field() { python3 -c 'import json,sys; d=json.loads(sys.stdin.readline()); v=d.get(sys.argv[1]); print("" if v is None else v)' "$1"; }

# --- Peers' virtual environment ----------------------------------------------------------------------
PY="$VENV/bin/python"
if [[ $PEERS -eq 1 ]]; then
    if [[ ! -x "$PY" ]]; then
        log "python3 -m venv $VENV"
        python3 -m venv "$VENV" || { echo "run.sh: python3 -m venv failed (Debian/Ubuntu: apt-get install python3-venv); or pass --no-peers" >&2; exit 1; }
    fi
    if ! "$PY" -c 'import networkx, igraph, duckdb' 2>/dev/null; then
        log "pip install networkx igraph duckdb (into $VENV)"
        "$PY" -m pip install --quiet --upgrade pip >&2 || true
        "$PY" -m pip install --quiet networkx igraph duckdb >&2
    fi
    PEER_VERSIONS=$("$PY" -c 'import networkx, igraph, duckdb; print(f"networkx {networkx.__version__}, igraph {igraph.__version__}, duckdb {duckdb.__version__}")')
else
    PEER_VERSIONS="peers skipped"
fi

# A subcommand exists when its own help comes back (an unknown one prints the top-level help, status 0).
has_command() { "$LINEAGE" "$1" --help 2>/dev/null | grep -q "^USAGE: lineage $1"; }
HAS_ASK=0; has_command ask && HAS_ASK=1
HAS_RENDER=0; has_command render && "$LINEAGE" render --help 2>/dev/null | grep -q -- '--max-nodes' && HAS_RENDER=1

# --- The run -----------------------------------------------------------------------------------------
for N in $SIZES; do
    INPUT="$DATA/synth-$N-seed$SEED.jsonl"
    STORE="$DATA/synth-$N-seed$SEED.sqlite"
    EXPORT="$DATA/synth-$N-seed$SEED-export"
    if [[ ! -s "$INPUT" ]]; then
        log "lineage synth --models $N --seed $SEED -o $INPUT"
        "$LINEAGE" synth --models "$N" --seed "$SEED" -o "$INPUT"
    fi

    # 1. Ingest into a fresh store.
    rm -f "$STORE" "$STORE-wal" "$STORE-shm" "$STORE-journal"
    log "[$N] 1. lineage ingest"
    measure /dev/null "$LINEAGE" ingest "$INPUT" --store "$STORE" --quiet
    [[ $STATUS -eq 0 ]] || { echo "run.sh: ingest failed ($STATUS)" >&2; exit 1; }
    RATE=$(awk -v n="$N" -v w="$WALL" 'BEGIN { if (w > 0) printf "%.0f", n / w }')
    record "$N" ingest lineage "$WALL" "$RSS_MB" "$(printf "%'d" "$RATE" 2>/dev/null || echo "$RATE") models/s"

    # 2-4. Lineage's engine steps, and the CSV export for the peers.
    log "[$N] 2-4. lineage bench-compare"
    rm -rf "$EXPORT"
    measure "$TIMING.bench" "$LINEAGE" bench-compare --store "$STORE" --repeats "$REPEATS" --export "$EXPORT" --json
    [[ $STATUS -eq 0 ]] || { echo "run.sh: bench-compare failed ($STATUS)" >&2; exit 1; }
    BENCH_JSON=$(cat "$TIMING.bench"); rm -f "$TIMING.bench"
    PROCESS_RSS="$RSS_MB"
    get() { echo "$BENCH_JSON" | json_field "$1"; }
    FAMILY=$(get family); MEMBERS=$(get members); AUTHORS=$(get authors)
    record "$N" load lineage "$(get loadSeconds)" "$(get loadedRSSMegabytes)" "$(get nodes) nodes, $(get edges) edges"
    record "$N" descendants lineage "$(get descendantsByAuthorSeconds)" "$PROCESS_RSS" "$FAMILY: $MEMBERS members, $AUTHORS authors"
    record "$N" reach lineage "$(get reachAllRootsSeconds)" "$PROCESS_RSS" "$(get roots) roots"

    # 3'. Peers on the same graph.
    if [[ $PEERS -eq 1 ]]; then
        for PEER in networkx igraph duckdb; do
            log "[$N] 3. $PEER"
            if OUT=$("$PY" "$BENCH/peers/${PEER}_peer.py" "$EXPORT" "$REPEATS"); then
                P_MEMBERS=$(echo "$OUT" | json_field members); P_AUTHORS=$(echo "$OUT" | json_field authors)
                NOTE=""
                [[ "$P_MEMBERS" == "$MEMBERS" && "$P_AUTHORS" == "$AUTHORS" ]] || NOTE="DIFFERENT ANSWER: $P_MEMBERS members, $P_AUTHORS authors"
                record "$N" load "$PEER" "$(echo "$OUT" | json_field load_s)" "" "from CSV"
                record "$N" descendants "$PEER" "$(echo "$OUT" | json_field query_s)" "$(echo "$OUT" | json_field peak_rss_mb)" "$NOTE"
            else
                record "$N" descendants "$PEER" "" "" "failed"
            fi
        done
    fi

    # 5. ask, cold (a fresh process), when the command exists.
    if [[ $HAS_ASK -eq 1 ]]; then
        log "[$N] 5. lineage ask \"$QUESTION\""
        measure /dev/null "$LINEAGE" ask "$QUESTION" --store "$STORE"
        if [[ $STATUS -eq 0 ]]; then record "$N" ask lineage "$WALL" "$RSS_MB" ""; else record "$N" ask lineage "" "" "failed ($STATUS)"; fi
    else
        record "$N" ask lineage "" "" "n/a (command not available)"
    fi

    # 6. A 300-node map of the largest family, when the command exists.
    if [[ $HAS_RENDER -eq 1 ]]; then
        log "[$N] 6. lineage render $FAMILY --max-nodes 300"
        measure /dev/null "$LINEAGE" render "$FAMILY" --max-nodes 300 -o "$EXPORT/map.svg" --store "$STORE"
        if [[ $STATUS -eq 0 ]]; then record "$N" map lineage "$WALL" "$RSS_MB" "svg"; else record "$N" map lineage "" "" "failed ($STATUS)"; fi
    else
        record "$N" map lineage "" "" "n/a (command not available)"
    fi

    [[ $KEEP_STORES -eq 1 ]] || rm -rf "$STORE" "$STORE-wal" "$STORE-shm" "$EXPORT"
done

# --- Table -------------------------------------------------------------------------------------------
CPU=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || uname -m)
MEM=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo "?")
SWIFT=$(swift --version 2>/dev/null | head -n 1 || echo "swift ?")
HEADER="Measured $(date -u +%Y-%m-%d) on $(nproc 2>/dev/null || echo '?') cores ($CPU), $MEM, $(uname -sr); $SWIFT; $PEER_VERSIONS; seed $SEED, $REPEATS repeats."
echo
python3 "$BENCH/report.py" "$MEASUREMENTS" --header "$HEADER" --out "$RESULTS/latest.md"
log "table written to $RESULTS/latest.md (measurements: $MEASUREMENTS)"
