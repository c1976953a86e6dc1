"""Which numbers are amounts of money: a number with a currency and scale ("€2bn", "2,5 miljard euro"), ranges,
percentages and years ruled out, the currency of an amount that names none, and conversion to EUR. Implements
PLEDGES.md section 1 (what a money mention is) and the amount, currency and amount_eur columns of section 2."""

from __future__ import annotations

import re
from bisect import bisect_left

from data_pipeline.extract.candidates import Candidate, Sentence
from data_pipeline.extract.search import WHITESPACE_RE, may_hold_between, nearest, skip_space
from data_pipeline.lexicon import Lexicon, eur_rates
from data_pipeline.numbers import (
    NumberSpan,
)

PERCENT_AFTER_RE = re.compile(r"\s?(?:%|percent\b|per cent\b|procent\b|prozent\b)", re.IGNORECASE)


NOUN_AFTER_RE = re.compile(r"\s+([^\W\d_][\w'’-]*)")


SPACE_THEN_DIGIT_RE = re.compile(r"\s*\d")


def scale_after(text: str, pos: int, lex: Lexicon) -> tuple[float, int] | None:
    attached = lex.scale_re.match(text, pos)
    if attached:
        return lex.scales[attached.group(0).lower()], attached.end()
    spaced = lex.scale_re.match(text, skip_space(text, pos))
    if spaced and len(spaced.group(0).rstrip(".")) > 1:
        return lex.scales[spaced.group(0).lower()], spaced.end()
    if text.startswith("-", pos):  # "$500-million", "€1.5-billion", "ein 500-Millionen-Euro-Paket"
        hyphened = lex.scale_re.match(text, pos + 1)
        if hyphened and len(hyphened.group(0).rstrip(".")) > 2:
            return lex.scales[hyphened.group(0).lower()], hyphened.end()
    return None


# How far before a scale word its fraction words ("one and a half", "eineinhalb") and the spaces after them may start.
FRACTION_WINDOW = 200


def money_candidates(
    text: str, sentence: Sentence, index: int, numbers: list[NumberSpan], lex: Lexicon
) -> list[Candidate]:
    found: list[Candidate] = []
    starts: list[tuple[float, int, int]] = [(n.value, n.start, n.end) for n in numbers]
    starts += fractions_before_scales(text, sentence, numbers, lex)
    ordered = sorted(starts, key=lambda s: s[1])
    low_ends: dict[int, tuple[float, int]] = {}  # a range's upper number -> the lower number's value and start
    for position, (value, start, end) in enumerate(ordered):
        if PERCENT_AFTER_RE.match(text, end):
            continue
        scale = scale_after(text, end, lex)
        if scale is None and position + 1 < len(ordered):
            high_value, high_start, high_end = ordered[position + 1]
            # "€500-700 million", "400 à 500 miljoen euro": the lower number borrows the upper one's scale.
            if (
                high_value > value
                and scale_after(text, high_end, lex)
                and is_range(text, sentence, start, end, high_start, lex)
                and not (is_year(value) and not lex.currency_before_re.search(text, max(0, start - 5), start))
            ):
                low_ends[high_start] = (value, start)
                continue
        low = low_ends.get(start)
        if low is not None and scale:
            value, start = low[0], low[1]
        amount = value * (scale[0] if scale else 1.0)
        cursor = scale[1] if scale else end
        currency, span_start, span_end = None, start, cursor
        after = lex.currency_after_re.match(text, cursor) or (scale and lex.currency_in_compound_re.match(text, cursor))
        year_then_code = after and not scale and 1900 <= value <= 2100 and float(value).is_integer()
        if year_then_code and SPACE_THEN_DIGIT_RE.match(text[after.end() : after.end() + 3]):
            continue  # "tot en met 2029 EUR 2 miljard": a year, then the amount's currency code
        if after:
            currency, span_end = _currency_of(after.group(1), lex), after.end()
        prefix = lex.currency_before_re.search(text[max(sentence.start, start - 5) : start])
        if prefix:
            currency = currency or _currency_of(prefix.group(1), lex)
            span_start = start - (len(text[max(sentence.start, start - 5) : start]) - prefix.start(1))
        if currency is None and not (scale and scale[0] >= 1e6):
            continue
        if currency is None and _counts_something_else(text, cursor, sentence.end, lex):
            continue  # "3,6 Millionen Menschen", "one million drones": a count, not money
        found.append(Candidate("money", span_start, span_end, index, amount=amount, currency=currency))
        if low is not None and scale:
            found[-1].fields["range"] = True
    return _merge_ranges(text, sentence, found, lex)


def fractions_before_scales(
    text: str, sentence: Sentence, numbers: list[NumberSpan], lex: Lexicon
) -> list[tuple[float, int, int]]:
    """ "half a billion", "een half miljoen", "anderhalf miljard", "eine Million Geschosse": a fraction word or
    article standing in for the number before a scale word, as (value, start, end)."""
    found: list[tuple[float, int, int]] = []
    # Each scale word looks only just before itself: scanning the sentence from its start for every scale word (and
    # comparing it with every number) cost a long sentence's length squared.
    ends = {n.end for n in numbers}
    for scale in lex.scale_re.finditer(text, sentence.start, sentence.end):
        if len(scale.group(0).rstrip(".")) <= 1:
            continue
        # A number already stands right before it (only spaces between): numbers end on a non-space character,
        # so that number ends where the spaces before the scale word begin.
        gap_start = scale.start()
        while gap_start > sentence.start and text[gap_start - 1].isspace():
            gap_start -= 1
        if gap_start in ends:
            continue
        # The fraction words end right before the scale word (fraction_re ends in \s+$): a short stretch before it.
        before_start = max(sentence.start, scale.start() - FRACTION_WINDOW)
        fraction = lex.fraction_re.search(text[before_start : scale.start()])
        if fraction:
            value = lex.fraction_words[WHITESPACE_RE.sub(" ", fraction.group(1).lower())]
            found.append((value, before_start + fraction.start(1), before_start + fraction.end(1)))
            ends.add(before_start + fraction.end(1))
    return found


def is_year(value: float) -> bool:
    return 1900 <= value <= 2100 and float(value).is_integer()


def _prefix_start(text: str, start: int, lex: Lexicon) -> int:
    """Where a number's currency sign or code begins ("€500" -> the "€"), else the number's start."""
    prefix = lex.currency_before_re.search(text, max(0, start - 5), start)
    return prefix.start(1) if prefix else start


def is_range(text: str, sentence: Sentence, low_start: int, low_end: int, high_start: int, lex: Lexicon) -> bool:
    """Two numbers that span a range: "500-700", "400 à 500", "300 bis 500", "between 10 and 15". Not a superseded
    level ("from €2bn to €3bn", "van 2 tot 3 miljard"), which names an old and a new figure."""
    head = _prefix_start(text, low_start, lex)
    if lex.superseded_from_re.search(text, max(sentence.start, head - 30), head):
        return False
    if lex.range_gap_re.fullmatch(text, low_end, high_start):
        return True
    return bool(
        lex.range_and_gap_re.fullmatch(text, low_end, high_start)
        and lex.range_opener_before_re.search(text, max(sentence.start, head - 30), head)
    )


def _merge_ranges(text: str, sentence: Sentence, found: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """ "$500 million-$700 million", "zwischen 300 und 500 Millionen Euro": one figure, at least the lower amount."""
    merged: list[Candidate] = []
    for c in found:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and not previous.fields.get("range")
            and previous.currency in (c.currency, None)
            and (previous.amount or 0) < (c.amount or 0)
            and is_range(text, sentence, previous.start, previous.end, c.start, lex)
        ):
            previous.end, previous.currency = c.end, previous.currency or c.currency
            previous.fields["range"] = True
            continue
        merged.append(c)
    return merged


def _counts_something_else(text: str, pos: int, end: int, lex: Lexicon) -> bool:
    """A noun right after "million"/"Millionen" that is not a currency: people, drones, shells…"""
    word = NOUN_AFTER_RE.match(text[pos:end])
    if not word:
        return False
    noun = word.group(1)
    if noun.lower() in lex.counted_nouns:
        return True
    if lex.language == "de" and noun[0].isupper():
        return True  # German nouns are capitalised; a currency would have been read already
    return bool(lex.any_item_re.match(text, pos + word.start(1)))


def _currency_of(word: str, lex: Lexicon) -> str:
    word = WHITESPACE_RE.sub(" ", word)
    if word in lex.currency_symbols:
        return lex.currency_symbols[word]
    if word.upper() in lex.currency_codes:
        return word.upper()
    return lex.currency_words[word.lower()]


def may_hold_long_scale(text: str, sentence: Sentence, lex: Lexicon) -> bool:
    """False only when lex.long_scale_re finds nothing in the sentence (ruled out by its words where that is
    exact: may_hold_between)."""
    return may_hold_between(text, lex.long_scale_words, sentence.start, sentence.end) and bool(
        lex.long_scale_re.search(text, sentence.start, sentence.end)
    )


# The currencies called crowns ("kronen", "crowns"): the giver's says which (Czech korunas too).
CROWN_CURRENCIES = ("DKK", "NOK", "SEK", "ISK", "CZK")


# How many stated currencies on each side of a figure without one are looked at for the nearest: figures are
# short spans in text order, so the nearest stated currency is among the few before or after it.
CURRENCY_NEIGHBOURHOOD = 50


def _around(explicit: list[tuple[int, int, str]], start: int) -> list[tuple[int, int, str]]:
    """The stated currencies (in text order, "?KR" left out) near position `start`."""
    at = bisect_left(explicit, start, key=lambda item: item[0])
    near = explicit[max(0, at - CURRENCY_NEIGHBOURHOOD) : at + CURRENCY_NEIGHBOURHOOD]
    return [(s, e, cur) for s, e, cur in near if cur != "?KR"]


def resolve_currency(c: Candidate, donor, fallback_donor, explicit, lex: Lexicon) -> str | None:
    currency = c.currency
    if currency is None:
        # NOTE: "een half miljoen" among euro amounts is in euros: take the nearest stated currency.
        currency = nearest(_around(explicit, c.start), c.start, c.end)
    if currency == "?KR":
        for name in [*(donor or "").split(";"), fallback_donor or ""]:
            if lex.donor_currency.get(name) in CROWN_CURRENCIES:
                return lex.donor_currency[name]
        return "DKK"
    return currency


def to_eur(amount: float | None, currency: str | None, year: int | None) -> float | None:
    """Convert with the annual average rate of the publication year (the nearest year the table has)."""
    if amount is None or currency is None:
        return None
    if currency == "EUR":
        return amount
    rates = {y: r for (cur, y), r in eur_rates().items() if cur == currency}
    if not rates:
        return None
    year = year if year is not None else max(rates)
    closest = min(rates, key=lambda y: (abs(y - year), -y))
    return amount / rates[closest]
