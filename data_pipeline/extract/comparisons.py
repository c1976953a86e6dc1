"""A figure set beside another in the same sentence: "€3.2 billion in military aid, compared with €410 million from
Portugal", "1,8 miljard euro, tegenover 300 miljoen euro voor Oostenrijk", "2,1 Milliarden Euro, gegenüber 150
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
# inspanning van 587 miljoen euro"); further away, or behind a comma, the figure is not what is compared.
MAX_CHARACTERS_AFTER_CUE = 60
# Where a compared figure's own words end: its clause ("…, compared with €410 million from Portugal, according to
# the tracker").
CLAUSE_END_RE = re.compile(r"[,.;:!?()\[\]]")


def mark_comparisons(text: str, sentence: Sentence, group: list[Candidate], lex: Lexicon) -> None:
    """Mark each figure compared with the figure before it: fields "compared_with" (that figure) and
    "comparison_cue" (the cue's span); the first figure gets "compared_at" (where the cue starts) and
    "compared_by" (the compared figure)."""
    ordered = sorted(group, key=lambda c: c.start)
    for index, (first, second) in enumerate(zip(ordered, ordered[1:], strict=False)):
        if first.kind != second.kind:
            continue
        cue = _comparison_cue(text, first.end, second.start, lex)
        if cue is not None:
            second.fields["compared_with"] = first
            second.fields["comparison_cue"] = cue
            first.fields["compared_at"] = cue[0]
            first.fields["compared_by"] = second
            if index + 2 < len(ordered):  # its own words end where the next figure starts
                second.fields["compared_part_end"] = ordered[index + 2].start


def _comparison_cue(text: str, start: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """The last comparison cue between two figures, in the first figure's clause ("…, tegenover", not "… en zegde
    tegenover president Zelensky … toe"), followed by a few words of one clause up to the second figure that name
    at most one giver, no official ("gegenüber Polen kündigte Scholz … an") and no status of its own. (A figure
    after "the EU average of" is no figure at all: the support filter drops it.)"""
    cues = list(lex.comparison_cues_re.finditer(text, start, end))
    if not cues:
        return None
    cue = cues[-1]
    before, after = text[start : cue.start()], text[cue.end() : end]
    if len(after) > MAX_CHARACTERS_AFTER_CUE or CLAUSE_END_RE.search(after):
        return None
    # "… geleverd en zegde tegenover …": the cue is in a clause of its own ("aid and training, compared …" is not).
    if lex.clause_joiners_re.search(before) and not before.rstrip().endswith(","):
        return None
    if lex.clause_joiners_re.search(after) or _states_a_status(after, lex):
        return None  # "tegenover Oekraïne en 500 miljoen …" is a list
    named = [text[a:b].lower() for a, b, _name in donors_in(text, cue.end(), end, lex)]
    if len(named) > 1 or any(name in lex.official_aliases for name in named):
        return None  # "gegenüber Polen kündigte Scholz …": a subject of its own opens another clause
    return cue.start(), cue.end()


def compared_donor(text: str, sentence: Sentence, candidate: Candidate, lex: Lexicon) -> str | None:
    """The donor a compared figure's own words name as its giver: "from Portugal", "voor Oostenrijk", "aus Irland",
    "Ireland's", "de Nederlandse inspanning van …" (several: a joint figure); not a place or a recipient ("it sent
    to refugees in Poland")."""
    start, end = _compared_part(text, sentence, candidate)
    cue_end = candidate.fields["comparison_cue"][1]
    names = set()
    for name_start, _end, name in donors_in(text, start, end, lex):
        before = text[max(cue_end, name_start - 20) : name_start]  # "compared to Ireland's": not the cue's "to"
        if name in lex.non_givers:
            continue
        if lex.non_subject_before_re.search(before) and not lex.comparison_giver_before_re.search(before):
            continue
        names.add(name)
    return ";".join(sorted(names)) or None


def _compared_part(text: str, sentence: Sentence, candidate: Candidate) -> tuple[int, int]:
    """A compared figure's own words: from its cue to the end of its clause, the next comparison's cue or the next
    figure."""
    end_of_clause = CLAUSE_END_RE.search(text, candidate.end, sentence.end)
    end = end_of_clause.start() if end_of_clause else sentence.end
    for limit in (candidate.fields.get("compared_at"), candidate.fields.get("compared_part_end")):
        end = min(end, limit) if limit is not None else end
    return candidate.fields["comparison_cue"][0], end


def read_like_the_compared(text: str, sentences: list[Sentence], candidates: list[Candidate], lex: Lexicon) -> None:
    """A compared figure takes the status and scope of the figure it is compared with, unless its own words (after
    the cue, to the end of its clause) hold a status cue, and that figure's period, unless it states one itself.
    A part stays a part (of its own package)."""
    kept = {id(c) for c in candidates}
    for c in candidates:
        first = c.fields.get("compared_with")
        if first is None or id(first) not in kept or c.fields["scope"] == "part":
            continue
        _cue_start, end = _compared_part(text, sentences[c.sentence], c)
        own_words = text[c.fields["comparison_cue"][1] : end]
        if first.fields["scope"] in ("package", "running_total") and not _states_a_status(own_words, lex):
            c.fields["status"], c.fields["scope"] = first.fields["status"], first.fields["scope"]
        if not c.fields.get("years_stated"):
            c.fields["years"], c.fields["years_stated"] = first.fields["years"], first.fields.get("years_stated")


def _states_a_status(words: str, lex: Lexicon) -> bool:
    return bool(
        lex.pledge_cues_re.search(words) or lex.delivered_cues_re.search(words) or running_total_cue(words, lex)
    )
