"""Which money figures only spread a stated total over its years: "… to 21.9 billion kroner in 2023-2028. This year
7.5 billion, 10.4 billion in 2024 and one billion a year in 2025-2028" is one pledge, not four (PLEDGES.md 7.3: no
delivery schedule of one pledge, no per-year rate beside its total). The test is arithmetic, not wording: figures
next to a total, in its donor and currency, each covering a narrower slice of its years without overlapping, that
add up to it."""

from __future__ import annotations

from data_pipeline.extract.candidates import Candidate

# Rounded figures ("rund 1,5 Milliarden") still add up to their total within this share of it.
SUM_TOLERANCE = 0.01


def without_year_schedules(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates without those that split a total next to them (before or after it) by year."""
    ordered = sorted(candidates, key=lambda c: c.start)
    schedule: set[int] = set()
    for position, total in enumerate(ordered):
        span = _span(total)
        if total.kind != "money" or not total.amount or total.fields.get("per_year") or span is None:
            continue
        if span[0] == span[1] or id(total) in schedule:
            continue
        for neighbours in (ordered[position + 1 :], ordered[position - 1 :: -1] if position else []):
            run = _schedule_run(total, span, neighbours)
            if run:
                schedule.update(id(c) for c in run)
                break
    return [c for c in candidates if id(c) not in schedule]


def _schedule_run(total: Candidate, span: tuple[int, int], neighbours: list[Candidate]) -> list[Candidate]:
    """The figures next to `total`, in text order away from it, whose yearly slices add up to it; [] if none do."""
    run: list[Candidate] = []
    taken: set[int] = set()
    covered = 0.0
    for candidate in neighbours:
        slice_ = _span(candidate)
        if (
            candidate.kind != "money"
            or not candidate.amount
            or candidate.currency != total.currency
            or candidate.fields.get("donor") != total.fields.get("donor")
            or slice_ is None
            or slice_ == span
            or slice_[0] < span[0]
            or slice_[1] > span[1]
        ):
            break
        years = set(range(slice_[0], slice_[1] + 1))
        if years & taken:
            break
        taken |= years
        covered += candidate.amount * (len(years) if candidate.fields.get("per_year") else 1)
        run.append(candidate)
        if len(run) >= 2 and abs(covered - total.amount) <= SUM_TOLERANCE * total.amount:
            return run
        if covered > total.amount * (1 + SUM_TOLERANCE):
            break
    return []


def _span(candidate: Candidate) -> tuple[int, int] | None:
    first, last = candidate.fields.get("years", (None, None))
    return (first, last) if first is not None and last is not None else None
