"""Downloads hold exactly the filtered rows, document every column, and never carry a live formula."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from dashboard_fixtures import fixture_tables

from dashboard_app import exports
from dashboard_app.filters import Selection, apply_filters
from data_pipeline.tables import PledgeSchema


@pytest.fixture(scope="module")
def tables():
    return fixture_tables()


def read_csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_every_pledge_column_is_described_in_schema_order():
    assert list(exports.PLEDGE_COLUMN_DESCRIPTIONS) == list(PledgeSchema.to_schema().columns)
    assert all(description.strip() for description in exports.PLEDGE_COLUMN_DESCRIPTIONS.values())


@pytest.mark.parametrize(
    "selection",
    [
        Selection(),
        Selection(donors=("Germany",)),
        Selection(categories=("reconstruction",), kinds=("money",)),
    ],
)
def test_csv_holds_exactly_the_filtered_rows(tables, selection):
    filtered = apply_filters(tables, selection).pledges
    rows = read_csv(exports.pledges_csv_bytes(filtered))
    assert [row["pledge_id"] for row in rows] == list(filtered["pledge_id"])
    assert list(rows[0]) == list(filtered.columns)


def test_no_csv_cell_starts_with_a_formula_character(tables):
    rows = read_csv(exports.pledges_csv_bytes(tables.pledges))
    cells = [value for row in rows for value in row.values()]
    assert not [cell for cell in cells if cell.startswith(exports.FORMULA_PREFIXES)]
    german = next(row for row in rows if row["pledge_id"] == "P7")
    assert german["evidence"].startswith("'=HYPERLINK(")
    # Numbers stay numbers: a spreadsheet must still be able to add them up.
    assert german["amount_eur"] == "1500000000.0"


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_each_formula_prefix_is_neutralised(prefix):
    assert exports.neutralise_cell(prefix + "1+1") == "'" + prefix + "1+1"


def test_safe_text_is_left_alone():
    assert exports.neutralise_cell("Netherlands") == "Netherlands"
    assert exports.neutralise_cell(-5.0) == -5.0


def test_xlsx_has_the_rows_and_a_data_dictionary_and_no_formulas(tables):
    filtered = apply_filters(tables, Selection(statuses=("pledged",))).pledges
    workbook = openpyxl.load_workbook(io.BytesIO(exports.pledges_xlsx_bytes(filtered)))
    assert workbook.sheetnames == ["pledges", "data dictionary"]
    sheet = workbook["pledges"]
    header = [cell.value for cell in sheet[1]]
    assert header == list(filtered.columns)
    ids = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert ids == list(filtered["pledge_id"])
    assert not [cell for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
    dictionary = list(workbook["data dictionary"].iter_rows(min_row=2, values_only=True))
    assert [column for column, _ in dictionary] == list(filtered.columns)
    assert dict(dictionary)["scope"] == exports.PLEDGE_COLUMN_DESCRIPTIONS["scope"]


def test_xlsx_formula_evidence_is_text_not_a_formula(tables):
    workbook = openpyxl.load_workbook(io.BytesIO(exports.pledges_xlsx_bytes(tables.pledges)))
    sheet = workbook["pledges"]
    evidence_column = [cell.value for cell in sheet[1]].index("evidence")
    cells = [row[evidence_column] for row in sheet.iter_rows(min_row=2)]
    german = next(cell for cell in cells if "HYPERLINK" in str(cell.value))
    assert german.data_type == "s" and german.value.startswith("'=")


def test_xlsx_a_control_character_before_a_formula_does_not_make_it_one(tables):
    pledges = tables.pledges.copy()
    pledges.loc[pledges.index[0], "evidence"] = '\x01=HYPERLINK("http://example.invalid","click")'
    workbook = openpyxl.load_workbook(io.BytesIO(exports.pledges_xlsx_bytes(pledges)))
    sheet = workbook["pledges"]
    evidence_column = [cell.value for cell in sheet[1]].index("evidence")
    cell = sheet.cell(row=2, column=evidence_column + 1)
    assert cell.data_type == "s" and cell.value.startswith("'=")
