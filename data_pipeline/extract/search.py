"""Finding words near a figure, shared by the rules above it: searches gated on the words a pattern needs, keyword
hits in a sentence, the figure nearest to a hit, clause bounds, and model names ("F-16", "Leopard 2") whose digits
are not figures. Owns no field of its own; it serves PLEDGES.md sections 1 and 2."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from data_pipeline.extract.candidates import Candidate, Sentence
from data_pipeline.lexicon import Lexicon, lexicon
from data_pipeline.patterns import EXOTIC_CASE_CHARACTERS

WHITESPACE_RE = re.compile(r"\s+")


# "tank ammunition", "drone-radars", "production of drones": the keyword after the gap names the thing.
HEAD_NOUN_GAP_RE = re.compile(r"[\s-]*|\s+(?:of|van|von|der|des)\s+(?:new\s+|nieuwe\s+|neuen\s+)?", re.IGNORECASE)


def skip_space(text: str, pos: int) -> int:
    return pos + 1 if pos < len(text) and text[pos] in " \u00a0\u202f" else pos


# "… has delivered 6 so far and will send 13 more": "and" before a future verb opens a clause of its own.
CLAUSE_BOUNDARY_RE = re.compile(
    r"[,;:]\s|\s(?:while|whereas|but|terwijl|maar|während|aber|doch)\s"
    r"|\s(?:and|en|und)\s(?=(?:will|would|shall|zal|zullen|wird|werden)\s)",
    re.IGNORECASE,
)


def clause_of(text: str, sentence: Sentence, candidate: Candidate) -> str:
    """The part of the sentence between the punctuation or contrast words around a figure."""
    start, end = clause_span(text, sentence, candidate.start, candidate.end)
    return text[start:end]


def clause_span(text: str, sentence: Sentence, first: int, last: int) -> tuple[int, int]:
    """Where the clause around the span [first, last) starts and ends."""
    start, end = sentence.start, sentence.end
    for m in CLAUSE_BOUNDARY_RE.finditer(text, sentence.start, sentence.end):
        if m.end() <= first:
            start = m.end()
        elif m.start() >= last:
            end = m.start()
            break
    return start, end


def after_definite_article(text: str, sentence: Sentence, position: int, lex: Lexicon) -> bool:
    """Whether a definite article stands right before `position` in the sentence ("die 30 Kampfjets", "of the
    tanks"): what follows names something already named."""
    return bool(lex.definite_before_re.search(text, max(sentence.start, position - 12), position))


def model_spans(text: str, sentence: Sentence, lex: Lexicon) -> list[tuple[int, int]]:
    """Where model names stand ("Leopard 1", "PzH 2000"): their digits are neither counts nor years."""
    return list(_model_spans(text, sentence, lex.language))


@lru_cache(maxsize=256)
def _model_spans(text: str, sentence: Sentence, language: str) -> tuple[tuple[int, int], ...]:
    # Cached: the number finder and year_expressions ask about the same sentence, 28 patterns a time.
    lex = lexicon(language)
    # One scan for where any model name starts: most sentences with a number name no model, and in the others
    # each model's pattern is tried only there (finditer_at) instead of scanning the sentence 28 times.
    starts = [m.start() for m in lex.model_starts_re.finditer(text, sentence.start, sentence.end)]
    if not starts:
        return ()
    spans = []
    for pattern in lex.model_res:
        found = finditer_at(pattern, text, sentence.start, sentence.end, starts)
        if found is None:
            found = pattern.finditer(text, sentence.start, sentence.end)
        spans.extend(m.span() for m in found)
    return tuple(spans)


def in_same_clause(text: str, spans: list[tuple], candidate: Candidate) -> list[tuple]:
    """The spans (start, end, …) with no ";" between them and the figure: a cue or period behind one belongs to
    another clause ("… vehicles that arrived in December 2024; and CAD 5 million for …")."""
    return [span for span in spans if ";" not in text[min(span[1], candidate.end) : max(span[0], candidate.start)]]


def nearest(matches: list[tuple[int, int, object]], start: int, end: int):
    """The value of the match closest to the span [start, end), or None."""
    best, best_distance = None, None
    for m_start, m_end, value in matches:
        distance = 0 if m_start < end and start < m_end else min(abs(m_start - end), abs(start - m_end))
        if best_distance is None or distance < best_distance:
            best, best_distance = value, distance
    return best


@lru_cache(maxsize=4)
def has_exotic_case(text: str) -> bool:
    # Four str searches, each a fast scan in C: a search for the class tested every character in turn.
    return any(character in text for character in EXOTIC_CASE_CHARACTERS)


@lru_cache(maxsize=4)
def _lowered(text: str) -> str | None:
    """The text in lower case, or None when it holds a character that IGNORECASE folds unlike str.lower."""
    return None if has_exotic_case(text) else text.lower()


def may_hold_between(text: str, words: tuple[str, ...] | None, start: int, end: int) -> bool:
    """False only when no match of a pattern with these required words can lie in text[start:end]: none of the
    words stands there (every match holds one of them). For a pattern searched sentence by sentence whose words
    are rare: one pass of str.find over the document instead of a search per sentence."""
    if words is None:
        return True
    spans = _word_spans(text, words)
    if spans is None:
        return True
    index = bisect_left(spans, (start,))
    while index < len(spans) and spans[index][0] < end:
        if spans[index][1] <= end:
            return True
        index += 1
    return False


def gated_search(name: str, text: str, sentence: Sentence, lex: Lexicon, chunk: str | None = None) -> re.Match | None:
    """lex.<name>.search over the sentence (over `chunk` when given: the sentence's text), None without a search
    where none of the words every match holds stands in the sentence (Lexicon.gate_words)."""
    if not may_hold_between(text, lex.gate_words[name], sentence.start, sentence.end):
        return None
    pattern = getattr(lex, name)
    return pattern.search(chunk) if chunk is not None else pattern.search(text, sentence.start, sentence.end)


@lru_cache(maxsize=32)
def _word_spans(text: str, words: tuple[str, ...]) -> list[tuple[int, int]] | None:
    """Where the words stand in the lower-cased text, in order; None when it cannot be lower-cased in place."""
    lowered = _lowered(text)
    if lowered is None:
        return None
    spans = []
    for word in words:
        found = lowered.find(word)
        while found != -1:
            spans.append((found, found + len(word)))
            found = lowered.find(word, found + 1)
    return sorted(spans)


def keyword_hits(
    text: str, sentence: Sentence, patterns: dict[str, re.Pattern], starts: list[int] | None = None
) -> list[tuple[int, int, str]]:
    """Each label's keywords in the sentence. `starts`: every position where one of the patterns can match
    (Lexicon.keyword_starts_re), to try each label there only (finditer_at) instead of scanning for each."""
    hits = []
    for label, pattern in patterns.items():
        found = finditer_at(pattern, text, sentence.start, sentence.end, starts) if starts is not None else None
        if found is None:
            found = pattern.finditer(text, sentence.start, sentence.end)
        for m in found:
            hits.append((m.start(), m.end(), label))
    # "artillery shells" is ammunition: a keyword inside a longer one of another label does not count.
    hits = [h for h in hits if not any(o[0] <= h[0] and h[1] <= o[1] and (o[1] - o[0]) > (h[1] - h[0]) for o in hits)]
    # In "tank ammunition" or "drone radars" the last word names the thing: a keyword directly followed
    # by one of another label only describes it.
    return [
        h
        for h in hits
        if not any(o[2] != h[2] and o[0] > h[0] and HEAD_NOUN_GAP_RE.fullmatch(text[h[1] : o[0]]) for o in hits)
    ]


def finditer_at(pattern: re.Pattern, text: str, start: int, end: int, positions: list[int]) -> list[re.Match] | None:
    """What pattern.finditer(text, start, end) finds, given every position where the pattern can match (sorted);
    None when that cannot be told (an empty match, after which finditer steps differently).

    finditer tries each position from `start` on, a try at p being pattern.match(text, p, end) (same string, end
    and look-behind context), and after a match goes on from its end. Positions where the pattern cannot match
    need no try: trying only the given ones, past the previous match, finds the same matches."""
    matches = []
    resume = start
    for position in positions:
        if position < resume:
            continue
        m = pattern.match(text, position, end)
        if m is not None:
            if m.end() == position:
                return None
            matches.append(m)
            resume = m.end()
    return matches


def assign_to_nearest(
    hits: list[tuple[int, int, str]], candidates: list[Candidate], text: str, lex: Lexicon, comma_joins: bool = False
) -> dict[int, list[tuple[int, int, str]]]:
    """Give each keyword to its figure, so two figures in one sentence keep their own words.

    A keyword between two figures belongs to the earlier one unless a clause joiner ("and", ";", "sowie")
    stands between it and the later one: in "€260m goes to artillery shells and another €240m to tank
    ammunition" the shells are the first figure's, though they stand closer to the second. Elsewhere the
    nearest figure wins. With `comma_joins` a comma divides clauses too (for periods: "In diesem Jahr fließen 600
    Millionen in den Fonds, im kommenden Jahr sollen 400 Millionen folgen").
    """
    assigned: dict[int, list] = {id(c): [] for c in candidates}
    ordered = sorted(candidates, key=lambda c: c.start)
    for hit in hits:
        owner = _owner_between_figures(hit, ordered, text, lex, comma_joins)
        if owner is None:
            owner = nearest([(c.start, c.end, id(c)) for c in candidates], hit[0], hit[1])
        if owner is not None:
            assigned[owner].append(hit)
    return assigned


def _owner_between_figures(
    hit: tuple[int, int, str], ordered: list[Candidate], text: str, lex: Lexicon, comma_joins: bool
) -> int | None:
    before = [c for c in ordered if c.end <= hit[0]]
    after = [c for c in ordered if c.start >= hit[1]]
    if not before or not after:
        return None
    previous, following = before[-1], after[0]
    joiners = [m.start() for m in lex.clause_joiners_re.finditer(text, previous.end, following.start)]
    dividers = ";," if comma_joins else ";"
    joiners += [previous.end + i for i, char in enumerate(text[previous.end : following.start]) if char in dividers]
    if not joiners:
        return None
    return id(previous) if hit[1] <= max(joiners) else id(following)
