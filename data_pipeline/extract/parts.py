"""Packages and their parts: which figure is a part of which package ("of which", "waarvan", "davon", rows of a
breakdown), and the part_of link. Implements the scope column's `part` (PLEDGES.md section 2) and the rule that
totals add packages only."""

from __future__ import annotations

import re
from functools import cache
from itertools import islice

from data_pipeline.extract.candidates import Candidate, Sentence
from data_pipeline.extract.dedupe import same_figure
from data_pipeline.extract.donors import donors_in
from data_pipeline.extract.money import to_eur
from data_pipeline.extract.sentences import list_introduction
from data_pipeline.lexicon import Lexicon, common, raw
from data_pipeline.patterns import compile_phrases, phrase_pattern


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
    for position, c in enumerate(candidates):
        sentence = sentences[c.sentence]
        # The cue stands between the package and its part ("davon 400 Millionen …, 200 Millionen …" lists parts
        # after it): in "umfasst unter anderem 20 Marder, 4 Gepard" the cue before the first figure makes none of
        # them a part of another.
        lists_parts = previous is not None and (previous.sentence != c.sentence or previous.fields.get("parent"))
        lead = text[sentence.start if lists_parts else previous.end : c.start] if previous is not None else ""
        parent = None
        # "Davon gehen 5 Millionen Euro …", "Van het bedrag gaat 150 miljoen …" may stand a paragraph or two after the
        # package it breaks down, with quotes and no other figure between (the previous figure is the package).
        # So may "uit dit bedrag 30 miljoen …", "€30 million of this amount …": the cue names the amount it refers to.
        opens = lex.part_cues_re.match(text[sentence.start : sentence.end].lstrip(" \"'“„"))
        reach = 8 if opens or lex.part_reference_cues_re.search(lead) else 2
        if (
            previous is not None
            and previous.sentence == c.sentence
            and lex.part_opening_re.match(text, sentence.start, previous.start)
            and _restates_an_earlier_figure(previous, candidates)
        ):
            # "Von diesen 300 Millionen sind 100 Millionen für …" names again the level it breaks down, even when
            # that level is itself a part (spec §7.6: each level is a part of the level just above).
            parent = previous
        elif (
            previous is not None
            and previous.sentence != c.sentence
            and lex.package_reference_re.match(text, sentence.start, sentence.end)
            and (named := _package_referred_to(c, candidates, position)) is not None
        ):
            # "The new package will include £92 million for …" after a per-year pledge stated in between: the
            # package the sentence names, not the figure just before it.
            parent = named
        elif previous is not None and (
            (c.sentence - previous.sentence <= reach and lex.part_cues_re.search(lead))
            or _row_of_a_breakdown(text, sentences, c, previous, lex)
            or _continues_a_breakdown(text, sentences, c, previous, candidates, lead, lex)
        ):
            # "€200 million for ammunition, of which €50 million …": "of which" after a part breaks that part down
            # (spec §7.6, nested parts); "and the remaining …" adds a sibling.
            nested = previous.sentence == c.sentence and _relative_part_re(lex.language).search(
                text, previous.end, c.start
            )
            # A count after the money of its clause ("£68 million for air defence, including radars, and 1,000
            # counter-drone systems") is what that money buys, though the money is itself a part.
            buys = c.kind == "equipment" and previous.kind == "money" and previous.sentence == c.sentence
            parent = previous if nested or buys else _package_of(previous)
        elif (
            previous is not None
            and previous.sentence == c.sentence
            and lex.part_opening_re.match(text, sentence.start, previous.start)
        ):
            parent = previous  # "Of the €5 billion, €3 billion is…", "Van de € 3,5 miljard is € 400 miljoen…"
        elif previous is not None and _part_after_re(lex.language).match(text, c.end):
            # "etwa neun Milliarden Kronen des neuen Unterstützungspakets": the package named is the latest one, even
            # with a running total stated between.
            parent = next(
                (
                    p
                    for p in (candidates[i] for i in range(position - 1, -1, -1))
                    if p.fields["scope"] == "package" and c.sentence - p.sentence <= PACKAGE_NAMED_REACH
                ),
                None,
            )
        # "€1 billion … The package includes 19 Leopard 2A4 tanks": a count can be part of a money package too.
        equipment_in_money = (
            parent is not None
            and c.kind == "equipment"
            and parent.kind == "money"
            and parent.fields["scope"] in ("package", "part")
            and c.sentence - parent.sentence <= 1
        )
        if parent is not None and (
            (parent.kind == c.kind and (c.kind == "equipment" or _comparable(parent, c, True))) or equipment_in_money
        ):
            if parent.fields["scope"] == "running_total":
                # A breakdown of a running total is one too, delivered or promised as the total is (spec §7.4):
                # "€ 771,3 miljoen … van de goederen die geleverd zijn, maar ook om een militair steunpakket …".
                c.fields["scope"], c.fields["parent"] = "running_total", parent
                c.fields["status"] = parent.fields["status"] or c.fields["status"]
            else:
                c.fields["scope"], c.fields["parent"] = "part", parent
            c.fields["status"] = c.fields["status"] or parent.fields["status"]
        same_paragraph = previous is not None and sentences[previous.sentence].paragraph == sentence.paragraph
        if c.fields.get("only_support_named") and document_category == "military":
            # "support" in an article whose headline is about military aid is military support (spec §7.11).
            c.fields["category"], c.fields["subcategory"] = "military", "general"
        if c.fields.get("category_unstated") and not same_paragraph and document_category:
            # Nothing before it in its paragraph either: the document's title says what the money is for; not for a
            # total since the war began, which covers whatever was given (spec §7.11: unnamed purposes are other).
            c.fields["category"] = document_category if c.fields["scope"] != "running_total" else "other"
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
    _link_parts_to_a_later_envelope(candidates, text, lex)
    # Figures right after a package that add up to it are its breakdown (260m on shells + 240m on tank rounds).
    for position, package in enumerate(candidates):
        if package.kind != "money" or package.fields["scope"] != "package":
            continue
        run: list[Candidate] = []
        total = 0.0
        # islice, not a slice: copying the rest of a long list for every package would cost its length squared.
        for follower in islice(candidates, position + 1, None):
            if follower.sentence - package.sentence > 3 or not _comparable(package, follower):
                break
            if follower.fields["scope"] != "package" and follower.fields.get("parent") is not package:
                break  # (one already linked to this package, by the sentence naming it, still adds up)
            run.append(follower)
            total += follower.amount or 0
            if len(run) >= 2 and abs(total - package.amount) <= 0.01 * package.amount:
                for part in run:
                    part.fields["scope"], part.fields["parent"] = "part", package
                break
            if total > package.amount:
                break
    _subcategory_from_parts(candidates)


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
    if c.sentence != previous.sentence + 1:
        return False  # the next sentence, even in a paragraph of its own (wire copy gives each sentence one)
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
    # list_introduction looks at most 40 sentences up: find it there, not by a pass from the document's start.
    introduced_at = next(i for i in range(c.sentence - 1, -1, -1) if sentences[i] == introduction)
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


# How far after a part the recipient it is said to be for may be named ("61 Milliarden Dollar für die Ukraine").
OWN_WORDS_REACH = 40


def _own_words_end(text: str, start: int, sentence_end: int) -> int:
    """Where the words right after a figure end: at a comma, semicolon or bracket, or OWN_WORDS_REACH on."""
    end = min(sentence_end, start + OWN_WORDS_REACH)
    stop = re.search(r"[,;:()\[\]]", text[start:end])
    return start + stop.start() if stop else end


def _subcategory_from_parts(candidates: list[Candidate]) -> None:
    """A military package whose own words name no kind of thing takes the kind all its parts share ("500 million
    euros of military aid … 260 million on artillery shells and another 240 million on ammunition for tanks")."""
    kinds: dict[int, set[str]] = {}
    for c in candidates:
        parent = c.fields.get("parent")
        if parent is not None and c.fields["scope"] == "part":
            kinds.setdefault(id(parent), set()).add(c.fields["subcategory"])
    for c in candidates:
        shared = kinds.get(id(c), set())
        if (
            c.fields["category"] == "military"
            and c.fields["subcategory"] == "general"
            and not c.fields.get("kinds_named")
            and len(shared) == 1
        ):
            c.fields["subcategory"] = next(iter(shared))


def _package_referred_to(c: Candidate, candidates: list[Candidate], position: int) -> Candidate | None:
    """The latest package before `c` (at `position`), a few sentences up, that `c` fits in: not a yearly rate, not
    a total."""
    for earlier in (candidates[i] for i in range(position - 1, -1, -1)):  # no copy of the list before it
        if c.sentence - earlier.sentence > PACKAGE_NAMED_REACH:
            return None
        if earlier.fields["scope"] == "package" and not earlier.fields.get("per_year") and _comparable(earlier, c):
            return earlier
    return None


def _package_of(candidate: Candidate) -> Candidate:
    parent = candidate.fields.get("parent")
    return parent if parent is not None else candidate


# How many sentences back the package a figure names ("… of the new package") may stand.
PACKAGE_NAMED_REACH = 8
# How far before the envelope's figure its cue may stand ("is onderdeel van de 1 miljard euro die …").
ENVELOPE_MAX_GAP = 60


def _link_parts_to_a_later_envelope(candidates: list[Candidate], text: str, lex: Lexicon) -> None:
    """A figure said to come out of a larger one named after it in the same sentence ("De ruim 200 miljoen is
    onderdeel van de 1 miljard euro die het kabinet dit jaar vrijmaakt", "the €200m is part of the €1bn set aside",
    "stammen aus den 5 Milliarden") is a part of that larger figure (spec §7.6); its own parts stay its own."""
    for c, later in zip(candidates, candidates[1:], strict=False):
        if c.sentence != later.sentence or c.fields["scope"] != "package" or later.fields["scope"] != "package":
            continue
        if c.kind != "money" or not _comparable(later, c, True) or later.amount <= c.amount:
            continue
        between = text[c.end : later.start]
        if len(between) > ENVELOPE_MAX_GAP or not _envelope_re(lex.language).search(between):
            continue
        if donors_in(text, c.end, later.start, lex):
            continue  # "Italy's €30 million comes from its budget, while Spain …": another donor's figure
        # "De ruim 200 miljoen" restates the headline's figure: the headline's is the same part.
        for same in candidates:
            if same is c or (same.start < c.start and same.fields["scope"] == "package" and same_figure(same, c)):
                same.fields["scope"], same.fields["parent"] = "part", later


@cache
def _relative_part_re(language: str) -> re.Pattern:
    """A relative clause opening on a part of the figure before it: ", of which", ", waarvan", ", davon"."""
    return re.compile(rf"[,(;]\s*(?:{phrase_pattern(raw(language).get('relative_part_cues', []))})(?![\w-])", re.I)


@cache
def _part_after_re(language: str) -> re.Pattern:
    """Words right after a figure naming the package it is drawn from ("neun Milliarden Kronen des neuen Pakets")."""
    return re.compile(rf"\s*(?:{phrase_pattern(raw(language).get('part_after_cues', []))})(?![\w-])", re.I)


@cache
def _envelope_re(language: str) -> re.Pattern:
    return compile_phrases(raw(language).get("envelope_cues", []))


def _restates_an_earlier_figure(figure: Candidate, candidates: list[Candidate]) -> bool:
    """Whether an earlier figure of the document has the same amount (or count) and currency (or item)."""
    for other in candidates:
        if other is figure:
            return False
        same_unit = other.kind == figure.kind and other.currency == figure.currency and other.item == figure.item
        if same_unit and (other.amount, other.quantity) == (figure.amount, figure.quantity):
            return True
    return False


def without_wider_envelopes(
    candidates: list[Candidate], sentences: list[Sentence], text: str, lex: Lexicon
) -> list[Candidate]:
    """ "Congress approved $95 billion in aid, including $61 billion for Ukraine": a total whose part is the one
    said to be for the recipient ("for Ukraine", not "for Ukraine's air defence"), while the sentence names no
    recipient before the part, also pays for others. It is no support to the recipient (PLEDGES.md 7.8, totals
    across many recipients); the part is the package."""
    recipient = common()["default_recipient"]
    # The country by name: "for Ukraine", not "to the Ukrainian army".
    recipient_names = {name.casefold() for name in common()["default_recipient_names"]}
    wider: set[int] = set()
    for c in candidates:
        parent = c.fields.get("parent")
        if c.fields["scope"] != "part" or parent is None or parent.sentence != c.sentence or parent.end > c.start:
            continue
        if c.kind != "money" or parent.kind != "money":
            continue  # "…'s €1.2 billion package includes 12 CV90s for Ukraine": the goods are for the recipient
        sentence = sentences[c.sentence]
        if any(name == recipient for _, _, name in donors_in(text, sentence.start, c.start, lex)):
            continue
        if any(
            name == recipient
            and text[start:end].casefold() in recipient_names
            and lex.recipient_prepositions_re.search(text, max(c.end, start - 20), start)
            # in the part's own words right after it ("$61 billion designated for Ukraine"), not in a clause that
            # follows ("eine Milliarde für Rückerstattungen an Staaten, die Munition an die Ukraine liefern")
            for start, end, name in donors_in(text, c.end, _own_words_end(text, c.end, sentence.end), lex)
        ):
            wider.add(id(parent))
            c.fields["scope"], c.fields["parent"] = "package", None
    if not wider:
        return candidates
    return [c for c in candidates if id(c) not in wider and id(c.fields.get("parent")) not in wider]
