"""Command line for the briefing pack, with the dashboard's own builders and filter:
python -m data_pipeline brief --docs DIR --out pack.pptx [--out pack.docx] [--category military …]"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from dashboard_app.briefing import RendererError, build_pack
from dashboard_app.filters import Selection, apply_filters
from dashboard_app.i18n import DEFAULT_LANGUAGE, LANGUAGES

# Filter option -> Selection field (the sidebar's filters; each option may be repeated).
LIST_FILTERS = {
    "donor": "donors",
    "recipient": "recipients",
    "category": "categories",
    "subcategory": "subcategories",
    "status": "statuses",
    "kind": "kinds",
    "publisher": "publishers",
}
SUFFIXES = (".pptx", ".docx")


def year_range(text: str) -> tuple[int, int]:
    """'2024-2026' or '2024' -> (2024, 2026) / (2024, 2024)."""
    low, _, high = text.partition("-")
    try:
        return int(low), int(high or low)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"years must read 2024 or 2024-2026, not {text!r}") from error


def parser() -> argparse.ArgumentParser:
    made = argparse.ArgumentParser(prog="python -m data_pipeline brief", description=__doc__)
    made.add_argument("--docs", type=Path, required=True, help="folder of documents (as for build)")
    made.add_argument("--library", type=Path, help="a second folder of documents (the dashboard's library)")
    made.add_argument(
        "--out",
        type=Path,
        action="append",
        required=True,
        help="file to write: .pptx (deck) or .docx (note); give --out twice for both (one renderer for both)",
    )
    for option in LIST_FILTERS:
        made.add_argument(f"--{option}", action="append", default=[], help=f"keep this {option} (repeatable)")
    made.add_argument("--years", type=year_range, help="covered years, e.g. 2024-2026")
    made.add_argument("--text", default="", help="search text, as the sidebar's 'Search text'")
    made.add_argument("--lang", choices=sorted(LANGUAGES), default=DEFAULT_LANGUAGE, help="language of the pack")
    return made


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    wrong = [str(path) for path in args.out if path.suffix.lower() not in SUFFIXES]
    if wrong:
        print(f"error: --out must end in .pptx or .docx: {', '.join(wrong)}", file=sys.stderr)
        return 2
    selection = Selection(
        **{field: tuple(getattr(args, option)) for option, field in LIST_FILTERS.items()},
        year_range=args.years,
        text=args.text,
    )
    from data_pipeline import build  # the pipeline, as the dashboard's loader runs it

    try:
        tables = build(args.docs, library_dir=args.library)
    except (FileNotFoundError, sqlite3.DatabaseError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    try:
        pack = build_pack(apply_filters(tables, selection), selection, language=args.lang)
    except RendererError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path in args.out:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pack.pptx if path.suffix.lower() == ".pptx" else pack.docx)
    written = ", ".join(str(path) for path in args.out)
    print(f"wrote {written} ({pack.n_slides} slides) in {pack.seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
