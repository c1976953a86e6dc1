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
    is_in,
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


def test_text_search_works_when_a_table_is_empty(tables):
    # A build without agreements (the 10,000-document benchmark has none) used to fail on every search.
    no_agreements = replace(tables, agreements=tables.agreements.iloc[0:0])
    filtered = apply_filters(no_agreements, Selection(text="f-16"))
    assert pledge_ids(filtered) == ["P1", "P3", "P4"]
    assert filtered.agreements.empty


def test_the_unfiltered_view_is_made_once_per_build(tables):
    first = apply_filters(tables, Selection())
    apply_filters(tables, Selection(categories=("military",)))
    assert apply_filters(tables, Selection()) is first  # a rerun with no filter finds what it drew last time
    other_build = replace(tables)  # the same content in a new build object: its own view, the same rows
    fresh = apply_filters(other_build, Selection())
    assert fresh is not first
    for name in tables.frames():
        assert_frame_equal(getattr(fresh, name), getattr(first, name))


@pytest.mark.parametrize(
    "selection",
    [
        Selection(categories=("reconstruction",)),
        Selection(donors=("Netherlands",), statuses=("pledged",)),
        Selection(publishers=("NL Times",), kinds=("money",)),
        Selection(subcategories=("drones", "air_defence"), year_range=(2024, 2025)),
        Selection(text="f-16"),
    ],
)
def test_arrow_and_python_text_columns_filter_alike(tables, selection):
    # Arrow-backed text (what a build has) takes pyarrow's is_in; plain Python objects take the set lookup.
    as_objects = {
        name: frame.astype({column: object for column in frame.select_dtypes("str").columns})
        for name, frame in tables.frames().items()
    }
    python_tables = replace(tables, **as_objects)
    arrow, python = apply_filters(tables, selection), apply_filters(python_tables, selection)
    assert pledge_ids(arrow) == pledge_ids(python)
    assert sorted(arrow.mentions["mention_id"]) == sorted(python.mentions["mention_id"])
    assert sorted(arrow.pledge_years["year"]) == sorted(python.pledge_years["year"])


def test_is_in_on_arrow_text_matches_no_missing_value():
    column = pd.Series(["a", None, "b", "a"], dtype="str")
    assert is_in(column, ["a", "c"]).tolist() == [True, False, False, True]
    assert is_in(column, pd.Series(["b"], dtype="str")).tolist() == [False, False, True, False]
    assert is_in(column, []).tolist() == [False] * 4
