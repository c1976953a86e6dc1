"""Generalisation probe, round 4: passages in styles the earlier rounds covered thinly.

Parliamentary letters (Kamerbrief), Bundesregierung/BMVg releases, GOV.UK/MoD announcements,
wire copy with quotes and attributions, EU Council/Commission statements (Ukraine Facility,
European Peace Facility, ERA loans), NATO communiqués, live-blog lines, bullet lists and
tables, headline + lead, figures in words, multi-year and per-year commitments, loans vs
grants, corrections, second-hand reports, comparisons and support that goes elsewhere.

Every passage was written for this file.  Expectations follow PLEDGES.md (not the
pipeline's output); rows and matching are those of ``test_generalisation.py``, whose
``test_passage`` runs each case.  Failing rows are strict xfails in ``KNOWN_GAPS_R4``
with a comment saying what the pipeline returned.
"""

from __future__ import annotations

import pytest
import test_generalisation as tg
from test_generalisation import RT_DELIVERED, C, D, M, Q

RT_PLEDGED = {"status": "pledged", "scope": "running_total"}

# --------------------------------------------------------------------------------------
# English
# --------------------------------------------------------------------------------------

EN_R4 = [
    C(
        "en-r4-govuk-frozen-assets-package-01",
        "en",
        "2025-02-12",
        "Defence Secretary John Healey today announced a £150 million package of military support for "
        "Ukraine, including air defence systems and artillery ammunition, funded from the proceeds of "
        "immobilised Russian assets.",
        M(150e6, "GBP", donor="United Kingdom", status="pledged", scope="package", cat="military"),
    ),
    C(
        "en-r4-govuk-bullet-list-01",
        "en",
        "2024-11-25",
        "The UK will send Ukraine a further package of military aid.\n\nThe package announced today includes:\n"
        "- 350 air defence missiles\n- £68 million for battlefield drones\n- 16 armoured vehicles",
        Q(350, "missile", donor="United Kingdom", status="pledged", cat="military/air_defence"),
        M(68e6, "GBP", donor="United Kingdom", status="pledged", cat="military/drones"),
        Q(16, "armoured vehicle", donor="United Kingdom", status="pledged", cat="military"),
    ),
    C(
        "en-r4-reuters-dateline-so-far-01",
        "en",
        "2024-06-11",
        "BERLIN, June 11 (Reuters) - Germany will send Ukraine two more IRIS-T air defence systems, "
        "Chancellor Olaf Scholz said on Tuesday, adding that Berlin had so far provided military aid worth "
        "around 28 billion euros.",
        Q(2, "IRIS-T", donor="Germany", status="pledged", cat="military/air_defence"),
        M(28e9, "EUR", donor="Germany", qualifier="about", cat="military", years=(2022, 2024), **RT_DELIVERED),
    ),
    C(
        "en-r4-second-hand-kyiv-independent-01",
        "en",
        "2024-09-19",
        "According to the Kyiv Independent, Sweden's latest package for Ukraine, worth 13.5 billion kronor, "
        "is the country's largest to date.",
        M(13.5e9, "SEK", donor="Sweden", status="pledged", scope="package"),
    ),
    C(
        "en-r4-correction-note-01",
        "en",
        "2024-04-03",
        "Norway will increase its support for Ukraine's air defence, the government said. "
        "Correction: An earlier version of this article misstated the figure as NOK 1.5 billion. "
        "Norway has pledged NOK 2.5 billion.",
        M(2.5e9, "NOK", donor="Norway", status="pledged"),
    ),
    C(
        "en-r4-comparison-twice-01",
        "en",
        "2024-03-19",
        "Denmark will give Ukraine DKK 19 billion in military support this year, twice as much as last year, "
        "the Danish defence ministry said.",
        M(19e9, "DKK", donor="Denmark", status="pledged", cat="military", years=(2024, 2024)),
    ),
    C(
        "en-r4-eu-council-ukraine-facility-01",
        "en",
        "2024-02-29",
        "The Council today adopted the regulation establishing the Ukraine Facility, which will provide up to "
        "€50 billion in grants and loans to Ukraine for the period 2024-2027.",
        M(50e9, "EUR", donor="EU", qualifier="at_most", status="pledged", years=(2024, 2027)),
    ),
    C(
        "en-r4-commission-era-disbursed-01",
        "en",
        "2025-03-14",
        "The European Commission disbursed a further €3 billion to Ukraine on Friday under the G7's "
        "Extraordinary Revenue Acceleration (ERA) loans, which are repaid from the windfall profits of "
        "immobilised Russian assets.",
        M(3e9, "EUR", donor="EU", status="delivered", cat="financial"),
    ),
    C(
        "en-r4-epf-assistance-fund-01",
        "en",
        "2024-03-18",
        "EU foreign ministers agreed to set up a Ukraine Assistance Fund of €5 billion under the European "
        "Peace Facility for 2024, to finance military equipment for Ukraine.",
        M(5e9, "EUR", donor="EU", status="pledged", cat="military", years=(2024, 2024)),
    ),
    C(
        "en-r4-nato-communique-minimum-baseline-01",
        "en",
        "2024-07-10",
        "Allies intend to provide a minimum baseline funding of €40 billion within the next year for "
        "security assistance to Ukraine.",
        M(40e9, "EUR", qualifier="at_least", status="pledged", cat="military"),
    ),
    C(
        "en-r4-live-blog-timestamp-01",
        "en",
        "2024-01-18",
        "14:32 — Canada announces CAD 500 million in military aid for Ukraine, Defence Minister Bill Blair says.",
        M(500e6, "CAD", donor="Canada", status="pledged", cat="military"),
    ),
    C(
        "en-r4-headline-per-year-no-total-01",
        "en",
        "2025-01-16",
        "UK to give Ukraine £3bn a year 'for as long as it takes'\n\n"
        "The Prime Minister said Britain would provide £3 billion of military aid to Ukraine every year "
        "for as long as needed.",
        M(3e9, "GBP", donor="United Kingdom", status="pledged", cat="military"),
    ),
    C(
        "en-r4-hyphenated-words-thirty-five-01",
        "en",
        "2024-05-21",
        "Ireland will contribute thirty-five million euro in non-lethal military support to Ukraine.",
        M(35e6, "EUR", donor="Ireland", status="pledged", cat="military"),
    ),
    C(
        "en-r4-multi-year-with-rough-rate-01",
        "en",
        "2024-01-23",
        "Norway's Nansen programme will provide NOK 135 billion to Ukraine over 2023-2030, roughly "
        "NOK 17 billion a year.",
        M(135e9, "NOK", donor="Norway", status="pledged", years=(2023, 2030)),
    ),
    C(
        "en-r4-loan-and-grant-01",
        "en",
        "2024-02-19",
        "Japan will lend Ukraine $3 billion and give a further $500 million in grants for the repair of power plants.",
        M(3e9, "USD", donor="Japan", status="pledged", cat="financial"),
        M(500e6, "USD", donor="Japan", status="pledged", cat="reconstruction"),
    ),
    C(
        "en-r4-abrams-in-kind-01",
        "en",
        "2024-10-16",
        "Australia will send 49 of its retired M1A1 Abrams tanks to Ukraine, Canberra announced on Wednesday.",
        Q(49, "Abrams", donor="Australia", status="pledged", cat="military/armour"),
    ),
    C(
        "en-r4-mixed-military-humanitarian-01",
        "en",
        "2023-09-05",
        "Britain announced a new package for Ukraine on Tuesday. It comprises £200 million in military aid "
        "and £50 million in humanitarian assistance for families displaced by the fighting.",
        M(200e6, "GBP", donor="United Kingdom", cat="military"),
        M(50e6, "GBP", donor="United Kingdom", cat="humanitarian"),
    ),
    C(
        "en-r4-consists-of-parts-01",
        "en",
        "2024-12-09",
        "Germany's new €1.1 billion package for Ukraine consists of €600 million for air defence and "
        "€500 million for artillery ammunition.",
        M(1.1e9, "EUR", donor="Germany", scope="package"),
        M(600e6, "EUR", donor="Germany", scope="part", part_of=0, cat="military/air_defence"),
        M(500e6, "EUR", donor="Germany", scope="part", part_of=0, cat="military/ammunition"),
    ),
    C(
        "en-r4-moldova-recipient-01",
        "en",
        "2024-11-07",
        "Britain will give Ukraine £100 million to repair its energy grid and a further £10 million to help "
        "Moldova strengthen its own energy security.",
        M(100e6, "GBP", donor="United Kingdom", recipient="Ukraine", cat="reconstruction"),
        M(10e6, "GBP", donor="United Kingdom", recipient="Moldova"),
    ),
    C(
        "en-r4-ap-minister-told-dpa-01",
        "en",
        "2024-05-14",
        "Germany will deliver another 10 Leopard 1A5 tanks to Ukraine next month, Defence Minister "
        "Boris Pistorius told the German news agency dpa.",
        Q(10, "Leopard 1", donor="Germany", status="pledged", cat="military/armour", years=(2024, 2024)),
    ),
    C(
        "en-r4-quote-first-anp-01",
        "en",
        "2024-11-20",
        '"We will give Ukraine €2 billion for drones next year," Dutch defence minister Ruben Brekelmans told ANP.',
        M(2e9, "EUR", donor="Netherlands", status="pledged", cat="military/drones", years=(2025, 2025)),
    ),
    C(
        "en-r4-table-item-then-count-01",
        "en",
        "2024-06-03",
        "Deliveries to Ukraine confirmed so far:\nDonor | System | Number\nNorway | NASAMS launchers | 4\n"
        "Spain | Leopard 2A4 tanks | 10",
        Q(4, "NASAMS", donor="Norway", status="delivered"),
        Q(10, "Leopard 2", donor="Spain", status="delivered"),
    ),
    C(
        "en-r4-revised-running-total-01",
        "en",
        "2024-10-08",
        "The Dutch defence ministry revised its figure for military aid delivered to Ukraine so far to "
        "€3.9 billion, up from €3.4 billion previously.",
        M(3.9e9, "EUR", donor="Netherlands", cat="military", years=(2022, 2024), **RT_DELIVERED),
    ),
    C(
        "en-r4-g7-era-of-which-eu-01",
        "en",
        "2024-10-23",
        "G7 leaders agreed to provide Ukraine with around $50 billion in ERA loans, of which the EU will "
        "contribute €18.1 billion.",
        M(50e9, "USD", qualifier="about", status="pledged", scope="package", cat="financial"),
        M(18.1e9, "EUR", donor="EU", status="pledged", scope="part", part_of=0, cat="financial"),
    ),
    C(
        "en-r4-ukraine-facility-disbursed-so-far-01",
        "en",
        "2025-06-30",
        "In total, the EU has disbursed €19.6 billion to Ukraine under the Ukraine Facility so far.",
        M(19.6e9, "EUR", donor="EU", **RT_DELIVERED),
    ),
    C(
        "en-r4-so-far-then-will-01",
        "en",
        "2024-05-01",
        "The UK has provided £7.8 billion in military aid so far, and will give a further £3 billion next year.",
        M(7.8e9, "GBP", donor="United Kingdom", cat="military", years=(2022, 2024), **RT_DELIVERED),
        M(3e9, "GBP", donor="United Kingdom", status="pledged", scope="package", years=(2025, 2025)),
    ),
    C(
        "en-r4-table-count-in-brackets-01",
        "en",
        "2024-05-01",
        "Equipment the Netherlands has delivered to Ukraine:\n• F-16 fighter jets (18)\n• Leopard 1 tanks (14)",
        Q(18, "F-16", donor="Netherlands", status="delivered"),
        Q(14, "Leopard 1", donor="Netherlands", status="delivered"),
    ),
    D(
        "en-r4-distractor-refugees-at-home-01",
        "en",
        "2024-04-02",
        "Ireland spent €1.2 billion last year housing Ukrainian refugees in hotels and state accommodation, "
        "the Department of Children said.",
    ),
    D(
        "en-r4-distractor-share-of-gdp-comparison-01",
        "en",
        "2024-02-20",
        "Dutch support to Ukraine this year amounts to roughly 0.3% of GDP, twice the share of 2022.",
    ),
    D(
        "en-r4-distractor-russian-claims-destroyed-01",
        "en",
        "2024-08-30",
        "Russia's defence ministry claimed it had destroyed 12 F-16 jets and 40 Leopard tanks supplied by the "
        "West, figures that could not be independently verified.",
    ),
    D(
        "en-r4-distractor-nato-spending-target-01",
        "en",
        "2025-06-25",
        "Allies agreed at The Hague summit to spend 5% of GDP on defence by 2035, of which 3.5% on core "
        "defence requirements.",
    ),
    D(
        "en-r4-distractor-immobilised-assets-01",
        "en",
        "2024-05-21",
        "Around €210 billion of Russian central bank assets are immobilised in the EU, most of them at "
        "Euroclear in Brussels.",
    ),
    D(
        "en-r4-distractor-pentagon-own-budget-01",
        "en",
        "2024-03-11",
        "The Pentagon requested $850 billion for its own forces in fiscal 2025, slightly more than last year.",
    ),
]

# --------------------------------------------------------------------------------------
# Dutch
# --------------------------------------------------------------------------------------

NL_R4 = [
    C(
        "nl-r4-kamerbrief-besloten-hiermee-totaal-01",
        "nl",
        "2024-09-17",
        "Het kabinet heeft besloten om voor 2025 € 3,5 miljard aan militaire steun voor Oekraïne te "
        "reserveren. Hiermee komt de totale Nederlandse militaire steun sinds februari 2022 op € 10,4 miljard.",
        M(3.5e9, "EUR", donor="Netherlands", status="pledged", scope="package", cat="military", years=(2025, 2025)),
        M(10.4e9, "EUR", donor="Netherlands", cat="military", **RT_PLEDGED),
    ),
    C(
        "nl-r4-kamerbrief-van-dit-bedrag-01",
        "nl",
        "2024-04-15",
        "Het kabinet maakt € 1 miljard vrij voor militaire steun aan Oekraïne. Van dit bedrag is € 400 miljoen "
        "bestemd voor de aanschaf van drones en € 150 miljoen voor artilleriemunitie.",
        M(1e9, "EUR", donor="Netherlands", scope="package", cat="military"),
        M(400e6, "EUR", donor="Netherlands", scope="part", part_of=0, cat="military/drones"),
        M(150e6, "EUR", donor="Netherlands", scope="part", part_of=0, cat="military/ammunition"),
    ),
    C(
        "nl-r4-kamerbrief-onder-meer-list-01",
        "nl",
        "2024-06-20",
        "Het nieuwe Nederlandse steunpakket voor Oekraïne omvat onder meer:\n- 18 pantserhouwitsers\n"
        "- 12 luchtverdedigingssystemen\n- 100 drones voor verkenning",
        Q(18, "howitzer", donor="Netherlands", status="pledged", cat="military/artillery"),
        Q(12, "air defence system", donor="Netherlands", status="pledged", cat="military/air_defence"),
        Q(100, "drone", donor="Netherlands", status="pledged", cat="military/drones"),
    ),
    C(
        "nl-r4-anp-ingewijden-01",
        "nl",
        "2024-05-28",
        "Nederland stuurt nog eens 250 miljoen euro aan militaire steun naar Oekraïne, meldt ANP op basis van "
        "ingewijden.",
        M(250e6, "EUR", donor="Netherlands", status="pledged", cat="military"),
    ),
    C(
        "nl-r4-correctie-01",
        "nl",
        "2024-10-02",
        "Nederland geeft Oekraïne extra geld voor het herstel van energiecentrales. In een eerdere versie van "
        "dit artikel stond dat het om 150 miljoen euro ging; dat moet 175 miljoen euro zijn.",
        M(175e6, "EUR", donor="Netherlands", cat="reconstruction"),
    ),
    C(
        "nl-r4-moldavie-01",
        "nl",
        "2024-03-05",
        "Het kabinet trekt 120 miljoen euro uit voor de wederopbouw van Oekraïne. Daarnaast gaat 15 miljoen "
        "euro naar Moldavië, dat kampt met Russische destabilisatie.",
        M(120e6, "EUR", donor="Netherlands", recipient="Ukraine", cat="reconstruction"),
        M(15e6, "EUR", donor="Netherlands", recipient="Moldova"),
    ),
    C(
        "nl-r4-liveblog-kronen-01",
        "nl",
        "2024-01-12",
        "10.15 uur: Noorwegen zegt Oekraïne 1 miljard kronen extra toe voor de aankoop van gas, meldt de "
        "Noorse regering.",
        M(1e9, "NOK", donor="Norway", status="pledged"),
    ),
    C(
        "nl-r4-tot-nu-toe-words-01",
        "nl",
        "2024-02-24",
        "Tot nu toe heeft Nederland ruim drie miljard euro aan militaire goederen aan Oekraïne geleverd.",
        M(3e9, "EUR", donor="Netherlands", qualifier="at_least", cat="military", years=(2022, 2024), **RT_DELIVERED),
    ),
    C(
        "nl-r4-kop-en-lead-f16-01",
        "nl",
        "2023-08-20",
        "Kabinet: 24 F-16's naar Oekraïne\n\nNederland zal in totaal 24 F-16-gevechtsvliegtuigen aan Oekraïne "
        "leveren, bevestigt het ministerie van Defensie.",
        Q(24, "F-16", donor="Netherlands", status="pledged", cat="military/aircraft"),
    ),
    C(
        "nl-r4-twee-keer-zoveel-01",
        "nl",
        "2024-04-11",
        "Nederland trekt dit jaar 3 miljard euro uit voor militaire steun aan Oekraïne, twee keer zoveel als "
        "vorig jaar.",
        M(3e9, "EUR", donor="Netherlands", status="pledged", cat="military", years=(2024, 2024)),
    ),
    C(
        "nl-r4-oekraine-faciliteit-01",
        "nl",
        "2024-02-01",
        "De Europese Raad heeft ingestemd met de Oekraïne-faciliteit van 50 miljard euro voor de jaren 2024 "
        "tot en met 2027.",
        M(50e9, "EUR", donor="EU", status="pledged", years=(2024, 2027)),
    ),
    C(
        "nl-r4-epf-tot-dusver-01",
        "nl",
        "2024-03-18",
        "Via de Europese Vredesfaciliteit is tot dusver 6,1 miljard euro aan militaire steun voor Oekraïne "
        "vrijgemaakt.",
        M(6.1e9, "EUR", donor="EU", cat="military", **RT_DELIVERED),
    ),
    C(
        "nl-r4-leent-pond-bevroren-01",
        "nl",
        "2024-12-11",
        "Het Verenigd Koninkrijk leent Oekraïne 2,26 miljard pond, terug te betalen uit de opbrengsten van "
        "bevroren Russische tegoeden.",
        M(2.26e9, "GBP", donor="United Kingdom", status="pledged", cat="financial"),
    ),
    C(
        "nl-r4-totaal-met-jaarlijks-01",
        "nl",
        "2024-09-17",
        "Het kabinet reserveert voor 2025 tot en met 2027 in totaal 3,5 miljard euro voor Oekraïne, jaarlijks "
        "circa 1,2 miljard euro.",
        M(3.5e9, "EUR", donor="Netherlands", status="pledged", years=(2025, 2027)),
    ),
    C(
        "nl-r4-label-value-table-01",
        "nl",
        "2024-06-01",
        "Door Nederland aan Oekraïne geleverd materieel (stand juni 2024):\nF-16-gevechtsvliegtuigen: 6\n"
        "Pantserhouwitsers: 8\nPatriot-lanceerinrichtingen: 3",
        Q(6, "F-16", donor="Netherlands", status="delivered"),
        Q(8, "howitzer", donor="Netherlands", status="delivered"),
        Q(3, "Patriot", donor="Netherlands", status="delivered"),
    ),
    C(
        "nl-r4-minister-not-in-officials-01",
        "nl",
        "2023-11-28",
        "Minister Schreinemacher maakt 10 miljoen euro vrij voor winterhulp in Oekraïne via het Rode Kruis.",
        M(10e6, "EUR", donor="Netherlands", status="pledged", cat="humanitarian"),
    ),
    C(
        "nl-r4-pakket-bestaat-uit-01",
        "nl",
        "2024-11-14",
        "Nederland trekt 200 miljoen euro uit voor Oekraïne. Het pakket bestaat uit 80 miljoen euro voor "
        "humanitaire hulp en 120 miljoen euro voor herstel van de energie-infrastructuur.",
        M(200e6, "EUR", donor="Netherlands", scope="package", cat="other"),
        M(80e6, "EUR", donor="Netherlands", scope="part", part_of=0, cat="humanitarian"),
        M(120e6, "EUR", donor="Netherlands", scope="part", part_of=0, cat="reconstruction"),
    ),
    C(
        "nl-r4-belgie-f16-periode-01",
        "nl",
        "2024-05-28",
        "België zegt Oekraïne 30 F-16's toe, te leveren tussen 2024 en 2028.",
        Q(30, "F-16", donor="Belgium", status="pledged", cat="military/aircraft", years=(2024, 2028)),
    ),
    C(
        "nl-r4-sinds-begin-oorlog-twee-categorieen-01",
        "nl",
        "2024-02-22",
        "Sinds het begin van de oorlog heeft Nederland 800 miljoen euro voor humanitaire hulp en wederopbouw "
        "in Oekraïne beschikbaar gesteld.",
        M(800e6, "EUR", donor="Netherlands", cat="other", years=(2022, 2024), **RT_DELIVERED),
    ),
    C(
        "nl-r4-vorig-jaar-gegeven-01",
        "nl",
        "2024-03-12",
        "In 2023 heeft het kabinet 2,5 miljard euro aan militaire steun aan Oekraïne gegeven.",
        M(2.5e9, "EUR", donor="Netherlands", status="delivered", cat="military", years=(2023, 2023)),
    ),
    C(
        "nl-r4-belgie-komt-op-01",
        "nl",
        "2024-10-15",
        "Met dit nieuwe pakket van 350 miljoen euro komt de Belgische steun aan Oekraïne op 2,6 miljard euro.",
        M(350e6, "EUR", donor="Belgium", status="pledged", scope="package"),
        M(2.6e9, "EUR", donor="Belgium", **RT_PLEDGED),
    ),
    C(
        "nl-r4-quote-purl-01",
        "nl",
        "2025-08-05",
        "'We stellen 500 miljoen euro beschikbaar voor de aankoop van Amerikaanse wapens voor Oekraïne,' zei "
        "minister Brekelmans dinsdag.",
        M(500e6, "EUR", donor="Netherlands", status="pledged", cat="military"),
    ),
    C(
        "nl-r4-duitsland-iris-t-01",
        "nl",
        "2024-09-10",
        "Duitsland levert Oekraïne vier extra IRIS-T-systemen, maakte minister Pistorius bekend.",
        Q(4, "IRIS-T", donor="Germany", status="pledged", cat="military/air_defence"),
    ),
    C(
        "nl-r4-ordinal-pakket-kronen-01",
        "nl",
        "2024-09-19",
        "Zweden kondigt zijn zeventiende steunpakket voor Oekraïne aan, ter waarde van 1,2 miljard kronen.",
        M(1.2e9, "SEK", donor="Sweden", status="pledged", scope="package"),
    ),
    D(
        "nl-r4-distractor-opvang-vluchtelingen-01",
        "nl",
        "2024-05-07",
        "De opvang van Oekraïense vluchtelingen in Nederland kost gemeenten dit jaar ruim 1 miljard euro.",
    ),
    D(
        "nl-r4-distractor-behoefte-zelensky-01",
        "nl",
        "2024-06-12",
        "Oekraïne heeft volgens president Zelensky jaarlijks 40 miljard dollar nodig voor zijn defensie.",
    ),
    D(
        "nl-r4-distractor-motie-sp-01",
        "nl",
        "2024-11-21",
        "De SP wil dat het kabinet 500 miljoen euro van de Oekraïne-steun naar de zorg overhevelt.",
    ),
    D(
        "nl-r4-distractor-aanval-odesa-01",
        "nl",
        "2024-03-16",
        "Bij de Russische aanval op Odesa werden 14 mensen gedood en 3 schepen beschadigd.",
    ),
    D(
        "nl-r4-distractor-voorjaarsnota-01",
        "nl",
        "2024-04-15",
        "De Kamer debatteert op 12 maart over de Voorjaarsnota, die een tekort van 2,9 procent van het bbp laat zien.",
    ),
    D(
        "nl-r4-distractor-eigen-defensie-01",
        "nl",
        "2024-09-17",
        "Het kabinet verwacht dat de Nederlandse defensie-uitgaven in 2025 uitkomen op 22 miljard euro.",
    ),
]

# --------------------------------------------------------------------------------------
# German
# --------------------------------------------------------------------------------------

DE_R4 = [
    C(
        "de-r4-bundesregierung-stellt-bereit-01",
        "de",
        "2024-11-06",
        "Die Bundesregierung stellt der Ukraine im Jahr 2025 weitere 4 Milliarden Euro für militärische "
        "Unterstützung bereit.",
        M(4e9, "EUR", donor="Germany", status="pledged", cat="military", years=(2025, 2025)),
    ),
    C(
        "de-r4-bmvg-lieferungen-umfassen-ua-01",
        "de",
        "2024-08-14",
        "Mit dem neuen Paket sagt Deutschland der Ukraine weiteres Material zu. Die Lieferungen umfassen u.a. "
        "18 Radhaubitzen RCH 155, 4 IRIS-T SLM-Feuereinheiten und 10.000 Schuss Artilleriemunition.",
        Q(18, "howitzer", donor="Germany", status="pledged", cat="military/artillery"),
        Q(4, "IRIS-T", donor="Germany", status="pledged", cat="military/air_defence"),
        Q(10000, "artillery shell", donor="Germany", status="pledged", cat="military/ammunition"),
    ),
    C(
        "de-r4-dpa-geliefert-oder-zugesagt-01",
        "de",
        "2024-06-11",
        "Deutschland hat der Ukraine seit Kriegsbeginn Waffen und Ausrüstung im Wert von rund 28 Milliarden "
        "Euro geliefert oder zugesagt, wie das Verteidigungsministerium der dpa mitteilte.",
        M(28e9, "EUR", donor="Germany", qualifier="about", cat="military", **RT_PLEDGED),
    ),
    C(
        "de-r4-bislang-geliefert-auswahl-01",
        "de",
        "2024-07-01",
        "Militärische Unterstützung Deutschlands für die Ukraine\n\n"
        "Bislang geliefert (Auswahl):\n• 3 Patriot-Systeme\n• 52 Gepard-Flakpanzer\n• 18 Leopard 2 A6",
        Q(3, "Patriot", donor="Germany", status="delivered", scope="running_total"),
        Q(52, "Gepard", donor="Germany", status="delivered", scope="running_total"),
        Q(18, "Leopard 2", donor="Germany", status="delivered", scope="running_total"),
    ),
    C(
        "de-r4-rat-billigt-auszahlung-01",
        "de",
        "2024-07-15",
        "Der Rat der EU hat die Auszahlung von 4,2 Milliarden Euro an die Ukraine im Rahmen der "
        "Ukraine-Fazilität gebilligt.",
        M(4.2e9, "EUR", donor="EU", status="pledged"),
    ),
    C(
        "de-r4-era-kredit-ueber-01",
        "de",
        "2024-10-22",
        "Aus den Zinserträgen eingefrorener russischer Vermögenswerte erhält die Ukraine von der EU einen "
        "Kredit über 18,1 Milliarden Euro.",
        M(18.1e9, "EUR", donor="EU", qualifier="exact", status="pledged", cat="financial"),
    ),
    C(
        "de-r4-moldau-recipient-01",
        "de",
        "2024-02-20",
        "Deutschland sagt der Ukraine 100 Millionen Euro für Winterhilfe zu. Zudem sagte Baerbock der Republik "
        "Moldau 60 Millionen Euro für die Energieversorgung zu.",
        M(100e6, "EUR", donor="Germany", recipient="Ukraine", cat="humanitarian"),
        M(60e6, "EUR", donor="Germany", recipient="Moldova"),
    ),
    C(
        "de-r4-zitat-scholz-sieben-milliarden-01",
        "de",
        "2024-02-17",
        "„Wir werden der Ukraine in diesem Jahr Militärhilfe von über sieben Milliarden Euro zukommen lassen“, "
        "sagte Scholz in München.",
        M(7e9, "EUR", donor="Germany", qualifier="at_least", status="pledged", cat="military", years=(2024, 2024)),
    ),
    C(
        "de-r4-neunzehn-f16-01",
        "de",
        "2023-08-20",
        "Dänemark schenkt der Ukraine neunzehn F-16-Kampfjets.",
        Q(19, "F-16", donor="Denmark", status="pledged", cat="military/aircraft"),
    ),
    C(
        "de-r4-finanzplan-verpflichtungsermaechtigungen-01",
        "de",
        "2024-07-17",
        "Für die Jahre 2025 bis 2028 sind im Finanzplan des Bundes Verpflichtungsermächtigungen von insgesamt "
        "6 Milliarden Euro für die militärische Unterstützung der Ukraine vorgesehen.",
        M(6e9, "EUR", donor="Germany", status="pledged", cat="military", years=(2025, 2028)),
    ),
    C(
        "de-r4-kfw-darlehen-zuschuss-01",
        "de",
        "2024-06-11",
        "Die KfW gewährt der Ukraine im Auftrag der Bundesregierung ein Darlehen über 100 Millionen Euro für "
        "den Wiederaufbau von Wärmekraftwerken; hinzu kommt ein Zuschuss von 30 Millionen Euro.",
        M(100e6, "EUR", donor="Germany", qualifier="exact", status="pledged", cat="financial"),
        M(30e6, "EUR", donor="Germany", status="pledged", cat="reconstruction"),
    ),
    C(
        "de-r4-paket-militaer-humanitaer-01",
        "de",
        "2024-03-26",
        "Österreich und die Ukraine haben ein neues Hilfspaket vereinbart. Es umfasst 30 Millionen Euro für "
        "humanitäre Minenräumung und 10 Millionen Euro für die Lebensmittelversorgung.",
        M(30e6, "EUR", donor="Austria"),
        M(10e6, "EUR", donor="Austria", cat="humanitarian"),
    ),
    C(
        "de-r4-korrektur-bislang-01",
        "de",
        "2024-05-06",
        "In einer früheren Version dieses Artikels hieß es, Deutschland habe 100 Leopard-1-Panzer an die "
        "Ukraine geliefert. Tatsächlich sind es bislang 80.",
        Q(80, "Leopard 1", donor="Germany", status="delivered"),
    ),
    C(
        "de-r4-spiegel-berichtet-01",
        "de",
        "2024-12-02",
        "Wie der „Spiegel“ berichtet, will die Bundesregierung der Ukraine weitere 500 Millionen Euro für "
        "Drohnen zur Verfügung stellen.",
        M(500e6, "EUR", donor="Germany", status="pledged", cat="military/drones"),
    ),
    C(
        "de-r4-vorjahr-vergleich-01",
        "de",
        "2024-03-04",
        "Die Bundesregierung hat für 2024 rund 7,1 Milliarden Euro an Militärhilfe für die Ukraine eingeplant. "
        "Das ist deutlich mehr als 2023, als es 5,4 Milliarden Euro waren.",
        M(7.1e9, "EUR", donor="Germany", qualifier="about", status="pledged", cat="military", years=(2024, 2024)),
        M(5.4e9, "EUR", donor="Germany", status="pledged", cat="military", years=(2023, 2023)),
    ),
    C(
        "de-r4-nato-gipfel-mindestens-01",
        "de",
        "2024-07-11",
        "Die Alliierten bekräftigten beim Gipfel in Washington, der Ukraine im kommenden Jahr Sicherheitshilfe "
        "von mindestens 40 Milliarden Euro zu leisten.",
        M(40e9, "EUR", recipient="Ukraine", qualifier="at_least", status="pledged", cat="military"),
    ),
    C(
        "de-r4-liveticker-kronen-01",
        "de",
        "2024-06-06",
        "+++ 16:05 Uhr: Norwegen sagt der Ukraine weitere 2,5 Milliarden Kronen für die Luftverteidigung zu +++",
        M(2.5e9, "NOK", donor="Norway", status="pledged", cat="military/air_defence"),
    ),
    C(
        "de-r4-zusagen-ueberblick-label-01",
        "de",
        "2024-04-22",
        "Neue Zusagen für die Ukraine im Überblick:\nDänemark: 1,3 Mrd. Kronen für Drohnen\n"
        "Schweden: 300 Mio. Kronen für Minenräumung",
        M(1.3e9, "DKK", donor="Denmark", status="pledged", cat="military/drones"),
        M(300e6, "SEK", donor="Sweden", status="pledged"),
    ),
    C(
        "de-r4-grossbritannien-pfund-01",
        "de",
        "2025-01-16",
        "Großbritannien stellt der Ukraine 2025 Militärhilfe in Höhe von 4,5 Milliarden Pfund zur Verfügung – "
        "so viel wie nie zuvor.",
        M(4.5e9, "GBP", donor="United Kingdom", status="pledged", cat="military", years=(2025, 2025)),
    ),
    C(
        "de-r4-bundeskanzler-besuch-kiew-01",
        "de",
        "2024-12-02",
        "Der Bundeskanzler sagte der Ukraine bei seinem Besuch in Kiew zusätzliche Rüstungsgüter im Wert von "
        "650 Millionen Euro zu.",
        M(650e6, "EUR", donor="Germany", recipient="Ukraine", status="pledged", cat="military"),
    ),
    C(
        "de-r4-aa-davon-winterhilfe-01",
        "de",
        "2024-10-09",
        "Das Auswärtige Amt stellt 2024 insgesamt 250 Mio. Euro für humanitäre Hilfe in der Ukraine bereit, "
        "davon 40 Mio. Euro für Winterhilfe.",
        M(250e6, "EUR", donor="Germany", scope="package", cat="humanitarian", years=(2024, 2024)),
        M(40e6, "EUR", donor="Germany", scope="part", part_of=0, cat="humanitarian", years=(2024, 2024)),
    ),
    C(
        "de-r4-krankenwagen-feuerwehr-01",
        "de",
        "2024-01-30",
        "Deutschland übergibt der Ukraine 50 Krankenwagen und 20 Feuerwehrfahrzeuge.",
        Q(50, "ambulance vehicle", donor="Germany", cat="humanitarian"),
        Q(20, "fire engine vehicle", donor="Germany", cat="humanitarian"),
    ),
    D(
        "de-r4-distractor-gefluechtete-laender-01",
        "de",
        "2024-11-07",
        "Die Länder erhalten vom Bund 2,75 Milliarden Euro für die Versorgung ukrainischer Geflüchteter.",
    ),
    D(
        "de-r4-distractor-territorium-01",
        "de",
        "2024-10-01",
        "Die Ukraine verlor seit Jahresbeginn nach eigenen Angaben rund 3.000 Quadratkilometer Territorium.",
    ),
    D(
        "de-r4-distractor-bundeswehr-ersatz-01",
        "de",
        "2024-07-24",
        "Die Bundeswehr erhält 105 neue Leopard 2A8 als Ersatz für an die Ukraine abgegebene Panzer.",
    ),
    D(
        "de-r4-distractor-russischer-angriff-01",
        "de",
        "2024-12-25",
        "Russland hat nach Angaben Kiews in der Nacht 120 Drohnen und 8 Raketen auf die Ukraine abgefeuert.",
    ),
    D(
        "de-r4-distractor-wiederaufbaubedarf-01",
        "de",
        "2024-02-15",
        "Den Wiederaufbaubedarf der Ukraine schätzt die Weltbank auf 486 Milliarden Dollar.",
    ),
    D(
        "de-r4-distractor-haushalt-01",
        "de",
        "2024-09-10",
        "Der Bundestag berät den Haushalt 2025 mit Ausgaben von 476 Milliarden Euro.",
    ),
    D(
        "de-r4-distractor-sondervermoegen-01",
        "de",
        "2024-06-05",
        "Das Sondervermögen Bundeswehr in Höhe von 100 Milliarden Euro ist fast vollständig verplant.",
    ),
    D(
        "de-r4-distractor-epf-erstattet-01",
        "de",
        "2024-03-18",
        "Aus der Europäischen Friedensfazilität wurden den Mitgliedstaaten bislang rund 6,1 Milliarden Euro "
        "für ihre Waffenlieferungen an die Ukraine erstattet.",
    ),
]

# --------------------------------------------------------------------------------------
# Known gaps found by this round (strict xfails; each comment: returned vs expected)
# --------------------------------------------------------------------------------------

_R = "round-4 probe: extractor gap"

# All 31 gaps this round found are fixed by general rules (README: extraction rules); the two item names of
# de-r4-bmvg-lieferungen-umfassen-ua-01 were German words and now follow the normalised names ("howitzer",
# "artillery shell") as in de-r3-closed-compound-items-passive-01.
KNOWN_GAPS_R4: dict[str, str] = {}


ALL_R4 = EN_R4 + NL_R4 + DE_R4
CASES_R4 = tg.register_round(ALL_R4, KNOWN_GAPS_R4)


@pytest.mark.parametrize("case", CASES_R4)
def test_passage(case: tg.Case) -> None:
    tg.test_passage(case)


def test_table_is_well_formed() -> None:
    ids = [p.values[0].id for p in ALL_R4]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    assert set(KNOWN_GAPS_R4) <= set(ids), "known gap for an unknown case"
    for p in ALL_R4:
        case = p.values[0]
        assert case.id.startswith(case.language + "-r4-"), case.id
        for exp in case.expected:
            if "part_of" in exp:
                assert 0 <= exp["part_of"] < len(case.expected), case.id
