# Shared by the benchmark scripts; sourced, not run.

# Sets LINEAGE to the release `lineage` binary: $LINEAGE_BIN when set, else builds it (unless $1 is 1,
# meaning --skip-build) and takes it from SwiftPM's release bin path. Exits with a message naming $2
# (the calling script) when the binary is missing.
resolve_lineage() {
    local skip_build="$1" script="$2"
    if [[ -n "${LINEAGE_BIN:-}" ]]; then
        LINEAGE="$LINEAGE_BIN"
    else
        if [[ "$skip_build" -eq 0 ]]; then
            echo "==> swift build -c release --product lineage" >&2
            swift build -c release --product lineage >&2
        fi
        LINEAGE="$(swift build -c release --product lineage --show-bin-path)/lineage"
    fi
    if [[ ! -x "$LINEAGE" ]]; then
        echo "$script: $LINEAGE not found; build it first (or drop --skip-build)" >&2
        exit 1
    fi
}
