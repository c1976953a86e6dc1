"""Plural model names ("8 CV90s", "two Leopard 2s", "drei Patriots") are items; Czech crowns are CZK; and a
probe of distractors: Ukraine's own budget, needs and reconstruction estimates, Russian losses, share prices
and revenues, power capacity, polls, GDP and inflation, frozen assets, commercial contracts, NATO's spending
target, refugees, a country's own armed forces, unit prices, Russia's budget; none of them is support.
Passages written for this file; rows and matching are those of test_generalisation.py."""

from __future__ import annotations

import pytest
import test_generalisation as tg
from test_generalisation import C, M, Q

CASES_PLURALS = [
    C(
        "en-plural-cv90s-01",
        "en",
        "2025-06-01",
        "Sweden will send 8 CV90s, its defence minister told reporters on Tuesday, bringing the total to 58.",
        Q(8, "CV90", donor="Sweden", status="pledged"),
    ),
    C(
        "en-plural-leopard-2s-01",
        "en",
        "2025-06-01",
        "Poland has sent two Leopard 2s and 14 Krabs to Ukraine.",
        Q(2, "Leopard 2 tank", donor="Poland", status="delivered"),
        Q(14, "Krab howitzer", donor="Poland", status="delivered"),
    ),
    C(
        "nl-plural-gepards-01",
        "nl",
        "2025-06-01",
        "Duitsland stuurt drie Gepards naar Oekraïne.",
        Q(3, "Gepard", donor="Germany", status="pledged"),
    ),
    C(
        "de-plural-patriots-01",
        "de",
        "2025-06-01",
        "Deutschland liefert zwei weitere Patriots an die Ukraine.",
        Q(2, "Patriot system", donor="Germany"),
    ),
]

CASES_CROWNS = [
    C(
        "en-czech-crowns-01",
        "en",
        "2025-06-01",
        "The Czech government pledged 1.5 billion crowns for ammunition for Ukraine.",
        M(1.5e9, "CZK", donor="Czechia", status="pledged", cat="military/ammunition"),
    ),
    C(
        "de-tschechische-kronen-01",
        "de",
        "2025-06-01",
        "Tschechien stellt der Ukraine weitere 800 Millionen Kronen für Munition bereit.",
        M(800e6, "CZK", donor="Czechia", status="pledged", cat="military/ammunition"),
    ),
]

CASES_DISTRACTORS = [
    C(
        "en-distractor-probe-01",
        "en",
        "2025-06-01",
        "Ukraine's 2026 state budget foresees defence spending of UAH 2.8 trillion, about $67 billion.",
    ),
    C(
        "en-distractor-probe-02",
        "en",
        "2025-06-01",
        "The IMF estimates Ukraine's external financing needs at $136.5 billion for 2026 and 2027.",
    ),
    C(
        "en-distractor-probe-03",
        "en",
        "2025-06-01",
        "Russia has lost more than 11,000 tanks since February 2022, according to Ukraine's General Staff.",
    ),
    C(
        "en-distractor-probe-04",
        "en",
        "2025-06-01",
        "Shares of Rheinmetall rose 4% to €1,650 after the company reported revenue of €9.8 billion.",
    ),
    C(
        "en-distractor-probe-05",
        "en",
        "2025-06-01",
        "Russian strikes have knocked out about 9 GW of Ukraine's generating capacity this winter.",
    ),
    C(
        "en-distractor-probe-06",
        "en",
        "2025-06-01",
        "A poll found that 62% of Germans support sending more weapons; 1,012 people were asked.",
    ),
    C(
        "en-distractor-probe-07",
        "en",
        "2025-06-01",
        "The World Bank puts the cost of reconstruction at $524 billion over the next decade.",
    ),
    C(
        "en-distractor-probe-08",
        "en",
        "2025-06-01",
        "Ukraine's economy grew 2.9% last year, and inflation slowed to 12%.",
    ),
    C(
        "en-distractor-probe-09",
        "en",
        "2025-06-01",
        "Some €210 billion of Russian central bank assets are immobilised in the EU, most of it at Euroclear.",
    ),
    C(
        "en-distractor-probe-10",
        "en",
        "2025-06-01",
        "Ukrainian drone maker Skyeton signed a €40 million contract with a Slovak partner to build drones there.",
    ),
    C(
        "en-distractor-probe-11",
        "en",
        "2025-06-01",
        "NATO allies agreed to spend 5% of GDP on defence by 2035.",
    ),
    C(
        "en-distractor-probe-12",
        "en",
        "2025-06-01",
        "More than 6.9 million Ukrainian refugees are recorded in Europe, the UNHCR said.",
    ),
    C(
        "en-distractor-probe-13",
        "en",
        "2025-06-01",
        "The Netherlands spends €22 billion on its own armed forces in 2025.",
    ),
    C(
        "nl-distractor-probe-01",
        "nl",
        "2025-06-01",
        "De Oekraïense economie kromp in 2022 met 29 procent; het begrotingstekort bedraagt 20 procent van het bbp.",
    ),
    C(
        "nl-distractor-probe-02",
        "nl",
        "2025-06-01",
        "Volgens de Wereldbank kost de wederopbouw van Oekraïne 486 miljard dollar.",
    ),
    C(
        "nl-distractor-probe-03",
        "nl",
        "2025-06-01",
        "Rusland verloor volgens Kyiv al ruim 9.000 tanks en 19.000 artilleriesystemen.",
    ),
    C(
        "nl-distractor-probe-04",
        "nl",
        "2025-06-01",
        "Het aandeel Thales steeg met 3 procent naar 250 euro.",
    ),
    C(
        "nl-distractor-probe-05",
        "nl",
        "2025-06-01",
        "In Nederland wonen ongeveer 120.000 Oekraïense vluchtelingen; hun opvang kost gemeenten 1,2 miljard euro "
        "per jaar.",
    ),
    C(
        "nl-distractor-probe-06",
        "nl",
        "2025-06-01",
        "De Russische defensiebegroting stijgt naar 13,5 biljoen roebel.",
    ),
    C(
        "nl-distractor-probe-07",
        "nl",
        "2025-06-01",
        "Een Patriot-raket kost ongeveer 4 miljoen euro per stuk.",
    ),
    C(
        "nl-distractor-probe-08",
        "nl",
        "2025-06-01",
        "Defensie koopt voor de eigen krijgsmacht 46 nieuwe Leopard 2A8-tanks voor 1,3 miljard euro.",
    ),
    C(
        "nl-distractor-probe-09",
        "nl",
        "2025-06-01",
        "Oekraïne heeft met een Deens bedrijf een contract van 300 miljoen euro gesloten voor de bouw van een fabriek.",
    ),
    C(
        "de-distractor-probe-01",
        "de",
        "2025-06-01",
        "Der ukrainische Staatshaushalt sieht für 2026 Verteidigungsausgaben von 2,8 Billionen Hrywnja vor.",
    ),
    C(
        "de-distractor-probe-02",
        "de",
        "2025-06-01",
        "Laut Weltbank beläuft sich der Wiederaufbaubedarf der Ukraine auf 524 Milliarden US-Dollar.",
    ),
    C(
        "de-distractor-probe-03",
        "de",
        "2025-06-01",
        "Russland hat nach ukrainischen Angaben mehr als 700.000 Soldaten verloren.",
    ),
    C(
        "de-distractor-probe-04",
        "de",
        "2025-06-01",
        "Die Rheinmetall-Aktie legte um 5 Prozent auf 1.700 Euro zu.",
    ),
    C(
        "de-distractor-probe-05",
        "de",
        "2025-06-01",
        "In Deutschland leben rund 1,2 Millionen Geflüchtete aus der Ukraine.",
    ),
    C(
        "de-distractor-probe-06",
        "de",
        "2025-06-01",
        "Die Bundeswehr bestellt für sich selbst 105 Leopard-2-Panzer für 2,9 Milliarden Euro.",
    ),
    C(
        "de-distractor-probe-07",
        "de",
        "2025-06-01",
        "Ein Taurus-Marschflugkörper kostet rund eine Million Euro.",
    ),
    C(
        "de-distractor-probe-08",
        "de",
        "2025-06-01",
        "Die EU hat rund 210 Milliarden Euro russischer Zentralbankgelder eingefroren.",
    ),
    C(
        "de-distractor-probe-09",
        "de",
        "2025-06-01",
        "Nach einer Umfrage befürworten 54 Prozent der Deutschen weitere Waffenlieferungen an die Ukraine.",
    ),
]

CASES = tg.register_round(CASES_PLURALS + CASES_CROWNS + CASES_DISTRACTORS)


@pytest.mark.parametrize("case", CASES)
def test_passage(case: tg.Case) -> None:
    tg.test_passage(case)
