#!/usr/bin/env python3
"""Writes the fuzz seed corpus, Tests/LineageTestSupport/Fixtures/FuzzSeeds/, from hub-stats-2026 (Apache-2.0)
and synthetic data only. Deterministic: the same input gives the same files.

    python3 scripts/build-fuzz-seeds.py [../shared/hubdata/hub-stats-2026/models.jsonl]

Real rows are chosen by rule (the shortest lines that show each shape), so the corpus stays small
(a few KB a file) while covering baseModels of every relation, cardData strings naming base_model,
safetensors, arXiv and license tags, and nulls.
"""
import json
import os
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "hubdata", "hub-stats-2026", "models.jsonl")
out = os.path.join(root, "Tests", "LineageTestSupport", "Fixtures", "FuzzSeeds")
os.makedirs(out, exist_ok=True)

lines = [line.rstrip("\n") for line in open(source, encoding="utf-8") if line.strip()]
rows = [(line, json.loads(line)) for line in lines]
by_length = sorted(rows, key=lambda pair: (len(pair[0]), pair[1]["id"]))


def first(predicate, exclude=()):
    for line, row in by_length:
        if row["id"] not in exclude and predicate(row):
            return line, row
    raise SystemExit("no row matches")


def relation(name):
    return lambda r: isinstance(r.get("baseModels"), dict) and r["baseModels"].get("relation") == name


chosen = []
for predicate in [
    relation("finetune"), relation("merge"), relation("quantized"), relation("adapter"),
    lambda r: r.get("baseModels") is None and isinstance(r.get("cardData"), str) and "base_model" in r["cardData"],
    lambda r: isinstance(r.get("safetensors"), dict) and any(t.startswith("arxiv:") for t in r.get("tags") or []),
    lambda r: r.get("cardData") is None,
]:
    chosen.append(first(predicate, exclude={row["id"] for _, row in chosen}))


def write(name, text):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(text)


# hub-json: JSON lines as the dump has them, and the same objects as one API page (a JSON array).
write("hub.jsonl", "\n".join(line for line, _ in chosen) + "\n")
write("hub-page.json", "[\n" + ",\n".join(line for line, _ in chosen[:2]) + "\n]\n")

# edge-csv and node-csv: the lineage of the chosen rows.
csv_relation = {"finetune": "finetuned", "merge": "merged", "quantized": "quantized", "adapter": "adapter"}
edges = ["source,target,edge"]
nodes = ["id,type,owner,architecture"]
for _, row in chosen:
    base = row.get("baseModels")
    if isinstance(base, dict):
        for parent in base.get("models") or []:
            edges.append(f'{parent["id"]},{row["id"]},{csv_relation[base["relation"]]}')
        nodes.append(f'{row["id"]},{csv_relation[base["relation"]]},{row["author"]},{row.get("library_name") or ""}')
    else:
        nodes.append(f'{row["id"]},base,{row["author"]},{row.get("library_name") or ""}')
write("edges.csv", "\n".join(edges) + "\n")
write("nodes.csv", "\n".join(nodes) + "\n")


# list-models-csv: list_models rows, tags as a Python list literal in a quoted cell.
def cell(text):
    text = str(text)
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n') else text


listing = ["modelId,author,downloads,likes,lastModified,tags,pipeline_tag"]
for _, row in chosen[:4]:
    tags = "[" + ", ".join("'" + t.replace("\\", "\\\\").replace("'", "\\'") + "'" for t in (row.get("tags") or [])[:8]) + "]"
    listing.append(",".join(cell(v) for v in [
        row["id"], row["author"], row["downloads"], row["likes"], row["lastModified"] + "+00:00", tags, row.get("pipeline_tag") or "",
    ]))
write("list-models.csv", "\r\n".join(listing) + "\r\n")

# space-json (synthetic Spaces that use the chosen models).
ids = [row["id"] for _, row in chosen]
spaces = [
    {"id": "demo-user/chat-demo", "author": "demo-user", "likes": 12, "sdk": "gradio",
     "createdAt": "2025-01-02T03:04:05.000Z", "lastModified": "2025-06-01T00:00:00.000Z", "models": ids[:2]},
    {"id": "lab/viewer", "sdk": "streamlit", "models": [{"id": ids[2]}, {"id": "https://huggingface.co/" + ids[3]}], "tags": ["region:us"]},
    {"spaceId": "solo/empty", "models": None, "likes": None},
]
write("spaces.jsonl", "\n".join(json.dumps(s, ensure_ascii=False) for s in spaces) + "\n")
write("spaces-array.json", json.dumps(spaces, indent=1, ensure_ascii=False) + "\n")

# cyclonedx (a synthetic AI-BOM naming the chosen models in each way the parser reads).
org, name = ids[0].split("/", 1)
bom = {
    "bomFormat": "CycloneDX", "specVersion": "1.6", "serialNumber": "urn:uuid:00000000-0000-4000-8000-000000000001",
    "metadata": {"timestamp": "2025-05-01T12:00:00Z", "component": {"type": "application", "name": "FuzzBot", "version": "1.0",
                 "supplier": {"name": "Example Corp"}}},
    "components": [
        {"type": "machine-learning-model", "name": name, "group": org, "version": "main",
         "purl": f"pkg:huggingface/{ids[0]}@main",
         "pedigree": {"ancestors": [{"type": "machine-learning-model", "purl": f"pkg:huggingface/{ids[1]}"}]}},
        {"type": "machine-learning-model", "name": ids[2]},
        {"type": "library", "name": "transformers", "components": [
            {"type": "machine-learning-model", "name": "in-house",
             "externalReferences": [{"type": "website", "url": "https://huggingface.co/" + ids[3]}]}]},
    ],
}
write("bom.cdx.json", json.dumps(bom, indent=2) + "\n")
