"""A minister's surname names the donor only where the minister gives.

common.json "officials" lets "Pistorius kündigte … an" or "Healey announced £…" stand for Germany or the United
Kingdom. A minister who only speaks ("…, Scholz said", "according to Healey", "zei Brekelmans", "laut Baerbock")
does not make the figure theirs: the sentence's own donor applies, else the document's main donor, else
"Unknown" (PLEDGES.md: the donor is who commits the support). A minister is never where support goes.

Every passage was written for this file; rows and matching are those of ``test_generalisation.py``.
"""

from __future__ import annotations

import pytest
import test_generalisation as tg
from test_generalisation import C, M, Q

PUBLISHED = "2025-03-04"

GIVERS = [
    C(
        "en-official-announced-01",
        "en",
        PUBLISHED,
        "Healey announced £150 million for air defence for Ukraine on Tuesday.",
        M(150e6, "GBP", donor="United Kingdom", cat="military/air_defence"),
    ),
    C(
        "en-official-quoted-first-person-01",
        "en",
        PUBLISHED,
        "'We will send another £80 million for drones to Ukraine,' said Healey.",
        M(80e6, "GBP", donor="United Kingdom", cat="military/drones"),
    ),
    C(
        "nl-official-kondigde-aan-01",
        "nl",
        PUBLISHED,
        "Brekelmans kondigde dinsdag aan 200 miljoen euro te reserveren voor drones voor Oekraïne.",
        M(200e6, "EUR", donor="Netherlands", cat="military/drones"),
    ),
    C(
        "nl-official-maakte-bekend-dat-nederland-01",
        "nl",
        PUBLISHED,
        "Brekelmans maakte bekend dat Nederland 150 miljoen euro extra vrijmaakt voor luchtverdediging van Oekraïne.",
        M(150e6, "EUR", donor="Netherlands", cat="military/air_defence"),
    ),
    C(
        "de-official-kuendigte-an-01",
        "de",
        PUBLISHED,
        "Pistorius kündigte am Montag weitere 500 Millionen Euro für die Luftverteidigung der Ukraine an.",
        M(500e6, "EUR", donor="Germany", cat="military/air_defence"),
    ),
    C(
        "de-official-sagte-zu-inverted-01",
        "de",
        PUBLISHED,
        "Bei seinem Besuch in Kiew sagte Scholz der Ukraine weitere 650 Millionen Euro zu.",
        M(650e6, "EUR", donor="Germany"),
    ),
]

SPEAKERS = [
    C(
        "en-official-said-no-donor-01",
        "en",
        PUBLISHED,
        "Ukraine will receive another €200 million for air defence this year, Scholz said.",
        M(200e6, "EUR", donor="Unknown"),
    ),
    C(
        "en-official-said-title-before-name-01",
        "en",
        PUBLISHED,
        "Ukraine will get €250 million more for artillery shells, said Defence Minister Boris Pistorius.",
        M(250e6, "EUR", donor="Unknown"),
    ),
    C(
        "en-official-said-main-donor-applies-01",
        "en",
        PUBLISHED,
        "Sweden has pledged SEK 3 billion in military support to Ukraine. A further SEK 400 million will go to "
        "air defence, Pistorius said.",
        M(3e9, "SEK", donor="Sweden"),
        M(400e6, "SEK", donor="Sweden"),
    ),
    C(
        "en-official-according-to-another-donor-01",
        "en",
        PUBLISHED,
        "According to Healey, Norway has donated 14 CV90 infantry fighting vehicles to Ukraine.",
        Q(14, "CV90", donor="Norway"),
    ),
    C(
        "en-official-letter-to-minister-not-recipient-01",
        "en",
        PUBLISHED,
        "Norway will provide NOK 1 billion for air defence, Prime Minister Støre wrote in a letter to Starmer.",
        M(1e9, "NOK", donor="Norway", recipient="Ukraine"),
    ),
    C(
        "nl-official-zei-no-donor-01",
        "nl",
        PUBLISHED,
        "Oekraïne krijgt dit jaar nog 100 miljoen euro voor munitie, zei Brekelmans.",
        M(100e6, "EUR", donor="Unknown"),
    ),
    C(
        "nl-official-aldus-no-donor-01",
        "nl",
        PUBLISHED,
        "Er gaat 300 miljoen euro naar de Oekraïense luchtverdediging, aldus Schoof.",
        M(300e6, "EUR", donor="Unknown"),
    ),
    C(
        "nl-official-zei-main-donor-applies-01",
        "nl",
        PUBLISHED,
        "Denemarken trekt 1 miljard kronen uit voor militaire steun aan Oekraïne. Daarnaast gaat er 200 miljoen "
        "kronen naar ontmijning, zei Brekelmans na afloop.",
        M(1e9, "DKK", donor="Denmark"),
        M(200e6, "DKK", donor="Denmark"),
    ),
    C(
        "de-official-sagte-no-donor-01",
        "de",
        PUBLISHED,
        "Die Ukraine erhält in diesem Jahr weitere 400 Millionen Euro für Munition, sagte Pistorius.",
        M(400e6, "EUR", donor="Unknown"),
    ),
    C(
        "de-official-laut-other-donor-01",
        "de",
        PUBLISHED,
        "Laut Baerbock hat Dänemark der Ukraine bereits 19 F-16-Kampfjets zugesagt.",
        Q(19, "F-16", donor="Denmark"),
    ),
    C(
        "de-official-sagte-comma-no-donor-01",
        "de",
        PUBLISHED,
        "Scholz sagte am Dienstag, die Ukraine bekomme in diesem Jahr weitere 300 Millionen Euro für Drohnen.",
        M(300e6, "EUR", donor="Unknown"),
    ),
]

ALL = GIVERS + SPEAKERS
tg.register_round(ALL)


@pytest.mark.parametrize("case", GIVERS)
def test_a_minister_who_gives_names_the_donor(case: tg.Case) -> None:
    tg.test_passage(case)


@pytest.mark.parametrize("case", SPEAKERS)
def test_a_minister_who_only_speaks_is_not_the_donor(case: tg.Case) -> None:
    tg.test_passage(case)


def test_main_donor_ignores_a_minister_who_only_speaks() -> None:
    from data_pipeline.extract import main_donor
    from data_pipeline.lexicon import lexicon

    text = "Ukraine needs more air defence, Scholz said. Partners must act faster, Scholz added."
    assert main_donor(text, "Scholz: Ukraine needs air defence", lexicon("en")) is None
    assert main_donor("Pistorius kündigte neue Hilfe an.", "", lexicon("de")) == "Germany"


CASES_FEDERAL_WORDS = [
    C(
        "de-federal-words-austria-01",
        "de",
        "2025-06-01",
        "Österreich unterstützt die Ukraine weiter. Die Bundesregierung stellt weitere 10 Millionen Euro humanitäre "
        "Hilfe bereit, kündigte der Bundeskanzler in Wien an. Österreich hat seit 2022 rund 250 Millionen Euro "
        "geleistet.",
        M(10e6, "EUR", donor="Austria", status="pledged", cat="humanitarian"),
        M(250e6, "EUR", donor="Austria", status="delivered"),
    ),
    C(
        "de-federal-words-germany-when-another-leads-01",
        "de",
        "2025-06-01",
        "Die USA liefern weitere Patriot-Systeme. Die Bundesregierung stellt der Ukraine zusätzlich 500 Millionen "
        "Euro bereit.",
        M(500e6, "EUR", donor="Germany", status="pledged"),
    ),
    C(
        "de-federal-words-switzerland-01",
        "de",
        "2025-06-01",
        "Die Schweiz hilft der Ukraine beim Wiederaufbau. Aus dem Budget des Bundes fließen dafür bis 2028 "
        "1,5 Milliarden Franken; die Schweiz koordiniert mit der EU.",
        M(1.5e9, "CHF", donor="Switzerland", status="pledged"),
    ),
]

FEDERAL_CASES = tg.register_round(CASES_FEDERAL_WORDS)


@pytest.mark.parametrize("case", FEDERAL_CASES)
def test_federal_words_stand_for_the_country_the_text_is_about(case: tg.Case) -> None:
    """ "die Bundesregierung", "der Bundeskanzler", "des Bundes" are Austria's or Switzerland's in a text that
    names that country more often than any other giver, Germany's otherwise."""
    tg.test_passage(case)
