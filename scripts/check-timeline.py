#!/usr/bin/env python3
"""Checks `lineage timeline` on the real 2024-07-11 Hub crawl against a reference computed here.

The reference graph (families by name, renamed ids, re-uploads) is scripts/check-crawl.py's `build`,
written from docs/METRICS.md independently of the Swift engine. On it, this script buckets createdAt
by month itself and compares, month by month:

  * `lineage timeline --origin CN,US --by month`: derivatives (descendants, not roots) of the families
    whose owner namespace is CN or US in the shipped organization registry;
  * `lineage timeline meta-llama/Meta-Llama-3-8B --by month`;
  * `lineage timeline --origin CN,US --event 2023-10-17 --window 6`: counts before and after.

Usage: python3 scripts/check-timeline.py --lineage .build/release/lineage [--store /tmp/crawl.sqlite]
Ingests the crawl into --store when the store does not exist. Exits 1 on a mismatch.
"""
import argparse, collections, csv, importlib.util, json, os, subprocess, sys, time


def load_check_crawl(here):
    spec = importlib.util.spec_from_file_location("check_crawl", os.path.join(here, "check-crawl.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def monthly(keys, created):
    counts = collections.Counter()
    for k in keys:
        c = created.get(k)
        if c:
            counts[c[:7]] += 1
    return counts


def lineage(binary, store, *args):
    started = time.time()
    out = subprocess.run([binary, *args, "--store", store, "--format", "json"], check=True, capture_output=True, text=True)
    return json.loads(out.stdout), time.time() - started


def compare(name, got_report, want, failures):
    buckets = got_report["buckets"]
    for line in got_report["series"]:
        ref = want[line["name"]]
        got = {b: int(v) for b, v in zip(buckets, line["values"]) if v}
        bad = sorted(b for b in set(got) | set(ref) if got.get(b, 0) != ref.get(b, 0))
        print(f"{name} {line['name']}: {sum(got.values()):,} derivatives in {len(buckets)} months, reference {sum(ref.values()):,};"
              f" {'equal' if not bad else 'DIFFERENT in ' + ', '.join(bad[:6])}")
        if bad:
            failures.append(f"{name} {line['name']}: " + ", ".join(f"{b} {got.get(b, 0)} != {ref.get(b, 0)}" for b in bad[:6]))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lineage", default=os.path.join(repo, ".build/release/lineage"))
    ap.add_argument("--store", default="/tmp/lineage-crawl-check.sqlite")
    ap.add_argument("--hubdata", default=os.path.join(repo, "..", "shared", "hubdata"))
    args = ap.parse_args()
    crawl = os.path.join(args.hubdata, "hub-2024-07")
    if not os.path.exists(args.store):
        subprocess.run([args.lineage, "ingest", os.path.join(crawl, "models-1.jsonl.gz"),
                        os.path.join(crawl, "models-2.jsonl.gz"), "--store", args.store, "--quiet"], check=True)
    g = load_check_crawl(here).build(args.hubdata, repo)
    ids, created, roots, families, descendants = g["ids"], g["created"], g["roots"], g["families"], g["descendants"]
    country = {}
    with open(os.path.join(repo, "Sources/LineageCatalog/Resources/organizations.csv"), newline="") as f:
        for row in csv.DictReader(f):
            country[row["namespace"].lower()] = row["country"]

    def derivatives(seeds):
        return {k for k in descendants(seeds) if k in ids} - set(seeds)

    failures = []
    want = {}
    for code in ("CN", "US"):
        seeds = set()
        for i, fam in enumerate(families):
            owner = fam["hf_org"].split(";")[0].strip().lower()
            if owner and country.get(owner) == code:
                seeds |= roots[i]
        want[code] = monthly(derivatives(seeds), created)
    report, seconds = lineage(args.lineage, args.store, "timeline", "--origin", "CN,US", "--by", "month")
    print(f"timeline --origin CN,US --by month: {seconds:.2f} s")
    compare("origin", report, want, failures)

    llama3 = "meta-llama/meta-llama-3-8b"
    report, seconds = lineage(args.lineage, args.store, "timeline", "meta-llama/Meta-Llama-3-8B", "--by", "month")
    print(f"timeline meta-llama/Meta-Llama-3-8B --by month: {seconds:.2f} s")
    name = report["series"][0]["name"]
    compare("model", report, {name: monthly(derivatives({llama3}), created)}, failures)

    window, _ = lineage(args.lineage, args.store, "timeline", "--origin", "CN,US", "--event", "2023-10-17", "--window", "6")
    for row in window["series"]:
        before = after = 0
        seeds = set()
        for i, fam in enumerate(families):
            owner = fam["hf_org"].split(";")[0].strip().lower()
            if owner and country.get(owner) == row["name"]:
                seeds |= roots[i]
        for k in derivatives(seeds):
            c = (created.get(k) or "")[:10]
            if "2023-04-17" <= c < "2023-10-17":
                before += 1
            elif "2023-10-17" <= c < "2024-04-17":
                after += 1
        ok = (row["before"], row["after"]) == (before, after)
        print(f"event 2023-10-17 ±6 months {row['name']}: lineage {row['before']:,} / {row['after']:,}, reference {before:,} / {after:,}"
              f" {'equal' if ok else 'DIFFERENT'}")
        if not ok:
            failures.append(f"event window {row['name']}")
    if failures:
        print("FAILED: " + "; ".join(failures))
        sys.exit(1)
    print("timeline check passed")


if __name__ == "__main__":
    main()
