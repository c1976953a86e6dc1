"""Generalisation probe, round 6: passages for the rules added after the third round of whole test articles.

The third round (tests/articles, 24 more documents: quarterly overviews with tables, live blogs, interviews,
Council conclusions, a Bundestag summary, a Kamerbrief on a fund, regional papers, correction notices, articles
about Russia's economy) showed these gaps; each passage below was written for this file and checks one general rule:
list introductions that allot money ("toegewezen", "toezeggingen gedaan", "contracted") and break the package
before them down ("Daarvan …:", "hieruit", "from this envelope"); correction notices (a wrong figure is never a
mention, a corrected one restates the body, also in the sentences after the cue); budget cuts, global budgets,
plans under discussion, loans to EU member states, a need ("nodig"), a company's turnover, a donor's own defence
budget; amounts in roubles and their conversions; a difference between two levels ("3 Milliarden Euro mehr als im
Vorjahr"); counts written with "million", helmets, a model number that is no count (LAV 6), Dutch singular
"pantserhouwitser", past tenses "beloofde" and "schickte"; drones launched by Russia and a production capacity;
parts announced a few sentences after their package ("Davon …"), "het grootste deel", "van dat bedrag", the next
share of a breakdown ("Weitere 40 Millionen Euro …"), and equipment inside a money package ("The package includes …").

Expectations follow PLEDGES.md (not the pipeline's output); rows and matching are those of
``test_generalisation.py``, whose ``test_passage`` runs each case.
"""

from __future__ import annotations

import pytest
import test_generalisation as tg
from test_generalisation import C, D, M, Q

EN_R6 = [
    C(
        "en-r6-table-from-this-envelope-01",
        "en",
        "2025-04-15",
        "Budget 2025 sets aside CAD 1 billion for military assistance to Ukraine in 2025.\n\n"
        "The following commitments were made from this envelope in the first quarter:\n\n"
        "Commitment | Amount | Status\nWinter equipment | CAD 60 million | contracted\n"
        "Satellite imagery | CAD 25 million | contracted\n",
        M(1e9, "CAD", donor="Canada", status="pledged", scope="package", cat="military", years=(2025, 2025)),
        M(60e6, "CAD", donor="Canada", status="pledged", scope="part", part_of=0, years=(2025, 2025)),
        M(25e6, "CAD", donor="Canada", status="pledged", scope="part", part_of=0, years=(2025, 2025)),
    ),
    C(
        "en-r6-correction-restates-body-01",
        "en",
        "2025-03-02",
        "Portugal will contribute €40 million to the drone coalition this year, the defence minister said.\n\n"
        "Correction: An earlier version of this article gave the contribution as €400 million; the correct figure "
        "is €40 million.",
        M(40e6, "EUR", donor="Portugal", status="pledged", scope="package", years=(2025, 2025)),
    ),
    C(
        "en-r6-roubles-and-conversion-01",
        "en",
        "2024-10-01",
        "Finland will send Ukraine military aid worth €200 million this year. The finance ministry in Moscow wants to "
        "raise value added tax, which it expects to bring in about 1.3 trillion roubles a year.",
        M(200e6, "EUR", donor="Finland", status="pledged", scope="package", cat="military", years=(2024, 2024)),
    ),
    D(
        "en-r6-distractor-loans-to-member-states-01",
        "en",
        "2025-05-28",
        "The SAFE instrument will provide up to €150 billion in loans to member states for joint defence "
        "procurement, which may also benefit Ukraine.",
    ),
    D(
        "en-r6-distractor-budget-cuts-01",
        "en",
        "2025-02-10",
        "The government announced budget cuts of £2 billion to overseas aid, while stressing that support for "
        "Ukraine would be protected.",
    ),
    C(
        "en-r6-count-in-millions-01",
        "en",
        "2024-02-20",
        "The EU pledged to provide two million artillery shells to Ukraine within twelve months.",
        Q(2_000_000, "artillery shell", donor="EU", status="pledged", cat="military/ammunition"),
    ),
    D(
        "en-r6-distractor-production-capacity-01",
        "en",
        "2025-01-14",
        "European industry has delivered more than expected and raised its annual production capacity to two "
        "million shells.",
    ),
    C(
        "en-r6-drones-launched-by-russia-01",
        "en",
        "2025-07-01",
        "Canada will send 500 drones to Ukraine this year. In July alone, Russian forces launched more than 6,000 "
        "drones against Ukraine, according to Ukraine's air force.",
        Q(500, "drone", donor="Canada", status="pledged", cat="military/drones"),
    ),
    C(
        "en-r6-lav-model-number-01",
        "en",
        "2024-08-01",
        "Canada has delivered the following vehicles to Ukraine:\n\nVehicle | Quantity\nLAV 6 armoured vehicles | 39\n",
        Q(39, "LAV armoured vehicle", donor="Canada", status="delivered", cat="military/armour"),
    ),
    C(
        "en-r6-package-includes-equipment-01",
        "en",
        "2025-05-20",
        "Italy will provide €300 million in military aid to Ukraine this year. The package includes 12 "
        "self-propelled howitzers.",
        M(300e6, "EUR", donor="Italy", status="pledged", scope="package", cat="military", years=(2025, 2025)),
        Q(12, "howitzer", donor="Italy", status="pledged", scope="part", part_of=0, cat="military/artillery"),
    ),
]

NL_R6 = [
    C(
        "nl-r6-tabel-daarvan-toegewezen-01",
        "nl",
        "2025-11-03",
        "Het kabinet reserveert € 2 miljard voor militaire steun aan Oekraïne in 2026. Daarvan is het volgende deel "
        "al toegewezen:\n\nOnderdeel | Bedrag\nArtilleriemunitie | € 500 miljoen\nMijnenbestrijding | € 150 miljoen\n",
        M(2e9, "EUR", donor="Netherlands", status="pledged", scope="package", cat="military", years=(2026, 2026)),
        M(500e6, "EUR", donor="Netherlands", status="pledged", scope="part", part_of=0, years=(2026, 2026)),
        M(150e6, "EUR", donor="Netherlands", status="pledged", scope="part", part_of=0, years=(2026, 2026)),
    ),
    C(
        "nl-r6-opsomming-hieruit-toezeggingen-01",
        "nl",
        "2025-07-10",
        "Nederland heeft voor 2025 € 3 miljard beschikbaar voor militaire steun. In het tweede kwartaal zijn hieruit "
        "de volgende toezeggingen gedaan:\n- € 120 miljoen voor radars;\n- € 80 miljoen voor munitie.",
        M(3e9, "EUR", donor="Netherlands", status="pledged", scope="package", cat="military", years=(2025, 2025)),
        M(120e6, "EUR", donor="Netherlands", status="pledged", scope="part", part_of=0),
        M(80e6, "EUR", donor="Netherlands", status="pledged", scope="part", part_of=0, cat="military/ammunition"),
    ),
    C(
        "nl-r6-rectificatie-volgende-zin-01",
        "nl",
        "2025-06-12",
        "Zweden trekt 1,5 miljard kronen uit voor luchtverdediging van Oekraïne.\n\nRectificatie: in een eerdere "
        "versie van dit artikel stond dat het om 15 miljard kronen ging. Ook stond er dat Zweden 40 drones levert; "
        "dat zijn er 400.",
        M(1.5e9, "SEK", donor="Sweden", status="pledged", scope="package", cat="military/air_defence"),
    ),
    D(
        "nl-r6-distractor-bezuinigingen-01",
        "nl",
        "2025-02-18",
        "Het budget voor Oekraïne staat los van de bezuinigingen van 1,8 miljard euro op ontwikkelingshulp.",
    ),
    D(
        "nl-r6-distractor-nodig-01",
        "nl",
        "2025-09-01",
        "Volgens Kyiv is volgend jaar ongeveer 40 miljard dollar aan militaire steun nodig.",
    ),
    D(
        "nl-r6-distractor-omzet-01",
        "nl",
        "2025-10-01",
        "De dronebouwer, die drones aan Oekraïne levert, maakte vorig jaar een omzet van 9 miljoen euro.",
    ),
    C(
        "nl-r6-defensiebegroting-na-toewijzing-01",
        "nl",
        "2025-09-16",
        "Nederland heeft dit jaar € 500 miljoen toegewezen aan luchtverdediging voor Oekraïne.\n\nTer vergelijking: de "
        "Nederlandse defensiebegroting bedraagt volgend jaar ruim € 24 miljard.",
        M(500e6, "EUR", donor="Netherlands", status="pledged", cat="military/air_defence", years=(2025, 2025)),
    ),
    D(
        "nl-r6-distractor-roebel-omgerekend-01",
        "nl",
        "2024-10-30",
        "Het Kremlin trekt volgend jaar 13 biljoen roebel uit voor defensie, omgerekend zo'n 125 miljard euro.",
    ),
    C(
        "nl-r6-beloofde-01",
        "nl",
        "2025-09-18",
        "België beloofde 30 F-16-gevechtsvliegtuigen.",
        Q(30, "F-16", donor="Belgium", status="pledged", cat="military/aircraft"),
    ),
    C(
        "nl-r6-tabel-pantserhouwitser-enkelvoud-01",
        "nl",
        "2025-10-15",
        "Door Nederland geleverd sinds februari 2022:\n\nMaterieel | Aantal\nPantserhouwitser | 8\n",
        Q(8, "howitzer", donor="Netherlands", status="delivered", scope="running_total", cat="military/artillery"),
    ),
    C(
        "nl-r6-grootste-deel-en-daarnaast-01",
        "nl",
        "2025-07-12",
        "Nederland zegt 90 miljoen euro toe voor de wederopbouw van Oekraïne. Het grootste deel, 60 miljoen euro, "
        "gaat naar het energienet. Daarnaast gaat 20 miljoen euro naar het herstel van scholen.",
        M(90e6, "EUR", donor="Netherlands", status="pledged", scope="package", cat="reconstruction"),
        M(60e6, "EUR", donor="Netherlands", status="pledged", scope="part", part_of=0),
        M(20e6, "EUR", donor="Netherlands", status="pledged", scope="part", part_of=0),
    ),
    C(
        "nl-r6-van-dat-bedrag-01",
        "nl",
        "2025-11-05",
        "Duitsland heeft voor 2026 11 miljard euro gereserveerd voor militaire steun aan Oekraïne. Van dat bedrag is "
        "ongeveer 1 miljard euro bestemd voor drones.",
        M(11e9, "EUR", donor="Germany", status="pledged", scope="package", cat="military", years=(2026, 2026)),
        M(1e9, "EUR", donor="Germany", qualifier="about", scope="part", part_of=0, years=(2026, 2026)),
    ),
]

DE_R6 = [
    D(
        "de-r6-distractor-gekuerzt-01",
        "de",
        "2025-07-11",
        "Der Etat des Entwicklungsministeriums wird im kommenden Jahr um 900 Millionen Euro gekürzt.",
    ),
    D(
        "de-r6-distractor-hilfe-weltweit-01",
        "de",
        "2025-11-28",
        "Der Etat des Auswärtigen Amts für humanitäre Hilfe weltweit sinkt auf 1,1 Milliarden Euro.",
    ),
    D(
        "de-r6-distractor-im-gespraech-01",
        "de",
        "2025-02-24",
        "Im Gespräch ist ein zusätzliches Paket von 3 Milliarden Euro für die Ukraine.",
    ),
    C(
        "de-r6-differenz-zum-vorjahr-01",
        "de",
        "2025-11-28",
        "Deutschland hat für die Ukraine im kommenden Jahr 9 Milliarden Euro veranschlagt, rund 2 Milliarden Euro "
        "mehr als im laufenden Jahr.",
        M(9e9, "EUR", donor="Germany", status="pledged", scope="package", years=(2026, 2026)),
    ),
    C(
        "de-r6-korrektur-frueherer-eintrag-01",
        "de",
        "2025-10-15",
        "09:40 Uhr\nDeutschland liefert der Ukraine zwei weitere IRIS-T-Systeme, sagt Pistorius.\n\n15:10 Uhr\n"
        "Korrektur: In einem früheren Eintrag hieß es, Deutschland liefere drei IRIS-T-Systeme. Richtig ist: zwei.",
        Q(2, "IRIS-T system", donor="Germany", status="pledged", cat="military/air_defence"),
    ),
    C(
        "de-r6-helme-schickte-01",
        "de",
        "2025-02-24",
        "Zu Beginn des Krieges schickte Deutschland 5.000 Helme in die Ukraine.",
        Q(5000, "helmet", donor="Germany", status="delivered", cat="military"),
    ),
    C(
        "de-r6-davon-drei-saetze-spaeter-01",
        "de",
        "2024-11-27",
        "Belgien stellt 20 Millionen Euro für Winterhilfe in der Ukraine bereit. Das hat die Regierung am Mittwoch "
        "beschlossen. Das Geld soll bis März ausgegeben werden.\n\nDavon gehen 8 Millionen Euro an das "
        "Welternährungsprogramm. Weitere 5 Millionen Euro erhält das Rote Kreuz.",
        M(20e6, "EUR", donor="Belgium", status="pledged", scope="package", cat="humanitarian"),
        M(8e6, "EUR", donor="Belgium", status="pledged", scope="part", part_of=0),
        M(5e6, "EUR", donor="Belgium", status="pledged", scope="part", part_of=0),
    ),
    D(
        "de-r6-distractor-rubel-01",
        "de",
        "2024-10-02",
        "Nach dem Haushaltsentwurf sollen 2025 rund 13,5 Billionen Rubel in die Verteidigung fließen, umgerechnet "
        "etwa 130 Milliarden Euro.",
    ),
]

ALL_R6 = EN_R6 + NL_R6 + DE_R6
CASES_R6 = tg.register_round(ALL_R6)


@pytest.mark.parametrize("case", CASES_R6)
def test_passage(case: tg.Case) -> None:
    tg.test_passage(case)


def test_table_is_well_formed() -> None:
    ids = [p.values[0].id for p in ALL_R6]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    for p in ALL_R6:
        case = p.values[0]
        assert case.id.startswith(case.language + "-r6-"), case.id
        for exp in case.expected:
            if "part_of" in exp:
                assert 0 <= exp["part_of"] < len(case.expected), case.id
