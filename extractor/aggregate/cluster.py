"""Event clustering: which events of many articles are one real-world occurrence (pure logic, no spaCy).

Two events are *compatible* when nothing contradicts their being one occurrence (dates, counts, places,
participants, not the same article) and *linked* when their evidence score reaches the threshold.
Clusters grow along links from the strongest down, and only when every pair across the two clusters is
compatible (complete linkage). Links are ordered by score and then by the events' own keys, never by
input order, so the same events always give the same clusters.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..timex import Interval, granularity_days, interval
from .settings import ClusterSettings


@dataclass(frozen=True)
class Item:
    """What clustering knows of one event. ``key`` is (doc_id, event_index); ``window`` is the date's
    interval, or for an undated event the days before its article's publication."""

    key: tuple[str, int]
    type: str
    date: str | None = None
    window: Interval | None = None
    count: int | None = None
    place: str | None = None  # a comparable key (places.place_key)
    country: str | None = None
    participants: frozenset[str] = frozenset()  # canonical names
    foreign: frozenset[str] = frozenset()  # foreign countries among the participants
    foreign_people: frozenset[str] = frozenset()  # foreign officials among them (canonical names)
    published: dt.date | None = None
    story: str = ""

    @property
    def doc_id(self) -> str:
        return self.key[0]


def make_window(value: str | None, published: date | None, settings: ClusterSettings) -> Interval | None:
    """The days an event may have happened: its date's interval up to its article's publication (what was
    reported as done was done by then), else a window of ``undated_window_days`` up to the publication."""
    span = interval(value)
    if published is None:
        return span
    if span is not None:
        # what an article reports as having happened happened by the day it was published ("in 2025" in April)
        return (span[0], min(span[1], published)) if span[0] <= published else span
    return published - timedelta(days=settings.undated_window_days), published


def compatible(a: Item, b: Item, settings: ClusterSettings) -> bool:
    """Nothing says these two are different occurrences."""
    if a.doc_id == b.doc_id or a.type != b.type:
        return False
    if a.window is not None and b.window is not None:
        days = settings.date_slack_days
        if a.count is not None and a.count == b.count and a.count >= settings.distinctive_count:
            days = max(days, settings.distinctive_count_days)  # 554 people twice: a date slip, not news
        slack = timedelta(days=days)
        if a.window[0] - b.window[1] > slack or b.window[0] - a.window[1] > slack:
            return False
    if a.count is not None and b.count is not None and not _counts_agree(a.count, b.count, settings):
        return False
    if not places_agree(a, b):
        return False
    if a.type not in settings.participant_check_types:
        return True
    return not (a.foreign and b.foreign and not a.foreign & b.foreign
                or a.foreign_people and b.foreign_people and not a.foreign_people & b.foreign_people)


def places_agree(a: Item, b: Item) -> bool:
    """Countries equal where both are known; else place keys equal where both are given."""
    if a.country is not None and b.country is not None:
        return a.country == b.country
    return a.place is None or b.place is None or a.place == b.place


def _counts_agree(x: int, y: int, settings: ClusterSettings) -> bool:
    return abs(x - y) <= settings.count_tolerance * max(x, y)


def score(a: Item, b: Item, settings: ClusterSettings) -> float:
    """The evidence that two compatible events are one occurrence (points from the settings)."""
    ev = settings.evidence
    points = 0.0
    if a.count is not None and b.count is not None:
        points += ev.same_count
    if a.date and b.date and interval(a.date) == interval(b.date):
        points += ev.same_day if granularity_days(a.date) == 1 else ev.same_date
    if a.place is not None and a.place == b.place:
        points += ev.same_place
    elif a.country is not None and a.country == b.country:
        points += ev.same_country
    shared = len(a.participants & b.participants)
    if shared:  # the parties identify a meeting or agreement; rescuers (Kemlu, KBRI) are the same for many
        points += ev.shared_participant * min(shared, settings.participants_counted
                                              if a.type in settings.participant_check_types else 1)
    if a.story and a.story == b.story:
        points += ev.same_story
    if a.published and b.published and abs((a.published - b.published).days) <= settings.published_window_days:
        points += ev.published_close
    return points


@dataclass
class _Group:
    members: list[Item] = field(default_factory=list)


def cluster(items: Iterable[Item], settings: ClusterSettings) -> list[list[Item]]:
    """Groups of items that are one occurrence, each sorted by key, the groups sorted by their first key."""
    by_type: dict[str, list[Item]] = {}
    for item in sorted(items, key=lambda i: i.key):
        by_type.setdefault(item.type, []).append(item)
    groups: list[list[Item]] = []
    for same_type in by_type.values():
        groups.extend(_cluster_one_type(same_type, settings))
    return sorted(groups, key=lambda g: (g[0].type, g[0].key))


def _cluster_one_type(items: Sequence[Item], settings: ClusterSettings) -> list[list[Item]]:
    # Undated first, then by the start of the window: a dated event stops being compared once the
    # others start after its window ends. The order is by content only, never by input order.
    items = sorted(items, key=lambda it: (it.window[0] if it.window else date.min, it.key))
    reach = timedelta(days=max(settings.date_slack_days, settings.distinctive_count_days))
    ok: set[tuple[int, int]] = set()
    links: list[tuple[float, int, int]] = []
    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            b = items[j]
            if a.window is not None and b.window is not None and b.window[0] > a.window[1] + reach:
                break
            if compatible(a, b, settings):
                ok.add((i, j))
                points = score(a, b, settings)
                if points >= settings.min_link_score:
                    links.append((-points, i, j))
    links.sort()  # strongest first; ties by the order above
    group_of = list(range(len(items)))
    groups: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    for _, i, j in links:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        if all((min(x, y), max(x, y)) in ok for x in groups[gi] for y in groups[gj]):
            keep, gone = min(gi, gj), max(gi, gj)
            for x in groups[gone]:
                group_of[x] = keep
            groups[keep].extend(groups.pop(gone))
    return [sorted((items[i] for i in members), key=lambda it: it.key) for members in groups.values()]


def representative(values: Iterable[object]) -> object | None:
    """The most frequent non-null value; ties go to the smallest (as text), so the choice is stable."""
    counter = Counter(v for v in values if v is not None)
    if not counter:
        return None
    return min(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))[0]


def cluster_date(members: Sequence[Item]) -> str | None:
    """The most precise date the articles give: of the narrowest granularity, the most frequent."""
    dated = [m.date for m in members if m.date and interval(m.date) is not None]
    if not dated:
        return None
    narrowest = min(granularity_days(d) for d in dated)
    return str(representative(d for d in dated if granularity_days(d) == narrowest))
