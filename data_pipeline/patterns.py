"""How a list of phrases becomes one fast regular expression: longest phrase first, plain phrases grouped by
their first characters, a first-character check before each try, the words every match must hold (for the gated
searches) and the widest match. No word lists here: lexicon.py reads them and names the patterns built with these.
"""

from __future__ import annotations

import re
from functools import cache

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


def as_tuple(words: list[str] | None) -> tuple[str, ...] | None:
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
