"""Where a sentence ends: splitting a text into sentences and list lines (abbreviations, "€ 2.5", bullets and table
rows), and which earlier sentence gives a sentence its context (a list's introduction, "this amount"). The evidence
column of PLEDGES.md section 2 is the sentence found here."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from data_pipeline.budget import check_budget
from data_pipeline.extract.candidates import Sentence, new_sentence
from data_pipeline.extract.search import skip_space
from data_pipeline.lexicon import LANGUAGES, Lexicon, common, raw

# Compiled once: re.search(r"...") looks its pattern up in re's cache on every call, which adds up per sentence.
# A run of characters and line breaks not followed by a blank line (runs of characters taken at once: the
# same matches as one character at a time).
PARAGRAPH_RE = re.compile(r"(?:[^\n]+|\n(?![ \t]*\n))+")


LINE_RE = re.compile(r"[^\n]+")


# The next sentence may open with a quotation mark of any of the three languages: "…", “…”, „…“, «…», ‚…‘.
SENTENCE_END_RE = re.compile(r"[.!?]+[\"”’'“»)\]]*\s+(?=[\"“‘'(\[„«»‚]?[A-ZÀ-ÖØ-Þ0-9€$£])")


# The run of word characters and dots that ends the searched range (with an endpos, \Z is its end), in group 1,
# empty when none does. Matched from the range's start: the greedy .* runs to the end and gives back to the last
# other character, a step per character; a search for [\w.]+\Z tried every start, each running to the end.
WORD_RUN_AT_END_RE = re.compile(r"(?:.*[^\w.])?([\w.]*)\Z", re.DOTALL)


ABBREVIATION_WINDOW = 24


LONGEST_ABBREVIATION_RUN = 100


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
            if end - start > LONGEST_ABBREVIATION_RUN:
                # No abbreviation, single letter or day number is this long; walking on back would cost, for
                # every dot of a long run ("a.a.a.a…"), the run's length: its square in all.
                return False
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


def currency_follows(text: str, pos: int) -> bool:
    word = CURRENCY_WORD_RE.match(text, pos, pos + 12)  # as on text[pos : pos + 12], without the copy
    if not word:
        return False
    known = _known_currency_words()
    if word.group(0).lower() in known or word.group(0) in _currency_codes_and_symbols():
        return True
    # A currency of two words: "12 mld. Zweedse kronen", "5 Mrd. Schweizer Franken".
    second = CURRENCY_WORD_RE.match(text, skip_space(text, word.end()), word.end() + 14)
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
                if text[dot] == "." and (_is_abbreviation(text, dot) or currency_follows(text, match.end())):
                    # "1,7 Mrd. Euro": the dot closes a scale abbreviation, not the sentence
                    continue
                check_budget()  # once per sentence end: a document of millions of sentences stops at its budget
                _append_bounded(
                    sentences, text, cursor, match.end() - len(match.group(0)) + len(match.group(0).rstrip()), paragraph
                )
                cursor = match.end()
            if text[cursor:piece_end].strip():
                _append_bounded(sentences, text, cursor, piece_end, paragraph)
    return tuple(s for s in sentences if text[s.start : s.end].strip())


# The longest sentence the extractor reads at once. Much of its work on a sentence compares each figure with the
# others and with the words around it, so a text without sentence ends (one line of 10 MB, a list run together)
# would cost its length squared: a longer sentence is read in pieces of at most this many characters, each cut
# at the last space or line break in its second half (at the limit itself when there is none). The longest
# sentence of the seeds, the development set and the test articles is 2,295 characters (a table row of notes).
MAX_SENTENCE_CHARACTERS = 4_000


def _append_bounded(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    """Sentence(start, end, paragraph), in pieces of at most MAX_SENTENCE_CHARACTERS."""
    while end - start > MAX_SENTENCE_CHARACTERS:
        limit = start + MAX_SENTENCE_CHARACTERS
        half = start + MAX_SENTENCE_CHARACTERS // 2
        cut = max(text.rfind(" ", half, limit), text.rfind("\n", half, limit))
        if cut <= start:
            cut = limit
        sentences.append(new_sentence((start, cut, paragraph)))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    sentences.append(new_sentence((start, end, paragraph)))


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


def introduction_with_colon(text: str, sentences: list[Sentence], index: int) -> Sentence | None:
    """The line introducing a list row when it ends with a colon; a bare heading ("Niet-militaire steun") is a
    section title, whose words do not say what each row is for."""
    introduction = list_introduction(text, sentences, index)
    if introduction is None or not text[introduction.start : introduction.end].rstrip().endswith(":"):
        return None
    return introduction
