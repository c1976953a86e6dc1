"""Every generalisation passage in tests/passages/*.yaml, run through ``extract_mentions`` and matched against the
mentions it must give (tests/passage_matching.py says how); a passage marked ``known_gap`` is a strict xfail."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from passage_matching import (
    LANGUAGES,
    Case,
    check_passage,
    describe_rows,
    extract,
    load_passages,
    na,
    norm,
    passage_params,
)

from data_pipeline.tables import empty_table

CASES = load_passages()
# The invariants hold for every positive passage, known gaps included.
POSITIVE_CASES = [case for case in CASES if case.expected]


@pytest.mark.parametrize("case", passage_params(CASES))
def test_passage(case) -> None:
    check_passage(case)


# Every column of the mentions table's schema, whatever a passage yields.
REQUIRED_COLUMNS = list(empty_table("mentions").columns)


def test_columns_present_even_when_empty() -> None:
    for case_id in ("en-money-cur-eur-symbol-01", "en-distractor-casualties-01"):
        df = extract(case_id)
        missing = [c for c in REQUIRED_COLUMNS if c not in df.columns]
        assert not missing, f"{case_id}: missing columns {missing}"


@pytest.mark.parametrize("case", POSITIVE_CASES, ids=[case.id for case in POSITIVE_CASES])
def test_mention_invariants(case: Case) -> None:
    """Shape of every extracted row: ids, offsets, evidence, enumerations, EUR conversion."""
    df = extract(case.id)
    problems = []
    if df["mention_id"].duplicated().any():
        problems.append(f"duplicate mention_id: {list(df['mention_id'])}")
    for i, row in df.iterrows():
        where = f"row [{i}]"
        if row["doc_id"] != case.id:
            problems.append(f"{where} doc_id={row['doc_id']!r}")
        start, end = norm(row["char_start"]), norm(row["char_end"])
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(case.text)):
            problems.append(f"{where} bad offsets {start!r}..{end!r}")
        elif not re.search(r"\w", case.text[start:end]):
            problems.append(f"{where} figure slice {case.text[start:end]!r} has no number")
        evidence = row["evidence"]
        if not isinstance(evidence, str) or evidence.strip() not in case.text:
            problems.append(f"{where} evidence not found verbatim in text: {evidence!r}")
        elif isinstance(start, int):
            ev = evidence.strip()
            spans = [(m.start(), m.start() + len(ev)) for m in re.finditer(re.escape(ev), case.text)]
            if not any(a <= start and end <= b for a, b in spans):
                problems.append(f"{where} figure offsets {start}..{end} lie outside the evidence sentence")
        if row["kind"] not in {"money", "equipment"}:
            problems.append(f"{where} kind={row['kind']!r}")
        if row["qualifier"] not in {"exact", "at_least", "at_most", "about"}:
            problems.append(f"{where} qualifier={row['qualifier']!r}")
        if row["status"] not in {"pledged", "delivered"}:
            problems.append(f"{where} status={row['status']!r}")
        if row["scope"] not in {"package", "part", "running_total"}:
            problems.append(f"{where} scope={row['scope']!r}")
        if row["scope"] == "part" and norm(row["part_of"]) not in set(df["mention_id"]):
            problems.append(f"{where} part_of={row['part_of']!r} is not a mention of this document")
        if row["category"] not in {
            "military",
            "financial",
            "humanitarian",
            "reconstruction",
            "justice",
            "other",
        }:
            problems.append(f"{where} category={row['category']!r}")
        if row["kind"] == "money":
            cur = row["currency"]
            if not (isinstance(cur, str) and re.fullmatch(r"[A-Z]{3}", cur)):
                problems.append(f"{where} currency={cur!r}")
            if (
                cur == "EUR"
                and not na(row["amount_eur"])
                and abs(float(row["amount_eur"]) - float(row["amount"])) > 0.001 * float(row["amount"])
            ):
                problems.append(f"{where} EUR amount_eur {row['amount_eur']!r} != amount {row['amount']!r}")
            if cur != "EUR" and case.published and na(row["amount_eur"]):
                problems.append(f"{where} amount_eur missing for {cur} with a known publication year")
        else:
            qty = norm(row["quantity"])
            if not (isinstance(qty, int) and qty > 0):
                problems.append(f"{where} quantity={qty!r}")
        ys, ye = norm(row["year_start"]), norm(row["year_end"])
        if ys is not None and ye is not None and ys > ye:
            problems.append(f"{where} year_start {ys} > year_end {ye}")
    if problems:
        pytest.fail(
            f"{case.id}\n  - " + "\n  - ".join(problems) + f"\n  extracted:\n{describe_rows(df, case.text)}",
            pytrace=False,
        )


def test_passage_files_are_well_formed() -> None:
    ids = [case.id for case in CASES]
    assert not [i for i, n in Counter(ids).items() if n > 1], "duplicate case ids"
    for case in CASES:
        # An id says what the passage tests, never the round it was written in.
        assert re.fullmatch(rf"{case.language}-[a-z0-9-]+-\d\d", case.id), case.id
        assert not re.match(r"^[a-z]{2}-r\d-", case.id), case.id
        assert case.concern and case.text.strip(), case.id
        assert case.known_gap is None or case.known_gap.strip(), case.id
        for exp in case.expected:
            if "part_of" in exp:
                assert 0 <= exp["part_of"] < len(case.expected), case.id
            if case.concern.startswith("fields-"):
                # These groups are about the fields of a mention: every expectation states them all.
                assert {"status", "scope", "year_start", "year_end"} <= set(exp), case.id
    for language in LANGUAGES:
        # A concern is one group in its file, so that a reader finds all its passages in one place.
        concerns = [case.concern for case in CASES if case.language == language]
        runs = [c for i, c in enumerate(concerns) if i == 0 or concerns[i - 1] != c]
        assert len(runs) == len(set(runs)), f"{language}.yaml: a concern is split: {Counter(runs).most_common(3)}"
    # Floors at the counts the passages were moved in with (en 331, nl 253, de 258): a file cut short or a case
    # lost in an edit fails here rather than passing with fewer passages.
    per_language = Counter(case.language for case in CASES)
    assert per_language["en"] >= 331 and per_language["nl"] >= 253 and per_language["de"] >= 258, per_language
    assert sum(not case.expected for case in CASES) >= 180
