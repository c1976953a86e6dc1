"""Generalisation probe, round 5: passages in styles and phrasings the earlier rounds covered thinly.

Written answers to parliament (Antwort der Bundesregierung, Aanhangsel/Kamervragen, UK written answers),
ministry fact sheets with "Item | Quantity" tables, think-tank trackers (allocations, commitments), wire
copy (dpa, ANP, AP) with the attribution in the middle of the sentence, figures written as "EUR 1.4bn",
"1,4 mrd. euro", "1.5 billion Swiss francs", "NOK 10 billion", SEK and DKK, number words ("drei
Milliarden", "vijftig", "a dozen"; "hundreds of" is no count), ranges, per-year rates beside totals,
"up to" / "at least" / "nearly", loans vs grants, humanitarian, energy and reconstruction aid, several
donors in one sentence, donors named by adjective or capital ("Norwegian", "Den Haag", "Berlin"), an EU
instrument and a member state's share of it, past deliveries beside new pledges, delayed deliveries, and
numbers that are not support: a Ukrainian minister's request, Russia's spending, a donor's own defence
budget, unit prices, export licences, a cancelled package, a refused sale.

Every passage was written for this file.  Expectations follow PLEDGES.md (not the pipeline's output);
rows and matching are those of ``test_generalisation.py``, whose ``test_passage`` runs each case.
Failing rows are strict xfails in ``KNOWN_GAPS_R5`` with a comment saying what the pipeline returned.
"""

from __future__ import annotations

import pytest
import test_generalisation as tg
from test_generalisation import RT_DELIVERED, C, D, M, Q

RT_PLEDGED = {"status": "pledged", "scope": "running_total"}

# --------------------------------------------------------------------------------------
# English
# --------------------------------------------------------------------------------------

EN_R5 = [
    C(
        "en-r5-written-answer-including-01",
        "en",
        "2024-03-14",
        "Ukraine: Military Aid\nQuestion for Ministry of Defence, UIN 17342\n\nAnswer: In this financial year "
        "the Government will provide £2.5 billion in military support to Ukraine, including £325 million for "
        "drones.",
        M(2.5e9, "GBP", donor="United Kingdom", status="pledged", scope="package", cat="military", years=(2024, 2024)),
        M(325e6, "GBP", donor="United Kingdom", status="pledged", scope="part", part_of=0, cat="military/drones"),
    ),
    C(
        "en-r5-fact-sheet-item-quantity-01",
        "en",
        "2024-07-01",
        "Fact sheet: UK military assistance to Ukraine\n\nEquipment the UK has provided since February 2022:\n"
        "Item | Quantity\nChallenger 2 tanks | 14\nAS90 self-propelled howitzers | 30",
        Q(14, "Challenger 2 tank", donor="United Kingdom", status="delivered", cat="military/armour"),
        Q(30, "AS90 howitzer", donor="United Kingdom", status="delivered", cat="military/artillery"),
    ),
    C(
        "en-r5-tracker-allocations-reached-01",
        "en",
        "2024-12-10",
        "According to the Kiel Institute's Ukraine Support Tracker, Germany's military allocations to Ukraine "
        "since the start of the war reached €10.6 billion by the end of October.",
        M(10.6e9, "EUR", donor="Germany", cat="military", years=(2022, 2024), **RT_DELIVERED),
    ),
    C(
        "en-r5-tracker-table-allocations-01",
        "en",
        "2024-10-15",
        "Largest military allocations to Ukraine since February 2022 (Kiel Institute):\n"
        "Donor | Allocated\nGermany | €10.6 billion\nUnited Kingdom | €9.4 billion",
        M(10.6e9, "EUR", donor="Germany", cat="military", years=(2022, 2024), **RT_DELIVERED),
        M(9.4e9, "EUR", donor="United Kingdom", cat="military", years=(2022, 2024), **RT_DELIVERED),
    ),
    C(
        "en-r5-wire-mid-attribution-total-01",
        "en",
        "2024-04-08",
        "Norway will give Ukraine NOK 10 billion in additional military aid this year, Defence Minister "
        "Bjørn Arild Gram said on Monday, bringing its total support since 2022 to more than NOK 90 billion.",
        M(10e9, "NOK", donor="Norway", status="pledged", scope="package", cat="military", years=(2024, 2024)),
        M(90e9, "NOK", donor="Norway", qualifier="at_least", **RT_PLEDGED),
    ),
    C(
        "en-r5-swiss-francs-until-01",
        "en",
        "2024-04-10",
        "Switzerland will provide 1.5 billion Swiss francs for Ukraine's reconstruction until 2028, the Federal "
        "Council said in Bern on Wednesday.",
        M(1.5e9, "CHF", donor="Switzerland", status="pledged", cat="reconstruction", years=(2024, 2028)),
    ),
    C(
        "en-r5-eib-eur-bn-loans-01",
        "en",
        "2024-06-12",
        "The European Investment Bank signed EUR 1.4bn in loans to Ukraine for the repair of power and water "
        "networks, the bank said.",
        M(1.4e9, "EUR", donor="EU", status="pledged", cat="financial"),
    ),
    C(
        "en-r5-ap-wire-including-items-01",
        "en",
        "2024-10-17",
        "The United States will send Ukraine another $425 million in weapons, including air defence interceptors "
        "and armoured vehicles, U.S. officials said Thursday.",
        M(425e6, "USD", donor="United States", status="pledged", cat="military"),
    ),
    C(
        "en-r5-fund-per-year-rate-01",
        "en",
        "2024-05-21",
        "Denmark's Ukraine Fund now holds DKK 69.1 billion for 2023-2028, about DKK 11.5 billion a year, the "
        "Danish defence ministry said.",
        M(69.1e9, "DKK", donor="Denmark", status="pledged", years=(2023, 2028)),
    ),
    C(
        "en-r5-up-to-loans-next-year-01",
        "en",
        "2024-06-15",
        "Canada will provide up to CAD 2.4 billion in loans to Ukraine next year, the finance minister said.",
        M(2.4e9, "CAD", donor="Canada", qualifier="at_most", status="pledged", cat="financial", years=(2025, 2025)),
    ),
    C(
        "en-r5-nearly-adjective-donor-01",
        "en",
        "2024-05-28",
        "Nearly €1 billion in Belgian military aid will reach Ukraine in 2025, the prime minister said.",
        M(1e9, "EUR", donor="Belgium", qualifier="about", status="pledged", cat="military", years=(2025, 2025)),
    ),
    C(
        "en-r5-count-range-01",
        "en",
        "2024-02-07",
        "Portugal will send Ukraine between 20 and 30 armoured personnel carriers, the defence ministry in Lisbon "
        "said.",
        Q(20, "armoured personnel carrier", donor="Portugal", qualifier="at_least", status="pledged"),
    ),
    C(
        "en-r5-money-range-01",
        "en",
        "2024-05-27",
        "Spain's new package for Ukraine is worth €800-900 million, El País reported, citing government sources.",
        M(800e6, "EUR", donor="Spain", qualifier="at_least", status="pledged", scope="package"),
    ),
    C(
        "en-r5-a-dozen-01",
        "en",
        "2024-03-20",
        "Sweden will hand over a dozen CV90 infantry fighting vehicles to Ukraine, Stockholm said.",
        Q(12, "CV90", donor="Sweden", status="pledged", cat="military/armour"),
    ),
    C(
        "en-r5-grant-and-loan-two-donors-01",
        "en",
        "2024-06-11",
        "At the recovery conference Britain pledged £100 million in grants and Japan a $500 million loan for "
        "Ukraine's energy sector.",
        M(100e6, "GBP", donor="United Kingdom", status="pledged"),
        M(500e6, "USD", donor="Japan", status="pledged", cat="financial"),
    ),
    C(
        "en-r5-capital-as-donor-01",
        "en",
        "2024-01-30",
        "Oslo will fund air defence systems for Ukraine worth NOK 3 billion, the government announced.",
        M(3e9, "NOK", donor="Norway", status="pledged", cat="military/air_defence"),
    ),
    C(
        "en-r5-netherlands-share-of-facility-01",
        "en",
        "2024-02-02",
        "The Netherlands' share of the EU's €50 billion Ukraine Facility is about €2.4 billion, the finance "
        "ministry said.",
        M(50e9, "EUR", donor="EU", status="pledged", scope="package"),
        M(2.4e9, "EUR", donor="Netherlands", qualifier="about", status="pledged", scope="part", part_of=0),
    ),
    C(
        "en-r5-delivered-so-far-and-more-01",
        "en",
        "2024-09-03",
        "Denmark has delivered 6 F-16 jets to Ukraine so far and will hand over 13 more F-16s in the coming months.",
        Q(6, "F-16", donor="Denmark", status="delivered", scope="running_total"),
        Q(13, "F-16", donor="Denmark", status="pledged", cat="military/aircraft"),
    ),
    C(
        "en-r5-delayed-delivery-01",
        "en",
        "2024-02-12",
        "The delivery of 40 Leopard 1A5 tanks from Germany to Ukraine has been delayed until spring because "
        "of a shortage of spare parts, the manufacturer said.",
        Q(40, "Leopard 1 tank", donor="Germany", status="pledged", cat="military/armour"),
    ),
    C(
        "en-r5-humanitarian-unicef-aud-01",
        "en",
        "2024-11-19",
        "Australia will contribute AUD 10 million in humanitarian assistance to Ukraine through UNICEF.",
        M(10e6, "AUD", donor="Australia", status="pledged", cat="humanitarian"),
    ),
    C(
        "en-r5-generators-and-repairs-01",
        "en",
        "2024-10-01",
        "The European Commission will send 5,000 generators to Ukraine and €20 million for the repair of "
        "damaged power plants before winter.",
        Q(5000, "generator", donor="EU", status="pledged", cat="humanitarian"),
        M(20e6, "EUR", donor="EU", status="pledged", cat="reconstruction"),
    ),
    C(
        "en-r5-number-words-hundred-million-01",
        "en",
        "2024-06-19",
        "Finland will send two hundred million euros' worth of defence equipment to Ukraine.",
        M(200e6, "EUR", donor="Finland", status="pledged", cat="military"),
    ),
    C(
        "en-r5-nansen-increase-01",
        "en",
        "2024-02-21",
        "Norway's parliament approved an increase of NOK 10 billion to the Nansen support programme for Ukraine "
        "in 2024.",
        M(10e9, "NOK", donor="Norway", status="pledged", years=(2024, 2024)),
    ),
    C(
        "en-r5-package-with-howitzers-01",
        "en",
        "2024-01-10",
        "Sweden's 16th support package for Ukraine is worth SEK 7.1 billion and includes 10 Archer howitzers.",
        M(7.1e9, "SEK", donor="Sweden", status="pledged", scope="package"),
        Q(10, "Archer howitzer", donor="Sweden", status="pledged", cat="military/artillery"),
    ),
    C(
        "en-r5-dkk-eur-conversion-mainly-01",
        "en",
        "2024-12-16",
        "Denmark's 24th aid package amounts to DKK 1.6 billion (EUR 215 million) and is mainly for air defence.",
        M(1.6e9, "DKK", donor="Denmark", status="pledged", cat="military/air_defence"),
    ),
    C(
        "en-r5-so-far-humanitarian-01",
        "en",
        "2024-02-24",
        "Ireland has so far given €200 million in humanitarian aid to Ukraine, the Department of Foreign Affairs said.",
        M(200e6, "EUR", donor="Ireland", cat="humanitarian", years=(2022, 2024), **RT_DELIVERED),
    ),
    C(
        "en-r5-past-allocation-explicit-year-01",
        "en",
        "2024-03-01",
        "In 2023, Luxembourg allocated €80 million to Ukraine for the purchase of military equipment.",
        M(80e6, "EUR", donor="Luxembourg", status="pledged", cat="military", years=(2023, 2023)),
    ),
    C(
        "en-r5-joint-fund-adjectives-01",
        "en",
        "2024-11-04",
        "Dutch, Danish and Norwegian funds totalling €400 million will pay for Ukrainian-built drones.",
        M(400e6, "EUR", donor="Denmark;Netherlands;Norway", status="pledged", cat="military/drones"),
    ),
    C(
        "en-r5-space-before-bn-01",
        "en",
        "2024-06-13",
        "Italy's ninth package for Ukraine, worth €1.4 bn according to ANSA, includes a second SAMP/T battery.",
        M(1.4e9, "EUR", donor="Italy", status="pledged", scope="package"),
    ),
    C(
        "en-r5-per-year-until-01",
        "en",
        "2025-01-16",
        "Britain will provide £3 billion a year in military aid to Ukraine until 2030-31, the Prime Minister said.",
        M(3e9, "GBP", donor="United Kingdom", status="pledged", cat="military"),
    ),
    C(
        "en-r5-two-dozen-made-in-01",
        "en",
        "2024-11-12",
        "Norway will send two dozen German-made Leopard 2 tanks to Ukraine.",
        Q(24, "Leopard 2 tank", donor="Norway", status="pledged", cat="military/armour"),
    ),
    C(
        "en-r5-cancelled-order-and-will-instead-01",
        "en",
        "2024-11-12",
        "Germany has cancelled an order of 10 tanks for its own army and will instead send €100 million to Ukraine "
        "for drones.",
        M(100e6, "EUR", donor="Germany", status="pledged", cat="military/drones"),
    ),
    D(
        "en-r5-distractor-trained-pilots-01",
        "en",
        "2024-11-12",
        "Denmark has trained 20 Ukrainian F-16 pilots since last summer.",
    ),
    D(
        "en-r5-distractor-hundreds-of-01",
        "en",
        "2024-08-19",
        "Hundreds of Western-supplied armoured vehicles have been lost since the summer, analysts estimate.",
    ),
    D(
        "en-r5-distractor-refused-sale-01",
        "en",
        "2023-05-03",
        "Switzerland refused to allow the sale of 96 decommissioned Leopard 1 tanks to Ukraine, the Federal "
        "Council said.",
    ),
    D(
        "en-r5-distractor-scrapped-package-01",
        "en",
        "2023-11-08",
        "Slovakia's new government has scrapped a €40 million military aid package for Ukraine prepared by its "
        "predecessor.",
    ),
    D(
        "en-r5-distractor-minister-asks-01",
        "en",
        "2024-04-04",
        "Ukraine needs at least seven more Patriot systems to protect its cities, Foreign Minister Dmytro Kuleba "
        "told reporters in Brussels.",
    ),
    D(
        "en-r5-distractor-russia-spending-01",
        "en",
        "2024-10-01",
        "Russia will spend about $145 billion on its military in 2025, according to its draft budget.",
    ),
    D(
        "en-r5-distractor-own-defence-01",
        "en",
        "2024-06-20",
        "Denmark will raise its own defence spending by DKK 50 billion over the next five years to rebuild its "
        "armed forces.",
    ),
    D(
        "en-r5-distractor-unit-price-01",
        "en",
        "2024-03-05",
        "Ukraine wants Swedish Gripen jets; each aircraft costs around SEK 900 million, according to Saab.",
    ),
]

# --------------------------------------------------------------------------------------
# Dutch
# --------------------------------------------------------------------------------------

NL_R5 = [
    C(
        "nl-r5-aanhangsel-vraag-antwoord-01",
        "nl",
        "2024-10-03",
        "Vraag 2\nKunt u aangeven hoeveel militaire steun Nederland volgend jaar aan Oekraïne geeft?\n\n"
        "Antwoord 2\nHet kabinet heeft voor 2025 € 3,5 miljard gereserveerd voor militaire steun aan Oekraïne.",
        M(3.5e9, "EUR", donor="Netherlands", status="pledged", cat="military", years=(2025, 2025)),
    ),
    C(
        "nl-r5-mrd-afkorting-01",
        "nl",
        "2024-02-15",
        "Het kabinet trekt 1,4 mrd. euro uit voor de aanschaf van luchtverdedigingssystemen voor Oekraïne.",
        M(1.4e9, "EUR", donor="Netherlands", status="pledged", cat="military/air_defence"),
    ),
    C(
        "nl-r5-vijftig-pantservoertuigen-01",
        "nl",
        "2024-06-06",
        "Nederland stuurt vijftig pantservoertuigen van het type YPR naar Oekraïne.",
        Q(50, "YPR armoured vehicle", donor="Netherlands", status="pledged", cat="military/armour"),
    ),
    C(
        "nl-r5-anp-tussenzin-01",
        "nl",
        "2024-10-22",
        "Nederland levert, zo maakte minister Brekelmans dinsdag bekend, nog eens 300 miljoen euro aan drones "
        "aan Oekraïne.",
        M(300e6, "EUR", donor="Netherlands", status="pledged", cat="military/drones"),
    ),
    C(
        "nl-r5-den-haag-wederopbouw-01",
        "nl",
        "2024-01-17",
        "Den Haag maakt 150 miljoen euro vrij voor de wederopbouw van het Oekraïense elektriciteitsnet.",
        M(150e6, "EUR", donor="Netherlands", status="pledged", cat="reconstruction"),
    ),
    C(
        "nl-r5-noorse-regering-kronen-01",
        "nl",
        "2024-09-02",
        "De Noorse regering geeft Oekraïne 5 miljard kronen extra voor de energievoorziening.",
        M(5e9, "NOK", donor="Norway", status="pledged"),
    ),
    C(
        "nl-r5-tabel-materieel-aantal-01",
        "nl",
        "2024-07-01",
        "Door Nederland sinds februari 2022 aan Oekraïne geleverd:\nMaterieel | Aantal\nPantserhouwitsers | 8\n"
        "Leopard 2A4-tanks | 14",
        Q(8, "howitzer", donor="Netherlands", status="delivered"),
        Q(14, "Leopard 2 tank", donor="Netherlands", status="delivered"),
    ),
    C(
        "nl-r5-maximaal-01",
        "nl",
        "2023-08-30",
        "Het kabinet stelt maximaal 100 miljoen euro beschikbaar voor de bescherming van de Oekraïense "
        "graanexport via de Zwarte Zee.",
        M(100e6, "EUR", donor="Netherlands", qualifier="at_most", status="pledged"),
    ),
    C(
        "nl-r5-minstens-van-nederland-01",
        "nl",
        "2024-07-09",
        "Oekraïne krijgt dit jaar minstens 2 miljard euro aan militaire steun van Nederland, zegt premier Schoof.",
        M(2e9, "EUR", donor="Netherlands", qualifier="at_least", status="pledged", cat="military", years=(2024, 2024)),
    ),
    C(
        "nl-r5-bijna-munitie-01",
        "nl",
        "2024-04-25",
        "Bijna 500 miljoen euro van het Nederlandse steunbudget gaat naar munitie voor Oekraïne.",
        M(500e6, "EUR", donor="Netherlands", qualifier="about", cat="military/ammunition"),
    ),
    C(
        "nl-r5-lening-en-gift-01",
        "nl",
        "2024-06-11",
        "Nederland leent Oekraïne 500 miljoen euro via de Wereldbank en schenkt daarnaast 100 miljoen euro aan "
        "noodhulp.",
        M(500e6, "EUR", donor="Netherlands", status="pledged", cat="financial"),
        M(100e6, "EUR", donor="Netherlands", status="pledged", cat="humanitarian"),
    ),
    C(
        "nl-r5-eib-leent-01",
        "nl",
        "2024-03-21",
        "De Europese Investeringsbank leent Oekraïne 400 miljoen euro voor het herstel van waterleidingen en scholen.",
        M(400e6, "EUR", donor="EU", status="pledged", cat="financial"),
    ),
    C(
        "nl-r5-samen-patriot-01",
        "nl",
        "2024-05-16",
        "Duitsland en Nederland betalen samen 300 miljoen euro voor Patriot-raketten voor Oekraïne.",
        M(300e6, "EUR", donor="Germany;Netherlands", status="pledged", cat="military/air_defence"),
    ),
    C(
        "nl-r5-sinds-inval-aldus-defensie-01",
        "nl",
        "2024-02-20",
        "Sinds de Russische inval heeft Nederland voor 4,5 miljard euro aan militaire steun aan Oekraïne "
        "geleverd, aldus Defensie.",
        M(4.5e9, "EUR", donor="Netherlands", cat="military", years=(2022, 2024), **RT_DELIVERED),
    ),
    C(
        "nl-r5-levering-vertraagd-01",
        "nl",
        "2024-11-12",
        "De levering van de laatste zes Nederlandse F-16's aan Oekraïne is vertraagd tot volgend jaar.",
        Q(6, "F-16", donor="Netherlands", status="pledged", cat="military/aircraft", years=(2025, 2025)),
    ),
    C(
        "nl-r5-deense-kronen-conversie-01",
        "nl",
        "2024-06-27",
        "Denemarken maakt 1,6 miljard kronen (215 miljoen euro) vrij voor de productie van houwitsers in Oekraïne.",
        M(1.6e9, "DKK", donor="Denmark", status="pledged", cat="military/artillery"),
    ),
    C(
        "nl-r5-zweeds-pakket-onder-meer-01",
        "nl",
        "2024-01-10",
        "Zweden stuurt Oekraïne een steunpakket van 7,1 miljard kronen, met onder meer tien Archer-houwitsers.",
        M(7.1e9, "SEK", donor="Sweden", status="pledged", scope="package"),
        Q(10, "Archer howitzer", donor="Sweden", status="pledged", cat="military/artillery"),
    ),
    C(
        "nl-r5-anp-rode-kruis-vn-01",
        "nl",
        "2024-12-03",
        "Nederland geeft 25 miljoen euro aan het Rode Kruis en 15 miljoen euro aan het noodhulpfonds van de VN "
        "voor Oekraïne, meldt ANP.",
        M(25e6, "EUR", donor="Netherlands", status="pledged", cat="humanitarian"),
        M(15e6, "EUR", donor="Netherlands", status="pledged", cat="humanitarian"),
    ),
    C(
        "nl-r5-eu-dit-jaar-al-01",
        "nl",
        "2024-09-25",
        "De EU heeft Oekraïne dit jaar al 16 miljard euro overgemaakt uit de Oekraïne-faciliteit.",
        M(16e9, "EUR", donor="EU", status="delivered", years=(2024, 2024)),
    ),
    C(
        "nl-r5-wederopbouwconferentie-01",
        "nl",
        "2024-06-12",
        "Op de wederopbouwconferentie in Berlijn zegde Nederland 60 miljoen euro toe voor de reparatie van "
        "scholen en ziekenhuizen in Oekraïne.",
        M(60e6, "EUR", donor="Netherlands", status="pledged", cat="reconstruction"),
    ),
    C(
        "nl-r5-veertien-tanks-samen-01",
        "nl",
        "2023-04-13",
        "Nederland en Denemarken kopen samen veertien Leopard 2A4-tanks voor Oekraïne.",
        Q(14, "Leopard 2 tank", donor="Denmark;Netherlands", status="pledged", cat="military/armour"),
    ),
    C(
        "nl-r5-tussen-de-en-houwitsers-01",
        "nl",
        "2024-04-18",
        "Nederland stuurt tussen de 10 en 15 pantserhouwitsers naar Oekraïne, zegt minister Brekelmans.",
        Q(10, "howitzer", donor="Netherlands", qualifier="at_least", status="pledged", cat="military/artillery"),
    ),
    C(
        "nl-r5-nok-noorwegen-nansen-01",
        "nl",
        "2024-02-21",
        "Het Noorse parlement heeft het Nansen-programma voor Oekraïne met NOK 10 miljard verhoogd.",
        M(10e9, "NOK", donor="Norway", status="pledged"),
    ),
    D(
        "nl-r5-distractor-tientallen-01",
        "nl",
        "2024-03-04",
        "Tientallen Oekraïense drones troffen in het weekend Russische olieraffinaderijen.",
    ),
    D(
        "nl-r5-distractor-motie-geen-ruimte-01",
        "nl",
        "2024-11-28",
        "Antwoord: De motie-Van Dijk vraagt om 200 miljoen euro extra voor humanitaire hulp aan Oekraïne. Het "
        "kabinet ziet hiervoor geen financiële ruimte.",
    ),
    D(
        "nl-r5-distractor-oekraiense-vraag-01",
        "nl",
        "2024-10-14",
        "De Oekraïense minister van Buitenlandse Zaken vroeg Nederland om nog eens twee Patriot-systemen.",
    ),
    D(
        "nl-r5-distractor-rusland-defensie-01",
        "nl",
        "2024-10-01",
        "Rusland geeft volgend jaar naar schatting 145 miljard dollar uit aan defensie.",
    ),
    D(
        "nl-r5-distractor-eigen-krijgsmacht-01",
        "nl",
        "2025-02-04",
        "Defensie koopt 46 nieuwe Leopard 2A8-tanks voor de eigen krijgsmacht.",
    ),
    D(
        "nl-r5-distractor-stukprijs-01",
        "nl",
        "2024-04-22",
        "Een Patriot-raket kost ruim 4 miljoen euro per stuk.",
    ),
    D(
        "nl-r5-distractor-honderden-opgeleid-01",
        "nl",
        "2024-05-30",
        "Honderden Oekraïense militairen worden in Nederland opgeleid op de F-16.",
    ),
    D(
        "nl-r5-distractor-wereldbank-raming-01",
        "nl",
        "2025-02-25",
        "De Wereldbank raamt de kosten van de wederopbouw van Oekraïne op 524 miljard dollar.",
    ),
]

# --------------------------------------------------------------------------------------
# German
# --------------------------------------------------------------------------------------

DE_R5 = [
    C(
        "de-r5-antwort-bundesregierung-ertuechtigung-01",
        "de",
        "2024-11-20",
        "Antwort der Bundesregierung\n\nFrage 4: Welche Mittel hat die Bundesregierung im Jahr 2024 für die "
        "Ukraine bereitgestellt?\n\nAntwort: Für die Ukraine wurden im Jahr 2024 Ertüchtigungsmittel in Höhe von "
        "rund 7,1 Mrd. Euro eingeplant.",
        M(7.1e9, "EUR", donor="Germany", qualifier="about", status="pledged", cat="military", years=(2024, 2024)),
    ),
    C(
        "de-r5-dpa-drei-milliarden-01",
        "de",
        "2024-08-06",
        "Die Bundesregierung will der Ukraine zusätzlich drei Milliarden Euro für die Luftverteidigung zur "
        "Verfügung stellen, berichtet die dpa unter Berufung auf Regierungskreise.",
        M(3e9, "EUR", donor="Germany", status="pledged", cat="military/air_defence"),
    ),
    C(
        "de-r5-schweizer-bundesrat-franken-01",
        "de",
        "2024-04-10",
        "Der Schweizer Bundesrat hat für die Jahre 2025 bis 2028 1,5 Mrd. Franken für den Wiederaufbau der "
        "Ukraine beschlossen.",
        M(1.5e9, "CHF", donor="Switzerland", status="pledged", cat="reconstruction", years=(2025, 2028)),
    ),
    C(
        "de-r5-eib-bis-zu-kredite-01",
        "de",
        "2024-07-11",
        "Die Europäische Investitionsbank stellt der Ukraine bis zu 500 Millionen Euro an Krediten für die "
        "Reparatur von Energieanlagen bereit.",
        M(500e6, "EUR", donor="EU", qualifier="at_most", status="pledged", cat="financial"),
    ),
    C(
        "de-r5-fast-vergangenes-jahr-01",
        "de",
        "2024-03-12",
        "Fast 2 Milliarden Euro hat Deutschland im vergangenen Jahr für humanitäre Hilfe in der Ukraine ausgegeben.",
        M(2e9, "EUR", donor="Germany", qualifier="about", status="delivered", cat="humanitarian", years=(2023, 2023)),
    ),
    C(
        "de-r5-zwischen-und-gepard-01",
        "de",
        "2023-02-14",
        "Deutschland will der Ukraine zwischen 15 und 20 weitere Gepard-Flakpanzer liefern.",
        Q(15, "Gepard", donor="Germany", qualifier="at_least", status="pledged", cat="military/air_defence"),
    ),
    C(
        "de-r5-norwegische-regierung-kronen-01",
        "de",
        "2024-09-02",
        "Die norwegische Regierung sagt der Ukraine weitere 10 Milliarden Kronen zu.",
        M(10e9, "NOK", donor="Norway", status="pledged"),
    ),
    C(
        "de-r5-umgerechnet-artillerie-01",
        "de",
        "2024-05-29",
        "Dänemark stellt umgerechnet rund 1,2 Milliarden Euro für die Produktion von Artillerie in der Ukraine bereit.",
        M(1.2e9, "EUR", donor="Denmark", qualifier="about", status="pledged", cat="military/artillery"),
    ),
    C(
        "de-r5-schwedische-kronen-01",
        "de",
        "2024-01-10",
        "Schweden liefert der Ukraine Militärgüter im Wert von 7,1 Milliarden schwedischen Kronen.",
        M(7.1e9, "SEK", donor="Sweden", status="pledged", cat="military"),
    ),
    C(
        "de-r5-dpa-zitat-mitte-01",
        "de",
        "2024-09-09",
        "Deutschland werde der Ukraine, so Verteidigungsminister Pistorius am Montag in Kiew, vier weitere "
        "IRIS-T-Systeme liefern.",
        Q(4, "IRIS-T", donor="Germany", status="pledged", cat="military/air_defence"),
    ),
    C(
        "de-r5-weltbank-fonds-01",
        "de",
        "2024-06-11",
        "Deutschland beteiligt sich mit 50 Millionen Euro an einem Fonds der Weltbank für den Wiederaufbau der "
        "Ukraine.",
        M(50e6, "EUR", donor="Germany", status="pledged", cat="reconstruction"),
    ),
    C(
        "de-r5-bereits-geliefert-drittes-folgt-01",
        "de",
        "2024-04-15",
        "Deutschland hat der Ukraine bereits zwei Patriot-Systeme geliefert; ein drittes soll bis Jahresende folgen.",
        Q(2, "Patriot", donor="Germany", status="delivered", cat="military/air_defence"),
    ),
    C(
        "de-r5-lieferung-verzoegert-01",
        "de",
        "2023-03-01",
        "Die von Deutschland zugesagte Lieferung von 20 Marder-Schützenpanzern an die Ukraine verzögert sich, "
        "teilte Rheinmetall mit.",
        Q(20, "Marder", donor="Germany", status="pledged", cat="military/armour"),
    ),
    C(
        "de-r5-tabelle-posten-menge-01",
        "de",
        "2024-07-01",
        "Militärische Unterstützungsleistungen Deutschlands (Stand: 1. Juli 2024)\n\nBereits geliefert:\n"
        "Posten | Menge\nFlakpanzer Gepard | 52\nPanzerhaubitze 2000 | 18",
        Q(52, "Gepard", donor="Germany", status="delivered"),
        Q(18, "Panzerhaubitze 2000 howitzer", donor="Germany", status="delivered"),
    ),
    C(
        "de-r5-friedensfazilitaet-sollen-fliessen-01",
        "de",
        "2024-03-14",
        "Aus der Europäischen Friedensfazilität sollen weitere 5 Milliarden Euro für Waffen und Munition für "
        "die Ukraine fließen.",
        M(5e9, "EUR", donor="EU", status="pledged", cat="military"),
    ),
    C(
        "de-r5-drei-geber-gemeinsam-01",
        "de",
        "2024-10-10",
        "Deutschland, Dänemark und Norwegen finanzieren gemeinsam Luftverteidigung für die Ukraine im Wert von "
        "300 Millionen Euro.",
        M(300e6, "EUR", donor="Denmark;Germany;Norway", status="pledged", cat="military/air_defence"),
    ),
    C(
        "de-r5-berlin-kiew-01",
        "de",
        "2024-12-02",
        "Berlin sagt Kiew weitere 500 Millionen Euro Militärhilfe zu.",
        M(500e6, "EUR", donor="Germany", recipient="Ukraine", status="pledged", cat="military"),
    ),
    C(
        "de-r5-den-haag-munitionsinitiative-01",
        "de",
        "2024-03-06",
        "Den Haag beteiligt sich mit 250 Millionen Euro an der tschechischen Munitionsinitiative für die Ukraine.",
        M(250e6, "EUR", donor="Netherlands", recipient="Ukraine", status="pledged", cat="military/ammunition"),
    ),
    C(
        "de-r5-bundesentwicklungsministerium-heizkraftwerke-01",
        "de",
        "2024-11-05",
        "Das Bundesentwicklungsministerium stellt weitere 80 Millionen Euro für die Reparatur von "
        "Heizkraftwerken in der Ukraine bereit.",
        M(80e6, "EUR", donor="Germany", status="pledged", cat="reconstruction"),
    ),
    C(
        "de-r5-seit-2022-oesterreich-01",
        "de",
        "2024-02-23",
        "Seit 2022 hat Österreich der Ukraine humanitäre Hilfe im Umfang von 230 Millionen Euro geleistet.",
        M(230e6, "EUR", donor="Austria", cat="humanitarian", years=(2022, 2024), **RT_DELIVERED),
    ),
    C(
        "de-r5-ein-dutzend-01",
        "de",
        "2023-04-18",
        "Polen übergibt der Ukraine ein Dutzend MiG-29-Kampfjets.",
        Q(12, "MiG-29", donor="Poland", status="pledged", cat="military/aircraft"),
    ),
    C(
        "de-r5-insgesamt-also-pro-jahr-01",
        "de",
        "2024-02-01",
        "Die Niederlande haben für die Jahre 2024 bis 2026 insgesamt 6 Milliarden Euro für die Ukraine "
        "eingeplant, also 2 Milliarden Euro pro Jahr.",
        M(6e9, "EUR", donor="Netherlands", status="pledged", years=(2024, 2026)),
    ),
    C(
        "de-r5-deutsche-hilfe-adjektiv-01",
        "de",
        "2024-12-09",
        "Die deutsche Hilfe für die Ukraine umfasst in diesem Jahr Rüstungsgüter im Wert von 7,1 Milliarden Euro.",
        M(7.1e9, "EUR", donor="Germany", status="pledged", cat="military", years=(2024, 2024)),
    ),
    C(
        "de-r5-oslo-kronen-01",
        "de",
        "2024-05-06",
        "Oslo stellt der Ukraine 600 Millionen Kronen für die Reparatur von Stromnetzen zur Verfügung.",
        M(600e6, "NOK", donor="Norway", status="pledged", cat="reconstruction"),
    ),
    C(
        "de-r5-bis-zu-patriot-raketen-01",
        "de",
        "2024-08-20",
        "Spanien liefert der Ukraine bis zu 20 Patriot-Raketen, teilte das Verteidigungsministerium in Madrid mit.",
        Q(20, "Patriot missile", donor="Spain", qualifier="at_most", status="pledged", cat="military/air_defence"),
    ),
    D(
        "de-r5-distractor-stueckkosten-taurus-01",
        "de",
        "2024-03-04",
        "Ein Taurus-Marschflugkörper kostet rund eine Million Euro, eine Lieferung an die Ukraine lehnt der Kanzler "
        "ab.",
    ),
    D(
        "de-r5-distractor-ukraine-fordert-01",
        "de",
        "2024-05-21",
        "Der ukrainische Außenminister forderte von Deutschland die Lieferung von weiteren 10 Patriot-Systemen.",
    ),
    D(
        "de-r5-distractor-russland-ausgaben-01",
        "de",
        "2024-10-01",
        "Russland will im kommenden Jahr umgerechnet rund 130 Milliarden Euro für Verteidigung ausgeben.",
    ),
    D(
        "de-r5-distractor-verteidigungsetat-01",
        "de",
        "2024-07-05",
        "Der Verteidigungsetat steigt 2025 auf 53 Milliarden Euro.",
    ),
    D(
        "de-r5-distractor-stueckpreis-01",
        "de",
        "2024-06-18",
        "Ein IRIS-T-System kostet nach Herstellerangaben rund 140 Millionen Euro.",
    ),
    D(
        "de-r5-distractor-hunderte-ausgebildet-01",
        "de",
        "2024-01-25",
        "Hunderte ukrainische Soldaten wurden in Deutschland am Leopard-Panzer ausgebildet.",
    ),
    D(
        "de-r5-distractor-exportgenehmigungen-01",
        "de",
        "2024-01-03",
        "Die Bundesregierung genehmigte 2023 Rüstungsexporte im Wert von 12 Milliarden Euro, davon 4,4 "
        "Milliarden Euro in die Ukraine.",
    ),
]

# --------------------------------------------------------------------------------------
# Known gaps found by this round (strict xfails; each comment: returned vs expected)
# --------------------------------------------------------------------------------------

# Of the 20 failures on first contact, 19 are fixed by general rules (README: extraction rules). Left: a share named
# before the instrument it is a share of, the shape of the older gap "Of Germany's new €5 billion package, €3 billion
# is…" (test_generalisation.KNOWN_GAPS).
KNOWN_GAPS_R5: dict[str, str] = {
    "en-r5-netherlands-share-of-facility-01": "returned €50bn with donor Netherlands and €2.4bn with donor EU, both "
    "packages; expected the EU's €50bn package and the Netherlands' €2.4bn share as its part",
}


ALL_R5 = EN_R5 + NL_R5 + DE_R5
CASES_R5 = tg.register_round(ALL_R5, KNOWN_GAPS_R5)


@pytest.mark.parametrize("case", CASES_R5)
def test_passage(case: tg.Case) -> None:
    tg.test_passage(case)


def test_table_is_well_formed() -> None:
    ids = [p.values[0].id for p in ALL_R5]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    assert set(KNOWN_GAPS_R5) <= set(ids), "known gap for an unknown case"
    for p in ALL_R5:
        case = p.values[0]
        assert case.id.startswith(case.language + "-r5-"), case.id
        for exp in case.expected:
            if "part_of" in exp:
                assert 0 <= exp["part_of"] < len(case.expected), case.id
