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
    if len(parts) < GROUPED_ALTERNATION_MIN or any(p.startswith("re:") or not p.split() for p in ordered):
        return "|".join(parts)
    return _grouped_by_first_character(ordered, parts)


def _grouped_by_first_character(phrases: list[str], parts: list[str]) -> str:
    """The same alternation, its phrases grouped by their first character behind a one-character lookahead:
    `(?=[dD])(?:denmark|dutch)|(?=[gG])(?:germany)|…`. Python's re tries every alternative at every position;
    grouped, one character test rules a whole group out (the donor names scan four times faster).

    It matches exactly what the plain alternation matches: only phrases whose first character can match the
    text's character can match there, those all sit in one group (characters equal under IGNORECASE, such
    as "i" and "ı", share a group), and inside a group the phrases keep their longest-first order.
    """
    groups: list[tuple[set[str], list[str]]] = []
    for phrase, part in zip(phrases, parts, strict=True):
        first = phrase.split()[0][0]
        group = next(
            (g for g in groups if any(re.fullmatch(re.escape(c), first, re.IGNORECASE) for c in g[0])),
            None,
        )
        if group is None:
            group = (set(), [])
            groups.append(group)
        group[0].add(first)
        group[1].append(part)
    return "|".join(
        f"(?=[{''.join(re.escape(c) for c in sorted(firsts))}])(?:{'|'.join(members)})" for firsts, members in groups
    )


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


@dataclass(frozen=True)
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
        self.long_scale_re = re.compile(
            phrase_pattern([s for s in word_scales if len(s.rstrip(".")) > 1]), re.IGNORECASE
        )
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
        self.theme_res = {t: compile_phrases(p) for t, p in words["themes"].items()}
        self.agreement_kind_res = {k: compile_phrases(p) for k, p in words["agreement_kinds"].items()}
        self.conversion_between_re = re.compile(
            rf"^\s*(?:[\(\[]|,|;|–|—|-)?\s*(?:(?:{phrase_pattern(words['conversion_cues'])})\s*)*$",
            re.IGNORECASE,
        )
        cues = words["superseded_cues"]
        self.superseded_from_re = re.compile(rf"(?<![\w-])(?:{phrase_pattern(cues['from'])})\s*$", re.IGNORECASE)
        self.superseded_to_re = re.compile(rf"^\s*(?:{phrase_pattern(cues['to'])})\s*$", re.IGNORECASE)
        self.per_year_after_re = re.compile(rf"\s*(?:{phrase_pattern(words['per_year_cues'])})", re.IGNORECASE)
        self.unit_price_before_re = re.compile(
            rf"(?<![\w-])(?:{phrase_pattern(words['unit_price_cues'])})\s+(?:\w+\s+){{0,2}}$", re.IGNORECASE
        )
        # Whole words only: "will reach €20 billion" has no "each".
        self.unit_price_after_re = re.compile(
            rf"\s*(?:{phrase_pattern(words['unit_price_cues'])})(?![\w-])", re.IGNORECASE
        )

        self.model_res = [
            re.compile(rf"(?<![\w-])(?:{rule['pattern']})", re.IGNORECASE) for rule in shared["equipment_models"]
        ]
        # All model names in one alternation: where it finds nothing, none of model_res can (a prefilter).
        any_model = "|".join(f"(?:{rule['pattern']})" for rule in shared["equipment_models"])
        self.any_model_re = re.compile(rf"(?<![\w-])(?:{any_model})", re.IGNORECASE)
        # A model may head a compound: "CV90-pantservoertuigen", "Marder-Schützenpanzer".
        self.model_items: list[ItemRule] = [
            ItemRule(
                re.compile(rf"(?:{rule['pattern']})(?:-[^\W\d_][\w-]*)?(?![\w-])", re.IGNORECASE),
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

        self.donor_aliases: dict[str, str] = {}
        for canonical, aliases in words["donor_names"].items():
            for alias in aliases:
                self.donor_aliases[alias.lower()] = canonical
        for capital, canonical in shared["capitals"].items():
            self.donor_aliases.setdefault(capital.lower(), canonical)
        # "Pistorius kündigte an", "Healey announced": a minister's surname stands for the government.
        for official, canonical in shared["officials"].items():
            if not official.startswith("_"):
                self.donor_aliases.setdefault(official.lower(), canonical)
        # Short upper-case aliases ("US", "UK", "EU") only count in capitals: "us" is also a pronoun.
        case_sensitive = [a for a in self.donor_aliases if len(a) <= 3 and "." not in a]
        case_insensitive = [a for a in self.donor_aliases if a not in case_sensitive]
        upper_aliases_list = [a.upper() for a in case_sensitive]
        upper_aliases = phrase_pattern(upper_aliases_list)
        # The first-character test (see first_character_check) of both kinds of names, each with its own case rule.
        first_insensitive, first_upper = first_characters(case_insensitive), first_characters(upper_aliases_list)
        any_first = f"(?=(?i:{first_insensitive})|{first_upper})" if first_insensitive and first_upper else ""
        self.donor_re = re.compile(
            rf"{any_first}(?<![\w])(?:(?i:{phrase_pattern(case_insensitive)})|(?:{upper_aliases})(?!-))"
            r"(?:'s)?(?![\w])"
        )
        self.not_donors = set(shared["not_donors"])
        self.recipient_prepositions_re = re.compile(
            rf"(?<![\w-])(?:{phrase_pattern(words['recipient_prepositions'])})\s+(?:the\s+|de\s+|het\s+|die\s+)?$",
            re.IGNORECASE,
        )
        # "for the Czech-led initiative", "voor het Tsjechische munitie-initiatief": a country word describing
        # something else is not where the support goes.
        self.attributive_after_re = re.compile(
            rf"(?:-|\s+)(?:[\w-]+\s+)?[\w-]*?(?:{phrase_pattern(words['attributive_after'])})(?![\w])", re.IGNORECASE
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


@cache
def lexicon(language: str) -> Lexicon:
    return Lexicon(language)


@lru_cache(maxsize=1)
def eur_rates() -> dict[tuple[str, int], float]:
    """(currency, year) -> units of that currency per euro, from the shipped ECB table."""
    lines = (LEXICON_DIR / "eur_rates.csv").read_text(encoding="utf-8").splitlines()
    rows = csv.DictReader(line for line in lines if not line.startswith("#"))
    return {(row["currency"], int(row["year"])): float(row["units_per_eur"]) for row in rows}
