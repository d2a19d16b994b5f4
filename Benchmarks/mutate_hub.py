#!/usr/bin/env python3
"""Grow the real Hub model rows into a large synthetic lineage for ingest benchmarks.

Reads hub-stats JSON lines (one model per line: id, author, createdAt, lastModified, downloads,
downloadsAllTime, likes, trendingScore, tags, cardData, safetensors, gguf, baseModels, pipeline_tag,
library_name) and writes N rows in the same format:

* Row k takes the real row k mod T as its template and keeps all of its fields, except:
  - ``id`` becomes ``<author>/<template name>-<k>`` (unique), ``author`` the new author, drawn
    (skewed, like the real Hub) from the real authors plus a pool of synthetic namespaces;
  - when the template has ``baseModels``, the parents are re-chosen among EARLIER generated rows, so
    the lineage is a DAG with real depth and popular hubs; the template's relation and parent count are
    kept, each parent's ``_id`` is the parent row's synthetic ``_id``; the ``base_model:…`` tags are
    rewritten to name the new parents (``base_model:P`` and ``base_model:<relation>:P`` per parent, where
    the template had its base_model tags);
  - with probability ``--dangling`` a parent slot keeps the template's real (external) parent, which
    is not among the generated ids.
* ``--self-loops`` rows list themselves as a parent and ``--two-cycles`` pairs of rows name each
  other, to exercise cycle handling; set both to 0 for a pure DAG.
* ``cardData`` is copied as the template's string, never parsed (it may still name the template's
  original base model).

Output is a pure function of the input file and the arguments: same seed, same bytes.
Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_INPUT = os.path.join(REPO_ROOT, "..", "shared", "hubdata", "hub-stats-2026", "models.jsonl")

# Placeholders swapped into a template before json.dumps, then cut out again.
_PLACEHOLDERS = {
    "id": "\u0001LINEAGE-ID\u0001",
    "author": "\u0001LINEAGE-AUTHOR\u0001",
    "tags": "\u0001LINEAGE-TAGS\u0001",
    "baseModels": "\u0001LINEAGE-BASE\u0001",
}

_PREFIXES = [
    "neural", "deep", "open", "tiny", "quant", "merge", "byte", "tensor", "llama", "mistral", "qwen",
    "gemma", "phi", "falcon", "vision", "speech", "bio", "code", "math", "chat", "edge", "fast", "local",
    "lora", "gguf", "awq", "exl", "moe", "rl", "dpo",
]
_SUFFIXES = ["lab", "labs", "ai", "ml", "works", "forge", "hub", "models", "research", "team", "dev", "x"]

# 24-hex-digit synthetic `_id`s (Mongo ObjectId shape), far from real ones.
_ID_BASE = 0x700000000000000000000000


def synthetic_object_id(k: int) -> str:
    return "%024x" % (_ID_BASE + k)


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", nargs="?", default=DEFAULT_INPUT,
                   help="real Hub rows, JSON lines (default: ../shared/hubdata/hub-stats-2026/models.jsonl "
                        "from the repository root)")
    p.add_argument("--models", "-n", type=int, default=1_000_000, help="rows to write (default 1,000,000)")
    p.add_argument("--seed", "-s", type=int, default=1, help="random seed (default 1)")
    p.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    p.add_argument("--namespaces", type=int, default=4000,
                   help="synthetic author namespaces added to the real authors (default 4000)")
    p.add_argument("--dangling", type=float, default=0.05,
                   help="probability that a parent keeps the template's real, external id (default 0.05)")
    p.add_argument("--self-loops", type=int, default=3, help="rows that name themselves as parent (default 3)")
    p.add_argument("--two-cycles", type=int, default=3, help="pairs of rows naming each other (default 3)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress or summary on stderr")
    args = p.parse_args(argv)
    if args.models < 0:
        p.error("--models must be >= 0")
    if not 0.0 <= args.dangling <= 1.0:
        p.error("--dangling must be within [0, 1]")
    return args


class Template:
    """A real row, pre-serialised into the JSON text around the fields that change per row."""

    __slots__ = ("parts", "order", "name_json", "relation_json", "parents", "tags_before", "tags_after",
                 "tags_plain")

    def __init__(self, row: dict):
        model_id = row["id"]
        name = model_id.split("/", 1)[1] if "/" in model_id else model_id
        self.name_json = json.dumps(name)[1:-1]
        base = row.get("baseModels")
        tags = row.get("tags")
        if not isinstance(tags, list):
            tags = []
        self.parents: list[tuple[str, str]] = []
        self.relation_json = ""
        if base and base.get("models"):
            self.relation_json = json.dumps(str(base.get("relation") or "unknown"))[1:-1]
            self.parents = [(m.get("_id") or "", m.get("id") or "") for m in base["models"]]

        # Tags without the base_model ones, split where those were (or at the end).
        plain = [t for t in tags if not (isinstance(t, str) and t.startswith("base_model:"))]
        first = next((i for i, t in enumerate(tags) if isinstance(t, str) and t.startswith("base_model:")),
                     len(plain))
        before, after = plain[:first], plain[first:]
        self.tags_before = "".join(json.dumps(t) + ", " for t in before)
        self.tags_after = "".join(", " + json.dumps(t) for t in after)
        self.tags_plain = json.dumps(tags)

        shadow = dict(row)
        shadow["id"] = _PLACEHOLDERS["id"]
        shadow["author"] = _PLACEHOLDERS["author"]
        shadow["tags"] = _PLACEHOLDERS["tags"]
        if self.parents:
            shadow["baseModels"] = _PLACEHOLDERS["baseModels"]
        text = json.dumps(shadow)
        # Cut the serialised row at each (quoted) placeholder, in the order they appear.
        marks = []
        for field, placeholder in _PLACEHOLDERS.items():
            quoted = json.dumps(placeholder)
            at = text.find(quoted)
            if at >= 0:
                marks.append((at, len(quoted), field))
        marks.sort()
        self.parts: list[str] = []
        self.order: list[str] = []
        pos = 0
        for at, length, field in marks:
            self.parts.append(text[pos:at])
            self.order.append(field)
            pos = at + length
        self.parts.append(text[pos:])


def load_templates(path: str) -> tuple[list[Template], list[str]]:
    templates: list[Template] = []
    author_counts: dict[str, int] = {}
    with open(path, "r", encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise SystemExit(f"{path}:{line_no}: not JSON: {e}")
            if not isinstance(row, dict) or not isinstance(row.get("id"), str):
                raise SystemExit(f"{path}:{line_no}: not a model row with a string id")
            templates.append(Template(row))
            author = row.get("author") or row["id"].split("/", 1)[0]
            author_counts[author] = author_counts.get(author, 0) + 1
    if not templates:
        raise SystemExit(f"{path}: no rows")
    # Most prolific real authors first (ties by name), so they get the heaviest weights below.
    real_authors = sorted(author_counts, key=lambda a: (-author_counts[a], a))
    return templates, real_authors


def author_pool(real_authors: list[str], namespaces: int) -> list[str]:
    pool = list(real_authors)
    taken = set(pool)
    for i in range(namespaces):
        name = f"{_PREFIXES[i % len(_PREFIXES)]}-{_SUFFIXES[(i // len(_PREFIXES)) % len(_SUFFIXES)]}-{i}"
        if name not in taken:
            pool.append(name)
            taken.add(name)
    return pool


def generate(args: argparse.Namespace, out) -> dict:
    templates, real_authors = load_templates(args.input)
    T = len(templates)
    n = args.models
    pool = author_pool(real_authors, args.namespaces)
    pool_json = [json.dumps(a)[1:-1] for a in pool]

    # Authors for every row up front (so any row's id is known before it is written — needed for
    # 2-cycles), skewed like the Hub: a few namespaces own many models.
    rng_authors = random.Random(args.seed * 1_000_003 + 17)
    weights = [1.0 / (rank + 8) for rank in range(len(pool))]
    cum = []
    acc = 0.0
    for w in weights:
        acc += w
        cum.append(acc)
    authors = rng_authors.choices(range(len(pool)), cum_weights=cum, k=n)

    def row_id(k: int) -> str:
        return pool_json[authors[k]] + "/" + templates[k % T].name_json + "-" + str(k)

    # Deliberate cycles, placed deterministically on rows whose templates have parents.
    rng_plan = random.Random(args.seed * 1_000_003 + 29)
    with_parents = [k for k in range(min(n, 50 * T)) if templates[k % T].parents]
    forced: dict[int, list[int]] = {}
    if with_parents:
        for k in rng_plan.sample(with_parents, min(args.self_loops, len(with_parents))):
            forced.setdefault(k, []).append(k)
        pairs = [k for k in with_parents if k >= 1 and templates[(k - 1) % T].parents]
        for b in rng_plan.sample(pairs, min(args.two_cycles, len(pairs))):
            a = b - 1
            forced.setdefault(a, []).append(b)   # a names the later row b …
            forced.setdefault(b, []).append(a)   # … and b names a.

    rng = random.Random(args.seed)
    rand = rng.random
    randrange = rng.randrange
    dangling_p = args.dangling
    # Parent choices so far, for preferential attachment (popular bases attract more children).
    chosen: list[int] = []
    stats = {"rows": 0, "with_parents": 0, "edges": 0, "dangling": 0, "self_loops": 0, "two_cycle_rows": 0}
    buf: list[str] = []
    write = out.write
    started = time.monotonic()

    for k in range(n):
        t = templates[k % T]
        author = pool_json[authors[k]]
        my_id = author + "/" + t.name_json + "-" + str(k)
        tags_json = t.tags_plain
        base_json = None
        if t.parents:
            relation = t.relation_json
            picked: list[tuple[str, str]] = []   # (_id, id) JSON-escaped
            seen: set[str] = set()
            for target in forced.get(k, ()):
                pid = row_id(target)
                if pid not in seen:
                    seen.add(pid)
                    picked.append((synthetic_object_id(target), pid))
                    if target == k:
                        stats["self_loops"] += 1
                    else:
                        stats["two_cycle_rows"] += 1
            for real_oid, real_id in t.parents:
                if len(picked) >= len(t.parents):
                    break
                if k == 0 or rand() < dangling_p:
                    pid = json.dumps(real_id)[1:-1]
                    if pid in seen:
                        continue
                    seen.add(pid)
                    picked.append((json.dumps(real_oid)[1:-1], pid))
                    stats["dangling"] += 1
                    continue
                for _attempt in range(8):
                    r = rand()
                    if r < 0.45 or not chosen:
                        p = randrange(k)                       # anywhere earlier
                    elif r < 0.80:
                        p = chosen[randrange(len(chosen))]     # a popular parent
                    else:
                        p = k - 1 - randrange(min(k, 2000))    # a recent row: long chains
                    pid = row_id(p)
                    if pid not in seen:
                        seen.add(pid)
                        picked.append((synthetic_object_id(p), pid))
                        chosen.append(p)
                        break
            stats["with_parents"] += 1
            stats["edges"] += len(picked)
            base_json = ('{"relation": "' + relation + '", "models": ['
                         + ", ".join('{"_id": "' + oid + '", "id": "' + pid + '"}' for oid, pid in picked)
                         + "]}")
            tags_json = ("[" + t.tags_before
                         + ", ".join('"base_model:' + pid + '", "base_model:' + relation + ":" + pid + '"'
                                     for _, pid in picked)
                         + t.tags_after + "]")
            if not picked:  # cannot happen with ≥1 template parent, but keep the row valid
                base_json = "null"

        parts = t.parts
        pieces = [parts[0]]
        for i, field in enumerate(t.order):
            if field == "id":
                pieces.append('"' + my_id + '"')
            elif field == "author":
                pieces.append('"' + author + '"')
            elif field == "tags":
                pieces.append(tags_json)
            else:
                pieces.append(base_json)
            pieces.append(parts[i + 1])
        pieces.append("\n")
        buf.append("".join(pieces))
        if len(buf) >= 8192:
            write("".join(buf))
            buf.clear()
            if not args.quiet and (k + 1) % 262144 < 8192:
                rate = (k + 1) / max(time.monotonic() - started, 1e-9)
                print(f"  {k + 1:,} rows ({rate:,.0f}/s)", file=sys.stderr)
    if buf:
        write("".join(buf))
    stats["rows"] = n
    stats["seconds"] = time.monotonic() - started
    return stats


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.output == "-":
        out = sys.stdout
        stats = generate(args, out)
        out.flush()
    else:
        directory = os.path.dirname(os.path.abspath(args.output))
        os.makedirs(directory, exist_ok=True)
        tmp = args.output + ".partial"
        with open(tmp, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
            stats = generate(args, out)
        os.replace(tmp, args.output)
    if not args.quiet:
        s = stats
        print(f"wrote {s['rows']:,} rows in {s['seconds']:.1f}s ({s['rows'] / max(s['seconds'], 1e-9):,.0f} rows/s): "
              f"{s['with_parents']:,} with parents, {s['edges']:,} parent links, {s['dangling']:,} dangling, "
              f"{s['self_loops']} self-loops, {s['two_cycle_rows']} rows in 2-cycles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:
        sys.exit(1)
