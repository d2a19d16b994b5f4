#!/usr/bin/env python3
"""Lists the largest publishers of derivative models in Hub dumps, and how much of them the registry attributes.

For the lists, a derivative is a model with at least one `base_model:` tag (any form: `base_model:<id>` or
`base_model:<relation>:<id>`); its publisher is the namespace before the `/` of its id (a model id
without a namespace has no publisher and is counted apart). Downloads are the dump's 30-day
`downloads`. The two dumps read by default:

  ../shared/hubdata/hub-2024-07/models-{1,2}.jsonl.gz   the Hub crawl of 2024-07-11 (GPL: read here, never shipped)
  ../shared/hubdata/hub-stats-2026/models.jsonl         4,167 models (cfahlgren1/hub-stats schema)

Gzip input is read with the gzip module, streamed. `--coverage` counts derivatives by their declared
parents, as `lineage ingest` reads them: `baseModels`, else `base_model:` tags, else the card's
`base_model`; a model naming only itself has none; the last record of an id wins; the author is the
record's `author`, else the namespace. It does not link parentless re-uploads to family roots by name
nor merge legacy ids, which `lineage registry coverage` on a store of the same file also does: a
cross-check of declared derivatives, not the same count.

Usage:
  python3 scripts/derivative-publishers.py                 # top 100 by downloads and by count, per dump
  python3 scripts/derivative-publishers.py --top 50 --csv  # namespace,dump,rank_downloads,rank_count,... as CSV
  python3 scripts/derivative-publishers.py --coverage      # registry coverage of the declared derivatives (README cross-check)
  python3 scripts/derivative-publishers.py --missing       # publishers of the union with no registry row or no kind
"""
import argparse
import csv
import gzip
import json
import os
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HUBDATA = os.path.join(ROOT, "..", "shared", "hubdata")
REGISTRY = os.path.join(ROOT, "Sources", "LineageCatalog", "Resources", "organizations.csv")

DUMPS = {
    "hub-2024-07": ["hub-2024-07/models-1.jsonl.gz", "hub-2024-07/models-2.jsonl.gz"],
    "hub-stats-2026": ["hub-stats-2026/models.jsonl"],
}


def records(path):
    """The JSON objects of a JSON-lines file, gzip or not (told by its first two bytes)."""
    with open(path, "rb") as probe:
        gz = probe.read(2) == b"\x1f\x8b"
    opener = gzip.open if gz else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                yield json.loads(line)


def publishers(hubdata, dump):
    """namespace -> [derivative models, their downloads]; plus totals."""
    stats = defaultdict(lambda: [0, 0])
    total_models = total_downloads = unnamespaced = 0
    for name in DUMPS[dump]:
        for r in records(os.path.join(hubdata, name)):
            tags = r.get("tags") or []
            if not any(isinstance(t, str) and t.startswith("base_model:") for t in tags):
                continue
            model_id = r.get("id") or r.get("modelId") or ""
            downloads = int(r.get("downloads") or 0)
            total_models += 1
            total_downloads += downloads
            if "/" not in model_id:
                unnamespaced += 1
                continue
            s = stats[model_id.split("/", 1)[0]]
            s[0] += 1
            s[1] += downloads
    return stats, total_models, total_downloads, unnamespaced


RELATIONS = {"finetune", "adapter", "quantized", "merge"}
URL_PREFIXES = ["https://huggingface.co/", "http://huggingface.co/", "https://hf.co/", "http://hf.co/", "huggingface.co/", "hf.co/"]


def bare(ref):
    """A parent reference as a lowercased Hub id: a Hub URL gives its org/name; trailing slashes go."""
    ref = ref.strip()
    for prefix in URL_PREFIXES:
        if ref.lower().startswith(prefix) and len(ref) > len(prefix):
            ref = "/".join([p for p in ref[len(prefix):].split("/") if p][:2])
            break
    return ref.rstrip("/").lower()


def parents(r):
    """Lineage as `lineage ingest` reads a Hub object: baseModels, else base_model: tags, else cardData.base_model."""
    found = [m.get("id") for m in ((r.get("baseModels") or {}).get("models") or []) if isinstance(m, dict) and m.get("id")]
    if not found:
        for t in r.get("tags") or []:
            if isinstance(t, str) and t.startswith("base_model:"):
                rest = t[len("base_model:"):]
                head, sep, tail = rest.partition(":")
                found.append(tail if sep and head in RELATIONS else rest)
    if not found:
        card = r.get("cardData")
        if isinstance(card, str):
            try:
                card = json.loads(card)
            except ValueError:
                card = None
        if isinstance(card, dict):
            b = card.get("base_model")
            found = [b] if isinstance(b, str) else [x for x in b if isinstance(x, str)] if isinstance(b, list) else []
    model = (r.get("id") or r.get("modelId") or "").lower()
    return {p for p in map(bare, found) if p and p != model}


def engine_derivatives(hubdata, dump):
    """author namespace -> [derivative models, downloads] for the models with a declared parent other than
    themselves (self-loops dropped), the newest record of an id winning; author is `author`, else the id's
    namespace."""
    latest = {}
    for name in DUMPS[dump]:
        for r in records(os.path.join(hubdata, name)):
            model_id = r.get("id") or r.get("modelId") or ""
            author = r.get("author") or (model_id.split("/", 1)[0] if "/" in model_id else "")
            latest[model_id.lower()] = (bool(parents(r)), int(r.get("downloads") or 0), author)
    stats = defaultdict(lambda: [0, 0])
    total_models = total_downloads = 0
    for derivative, downloads, author in latest.values():
        if not derivative:
            continue
        total_models += 1
        total_downloads += downloads
        s = stats[author]
        s[0] += 1
        s[1] += downloads
    return stats, total_models, total_downloads


def registry():
    with open(REGISTRY, newline="", encoding="utf-8") as f:
        return {row["namespace"].lower(): row for row in csv.DictReader(f)}


def top(stats, n):
    by_downloads = sorted(stats, key=lambda ns: (-stats[ns][1], ns.lower()))[:n]
    by_count = sorted(stats, key=lambda ns: (-stats[ns][0], ns.lower()))[:n]
    return by_downloads, by_count


def coverage(stats, total_models, total_downloads, rows):
    """The shares `lineage registry coverage` prints: known kind (organization, an organization of unknown kind,
    included), kind more specific than organization, and of the organizations' derivatives (any kind but
    individual) the share with a known country; by models and by downloads."""
    c = defaultdict(int)
    for ns, (models, downloads) in stats.items():
        row = rows.get(ns.lower())
        kind, country = (row["kind"], row["country"]) if row else ("", "")
        if kind:
            c["kind_models"] += models
            c["kind_downloads"] += downloads
        if country:
            c["country_models"] += models
            c["country_downloads"] += downloads
        if kind and kind != "organization":
            c["specific_models"] += models
            c["specific_downloads"] += downloads
        if kind and kind != "individual":
            c["org_models"] += models
            c["org_downloads"] += downloads
            if country:
                c["org_country_models"] += models
                c["org_country_downloads"] += downloads
    pct = lambda a, b: 100.0 * a / b if b else 0.0
    return {
        "derivative_models": total_models, "derivative_downloads": total_downloads,
        "kind_known_models": pct(c["kind_models"], total_models), "kind_known_downloads": pct(c["kind_downloads"], total_downloads),
        "specific_kind_models": pct(c["specific_models"], total_models), "specific_kind_downloads": pct(c["specific_downloads"], total_downloads),
        "country_known_models": pct(c["country_models"], total_models), "country_known_downloads": pct(c["country_downloads"], total_downloads),
        "organization_models": c["org_models"], "organization_downloads": c["org_downloads"],
        "organization_country_known_models": pct(c["org_country_models"], c["org_models"]),
        "organization_country_known_downloads": pct(c["org_country_downloads"], c["org_downloads"]),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hubdata", default=HUBDATA)
    parser.add_argument("--dump", choices=sorted(DUMPS), action="append", help="only this dump (repeatable)")
    parser.add_argument("--top", type=int, default=100)
    parser.add_argument("--csv", action="store_true", help="one CSV row per publisher of the union")
    parser.add_argument("--coverage", action="store_true", help="print the registry's coverage of each dump")
    parser.add_argument("--missing", action="store_true", help="list publishers of the union without a registry kind")
    args = parser.parse_args()
    rows = registry()
    dumps = args.dump or sorted(DUMPS)
    union = {}
    out = csv.writer(sys.stdout, lineterminator="\n") if args.csv else None
    if out:
        out.writerow(["namespace", "dump", "rank_downloads", "rank_count", "derivatives", "downloads", "download_share", "kind", "country"])
    for dump in dumps:
        if args.coverage:
            stats, total_models, total_downloads = engine_derivatives(args.hubdata, dump)
            c = coverage(stats, total_models, total_downloads, rows)
            print(f"{dump}: {c['derivative_models']:,} derivative models, {c['derivative_downloads']:,} downloads; "
                  f"known kind {c['kind_known_models']:.1f}% of models, {c['kind_known_downloads']:.1f}% of downloads "
                  f"(more specific than organization: {c['specific_kind_models']:.1f}%, {c['specific_kind_downloads']:.1f}%); "
                  f"known country {c['country_known_models']:.1f}% of models, {c['country_known_downloads']:.1f}% of downloads; "
                  f"organizations (any kind but individual) hold {c['organization_models']:,} models, {c['organization_downloads']:,} downloads, "
                  f"with known country {c['organization_country_known_models']:.1f}% of those models, {c['organization_country_known_downloads']:.1f}% of those downloads")
            continue
        stats, total_models, total_downloads, unnamespaced = publishers(args.hubdata, dump)
        by_downloads, by_count = top(stats, args.top)
        rank_d = {ns: i + 1 for i, ns in enumerate(by_downloads)}
        rank_c = {ns: i + 1 for i, ns in enumerate(by_count)}
        chosen = sorted(set(by_downloads) | set(by_count), key=lambda ns: (-stats[ns][1], ns.lower()))
        held = sum(stats[ns][1] for ns in by_downloads)
        if not out and not args.missing:
            print(f"# {dump}: {total_models:,} derivative models ({unnamespaced:,} without namespace), {total_downloads:,} downloads; "
                  f"top {args.top} by downloads hold {100.0 * held / max(1, total_downloads):.1f}%; {len(chosen)} publishers in the union")
        for ns in chosen:
            models, downloads = stats[ns]
            row = rows.get(ns.lower())
            union.setdefault(ns.lower(), (ns, row, dump, downloads))
            if out:
                out.writerow([ns, dump, rank_d.get(ns, ""), rank_c.get(ns, ""), models, downloads,
                              f"{downloads / max(1, total_downloads):.5f}", row["kind"] if row else "", row["country"] if row else ""])
            elif not args.missing:
                print(f"{ns:32} d#{rank_d.get(ns, '-'):>4} c#{rank_c.get(ns, '-'):>4} {models:7,} models {downloads:13,} downloads "
                      f"{100.0 * downloads / max(1, total_downloads):5.2f}%  kind={row['kind'] if row else '?'} country={row['country'] if row else '?'}")
    if args.missing:
        for key, (ns, row, dump, downloads) in sorted(union.items(), key=lambda kv: -kv[1][3]):
            if not row or not row["kind"]:
                print(f"{ns}\t{dump}\t{downloads}")


if __name__ == "__main__":
    main()
