"""Seventy-eight realistic articles written for this project (en/nl/de, tests/articles/docs/), scored like the
devset.

They were written, in rounds of eighteen, eighteen, twenty-four and eighteen, to probe the extractor on whole
documents it had not seen: headlines, datelines, quotes, background figures (casualties, GDP, other countries'
aid, earlier years), packages with parts, running totals, repeats, bullet lists and tables, live blogs,
parliamentary answers and summaries, interviews, Council conclusions, quarterly overviews, regional papers on a
local firm, correction notices, articles about Russia's economy where almost no figure is support, and (the
fourth round) fact checks, press-conference transcripts, a summit declaration, budget debates, op-eds full of
comparisons and per-head figures. Their labels are in tests/articles/gold.csv, written before the extractor read
them. The fourth round scored F1 0.83 on first contact and 0.90 after the general rules it prompted. The
thresholds sit a little under today's scores (F1 0.94 overall, no language under 0.92) so that a change that
costs several mentions fails here.
"""

from __future__ import annotations

from pathlib import Path

from pipeline_helpers import scored_build

ARTICLES = Path(__file__).resolve().parent / "articles" / "docs"
GOLD = ARTICLES.parent / "gold.csv"
MIN_F1 = 0.93


def test_whole_articles_in_three_languages_are_read_with_f1_over_point_nine_three(tmp_path):
    scores, report = scored_build(ARTICLES, GOLD, ARTICLES / "manifest.csv", tmp_path)
    assert scores["overall"] >= MIN_F1, report
    # No language may lag far behind the others.
    assert min(scores[language] for language in ("en", "nl", "de")) >= 0.9, report
