"""Figures nobody gave: a question, a claim a fact check takes apart, a rumour, a hypothetical sum, a party's demand, a
funding gap, a production capacity, an export someone forbade, amounts per head of population. Plus
conversions in a bracket a few words after the figure, zlotys and Swiss "Fr.". Prompted by the fourth round of
test articles (tests/articles); the passages were written for this file, in other words than the articles.

Rows and matching are those of test_generalisation.py."""

from __future__ import annotations

import pytest
import test_generalisation as tg
from test_generalisation import C, M

CASES_CLAIMS_AND_PER_HEAD = [
    C(
        "en-claim-viral-post-01",
        "en",
        "2025-03-02",
        "The claim circulating online that Spain has handed Ukraine €40 billion is false.",
    ),
    C(
        "en-claim-then-real-figure-01",
        "en",
        "2025-03-02",
        "A viral post claims Spain sent €40 billion. Spain has pledged €1 billion in military aid to Ukraine for 2025.",
        M(1e9, "EUR", donor="Spain", recipient="Ukraine", status="pledged", cat="military"),
    ),
    C(
        "nl-claim-bewering-01",
        "nl",
        "2025-03-02",
        "De bewering dat België 12 miljard euro aan Oekraïne heeft overgemaakt, klopt niet.",
    ),
    C(
        "de-claim-geruecht-01",
        "de",
        "2025-03-02",
        "Das Gerücht, Österreich habe heimlich 3 Milliarden Euro an Kiew überwiesen, hält sich hartnäckig.",
    ),
    C(
        "en-hypothetical-sum-01",
        "en",
        "2025-03-02",
        "Were every member to give 0.1 percent of output, the hypothetical total would reach $90 billion for Ukraine.",
    ),
    C(
        "de-demand-verlangt-01",
        "de",
        "2025-03-02",
        "Die Opposition im Landtag verlangt, weitere 50 Millionen Euro für Kiew bereitzustellen.",
    ),
    C(
        "nl-demand-wil-dat-01",
        "nl",
        "2025-03-02",
        "GroenLinks wil dat het land jaarlijks 3 miljard euro voor Oekraïne reserveert.",
    ),
    C(
        "en-funding-gap-01",
        "en",
        "2025-03-02",
        "Kyiv's budget faces a funding gap of about $12 billion next year, officials in Washington said.",
    ),
    C(
        "de-production-capacity-01",
        "de",
        "2025-03-02",
        "Rheinmetall will die Produktionskapazität für Ukraine-Munition auf 700.000 Granaten im Jahr erhöhen.",
    ),
    C(
        "de-export-forbidden-01",
        "de",
        "2025-03-02",
        "Die Regierung hat die Weitergabe von 5.000 Schuss Munition an die Ukraine untersagt.",
    ),
    C(
        "nl-per-head-opening-01",
        "nl",
        "2025-03-02",
        "Per inwoner geeft Estland zo'n 400 euro aan Oekraïne, Nederland ongeveer 250 euro.",
    ),
    C(
        "de-per-head-opening-01",
        "de",
        "2025-03-02",
        "Pro Kopf gerechnet hat Dänemark der Ukraine rund 1.200 Euro gegeben, Deutschland etwa 400 Euro.",
    ),
    C(
        "en-per-resident-after-01",
        "en",
        "2025-03-02",
        "Norway has given Ukraine the equivalent of £900 for every resident.",
    ),
    C(
        "en-question-headline-01",
        "en",
        "2025-03-02",
        "Will Italy really send another €300 million to Ukraine?",
    ),
    C(
        "de-question-then-answer-01",
        "de",
        "2025-03-02",
        "Wie viel gibt Belgien der Ukraine 2025? Belgien hat 1 Milliarde Euro an Militärhilfe für 2025 zugesagt.",
        M(1e9, "EUR", donor="Belgium", recipient="Ukraine", status="pledged", cat="military", years=(2025, 2025)),
    ),
    C(
        "nl-question-with-figure-01",
        "nl",
        "2025-03-02",
        "Stuurt Nederland echt nog eens 18 F-16's naar Oekraïne?",
    ),
    C(
        "en-late-bracket-conversion-01",
        "en",
        "2025-03-02",
        "Sweden has delivered military aid worth SEK 50 billion since 2022 (roughly €4.4 billion at today's rates) "
        "to Ukraine.",
        M(50e9, "SEK", donor="Sweden", recipient="Ukraine", status="delivered", cat="military"),
    ),
    C(
        "en-zlotys-01",
        "en",
        "2025-03-02",
        "Poland will give Ukraine 4 billion zlotys in military aid this year.",
        M(4e9, "PLN", donor="Poland", recipient="Ukraine", status="pledged", cat="military", years=(2025, 2025)),
    ),
    C(
        "de-swiss-fr-01",
        "de",
        "2025-03-02",
        "Der Bundesrat stellt der Ukraine bis 2028 insgesamt 1,5 Mrd. Fr. für den Wiederaufbau bereit.",
        M(1.5e9, "CHF", recipient="Ukraine", status="pledged", cat="reconstruction"),
    ),
]

CASES = tg.register_round(CASES_CLAIMS_AND_PER_HEAD)


@pytest.mark.parametrize("case", CASES)
def test_passage(case: tg.Case) -> None:
    tg.test_passage(case)
