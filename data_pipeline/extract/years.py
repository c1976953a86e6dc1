"""Which years a figure covers: stated years and ranges, relative periods ("next year", "over three years",
"komende jaren"), periods referred back to, running totals since the invasion, and the publication year as the
default. Implements the year_start and year_end columns (PLEDGES.md section 2, Years)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from data_pipeline.extract.candidates import Candidate, Sentence
from data_pipeline.extract.search import assign_to_nearest, has_exotic_case, in_same_clause, model_spans, nearest
from data_pipeline.extract.status import running_total_cue
from data_pipeline.lexicon import Lexicon, lexicon
from data_pipeline.numbers import (
    spelled_value,
)
from data_pipeline.patterns import (
    compile_phrases,
    first_character_check,
    first_characters,
    phrase_pattern,
    required_words,
    with_first_character_check,
)

FIRST_YEAR_OF_WAR = 2022


# Both open with "19" or "20", and the test of the character before the year comes after those two (a
# look-behind over three characters): a pattern that opens with literal characters lets re skip to them in C,
# where one opening with a look-around is tried at every position. The same matches.
YEAR_RE = re.compile(r"((?:19|20)(?<![\d.,/-]..)\d\d)(?![\d])")


YEAR_RANGE_RE = re.compile(
    r"((?:19|20)(?<![\d.,/]..)\d\d)\s*(?:-|–|—|/|to|tot en met|tot|bis einschließlich|bis|t/m|and|en|und|through|"
    r"up to and including)\s*((?:19|20)\d\d|\d\d)(?![\d])",
    re.IGNORECASE,
)


def year_expressions(
    text: str, sentence: Sentence, published: str | None, lex: Lexicon
) -> list[tuple[int, int, tuple]]:
    """Every stated period in the sentence as (start, end, (first_year, last_year))."""
    # Cached: every figure of a sentence, and the figures of its neighbours, ask about the same sentence.
    return list(_year_expressions(text, sentence, published, lex.language))


@lru_cache(maxsize=256)
def _year_expressions(
    text: str, sentence: Sentence, published: str | None, language: str
) -> tuple[tuple[int, int, tuple], ...]:
    lex = lexicon(language)
    s_start, s_end = sentence.start, sentence.end
    chunk = text[s_start:s_end]
    pub_year = int(published[:4]) if published else None
    pub_month = int(published[5:7]) if published and len(published) >= 7 else 6
    found: list[tuple[int, int, tuple]] = []
    patterns = _year_patterns(lex.language)
    ranges: list[tuple[int, int]] = []
    until_re = patterns["until"]
    for m in YEAR_RANGE_RE.finditer(chunk):
        first, last = int(m.group(1)), m.group(2)
        last = int(last) if len(last) == 4 else int(m.group(1)[:2] + last)
        if first <= last <= first + 30:
            # "until 2030-31": a (fiscal) year closing a period that runs from now, like "until 2031".
            if until_re.search(chunk[max(0, m.start() - 25) : m.start()]) and pub_year and first >= pub_year:
                first = pub_year
            found.append((s_start + m.start(), s_start + m.end(), (first, last)))
            ranges.append(m.span())
    # Years inside model names, ranges or full dates are not periods; the model names and dates are only
    # looked up for a sentence with a year.
    taken: list[tuple[int, int]] | None = None
    for m in YEAR_RE.finditer(chunk):
        if taken is None:
            # Full dates ("on 6 February 2023") stamp a report; they are not the years the support covers.
            stamped = [d.span() for d in patterns["stamped"].finditer(chunk)]
            taken = [(a - s_start, b - s_start) for a, b in model_spans(text, sentence, lex)] + ranges + stamped
        if any(a <= m.start() < b for a, b in taken):
            continue
        year = int(m.group(1))
        if until_re.search(chunk[max(0, m.start() - 25) : m.start()]) and pub_year and year >= pub_year:
            found.append((s_start + m.start(), s_start + m.end(), (pub_year, year)))
        elif patterns["since"].search(chunk[max(0, m.start() - 25) : m.start()]) and pub_year and year < pub_year:
            # "since 2022", "seit Februar 2022": from that year to the publication year
            found.append((s_start + m.start(), s_start + m.end(), (year, pub_year)))
        else:
            found.append((s_start + m.start(), s_start + m.end(), (year, year)))
    if pub_year is None or not _may_name_relative_period(text, chunk, patterns):
        return _with_stated_start(chunk, s_start, found, patterns)
    # "this year and next", "dit jaar en volgend jaar", "in diesem und im nächsten Jahr": one period of two years,
    # not two periods of one
    both = [m.span() for m in patterns["this_and_next_year"].finditer(chunk)]
    for a, b in both:
        found.append((s_start + a, s_start + b, (pub_year, pub_year + 1)))
    for key, offset in (("this_year", 0), ("next_year", 1), ("last_year", -1)):
        for m in patterns[key].finditer(chunk):
            if any(a <= m.start() < b for a, b in both):
                continue
            # "through the end of next year", "tot eind volgend jaar": from now until then
            until_end = offset > 0 and patterns["until_end"].search(chunk[max(0, m.start() - 25) : m.start()])
            first = pub_year if until_end else None
            found.append((s_start + m.start(), s_start + m.end(), (first or pub_year + offset, pub_year + offset)))
    for pattern in patterns["next_n_years"]:
        for m in pattern.finditer(chunk):
            n = _count(m.group("n"), lex)
            if n and n < 50:
                found.append((s_start + m.start(), s_start + m.end(), (pub_year, pub_year + n - 1)))
    for pattern in patterns["next_n_months"]:
        for m in pattern.finditer(chunk):
            n = _count(m.group("n"), lex)
            if n and n < 120:
                # Counted from the month its clause names before it ("In March 2023 the Council agreed … within
                # twelve months"), else from publication; not from a month after "since" or "until".
                clause_start = chunk.rfind(";", 0, m.start()) + 1
                named = [
                    d
                    for d in patterns["month_and_year"].finditer(chunk, clause_start, m.start())
                    if not patterns["since"].search(chunk, 0, d.start())
                    and not patterns["until"].search(chunk, 0, d.start())
                ]
                year, month = (
                    (int(named[-1][2]), lex.month_numbers[named[-1][1].lower()]) if named else (pub_year, pub_month)
                )
                last_month = month + n - 1
                found.append((s_start + m.start(), s_start + m.end(), (year, year + (last_month - 1) // 12)))
    return _with_stated_start(chunk, s_start, found, patterns)


def _with_stated_start(
    chunk: str, s_start: int, found: list[tuple[int, int, tuple]], patterns: dict
) -> tuple[tuple[int, int, tuple], ...]:
    """An "until" period starts at the year its sentence names as the start before it ("which began in 2023, …
    until 2030" → 2023-2030; "vanaf volgend jaar tot en met 2028"), not at the publication year; that start is
    then part of the period, not a period of its own (PLEDGES.md: "until 2030" for a programme that already runs is
    its first stated year .. 2030)."""
    until_re, from_re = patterns["until"], patterns["from"]
    periods = list(found)
    for start, end, (first, last) in found:
        if not until_re.search(chunk[max(0, start - s_start - 25) : start - s_start]):
            continue
        stated = [p for p in periods if p[1] <= start and p[2][0] is not None and last is not None and p[2][0] <= last]
        # A start word ("from 2025", "vanaf volgend jaar") names the start; else the first year stated before it
        # ("In May 2024 Belgium promised 30 F-16s by 2028").
        openers = [p for p in stated if from_re.search(chunk[max(0, p[0] - s_start - 25) : p[0] - s_start])]
        until = (start, end, (first, last))
        if until not in periods:
            continue
        if openers:
            opener = max(openers, key=lambda p: p[0])
        elif stated:
            opener = min(stated, key=lambda p: p[0])
        else:
            continue
        periods = [p if p != until else (start, end, (opener[2][0], last)) for p in periods if p is not opener]
    return tuple(periods)


UNTIL_END_RE = re.compile(r"(?<!\w)(?:end|eind|einde|ende)(?!\w)", re.I)


@cache
def _year_patterns(language: str) -> dict:
    """year_expressions' patterns for a language, compiled once (they were rebuilt for every sentence)."""
    lex = lexicon(language)
    months = "|".join(re.escape(m) for m in lex.months)
    until_words = lex.year_words["until"]
    # Every full date starts with a digit or a month: testing that first character skips most positions.
    month_first = first_characters(lex.months)
    date_first = f"(?=\\d|{month_first})" if month_first else ""
    patterns = {
        "month_and_year": re.compile(rf"(?<![\w-])({months})\.?\s+(\d{{4}})(?!\d)", re.I),
        "stamped": re.compile(
            rf"{date_first}"
            # "6 February 2023", "19th Dec, 2024", "February 6, 2023", "Feb 6th 2023"
            rf"(?:\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:{months})\.?,?\s+\d{{4}}"
            rf"|(?:{months})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
            # ISO and numeric dates too ("date 2023-11-03" heading a page, "am 03.11.2023")
            r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{4}\b)",
            re.I,
        ),
        "until": re.compile(rf"(?:{'|'.join(re.escape(u) for u in until_words)})\s+(?:(?:{months})\s+)?$", re.I),
        "since": re.compile(
            rf"(?<![\w-])(?:{'|'.join(re.escape(u) for u in lex.year_words['since'])})\s+(?:(?:{months})\s+)?$", re.I
        ),
        # "through the end of", "tot eind", "bis Ende" (not a bare "until": "delayed until next year" is next year)
        "until_end": re.compile(
            rf"(?:{'|'.join(re.escape(u) for u in until_words if UNTIL_END_RE.search(u))})\s+$", re.I
        ),
        # "from", "vanaf", "ab", "which began in": the first year of a period that an "until" closes later on
        "from": re.compile(
            rf"(?<![\w-])(?:{phrase_pattern(lex.year_words.get('from', []))})\s+(?:(?:{months})\s+)?$", re.I
        ),
    }
    patterns["this_and_next_year"] = compile_phrases(lex.year_words.get("this_and_next_year", []))
    for key in ("this_year", "next_year", "last_year"):
        phrases = lex.year_words[key]
        patterns[key] = re.compile(
            rf"{first_character_check(phrases)}(?<![\w-])(?:{_alternation(phrases)})(?![\w-])", re.I
        )
    for key in ("next_n_years", "next_n_months"):
        patterns[key] = [
            with_first_character_check(re.compile(pattern.removeprefix("re:"), re.I)) for pattern in lex.year_words[key]
        ]
    # Most sentences name no relative period: one search for any of them (each pattern an alternative, its named
    # group made plain, as names may not repeat) rules the six searches out.
    relative = [patterns[key] for key in ("this_year", "next_year", "last_year")]
    relative += patterns["next_n_years"] + patterns["next_n_months"]
    patterns["any_relative"] = re.compile(
        "|".join(f"(?:{pattern.pattern.replace('(?P<n>', '(?:')})" for pattern in relative), re.I
    )
    # Cheaper still: words one of which each of them needs ("year", "komend", "jahr", …), tested with `in`.
    patterns["relative_words"] = required_words(relative)
    return patterns


def _may_name_relative_period(text: str, chunk: str, patterns: dict) -> bool:
    """False only when no relative period ("next year", "in den kommenden drei Jahren") can be in the chunk."""
    words = patterns["relative_words"]
    if words is None or has_exotic_case(text):
        return bool(patterns["any_relative"].search(chunk))
    lowered = chunk.lower()
    return any(word in lowered for word in words) and bool(patterns["any_relative"].search(chunk))


def _alternation(phrases: list[str]) -> str:
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True))


def _count(word: str, lex: Lexicon) -> int | None:
    if word.isdigit():
        return int(word)
    value = spelled_value(word.lower(), lex.language)
    return int(value) if value else None


def assign_years(
    text: str, sentences: list[Sentence], candidates: list[Candidate], published: str | None, lex: Lexicon
) -> None:
    pub_year = int(published[:4]) if published else None
    sentences_with_figures = {c.sentence for c in candidates}
    by_sentence: dict[int, list[Candidate]] = {}
    for c in candidates:
        by_sentence.setdefault(c.sentence, []).append(c)
    for c in candidates:
        sentence = sentences[c.sentence]
        if c.fields["scope"] == "running_total" and (
            c.fields["status"] == "delivered" or running_total_cue(text[sentence.start : sentence.end], lex)
        ):
            since = re.search(
                r"(?:since|sinds|seit)\s+(?:\w+\s+){0,6}?((?:19|20)\d\d)",
                text[sentence.start : sentence.end],
                re.I,
            )
            first = int(since.group(1)) if since else FIRST_YEAR_OF_WAR
            if since is None and _total_of_this_year(text, sentence, c, by_sentence[c.sentence], published, lex):
                first = pub_year
            c.fields["years"] = (min(first, pub_year), pub_year) if pub_year else (first, None)
            continue
        expressions = _without_the_totals_since(
            text, sentence, year_expressions(text, sentence, published, lex), c, by_sentence[c.sentence], lex
        )
        own = _own_periods(expressions, c, by_sentence[c.sentence], text, lex)
        years = nearest(own or in_same_clause(text, expressions, c), c.start, c.end)
        c.fields["years_stated"] = years is not None
        if years is None:
            years = _period_referred_back(text, sentences, by_sentence, c, published, lex)
        if years is None and c.fields.get("parent") is not None:
            years = c.fields["parent"].fields.get("years")
        if years is None and c.sentence > 0 and c.sentence - 1 not in sentences_with_figures:
            preceding = sentences[c.sentence - 1]
            if preceding.paragraph == sentence.paragraph:
                stated = year_expressions(text, preceding, published, lex)
                forward = [e for e in stated if pub_year and e[2][0] >= pub_year]
                years = forward[-1][2] if forward else None
        if years is None:
            years = (pub_year, pub_year) if pub_year else (None, None)
        this_year_only = c.fields["years_stated"] and years == (pub_year, pub_year)
        if c.fields["scope"] == "running_total" and years[0] and years[0] > FIRST_YEAR_OF_WAR and not this_year_only:
            # A total that will include the new money ("taking into account this, support will amount to more than
            # SEK 100 billion by 2026") still counts from the start of the war, up to the year it names; "this year's
            # support rises to …" is this year's.
            years = (FIRST_YEAR_OF_WAR, years[1])
        c.fields["years"] = years


def _total_of_this_year(
    text: str, sentence: Sentence, c: Candidate, neighbours: list[Candidate], published: str | None, lex: Lexicon
) -> bool:
    """A running total of this year only ("so far this year", "dit jaar tot nu toe", "in diesem Jahr bislang"): the
    only figure of its sentence, which names the publication year and no "since"."""
    if not published or len(neighbours) > 1:
        return False
    chunk = text[sentence.start : sentence.end]
    if re.search(r"(?<![\w-])(?:since|sinds|seit)(?![\w-])", chunk, re.I):
        return False
    # The words of the nearest period, so that it must be "this year" itself (not "by the end of October 2025").
    spans = [(a, b, (a, b)) for a, b, years in year_expressions(text, sentence, published, lex)]
    closest = nearest(spans, c.start, c.end)
    return closest is not None and bool(_year_patterns(lex.language)["this_year"].fullmatch(text, *closest))


def _without_the_totals_since(
    text: str,
    sentence: Sentence,
    expressions: list[tuple[int, int, tuple]],
    c: Candidate,
    neighbours: list[Candidate],
    lex: Lexicon,
) -> list[tuple[int, int, tuple]]:
    """A "since 2022" is the period of the running total beside a new package ("Met het nieuwe pakket van 400 miljoen
    euro komt de steun sinds 2022 op 2,5 miljard euro"), not the package's."""
    if c.fields["scope"] == "running_total" or not any(
        o.fields["scope"] == "running_total" for o in neighbours if o is not c
    ):
        return expressions
    since = _year_patterns(lex.language)["since"]
    return [e for e in expressions if not since.search(text[max(sentence.start, e[0] - 25) : e[0]])]


def _own_periods(
    expressions: list[tuple[int, int, tuple]], c: Candidate, neighbours: list[Candidate], text: str, lex: Lexicon
) -> list[tuple[int, int, tuple]]:
    """The periods of the sentence that belong to this figure when a clause joiner divides it between figures
    ("voor 2025 … 3,5 miljard; voor 2026 … 3,5 miljard", "last year NOK 10 billion; this year NOK 15 billion")."""
    if len(neighbours) < 2 or len(expressions) < 2:
        return []
    owners = assign_to_nearest(expressions, neighbours, text, lex, comma_joins=True)
    return owners[id(c)]


def _period_referred_back(
    text: str,
    sentences: list[Sentence],
    by_sentence: dict[int, list[Candidate]],
    c: Candidate,
    published: str | None,
    lex: Lexicon,
) -> tuple | None:
    """A period stated after the figure about "this package" ("…will be provided over the next eight months").

    Looks at the next two sentences. A sentence that only breaks this figure down into its parts does
    not end the story; any other figure does.
    """
    for index in range(c.sentence + 1, min(c.sentence + 3, len(sentences))):
        # The figures of that sentence from the index, not a pass over every figure of the document for each.
        in_sentence = by_sentence.get(index, [])
        if in_sentence:
            if all(other.fields.get("parent") is c for other in in_sentence):
                continue
            return None
        following = sentences[index]
        if lex.back_reference_re.search(text[following.start : following.end]):
            stated = year_expressions(text, following, published, lex)
            if c.fields["status"] == "pledged" and published:
                # A promise runs from now on: "… the tanks it sent last year …" after it dates something else.
                stated = [e for e in stated if e[2][1] is None or e[2][1] >= int(published[:4])]
            years = nearest(stated, following.start, following.start)
            if years is not None:
                return years
    return None
