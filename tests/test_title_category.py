"""A figure whose sentence has no word for its purpose takes the category of the document's title (PLEDGES.md:
category). A passage has no title, so this stays a test of mention_rows rather than a case in tests/passages."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("language", "title", "text", "category"),
    [
        (
            "de",
            "Weitere Militärhilfe für die Ukraine",
            "Deutschland stellt der Ukraine weitere 500 Millionen Euro bereit.",
            "military",
        ),
        (
            "nl",
            "Kabinet geeft extra humanitaire hulp",
            "Nederland stelt 20 miljoen euro beschikbaar voor Oekraïne.",
            "humanitarian",
        ),
        ("en", "Britain and France sign new deal", "Britain will give Ukraine £100 million.", "other"),
    ],
)
def test_a_figure_without_a_word_for_its_purpose_takes_the_title_category(language, title, text, category):
    from data_pipeline.extract.rows import mention_rows

    rows = mention_rows("doc", text, language, "2024-05-02", title)
    assert [row["category"] for row in rows] == [category]
