"""The analysts' corrections: a small SQLite store (who, when, why, old and new value) and pure functions that
apply them to a build's mentions and to pledge clustering, keyed on what survives a rebuild.

A correction names its mention by document, evidence sentence and figure text (whitespace normalised), never by
character offset alone, so it still finds its mention after a rebuild or an edit elsewhere in the document.
The store only ever adds rows: an undo is a correction too, so the audit trail keeps everything. A correction
whose mention is gone is reported as orphaned and stays in the store.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from data_pipeline.extract.money import to_eur
from data_pipeline.tables import (
    CATEGORIES,
    FORMULA_PREFIXES,
    KINDS,
    QUALIFIERS,
    SCOPES,
    STATUSES,
    CorrectionsReport,
    conform,
    frame_records,
    unix_line_ends,
)

ACTIONS = ("edit", "not_a_pledge", "add", "merge", "split", "undo")
EDITABLE_FIELDS = (
    "amount",
    "currency",
    "quantity",
    "item",
    "donor",
    "recipient",
    "status",
    "scope",
    "category",
    "subcategory",
    "years",
    "qualifier",
)
# What an added mention carries (besides its document, sentence and figure).
ADDED_MENTION_FIELDS = ("kind", *EDITABLE_FIELDS)
COLUMNS = [
    "correction_id",
    "created_at",
    "analyst",
    "reason",
    "action",
    "doc_id",
    "evidence",
    "figure",
    "field",
    "old_value",
    "new_value",
    "undoes",
]
SCHEMA_VERSION = 1
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS corrections (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    correction_id TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    analyst TEXT NOT NULL CHECK (length(trim(analyst)) > 0),
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    action TEXT NOT NULL CHECK (action IN ({", ".join(f"'{action}'" for action in ACTIONS)})),
    doc_id TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT '',
    figure TEXT NOT NULL DEFAULT '',
    field TEXT NOT NULL DEFAULT '',
    old_value TEXT NOT NULL DEFAULT '',
    new_value TEXT NOT NULL DEFAULT '',
    undoes TEXT NOT NULL DEFAULT ''
);
PRAGMA user_version = {SCHEMA_VERSION};
"""


class CorrectionError(ValueError):
    """A correction that cannot be saved as given (missing name or reason, a value outside the schema)."""


# ------------------------------------------------------------------------------------------- identities
def normalise_space(text: object) -> str:
    return " ".join(str(text or "").split())


def mention_key(doc_id: str, evidence: str, figure: str) -> str:
    """What names a mention across rebuilds: its document, its sentence and its figure, whitespace normalised."""
    content = "\0".join([doc_id, normalise_space(evidence), normalise_space(figure)])
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:16]


def figure_text(texts: dict[str, str], mention: pd.Series | dict) -> str:
    """The figure as it stands in the document ('€2 billion'), or '' when the text is not at hand."""
    text = texts.get(mention["doc_id"], "")
    return text[int(mention["char_start"]) : int(mention["char_end"])]


def mention_target(texts: dict[str, str], mention: pd.Series | dict) -> dict[str, str]:
    """The doc_id, evidence and figure a correction stores to find this mention again."""
    return {
        "doc_id": str(mention["doc_id"]),
        "evidence": str(mention["evidence"]),
        "figure": figure_text(texts, mention),
    }


def correction_id(row: dict) -> str:
    """A hash of the correction's content: the same correction imported twice is one row."""
    content = json.dumps([str(row.get(column, "")) for column in COLUMNS[1:]], ensure_ascii=False)
    return "C-" + hashlib.sha256(content.encode("utf-8")).hexdigest()[:16]


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_plain)


def _plain(value: object) -> object:
    # numpy and pandas scalars (an Int64 quantity, a float64 amount) into plain JSON values
    if pd.isna(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return str(value)


# ------------------------------------------------------------------------------------------- validation
def validate_value(field: str, value: object) -> object:
    """The value in the form the mentions table holds it, or a CorrectionError saying what is wrong."""
    if field not in EDITABLE_FIELDS and field != "kind":
        raise CorrectionError(f"'{field}' cannot be corrected; choose one of {', '.join(EDITABLE_FIELDS)}")
    if value is not None and not isinstance(value, list | tuple) and pd.isna(value):
        value = None
    if isinstance(value, str):
        value = value.strip() or None
    allowed = {
        "kind": KINDS,
        "status": STATUSES,
        "scope": SCOPES,
        "qualifier": QUALIFIERS,
        "category": CATEGORIES,
    }
    if field in allowed:
        if value not in allowed[field]:
            raise CorrectionError(f"{field} must be one of {', '.join(allowed[field])}, not {value!r}")
        return value
    if field == "amount":
        if value is None:
            return None
        try:
            amount = float(value)
        except (TypeError, ValueError):
            raise CorrectionError(f"amount must be a number, not {value!r}") from None
        if amount < 0 or not math.isfinite(amount):
            raise CorrectionError("amount must be a finite number, zero or more")
        return amount
    if field == "quantity":
        if value is None:
            return None
        try:
            quantity = float(value)
        except (TypeError, ValueError):
            raise CorrectionError(f"quantity must be a whole number, not {value!r}") from None
        if quantity < 0 or not math.isfinite(quantity) or quantity != int(quantity):
            raise CorrectionError("quantity must be a whole number, zero or more")
        return int(quantity)
    if field == "years":
        try:
            start, end = (list(value) + [None, None])[:2] if value is not None else (None, None)
            start = None if start is None or pd.isna(start) else int(start)
            end = start if end is None or pd.isna(end) else int(end)
        except (TypeError, ValueError, OverflowError):
            raise CorrectionError(f"years must be one or two years such as 2024 or 2024-2026, not {value!r}") from None
        if start is not None and end < start:
            raise CorrectionError(f"the last year ({end}) is before the first ({start})")
        if start is None and end is not None:
            start = end
        return [start, end]
    if field == "currency":
        if value is not None and not re.fullmatch(r"[A-Z]{3}", value.upper()):
            raise CorrectionError(f"currency must be an ISO code such as EUR or USD, not {value!r}")
        return value.upper() if value else None
    if field in ("donor", "recipient", "subcategory") and value is None:
        raise CorrectionError(f"{field} cannot be empty")
    return value


def new_correction(
    action: str,
    analyst: str,
    reason: str,
    *,
    doc_id: str = "",
    evidence: str = "",
    figure: str = "",
    field: str = "",
    old_value: object = None,
    new_value: object = None,
    undoes: str = "",
    created_at: str | None = None,
) -> dict[str, str]:
    """One correction row, checked: who and why are required, the value must fit the mentions table."""
    if not normalise_space(analyst):
        raise CorrectionError("Set your analyst name in the sidebar before saving a correction.")
    if not normalise_space(reason):
        raise CorrectionError("Give a short reason for the correction.")
    if action not in ACTIONS:
        raise CorrectionError(f"unknown action {action!r}")
    if action == "edit":
        new_value = validate_value(field, new_value)
    if action == "add":
        new_value = {name: validate_value(name, new_value.get(name)) for name in ADDED_MENTION_FIELDS}
        kind_field = "amount" if new_value["kind"] == "money" else "quantity"
        if new_value[kind_field] is None:
            raise CorrectionError(f"a {new_value['kind']} mention needs its {kind_field}")
    if action in ("edit", "not_a_pledge", "add") and not (doc_id and normalise_space(evidence)):
        raise CorrectionError("a correction needs the document and the sentence of its mention")
    if action in ("merge", "split") and len(new_value.get("groups", [])) < 2:
        raise CorrectionError(f"a {action} needs two groups of mentions")
    if action == "undo" and not undoes:
        raise CorrectionError("an undo needs the correction it undoes")
    row = {
        "created_at": created_at or datetime.now(UTC).isoformat(timespec="microseconds"),
        "analyst": normalise_space(analyst),
        "reason": reason.strip(),
        "action": action,
        "doc_id": doc_id,
        "evidence": evidence,
        "figure": figure,
        "field": field,
        "old_value": "" if old_value is None and action != "edit" else _json(old_value),
        "new_value": "" if new_value is None and action != "edit" else _json(new_value),
        "undoes": undoes,
    }
    return {"correction_id": correction_id(row), **row}


# ------------------------------------------------------------------------------------------- the store
class CorrectionStore:
    """The corrections database: one SQLite file in WAL mode, one transaction per change, rows never rewritten.

    Every call opens its own connection, so Streamlit sessions (threads) and separate processes can share a file;
    writers queue on SQLite's lock (BEGIN IMMEDIATE with a busy timeout) instead of failing.
    """

    def __init__(self, path: Path | str, timeout_seconds: float = 30.0):
        self.path = Path(path)
        self.timeout_seconds = timeout_seconds
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connection() as connection:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.executescript(f"BEGIN IMMEDIATE; {SCHEMA} COMMIT;")

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        connection = sqlite3.connect(self.path, timeout=self.timeout_seconds, isolation_level=None)
        try:
            # FULL: a committed correction survives a crash of the machine too, not only of the process.
            connection.execute("PRAGMA synchronous=FULL")
            yield connection
        finally:
            connection.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._connection() as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def save(self, *rows: dict[str, str]) -> int:
        """Store corrections (all or none, in one transaction); a row already stored is left alone."""
        with self._transaction() as connection:
            before = connection.total_changes
            connection.executemany(
                f"INSERT OR IGNORE INTO corrections ({', '.join(COLUMNS)}) "
                f"VALUES ({', '.join(':' + column for column in COLUMNS)})",
                [{column: row.get(column, "") for column in COLUMNS} for row in rows],
            )
            return connection.total_changes - before

    def add(self, action: str, analyst: str, reason: str, **details) -> str:
        """Check and store one correction; returns its id."""
        row = new_correction(action, analyst, reason, **details)
        self.save(row)
        return row["correction_id"]

    def undo(self, undone_id: str, analyst: str, reason: str) -> str:
        """Record that a correction no longer applies (the correction itself stays in the history)."""
        if undone_id not in set(self.frame()["correction_id"]):
            raise CorrectionError(f"no correction {undone_id} to undo")
        return self.add("undo", analyst, reason, undoes=undone_id)

    def frame(self) -> pd.DataFrame:
        """Every correction, in the order they were made."""
        with self._connection() as connection:
            rows = connection.execute(
                f"SELECT {', '.join(COLUMNS)} FROM corrections ORDER BY created_at, correction_id"
            ).fetchall()
        return pd.DataFrame(rows, columns=COLUMNS, dtype=str)

    def version(self) -> str:
        """Changes whenever a correction is added or imported: the dashboard's cache key for the build."""
        return database_version(self.path)

    def export_csv_bytes(self) -> bytes:
        return corrections_csv_bytes(self.frame())

    def import_csv_bytes(self, data: bytes) -> int:
        """Add the file's corrections that are not here yet; returns how many were new (0 for a second import)."""
        return self.save(*parse_corrections_csv(data))


def database_version(path: Path | str) -> str:
    """The version of a corrections file without writing to it: '' when there is none (yet)."""
    if not Path(path).is_file():
        return ""
    connection = sqlite3.connect(path, timeout=30.0)
    try:
        ids = [row[0] for row in connection.execute("SELECT correction_id FROM corrections ORDER BY seq")]
    except sqlite3.OperationalError:  # created but without its table yet
        return ""
    finally:
        connection.close()
    return hashlib.sha256("\n".join(ids).encode()).hexdigest()[:16]


def load_corrections(path: Path | str) -> pd.DataFrame:
    """The corrections in a database file (which must exist: a wrong path is an error, not an empty list)."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no such corrections database: {path}")
    return CorrectionStore(path).frame()


# ------------------------------------------------------------------------------------------- CSV
# The characters every written file neutralises (tables.FORMULA_PREFIXES); a leading quote is escaped too, so that
# reading a corrections file back undoes exactly what writing it did.
def _protect(value: str) -> str:
    return "'" + value if value.startswith((*FORMULA_PREFIXES, "'")) else value


def _unprotect(value: str) -> str:
    return value[1:] if value.startswith("'") else value


def corrections_csv_bytes(corrections: pd.DataFrame) -> bytes:
    """The corrections as CSV a desk can share: no cell a spreadsheet would run as a formula, reversible."""
    buffer = io.StringIO()
    # '\r\n' while writing, so that a reason holding a carriage return is quoted (tables.unix_line_ends).
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in corrections[COLUMNS].itertuples(index=False):
        writer.writerow([_protect(str(value)) for value in row])
    return unix_line_ends(buffer.getvalue()).encode("utf-8-sig")


def parse_corrections_csv(data: bytes) -> list[dict[str, str]]:
    """Rows of a corrections CSV, checked like a new correction; ids are recomputed from the content."""
    try:
        reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    except UnicodeDecodeError:
        raise CorrectionError("not a corrections file: it is not UTF-8 text") from None
    missing = set(COLUMNS) - set(reader.fieldnames or [])
    if missing:
        raise CorrectionError(f"not a corrections file: missing columns {', '.join(sorted(missing))}")
    rows = []
    for number, raw in enumerate(reader, start=2):
        row = {column: _unprotect(raw[column] or "") for column in COLUMNS}
        if not normalise_space(row["analyst"]) or not normalise_space(row["reason"]):
            raise CorrectionError(f"line {number}: every correction needs an analyst and a reason")
        if row["action"] not in ACTIONS:
            raise CorrectionError(f"line {number}: unknown action {row['action']!r}")
        try:
            checked_value(row)
        except CorrectionError as error:
            raise CorrectionError(f"line {number}: {error}") from None
        row["correction_id"] = correction_id(row)
        rows.append(row)
    return rows


def checked_value(row: pd.Series | dict) -> object:
    """A stored correction's new value, parsed and checked again: an imported or hand-edited row that no
    longer fits the mentions table must become a clear problem, not stop every build."""
    try:
        value = json.loads(row["new_value"]) if row["new_value"] else None
        if row["action"] == "edit":
            return validate_value(row["field"], value)
        if row["action"] == "add":
            return {name: validate_value(name, value.get(name)) for name in ADDED_MENTION_FIELDS}
        if row["action"] in ("merge", "split"):
            groups = value["groups"]
            if len(groups) < 2 or not all(len(target) == 3 for group in groups for target in group):
                raise CorrectionError(f"a {row['action']} needs two groups of mentions")
        return value
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        if isinstance(error, CorrectionError):
            raise
        raise CorrectionError(f"its value cannot be read ({type(error).__name__}: {error})") from None


# ------------------------------------------------------------------------------------------- applying
@dataclass(frozen=True)
class CorrectedMentions:
    """The mentions after the corrections, the merges and splits for reconciliation, and what happened."""

    mentions: pd.DataFrame
    links: dict[frozenset[str], bool]
    report: CorrectionsReport


def effective_corrections(corrections: pd.DataFrame) -> pd.DataFrame:
    """The corrections in force: in time order, without undos and what they undid (an undo can be undone)."""
    if corrections is None or corrections.empty:
        return pd.DataFrame(columns=COLUMNS)
    ordered = corrections.sort_values(["created_at", "correction_id"]).reset_index(drop=True)
    cancelled: set[str] = set()
    for row in ordered.iloc[::-1].itertuples(index=False):
        if row.action == "undo" and row.correction_id not in cancelled:
            cancelled.add(row.undoes)
    keep = (ordered["action"] != "undo") & ~ordered["correction_id"].isin(cancelled)
    return ordered[keep].reset_index(drop=True)


def find_span(text: str, passage: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """Where `passage` stands in text[start:end], whatever the whitespace between its words."""
    words = passage.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    found = pattern.search(text, start, len(text) if end is None else end)
    return (found.start(), found.end()) if found else None


def _set_field(record: dict, field: str, value: object, publication_year: int | None) -> None:
    if field == "years":
        record["year_start"], record["year_end"] = value
    else:
        record[field] = value
    if field == "scope" and value != "part":
        record["part_of"] = None
    if field in ("amount", "currency"):
        amount = record["amount"]
        amount = None if amount is None or pd.isna(amount) else float(amount)
        currency = record["currency"] if isinstance(record["currency"], str) else None
        record["amount_eur"] = to_eur(amount, currency, publication_year)


def _orphan(row: pd.Series, why: str) -> dict:
    fields = ["correction_id", "created_at", "analyst", "reason", "action", "doc_id", "evidence", "figure", "field"]
    return {**{name: str(row[name]) for name in fields}, "new_value": str(row["new_value"]), "why": why}


def apply_corrections(
    mentions: pd.DataFrame,
    corrections: pd.DataFrame | None,
    texts: dict[str, str],
    published: dict[str, str | None] | None = None,
) -> CorrectedMentions:
    """Apply the corrections in force, oldest first, to extracted mentions (never changing the argument).

    `texts` are the documents' texts (to find figures and sentences); `published` their publication dates (to
    convert a corrected amount to EUR at the right year's rate). Merges and splits come back as `links` for
    reconcile_pledges. A correction that finds no mention is reported as orphaned, with the reason.
    """
    in_force = effective_corrections(corrections)
    if in_force.empty:
        return CorrectedMentions(mentions, {}, CorrectionsReport())
    published = published or {}

    def year_of(doc_id: str) -> int | None:
        date = published.get(doc_id)
        return int(str(date)[:4]) if isinstance(date, str) and date[:4].isdigit() else None

    records = {row["mention_id"]: row for row in frame_records(mentions)}
    by_key: dict[str, list[str]] = {}
    for mention_id, record in records.items():
        key = mention_key(record["doc_id"], record["evidence"], figure_text(texts, record))
        by_key.setdefault(key, []).append(mention_id)

    def present(key: str) -> list[str]:
        return [mention_id for mention_id in by_key.get(key, []) if mention_id in records]

    links: dict[frozenset[str], bool] = {}
    by_mention: dict[str, list[str]] = {}
    orphaned: list[dict] = []
    applied = 0
    for row in in_force.to_dict("records"):
        row = pd.Series(row)
        action = row["action"]
        try:
            value = checked_value(row)
        except CorrectionError as error:
            orphaned.append(_orphan(row, f"it cannot be applied: {error}"))
            continue
        if action in ("merge", "split"):
            groups = [
                sorted({mention_id for target in group for mention_id in present(mention_key(*target))})
                for group in value["groups"]
            ]
            if sum(1 for group in groups if group) < 2:
                orphaned.append(_orphan(row, "the pledges it joins or separates are no longer extracted"))
                continue
            for index, group in enumerate(groups):
                for other in groups[index + 1 :]:
                    for a in group:
                        for b in other:
                            links[frozenset((a, b))] = action == "merge"
                for mention_id in group:
                    by_mention.setdefault(mention_id, []).append(row["correction_id"])
            applied += 1
            continue

        key = mention_key(row["doc_id"], row["evidence"], row["figure"])
        targets = present(key)
        if action == "add" and not targets:
            text = texts.get(row["doc_id"])
            sentence = find_span(text, row["evidence"]) if text is not None else None
            if sentence is None:
                orphaned.append(_orphan(row, "its sentence is no longer in the document"))
                continue
            figure = find_span(text, row["figure"], *sentence) if normalise_space(row["figure"]) else sentence
            if figure is None:
                orphaned.append(_orphan(row, "its figure is no longer in the sentence"))
                continue
            mention_id = f"{row['doc_id']}-{figure[0]}"
            while mention_id in records:
                mention_id += "+"
            record = {column: None for column in mentions.columns}
            record.update(
                mention_id=mention_id,
                doc_id=row["doc_id"],
                evidence=text[sentence[0] : sentence[1]].strip(),
                char_start=figure[0],
                char_end=figure[1],
                per_year=False,  # an analyst adds a one-off figure (per_year is not among the editable fields)
            )
            records[mention_id] = record
            by_key.setdefault(key, []).append(mention_id)
            targets = [mention_id]
        if not targets:
            orphaned.append(_orphan(row, "its mention is no longer extracted from the document"))
            continue
        for mention_id in targets:
            if action == "not_a_pledge":
                del records[mention_id]
                for record in records.values():
                    if record.get("part_of") == mention_id:  # its parts stand on their own now
                        record["part_of"], record["scope"] = None, "package"
            elif action == "edit":
                _set_field(records[mention_id], row["field"], value, year_of(row["doc_id"]))
            elif action == "add":
                for name in ADDED_MENTION_FIELDS:
                    _set_field(records[mention_id], name, value[name], year_of(row["doc_id"]))
            by_mention.setdefault(mention_id, []).append(row["correction_id"])
        applied += 1

    frame = pd.DataFrame(list(records.values()), columns=mentions.columns)
    if not frame.empty:
        frame = frame.sort_values(["doc_id", "char_start", "mention_id"])
    report = CorrectionsReport(
        applied=applied,
        orphaned=tuple(orphaned),
        by_mention={mention_id: tuple(ids) for mention_id, ids in sorted(by_mention.items())},
    )
    return CorrectedMentions(conform("mentions", frame), links, report)


def corrections_of(
    corrections: pd.DataFrame, texts: dict[str, str], mention: pd.Series | dict, correction_ids=()
) -> pd.DataFrame:
    """A mention's history: every correction naming it (by its sentence and figure), undone ones and undos too."""
    if corrections.empty:
        return corrections
    target = mention_target(texts, mention)
    key = mention_key(target["doc_id"], target["evidence"], target["figure"])
    names_it = corrections.apply(lambda row: mention_key(row["doc_id"], row["evidence"], row["figure"]) == key, axis=1)
    names_it |= corrections["correction_id"].isin(list(correction_ids))
    names_it |= corrections["undoes"].isin(set(corrections.loc[names_it, "correction_id"]))
    return corrections[names_it].reset_index(drop=True)
