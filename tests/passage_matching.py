"""The generalisation passages (tests/passages/<language>.yaml) and how an extraction is matched against them.

A passage is a sentence or a short text written for the tests, its publication date and the mentions PLEDGES.md
says must come out of it ([] for a distractor). Matching rules:

* the number of extracted mentions must equal the number expected;
* money: same currency and amount within 0.5 %;
* equipment: same quantity and the item names share a word (case-insensitive, stop words and plural s aside);
* every other field given in the expectation must be equal (``part_of`` is given as the index of the expected
  package and checked against that package's ``mention_id``).

Each file is read once and checked as it is read: a misspelt field or a figure that YAML read as text raises with
the passage's id, rather than making a passage that can never fail.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
import yaml

PASSAGE_DIR = Path(__file__).parent / "passages"
LANGUAGES = ("en", "nl", "de")

# The fields an expectation may give beside its figure; each must equal the extracted row's.
FIELDS = {
    "donor",
    "recipient",
    "qualifier",
    "status",
    "scope",
    "category",
    "subcategory",
    "year_start",
    "year_end",
    "part_of",
    "per_year",
}
_FIGURE = {"money": {"amount": (int, float), "currency": str}, "equipment": {"quantity": int, "item": str}}
_CASE_KEYS = {"id", "concern", "published", "text", "expected"}


@dataclass(frozen=True)
class Case:
    id: str
    language: str
    concern: str
    published: str | None
    text: str
    expected: tuple[dict, ...]
    known_gap: str | None = None


def _mention(case_id: str, raw: dict) -> dict:
    kind = raw.get("kind")
    if kind not in _FIGURE:
        raise ValueError(f"{case_id}: kind {kind!r} is neither money nor equipment")
    figure = _FIGURE[kind]
    unknown = set(raw) - {"kind"} - set(figure) - FIELDS
    if unknown:
        raise ValueError(f"{case_id}: unknown expectation fields {sorted(unknown)}")
    for key, types in figure.items():
        # bool is an int to Python; "250e6" is a string to YAML: neither is a figure.
        if not isinstance(raw.get(key), types) or isinstance(raw.get(key), bool):
            raise ValueError(f"{case_id}: {kind} needs {key}, got {raw.get(key)!r}")
    mention = dict(raw)
    if kind == "money":
        mention["amount"] = float(mention["amount"])
    return mention


def _case(language: str, raw: dict) -> Case:
    case_id = raw.get("id", "?")
    missing, unknown = _CASE_KEYS - set(raw), set(raw) - _CASE_KEYS - {"known_gap"}
    if missing or unknown:
        raise ValueError(f"{language}.yaml {case_id}: missing {sorted(missing)}, unknown {sorted(unknown)}")
    published = raw["published"]
    if isinstance(published, datetime.date):  # an unquoted date in the file
        published = published.isoformat()
    return Case(
        id=case_id,
        language=language,
        concern=raw["concern"],
        published=published,
        text=raw["text"],
        expected=tuple(_mention(case_id, m) for m in raw["expected"] or ()),
        known_gap=raw.get("known_gap"),
    )


@functools.cache
def load_passages() -> tuple[Case, ...]:
    """Every passage of every language file, in file order."""
    cases = []
    for language in LANGUAGES:
        raw = yaml.safe_load((PASSAGE_DIR / f"{language}.yaml").read_text(encoding="utf-8"))
        cases += [_case(language, item) for item in raw]
    return tuple(cases)


def passage_params(cases) -> list:
    """pytest params named by case id; a known gap is a strict xfail, so that a fix shows as an XPASS."""
    return [
        pytest.param(case, id=case.id, marks=[pytest.mark.xfail(strict=True, reason=case.known_gap)])
        if case.known_gap
        else pytest.param(case, id=case.id)
        for case in cases
    ]


# --------------------------------------------------------------------------------------
# Running the extractor and matching
# --------------------------------------------------------------------------------------

_SHOW = [
    "kind",
    "amount",
    "currency",
    "quantity",
    "item",
    "qualifier",
    "status",
    "scope",
    "donor",
    "recipient",
    "category",
    "subcategory",
    "year_start",
    "year_end",
    "per_year",
]
_STOP = {"the", "of", "and", "type", "vom", "van", "het", "der", "die", "das", "de"}


@functools.cache
def _case_by_id() -> dict[str, Case]:
    return {case.id: case for case in load_passages()}


@functools.cache
def extract(case_id: str) -> pd.DataFrame:
    """The extractor's rows for a passage, once per run (the invariant tests read them again)."""
    from data_pipeline.extract import extract_mentions

    case = _case_by_id()[case_id]
    df = extract_mentions(case.text, doc_id=case_id, language=case.language, published=case.published)
    return df.reset_index(drop=True)


def na(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def norm(value):
    if na(value):
        return None
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()  # numpy scalar -> python
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _tokens(text) -> set[str]:
    out = set()
    for tok in re.findall(r"[0-9a-zà-ÿ]+", str(text).lower()):
        if len(tok) > 3 and tok.endswith("s"):
            tok = tok[:-1]
        if tok in _STOP or (len(tok) == 1 and not tok.isdigit()):
            continue
        out.add(tok)
    return out


def _key_match(exp: dict, row: pd.Series) -> bool:
    if row.get("kind") != exp["kind"]:
        return False
    if exp["kind"] == "money":
        amount = norm(row.get("amount"))
        if amount is None or row.get("currency") != exp["currency"]:
            return False
        return abs(float(amount) - exp["amount"]) <= 0.005 * exp["amount"]
    quantity = norm(row.get("quantity"))
    if quantity is None or int(quantity) != exp["quantity"]:
        return False
    return bool(_tokens(exp["item"]) & _tokens(row.get("item")))


def _field_problems(exp: dict, row: pd.Series, matched: dict[int, int], df: pd.DataFrame) -> list[str]:
    problems = []
    for field in sorted(FIELDS & set(exp)):
        want = exp[field]
        if field == "part_of":
            pkg_row = matched.get(want)
            want = None if pkg_row is None else df.loc[pkg_row, "mention_id"]
        got = norm(row.get(field))
        if got != want:
            problems.append(f"{field}={got!r} (expected {want!r})")
    return problems


def _assign(expected: tuple[dict, ...], df: pd.DataFrame) -> dict[int, int]:
    """Map expected index -> row index: maximise matches, then minimise field mismatches."""
    candidates = [[i for i in df.index if _key_match(exp, df.loc[i])] for exp in expected]
    best: tuple[int, int, dict] = (-1, 0, {})

    def score(assign: dict[int, int]) -> int:
        # field mismatches (part_of checked afterwards, ignore here)
        bad = 0
        for e, r in assign.items():
            for field in (FIELDS - {"part_of"}) & set(expected[e]):
                if norm(df.loc[r].get(field)) != expected[e][field]:
                    bad += 1
        return bad

    def search(k: int, used: set[int], assign: dict[int, int]) -> None:
        nonlocal best
        if k == len(expected):
            cand = (len(assign), -score(assign), dict(assign))
            if cand[:2] > best[:2]:
                best = cand
            return
        for r in candidates[k]:
            if r not in used:
                assign[k] = r
                search(k + 1, used | {r}, assign)
                del assign[k]
        search(k + 1, used, assign)

    search(0, set(), {})
    return best[2]


def _describe_expected(exp: dict) -> str:
    if exp["kind"] == "money":
        head = f"money {exp['amount']:,.0f} {exp['currency']}"
    else:
        head = f"equipment {exp['quantity']} x {exp['item']}"
    rest = ", ".join(f"{k}={v!r}" for k, v in exp.items() if k in FIELDS)
    return f"{head} [{rest}]" if rest else head


def describe_rows(df: pd.DataFrame, text: str) -> str:
    if df.empty:
        return "    (nothing extracted)"
    lines = []
    for i, row in df.iterrows():
        parts = [f"{c}={norm(row.get(c))!r}" for c in _SHOW if c in df.columns]
        figure = ""
        start, end = norm(row.get("char_start")), norm(row.get("char_end"))
        if isinstance(start, int) and isinstance(end, int):
            figure = f" figure={text[start:end]!r}"
        lines.append(f"    [{i}] " + ", ".join(parts) + figure)
    return "\n".join(lines)


def check_passage(case: Case) -> None:
    """Fail with what was expected, what came out and where they differ."""
    df = extract(case.id)
    problems: list[str] = []
    if len(df) != len(case.expected):
        problems.append(f"expected {len(case.expected)} mention(s), extracted {len(df)}")

    matched = _assign(case.expected, df) if len(df) else {}
    for e, exp in enumerate(case.expected):
        if e not in matched:
            problems.append(f"missing: {_describe_expected(exp)}")
            continue
        bad = _field_problems(exp, df.loc[matched[e]], matched, df)
        if bad:
            problems.append(f"row [{matched[e]}] for {_describe_expected(exp)}: " + "; ".join(bad))
    extra = sorted(set(df.index) - set(matched.values()))
    if extra and len(df) > len(case.expected):
        problems.append(f"unexpected row(s): {extra}")

    if problems:
        pytest.fail(
            f"{case.id} ({case.language}, published {case.published})\n"
            f"  text: {case.text!r}\n  problems:\n    - "
            + "\n    - ".join(problems)
            + f"\n  extracted:\n{describe_rows(df, case.text)}",
            pytrace=False,
        )
