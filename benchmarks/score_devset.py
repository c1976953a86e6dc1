"""Build the real development set (../shared/devset) and print its scorer's summary: overall, per language and per
field, for all 36 documents, the 26 documents added in the second round, and that round's two halves
(benchmarks/devset_halves.csv: the half rules were tuned on and the half held back as the estimate of unseen text).

Run: `make devset` (or `.venv/bin/python benchmarks/score_devset.py [--out build/devset] [--details]`).
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from data_pipeline import build  # noqa: E402
from data_pipeline.paths import DEVSET_DIR  # noqa: E402
from data_pipeline.tables import write_tables  # noqa: E402

HALVES_FILE = Path(__file__).with_name("devset_halves.csv")


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_rows(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def document_subsets() -> dict[str, set[str]]:
    """Doc-id prefixes per subset: each half of the second round, and the whole second round."""
    _, rows = read_rows(HALVES_FILE)
    subsets: dict[str, set[str]] = {"second round (26)": set()}
    for row in rows:
        subsets.setdefault(row["half"], set()).add(row["doc_prefix"])
        subsets["second round (26)"].add(row["doc_prefix"])
    return subsets


def score(out: Path, prefixes: set[str] | None, details: bool) -> str:
    """The scorer's output on the documents whose id starts with one of `prefixes` (all documents when None)."""

    def keep(doc_id: str) -> bool:
        return prefixes is None or doc_id.split("_", 1)[0] in prefixes

    subset_dir = out / "subsets" / ("all" if prefixes is None else "_".join(sorted(prefixes))[:60])
    subset_dir.mkdir(parents=True, exist_ok=True)
    gold_fields, gold = read_rows(DEVSET_DIR / "gold.csv")
    mention_fields, mentions = read_rows(out / "mentions.csv")
    manifest_fields, manifest = read_rows(DEVSET_DIR / "manifest.csv")
    write_rows(subset_dir / "gold.csv", gold_fields, [r for r in gold if keep(r["doc_id"])])
    write_rows(subset_dir / "mentions.csv", mention_fields, [r for r in mentions if keep(r["doc_id"])])
    write_rows(subset_dir / "manifest.csv", manifest_fields, [r for r in manifest if keep(Path(r["file"]).stem)])
    command = [
        sys.executable,
        str(DEVSET_DIR / "score.py"),
        str(subset_dir / "gold.csv"),
        str(subset_dir / "mentions.csv"),
        "--manifest",
        str(subset_dir / "manifest.csv"),
        "--docs",
        str(DEVSET_DIR),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    lines = result.stdout.splitlines()
    if details:
        return result.stdout
    return "\n".join(line for line in lines if not line.startswith(("MISS", "FALSE", "FIELD")) and line.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "build" / "devset")
    parser.add_argument("--details", action="store_true", help="print every miss, false alarm and wrong field")
    args = parser.parse_args()
    if not (DEVSET_DIR / "score.py").is_file():
        sys.exit(f"the development set is missing at {DEVSET_DIR}: put ../shared beside the repository")
    write_tables(build(DEVSET_DIR), args.out)
    print(f"== all 36 documents\n{score(args.out, None, args.details)}\n")
    for name, prefixes in document_subsets().items():
        print(f"== {name}: {len(prefixes)} documents\n{score(args.out, prefixes, args.details)}\n")


if __name__ == "__main__":
    main()
