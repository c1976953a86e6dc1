"""Incremental rebuilds: with a cache folder, only a new or changed document is read and extracted again, and
the tables equal those of a full build."""

from __future__ import annotations

import os
import pickle
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pytest
from document_fixtures import PLEDGE, docx_bytes, pdf_bytes
from pipeline_helpers import ROOT

from data_pipeline import build, extraction_cache, reconcile
from data_pipeline import corrections as corr
from data_pipeline.build import forget_previous_builds

SEEDS = ROOT / "seeds"


@pytest.fixture
def extractor_calls(monkeypatch) -> list[str]:
    """doc_ids the extractor is run on, in order."""
    calls: list[str] = []
    real = extraction_cache.mention_rows

    def counting(doc_id, *args, **kwargs):
        calls.append(doc_id)
        return real(doc_id, *args, **kwargs)

    monkeypatch.setattr(extraction_cache, "mention_rows", counting)
    return calls


def assert_same_tables(left, right) -> None:
    for name, frame in left.frames().items():
        pd.testing.assert_frame_equal(frame, right.frames()[name], obj=name)
    assert left.problems == right.problems
    assert left.texts == right.texts


def full_build(docs: Path, **options):
    """A build as a fresh process makes it: nothing remembered from this process's earlier builds, no cache."""
    forget_previous_builds()
    return build(docs, **options)


KEPT_SEEDS = ["000_cf17c4d0f9988b64.txt", "001_8efce2583cb9a875.txt", "manifest.csv"]


def seeds_copy(tmp_path: Path) -> Path:
    """Two seed documents with their manifest (which lists the others too: a problem each, not a failure), and a PDF."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in KEPT_SEEDS:
        shutil.copy(SEEDS / name, docs / name)
    (docs / "letter.pdf").write_bytes(pdf_bytes(["Kamerbrief", PLEDGE]))
    return docs


def test_adding_a_document_extracts_only_that_document(tmp_path, extractor_calls):
    docs, cache = seeds_copy(tmp_path), tmp_path / "cache"
    build(docs, cache_dir=cache)
    assert len(extractor_calls) == 3
    extractor_calls.clear()

    (docs / "new_note.docx").write_bytes(docx_bytes(["Sweden will provide EUR 50 million to Ukraine in 2025."]))
    incremental = build(docs, cache_dir=cache)

    assert extractor_calls == ["new_note"]
    assert "new_note" in set(incremental.mentions["doc_id"])
    extractor_calls.clear()
    assert_same_tables(incremental, full_build(docs))
    assert len(extractor_calls) == 4  # the full build, without a cache, extracted everything


def test_changed_bytes_or_metadata_re_extract_only_that_document(tmp_path, extractor_calls):
    docs, cache = seeds_copy(tmp_path), tmp_path / "cache"
    build(docs, cache_dir=cache)
    extractor_calls.clear()

    (docs / "letter.pdf").write_bytes(pdf_bytes(["Kamerbrief", PLEDGE.replace("200", "300")]))
    manifest = (docs / "manifest.csv").read_text(encoding="utf-8")
    (docs / "manifest.csv").write_text(manifest.replace("NL Times,2024-02-23", "NL Times,2024-02-24"), "utf-8")
    incremental = build(docs, cache_dir=cache)

    assert sorted(extractor_calls) == ["000_cf17c4d0f9988b64", "letter"]
    assert incremental.documents.set_index("doc_id").loc["000_cf17c4d0f9988b64", "published"] == "2024-02-24"
    assert 300e6 in set(incremental.mentions["amount"])
    assert_same_tables(incremental, full_build(docs))


def test_removed_document_leaves_the_tables(tmp_path, extractor_calls):
    docs, cache = seeds_copy(tmp_path), tmp_path / "cache"
    build(docs, cache_dir=cache)
    extractor_calls.clear()
    (docs / "letter.pdf").unlink()

    incremental = build(docs, cache_dir=cache)

    assert extractor_calls == []
    assert "letter" not in set(incremental.documents["doc_id"])
    assert_same_tables(incremental, full_build(docs))


def test_a_pipeline_change_invalidates_the_cache(tmp_path, extractor_calls, monkeypatch):
    docs, cache = seeds_copy(tmp_path), tmp_path / "cache"
    build(docs, cache_dir=cache)
    extractor_calls.clear()
    monkeypatch.setattr(extraction_cache, "pipeline_version", lambda: "the extractor was edited")

    old_shards = set(cache.glob("*.pickle"))
    build(docs, cache_dir=cache)

    assert len(extractor_calls) == 3
    assert old_shards.isdisjoint(cache.glob("*.pickle"))  # the old version's shards are gone
    assert list(cache.glob("*.pickle"))  # the new version's shards are there


def shard_sizes(cache: Path) -> dict[str, int]:
    """Entries in each shard file of a cache folder."""
    return {shard.name: len(pickle.loads(shard.read_bytes())) for shard in sorted(cache.glob("*.pickle"))}


def test_the_cache_is_a_few_shard_files_not_one_file_per_document(tmp_path, extractor_calls):
    docs, cache = seeds_copy(tmp_path), tmp_path / "cache"
    for number in range(40):
        (docs / f"note_{number:02d}.txt").write_text(f"Sweden will provide EUR {number + 1} million to Ukraine.")
    build(docs, cache_dir=cache)

    sizes = shard_sizes(cache)
    assert sum(sizes.values()) == 43
    assert len(sizes) <= extraction_cache.SHARD_COUNT
    assert not list(cache.glob("*.tmp"))  # written atomically, nothing half-written left behind

    (docs / "note_40.txt").write_text("Sweden will provide EUR 99 million to Ukraine.")
    before = {shard.name: shard.stat().st_mtime_ns for shard in cache.glob("*.pickle")}
    build(docs, cache_dir=cache)
    rewritten = [shard.name for shard in cache.glob("*.pickle") if before.get(shard.name) != shard.stat().st_mtime_ns]
    assert len(rewritten) == 1  # only the new document's shard
    assert sum(shard_sizes(cache).values()) == 44


def test_a_damaged_cache_shard_is_extracted_again(tmp_path, extractor_calls):
    docs, cache = seeds_copy(tmp_path), tmp_path / "cache"
    first = build(docs, cache_dir=cache)
    sizes = shard_sizes(cache)
    damaged = sorted(cache.glob("*.pickle"))[0]
    damaged.write_bytes(b"not a pickle")
    extractor_calls.clear()

    forget_previous_builds()  # a new process: this one keeps the shards it read in memory
    again = build(docs, cache_dir=cache)

    assert len(extractor_calls) == sizes[damaged.name]
    assert_same_tables(first, again)
    assert shard_sizes(cache) == sizes  # repaired


def test_per_document_entries_of_an_older_cache_are_deleted(tmp_path, extractor_calls):
    docs, cache = seeds_copy(tmp_path), tmp_path / "cache"
    cache.mkdir()
    old_entry = cache / f"{extraction_cache._version_prefix()}_{'0' * 64}.pickle"
    old_entry.write_bytes(b"an entry of the one-file-per-document cache")

    build(docs, cache_dir=cache)

    assert not old_entry.exists()
    assert sum(shard_sizes(cache).values()) == 3


@pytest.mark.parametrize("edited", ["lexicon/en.json", "build.py", "extract/years.py"])
def test_pipeline_version_changes_when_a_lexicon_or_the_source_changes(tmp_path, monkeypatch, edited):
    package = tmp_path / "data_pipeline"
    shutil.copytree(ROOT / "data_pipeline", package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(extraction_cache, "PACKAGE_DIR", package)
    monkeypatch.setattr(extraction_cache, "LEXICON_DIR", package / "lexicon")
    extraction_cache.pipeline_version.cache_clear()
    before = extraction_cache.pipeline_version()

    changed = package / edited
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    extraction_cache.pipeline_version.cache_clear()
    after = extraction_cache.pipeline_version()
    extraction_cache.pipeline_version.cache_clear()

    assert after != before


def test_a_file_rewritten_in_place_with_the_same_size_is_read_again(tmp_path):
    docs, cache = seeds_copy(tmp_path), tmp_path / "cache"
    note = docs / "note.txt"
    note.write_text("Sweden will provide EUR 50 million to Ukraine in 2025.", encoding="utf-8")
    an_hour_ago = note.stat().st_mtime - 3600
    os.utime(note, (an_hour_ago, an_hour_ago))  # an old modification time (its change time is now, though)
    assert 50e6 in set(build(docs, cache_dir=cache).mentions["amount"])

    note.write_text("Sweden will provide EUR 70 million to Ukraine in 2025.", encoding="utf-8")  # same size
    rebuilt = build(docs, cache_dir=cache)

    assert 70e6 in set(rebuilt.mentions["amount"]) and 50e6 not in set(rebuilt.mentions["amount"])


@pytest.fixture
def files_read(monkeypatch) -> list[str]:
    """Names of the files the cached build reads, in order; every file's stat is trusted at once (files written
    by a test are seconds old, and a stat is only trusted for files older than that)."""
    names: list[str] = []
    real = extraction_cache.read_file_bytes

    def counting(path):
        names.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(extraction_cache, "read_file_bytes", counting)
    monkeypatch.setattr(extraction_cache, "RECENTLY_MODIFIED_NS", -1)
    return names


def test_a_new_process_with_the_cache_folder_reads_only_new_and_changed_files(tmp_path, files_read):
    docs, cache = seeds_copy(tmp_path), tmp_path / "cache"
    (docs / "note.txt").write_text("Sweden will provide EUR 50 million to Ukraine in 2025.", encoding="utf-8")
    build(docs, cache_dir=cache)
    assert sorted(files_read) == ["000_cf17c4d0f9988b64.txt", "001_8efce2583cb9a875.txt", "letter.pdf", "note.txt"]

    forget_previous_builds()  # a new process: it knows only the cache folder
    files_read.clear()
    (docs / "added.txt").write_text("Denmark will provide DKK 70 million to Ukraine in 2025.", encoding="utf-8")
    (docs / "note.txt").write_text("Sweden will provide EUR 60 million to Ukraine in 2025.", encoding="utf-8")
    rebuilt = build(docs, cache_dir=cache)

    assert sorted(files_read) == ["added.txt", "note.txt"]
    assert {60e6, 70e6} <= set(rebuilt.mentions["amount"]) and 50e6 not in set(rebuilt.mentions["amount"])
    assert_same_tables(rebuilt, full_build(docs))


@pytest.mark.parametrize("damage", ["not a pickle", "foreign entries"])
def test_a_damaged_file_states_record_means_every_file_is_read_again(tmp_path, files_read, damage):
    docs, cache = seeds_copy(tmp_path), tmp_path / "cache"
    first = build(docs, cache_dir=cache)
    record = cache / extraction_cache.FILE_STATES_NAME
    if damage == "not a pickle":
        record.write_bytes(b"not a pickle")
    else:  # the right paths, with states of another shape or with a hash that is not text
        states = pickle.loads(record.read_bytes())
        first_path, second_path, third_path = states
        foreign = {first_path: "unchanged", second_path: (1, 2, 3), third_path: (*states[third_path][:-1], None)}
        record.write_bytes(pickle.dumps(foreign))

    forget_previous_builds()
    files_read.clear()
    again = build(docs, cache_dir=cache)

    assert sorted(files_read) == ["000_cf17c4d0f9988b64.txt", "001_8efce2583cb9a875.txt", "letter.pdf"]
    assert_same_tables(first, again)
    forget_previous_builds()
    files_read.clear()
    build(docs, cache_dir=cache)
    assert files_read == []  # the record was written again


def test_a_file_changed_between_its_stat_and_its_read_is_not_cached_under_its_old_bytes(
    tmp_path, files_read, monkeypatch
):
    docs, cache = seeds_copy(tmp_path), tmp_path / "cache"
    note = docs / "note.txt"
    note.write_text("Sweden will provide EUR 50 million to Ukraine in 2025.", encoding="utf-8")
    build(docs, cache_dir=cache)
    forget_previous_builds()
    # A new pipeline version (nothing extracted for it yet), and the note rewritten just after its stat was taken:
    # the stat still matches the remembered state, the bytes read do not.
    monkeypatch.setattr(extraction_cache, "pipeline_version", lambda: "a new version")
    real_read = extraction_cache.read_file_bytes
    changed = b"Sweden will provide EUR 90 million to Ukraine in 2025."
    monkeypatch.setattr(
        extraction_cache, "read_file_bytes", lambda path: changed if Path(path).name == "note.txt" else real_read(path)
    )
    assert 90e6 in set(build(docs, cache_dir=cache).mentions["amount"])  # what was read

    monkeypatch.setattr(extraction_cache, "read_file_bytes", real_read)
    forget_previous_builds()
    again = build(docs, cache_dir=cache)  # the file's real bytes: its old amount, not the one read in between
    assert 50e6 in set(again.mentions["amount"]) and 90e6 not in set(again.mentions["amount"])


def test_a_cache_folder_whose_files_cannot_be_deleted_still_builds(tmp_path, monkeypatch):
    docs, cache = seeds_copy(tmp_path), tmp_path / "cache"
    notes_from_three_donors(docs)
    build(docs, cache_dir=cache)
    (cache / "0123456789abcdef_groups00.groups.pkl").write_bytes(b"another version's groups")
    (cache / "0123456789abcdef_shard00.pickle").write_bytes(b"another version's extractions")
    (docs / "note_0.txt").unlink()  # Sweden's group goes: its file would be deleted
    real_unlink = Path.unlink

    def refused(path, missing_ok=False):
        if path.parent == cache:
            raise PermissionError(13, "Permission denied", str(path))
        return real_unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", refused)
    forget_previous_builds()

    tables = build(docs, cache_dir=cache)

    assert "Sweden" not in set(tables.pledges["donor"])
    assert_same_tables(tables, full_build(docs))


@pytest.fixture
def groups_clustered(monkeypatch) -> list[int]:
    """Sizes of the groups of mentions reconciliation clusters, in order."""
    sizes: list[int] = []
    real = reconcile._pledge_rows

    def counting(records, links):
        sizes.append(len(records))
        return real(records, links)

    monkeypatch.setattr(reconcile, "_pledge_rows", counting)
    return sizes


def notes_from_three_donors(docs: Path) -> None:
    for number, (donor, currency) in enumerate([("Sweden", "SEK"), ("Denmark", "DKK"), ("Norway", "NOK")]):
        (docs / f"note_{number}.txt").write_text(
            f"{donor} will provide {currency} {100 + number} million to Ukraine in 2025.", encoding="utf-8"
        )


def test_a_new_process_with_the_cache_folder_clusters_only_the_groups_that_changed(tmp_path, groups_clustered):
    docs, cache = seeds_copy(tmp_path), tmp_path / "cache"
    notes_from_three_donors(docs)
    forget_previous_builds()  # nothing remembered from the other tests' builds of the same documents
    build(docs, cache_dir=cache)
    all_groups = len(groups_clustered)
    assert all_groups >= 4

    forget_previous_builds()  # a new process: it knows only the cache folder
    groups_clustered.clear()
    group_files = {path.name: path.stat().st_ino for path in cache.glob(f"*{extraction_cache.GROUPS_SUFFIX}")}
    (docs / "note_3.txt").write_text("Denmark will provide DKK 250 million to Ukraine in 2026.", encoding="utf-8")
    rebuilt = build(docs, cache_dir=cache)

    assert groups_clustered == [2]  # Denmark's group, with its new mention; the others come from the cache folder
    after = {path.name: path.stat().st_ino for path in cache.glob(f"*{extraction_cache.GROUPS_SUFFIX}")}
    assert len(group_files) >= 3
    assert (
        1 <= len(set(group_files.items()) ^ set(after.items())) <= 4
    )  # one or two files rewritten (old and new inode)
    assert 250e6 in set(rebuilt.pledges["amount"])
    groups_clustered.clear()
    assert_same_tables(rebuilt, full_build(docs))
    assert len(groups_clustered) == all_groups  # without the cache folder every group (Denmark's now has two)


@pytest.mark.parametrize("trouble", ["damaged", "other pipeline version"])
def test_stored_groups_that_cannot_be_used_are_clustered_again(tmp_path, groups_clustered, monkeypatch, trouble):
    docs, cache = seeds_copy(tmp_path), tmp_path / "cache"
    notes_from_three_donors(docs)
    forget_previous_builds()
    first = build(docs, cache_dir=cache)
    all_groups = len(groups_clustered)
    stored = sorted(cache.glob(f"*{extraction_cache.GROUPS_SUFFIX}"))
    assert stored
    if trouble == "damaged":
        for shard in stored:
            shard.write_bytes(b"not a pickle")
    else:
        monkeypatch.setattr(extraction_cache, "pipeline_version", lambda: "the clustering code was edited")

    forget_previous_builds()
    groups_clustered.clear()
    again = build(docs, cache_dir=cache)

    assert len(groups_clustered) == all_groups
    assert_same_tables(first, again)
    rewritten = sorted(cache.glob(f"*{extraction_cache.GROUPS_SUFFIX}"))
    assert len(rewritten) == len(stored)  # written again for the version that reads them; another version's deleted
    assert all(path.name.startswith(f"{extraction_cache._version_prefix()}_groups") for path in rewritten)


def test_rebuilds_in_one_process_equal_a_fresh_build_after_additions_and_corrections(tmp_path):
    """A server process reclusters only the groups of mentions that changed since its last build."""
    docs, cache = seeds_copy(tmp_path), tmp_path / "cache"
    build(docs, cache_dir=cache)
    for number, donor in enumerate(["Sweden", "Denmark", "Sweden"]):
        (docs / f"note_{number}.txt").write_text(
            f"{donor} will provide EUR {40 + number} million to Ukraine in 2025.", encoding="utf-8"
        )
    added = build(docs, cache_dir=cache)
    assert_same_tables(added, full_build(docs))
    assert set(added.pledges["donor"]) >= {"Sweden", "Denmark"}

    build(docs, cache_dir=cache)  # remember this state, then correct the later of Sweden's two mentions
    mention = added.mentions[added.mentions["doc_id"] == "note_2"].iloc[0]
    correction = corr.new_correction(
        "edit", "Ana", "wrong amount", field="amount", new_value=9.9e7, **corr.mention_target(added.texts, mention)
    )
    corrected = build(docs, cache_dir=cache, corrections=pd.DataFrame([correction]))

    assert 9.9e7 in set(corrected.pledges["amount"])
    assert_same_tables(corrected, full_build(docs, corrections=pd.DataFrame([correction])))


def test_sessions_building_at_once_in_one_server_get_the_full_tables(tmp_path):
    """A server's sessions share what the process remembers: builds running at the same time must not mix it up."""
    docs, cache = seeds_copy(tmp_path), tmp_path / "cache"
    build(docs, cache_dir=cache)
    for number in range(6):
        (docs / f"note_{number}.txt").write_text(
            f"Denmark will provide DKK {100 + number} million to Ukraine in 2025.", encoding="utf-8"
        )
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: build(docs, cache_dir=cache), range(8)))

    expected = full_build(docs)
    for tables in results:
        assert_same_tables(tables, expected)
    assert not list(cache.glob("*.tmp"))


def test_a_rebuild_from_no_mentions_or_no_equipment_has_a_fresh_builds_dtypes(tmp_path):
    """Columns that were all empty in the last build (no mentions at all, no equipment) must come out as a fresh
    build infers them, not with the dtypes of the remembered tables."""
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    docs.mkdir()
    (docs / "weather.txt").write_text("It rained in Kyiv on Monday.", encoding="utf-8")
    build(docs, cache_dir=cache)
    (docs / "money.txt").write_text("Sweden will provide EUR 40 million to Ukraine in 2025.", encoding="utf-8")
    assert_same_tables(build(docs, cache_dir=cache), full_build(docs))
    build(docs, cache_dir=cache)
    (docs / "tanks.txt").write_text("Germany will deliver 50 Leopard tanks to Ukraine in 2025.", encoding="utf-8")
    assert_same_tables(build(docs, cache_dir=cache), full_build(docs))
