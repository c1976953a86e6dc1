"""What every rule reads and writes: a Sentence (where it stands in the text) and a Candidate (a figure found in
a sentence, with the fields the later modules fill in). No rules live here; the spec's fields (PLEDGES.md section 2)
are the keys of Candidate.fields."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import NamedTuple


class Sentence(NamedTuple):
    """Where a sentence stands in its text, and its paragraph's number. A tuple: made 30 times per document,
    and a frozen dataclass is several times slower to make."""

    start: int
    end: int
    paragraph: int


# Sentence((start, end, paragraph)) without the class's __new__, which namedtuple writes in Python (the
# splitter makes 35 a document).
new_sentence = partial(tuple.__new__, Sentence)


@dataclass
class Candidate:
    kind: str
    start: int
    end: int
    sentence: int
    amount: float | None = None
    currency: str | None = None
    quantity: int | None = None
    item: str | None = None
    item_subcategory: str | None = None
    item_category: str = "military"
    aliases: list[tuple[str, float]] = field(default_factory=list)
    fields: dict = field(default_factory=dict)
