"""The fast clustering groups mentions exactly as the rule of spec §4 says: every pair in a pledge is the same
commitment (or linked by an analyst), and each mention joins the first such pledge in order of creation."""

from __future__ import annotations

import itertools
import random

import pandas as pd
import pytest
from pipeline_helpers import ROOT

from data_pipeline import build
from data_pipeline.reconcile import _Facts, _same_facts, cluster_mentions, frame_records, same_commitment


@pytest.fixture(scope="module")
def pledgeable_records() -> list[dict]:
    """The articles' package and part mentions, in the order reconcile_pledges clusters them."""
    tables = build(ROOT / "tests" / "articles" / "docs")
    published = tables.documents.set_index("doc_id")["published"]
    mentions = tables.mentions[tables.mentions["scope"].isin(["package", "part"])].copy()
    mentions["published"] = mentions["doc_id"].map(published).fillna("9999")
    mentions = mentions.sort_values(["published", "doc_id", "char_start"]).reset_index(drop=True)
    return frame_records(mentions)


def naive_clusters(records: list[dict], links: dict[frozenset[str], bool]) -> list[list[int]]:
    """The rule without blocking keys or shortcuts: try every cluster in order, compare with every member."""
    clusters: list[list[int]] = []
    for index, mention in enumerate(records):
        for cluster in clusters:
            pairs = [frozenset((records[member]["mention_id"], mention["mention_id"])) for member in cluster]
            same = [
                links[pair] if pair in links else same_commitment(records[member], mention)
                for pair, member in zip(pairs, cluster, strict=True)
            ]
            if all(same):
                cluster.append(index)
                break
        else:
            clusters.append([index])
    return clusters


def test_records_equal_to_dict_records():
    frame = pd.DataFrame(
        {"text": pd.array(["a", None], dtype="str"), "count": pd.array([1, None], dtype="Int64"), "x": [1.5, None]}
    )
    fast, reference = frame_records(frame), frame.to_dict("records")
    assert [m.keys() for m in fast] == [m.keys() for m in reference]
    assert fast[0] == reference[0]
    assert fast[1]["count"] is None and reference[1]["count"] is None
    assert pd.isna(fast[1]["text"]) and pd.isna(fast[1]["x"])


def test_precomputed_pair_rule_agrees_with_same_commitment(pledgeable_records):
    facts = [_Facts(mention) for mention in pledgeable_records]
    pairs = list(itertools.combinations(range(len(pledgeable_records)), 2))
    agreed = [
        _same_facts(facts[a], facts[b]) == same_commitment(pledgeable_records[a], pledgeable_records[b])
        for a, b in pairs
    ]
    assert all(agreed)
    assert any(same_commitment(pledgeable_records[a], pledgeable_records[b]) for a, b in pairs)  # not vacuous


def test_clusters_equal_the_rule_applied_naively(pledgeable_records):
    assert cluster_mentions(pledgeable_records) == naive_clusters(pledgeable_records, {})
    assert any(len(cluster) > 1 for cluster in cluster_mentions(pledgeable_records))


def test_clusters_equal_the_rule_applied_naively_with_analysts_links(pledgeable_records):
    ids = [mention["mention_id"] for mention in pledgeable_records]
    rng = random.Random(7)
    links = {frozenset(rng.sample(ids, 2)): rng.random() < 0.5 for _ in range(60)}
    assert cluster_mentions(pledgeable_records, links) == naive_clusters(pledgeable_records, links)
