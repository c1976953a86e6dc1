"""Who gives and who receives: donor names in a sentence, the document's main donor, officials who only speak,
federal hosts ("die Bundesregierung"), the issuer of a national currency, and the recipient. Implements the donor and
recipient columns of PLEDGES.md section 2 (joint pledges, canonical names) and the judgement calls of section 7."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from data_pipeline.extract.candidates import Candidate, Sentence
from data_pipeline.extract.search import WHITESPACE_RE
from data_pipeline.lexicon import Lexicon, common, lexicon

POSSESSIVE_RE = re.compile(r"'s$")


def donors_in(text: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int, str]]:
    # main_donor scans the whole text; the donor, the recipient and the agreement finder ask about parts of it
    # (sentences, a sentence up to a figure): their names are read off the whole text's matches when that is
    # exact (_donors_from_whole), else each part is looked up once.
    if lex.donor_names_are_phrases and (start, end) != (0, len(text)):
        found = _donors_from_whole(text, start, end, lex.language)
        if found is not None:
            return found
    return list(_donors_in(text, start, end, lex.language))


def _donors_from_whole(text: str, start: int, end: int, language: str) -> list[tuple[int, int, str]] | None:
    """The names donor_re.finditer(text, start, end) finds, taken from the scan of the whole text, or None.

    Both scans try the same positions inside [start, end) unless a match of the whole scan runs over `start` or
    `end` (then None), and a try looks at the same characters (look-behinds see the text before `start` in
    both), except past `end`, where the part ends. A name is phrases of letters (no 're:' patterns) followed by
    look-aheads for a word character or a hyphen and an optional "'s": when the character at `end` is
    whitespace these see it as they see the end of the part, and when the character before `end` is whitespace
    no name can end at `end`, so a try reading past it would run over it in the whole text. Otherwise None."""
    if not (end == len(text) or text[end].isspace() or (end > 0 and text[end - 1].isspace())):
        return None
    spans, names = _whole_text_donors(text, language)
    first = bisect_left(spans, (start,))
    if first > 0 and spans[first - 1][1] > start:
        return None  # a match of the whole scan runs over `start`
    found = []
    for index in range(first, len(spans)):
        m_start, m_end = spans[index]
        if m_start >= end:
            break
        if m_end > end:
            return None  # runs over `end`
        if names[index]:
            found.append((m_start, m_end, names[index]))
    return found


def _whole_text_donors(text: str, language: str) -> tuple[list[tuple[int, int]], list[str | None]]:
    """Every match of donor_re in the whole text (also those naming no known donor), and its canonical name."""
    spans, names, _ = _whole_text_scan(text, language)
    return spans, names


def _federal_host(text: str, language: str) -> str | None:
    """The country the text's federal words stand for when it is not Germany (_federal_host_of), or None."""
    return _whole_text_scan(text, language)[2] if lexicon(language).federal_aliases else None


@lru_cache(maxsize=4)
def _whole_text_scan(text: str, language: str) -> tuple[list[tuple[int, int]], list[str | None], str | None]:
    """_whole_text_donors and _federal_host from one scan of the text."""
    lex = lexicon(language)
    spans, names, federal = [], [], []
    for m in lex.donor_re.finditer(text):
        spans.append(m.span())
        names.append(canonical_donor(m, lex))
        federal.append(_is_federal_word(m, lex))
    host = _federal_host_of(names, federal, lex)
    if host is not None:
        names = [host if is_federal else name for name, is_federal in zip(names, federal, strict=True)]
    return spans, names, host


def _is_federal_word(m: re.Match, lex: Lexicon) -> bool:
    """Whether a match of donor_re is one of the federal words ("die Bundesregierung", "des Bundes")."""
    return bool(lex.federal_aliases) and _alias_as_listed(m.group(0)) in lex.federal_aliases


def _federal_host_of(names: list[str | None], federal: list[bool], lex: Lexicon) -> str | None:
    """The country "die Bundesregierung", "der Bundeskanzler" stand for in a text when it is not Germany: a
    country of lex.federal_countries (Austria, Switzerland) named, by name, more often than any other giver
    (earliest on a tie). None when the text has no federal word or another country leads."""
    if not any(federal):
        return None
    counts: dict[str, int] = {}
    for name, is_federal in zip(names, federal, strict=True):
        if name and not is_federal and name not in lex.non_givers:
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    first = {name: index for index, name in reversed(list(enumerate(names)))}
    leader = max(counts, key=lambda name: (counts[name], -first[name]))
    return leader if leader in lex.federal_countries else None


def canonical_donor(m: re.Match, lex: Lexicon) -> str | None:
    return _canonical_donor_name(m.group(0), lex.language)


@lru_cache(maxsize=4096)
def _canonical_donor_name(written: str, language: str) -> str | None:
    """The donor a name as written stands for ("Germany's", "the  Netherlands"): the same few hundred spellings
    come back in every document."""
    lex = lexicon(language)
    alias = _alias_as_listed(written)
    return lex.donor_aliases.get(alias) or lex.donor_aliases.get(alias.upper().lower())


@lru_cache(maxsize=4096)
def _alias_as_listed(written: str) -> str:
    """A name as the word lists spell it: lower case, single spaces, no "'s"."""
    return WHITESPACE_RE.sub(" ", POSSESSIVE_RE.sub("", written).lower())


@lru_cache(maxsize=256)
def _donors_in(text: str, start: int, end: int, language: str) -> tuple[tuple[int, int, str], ...]:
    lex = lexicon(language)
    found = []
    if (start, end) == (0, len(text)) and lex.donor_names_are_phrases:
        spans, names = _whole_text_donors(text, language)
        return tuple((a, b, name) for (a, b), name in zip(spans, names, strict=True) if name)
    host = _federal_host(text, language)
    for m in lex.donor_re.finditer(text, start, end):
        canonical = canonical_donor(m, lex)
        if host is not None and _is_federal_word(m, lex):
            canonical = host
        if canonical:
            found.append((m.start(), m.end(), canonical))
    return tuple(found)


# Where the clause an official's name opens ends: punctuation, a contrast word, or "that"/"dat"/"dass" (what
# follows is what the official said, not what the official does).
OFFICIAL_CLAUSE_END_RE = re.compile(
    r"[,;:.!?](?:\s|$)|\s(?:that|dat|dass|daß|while|whereas|but|terwijl|maar|während|aber|doch)\s", re.IGNORECASE
)


# The end of the sentence before the one a name stands in (the last one before the name).
SENTENCE_END_BEFORE_RE = re.compile(r"[.!?][\"'”’]?\s+(?!.*[.!?][\"'”’]?\s)", re.DOTALL)


# The last words before a name in its clause (a verb and a title: "kondigde premier ").
OFFICIAL_VERB_BEFORE_RE = re.compile(r"(?<![^\s,;:.!?])(?:[^\W\d_][\w'’-]*\s+){1,3}$")


def official_only_speaks(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the donor name at [start, end) is a minister's surname (common.json "officials") used where the
    minister does not give: after a speech word ("…, said Pistorius", "according to Healey", "zei Brekelmans"),
    before one ("Scholz said Ukraine would …"), or with no support or pledge word in the clause the name opens.
    "Pistorius kündigte … an", "Healey announced £…", "Scholz sagte der Ukraine … zu" name the giver, and so
    does a speaker quoted in the first person ("'We will send …,' said Healey")."""
    if _alias_as_listed(text[start:end]) not in lex.official_aliases:
        return False
    stop = OFFICIAL_CLAUSE_END_RE.search(text, end)
    clause = text[end : stop.start() if stop else len(text)]
    before = text[max(0, start - 80) : start]
    if not lex.speech_particle_end_re.search(clause) and (
        lex.speech_before_re.search(before) or lex.speech_after_re.match(clause)
    ):
        # "'We will send €500 million,' said Healey": quoted in the first person, the speaker gives.
        opening = SENTENCE_END_BEFORE_RE.search(text, max(0, start - 300), start)
        return not lex.first_person_re.search(text, opening.end() if opening else max(0, start - 300), start)
    # The verb may stand before the name too: "kondigde premier Schoof aan", "kündigte Pistorius an".
    verb_before = OFFICIAL_VERB_BEFORE_RE.search(before)
    verb_before = verb_before.group(0) if verb_before else ""
    return not any(cue.search(clause) or cue.search(verb_before) for cue in (lex.support_verbs_re, lex.pledge_cues_re))


def main_donor(text: str, title: str, lex: Lexicon) -> str | None:
    """The donor a document is mostly about: most named (the title counts thrice), earliest on a tie."""
    scores: dict[str, float] = {}
    first_seen: dict[str, int] = {}
    for source, weight in ((title, 3.0), (text, 1.0)):
        for start, end, name in donors_in(source, 0, len(source), lex):
            if name in lex.non_givers:
                continue
            if lex.visit_before_re.search(source[max(0, start - 40) : start]):
                continue  # the host of a visit or summit is not who gives
            if official_only_speaks(source, start, end, lex):
                continue
            if lex.scheme_after_re.match(source, end, min(len(source), end + 40)):
                continue  # a scheme named after a country ("het Tsjechische initiatief") is not that country giving
            scores[name] = scores.get(name, 0) + weight
            first_seen.setdefault(name, start if source is text else -1)
    if not scores:
        return None
    return max(scores, key=lambda name: (scores[name], -first_seen[name]))


def donor_of(
    text: str,
    sentence: Sentence,
    candidate: Candidate,
    lex: Lexicon,
    fallback: str | None,
    within: tuple[int, int] | None = None,
) -> str | None:
    """The giver of a figure among the donors its sentence names (only those `within` a span, when given), else
    `fallback`."""
    found = []
    partners = []  # "together with Denmark, the Netherlands will…": a joint pledge
    for start, end, name in donors_in(text, sentence.start, sentence.end, lex):
        if name in lex.non_givers or (within is not None and not within[0] <= start < within[1]):
            continue
        if lex.joint_with_before_re.search(text[max(sentence.start, start - 30) : start]):
            partners.append(name)
            continue
        if lex.non_subject_before_re.search(text[max(sentence.start, start - 20) : start]):
            continue
        if lex.visit_before_re.search(text[max(sentence.start, start - 40) : start]):
            continue
        if official_only_speaks(text, start, end, lex):
            continue  # "…, Scholz said": the speaker is not the giver
        if lex.scheme_after_re.match(text, end, min(sentence.end, end + 40)):
            continue  # "via het Tsjechische initiatief", "the Danish model": the country names a scheme, not a giver
        found.append((start, end, name))
    if not found:
        return fallback
    before = [d for d in found if d[0] < candidate.start] or found
    group = [before[0]]
    for previous, current in zip(before, before[1:], strict=False):
        gap = text[previous[1] : current[0]]
        if re.fullmatch(r"\s*(?:,|and|en|und|&|as well as|sowie|,\s*and)\s*(?:the\s+|de\s+|het\s+|die\s+)?", gap, re.I):
            if previous in group:
                group.append(current)
        elif len(group) > 1:
            break
        else:
            group = [current] if current[0] < candidate.start else group
    names = sorted({name for _, _, name in group} | set(partners))
    return ";".join(names)


def recipient_of(
    text: str,
    sentence: Sentence,
    donor: str | None,
    lex: Lexicon,
    span: tuple[int, int] | None = None,
    figure_start: int | None = None,
) -> str:
    """Ukraine, with two exceptions.

    1. The figure's own part of the sentence (`span`: from the figure before it to the figure after it) names a
    country of common.json "other_recipients" (Moldova) and names Ukraine there only in a clause after that
    country, behind a comma, in a clause that describes it and does not hold the figure (at `figure_start`): "… a
    further £10 million to help Moldova …", "€60 million to Moldova, which borders Ukraine": that country.
    2. The sentence does not name Ukraine and names a donor-list country other than the donor right after a
    recipient preposition, not on a visit, not as an attribute ("F-16s for a training centre in Romania"):
    that country."""
    default = common()["default_recipient"]
    mentioned = donors_in(text, sentence.start, sentence.end, lex)
    if span is not None:
        own = [(start, end, name) for start, end, name in mentioned if span[0] <= start and end <= span[1]]
        others = [name for name in common()["other_recipients"] if any(name == n for _, _, n in own)]
        if others:
            first_other = min(start for start, _, name in own if name in others)
            # "Moldova, which borders Ukraine", "Moldavië, het buurland van Oekraïne": Ukraine only describes it.
            ukraine_as_recipient = [
                start
                for start, end, name in own
                if name == default
                and (
                    start < first_other
                    or "," not in text[first_other:start]
                    or _in_same_clause(text, start, end, figure_start, span)
                )
            ]
            if not ukraine_as_recipient:
                return others[0]
    if any(name == default for _, _, name in mentioned):
        return default
    for start, end, name in mentioned:
        if name in (donor or "").split(";") or name in lex.not_donors:
            continue
        if _alias_as_listed(text[start:end]) in lex.official_aliases:
            continue  # "in a letter to Starmer": a minister is never where the support goes
        if lex.visit_before_re.search(text[max(sentence.start, start - 40) : start]):
            continue
        if lex.recipient_prepositions_re.search(text[max(sentence.start, start - 12) : start]):
            if lex.attributive_after_re.match(text, end, min(sentence.end, end + 40)):
                continue  # "for the Czech-led initiative": the initiative is for Ukraine
            return name
    return default


def _in_same_clause(text: str, start: int, end: int, figure_start: int | None, span: tuple[int, int]) -> bool:
    """Whether the figure stands between the commas around [start, end) ("…, and Ukraine €200 million")."""
    if figure_start is None:
        return False
    comma_before, comma_after = text.rfind(",", span[0], start), text.find(",", end, span[1])
    return comma_before < figure_start < (comma_after if comma_after >= 0 else span[1])


def issuer_of(currency: str | None, lex: Lexicon) -> str | None:
    """In a document that names no donor, a figure in a national currency ("£2.5 billion" in a written answer to
    Parliament) is the support of the country that issues it. NOTE: not dollars, which the World Bank, the IMF
    and the G7 lend in too."""
    issuers = [name for name, code in lex.donor_currency.items() if code == currency and code != "USD"]
    return issuers[0] if len(issuers) == 1 else None
