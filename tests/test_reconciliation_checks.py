"""The build refuses tables that do not add up: a mention in no pledge or in two, a yearly spread off its pledge."""

from __future__ import annotations

import pytest
from pipeline_helpers import ROOT

from data_pipeline import build
from data_pipeline.reconcile import ReconciliationError, check_reconciliation


@pytest.fixture(scope="module")
def seed_tables():
    return build(ROOT / "seeds")


def test_the_seed_tables_add_up(seed_tables):
    t = seed_tables
    check_reconciliation(t.mentions, t.pledges, t.pledge_years, t.running_totals)


def test_a_mention_left_out_of_every_pledge_is_refused(seed_tables):
    t = seed_tables
    pledges = t.pledges.copy()
    dropped = pledges["mention_ids"].iloc[0].split(";")[0]
    pledges["mention_ids"] = pledges["mention_ids"].str.replace(dropped, "", regex=False).str.strip(";")
    pledges = pledges[pledges["mention_ids"] != ""]
    with pytest.raises(ReconciliationError, match=f"missing \\['{dropped}'\\]"):
        check_reconciliation(
            t.mentions,
            pledges,
            t.pledge_years[t.pledge_years["pledge_id"].isin(pledges["pledge_id"])],
            t.running_totals,
        )


def test_a_mention_in_two_pledges_is_refused(seed_tables):
    t = seed_tables
    pledges = t.pledges.copy()
    twice = pledges["mention_ids"].iloc[0].split(";")[0]
    pledges.loc[pledges.index[1], "mention_ids"] += f";{twice}"
    with pytest.raises(ReconciliationError, match=f"doubled \\['{twice}'\\]"):
        check_reconciliation(t.mentions, pledges, t.pledge_years, t.running_totals)


def test_a_yearly_spread_that_does_not_sum_to_its_pledge_is_refused(seed_tables):
    t = seed_tables
    years = t.pledge_years.copy()
    years.loc[years.index[0], "amount_eur"] *= 1.01
    with pytest.raises(ReconciliationError, match=f"pledge {years['pledge_id'].iloc[0]}: yearly spread"):
        check_reconciliation(t.mentions, t.pledges, years, t.running_totals)


def test_a_part_of_a_mention_that_is_not_in_the_tables_is_refused(seed_tables):
    t = seed_tables
    mentions = t.mentions.copy()
    mentions.loc[mentions.index[0], ["scope", "part_of"]] = ["part", "gone-1"]
    with pytest.raises(ReconciliationError, match=r"part of a mention that is not in the tables: \['gone-1'\]"):
        check_reconciliation(mentions, t.pledges, t.pledge_years, t.running_totals)


def test_a_part_of_a_pledge_that_is_not_in_the_tables_is_refused(seed_tables):
    t = seed_tables
    pledges = t.pledges.copy()
    pledges.loc[pledges.index[0], ["scope", "part_of"]] = ["part", "P-gone"]
    with pytest.raises(ReconciliationError, match=r"part of a pledge that is not in the tables: \['P-gone'\]"):
        check_reconciliation(t.mentions, pledges, t.pledge_years, t.running_totals)
