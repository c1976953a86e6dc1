"""One mention per figure: the same figure repeated within a document with the same meaning (a headline and the
body, a conversion's alias) and a figure restated by a correction are one mention. Implements PLEDGES.md section 1
("the same figure repeated within one document")."""

from __future__ import annotations

import math

from data_pipeline.extract.candidates import Candidate, Sentence
from data_pipeline.extract.search import gated_search
from data_pipeline.lexicon import Lexicon


def without_correction_restatements(
    text: str, sentences: list[Sentence], candidates: list[Candidate], lex: Lexicon
) -> list[Candidate]:
    """A correction notice ("Correction: An earlier version … said 10 tanks; the number is 19. It also gave … as
    €50 million; the correct figure is €15 million.") adds no figure: what it calls wrong was never said, and the
    corrected figure restates the amended body. From the sentence with the cue to the end of its paragraph, a
    figure before a ";" is the wrong one, and one the document states outside the notice is a restatement."""
    notice: set[int] = set()
    paragraph = None
    for index, sentence in enumerate(sentences):
        if paragraph is not None and sentence.paragraph == paragraph:
            notice.add(index)
        elif gated_search("correction_cues_re", text, sentence, lex):
            notice.add(index)
            paragraph = sentence.paragraph
        else:
            paragraph = None
    if not notice:
        return candidates
    stated = _figures_stated(c for c in candidates if c.sentence not in notice)
    return [
        c
        for c in candidates
        if c.sentence not in notice
        or not (_restated(c, stated) or _before_the_corrected_statement(text, sentences[c.sentence], c, lex))
    ]


def _figures_stated(candidates) -> dict[tuple, list[float]]:
    """The figures by the keys _restated looks them up under: money by currency and whole units (with the exact
    amounts), equipment by quantity and item."""
    stated: dict[tuple, list[float]] = {}
    for c in candidates:
        amount = c.amount or 0
        key = ("money", c.currency, _whole(amount)) if c.kind == "money" else ("equipment", c.quantity, c.item)
        stated.setdefault(key, []).append(amount)
    return stated


def _whole(amount: float) -> float:
    return math.floor(amount) if math.isfinite(amount) else amount


def _restated(c: Candidate, stated: dict[tuple, list[float]]) -> bool:
    """Whether the document states the same figure outside the notice (an amount less than 1 from it, or the same
    count of the same item), looked up by key rather than compared with every other figure."""
    if c.kind == "equipment":
        return ("equipment", c.quantity, c.item) in stated
    amount = c.amount or 0
    # Amounts less than 1 apart have whole parts at most 1 apart.
    whole = _whole(amount)
    return any(
        abs(other - amount) < 1 for step in (-1, 0, 1) for other in stated.get(("money", c.currency, whole + step), ())
    )


def _before_the_corrected_statement(text: str, sentence: Sentence, c: Candidate, lex: Lexicon) -> bool:
    """A figure before a ";" in a sentence of a notice without a cue of its own: the wrong one."""
    cue = lex.correction_cues_re.search(text, sentence.start, sentence.end)
    return cue is None and ";" in text[c.end : sentence.end]


# How many figures a figure is compared with: the last kept ones (for a repeat) and those around it (for a
# conversion). A headline and its body are far closer than this in any real document (the longest test article
# has 60 figures); a list of 100,000 figures would otherwise compare every pair.
DEDUPE_NEIGHBOURHOOD = 200


def dedupe_within_document(candidates: list[Candidate]) -> list[Candidate]:
    """A figure said twice in one document with the same meaning is one mention; a headline figure in another
    currency that the body gives as a bracketed conversion is the body's figure."""
    kept: list[Candidate] = []
    # Each figure's parts, by the figure (a restated figure's parts move to the kept one below): looked up, not
    # found by a pass over every figure for each restatement.
    parts_of: dict[int, list[Candidate]] = {}
    for other in candidates:
        if other.fields.get("parent") is not None:
            parts_of.setdefault(id(other.fields["parent"]), []).append(other)
    for index, c in enumerate(candidates):
        duplicate = next((k for k in kept[-DEDUPE_NEIGHBOURHOOD:] if same_figure(k, c)), None)
        if duplicate is None:
            near = candidates[max(0, index - DEDUPE_NEIGHBOURHOOD) : index + DEDUPE_NEIGHBOURHOOD + 1]
            alias_owner = next((k for k in near if k is not c and _is_alias(k, c)), None)
            if alias_owner is not None:
                continue
            kept.append(c)
        else:
            # "Von diesen 300 Millionen sind 100 Millionen …": the restated figure's parts are the kept figure's.
            for other in parts_of.get(id(c), ()):
                other.fields["parent"] = duplicate
            if duplicate.fields["qualifier"] == "exact" and c.fields["qualifier"] != "exact":
                duplicate.fields["qualifier"] = c.fields["qualifier"]
            if c.fields.get("per_year"):
                # "£3bn a year" in the headline, "£3 billion in military aid" in the body: a yearly figure.
                duplicate.fields["per_year"] = True
            if c.kind == "equipment" and duplicate.fields["subcategory"] == "general" != c.fields["subcategory"]:
                # "650 missiles" in the headline, "The 650 Lightweight Multirole Missiles" in the body: the model.
                duplicate.item, duplicate.fields["subcategory"] = c.item, c.fields["subcategory"]
            widens = c.fields.get("refers_back") or c.fields.get("years_scheduled")
            if widens and c.fields["years"] != duplicate.fields["years"]:
                # "… noch heuer die ersten von 30 F-16 … Die 30 Kampfjets sollen bis 2028 geliefert werden", or a
                # restated count followed by its delivery schedule: the deliveries' last year ends the pledge
                # (PLEDGES.md 7.3).
                (first, last), (other_first, other_last) = duplicate.fields["years"], c.fields["years"]
                duplicate.fields["years"] = (_earliest(first, other_first), _latest(last, other_last))
            elif c.fields.get("years_stated") and not duplicate.fields.get("years_stated"):
                # A headline without a period; the body says "voor 2025 en 2026".
                duplicate.fields["years"], duplicate.fields["years_stated"] = c.fields["years"], True
            if duplicate.fields.get("category_unstated") and not c.fields.get("category_unstated"):
                # A headline without words for what the money is for; the body says it.
                duplicate.fields["category"], duplicate.fields["subcategory"] = (
                    c.fields["category"],
                    c.fields["subcategory"],
                )
                duplicate.fields["category_unstated"] = False
    return kept


def same_figure(a: Candidate, b: Candidate) -> bool:
    if a.kind != b.kind or a.fields["status"] != b.fields["status"] or a.fields["scope"] != b.fields["scope"]:
        return False
    if b.fields.get("refers_back") and a.kind == "equipment" and a.quantity == b.quantity:
        # "Die 30 Kampfjets" after "30 F16-Kampfflugzeugen": the same aircraft, whatever years each sentence names.
        return _same_items(a, b) or (a.item_subcategory is not None and a.item_subcategory == b.item_subcategory)
    if a.fields.get("years_stated") and b.fields.get("years_stated") and a.fields["years"] != b.fields["years"]:
        return False  # "2025 | € 3,5 miljard" and "2026 | € 3,5 miljard" are two tranches
    if a.kind == "money":
        parent = a.fields.get("parent")
        if parent is not None and parent is b.fields.get("parent") and _halves_of(parent, a, b):
            return False  # "eine Milliarde für Rückerstattungen … Mit der zweiten Milliarde …" of two billion
        return a.currency == b.currency and abs(a.amount - b.amount) <= 0.005 * max(a.amount, b.amount)
    return a.quantity == b.quantity and _same_items(a, b)


def _halves_of(parent: Candidate, a: Candidate, b: Candidate) -> bool:
    """Two equal parts that add up to their package are its two halves, not one part said twice."""
    if parent.kind != "money" or parent.currency != a.currency or not parent.amount:
        return False
    return abs((a.amount or 0) + (b.amount or 0) - parent.amount) <= 0.01 * parent.amount


def _same_items(a: Candidate, b: Candidate) -> bool:
    return bool(set(a.item.lower().split()) & set(b.item.lower().split()))


def _earliest(first: int | None, other: int | None) -> int | None:
    return min(first, other) if first is not None and other is not None else first if other is None else other


def _latest(last: int | None, other: int | None) -> int | None:
    return max(last, other) if last is not None and other is not None else last if other is None else other


def _is_alias(owner: Candidate, c: Candidate) -> bool:
    return c.kind == "money" and any(
        currency == c.currency and abs(amount - c.amount) <= 0.01 * c.amount for currency, amount in owner.aliases
    )
