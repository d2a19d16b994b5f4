#!/usr/bin/env python3
"""Checks `lineage diff` on the 16 weeks of msc-2025-weekly against counts of the raw files made here.

The reference reads every `added_model_MMDD.csv` and `deleted_model_MMDD.csv` with Python's csv module
and, for a window of weeks (after FROM through TO), counts the distinct model ids (case-insensitive, as
the Hub matches them) of the additions files dated in it, those of the deletions files, the models in
both, and the lineage edges (child, parent) whose first additions file is in it. It ingests all 32 files
into --store with the built `lineage` binary (one ingest: 32 dated snapshots), then compares
`lineage diff --format json` for the whole range and the last week (every week with --every-week). Prints the per-family figures of
the whole range as the binary reports them. Exits 1 on a mismatch.

Usage: python3 scripts/check-history.py --lineage .build/release/lineage [--store /tmp/weeks.sqlite]
       [--weekly ../shared/hubdata/msc-2025-weekly]
msc-2025-weekly states no license: it is read in place, for checks, never shipped.
"""
import argparse, csv, glob, json, os, subprocess, sys, time


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["Model ID", "Type", "Base Model"], (path, rows[0])
    return [(r[0].strip(), [p.strip() for p in r[2].split(",") if p.strip()]) for r in rows[1:] if len(r) == 3 and r[0].strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lineage", required=True)
    ap.add_argument("--store", default="/tmp/lineage-history-check.sqlite")
    ap.add_argument("--weekly", default=os.path.join(os.path.dirname(__file__), "../../shared/hubdata/msc-2025-weekly"))
    ap.add_argument("--every-week", action="store_true", help="check each of the 16 weeks too, not only the whole range and the last week")
    args = ap.parse_args()
    weeks = sorted(os.path.basename(p)[-8:-4] for p in glob.glob(os.path.join(args.weekly, "added", "added_model_*.csv")))
    added, deleted, first_edge = {}, {}, {}
    for w in weeks:
        added[w] = set()
        for mid, parents in read(os.path.join(args.weekly, "added", f"added_model_{w}.csv")):
            key = mid.lower()
            added[w].add(key)
            for p in parents:
                if p.lower() != key:
                    first_edge.setdefault((key, p.lower()), w)
        deleted[w] = {mid.lower() for mid, _ in read(os.path.join(args.weekly, "deleted", f"deleted_model_{w}.csv"))}

    if not os.path.exists(args.store):
        files = [os.path.join(args.weekly, d, f"{d}_model_{w}.csv") for w in weeks for d in ("added", "deleted")]
        start = time.time()
        subprocess.run([args.lineage, "ingest", *files, "--store", args.store, "--quiet"], check=True)
        print(f"ingested {len(files)} files in {time.time() - start:.1f} s")

    def day(w):
        return f"2025-{w[:2]}-{w[2:]}"

    failures = 0
    windows = [("2025-01-01", day(weeks[-1]), weeks)]
    singles = [(day(weeks[i - 1]) if i else "2025-01-01", day(w), [w]) for i, w in enumerate(weeks)]
    windows += singles if args.every_week else singles[-1:]
    for frm, to, ws in windows:
        start = time.time()
        out = subprocess.run([args.lineage, "diff", "--from", frm, "--to", to, "--store", args.store, "--format", "json", "--limit", "0"],
                             check=True, capture_output=True, text=True).stdout
        seconds = time.time() - start
        got = json.loads(out)
        a = set().union(*(added[w] for w in ws))
        r = set().union(*(deleted[w] for w in ws))
        want = {"added": len(a), "removed": len(r), "addedAndRemoved": len(a & r),
                "newEdges": sum(1 for w in first_edge.values() if w in ws)}
        have = {k: got[k] for k in want}
        status = "ok" if have == want else "MISMATCH"
        failures += have != want
        print(f"{frm} .. {to}: {status} {have}" + ("" if have == want else f" expected {want}") + f" ({seconds:.2f} s)")
        if len(ws) > 1:
            fams = [g for g in got["groups"] if g["by"] == "family"][:10]
            print("  top families: " + "; ".join(f"{g['name']} +{g['added']} -{g['removed']}" for g in fams))
            print("  origins: " + "; ".join(f"{g['name']} +{g['added']} -{g['removed']}" for g in got["groups"] if g["by"] == "origin"))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
