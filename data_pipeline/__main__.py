"""Command line: python -m data_pipeline build --docs DIR --out DIR;
python -m data_pipeline brief --docs DIR --out pack.pptx (the briefing pack, made by dashboard_app.brief)"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

from data_pipeline.build import build
from data_pipeline.tables import write_tables


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return int(value)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["brief"]:
        # The pack is drawn by the dashboard's chart builders: imported only for this command, so the pipeline
        # itself never depends on the dashboard.
        from dashboard_app.brief import main as brief_main

        return brief_main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m data_pipeline", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build_command = commands.add_parser("build", help="extract pledges from a folder of documents")
    build_command.add_argument(
        "--docs", type=Path, required=True, help="folder of .txt/.md/.html/.pdf/.docx documents (manifest.csv optional)"
    )
    build_command.add_argument("--library", type=Path, help="a second folder of documents (the dashboard's library)")
    build_command.add_argument(
        "--cache", type=Path, help="keep each document's extraction here; later builds re-read only changed files"
    )
    build_command.add_argument("--out", type=Path, required=True, help="folder to write the tables to")
    build_command.add_argument(
        "--corrections", type=Path, default=None, help="the analysts' corrections database to apply (SQLite file)"
    )
    build_command.add_argument(
        "--jobs",
        type=_positive,
        default=None,
        metavar="N",
        help="at most N worker processes to extract documents (1: none); default: one per free CPU, or PLEDGES_JOBS",
    )
    commands.add_parser("brief", help="briefing pack (.pptx/.docx) under filters; see `brief --help`", add_help=False)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    try:
        tables = build(
            args.docs, cache_dir=args.cache, library_dir=args.library, corrections=args.corrections, jobs=args.jobs
        )
    except (FileNotFoundError, sqlite3.DatabaseError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    write_tables(tables, args.out)
    report = tables.report()
    for problem in tables.problems:
        print(f"problem: {problem.file}: {problem.problem}", file=sys.stderr)
    for orphan in tables.orphaned_corrections:
        print(f"orphaned correction {orphan['correction_id']} ({orphan['action']}): {orphan['why']}", file=sys.stderr)
    if args.corrections is not None:
        print(f"{tables.corrections_applied} corrections applied, {len(tables.orphaned_corrections)} orphaned")
    counts = ", ".join(f"{n} {name}" for name, n in report["counts"].items())
    print(
        f"read {report['documents_read']} of {len(tables.documents)} documents; wrote {counts} to {args.out} "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return 0 if report["documents_read"] > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
