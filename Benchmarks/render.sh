#!/usr/bin/env bash
# Map benchmark (not a test): times `lineage render` on the bundled default and on a large store.
#
#   Benchmarks/render.sh [--store PATH] [--skip-build]
#   LINEAGE_BIN=path/to/lineage Benchmarks/render.sh …   (a prebuilt binary, no build)
#
# Builds `lineage` in release mode, then prints one line per figure:
#   1. a 300-node map to SVG (Qwen family of the bundled default, hierarchical layout)   target ≤ 2 s
#   2. a 2,000-node force-layout (sfdp) map to SVG from the largest family of a big store  target ≤ 20 s
#   3. selection (plus DOT) from a family of ≥ 200,000 members of that store               target ≤ 100 ms
#   4. 1,000 renders of a small map in one process: time each and memory growth (leak check)
# The big store defaults to Benchmarks/data/bench.sqlite (made by `Benchmarks/ingest.sh --keep-store`, a
# 1,000,000-model synthetic Hub); figures 2 and 3 are skipped when it is missing. Wall times cover the
# whole process (start-up and graph load included); the `timings:` lines split them (`--timings`).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/Benchmarks/lib.sh"
STORE="$ROOT/Benchmarks/data/bench.sqlite"
SKIP_BUILD=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --store) STORE="$2"; shift 2 ;;
        --skip-build) SKIP_BUILD=1; shift ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "render.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
done
cd "$ROOT"
resolve_lineage "$SKIP_BUILD" render.sh
OUT="$(mktemp -d "${TMPDIR:-/tmp}/lineage-render-bench.XXXXXX")"
trap 'rm -rf "$OUT"' EXIT
export XDG_DATA_HOME="$OUT" HOME="$OUT"
unset LINEAGE_STORE

# Runs lineage with --timings; prints wall seconds and the timings line.
timed() {
    local label="$1"; shift
    local start end
    start=$(date +%s.%N)
    "$LINEAGE" "$@" --timings 2>"$OUT/err" >/dev/null || { cat "$OUT/err" >&2; return 1; }
    end=$(date +%s.%N)
    printf '%-58s wall %6.2f s   %s\n' "$label" "$(echo "$end - $start" | bc)" "$(grep '^timings:' "$OUT/err" | sed 's/^timings: //')"
}

timed "300-node map to SVG (qwen, dot layout)" render qwen --max-nodes 300 -o "$OUT/qwen-300.svg"
timed "300-node map to SVG (qwen, sfdp layout)" render qwen --max-nodes 300 --layout sfdp -o "$OUT/qwen-300-sfdp.svg"

if [[ -f "$STORE" ]]; then
    # The largest family of the big store (by members).
    FAMILY="$("$LINEAGE" families --store "$STORE" --format csv | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print(max(rows, key=lambda r: int(r["members"].replace(",", "")))["id"])')"
    MEMBERS="$("$LINEAGE" families --store "$STORE" --format csv | python3 -c "
import csv, sys
print(next(r['members'] for r in csv.DictReader(sys.stdin) if r['id'] == '$FAMILY'))")"
    echo "big store: $STORE, largest family: $FAMILY ($MEMBERS members)"
    timed "2,000-node force-layout map to SVG ($FAMILY, sfdp)" render "$FAMILY" --store "$STORE" --max-nodes 2000 --layout sfdp -o "$OUT/big-2000.svg"
    timed "selection + DOT from $FAMILY ($MEMBERS members), 150 nodes" render "$FAMILY" --store "$STORE" --format dot -o "$OUT/big-150.dot"
else
    echo "no big store at $STORE: run Benchmarks/ingest.sh --keep-store (or pass --store) for figures 2 and 3"
fi

"$LINEAGE" render deepseek --max-nodes 30 -o "$OUT/leak.svg" --repeat 1000 2>&1 | grep '^repeat:'
