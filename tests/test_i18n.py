"""The Dutch interface: complete catalogues, Dutch numbers and dates, every page in Dutch (AppTest, so that text
inside closed expanders and unselected tabs is read too), coded values translated, document text as written."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from dashboard_fixtures import SCRIPT_DOCUMENT_TEXT, fixture_tables
from google.protobuf.message import Message
from hypothesis import given
from hypothesis import strategies as st
from pipeline_helpers import ROOT
from streamlit.testing.v1 import AppTest

from dashboard_app import charts, i18n, loader, style, summaries
from dashboard_app.filters import Selection, apply_filters, describe_selection
from dashboard_app.i18n import catalogue, use_language

APP = "../dashboard.py"
PAGES = ["overview", "by_year", "by_category", "by_source", "explorer", "documents", "agreements", "add_documents"]
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def template_ids() -> set:
    with (i18n.LOCALE_DIR / "messages.pot").open("rb") as handle:
        return {tuple(m.id) if isinstance(m.id, list | tuple) else m.id for m in read_po(handle) if m.id}


def test_the_template_holds_every_string_the_code_marks(tmp_path):
    """`make messages` was run after the last change of a `_()` string: the template equals a fresh extraction."""
    fresh = tmp_path / "fresh.pot"
    command = [str(Path(sys.executable).parent / "pybabel"), "extract", "--no-location", "-k", "_", "-k", "gettext"]
    command += ["-k", "ngettext:1,2", "-k", "N_", "-o", str(fresh), "dashboard.py", "dashboard_app", "pages"]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    with fresh.open("rb") as handle:
        extracted = {tuple(m.id) if isinstance(m.id, list | tuple) else m.id for m in read_po(handle) if m.id}
    assert extracted == template_ids(), "run `make messages` and translate what is new"


@pytest.mark.parametrize("language", sorted(i18n.LANGUAGES))
def test_every_catalogue_has_every_message_with_the_same_placeholders(language):
    found = catalogue(language)
    missing = template_ids() - set(found)
    assert not missing, f"untranslated in {language}: {sorted(map(str, missing))[:10]}"
    for msgid, text in found.items():
        for source, translated in zip(
            msgid if isinstance(msgid, tuple) else (msgid,), text if isinstance(text, tuple) else (text,), strict=True
        ):
            assert set(PLACEHOLDER.findall(source)) == set(PLACEHOLDER.findall(translated)), (language, msgid)


def test_dutch_numbers_and_dates():
    with use_language("nl"):
        assert style.format_eur(2.6e9) == "€ 2,6 mld."
        assert style.format_eur(1.2e8) == "€ 120 mln."
        assert style.format_eur(2.5e6) == "€ 2,5 mln."
        assert style.format_eur(500_000) == "€ 500.000"
        assert style.format_date("2024-06-28") == "28 juni 2024"
        assert style.format_date("2023-11") == "november 2023"
        assert style.format_date("2023") == "2023"
        assert style.format_count(2.5) == "2,5"
        assert style.format_number(12000) == "12.000"
    assert style.format_eur(2.6e9) == "€2.6bn" and style.format_date("2024-06-28") == "2024-06-28"


@given(st.floats(min_value=1e9, max_value=9.99e11))
def test_dutch_billions_read_back_as_the_rounded_amount(value):
    with use_language("nl"):
        written = style.format_eur(value)
    number = re.fullmatch(r"€ (\d+(?:\.\d{3})*,\d) mld\.", written)
    assert number, written
    assert float(number.group(1).replace(".", "").replace(",", ".")) == pytest.approx(round(value / 1e9, 1))


def test_coded_values_are_translated_in_words_and_kept_as_codes_in_the_data():
    tables = fixture_tables()
    selection = Selection(categories=("military",), statuses=("pledged",))
    with use_language("nl"):
        assert describe_selection(selection) == "Filters: categorie: militair; status: toegezegd"
        chart = charts.money_by_year(apply_filters(tables, selection), selection, "covered", "pledged")
        assert [trace.name for trace in chart.figure.data] == ["militair"]
        assert chart.figure.layout.title.text == "<b>Toegezegde steun aan Oekraïne per jaar en categorie</b>"
    assert chart.data["category"].tolist() == ["military"] * len(chart.data)  # the numbers keep the codes


def texts_of(message: Message) -> list[str]:
    """Every string field of an element's protobuf, nested ones too (labels, help, options, bodies)."""
    found = []
    for field, value in message.ListFields():
        if field.name in ("id", "form_id", "key", "query_param_key", "icon", "spec", "page_script_hash", "url"):
            continue
        values = value if isinstance(value, list | tuple) or hasattr(value, "extend") else [value]
        for item in values:
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, Message):
                found.extend(texts_of(item))
    return found


def figure_texts(spec: str) -> list[str]:
    """What a chart writes: title, subtitle, axis titles, legend names, annotations (the source line)."""
    figure = json.loads(spec)
    layout = figure["layout"]
    found = [layout["title"]["text"], layout["title"].get("subtitle", {}).get("text", "")]
    found += [value["title"]["text"] for key, value in layout.items() if key.startswith("axis", 1) and "title" in value]
    found += [annotation["text"] for annotation in layout.get("annotations", [])]
    found += [trace.get("name") or "" for trace in figure["data"]]
    return found


def shown_lines(at: AppTest) -> list[str]:
    """Every line of text the run drew (markup and HTML line breaks removed), document text blocks excepted."""
    found: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        kind = getattr(node, "type", "")
        if kind == "code":  # the document's own text (st.code), shown as written
            return
        if kind == "plotly_chart":
            found.extend(figure_texts(proto.spec))
        elif kind == "arrow_data_frame":
            found.extend(str(column) for column in node.value.columns)
        elif kind == "text_input":  # what is typed in a field (a prefilled code such as 'general') is data
            found.extend([proto.label, proto.placeholder, proto.help])
        elif isinstance(proto, Message):
            found.extend(texts_of(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    lines = []
    for text in found:
        for line in re.split(r"<br>|\n", text):
            line = re.sub(r"</?b>|\\(.)", lambda match: match.group(1) or "", line).strip()
            if line:
                lines.append(line)
    return lines


def english_patterns() -> dict[str, re.Pattern]:
    """English catalogue texts that read otherwise in Dutch, as whole-line patterns ({placeholders}: anything)."""
    english, dutch = catalogue("en"), catalogue("nl")
    patterns = {}
    for msgid, text in english.items():
        pairs = zip(
            text if isinstance(text, tuple) else (text,),
            dutch[msgid] if isinstance(msgid, tuple) else (dutch[msgid],),
            strict=True,
        )
        for english_text, dutch_text in pairs:
            shown = english_text.strip()
            if english_text == dutch_text or len(shown) < 4 or english_text != shown:
                continue
            patterns[shown] = re.compile(".+?".join(re.escape(part) for part in PLACEHOLDER.split(shown)))
    return patterns


@pytest.fixture
def dutch_app(monkeypatch):
    tables = fixture_tables()
    monkeypatch.setattr(loader, "load_tables", lambda folder=None: tables)
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.radio(key="language").set_value("nl").run()
    assert not at.exception, [error.message for error in at.exception]
    return at


def test_every_page_in_dutch_shows_no_english_catalogue_text(dutch_app):
    patterns = english_patterns()
    assert "Support to Ukraine: what has been pledged" in patterns
    for name in PAGES:
        dutch_app.switch_page(f"pages/{name}.py").run()
        assert not dutch_app.exception, (name, [error.message for error in dutch_app.exception])
        lines = shown_lines(dutch_app)
        assert len(lines) > 20, name
        left = sorted({line for line in lines for pattern in patterns.values() if pattern.fullmatch(line)})
        assert left == [], name  # must not happen: English catalogue text on a Dutch page


def test_english_pages_do_show_the_english_catalogue(monkeypatch):
    """The check above can fail: on the English interface the same walk finds the catalogue's texts."""
    tables = fixture_tables()
    monkeypatch.setattr(loader, "load_tables", lambda folder=None: tables)
    at = AppTest.from_file(APP, default_timeout=60).run()
    patterns = english_patterns()
    lines = shown_lines(at)
    assert len({line for line in lines for pattern in patterns.values() if pattern.fullmatch(line)}) > 20


def test_dutch_overview_figures_and_tables(dutch_app):
    metrics = {metric.label: metric.value for metric in dutch_app.metric}
    assert metrics == {
        "Totaal toegezegd": "€ 6,2 mld.",
        "Toezeggingen": "8",
        "Bronnen die ze melden": "4",
        "Nieuwste document": "3 december 2025",
    }
    dutch_app.session_state["overview_newest_table"] = True  # opens its fold, as a click does
    newest = dutch_app.run().dataframe[-1].value
    assert list(newest.columns)[:4] == ["aangekondigd", "donor", "wat", "categorie"]
    assert "militair" in newest["categorie"].tolist() and "28 juni 2024" in newest["aangekondigd"].tolist()
    assert any(amount.startswith("ten minste € 2,0 mld.") for amount in newest["wat"].tolist())


def test_dutch_documents_page_shows_the_document_text_as_written(dutch_app):
    dutch_app.switch_page("pages/documents.py").run()
    dutch_app.selectbox(key="documents_open").set_value("005_gazette").run()
    shown = dutch_app.code[0].value.replace("⟦", "").replace("⟧[1]", "")  # the figure's marks taken off again
    assert shown == SCRIPT_DOCUMENT_TEXT  # neither translated nor reformatted
    titles = dutch_app.dataframe[1].value["titel"].tolist()  # [0] lists the build's problems
    assert "<b>Germany</b> delivers air defence" in titles  # a document's title stays as written


def test_dutch_headline_sentences_and_data_as_of():
    tables = fixture_tables()
    with use_language("nl"):
        line = summaries.data_as_of_line(tables)
        assert line == "Gegevens tot en met 3 december 2025 · 6 documenten gelezen, 1 onleesbaar (zie Documenten)"
