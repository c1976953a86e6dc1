"""A minister's surname names the donor only where the minister gives.

common.json "officials" lets "Pistorius kündigte … an" or "Healey announced £…" stand for Germany or the United
Kingdom. A minister who only speaks ("…, Scholz said", "according to Healey", "zei Brekelmans", "laut Baerbock")
does not make the figure theirs (PLEDGES.md: the donor is who commits the support). The passages for this rule are
data: concerns officials-who-give, officials-who-speak and federal-words in tests/passages/*.yaml; this module holds
the check of the document's main donor, which no passage can state.
"""

from __future__ import annotations


def test_main_donor_ignores_a_minister_who_only_speaks() -> None:
    from data_pipeline.extract.donors import main_donor
    from data_pipeline.lexicon import lexicon

    text = "Ukraine needs more air defence, Scholz said. Partners must act faster, Scholz added."
    assert main_donor(text, "Scholz: Ukraine needs air defence", lexicon("en")) is None
    assert main_donor("Pistorius kündigte neue Hilfe an.", "", lexicon("de")) == "Germany"
