"""Equipment running totals (PLEDGES.md §7.5): cumulative counts ("has donated 196 armoured vehicles since the
invasion") go to the running-totals table with kind, item and quantity, never into pledges, and the reconciliation
check holds every mention to exactly one table."""

from __future__ import annotations

import pytest

from data_pipeline import build
from data_pipeline.reconcile import ReconciliationError, check_reconciliation

DUTCH = (
    "date 2025-03-01\nThe Netherlands has donated 196 armoured vehicles to Ukraine since the invasion. "
    "The Netherlands will also provide €500 million in military aid to Ukraine this year.\n"
)
GERMAN = (
    "date 2025-05-01\nGermany has so far delivered 40 Marder infantry fighting vehicles to Ukraine. "
    "Since the invasion Germany has given Ukraine €28 billion in military aid.\n"
)


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    folder = tmp_path_factory.mktemp("equipment_totals_docs")
    (folder / "a_dutch.txt").write_text(DUTCH, encoding="utf-8")
    (folder / "b_german.txt").write_text(GERMAN, encoding="utf-8")
    return build(folder)


def test_cumulative_counts_are_equipment_running_totals(tables):
    totals = tables.running_totals
    equipment = totals[totals["kind"] == "equipment"].set_index("donor")
    assert sorted(equipment.index) == ["Germany", "Netherlands"]
    assert (int(equipment.loc["Netherlands", "quantity"]), equipment.loc["Netherlands", "item"]) == (
        196,
        "armoured vehicle",
    )
    assert int(equipment.loc["Germany", "quantity"]) == 40 and "Marder" in equipment.loc["Germany", "item"]
    assert equipment["as_of"].to_dict() == {"Netherlands": "2025-03-01", "Germany": "2025-05-01"}
    assert equipment["status"].eq("delivered").all()
    assert equipment["amount"].isna().all() and equipment["currency"].isna().all()
    assert "196 armoured vehicles" in equipment.loc["Netherlands", "evidence"]
    money = totals[totals["kind"] == "money"]
    assert money["amount"].tolist() == [28e9] and money["quantity"].isna().all()


def test_equipment_running_totals_are_never_pledges(tables):
    in_pledges = {m for joined in tables.pledges["mention_ids"] for m in joined.split(";")}
    running = tables.mentions.loc[tables.mentions["scope"] == "running_total", "mention_id"]
    assert not in_pledges & set(running)
    assert tables.pledges["kind"].tolist() == ["money"]  # the €500 million; no count became a pledge


def test_every_mention_lands_in_exactly_one_table(tables):
    t = tables
    check_reconciliation(t.mentions, t.pledges, t.pledge_years, t.running_totals)
    equipment = t.running_totals[t.running_totals["kind"] == "equipment"]
    dropped = equipment["mention_ids"].iloc[0]
    with pytest.raises(ReconciliationError, match=f"missing \\['{dropped}'\\]"):
        check_reconciliation(t.mentions, t.pledges, t.pledge_years, t.running_totals.drop(index=equipment.index[0]))
    # Moved from the running totals into a pledge: still in one table, but a running total added to a pledge.
    pledges = t.pledges.copy()
    pledges.loc[pledges.index[0], "mention_ids"] += f";{dropped}"
    with pytest.raises(ReconciliationError, match=f"left out \\['{dropped}'\\]"):
        check_reconciliation(t.mentions, pledges, t.pledge_years, t.running_totals.drop(index=equipment.index[0]))
