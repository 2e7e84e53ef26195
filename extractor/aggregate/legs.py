"""One operation told as two acts: people taken out of a compound and brought home (pure logic, no spaCy).

ANNOTATION.md makes people "taken out of a compound and brought home in one operation" one REPATRIATION.
An article that tells only the first half ("569 WNI dikeluarkan dari Myawaddy, 17-18 March") writes a
RESCUE; one that tells the flights home writes a REPATRIATION of the same people. Each type clusters on its
own, so the operation comes back as two records. A cluster of the first of ``leg_types`` joins one of the
second when both are dated no wider than ``leg_max_days``, the first ends at most ``leg_days`` before the
second begins (and does not start after it ends), their counts are equal (or, of at least
``distinctive_count`` people, within ``close_count_tolerance``: 569 and 554; smaller, one article or story
must tell both acts), and no pair of their events names places in different countries. The joined cluster
takes the second type; each event keeps its own (``summary`` dates, places and counts the cluster by its
own-type events, and lets a first leg's stage be a stage of the operation).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta
from itertools import product

from ..timex import interval
from .cluster import Item, cluster_date, places_agree, representative
from .settings import ClusterSettings, StageSettings


def join_first_legs(groups: Sequence[Sequence[Item]], clusters: ClusterSettings, stages: StageSettings
                    ) -> list[list[Item]]:
    """``groups`` with each first-leg group joined to the operation it began, sorted by first key."""
    merged = sorted((list(g) for g in groups), key=lambda g: g[0].key)
    if len(stages.leg_types) != 2 or stages.leg_days <= 0:
        return merged
    first, second = stages.leg_types
    operations = [i for i, g in enumerate(merged) if g[0].type == second]
    joined: dict[int, list[int]] = {}
    for i, group in enumerate(merged):
        if group[0].type != first:
            continue
        fits = [(_rank(group, merged[j]), j) for j in operations
                if _one_operation(group, merged[j], clusters, stages)]
        if fits:
            joined.setdefault(min(fits)[1], []).append(i)
    if not joined:
        return merged
    gone = {i for legs in joined.values() for i in legs}
    for j, legs in joined.items():
        merged[j] = sorted([*merged[j], *(replace(m, type=second) for i in legs for m in merged[i])],
                           key=lambda it: it.key)
    return sorted((g for i, g in enumerate(merged) if i not in gone), key=lambda g: g[0].key)


def _rank(leg: Sequence[Item], operation: Sequence[Item]) -> tuple[int, int, tuple[str, int]]:
    """A figure the operation's articles give first, then the closest, then the operation most tell."""
    x = representative(m.count for m in leg)
    gaps = [abs(x - m.count) for m in operation if isinstance(x, int) and m.count is not None]
    return min(gaps, default=0), -len(operation), operation[0].key


def _one_operation(leg: Sequence[Item], operation: Sequence[Item], clusters: ClusterSettings,
                   stages: StageSettings) -> bool:
    x, y = representative(m.count for m in leg), representative(m.count for m in operation)
    if not isinstance(x, int) or not isinstance(y, int):
        return False
    told = {m.count for m in operation}  # a group that holds variants (154 and 169) has each figure
    if x not in told and (min(x, y) < clusters.distinctive_count
                          or abs(x - y) > stages.close_count_tolerance * max(x, y)):
        return False
    a, b = interval(cluster_date(leg)), interval(cluster_date(operation))
    widest = timedelta(days=stages.leg_max_days - 1)
    if a is None or b is None or a[1] - a[0] > widest or b[1] - b[0] > widest:
        return False  # "in 2024": a statistic, not one operation
    if a[0] > b[1] or b[0] - a[1] > timedelta(days=stages.leg_days):
        return False
    if min(x, y) < clusters.distinctive_count and not _shared_source(leg, operation):
        return False  # "10 WNI": small groups are many; one article or story must tell both acts
    return all(places_agree(p, q) for p, q in product(leg, operation))


def _shared_source(leg: Sequence[Item], operation: Sequence[Item]) -> bool:
    return bool({m.doc_id for m in leg} & {m.doc_id for m in operation}
                or {m.story for m in leg} & {m.story for m in operation})
