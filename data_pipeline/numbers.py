"""Read numbers as people write them: '2,6' and '1.250' in Dutch and German, '2.6' and '1,250' in English,
'15 000', and spelled-out words ('twee', 'vierentwintig', 'two hundred')."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

# Digits with optional thousands groups and a decimal part. A number glued to a letter and hyphen ("F-16")
# is a model name, not a quantity.
NUMERAL_RE = re.compile(
    # A number glued to a currency code ("EUR250m", "DKK1.5bn") is an amount all the same.
    r"(?<![A-Za-z]-)(?:(?<![\w.,])|(?<=\b(?:EUR|USD|GBP|SEK|NOK|DKK|CHF|CAD|AUD|JPY|PLN|CZK|ISK)))"
    r"(\d{1,3}(?:(?:[.,]|[ \u00a0\u202f\u2009])\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![\d])(?![.,]\d)"
)
WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
CONNECTORS = {"and", "en", "und", "-"}
# Articles and pronouns that text2num reads as 1: they only count as a number before a scale word.
ARTICLE_LIKE = {
    "a",
    "an",
    "een",
    "ein",
    "eine",
    "einer",
    "one",
    "één",
    "half",
    "second",
    "zero",
    "nul",
    "null",
}
TEXT2NUM_LANGUAGE = {"en": "en", "nl": "nl", "de": "de"}


@dataclass(frozen=True)
class NumberSpan:
    value: float
    start: int
    end: int
    text: str
    spelled: bool
    grouped: bool  # written with a thousands separator


def parse_numeral(text: str, language: str) -> float:
    """'2,6' -> 2.6 (nl/de), '1.250' -> 1250 (nl/de) or 1.25 (en), '1,250' -> 1250 (en), '15 000' -> 15000."""
    compact = re.sub(r"[ \u00a0\u202f\u2009]", "", text)
    dots, commas = compact.count("."), compact.count(",")
    if dots and commas:
        decimal = "." if compact.rfind(".") > compact.rfind(",") else ","
    elif dots or commas:
        mark = "." if dots else ","
        groups = compact.split(mark)
        if len(groups) > 2 or (len(groups[-1]) == 3 and groups[0] != "0"):
            # One separator before exactly three digits: thousands in the language's own convention.
            thousands = "," if language == "en" else "."
            decimal = "." if mark == "," and thousands == "," else ","
            if mark != thousands and len(groups) == 2:
                decimal = mark
            elif len(groups) > 2:
                decimal = "." if mark == "," else ","
        else:
            decimal = mark
    else:
        return float(compact)
    thousands_mark = "," if decimal == "." else "."
    return float(compact.replace(thousands_mark, "").replace(decimal, "."))


@lru_cache(maxsize=20000)
def spelled_value(phrase: str, language: str) -> float | None:
    """The value of a spelled-out number ('vierentwintig', 'two hundred'), or None."""
    lang = TEXT2NUM_LANGUAGE.get(language, "en")
    try:
        return float(text2num(phrase.lower(), lang))
    except (ValueError, IndexError, KeyError, AttributeError):
        return None


def find_numbers(
    text: str, language: str, scale_words: set[str], start: int = 0, end: int | None = None
) -> list[NumberSpan]:
    """Every number in text[start:end], digits and spelled-out words, with its offsets in text."""
    end = len(text) if end is None else end
    spans: list[NumberSpan] = []
    for match in NUMERAL_RE.finditer(text, start, end):
        raw = match.group(1)
        grouped = bool(re.search(r"[ \u00a0\u202f\u2009]|[.,]\d{3}(?!\d)", raw)) and not re.fullmatch(
            r"\d+[.,]\d{1,2}", raw
        )
        spans.append(NumberSpan(parse_numeral(raw, language), match.start(1), match.end(1), raw, False, grouped))

    words = [m for m in WORD_RE.finditer(text, start, end)]
    index = 0
    while index < len(words):
        word = words[index].group(0)
        lowered = word.lower()
        if (
            lowered in ARTICLE_LIKE
            or lowered in scale_words
            or len(lowered) < 2
            or spelled_value(lowered, language) is None
        ):
            index += 1
            continue
        # Grow a run of number words ("two hundred and fifty"), then keep the longest prefix that parses.
        run_end = index
        while run_end + 1 < len(words):
            gap = text[words[run_end].end() : words[run_end + 1].start()]
            nxt = words[run_end + 1].group(0).lower()
            if gap.strip() not in ("", "-") or nxt in scale_words:
                break
            if nxt in CONNECTORS or (nxt not in ARTICLE_LIKE and spelled_value(nxt, language) is not None):
                run_end += 1
            else:
                break
        while run_end >= index:
            phrase = text[words[index].start() : words[run_end].end()]
            value = spelled_value(re.sub(r"\s+", " ", phrase), language)
            if value is not None and words[run_end].group(0).lower() not in CONNECTORS:
                spans.append(NumberSpan(value, words[index].start(), words[run_end].end(), phrase, True, False))
                break
            run_end -= 1
        index = max(run_end, index) + 1
    return sorted(spans, key=lambda s: s.start)


def format_number(value: float, language: str, decimals: int = 2, grouping: bool = True) -> str:
    """Write a number the way the language does (used by the round-trip tests and the dashboard)."""
    text = f"{value:,.{decimals}f}" if grouping else f"{value:.{decimals}f}"
    if language in ("nl", "de"):
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text
