"""What the dashboard says about the analysts' corrections (pure functions, tested without Streamlit)."""

from __future__ import annotations

import pandas as pd

from dashboard_app.filters import split_list, split_rows
from dashboard_app.i18n import gettext as _
from dashboard_app.i18n import ngettext
from data_pipeline.corrections import effective_corrections, mention_target
from data_pipeline.extract.sentences import split_sentences
from data_pipeline.tables import CorrectionsReport, Tables


def corrections_note(applied: int) -> str:
    """'3 corrections applied' (or '' when there are none), for captions, source lines and exports."""
    if not applied:
        return ""
    return ngettext("{count} correction applied", "{count} corrections applied", applied).format(count=applied)


def corrections_of_pledges(pledges: pd.DataFrame, report: CorrectionsReport) -> list[int]:
    """For each pledge, how many distinct corrections touched its mentions."""
    by_mention = report.by_mention
    if not by_mention:  # no correction: nothing to look up for 10,000 pledges
        return [0] * len(pledges)
    return [
        len({cid for mention_id in mention_ids for cid in by_mention.get(mention_id, ())})
        for mention_ids in split_rows(pledges, "mention_ids")
    ]


def with_corrections_column(pledges: pd.DataFrame, report: CorrectionsReport) -> pd.DataFrame:
    """The pledges plus a `corrections` column (a new frame; the cached one is never changed)."""
    return pledges.assign(corrections=corrections_of_pledges(pledges, report))


def pledges_with_corrections(tables: Tables) -> pd.DataFrame:
    """The tables' pledges with their `corrections` column (what the explorer shows and exports)."""
    return with_corrections_column(tables.pledges, tables.corrections)


def correction_states(corrections: pd.DataFrame, report: CorrectionsReport) -> pd.DataFrame:
    """Every correction with its state in this build: applied, orphaned, undone, or an undo."""
    if corrections.empty:
        return corrections.assign(state=pd.Series(dtype=str))
    in_force = set(effective_corrections(corrections)["correction_id"])
    orphaned = {orphan["correction_id"]: orphan["why"] for orphan in report.orphaned}

    def state(row: pd.Series) -> str:
        if row["action"] == "undo":
            return _("undoes {correction}").format(correction=row["undoes"])
        if row["correction_id"] in orphaned:
            return _("orphaned: {why}").format(why=orphaned[row["correction_id"]])
        return _("applied") if row["correction_id"] in in_force else _("undone")

    states = corrections.assign(state=corrections.apply(state, axis=1))
    columns = ["state", "created_at", "analyst", "action", "field", "old_value", "new_value", "reason"]
    columns += ["doc_id", "figure", "evidence", "correction_id"]
    return states[columns].iloc[::-1].reset_index(drop=True)


def undoable(corrections: pd.DataFrame, report: CorrectionsReport) -> list[str]:
    """Ids of the corrections in force (applied or orphaned), newest first: what an analyst can undo."""
    if corrections.empty:
        return []
    return list(effective_corrections(corrections)["correction_id"].iloc[::-1])


def sentences_of(text: str) -> list[str]:
    """The document's sentences as the extractor splits them, for choosing where a missed mention stands."""
    return [text[sentence.start : sentence.end].strip() for sentence in split_sentences(text)]


def targets_of_pledge(tables: Tables, pledge_id: str, only: list[str] | None = None) -> list[list[str]]:
    """[doc_id, evidence, figure] of each mention behind a pledge (or of `only` those mentions)."""
    found = tables.pledges[tables.pledges["pledge_id"] == pledge_id]
    mention_ids = split_list(found.iloc[0]["mention_ids"]) if len(found) else []
    if only is not None:
        mention_ids = [mention_id for mention_id in mention_ids if mention_id in only]
    mentions = tables.mentions[tables.mentions["mention_id"].isin(mention_ids)]
    return [list(mention_target(tables.texts, mention).values()) for _, mention in mentions.iterrows()]
