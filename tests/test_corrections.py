"""Analysts' corrections stick: each kind survives a rebuild, a restart and edits elsewhere in the document; a
correction that lost its mention is reported; the database survives a killed writer and concurrent writers."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest
from pipeline_helpers import ROOT

from dashboard_app import exports
from data_pipeline import build as build_tables
from data_pipeline import corrections as corr
from data_pipeline.__main__ import main as cli
from data_pipeline.paths import SEEDS_DIR

NL_TIMES = "000_cf17c4d0f9988b64"
KYIV = "001_8efce2583cb9a875"
MINBUZA = "003_8b6a00b4669f0f4c"
EXTRA_TEXT = (
    "Brussels, 2024-03-04.\n\nBelgium confirmed new support to Ukraine today. The government also set aside a sum "
    "of forty-two million for mine clearance near Kharkiv, officials said. Officials described the plan.\n"
)
MISSED_SENTENCE = (
    "The government also set aside a sum of forty-two million for mine clearance near Kharkiv, officials said."
)


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    """Builds that share one extraction cache: corrections apply after the (possibly cached) extraction."""
    cache = tmp_path_factory.mktemp("extraction_cache")

    def cached_build(docs: Path, **options):
        return build_tables(docs, cache_dir=cache, **options)

    return cached_build


@pytest.fixture
def docs(tmp_path) -> Path:
    folder = tmp_path / "docs"
    shutil.copytree(SEEDS_DIR, folder)
    return folder


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "corrections.sqlite"


def mention_with(tables, doc_id: str, figure: str) -> pd.Series:
    """The one mention of doc_id whose figure text is `figure`."""
    found = [
        row
        for _, row in tables.mentions[tables.mentions["doc_id"] == doc_id].iterrows()
        if corr.figure_text(tables.texts, row) == figure
    ]
    assert len(found) == 1, f"{figure!r} in {doc_id}: {len(found)} mentions"
    return found[0]


def target(tables, doc_id: str, figure: str) -> dict[str, str]:
    return corr.mention_target(tables.texts, mention_with(tables, doc_id, figure))


def rebuild_twice(build, docs: Path, db: Path):
    """A build, then a 'restart': a new store object on the same file, and a second build from it."""
    first = build(docs, corrections=db)
    corr.CorrectionStore(db).frame()  # a fresh process would open the file like this
    second = build(docs, corrections=db)
    pd.testing.assert_frame_equal(first.mentions, second.mentions)
    pd.testing.assert_frame_equal(first.pledges, second.pledges)
    return second


def insert_paragraph_at_start(docs: Path, doc_id: str) -> None:
    """An edit elsewhere in the document: every character offset after it moves."""
    path = docs / f"{doc_id}.txt"
    text = path.read_text(encoding="utf-8")
    first_break = text.index("\n")
    path.write_text(text[:first_break] + "\n\nA new paragraph an editor added later.\n" + text[first_break:])


def test_an_edited_amount_survives_rebuild_restart_and_edits_elsewhere(build, docs, db):
    tables = build(docs)
    store = corr.CorrectionStore(db)
    store.add(
        "edit", "Ana", "the ministry's letter says 150", field="amount", old_value=1e8, new_value="150000000",
        **target(tables, KYIV, "100 million euros"),
    )  # fmt: skip
    insert_paragraph_at_start(docs, KYIV)
    corrected = rebuild_twice(build, docs, db)
    mention = mention_with(corrected, KYIV, "100 million euros")
    assert mention["amount"] == 1.5e8 and mention["amount_eur"] == 1.5e8
    assert 1.5e8 in set(corrected.pledges["amount"]) and 1e8 not in set(corrected.pledges["amount"])
    assert corrected.corrections_applied == 1 and corrected.orphaned_corrections == ()
    assert corrected.corrections.by_mention == {mention["mention_id"]: tuple(store.frame()["correction_id"])}
    assert corrected.report()["corrections"] == {"applied": 1, "orphaned": []}


def test_every_field_a_mention_has_can_be_corrected(build, docs, db):
    tables = build(docs)
    where = target(tables, MINBUZA, "€ 120 miljoen")
    new_values = {
        "currency": "USD",
        "donor": "Belgium",
        "recipient": "Moldova",
        "status": "delivered",
        "scope": "running_total",
        "category": "financial",
        "subcategory": "export credit",
        "years": [2024, 2027],
        "qualifier": "about",
    }
    store = corr.CorrectionStore(db)
    for field, value in new_values.items():
        store.add("edit", "Ana", f"fix {field}", field=field, new_value=value, **where)
    mention = mention_with(build(docs, corrections=db), MINBUZA, "€ 120 miljoen")
    for field, value in new_values.items():
        got = [mention["year_start"], mention["year_end"]] if field == "years" else mention[field]
        assert got == value, field
    assert mention["amount_eur"] != 1.2e8  # converted from dollars now


def test_not_a_pledge_removes_the_mention_and_its_pledge(build, docs, db):
    tables = build(docs)
    corr.CorrectionStore(db).add("not_a_pledge", "Ana", "a ceiling, not money", **target(tables, MINBUZA, "€25 mln."))
    corrected = rebuild_twice(build, docs, db)
    assert len(corrected.pledges) == len(tables.pledges) - 1
    assert 2.5e7 not in set(corrected.mentions["amount"])
    minbuza = corrected.documents.set_index("doc_id").loc[MINBUZA, "n_mentions"]
    assert minbuza == tables.documents.set_index("doc_id").loc[MINBUZA, "n_mentions"] - 1


def test_a_missed_mention_added_from_its_sentence_is_a_pledge(build, docs, db):
    (docs / "005_extra.txt").write_text(EXTRA_TEXT, encoding="utf-8")
    tables = build(docs)
    assert tables.mentions[tables.mentions["doc_id"] == "005_extra"].empty  # the extractor misses it
    fields = {
        "kind": "money", "amount": 42e6, "currency": "EUR", "quantity": None, "item": None, "donor": "Belgium",
        "recipient": "Ukraine", "status": "pledged", "scope": "package", "category": "humanitarian",
        "subcategory": "demining", "years": [2024, 2024], "qualifier": "exact",
    }  # fmt: skip
    corr.CorrectionStore(db).add(
        "add", "Ana", "the extractor missed a spelled-out amount", doc_id="005_extra", evidence=MISSED_SENTENCE,
        figure="forty-two million", new_value=fields,
    )  # fmt: skip
    (docs / "005_extra.txt").write_text("Belgium, a new first line.\n" + EXTRA_TEXT, encoding="utf-8")
    corrected = rebuild_twice(build, docs, db)
    added = mention_with(corrected, "005_extra", "forty-two million")
    assert (added["donor"], added["amount_eur"], added["subcategory"]) == ("Belgium", 42e6, "demining")
    assert added["evidence"] == MISSED_SENTENCE
    pledge = corrected.pledges[corrected.pledges["mention_ids"] == added["mention_id"]]
    assert len(pledge) == 1 and pledge.iloc[0]["donor"] == "Belgium" and pledge.iloc[0]["sources"] == "005_extra"


def test_merging_two_pledges_makes_one(build, docs, db):
    tables = build(docs)
    four_billion = [target(tables, MINBUZA, "€4 miljard")]
    two_billion = [target(tables, NL_TIMES, "2 billion euros"), target(tables, KYIV, "2 billion euros")]
    groups = [[[t["doc_id"], t["evidence"], t["figure"]] for t in group] for group in (four_billion, two_billion)]
    corr.CorrectionStore(db).add("merge", "Ana", "the €2bn is this year's share", new_value={"groups": groups})
    corrected = rebuild_twice(build, docs, db)
    assert len(corrected.pledges) == len(tables.pledges) - 1
    merged = corrected.pledges[corrected.pledges["mention_ids"].str.count(";") == 2]
    assert len(merged) == 1 and set(merged.iloc[0]["sources"].split(";")) == {NL_TIMES, KYIV, MINBUZA}


def test_splitting_a_pledge_makes_two(build, docs, db):
    tables = build(docs)
    groups = [
        [[t["doc_id"], t["evidence"], t["figure"]]]
        for t in (target(tables, NL_TIMES, "2 billion euros"), target(tables, KYIV, "2 billion euros"))
    ]
    corr.CorrectionStore(db).add("split", "Ana", "spending estimate, not the pledge", new_value={"groups": groups})
    corrected = rebuild_twice(build, docs, db)
    assert len(corrected.pledges) == len(tables.pledges) + 1
    two_billion = corrected.pledges[corrected.pledges["amount"] == 2e9]
    assert sorted(two_billion["sources"]) == [NL_TIMES, KYIV] and set(two_billion["n_sources"]) == {1}


def test_a_correction_whose_mention_is_gone_is_reported_as_orphaned_and_kept(build, docs, db):
    tables = build(docs)
    where = target(tables, KYIV, "100 million euros")
    store = corr.CorrectionStore(db)
    correction_id = store.add("edit", "Ana", "typo in the source", field="amount", new_value=1.5e8, **where)
    path = docs / f"{KYIV}.txt"
    path.write_text(path.read_text(encoding="utf-8").replace(where["evidence"], "The paragraph was rewritten."))
    corrected = build(docs, corrections=db)
    assert corrected.corrections_applied == 0
    assert [orphan["correction_id"] for orphan in corrected.orphaned_corrections] == [correction_id]
    assert "no longer" in corrected.orphaned_corrections[0]["why"]
    assert corrected.report()["corrections"]["orphaned"][0]["correction_id"] == correction_id
    assert list(corr.CorrectionStore(db).frame()["correction_id"]) == [correction_id]


def test_undo_restores_the_extracted_value_and_keeps_the_history(build, docs, db):
    tables = build(docs)
    mention = mention_with(tables, KYIV, "100 million euros")
    store = corr.CorrectionStore(db)
    edit = store.add(
        "edit", "Ana", "wrong", field="amount", new_value=1.5e8, **corr.mention_target(tables.texts, mention)
    )
    store.undo(edit, "Ben", "Ana misread the letter")
    corrected = build(docs, corrections=db)
    assert mention_with(corrected, KYIV, "100 million euros")["amount"] == 1e8
    assert corrected.corrections_applied == 0
    history = corr.corrections_of(store.frame(), corrected.texts, mention)
    assert list(history["action"]) == ["edit", "undo"] and list(history["analyst"]) == ["Ana", "Ben"]


def test_analyst_name_and_reason_are_required(db):
    store = corr.CorrectionStore(db)
    where = {"doc_id": KYIV, "evidence": "A sentence.", "figure": "€1"}
    with pytest.raises(corr.CorrectionError, match="analyst name"):
        store.add("not_a_pledge", "  ", "a reason", **where)
    with pytest.raises(corr.CorrectionError, match="reason"):
        store.add("not_a_pledge", "Ana", "", **where)
    with pytest.raises(corr.CorrectionError, match="status must be one of"):
        store.add("edit", "Ana", "why", field="status", new_value="promised", **where)
    with sqlite3.connect(db) as connection, pytest.raises(sqlite3.IntegrityError):
        connection.execute(
            "INSERT INTO corrections (correction_id, created_at, analyst, reason, action) "
            "VALUES ('x', 't', '', 'r', 'edit')"
        )
    assert store.frame().empty


def test_csv_export_import_round_trips_and_a_second_import_changes_nothing(tmp_path, db):
    store = corr.CorrectionStore(db)
    store.add("not_a_pledge", "=Ana", '-not, "support"\nat all', doc_id=KYIV, evidence="@x said €1.", figure="€1")
    store.add("edit", "Ben", "'quoted", field="years", new_value=[2024, 2025], doc_id=KYIV, evidence="S.", figure="€2")
    exported = store.export_csv_bytes()
    cells = [cell for line in corr.parse_corrections_csv(exported) for cell in line.values()]
    assert "=Ana" in cells  # read back exactly as written
    raw_rows = pd.read_csv(pd.io.common.BytesIO(exported), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert not [c for c in raw_rows.to_numpy().ravel() if str(c).startswith(exports.FORMULA_PREFIXES)]

    other = corr.CorrectionStore(tmp_path / "other.sqlite")
    assert other.import_csv_bytes(exported) == 2
    assert other.import_csv_bytes(exported) == 0
    assert store.import_csv_bytes(exported) == 0
    pd.testing.assert_frame_equal(other.frame(), store.frame())
    assert other.version() == store.version()


def test_a_file_that_is_not_a_corrections_export_is_refused(db):
    with pytest.raises(corr.CorrectionError, match="missing columns"):
        corr.CorrectionStore(db).import_csv_bytes(b"pledge_id,amount\nP-1,3\n")


def test_a_bad_imported_row_is_refused_and_a_bad_stored_row_never_stops_the_build(build, docs, db):
    store = corr.CorrectionStore(db)
    mention = target(build(docs), KYIV, "100 million euros")
    store.add("edit", "Ana", "fix", field="amount", new_value="150000000", **mention)
    exported = store.export_csv_bytes().decode("utf-8-sig")
    tampered = exported.replace('"150000000.0"', '"-5"').replace(",150000000.0,", ",-5,")
    assert tampered != exported
    with pytest.raises(corr.CorrectionError, match="line 2: amount must be"):
        corr.CorrectionStore(db.with_name("other.sqlite")).import_csv_bytes(tampered.encode("utf-8"))
    with pytest.raises(corr.CorrectionError, match="not UTF-8"):
        store.import_csv_bytes(b"\xff\xfe\x00garbage")

    # A row that slipped past the checks (an older version, a hand edit) is reported, never a crash.
    bad = {**store.frame().iloc[0].to_dict(), "new_value": "not json", "reason": "hand edit"}
    bad["correction_id"] = corr.correction_id(bad)
    store.save(bad)
    tables = build(docs, corrections=db)
    assert tables.corrections_applied == 1
    assert [orphan["reason"] for orphan in tables.orphaned_corrections] == ["hand edit"]
    assert "cannot be applied" in tables.orphaned_corrections[0]["why"]


WRITER = """
import sys
from data_pipeline import corrections as corr
store = corr.CorrectionStore(sys.argv[1])
for n in range(100000):
    rows = [corr.new_correction("not_a_pledge", "Ana", f"pair {n} row {i}", doc_id="d", evidence="e", figure=str(n))
            for i in range(2)]
    store.save(*rows)  # both rows in one transaction
    print(n, flush=True)
"""


def test_a_writer_killed_mid_save_leaves_old_or_new_state_and_nothing_half_written(db):
    corr.CorrectionStore(db)
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    confirmed = -1
    for line in writer.stdout:
        confirmed = int(line)
        if confirmed >= 30:
            break
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    saved = corr.CorrectionStore(db).frame()
    pairs = len(saved) // 2
    assert len(saved) % 2 == 0, "a pair saved in one transaction was cut in half"
    assert pairs in (confirmed + 1, confirmed + 2)  # every confirmed save, plus at most the one in flight
    assert all(row["correction_id"] == corr.correction_id(row) for row in saved.to_dict("records"))


def test_two_sessions_saving_at_once_both_land(db):
    corr.CorrectionStore(db)
    barrier = threading.Barrier(2)

    def session(analyst: str) -> None:
        store = corr.CorrectionStore(db)
        barrier.wait()
        for n in range(25):
            store.add("not_a_pledge", analyst, f"reason {n}", doc_id="d", evidence="e", figure=str(n))

    threads = [threading.Thread(target=session, args=(name,)) for name in ("Ana", "Ben")]
    process = subprocess.Popen([sys.executable, "-c", WRITER.replace("100000", "25"), str(db)], cwd=ROOT)
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert process.wait(timeout=60) == 0
    saved = corr.CorrectionStore(db).frame()
    assert saved["analyst"].value_counts().to_dict() == {"Ana": 25 + 50, "Ben": 25}


def test_the_cli_applies_the_corrections_database(build, docs, db, tmp_path, capsys):
    tables = build(docs)
    corr.CorrectionStore(db).add("not_a_pledge", "Ana", "ceiling", **target(tables, MINBUZA, "€25 mln."))
    out = tmp_path / "out"
    arguments = ["build", "--docs", str(docs), "--out", str(out), "--corrections"]
    assert cli([*arguments, str(db)]) == 0
    assert "1 corrections applied, 0 orphaned" in capsys.readouterr().out
    assert len(pd.read_csv(out / "pledges.csv")) == len(tables.pledges) - 1
    assert cli([*arguments, str(tmp_path / "nope.sqlite")]) == 2
    assert "no such corrections database" in capsys.readouterr().err


def test_captions_and_exports_count_the_corrections_applied(build, docs, db):
    from dashboard_app.charts import source_note
    from dashboard_app.corrections_view import corrections_note, with_corrections_column

    tables = build(docs)
    corr.CorrectionStore(db).add(
        "edit", "Ana", "typo", field="qualifier", new_value="about", **target(tables, KYIV, "100 million euros")
    )
    corrected = build(docs, corrections=db)
    assert source_note(corrected, {KYIV}).endswith("1 correction applied.")
    assert "correction" not in source_note(tables, {KYIV})
    assert corrections_note(3) == "3 corrections applied" and corrections_note(0) == ""
    exported = with_corrections_column(corrected.pledges, corrected.corrections)
    rows = pd.read_csv(pd.io.common.BytesIO(exports.pledges_csv_bytes(exported)), encoding="utf-8-sig")
    assert rows.set_index("amount").loc[1e8, "corrections"] == 1 and rows["corrections"].sum() == 1
