"""How exact a figure is: exact, at_least ("more than", "ruim"), at_most ("up to", "plafond") or about ("some",
"circa"). Implements the qualifier column of PLEDGES.md section 2."""

from __future__ import annotations

import re
from functools import cache

from data_pipeline.extract.candidates import Candidate, Sentence
from data_pipeline.lexicon import Lexicon, lexicon

# "van 2 tot 3 miljard", "from 4 to 8 billion": a word between two numbers joins them and qualifies neither.
NUMBER_THEN_SPACE_RE = re.compile(r"\d\s+$")


def qualifier_of(text: str, sentence: Sentence, candidate: Candidate, lex: Lexicon) -> str:
    if candidate.fields.get("range"):
        return "at_least"  # "between €500 million and €700 million": the lower figure is certain
    window = text[max(sentence.start, candidate.start - 30) : candidate.start]
    best, best_end = "exact", -1
    for qualifier, pattern in lex.qualifier_before_res.items():
        hit = pattern.search(window)
        if hit and NUMBER_THEN_SPACE_RE.search(window, 0, hit.start()) and _joins_numbers(hit.group(0), lex):
            continue  # "van 2 tot 3 miljard": "tot" joins two numbers, it is no ceiling
        if hit and qualifier == "at_least" and lex.worth_noun_before_re.search(window, 0, hit.start()):
            continue  # "ein Paket über 650 Millionen Euro": worth, not more than
        if hit and hit.start() > best_end:
            best, best_end = qualifier, hit.start()
    if best == "exact" and candidate.kind == "money":
        clause = text[max(sentence.start, candidate.start - 120) : min(sentence.end, candidate.end + 120)]
        if lex.ceiling_context_re.search(clause):
            return "at_most"
    return best


@cache
def _number_joiners(language: str) -> frozenset[str]:
    words = lexicon(language).words
    return frozenset(w.lower() for w in [*words["range_connectors"], *words["superseded_cues"]["to"]])


def _joins_numbers(qualifier: str, lex: Lexicon) -> bool:
    return qualifier.split()[0].lower() in _number_joiners(lex.language)
