"""Reading documents: publication dates stated in the text, and the language a text is written in."""

from __future__ import annotations

import pytest

from data_pipeline.documents import detect_language, publication_date_from_text

FILLER = "The two governments agreed to deepen their cooperation on security.\n"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Press release\ndate 2024-02-23\nThe minister spoke today.", "en", "2024-02-23"),
        ("Date: 2024-02-23\nThe minister spoke today.", "en", "2024-02-23"),
        ("Brief aan de Kamer\nDatum 28 juni 2024\nGeachte voorzitter,", "nl", "2024-06-28"),
        ("maandag, 08 december 2025\nNieuws over de steun aan Oekraïne.", "nl", "2025-12-08"),
        (
            "Joint statement\n\n" + FILLER * 8 + "Signed in Brussels on 3 December 2025 by both ministers.",
            "en",
            "2025-12-03",
        ),
    ],
    ids=["iso-date-cue", "iso-date-colon", "dutch-datum-line", "dutch-dateline-weekday", "signed-on"],
)
def test_publication_date_from_text_finds_stated_date(text, language, expected):
    assert publication_date_from_text(text, language) == (expected, "text")


def test_partial_iso_date_is_kept_partial():
    assert publication_date_from_text("Note\ndate 2024-02\nSomething happened.", "en") == ("2024-02", "text")


def test_impossible_iso_date_is_not_taken():
    published, _source = publication_date_from_text("Memo\ndate 2024-13-45\nNothing else.", "en")
    assert published != "2024-13-45"


def test_undated_page_falls_back_to_latest_date_mentioned():
    text = (
        "Overview of support\n\n" + FILLER * 8 + "As of 6 February 2023 the total stood at a new high. "
        "An earlier update followed on 1 March 2022."
    )
    assert publication_date_from_text(text, "en") == ("2023-02-06", "latest_date_in_text")


def test_text_without_any_date_is_unknown():
    assert publication_date_from_text("No date here at all, just some words about support.", "en") == (
        None,
        "unknown",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The government announced that it will continue to support the people of Ukraine "
            "and that the new package is meant for the coming year.",
            "en",
        ),
        (
            "De regering heeft besloten dat zij de steun aan Oekraïne voortzet en dat het pakket "
            "in het komende jaar wordt uitgebreid met nieuwe middelen.",
            "nl",
        ),
        (
            "Die Bundesregierung hat beschlossen, dass sie die Unterstützung der Ukraine fortsetzt "
            "und das Paket im nächsten Jahr um weitere Mittel erweitert wird.",
            "de",
        ),
    ],
    ids=["en", "nl", "de"],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


def test_detect_language_defaults_to_english_for_text_without_words():
    assert detect_language("12345 67890 --- !!!") == "en"


@pytest.mark.parametrize(
    ("first_line", "language", "expected"),
    [
        ("Stand: 05.06.2024, 14.42 Uhr", "de", "2024-06-05"),  # day first, as German, Dutch and European sites write
        ("Gepubliceerd 03.02.2025 om 09:12", "nl", "2025-02-03"),
        ("Posted 11.04.2024 at 10:05", "en", "2024-04-11"),
        ("Updated 04.23.2024", "en", "2024-04-23"),  # a second number over 12: it can only be month first
        ("Berlin, 1. März 2024", "de", "2024-03-01"),
        ("Washington, Sept. 5, 2024", "en", "2024-09-05"),
        ("Den Haag, 7 mrt. 2023", "nl", "2023-03-07"),
        ("Brussels, 14 FEBRUARY 2024", "en", "2024-02-14"),
    ],
)
def test_a_dateline_is_read_with_the_languages_months_and_day_first(first_line, language, expected):
    text = f"{first_line}\nDe regering steunt Oekraïne.\n" + FILLER * 3
    assert publication_date_from_text(text, language) == (expected, "text")


def test_an_impossible_written_date_is_not_taken():
    text = "Amsterdam, 31 februari 2024\nDe regering steunt Oekraïne.\n" + FILLER * 3
    assert publication_date_from_text(text, "nl") == (None, "unknown")
