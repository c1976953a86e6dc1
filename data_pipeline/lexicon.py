"""Load the per-language word lists in lexicon/ and compile them into regular expressions once."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from data_pipeline.paths import LEXICON_DIR

LANGUAGES = ("en", "nl", "de")
DEFAULT_LANGUAGE = "en"


# Below this many phrases a plain alternation is as fast as the grouped one.
GROUPED_ALTERNATION_MIN = 8


def phrase_pattern(phrases: list[str] | dict) -> str:
    """One alternation for a list of phrases: longest first, 're:' entries taken as regular expressions."""
    ordered = sorted(phrases, key=len, reverse=True)
    parts = []
    for phrase in ordered:
        if phrase.startswith("re:"):
            parts.append(f"(?:{phrase[3:]})")
        else:
            parts.append(r"\s+".join(re.escape(word) for word in phrase.split()))
    if not parts:
        return r"(?!x)x"
    if len(parts) < GROUPED_ALTERNATION_MIN:
        return "|".join(parts)
    # A 're:' pattern (or a blank phrase) can match where any phrase does: it keeps its place in the order, and
    # only the runs of plain phrases between such entries are grouped (phrases of different groups never match
    # at the same position, so their order among each other does not matter).
    pieces: list[str] = []
    run: list[tuple[str, str]] = []
    for phrase, part in [*zip(ordered, parts, strict=True), ("re:", None)]:
        if phrase.startswith("re:") or not phrase.split():
            if len(run) >= GROUPED_ALTERNATION_MIN:
                pieces.append(_grouped_by_first_character([p for p, _ in run], [q for _, q in run]))
            else:
                pieces.extend(q for _, q in run)
            run = []
            if part is not None:
                pieces.append(part)
        else:
            run.append((phrase, part))
    return "|".join(pieces)


def _grouped_by_first_character(phrases: list[str], parts: list[str]) -> str:
    """The same alternation, its phrases grouped by their first character behind a one-character lookahead:
    `(?=[dD])(?:denmark|dutch)|(?=[gG])(?:germany)|…`. Python's re tries every alternative at every position;
    grouped, one character test rules a whole group out (the donor names scan four times faster).

    It matches exactly what the plain alternation matches: only phrases whose first character can match the
    text's character can match there, those all sit in one group (characters equal under IGNORECASE, such
    as "i" and "ı", share a group), and inside a group the phrases keep their longest-first order.
    """
    groups: list[tuple[set[str], list[str], list[str]]] = []
    for phrase, part in zip(phrases, parts, strict=True):
        first = phrase.split()[0][0]
        group = next(
            (g for g in groups if any(re.fullmatch(re.escape(c), first, re.IGNORECASE) for c in g[0])),
            None,
        )
        if group is None:
            group = (set(), [], [])
            groups.append(group)
        group[0].add(first)
        group[1].append(part)
        group[2].append(phrase)
    return "|".join(_group_pattern(firsts, members, grouped) for firsts, members, grouped in groups)


def _group_pattern(firsts: set[str], parts: list[str], phrases: list[str]) -> str:
    """One group of _grouped_by_first_character. With one first character it is consumed by a case-sensitive
    character class, `(?-i:[^…])(?<=[d])(?:enmark|utch)`: re's alternation tests a class that opens an
    alternative inline, while a look-ahead is entered like any other pattern, so the groups that cannot match
    are passed over several times faster (the donor names scan three times faster). The class excludes the
    ASCII characters that do not match the first character under IGNORECASE and nothing else (a superset:
    the look-behind then tests the character exactly as the look-ahead did, with the pattern's flags); the
    rest of each phrase follows in the same order, as a tree (_tails_pattern). Several first characters (equal
    under IGNORECASE) keep the look-ahead form, where each phrase tests its own."""
    check = "".join(re.escape(c) for c in sorted(firsts))
    if len(firsts) != 1:
        return f"(?=[{check}])(?:{'|'.join(parts)})"
    tails = [" ".join(phrase.split())[1:] for phrase in phrases]
    return f"(?-i:[^{_ascii_non_matches(check)}])(?<=[{check}])(?:{_tails_pattern(tails)})"


# A group of fewer phrase tails than this is an alternation of the tails; from this many on, a tree.
TAIL_TREE_MIN = 8


def _tails_pattern(tails: list[str]) -> str:
    """The alternation of the phrase tails (a single space standing for white space) in their order, as a tree:
    the tails grouped by their first character, each group behind a test of that character (as
    _group_pattern), so that one test passes over a group instead of one try per tail. IGNORECASE literals
    are tried one after the other: among the forty names starting with "s", every one was tried at every "s".

    It matches what the alternation matches: tails of different groups never match at the same position
    (their first characters differ under IGNORECASE, or one needs white space and the other does not), so
    the groups' order does not matter; inside a group the tails keep their order; and a tail that is empty
    (its phrase ends here), the shortest of the longest-first order, stays last."""
    if len(tails) < TAIL_TREE_MIN:
        return "|".join(_tail_literal(tail) for tail in tails)
    groups: list[tuple[set[str], list[str]]] = []
    empty = 0
    for tail in tails:
        if not tail:
            empty += 1
            continue
        first = tail[0]
        group = next((g for g in groups if any(_same_character(c, first) for c in g[0])), None)
        if group is None:
            group = (set(), [])
            groups.append(group)
        group[0].add(first)
        group[1].append(tail)
    if empty and tails[-1]:
        return "|".join(_tail_literal(tail) for tail in tails)  # an empty tail before a longer one: kept as is
    pieces = []
    for firsts, members in groups:
        if len(members) == 1:
            pieces.append(_tail_literal(members[0]))  # one try either way: the test would only add to compile
        elif firsts == {" "}:
            pieces.append(rf"\s+(?:{_tails_pattern([member[1:] for member in members])})")
        elif len(firsts) == 1:
            check = re.escape(next(iter(firsts)))
            subtree = _tails_pattern([member[1:] for member in members])
            pieces.append(f"(?-i:[^{_ascii_non_matches(check)}])(?<=[{check}])(?:{subtree})")
        else:
            pieces.extend(_tail_literal(member) for member in members)
    return "|".join(pieces + [""] * min(empty, 1))


def _tail_literal(tail: str) -> str:
    return r"\s+".join(re.escape(word) for word in tail.split(" "))


@cache
def _same_character(a: str, b: str) -> bool:
    """Whether IGNORECASE takes the two characters as one (white space only as itself)."""
    if a == " " or b == " ":
        return a == b
    return bool(re.fullmatch(re.escape(a), b, re.IGNORECASE))


@cache
def _ascii_non_matches(character_class: str) -> str:
    """The ASCII characters that `[character_class]` does not match under IGNORECASE, as escapes for a class
    (a negated class of ASCII characters compiles to a small bitmap; a range up to U+10FFFF does not)."""
    matches = re.compile(f"[{character_class}]", re.IGNORECASE)
    codes = [code for code in range(128) if not matches.fullmatch(chr(code))]
    # As ranges ("\\x00-\\x40"): the same class, a tenth of the escapes for the parser of every pattern to read.
    runs: list[list[int]] = []
    for code in codes:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(f"\\x{low:02x}" if low == high else f"\\x{low:02x}-\\x{high:02x}" for low, high in runs)


def first_character_check(phrases: list[str] | dict) -> str:
    """A lookahead for the characters the phrases can start with, to put before a pattern that must begin
    with one of them. Python's re tries a pattern at every position of the text; this rejects most positions
    with one character test (the keyword scans of Dutch and German text twice as fast). It changes no match:
    a position where no phrase's first character fits is one where the pattern cannot match anyway.
    Empty when a phrase is a regular expression ('re:') or blank, whose first character is not known."""
    first = first_characters(phrases)
    return f"(?={first})" if first else ""


def first_characters(phrases: list[str] | dict) -> str:
    """The character class of the phrases' first characters ("[abd]"); empty when one is unknown."""
    if not phrases or any(p.startswith("re:") or not p.split() for p in phrases):
        return ""
    firsts = sorted({p.split()[0][0] for p in phrases})
    return f"[{''.join(re.escape(c) for c in firsts)}]"


def compile_phrases(phrases: list[str] | dict) -> re.Pattern:
    """Match any phrase on word boundaries, case-insensitively."""
    return re.compile(
        rf"{first_character_check(phrases)}(?<![\w-])(?:{phrase_pattern(phrases)})(?![\w-])", re.IGNORECASE
    )


def compile_keywords(phrases: list[str], inside_compounds: bool) -> re.Pattern:
    if not inside_compounds:
        return compile_phrases(phrases)
    long_words = [p for p in phrases if len(p) >= 6 and " " not in p]
    short = [p for p in phrases if p not in long_words]
    return re.compile(
        rf"{first_character_check(phrases)}"
        rf"(?:(?<![\w-])(?:{phrase_pattern(short)})(?![\w-])|(?:{phrase_pattern(long_words)}))",
        re.IGNORECASE,
    )


def with_first_character_check(pattern: re.Pattern) -> re.Pattern:
    """The pattern behind a look-ahead for the characters its matches can start with (as first_character_check
    does for phrase lists), read off its parsed form; the pattern itself when they are not known (a class with
    categories, any character, a pattern that can match empty…). re tries a pattern at every position: the one
    class test rejects most of them. It changes no match: with the pattern's own flags the class matches every
    character a match can start with."""
    try:
        found = _sequence_firsts(re._parser.parse(pattern.pattern, pattern.flags).data, pattern.flags)
    except Exception:  # noqa: BLE001 - a private parser: without it, no check
        return pattern
    if found is None or found[1] or not found[0]:
        return pattern
    characters = "".join(f"\\U{ord(c):08x}" for c in sorted(found[0]))
    return re.compile(f"(?=[{characters}])" + pattern.pattern, pattern.flags)


def _sequence_firsts(items, flags: int) -> tuple[set[str], bool] | None:
    """The characters a match of the sequence of parsed items can start with, and whether it can be empty."""
    firsts: set[str] = set()
    for op, av in items:
        found = _item_firsts(op, av, flags)
        if found is None:
            return None
        firsts |= found[0]
        if not found[1]:
            return firsts, False
    return firsts, True


def _item_firsts(op, av, flags: int) -> tuple[set[str], bool] | None:
    constants = re._constants
    if op is constants.LITERAL:
        return {chr(av)}, False
    if op is constants.IN:
        characters: set[str] = set()
        for item, value in av:
            if item is constants.LITERAL:
                characters.add(chr(value))
            elif item is constants.RANGE and value[1] - value[0] < 256:
                characters |= {chr(code) for code in range(value[0], value[1] + 1)}
            else:
                return None  # a category, a negation…
        return characters, False
    if op is constants.BRANCH:
        characters, empty = set(), False
        for branch in av[1]:
            found = _sequence_firsts(branch.data, flags)
            if found is None:
                return None
            characters |= found[0]
            empty = empty or found[1]
        return characters, empty
    if op is constants.SUBPATTERN:
        _, add_flags, _, sub = av
        # Removing IGNORECASE only narrows what the characters match; adding it (or LOCALE) would widen it.
        if (add_flags & re.IGNORECASE and not flags & re.IGNORECASE) or add_flags & re.LOCALE:
            return None
        return _sequence_firsts(sub.data, flags)
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
        low, _, sub = av
        found = _sequence_firsts(sub.data, flags)
        return None if found is None else (found[0], found[1] or low == 0)
    if op in (constants.ASSERT, constants.ASSERT_NOT, constants.AT):
        return set(), True  # zero width: the next item starts the match
    return None


def required_words(patterns: list[re.Pattern]) -> list[str] | None:
    """Lower-case ASCII strings of which every match of every pattern contains one, read off the parsed
    patterns (for each, a run of literal characters it cannot match without, or one per branch of an
    alternation); None when a pattern has none. A text whose lower-cased form holds none of them, and none of
    EXOTIC_CASE_CHARACTERS, cannot match: a test with `in`, many times cheaper than the search."""
    found: set[str] = set()
    for pattern in patterns:
        try:
            words = _sequence_required(re._parser.parse(pattern.pattern, pattern.flags).data)
        except Exception:  # noqa: BLE001 - a private parser: without it, no words
            return None
        if not words:
            return None
        found |= words
    return _without_longer(found)


def phrases_required_words(phrases: list[str]) -> list[str] | None:
    """required_words for a pattern made of plain phrases (compile_phrases, phrase_pattern): each phrase's longest
    ASCII word, lower-cased; None when a phrase is a regular expression or has no ASCII word."""
    found: set[str] = set()
    for phrase in phrases:
        words = [word.lower() for word in phrase.split() if word.isascii()]
        if phrase.startswith("re:") or not words:
            return None
        found.add(max(words, key=len))
    return _without_longer(found)


def _as_tuple(words: list[str] | None) -> tuple[str, ...] | None:
    return None if words is None else tuple(words)


def _without_longer(words: set[str]) -> list[str]:
    # A text holding "jahres" holds "jahr": the longer word adds nothing.
    return sorted(word for word in words if not any(other != word and other in word for other in words))


# Characters that IGNORECASE matches to an ASCII letter while str.lower() does not give that letter: a text
# holding one is searched with the pattern itself (see required_words).
EXOTIC_CASE_CHARACTERS = "\u0130\u0131\u017f\u212a"


def _sequence_required(items) -> set[str] | None:
    """What every match of the parsed sequence contains: its longest run of ASCII literal characters (the last
    one on a tie), or what a group, an alternation (one per branch) or a repetition of at least one requires.
    A run of literals with other letters in it holds its ASCII pieces ("irrtümlich" holds "mlich")."""
    constants = re._constants
    best: set[str] | None = None

    def consider(candidate: set[str] | None) -> None:
        nonlocal best
        if not candidate or not all(word.isascii() and word for word in candidate):
            return
        if best is None or min(map(len, candidate)) >= min(map(len, best)):
            best = candidate

    run: list[str] = []
    for op, av in items:
        if op is constants.LITERAL:
            run.append(chr(av).lower())
            continue
        consider(_longest_ascii_piece(run))
        run = []
        if op is constants.SUBPATTERN:
            consider(_sequence_required(av[3].data))
        elif op is constants.BRANCH:
            branches = [_sequence_required(branch.data) for branch in av[1]]
            if all(branches):
                consider(set().union(*branches))
        elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT) and av[0] >= 1:
            consider(_sequence_required(av[2].data))
    consider(_longest_ascii_piece(run))
    return best


def _longest_ascii_piece(run: list[str]) -> set[str] | None:
    pieces = [piece for piece in NON_ASCII_RE.split("".join(run)) if piece]
    return {max(pieces, key=len)} if pieces else None


NON_ASCII_RE = re.compile(r"[^\x00-\x7f]+")


def max_width(patterns: list[re.Pattern]) -> int | None:
    """The most characters a match of any of the patterns can span (look-arounds span none), or None when
    that is unbounded or unknown."""
    try:
        widest = max(re._parser.parse(p.pattern, p.flags).getwidth()[1] for p in patterns)
    except Exception:  # noqa: BLE001 - a private parser: without it, no bound
        return None
    return widest if widest < 65535 else None


# eq=False: a rule equals itself only, so `rule in lex.model_items` is a comparison of addresses in C, not the
# generated __eq__ comparing four fields (which ran as Python, 31 times a document). The answer is the same: a
# model's rule never equals an item noun's, their patterns end differently.
@dataclass(frozen=True, eq=False)
class ItemRule:
    pattern: re.Pattern
    item: str
    subcategory: str
    category: str = "military"  # generators for the power grid are civilian aid


@lru_cache(maxsize=1)
def common() -> dict:
    return json.loads((LEXICON_DIR / "common.json").read_text(encoding="utf-8"))


@cache
def raw(language: str) -> dict:
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    return json.loads((LEXICON_DIR / f"{language}.json").read_text(encoding="utf-8"))


class Lexicon:
    """The compiled word lists of one language, plus the language-independent ones."""

    def __init__(self, language: str):
        self.language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        words = raw(self.language)
        shared = common()
        self.words = words
        self.currency_words: dict[str, str] = {k.lower(): v for k, v in words["currency_words"].items()}
        self.scales: dict[str, float] = {k.lower(): float(v) for k, v in words["scales"].items()}
        self.fraction_words: dict[str, float] = {k.lower(): float(v) for k, v in words["fraction_words"].items()}
        self.currency_symbols: dict[str, str] = shared["currency_symbols"]
        self.currency_codes: list[str] = shared["currency_codes"]

        word_scales = [s for s in self.scales if len(s.rstrip(".")) > 1 or s in ("m", "b", "k")]
        # A scale word ends the amount, or a hyphen joins it to the range's next amount ("$500 million-$700
        # million") or to the currency of a compound ("500-Millionen-Euro-Paket").
        compound_currency = phrase_pattern(list(self.currency_words))
        self.scale_re = re.compile(
            rf"(?:{phrase_pattern(word_scales)})(?!\w)(?!-(?!(?:{compound_currency})-)[^\W\d_])", re.IGNORECASE
        )
        # Any scale word longer than a letter, anywhere: a sentence without one (and without a number) cannot
        # hold "half a billion". A prefilter, so no word boundaries: it may find more, never less.
        long_scales = [s for s in word_scales if len(s.rstrip(".")) > 1]
        self.long_scale_re = re.compile(phrase_pattern(long_scales), re.IGNORECASE)
        self.long_scale_words = _as_tuple(phrases_required_words(long_scales))  # see required_words
        currency_after = list(self.currency_words) + [c.lower() for c in self.currency_codes]
        symbols = sorted(self.currency_symbols, key=len, reverse=True)
        symbols_after = "|".join(re.escape(s) for s in symbols)
        # "900 Millionen €": German puts the symbol after the amount.
        self.currency_after_re = re.compile(
            rf"\s?(?:of\s+|aan\s+)?({phrase_pattern(currency_after)}|{symbols_after})(?![\w-])", re.IGNORECASE
        )
        # "ein 500-Millionen-Euro-Paket", "a 2-billion-euro package": the currency inside a compound.
        self.currency_in_compound_re = re.compile(
            rf"-({phrase_pattern(list(self.currency_words))})(?=-[^\W\d_])", re.IGNORECASE
        )
        prefix = "|".join(re.escape(s) for s in symbols) + "|" + "|".join(self.currency_codes)
        self.currency_before_re = re.compile(rf"(?:(?<![\w])({prefix}))\s?$")
        self.fraction_re = re.compile(rf"(?<![\w-])({phrase_pattern(list(self.fraction_words))})\s+$", re.IGNORECASE)
        # A range of two amounts or counts ("€500-700 million", "400 à 500 miljoen", "between 10 and 15 tanks"):
        # the gap between the two numbers, a currency sign or code allowed before the second.
        currency_sign = rf"(?:(?:{prefix})\s?)?"
        connectors = [c for c in words["range_connectors"] if c[0].isalpha()]
        dashes = "".join(re.escape(c) for c in words["range_connectors"] if not c[0].isalpha())
        self.range_gap_re = re.compile(
            rf"\s*(?:[{dashes}]|(?<!\S)(?:{phrase_pattern(connectors)})(?=\s))\s*{currency_sign}", re.IGNORECASE
        )
        openers = words["range_openers"]
        self.range_and_gap_re = re.compile(
            rf"\s+(?:{phrase_pattern(sorted({w for ands in openers.values() for w in ands}))})\s+{currency_sign}",
            re.IGNORECASE,
        )
        self.range_opener_before_re = re.compile(
            rf"(?<![\w-])(?:{phrase_pattern(list(openers))})\s+{currency_sign}$", re.IGNORECASE
        )

        self.qualifier_res = {q: compile_phrases(p) for q, p in words["qualifiers"].items()}
        self.qualifier_before_res = {
            # The currency code stays upper-case: under IGNORECASE "[A-Z]{3}" read "totaal" as "tot" + "aal".
            q: re.compile(rf"(?<![\w-])(?:{phrase_pattern(p)})\s*(?:€|\$|£|(?-i:[A-Z]{{3}}))?\s*$", re.IGNORECASE)
            for q, p in words["qualifiers"].items()
        }
        # "its largest package so far", "das bislang größte Paket": "so far" ranks the package, it sums nothing.
        superlative = phrase_pattern(words["superlatives"])
        self.superlative_near_re = re.compile(
            rf"(?<![\w-])(?:{superlative})(?:\s+[\w-]+){{0,2}}\s*$|^\s*(?:[\w-]+\s+){{0,1}}(?:{superlative})(?![\w-])",
            re.IGNORECASE,
        )
        # "ein Paket über 650 Millionen Euro", "ein Kredit über 18 Mrd.": after such a noun "über" means "worth".
        self.worth_noun_before_re = re.compile(
            rf"(?:{phrase_pattern(words['worth_nouns'])})(?:e?s|e|en|n)?\s+$", re.IGNORECASE
        )
        simple = [
            "ceiling_context",
            "pledge_cues",
            "delivered_cues",
            "running_total_cues",
            "future_total_cues",
            "part_cues",
            "per_year_cues",
            "unit_price_cues",
            "exclusion_cues",
            "equipment_exclusion_cues",
            "support_verbs",
            "unspecified_cues",
            "mainly_cues",
            "clause_joiners",
            "back_reference",
            "agreement_exclusions",
            "signed_cues",
            "weak_running_total_cues",
            "already_cues",
            "future_cues",
        ]
        for key in simple:
            setattr(self, key + "_re", compile_phrases(words[key]))
        # Plain phrases (no 're:' pattern, whose look-arounds could see past a clause): drop_non_support may then
        # rule out exclusion cues in a figure's clause by one search of the sentence.
        self.exclusion_cues_are_phrases = not any(p.startswith("re:") for p in words["exclusion_cues"])
        # A country's own budget, army or fund ("defence budget", "eigen krijgsmacht", "Staatsfonds"): what is spent
        # on it is no support, what comes out of it is ("aus Beständen der Bundeswehr", "uit de defensiebegroting").
        self.own_means_cues_re = compile_phrases(words["own_means_cues"])
        self.source_before_re = re.compile(
            rf"(?<![\w-])(?:{phrase_pattern(words['source_prepositions'])})\s+(?:[\w'’-]+\s+){{0,3}}$", re.IGNORECASE
        )
        # An exclusion cue ending the clause before a figure ("fordert, die Hilfe auf … zu erhöhen").
        self.exclusion_then_comma_re = re.compile(self.exclusion_cues_re.pattern + r"\s*,\s*[^,;:]*$", re.IGNORECASE)
        self.stopwords_between = {w.lower() for w in words["stopwords_between"]}
        self.counted_nouns = {w.lower() for w in words["counted_nouns"]}
        self.not_items_re = compile_phrases(words["not_items"])
        # Dutch and German glue words together ("artilleriemunitie", "Drohnenproduktion"): there a long keyword
        # also counts inside a compound.
        compounds = self.language in ("nl", "de")
        self.category_res = {c: compile_keywords(p, compounds) for c, p in words["categories"].items()}
        self.subcategory_res = {c: compile_keywords(p, compounds) for c, p in words["subcategories"].items()}
        # Zero-width, so it finds every position where a category or subcategory keyword starts: each label's
        # pattern matches only where the joined one does (same phrases, same word-boundary rule per phrase).
        # keyword_hits tries the labels only there: one scan of the sentence instead of fifteen.
        keywords = compile_keywords(
            [p for lists in (words["categories"], words["subcategories"]) for p in sum(lists.values(), [])], compounds
        )
        self.keyword_starts_re = re.compile(f"(?=(?:{keywords.pattern}))", keywords.flags)
        self.theme_res = {t: compile_phrases(p) for t, p in words["themes"].items()}
        self.agreement_kind_res = {k: compile_phrases(p) for k, p in words["agreement_kinds"].items()}
        # Every agreement kind's match holds one of these (see required_words): most documents hold none.
        self.agreement_kind_words = _as_tuple(required_words(list(self.agreement_kind_res.values())))
        # Any kind of agreement, for a search of the whole text before the sentences (agreement_sightings);
        # None when a kind has a 're:' pattern, whose look-arounds could see past a sentence.
        kind_phrases = [p for phrases in words["agreement_kinds"].values() for p in phrases]
        # One list of all kinds' phrases: it matches where one kind's pattern matches (the same phrases, each
        # between the same word boundaries), and one grouped alternation scans faster than three patterns.
        self.any_agreement_kind_re = (
            compile_phrases(kind_phrases)
            if kind_phrases and not any(p.startswith("re:") for p in kind_phrases)
            else None
        )
        self.conversion_between_re = re.compile(
            rf"^\s*(?:[\(\[]|,|;|–|—|-)?\s*(?:(?:{phrase_pattern(words['conversion_cues'])})\s*)*$",
            re.IGNORECASE,
        )
        cues = words["superseded_cues"]
        self.superseded_from_re = re.compile(rf"(?<![\w-])(?:{phrase_pattern(cues['from'])})\s*$", re.IGNORECASE)
        self.superseded_to_re = re.compile(rf"^\s*(?:{phrase_pattern(cues['to'])})\s*$", re.IGNORECASE)
        # A sentence that refers back to the package of the sentence before it ("Es umfasst …", "It includes …").
        self.package_reference_re = re.compile(
            rf"[\s\"'“”„‘’(]*(?:{phrase_pattern(words['package_reference_openings'])})", re.IGNORECASE
        )
        # "An earlier version of this article misstated the figure as …": the figure after it is superseded.
        self.correction_cues_re = compile_phrases(words["correction_cues"])
        # "CLAIM: …", "Faktencheck: …", "een hypothetische som": a figure someone claims or imagines is not given.
        self.claim_cues_re = compile_phrases(words["claim_cues"])
        # "Per inwoner komt Nederland uit op 650 euro, Denemarken op 1.500 euro": every figure after it is per head.
        self.per_capita_opening_re = re.compile(
            rf"[\s\"'“„(]*(?:{phrase_pattern(words['per_capita_cues'])})(?![\w-])", re.IGNORECASE
        )
        # "€3.9 billion, up from €3.4 billion": the level a figure replaced, right before it.
        self.superseded_before_re = re.compile(
            rf"(?<![\w-])(?:{phrase_pattern(words['superseded_before'])})(?:\s+[\w-]+){{0,2}}\s*$", re.IGNORECASE
        )
        # "geliefert oder zugesagt": a running total that includes promises.
        self.promised_or_delivered_re = compile_phrases(words["promised_or_delivered_cues"])
        self.loan_words_re = compile_phrases(words["loan_words"])
        # "in totaal 3,5 miljard euro, jaarlijks circa 1,2 miljard euro": a per-year rate right before a figure.
        self.per_year_before_re = re.compile(
            rf"(?<![\w-])(?:{phrase_pattern(words['per_year_cues'])})\s+(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE
        )
        self.per_year_after_re = re.compile(rf"\s*(?:{phrase_pattern(words['per_year_cues'])})", re.IGNORECASE)
        self.unit_price_before_re = re.compile(
            rf"(?<![\w-])(?:{phrase_pattern(words['unit_price_cues'])})\s+(?:\w+\s+){{0,2}}$", re.IGNORECASE
        )
        # Whole words only: "will reach €20 billion" has no "each".
        self.unit_price_after_re = re.compile(
            rf"\s*(?:{phrase_pattern(words['unit_price_cues'])})(?![\w-])", re.IGNORECASE
        )

        self.model_res = [
            with_first_character_check(re.compile(rf"(?<![\w-])(?:{rule['pattern']})", re.IGNORECASE))
            for rule in shared["equipment_models"]
        ]
        # All model names in one alternation, zero-width: every position where one of model_res matches (see
        # extract.search.finditer_at). Where it finds nothing, none of them can.
        any_model = "|".join(f"(?:{rule['pattern']})" for rule in shared["equipment_models"])
        any_model_re = with_first_character_check(re.compile(rf"(?<![\w-])(?:{any_model})", re.IGNORECASE))
        self.model_starts_re = re.compile(f"(?=(?:{any_model_re.pattern}))", re.IGNORECASE)
        # A model may head a compound: "CV90-pantservoertuigen", "Marder-Schützenpanzer"; and take a plural "s":
        # "8 CV90s", "two Leopard 2s", "drie Gepards".
        self.model_items: list[ItemRule] = [
            ItemRule(
                re.compile(rf"(?:{rule['pattern']})(?:['’]?s)?(?:-[^\W\d_][\w-]*)?(?![\w-])", re.IGNORECASE),
                rule["item"],
                rule["subcategory"],
            )
            for rule in shared["equipment_models"]
        ]
        self.partitive_after_count_re = re.compile(
            rf"\s+(?:{phrase_pattern(words['partitive_after_count'])})(?=\s)", re.IGNORECASE
        )
        # "zehn Schützenpanzer Marder", "60 Kampfpanzer vom Typ PT-91": the model after the generic noun.
        self.model_after_noun_re = re.compile(
            rf"\s+(?:(?:{phrase_pattern(words['model_type_words'])})\s+)?", re.IGNORECASE
        )
        self.item_nouns: list[ItemRule] = [
            ItemRule(
                re.compile(rf"(?:{rule['pattern'].removeprefix('re:')})(?![\w-])", re.IGNORECASE),
                rule["item"],
                rule["subcategory"],
                rule.get("category", "military"),
            )
            for rule in words["equipment_nouns"]
        ]
        self.items: list[ItemRule] = self.model_items + self.item_nouns
        # Matches at a position exactly where one of the items' patterns does: most words name no item, and one
        # try rules out the eighty.
        self.any_item_re = re.compile("|".join(f"(?:{rule.pattern.pattern})" for rule in self.items), re.IGNORECASE)
        # Any item noun's hit that ends at the end of the searched range, and the longest hit an item noun can
        # have (None if unbounded): see _item_ending_compound.
        self.any_item_noun_at_end_re = re.compile(
            "(?:" + "|".join(f"(?:{rule.pattern.pattern})" for rule in self.item_nouns) + r")\Z", re.IGNORECASE
        )
        self.item_noun_max_width = max_width([rule.pattern for rule in self.item_nouns])

        self.donor_aliases: dict[str, str] = {}
        for canonical, aliases in words["donor_names"].items():
            for alias in aliases:
                self.donor_aliases[alias.lower()] = canonical
        for capital, canonical in shared["capitals"].items():
            self.donor_aliases.setdefault(capital.lower(), canonical)
        # "die Bundesregierung" of an Austrian or Swiss text is that country's (extract.donors._federal_host).
        self.federal_aliases = frozenset(alias.lower() for alias in words["federal_words"]["aliases"])
        self.federal_countries = frozenset(words["federal_words"]["countries"])
        # "Pistorius kündigte an", "Healey announced": a minister's surname stands for the government.
        # Only where the official gives, not where the official only speaks (extract.donors.official_only_speaks).
        self.official_aliases: set[str] = set()
        for official, canonical in shared["officials"].items():
            if not official.startswith("_") and official.lower() not in self.donor_aliases:
                self.donor_aliases[official.lower()] = canonical
                self.official_aliases.add(official.lower())
        speech = phrase_pattern(words["speech_cues"])
        # "said Defence Secretary John Healey", "aldus premier Schoof", "laut Pistorius": the name after a speech
        # word (titles and first names between, but no "that"/"dat"/"dass": "said that Healey announced …" gives).
        self.speech_before_re = re.compile(
            rf"(?<![\w-])(?:{speech})\s+(?:(?!(?:that|dat|dass|daß)\s)[^\W\d_][\w.'’-]*\s+){{0,4}}$", re.IGNORECASE
        )
        # "Scholz said", "Brekelmans zei", "Pistorius zufolge"; matched at the end of the name.
        self.speech_after_re = re.compile(rf"(?:'s)?\s+(?:{speech})(?![\w-])", re.IGNORECASE)
        # "'We stellen … beschikbaar,' zei Brekelmans": a speaker quoted in the first person speaks for the donor.
        self.first_person_re = compile_phrases(words["first_person_words"])
        # "Scholz sagte der Ukraine … zu": a separable particle ending the clause makes the speech word a pledge.
        self.speech_particle_end_re = re.compile(
            rf"\s(?:{phrase_pattern(words['speech_cue_particles'])})\W*$", re.IGNORECASE
        )
        # Short upper-case aliases ("US", "UK", "EU") only count in capitals: "us" is also a pronoun.
        case_sensitive = [a for a in self.donor_aliases if len(a) <= 3 and "." not in a]
        case_insensitive = [a for a in self.donor_aliases if a not in case_sensitive]
        upper_aliases_list = [a.upper() for a in case_sensitive]
        upper_aliases = phrase_pattern(upper_aliases_list)
        # The first-character test (see first_character_check) of both kinds of names, each with its own case rule.
        first_insensitive, first_upper = first_characters(case_insensitive), first_characters(upper_aliases_list)
        any_first = f"(?=(?i:{first_insensitive})|{first_upper})" if first_insensitive and first_upper else ""
        # The word-start test first: it fails inside words, most positions, and costs less than the class test.
        self.donor_re = re.compile(
            rf"(?<![\w]){any_first}(?:(?i:{phrase_pattern(case_insensitive)})|(?:{upper_aliases})(?!-))"
            r"(?:'s)?(?![\w])"
        )
        self.not_donors = set(shared["not_donors"])
        # Names that never give: the recipient and the aggressor's side, and NATO, named as a forum or a target.
        self.non_givers = frozenset(self.not_donors | {"NATO"})
        # Names only, no 're:' pattern with look-arounds of its own (see extract.donors._donors_from_whole).
        self.donor_names_are_phrases = not any(a.startswith("re:") for a in self.donor_aliases)
        self.recipient_prepositions_re = re.compile(
            rf"(?<![\w-])(?:{phrase_pattern(words['recipient_prepositions'])})\s+(?:the\s+|de\s+|het\s+|die\s+)?$",
            re.IGNORECASE,
        )
        # "for the Czech-led initiative", "voor het Tsjechische munitie-initiatief": a country word describing
        # something else is not where the support goes.
        self.attributive_after_re = re.compile(
            rf"(?:-|\s+)(?:[\w-]+\s+)?[\w-]*?(?:{phrase_pattern(words['attributive_after'])})(?![\w])", re.IGNORECASE
        )
        # "via het Tsjechische initiatief", "the Danish model", "Czech-led", "der tschechischen Munitionsinitiative":
        # a country word naming a scheme (right after it, or after one more word) is not who gives. Stricter than
        # attributive_after: a country's own fund does give ("het Deense Oekraïnefonds heeft … toegewezen"), and
        # "-led" only with its hyphen ("cancelled" ends in "led" too).
        self.scheme_after_re = re.compile(
            rf"(?:-(?:{phrase_pattern(words['led_suffixes'])})|\s+(?:[\w-]+\s+)?[\w-]*?(?:{phrase_pattern(words['scheme_nouns'])}))"
            r"(?![\w])",
            re.IGNORECASE,
        )
        # "Of the €5 billion, …", "Of Germany's new …": the sentence opens on the package it breaks down.
        self.part_opening_re = re.compile(
            rf"\W*(?:{phrase_pattern(words['part_openings'])})\s+(?:[\w'’-]+\s+){{0,3}}$", re.IGNORECASE
        )
        self.joint_with_before_re = re.compile(
            rf"(?<![\w-])(?:{phrase_pattern(words['joint_with'])})\s+(?:the\s+|de\s+|het\s+|die\s+|dem\s+)?$",
            re.IGNORECASE,
        )
        # "during a visit to Germany": a country one travels to is not where the support goes.
        self.visit_before_re = re.compile(
            rf"(?<![\w])(?:{phrase_pattern(words['visit_words'])})\s+(?:{phrase_pattern(words['recipient_prepositions'])}"
            r"|in|nach|naar)\s+(?:the\s+|de\s+|het\s+|die\s+)?$",
            re.IGNORECASE,
        )
        self.non_subject_before_re = re.compile(
            rf"(?<![\w-])(?:{phrase_pattern(words['non_subject_prepositions'])})\s+(?:the\s+|de\s+|het\s+|die\s+|der\s+|dem\s+)?$",
            re.IGNORECASE,
        )
        self.year_words = words["year_words"]
        self.months = [m.lower() for m in words["months"]]
        self.stopwords = set(words["stopwords"])
        self.donor_currency = shared["donor_currencies"]
        # Sentence cues searched in every sentence with a figure: each with the words one of which every match
        # holds, for extract.search.may_hold_between to skip the search in sentences holding none.
        self.gate_words = {name: _gate_words(getattr(self, name)) for name in SENTENCE_GATED_PATTERNS}


# The patterns extract searches sentence by sentence through gated_search.
SENTENCE_GATED_PATTERNS = (
    "correction_cues_re",
    "claim_cues_re",
    "exclusion_cues_re",
    "own_means_cues_re",
    "support_verbs_re",
    "mainly_cues_re",
    "future_total_cues_re",
    "running_total_cues_re",
    "weak_running_total_cues_re",
    "pledge_cues_re",
    "delivered_cues_re",
    "promised_or_delivered_re",
)
# Words shorter than this ("aid", "has") stand in most sentences: looking for them would cost more than the
# searches it spares.
GATE_WORD_MIN_LENGTH = 4


def _gate_words(pattern: re.Pattern) -> tuple[str, ...] | None:
    words = required_words([pattern])
    return tuple(words) if words and min(map(len, words)) >= GATE_WORD_MIN_LENGTH else None


@cache
def lexicon(language: str) -> Lexicon:
    return Lexicon(language)


@lru_cache(maxsize=1)
def eur_rates() -> dict[tuple[str, int], float]:
    """(currency, year) -> units of that currency per euro, from the shipped ECB table."""
    lines = (LEXICON_DIR / "eur_rates.csv").read_text(encoding="utf-8").splitlines()
    rows = csv.DictReader(line for line in lines if not line.startswith("#"))
    return {(row["currency"], int(row["year"])): float(row["units_per_eur"]) for row in rows}
