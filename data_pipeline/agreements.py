"""Find security agreements, joint declarations and joint statements, and reconcile them across documents."""

from __future__ import annotations

import hashlib
import re

import pandas as pd

from data_pipeline.documents import Document, date_phrases
from data_pipeline.extract.donors import donors_in, main_donor
from data_pipeline.extract.search import may_hold_between
from data_pipeline.extract.sentences import split_sentences
from data_pipeline.lexicon import common, lexicon
from data_pipeline.numbers import spelled_value
from data_pipeline.tables import conform

THEME_CONTEXT_SENTENCES = 2


def _duration(text: str, patterns: list[str], language: str) -> int | None:
    for pattern in patterns:
        match = re.search(pattern.removeprefix("re:"), text, re.IGNORECASE)
        if match:
            word = match.group("n")
            value = int(word) if word.isdigit() else spelled_value(word.lower(), language)
            if value and 1 <= value <= 100:
                return int(value)
    return None


def _names_no_agreement(text: str, sentences: list, lex) -> bool:
    """True when no sentence names a kind of agreement, known from one search of the whole text (most documents
    name none). A kind found in a sentence is a match in the whole text too when the sentence starts after a
    space and ends before one (as split_sentences makes them): its word boundaries are the same there."""
    if lex.any_agreement_kind_re is None or lex.any_agreement_kind_re.search(text):
        return False
    return all(
        (s.start == 0 or text[s.start - 1].isspace()) and (s.end == len(text) or text[s.end].isspace())
        for s in sentences
    )


def agreement_sightings(doc: Document) -> list[dict]:
    """Every sentence of one document that names an agreement with its kind, parties, dates and themes."""
    lex = lexicon(doc.language)
    text = doc.text
    if not may_hold_between(text, lex.agreement_kind_words, 0, len(text)):
        # Many documents: none of the words every kind's match holds. Known before splitting the text as written
        # (the extractor split its reading text, which differs where a curly apostrophe or a date line stands).
        return []
    sentences = split_sentences(text)
    recipient = common()["default_recipient"]
    if _names_no_agreement(text, sentences, lex):
        return []
    sightings = []
    for index, sentence in enumerate(sentences):
        chunk = text[sentence.start : sentence.end]
        kinds = [kind for kind, pattern in lex.agreement_kind_res.items() if pattern.search(chunk)]
        if not kinds or lex.agreement_exclusions_re.search(chunk):
            continue
        parties = {
            name for _, _, name in donors_in(text, sentence.start, sentence.end, lex) if name not in ("Russia", "NATO")
        }
        context = " ".join(text[s.start : s.end] for s in sentences[index : index + 1 + THEME_CONTEXT_SENTENCES])
        themes = {theme for theme, pattern in lex.theme_res.items() if pattern.search(context)}
        signed = None
        if lex.signed_cues_re.search(chunk) and not lex.future_cues_re.search(chunk):
            dated = date_phrases(chunk, doc.language)
            signed = dated[0][1] if dated else doc.published
        sightings.append(
            {
                "doc_id": doc.doc_id,
                "kind": kinds[0],
                "parties": parties,
                "signed": signed,
                "announced": doc.published,
                "duration_years": _duration(chunk, lex.words["duration"], doc.language),
                "themes": themes,
                "evidence": chunk.strip(),
            }
        )
    if not sightings:
        return []
    # Within one document, every sighting of a kind is the same agreement: the one naming most parties says who.
    merged: dict[str, dict] = {}
    for sighting in sightings:
        kept = merged.setdefault(sighting["kind"], {**sighting, "themes": set(), "parties": set()})
        if len(sighting["parties"]) > len(kept["parties"]):
            kept["parties"], kept["evidence"] = sighting["parties"], sighting["evidence"]
        kept["themes"] |= sighting["themes"]
        kept["signed"] = kept["signed"] or sighting["signed"]
        kept["duration_years"] = kept["duration_years"] or sighting["duration_years"]
    for kind, kept in merged.items():
        if lex.agreement_kind_res[kind].search(doc.title or ""):
            # The document is the agreement itself (or about it): all of it speaks to its themes.
            kept["themes"] |= {theme for theme, pattern in lex.theme_res.items() if pattern.search(text)}
        if len(kept["parties"]) < 2:
            donor = main_donor(text, doc.title, lex)
            kept["parties"] |= {donor} if donor else set()
            if recipient in {n for _, _, n in donors_in(text, 0, len(text), lex)}:
                kept["parties"].add(recipient)
    return list(merged.values())


def reconcile_agreements(sightings: list[dict]) -> pd.DataFrame:
    """One row per (kind, parties): the earliest announcement, the signing date, every source."""
    groups: dict[tuple, list[dict]] = {}
    for sighting in sorted(sightings, key=lambda s: (s["announced"] or "9999", s["doc_id"])):
        key = (sighting["kind"], tuple(sorted(sighting["parties"])))
        groups.setdefault(key, []).append(sighting)
    rows = []
    for (kind, parties), group in groups.items():
        if len(parties) < 2:
            continue
        dates = sorted(d for d in (s["announced"] for s in group) if d)
        signed = sorted(d for d in (s["signed"] for s in group) if d)
        sources = sorted({s["doc_id"] for s in group})
        rows.append(
            {
                "agreement_id": "A-" + hashlib.sha1(f"{kind}|{';'.join(parties)}".encode()).hexdigest()[:10],
                "parties": ";".join(parties),
                "kind": kind,
                "announced": dates[0] if dates else None,
                "signed": signed[0] if signed else None,
                "duration_years": next((s["duration_years"] for s in group if s["duration_years"]), None),
                "themes": ";".join(sorted(set().union(*(s["themes"] for s in group)))),
                "sources": ";".join(sources),
                "evidence": group[0]["evidence"],
            }
        )
    frame = pd.DataFrame(rows)
    if not frame.empty:
        frame = frame.sort_values(["announced", "agreement_id"], na_position="last")
    return conform("agreements", frame)
