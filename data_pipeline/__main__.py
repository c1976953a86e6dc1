"""Command line: python -m data_pipeline build --docs DIR --out DIR"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from data_pipeline.build import build
from data_pipeline.tables import write_tables


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data_pipeline", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build_command = commands.add_parser("build", help="extract pledges from a folder of documents")
    build_command.add_argument(
        "--docs", type=Path, required=True, help="folder of .txt/.md documents (manifest.csv optional)"
    )
    build_command.add_argument("--out", type=Path, required=True, help="folder to write the tables to")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    try:
        tables = build(args.docs)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    write_tables(tables, args.out)
    report = tables.report()
    for problem in tables.problems:
        print(f"problem: {problem.file}: {problem.problem}", file=sys.stderr)
    counts = ", ".join(f"{n} {name}" for name, n in report["counts"].items())
    print(
        f"read {report['documents_read']} of {len(tables.documents)} documents; wrote {counts} to {args.out} "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return 0 if report["documents_read"] > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
