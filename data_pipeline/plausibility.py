"""Figures no pledge can be: checked on each document's extracted mentions before they reach the tables.

A negative amount ("€-5 billion", "minus €2 billion") is a cut or a balance, not support, and a zero amount is none:
both are left out. An amount
over MAX_PLAUSIBLE_EUR (more than the world's yearly military spending) is a typing error or a hostile file: it
is left out of the tables and named as a problem for review, so that one figure cannot dominate every total.
A number too long to be any figure (LONG_NUMBER_RE: numbers.MAX_NUMERAL_DIGITS digits) is named the same way.
"""

from __future__ import annotations

import math
import re

from data_pipeline.numbers import MAX_NUMERAL_DIGITS

MAX_PLAUSIBLE_EUR = 1e12
# A sign glued to the figure ("-€5bn", "EUR -5"), a true minus sign (U+2212) or the word: a hyphen with a space
# after it is a dash or a bullet ("- €2bn for ammunition"), and one after a digit or letter a range ("2-€5").
NEGATIVE_BEFORE_RE = re.compile(r"(?:(?<![\w.,%)\]])-|\u2212\s*|\bminus\s+)$", re.IGNORECASE)
NEGATIVE_INSIDE_RE = re.compile(r"^[^\d\s]*\s?[-\u2212]\s?\d")
LONG_NUMBER_RE = re.compile(rf"\d{{{MAX_NUMERAL_DIGITS + 1},}}")


def is_negative(text: str, start: int, end: int) -> bool:
    """Whether the figure text[start:end] carries a minus sign, before it or before its first digit."""
    return bool(NEGATIVE_BEFORE_RE.search(text, max(0, start - 12), start)) or bool(
        NEGATIVE_INSIDE_RE.match(text[start:end])
    )


# An amount in a currency without a rate (amount_eur unknown) is judged in its own units, against a bound a
# thousand times higher: the hryvnia's trillions ("UAH 2.22 trillion" of defence budget) are real figures.
MAX_PLAUSIBLE_UNCONVERTED = MAX_PLAUSIBLE_EUR * 1000


def _known(value: object) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def _zero(record: dict) -> bool:
    """A figure of nothing ("€0", the "0m" of a terminal colour code) says no support was given."""
    value = record.get("amount") if _known(record.get("amount")) else record.get("quantity")
    return _known(value) and value == 0


def _too_large(record: dict) -> bool:
    amount_eur, amount, quantity = record.get("amount_eur"), record.get("amount"), record.get("quantity")
    if _known(amount_eur):
        return not math.isfinite(amount_eur) or amount_eur > MAX_PLAUSIBLE_EUR
    if _known(amount):
        return not math.isfinite(amount) or amount > MAX_PLAUSIBLE_UNCONVERTED
    return _known(quantity) and quantity > MAX_PLAUSIBLE_EUR


def plausible_mentions(records: list[dict], text: str) -> tuple[list[dict], list[str]]:
    """The records that can be pledges, and a note per figure left out for review (negative ones are left out
    without a note: they are simply not pledges)."""
    kept, notes = [], []
    for record in records:
        start, end = record["char_start"], record["char_end"]
        if is_negative(text, start, end) or _zero(record):
            continue
        if _too_large(record):
            figure = " ".join(text[start:end].split())
            notes.append(
                f"a figure beyond any real pledge (over €{MAX_PLAUSIBLE_EUR / 1e12:.0f} trillion) is left out for "
                f"review: {_shorten(figure)!r} at character {start}; check the document"
            )
            continue
        kept.append(record)
    # The parts of a figure left out ("EUR 5,000 billion, of which EUR 1 billion for air defence and EUR 2 billion
    # for ammunition") stand on their own, as packages: each is a plausible figure the document states, most often
    # real even when the total is a typing error, and leaving them out would hide support nothing says is wrong.
    # (Deleting a mention by correction does the same to its parts.) Their part_of must not name a mention that
    # is not in the tables.
    kept_ids = {record.get("mention_id") for record in kept}
    for record in kept:
        if record.get("part_of") is not None and record["part_of"] not in kept_ids:
            record["part_of"], record["scope"] = None, "package"
    for match in LONG_NUMBER_RE.finditer(text):
        notes.append(
            f"a number of {match.end() - match.start():,} digits at character {match.start()} is not read as a "
            "figure; check the document"
        )
        if len(notes) > 20:  # a file of nothing but such numbers says so without a note per number
            break
    return kept, notes


def _shorten(figure: str, limit: int = 60) -> str:
    return figure if len(figure) <= limit else figure[: limit - 1] + "…"
