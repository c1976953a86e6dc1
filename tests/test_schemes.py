"""A country named as the owner of a scheme ("het Amerikaanse PURL-mechanisme", "the Danish model", "der
tschechischen Munitionsinitiative") is neither where the support goes nor who gives it (a country's own fund
does give: tests/test_generalisation_r7.py); "sich beteiligen mit" gives.

Passages written for this file; rows and matching are those of test_generalisation.py."""

from __future__ import annotations

import pytest
import test_generalisation as tg
from test_generalisation import C, M

CASES_SCHEMES = [
    C(
        "nl-scheme-amerikaanse-purl-mechanisme-01",
        "nl",
        "2025-07-15",
        "Het kabinet trekt 300 miljoen euro uit voor het Amerikaanse PURL-mechanisme.",
        M(300e6, "EUR", donor="Netherlands", recipient="Ukraine", status="pledged"),
    ),
    C(
        "de-scheme-tschechische-munitionsinitiative-01",
        "de",
        "2024-06-12",
        "Schweden beteiligt sich mit 100 Millionen Euro an der tschechischen Munitionsinitiative.",
        M(100e6, "EUR", donor="Sweden", recipient="Ukraine", status="pledged", cat="military/ammunition"),
    ),
    C(
        "en-scheme-danish-model-01",
        "en",
        "2024-11-01",
        "Norway will give NOK 500 million to the Danish model for Ukrainian howitzer production.",
        M(500e6, "NOK", donor="Norway", recipient="Ukraine", status="pledged", cat="military"),
    ),
    C(
        "nl-scheme-britse-fonds-01",
        "nl",
        "2024-11-01",
        "België geeft 200 miljoen euro aan het Britse fonds voor drones voor Oekraïne.",
        M(200e6, "EUR", donor="Belgium", recipient="Ukraine", status="pledged", cat="military/drones"),
    ),
    C(
        "nl-scheme-tsjechische-initiatief-not-the-donor-01",
        "nl",
        "2024-11-01",
        "Nederland steunt Oekraïne al jaren. Via het Tsjechische initiatief gaat nog eens 100 miljoen euro naar "
        "munitie.",
        M(100e6, "EUR", donor="Netherlands", recipient="Ukraine", status="pledged", cat="military/ammunition"),
    ),
    C(
        "de-scheme-tschechische-munitionsinitiative-not-the-donor-01",
        "de",
        "2024-11-01",
        "Über die tschechische Munitionsinitiative finanziert Deutschland weitere 300 Millionen Euro.",
        M(300e6, "EUR", donor="Germany", recipient="Ukraine", status="pledged", cat="military/ammunition"),
    ),
    C(
        "en-scheme-support-to-poland-stays-poland-01",
        "en",
        "2024-11-01",
        "Sweden will send SEK 1 billion to Poland for its air defence.",
        M(1e9, "SEK", donor="Sweden", recipient="Poland", status="pledged"),
    ),
]

tg.register_round(CASES_SCHEMES)


@pytest.mark.parametrize("case", CASES_SCHEMES)
def test_passage(case: tg.Case) -> None:
    tg.test_passage(case)
