"""The order in which one document's figures get their fields: sentences, candidates, the support filter, category,
qualifier, donor and recipient, status and scope, then parts, years, year schedules and de-duplication. The rules
live in the modules it calls; this is where to look when a step runs in the wrong order (PLEDGES.md sections 1
and 2)."""

from __future__ import annotations

from data_pipeline.budget import check_budget
from data_pipeline.extract.candidates import Candidate, Sentence
from data_pipeline.extract.category import categorise, title_category
from data_pipeline.extract.comparisons import compared_donor, mark_comparisons, read_like_the_compared
from data_pipeline.extract.dedupe import dedupe_within_document, without_correction_restatements
from data_pipeline.extract.donors import donor_of, issuer_of, main_donor, recipient_of
from data_pipeline.extract.equipment import corrected_counts, equipment_candidates
from data_pipeline.extract.money import may_hold_long_scale, money_candidates, resolve_currency
from data_pipeline.extract.parts import link_parts, without_wider_envelopes
from data_pipeline.extract.per_year import mark_per_year
from data_pipeline.extract.qualifier import qualifier_of
from data_pipeline.extract.schedule import extend_years_by_delivery_schedules, without_year_schedules
from data_pipeline.extract.search import after_definite_article, keyword_hits, model_spans
from data_pipeline.extract.sentences import introduction_with_colon, refers_back, split_sentences
from data_pipeline.extract.status import classify_status_and_scope
from data_pipeline.extract.support import drop_non_support, is_recipients_own_money, list_is_about_support
from data_pipeline.extract.years import assign_years
from data_pipeline.lexicon import Lexicon, lexicon
from data_pipeline.numbers import (
    DIGIT_RE,
    find_numbers,
    spelled_number_words,
    spelled_numbers_possible,
)


def extract_candidates(text: str, language: str, published: str | None, title: str = "") -> list[Candidate]:
    """All mentions of one document with their fields, before they become table rows."""
    lex = lexicon(language)
    sentences = split_sentences(text)
    scale_words = set(lex.scales)
    fallback_donor = main_donor(text, title, lex)
    number_words = spelled_number_words(text, lex.language, scale_words)
    published_year = int(published[:4]) if published else None
    per_sentence: list[list[Candidate]] = []
    corrected: list[Candidate] = []  # figures a correction in the sentence before says were wrong
    for index, sentence in enumerate(sentences):
        check_budget()  # per sentence: a document over its time budget stops here (data_pipeline/budget.py)
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
            and not may_hold_long_scale(text, sentence, lex)
        ):
            per_sentence.append([])
            continue
        numbers = find_numbers(text, lex.language, scale_words, sentence.start, sentence.end, spelled)
        if numbers:  # model names only matter where they would hide a number: most sentences have none
            models = model_spans(text, sentence, lex)
            numbers = [n for n in numbers if not any(a < n.start and n.end <= b for a, b in models)]
        money = money_candidates(text, sentence, index, numbers, lex)
        equipment = equipment_candidates(text, sentence, index, numbers, money, lex)
        for c in equipment:
            c.fields["refers_back"] = after_definite_article(text, sentence, c.start, lex)
        found = money + equipment
        licensed = bool(found) and list_is_about_support(text, sentences, index, lex)
        if not found and wrong_before:
            # "… hieß es, Deutschland habe 100 Leopard-1-Panzer geliefert. Tatsächlich sind es bislang 80.": the
            # bare count that follows a correction counts the corrected item.
            found = corrected_counts(text, sentence, index, numbers, wrong_before, lex)
            licensed = bool(found)
        per_sentence.append(
            drop_non_support(text, sentence, found, lex, licensed, corrected, published_year) if found else []
        )

    explicit_currencies = [(c.start, c.end, c.currency) for group in per_sentence for c in group if c.currency]
    title_numbers = {n.value for n in find_numbers(title, lex.language, scale_words)} if title else set()
    all_candidates: list[Candidate] = []
    for index, (sentence, group) in enumerate(zip(sentences, per_sentence, strict=True)):
        if not group:
            continue
        check_budget()
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
        mark_per_year(text, sentence, group, lex)
        categorise(text, sentence, group, lex, title_hits)
        if any(c.fields.get("category_unstated") for c in group):
            # "…; dat moet 175 miljoen euro zijn" after "… voor het herstel van energiecentrales": a sentence that
            # refers back to the one before it takes its topic; so does a table row under "Military allocations …:".
            context = refers_back(text, sentences, index, lex) or introduction_with_colon(text, sentences, index)
            stated = title_category(text[context.start : context.end], lex) if context is not None else None
            for c in group if stated else ():
                if c.fields.get("category_unstated"):
                    c.fields["category"], c.fields["subcategory"] = stated, "general"
                    c.fields["category_unstated"] = False
        mark_comparisons(text, sentence, group, lex)
        for c in group:
            c.fields["qualifier"] = qualifier_of(text, sentence, c, lex)
            donor = _donor_of_figure(text, sentence, c, lex, fallback_donor) or issuer_of(c.currency, lex)
            c.fields["donor"] = donor or "Unknown"
            c.fields["recipient"] = recipient_of(text, sentence, donor, lex, _own_span(sentence, group, c), c.start)
            if c.kind == "money":
                c.currency = resolve_currency(c, donor, fallback_donor, explicit_currencies, lex)
        classify_status_and_scope(text, sentences, index, group, lex)
        all_candidates.extend(
            c for c in group if c.kind == "equipment" or (c.currency and not is_recipients_own_money(c))
        )

    all_candidates = without_correction_restatements(text, sentences, all_candidates, lex)
    link_parts(all_candidates, sentences, text, lex, title_category(title, lex))
    all_candidates = without_wider_envelopes(all_candidates, sentences, text, lex)
    assign_years(text, sentences, all_candidates, published, lex)
    read_like_the_compared(text, sentences, all_candidates, lex)
    extend_years_by_delivery_schedules(text, sentences, all_candidates, published, lex)
    return dedupe_within_document(without_year_schedules(all_candidates))


def _donor_of_figure(
    text: str, sentence: Sentence, c: Candidate, lex: Lexicon, fallback_donor: str | None
) -> str | None:
    """donor_of, but in a comparison (comparisons.py) a compared figure is the donor's its own words name ("compared
    with €410 million from Portugal"; none named: as any figure, "€1bn last year"), and then the figure it is
    compared with is not that donor's: it is the donor named before the cue, else the document's main donor's."""
    if "comparison_cue" in c.fields:
        return compared_donor(text, sentence, c, lex) or donor_of(text, sentence, c, lex, fallback_donor)
    if "compared_by" in c.fields and compared_donor(text, sentence, c.fields["compared_by"], lex):
        within = (sentence.start, c.fields["compared_at"])
        return donor_of(text, sentence, c, lex, None, within=within) or fallback_donor
    return donor_of(text, sentence, c, lex, fallback_donor)


def _own_span(sentence: Sentence, group: list[Candidate], c: Candidate) -> tuple[int, int]:
    """A figure's own part of its sentence: from the end of the figure before it to the start of the next."""
    before = [o.end for o in group if o.end <= c.start]
    after = [o.start for o in group if o.start >= c.end]
    return max(before, default=sentence.start), min(after, default=sentence.end)
