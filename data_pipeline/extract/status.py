"""Pledged or delivered, and package, part or running total: status and scope cues nearest to a figure, running
totals ("so far", "tot nu toe", "bisher"), new money beside a total, a list introduction's status. Implements the
status and scope columns of PLEDGES.md section 2."""

from __future__ import annotations

import re
from functools import cache

from data_pipeline.extract.candidates import Candidate, Sentence
from data_pipeline.extract.search import clause_span, gated_search, in_same_clause
from data_pipeline.extract.sentences import context_sentence
from data_pipeline.lexicon import Lexicon, raw
from data_pipeline.patterns import phrase_pattern


def _cue_distance(pattern: re.Pattern, text: str, sentence: Sentence, candidate: Candidate) -> int | None:
    spans = [(m.start(), m.end(), 0) for m in pattern.finditer(text, sentence.start, sentence.end)]
    return _distance_to_spans(spans, candidate)


def _distance_to_spans(spans: list[tuple[int, int, int]], candidate: Candidate) -> int | None:
    if not spans:
        return None
    return min(
        0 if a < candidate.end and candidate.start < b else min(abs(a - candidate.end), abs(candidate.start - b))
        for a, b, _ in spans
    )


def classify_status_and_scope(
    text: str, sentences: list[Sentence], index: int, group: list[Candidate], lex: Lexicon
) -> None:
    sentence = sentences[index]
    chunk = text[sentence.start : sentence.end]
    future_total = gated_search("future_total_cues_re", text, sentence, lex, chunk)
    running = running_total_cue(chunk, lex)
    weak_running = gated_search("weak_running_total_cues_re", text, sentence, lex, chunk)
    weak_running = weak_running and lex.already_cues_re.search(chunk)
    # The cues of the sentence, found once for all its figures (_cue_distance per figure found the same).
    pledge_spans = [(m.start(), m.end(), 0) for m in lex.pledge_cues_re.finditer(text, sentence.start, sentence.end)]
    # "supplied by Canadian companies", "provided by Canadian industry": who makes the goods, not a delivery.
    made_by = _made_by_re(lex.language)
    delivered_spans = [
        (m.start(), m.end(), 0)
        for m in lex.delivered_cues_re.finditer(text, sentence.start, sentence.end)
        if not made_by.match(text, m.end(), sentence.end) and not _only_promised(text, sentence, m.start(), lex)
    ]
    # "Germany will send two more IRIS-T, …, adding that Berlin had so far provided €28 billion": a running-total
    # cue in the clause of another figure is that figure's (and its parts').
    running_clause = (
        clause_span(text, sentence, sentence.start + running.start(), sentence.start + running.end())
        if (running is not None and len(group) > 1)
        else None
    )
    promises_too = running is not None and gated_search("promised_or_delivered_re", text, sentence, lex, chunk)
    for c in group:
        pledge_distance = _distance_to_spans(in_same_clause(text, pledge_spans, c), c)
        delivered_distance = _distance_to_spans(in_same_clause(text, delivered_spans, c), c)
        # "With next year's €3.5 billion, total support since 2022 will reach €20 billion": the total is the
        # figure after the cue; one before it is a package, and the words describing the total are not its own.
        total_after = future_total is not None and sentence.start + future_total.start() >= c.end
        running_here = running is not None and not (total_after and sentence.start + running.start() >= c.end)
        if running_here and running_clause is not None and not running_clause[0] <= c.start < running_clause[1]:
            # A part after it ("…, of which £7.8 billion is military") is still the total's.
            part = c.start >= running_clause[1] and lex.part_cues_re.search(text, running_clause[1], c.start)
            if not part:
                running_here = not any(running_clause[0] <= o.start < running_clause[1] for o in group if o is not c)
        if running_here and _new_beside_a_total(text, c, group, lex):
            c.fields["status"], c.fields["scope"] = "pledged", "package"
            continue
        if future_total and not total_after:
            status, scope = "pledged", "running_total"
        elif running_here and promises_too:
            status, scope = "pledged", "running_total"  # "geliefert oder zugesagt": it includes promises
        elif running_here or (weak_running and delivered_distance is not None):
            status, scope = "delivered", "running_total"
        elif delivered_distance is not None and (pledge_distance is None or delivered_distance < pledge_distance):
            status, scope = "delivered", "package"
        elif pledge_distance is not None:
            status, scope = "pledged", "package"
        elif _package_noun_after_re(lex.language).match(text, c.end, sentence.end):
            # "a $300 million package in March": a package of its own, whatever total the sentence before gave.
            status, scope = "pledged", "package"
        else:
            status, scope = _status_from_list_introduction(text, sentences, index, lex)
        c.fields["status"], c.fields["scope"] = status, scope


@cache
def _made_by_re(language: str) -> re.Pattern:
    words = raw(language)
    return re.compile(
        rf"\s+(?:{phrase_pattern(words.get('maker_prepositions', []))})\s+(?:[^\W\d_][\w'-]*\s+){{0,3}}?"
        rf"(?:{phrase_pattern(words.get('maker_nouns', []))})(?![\w-])",
        re.I,
    )


# How far before a delivery word a future or modal verb of its clause may stand ("sollen bis Ende 2027 an die
# Ukraine geliefert werden").
FUTURE_WINDOW = 60


def _only_promised(text: str, sentence: Sentence, cue_start: int, lex: Lexicon) -> bool:
    """A delivery word in an infinitive ("hat zugesagt, die Jets zu übergeben", "pledged to deliver") or after a
    future or modal verb of its clause ("De jets moeten in 2027 geleverd zijn", "sollen bis 2027 geliefert werden")
    tells what is promised, not what was delivered."""
    clause_start = clause_span(text, sentence, cue_start, cue_start)[0]
    return bool(_promise_before_re(lex.language).search(text, max(clause_start, cue_start - FUTURE_WINDOW), cue_start))


@cache
def _promise_before_re(language: str) -> re.Pattern:
    words = raw(language)
    future = phrase_pattern(words.get("future_cues", []))
    infinitive = phrase_pattern(words.get("infinitive_markers", []))
    return re.compile(
        rf"(?:(?<![\w-])(?:{future})\s+(?:[\w'’-]+\s+){{0,6}}|(?<![\w-])(?:{infinitive})\s+)$", re.IGNORECASE
    )


@cache
def _package_noun_after_re(language: str) -> re.Pattern:
    return re.compile(rf"\s*(?:{phrase_pattern(raw(language).get('package_nouns', []))})(?![\w-])", re.I)


@cache
def _named_new_re(language: str) -> re.Pattern:
    """A word naming a figure new just before it: "new €400 million", "het nieuwe pakket van 400 miljoen", "dem neuen
    Paket über 500 Millionen" (searched with the figure's start as endpos)."""
    cues = phrase_pattern(raw(language).get("new_package_cues", []))
    return re.compile(rf"(?<![\w-])(?:{cues})\s+(?:[^\W\d_][\w'’-]*\s+){{0,2}}$", re.I)


def _new_beside_a_total(text: str, c: Candidate, group: list[Candidate], lex: Lexicon) -> bool:
    """A figure named new in a sentence that also gives a running total ("Italy's new €400 million package comes on
    top of the €2.5 billion it has provided since 2022") is the package the total grows by: pledged, a package of
    its own, whatever the verb of the total says."""
    return _named_new(text, c, lex) and any(o is not c and not _named_new(text, o, lex) for o in group)


def _named_new(text: str, figure: Candidate, lex: Lexicon) -> bool:
    m = _named_new_re(lex.language).search(text, max(0, figure.start - 40), figure.start)
    return m is not None and not TOTAL_WORD_RE.search(m.group())


TOTAL_WORD_RE = re.compile(r"total|totaal|gesamt|summe|bilan", re.I)


def running_total_cue(chunk: str, lex: Lexicon) -> re.Match | None:
    """A cue of a cumulative figure ("so far", "tot nu toe", "bislang"), unless it ranks something: "its largest
    package so far", "het grootste pakket tot nu toe", "das bislang größte Paket"."""
    for cue in lex.running_total_cues_re.finditer(chunk):
        before = chunk[max(0, cue.start() - 40) : cue.start()]
        after = chunk[cue.end() : cue.end() + 40]
        if not (lex.superlative_near_re.search(before) or lex.superlative_near_re.match(after)):
            return cue
    return None


def _status_from_list_introduction(
    text: str, sentences: list[Sentence], index: int, lex: Lexicon
) -> tuple[str | None, str]:
    """A list item takes its status from the line introducing the list ("Bisher geliefert:"), a sentence that
    refers back from the sentence before it; any other figure without a verb of its own is decided from the
    context (link_parts)."""
    introduction = context_sentence(text, sentences, index, lex)
    if introduction is None:
        return None, "package"
    chunk = text[introduction.start : introduction.end]
    if lex.future_total_cues_re.search(chunk):
        return "pledged", "running_total"
    if lex.running_total_cues_re.search(chunk):
        return ("pledged" if lex.promised_or_delivered_re.search(chunk) else "delivered"), "running_total"
    promised = [m.span() for m in lex.pledge_cues_re.finditer(chunk)]
    # "Zugesagt, aber noch nicht geliefert:": a delivery word inside a promise ("noch nicht geliefert") is none.
    if any(
        not any(a <= m.start() and m.end() <= b for a, b in promised) for m in lex.delivered_cues_re.finditer(chunk)
    ):
        return "delivered", "package"
    if promised:
        return "pledged", "package"
    return None, "package"
