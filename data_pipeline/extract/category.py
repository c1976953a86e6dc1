"""What the support is for: the category and subcategory of a figure from the keywords nearest to it (or the
title, or the sentence it refers back to), loans and clauses joined by "and". Implements the category and
subcategory columns of PLEDGES.md section 2."""

from __future__ import annotations

from data_pipeline.extract.candidates import Candidate, Sentence
from data_pipeline.extract.search import assign_to_nearest, gated_search, keyword_hits, nearest
from data_pipeline.lexicon import Lexicon

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
            elif not labels:
                candidate.fields["only_support_named"] = True  # "support", "steun", "Hilfe" and no purpose
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
            candidate.fields["kinds_named"] = bool(subs)
            if category == "military" and not _kinds_listed(text, subs, candidate, lex):
                subcategory = _pick_sub(sub_labels, subs, candidate) or "general"
        candidate.fields["category"] = category
        candidate.fields["subcategory"] = subcategory


# How far apart two listed kinds may stand ("artilleriemunitie en luchtverdediging", "munitie, maar ook onderzeese
# drones"): a conjunction and a word or two.
LISTED_KINDS_GAP = 25


def _kinds_listed(text: str, hits: list[tuple[int, int, str]], candidate: Candidate, lex: Lexicon) -> bool:
    """Money for two kinds of thing named side by side ("voor extra artilleriemunitie en luchtverdediging", "machine
    guns, anti-tank weapons, ammunition and sea drones") is general military support, not one of them. Only the
    list the kind nearest the figure stands in counts: in "£92 million for the navy, including small boats, drones
    and surface vessels" the listed kinds are examples of the navy's."""
    closest = nearest([(a, b, (a, b, label)) for a, b, label in hits], candidate.start, candidate.end)
    if closest is None:
        return False
    ordered = sorted(hits)
    for first_hit, second_hit in zip(ordered, ordered[1:], strict=False):
        (_, first_end, first), (second_start, _, second) = first_hit, second_hit
        between = text[first_end:second_start]
        if (
            first != second
            and closest in (first_hit, second_hit)
            and len(between) <= LISTED_KINDS_GAP
            and not any(ch.isdigit() for ch in between)
            and ("," in between or lex.clause_joiners_re.search(between))
        ):
            return True
    return False


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


def _is_loan(text: str, hit: tuple[int, int, str], lex: Lexicon) -> bool:
    return hit[2] == "financial" and bool(lex.loan_words_re.fullmatch(text[hit[0] : hit[1]]))


def _pick_sub(labels: list[str], hits: list[tuple[int, int, str]], candidate: Candidate) -> str | None:
    if not labels:
        return None
    if hits:
        return nearest(hits, candidate.start, candidate.end)
    return min(labels, key=lambda label: SUBCATEGORY_PRIORITY.index(label) if label in SUBCATEGORY_PRIORITY else 99)


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
