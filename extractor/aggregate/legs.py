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
from dataclasses import dataclass, replace
from datetime import timedelta
from itertools import product

from ..timex import Interval, interval
from .cluster import Item, cluster_date, places_agree, representative
from .settings import ClusterSettings, StageSettings


@dataclass(frozen=True)
class _Group:
    """What joining compares of one group, computed once: its count, every count its articles give, its
    date's interval, its articles and stories."""

    count: int | None
    told: frozenset[int]
    span: Interval | None
    docs: frozenset[str]
    stories: frozenset[str]

    @classmethod
    def of(cls, members: Sequence[Item]) -> _Group:
        count = representative(m.count for m in members)
        return cls(count if isinstance(count, int) else None,
                   frozenset(m.count for m in members if m.count is not None), interval(cluster_date(members)),
                   frozenset(m.doc_id for m in members), frozenset(m.story for m in members))


def join_first_legs(groups: Sequence[Sequence[Item]], clusters: ClusterSettings, stages: StageSettings
                    ) -> list[list[Item]]:
    """``groups`` with each first-leg group joined to the operation it began, sorted by first key."""
    merged = sorted((list(g) for g in groups), key=lambda g: g[0].key)
    if len(stages.leg_types) != 2 or stages.leg_days <= 0:
        return merged
    first, second = stages.leg_types
    facts = [_Group.of(g) for g in merged]
    operations = [i for i, g in enumerate(merged) if g[0].type == second]
    joined: dict[int, list[int]] = {}
    for i, group in enumerate(merged):
        if group[0].type != first:
            continue
        fits = [(_rank(facts[i], facts[j], merged[j]), j) for j in operations
                if _one_operation(facts[i], facts[j], clusters, stages)
                and all(places_agree(p, q) for p, q in product(group, merged[j]))]
        if fits:
            joined.setdefault(min(fits)[1], []).append(i)
    if not joined:
        return merged
    gone = {i for legs in joined.values() for i in legs}
    for j, legs in joined.items():
        merged[j] = sorted([*merged[j], *(replace(m, type=second) for i in legs for m in merged[i])],
                           key=lambda it: it.key)
    return sorted((g for i, g in enumerate(merged) if i not in gone), key=lambda g: g[0].key)


def _rank(leg: _Group, operation: _Group, members: Sequence[Item]) -> tuple[int, int, tuple[str, int]]:
    """A figure the operation's articles give first, then the closest, then the operation most tell."""
    gap = min((abs(leg.count - c) for c in operation.told), default=0) if leg.count is not None else 0
    return gap, -len(members), members[0].key


def _one_operation(leg: _Group, operation: _Group, clusters: ClusterSettings, stages: StageSettings) -> bool:
    """Counts, dates and sources agree (places are checked event by event by the caller)."""
    x, y = leg.count, operation.count
    if x is None or y is None:
        return False
    # a group that holds variants (154 and 169) has each figure
    if x not in operation.told and (min(x, y) < clusters.distinctive_count
                                    or abs(x - y) > stages.close_count_tolerance * max(x, y)):
        return False
    a, b = leg.span, operation.span
    widest = timedelta(days=stages.leg_max_days - 1)
    if a is None or b is None or a[1] - a[0] > widest or b[1] - b[0] > widest:
        return False  # "in 2024": a statistic, not one operation
    if a[0] > b[1] or b[0] - a[1] > timedelta(days=stages.leg_days):
        return False
    # "10 WNI": small groups are many; one article or story must tell both acts
    return min(x, y) >= clusters.distinctive_count or bool(leg.docs & operation.docs or leg.stories & operation.stories)
