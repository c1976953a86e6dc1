"""Which numbers are counts of equipment: a whole number before or after an item ("40 Leopard 1 tanks", table
rows "Patriot launchers | 3"), calibres, model names and multipliers ruled out, and the count a correction states.
Implements PLEDGES.md section 1 (equipment mentions) and the quantity and item columns of section 2."""

from __future__ import annotations

import re
from dataclasses import replace

from data_pipeline.extract.candidates import Candidate, Sentence
from data_pipeline.extract.donors import canonical_donor
from data_pipeline.extract.money import PERCENT_AFTER_RE, fractions_before_scales, is_range, is_year, scale_after
from data_pipeline.extract.search import skip_space
from data_pipeline.extract.sentences import currency_follows, is_list_line
from data_pipeline.lexicon import ItemRule, Lexicon
from data_pipeline.numbers import (
    NumberSpan,
)

TIMES_RE = re.compile(r"\s?[x×](?![\w])")


# "155mm", "155-mm-Granaten", "120 millimetre": a calibre, not a count.
CALIBRE_AFTER_RE = re.compile(r"[\s-]?(?:mm|millimet(?:re|er)s?|cm|kaliber)(?![^\W\d_])", re.IGNORECASE)


ITEM_WORD_RE = re.compile(r"[\w'’-]+")


def equipment_candidates(
    text: str, sentence: Sentence, index: int, numbers: list[NumberSpan], taken: list[Candidate], lex: Lexicon
) -> list[Candidate]:
    found: list[Candidate] = []
    # "eine Million Artilleriegeschosse", "a million shells": the article stands for the number (_count_in_millions
    # then reads the scale word; one before a currency was taken as money).
    fractions = fractions_before_scales(text, sentence, numbers, lex)
    if fractions:
        spelled = [NumberSpan(value, start, end, text[start:end], True, False) for value, start, end in fractions]
        numbers = sorted([*numbers, *spelled], key=lambda n: n.start)
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
        if scale_after(text, number.end, lex) or PERCENT_AFTER_RE.match(text, number.end):
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
    scaled = scale_after(text, number.end, lex)
    if scaled is None or scaled[0] != 1e6 or currency_follows(text, scaled[1]):
        return number
    return replace(number, value=number.value * scaled[0], end=scaled[1])


def _gives_support(word: str, lex: Lexicon) -> bool:
    """A donor's name or adjective right before an item describes it ("zes Nederlandse F-16's", "three German
    Leopard tanks"); Ukraine's or Russia's ("20 Ukrainian F-16 pilots", "40 Russian tanks") do not."""
    match = lex.donor_re.fullmatch(word)
    name = canonical_donor(match, lex) if match else None
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
        and not (is_year(low.value) and not low.grouped)
        and is_range(text, sentence, low.start, low.end, high.start, lex)
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


def corrected_counts(
    text: str, sentence: Sentence, index: int, numbers: list[NumberSpan], wrong: list[Candidate], lex: Lexicon
) -> list[Candidate]:
    """A bare whole number ("Tatsächlich sind es 80.") right after a correction of one equipment figure: its
    corrected count."""
    items = {(c.item, c.item_subcategory, c.item_category) for c in wrong if c.kind == "equipment"}
    counts = [
        n
        for n in numbers
        if n.value == int(n.value) and 1 <= n.value < 2_000_000 and not (is_year(n.value) and not n.grouped)
    ]
    if len(items) != 1 or len(counts) != 1 or PERCENT_AFTER_RE.match(text, counts[0].end):
        return []
    if scale_after(text, counts[0].end, lex) or ITEM_WORD_RE.match(text, skip_space(text, counts[0].end)):
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
