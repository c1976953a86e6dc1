"""Where a sentence ends: before a German or French-style opening quotation mark („…“, «…»), so a quote's
words ("braucht", a demand) do not reach the figure before it; and not after a scale abbreviation followed by a
currency of two words ("12 mld. Zweedse kronen", "1,5 Mrd. Schweizer Franken"). Passages written for this file;
rows and matching are those of test_generalisation.py."""

from __future__ import annotations

import pytest
import test_generalisation as tg
from test_generalisation import C, M, Q

CASES_SENTENCE_ENDS = [
    C(
        "de-low-quote-opens-sentence-01",
        "de",
        "2025-06-01",
        "Spanien hat der Ukraine 40 Lastwagen übergeben. „Die Ukraine braucht jetzt Verlässlichkeit“, sagte die "
        "Ministerin.",
        Q(40, "vehicle", donor="Spain", status="delivered"),
    ),
    C(
        "de-guillemet-opens-sentence-01",
        "de",
        "2025-06-01",
        "Frankreich liefert 6 CAESAR-Haubitzen an die Ukraine. «Wir verlangen mehr Tempo», sagte ein Abgeordneter.",
        Q(6, "CAESAR howitzer", donor="France", status="pledged"),
    ),
    C(
        "nl-two-word-currency-after-mld-01",
        "nl",
        "2025-06-01",
        "Met een bedrag van 12 mld. Zweedse kronen steunt Zweden dit jaar munitie voor Oekraïne.",
        M(12e9, "SEK", donor="Sweden", status="pledged", cat="military/ammunition"),
    ),
    C(
        "de-two-word-currency-after-mrd-01",
        "de",
        "2025-06-01",
        "Die Schweiz gibt 1,5 Mrd. Schweizer Franken für den Wiederaufbau der Ukraine.",
        M(1.5e9, "CHF", donor="Switzerland", status="pledged", cat="reconstruction"),
    ),
]

CASES = tg.register_round(CASES_SENTENCE_ENDS)


@pytest.mark.parametrize("case", CASES)
def test_passage(case: tg.Case) -> None:
    tg.test_passage(case)
