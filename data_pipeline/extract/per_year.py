"""Which money figures are yearly amounts: a commitment stated only as a rate per year over a period ("£3 billion a
year until 2030-31", "jährlich 8 Milliarden Euro bis 2027", "elk jaar 3,5 miljard tot en met 2026"). Implements the
per_year column (PLEDGES.md section 2): the amount is then the yearly figure, and each year covered gets all of it.
A yearly rate given beside its total is no mention at all (support.drop_non_support drops it first), so a figure
still marked here is the only statement of its commitment."""

from __future__ import annotations

from data_pipeline.extract.candidates import Candidate, Sentence
from data_pipeline.lexicon import Lexicon

# How far before a figure a yearly cue may stand ("jährlich rund 8 Milliarden", "elk jaar ruim 3,5 miljard").
BEFORE_WINDOW = 40


def mark_per_year(text: str, sentence: Sentence, group: list[Candidate], lex: Lexicon) -> None:
    """Set fields["per_year"] on every figure of one sentence: True for a money figure with a yearly cue a few
    plain words after it in its clause, or right before it, with no other figure between."""
    ordered = sorted(group, key=lambda c: c.start)
    for position, candidate in enumerate(ordered):
        candidate.fields["per_year"] = False
        if candidate.kind != "money":
            continue
        following = ordered[position + 1].start if position + 1 < len(ordered) else sentence.end
        after = lex.yearly_after_re.match(text, candidate.end, min(following, sentence.end))
        if after:
            words = after.group("words").split()
            if not words or words[-1].lower() not in lex.not_a_rate_before:
                candidate.fields["per_year"] = True
                continue
        preceding = ordered[position - 1].end if position else sentence.start
        window = text[max(sentence.start, preceding, candidate.start - BEFORE_WINDOW) : candidate.start]
        if lex.yearly_before_re.search(window):
            candidate.fields["per_year"] = True
