"""Find every quantified pledge or delivery in a document's text: money and equipment counts, with the
sentence they stand in and what the words around them say (donor, status, scope, category, years)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache, partial
from typing import NamedTuple

import pandas as pd

from data_pipeline.lexicon import (
    EXOTIC_CASE_CHARACTERS,
    LANGUAGES,
    ItemRule,
    Lexicon,
    common,
    compile_phrases,
    eur_rates,
    first_character_check,
    first_characters,
    lexicon,
    phrase_pattern,
    raw,
    required_words,
    with_first_character_check,
)
from data_pipeline.numbers import (
    DIGIT_RE,
    NumberSpan,
    find_numbers,
    spelled_number_words,
    spelled_numbers_possible,
    spelled_value,
)
from data_pipeline.tables import conform

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
PERCENT_AFTER_RE = re.compile(r"\s?(?:%|percent\b|per cent\b|procent\b|prozent\b)", re.IGNORECASE)


# Compiled once: re.search(r"...") looks its pattern up in re's cache on every call, which adds up per sentence.
# A run of characters and line breaks not followed by a blank line (runs of characters taken at once: the
# same matches as one character at a time).
PARAGRAPH_RE = re.compile(r"(?:[^\n]+|\n(?![ \t]*\n))+")
LINE_RE = re.compile(r"[^\n]+")
# The next sentence may open with a quotation mark of any of the three languages: "…", “…”, „…“, «…», ‚…‘.
SENTENCE_END_RE = re.compile(r"[.!?]+[\"”’'“»)\]]*\s+(?=[\"“‘'(\[„«»‚]?[A-ZÀ-ÖØ-Þ0-9€$£])")
WHITESPACE_RE = re.compile(r"\s+")
POSSESSIVE_RE = re.compile(r"'s$")
# "tank ammunition", "drone-radars", "production of drones": the keyword after the gap names the thing.
HEAD_NOUN_GAP_RE = re.compile(r"[\s-]*|\s+(?:of|van|von|der|des)\s+(?:new\s+|nieuwe\s+|neuen\s+)?", re.IGNORECASE)
NOUN_AFTER_RE = re.compile(r"\s+([^\W\d_][\w'’-]*)")
TIMES_RE = re.compile(r"\s?[x×](?![\w])")
# "155mm", "155-mm-Granaten", "120 millimetre": a calibre, not a count.
CALIBRE_AFTER_RE = re.compile(r"[\s-]?(?:mm|millimet(?:re|er)s?|cm|kaliber)(?![^\W\d_])", re.IGNORECASE)
# "van 2 tot 3 miljard", "from 4 to 8 billion": a word between two numbers joins them and qualifies neither.
NUMBER_THEN_SPACE_RE = re.compile(r"\d\s+$")
ITEM_WORD_RE = re.compile(r"[\w'’-]+")
SPACE_THEN_DIGIT_RE = re.compile(r"\s*\d")


# ----------------------------------------------------------------------------------------------- sentences
class Sentence(NamedTuple):
    """Where a sentence stands in its text, and its paragraph's number. A tuple: made 30 times per document,
    and a frozen dataclass is several times slower to make."""

    start: int
    end: int
    paragraph: int


# Sentence((start, end, paragraph)) without the class's __new__, which namedtuple writes in Python (the
# splitter makes 35 a document).
_new_sentence = partial(tuple.__new__, Sentence)


# The run of word characters and dots that ends the searched range (with an endpos, \Z is its end), in group 1,
# empty when none does. Matched from the range's start: the greedy .* runs to the end and gives back to the last
# other character, a step per character; a search for [\w.]+\Z tried every start, each running to the end.
WORD_RUN_AT_END_RE = re.compile(r"(?:.*[^\w.])?([\w.]*)\Z", re.DOTALL)
ABBREVIATION_WINDOW = 24


def _is_abbreviation(text: str, dot: int) -> bool:
    # The word before the full stop is what re.search(r"[\w.]+$", text[:dot]) finds: the whole run of
    # word characters and dots that ends at `dot` (or, `$` also matching before a final line break, at a line
    # break just before it). That search tried every position before it: here only a short window is searched.
    # `\w` is str.isalnum() or "_" (both are Py_UNICODE_ISALNUM).
    end = dot - 1 if dot > 0 and text[dot - 1] == "\n" else dot
    # The run within the last characters first (one match in C); a run that fills the window is walked back.
    window_start = max(0, end - ABBREVIATION_WINDOW)
    start = WORD_RUN_AT_END_RE.match(text, window_start, end).start(1)
    if start == window_start:
        while start > 0:
            char = text[start - 1]
            if not (char.isalnum() or char == "." or char == "_"):
                break
            start -= 1
    if start == end:
        return False
    word = text[start:end].lower().rstrip(".")
    if word in _abbreviations() or len(word) == 1:
        return True
    # German ordinals and dates: "am 24. Februar", "15. Hilfspaket".
    return bool(ONE_OR_TWO_DIGITS_RE.fullmatch(word))


ONE_OR_TWO_DIGITS_RE = re.compile(r"\d{1,2}")
CURRENCY_WORD_RE = re.compile(r"[\w$€£]+")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(common()["abbreviations"])


@cache
def _currency_codes_and_symbols() -> frozenset[str]:
    return frozenset(common()["currency_codes"]) | frozenset(common()["currency_symbols"])


def _currency_follows(text: str, pos: int) -> bool:
    word = CURRENCY_WORD_RE.match(text, pos, pos + 12)  # as on text[pos : pos + 12], without the copy
    if not word:
        return False
    known = _known_currency_words()
    if word.group(0).lower() in known or word.group(0) in _currency_codes_and_symbols():
        return True
    # A currency of two words: "12 mld. Zweedse kronen", "5 Mrd. Schweizer Franken".
    second = CURRENCY_WORD_RE.match(text, _skip_space(text, word.end()), word.end() + 14)
    return bool(second) and f"{word.group(0)} {second.group(0)}".lower() in known


@cache
def _known_currency_words() -> frozenset[str]:
    # From the word lists as read, not compiled: the sentence splitter of a server's first new document would
    # otherwise compile all three languages' patterns (a second) to learn some currency names.
    # Without a final dot: the splitter reads a word ("Fr" of "5 Mrd. Fr.") before any dot.
    return frozenset(word.lower().rstrip(".") for language in LANGUAGES for word in raw(language)["currency_words"])


LIST_LINE_RE = re.compile(
    r"^\s*(?:[•·▪◦●‣*]|[-–—](?=\s)|\d{1,2}[.)](?=\s)|\([a-z0-9]\)|[a-z][.)](?=\s))"  # bullets, numbering
    r"|\|"  # a table row drawn with bars
    r"|^[^.!?:]{1,40}:\s*\S"  # "Luchtverdediging: € 1,2 miljard", "2024: €2.1 billion"
)


def is_list_line(line: str) -> bool:
    """A bullet, a numbered item, a table row, or a short "label: value" line."""
    # LIST_LINE_RE's alternatives are anchored at the start except the bar, which may stand anywhere: a match
    # at the start or a bar is what its search finds, without trying every position.
    return bool(line) and len(line) <= 200 and ("|" in line or bool(LIST_LINE_RE.match(line)))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets. Paragraphs break at blank lines; a single line break ends a sentence only
    after closing punctuation or a heading-like short line, so hard-wrapped text stays whole."""
    # The extractor, mention_rows and the agreement finder all split the same text: split it once.
    return list(_split_sentences(text))


# A line ending in one of these ends a clause (with a short line, a candidate end of sentence).
CLAUSE_END_CHARACTERS = tuple(".!?:;\"”'’)")


@lru_cache(maxsize=4)
def _split_sentences(text: str) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    paragraph = 0
    for block in PARAGRAPH_RE.finditer(text):
        paragraph += 1
        block_start = block.start()
        lines = [(block_start + line.start(), block_start + line.end()) for line in LINE_RE.finditer(block.group(0))]
        stripped = [text[start:end].strip() for start, end in lines]
        # A bullet or table row is a line of its own, however long and whatever it ends with.
        listed = [is_list_line(line) for line in stripped]
        last = len(lines) - 1
        pieces: list[tuple[int, int]] = []
        current_start = None
        for index, (start, end) in enumerate(lines):
            if current_start is None:
                current_start = start
            if index < last:
                line, next_line = stripped[index], stripped[index + 1]
                ends_clause = line.endswith(CLAUSE_END_CHARACTERS) or len(line) < 60
                next_starts_new = not next_line or not next_line[0].islower()
                if not ((ends_clause and next_starts_new) or listed[index] or listed[index + 1]):
                    continue
            pieces.append((current_start, end))
            current_start = None
        for piece_start, piece_end in pieces:
            cursor = piece_start
            for match in SENTENCE_END_RE.finditer(text, piece_start, piece_end):
                dot = match.start()
                if text[dot] == "." and (_is_abbreviation(text, dot) or _currency_follows(text, match.end())):
                    # "1,7 Mrd. Euro": the dot closes a scale abbreviation, not the sentence
                    continue
                sentences.append(
                    _new_sentence((cursor, match.end() - len(match.group(0)) + len(match.group(0).rstrip()), paragraph))
                )
                cursor = match.end()
            if text[cursor:piece_end].strip():
                sentences.append(_new_sentence((cursor, piece_end, paragraph)))
    return tuple(s for s in sentences if text[s.start : s.end].strip())


# ----------------------------------------------------------------------------------------------- candidates
@dataclass
class Candidate:
    kind: str
    start: int
    end: int
    sentence: int
    amount: float | None = None
    currency: str | None = None
    quantity: int | None = None
    item: str | None = None
    item_subcategory: str | None = None
    item_category: str = "military"
    aliases: list[tuple[str, float]] = field(default_factory=list)
    fields: dict = field(default_factory=dict)


def _skip_space(text: str, pos: int) -> int:
    return pos + 1 if pos < len(text) and text[pos] in " \u00a0\u202f" else pos


def _scale_after(text: str, pos: int, lex: Lexicon) -> tuple[float, int] | None:
    attached = lex.scale_re.match(text, pos)
    if attached:
        return lex.scales[attached.group(0).lower()], attached.end()
    spaced = lex.scale_re.match(text, _skip_space(text, pos))
    if spaced and len(spaced.group(0).rstrip(".")) > 1:
        return lex.scales[spaced.group(0).lower()], spaced.end()
    if text.startswith("-", pos):  # "$500-million", "€1.5-billion", "ein 500-Millionen-Euro-Paket"
        hyphened = lex.scale_re.match(text, pos + 1)
        if hyphened and len(hyphened.group(0).rstrip(".")) > 2:
            return lex.scales[hyphened.group(0).lower()], hyphened.end()
    return None


def money_candidates(
    text: str, sentence: Sentence, index: int, numbers: list[NumberSpan], lex: Lexicon
) -> list[Candidate]:
    found: list[Candidate] = []
    starts: list[tuple[float, int, int]] = [(n.value, n.start, n.end) for n in numbers]
    # "half a billion", "een half miljoen", "anderhalf miljard": a fraction word standing in for the number.
    for scale in lex.scale_re.finditer(text, sentence.start, sentence.end):
        if len(scale.group(0).rstrip(".")) <= 1:
            continue
        before = text[sentence.start : scale.start()]
        if any(end <= scale.start() and not text[end : scale.start()].strip() for _, _, end in starts):
            continue
        fraction = lex.fraction_re.search(before)
        if fraction:
            value = lex.fraction_words[WHITESPACE_RE.sub(" ", fraction.group(1).lower())]
            starts.append((value, sentence.start + fraction.start(1), sentence.start + fraction.end(1)))
    ordered = sorted(starts, key=lambda s: s[1])
    low_ends: dict[int, tuple[float, int]] = {}  # a range's upper number -> the lower number's value and start
    for position, (value, start, end) in enumerate(ordered):
        if PERCENT_AFTER_RE.match(text, end):
            continue
        scale = _scale_after(text, end, lex)
        if scale is None and position + 1 < len(ordered):
            high_value, high_start, high_end = ordered[position + 1]
            # "€500-700 million", "400 à 500 miljoen euro": the lower number borrows the upper one's scale.
            if (
                high_value > value
                and _scale_after(text, high_end, lex)
                and _is_range(text, sentence, start, end, high_start, lex)
                and not (_is_year(value) and not lex.currency_before_re.search(text, max(0, start - 5), start))
            ):
                low_ends[high_start] = (value, start)
                continue
        low = low_ends.get(start)
        if low is not None and scale:
            value, start = low[0], low[1]
        amount = value * (scale[0] if scale else 1.0)
        cursor = scale[1] if scale else end
        currency, span_start, span_end = None, start, cursor
        after = lex.currency_after_re.match(text, cursor) or (scale and lex.currency_in_compound_re.match(text, cursor))
        year_then_code = after and not scale and 1900 <= value <= 2100 and float(value).is_integer()
        if year_then_code and SPACE_THEN_DIGIT_RE.match(text[after.end() : after.end() + 3]):
            continue  # "tot en met 2029 EUR 2 miljard": a year, then the amount's currency code
        if after:
            currency, span_end = _currency_of(after.group(1), lex), after.end()
        prefix = lex.currency_before_re.search(text[max(sentence.start, start - 5) : start])
        if prefix:
            currency = currency or _currency_of(prefix.group(1), lex)
            span_start = start - (len(text[max(sentence.start, start - 5) : start]) - prefix.start(1))
        if currency is None and not (scale and scale[0] >= 1e6):
            continue
        if currency is None and _counts_something_else(text, cursor, sentence.end, lex):
            continue  # "3,6 Millionen Menschen", "one million drones": a count, not money
        found.append(Candidate("money", span_start, span_end, index, amount=amount, currency=currency))
        if low is not None and scale:
            found[-1].fields["range"] = True
    return _merge_ranges(text, sentence, found, lex)


def _is_year(value: float) -> bool:
    return 1900 <= value <= 2100 and float(value).is_integer()


def _prefix_start(text: str, start: int, lex: Lexicon) -> int:
    """Where a number's currency sign or code begins ("€500" -> the "€"), else the number's start."""
    prefix = lex.currency_before_re.search(text, max(0, start - 5), start)
    return prefix.start(1) if prefix else start


def _is_range(text: str, sentence: Sentence, low_start: int, low_end: int, high_start: int, lex: Lexicon) -> bool:
    """Two numbers that span a range: "500-700", "400 à 500", "300 bis 500", "between 10 and 15". Not a superseded
    level ("from €2bn to €3bn", "van 2 tot 3 miljard"), which names an old and a new figure."""
    head = _prefix_start(text, low_start, lex)
    if lex.superseded_from_re.search(text, max(sentence.start, head - 30), head):
        return False
    if lex.range_gap_re.fullmatch(text, low_end, high_start):
        return True
    return bool(
        lex.range_and_gap_re.fullmatch(text, low_end, high_start)
        and lex.range_opener_before_re.search(text, max(sentence.start, head - 30), head)
    )


def _merge_ranges(text: str, sentence: Sentence, found: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """ "$500 million-$700 million", "zwischen 300 und 500 Millionen Euro": one figure, at least the lower amount."""
    merged: list[Candidate] = []
    for c in found:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and not previous.fields.get("range")
            and previous.currency in (c.currency, None)
            and (previous.amount or 0) < (c.amount or 0)
            and _is_range(text, sentence, previous.start, previous.end, c.start, lex)
        ):
            previous.end, previous.currency = c.end, previous.currency or c.currency
            previous.fields["range"] = True
            continue
        merged.append(c)
    return merged


def _counts_something_else(text: str, pos: int, end: int, lex: Lexicon) -> bool:
    """A noun right after "million"/"Millionen" that is not a currency: people, drones, shells…"""
    word = NOUN_AFTER_RE.match(text[pos:end])
    if not word:
        return False
    noun = word.group(1)
    if noun.lower() in lex.counted_nouns:
        return True
    if lex.language == "de" and noun[0].isupper():
        return True  # German nouns are capitalised; a currency would have been read already
    return bool(lex.any_item_re.match(text, pos + word.start(1)))


def _currency_of(word: str, lex: Lexicon) -> str:
    word = WHITESPACE_RE.sub(" ", word)
    if word in lex.currency_symbols:
        return lex.currency_symbols[word]
    if word.upper() in lex.currency_codes:
        return word.upper()
    return lex.currency_words[word.lower()]


def equipment_candidates(
    text: str, sentence: Sentence, index: int, numbers: list[NumberSpan], taken: list[Candidate], lex: Lexicon
) -> list[Candidate]:
    found: list[Candidate] = []
    for position, number in enumerate(numbers):
        if any(c.start <= number.start < c.end for c in taken):
            continue
        following = numbers[position + 1] if position + 1 < len(numbers) else None
        if following is not None and _count_range(text, sentence, number, following, lex):
            continue  # "10-15 tanks", "between 10 and 15 launchers": the upper count carries the item
        low = numbers[position - 1] if position > 0 else None
        if low is not None and not _count_range(text, sentence, low, number, lex):
            low = None
        number = _count_in_millions(text, number, lex)
        if number.value != int(number.value) or not 1 <= number.value < 10_000_000:
            continue  # "two million rounds of artillery ammunition" is a count; ten million of anything is not
        if not number.grouped and 1900 <= number.value <= 2100 and not number.spelled:
            continue
        if _scale_after(text, number.end, lex) or PERCENT_AFTER_RE.match(text, number.end):
            continue
        if CALIBRE_AFTER_RE.match(text, number.end):
            continue
        pos = number.end
        times = TIMES_RE.match(text[pos : pos + 3])
        if times:
            pos += times.end()
        partitive = lex.partitive_after_count_re.match(text, pos, sentence.end)
        if partitive:  # "all 19 of its Caesar howitzers"
            pos = partitive.end()
        words = list(ITEM_WORD_RE.finditer(text[pos : min(sentence.end, pos + 90)]))
        if words and text[pos : pos + words[0].start()].strip() not in ("", "-"):
            continue
        if words and words[0].group(0).lower() in lex.months:
            continue
        match = None
        for skipped in range(0, min(4, len(words))):
            intervening = [w.group(0) for w in words[:skipped]]
            if any(
                w.lower() in lex.stopwords_between
                or w.isdigit()
                or (lex.donor_re.fullmatch(w) and not (k == skipped - 1 and _gives_support(w, lex)))
                for k, w in enumerate(intervening)
            ):
                break
            item_start = pos + words[skipped].start()
            best = None
            for rule in lex.items if lex.any_item_re.match(text, item_start) else ():
                hit = rule.pattern.match(text, item_start)
                if hit and (best is None or hit.end() > best[0].end()):
                    best = (hit, rule)
            word = words[skipped].group(0)
            if best is None and ("-" in word.strip("-") or lex.language in ("nl", "de")):
                best = _item_ending_compound(text, item_start, pos + words[skipped].end(), lex)
            if best:
                match = best
                break
        if not match:
            before = _item_before_count(text, sentence, number, lex)
            if before is not None:  # "Norway | NASAMS launchers | 4", "F-16-gevechtsvliegtuigen: 6"
                found.append(_count_of(number, index, before.item, before.subcategory, before.category))
            continue
        hit, rule = match
        if rule not in lex.model_items:
            match = _model_named_after(text, hit.end(), sentence.end, lex)
            if match:
                hit, rule = match
        found.append(
            Candidate(
                "equipment",
                low.start if low else number.start,
                hit.end(),
                index,
                quantity=int(low.value if low else number.value),
                item=rule.item,
                item_subcategory=rule.subcategory,
                item_category=rule.category,
            )
        )
        if low:
            found[-1].fields["range"] = True
    return found


def _count_in_millions(text: str, number: NumberSpan, lex: Lexicon) -> NumberSpan:
    """A count written with a scale word that no currency follows ("two million rounds", "1.5 million shells"; a
    figure with a currency is money and was taken before). Any other number is returned as it is."""
    scaled = _scale_after(text, number.end, lex)
    if scaled is None or scaled[0] != 1e6 or _currency_follows(text, scaled[1]):
        return number
    return replace(number, value=number.value * scaled[0], end=scaled[1])


def _gives_support(word: str, lex: Lexicon) -> bool:
    """A donor's name or adjective right before an item describes it ("zes Nederlandse F-16's", "three German
    Leopard tanks"); Ukraine's or Russia's ("20 Ukrainian F-16 pilots", "40 Russian tanks") do not."""
    match = lex.donor_re.fullmatch(word)
    name = _canonical_donor(match, lex) if match else None
    return name is not None and name not in lex.non_givers


# The count closes a table row or a list line: "| 4", ": 6", "(55)".
COUNT_CLOSES_LINE_RE = re.compile(r"[\s)|.;]*")
# The cell, label or name the count belongs to: "Norway | NASAMS launchers | ", "Pantserhouwitsers: ",
# "• Flugabwehrkanonenpanzer Gepard (", and the first cell of a row drawn without an opening bar ("Gepard | 52").
CELL_BEFORE_COUNT_RE = re.compile(r"(?:(?:\||(?<![^\n]))([^|\n]*)\|\s*|([^:|]*):\s*|([^()|:]*)\(\s*)$")


def _item_before_count(text: str, sentence: Sentence, number: NumberSpan, lex: Lexicon) -> ItemRule | None:
    """In a table row or a list line whose count comes last ("Norway | NASAMS launchers | 4",
    "F-16-gevechtsvliegtuigen: 6", "• Panzerhaubitze 2000 (36)"), the item its cell or label names."""
    if not COUNT_CLOSES_LINE_RE.fullmatch(text, number.end, sentence.end):
        return None
    if not is_list_line(text[sentence.start : sentence.end].strip()):
        return None
    cell = CELL_BEFORE_COUNT_RE.search(text, sentence.start, number.start)
    if cell is None:
        return None
    group = next(g for g in (1, 2, 3) if cell.group(g) is not None)
    start, end = cell.span(group)
    found: ItemRule | None = None
    for word in ITEM_WORD_RE.finditer(text, start, end):
        for rule in lex.items if lex.any_item_re.match(text, word.start(), end) else ():
            hit = rule.pattern.match(text, word.start(), end)
            if hit and (found is None or (rule in lex.model_items and found not in lex.model_items)):
                found = rule
        if found is None and (lex.language in ("nl", "de") or "-" in word.group(0).strip("-")):
            compound = _item_ending_compound(text, word.start(), word.end(), lex)
            found = compound[1] if compound else None
        if found is not None and found in lex.model_items:
            break
    return found


def _count_range(text: str, sentence: Sentence, low: NumberSpan, high: NumberSpan, lex: Lexicon) -> bool:
    return (
        low.value == int(low.value)
        and 1 <= low.value < high.value
        and not (_is_year(low.value) and not low.grouped)
        and _is_range(text, sentence, low.start, low.end, high.start, lex)
    )


def _item_ending_compound(text: str, start: int, end: int, lex: Lexicon):
    """A generic item at the end of a compound: "Leopard-Panzer", "Caesar-houwitsers", and in Dutch and German
    closed compounds too ("Radhaubitzen", "Luftverteidigungsraketen", "Stromgeneratoren")."""
    hyphen = text.rfind("-", start, end - 1)
    tail = hyphen + 1 if hyphen >= 0 else start  # where the compound's last part can start
    closed = lex.language in ("nl", "de")
    if tail <= start and not closed:
        return None
    lowest = tail if tail > start else tail + 1
    # An item noun is at most item_noun_max_width long: one ending at `end` starts in the last that many characters.
    if lex.item_noun_max_width is not None:
        lowest = max(lowest, end - lex.item_noun_max_width)
    if not lex.any_item_noun_at_end_re.search(text, lowest, end):
        return None
    for rule in lex.item_nouns:
        hit = rule.pattern.match(text, tail, end) if tail > start else None
        if hit is not None and hit.end() != end:
            hit = None
        if hit is None and closed:
            hit = _closed_compound_ending(rule.pattern, text, tail + 1, end)
        if hit:
            return hit, rule
    return None


def _closed_compound_ending(pattern: re.Pattern, text: str, pos: int, end: int) -> re.Match | None:
    """A hit of the pattern inside the word that ends at its end and is long enough to be a noun of its own
    ("brandstoftanks" are no tanks)."""
    while (hit := pattern.search(text, pos, end)) is not None:
        if hit.end() == end:
            return hit if hit.end() - hit.start() >= 6 else None
        pos = hit.start() + 1
    return None


def _model_named_after(text: str, pos: int, end: int, lex: Lexicon):
    """The model that names a generic noun right after it ("Schützenpanzer Marder", "tanks of the type PT-91")."""
    gap = lex.model_after_noun_re.match(text, pos, end)
    if not gap:
        return None
    for rule in lex.model_items:
        hit = rule.pattern.match(text, gap.end(), end)
        if hit:
            return hit, rule
    return None


def list_introduction(text: str, sentences: list[Sentence], index: int) -> Sentence | None:
    """For a bullet or table row, the line that introduces its list ("Geleverd materieel sinds 2022:")."""
    if not is_list_line(text[sentences[index].start : sentences[index].end].strip()):
        return None
    for earlier in range(index - 1, max(-1, index - 40), -1):
        line = text[sentences[earlier].start : sentences[earlier].end].strip()
        if is_list_line(line) and not line.endswith(":"):
            continue  # another item of the same list: keep looking up for its introduction
        return sentences[earlier]
    return None


def refers_back(text: str, sentences: list[Sentence], index: int, lex: Lexicon) -> Sentence | None:
    """The sentence before, in the same paragraph, when this one refers back to its package ("Es umfasst …",
    "Het pakket bestaat uit …", "It includes …") or corrects its figure ("An earlier version … misstated …")."""
    if index == 0:
        return None
    sentence, previous = sentences[index], sentences[index - 1]
    if previous.paragraph != sentence.paragraph:
        return None
    if lex.package_reference_re.match(text, sentence.start, sentence.end) or lex.correction_cues_re.search(
        text, sentence.start, sentence.end
    ):
        return previous
    return None


def context_sentence(text: str, sentences: list[Sentence], index: int, lex: Lexicon) -> Sentence | None:
    """What speaks for a sentence without words of its own: the line introducing its list, or the sentence
    before it that it refers back to."""
    return list_introduction(text, sentences, index) or refers_back(text, sentences, index, lex)


def list_is_about_support(text: str, sentences: list[Sentence], index: int, lex: Lexicon) -> bool:
    """A bullet or table row has no verb of its own: the line that introduces the list speaks for it (and so does
    the sentence a "Es umfasst …" refers back to)."""
    introduction = context_sentence(text, sentences, index, lex)
    return introduction is not None and any(
        pattern.search(text, introduction.start, introduction.end) for pattern in _support_patterns(lex)
    )


NOT_SEARCHED = object()
QUOTE_AND_SPACE_CHARACTERS = " \t\n\"'”’»“‘«)"


def _support_patterns(lex: Lexicon) -> tuple[re.Pattern, ...]:
    return (
        lex.support_verbs_re,  # first: drop_non_support relies on it
        lex.pledge_cues_re,
        lex.delivered_cues_re,
        lex.unspecified_cues_re,
        lex.running_total_cues_re,
    )


def drop_non_support(
    text: str,
    sentence: Sentence,
    candidates: list[Candidate],
    lex: Lexicon,
    licensed: bool = False,
    corrected: list[Candidate] | None = None,
) -> list[Candidate]:
    """Drop conversions in brackets, superseded levels, per-year rates of a framework, unit prices, and
    numbers in sentences about something other than support. A `licensed` line (a list item under an
    introduction about support) needs no support word of its own. Figures a correction says were wrong
    ("An earlier version … misstated the figure as …") go to `corrected`."""
    sentence_text = text[sentence.start : sentence.end]
    correction = gated_search("correction_cues_re", text, sentence, lex, sentence_text)
    if correction:
        # The figures after the cue, up to a ";" that opens the corrected statement ("…; dat moet 175 miljoen zijn").
        cue_end = sentence.start + correction.end()
        wrong = [c for c in candidates if c.start >= cue_end and ";" not in text[cue_end : c.start]]
        if corrected is not None:
            corrected.extend(wrong)
        candidates = [c for c in candidates if c not in wrong]
    if sentence_text.rstrip(QUOTE_AND_SPACE_CHARACTERS).endswith("?"):
        return []  # "Has Britain really given Ukraine £20 billion?": a question gives nothing
    if gated_search("claim_cues_re", text, sentence, lex, sentence_text):
        return []  # a claim checked, a rumour, a hypothetical sum: nothing in the sentence was given
    if lex.per_capita_opening_re.match(sentence_text):
        candidates = [c for c in candidates if c.kind != "money"]
    # A figure is excluded by a cue in its clause or in the sentence before it; either cue is a match in the
    # sentence too (the clause and the part before the figure end at punctuation or a space, so the cue's word
    # boundaries are the same there): without a cue in the sentence, none is excluded (one search, not two
    # per figure).
    has_exclusion_cue = (
        not lex.exclusion_cues_are_phrases
        or gated_search("exclusion_cues_re", text, sentence, lex, sentence_text)
        or gated_search("own_means_cues_re", text, sentence, lex, sentence_text)
    )
    excluded = [c for c in candidates if _excluded(text, sentence, c, lex)] if has_exclusion_cue else []
    if excluded:
        first_excluded = min(c.start for c in excluded)
        # A part of an excluded figure ("davon 4 Milliarden") goes with it.
        candidates = [
            c
            for c in candidates
            if c not in excluded
            and not (c.start > first_excluded and lex.part_cues_re.search(text[first_excluded : c.start]))
        ]
    # A sentence opening with "Davon"/"Daarvan"/"Of this" breaks down the support just named.
    opens_with_part = lex.part_cues_re.match(sentence_text.lstrip(" \"'“„"))
    support_verb = NOT_SEARCHED  # searched once for both rules below
    if not licensed and not opens_with_part:
        support_verb = lex.support_verbs_re.search(sentence_text)
        if not support_verb and not any(pattern.search(sentence_text) for pattern in _support_patterns(lex)[1:]):
            candidates = [c for c in candidates if c.kind != "money"]
    money = sorted((c for c in candidates if c.kind == "money"), key=lambda c: c.start)
    dropped: set[int] = set()
    for first, second in zip(money, money[1:], strict=False):
        between = text[first.end : second.start]
        is_conversion = (
            first.currency
            and second.currency
            and first.currency != second.currency
            and (_converts_right_after(between, lex) or _converts_in_a_later_bracket(between, lex))
        )
        if is_conversion:
            dropped.add(id(second))
            first.aliases.append((second.currency, second.amount))
        elif lex.superseded_to_re.match(between) and lex.superseded_from_re.search(text[sentence.start : first.start]):
            dropped.add(id(first))
    for position, candidate in enumerate(money):
        if lex.per_year_after_re.match(text, candidate.end) and len(money) - len(dropped) > 1:
            dropped.add(id(candidate))
        window = text[max(sentence.start, candidate.start - 40) : candidate.start]
        # "in totaal 3,5 miljard euro, jaarlijks circa 1,2 miljard euro": the rate of the total before it;
        # "€3.9 billion, up from €3.4 billion previously": the level it replaced.
        if (
            position > 0
            and len(money) - len(dropped) > 1
            and (lex.per_year_before_re.search(window) or lex.superseded_before_re.search(window))
        ):
            dropped.add(id(candidate))
        if lex.unit_price_before_re.search(window) or lex.unit_price_after_re.match(text, candidate.end):
            dropped.add(id(candidate))
    kept = _without_aggressor_money(text, sentence, [c for c in candidates if id(c) not in dropped], lex)
    # "11,5 Milliarden Euro, rund 3 Milliarden Euro mehr als im laufenden Jahr": a difference between two levels.
    kept = [c for c in kept if c.kind != "money" or not _difference_after_re(lex.language).match(text, c.end)]
    if not licensed:
        if support_verb is NOT_SEARCHED:
            support_verb = lex.support_verbs_re.search(sentence_text)
        if not support_verb:
            kept = [c for c in kept if c.kind != "equipment"]
    kept = [c for c in kept if not _led_by_non_donor(text, sentence, c, lex)]
    # Missiles that killed people, drones the money would buy: the words right around the count decide.
    kept = [
        c
        for c in kept
        if c.kind != "equipment"
        or not lex.equipment_exclusion_cues_re.search(
            text[max(sentence.start, c.start - 40) : min(sentence.end, c.end + 40)]
        )
    ]
    return kept


def _converts_right_after(between: str, lex: Lexicon) -> bool:
    """What stands between two amounts makes the second a conversion of the first: "€100m ($108.5m)", "€100m,
    or about $108.5m"."""
    return bool(lex.conversion_between_re.match(between)) and bool(
        re.search(r"[(\[]", between) or re.sub(r"[\s,(\[;–—-]", "", between)
    )


# How far after a figure a bracket with its conversion may open ("… since the start of the invasion (about …").
LATE_CONVERSION_MAX_GAP = 80


def _converts_in_a_later_bracket(between: str, lex: Lexicon) -> bool:
    """ "€28 billion since the start of the invasion (about £23 billion at current exchange rates)": a bracket
    opened a few words after the first amount, in its clause, holding only conversion words before the second."""
    bracket = max(between.rfind("("), between.rfind("["))
    return (
        bracket > 0
        and len(between) <= LATE_CONVERSION_MAX_GAP
        and not re.search(r"[)\];]", between[bracket:])
        and not re.search(r"[;:]", between[:bracket])
        and bool(lex.conversion_between_re.match(between[bracket:]))
    )


def _without_aggressor_money(
    text: str, sentence: Sentence, candidates: list[Candidate], lex: Lexicon
) -> list[Candidate]:
    """Amounts in roubles are Russia's money (its budget, its taxes), never support; so is the figure that only
    converts one ("13,5 Billionen Rubel in die Verteidigung, umgerechnet etwa 130 Milliarden Euro")."""
    never = set(common().get("non_support_currencies", ()))
    aggressor = [c for c in candidates if c.kind == "money" and c.currency in never]
    if not aggressor:
        return candidates
    converted = []
    for c in candidates:
        if c.kind != "money" or c in aggressor:
            continue
        before = [a for a in aggressor if a.end <= c.start]
        if not before:
            continue
        lead = text[before[-1].end : c.start]
        # The conversion stands in brackets or after the clause's last comma, with only conversion words before it.
        tail = lead[max(lead.rfind(","), lead.rfind("("), lead.rfind("[")) :] if re.search(r"[,(\[]", lead) else lead
        if lex.conversion_between_re.match(tail):
            converted.append(c)
    return [c for c in candidates if c not in aggressor and c not in converted]


def _excluded(text: str, sentence: Sentence, candidate: Candidate, lex: Lexicon) -> bool:
    """An exclusion cue in the figure's clause, or one that ends the clause before it: in "Die Opposition
    fordert, die Hilfe auf 15 Milliarden Euro zu erhöhen" the demand governs the figure's clause."""
    clause = _clause(text, sentence, candidate)
    if lex.exclusion_cues_re.search(clause) or _spent_on_own_means(clause, lex):
        return True
    head = text[sentence.start : candidate.start]
    return bool(lex.exclusion_then_comma_re.search(head))


def _spent_on_own_means(clause: str, lex: Lexicon) -> bool:
    """A country's own budget, army or fund in the figure's clause ("Der Verteidigungshaushalt steigt auf 53
    Milliarden Euro", "for its own armed forces", "Het staatsoliefonds is … waard"), unless the figure comes out
    of it: "20 Schützenpanzer aus Beständen der Bundeswehr", "2 miljard uit de defensiebegroting voor Oekraïne",
    "£1 billion from the defence budget"."""
    return any(
        not lex.source_before_re.search(clause, max(0, cue.start() - 40), cue.start())
        for cue in lex.own_means_cues_re.finditer(clause)
    )


def _led_by_non_donor(text: str, sentence: Sentence, candidate: Candidate, lex: Lexicon) -> bool:
    """'Russia will spend $140bn on defence': a sentence whose subject is Russia (or another country that
    does not give support) reports no support, unless a donor is named before the figure too."""
    named = donors_in(text, sentence.start, candidate.start, lex)
    if not named:
        return False
    first_start, _, first_name = named[0]
    if first_name not in lex.not_donors or first_name == common()["default_recipient"]:
        return False
    if text[sentence.start : first_start].strip(" \"'“”‘’„-–—"):
        return False  # something stands before the name: it is not the sentence's subject
    return not any(name not in lex.non_givers for _, _, name in named[1:])


# "… has delivered 6 so far and will send 13 more": "and" before a future verb opens a clause of its own.
CLAUSE_BOUNDARY_RE = re.compile(
    r"[,;:]\s|\s(?:while|whereas|but|terwijl|maar|während|aber|doch)\s"
    r"|\s(?:and|en|und)\s(?=(?:will|would|shall|zal|zullen|wird|werden)\s)",
    re.IGNORECASE,
)


def _clause(text: str, sentence: Sentence, candidate: Candidate) -> str:
    """The part of the sentence between the punctuation or contrast words around a figure."""
    start, end = _clause_span(text, sentence, candidate.start, candidate.end)
    return text[start:end]


def _clause_span(text: str, sentence: Sentence, first: int, last: int) -> tuple[int, int]:
    """Where the clause around the span [first, last) starts and ends."""
    start, end = sentence.start, sentence.end
    for m in CLAUSE_BOUNDARY_RE.finditer(text, sentence.start, sentence.end):
        if m.end() <= first:
            start = m.end()
        elif m.start() >= last:
            end = m.start()
            break
    return start, end


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


# ----------------------------------------------------------------------------------------------- fields
def nearest(matches: list[tuple[int, int, object]], start: int, end: int):
    """The value of the match closest to the span [start, end), or None."""
    best, best_distance = None, None
    for m_start, m_end, value in matches:
        distance = 0 if m_start < end and start < m_end else min(abs(m_start - end), abs(start - m_end))
        if best_distance is None or distance < best_distance:
            best, best_distance = value, distance
    return best


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
    for m in YEAR_RANGE_RE.finditer(chunk):
        first, last = int(m.group(1)), m.group(2)
        last = int(last) if len(last) == 4 else int(m.group(1)[:2] + last)
        if first <= last <= first + 30:
            found.append((s_start + m.start(), s_start + m.end(), (first, last)))
            ranges.append(m.span())
    until_re = patterns["until"]
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
                last_month = pub_month + n - 1
                found.append((s_start + m.start(), s_start + m.end(), (pub_year, pub_year + (last_month - 1) // 12)))
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
        "stamped": re.compile(
            rf"{date_first}"
            rf"(?:\b\d{{1,2}}\.?\s+(?:{months})\.?\s+\d{{4}}|(?:{months})\.?\s+\d{{1,2}},\s+\d{{4}}"
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
    if words is None or _has_exotic_case(text):
        return bool(patterns["any_relative"].search(chunk))
    lowered = chunk.lower()
    return any(word in lowered for word in words) and bool(patterns["any_relative"].search(chunk))


def _may_hold_long_scale(text: str, sentence: Sentence, lex: Lexicon) -> bool:
    """False only when lex.long_scale_re finds nothing in the sentence (ruled out by its words where that is
    exact: may_hold_between)."""
    return may_hold_between(text, lex.long_scale_words, sentence.start, sentence.end) and bool(
        lex.long_scale_re.search(text, sentence.start, sentence.end)
    )


@lru_cache(maxsize=4)
def _has_exotic_case(text: str) -> bool:
    # Four str searches, each a fast scan in C: a search for the class tested every character in turn.
    return any(character in text for character in EXOTIC_CASE_CHARACTERS)


@lru_cache(maxsize=4)
def _lowered(text: str) -> str | None:
    """The text in lower case, or None when it holds a character that IGNORECASE folds unlike str.lower."""
    return None if _has_exotic_case(text) else text.lower()


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


def _alternation(phrases: list[str]) -> str:
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True))


def _count(word: str, lex: Lexicon) -> int | None:
    if word.isdigit():
        return int(word)
    value = spelled_value(word.lower(), lex.language)
    return int(value) if value else None


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
    hits: list[tuple[int, int, str]], candidates: list[Candidate], text: str, lex: Lexicon
) -> dict[int, list[tuple[int, int, str]]]:
    """Give each keyword to its figure, so two figures in one sentence keep their own words.

    A keyword between two figures belongs to the earlier one unless a clause joiner ("and", ";", "sowie")
    stands between it and the later one: in "€260m goes to artillery shells and another €240m to tank
    ammunition" the shells are the first figure's, though they stand closer to the second. Elsewhere the
    nearest figure wins.
    """
    assigned: dict[int, list] = {id(c): [] for c in candidates}
    ordered = sorted(candidates, key=lambda c: c.start)
    for hit in hits:
        owner = _owner_between_figures(hit, ordered, text, lex)
        if owner is None:
            owner = nearest([(c.start, c.end, id(c)) for c in candidates], hit[0], hit[1])
        if owner is not None:
            assigned[owner].append(hit)
    return assigned


def _owner_between_figures(hit: tuple[int, int, str], ordered: list[Candidate], text: str, lex: Lexicon) -> int | None:
    before = [c for c in ordered if c.end <= hit[0]]
    after = [c for c in ordered if c.start >= hit[1]]
    if not before or not after:
        return None
    previous, following = before[-1], after[0]
    joiners = [m.start() for m in lex.clause_joiners_re.finditer(text, previous.end, following.start)]
    joiners += [previous.end + i for i, char in enumerate(text[previous.end : following.start]) if char == ";"]
    if not joiners:
        return None
    return id(previous) if hit[1] <= max(joiners) else id(following)


SUBCATEGORY_PRIORITY = [
    "air_defence",
    "aircraft",
    "ammunition",
    "drones",
    "long_range",
    "artillery",
    "armour",
    "naval",
    "training",
    "industry",
]


def categorise(
    text: str, sentence: Sentence, candidates: list[Candidate], lex: Lexicon, title_hits: dict[int, tuple]
) -> None:
    """Category and subcategory of each figure from the words nearest to it in its sentence."""
    starts = [m.start() for m in lex.keyword_starts_re.finditer(text, sentence.start, sentence.end)]
    category_hits = keyword_hits(text, sentence, lex.category_res, starts)
    sub_hits = keyword_hits(text, sentence, lex.subcategory_res, starts)
    by_figure_category = assign_to_nearest(category_hits, candidates, text, lex)
    by_figure_sub = assign_to_nearest(sub_hits, candidates, text, lex)
    sentence_text = text[sentence.start : sentence.end]
    mainly = gated_search("mainly_cues_re", text, sentence, lex, sentence_text)
    for candidate in candidates:
        extra_categories, extra_subs = title_hits.get(id(candidate), ((), ()))
        own = [h[2] for h in by_figure_category[id(candidate)]] + list(extra_categories)
        subs = [h for h in by_figure_sub[id(candidate)]]
        sub_labels = [h[2] for h in subs] + list(extra_subs)
        item_category = candidate.item_category
        if item_category == "as_stated":
            # A plain vehicle or truck is what its own words say ("vehicles for humanitarian aid"), else military;
            # "military vehicles", "unmanned ground vehicles" are items of their own (always military).
            item_category = own[0] if len(set(own)) == 1 else "military"
        if candidate.kind == "equipment" and item_category != "military":
            # A civilian item (generators) is civilian aid, unless its own words say what else it is for.
            category = own[0] if len(set(own)) == 1 else item_category
            subcategory = "general"
        elif candidate.kind == "equipment":
            category = "military"
            subcategory = candidate.item_subcategory if candidate.item_subcategory != "general" else None
            subcategory = subcategory or _pick_sub(sub_labels, subs, candidate) or "general"
        else:
            labels = set(own) | ({"military"} if sub_labels else set())
            if not labels:
                # No word of its own: the sentence's words, except those of its parts ("£12.8 billion in support,
                # of which £7.8 billion is military" is not all military).
                parts = {
                    id(o)
                    for o in candidates
                    if o.start >= candidate.end and lex.part_cues_re.search(text, candidate.end, o.start)
                }
                # Nor the words of another clause ("ein Darlehen … für den Wiederaufbau; hinzu kommt ein Zuschuss…").
                labels = {
                    h[2]
                    for o in candidates
                    if id(o) not in parts
                    for h in by_figure_category[id(o)]
                    if not _clause_joined(text, h, candidate, lex)
                }
            if not labels and not lex.unspecified_cues_re.search(sentence_text):
                candidate.fields["category_unstated"] = True
            if mainly:
                after_mainly = [h[2] for h in category_hits if h[0] >= sentence.start + mainly.end()]
                after_mainly += [("military") for h in sub_hits if h[0] >= sentence.start + mainly.end()]
                if after_mainly:
                    labels = {after_mainly[0]}
            if (
                len(labels) > 1
                and "financial" in labels
                and _lends(text, by_figure_category[id(candidate)], candidate, lex)
            ):
                # "ein Darlehen über 100 Millionen Euro für den Wiederaufbau": a loan is financial whatever it is
                # for; what it is for stays its topic, for a figure that continues it ("hinzu kommt ein Zuschuss…").
                purposes = labels - {"financial"}
                if len(purposes) == 1:
                    candidate.fields["topic"] = (purposes.pop(), "general")
                labels = {"financial"}
            category = next(iter(labels)) if len(labels) == 1 else "other"
            subcategory = "general"
            if category == "military":
                subcategory = _pick_sub(sub_labels, subs, candidate) or "general"
        candidate.fields["category"] = category
        candidate.fields["subcategory"] = subcategory


def _clause_joiner_between(text: str, start: int, end: int, lex: Lexicon) -> bool:
    return ";" in text[start:end] or bool(lex.clause_joiners_re.search(text, start, end))


def _clause_joined(text: str, hit: tuple[int, int, str], candidate: Candidate, lex: Lexicon) -> bool:
    """Whether a clause joiner (";", "and another", "sowie") stands between a keyword and a figure."""
    if hit[1] <= candidate.start:
        return _clause_joiner_between(text, hit[1], candidate.start, lex)
    return _clause_joiner_between(text, candidate.end, hit[0], lex)


def _lends(text: str, hits: list[tuple[int, int, str]], candidate: Candidate, lex: Lexicon) -> bool:
    """Whether the keyword nearest a figure is a loan word ("ein Darlehen über 100 Millionen Euro für …"; not
    "Unabhängig von dem Kredit … Militärhilfe im Umfang von 7 Milliarden Euro")."""
    # On a tie the loan wins (nearest keeps the first): in "De EIB leent Oekraïne 400 miljoen euro voor het
    # herstel …" both words stand as near, and the verb says what the money is.
    ordered = sorted(hits, key=lambda hit: not _is_loan(text, hit, lex))
    closest = nearest([(a, b, (a, b, label)) for a, b, label in ordered], candidate.start, candidate.end)
    return closest is not None and _is_loan(text, closest, lex)


# _is_loan, _named_new, _restated: module functions, not closures. Compiled by Cython (data_pipeline/compiled.py),
# a closure called from a lambda or a generator and the scope of the function around it hold each other, a cycle
# that keeps their figures until the collector, paused during a build (build.cyclic_collector_paused), runs.
def _is_loan(text: str, hit: tuple[int, int, str], lex: Lexicon) -> bool:
    return hit[2] == "financial" and bool(lex.loan_words_re.fullmatch(text[hit[0] : hit[1]]))


def _pick_sub(labels: list[str], hits: list[tuple[int, int, str]], candidate: Candidate) -> str | None:
    if not labels:
        return None
    if hits:
        return nearest(hits, candidate.start, candidate.end)
    return min(labels, key=lambda label: SUBCATEGORY_PRIORITY.index(label) if label in SUBCATEGORY_PRIORITY else 99)


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
        names.append(_canonical_donor(m, lex))
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


def _canonical_donor(m: re.Match, lex: Lexicon) -> str | None:
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
        canonical = _canonical_donor(m, lex)
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


def donor_of(text: str, sentence: Sentence, candidate: Candidate, lex: Lexicon, fallback: str | None) -> str | None:
    found = []
    partners = []  # "together with Denmark, the Netherlands will…": a joint pledge
    for start, end, name in donors_in(text, sentence.start, sentence.end, lex):
        if name in lex.non_givers:
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


# ----------------------------------------------------------------------------------------------- document
def extract_candidates(text: str, language: str, published: str | None, title: str = "") -> list[Candidate]:
    """All mentions of one document with their fields, before they become table rows."""
    lex = lexicon(language)
    sentences = split_sentences(text)
    scale_words = set(lex.scales)
    fallback_donor = main_donor(text, title, lex)
    number_words = spelled_number_words(text, lex.language, scale_words)
    per_sentence: list[list[Candidate]] = []
    corrected: list[Candidate] = []  # figures a correction in the sentence before says were wrong
    for index, sentence in enumerate(sentences):
        wrong_before = corrected if index and sentences[index - 1].paragraph == sentence.paragraph else []
        corrected = []
        # Most sentences hold no figure at all: no digit, no number word, no scale word ("half a billion").
        # Ruling them out with two searches skips the number finder and the candidate rules for them.
        # (may_hold_numbers is a digit or spelled_numbers_possible; the latter also lets the number finder skip
        # the word-by-word walk for spelled numbers in sentences that hold digits only.)
        spelled = spelled_numbers_possible(text, sentence.start, sentence.end, number_words)
        if (
            not spelled
            and not DIGIT_RE.search(text, sentence.start, sentence.end)
            and not _may_hold_long_scale(text, sentence, lex)
        ):
            per_sentence.append([])
            continue
        numbers = find_numbers(text, lex.language, scale_words, sentence.start, sentence.end, spelled)
        if numbers:  # model names only matter where they would hide a number: most sentences have none
            models = model_spans(text, sentence, lex)
            numbers = [n for n in numbers if not any(a < n.start and n.end <= b for a, b in models)]
        money = money_candidates(text, sentence, index, numbers, lex)
        equipment = equipment_candidates(text, sentence, index, numbers, money, lex)
        found = money + equipment
        licensed = bool(found) and list_is_about_support(text, sentences, index, lex)
        if not found and wrong_before:
            # "… hieß es, Deutschland habe 100 Leopard-1-Panzer geliefert. Tatsächlich sind es bislang 80.": the
            # bare count that follows a correction counts the corrected item.
            found = _corrected_counts(text, sentence, index, numbers, wrong_before, lex)
            licensed = bool(found)
        per_sentence.append(drop_non_support(text, sentence, found, lex, licensed, corrected) if found else [])

    explicit_currencies = [(c.start, c.end, c.currency) for group in per_sentence for c in group if c.currency]
    title_numbers = {n.value for n in find_numbers(title, lex.language, scale_words)} if title else set()
    all_candidates: list[Candidate] = []
    for index, (sentence, group) in enumerate(zip(sentences, per_sentence, strict=True)):
        if not group:
            continue
        title_hits = {}
        for c in group:
            shown = c.quantity if c.kind == "equipment" else None
            if title and (
                shown in title_numbers or any(abs(c.amount or 0) == v * s for v in title_numbers for s in (1e6, 1e9))
            ):
                title_sentence = Sentence(0, len(title), 0)
                starts = [m.start() for m in lex.keyword_starts_re.finditer(title)]
                title_hits[id(c)] = (
                    [h[2] for h in keyword_hits(title, title_sentence, lex.category_res, starts)],
                    [h[2] for h in keyword_hits(title, title_sentence, lex.subcategory_res, starts)],
                )
        categorise(text, sentence, group, lex, title_hits)
        if any(c.fields.get("category_unstated") for c in group):
            # "…; dat moet 175 miljoen euro zijn" after "… voor het herstel van energiecentrales": a sentence that
            # refers back to the one before it takes its topic; so does a table row under "Military allocations …:".
            context = refers_back(text, sentences, index, lex) or _introduction_with_colon(text, sentences, index)
            stated = title_category(text[context.start : context.end], lex) if context is not None else None
            for c in group if stated else ():
                if c.fields.get("category_unstated"):
                    c.fields["category"], c.fields["subcategory"] = stated, "general"
                    c.fields["category_unstated"] = False
        for c in group:
            c.fields["qualifier"] = qualifier_of(text, sentence, c, lex)
            donor = donor_of(text, sentence, c, lex, fallback_donor) or _issuer_of(c.currency, lex)
            c.fields["donor"] = donor or "Unknown"
            c.fields["recipient"] = recipient_of(text, sentence, donor, lex, _own_span(sentence, group, c), c.start)
            if c.kind == "money":
                c.currency = _resolve_currency(c, donor, fallback_donor, explicit_currencies, lex)
        classify_status_and_scope(text, sentences, index, group, lex)
        all_candidates.extend(c for c in group if c.kind == "equipment" or c.currency)

    all_candidates = _without_correction_restatements(text, sentences, all_candidates, lex)
    link_parts(all_candidates, sentences, text, lex, title_category(title, lex))
    assign_years(text, sentences, all_candidates, published, lex)
    return dedupe_within_document(all_candidates)


def _issuer_of(currency: str | None, lex: Lexicon) -> str | None:
    """In a document that names no donor, a figure in a national currency ("£2.5 billion" in a written answer to
    Parliament) is the support of the country that issues it. NOTE: not dollars, which the World Bank, the IMF
    and the G7 lend in too."""
    issuers = [name for name, code in lex.donor_currency.items() if code == currency and code != "USD"]
    return issuers[0] if len(issuers) == 1 else None


def _introduction_with_colon(text: str, sentences: list[Sentence], index: int) -> Sentence | None:
    """The line introducing a list row when it ends with a colon; a bare heading ("Niet-militaire steun") is a
    section title, whose words do not say what each row is for."""
    introduction = list_introduction(text, sentences, index)
    if introduction is None or not text[introduction.start : introduction.end].rstrip().endswith(":"):
        return None
    return introduction


def _corrected_counts(
    text: str, sentence: Sentence, index: int, numbers: list[NumberSpan], wrong: list[Candidate], lex: Lexicon
) -> list[Candidate]:
    """A bare whole number ("Tatsächlich sind es 80.") right after a correction of one equipment figure: its
    corrected count."""
    items = {(c.item, c.item_subcategory, c.item_category) for c in wrong if c.kind == "equipment"}
    counts = [
        n
        for n in numbers
        if n.value == int(n.value) and 1 <= n.value < 2_000_000 and not (_is_year(n.value) and not n.grouped)
    ]
    if len(items) != 1 or len(counts) != 1 or PERCENT_AFTER_RE.match(text, counts[0].end):
        return []
    if _scale_after(text, counts[0].end, lex) or ITEM_WORD_RE.match(text, _skip_space(text, counts[0].end)):
        return []  # a scale or a noun follows: it counts something else
    item, subcategory, category = items.pop()
    number = counts[0]
    return [_count_of(number, index, item, subcategory, category)]


def _count_of(number, index: int, item: str, subcategory: str, category: str | None) -> Candidate:
    """An equipment figure whose item was found apart from the count (a table cell, a label, a bracket)."""
    return Candidate(
        "equipment",
        number.start,
        number.end,
        index,
        quantity=int(number.value),
        item=item,
        item_subcategory=subcategory,
        item_category=category,
    )


def _own_span(sentence: Sentence, group: list[Candidate], c: Candidate) -> tuple[int, int]:
    """A figure's own part of its sentence: from the end of the figure before it to the start of the next."""
    before = [o.end for o in group if o.end <= c.start]
    after = [o.start for o in group if o.start >= c.end]
    return max(before, default=sentence.start), min(after, default=sentence.end)


# The currencies called crowns ("kronen", "crowns"): the giver's says which (Czech korunas too).
CROWN_CURRENCIES = ("DKK", "NOK", "SEK", "ISK", "CZK")


def _resolve_currency(c: Candidate, donor, fallback_donor, explicit, lex: Lexicon) -> str | None:
    currency = c.currency
    if currency is None:
        # NOTE: "een half miljoen" among euro amounts is in euros: take the nearest stated currency.
        currency = nearest([(s, e, cur) for s, e, cur in explicit if cur != "?KR"], c.start, c.end)
    if currency == "?KR":
        for name in [*(donor or "").split(";"), fallback_donor or ""]:
            if lex.donor_currency.get(name) in CROWN_CURRENCIES:
                return lex.donor_currency[name]
        return "DKK"
    return currency


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
    running = _running_total_cue(chunk, lex)
    weak_running = gated_search("weak_running_total_cues_re", text, sentence, lex, chunk)
    weak_running = weak_running and lex.already_cues_re.search(chunk)
    # The cues of the sentence, found once for all its figures (_cue_distance per figure found the same).
    pledge_spans = [(m.start(), m.end(), 0) for m in lex.pledge_cues_re.finditer(text, sentence.start, sentence.end)]
    delivered_spans = [
        (m.start(), m.end(), 0) for m in lex.delivered_cues_re.finditer(text, sentence.start, sentence.end)
    ]
    # "Germany will send two more IRIS-T, …, adding that Berlin had so far provided €28 billion": a running-total
    # cue in the clause of another figure is that figure's (and its parts').
    running_clause = (
        _clause_span(text, sentence, sentence.start + running.start(), sentence.start + running.end())
        if (running is not None and len(group) > 1)
        else None
    )
    promises_too = running is not None and gated_search("promised_or_delivered_re", text, sentence, lex, chunk)
    for c in group:
        pledge_distance = _distance_to_spans(pledge_spans, c)
        delivered_distance = _distance_to_spans(delivered_spans, c)
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
        else:
            status, scope = _status_from_list_introduction(text, sentences, index, lex)
        c.fields["status"], c.fields["scope"] = status, scope


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


def _running_total_cue(chunk: str, lex: Lexicon) -> re.Match | None:
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


def title_category(title: str, lex: Lexicon) -> str | None:
    """The one category a document's title names ("Militärhilfe", "humanitarian aid"), if it names exactly one."""
    if not title:
        return None
    whole = Sentence(0, len(title), 0)
    starts = [m.start() for m in lex.keyword_starts_re.finditer(title)]
    labels = {hit[2] for hit in keyword_hits(title, whole, lex.category_res, starts)}
    if keyword_hits(title, whole, lex.subcategory_res, starts):
        labels.add("military")
    return labels.pop() if len(labels) == 1 else None


def _without_correction_restatements(
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
    outside = [c for c in candidates if c.sentence not in notice]
    return [
        c
        for c in candidates
        if c.sentence not in notice
        or not (_restated(c, outside) or _before_the_corrected_statement(text, sentences[c.sentence], c, lex))
    ]


def _restated(c: Candidate, others: list[Candidate]) -> bool:
    """Whether one of the others states the same figure."""
    return any(
        o.kind == c.kind
        and (
            (c.kind == "money" and o.currency == c.currency and abs((o.amount or 0) - (c.amount or 0)) < 1)
            or (c.kind == "equipment" and o.quantity == c.quantity and o.item == c.item)
        )
        for o in others
    )


def _before_the_corrected_statement(text: str, sentence: Sentence, c: Candidate, lex: Lexicon) -> bool:
    """A figure before a ";" in a sentence of a notice without a cue of its own: the wrong one."""
    cue = lex.correction_cues_re.search(text, sentence.start, sentence.end)
    return cue is None and ";" in text[c.end : sentence.end]


def link_parts(
    candidates: list[Candidate],
    sentences: list[Sentence],
    text: str,
    lex: Lexicon,
    document_category: str | None = None,
) -> None:
    """Mark earmarked parts ("of which", "waarvan", "davon", or figures that add up to the package before them)
    and give figures without a verb of their own the status of the figure they belong to."""
    previous: Candidate | None = None
    for c in candidates:
        sentence = sentences[c.sentence]
        # The cue stands between the package and its part ("davon 400 Millionen …, 200 Millionen …" lists parts
        # after it): in "umfasst unter anderem 20 Marder, 4 Gepard" the cue before the first figure makes none of
        # them a part of another.
        lists_parts = previous is not None and (previous.sentence != c.sentence or previous.fields.get("parent"))
        lead = text[sentence.start if lists_parts else previous.end : c.start] if previous is not None else ""
        parent = None
        # "Davon gehen 5 Millionen Euro …" may stand a few sentences after the package it breaks down.
        reach = 4 if lex.part_cues_re.match(text[sentence.start : sentence.end].lstrip(" \"'“„")) else 2
        if previous is not None and (
            (c.sentence - previous.sentence <= reach and lex.part_cues_re.search(lead))
            or _row_of_a_breakdown(text, sentences, c, previous, lex)
            or _continues_a_breakdown(text, sentences, c, previous, candidates, lead, lex)
        ):
            parent = _package_of(previous)
        elif (
            previous is not None
            and previous.sentence == c.sentence
            and lex.part_opening_re.match(text, sentence.start, previous.start)
        ):
            parent = previous  # "Of the €5 billion, €3 billion is…", "Van de € 3,5 miljard is € 400 miljoen…"
        # "€1 billion … The package includes 19 Leopard 2A4 tanks": a count can be part of a money package too.
        equipment_in_money = (
            parent is not None
            and c.kind == "equipment"
            and parent.kind == "money"
            and parent.fields["scope"] == "package"
            and c.sentence - parent.sentence <= 1
        )
        if parent is not None and (
            (parent.kind == c.kind and (c.kind == "equipment" or _comparable(parent, c, True))) or equipment_in_money
        ):
            if parent.fields["scope"] == "running_total":
                c.fields["scope"], c.fields["parent"] = "running_total", parent
            else:
                c.fields["scope"], c.fields["parent"] = "part", parent
            c.fields["status"] = c.fields["status"] or parent.fields["status"]
        same_paragraph = previous is not None and sentences[previous.sentence].paragraph == sentence.paragraph
        if c.fields.get("category_unstated") and not same_paragraph and document_category:
            # Nothing before it in its paragraph either: the document's title says what the money is for.
            c.fields["category"] = document_category
        if c.fields.get("category_unstated") and same_paragraph:
            # No word for what the money is for: it continues the topic of the figure just before it (for a loan,
            # what the loan is for).
            c.fields["category"], c.fields["subcategory"] = previous.fields.get("topic") or (
                previous.fields["category"],
                previous.fields["subcategory"],
            )
        if c.fields["status"] is None:
            c.fields["status"] = previous.fields["status"] if same_paragraph else "pledged"
            if same_paragraph and previous.fields["scope"] == "running_total" and c.fields["scope"] == "package":
                c.fields["scope"], c.fields["parent"] = "running_total", previous
        previous = c
    # Figures right after a package that add up to it are its breakdown (260m on shells + 240m on tank rounds).
    for position, package in enumerate(candidates):
        if package.kind != "money" or package.fields["scope"] != "package":
            continue
        run: list[Candidate] = []
        total = 0.0
        for follower in candidates[position + 1 :]:
            if follower.sentence - package.sentence > 3 or not _comparable(package, follower):
                break
            if follower.fields["scope"] != "package":
                break
            run.append(follower)
            total += follower.amount or 0
            if len(run) >= 2 and abs(total - package.amount) <= 0.01 * package.amount:
                for part in run:
                    part.fields["scope"], part.fields["parent"] = "part", package
                break
            if total > package.amount:
                break


@cache
def _difference_after_re(language: str) -> re.Pattern:
    return re.compile(rf"\s*(?:{phrase_pattern(raw(language).get('difference_after_cues', []))})(?![\w-])", re.I)


@cache
def _part_continuation_re(language: str) -> re.Pattern:
    return compile_phrases(raw(language).get("part_continuation_cues", []))


def _continues_a_breakdown(
    text: str,
    sentences: list[Sentence],
    c: Candidate,
    previous: Candidate,
    candidates: list[Candidate],
    lead: str,
    lex: Lexicon,
) -> bool:
    """The sentence right after a part that adds another share ("Davon fließen 60 Millionen Euro in … Weitere 40
    Millionen Euro gehen an …"; "daarnaast", "a further") is the next part, while the parts still fit in the
    package."""
    package = previous.fields.get("parent")
    if package is None or previous.fields["scope"] != "part" or c.kind != "money" or package.kind != "money":
        return False
    if c.sentence != previous.sentence + 1 or sentences[c.sentence].paragraph != sentences[previous.sentence].paragraph:
        return False
    if not _part_continuation_re(lex.language).search(lead) or c.currency != package.currency:
        return False
    shares = sum(o.amount or 0 for o in candidates if o.fields.get("parent") is package and o.kind == "money")
    return shares + (c.amount or 0) <= (package.amount or 0)


def _row_of_a_breakdown(text: str, sentences: list[Sentence], c: Candidate, previous: Candidate, lex: Lexicon) -> bool:
    """A table row or bullet under a line that breaks the package just before it down ("Daarvan is het volgende
    deel al toegewezen:", "The following commitments were made from this envelope:")."""
    introduction = list_introduction(text, sentences, c.sentence)
    if introduction is None or not lex.part_cues_re.search(text, introduction.start, introduction.end):
        return False
    if list_introduction(text, sentences, previous.sentence) == introduction:
        return True  # an earlier row of the same list: its package is this row's too
    introduced_at = sentences.index(introduction)
    return 0 <= introduced_at - previous.sentence <= 2


def _comparable(a: Candidate, b: Candidate, other_currency: bool = False) -> bool:
    """Whether b can be a part of a: money, smaller; in another currency only when `other_currency` ("$50 billion in
    loans, of which the EU will contribute €18.1 billion"), compared in euros."""
    if a.kind != "money" or b.kind != "money":
        return False
    if a.currency == b.currency:
        return (b.amount or 0) < (a.amount or 0)
    if not other_currency:
        return False
    a_eur, b_eur = to_eur(a.amount, a.currency, None), to_eur(b.amount, b.currency, None)
    return a_eur is not None and b_eur is not None and b_eur < a_eur


def _package_of(candidate: Candidate) -> Candidate:
    parent = candidate.fields.get("parent")
    return parent if parent is not None else candidate


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
            c.fields["status"] == "delivered" or _running_total_cue(text[sentence.start : sentence.end], lex)
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
        years = nearest(_own_periods(expressions, c, by_sentence[c.sentence], text, lex) or expressions, c.start, c.end)
        c.fields["years_stated"] = years is not None
        if years is None:
            years = _period_referred_back(text, sentences, candidates, c, published, lex)
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
    owners = assign_to_nearest(expressions, neighbours, text, lex)
    return owners[id(c)]


def _period_referred_back(
    text: str, sentences: list[Sentence], candidates: list[Candidate], c: Candidate, published: str | None, lex: Lexicon
) -> tuple | None:
    """A period stated after the figure about "this package" ("…will be provided over the next eight months").

    Looks at the next two sentences. A sentence that only breaks this figure down into its parts does
    not end the story; any other figure does.
    """
    for index in range(c.sentence + 1, min(c.sentence + 3, len(sentences))):
        in_sentence = [other for other in candidates if other.sentence == index]
        if in_sentence:
            if all(other.fields.get("parent") is c for other in in_sentence):
                continue
            return None
        following = sentences[index]
        if lex.back_reference_re.search(text[following.start : following.end]):
            years = nearest(year_expressions(text, following, published, lex), following.start, following.start)
            if years is not None:
                return years
    return None


def dedupe_within_document(candidates: list[Candidate]) -> list[Candidate]:
    """A figure said twice in one document with the same meaning is one mention; a headline figure in another
    currency that the body gives as a bracketed conversion is the body's figure."""
    kept: list[Candidate] = []
    for c in candidates:
        duplicate = next((k for k in kept if _same_figure(k, c)), None)
        if duplicate is None:
            alias_owner = next((k for k in candidates if k is not c and _is_alias(k, c)), None)
            if alias_owner is not None:
                continue
            kept.append(c)
        else:
            if duplicate.fields["qualifier"] == "exact" and c.fields["qualifier"] != "exact":
                duplicate.fields["qualifier"] = c.fields["qualifier"]
            if duplicate.fields.get("category_unstated") and not c.fields.get("category_unstated"):
                # A headline without words for what the money is for; the body says it.
                duplicate.fields["category"], duplicate.fields["subcategory"] = (
                    c.fields["category"],
                    c.fields["subcategory"],
                )
                duplicate.fields["category_unstated"] = False
    return kept


def _same_figure(a: Candidate, b: Candidate) -> bool:
    if a.kind != b.kind or a.fields["status"] != b.fields["status"] or a.fields["scope"] != b.fields["scope"]:
        return False
    if a.fields.get("years_stated") and b.fields.get("years_stated") and a.fields["years"] != b.fields["years"]:
        return False  # "2025 | € 3,5 miljard" and "2026 | € 3,5 miljard" are two tranches
    if a.kind == "money":
        return a.currency == b.currency and abs(a.amount - b.amount) <= 0.005 * max(a.amount, b.amount)
    return a.quantity == b.quantity and bool(set(a.item.lower().split()) & set(b.item.lower().split()))


def _is_alias(owner: Candidate, c: Candidate) -> bool:
    return c.kind == "money" and any(
        currency == c.currency and abs(amount - c.amount) <= 0.01 * c.amount for currency, amount in owner.aliases
    )


def to_eur(amount: float | None, currency: str | None, year: int | None) -> float | None:
    """Convert with the annual average rate of the publication year (the nearest year the table has)."""
    if amount is None or currency is None:
        return None
    if currency == "EUR":
        return amount
    rates = {y: r for (cur, y), r in eur_rates().items() if cur == currency}
    if not rates:
        return None
    year = year if year is not None else max(rates)
    closest = min(rates, key=lambda y: (abs(y - year), -y))
    return amount / rates[closest]


def mention_rows(doc_id: str, text: str, language: str, published: str | None, title: str = "") -> list[dict]:
    candidates = extract_candidates(text, language, published, title)
    sentences = split_sentences(text)
    pub_year = int(published[:4]) if published else None
    ids = {id(c): f"{doc_id}-{c.start}" for c in candidates}
    rows = []
    for c in candidates:
        sentence = sentences[c.sentence]
        year_start, year_end = c.fields["years"]
        parent = c.fields.get("parent")
        rows.append(
            compact_dict(
                {
                    "mention_id": ids[id(c)],
                    "doc_id": doc_id,
                    "donor": c.fields["donor"],
                    "recipient": c.fields["recipient"],
                    "kind": c.kind,
                    "amount": c.amount,
                    "currency": c.currency,
                    "amount_eur": to_eur(c.amount, c.currency, pub_year),
                    "quantity": c.quantity,
                    "item": c.item,
                    "qualifier": c.fields["qualifier"],
                    "status": c.fields["status"],
                    "scope": c.fields["scope"],
                    "part_of": ids.get(id(parent)) if parent is not None and c.fields["scope"] == "part" else None,
                    "category": c.fields["category"],
                    "subcategory": c.fields["subcategory"],
                    "year_start": year_start,
                    "year_end": year_end,
                    "evidence": text[sentence.start : sentence.end].strip(),
                    "char_start": c.start,
                    "char_end": c.end,
                }
            )
        )
    return rows


def compact_dict(row: dict) -> dict:
    """The same dict, in the smallest table plain Python gives it: compiled by Cython (data_pipeline/compiled.py),
    a dict literal gets a table presized for hash lookups of any key type, 1.2 KB for a mention row of 21 keys
    instead of 0.46 KB. A build keeps every row (50,000 at 10,000 documents); a dict filled by insertion, with
    only str keys, takes the compact table."""
    return dict(zip(row, row.values(), strict=True))


def extract_mentions(
    text: str, *, doc_id: str = "doc", language: str = "en", published: str | None = None, title: str = ""
) -> pd.DataFrame:
    """The mentions table for one text (the pure core of the pipeline, handy for tests and notebooks)."""
    return conform("mentions", pd.DataFrame(mention_rows(doc_id, text, language, published, title)))
