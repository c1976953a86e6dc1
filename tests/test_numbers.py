"""Numbers as people write them: decimal and thousands marks per language, spaces, and spelled-out words."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data_pipeline.numbers import find_numbers, format_number, parse_numeral

AMOUNTS = st.floats(min_value=0.01, max_value=1e12, allow_nan=False, allow_infinity=False).map(lambda v: round(v, 2))


@settings(max_examples=300, deadline=None)
@given(value=AMOUNTS, language=st.sampled_from(["en", "nl", "de"]), grouping=st.booleans())
def test_format_then_parse_round_trips(value, language, grouping):
    written = format_number(value, language, decimals=2, grouping=grouping)
    assert math.isclose(parse_numeral(written, language), value, rel_tol=1e-9), written


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("2,6", "nl", 2.6),
        ("2,6", "de", 2.6),
        ("2.6", "en", 2.6),
        ("1.250", "nl", 1250),
        ("1.250", "de", 1250),
        ("1.250", "en", 1.25),
        ("1,250", "en", 1250),
        ("1,250", "nl", 1.25),
        ("15 000", "de", 15000),
        ("15\u00a0000", "nl", 15000),
        ("771,3", "nl", 771.3),
        ("1.234.567", "nl", 1234567),
        ("1,234,567.89", "en", 1234567.89),
        ("1.234.567,89", "de", 1234567.89),
        ("0,250", "nl", 0.25),
        ("0.250", "en", 0.25),
        ("42", "en", 42),
    ],
)
def test_parse_numeral_examples(text, language, expected):
    assert parse_numeral(text, language) == pytest.approx(expected)


def _values(text: str, language: str) -> list[float]:
    return [span.value for span in find_numbers(text, language, set())]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Nederland levert vierentwintig tanks.", "nl", 24),
        ("They sent two hundred and fifty vehicles.", "en", 250),
        ("Deutschland liefert zwölf Haubitzen.", "de", 12),
    ],
)
def test_find_numbers_reads_spelled_out_numbers(text, language, expected):
    spans = find_numbers(text, language, set())
    spelled = [span for span in spans if span.spelled]
    assert [span.value for span in spelled] == [expected]
    span = spelled[0]
    assert text[span.start : span.end] == span.text


def test_find_numbers_ignores_model_names():
    assert 16 not in _values("The Netherlands delivered F-16 jets to Ukraine.", "en")


def test_find_numbers_reads_grouped_digits_with_offsets():
    text = "A package of 1.250 million euro and 2,6 billion more."
    spans = [span for span in find_numbers(text, "nl", set()) if not span.spelled]
    assert [span.value for span in spans] == [1250, 2.6]
    assert spans[0].grouped and not spans[1].grouped
    assert [text[s.start : s.end] for s in spans] == ["1.250", "2,6"]


def test_find_numbers_skips_articles():
    assert _values("They sent a convoy and an escort.", "en") == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("zweieinhalb Milliarden", "de", [2.5]),
        ("eineinhalb Milliarden", "de", [1.5]),
        ("tweeënhalf miljard", "nl", [2.5]),
        ("vierenhalf miljoen", "nl", [4.5]),
        ("twee en een half miljard", "nl", [2.5]),
        ("two and a half billion", "en", [2.5]),
        ("2 and a half billion", "en", [2.5]),
    ],
)
def test_find_numbers_reads_a_half_glued_or_added(text, language, expected):
    from data_pipeline.lexicon import lexicon

    scales = set(lexicon(language).scales)
    assert [span.value for span in find_numbers(text, language, scales)] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # One separator throughout a number: a space after comma groups starts the next number.
        ("12,000 155mm rounds", "en", [12000, 155]),
        ("20 155mm howitzers", "en", [20, 155]),
        ("15 000 tonnes", "de", [15000]),
        ("1.250.000,50 euro", "nl", [1250000.5]),
        ("1,250,000 euros", "en", [1250000]),
    ],
)
def test_find_numbers_keeps_one_thousands_separator_per_number(text, language, expected):
    assert _values(text, language) == expected
