"""Write a synthetic corpus for the benchmarks: N news-like documents in English, Dutch and German with pledges,
delivered totals, equipment, multi-year periods, conversions and distractor numbers, plus a manifest.csv and the
gold mentions it planted (gold.csv, the columns of the development set's gold file).

Run: `.venv/bin/python benchmarks/make_corpus.py 1000 --out build/bench/docs_1000`.
Same N and seed, same bytes. Document i is the same whatever N is, so the corpus for N+1 is the corpus for N plus
one document (the incremental-rebuild benchmark relies on that).

The sentences are written the way reporters and ministries write them, not in the shapes the extractor was built
from: figures before and after the donor, passive and active voice, several formats per currency and language
(€2bn, 2 billion euros, EUR 2.5 billion, € 1,2 miljard, 2,5 Milliarden Euro, spelled-out numbers), qualifiers,
and sentences whose numbers are not support (GDP, casualties, dates, prices, population, frozen assets).
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

GOLD_COLUMNS = [
    "doc_id",
    "donor",
    "recipient",
    "kind",
    "amount",
    "currency",
    "quantity",
    "item",
    "qualifier",
    "status",
    "category",
    "year_start",
    "year_end",
    "evidence",
]
MANIFEST_COLUMNS = ["file", "title", "publisher", "published", "language", "url"]
LANGUAGE_WEIGHTS = {"en": 0.5, "nl": 0.25, "de": 0.25}
TARGET_BYTES = 3000


@dataclass(frozen=True)
class Planted:
    """One gold mention: what a careful reader would record for a figure the generator wrote."""

    doc_id: str
    donor: str
    kind: str
    amount: float | None
    currency: str | None
    quantity: int | None
    item: str | None
    qualifier: str
    status: str
    category: str
    year_start: int | None
    year_end: int | None
    evidence: str
    recipient: str = "Ukraine"


# ---------------------------------------------------------------------------------------------------- donors
# (canonical name, home currency, English subject, English adjective, Dutch subject, German subject, capital)
DONORS = [
    ("Netherlands", "EUR", "the Netherlands", "Dutch", "Nederland", "die Niederlande", "The Hague"),
    ("Germany", "EUR", "Germany", "German", "Duitsland", "Deutschland", "Berlin"),
    ("Denmark", "DKK", "Denmark", "Danish", "Denemarken", "Dänemark", "Copenhagen"),
    ("Sweden", "SEK", "Sweden", "Swedish", "Zweden", "Schweden", "Stockholm"),
    ("Norway", "NOK", "Norway", "Norwegian", "Noorwegen", "Norwegen", "Oslo"),
    ("United Kingdom", "GBP", "the United Kingdom", "British", "het Verenigd Koninkrijk", "Großbritannien", "London"),
    ("United States", "USD", "the United States", "American", "de Verenigde Staten", "die USA", "Washington"),
    ("France", "EUR", "France", "French", "Frankrijk", "Frankreich", "Paris"),
    ("Belgium", "EUR", "Belgium", "Belgian", "België", "Belgien", "Brussels"),
    ("Canada", "CAD", "Canada", "Canadian", "Canada", "Kanada", "Ottawa"),
    ("Finland", "EUR", "Finland", "Finnish", "Finland", "Finnland", "Helsinki"),
    ("Poland", "EUR", "Poland", "Polish", "Polen", "Polen", "Warsaw"),
]
PUBLISHERS = {
    "en": ["Reuters", "The Kyiv Independent", "NL Times", "Euromaidan Press", "UK Government", "Defense News"],
    "nl": ["NOS", "Rijksoverheid", "ANP", "NU.nl", "Ministerie van Defensie", "De Standaard"],
    "de": ["Tagesschau", "Bundesregierung", "dpa", "Der Standard", "FAZ", "Finanznachrichten"],
}

# ---------------------------------------------------------------------------------------------------- numbers
SPELLED = {
    "en": {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 8: "eight", 10: "ten", 12: "twelve"},
    "nl": {1: "een", 2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 8: "acht", 10: "tien", 12: "twaalf"},
    "de": {2: "zwei", 3: "drei", 4: "vier", 5: "fünf", 6: "sechs", 8: "acht", 10: "zehn", 12: "zwölf"},
}
HALF = {"en": "half a {big}", "nl": "een half {big}", "de": "eine halbe {big_singular}"}
CURRENCY_WORDS = {
    "en": {
        "EUR": ["euros", "euro"],
        "USD": ["dollars", "US dollars"],
        "GBP": ["pounds", "pounds sterling"],
        "SEK": ["Swedish kronor"],
        "NOK": ["Norwegian kroner"],
        "DKK": ["Danish kroner"],
        "CAD": ["Canadian dollars"],
    },
    "nl": {"EUR": ["euro"], "USD": ["dollar"], "GBP": ["pond"], "SEK": ["Zweedse kronen"], "NOK": ["Noorse kronen"]},
    "de": {
        "EUR": ["Euro"],
        "USD": ["US-Dollar", "Dollar"],
        "GBP": ["Pfund"],
        "SEK": ["schwedische Kronen"],
        "NOK": ["norwegische Kronen"],
        "DKK": ["dänische Kronen"],
    },
}
SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£"}
SCALES = {
    "en": {"billion": ["bn", " billion", "bn", " bln"], "million": ["m", " million", "mn", " mln"]},
    "nl": {"billion": [" miljard", " mld", " mld.", " miljard"], "million": [" miljoen", " mln", " miljoen"]},
    "de": {"billion": [" Milliarden", " Mrd.", " Milliarden"], "million": [" Millionen", " Mio.", " Millionen"]},
}
BIG_WORD = {"en": ("billion", "million"), "nl": ("miljard", "miljoen"), "de": ("Milliarden", "Millionen")}
MILLIONS = [15, 20, 25, 40, 50, 60, 75, 80, 100, 120, 125, 150, 175, 200, 250, 300, 350, 400, 450, 500, 600, 750, 900]
BILLIONS = [1, 1.2, 1.25, 1.5, 1.7, 2, 2.2, 2.5, 3, 3.5, 4, 5, 6, 7.5, 8, 10, 12]


def decimal(value: float, language: str) -> str:
    """2.5 in English, 2,5 in Dutch and German; whole numbers without decimals."""
    text = f"{value:g}"
    return text.replace(".", ",") if language != "en" else text


def grouped(value: int, language: str) -> str:
    """1,250 in English, 1.250 in Dutch and German."""
    text = f"{value:,}"
    return text.replace(",", ".") if language != "en" else text


def pick_amount(rng: random.Random, used: set[tuple[float, str]], currency: str) -> float:
    """A round figure not yet planted in this document (a figure said twice is one mention to a reader)."""
    while True:
        amount = rng.choice(BILLIONS) * 1e9 if rng.random() < 0.45 else rng.choice(MILLIONS) * 1e6
        if currency in ("SEK", "NOK", "DKK") and amount < 5e8:
            amount *= 10  # kroner figures run about ten times the euro ones
        if (amount, currency) not in used:
            used.add((amount, currency))
            return amount


def format_money(rng: random.Random, language: str, amount: float, currency: str) -> str:
    """One of the many ways the language writes this amount in this currency."""
    big = amount >= 1e9
    value = amount / (1e9 if big else 1e6)
    number = decimal(value, language)
    symbol = SYMBOLS.get(currency)
    words = CURRENCY_WORDS[language].get(currency) or [currency]
    word = rng.choice(words)
    short = rng.choice(SCALES[language]["billion" if big else "million"])
    long = " " + BIG_WORD[language][0 if big else 1]
    styles: list[str] = [f"{number}{long} {word}", f"{currency} {number}{long}"]
    if symbol:
        spacer = " " if language != "en" and rng.random() < 0.6 else ""
        styles += [f"{symbol}{spacer}{number}{short}", f"{symbol}{spacer}{number}{long}"]
        if currency == "USD" and language == "en":
            styles.append(f"US${number}{long}")
    if language != "en":
        styles.append(f"{number}{short} {word}")
    if value == int(value) and int(value) in SPELLED[language]:
        styles.append(f"{SPELLED[language][int(value)]}{long} {word}")
    if big and value != int(value) and (value * 1000) == int(value * 1000):
        styles.append(f"{grouped(int(value * 1000), language)}{' ' + BIG_WORD[language][1]} {word}")
    if amount == 5e8:
        half = HALF[language].format(big=BIG_WORD[language][0], big_singular="Milliarde")
        styles.append(f"{half} {word}")
    # Rarer shapes: a code glued to the number, the symbol after it, every digit written out.
    if language == "en":
        styles.append(f"{currency}{number}{short.strip() if len(short.strip()) <= 2 else 'bn' if big else 'm'}")
    if language == "de" and symbol:
        styles.append(f"{number}{rng.choice(SCALES['de']['billion' if big else 'million'])} {symbol}")
    if language == "de" and amount == 1e9:
        styles.append(f"eine Milliarde {word}")
    if rng.random() < 0.1:
        styles = [f"{currency} {grouped(int(amount), language)}"]
    return rng.choice(styles)


QUALIFIERS = {
    "en": {"at_least": ["more than", "over", "at least"], "about": ["about", "around", "nearly", "roughly"]},
    "nl": {"at_least": ["ruim", "meer dan", "minstens"], "about": ["ongeveer", "bijna", "circa", "zo'n"]},
    "de": {"at_least": ["mehr als", "über", "mindestens"], "about": ["rund", "etwa", "knapp", "fast"]},
}


def qualified(rng: random.Random, language: str, money: str, chance: float) -> tuple[str, str]:
    if rng.random() >= chance:
        return money, "exact"
    qualifier = rng.choice(["at_least", "about"])
    return f"{rng.choice(QUALIFIERS[language][qualifier])} {money}", qualifier


# ---------------------------------------------------------------------------------------------------- periods
def period_phrase(rng: random.Random, language: str, year: int) -> tuple[str, int | None, int | None]:
    """A period a pledge covers, in words, with the years a reader would record (None: the publication year)."""
    if rng.random() < 0.25:
        return "", None, None
    first = year + rng.choice([0, 0, 1])
    last = first + rng.choice([1, 2, 3, 4])
    single = {
        "en": [(f"for {first}", first, first), (f"in {first}", first, first), ("this year", year, year),
               ("next year", year + 1, year + 1)],
        "nl": [(f"voor {first}", first, first), (f"in {first}", first, first), ("dit jaar", year, year),
               ("volgend jaar", year + 1, year + 1)],
        "de": [(f"für {first}", first, first), (f"im Jahr {first}", first, first), ("in diesem Jahr", year, year),
               ("im kommenden Jahr", year + 1, year + 1)],
    }  # fmt: skip
    spans = {
        "en": [(f"for {first}-{last}", first, last), (f"for the years {first} to {last}", first, last),
               (f"between {first} and {last}", first, last), (f"until {last}", year, last)],
        "nl": [(f"voor de periode {first}-{last}", first, last), (f"tot en met {last}", year, last),
               (f"voor de jaren {first} tot en met {last}", first, last)],
        "de": [(f"für die Jahre {first} bis {last}", first, last), (f"von {first} bis {last}", first, last),
               (f"bis {last}", year, last)],
    }  # fmt: skip
    return rng.choice(single[language] if rng.random() < 0.6 else spans[language])


# ---------------------------------------------------------------------------------------------------- sentences
# Categories: (category, English phrases, Dutch phrases, German phrases).
CATEGORIES = [
    ("military", ["military aid", "military support", "weapons and ammunition", "air defence"],
     ["militaire steun", "militaire hulp", "munitie en wapens", "luchtverdediging"],
     ["Militärhilfe", "militärische Unterstützung", "Waffen und Munition", "Luftverteidigung"]),
    ("humanitarian", ["humanitarian aid", "emergency relief", "humanitarian assistance"],
     ["humanitaire hulp", "noodhulp", "humanitaire steun"],
     ["humanitäre Hilfe", "Nothilfe", "humanitäre Unterstützung"]),
    ("reconstruction", ["reconstruction", "repairs to the power grid", "rebuilding energy infrastructure"],
     ["wederopbouw", "herstel van het stroomnetwerk", "de wederopbouw van de energie-infrastructuur"],
     ["den Wiederaufbau", "die Reparatur des Stromnetzes", "den Wiederaufbau der Energie-Infrastruktur"]),
    ("financial", ["budget support", "macro-financial assistance", "financial support"],
     ["begrotingssteun", "macrofinanciële steun", "financiële steun"],
     ["Budgethilfe", "Makrofinanzhilfe", "finanzielle Unterstützung"]),
]  # fmt: skip
LANGUAGE_INDEX = {"en": 1, "nl": 2, "de": 3}

# Money pledges. {D} donor as subject, {M} the amount, {C} what it is for, {P} the period (may be empty),
# {A} the donor's adjective (English only), {K} the capital.
PLEDGE_TEMPLATES = {
    "en": [
        "{D} will provide {M} in {C} to Ukraine {P}.",
        "{D} pledged {M} for {C} {P}, the foreign ministry said.",
        "The {A} government said on Tuesday it would make {M} available for {C} {P}.",
        "{P_cap}, {D} has earmarked {M} for {C}, the defence minister told parliament.",
        "A new package worth {M} for {C} was announced by {D} {P}.",
        "Ukraine is set to receive {M} from {D} for {C} {P}.",
        "{D} is committing {M} to {C} {P}, according to a government statement.",
        "Officials in {K} confirmed that {M} has been allocated to {C} {P}.",
        "The prime minister announced {M} of fresh {C} for Kyiv during a visit {P}.",
        "In its latest announcement, {D} promised {M} to support Ukraine's {C} {P}.",
        "{D}'s new package, worth {M}, will pay for {C} {P}.",
        "Parliament approved {M} in additional {C} for Ukraine {P}, the {A} finance ministry confirmed.",
    ],
    "nl": [
        "{D} trekt {P} {M} uit voor {C} aan Oekraïne.",
        "Het kabinet heeft {M} toegezegd voor {C} {P}.",
        "{D} stelt {P} {M} beschikbaar voor {C}, meldt de minister.",
        "Voor {C} reserveert {D} {P} {M}, zo staat in een brief aan de Kamer.",
        "Oekraïne krijgt {P} {M} van {D} voor {C}.",
        "Er komt {M} extra voor {C} aan Oekraïne {P}, heeft het kabinet besloten.",
        "De minister maakte bekend dat {D} {M} zal bijdragen aan {C} {P}.",
        "Met een bedrag van {M} steunt {D} {P} {C} in Oekraïne.",
    ],
    "de": [
        "{D} stellt {P} {M} für {C} der Ukraine bereit.",
        "Die Regierung in {K} hat {P} {M} für {C} zugesagt.",
        "{D} will der Ukraine {P} {M} für {C} zur Verfügung stellen.",
        "Für {C} sagte {D} {P} {M} zu, teilte das Ministerium mit.",
        "Die Ukraine soll {P} {M} für {C} erhalten, kündigte die Regierung in {K} an.",
        "Mit {M} will {D} {P} {C} finanzieren.",
        "Weitere {M} für {C} hat {D} {P} bewilligt.",
        "Insgesamt {M} sollen {P} in {C} fließen, wie das Finanzministerium mitteilte.",
    ],
}
DELIVERED_TOTAL_TEMPLATES = {
    "en": [
        "{D} has so far provided {M} in {C} to Ukraine.",
        "Since the full-scale invasion, {D} has delivered {M} worth of {C}.",
        "To date, {A} support for Ukraine amounts to {M}, the ministry said.",
        "Altogether {D} has already given {M} in {C} since February 2022.",
        "{D} has sent {M} in {C} to Kyiv since the start of the war.",
    ],
    "nl": [
        "{D} heeft tot nu toe {M} aan {C} geleverd.",
        "Sinds het begin van de oorlog heeft {D} {M} aan {C} gegeven.",
        "Inmiddels is er {M} aan {C} naar Oekraïne gegaan.",
        "{D} heeft sinds de Russische inval in totaal al {M} aan steun gegeven.",
    ],
    "de": [
        "{D} hat bisher {M} für {C} geleistet.",
        "Seit Kriegsbeginn hat {D} der Ukraine {M} an {C} geliefert.",
        "Bislang wurden {M} an {C} ausgezahlt.",
        "Insgesamt hat {D} seit Februar 2022 bereits {M} an Hilfe geleistet.",
    ],
}
DELIVERED_TEMPLATES = {
    "en": [
        "Last year {D} delivered {M} in {C}, the report shows.",
        "In {Y}, {D} sent {M} of {C} to Kyiv.",
    ],
    "nl": ["Vorig jaar leverde {D} {M} aan {C}.", "In {Y} heeft {D} {M} aan {C} overgemaakt."],
    "de": ["Im vergangenen Jahr lieferte {D} {M} an {C}.", "{Y} hat {D} {M} für {C} überwiesen."],
}
# Conversions: the second figure restates the first and is not a mention of its own.
CONVERSION_TEMPLATES = {
    "en": [
        "{D} pledged {M} ({X}) for {C} {P}.",
        "The package, worth {M} or about {X}, covers {C} {P}.",
    ],
    "nl": ["{D} zegt {M} (omgerekend {X}) toe voor {C} {P}."],
    "de": ["{D} sagte {M} (umgerechnet {X}) für {C} zu."],
}
# A package and a part of it: two mentions.
PART_TEMPLATES = {
    "en": [
        "{D} will give {M} in {C} {P}, of which {N} is earmarked for air defence.",
        "The government announced {M} for {C} {P}, including {N} for artillery ammunition.",
    ],
    "nl": ["{D} trekt {P} {M} uit voor {C}, waarvan {N} voor luchtverdediging."],
    "de": ["{D} stellt {P} {M} für {C} bereit, davon {N} für Munition."],
}
# Equipment: (template, status). {Q} a count and item as the language writes it.
EQUIPMENT_TEMPLATES = {
    "en": [
        ("{D} will send {Q} to Ukraine {P}.", "pledged"),
        ("{D} has promised to supply {Q}, the defence ministry said.", "pledged"),
        ("Ukraine will receive {Q} from {D} {P}.", "pledged"),
        ("{D} has delivered {Q} to the Ukrainian armed forces.", "delivered"),
        ("The first {Q} supplied by {D} arrived in Ukraine last week.", "delivered"),
        ("Kyiv is also getting {Q} under the new package.", "pledged"),
    ],
    "nl": [
        ("{D} levert {P} {Q} aan Oekraïne.", "pledged"),
        ("Het kabinet heeft {Q} toegezegd.", "pledged"),
        ("{D} heeft {Q} geleverd aan de Oekraïense strijdkrachten.", "delivered"),
        ("Oekraïne krijgt van {D} ook {Q}.", "pledged"),
    ],
    "de": [
        ("{D} liefert {P} {Q} an die Ukraine.", "pledged"),
        ("Die Regierung in {K} hat {Q} zugesagt.", "pledged"),
        ("{D} hat der Ukraine {Q} übergeben.", "delivered"),
        ("Außerdem sollen {Q} aus {K} geliefert werden.", "pledged"),
    ],
}
# (item as the extractor names it, counts, English/Dutch/German phrasing; {n} is the count)
ITEMS = [
    ("F-16", [4, 6, 8, 12, 18, 24], "{n} F-16 fighter jets", "{n} F-16-gevechtsvliegtuigen", "{n} F-16-Kampfjets"),
    ("Leopard 2 tank", [8, 14, 18, 28], "{n} Leopard 2 tanks", "{n} Leopard 2-tanks", "{n} Leopard-2-Kampfpanzer"),
    ("Leopard 1 tank", [10, 25, 50, 100], "{n} Leopard 1 tanks", "{n} Leopard 1-tanks", "{n} Leopard-1-Panzer"),
    ("Patriot system", [2, 3, 4], "{n} Patriot systems", "{n} Patriot-systemen", "{n} Patriot-Systeme"),
    ("IRIS-T", [2, 3, 4], "{n} IRIS-T systems", "{n} IRIS-T-systemen", "{n} IRIS-T-Systeme"),
    ("howitzer", [6, 12, 18, 36], "{n} howitzers", "{n} pantserhouwitsers", "{n} Panzerhaubitzen"),
    ("armoured vehicle", [20, 40, 90, 150], "{n} armoured vehicles", "{n} pantservoertuigen", "{n} Schützenpanzer"),
    ("drone", [100, 500, 1000, 2500], "{n} drones", "{n} drones", "{n} Drohnen"),
    ("artillery shell", [10000, 50000], "{n} artillery shells", "{n} artilleriegranaten", "{n} Artilleriegranaten"),
    ("vehicle", [30, 60, 200], "{n} military trucks", "{n} vrachtwagens", "{n} Lastwagen"),
    ("generator", [200, 500, 1500], "{n} generators", "{n} generatoren", "{n} Stromaggregate"),
]  # fmt: skip
SPELLED_COUNTS = {
    "en": {
        1: "one",
        2: "two",
        3: "three",
        4: "four",
        6: "six",
        8: "eight",
        12: "a dozen",
        14: "fourteen",
        18: "eighteen",
        24: "two dozen",
    },
    "nl": {1: "één", 2: "twee", 3: "drie", 4: "vier", 6: "zes", 8: "acht", 12: "twaalf", 14: "veertien"},
    "de": {2: "zwei", 3: "drei", 4: "vier", 6: "sechs", 8: "acht", 12: "zwölf", 14: "vierzehn"},
}

# Sentences whose numbers are not support (no gold). {Y} a year, {K} the capital.
DISTRACTORS = {
    "en": [
        "Ukraine's economy shrank by 29.1% in 2022, and its GDP was about $160 billion in {Y}.",
        "The war has killed more than 10,000 civilians, according to the United Nations.",
        "Some 6.5 million refugees have left the country since 24 February 2022.",
        "Russia launched more than 3,000 drones at Ukrainian cities this month.",
        "A single Patriot interceptor costs around $4 million.",
        "The population of Ukraine fell from 41 million to about 33 million.",
        "The World Bank puts the country's reconstruction needs at $486 billion over the next decade.",
        "Around €200bn of Russian central bank assets remain frozen in Europe.",
        "The defence budget for its own armed forces rises to €21 billion in {Y}, or 2.1% of GDP.",
        "The meeting in {K} on 14 March {Y} brought together 50 countries.",
        "Brent crude traded at $82 a barrel on Monday.",
        "The minister visited Kharkiv, 30 kilometres from the border, with 12 journalists.",
        "Inflation in Ukraine eased to 5.1 percent in {Y}.",
        "The front line is more than 1,000 kilometres long.",
    ],
    "nl": [
        "De Oekraïense economie kromp in 2022 met 29 procent; het bbp bedroeg in {Y} zo'n 160 miljard dollar.",
        "Volgens de VN zijn er meer dan 10.000 burgers omgekomen.",
        "Sinds 24 februari 2022 zijn ongeveer 6,5 miljoen vluchtelingen het land ontvlucht.",
        "Eén Patriot-raket kost ongeveer 4 miljoen dollar.",
        "Oekraïne telde voor de oorlog 41 miljoen inwoners.",
        "In Europa staat nog zo'n 200 miljard euro aan Russische tegoeden bevroren.",
        "Het defensiebudget voor de eigen krijgsmacht stijgt in {Y} naar 22 miljard euro.",
        "Op 14 maart {Y} kwamen in {K} vertegenwoordigers van 50 landen bijeen.",
        "De inflatie in Oekraïne daalde in {Y} naar 5,1 procent.",
        "Het front is meer dan 1.000 kilometer lang.",
    ],
    "de": [
        "Die ukrainische Wirtschaft schrumpfte 2022 um 29 Prozent; das BIP lag {Y} bei rund 160 Milliarden Dollar.",
        "Nach Angaben der UN wurden mehr als 10.000 Zivilisten getötet.",
        "Seit dem 24. Februar 2022 sind etwa 6,5 Millionen Menschen aus dem Land geflohen.",
        "Eine einzelne Patriot-Rakete kostet rund 4 Millionen Dollar.",
        "Vor dem Krieg hatte die Ukraine 41 Millionen Einwohner.",
        "In Europa sind rund 200 Milliarden Euro russischer Zentralbankgelder eingefroren.",
        "Der Verteidigungshaushalt für die eigenen Streitkräfte steigt {Y} auf 52 Milliarden Euro.",
        "Am 14. März {Y} trafen sich in {K} Vertreter von 50 Staaten.",
        "Die Inflation in der Ukraine sank {Y} auf 5,1 Prozent.",
        "Die Front ist mehr als 1.000 Kilometer lang.",
    ],
}
FILLER = {
    "en": [
        "The announcement came as Kyiv pressed its partners for faster deliveries ahead of the winter.",
        "Ukrainian officials welcomed the decision and thanked {D} for its continued solidarity.",
        "Opposition parties broadly supported the move, although some questioned the timing.",
        "Diplomats said further commitments were expected at the next meeting of the contact group.",
        "The minister stressed that European security depends on the outcome of the war.",
        "Details of the delivery schedule were not disclosed for security reasons.",
        "Analysts noted that the decision reflects growing pressure from allies in Eastern Europe.",
        "The government said it would keep parliament informed about the implementation.",
        "Ukraine's president thanked the {A} people in a video address.",
        "The defence minister said the aid would help Ukraine protect its cities and critical infrastructure.",
        "Training of Ukrainian personnel is expected to continue in the coming months.",
        "Critics argued that the support should have come much earlier.",
        "Talks with industry on additional production capacity are ongoing.",
        "The measure still requires the approval of parliament, which is expected to vote next week.",
    ],
    "nl": [
        "De aankondiging komt op een moment dat Kyiv aandringt op snellere leveringen voor de winter.",
        "Oekraïense functionarissen verwelkomden het besluit en bedankten {D} voor de aanhoudende solidariteit.",
        "De oppositie steunde het besluit grotendeels, al plaatsten sommige partijen kanttekeningen.",
        "Diplomaten verwachten dat er bij de volgende bijeenkomst nieuwe afspraken worden gemaakt.",
        "De minister benadrukte dat de Europese veiligheid afhangt van de afloop van de oorlog.",
        "Over het leveringsschema werden om veiligheidsredenen geen details gegeven.",
        "Het kabinet zegt de Kamer op de hoogte te houden van de uitvoering.",
        "De Oekraïense president bedankte de bevolking in een videoboodschap.",
        "De training van Oekraïense militairen gaat de komende maanden door.",
        "Critici vinden dat de steun veel eerder had moeten komen.",
        "Gesprekken met de industrie over extra productiecapaciteit lopen nog.",
    ],
    "de": [
        "Die Ankündigung kommt zu einem Zeitpunkt, an dem Kiew auf schnellere Lieferungen vor dem Winter drängt.",
        "Ukrainische Vertreter begrüßten die Entscheidung und dankten für die anhaltende Solidarität.",
        "Die Opposition unterstützte den Schritt weitgehend, äußerte aber Kritik am Zeitpunkt.",
        "Diplomaten erwarten weitere Zusagen beim nächsten Treffen der Kontaktgruppe.",
        "Der Minister betonte, die europäische Sicherheit hänge vom Ausgang des Krieges ab.",
        "Einzelheiten zum Lieferplan wurden aus Sicherheitsgründen nicht genannt.",
        "Die Regierung will das Parlament über die Umsetzung auf dem Laufenden halten.",
        "Der ukrainische Präsident bedankte sich in einer Videobotschaft.",
        "Die Ausbildung ukrainischer Soldaten soll in den kommenden Monaten weitergehen.",
        "Kritiker meinen, die Unterstützung hätte viel früher kommen müssen.",
        "Gespräche mit der Industrie über zusätzliche Produktionskapazitäten laufen noch.",
    ],
}
QUOTES = {
    "en": (
        ["We will stand with Ukraine for as long as it takes", "Russia must not be allowed to win this war",
         "Our own security is at stake in Ukraine", "This is an investment in European security",
         "Ukraine needs predictability, not only promises", "We are in this for the long haul"],
        ["the prime minister said", "the defence minister told reporters", "a government spokesperson said",
         "the foreign minister wrote on social media", "the ambassador said in {K}"],
    ),
    "nl": (
        ["We blijven Oekraïne steunen zolang dat nodig is", "Rusland mag deze oorlog niet winnen",
         "Onze eigen veiligheid staat in Oekraïne op het spel", "Oekraïne heeft voorspelbaarheid nodig",
         "Dit is een investering in de Europese veiligheid"],
        ["zei de minister-president", "zei de minister van Defensie tegen verslaggevers",
         "aldus een woordvoerder van het ministerie", "schreef de minister op sociale media"],
    ),
    "de": (
        ["Wir stehen an der Seite der Ukraine, solange es nötig ist", "Russland darf diesen Krieg nicht gewinnen",
         "Unsere eigene Sicherheit steht in der Ukraine auf dem Spiel", "Die Ukraine braucht Verlässlichkeit",
         "Das ist eine Investition in die europäische Sicherheit"],
        ["sagte der Regierungschef", "sagte der Verteidigungsminister vor Journalisten",
         "erklärte ein Regierungssprecher", "schrieb der Außenminister auf der Plattform X"],
    ),
}  # fmt: skip
QUOTE_MARKS = {"en": ("\u201c", ",\u201d "), "nl": ("\u2018", ",\u2019 "), "de": ("\u201e", "\u201c, ")}
TITLES = {
    "en": ["{D_cap} steps up support for Ukraine", "{D_cap} announces new aid for Kyiv", "New {A} package for Ukraine"],
    "nl": ["{D_cap} breidt steun aan Oekraïne uit", "Nieuwe steun voor Oekraïne", "Kabinet maakt extra hulp vrij"],
    "de": ["{D_cap} weitet Hilfe für die Ukraine aus", "Neue Hilfe für Kiew", "Weiteres Hilfspaket für die Ukraine"],
}


def cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


class DocumentWriter:
    """Builds one document sentence by sentence and records the gold mentions it plants."""

    def __init__(self, rng: random.Random, doc_id: str, language: str, published: str):
        self.rng, self.doc_id, self.language = rng, doc_id, language
        self.year = int(published[:4])
        donor = rng.choice(DONORS)
        self.donor, self.home_currency = donor[0], donor[1]
        self.subject = {"en": donor[2], "nl": donor[4], "de": donor[5]}[language]
        self.adjective, self.capital = donor[3], donor[6]
        self.used: set[tuple[float, str]] = set()
        self.gold: list[Planted] = []

    def currency(self) -> str:
        # Most figures in euros; donors with their own currency use it about half the time.
        if self.home_currency != "EUR" and self.rng.random() < 0.5:
            return self.home_currency if self.home_currency in CURRENCY_WORDS[self.language] else "EUR"
        return "EUR" if self.rng.random() < 0.9 or self.language != "en" else "USD"

    def fill(self, template: str, **slots: str) -> str:
        period = slots.get("P", "")
        values = {"D": self.subject, "A": self.adjective, "K": self.capital, "Y": str(self.year)}
        values["P_cap"] = cap(period) or "This year"
        text = template.format(**(values | slots))
        text = " ".join(text.split())  # an empty period leaves a double space
        text = text.replace(" ,", ",").replace(" .", ".")
        return cap(text)

    def category(self) -> tuple[str, str]:
        row = self.rng.choice(CATEGORIES)
        return row[0], self.rng.choice(row[LANGUAGE_INDEX[self.language]])

    def plant_money(self, sentence: str, amount: float, currency: str, **fields) -> None:
        self.gold.append(
            Planted(self.doc_id, self.donor, "money", amount, currency, None, None, evidence=sentence, **fields)
        )

    def pledge(self) -> str:
        currency = self.currency()
        amount = pick_amount(self.rng, self.used, currency)
        money, qualifier = qualified(
            self.rng, self.language, format_money(self.rng, self.language, amount, currency), 0.2
        )
        category, words = self.category()
        period, first, last = period_phrase(self.rng, self.language, self.year)
        template = self.rng.choice(PLEDGE_TEMPLATES[self.language])
        if "{P_cap}" in template and not period:
            period, first, last = (
                {"en": "this year", "nl": "dit jaar", "de": "in diesem Jahr"}[self.language],
                None,
                None,
            )
        sentence = self.fill(template, M=money, C=words, P=period)
        self.plant_money(
            sentence, amount, currency, qualifier=qualifier, status="pledged", category=category,
            year_start=first or self.year, year_end=last or self.year,
        )  # fmt: skip
        return sentence

    def delivered_total(self) -> str:
        currency = self.currency()
        amount = pick_amount(self.rng, self.used, currency) * self.rng.choice([2, 3, 5])
        self.used.add((amount, currency))
        money, qualifier = qualified(
            self.rng, self.language, format_money(self.rng, self.language, amount, currency), 0.4
        )
        category, words = self.category()
        sentence = self.fill(self.rng.choice(DELIVERED_TOTAL_TEMPLATES[self.language]), M=money, C=words)
        self.plant_money(
            sentence, amount, currency, qualifier=qualifier, status="delivered", category=category,
            year_start=2022, year_end=self.year,
        )  # fmt: skip
        return sentence

    def delivered(self) -> str:
        currency = self.currency()
        amount = pick_amount(self.rng, self.used, currency)
        money, qualifier = qualified(
            self.rng, self.language, format_money(self.rng, self.language, amount, currency), 0.2
        )
        category, words = self.category()
        year = max(2022, self.year - 1)
        sentence = self.fill(self.rng.choice(DELIVERED_TEMPLATES[self.language]), M=money, C=words, Y=str(year))
        self.plant_money(
            sentence, amount, currency, qualifier=qualifier, status="delivered", category=category,
            year_start=year, year_end=year,
        )  # fmt: skip
        return sentence

    def conversion(self) -> str:
        amount = pick_amount(self.rng, self.used, "EUR")
        dollars = round(amount * 1.08 / 1e6) * 1e6
        money = format_money(self.rng, self.language, amount, "EUR")
        converted = format_money(self.rng, self.language, dollars, "USD")
        category, words = self.category()
        period, first, last = period_phrase(self.rng, self.language, self.year)
        sentence = self.fill(
            self.rng.choice(CONVERSION_TEMPLATES[self.language]), M=money, X=converted, C=words, P=period
        )
        self.plant_money(
            sentence, amount, "EUR", qualifier="exact", status="pledged", category=category,
            year_start=first or self.year, year_end=last or self.year,
        )  # fmt: skip
        return sentence

    def package_with_part(self) -> str:
        amount = self.rng.choice([1, 1.5, 2, 2.5, 3, 4, 5]) * 1e9
        part = amount * self.rng.choice([0.1, 0.2, 0.25, 0.4])
        if (amount, "EUR") in self.used or (part, "EUR") in self.used:
            return self.pledge()
        self.used |= {(amount, "EUR"), (part, "EUR")}
        category, words = CATEGORIES[0][0], self.rng.choice(CATEGORIES[0][LANGUAGE_INDEX[self.language]])
        period, first, last = period_phrase(self.rng, self.language, self.year)
        money = format_money(self.rng, self.language, amount, "EUR")
        part_money = format_money(self.rng, self.language, part, "EUR")
        sentence = self.fill(self.rng.choice(PART_TEMPLATES[self.language]), M=money, N=part_money, C=words, P=period)
        for value in (amount, part):
            self.plant_money(
                sentence, value, "EUR", qualifier="exact", status="pledged", category=category,
                year_start=first or self.year, year_end=last or self.year,
            )  # fmt: skip
        return sentence

    def equipment(self, planted_items: set[str]) -> str:
        choices = [row for row in ITEMS if row[0] not in planted_items]
        item, counts, *phrases = self.rng.choice(choices)
        planted_items.add(item)
        count = self.rng.choice(counts)
        spelled = SPELLED_COUNTS[self.language].get(count)
        written = spelled if spelled and self.rng.random() < 0.3 else grouped(count, self.language)
        quantity = phrases[LANGUAGE_INDEX[self.language] - 1].format(n=written)
        template, status = self.rng.choice(EQUIPMENT_TEMPLATES[self.language])
        period, first, last = (
            period_phrase(self.rng, self.language, self.year) if status == "pledged" else ("", None, None)
        )
        sentence = self.fill(template, Q=quantity, P=period)
        self.gold.append(
            Planted(
                self.doc_id, self.donor, "equipment", None, None, count, item, "exact", status, "military",
                first or self.year, last or self.year, sentence,
            )
        )  # fmt: skip
        return sentence

    def distractor(self) -> str:
        return self.fill(self.rng.choice(DISTRACTORS[self.language]))

    def filler(self, used: set[str]) -> str:
        """A sentence without figures: context, or a quote (many remark/speaker pairs, so padding rarely repeats)."""
        fresh = [f for f in FILLER[self.language] if f not in used]
        if fresh and self.rng.random() < 0.6:
            template = self.rng.choice(fresh)
        else:
            remarks, speakers = QUOTES[self.language]
            opening, closing = QUOTE_MARKS[self.language]
            template = f"{opening}{self.rng.choice(remarks)}{closing}{self.rng.choice(speakers)}."
        used.add(template)
        return self.fill(template)


def make_document(seed: int, index: int) -> tuple[dict[str, str], str, list[Planted]]:
    """Document `index` of the corpus: its manifest row, its text and its gold mentions (independent of N)."""
    rng = random.Random(seed * 1_000_003 + index)
    language = rng.choices(list(LANGUAGE_WEIGHTS), weights=list(LANGUAGE_WEIGHTS.values()))[0]
    published = f"{rng.randint(2022, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if published < "2022-03-01":
        published = "2022-03-01"
    doc_id = f"bench_{index:05d}_{language}"
    writer = DocumentWriter(rng, doc_id, language, published)
    plants = ["pledge", "pledge", "pledge", "delivered_total", "delivered", "conversion", "package_with_part"]
    plants += ["equipment", "equipment", "equipment"]
    chosen = rng.sample(plants, rng.randint(3, 6))
    distractors = rng.randint(2, 4)
    planted_items: set[str] = set()
    used_filler: set[str] = set()
    paragraphs: list[list[str]] = []
    # Each paragraph opens with a support sentence or a distractor, then context; filler pads to about 3 KB.
    events = [("plant", name) for name in chosen] + [("distractor", "")] * distractors
    rng.shuffle(events)
    if events[0][0] == "distractor":
        first = next(i for i, e in enumerate(events) if e[0] == "plant")
        events[0], events[first] = events[first], events[0]
    for kind, name in events:
        if kind == "plant":
            sentence = writer.equipment(planted_items) if name == "equipment" else getattr(writer, name)()
        else:
            sentence = writer.distractor()
        paragraph = [sentence]
        if rng.random() < 0.6:
            paragraph.append(writer.filler(used_filler))
        paragraphs.append(paragraph)
    length = sum(len(s) + 1 for p in paragraphs for s in p)
    while length < TARGET_BYTES - 150:
        sentence = writer.filler(used_filler)
        rng.choice(paragraphs).append(sentence)
        length += len(sentence) + 1
    title = writer.fill(rng.choice(TITLES[language]), D_cap=cap(writer.subject))
    text = title + "\n\n" + "\n\n".join(" ".join(p) for p in paragraphs) + "\n"
    publisher = rng.choice(PUBLISHERS[language])
    manifest_row = {
        "file": f"{doc_id}.txt",
        "title": title,
        "publisher": publisher,
        "published": published,
        "language": language,
        "url": f"https://example.org/{language}/{index}",
    }
    return manifest_row, text, writer.gold


def csv_text(rows: list[dict], columns: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def gold_row(planted: Planted) -> dict:
    row = asdict(planted)
    row["amount"] = "" if planted.amount is None else f"{planted.amount:.0f}"
    return {column: "" if row[column] is None else row[column] for column in GOLD_COLUMNS}


def write_corpus(n_documents: int, out: Path, seed: int = 7) -> Path:
    """Write n documents, manifest.csv and gold.csv into out (created; old .txt files there are removed)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("*.txt"):
        stale.unlink()
    manifest, gold = [], []
    for index in range(n_documents):
        row, text, planted = make_document(seed, index)
        (out / row["file"]).write_text(text, encoding="utf-8")
        manifest.append(row)
        gold.extend(gold_row(p) for p in planted)
    (out / "manifest.csv").write_text(csv_text(manifest, MANIFEST_COLUMNS), encoding="utf-8")
    # gold.csv sits beside the documents; the pipeline reads only .txt/.md files and the manifest.
    (out / "gold.csv").write_text(csv_text(gold, GOLD_COLUMNS), encoding="utf-8")
    return out


def add_document(out: Path, index: int, seed: int = 7) -> str:
    """Add document `index` to an existing corpus (file, manifest row and gold rows); returns its doc_id."""
    row, text, planted = make_document(seed, index)
    (out / row["file"]).write_text(text, encoding="utf-8")
    with open(out / "manifest.csv", "a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=MANIFEST_COLUMNS, lineterminator="\n").writerow(row)
    with open(out / "gold.csv", "a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=GOLD_COLUMNS, lineterminator="\n").writerows(gold_row(p) for p in planted)
    return row["file"].removesuffix(".txt")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("--out", type=Path, help="folder to write (default build/bench/docs_N)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    out = args.out or Path(__file__).resolve().parents[1] / "build" / "bench" / f"docs_{args.n}"
    write_corpus(args.n, out, args.seed)
    size = sum(p.stat().st_size for p in out.glob("*.txt"))
    print(f"{args.n} documents, {size / 1e6:.1f} MB in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
