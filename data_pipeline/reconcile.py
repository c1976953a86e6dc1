"""Turn mentions into pledges (the same commitment reported by several sources counted once), spread them
over the years they cover, and keep running totals apart."""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Mapping

import numpy as np
import pandas as pd

from data_pipeline.tables import conform, frame_records

MONEY_TOLERANCE = 0.05
QUALIFIED_TOLERANCE = 0.15  # "over €2bn" and "€2.2bn" can be the same pledge
# Amounts within QUALIFIED_TOLERANCE of each other are at most one bucket apart on this log scale.
AMOUNT_BUCKET = math.log(1 / (1 - QUALIFIED_TOLERANCE))


class ReconciliationError(AssertionError):
    """A sanity check failed: the tables would not add up."""


def _short_id(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha1("|".join(parts).encode()).hexdigest()[:10]


def _years_overlap(a: Mapping, b: Mapping) -> bool:
    if pd.isna(a["year_start"]) or pd.isna(b["year_start"]):
        return True
    return not (a["year_end"] < b["year_start"] or b["year_end"] < a["year_start"])


def same_commitment(a: Mapping, b: Mapping) -> bool:
    """Do two mentions from different documents describe the same commitment (spec §4)? A yearly amount
    ("£3bn a year") and a one-off of the same figure are two commitments."""
    if _base(a) != _base(b) or a["doc_id"] == b["doc_id"] or not _years_overlap(a, b):
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


def _representative(group: list[dict]) -> dict:
    """The mention that speaks for a pledge: an exact figure over a qualified one, then the earliest source."""
    return min(group, key=lambda m: (m["qualifier"] != "exact", m["published"], m["mention_id"]))


def _missing(value) -> bool:
    """pd.isna for one scalar, without its dispatch (called a few hundred thousand times per build)."""
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _amount_position(value) -> float | None:
    """Where an amount sits on the bucket scale (its bucket is the floor), None when it cannot match anything."""
    if not isinstance(value, int | float) or _missing(value) or value <= 0:
        return None
    return math.log(value) / AMOUNT_BUCKET


def _amount_bucket(value) -> int | None:
    position = _amount_position(value)
    return None if position is None else math.floor(position)


# Amounts within QUALIFIED_TOLERANCE are at most 1.0 apart on the bucket scale; the logarithm's rounding error is
# below 1e-12 there, so a neighbour two buckets away is possible only this close to a bucket's edge.
BUCKET_EDGE = 1e-9


def _neighbour_buckets(position: float) -> list[int]:
    """The buckets of every amount within QUALIFIED_TOLERANCE of the one at `position`."""
    bucket = math.floor(position)
    low, high = bucket - 1, bucket + 1
    if position - bucket < BUCKET_EDGE:
        low -= 1
    if bucket + 1 - position < BUCKET_EDGE:
        high += 1
    return list(range(low, high + 1))


def _base(mention: Mapping) -> tuple:
    """The fields two mentions of one commitment share exactly (GROUP_FIELDS)."""
    return tuple(bool(mention[k]) if k == "per_year" else mention[k] for k in GROUP_FIELDS)


def _blocking_keys(mention: Mapping) -> list[tuple]:
    """Where a mention is filed for the clustering. `same_commitment` needs equal donor, recipient, kind, status
    and scope, then an equal count (equipment) or amounts within 15 % in the same currency or in euros (money):
    two mentions it can call the same share a key, amounts compared one bucket either side (_lookup_keys)."""
    base = _base(mention)
    if mention["kind"] == "equipment":
        quantity = mention["quantity"]
        return [(base, "any")] if _missing(quantity) else [(base, "quantity", quantity)]
    keys = []
    if isinstance(mention["currency"], str) and (bucket := _amount_bucket(mention["amount"])) is not None:
        keys.append((base, "amount", mention["currency"], bucket))
    if (bucket := _amount_bucket(mention["amount_eur"])) is not None:
        keys.append((base, "eur", bucket))
    return keys


def _lookup_keys(mention: Mapping) -> list[tuple]:
    """The keys of every mention `same_commitment` could match with this one: the neighbouring amount buckets
    (_neighbour_buckets), the same count or an equipment mention without one."""
    base = _base(mention)
    if mention["kind"] == "equipment":
        quantity = mention["quantity"]
        return [(base, "any")] if _missing(quantity) else [(base, "quantity", quantity), (base, "any")]
    keys = []
    if isinstance(mention["currency"], str) and (position := _amount_position(mention["amount"])) is not None:
        keys += [(base, "amount", mention["currency"], bucket) for bucket in _neighbour_buckets(position)]
    if (position := _amount_position(mention["amount_eur"])) is not None:
        keys += [(base, "eur", bucket) for bucket in _neighbour_buckets(position)]
    return keys


# A cluster whose first mention covers at most this many years is filed under each of them (see _year_slots).
INDEXED_YEAR_SPAN = 8


def _year_slots(facts: _Facts) -> list:
    """The years of a mention's period, or "undated" (it overlaps every period) or "wide" (open-ended, reversed
    or long: filed apart and compared as before). Two mentions whose periods overlap share a year, unless one of
    them is undated or wide."""
    start, end = facts.year_start, facts.year_end
    if start is None:
        return ["undated"]
    if isinstance(start, int) and isinstance(end, int) and 0 <= end - start <= INDEXED_YEAR_SPAN:
        return list(range(start, end + 1))
    return ["wide"]


class _Facts:
    """What `same_commitment` reads of one mention, worked out once: the clustering compares each mention with
    the members of every candidate cluster, hundreds of thousands of pairs at 10,000 documents."""

    __slots__ = (
        "amount",
        "amount_eur",
        "base",
        "currency",
        "doc_id",
        "equipment",
        "exact",
        "item_words",
        "quantity",
        "year_end",
        "year_start",
    )

    def __init__(self, mention: Mapping) -> None:
        self.base = _base(mention)
        self.doc_id = mention["doc_id"]
        self.year_start = None if _missing(mention["year_start"]) else mention["year_start"]
        self.year_end = None if _missing(mention["year_end"]) else mention["year_end"]
        self.equipment = mention["kind"] == "equipment"
        self.quantity = mention["quantity"]
        item = mention["item"]
        self.item_words = frozenset(item.lower().split()) if isinstance(item, str) else frozenset()
        self.currency = mention["currency"]
        self.amount = None if _missing(mention["amount"]) else mention["amount"]
        self.amount_eur = None if _missing(mention["amount_eur"]) else mention["amount_eur"]
        self.exact = mention["qualifier"] == "exact"


def _same_facts(a: _Facts, b: _Facts) -> bool:
    """`same_commitment` on precomputed facts (tests/test_clustering.py checks they agree)."""
    if a.base != b.base or a.doc_id == b.doc_id:
        return False
    if (
        a.year_start is not None
        and b.year_start is not None
        and (
            (a.year_end is not None and a.year_end < b.year_start)
            or (b.year_end is not None and b.year_end < a.year_start)
        )
    ):
        return False
    if a.equipment:
        return a.quantity == b.quantity and not a.item_words.isdisjoint(b.item_words)
    if a.currency == b.currency:
        x, y = a.amount, b.amount
    else:
        x, y = a.amount_eur, b.amount_eur
    if x is None or y is None:
        return False
    largest = max(x, y)
    if largest == 0:
        return False
    tolerance = MONEY_TOLERANCE if a.exact and b.exact else QUALIFIED_TOLERANCE
    return abs(x - y) <= tolerance * largest


_NONE: frozenset[int] = frozenset()


def _linked(records: list[dict], facts: list[_Facts], links: dict[frozenset[str], bool], a: int, b: int) -> bool:
    """The analysts' say on mentions a and b where they linked or split them, else whether their facts agree."""
    override = links.get(frozenset((records[a]["mention_id"], records[b]["mention_id"])))
    return _same_facts(facts[a], facts[b]) if override is None else override


def cluster_mentions(records: list[dict], links: dict[frozenset[str], bool] | None = None) -> list[list[int]]:
    """Indices of `records` grouped into commitments. Each mention, in order, joins the first cluster (in order of
    creation) whose members are all the same commitment as it (`same_commitment`, or the analysts' `links`);
    else it starts a cluster. Only clusters whose first member shares a blocking key and a year with it can
    qualify, so only those are tried."""
    links = links or {}
    facts = [_Facts(mention) for mention in records]
    clusters: list[list[int]] = []
    # Without links, a cluster holding a mention from the same document can never take this one: skip it whole.
    cluster_documents: list[set[str]] = []
    # ... nor one whose years it misses: the latest first year and the earliest last year of its dated members.
    latest_start: list[int | None] = []
    earliest_end: list[int | None] = []
    # A cluster is filed under its first mention's keys only: a mention joins a cluster only when it is the same
    # commitment as every member, the first included (or an analyst linked it to one: merged_with below), so the
    # first member's keys find every cluster it can join. Under each key the clusters are also filed by the years
    # of the first member's period (_year_slots): those whose period a mention misses are not even tried.
    founders_by_key: dict[tuple, set[int]] = defaultdict(set)
    founders_by_key_and_year: dict[tuple, dict[object, set[int]]] = defaultdict(dict)
    cluster_of_mention: dict[str, int] = {}
    merged_with: dict[str, set[str]] = defaultdict(set)
    for pair, same in links.items():
        if same and len(pair) == 2:
            first, second = tuple(pair)
            merged_with[first].add(second)
            merged_with[second].add(first)
    for index, mention in enumerate(records):
        probe = facts[index]
        years = _year_slots(probe)
        candidates: set[int] = set()
        if years[0] in ("undated", "wide"):
            for key in _lookup_keys(mention):
                candidates |= founders_by_key.get(key, _NONE)
        else:
            slots = [*years, "undated", "wide"]
            for key in _lookup_keys(mention):
                if by_year := founders_by_key_and_year.get(key):
                    for slot in slots:
                        candidates |= by_year.get(slot, _NONE)
        candidates |= {
            cluster_of_mention[m] for m in merged_with.get(mention["mention_id"], ()) if m in cluster_of_mention
        }
        home = None
        for candidate in sorted(candidates):
            if links:
                if all(_linked(records, facts, links, i, index) for i in clusters[candidate]):
                    home = candidate
                    break
                continue
            if probe.doc_id in cluster_documents[candidate]:
                continue
            if probe.year_start is not None:
                start, end = latest_start[candidate], earliest_end[candidate]
                if (start is not None and probe.year_end is not None and probe.year_end < start) or (
                    end is not None and end < probe.year_start
                ):
                    continue
            for member in clusters[candidate]:  # a loop, not all(generator): this is the innermost hot path
                if not _same_facts(facts[member], probe):
                    break
            else:
                home = candidate
                break
        if home is None:
            home = len(clusters)
            clusters.append([index])
            cluster_documents.append({probe.doc_id})
            latest_start.append(None)
            earliest_end.append(None)
            for key in _blocking_keys(mention):
                founders_by_key[key].add(home)
                by_year = founders_by_key_and_year[key]
                for slot in years:
                    by_year.setdefault(slot, set()).add(home)
        else:
            clusters[home].append(index)
            cluster_documents[home].add(probe.doc_id)
        if probe.year_start is not None:
            start = latest_start[home]
            latest_start[home] = probe.year_start if start is None else max(start, probe.year_start)
            if probe.year_end is not None:
                end = earliest_end[home]
                earliest_end[home] = probe.year_end if end is None else min(end, probe.year_end)
        cluster_of_mention[mention["mention_id"]] = home
    return clusters


# The mention fields that decide which mentions are the same commitment: mentions that differ in any of them are
# never clustered together (same_commitment), so each such group is clustered on its own.
GROUP_FIELDS = ["donor", "recipient", "kind", "status", "scope", "per_year"]

# The pledge rows of the last build, per group of mentions, keyed by the hash of the group's rows (this process's,
# or loaded from a cache folder by build): after one document is added or one correction saved, only the groups
# whose mentions changed are clustered again.
# Replaced whole after each build (sessions of a server may build at the same time; any entry is valid for its key).
_previous_groups: dict[tuple, pd.DataFrame] = {}


def forget_previous_groups() -> None:
    """Drop the remembered groups (the next reconciliation clusters every group)."""
    global _previous_groups
    _previous_groups = {}


def remembered_groups() -> dict[tuple, pd.DataFrame]:
    """The last reconciliation's groups: what each group's mentions (by their row hashes) clustered into."""
    return _previous_groups


def remember_groups(groups: dict[tuple, pd.DataFrame]) -> None:
    """Take groups reconciled by another process (stored in a cache folder) as this process's last ones."""
    global _previous_groups
    _previous_groups = dict(groups)


def reconcile_pledges(
    mentions: pd.DataFrame, documents: pd.DataFrame, links: dict[frozenset[str], bool] | None = None
) -> pd.DataFrame:
    """`links` are the analysts' merges and splits: a pair of mention_ids mapped to True (the same commitment)
    or False (different commitments) overrides `same_commitment` for that pair."""
    global _previous_groups
    published = documents.set_index("doc_id")["published"]
    publisher = documents.set_index("doc_id")["publisher"]
    scope = mentions["scope"]
    pledgeable = mentions[(scope == "package") | (scope == "part")].copy()  # not isin: slow on Arrow strings
    pledgeable["published"] = pledgeable["doc_id"].map(published).fillna("9999")
    pledgeable["publisher"] = pledgeable["doc_id"].map(publisher).fillna("")
    pledgeable = pledgeable.sort_values(["published", "doc_id", "char_start"]).reset_index(drop=True)
    if pledgeable.empty:
        return conform("pledges", pd.DataFrame())

    if links:
        # An analyst's link can join mentions of different groups: cluster them all together, as one group.
        pieces = [_pledge_rows(frame_records(pledgeable), links)]
    else:
        # Each group's clusters depend on its own mentions only, in order; the same rows, hashed, give the same
        # pledges (a 64-bit hash per row: a collision would need two different rows of one group to agree).
        row_hashes = pd.util.hash_pandas_object(pledgeable, index=False).to_numpy()
        dtypes = tuple(str(dtype) for dtype in pledgeable.dtypes)
        groups = pledgeable.groupby(GROUP_FIELDS, sort=False, dropna=False).indices
        previous, current = _previous_groups, {}
        for positions in groups.values():
            # The dtypes too: the row hash is the same for None, NaN and <NA>, the records made from them are not.
            key = (dtypes, len(positions), row_hashes[positions].tobytes())
            piece = previous.get(key)
            if piece is None:
                piece = _pledge_rows(frame_records(pledgeable.iloc[positions]), None)
            current[key] = piece
        _previous_groups = current
        pieces = list(current.values())
    pledges = pd.concat(pieces, ignore_index=True) if len(pieces) > 1 else pieces[0].copy()
    pledge_of_mention = {
        mention_id: pledge_id
        for pledge_id, mention_ids in zip(pledges["pledge_id"].tolist(), pledges["mention_ids"].tolist(), strict=True)
        for mention_id in mention_ids.split(";")
    }
    # part_of holds the mention id of the package for now: its pledge may be in another group.
    pledges["part_of"] = [pledge_of_mention.get(m) if isinstance(m, str) else None for m in pledges["part_of"].tolist()]
    pledges.loc[pledges["part_of"].isna() & (pledges["scope"] == "part"), "scope"] = "package"
    pledges = pledges.sort_values(["announced", "donor", "pledge_id"], na_position="last")
    return conform("pledges", pledges)


def _pledge_rows(records: list[dict], links: dict[frozenset[str], bool] | None) -> pd.DataFrame:
    """One row per commitment among `records` (in clustering order); part_of still names a mention."""
    rows = []
    for cluster in cluster_mentions(records, links):
        group = [records[i] for i in cluster]
        mention_ids = sorted(m["mention_id"] for m in group)
        best = _representative(group)
        specific = [m for m in group if m["category"] != "other"]
        category_source = _representative(specific) if specific else best
        dates = sorted(m["published"] for m in group if m["published"] != "9999")
        sources = sorted({m["doc_id"] for m in group})
        rows.append(
            {
                "pledge_id": _short_id("P-", *mention_ids),
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
                "part_of": best["part_of"],
                "per_year": bool(best["per_year"]),
                "category": category_source["category"],
                "subcategory": category_source["subcategory"],
                "year_start": best["year_start"],
                "year_end": best["year_end"],
                "announced": dates[0] if dates else None,
                "announced_year": int(dates[0][:4]) if dates else None,
                "n_sources": len(sources),
                "sources": ";".join(sources),
                "publishers": ";".join(sorted({m["publisher"] for m in group if m["publisher"]})),
                "mention_ids": ";".join(mention_ids),
                "evidence": best["evidence"],
            }
        )
    return pd.DataFrame(rows)


def spread_over_years(pledges: pd.DataFrame) -> pd.DataFrame:
    """Each pledge's amount split evenly over the years it covers (pledges without years are left out); a per_year
    pledge's amount is a yearly figure, so each year it covers gets all of it (share 1)."""
    dated = pledges[pledges["year_start"].notna()]
    first = dated["year_start"].to_numpy(dtype="int64")
    last = dated["year_end"].fillna(dated["year_start"]).to_numpy(dtype="int64")
    n_years = np.maximum(last - first + 1, 0)
    # One row per pledge and year, built column-wise: a loop over 10,000 pledges took a sixth of a second.
    row_pledge = np.repeat(np.arange(len(dated)), n_years)
    year_in_pledge = np.arange(len(row_pledge)) - np.repeat(np.cumsum(n_years) - n_years, n_years)
    per_year = dated["per_year"].to_numpy(dtype=bool)
    share = np.where(per_year, 1.0, 1 / np.where(n_years > 0, n_years, 1))[row_pledge]
    frame = pd.DataFrame(
        {
            "pledge_id": dated["pledge_id"].to_numpy(dtype=object)[row_pledge],
            "year": first[row_pledge] + year_in_pledge,
            "share": share,
            "amount_eur": dated["amount_eur"].to_numpy(dtype="float64", na_value=np.nan)[row_pledge] * share,
            "quantity": dated["quantity"].to_numpy(dtype="float64", na_value=np.nan)[row_pledge] * share,
        }
    )
    if not frame.empty:
        frame = frame.sort_values(["pledge_id", "year"])
    return conform("pledge_years", frame)


def collect_running_totals(mentions: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Money: one row per donor, recipient, status, category and report date; equipment (cumulative counts, spec
    §7.5): one row per donor, recipient, status, category, item and report date. The same figure in two sources is
    one row. Never added to pledges."""
    published = documents.set_index("doc_id")["published"]
    totals = mentions[mentions["scope"] == "running_total"].copy()
    totals["as_of"] = totals["doc_id"].map(published)
    rows = []
    keys = ["donor", "recipient", "kind", "status", "category", "item", "as_of"]
    # Grouped in plain dicts: a pandas groupby with a sort per group costs a second per 4,000 report dates.
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for total in frame_records(totals):
        groups[tuple(None if pd.isna(total[k]) else total[k] for k in keys)].append(total)
    for key, group in groups.items():
        # The largest figure (in euros, or items) speaks for the group (unknown ones last), then the first mention_id.
        size = "amount_eur" if group[0]["kind"] == "money" else "quantity"
        best = min(group, key=lambda m: (_missing(m[size]), -_or_zero(m[size]), m["mention_id"]))
        mention_ids = sorted(m["mention_id"] for m in group)
        rows.append(
            {
                "running_total_id": _short_id("T-", *mention_ids),
                **dict(zip(keys, key, strict=True)),
                "amount": best["amount"],
                "currency": best["currency"],
                "amount_eur": best["amount_eur"],
                "quantity": best["quantity"],
                "qualifier": best["qualifier"],
                "year_start": best["year_start"],
                "year_end": best["year_end"],
                "sources": ";".join(sorted({m["doc_id"] for m in group})),
                "mention_ids": ";".join(mention_ids),
                "evidence": best["evidence"],
            }
        )
    frame = pd.DataFrame(rows)
    if not frame.empty:
        frame = frame.sort_values(["donor", "as_of", "running_total_id"], na_position="last")
        frame["quantity"] = frame["quantity"].astype("Float64").astype("Int64")
    return conform("running_totals", frame)


def _or_zero(value) -> float:
    return 0.0 if _missing(value) else float(value)


def check_reconciliation(
    mentions: pd.DataFrame, pledges: pd.DataFrame, pledge_years: pd.DataFrame, running_totals: pd.DataFrame
) -> None:
    """Every mention lands in exactly one pledge or running total (money or equipment: no mention is left out),
    and running totals hold running_total mentions only; a part's part_of names a mention (or pledge) in the
    tables; every yearly spread sums back to its pledge's amount, or to its amount once per year covered for a
    per_year pledge."""
    listed = ";".join([*pledges["mention_ids"].tolist(), *running_totals["mention_ids"].tolist()]).split(";")
    listed = [m for m in listed if m]
    expected_set = set(mentions["mention_id"].tolist())  # mention_id is unique (the mentions schema checks it)
    listed_set = set(listed)
    if len(listed) != len(listed_set) or listed_set != expected_set:
        missing = sorted(expected_set - listed_set)
        seen: set[str] = set()
        doubled = sorted({m for m in listed if m in seen or seen.add(m)})
        extra = sorted(listed_set - expected_set)
        raise ReconciliationError(
            f"mentions not in exactly one pledge: missing {missing}, doubled {doubled}, not a mention {extra}"
        )
    dangling = sorted({m for m in mentions["part_of"].dropna().tolist() if m not in expected_set})
    if dangling:
        raise ReconciliationError(f"mentions part of a mention that is not in the tables: {dangling}")
    pledge_ids = set(pledges["pledge_id"].tolist())
    dangling = sorted({p for p in pledges["part_of"].dropna().tolist() if p not in pledge_ids})
    if dangling:
        raise ReconciliationError(f"pledges part of a pledge that is not in the tables: {dangling}")
    running = set(mentions.loc[mentions["scope"] == "running_total", "mention_id"].tolist())
    in_totals = {m for joined in running_totals["mention_ids"].tolist() for m in joined.split(";") if m}
    if in_totals != running:
        raise ReconciliationError(
            f"running totals: left out {sorted(running - in_totals)}, not a running total {sorted(in_totals - running)}"
        )
    if not pledge_years.empty:
        spread = pledge_years.groupby("pledge_id")["amount_eur"].sum(min_count=1).dropna()
        by_id = pledges.set_index("pledge_id").reindex(spread.index)
        # The years a pledge covers by its own columns (not by its pledge_years rows, which are what is checked).
        first = by_id["year_start"].astype("float64")
        n_years = by_id["year_end"].astype("float64").fillna(first) - first + 1
        per_year = by_id["per_year"].fillna(False).astype(bool)
        amounts = by_id["amount_eur"] * n_years.where(per_year, 1.0)
        off = (spread - amounts).abs() > 1e-6 * amounts.clip(lower=1.0)
        if off.any():
            pledge_id = off[off].index[0]
            raise ReconciliationError(
                f"pledge {pledge_id}: yearly spread {spread[pledge_id]} != amount {amounts[pledge_id]}"
            )
