#!/usr/bin/env python3
"""Builds Sources/LineageCatalog/Resources/renames.csv: legacy un-namespaced Hub ids -> their canonical ids.

In 2024 the Hugging Face Hub moved its legacy models, published without a namespace (`gpt2`,
`bert-base-uncased`), into organizations (`openai-community/gpt2`, `google-bert/bert-base-uncased`).
Children still name either id. This script lists every un-namespaced id that some model of a crawl
names as its parent, and keeps those with exactly one twin of the same name (case-insensitive) in one
of the organizations the Hub moved legacy models into (MIGRATION_NAMESPACES). Only the id pairs are
written (facts about the Hub's naming), never other content of the crawl. The 50 largest pairs (by
children naming the legacy id) were checked by hand against the organizations' model pages.

Ids with a single twin elsewhere are left to Lineage's own rule at ingest (`inferred:unique-twin`,
applied to the user's store), not shipped.

Usage: python3 scripts/build-renames.py [--hubdata ../shared/hubdata] > Sources/LineageCatalog/Resources/renames.csv
"""
import argparse, collections, csv, gzip, json, os, sys

MIGRATION_NAMESPACES = {
    "openai-community", "google-bert", "distilbert", "facebookai", "google-t5", "albert", "xlnet", "almanach",
}

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--hubdata", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "hubdata"))
    args = ap.parse_args()
    crawl = os.path.join(args.hubdata, "hub-2024-07")
    twins = collections.defaultdict(list)
    named = collections.Counter()
    spelling = {}
    for part in ("models-1.jsonl.gz", "models-2.jsonl.gz"):
        with gzip.open(os.path.join(crawl, part), "rt", encoding="utf-8") as f:
            for line in f:
                o = json.loads(line)
                mid = o["id"]
                if "/" in mid:
                    twins[mid.split("/", 1)[1].lower()].append(mid)
                for tag in o.get("tags") or []:
                    if tag.startswith("base_model:"):
                        parent = tag[len("base_model:"):].strip()
                        if parent and "/" not in parent and ":" not in parent:
                            named[parent.lower()] += 1
                            spelling.setdefault(parent.lower(), parent)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["legacy_id", "canonical_id", "source"])
    rows = []
    for legacy, count in named.items():
        moved = [t for t in twins.get(legacy, []) if t.split("/", 1)[0].lower() in MIGRATION_NAMESPACES]
        if len(moved) == 1:
            rows.append((-count, spelling[legacy], moved[0]))
    for _, legacy, canonical in sorted(rows):
        out.writerow([legacy, canonical, "hf-legacy-migration"])

if __name__ == "__main__":
    main()
