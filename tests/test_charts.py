"""Chart builders, without Streamlit: the drawn numbers equal the tables, and every figure explains itself."""

from __future__ import annotations

import dataclasses
import re

import pandas as pd
import pytest
from dashboard_fixtures import fixture_tables
from hypothesis import given
from hypothesis import strategies as st

from dashboard_app import charts, style
from dashboard_app.filters import Selection, apply_filters

ALL = Selection()


@pytest.fixture(scope="module")
def tables():
    return fixture_tables()


def every_chart(tables, selection=ALL):
    """One of each builder, as the pages draw them."""
    return [
        charts.money_by_year(tables, selection, "covered", "pledged"),
        charts.money_by_year(tables, selection, "announced", "pledged"),
        charts.money_by_year(tables, selection, "covered", "delivered"),
        charts.equipment_by_year(tables, selection, "covered"),
        charts.pledge_timeline(tables, selection),
        charts.running_totals_over_time(tables, selection),
        charts.money_by_category(tables, selection),
        charts.money_by_subcategory(tables, selection, "pledged"),
        charts.source_matrix(tables, selection),
        charts.pledges_by_publisher(tables, selection, "count"),
        charts.pledges_by_publisher(tables, selection, "euro"),
        charts.publication_timeline(tables, selection),
        charts.agreements_timeline(tables, selection),
    ]


def subtitle_of(figure) -> str:
    """The subtitle as one line (the figure breaks long subtitles with <br>)."""
    return figure.layout.title.subtitle.text.replace("<br>", " ")


def bar_value(figure, trace_name, x_value):
    for trace in figure.data:
        if trace.name == trace_name:
            return dict(zip(trace.x, trace.y, strict=True)).get(x_value, 0.0)
    return 0.0


def test_covered_year_bar_equals_sum_of_pledge_year_shares(tables):
    chart = charts.money_by_year(tables, ALL, "covered", "pledged")
    pledges = tables.pledges.set_index("pledge_id")
    counted = pledges[(pledges["scope"] == "package") & (pledges["kind"] == "money")]
    counted = counted[counted["status"] == "pledged"]
    shares = tables.pledge_years[tables.pledge_years["pledge_id"].isin(counted.index)]
    shares_2024 = shares[shares["year"] == 2024]
    for category in ["military", "reconstruction"]:
        in_category = shares_2024["pledge_id"].map(counted["category"]) == category
        expected = shares_2024.loc[in_category, "amount_eur"].sum()
        assert bar_value(chart.figure, category, 2024) == pytest.approx(expected)
    # €2bn + a third of €4bn + €100m: the €4bn for 2024–2026 is spread evenly.
    assert bar_value(chart.figure, "military", 2024) == pytest.approx(2e9 + 4e9 / 3 + 1e8)
    assert bar_value(chart.figure, "military", 2026) == pytest.approx(4e9 / 3)


def test_announcement_year_counts_whole_amount_when_announced(tables):
    chart = charts.money_by_year(tables, ALL, "announced", "pledged")
    assert bar_value(chart.figure, "military", 2024) == pytest.approx(2e9 + 4e9 + 1e8)
    assert bar_value(chart.figure, "military", 2026) == 0.0


def test_parts_and_delivered_never_add_to_pledged_total(tables):
    chart = charts.money_by_year(tables, ALL, "covered", "pledged")
    drawn_total = sum(sum(trace.y) for trace in chart.figure.data)
    # Packages only: the €700m earmarked part (P8) and the delivered €1.5bn (P7) are not in it.
    assert drawn_total == pytest.approx(2e9 + 4e9 + 1e8 + 2.5e7 + 1.2e8)


def test_subtitles_state_the_year_rule_in_use(tables):
    covered = subtitle_of(charts.money_by_year(tables, ALL, "covered").figure)
    announced = subtitle_of(charts.money_by_year(tables, ALL, "announced").figure)
    assert "spread evenly" in covered
    assert "announced" in announced and "spread evenly" not in announced


def test_every_chart_carries_title_subtitle_and_source_line(tables):
    for chart in every_chart(tables):
        assert not chart.is_empty, chart.title
        layout = chart.figure.layout
        assert chart.title in re.sub("<[^>]+>", "", layout.title.text)
        assert "All data, no filters" in subtitle_of(chart.figure)
        source = [annotation.text for annotation in layout.annotations if annotation.text.startswith("Source:")]
        assert len(source) == 1, chart.title
        assert re.match(r"Source: \d+ documents? from .+; data as of 2025-12-03\.", source[0].replace("<br>", " "))


def test_subtitle_names_the_active_filters(tables):
    selection = Selection(categories=("military",), year_range=(2024, 2025))
    chart = charts.money_by_year(apply_filters(tables, selection), selection)
    assert "category: military" in subtitle_of(chart.figure)
    assert "years 2024–2025" in subtitle_of(chart.figure)


def test_source_line_counts_the_documents_behind_the_chart(tables):
    selection = Selection(publishers=("NL Times",))
    filtered = apply_filters(tables, selection)
    chart = charts.money_by_year(filtered, selection)
    source = chart.figure.layout.annotations[-1].text.replace("<br>", " ")
    assert source.startswith("Source: 2 documents from NL Times, The Kyiv Independent")


def test_same_category_same_colour_in_every_chart(tables):
    seen: dict[str, set[str]] = {}
    for chart in every_chart(tables):
        for trace in chart.figure.data:
            if trace.name in style.CATEGORY_COLOURS and trace.type == "bar":
                colours = trace.marker.color
                seen.setdefault(trace.name, set()).update([colours] if isinstance(colours, str) else colours)
    by_category = charts.money_by_category(tables, ALL).figure
    for trace in by_category.data:
        for category, colour in zip(trace.x, trace.marker.color, strict=True):
            seen.setdefault(category, set()).add(colour)
    assert seen["military"] == {style.CATEGORY_COLOURS["military"]}
    assert seen["reconstruction"] == {style.CATEGORY_COLOURS["reconstruction"]}
    assert len(set(style.CATEGORY_COLOURS.values())) == len(style.CATEGORY_COLOURS)


def test_pledged_and_delivered_are_side_by_side_not_stacked(tables):
    figure = charts.money_by_category(tables, ALL).figure
    assert figure.layout.barmode == "group"
    delivered = next(trace for trace in figure.data if trace.name.startswith("Delivered"))
    assert dict(zip(delivered.x, delivered.y, strict=True)) == {"military": 1.5e9}


def test_subcategory_breakdown_moves_parts_without_double_counting(tables):
    table = charts.money_by_subcategory_table(tables, "pledged").set_index(["category", "subcategory"])
    assert table.loc[("military", "drones"), "amount_eur"] == pytest.approx(7e8)
    assert table.loc[("military", "general"), "amount_eur"] == pytest.approx(2e9 + 4e9 - 7e8)
    assert table["amount_eur"].sum() == pytest.approx(2e9 + 4e9 + 1e8 + 2.5e7 + 1.2e8)


def test_running_totals_are_drawn_as_reported_never_summed(tables):
    figure = charts.running_totals_over_time(tables, ALL).figure
    assert len(figure.data) == 1
    assert list(figure.data[0].y) == [2.6e9, 3.0e9]


def test_a_single_running_total_gets_a_readable_date_axis(tables):
    one_report = dataclasses.replace(tables, running_totals=tables.running_totals.head(1))
    figure = charts.running_totals_over_time(one_report, ALL).figure
    start, end = (pd.Timestamp(bound) for bound in figure.layout.xaxis.range)
    assert end - start >= pd.Timedelta(days=90)  # months around the report, not milliseconds


def test_money_axes_start_at_zero(tables):
    for chart in every_chart(tables):
        for axis in (chart.figure.layout.yaxis, chart.figure.layout.xaxis):
            if axis.range is not None and axis.tickmode == "array":
                assert axis.range[0] == 0
                assert axis.ticktext[0] == "€0"


def test_source_matrix_marks_single_source_pledges(tables):
    table = charts.source_matrix(tables, ALL).data.set_index("pledge")
    single = [label for label in table.index if "⚑" in label]
    assert any("[P2]" in label for label in single)
    assert not any("[P1]" in label for label in single)
    row_p1 = next(label for label in table.index if "[P1]" in label)
    assert table.loc[row_p1, "000_nltimes"] == 1 and table.loc[row_p1, "003_minbuza"] == 0


def test_document_text_in_charts_is_escaped(tables):
    figure = charts.publication_timeline(tables, ALL).figure
    titles = [item[0] for item in figure.data[0].customdata]
    assert "&lt;b&gt;Germany&lt;/b&gt; delivers air defence" in titles


def test_a_subcategory_typed_in_a_correction_is_shown_not_run_as_html(tables):
    typed = "<a href='x'>click</a> <b>drones</b>"
    pledges = tables.pledges.copy()
    pledges.loc[pledges["kind"] == "money", "subcategory"] = typed
    figure = charts.money_by_subcategory(dataclasses.replace(tables, pledges=pledges), ALL, "pledged").figure
    labels = [label for trace in figure.data for label in trace.y]
    assert labels and all("<" not in label for label in labels)
    assert any("&lt;a href='x'&gt;click&lt;/a&gt; &lt;b&gt;drones&lt;/b&gt;" in label for label in labels)


def test_nothing_to_draw_gives_a_message_not_an_empty_axis(tables):
    selection = Selection(text="no such pledge anywhere")
    for chart in every_chart(apply_filters(tables, selection), selection):
        if chart.title.startswith("When the sources"):
            continue  # documents are narrowed by publisher only, so they remain
        assert chart.is_empty, chart.title
        assert "match" in chart.empty_message


def test_download_config_is_png_at_scale_two_with_a_named_file():
    config = style.plotly_config("Pledged support to Ukraine by year and category")
    options = config["toImageButtonOptions"]
    assert options["format"] == "png" and options["scale"] == 2
    assert options["filename"] == "pledged-support-to-ukraine-by-year-and-category"
    assert style.plotly_config("x", "svg")["toImageButtonOptions"]["format"] == "svg"


@pytest.mark.parametrize(
    ("value", "text"),
    [(2e9, "€2.0bn"), (2.6e9, "€2.6bn"), (1e8, "€100m"), (2.5e7, "€25m"), (2.5e6, "€2.5m"), (5e5, "€500k")],
)
def test_euro_format(value, text):
    assert style.format_eur(value) == text


def parse_eur(text: str) -> float:
    number, scale = re.fullmatch(r"€([\d.]+)(bn|m|k)?", text).groups()
    return float(number) * {"bn": 1e9, "m": 1e6, "k": 1e3, None: 1}[scale]


@given(st.floats(min_value=1, max_value=1e13))
def test_euro_format_round_trips_within_rounding(value):
    # Two significant figures at worst (€10m..€99m, €1.0bn): the printed figure is within 5 %.
    assert parse_eur(style.format_eur(value)) == pytest.approx(value, rel=0.05, abs=0.5)


def test_a_large_publication_timeline_draws_one_dot_per_publisher_and_month(tables, monkeypatch):
    # A second NL Times report in the same month as the first: the two share a dot once aggregated.
    first = tables.documents[tables.documents["doc_id"] == "000_nltimes"]
    second = first.assign(doc_id="006_nltimes", published=first["published"].str[:7] + "-27")
    tables = dataclasses.replace(tables, documents=pd.concat([tables.documents, second], ignore_index=True))
    small = charts.publication_timeline(tables, ALL)
    documents = small.data.assign(date=small.data["published"].map(charts.to_date)).dropna(subset=["date"])
    monkeypatch.setattr(charts, "TIMELINE_MAX_DOTS", len(documents) - 1)

    large = charts.publication_timeline(tables, ALL)

    dated = zip(documents["publisher"], documents["date"], strict=True)
    months = {(publisher, date.strftime("%Y-%m")) for publisher, date in dated}
    assert len(large.figure.data[0].x) == len(months) < len(documents)
    assert sum(count for count, _ in large.figure.data[0].customdata) == len(documents)
    assert "one dot per publisher and month" in subtitle_of(large.figure)
    assert "one dot per publisher and month" not in subtitle_of(small.figure)
    assert len(small.figure.data[0].x) == len(documents)
    pd.testing.assert_frame_equal(large.data, small.data)  # the numbers behind the chart are still per document


def test_the_matrix_keeps_the_most_reported_pledges_of_a_large_view(monkeypatch):
    # Many ties in sources and euros: the shown pledges are the first of a full sort (sources, euros, id).
    monkeypatch.setattr(charts, "MATRIX_MAX_PLEDGES", 7)
    pledges = pd.DataFrame(
        {
            "pledge_id": [f"P{index:02d}" for index in range(30)],
            "n_sources": [index % 3 + 1 for index in range(30)],  # ten pledges share the top count
            "amount_eur": [None if index % 5 == 0 else float(index % 4) for index in range(30)],
        }
    )
    expected = pledges.assign(euros=pledges["amount_eur"].fillna(0)).sort_values(
        ["n_sources", "euros", "pledge_id"], ascending=[False, False, True]
    )
    shown = charts.matrix_pledges(pledges)
    assert list(shown["pledge_id"]) == sorted(expected["pledge_id"].head(7), key=lambda pid: int(pid[1:]))


def test_a_chart_drawn_again_for_the_same_view_is_the_same(tables):
    # Values derived from a view are kept with it (dashboard_app.memo): drawing again must not drift.
    view = apply_filters(tables, ALL)
    first = [chart.figure.to_plotly_json() if chart.figure else None for chart in every_chart(view)]
    again = [chart.figure.to_plotly_json() if chart.figure else None for chart in every_chart(view)]
    assert repr(first) == repr(again)
    military = every_chart(
        apply_filters(tables, Selection(categories=("military",))), Selection(categories=("military",))
    )
    assert "category: military" in subtitle_of(military[0].figure)


def test_a_chart_with_a_row_per_pledge_grows_with_its_rows_up_to_a_limit(tables):
    # Each pledge of the matrix needs room for its label: 60 rows in the default height would be unreadable.
    few = charts.source_matrix(tables, ALL)
    assert few.figure.layout.height >= style.CHART_HEIGHT
    assert style.height_for_rows(2, per_row=30, fixed=300) == style.CHART_HEIGHT
    assert style.height_for_rows(60, per_row=30, fixed=300) == 2100
    assert style.height_for_rows(10_000, per_row=28, fixed=240) == style.CHART_MAX_HEIGHT
    assert charts.money_by_year(tables, ALL).figure.layout.height == style.CHART_HEIGHT


def test_a_matrix_of_many_documents_stands_its_labels_upright_under_the_title():
    """Forty documents' labels written across a narrow column ran into each other and into the subtitle: above
    twelve columns they stand upright, one line each, in room added above the cells."""
    tables = fixture_tables()
    few = charts.source_matrix(tables, ALL).figure
    assert few.layout.xaxis.tickangle == 0
    documents = tables.documents
    many_ids = [f"doc{i:02d}" for i in range(40)]
    many_documents = pd.DataFrame(
        {
            **{column: [documents[column].iloc[0]] * 40 for column in documents.columns},
            "doc_id": many_ids,
            "publisher": ["Ministerie van Buitenlandse Zaken en Koninkrijksrelaties"] * 40,
            "published": [f"2024-{1 + i % 12:02d}-01" for i in range(40)],
        }
    )
    pledges = tables.pledges.iloc[:1].assign(sources=";".join(many_ids), n_sources=40)
    wide = charts.source_matrix(dataclasses.replace(tables, documents=many_documents, pledges=pledges), ALL).figure
    assert wide.layout.xaxis.tickangle == -90
    labels = list(wide.layout.xaxis.ticktext)
    assert len(labels) == 40 and all("<br>" not in label for label in labels)
    assert all(len(label) <= charts.MATRIX_UPRIGHT_LABEL_CHARACTERS + len(" · 2024-01-01") for label in labels)
    assert labels[0].startswith("Ministerie van Buitenlandse Zaken") and labels[0].endswith("2024-01-01")
    assert wide.layout.margin.t >= few.layout.margin.t + charts.MATRIX_UPRIGHT_LABEL_ROOM


def test_a_long_legend_stands_right_of_the_plot_not_over_the_title(tables):
    """An item per equipment type or a line per donor and category made a legend of twenty entries that grew up
    over the title and subtitle: above eight entries the legend stands right of the plot."""
    short = charts.money_by_year(tables, ALL).figure
    assert short.layout.legend.yanchor == "bottom" and short.layout.legend.orientation != "v"
    many = [{"type": "bar", "name": f"item {i}", "x": [2024], "y": [i]} for i in range(20)]
    long_legend = style.styled_figure(many, {}, "Items", "subtitle", "source")
    assert long_legend.layout.legend.orientation == "v" and long_legend.layout.legend.x > 1
    grouped = [{**trace, "legendgroup": "one"} for trace in many]
    assert style.styled_figure(grouped, {}, "Items", "subtitle", "source").layout.legend.x is None


def test_equipment_counts_far_apart_get_a_log_scale(tables):
    """Half a million shells next to 24 jets: on a linear axis the jets' bar is not drawn, so a range over a
    hundredfold is shown on a log scale, and the subtitle says so."""
    linear = charts.equipment_by_year(tables, ALL, "announced").figure
    assert linear.layout.yaxis.type != "log" and "log scale" not in subtitle_of(linear)
    jets = tables.pledges[tables.pledges["kind"] == "equipment"].iloc[[0]]
    shells = jets.assign(pledge_id="P-shells", item="artillery shell", quantity=500_000)
    both = dataclasses.replace(tables, pledges=pd.concat([tables.pledges, shells], ignore_index=True))
    wide = charts.equipment_by_year(both, ALL, "announced").figure
    assert sorted(charts.equipment_by_year_table(both, "announced")["quantity"]) == [24, 500_000]
    assert wide.layout.yaxis.type == "log"
    assert "log scale: counts from 24 to 500,000" in subtitle_of(wide)


# --- per-year pledges (P9 in the extended fixture: €1bn a year for 2025-2027) -----------------------------------


@pytest.fixture(scope="module")
def per_year_tables():
    return fixture_tables(extended=True)


def test_a_per_year_pledge_counts_its_yearly_amount_in_every_covered_year(per_year_tables):
    chart = charts.money_by_year(per_year_tables, ALL, "covered", "pledged")
    for year in (2025, 2026, 2027):
        assert bar_value(chart.figure, "military", year) == pytest.approx(1e9 + (4e9 / 3 if year < 2027 else 0))
    assert charts.PER_YEAR_SPREAD_NOTE in subtitle_of(chart.figure)
    military = next(trace for trace in chart.figure.data if trace.name == "military")
    hover = dict(zip(military.x, (extra for _, extra in military.customdata), strict=True))
    assert "per-year pledge" in hover[2025] and hover[2024] == ""


def test_totals_over_years_count_a_per_year_pledge_once_per_year(per_year_tables, tables):
    announced = charts.money_by_year(per_year_tables, ALL, "announced", "pledged")
    assert bar_value(announced.figure, "military", 2025) == pytest.approx(3e9)
    assert charts.PER_YEAR_TOTAL_NOTE in subtitle_of(announced.figure)
    by_category = charts.money_by_category_table(per_year_tables).set_index(["category", "status"])
    before = charts.money_by_category_table(tables).set_index(["category", "status"])
    added = by_category.loc[("military", "pledged"), "amount_eur"] - before.loc[("military", "pledged"), "amount_eur"]
    assert added == pytest.approx(3e9)
    pledges = per_year_tables.pledges.set_index("pledge_id")
    assert charts.counted_eur(pledges).loc["P9"] == pytest.approx(3e9)
    assert charts.counted_eur(pledges).loc["P2"] == pytest.approx(4e9)  # a total over 2024-2026 counts once


def test_a_per_year_pledge_is_labelled_per_year(per_year_tables, tables):
    labels = charts.pledge_label_lookup(per_year_tables.pledges)
    assert "€1.0bn per year" in labels["P9"]
    assert not any("per year" in label for label in charts.pledge_label_lookup(tables.pledges).values())
    assert charts.PER_YEAR_SPREAD_NOTE not in subtitle_of(charts.money_by_year(tables, ALL, "covered").figure)


# --- equipment running totals (R3, R4 in the extended fixture) ----------------------------------------------------


def test_equipment_running_totals_are_drawn_per_donor_and_item_as_reported(per_year_tables, tables):
    chart = charts.equipment_running_totals(per_year_tables, ALL)
    assert chart.data[["donor", "item", "as_of", "quantity"]].values.tolist() == [
        ["Netherlands", "armoured vehicle", "2025-02-10", 196.0],
        ["Netherlands", "howitzer", "2025-02-10", 18.0],
    ]
    assert [trace.name for trace in chart.figure.data] == [
        "Netherlands: armoured vehicle (delivered to date)",
        "Netherlands: howitzer (delivered to date)",
    ]
    assert [list(trace.y) for trace in chart.figure.data] == [[196.0], [18.0]]
    assert "not added to pledges" in subtitle_of(chart.figure)
    # Never in the money running totals, nor in the equipment pledges by year.
    assert charts.running_totals_table(per_year_tables)["donor"].tolist() == ["Netherlands", "Netherlands"]
    assert "armoured vehicle" not in set(charts.equipment_by_year_table(per_year_tables)["item"])
    empty = charts.equipment_running_totals(tables, ALL)
    assert empty.is_empty and "equipment" in empty.empty_message


def test_the_kind_filter_keeps_equipment_running_totals_apart_from_money(per_year_tables):
    equipment_only = apply_filters(per_year_tables, Selection(kinds=("equipment",)))
    assert equipment_only.running_totals["running_total_id"].tolist() == ["R3", "R4"]
    money_only = apply_filters(per_year_tables, Selection(kinds=("money",)))
    assert money_only.running_totals["running_total_id"].tolist() == ["R1", "R2"]
