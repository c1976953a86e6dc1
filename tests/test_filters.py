"""The one filter model: apply_filters keeps what was asked for, leaves the cached build alone, reconciles."""

from __future__ import annotations

import copy
from dataclasses import replace

import pandas as pd
import pytest
from dashboard_fixtures import empty_tables, fixture_tables
from pandas.testing import assert_frame_equal

from dashboard_app import summaries
from dashboard_app.charts import money_packages
from dashboard_app.filters import (
    Selection,
    apply_filters,
    describe_selection,
    filter_documents,
    filter_options,
    split_list,
)


@pytest.fixture(scope="module")
def tables():
    return fixture_tables()


def pledge_ids(tables_or_frame):
    frame = tables_or_frame if isinstance(tables_or_frame, pd.DataFrame) else tables_or_frame.pledges
    return sorted(frame["pledge_id"])


def test_no_filter_keeps_everything(tables):
    filtered = apply_filters(tables, Selection())
    for name, frame in tables.frames().items():
        assert_frame_equal(getattr(filtered, name), frame.reset_index(drop=True), check_dtype=False)


def test_apply_filters_never_changes_its_input(tables):
    before = copy.deepcopy(tables)
    apply_filters(tables, Selection(donors=("Germany",), year_range=(2023, 2023), text="air"))
    for name, frame in before.frames().items():
        assert_frame_equal(getattr(tables, name), frame)


def test_donor_filter(tables):
    filtered = apply_filters(tables, Selection(donors=("Germany",)))
    assert pledge_ids(filtered) == ["P7"]
    assert filtered.running_totals.empty
    assert filtered.agreements.empty
    assert set(filtered.mentions["mention_id"]) == {"P7-M0"}


def test_joint_pledge_counts_for_each_of_its_donors(tables):
    pledges = tables.pledges.copy()
    pledges.loc[pledges["pledge_id"] == "P4", "donor"] = "Czechia;Netherlands"
    joint = replace(tables, pledges=pledges)
    assert "Czechia" in filter_options(joint).donors
    assert pledge_ids(apply_filters(joint, Selection(donors=("Czechia",)))) == ["P4"]


def test_category_status_and_kind_filters(tables):
    assert pledge_ids(apply_filters(tables, Selection(categories=("reconstruction",)))) == ["P5", "P6"]
    assert pledge_ids(apply_filters(tables, Selection(statuses=("delivered",)))) == ["P7"]
    assert pledge_ids(apply_filters(tables, Selection(kinds=("equipment",)))) == ["P3"]
    assert pledge_ids(apply_filters(tables, Selection(subcategories=("drones",)))) == ["P8"]


def test_year_range_keeps_overlapping_pledges_and_trims_their_years(tables):
    filtered = apply_filters(tables, Selection(year_range=(2025, 2026)))
    assert pledge_ids(filtered) == ["P2", "P8"]
    assert set(filtered.pledge_years["year"]) == {2025, 2026}
    # Running totals covering 2022–2024 do not overlap 2025–2026.
    assert filtered.running_totals.empty
    assert list(filtered.agreements["agreement_id"]) == ["A3"]


def test_publisher_filter_keeps_pledges_that_publisher_reports(tables):
    filtered = apply_filters(tables, Selection(publishers=("The Kyiv Independent",)))
    assert pledge_ids(filtered) == ["P1", "P3", "P4"]
    listed = filter_documents(filtered.documents, Selection(publishers=("The Kyiv Independent",)))
    assert list(listed["doc_id"]) == ["001_kyiv"]


def test_text_search_is_case_insensitive_over_evidence_and_items(tables):
    # The F-16 pledge, and the pledges whose evidence sentence names the F-16s too.
    assert pledge_ids(apply_filters(tables, Selection(text="f-16"))) == ["P1", "P3", "P4"]
    assert pledge_ids(apply_filters(tables, Selection(text="AIR DEFENCE"))) == ["P7"]
    assert pledge_ids(apply_filters(tables, Selection(text="MILJOEN"))) == ["P2", "P5", "P6", "P8"]
    assert pledge_ids(apply_filters(tables, Selection(text="nothing like this"))) == []


def test_filters_combine_with_and(tables):
    selection = Selection(categories=("military",), statuses=("pledged",), kinds=("money",), year_range=(2026, 2026))
    assert pledge_ids(apply_filters(tables, selection)) == ["P2", "P8"]


def test_overview_total_reconciles_with_explorer_rows(tables):
    for selection in [Selection(), Selection(categories=("military",)), Selection(publishers=("NL Times",))]:
        filtered = apply_filters(tables, selection)
        explorer_rows = filtered.pledges
        expected = money_packages(explorer_rows, "pledged")["amount_eur"].sum()
        assert summaries.headline_figures(filtered).total_pledged_eur == pytest.approx(expected)


def test_latest_running_total_is_the_newest_report_not_a_sum(tables):
    latest = summaries.latest_running_totals(tables)
    assert latest[["donor", "as_of", "amount_eur"]].values.tolist() == [["Netherlands", "2024-06-28", 3.0e9]]
    assert latest.loc[0, "amount"] == "at least €3.0bn"  # "over €3bn" in the source stays "at least"


def test_options_come_from_the_whole_build(tables):
    options = filter_options(tables)
    assert options.donors == ("Belgium", "Germany", "Netherlands", "United Kingdom")
    assert options.categories == ("military", "reconstruction")
    assert options.years == (2022, 2026)


def test_empty_build_has_no_options_and_filters_cleanly():
    tables = empty_tables()
    options = filter_options(tables)
    assert options.years is None and options.donors == ()
    assert apply_filters(tables, Selection(donors=("Netherlands",))).pledges.empty


def test_describe_selection():
    assert describe_selection(Selection()) == "All data, no filters"
    text = describe_selection(Selection(donors=("Netherlands",), statuses=("pledged",), text=" F-16 "))
    assert text == 'Filters: donor: Netherlands; status: pledged; text "F-16"'


def test_split_list_handles_missing_values():
    assert split_list("a; b;;c") == ["a", "b", "c"]
    assert split_list(None) == [] and split_list(float("nan")) == [] and split_list(pd.NA) == []
