"""Read and extract each document once: results cached by the hash of its bytes, metadata and the pipeline code.

A rebuild after adding one file to a library of a thousand stats every file, reads the new one (and any whose
stat changed) and extracts only that; reconciliation reclusters only the groups it changed. The cache is a folder of
SHARD_COUNT pickle files per pipeline version, each a dict from cache key to Extraction, written by this module
only: 10,000 small files took 1.4 s to read when not in the page cache (a few large ones 0.4 s), and a new
document rewrites only its shard. A damaged shard is a miss for its entries, which are read again from their documents.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import pickle
import re
import sys
import threading
import time
import zlib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

from data_pipeline import budget
from data_pipeline.agreements import agreement_sightings
from data_pipeline.budget import (
    BudgetExceeded,
    budget_problem,
    check_budget,
    document_budget,
    reading_budget_problem,
)
from data_pipeline.documents import (
    Document,
    SourceFile,
    document_from_bytes,
    document_problems,
    read_file_bytes,
    readable_name,
)
from data_pipeline.extract.rows import mention_rows
from data_pipeline.lexicon import LANGUAGES
from data_pipeline.library import Prefill, read_upload
from data_pipeline.paths import LEXICON_DIR, PACKAGE_DIR
from data_pipeline.plausibility import plausible_mentions
from data_pipeline.pool import DocumentMap, extract_elsewhere, extraction_process_busy, extraction_process_running
from data_pipeline.readers import (
    READERS,
    UnreadableDocument,
    text_from_plain,
    unexpected_error_reason,
)
from data_pipeline.tables import Problem

# Libraries whose upgrade can change what is cached: the text a reader returns, a number read from words; and
# those the readers import (an encrypted PDF needs cryptography, trafilatura lxml and lxml_html_clean), so that
# installing or upgrading one reads its documents again.
READER_LIBRARIES = [
    "trafilatura",
    "pypdf",
    "python-docx",
    "text2num",
    "cryptography",
    "lxml",
    "lxml_html_clean",
]


@cache
def pipeline_version() -> str:
    """Hash of the pipeline's source, its lexicons and the reader libraries' versions: a code change invalidates."""
    digest = hashlib.sha256()
    # Every module, those of the data_pipeline.extract package too, named by its path within the package.
    for path in sorted([*PACKAGE_DIR.rglob("*.py"), *LEXICON_DIR.iterdir()]):
        if path.is_file():
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in READER_LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=missing\0".encode())
    return digest.hexdigest()


def cache_key(file_name: str, content_sha256: str, manifest_row: dict[str, str] | None) -> str:
    row = tuple(sorted((manifest_row or {}).items()))
    return _cache_key(pipeline_version(), file_name, content_sha256, row)


@lru_cache(maxsize=100_000)
def _cache_key(version: str, file_name: str, content_sha256: str, row: tuple[tuple[str, str], ...]) -> str:
    # Remembered: a rebuild at 10,000 documents would otherwise spend a tenth of a second hashing the same keys.
    manifest_row = json.dumps(dict(row), sort_keys=True, ensure_ascii=False)
    # surrogatepass: a file name that is not UTF-8 holds lone surrogates (documents.readable_name).
    key = f"{version}\0{file_name}\0{content_sha256}\0{manifest_row}".encode("utf-8", "surrogatepass")
    return hashlib.sha256(key).hexdigest()


@dataclass
class Extraction:
    """One document read and extracted: its Document, its mention rows and its agreement sightings."""

    document: Document
    mention_records: list[dict]
    sightings: list[dict]


def extract_document(doc: Document) -> Extraction:
    """Mentions and agreement sightings of one read document; an extractor error becomes the document's problem."""
    if not doc.ok:
        return Extraction(doc, [], [])
    try:
        with document_budget():
            records = mention_rows(doc.doc_id, doc.text, doc.language, doc.published, doc.title)
            check_budget()
            sightings = agreement_sightings(doc)
            check_budget()
    except BudgetExceeded:
        doc.problem = budget_problem(budget.MAX_EXTRACTION_SECONDS or 0)
        doc.problem_is_transient = True
        return Extraction(doc, [], [])
    except Exception as error:  # noqa: BLE001 - one document must never stop the others
        # The user gets a plain reason; the details go to the log for whoever maintains the extractor.
        logging.getLogger(__name__).exception("extraction failed on %s", doc.file)
        doc.problem = (
            f"extraction failed (an unexpected {type(error).__name__} in the extractor); the file is left out: "
            "please report it with the file"
        )
        return Extraction(doc, [], [])
    records, notes = plausible_mentions(records, doc.text)
    doc.notes.extend(notes)
    return Extraction(doc, records, sightings)


def read_and_extract(file: tuple[str, bytes, dict[str, str] | None]) -> Extraction:
    """One file (its name, bytes and manifest row) read and extracted: the one call per document, made in this
    process or in a pool's worker (data_pipeline.pool). A reader's unexpected error becomes the document's problem."""
    name, data, manifest_row = file
    try:
        doc = document_from_bytes(name, data, manifest_row)
    except Exception as error:  # noqa: BLE001 - one document must never stop the others
        # The user gets a plain reason; the library's message and traceback go to the log.
        logging.getLogger(__name__).exception("reading failed on %s", readable_name(name))
        doc = document_from_bytes(name, None, manifest_row)
        doc.problem = f"the file could not be read ({unexpected_error_reason(error)})"
        doc.problem_is_transient = isinstance(error, ImportError)  # reinstalling cures it
    return extract_document(doc)


# The files read and waiting to be extracted together are extracted once their bytes pass this.
MAX_WAITING_BYTES = 256_000_000

# An `isolated` build (a server's) extracts in its own process only plain text of at most this many bytes in all,
# and only while the server's extraction process is not running (once started it takes everything: a document
# there costs a few milliseconds more). 64 KB extract in 0.4 s at the slowest rate measured (6.5 s per MB,
# BENCHMARKS.md "One document"), less than a page's rerun at 10,000 documents, where starting the extraction
# process takes 2.3-2.5 s: a cold server's first build of the seeds (46 KB) does not wait for it. A PDF or Word
# file is never small: its text can be far longer than its bytes.
SMALL_TEXT_BYTES = 64_000


def _small_plain_text(files: list[tuple[str, bytes, dict[str, str] | None]]) -> bool:
    if sum(len(data) for _name, data, _row in files) > SMALL_TEXT_BYTES:
        return False
    return all(READERS.get(os.path.splitext(name)[1].lower()) is text_from_plain for name, _data, _row in files)


# A document whose worker process died on it twice (data_pipeline.pool): a problem, never cached.
CRASH_PROBLEM = "extraction stopped the process reading it (a crash or a kill); the file is left out"


def _crashed(file: tuple[str, bytes, dict[str, str] | None]) -> Extraction:
    return _left_out(file, CRASH_PROBLEM)


def _stopped(file: tuple[str, bytes, dict[str, str] | None]) -> Extraction:
    """A document the separate extraction process was still on long after its budget: stopped from outside."""
    return _left_out(file, budget_problem(budget.MAX_EXTRACTION_SECONDS or 0))


def _left_out(file: tuple[str, bytes, dict[str, str] | None], problem: str) -> Extraction:
    """The extraction of a document whose process crashed or was stopped: its problem, transient (never cached)."""
    doc = document_from_bytes(file[0], None, file[2])
    doc.problem, doc.problem_is_transient = problem, True
    return Extraction(doc, [], [])


def read_upload_elsewhere(upload: tuple[str, bytes]) -> Prefill:
    """library.read_upload where a server reads documents (the Add documents page's metadata, before saving):
    in its extraction process, as build(isolated=True) does, since a PDF parsed in a thread of the server would hold
    every other user's page. Short plain text is read here when that process would make the page wait (it is not
    running yet, or another session's build is using it)."""
    file, data = upload
    if _small_plain_text([(file, data, None)]) and (extraction_process_busy() or not extraction_process_running()):
        return read_upload(upload)
    return extract_elsewhere(
        read_upload,
        [upload],
        compile_word_lists,
        on_crash=lambda _upload: Prefill(file=file, problem=CRASH_PROBLEM),
        time_limit=budget.stop_after_seconds(),
        on_timeout=lambda _upload: Prefill(
            file=file, problem=reading_budget_problem(budget.MAX_EXTRACTION_SECONDS or 0)
        ),
    )[0]


# One short text per language, with money, a period and a count: extracting them compiles the word lists, once,
# before a pool's workers fork (they share them).
_WARM_UP_TEXTS = {
    "en": "Germany pledged €2 billion in military aid to Ukraine for 2025-2026, including 12 tanks.",
    "nl": "Nederland zegt Oekraïne 2 miljard euro militaire steun toe voor 2025, waaronder 12 tanks.",
    "de": "Deutschland sagt der Ukraine 2 Milliarden Euro Militärhilfe für 2025 zu, darunter 12 Panzer.",
}


def compile_word_lists() -> None:
    """Compile every language's word lists and patterns in this process (cached for its lifetime)."""
    for language in LANGUAGES:
        text = _WARM_UP_TEXTS.get(language, _WARM_UP_TEXTS["en"])
        read_and_extract((f"warm-up-{language}.txt", text.encode(), {"language": language}))


# Few enough that loading them is one open per shard, enough that a new document rewrites a small file.
SHARD_COUNT = 16


def _load_shard(path: Path) -> dict[str, Extraction]:
    try:
        with path.open("rb") as handle:
            found = pickle.load(handle)  # noqa: S301 - a local cache this module wrote itself
    except FileNotFoundError:
        return {}
    except Exception:  # noqa: BLE001 - a truncated or foreign file is a miss, never a failed build
        return {}
    if not isinstance(found, dict):
        return {}
    return {key: entry for key, entry in found.items() if isinstance(entry, Extraction)}


def _store_atomically(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Unique per process and thread: two sessions of one dashboard server may save the same shard at once.
        partial = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)  # atomic: a concurrent build never reads half a shard
    except OSError:
        pass  # a read-only or full disk costs speed on the next build, not this one


# The stat and hash of every file of the last build, beside the shards: a new process (the command line, a
# server's first build) then reads only new and changed files, as git reads its index. Not "*.pickle", which is
# the shards' pattern (drop_other_versions deletes every other such file). Independent of the pipeline version.
FILE_STATES_NAME = "file_states.pkl"


class _ShardedCache:
    """The current version's shards of a cache folder, each loaded on first use and written back if it grew, and
    the file states of its last build. A server process shares one between its sessions' builds (see _cache_for):
    changes happen under a lock."""

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = Path(cache_dir)
        self.shards: dict[str, dict[str, Extraction]] = {}
        self.grown: set[str] = set()
        self.lock = threading.RLock()
        self._file_states: dict[str, tuple] | None = None
        self._stored_locations: frozenset[str] = frozenset()
        self.file_states_changed = False

    def file_states(self) -> dict[str, tuple]:
        """Absolute path -> the file's _FileState when last read (by this process, or by the last build that
        saved), as a plain tuple. Read as stored: an entry is checked where it is used (_known_hash)."""
        with self.lock:
            if self._file_states is None:
                self._file_states = _load_file_states(self.cache_dir / FILE_STATES_NAME)
                self._stored_locations = frozenset(self._file_states)
            return self._file_states

    def forget_file_state(self, location: str) -> None:
        with self.lock:
            self.file_states().pop(location, None)
            self.file_states_changed = True

    def save_file_states(self, locations: list[str]) -> None:
        """Write the states of the files at `locations` (a build's files; other folders' states are dropped),
        unless a state changed or the build's files are not those of the last write (or of the states read)."""
        with self.lock:
            states = self.file_states()
            if not self.file_states_changed and self._stored_locations == frozenset(locations):
                return
            _store_atomically(
                self.cache_dir / FILE_STATES_NAME,
                {location: states[location] for location in locations if location in states},
            )
            self._stored_locations = frozenset(locations)
            self.file_states_changed = False

    def _shard(self, key: str) -> tuple[str, dict[str, Extraction]]:
        name = _shard_name(key)
        with self.lock:
            if name not in self.shards:
                self.shards[name] = _load_shard(self.cache_dir / name)
            return name, self.shards[name]

    def get(self, key: str) -> Extraction | None:
        return self._shard(key)[1].get(key)

    def put(self, key: str, extraction: Extraction) -> None:
        with self.lock:
            name, shard = self._shard(key)
            shard[key] = extraction
            self.grown.add(name)

    def save(self) -> None:
        with self.lock:
            for name in sorted(self.grown):
                _store_atomically(self.cache_dir / name, dict(self.shards[name]))
            self.grown.clear()


class _FileState(NamedTuple):
    """A file as it was last read: the stat that says "unchanged", and the hash of its bytes."""

    size: int
    mtime_ns: int
    ctime_ns: int  # also changes when a copy keeps the old modification time (cp -p, rsync -t)
    inode: int
    device: int
    content_sha256: str


def _load_file_states(path: Path) -> dict[str, tuple]:
    """The saved file states, or none when the file is missing, damaged or not a dict."""
    try:
        with path.open("rb") as handle:
            found = pickle.load(handle)  # noqa: S301 - a local cache this module wrote itself
    except Exception:  # noqa: BLE001 - a missing, truncated or foreign file: every file is read again
        return {}
    return found if isinstance(found, dict) else {}


def _known_hash(state: object, stat: os.stat_result) -> str | None:
    """The content hash a saved state gives a file with this stat, or None when the state does not match it (or
    is not a _FileState's tuple at all)."""
    if (
        isinstance(state, tuple)
        and len(state) == len(_FileState._fields)
        and state[:-1] == (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev)
        and type(state[-1]) is str
    ):
        return state[-1]
    return None


# A server process rebuilds after every added document or saved correction: it should not read and hash the
# other 9,999 files again, nor unpickle the shards it wrote itself. So the cache remembers each file's stat and
# hash (in memory, and in FILE_STATES_NAME for the next process), and the process keeps the shards of the cache
# folder it used last in memory. A file whose size, modification and change times (in ns), inode and device are
# all unchanged is taken to hold the same bytes, as make and git take it.
RECENTLY_MODIFIED_NS = 2_000_000_000
_open_cache: dict[Path, _ShardedCache] = {}
_open_cache_lock = threading.Lock()


def forget_files_and_shards() -> None:
    """Drop what this process remembers of files and shards (the next build starts from the cache folder)."""
    _open_cache.clear()
    with _stored_groups_lock:
        _stored_groups.clear()


def _cache_for(cache_dir: Path) -> _ShardedCache:
    folder = Path(cache_dir).resolve()
    with _open_cache_lock:
        if folder not in _open_cache or not folder.is_dir():
            _open_cache.clear()  # one folder at a time: a process that switches folders keeps only the latest
            _open_cache[folder] = _ShardedCache(folder)
            with _stored_groups_lock:
                _stored_groups.pop(folder, None)  # the folder may be new, or rewritten by another process
        return _open_cache[folder]


def _absolute_locations(sources: list[SourceFile]) -> list[str]:
    """Each source's absolute path, the key of its file state: the same file whatever the working folder."""
    folders: dict[Path, str] = {}
    locations = []
    for source in sources:
        if source.folder not in folders:
            folders[source.folder] = os.path.abspath(source.folder)  # once per folder: abspath is Python
        locations.append(os.path.join(folders[source.folder], source.name))
    return locations


def _content_hash(location: str, cache: _ShardedCache) -> tuple[str, bytes | None]:
    """The SHA-256 of the bytes of the file at `location` (absolute), and the bytes when they had to be read
    (None when the stat says the file is unchanged since the cache's states were taken). UnreadableDocument when
    it is too large or cannot be opened."""
    try:
        stat = os.stat(location)
    except OSError as error:
        raise UnreadableDocument(f"the file could not be opened ({error.strerror or error})") from error
    states = cache.file_states()
    known = _known_hash(states.get(location), stat)
    if known is not None:
        return known, None
    data = read_file_bytes(location)
    content_sha256 = hashlib.sha256(data).hexdigest()
    # The stat from before the read: a file changed after it has a newer stat, so it is read again next time.
    # Not for a file modified in the last seconds: file times tick in steps of a few milliseconds, so a rewrite of
    # the same size in the same tick would look unchanged (git's "racily clean" entries).
    with cache.lock:
        if time.time_ns() - max(stat.st_mtime_ns, stat.st_ctime_ns) > RECENTLY_MODIFIED_NS:
            states[location] = tuple(
                _FileState(stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev, content_sha256)
            )
        else:
            states.pop(location, None)
        cache.file_states_changed = True
    return content_sha256, data


def extract_documents(
    sources: list[SourceFile], cache_dir: Path | None = None, jobs: int | None = None, isolated: bool = False
) -> tuple[list[Document], list[list[dict]], list[dict], list[Problem]]:
    """Documents, each document's mention records, agreement sightings and per-file problems of the sources, in
    source order. A cached document's list of records is the same object from build to build in one process.
    The documents not in the cache are extracted in a process pool once there are enough, while the next files are
    read (data_pipeline.pool.DocumentMap; `jobs` limits its workers, 1 = none); fewer are extracted here at the end,
    or, `isolated` (a server), in its kept extraction process.

    A file with the same bytes as an earlier one is left out with a problem: counting it again would make one
    report look like two sources.
    """
    # In source order: an Extraction (cached or unreadable), an int (its place in `extracted`) or a Problem.
    entries: list[Extraction | int | Problem] = []
    extracted: list[Extraction] = []
    keys: list[str] = []

    def waiting_for_extraction() -> DocumentMap:
        # Files read and waiting for extraction: in a pool once there are enough, extracted while the next are read.
        return DocumentMap(read_and_extract, len(sources), jobs, compile_word_lists, on_crash=_crashed)

    waiting = waiting_for_extraction()

    def extract_waiting() -> None:
        nonlocal waiting
        extracted.extend(
            waiting.results(
                isolated=isolated and (extraction_process_running() or not _small_plain_text(waiting.items)),
                time_limit=budget.stop_after_seconds(),
                on_timeout=_stopped,
            )
        )
        waiting = waiting_for_extraction()

    first_with_content: dict[str, str] = {}
    cache = _cache_for(cache_dir) if cache_dir is not None else None
    locations = _absolute_locations(sources) if cache is not None else []
    try:
        for index, source in enumerate(sources):
            name = source.name
            try:
                if cache is not None:
                    content_sha256, data = _content_hash(locations[index], cache)
                else:
                    data = read_file_bytes(source.location)
                    content_sha256 = hashlib.sha256(data).hexdigest()
            except UnreadableDocument as error:
                extraction = Extraction(document_from_bytes(name, None, source.manifest_row), [], [])
                extraction.document.problem = str(error)
            else:
                if (
                    cache is not None
                    and data is None
                    and cache.get(cache_key(name, content_sha256, source.manifest_row)) is None
                ):
                    # Known by its stat, but its extraction is not in the cache (a new pipeline version): read it after
                    # all, and trust the bytes read over the remembered hash (the file may have changed since the stat:
                    # its extraction must not be stored under the old bytes' key).
                    data = read_file_bytes(locations[index])
                    read_sha256 = hashlib.sha256(data).hexdigest()
                    if read_sha256 != content_sha256:
                        cache.forget_file_state(locations[index])
                        content_sha256 = read_sha256
                if content_sha256 in first_with_content:
                    shown = readable_name(name)
                    entries.append(Problem(shown, f"not read: same content as {first_with_content[content_sha256]}"))
                    continue
                first_with_content[content_sha256] = readable_name(name)
                key = cache_key(name, content_sha256, source.manifest_row) if cache is not None else ""
                extraction = cache.get(key) if cache is not None else None
                if extraction is None:
                    entries.append(len(extracted) + len(waiting.items))
                    waiting.add((name, data, source.manifest_row), len(data))
                    keys.append(key)
                    if waiting.n_bytes > MAX_WAITING_BYTES:  # a library of long PDFs is not all held in memory
                        extract_waiting()
                    continue
            entries.append(extraction)
        extract_waiting()
    finally:
        waiting.close()  # an error escaped while the files were read: the workers stop
    documents: list[Document] = []
    mention_records: list[list[dict]] = []
    sightings: list[dict] = []
    problems: list[Problem] = []
    for entry in entries:
        if isinstance(entry, Problem):
            problems.append(entry)
            continue
        if isinstance(entry, int):
            extraction = extracted[entry]
            if cache is not None and not extraction.document.problem_is_transient:
                cache.put(keys[entry], extraction)
        else:
            extraction = entry
        documents.append(extraction.document)
        mention_records.append(extraction.mention_records)
        sightings.extend(extraction.sightings)
        problems.extend(document_problems(extraction.document))
    if cache is not None:
        cache.save()
        cache.save_file_states(locations)
        drop_other_versions(Path(cache_dir))
    return documents, mention_records, sightings, problems


# The last build's reconciled groups (reconcile.remembered_groups) beside the shards: a new process then clusters
# only the groups whose mentions changed. Named after the pipeline version (the clustering code is part of it);
# not "*.pickle", the shards' pattern. In GROUP_SHARD_COUNT files by the group's row hashes, so that an upload,
# which changes a group or two, rewrites a file or two (all in one file: 6 MB and 40 ms at 10,000 documents).
GROUPS_SUFFIX = ".groups.pkl"
GROUP_SHARD_COUNT = 16
# Which groups each file holds, as this process last read or wrote them; sessions of a server store at once.
_stored_groups: dict[Path, dict[str, frozenset]] = {}
_stored_groups_lock = threading.Lock()


def _groups_stamp() -> tuple:
    """What stored groups were made with: the pipeline (its code, lexicons and readers) and the libraries whose
    objects they pickle. Groups with another stamp are clustered again."""
    import numpy
    import pandas
    import pyarrow

    return (pipeline_version(), pandas.__version__, numpy.__version__, pyarrow.__version__, sys.version_info[:2])


def _unlink(path: Path) -> None:
    # A read-only folder, or a file another process holds open (Windows): left for a later build.
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _group_shard_name(key: tuple) -> str:
    # crc32 of the row hashes, not hash(): the same shard in every process.
    return f"{_version_prefix()}_groups{zlib.crc32(key[-1]) % GROUP_SHARD_COUNT:02d}{GROUPS_SUFFIX}"


def load_reconciled_groups(cache_dir: Path) -> dict[tuple, object]:
    """The groups builds with this cache folder stored, without those of a file that is damaged or was written
    by another pipeline version or with other library versions (_groups_stamp)."""
    import pandas as pd

    folder = Path(cache_dir).resolve()
    stamp = _groups_stamp()
    groups: dict[tuple, object] = {}
    stored: dict[str, frozenset] = {}
    for path in sorted(folder.glob(f"{_version_prefix()}_groups*{GROUPS_SUFFIX}")):
        try:
            with path.open("rb") as handle:
                found = pickle.load(handle)  # noqa: S301 - a local cache this module wrote itself
        except Exception:  # noqa: BLE001 - a truncated or foreign file: its groups are clustered again
            continue
        if not (isinstance(found, tuple) and len(found) == 2 and found[0] == stamp):
            continue
        shard = found[1]
        if not isinstance(shard, dict) or not all(
            isinstance(key, tuple) and key and isinstance(key[-1], bytes) and isinstance(piece, pd.DataFrame)
            for key, piece in shard.items()
        ):
            continue
        groups.update(shard)
        stored[path.name] = frozenset(shard)
    with _stored_groups_lock:
        _stored_groups[folder] = stored
    return groups


def store_reconciled_groups(cache_dir: Path, groups: dict[tuple, object]) -> None:
    """Write the groups for the next process: the files whose groups are not those this process last read or
    wrote there (a group's key says what it was made from); a file left without groups is deleted."""
    folder = Path(cache_dir).resolve()
    shards: dict[str, dict[tuple, object]] = {}
    for key, piece in groups.items():
        shards.setdefault(_group_shard_name(key), {})[key] = piece
    with _stored_groups_lock:
        stored = _stored_groups.setdefault(folder, {})
        for name in sorted(set(stored) - set(shards)):
            _unlink(folder / name)
            stored.pop(name, None)
        for name, shard in sorted(shards.items()):
            if stored.get(name) != frozenset(shard) or not (folder / name).is_file():
                _store_atomically(folder / name, (_groups_stamp(), shard))
                stored[name] = frozenset(shard)


def _version_prefix() -> str:
    return re.sub(r"[^0-9a-z]", "", pipeline_version().lower())[:16] or "version"


def _shard_name(key: str) -> str:
    """The shard file of a cache key (a hex SHA-256): its first hex digit, under the pipeline version."""
    return f"{_version_prefix()}_shard{int(key[0], 16) % SHARD_COUNT:02d}.pickle"


def drop_other_versions(cache_dir: Path) -> None:
    """Delete shards written by another version of the pipeline, and the one-file-per-document entries of older
    builds: they can never be used again."""
    current = re.compile(re.escape(_version_prefix()) + r"_shard\d\d\.pickle")
    for entry in cache_dir.glob("*.pickle"):
        if not current.fullmatch(entry.name):
            _unlink(entry)
    current_groups = re.compile(re.escape(_version_prefix()) + r"_groups\d\d" + re.escape(GROUPS_SUFFIX))
    for entry in cache_dir.glob("*_groups*.pkl"):
        if not current_groups.fullmatch(entry.name):
            _unlink(entry)
