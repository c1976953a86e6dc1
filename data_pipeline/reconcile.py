"""Turn mentions into pledges (the same commitment reported by several sources counted once), spread them
over the years they cover, and keep running totals apart."""

from __future__ import annotations

import hashlib

import pandas as pd

from data_pipeline.tables import conform

MONEY_TOLERANCE = 0.05
QUALIFIED_TOLERANCE = 0.15  # "over €2bn" and "€2.2bn" can be the same pledge


class ReconciliationError(AssertionError):
    """A sanity check failed: the tables would not add up."""


def _short_id(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha1("|".join(parts).encode()).hexdigest()[:10]


def _years_overlap(a: pd.Series, b: pd.Series) -> bool:
    if pd.isna(a["year_start"]) or pd.isna(b["year_start"]):
        return True
    return not (a["year_end"] < b["year_start"] or b["year_end"] < a["year_start"])


def same_commitment(a: pd.Series, b: pd.Series) -> bool:
    """Do two mentions from different documents describe the same commitment (spec §4)?"""
    keys = ["donor", "recipient", "kind", "status", "scope"]
    if any(a[k] != b[k] for k in keys) or a["doc_id"] == b["doc_id"] or not _years_overlap(a, b):
        return False
    if a["kind"] == "equipment":
        return a["quantity"] == b["quantity"] and bool(set(a["item"].lower().split()) & set(b["item"].lower().split()))
    if a["currency"] == b["currency"]:
        x, y = a["amount"], b["amount"]
    else:
        x, y = a["amount_eur"], b["amount_eur"]
    if pd.isna(x) or pd.isna(y) or max(x, y) == 0:
        return False
    qualified = a["qualifier"] != "exact" or b["qualifier"] != "exact"
    tolerance = QUALIFIED_TOLERANCE if qualified else MONEY_TOLERANCE
    return abs(x - y) <= tolerance * max(x, y)


def _representative(group: pd.DataFrame) -> pd.Series:
    """The mention that speaks for a pledge: an exact figure over a qualified one, then the earliest source."""
    ranked = group.assign(_exact=(group["qualifier"] != "exact").astype(int)).sort_values(
        ["_exact", "published", "mention_id"]
    )
    return ranked.iloc[0]


def reconcile_pledges(
    mentions: pd.DataFrame, documents: pd.DataFrame, links: dict[frozenset[str], bool] | None = None
) -> pd.DataFrame:
    """`links` are the analysts' merges and splits: a pair of mention_ids mapped to True (the same commitment)
    or False (different commitments) overrides `same_commitment` for that pair."""
    links = links or {}

    def linked(a: pd.Series, b: pd.Series) -> bool:
        override = links.get(frozenset((a["mention_id"], b["mention_id"])))
        return same_commitment(a, b) if override is None else override

    published = documents.set_index("doc_id")["published"]
    publisher = documents.set_index("doc_id")["publisher"]
    pledgeable = mentions[mentions["scope"].isin(["package", "part"])].copy()
    pledgeable["published"] = pledgeable["doc_id"].map(published).fillna("9999")
    pledgeable = pledgeable.sort_values(["published", "doc_id", "char_start"]).reset_index(drop=True)

    clusters: list[list[int]] = []
    for index, mention in pledgeable.iterrows():
        home = next(
            (c for c in clusters if all(linked(pledgeable.loc[i], mention) for i in c)),
            None,
        )
        if home is None:
            clusters.append([index])
        else:
            home.append(index)

    pledge_of_mention: dict[str, str] = {}
    rows = []
    for cluster in clusters:
        group = pledgeable.loc[cluster]
        pledge_id = _short_id("P-", *sorted(group["mention_id"]))
        for mention_id in group["mention_id"]:
            pledge_of_mention[mention_id] = pledge_id
        best = _representative(group)
        specific = group[group["category"] != "other"]
        category_source = _representative(specific) if len(specific) else best
        dates = sorted(d for d in group["published"] if d != "9999")
        sources = sorted(group["doc_id"].unique())
        rows.append(
            {
                "pledge_id": pledge_id,
                "donor": best["donor"],
                "recipient": best["recipient"],
                "kind": best["kind"],
                "amount": best["amount"],
                "currency": best["currency"],
                "amount_eur": best["amount_eur"],
                "quantity": best["quantity"],
                "item": best["item"],
                "qualifier": best["qualifier"],
                "status": best["status"],
                "scope": best["scope"],
                "part_of": best["part_of"],  # a mention id for now: replaced by its pledge id below
                "category": category_source["category"],
                "subcategory": category_source["subcategory"],
                "year_start": best["year_start"],
                "year_end": best["year_end"],
                "announced": dates[0] if dates else None,
                "announced_year": int(dates[0][:4]) if dates else None,
                "n_sources": len(sources),
                "sources": ";".join(sources),
                "publishers": ";".join(sorted({p for p in (publisher.get(s, "") for s in sources) if p})),
                "mention_ids": ";".join(sorted(group["mention_id"])),
                "evidence": best["evidence"],
            }
        )
    pledges = pd.DataFrame(rows)
    if pledges.empty:
        return conform("pledges", pledges)
    pledges["part_of"] = pledges["part_of"].map(lambda m: pledge_of_mention.get(m) if isinstance(m, str) else None)
    pledges.loc[pledges["part_of"].isna() & (pledges["scope"] == "part"), "scope"] = "package"
    pledges = pledges.sort_values(["announced", "donor", "pledge_id"], na_position="last")
    return conform("pledges", pledges)


def spread_over_years(pledges: pd.DataFrame) -> pd.DataFrame:
    """Each pledge's amount split evenly over the years it covers (pledges without years are left out)."""
    rows = []
    for pledge in pledges.itertuples(index=False):
        if pd.isna(pledge.year_start):
            continue
        first, last = (
            int(pledge.year_start),
            int(pledge.year_end if not pd.isna(pledge.year_end) else pledge.year_start),
        )
        years = range(first, last + 1)
        share = 1 / len(years)
        for year in years:
            rows.append(
                {
                    "pledge_id": pledge.pledge_id,
                    "year": year,
                    "share": share,
                    "amount_eur": None if pd.isna(pledge.amount_eur) else pledge.amount_eur * share,
                    "quantity": None if pd.isna(pledge.quantity) else float(pledge.quantity) * share,
                }
            )
    frame = pd.DataFrame(rows)
    if not frame.empty:
        frame = frame.sort_values(["pledge_id", "year"])
    return conform("pledge_years", frame)


def collect_running_totals(mentions: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """One row per donor, recipient, status, category and report date; the same figure in two sources is one row."""
    published = documents.set_index("doc_id")["published"]
    totals = mentions[(mentions["scope"] == "running_total") & (mentions["kind"] == "money")].copy()
    totals["as_of"] = totals["doc_id"].map(published)
    rows = []
    keys = ["donor", "recipient", "status", "category", "as_of"]
    for key, group in totals.groupby(keys, dropna=False, sort=True):
        group = group.sort_values(["amount_eur", "mention_id"], ascending=[False, True])
        best = group.iloc[0]
        rows.append(
            {
                "running_total_id": _short_id("T-", *sorted(group["mention_id"])),
                **dict(zip(keys, key, strict=True)),
                "as_of": None if pd.isna(key[-1]) else key[-1],
                "amount": best["amount"],
                "currency": best["currency"],
                "amount_eur": best["amount_eur"],
                "qualifier": best["qualifier"],
                "year_start": best["year_start"],
                "year_end": best["year_end"],
                "sources": ";".join(sorted(group["doc_id"].unique())),
                "mention_ids": ";".join(sorted(group["mention_id"])),
                "evidence": best["evidence"],
            }
        )
    frame = pd.DataFrame(rows)
    if not frame.empty:
        frame = frame.sort_values(["donor", "as_of", "running_total_id"], na_position="last")
    return conform("running_totals", frame)


def check_reconciliation(
    mentions: pd.DataFrame, pledges: pd.DataFrame, pledge_years: pd.DataFrame, running_totals: pd.DataFrame
) -> None:
    """Every mention lands in exactly one pledge or running total; every yearly spread sums back to its pledge."""
    listed = [m for ids in pledges["mention_ids"] for m in ids.split(";")]
    listed += [m for ids in running_totals["mention_ids"] for m in ids.split(";")]
    expected = sorted(
        mentions.loc[(mentions["scope"] != "running_total") | (mentions["kind"] == "money"), "mention_id"]
    )
    if sorted(listed) != expected:
        missing = sorted(set(expected) - set(listed))
        doubled = sorted({m for m in listed if listed.count(m) > 1})
        raise ReconciliationError(f"mentions not in exactly one pledge: missing {missing}, doubled {doubled}")
    if not pledge_years.empty:
        spread = pledge_years.groupby("pledge_id")["amount_eur"].sum(min_count=1)
        amounts = pledges.set_index("pledge_id")["amount_eur"]
        for pledge_id, total in spread.dropna().items():
            if abs(total - amounts[pledge_id]) > 1e-6 * max(1.0, amounts[pledge_id]):
                raise ReconciliationError(f"pledge {pledge_id}: yearly spread {total} != amount {amounts[pledge_id]}")
