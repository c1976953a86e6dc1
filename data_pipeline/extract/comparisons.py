"""A figure set beside another in the same sentence: "€3.2 billion in military aid, compared with €410 million from
Hungary", "1,8 miljard euro, tegenover 300 miljoen euro voor Oostenrijk", "2,1 Milliarden Euro, gegenüber 150
Millionen Euro aus Irland". Trackers and reports compare one donor's total with another's: the compared figure is
the donor's it names, the first figure is not that donor's, and the compared figure is counted like the first (the
same status, scope and period) unless its own words say otherwise."""

from __future__ import annotations

import re

from data_pipeline.extract.candidates import Candidate, Sentence
from data_pipeline.extract.donors import donors_in
from data_pipeline.extract.status import running_total_cue
from data_pipeline.lexicon import Lexicon

# The words between the comparison cue and the compared figure: a few, in one clause ("tegenover de Nederlandse
# inspanning van 587 miljoen euro"); further away the figure is not what is compared.
MAX_CHARACTERS_AFTER_CUE = 60
CLAUSE_END_RE = re.compile(r"[.;:!?()\[\]]")


def mark_comparisons(text: str, sentence: Sentence, group: list[Candidate], lex: Lexicon) -> None:
    """Mark each figure compared with the figure before it: fields "compared_with" (that figure) and
    "comparison_cue" (the cue's span); the first figure gets "compared_at" (where the cue starts)."""
    ordered = sorted(group, key=lambda c: c.start)
    for first, second in zip(ordered, ordered[1:], strict=False):
        if first.kind != second.kind:
            continue
        cue = _comparison_cue(text, first.end, second.start, lex)
        if cue is not None:
            second.fields["compared_with"] = first
            second.fields["comparison_cue"] = cue
            first.fields["compared_at"] = cue[0]


def _comparison_cue(text: str, start: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """The last comparison cue between two figures, when few words of one clause follow it up to the second."""
    cues = list(lex.comparison_cues_re.finditer(text, start, end))
    if not cues:
        return None
    cue = cues[-1]
    between = text[cue.end() : end]
    if len(between) > MAX_CHARACTERS_AFTER_CUE or CLAUSE_END_RE.search(between):
        return None
    return cue.start(), cue.end()


def donor_span(candidate: Candidate, sentence: Sentence) -> tuple[int, int] | None:
    """Where the donor of a figure in a comparison is named: the compared figure's from its cue on, the first
    figure's before the cue (up to the next comparison's cue, in a chain); None outside a comparison."""
    cue = candidate.fields.get("comparison_cue")
    compared_at = candidate.fields.get("compared_at")
    if cue is None and compared_at is None:
        return None
    return (cue[0] if cue is not None else sentence.start, compared_at if compared_at is not None else sentence.end)


# Where the compared figure's own words end: its clause ("…, compared with €410 million from Hungary, according to
# the tracker").
COMPARED_PART_END_RE = re.compile(r"[,.;:!?()\[\]]")


def compared_donor(text: str, sentence: Sentence, candidate: Candidate, lex: Lexicon) -> str | None:
    """The donor a compared figure's own words name, from the cue to the end of its clause: "from Hungary", "voor
    Oostenrijk", "aus Irland", "de Nederlandse inspanning van …" (givers only; several are a joint figure)."""
    cue_start = candidate.fields["comparison_cue"][0]
    end_of_clause = COMPARED_PART_END_RE.search(text, candidate.end, sentence.end)
    end = min(
        end_of_clause.start() if end_of_clause else sentence.end, candidate.fields.get("compared_at", sentence.end)
    )
    names = {name for _, _, name in donors_in(text, cue_start, end, lex) if name not in lex.non_givers}
    return ";".join(sorted(names)) or None


def read_like_the_compared(text: str, sentences: list[Sentence], candidates: list[Candidate], lex: Lexicon) -> None:
    """A compared figure takes the status and scope of the figure it is compared with, unless its own words (from
    the cue to the end of its part) hold a status cue, and that figure's period, unless it states one itself."""
    kept = {id(c) for c in candidates}
    for c in candidates:
        first = c.fields.get("compared_with")
        if first is None or id(first) not in kept:
            continue
        sentence = sentences[c.sentence]
        own_end = c.fields.get("compared_at", sentence.end)
        own_words = text[c.fields["comparison_cue"][1] : own_end]
        if first.fields["scope"] in ("package", "running_total") and not _states_a_status(own_words, lex):
            c.fields["status"], c.fields["scope"] = first.fields["status"], first.fields["scope"]
        if not c.fields.get("years_stated"):
            c.fields["years"] = first.fields["years"]


def _states_a_status(words: str, lex: Lexicon) -> bool:
    return bool(
        lex.pledge_cues_re.search(words) or lex.delivered_cues_re.search(words) or running_total_cue(words, lex)
    )
