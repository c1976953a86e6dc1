"""Load the per-language word lists in lexicon/*.json and name the patterns each language's rules search with
(Lexicon, compiled once per language with the builders of patterns.py); the EUR rates table."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from data_pipeline.paths import LEXICON_DIR
from data_pipeline.patterns import (
    as_tuple,
    compile_keywords,
    compile_phrases,
    first_characters,
    max_width,
    phrase_pattern,
    phrases_required_words,
    required_words,
    with_first_character_check,
)

LANGUAGES = ("en", "nl", "de")
DEFAULT_LANGUAGE = "en"


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


@cache
def month_numbers(language: str) -> dict[str, int]:
    """The language's month names and abbreviations, lower-cased, with their number (the word lists as read: the
    dates of a document are read before, and without, its language's compiled patterns)."""
    return {word.lower(): number for word, number in raw(language)["months"].items()}


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
        self.long_scale_words = as_tuple(phrases_required_words(long_scales))  # see required_words
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
            "per_year_cues",
            "unit_price_cues",
            "exclusion_cues",
            "equipment_exclusion_cues",
            "unspecified_cues",
            "mainly_cues",
            "clause_joiners",
            "back_reference",
            "agreement_exclusions",
            "signed_cues",
            "weak_running_total_cues",
            "already_cues",
            "future_cues",
            "comparison_cues",
        ]
        for key in simple:
            setattr(self, key + "_re", compile_phrases(words[key]))
        # Part cues, among them those that point back at a figure named earlier ("uit dit bedrag", "of this amount":
        # extract.parts lets those reach several sentences back).
        self.part_reference_cues_re = compile_phrases(words["part_reference_cues"])
        self.part_cues_re = compile_phrases(words["part_cues"] + words["part_reference_cues"])
        # Support verbs, among them the spending verbs ("steekt … in", "puts … into"): support, unless the recipient
        # spends its own money (extract.support).
        self.spending_verbs_re = compile_phrases(words.get("spending_verbs", []))
        self.support_verbs_re = compile_phrases(words["support_verbs"] + words.get("spending_verbs", []))
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
        self.agreement_kind_words = as_tuple(required_words(list(self.agreement_kind_res.values())))
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
        # A commitment stated only as a yearly amount ("£3 billion a year until 2030-31", "jährlich 8 Milliarden",
        # "elk jaar 3,5 miljard"): a yearly cue a few words after the figure in its clause, or right before it. Not
        # "a year ago", "im Jahr 2025", "in a year" (a time, a date, a deadline); the words between are plain words.
        yearly = phrase_pattern(words["yearly_cues"])
        not_after = phrase_pattern(words.get("not_a_rate_after", []))
        not_a_rate = rf"(?![\w-])(?!['’]s)(?!\s*(?:\d|on\s*,|(?:{not_after})(?![\w-])))"
        # "in a year", "within a year", "binnen een jaar", "innerhalb eines Jahres": a time, not a rate.
        self.not_a_rate_before = frozenset(word.lower() for word in words.get("not_a_rate_before", []))
        # "Die 30 Kampfjets sollen bis 2028 geliefert werden": a count after a definite article names figures
        # already counted (extract.dedupe).
        self.definite_before_re = re.compile(
            rf"(?<![\w-])(?:{phrase_pattern(words.get('definite_articles', []))})\s+$", re.IGNORECASE
        )
        # "€260 million ($276m) and another €240 million": a figure joined by one of these adds to the one before.
        self.adding_words_re = compile_phrases(words.get("adding_words", []))
        self.yearly_after_re = re.compile(
            rf"(?P<words>(?:\s+[\w'’-]+){{0,6}}?)\s+(?:{yearly}){not_a_rate}", re.IGNORECASE
        )
        self.yearly_before_re = re.compile(
            rf"(?<![\w-])(?:{yearly}){not_a_rate}\s+(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE
        )
        self.unit_price_before_re = re.compile(
            rf"(?<![\w-])(?:{phrase_pattern(words['unit_price_cues'])})\s+(?:\w+\s+){{0,2}}$", re.IGNORECASE
        )
        # "1,000 systems at a cost of £39 million": the price of all of them, not of each.
        self.total_cost_before_re = re.compile(
            rf"(?<![\w-])(?:{phrase_pattern(words.get('total_cost_cues', []))})\s+$", re.IGNORECASE
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
        # A preposition (and an article) right before a name: "to the Netherlands", "in Polen"; and, where a figure
        # is compared with another, the compared figure's giver: "€410 million from Portugal", "… voor Oostenrijk".
        article = r"(?:the\s+|de\s+|het\s+|die\s+|der\s+|dem\s+)?"
        self.non_subject_before_re = re.compile(
            rf"(?<![\w-])(?:{phrase_pattern(words['non_subject_prepositions'])})\s+{article}$", re.IGNORECASE
        )
        # "the EU average of €100 million", "het EU-gemiddelde van ongeveer 100 miljoen": a statistic, nobody's figure.
        self.statistic_before_figure_re = re.compile(
            rf"(?<!\w)(?:\w+-)?(?:{phrase_pattern(words['statistic_before_figure'])})(?:\s+[^\W\d]+){{0,2}}\s*$",
            re.IGNORECASE,
        )
        self.comparison_giver_before_re = re.compile(
            rf"(?<![\w-])(?:{phrase_pattern(words['comparison_giver_prepositions'])})\s+{article}$", re.IGNORECASE
        )
        self.year_words = words["year_words"]
        self.month_numbers = month_numbers(self.language)
        self.months = list(self.month_numbers)
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
