"""The correction forms as an analyst uses them (AppTest on the seeds): a saved fix changes every table at once,
says so in captions, needs a name and a reason, and can be undone."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from data_pipeline.corrections import CorrectionStore

APP = "../dashboard.py"


@pytest.fixture
def explorer(monkeypatch, tmp_path):
    monkeypatch.setenv("PLEDGES_CORRECTIONS_DB", str(tmp_path / "corrections.sqlite"))
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("pages/explorer.py").run()
    assert not at.exception, [error.message for error in at.exception]
    return at


def pledges_on_screen(at: AppTest):
    return at.dataframe[0].value


def captions(at: AppTest) -> str:
    return " ".join(caption.value for caption in at.caption)


def choose_the_hundred_million(at: AppTest) -> str:
    pledges = pledges_on_screen(at)
    row = pledges[pledges["amount"] == 1e8].iloc[0]
    at.selectbox(key="explorer_pledge").set_value(row["pledge_id"]).run()
    at.selectbox(key="explorer_field").set_value("amount").run()
    return row["mention_ids"]


def test_a_corrected_amount_shows_in_the_explorer_with_a_note_and_can_be_undone(explorer, tmp_path):
    mention_id = choose_the_hundred_million(explorer)
    explorer.number_input(key=f"explorer_{mention_id}_amount").set_value(1.5e8)
    explorer.button(key="explorer_edit_save").click().run()
    assert "analyst name" in explorer.error[0].value  # nothing saved without a name
    assert not (tmp_path / "corrections.sqlite").exists()

    explorer.text_input(key="analyst_name").set_value("Ana")
    explorer.button(key="explorer_edit_save").click().run()
    assert "reason" in explorer.error[0].value

    explorer.text_input(key="explorer_edit_reason").set_value("the letter says 150 million")
    explorer.button(key="explorer_edit_save").click().run()
    assert not explorer.exception, [error.message for error in explorer.exception]
    amounts = set(pledges_on_screen(explorer)["amount"])
    assert 1.5e8 in amounts and 1e8 not in amounts
    corrected = pledges_on_screen(explorer).set_index("amount").loc[1.5e8, "corrections"]
    assert corrected == 1
    assert "1 correction applied" in captions(explorer)
    # The message is escaped markdown (it quotes ids and typed values): read it as the user sees it.
    assert "Saved: amount" in explorer.success[0].value.replace("\\", "")
    saved = CorrectionStore(tmp_path / "corrections.sqlite").frame()
    assert list(saved[["analyst", "field", "old_value", "new_value"]].iloc[0]) == [
        "Ana",
        "amount",
        "100000000.0",
        "150000000.0",
    ]

    explorer.text_input(key="overview_undo_reason").set_value("misread")
    explorer.button(key="overview_undo_save").click().run()
    assert 1e8 in set(pledges_on_screen(explorer)["amount"])
    assert "correction applied" not in captions(explorer)


def test_marking_not_a_pledge_removes_the_row(explorer):
    before = len(pledges_on_screen(explorer))
    choose_the_hundred_million(explorer)
    explorer.text_input(key="analyst_name").set_value("Ana")
    explorer.text_input(key="explorer_drop_reason").set_value("a procurement plan, not a pledge")
    explorer.button(key="explorer_drop_save").click().run()
    assert not explorer.exception
    assert len(pledges_on_screen(explorer)) == before - 1
    assert 1e8 not in set(pledges_on_screen(explorer)["amount"])
