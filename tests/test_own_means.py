"""Money a country spends on its own budget, army or fund is no support; money or equipment that comes out of
them for Ukraine is ("aus Beständen der Bundeswehr", "uit de defensiebegroting", "from the defence budget").

Passages written for this file; rows and matching are those of test_generalisation.py.
"""

from __future__ import annotations

import pytest
import test_generalisation as tg
from test_generalisation import C, D, M, Q

CASES_OWN_MEANS = [
    C(
        "de-own-means-aus-bestaenden-der-bundeswehr-01",
        "de",
        "2024-11-01",
        "Deutschland liefert der Ukraine 20 Schützenpanzer Marder aus Beständen der Bundeswehr.",
        Q(20, "Marder", donor="Germany", status="pledged", cat="military"),
    ),
    C(
        "de-own-means-aus-dem-verteidigungshaushalt-01",
        "de",
        "2024-11-01",
        "Aus dem Verteidigungshaushalt stellt die Bundesregierung 2025 weitere 4 Milliarden Euro für die Ukraine "
        "bereit.",
        M(4e9, "EUR", donor="Germany", status="pledged", cat="military", years=(2025, 2025)),
    ),
    D(
        "de-own-means-verteidigungshaushalt-steigt-01",
        "de",
        "2024-11-01",
        "Der Verteidigungshaushalt steigt im kommenden Jahr auf 53 Milliarden Euro.",
    ),
    D(
        "de-own-means-staatsfonds-wert-01",
        "de",
        "2024-11-01",
        "Der norwegische Staatsfonds ist inzwischen mehr als 1,6 Billionen Euro wert.",
    ),
    C(
        "nl-own-means-uit-de-defensiebegroting-01",
        "nl",
        "2024-11-01",
        "Het kabinet trekt 2 miljard euro uit de defensiebegroting uit voor militaire steun aan Oekraïne.",
        M(2e9, "EUR", donor="Netherlands", status="pledged", cat="military"),
    ),
    D(
        "nl-own-means-defensiebegroting-stijgt-01",
        "nl",
        "2024-11-01",
        "De defensiebegroting stijgt volgend jaar naar 24 miljard euro.",
    ),
    D(
        "nl-own-means-staatsoliefonds-waard-01",
        "nl",
        "2024-11-01",
        "Het Noorse staatsoliefonds is inmiddels ruim 15.000 miljard kronen waard.",
    ),
    C(
        "nl-own-means-van-de-eigen-krijgsmacht-01",
        "nl",
        "2024-11-01",
        "Nederland levert Oekraïne 14 Leopard 2-tanks uit de voorraad van de eigen krijgsmacht.",
        Q(14, "Leopard 2 tank", donor="Netherlands", status="pledged", cat="military"),
    ),
    D(
        "nl-own-means-voor-de-eigen-krijgsmacht-01",
        "nl",
        "2024-11-01",
        "Nederland bestelt 46 nieuwe Leopard 2-tanks voor de eigen krijgsmacht.",
    ),
    C(
        "en-own-means-from-the-defence-budget-01",
        "en",
        "2024-11-01",
        "Britain will take £1 billion from the defence budget to fund military aid for Ukraine this year.",
        M(1e9, "GBP", donor="United Kingdom", status="pledged", cat="military", years=(2024, 2024)),
    ),
    D(
        "en-own-means-defence-budget-rises-01",
        "en",
        "2024-11-01",
        "The UK's defence budget will rise to £64 billion next year.",
    ),
    D(
        "en-own-means-wealth-fund-worth-01",
        "en",
        "2024-11-01",
        "Norway's sovereign wealth fund is now worth more than $1.7 trillion.",
    ),
]

tg.register_round(CASES_OWN_MEANS)


@pytest.mark.parametrize("case", CASES_OWN_MEANS)
def test_passage(case: tg.Case) -> None:
    tg.test_passage(case)
