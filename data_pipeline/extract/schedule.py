"""Which figures only schedule a pledge (PLEDGES.md 7.3: no delivery schedule of one pledge, no per-year rate beside
its total; the schedule's last year may set year_end).

Money: "… to 21.9 billion kroner in 2023-2028. This year 7.5 billion, 10.4 billion in 2024 and one billion a year in
2025-2028" is one pledge, not four. The test is arithmetic, not wording: figures next to a total, in its donor and
currency, each covering a narrower slice of its years without overlapping, that add up to it.

Counts: "at least 100 Leopard 1 tanks … between 20 and 25 of the tanks would arrive by summer, about 80 by the end of
the year and more than 100 in 2024": a sentence right after a count that names its items again with a definite
article and states years schedules it; the count runs to the last of those years."""

from __future__ import annotations

from data_pipeline.extract.candidates import Candidate, Sentence
from data_pipeline.extract.search import after_definite_article
from data_pipeline.extract.years import year_expressions
from data_pipeline.lexicon import Lexicon

# Rounded figures ("rund 1,5 Milliarden") still add up to their total within this share of it.
SUM_TOLERANCE = 0.01


def without_year_schedules(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates without those that split a total next to them (before or after it) by year."""
    ordered = sorted(candidates, key=lambda c: c.start)
    schedule: set[int] = set()
    for position, total in enumerate(ordered):
        span = _span(total)
        if total.kind != "money" or not total.amount or total.fields.get("per_year") or span is None:
            continue
        if span[0] == span[1] or id(total) in schedule:
            continue
        for neighbours in (ordered[position + 1 :], ordered[position - 1 :: -1] if position else []):
            run = _schedule_run(total, span, neighbours)
            if run:
                schedule.update(id(c) for c in run)
                break
    return [c for c in candidates if id(c) not in schedule]


def _schedule_run(total: Candidate, span: tuple[int, int], neighbours: list[Candidate]) -> list[Candidate]:
    """The figures next to `total`, in text order away from it, whose yearly slices add up to it; [] if none do."""
    run: list[Candidate] = []
    taken: set[int] = set()
    covered = 0.0
    for candidate in neighbours:
        slice_ = _span(candidate)
        if (
            candidate.kind != "money"
            or not candidate.amount
            or candidate.currency != total.currency
            or candidate.fields.get("donor") != total.fields.get("donor")
            or slice_ is None
            or slice_ == span
            or slice_[0] < span[0]
            or slice_[1] > span[1]
        ):
            break
        years = set(range(slice_[0], slice_[1] + 1))
        if years & taken:
            break
        taken |= years
        covered += candidate.amount * (len(years) if candidate.fields.get("per_year") else 1)
        run.append(candidate)
        if len(run) >= 2 and abs(covered - total.amount) <= SUM_TOLERANCE * total.amount:
            return run
        if covered > total.amount * (1 + SUM_TOLERANCE):
            break
    return []


def _span(candidate: Candidate) -> tuple[int, int] | None:
    first, last = candidate.fields.get("years", (None, None))
    return (first, last) if first is not None and last is not None else None


# How many sentences after a count its delivery schedule may follow.
SCHEDULE_REACH = 2


def extend_years_by_delivery_schedules(
    text: str, sentences: list[Sentence], candidates: list[Candidate], published: str | None, lex: Lexicon
) -> None:
    """A pledged count whose items a following sentence names again ("of the tanks", "die Panzer") with years runs
    to the last of those years."""
    with_figures = {c.sentence for c in candidates}
    for c in candidates:
        span = _span(c)
        if c.kind != "equipment" or c.fields["status"] != "pledged" or c.fields["scope"] != "package" or span is None:
            continue
        # The item's words and the figure's own ("40 CV90 infantry fighting vehicles" names its kind too).
        words = set(c.item.lower().split()) | set(text[c.start : c.end].lower().split())
        for index in range(c.sentence + 1, min(c.sentence + 1 + SCHEDULE_REACH, len(sentences))):
            if index in with_figures:
                break  # another figure's sentence: the story moved on
            sentence = sentences[index]
            if not _names_the_items_again(text, sentence, words, lex):
                continue
            periods = [e[2] for e in year_expressions(text, sentence, published, lex) if e[2][0] and e[2][1]]
            if periods:
                # Its own sentence's period starts it; else the pledge starts when it is made (the years taken
                # from this very sentence, read as referring back, were only the schedule's).
                first = span[0] if c.fields.get("years_stated") or not published else int(published[:4])
                last = max(span[1] if c.fields.get("years_stated") else first, *(end for _, end in periods))
                c.fields["years"] = (min(first, *(start for start, _ in periods)), last)
                c.fields["years_scheduled"] = True
            break


def _names_the_items_again(text: str, sentence: Sentence, words: set[str], lex: Lexicon) -> bool:
    """Whether the sentence names items of the kind `words` describes after a definite article ("the tanks")."""
    if lex.any_item_re.search(text, sentence.start, sentence.end) is None:
        return False  # one search rules out the eighty patterns below, in most sentences
    for rule in lex.item_nouns:
        same_item = bool(words & set(rule.item.lower().split()))
        for hit in rule.pattern.finditer(text, sentence.start, sentence.end):
            if not (same_item or words & set(hit.group().lower().split())):
                continue
            if after_definite_article(text, sentence, hit.start(), lex):
                return True
    return False
