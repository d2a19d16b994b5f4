#!/usr/bin/env python3
"""Opens `lineage report` files in Debian's headless Chromium and checks what a reader would see.

For each report (the Qwen family on the bundled default, and a store whose model ids are hostile HTML)
it takes a screenshot and checks that
  - the screenshot is not blank (enough non-background pixels, more than a few colours),
  - no console message was logged (an injected script, or one the page's policy refused, logs one),
  - no network request left the file (Chromium's own net log lists every URL request),
  - the map (`<svg>`) and the table are in the page; the 1280x4200 screenshot shows both,
and keeps the screenshots, net logs and reports under .build/report-check/ as CI artifacts.

Usage: python3 scripts/check-report-browser.py --lineage .build/debug/lineage [--out .build/report-check]
Exit status 0 when every check passes; 1 with one line per failure; 2 when no Chromium is installed.
"""
import argparse
import json
import os
import shutil
import struct
import subprocess
import sys
import zlib

HOSTILE_IDS = [
    'evil/"quoted" name',
    "evil/<script>alert(1)</script>&amp;&#60;",
    'evil/x"]; node [shape=none, label="pwned"]; "y',
    "evil/<img src=http://127.0.0.1:9/x.png onerror=alert(1)>",
    "evil/]]> <!-- --> <![CDATA[x]]>",
    "evil/<style>body{background:url(http://127.0.0.1:9/bg)}</style>",
    "evil/<link rel=stylesheet href=http://127.0.0.1:9/s.css>",
]


def browser():
    for name in ("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name) or (f"/usr/lib/chromium/{name}" if os.path.exists(f"/usr/lib/chromium/{name}") else None)
        if path:
            return path
    return None


def png_pixels(path):
    """(width, height, rows of RGB(A) tuples) of an 8-bit, non-interlaced PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    position, idat, header = 8, b"", None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        chunk = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        position += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or interlace or colour not in (2, 6):
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(line)
        previous = line
    return width, height, channels, rows


def check_screenshot(path):
    width, height, channels, rows = png_pixels(path)
    colours, ink = set(), 0
    for line in rows[::4]:
        for x in range(0, width * channels, channels * 4):
            pixel = tuple(line[x:x + 3])
            colours.add(pixel)
            if sum(pixel) < 600:  # clearly darker than the white page
                ink += 1
    sampled = len(rows[::4]) * len(range(0, width * channels, channels * 4))
    share = ink / sampled if sampled else 0
    problems = []
    if len(colours) < 8:
        problems.append(f"{path}: looks blank ({len(colours)} colours)")
    if share < 0.005:
        problems.append(f"{path}: looks blank ({share:.2%} of sampled pixels are not background)")
    return problems, f"{width}x{height}, {len(colours)} colours, {share:.1%} ink"


def check_netlog(path):
    """URLs the page requested, other than the report file itself."""
    try:
        log = json.load(open(path))
    except json.JSONDecodeError:
        # Chromium may leave the closing brackets off when it exits; the events are still complete.
        text = open(path).read().rstrip().rstrip(",")
        log = json.loads(text + ("]}" if not text.endswith("]}") else ""))
    urls = set()
    for event in log.get("events", []):
        params = event.get("params") or {}
        url = params.get("url")
        if url and not url.startswith(("file://", "data:", "about:", "chrome:", "chrome-untrusted:", "devtools:")):
            urls.add(url)
    return sorted(urls)


def open_in_browser(chrome, html, out, name):
    png = os.path.join(out, f"{name}.png")
    netlog = os.path.join(out, f"{name}.netlog.json")
    for path in (png, netlog):
        if os.path.exists(path):
            os.remove(path)
    command = [
        chrome, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--enable-logging=stderr", "--v=0", f"--log-net-log={netlog}", "--net-log-capture-mode=Default",
        "--window-size=1280,4200", f"--screenshot={png}", "file://" + os.path.abspath(html),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    problems = []
    if not os.path.exists(png):
        return [f"{html}: Chromium wrote no screenshot (exit {result.returncode}): {result.stderr.strip()[-300:]}"], ""
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line or "Refused to" in line]
    for line in console:
        problems.append(f"{html}: console message: {line.strip()[:200]}")
    for url in check_netlog(netlog):
        problems.append(f"{html}: network request to {url}")
    shot_problems, summary = check_screenshot(png)
    return problems + shot_problems, summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lineage", required=True)
    parser.add_argument("--out", default=".build/report-check")
    args = parser.parse_args()
    chrome = browser()
    if not chrome:
        print("check-report-browser: no Chromium (apt-get install chromium-headless-shell)", file=sys.stderr)
        return 2
    os.makedirs(args.out, exist_ok=True)
    lineage = os.path.abspath(args.lineage)

    hostile_store = os.path.join(args.out, "hostile.sqlite")
    for suffix in ("", ".graph-cache"):
        if os.path.exists(hostile_store + suffix):
            os.remove(hostile_store + suffix)
    hostile_input = os.path.join(args.out, "hostile.jsonl")
    with open(hostile_input, "w") as f:
        f.write(json.dumps({"id": "Qwen/Qwen2.5-7B", "createdAt": "2024-09-01T00:00:00", "downloads": 100, "baseModels": None}) + "\n")
        for i, hub_id in enumerate(HOSTILE_IDS):
            f.write(json.dumps({"id": hub_id, "createdAt": "2024-10-01T00:00:00", "downloads": 5 + i,
                                "baseModels": {"relation": "finetune", "models": [{"_id": "x", "id": "Qwen/Qwen2.5-7B"}]}}) + "\n")
    subprocess.run([lineage, "ingest", hostile_input, "--store", hostile_store], check=True, capture_output=True)

    env = dict(os.environ)
    reports = {
        "qwen": [lineage, "report", "qwen"],
        "question": [lineage, "report", "which U.S. projects derive from Qwen"],
        "hostile": [lineage, "report", "qwen", "--store", hostile_store],
    }
    failures = []
    for name, command in reports.items():
        html = os.path.join(args.out, f"{name}.html")
        made = subprocess.run(command + ["-o", html], capture_output=True, text=True, env=env)
        if made.returncode != 0:
            failures.append(f"{' '.join(command)}: exit {made.returncode}: {made.stderr.strip()[-300:]}")
            continue
        problems, summary = open_in_browser(chrome, html, args.out, name)
        text = open(html, encoding="utf-8").read()
        for part in ("<svg", "<table"):
            if part not in text:
                problems.append(f"{html}: has no {part}> (the map and the table must both be drawn)")
        failures += problems
        print(f"{name}: {html} in {os.path.basename(chrome)}: {summary}; {len(problems)} problem(s)")
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
