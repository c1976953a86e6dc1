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
    # Every number starts with a digit: that look-ahead, tested first, rejects most positions at once (the
    # look-behinds after it cost more; six times faster), and changes no match.
    # A number glued to a currency code ("EUR250m", "DKK1.5bn") is an amount all the same.
    r"(?=\d)(?<![A-Za-z]-)(?:(?<![\w.,])|(?<=\b(?:EUR|USD|GBP|SEK|NOK|DKK|CHF|CAD|AUD|JPY|PLN|CZK|ISK)))"
    # Thousands groups keep one separator throughout: in "12,000 155mm rounds" the space starts a new number.
    # Groups spaced apart end on a word boundary ("20 155mm howitzers" is twenty howitzers, not 20,155).
    r"(\d{1,3}(?:([.,'’])\d{3}(?:\2\d{3})*(?:[.,]\d+)?"
    r"|([ \u00a0\u202f\u2009])\d{3}(?:\3\d{3})*(?:[.,]\d+)?(?![^\W\d_]))"
    r"|\d+(?:[.,]\d+)?)"
    r"(?![\d])(?![.,]\d)"
)
# "two and a half billion", "twee en een half miljard": a number followed by a half.
AND_A_HALF_RE = re.compile(r"\s+(?:and\s+a\s+half|en\s+een\s+half|und\s+eine?\s+halbe?)(?![\w-])", re.IGNORECASE)
# "zweieinhalb", "dreieinhalb", "tweeënhalf", "vierenhalf": a number word glued to a half.
HALF_SUFFIXES = {"de": ("einhalb",), "nl": ("ënhalf", "enhalf"), "en": ()}
DIGIT_RE = re.compile(r"\d")
SPACE_SEPARATOR_RE = re.compile(r"[ \u00a0\u202f\u2009'’]")  # spaces and Swiss apostrophes group thousands
THOUSANDS_GROUP_RE = re.compile(r"[ \u00a0\u202f\u2009'’]|[.,]\d{3}(?!\d)")
DECIMAL_ONLY_RE = re.compile(r"\d+[.,]\d{1,2}")
WHITESPACE_RE = re.compile(r"\s+")
WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
CONNECTORS = {"and", "en", "und", "-"}
# Articles and pronouns that text2num reads as 1: they only count as a number before a scale word. Dutch "één" is
# not among them: the accents mark the numeral ("één Patriot-systeem"), spec §7.13.
ARTICLE_LIKE = {
    "a",
    "an",
    "een",
    "ein",
    "eine",
    "einer",
    "one",
    "half",
    "second",
    "zero",
    "nul",
    "null",
}
TEXT2NUM_LANGUAGE = {"en": "en", "nl": "nl", "de": "de"}
# Counting words text2num does not know: "a dozen CV90s", "ein Dutzend MiG-29", "twee dozijn" (not "dozens of").
DOZEN_WORDS = {"dozen", "dozijn", "dutzend"}


# Words of the longest spelled-out number read ("two hundred and fifty-three thousand four hundred and twelve" is
# 10): a run of "one hundred one hundred …" is tried prefix by prefix, so without a bound it costs its length squared.
MAX_SPELLED_WORDS = 16
# More digits than any amount or count a document states: a longer run of digits is no number (as a float a
# 5,000-digit number is infinite, and int() of it raises OverflowError). plausibility.py names such runs.
MAX_NUMERAL_DIGITS = 24


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
    compact = SPACE_SEPARATOR_RE.sub("", text)
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
    lowered = phrase.lower()
    head, _, last = lowered.rpartition(" ")
    if last in DOZEN_WORDS:
        times = spelled_value(head, language) if head else 1.0
        return None if times is None else times * 12
    for suffix in HALF_SUFFIXES.get(lang, ()):
        if lowered.endswith(suffix) and len(lowered) > len(suffix) + 1:
            whole = spelled_value(lowered[: -len(suffix)], language)
            return None if whole is None else whole + 0.5
    try:
        return float(text2num(lowered, lang))
    except (ValueError, IndexError, KeyError, AttributeError):
        return None


def find_numbers(
    text: str, language: str, scale_words: set[str], start: int = 0, end: int | None = None, spelled: bool = True
) -> list[NumberSpan]:
    """Every number in text[start:end], digits and spelled-out words, with its offsets in text. `spelled=False`
    skips the words: for a range where spelled_numbers_possible is False, where none would be found."""
    end = len(text) if end is None else end
    spans: list[NumberSpan] = []
    for match in NUMERAL_RE.finditer(text, start, end):
        raw = match.group(1)
        if len(raw) > MAX_NUMERAL_DIGITS and len(DIGIT_RE.findall(raw)) > MAX_NUMERAL_DIGITS:
            continue
        grouped = bool(THOUSANDS_GROUP_RE.search(raw)) and not DECIMAL_ONLY_RE.fullmatch(raw)
        spans.append(
            _with_half(
                text, end, NumberSpan(parse_numeral(raw, language), match.start(1), match.end(1), raw, False, grouped)
            )
        )

    if not spelled:
        return sorted(spans, key=lambda s: s.start)
    words = [m for m in WORD_RE.finditer(text, start, end)]
    index = 0
    while index < len(words):
        if not _opens_spelled_number(words[index].group(0).lower(), language, scale_words):
            index += 1
            continue
        # Grow a run of number words ("two hundred and fifty"), then keep the longest prefix that parses.
        run_end = index
        while run_end + 1 < len(words) and run_end - index < MAX_SPELLED_WORDS:
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
            value = spelled_value(WHITESPACE_RE.sub(" ", phrase), language)
            if value is not None and words[run_end].group(0).lower() not in CONNECTORS:
                spans.append(
                    _with_half(
                        text, end, NumberSpan(value, words[index].start(), words[run_end].end(), phrase, True, False)
                    )
                )
                break
            run_end -= 1
        index = max(run_end, index) + 1
    return sorted(spans, key=lambda s: s.start)


def _with_half(text: str, end: int, span: NumberSpan) -> NumberSpan:
    """'two and a half': the half belongs to the number (only a scale word makes it money)."""
    half = AND_A_HALF_RE.match(text, span.end, end)
    if not half:
        return span
    return NumberSpan(
        span.value + 0.5, span.start, half.end(), text[span.start : half.end()], span.spelled, span.grouped
    )


def _opens_spelled_number(lowered: str, language: str, scale_words: set[str]) -> bool:
    """Whether a (lower-cased) word can begin a spelled-out number in find_numbers."""
    return not (
        lowered in ARTICLE_LIKE
        or lowered in scale_words
        or len(lowered) < 2
        or spelled_value(lowered, language) is None
    )


def spelled_number_words(text: str, language: str, scale_words: set[str]) -> list[str]:
    """The words of a text, as written, that can begin a spelled-out number: looked up once per document so
    that may_hold_numbers can rule out most sentences without reading them word by word."""
    # A word never holds whitespace, so the text's words are the words of its whitespace-separated chunks.
    # Chunks repeat from document to document ("the", "Ukraine", "billion,"): each chunk's number words are
    # found once per language and scale words; finding the words of a whole text cost more than the rest of
    # this function together (a character class with categories, tested character by character).
    judged, with_words = _chunk_number_words(language, frozenset(scale_words))
    if len(judged) > 500_000:  # a bound for long-running processes; judging again is only slower
        judged.clear()
        with_words.clear()
    chunks = set(text.split())
    # Set operations, not a loop over the text's few hundred chunks: most were judged in earlier documents,
    # and few hold a number word.
    for chunk in chunks - judged:
        judged.add(chunk)
        words = tuple(word for word in set(WORD_RE.findall(chunk)) if _opens_number(word, language, scale_words))
        if words:
            with_words[chunk] = words
    found: set[str] = set()
    for chunk in chunks & with_words.keys():
        found.update(with_words.get(chunk, ()))  # get: another build may have cleared it
    return sorted(found)


def _opens_number(word: str, language: str, scale_words: set[str]) -> bool:
    """_opens_spelled_number of a word as written, judged once per language and scale words."""
    known, openers = _judged_words(language, frozenset(scale_words))
    if len(known) > 500_000:
        known.clear()
        openers.clear()
    if word not in known:
        known.add(word)
        if _opens_spelled_number(word.lower(), language, scale_words):
            openers.add(word)
    return word in openers


@lru_cache(maxsize=8)
def _chunk_number_words(language: str, scale_words: frozenset[str]) -> tuple[set[str], dict[str, tuple[str, ...]]]:
    """Whitespace-separated chunks seen so far, and those holding words that can begin a spelled-out number
    with these words."""
    return set(), {}


@lru_cache(maxsize=8)
def _judged_words(language: str, scale_words: frozenset[str]) -> tuple[set[str], set[str]]:
    """The words judged so far, and those of them that can begin a spelled-out number."""
    return set(), set()


def may_hold_numbers(text: str, start: int, end: int, number_words: list[str]) -> bool:
    """False only when find_numbers(text, ..., start, end) is certainly empty: text[start:end] has no digit and
    none of the document's number words (spelled_number_words of the whole text). About three sentences in
    four hold neither, and this costs one regex search instead of a walk over every word."""
    if DIGIT_RE.search(text, start, end):
        return True
    return spelled_numbers_possible(text, start, end, number_words)


def spelled_numbers_possible(text: str, start: int, end: int, number_words: list[str]) -> bool:
    """False only when find_numbers(text, ..., start, end) certainly finds no spelled-out number: text[start:end]
    holds none of the document's number words (spelled_number_words of the whole text). Between whitespace the
    words find_numbers reads there are words of the whole text, and one that can begin a number is among them."""
    if (start > 0 and not text[start - 1].isspace()) or (end < len(text) and not text[end].isspace()):
        return True  # a word may run over the edge, and find_numbers would read only a piece of it
    chunk = text[start:end]
    return any(word in chunk for word in number_words)


def format_number(value: float, language: str, decimals: int = 2, grouping: bool = True) -> str:
    """Write a number the way the language does (used by the round-trip tests and the dashboard)."""
    text = f"{value:,.{decimals}f}" if grouping else f"{value:.{decimals}f}"
    if language in ("nl", "de"):
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text
