"""Sources that disagree on a count: one occurrence told with two figures (pure logic, no spaCy).

Some articles give 554 people brought home as 400 + 154, others 569 as 400 + 169. Clustering keeps
different counts apart, so the two totals become two clusters, and so do 154 and 169. Both totals are
broken down, in their own articles, into the same stage (the 400): two clusters that are totals of one
stage cluster, or stages of one total cluster (an article's own ``part_of``), are one occurrence when
their counts lie within ``variant_count_tolerance`` of the larger and nothing else contradicts it (dates,
places, parties, one article each). Without such a link, two clusters of large counts (``distinctive_count``)
within ``close_count_tolerance`` are one when their own dates agree (``_same_occasion``): 564 and 554.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from itertools import combinations, product

from ..timex import interval
from .cluster import Item, cluster_date, compatible, representative
from .events import EventRow
from .settings import ClusterSettings

Key = tuple[str, int]


def merge_variants(groups: Sequence[Sequence[Item]], rows: Mapping[Key, EventRow], settings: ClusterSettings,
                   tolerance: float, close_tolerance: float) -> list[list[Item]]:
    """``groups`` with the variants of one occurrence joined, each sorted by key, sorted by first key."""
    merged = [sorted(g, key=lambda it: it.key) for g in groups]
    if tolerance <= 0 and close_tolerance <= 0:
        return merged
    while True:
        pair = next((p for p in _related(merged, rows) if _variants(merged[p[0]], merged[p[1]], settings, tolerance)),
                    None) or next((p for p in _close(merged, settings, close_tolerance)
                                   if _same_occasion(merged[p[0]], merged[p[1]], settings, close_tolerance)), None)
        if pair is None:
            return sorted(merged, key=lambda g: g[0].key)
        a, b = pair
        merged[a] = sorted([*merged[a], *merged[b]], key=lambda it: it.key)
        del merged[b]


def _related(groups: list[list[Item]], rows: Mapping[Key, EventRow]) -> list[tuple[int, int]]:
    """Pairs of groups (by index, in order) that share a stage or a total through some article's part_of."""
    group_of = {m.key: i for i, g in enumerate(groups) for m in g}
    totals: dict[int, set[int]] = {}  # stage group -> its total groups
    stages: dict[int, set[int]] = {}  # total group -> its stage groups
    for key, row in rows.items():
        if row.part_of is None:
            continue
        stage, total = group_of.get(key), group_of.get((key[0], row.part_of))
        if stage is not None and total is not None and stage != total:
            totals.setdefault(stage, set()).add(total)
            stages.setdefault(total, set()).add(stage)
    return sorted({pair for linked in (*totals.values(), *stages.values())
                   for pair in combinations(sorted(linked), 2)})


def _close(groups: list[list[Item]], settings: ClusterSettings, tolerance: float) -> list[tuple[int, int]]:
    """Pairs of groups (by index) of one type whose counts, both at least ``distinctive_count``, lie within
    ``tolerance`` of the larger: 554 and 564 people told of one operation with no stage to link them. Pairs
    with more articles come first (the figure most sources give draws the misprints), then the closest, so a
    chain (554, 564, 575) joins its nearest figures, whatever the ids."""
    if tolerance <= 0:
        return []
    counted = sorted((c, g[0].type, i) for i, g in enumerate(groups)
                     if isinstance(c := representative(m.count for m in g), int) and c >= settings.distinctive_count)
    pairs: list[tuple[int, float, int, int, int, int]] = []
    for n, (x, type_, i) in enumerate(counted):
        for y, other_type, j in counted[n + 1:]:
            if y - x > tolerance * y:
                break
            if other_type == type_ and y != x:
                pairs.append((-len(groups[i]) - len(groups[j]), (y - x) / y, x, y, min(i, j), max(i, j)))
    return [(i, j) for *_, i, j in sorted(pairs)]


def _variants(a: Sequence[Item], b: Sequence[Item], settings: ClusterSettings, tolerance: float) -> bool:
    """Two groups of one type whose counts differ within ``tolerance`` and whose events are otherwise all
    compatible, each pair compared as if it gave one count (so a large group's dates get the slack of
    ``distinctive_count_days``, as for an equal count)."""
    x, y = representative(i.count for i in a), representative(i.count for i in b)
    if not isinstance(x, int) or not isinstance(y, int) or x == y or abs(x - y) > tolerance * max(x, y):
        return False
    return all(compatible(p, q if p.count is None or q.count is None else replace(q, count=p.count), settings)
               for p, q in product(a, b))


def _span(group: Sequence[Item], settings: ClusterSettings) -> tuple[date, date] | None:
    """When a group's occurrence happened: its date (``cluster_date``), else the days from
    ``published_window_days`` before its first article to its last (a month-long undated window would let
    any two groups of one month join)."""
    span = interval(cluster_date(group))
    if span is not None:
        return span
    published = [m.published for m in group if m.published is not None]
    if not published:
        return None
    return min(published) - timedelta(days=settings.published_window_days), max(published)


def _same_occasion(a: Sequence[Item], b: Sequence[Item], settings: ClusterSettings, tolerance: float) -> bool:
    """Two groups with close counts and no stage between them: one occurrence when all their counts stay
    within ``tolerance`` of the largest, the groups' dates (not each event's, which an equal count lets drift)
    are no wider than ``undated_window_days`` and lie within ``date_slack_days``, and no pair of their events
    contradicts it otherwise (places, parties, one article each)."""
    counts = [m.count for m in (*a, *b) if m.count is not None]
    if counts and max(counts) - min(counts) > tolerance * max(counts):
        return False
    x, y = _span(a, settings), _span(b, settings)
    slack, widest = timedelta(days=settings.date_slack_days), timedelta(days=settings.undated_window_days)
    if x is None or y is None or x[1] - x[0] > widest or y[1] - y[0] > widest:
        return False  # "in 2024": a year holds many operations of about that size
    if x[0] - y[1] > slack or y[0] - x[1] > slack:
        return False
    return all(compatible(p, replace(q, count=None, window=None), settings) for p, q in product(a, b))
