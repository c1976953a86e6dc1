"""How extraction time grows with the size of ONE document, from 10 KB to 10 MB, in three shapes.

Run: `.venv/bin/python benchmarks/extract_growth.py [--sizes 10k 100k 1m 10m] [--shapes line lines paragraphs]
[--timeout 300]`. Not a test: it prints a table (BENCHMARKS.md keeps it).

Shapes, each a text of figures and words about support to Ukraine (a figure about every 200 characters):
- line: one line without a full stop (a text with no sentence ends at all);
- lines: many short lines of one figure each, without full stops (a list of figures);
- paragraphs: paragraphs of ordinary sentences, separated by blank lines.
Each size runs in its own process (reading the .txt bytes and extracting, as a build does for one file, after a
2 KB warm-up that compiles the word lists' patterns), with the per-document time budget off, so that a size that
takes too long is stopped by --timeout and printed as such.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = {"10k": 10_000, "30k": 30_000, "100k": 100_000, "300k": 300_000, "1m": 1_000_000, "3m": 3_000_000}
SIZES["10m"] = 10_000_000
SHAPES = ("line", "lines", "paragraphs")
DONORS = ["Portugal", "Norway", "Germany", "Denmark", "Sweden", "Canada", "Japan", "Poland"]
ITEMS = ["ammunition", "air defence", "demining", "energy repairs", "humanitarian aid", "winter equipment"]


def piece(n: int, shape: str) -> str:
    """One clause with one figure; the shape decides how clauses are joined."""
    donor, item = DONORS[n % len(DONORS)], ITEMS[n % len(ITEMS)]
    amount = n + 1  # every figure its own: a document of repeated figures would be deduplicated to a few
    words = "according to the ministry of foreign affairs and the parliament in its weekly report"
    if shape == "line":
        return f"{donor} will provide €{amount} million for {item} to Ukraine in 2024 {words} and "
    if shape == "lines":
        return f"{donor} €{amount} million for {item} {2023 + n % 3}\n"
    ending = "\n\n" if n % 4 == 3 else " "
    return f"{donor} will provide €{amount} million for {item} to Ukraine in 2024, {words}.{ending}"


def document(size: int, shape: str) -> str:
    parts, length, n = [], 0, 0
    while length < size:
        parts.append(piece(n, shape))
        length += len(parts[-1])
        n += 1
    return "".join(parts)[:size]


def measure(size: int, shape: str) -> dict:
    """Run in a child process: read and extract one document of this size and shape, without a budget."""
    from data_pipeline import budget
    from data_pipeline.documents import document_from_bytes
    from data_pipeline.extraction_cache import extract_document

    budget.MAX_EXTRACTION_SECONDS = None
    # Once before the clock starts: the word lists' patterns are compiled on first use (about half a second).
    extract_document(document_from_bytes("warm-up.txt", document(2_000, shape).encode("utf-8"), None))
    data = document(size, shape).encode("utf-8")
    started = time.perf_counter()
    doc = document_from_bytes(f"growth-{shape}.txt", data, None)
    extraction = extract_document(doc)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "mentions": len(extraction.mention_records), "problem": doc.problem}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", nargs="+", default=["10k", "100k", "1m", "10m"], choices=list(SIZES))
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=SHAPES)
    parser.add_argument("--timeout", type=float, default=300, help="seconds before a size is stopped")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(SIZES[args.child[0]], args.child[1])))
        return 0

    print(f"{'shape':<11} {'size':>6} {'seconds':>9} {'s per MB':>9} {'mentions':>9}  problem")
    for shape in args.shapes:
        for size_name in args.sizes:
            command = [sys.executable, __file__, "--child", size_name, shape]
            try:
                done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=args.timeout)
            except subprocess.TimeoutExpired:
                print(f"{shape:<11} {size_name:>6} {'>' + str(int(args.timeout)):>9} {'':>9} {'':>9}  stopped")
                continue
            if done.returncode != 0:
                print(f"{shape:<11} {size_name:>6} failed: {done.stderr.strip().splitlines()[-1:]}")
                continue
            result = json.loads(done.stdout.strip().splitlines()[-1])
            per_mb = result["seconds"] / (SIZES[size_name] / 1_000_000)
            print(
                f"{shape:<11} {size_name:>6} {result['seconds']:>9.2f} {per_mb:>9.2f} {result['mentions']:>9}  "
                f"{result['problem'][:60]}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
