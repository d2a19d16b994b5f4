#!/usr/bin/env bash
# Engine benchmark: time graph load, descendants of the largest family and reach of every root on a
# large synthetic store, and report memory per node+edge.
#
#   Benchmarks/engine.sh [--models N] [--seed S] [--skip-build]
#   LINEAGE_BIN=path/to/lineage Benchmarks/engine.sh …   (a prebuilt binary, no build)
#
# Builds `lineage` in release mode, generates Benchmarks/data/hub-2m.jsonl with mutate_hub.py when it is
# missing (other --models/--seed values get their own file), ingests it into
# Benchmarks/data/bench-2m.sqlite when that is missing (kept for the next run), then runs the hidden
# `lineage bench-engine --store …` under /usr/bin/time -v and prints its figures plus peak RSS.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/Benchmarks/lib.sh"
BENCH="$ROOT/Benchmarks"
DATA="$BENCH/data"
MODELS=2000000
SEED=1
SKIP_BUILD=0

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --models) MODELS="$2"; shift 2 ;;
        --seed) SEED="$2"; shift 2 ;;
        --skip-build) SKIP_BUILD=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "engine.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done

mkdir -p "$DATA"
cd "$ROOT"

resolve_lineage "$SKIP_BUILD" engine.sh

if [[ "$MODELS" == 2000000 && "$SEED" == 1 ]]; then
    INPUT="$DATA/hub-2m.jsonl"; STORE="$DATA/bench-2m.sqlite"
else
    INPUT="$DATA/hub-${MODELS}-seed${SEED}.jsonl"; STORE="$DATA/bench-${MODELS}-seed${SEED}.sqlite"
fi

if [[ ! -s "$INPUT" ]]; then
    echo "==> generating $INPUT ($MODELS models, seed $SEED)" >&2
    python3 "$BENCH/mutate_hub.py" --models "$MODELS" --seed "$SEED" -o "$INPUT"
fi
if [[ ! -s "$STORE" ]]; then
    echo "==> ingesting into $STORE" >&2
    rm -f "$STORE" "$STORE-wal" "$STORE-shm"
    "$LINEAGE" ingest "$INPUT" --store "$STORE" --quiet
fi

CMD=("$LINEAGE" bench-engine --store "$STORE")
echo "==> ${CMD[*]}" >&2
if [[ -x /usr/bin/time ]] && /usr/bin/time -v true 2>/dev/null; then
    TIMING="$(mktemp "${TMPDIR:-/tmp}/lineage-engine-time.XXXXXX")"
    trap 'rm -f "$TIMING"' EXIT
    /usr/bin/time -v -o "$TIMING" "${CMD[@]}"
    awk -F': ' '/Elapsed \(wall clock\)/ { print "process wall:         " $2 } /Maximum resident set size/ { printf "process peak RSS:     %.1f MB\n", $2 / 1024 }' "$TIMING"
else
    "${CMD[@]}"
fi
