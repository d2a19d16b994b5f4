#!/usr/bin/env bash
# Leak check for LineageRender's Graphviz layer under valgrind.
#
#   Benchmarks/render-valgrind.sh [RENDERS] [EXTRA_CONTEXTS]     (defaults: 1000 0)
#
# Compiles Sources/LineageRender/*.swift with render-valgrind/main.swift into a small synchronous
# program (no Swift Testing / libdispatch threads, no DWARF 5 debug info — valgrind 3.19 chokes on
# both) and runs it under memcheck. Compare two render counts: "definitely lost" must not grow with
# RENDERS (Graphviz/pango/fontconfig keep a fixed amount of one-time state). Each extra context
# (GraphvizRenderer()) loses ~3.6 KB inside Graphviz 2.42's gvconfig.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-1000}"
CONTEXTS="${2:-0}"
OUT="$(mktemp -d "${TMPDIR:-/tmp}/lineage-render-valgrind.XXXXXX")"
trap 'rm -rf "$OUT"' EXIT
command -v valgrind >/dev/null || { echo "valgrind not found (apt-get install valgrind)" >&2; exit 1; }
swiftc -Onone -gnone -module-name RenderValgrind \
    -I "$ROOT/Sources/CGraphviz" \
    "$ROOT"/Sources/LineageRender/*.swift "$ROOT/Benchmarks/render-valgrind/main.swift" \
    -lgvc -lcgraph -lcdt -o "$OUT/harness"
N="$N" CONTEXTS="$CONTEXTS" valgrind --leak-check=full --num-callers=30 \
    --log-file="$OUT/valgrind.log" "$OUT/harness"
grep -E 'definitely lost:|indirectly lost:|possibly lost:|still reachable:|ERROR SUMMARY' "$OUT/valgrind.log" \
    | sed 's/^==[0-9]*== *//'
if grep -qE 'Invalid (read|write|free)|uninitialised|Conditional jump|Mismatched free' "$OUT/valgrind.log"; then
    echo "memory errors found:" >&2
    grep -A12 -E 'Invalid (read|write|free)|uninitialised|Conditional jump|Mismatched free' "$OUT/valgrind.log" >&2
    exit 1
fi
