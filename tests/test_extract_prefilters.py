"""The extractor's shortcuts find exactly what the plain scans find: finditer_at, spelled_numbers_possible, the
donor names read off the whole text, and the grouped phrase alternation (with IGNORECASE's odd letters)."""

from __future__ import annotations

import random
import re

import pytest
from passage_matching import load_passages

from data_pipeline.extract.candidates import Sentence
from data_pipeline.extract.donors import _donors_from_whole, _donors_in
from data_pipeline.extract.money import may_hold_long_scale
from data_pipeline.extract.search import finditer_at, gated_search, has_exotic_case, may_hold_between
from data_pipeline.extract.sentences import _abbreviations, _is_abbreviation, split_sentences
from data_pipeline.extract.years import _may_name_relative_period, _year_patterns
from data_pipeline.lexicon import SENTENCE_GATED_PATTERNS, lexicon
from data_pipeline.numbers import find_numbers, spelled_number_words, spelled_numbers_possible
from data_pipeline.patterns import compile_phrases, with_first_character_check

PASSAGES = {
    "en": (
        "The United Kingdom's new package, announced in London on Tuesday, includes air defence missiles and "
        "artillery shells.\nGermany and the Netherlands pledged two hundred million euros for reconstruction; "
        "the U.S. will deliver twelve Bradley vehicles. Russia's budget is not support.\n\n"
        "Humanitarian aid: €50 million. Denmark - with Sweden - funds drones (F-16 training, 155mm ammunition)."
    ),
    "nl": (
        "Nederland maakt 2,5 miljard euro vrij voor luchtverdediging en artilleriemunitie. Duitsland levert "
        "twaalf pantservoertuigen.\nDe regering in Den Haag steunt de wederopbouw van het energienet met "
        "vijftig miljoen euro; België volgt."
    ),
    "de": (
        "Deutschland stellt zwei Milliarden Euro für Luftverteidigung bereit, davon 750 Mio. € für Munition. "
        "Norwegens Regierung in Oslo liefert zehn Radhaubitzen.\nDie humanitäre Hilfe umfasst Nothilfe und "
        "Wiederaufbau der Energie-Infrastruktur."
    ),
}


@pytest.mark.parametrize("language", sorted(PASSAGES))
def test_keywords_tried_at_their_starts_find_what_finditer_finds(language):
    lex = lexicon(language)
    text = PASSAGES[language]
    for sentence in split_sentences(text):
        starts = [m.start() for m in lex.keyword_starts_re.finditer(text, sentence.start, sentence.end)]
        for pattern in [*lex.category_res.values(), *lex.subcategory_res.values()]:
            expected = [m.span() for m in pattern.finditer(text, sentence.start, sentence.end)]
            found = finditer_at(pattern, text, sentence.start, sentence.end, starts)
            assert found is not None and [m.span() for m in found] == expected


def test_finditer_at_gives_up_on_an_empty_match():
    assert finditer_at(re.compile(r"x*"), "abc", 0, 3, [0, 1, 2]) is None


@pytest.mark.parametrize("language", sorted(PASSAGES))
def test_no_spelled_number_where_none_is_possible(language):
    lex = lexicon(language)
    text = PASSAGES[language]
    words = spelled_number_words(text, language, set(lex.scales))
    for sentence in split_sentences(text):
        spelled = [n for n in find_numbers(text, language, set(lex.scales), sentence.start, sentence.end) if n.spelled]
        if not spelled_numbers_possible(text, sentence.start, sentence.end, words):
            assert spelled == []
        all_numbers = find_numbers(text, language, set(lex.scales), sentence.start, sentence.end)
        digits_only = find_numbers(text, language, set(lex.scales), sentence.start, sentence.end, spelled=False)
        assert digits_only == [n for n in all_numbers if not n.spelled]


@pytest.mark.parametrize("language", sorted(PASSAGES))
def test_donors_read_off_the_whole_text_are_the_donors_of_the_part(language):
    text = PASSAGES[language]
    ranges = [(s.start, s.end) for s in split_sentences(text)]
    ranges += [(a, i + 1) for a, b in ranges for i in range(a, b) if text[i] == " "]  # up to a figure
    ranges += [(a, b) for a in range(0, len(text), 7) for b in range(a, len(text), 11)]
    sentences = {(s.start, s.end) for s in split_sentences(text)}
    for start, end in ranges:
        found = _donors_from_whole(text, start, end, language)
        # Whole sentences are always read off the whole-text scan; other ranges may fall back to their own scan.
        assert found is not None or (start, end) not in sentences, (start, end)
        if found is not None:
            assert found == list(_donors_in.__wrapped__(text, start, end, language)), (start, end)


def test_grouped_phrases_match_what_the_plain_alternation_matches():
    # Letters equal to others under IGNORECASE: dotted and dotless i, long s, Kelvin sign, capital sharp s.
    phrases = ["istanbul", "işbirliği", "kiev", "kyiv", "sanctions", "support", "straße", "ıslak", "zusage"]
    grouped = compile_phrases(phrases)
    plain = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + r")(?![\w-])",
        re.IGNORECASE,
    )
    text = "İSTANBUL ıstanbul Istanbul ſupport ſanctions \u212aiev KYIV STRAẞE Straße ISLAK ıslak Zusage x-kiev kiev-y"
    for start in range(len(text)):
        assert [m.span() for m in grouped.finditer(text, start)] == [m.span() for m in plain.finditer(text, start)]


def test_phrase_trees_match_what_the_plain_alternation_matches():
    """compile_phrases nests long lists as trees of first characters (patterns._tails_pattern). Random phrases
    over a few letters share long prefixes, end where others go on, differ only in case or white space; random
    texts add the letters IGNORECASE takes for others. Every search must find what the plain alternation finds."""
    generator = random.Random(11)
    common_letters, odd_letters = ["a", "b", "s", " "], ["k", "\u212a", "ſ", "ß", "ẞ", "i", "ı"]
    text_letters = [*common_letters * 3, *odd_letters, "A", "K", "S", "İ", "-", "  ", "\n", "x"]
    for _ in range(150):
        letters = common_letters * 12 + odd_letters
        phrases = set()
        while len(phrases) < generator.randint(20, 100):
            phrase = " ".join("".join(generator.choice(letters) for _ in range(generator.randint(1, 7))).split())
            if phrase:
                phrases.add(phrase)
        phrases = sorted(phrases)
        grouped = compile_phrases(phrases)
        plain = re.compile(
            r"(?<![\w-])(?:"
            + "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))
            + r")(?![\w-])",
            re.IGNORECASE,
        )
        text = "".join(generator.choice(text_letters) for _ in range(300))
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)], phrases
        for start in range(0, len(text), 7):
            assert [m.span() for m in grouped.finditer(text, start, start + 40)] == [
                m.span() for m in plain.finditer(text, start, start + 40)
            ], phrases
    # Letters IGNORECASE takes as one share a branch: else the branch of "ſqqqq" would try "ſa" before "sa b".
    phrases = ["xſqqqq", "xsa b", "xſa", "xb", "xbb", "xbbb", "xab", "xaab", "xaaab", "xs"]
    assert compile_phrases(phrases).search("xsa b").group(0) == "xsa b"


@pytest.mark.parametrize(
    "source",
    [
        r"(?<![\w-])(?:(?:M1 )?Abrams(?:[- ]tanks?)?)",
        r"(?:over|during|in|for) the (?:next|coming) (?P<n>\w+) years",
        r"PzH[- ]?2000|Panzerhaubitzen? 2000",
        r"(?-i:[xX])ray|Ωmega",
    ],
)
def test_first_character_check_changes_no_match(source):
    pattern = re.compile(source, re.IGNORECASE)
    checked = with_first_character_check(pattern)
    assert checked.pattern.startswith("(?=[")
    text = "m1 abrams, ABRAMS-tanks; within the next five years; PzH 2000 and panzerhaubitze 2000; Xray xRAY ωMEGA"
    for start in range(len(text)):
        assert [m.span() for m in checked.finditer(text, start)] == [m.span() for m in pattern.finditer(text, start)]


def test_first_character_check_left_out_when_unknown():
    for source in (r"\w+ years", r"(?:x)?", r".bc", r"[^a]b"):
        pattern = re.compile(source)
        assert with_first_character_check(pattern) is pattern


# Words the `in` prefilters must not be fooled by: relative periods and long scale words in every case, glued to
# other words, and IGNORECASE's odd letters (dotted/dotless i, long s, Kelvin sign) standing in for ASCII ones.
PREFILTER_PIECES = {
    "en": [
        "next year",
        "NEXT YEAR",
        "over the next four years",
        "within the coming 18 months",
        "yeaR",
        "billion",
        "BILLIONS",
        "halfbillion",
        "bn",
        "thousand",
        "ſtill",
        "thıs",
        "İs",
        "Kelvin",
        "an earlier version",
        "MISSTATED",
        "erroneously",
        "security agreement",
        "Joint Statement",
    ],
    "nl": [
        "volgend jaar",
        "VOLGEND JAAR",
        "de komende drie jaar",
        "binnen de komende zes maanden",
        "miljard",
        "MILJOEN",
        "mld.",
        "duizend",
        "ſ",
        "ı",
        "İ",
        "K",
        "een eerdere versie",
        "TEN ONRECHTE",
        "veiligheidsakkoord",
        "gezamenlijke verklaring",
    ],
    "de": [
        "nächstes Jahr",
        "NÄCHSTES JAHR",
        "in den kommenden drei Jahren",
        "heuer",
        "Milliarden",
        "MRD.",
        "Tsd.",
        "tauſend",
        "ſommer",
        "dieſem ſommer",
        "ı",
        "K",
        "irrtümlich",
        "IRRTÜMLICH",
        "hieß es zunächst",
        "fälſchlicherweiſe",
        "Sicherheitsabkommen",
        "gemeinſame Erklärung",
    ],
}


@pytest.mark.parametrize("language", sorted(PREFILTER_PIECES))
def test_word_prefilters_never_rule_out_a_match(language):
    """_may_name_relative_period and may_hold_long_scale answer False only where the pattern finds nothing:
    random sentences from the pieces above, with and without an odd letter elsewhere in the document."""
    lex = lexicon(language)
    patterns = _year_patterns(language)
    pieces = PREFILTER_PIECES[language] + ["the", "de", "die", "und", ",", "2024", "Ukraine"]
    generator = random.Random(7)
    ruled_out = agreement_ruled_out = between_ruled_out = 0
    for _ in range(3000):
        chunk = " ".join(generator.choice(pieces) for _ in range(generator.randint(1, 5)))
        for text in (chunk, chunk + " . ſ"):
            has_exotic_case.cache_clear()
            sentence = Sentence(0, len(chunk), 1)
            relative = _may_name_relative_period(text, chunk, patterns)
            assert relative == bool(patterns["any_relative"].search(chunk)), chunk
            scale = may_hold_long_scale(text, sentence, lex)
            assert scale == bool(lex.long_scale_re.search(text, 0, len(chunk))), chunk
            ruled_out += not scale
            # may_hold_between: no correction notice or agreement kind is missed, in the text or any part of it.
            correction_words = lex.gate_words["correction_cues_re"]
            agreement = may_hold_between(text, lex.agreement_kind_words, 0, len(text))
            assert agreement or not any(p.search(text, 0, len(chunk)) for p in lex.agreement_kind_res.values()), chunk
            agreement_ruled_out += not agreement
            for start in range(0, len(text), 5):
                end = start + generator.randint(0, 30)
                if not may_hold_between(text, correction_words, start, end):
                    assert not lex.correction_cues_re.search(text, start, end), (text, start, end)
                    assert not lex.correction_cues_re.search(text[start:end]), (text, start, end)
                    between_ruled_out += 1
    assert ruled_out > 100  # the pieces also make sentences without a scale word: the shortcut is tried
    assert agreement_ruled_out > 100
    assert between_ruled_out > 1000


@pytest.mark.parametrize("language", ["en", "nl", "de"])
def test_gated_searches_find_what_the_search_finds(language):
    """gated_search skips a sentence cue's search where none of its gate words stands: on every passage of the
    passage files (with an odd letter added or not), every sentence and every window finds what the
    pattern finds."""
    lex = lexicon(language)
    gated = [name for name in SENTENCE_GATED_PATTERNS if lex.gate_words[name] is not None]
    assert gated  # some cue lists of every language have rare enough words
    texts = [case.text for case in load_passages() if case.language == language]
    skipped = 0
    for text in texts + [text + " ſ" for text in texts[:40]]:
        windows = [(s.start, s.end) for s in split_sentences(text)]
        windows += [(start, start + 60) for start in range(0, len(text), 23)]
        for start, end in windows:
            sentence = Sentence(start, end, 1)
            for name in gated:
                pattern = getattr(lex, name)
                found = gated_search(name, text, sentence, lex, text[start:end])
                assert (found and found.span()) == ((m := pattern.search(text[start:end])) and m.span()), name
                found = gated_search(name, text, sentence, lex)
                assert (found and found.span()) == ((m := pattern.search(text, start, end)) and m.span()), name
                skipped += not may_hold_between(text, lex.gate_words[name], start, end)
    assert skipped > 1000


def test_the_word_before_a_full_stop_is_the_run_a_plain_search_finds():
    """_is_abbreviation reads the run of word characters and dots before a full stop from a short window (walked
    back when the run fills it): the same word as re.search(r"[\\w.]+$", text[:dot]), on random texts with runs
    longer than the window, line breaks, dots, digits and odd letters."""

    def plain(text: str, dot: int) -> bool:
        run = re.search(r"[\w.]+$", text[:dot])
        word = run.group(0).lower().rstrip(".") if run else ""
        return bool(run) and (word in _abbreviations() or len(word) == 1 or bool(re.fullmatch(r"\d{1,2}", word)))

    pieces = ["Mrd", "mio", "bn", "z.B", "e.g", "Nr", "24", "7", "ſt", "€", " ", "\n", ".", "..", "a", "Ü", "-", "_"]
    pieces.append("x" * 30)  # a run longer than the window
    generator = random.Random(5)
    found = 0
    for _ in range(4000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 12))) + "."
        for dot in range(len(text) + 1):
            assert _is_abbreviation(text, dot) == plain(text, dot), (text, dot)
            found += plain(text, dot)
    assert found > 1000
