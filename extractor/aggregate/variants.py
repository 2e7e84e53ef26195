"""Sources that disagree on a count: one occurrence told with two figures (pure logic, no spaCy).

Some articles give 554 people brought home as 400 + 154, others 569 as 400 + 169. Clustering keeps
different counts apart, so the two totals become two clusters, and so do 154 and 169. Both totals are
broken down, in their own articles, into the same stage (the 400): two clusters that are totals of one
stage cluster, or stages of one total cluster (an article's own ``part_of``), are one occurrence when
their counts lie within ``variant_count_tolerance`` of the larger and nothing else contradicts it (dates,
places, parties, one article each).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from itertools import combinations, product

from .cluster import Item, compatible, representative
from .events import EventRow
from .settings import ClusterSettings

Key = tuple[str, int]


def merge_variants(groups: Sequence[Sequence[Item]], rows: Mapping[Key, EventRow], settings: ClusterSettings,
                   tolerance: float) -> list[list[Item]]:
    """``groups`` with the variants of one occurrence joined, each sorted by key, sorted by first key."""
    merged = [sorted(g, key=lambda it: it.key) for g in groups]
    if tolerance <= 0:
        return merged
    while True:
        pair = next((p for p in _related(merged, rows) if _variants(merged[p[0]], merged[p[1]], settings, tolerance)),
                    None)
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


def _variants(a: Sequence[Item], b: Sequence[Item], settings: ClusterSettings, tolerance: float) -> bool:
    """Two groups of one type whose counts differ within ``tolerance`` and whose events are otherwise all
    compatible, each pair compared as if it gave one count (so a large group's dates get the slack of
    ``distinctive_count_days``, as for an equal count)."""
    x, y = representative(i.count for i in a), representative(i.count for i in b)
    if not isinstance(x, int) or not isinstance(y, int) or x == y or abs(x - y) > tolerance * max(x, y):
        return False
    return all(compatible(p, q if p.count is None or q.count is None else replace(q, count=p.count), settings)
               for p, q in product(a, b))
