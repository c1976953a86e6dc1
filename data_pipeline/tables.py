"""The tables' contracts (one pandera model each), the Tables bundle, and writing them to disk."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

KINDS = ["money", "equipment"]
QUALIFIERS = ["exact", "at_least", "at_most", "about"]
STATUSES = ["pledged", "delivered"]
SCOPES = ["package", "part", "running_total"]
CATEGORIES = ["military", "financial", "humanitarian", "reconstruction", "justice", "other"]
AGREEMENT_KINDS = ["agreement", "declaration", "statement"]


class _Strict:
    strict = True
    coerce = True


class DocumentSchema(pa.DataFrameModel):
    """One row per file found in the documents folder, readable or not."""

    doc_id: Series[str] = pa.Field(unique=True)
    file: Series[str]
    title: Series[str]
    publisher: Series[str]
    published: Series[str] = pa.Field(nullable=True, description="ISO date, or YYYY-MM / YYYY when partial")
    date_source: Series[str] = pa.Field(isin=["manifest", "text", "latest_date_in_text", "unknown"])
    language: Series[str]
    url: Series[str]
    n_chars: Series[int] = pa.Field(ge=0)
    n_mentions: Series[int] = pa.Field(ge=0)
    status: Series[str] = pa.Field(isin=["ok", "failed"])
    problem: Series[str]

    class Config(_Strict):
        pass


class MentionSchema(pa.DataFrameModel):
    """One row per place in a document where a quantified pledge or delivery is stated."""

    mention_id: Series[str] = pa.Field(unique=True)
    doc_id: Series[str]
    donor: Series[str]
    recipient: Series[str]
    kind: Series[str] = pa.Field(isin=KINDS)
    amount: Series[float] = pa.Field(nullable=True, ge=0)
    currency: Series[str] = pa.Field(nullable=True)
    amount_eur: Series[float] = pa.Field(nullable=True, ge=0)
    quantity: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    item: Series[str] = pa.Field(nullable=True)
    qualifier: Series[str] = pa.Field(isin=QUALIFIERS)
    status: Series[str] = pa.Field(isin=STATUSES)
    scope: Series[str] = pa.Field(isin=SCOPES)
    part_of: Series[str] = pa.Field(nullable=True)
    per_year: Series[bool] = pa.Field(description="the amount is a yearly figure, given in full to every year covered")
    category: Series[str] = pa.Field(isin=CATEGORIES)
    subcategory: Series[str]
    year_start: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    year_end: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    evidence: Series[str]
    char_start: Series[int] = pa.Field(ge=0)
    char_end: Series[int] = pa.Field(ge=0)

    class Config(_Strict):
        pass


class PledgeSchema(pa.DataFrameModel):
    """One row per commitment (package or earmarked part), however many sources report it."""

    pledge_id: Series[str] = pa.Field(unique=True)
    donor: Series[str]
    recipient: Series[str]
    kind: Series[str] = pa.Field(isin=KINDS)
    amount: Series[float] = pa.Field(nullable=True, ge=0)
    currency: Series[str] = pa.Field(nullable=True)
    amount_eur: Series[float] = pa.Field(nullable=True, ge=0)
    quantity: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    item: Series[str] = pa.Field(nullable=True)
    qualifier: Series[str] = pa.Field(isin=QUALIFIERS)
    status: Series[str] = pa.Field(isin=STATUSES)
    scope: Series[str] = pa.Field(isin=["package", "part"])
    part_of: Series[str] = pa.Field(nullable=True, description="pledge_id of the package a part belongs to")
    per_year: Series[bool] = pa.Field(description="the amount is a yearly figure, given in full to every year covered")
    category: Series[str] = pa.Field(isin=CATEGORIES)
    subcategory: Series[str]
    year_start: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    year_end: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    announced: Series[str] = pa.Field(nullable=True, description="earliest publication date among its sources")
    announced_year: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    n_sources: Series[int] = pa.Field(ge=1)
    sources: Series[str] = pa.Field(description="doc_ids joined by ';'")
    publishers: Series[str]
    mention_ids: Series[str]
    evidence: Series[str]

    class Config(_Strict):
        pass


class PledgeYearSchema(pa.DataFrameModel):
    """A pledge spread evenly over the years it covers, so that 'by year' charts add up."""

    pledge_id: Series[str]
    year: Series[int]
    share: Series[float] = pa.Field(gt=0, le=1)
    amount_eur: Series[float] = pa.Field(nullable=True, ge=0)
    quantity: Series[float] = pa.Field(nullable=True, ge=0)

    class Config(_Strict):
        unique = ["pledge_id", "year"]


class RunningTotalSchema(pa.DataFrameModel):
    """A reported cumulative figure ('delivered so far'): money, one row per donor, status, category and date;
    equipment ('has donated 196 armoured vehicles since the invasion'), one row per donor, item and date."""

    running_total_id: Series[str] = pa.Field(unique=True)
    donor: Series[str]
    recipient: Series[str]
    kind: Series[str] = pa.Field(isin=KINDS)
    status: Series[str] = pa.Field(isin=STATUSES)
    category: Series[str] = pa.Field(isin=CATEGORIES)
    as_of: Series[str] = pa.Field(nullable=True)
    amount: Series[float] = pa.Field(nullable=True, ge=0, description="money only")
    currency: Series[str] = pa.Field(nullable=True, description="money only")
    amount_eur: Series[float] = pa.Field(nullable=True, ge=0)
    quantity: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, description="equipment only: items to date")
    item: Series[str] = pa.Field(nullable=True, description="equipment only")
    qualifier: Series[str] = pa.Field(isin=QUALIFIERS)
    year_start: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    year_end: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    sources: Series[str]
    mention_ids: Series[str]
    evidence: Series[str]

    class Config(_Strict):
        pass


class AgreementSchema(pa.DataFrameModel):
    """A security agreement, joint declaration or joint statement, reconciled across sources."""

    agreement_id: Series[str] = pa.Field(unique=True)
    parties: Series[str] = pa.Field(description="canonical names joined by ';', alphabetical")
    kind: Series[str] = pa.Field(isin=AGREEMENT_KINDS)
    announced: Series[str] = pa.Field(nullable=True)
    signed: Series[str] = pa.Field(nullable=True)
    duration_years: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    themes: Series[str]
    sources: Series[str]
    evidence: Series[str]

    class Config(_Strict):
        pass


SCHEMAS: dict[str, type[pa.DataFrameModel]] = {
    "documents": DocumentSchema,
    "mentions": MentionSchema,
    "pledges": PledgeSchema,
    "pledge_years": PledgeYearSchema,
    "running_totals": RunningTotalSchema,
    "agreements": AgreementSchema,
}


def empty_table(name: str) -> pd.DataFrame:
    """A zero-row frame with the table's columns and dtypes."""
    schema = SCHEMAS[name].to_schema()
    frame = pd.DataFrame({col: pd.Series(dtype=str(c.dtype)) for col, c in schema.columns.items()})
    return schema.validate(frame)


def conform(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Order the columns as the schema says and validate (coercing dtypes)."""
    schema = SCHEMAS[name].to_schema()
    if frame.empty:
        return empty_table(name)
    frame = frame[list(schema.columns)].reset_index(drop=True)
    for name, column in schema.columns.items():
        # Nullable integers arrive as objects holding None; pandera's coercion does not cast those.
        if str(column.dtype) == "Int64":
            frame[name] = pd.to_numeric(frame[name]).astype("Int64")
        elif str(column.dtype) == "float64":
            frame[name] = pd.to_numeric(frame[name]).astype("float64")
        elif column.nullable and pd.api.types.is_float_dtype(frame[name]) and frame[name].isna().all():
            # A text column missing in every row (no item among money-only pledges) arrives as float NaN.
            frame[name] = pd.Series([None] * len(frame), dtype=object)
    return schema.validate(frame)


def frame_records(frame: pd.DataFrame) -> list[dict]:
    """The rows of a frame as dicts, equal to `frame.to_dict("records")` (NaN for a missing string or float, None
    for a missing nullable integer) but five times faster: to_dict boxes every Arrow-backed value one by one."""
    columns = {}
    for name in frame.columns:
        values = frame[name].tolist()
        if isinstance(frame[name].dtype, pd.Int64Dtype):
            values = [None if value is pd.NA else value for value in values]
        columns[name] = values
    return [dict(zip(columns, row, strict=True)) for row in zip(*columns.values(), strict=True)]


@dataclass(frozen=True)
class Problem:
    """Something wrong with one document (or the manifest): the build goes on without it."""

    file: str
    problem: str

    def as_dict(self) -> dict[str, str]:
        return {"file": self.file, "problem": self.problem}


@dataclass(frozen=True)
class CorrectionsReport:
    """What the analysts' corrections did to a build: how many applied, which found no mention any more
    (kept and shown, never dropped), and which corrections touched each mention (for history and exports)."""

    applied: int = 0
    orphaned: tuple[dict, ...] = ()
    by_mention: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"applied": self.applied, "orphaned": list(self.orphaned)}


@dataclass
class Tables:
    """Everything one build produces. `texts` keeps each readable document's text for the evidence view."""

    documents: pd.DataFrame
    mentions: pd.DataFrame
    pledges: pd.DataFrame
    pledge_years: pd.DataFrame
    running_totals: pd.DataFrame
    agreements: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    corrections: CorrectionsReport = field(default_factory=CorrectionsReport)

    @property
    def corrections_applied(self) -> int:
        return self.corrections.applied

    @property
    def orphaned_corrections(self) -> tuple[dict, ...]:
        return self.corrections.orphaned

    def frames(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in SCHEMAS}

    def report(self) -> dict:
        counts = {name: int(len(frame)) for name, frame in self.frames().items()}
        readable = int((self.documents["status"] == "ok").sum()) if len(self.documents) else 0
        return {
            "counts": counts,
            "documents_read": readable,
            "documents_failed": int(len(self.documents) - readable),
            "problems": [p.as_dict() for p in self.problems],
            "corrections": self.corrections.as_dict(),
        }


# A spreadsheet treats a cell starting with these as a formula (CSV/formula injection, OWASP).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> object:
    """Prefix a text cell that a spreadsheet would run as a formula with a single quote; leave the rest."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def protect_cell(value: str) -> str:
    """neutralise_cell for a file we also read back (the library's manifest): unprotect_cell undoes it exactly."""
    if value.startswith(FORMULA_PREFIXES) or (value.startswith("'") and value[1:].startswith((*FORMULA_PREFIXES, "'"))):
        return "'" + value
    return value


def unprotect_cell(value: str) -> str:
    """The value protect_cell was given. A quote before anything else stays ("'s-Hertogenbosch", "'t Hooft")."""
    return value[1:] if value.startswith("'") and value[1:].startswith((*FORMULA_PREFIXES, "'")) else value


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` where every text cell is safe to open in a spreadsheet (numbers stay numbers)."""
    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise_cell)
    # Column names come from our schema, but neutralise them too so the rule has no exception.
    safe.columns = [neutralise_cell(str(column)) for column in safe.columns]
    return safe


def unix_line_ends(csv_text: str) -> str:
    """CSV written with '\r\n' line ends, with '\n' ones instead. The csv module quotes a cell only for the
    characters of its line terminator: written with '\n', a cell holding a carriage return (a file name) is left
    bare and splits its row when read back. Written with '\r\n', every such cell is quoted; outside quotes the
    only '\r\n' left are line ends."""
    parts = csv_text.split('"')
    parts[::2] = [part.replace("\r\n", "\n") for part in parts[::2]]  # the even parts are outside quotes
    return '"'.join(parts)


def csv_text(frame: pd.DataFrame) -> str:
    """The frame as CSV text (no index, '\n' line ends), every cell with a line break in it quoted."""
    return unix_line_ends(frame.to_csv(index=False, lineterminator="\r\n"))


def write_tables(tables: Tables, out_dir: Path) -> list[Path]:
    """Write every table as CSV (UTF-8, fixed column and row order) and Parquet, plus build_report.json. In the
    CSV files a text cell a spreadsheet would run as a formula (a sentence starting with "-" or "=") starts with a
    single quote; the Parquet files keep the values as they are."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables.frames().items():
        csv_path = out_dir / f"{name}.csv"
        csv_path.write_bytes(csv_text(neutralised(frame)).encode("utf-8"))
        parquet_path = out_dir / f"{name}.parquet"
        frame.to_parquet(parquet_path, index=False)
        written += [csv_path, parquet_path]
    report_path = out_dir / "build_report.json"
    report_path.write_text(json.dumps(tables.report(), indent=2, ensure_ascii=False, sort_keys=True) + "\n")
    written.append(report_path)
    return written
