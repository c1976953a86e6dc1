"""Per-year pledges end to end (PLEDGES.md §2 per_year, §4): a yearly amount stays one pledge apart from a one-off of
the same figure, its pledge_years give every covered year the whole amount (share 1), and the reconciliation check
holds it to amount × years covered."""

from __future__ import annotations

import pytest

from data_pipeline import build
from data_pipeline.reconcile import ReconciliationError, check_reconciliation, same_commitment

YEARLY = "date 2025-01-15\nSweden will give Ukraine SEK 10 billion a year in military support until 2027.\n"
ONE_OFF = "date 2025-02-03\nSweden will give Ukraine SEK 10 billion in military support for 2025-2027.\n"
YEARLY_AGAIN = "date 2025-02-20\nSweden is to provide SEK 10 billion a year in military aid to Ukraine until 2027.\n"


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    folder = tmp_path_factory.mktemp("per_year_docs")
    for name, text in (("a_yearly", YEARLY), ("b_one_off", ONE_OFF), ("c_yearly_again", YEARLY_AGAIN)):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return build(folder)


def test_mentions_carry_per_year(tables):
    per_year = dict(zip(tables.mentions["doc_id"], tables.mentions["per_year"], strict=True))
    assert per_year == {"a_yearly": True, "b_one_off": False, "c_yearly_again": True}


def test_a_yearly_amount_and_a_one_off_of_the_same_figure_are_two_pledges(tables):
    pledges = tables.pledges.set_index("sources")
    assert sorted(tables.pledges["sources"]) == ["a_yearly;c_yearly_again", "b_one_off"]
    assert bool(pledges.loc["a_yearly;c_yearly_again", "per_year"]) is True
    assert bool(pledges.loc["b_one_off", "per_year"]) is False
    yearly, one_off = (tables.mentions[tables.mentions["doc_id"] == d].iloc[0] for d in ("a_yearly", "b_one_off"))
    assert not same_commitment(yearly, one_off)


def test_pledge_years_give_a_per_year_pledge_its_whole_amount_in_every_year(tables):
    pledges = tables.pledges.set_index("sources")
    yearly, one_off = pledges.loc["a_yearly;c_yearly_again"], pledges.loc["b_one_off"]
    years = tables.pledge_years
    yearly_rows = years[years["pledge_id"] == yearly["pledge_id"]]
    assert yearly_rows["year"].tolist() == [2025, 2026, 2027]
    assert yearly_rows["share"].tolist() == [1.0, 1.0, 1.0]
    assert yearly_rows["amount_eur"].tolist() == pytest.approx([yearly["amount_eur"]] * 3)
    one_off_rows = years[years["pledge_id"] == one_off["pledge_id"]]
    assert one_off_rows["share"].tolist() == pytest.approx([1 / 3] * 3)
    assert one_off_rows["amount_eur"].sum() == pytest.approx(one_off["amount_eur"])


def test_the_check_holds_a_per_year_spread_to_amount_times_years(tables):
    t = tables
    check_reconciliation(t.mentions, t.pledges, t.pledge_years, t.running_totals)
    yearly_id = t.pledges.loc[t.pledges["per_year"], "pledge_id"].iloc[0]
    # Spread evenly, as if it were a total: a third of what three years of the yearly amount make.
    evenly = t.pledge_years.copy()
    rows = evenly["pledge_id"] == yearly_id
    evenly.loc[rows, "share"] = 1 / 3
    evenly.loc[rows, "amount_eur"] /= 3
    with pytest.raises(ReconciliationError, match=f"pledge {yearly_id}: yearly spread"):
        check_reconciliation(t.mentions, t.pledges, evenly, t.running_totals)
    # A one-off given whole to each year is counted three times.
    one_off_id = t.pledges.loc[~t.pledges["per_year"], "pledge_id"].iloc[0]
    whole = t.pledge_years.copy()
    rows = whole["pledge_id"] == one_off_id
    whole.loc[rows, "share"] = 1.0
    whole.loc[rows, "amount_eur"] = float(t.pledges.loc[~t.pledges["per_year"], "amount_eur"].iloc[0])
    with pytest.raises(ReconciliationError, match=f"pledge {one_off_id}: yearly spread"):
        check_reconciliation(t.mentions, t.pledges, whole, t.running_totals)
