"""What is not support to the recipient: the donor's own forces, the aggressor's money, unit prices, exchange-rate
lines, superseded levels, conversions restated in brackets, figures led by a non-donor, lists not about support.
Implements the "not a mention" lists of PLEDGES.md section 1."""

from __future__ import annotations

import re
from functools import cache

from data_pipeline.extract.candidates import Candidate, Sentence
from data_pipeline.extract.donors import donors_in
from data_pipeline.extract.money import to_eur
from data_pipeline.extract.search import clause_of, gated_search, skip_space
from data_pipeline.extract.sentences import context_sentence
from data_pipeline.lexicon import Lexicon, common, raw
from data_pipeline.patterns import phrase_pattern


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
    published_year: int | None = None,
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
    # "compared with the EU average of €100 million": a statistic, nobody's support.
    candidates = [
        c
        for c in candidates
        if not lex.statistic_before_figure_re.search(text, max(sentence.start, c.start - 50), c.start)
    ]
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
    # A sentence opening with "Davon"/"Daarvan"/"Of this" breaks down the support just named; so does the figure
    # that opens a sentence and is followed by it ("Etwa 425 Millionen Franken davon stammten aus …", "CHF 425
    # million of this was drawn from …"), but only that figure.
    opens_with_part = lex.part_cues_re.match(sentence_text.lstrip(" \"'“„"))
    first_figure = min(candidates, key=lambda c: c.start, default=None)
    part_figure = (
        first_figure
        if first_figure is not None
        and not opens_with_part
        and lex.part_cues_re.match(text, skip_space(text, first_figure.end))
        else None
    )
    support_verb = NOT_SEARCHED  # searched once for both rules below
    if not licensed and not opens_with_part:
        support_verb = lex.support_verbs_re.search(sentence_text)
        if not support_verb and not any(pattern.search(sentence_text) for pattern in _support_patterns(lex)[1:]):
            candidates = [c for c in candidates if c.kind != "money" or c is part_figure]
    money = sorted((c for c in candidates if c.kind == "money"), key=lambda c: c.start)
    dropped: set[int] = set()
    for first, second in zip(money, money[1:], strict=False):
        between = text[first.end : second.start]
        is_conversion = (
            first.currency
            and second.currency
            and first.currency != second.currency
            and (
                _converts_right_after(between, lex)
                or _converts_in_a_later_bracket(between, lex)
                or (
                    id(first) not in dropped
                    and _same_value_close_after(first, second, between, published_year, lex)
                    and not donors_in(text, first.end, second.start, lex)
                )
            )
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
        # "elk 4 miljoen" is a unit price, "elk jaar 3,5 miljard" a yearly amount (per_year.mark_per_year).
        unit_price_before = (
            lex.unit_price_before_re.search(window)
            and not lex.yearly_before_re.search(window)
            and not lex.total_cost_before_re.search(window)
        )
        if unit_price_before or lex.unit_price_after_re.match(text, candidate.end):
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


# How far apart, and how close in value, a figure in another currency must be to be read as a conversion however it
# is phrased ("16 Milliarden schwedischen Kronen habe, was knapp 1,5 Milliarden Euro entspricht"). 12 % covers the
# rounding words ("knapp", "rund") and a rate taken on another day than the table's annual average.
SAME_VALUE_MAX_GAP = 60
SAME_VALUE_TOLERANCE = 0.12


def _same_value_close_after(first: Candidate, second: Candidate, between: str, year: int | None, lex: Lexicon) -> bool:
    """A figure in another currency a few words after the first, in its clause, and worth the same in euros, restates
    the first: two separate grants in two currencies of one value in one clause do not occur in real text, loose
    phrasings of a conversion do."""
    if len(between) > SAME_VALUE_MAX_GAP or re.search(r"[.;:!?]", between) or lex.adding_words_re.search(between):
        return False
    if first.amount is None or second.amount is None:
        return False
    first_eur = to_eur(first.amount, first.currency, year)
    second_eur = to_eur(second.amount, second.currency, year)
    if not first_eur or not second_eur:
        return False
    return abs(first_eur - second_eur) <= SAME_VALUE_TOLERANCE * max(first_eur, second_eur)


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


def is_recipients_own_money(candidate: Candidate) -> bool:
    """ "We are allocating over UAH 400 billion for social protection": an amount in the recipient's own currency
    that no donor gives is the recipient's budget (PLEDGES.md 7.8). Called once the donor is known."""
    return candidate.fields.get("donor") == "Unknown" and candidate.currency in common()["recipient_currencies"]


def _excluded(text: str, sentence: Sentence, candidate: Candidate, lex: Lexicon) -> bool:
    """An exclusion cue in the figure's clause, or one that ends the clause before it: in "Die Opposition
    fordert, die Hilfe auf 15 Milliarden Euro zu erhöhen" the demand governs the figure's clause."""
    clause = clause_of(text, sentence, candidate)
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
    does not give support, or the recipient putting money into something) reports no support, unless a donor is
    named before the figure too."""
    named = donors_in(text, sentence.start, candidate.start, lex)
    if not named:
        return False
    first_start, _, first_name = named[0]
    if first_name not in lex.not_donors:
        return False
    before = text[sentence.start : first_start].strip(" \"'“”‘’„-–—")
    if before and not lex.definite_before_re.match(before + " "):
        return False  # something other than "The"/"Die" stands before the name: it is not the sentence's subject
    if first_name == common()["default_recipient"] and not lex.spending_verbs_re.search(
        text, sentence.start, sentence.end
    ):
        return False  # "Ukraine will receive …": the recipient as subject, support all the same
    # "Oekraïne steekt zelf 500 miljoen euro in drones": the recipient putting its own money into something.
    return not any(name not in lex.non_givers for _, _, name in named[1:])


@cache
def _difference_after_re(language: str) -> re.Pattern:
    return re.compile(rf"\s*(?:{phrase_pattern(raw(language).get('difference_after_cues', []))})(?![\w-])", re.I)
