#!/usr/bin/env python3
"""Builds Lineage's bundled default snapshot from the real hub-stats rows.

Source: ../shared/hubdata/hub-stats-2026/models.jsonl (cfahlgren1/hub-stats schema, Apache-2.0,
via evaleval/eval-card-registry). Every row is kept; each is slimmed to the fields Lineage reads:
id, author, createdAt, lastModified, downloads, downloadsAllTime, likes, the lineage/paper/license
tags, baseModels (ids only), pipeline_tag, library_name, safetensors.total, and from cardData only
base_model, base_model_relation and license. Output keys and row order are stable, so the same input
gives the same bytes.

Usage: python3 scripts/build-default-snapshot.py [SOURCE] [-o Sources/LineageIngest/Resources/default-hub.jsonl]
"""
import argparse
import json
import sys

KEPT_TAG_PREFIXES = ("base_model:", "arxiv:", "license:")


def slim(row):
    out = {}
    for key in ("id", "author", "createdAt", "lastModified", "downloads", "downloadsAllTime", "likes"):
        if row.get(key) is not None:
            out[key] = row[key]
    tags = [t for t in (row.get("tags") or []) if isinstance(t, str) and t.startswith(KEPT_TAG_PREFIXES)]
    if tags:
        out["tags"] = tags
    base = row.get("baseModels")
    if isinstance(base, dict) and base.get("models"):
        out["baseModels"] = {
            "relation": base.get("relation"),
            "models": [{"id": m["id"]} for m in base["models"] if isinstance(m, dict) and m.get("id")],
        }
    card = row.get("cardData")
    if isinstance(card, str):
        try:
            card = json.loads(card)
        except ValueError:
            card = None
    if isinstance(card, dict):
        kept = {k: card[k] for k in ("base_model", "base_model_relation", "license") if card.get(k) is not None}
        if kept:
            out["cardData"] = kept
    for key in ("pipeline_tag", "library_name"):
        if row.get(key) is not None:
            out[key] = row[key]
    st = row.get("safetensors")
    if isinstance(st, dict) and st.get("total") is not None:
        out["safetensors"] = {"total": int(st["total"])}
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", default="../shared/hubdata/hub-stats-2026/models.jsonl")
    parser.add_argument("-o", "--output", default="Sources/LineageIngest/Resources/default-hub.jsonl")
    args = parser.parse_args()
    count = 0
    with open(args.source, encoding="utf-8") as src, open(args.output, "w", encoding="utf-8", newline="\n") as dst:
        for line in src:
            if not line.strip():
                continue
            dst.write(json.dumps(slim(json.loads(line)), ensure_ascii=False, separators=(",", ":")) + "\n")
            count += 1
    print(f"wrote {count} models to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
