"""The dashboard as a user meets it (AppTest): pages run, filters change what is shown and stay set.

Most tests run on the hand-made build (tests/dashboard_fixtures.py) so they do not move when extraction
improves; `test_seeds_*` run the real pipeline on seeds/ exactly as a fresh clone would.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from dashboard_fixtures import fixture_tables
from streamlit.testing.v1 import AppTest

from dashboard_app import chart_code, loader

APP = "../dashboard.py"
REPO = Path(__file__).resolve().parents[1]
PAGES = ["overview", "by_year", "by_category", "by_source", "explorer", "documents", "agreements", "add_documents"]


def page(name: str) -> str:
    return f"pages/{name}.py"


@pytest.fixture
def app(monkeypatch):
    """The dashboard on the overview page, reading the hand-made build instead of the seeds."""
    tables = fixture_tables()
    monkeypatch.setattr(loader, "load_tables", lambda folder=None: tables)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, [error.message for error in at.exception]
    return at


def figures(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def subtitle(figure: dict) -> str:
    return figure["layout"]["title"]["subtitle"]["text"].replace("<br>", " ")


def trace_names(figure: dict) -> list[str]:
    return [trace.get("name") for trace in figure["data"]]


def go_to(at: AppTest, name: str) -> AppTest:
    at.switch_page(page(name)).run()
    assert not at.exception, [error.message for error in at.exception]
    return at


def metric(at: AppTest, label: str) -> str:
    return next(item.value for item in at.metric if item.label.startswith(label))


def info_texts(at: AppTest) -> list[str]:
    return [item.value for item in at.info]


def test_every_page_runs_and_draws_something(app):
    for name in PAGES:
        go_to(app, name)
        assert len(app.main.children) > 1, name
        # Only pages that explain something in words may show an info box on the hand-made build.
        assert not info_texts(app) or name in ("explorer", "documents", "add_documents"), (name, info_texts(app))


def test_category_filter_changes_overview_chart_and_total(app):
    assert metric(app, "Total pledged") == "€6.2bn"
    assert trace_names(figures(app)[0]) == ["military", "reconstruction"]
    app.multiselect(key="category").set_value(["reconstruction"]).run()
    assert metric(app, "Total pledged") == "€145m"
    figure = figures(app)[0]
    assert trace_names(figure) == ["reconstruction"]
    assert "category: reconstruction" in subtitle(figure)


def test_filter_set_on_one_page_is_still_set_on_the_next(app):
    app.multiselect(key="donor").set_value(["Germany"]).run()
    for name in ["by_year", "by_source", "explorer"]:
        go_to(app, name)
        assert app.multiselect(key="donor").value == ["Germany"], name
    assert app.dataframe[0].value["pledge_id"].tolist() == ["P7"]


def test_year_filter_and_year_view_change_the_by_year_chart(app):
    go_to(app, "by_year")
    covered = figures(app)[0]
    assert "spread evenly" in subtitle(covered)
    military = next(trace for trace in covered["data"] if trace["name"] == "military")
    assert military["x"] == [2024, 2025, 2026]

    app.radio(key="year_view").set_value("announced").run()
    announced = next(trace for trace in figures(app)[0]["data"] if trace["name"] == "military")
    assert announced["x"] == [2024] and announced["y"] == [pytest.approx(6.1e9)]

    app.radio(key="year_view").set_value("covered").run()
    app.slider(key="years").set_value((2025, 2026)).run()
    trimmed = next(trace for trace in figures(app)[0]["data"] if trace["name"] == "military")
    assert trimmed["x"] == [2025, 2026]


def test_status_filter_changes_the_by_category_chart(app):
    go_to(app, "by_category")
    assert trace_names(figures(app)[0]) == ["Pledged", "Delivered (hatched)"]
    app.multiselect(key="status").set_value(["delivered"]).run()
    assert trace_names(figures(app)[0]) == ["Delivered (hatched)"]


def test_publisher_filter_changes_the_source_matrix(app):
    go_to(app, "by_source")
    before = figures(app)[0]["data"][0]["y"]
    app.multiselect(key="publisher").set_value(["NL Times"]).run()
    after = figures(app)[0]["data"][0]["y"]
    assert len(after) == 1 < len(before)
    assert "[P1]" in after[0]


def test_donor_filter_changes_agreements_and_documents(app):
    go_to(app, "agreements")
    assert len(figures(app)[0]["data"][0]["y"]) == 3
    app.multiselect(key="donor").set_value(["Belgium"]).run()
    assert figures(app)[0]["data"][0]["y"] == ["Declaration: Belgium – Netherlands – Ukraine"]

    go_to(app, "documents")
    app.multiselect(key="publisher").set_value(["UK Government"]).run()
    assert app.dataframe[-2].value["doc_id"].tolist() == ["004_ukgov"]


def test_text_search_narrows_the_explorer(app):
    go_to(app, "explorer")
    assert len(app.dataframe[0].value) == 8
    app.text_input(key="q").set_value("miljoen").run()
    assert sorted(app.dataframe[0].value["pledge_id"]) == ["P2", "P5", "P6", "P8"]


def test_a_selection_that_leaves_nothing_says_so(app):
    app.text_input(key="q").set_value("no such pledge anywhere").run()
    for name in ["overview", "by_year", "by_category", "by_source", "explorer"]:
        go_to(app, name)
        assert not figures(app) or name == "by_source", name  # by_source keeps the publication timeline
        assert any("match the current filters" in text for text in info_texts(app)), name


def test_reset_filters_clears_every_filter(app):
    app.multiselect(key="donor").set_value(["Germany"]).run()
    app.text_input(key="q").set_value("billion").run()
    assert metric(app, "Pledges") == "1"
    app.button[0].click().run()
    assert app.multiselect(key="donor").value == []
    assert app.text_input(key="q").value == ""
    assert metric(app, "Pledges") == "8"


def test_explorer_shows_every_mention_of_the_chosen_pledge(app):
    go_to(app, "explorer")
    app.selectbox(key="explorer_pledge").set_value("P1").run()
    mentions = app.dataframe[-1].value
    assert sorted(mentions["doc_id"]) == ["000_nltimes", "001_kyiv"]
    assert mentions["evidence"].str.contains("2 billion").all()


def test_document_with_script_tag_is_shown_as_text(app):
    go_to(app, "documents")
    app.selectbox(key="documents_open").set_value("005_gazette").run()
    shown = app.code[0].value
    assert "<script>alert('x')</script>" in shown
    assert "**Not bold** and $x$ stay as typed." in shown
    assert "⟦€1.5 billion⟧[1]" in shown
    assert not any("<script>" in item.value for item in app.markdown)


def test_build_problems_are_listed(app):
    go_to(app, "documents")
    assert any("1 problem" in item.value for item in app.warning)
    assert "not a text file" in app.dataframe[0].value["problem"].tolist()


def test_no_page_can_render_raw_html():
    # The one exception: dashboard_app/chart_code.py, whose st.html is made from the installed Streamlit's file
    # name alone (test_the_entrypoint_first_asks_the_browser_for_plotly_code), never from a document or a user.
    allowed = REPO / "dashboard_app" / "chart_code.py"
    sources = [REPO / "dashboard.py", *REPO.glob("pages/*.py"), *REPO.glob("dashboard_app/*.py")]
    for source in sources:
        text = source.read_text()
        assert "unsafe_allow_html" not in text, source
        assert "st.html(" not in text or source == allowed, source


# --- the real pipeline on the seeds: what a fresh clone shows ----------------------------------------


@pytest.fixture
def seeds_app():
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, [error.message for error in at.exception]
    return at


def test_seeds_fresh_clone_shows_data_on_every_page(seeds_app):
    assert int(metric(seeds_app, "Pledges")) > 0
    assert figures(seeds_app), "the overview draws its headline chart"
    for name in PAGES:
        go_to(seeds_app, name)


def test_seeds_category_filter_changes_the_overview(seeds_app):
    before = set(trace_names(figures(seeds_app)[0]))
    assert "military" in before
    seeds_app.multiselect(key="category").set_value(["reconstruction"]).run()
    assert set(trace_names(figures(seeds_app)[0])) <= {"reconstruction"}
    assert metric(seeds_app, "Pledges") != "0"


def test_cache_key_follows_the_documents_content(tmp_path):
    (tmp_path / "a.txt").write_text("€2 billion")
    first = loader.documents_fingerprint(tmp_path)
    assert loader.documents_fingerprint(tmp_path) == first
    (tmp_path / "a.txt").write_text("€3 billion")
    assert loader.documents_fingerprint(tmp_path) != first
    (tmp_path / "a.txt").write_text("€2 billion")
    (tmp_path / "b.txt").write_text("")
    assert loader.documents_fingerprint(tmp_path) != first


def test_folder_signature_follows_names_sizes_and_times(tmp_path):
    assert loader.folder_signature(tmp_path / "missing") == ""
    (tmp_path / "a.txt").write_text("€2 billion")
    first = loader.folder_signature(tmp_path)
    assert loader.folder_signature(tmp_path) == first
    (tmp_path / "a.txt").write_text("€20 billion")
    changed = loader.folder_signature(tmp_path)
    assert changed != first
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("")
    assert loader.folder_signature(tmp_path) not in (first, changed)


def test_every_rerun_gets_the_same_build_until_a_document_changes(tmp_path):
    # One object per build, not a fresh copy per rerun: filter changes reuse what was derived from it.
    documents, library = tmp_path / "documents", tmp_path / "library"
    documents.mkdir()
    (documents / "a.txt").write_text("The Netherlands pledged €2 billion in military support to Ukraine in 2024.")
    first = loader.load_tables(documents, library)
    assert loader.load_tables(documents, library) is first
    (documents / "a.txt").write_text("The Netherlands pledged €3 billion in military support to Ukraine in 2024.")
    assert loader.load_tables(documents, library) is not first


def test_back_to_no_filter_every_page_shows_what_it_first_showed(app):
    # The unfiltered view and its charts are kept per build: coming back must show the very same thing.
    # (The explorer is left out: its pickers rightly keep the pledge chosen under the filter.)
    for name in ["overview", "by_year", "by_category", "by_source", "agreements"]:
        go_to(app, name)
        charts_before, tables_before = figures(app), [frame.value for frame in app.dataframe]
        app.multiselect(key="category").set_value(["reconstruction"]).run()
        assert figures(app) != charts_before, name
        app.multiselect(key="category").set_value([]).run()
        assert figures(app) == charts_before, name
        assert len(app.dataframe) == len(tables_before), name
        for shown, before in zip(app.dataframe, tables_before, strict=True):
            pd.testing.assert_frame_equal(shown.value, before)


def open_folds(at: AppTest, *keys: str) -> AppTest:
    """Open folds made by render.drawn_when_opened, as a click does (the widget's state is its key's)."""
    for key in keys:
        at.session_state[key] = True
    at.run()
    assert not at.exception, [error.message for error in at.exception]
    return at


def test_overview_sends_its_chart_and_no_table_until_a_fold_is_opened(app):
    """The landing page's first chart must not wait on the data grid's code: the browser loads it as soon as a
    table is sent, folded or not. Each table is one click away, and opening one draws it."""
    assert len(figures(app)) == 1
    assert not app.dataframe  # must not happen: a table sent before the user asks for one
    labels = [fold.label for fold in app.main.expander]
    assert labels == [
        "Table: the numbers behind this chart",
        "Table: delivered to date per donor and category",
        "Table: the newest pledges, in words",
    ]
    open_folds(app, "overview_by_year_table")
    assert len(app.dataframe) == 1 and "amount_eur" in " ".join(app.dataframe[0].value.columns)
    open_folds(app, "overview_newest_table")
    assert len(app.dataframe) == 2 and list(app.dataframe[-1].value.columns)[:2] == ["announced", "donor"]


def test_overview_lists_delivered_to_date_as_a_table_after_the_chart(app):
    """The snapshots of 'delivered so far' sit under the headline chart, one table row per donor and category,
    each with the date it was reported on; the explorer shows figures with thousands separators and €."""
    open_folds(app, "overview_delivered_table")
    kinds = [node.type for node in app.main if node.type in ("plotly_chart", "arrow_data_frame")]
    assert kinds[0] == "plotly_chart", kinds
    delivered = next(frame.value for frame in app.dataframe if "delivered to date (EUR)" in frame.value.columns)
    assert list(delivered.columns) == ["donor", "category", "delivered to date (EUR)", "as reported on", "sources"]
    assert len(delivered) >= 1 and delivered["as reported on"].notna().all()
    go_to(app, "explorer")
    settings = json.loads(app.dataframe[0].proto.columns)
    assert settings["amount_eur"]["type_config"]["format"] == "euro", settings
    assert settings["quantity"]["type_config"]["format"] == "localized", settings


def test_explorer_and_overview_say_per_year(monkeypatch):
    tables = fixture_tables(extended=True)
    monkeypatch.setattr(loader, "load_tables", lambda folder=None: tables)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, [error.message for error in at.exception]
    # €6.2bn of the hand-made build plus €1bn a year for 2025-2027, counted once per year.
    assert metric(at, "Total pledged") == "€9.2bn"
    go_to(at, "explorer")
    shown = at.dataframe[0].value
    assert shown.set_index("pledge_id")["per_year"].to_dict()["P9"]
    assert not shown.set_index("pledge_id")["per_year"].drop("P9").any()
    assert any("per year" in caption.value for caption in at.caption)
    assert "per year" in at.selectbox(key="explorer_pledge").format_func("P9")


def test_by_year_shows_equipment_running_totals_beside_money(monkeypatch):
    tables = fixture_tables(extended=True)
    monkeypatch.setattr(loader, "load_tables", lambda folder=None: tables)
    at = AppTest.from_file(APP, default_timeout=60).run()
    go_to(at, "by_year")
    titles = [figure["layout"]["title"]["text"] for figure in figures(at)]
    money = next(i for i, title in enumerate(titles) if "Support to Ukraine reported to date" in title)
    equipment = next(i for i, title in enumerate(titles) if "Equipment reported to date" in title)
    assert equipment == money + 1
    assert trace_names(figures(at)[equipment]) == [
        "Netherlands: armoured vehicle (delivered to date)",
        "Netherlands: howitzer (delivered to date)",
    ]
    assert "Equipment delivered to date, as reported over time" in [header.value for header in at.subheader]


def test_the_entrypoint_first_asks_the_browser_for_plotly_code(app):
    """dashboard_app.chart_code: the installed Streamlit has the plotly chunk under the name asked for (an upgrade
    that renames it must fail here, not quietly lose the head start), and the request is the first thing drawn,
    in a container its own style hides."""
    chunk = chart_code.plotly_chunk()
    assert chunk is not None and (chart_code.STREAMLIT_SCRIPTS / chunk).is_file()
    first = app.main.children[0]
    assert first.key == chart_code.CONTAINER_KEY
    html = first.get("html")[0].proto
    assert html.unsafe_allow_javascript and f'import("./static/js/{chunk}")' in html.body
