#!/usr/bin/env python3
"""Checks that the source tree still reads like a map (README "Code layout"); .ci/run runs it.

Rules, each printed as `file:line: what is wrong` when broken:
  1. every target's `import`s are exactly the dependencies Package.swift declares for it
     (system modules such as Foundation aside);
  2. imports run one way: no module imports one listed above it in README's "Code layout" table;
  3. no folder of Sources/ holds more than 30 files directly;
  4. a Swift file is named after the main type it declares or extends (`Type.swift`, `Type+Concern.swift`);
  5. no line of Sources/ is longer than 180 characters (the agreed style; 4-space indents);
  6. README's "Code layout" table names every module of Sources/ and nothing else.

Usage: python3 scripts/check-layout.py [REPOSITORY]   (exit status 1 when a rule is broken)
"""
import json
import os
import re
import subprocess
import sys

SYSTEM = {"Foundation", "FoundationNetworking", "FoundationXML", "Glibc", "Musl", "Darwin", "Dispatch",
          "Testing", "XCTest", "Synchronization", "os"}
PRODUCTS = {"GRDB", "GRDBSQLite", "Crypto", "ArgumentParser"}
MAX_FILES = 30
MAX_LINE = 180

root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
problems = []


def report(path, line, message):
    problems.append(f"{os.path.relpath(path, root)}:{line}: {message}")


def swift_files(directory):
    for folder, _, files in os.walk(directory):
        for name in sorted(files):
            if name.endswith(".swift"):
                yield os.path.join(folder, name)


package = json.loads(subprocess.run(["swift", "package", "dump-package"], cwd=root, check=True,
                                    capture_output=True, text=True).stdout)
targets = {}
for target in package["targets"]:
    if target["type"] == "system":
        continue
    declared = set()
    for dependency in target["dependencies"]:
        for kind in ("byName", "target", "product"):
            if kind in dependency:
                declared.add(dependency[kind][0])
    base = "Tests" if target["type"] == "test" else "Sources"
    targets[target["name"]] = (target.get("path") or os.path.join(base, target["name"]), declared)

# The layout table: module order from top (CLI) to bottom (Support).
readme = open(os.path.join(root, "README.md"), encoding="utf-8").read()
section = readme.split("## Code layout", 1)[1].split("\n## ", 1)[0] if "## Code layout" in readme else ""
order = re.findall(r"^\| `Sources/(Lineage\w+)`", section, re.M)
rank = {name: index for index, name in enumerate(order)}
modules = sorted(d for d in os.listdir(os.path.join(root, "Sources")) if d.startswith("Lineage"))
for name in sorted(set(modules) - set(order)):
    report(os.path.join(root, "README.md"), 1, f"Code layout does not list Sources/{name}")
for name in sorted(set(order) - set(modules)):
    report(os.path.join(root, "README.md"), 1, f"Code layout lists Sources/{name}, which does not exist")

for name, (path, declared) in sorted(targets.items()):
    imported = {}
    for file in swift_files(os.path.join(root, path)):
        for number, line in enumerate(open(file, encoding="utf-8"), 1):
            if re.match(r"(public |package |final |private |fileprivate )*(struct|enum|class|actor|extension|func|protocol) ", line):
                break  # imports sit above the first declaration; later `import` lines are text (e.g. Python in a string)
            match = re.match(r"\s*(?:@_exported |@testable |@preconcurrency )*import (\w+)", line)
            if match and match.group(1) not in SYSTEM and match.group(1) != name:
                imported.setdefault(match.group(1), (file, number))
                if name in rank and match.group(1) in rank and rank[match.group(1)] < rank[name]:
                    report(file, number, f"{name} imports {match.group(1)}, which sits above it in Code layout")
    for module, (file, number) in sorted(imported.items()):
        if module not in declared:
            report(file, number, f"imports {module}, which Package.swift does not declare for {name}")
    for module in sorted(declared - set(imported) - {"CGraphviz", "CZlib"} - {n for n in declared if n.endswith("Fixtures")}):
        if module in targets or module in PRODUCTS:
            report(os.path.join(root, "Package.swift"), 1, f"{name} declares {module} but never imports it")

for folder, directories, files in os.walk(os.path.join(root, "Sources")):
    if len(files) + len(directories) > MAX_FILES:
        report(folder, 0, f"holds {len(files) + len(directories)} entries directly (at most {MAX_FILES})")

declaration = re.compile(r"^(?:@\w+(?:\([^)]*\))?\s+)*(?:public |package |internal |fileprivate |private |final |indirect )*"
                         r"(?:struct|class|enum|protocol|actor|extension|typealias) (\w+)", re.M)
for file in swift_files(os.path.join(root, "Sources")):
    text = open(file, encoding="utf-8").read()
    stem = os.path.basename(file)[:-len(".swift")]
    main = stem.split("+")[0]
    names = set(declaration.findall(text))
    if names and main not in names and stem not in ("Exports", "main"):
        report(file, 1, f"named {stem}.swift but declares or extends {', '.join(sorted(names))}")
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_LINE:
            report(file, number, f"line of {len(line)} characters (at most {MAX_LINE})")

for problem in problems:
    print(problem)
print(f"check-layout: {len(problems)} problem{'s' if len(problems) != 1 else ''} in {len(targets)} targets",
      file=sys.stderr)
sys.exit(1 if problems else 0)
