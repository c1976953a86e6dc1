"""One mention per figure: the same figure repeated within a document with the same meaning (a headline and the
body, a conversion's alias) and a figure restated by a correction are one mention. Implements PLEDGES.md section 1
("the same figure repeated within one document")."""

from __future__ import annotations

from data_pipeline.extract.candidates import Candidate, Sentence
from data_pipeline.extract.search import gated_search
from data_pipeline.lexicon import Lexicon


def without_correction_restatements(
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


def dedupe_within_document(candidates: list[Candidate]) -> list[Candidate]:
    """A figure said twice in one document with the same meaning is one mention; a headline figure in another
    currency that the body gives as a bracketed conversion is the body's figure."""
    kept: list[Candidate] = []
    for c in candidates:
        duplicate = next((k for k in kept if same_figure(k, c)), None)
        if duplicate is None:
            alias_owner = next((k for k in candidates if k is not c and _is_alias(k, c)), None)
            if alias_owner is not None:
                continue
            kept.append(c)
        else:
            # "Von diesen 300 Millionen sind 100 Millionen …": the restated figure's parts are the kept figure's.
            for other in candidates:
                if other.fields.get("parent") is c:
                    other.fields["parent"] = duplicate
            if duplicate.fields["qualifier"] == "exact" and c.fields["qualifier"] != "exact":
                duplicate.fields["qualifier"] = c.fields["qualifier"]
            if c.fields.get("per_year"):
                # "£3bn a year" in the headline, "£3 billion in military aid" in the body: a yearly figure.
                duplicate.fields["per_year"] = True
            if c.fields.get("years_stated") and not duplicate.fields.get("years_stated"):
                # A headline without a period; the body says "voor 2025 en 2026".
                duplicate.fields["years"], duplicate.fields["years_stated"] = c.fields["years"], True
            if duplicate.fields.get("category_unstated") and not c.fields.get("category_unstated"):
                # A headline without words for what the money is for; the body says it.
                duplicate.fields["category"], duplicate.fields["subcategory"] = (
                    c.fields["category"],
                    c.fields["subcategory"],
                )
                duplicate.fields["category_unstated"] = False
    return kept


def same_figure(a: Candidate, b: Candidate) -> bool:
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
