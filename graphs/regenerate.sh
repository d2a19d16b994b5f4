#!/usr/bin/env bash
# Regenerates the example lineage maps in graphs/ from the bundled default snapshot.
#
#   graphs/regenerate.sh                 build `lineage` (debug) and render every map
#   LINEAGE_BIN=path/to/lineage graphs/regenerate.sh    use a prebuilt binary
#
# Each map is rendered by exactly the command printed before it (also listed in README.md, "Maps").
# The store is forced to the bundled default (an empty LINEAGE_STORE and a scratch XDG_DATA_HOME), so the
# output does not depend on any store on this machine; DOT output is identical byte for byte on every run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ -n "${LINEAGE_BIN:-}" ]]; then
    LINEAGE="$LINEAGE_BIN"
else
    swift build --product lineage >&2
    LINEAGE="$(swift build --show-bin-path)/lineage"
fi
SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/lineage-graphs.XXXXXX")"
trap 'rm -rf "$SCRATCH"' EXIT
export XDG_DATA_HOME="$SCRATCH" HOME="$SCRATCH"
unset LINEAGE_STORE

run() {
    echo "lineage $*" >&2
    "$LINEAGE" "$@"
}

# Qwen's U.S. descendants: every model by a U.S. author derived from a Qwen base, with its Qwen parent.
run render qwen --country US -o graphs/qwen-us-descendants.svg
# The same map from the question in words.
run render "which U.S. models derive from Qwen" -o graphs/qwen-us-descendants-question.dot
# The DeepSeek-R1 family: DeepSeek's releases and the most important of what was built on them.
run render deepseek -o graphs/deepseek-family.svg
# One R1 distill and its own lineage, as PNG.
run render deepseek-ai/DeepSeek-R1-Distill-Qwen-7B --max-nodes 40 -o graphs/deepseek-r1-distill-qwen-7b.png
# A cross-family merge: a Llama 3.3 merge whose parents come from Llama, Nemotron and DeepSeek-R1 distills.
run render Steelskull/L3.3-Nevoria-R1-70b -o graphs/cross-family-merge-nevoria-r1.svg
# The most downloaded cross-family merges, from the saved question.
run render queries/cross-family-merges.query -o graphs/cross-family-merges.pdf
# A large map with the force layout.
run render llama --max-nodes 600 --layout sfdp -o graphs/llama-600-sfdp.svg
