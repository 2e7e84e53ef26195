"""One row per cluster (its agreed date, place, count, sources) and the stage -> total links (``part_of``)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import combinations
from typing import Any

from ..timex import interval
from .cluster import Item, cluster_date, representative
from .events import EventRow
from .settings import StageSettings

TYPE_ORDER = {"MEETING": 0, "AGREEMENT": 1, "RESCUE": 2, "REPATRIATION": 3}


@dataclass(frozen=True)
class ClusterRow:
    cluster_id: int
    type: str
    date: str | None
    date_start: dt.date | None
    date_end: dt.date | None
    place: str | None
    country: str | None
    count: int | None
    participants: tuple[str, ...]
    n_articles: int
    n_stories: int
    first_published: dt.date | None
    last_published: dt.date | None
    doc_ids: tuple[str, ...]
    members: tuple[tuple[str, int], ...] = field(repr=False)
    part_of: int | None = None
    place_key: str | None = field(default=None, repr=False)
    spans: tuple[tuple[dt.date, dt.date], ...] = field(default=(), repr=False)  # the members' dates
    leg_docs: frozenset[str] = field(default=frozenset(), repr=False)  # articles of the first legs it took in


def summarize(groups: Sequence[Sequence[Item]], rows: dict[tuple[str, int], EventRow]) -> list[ClusterRow]:
    """Cluster rows numbered in a stable order: type, then date (or first publication), then first member."""
    drafts = []
    for members in groups:
        events = [rows[m.key] for m in members]
        published = sorted(m.published for m in members if m.published is not None)
        # the cluster's own events speak for it: a rescue joined to the repatriation it began (legs) does
        # not vote on the repatriation's date, place or count
        own = [m for m, e in zip(members, events, strict=True) if e.type == m.type] or list(members)
        date_value = cluster_date(own)
        span = interval(date_value)
        place_key = representative(m.place for m in own)
        mine = {m.key for m in own}
        place = representative(e.place for e, m in zip(events, members, strict=True)
                               if m.place == place_key and m.key in mine)
        counts = Counter(p for e in events for p in e.participants)
        doc_order = {m.doc_id: (str(m.published or ""), m.doc_id) for m in members}
        drafts.append(ClusterRow(
            cluster_id=0, type=members[0].type, date=date_value, date_start=span[0] if span else None,
            date_end=span[1] if span else None, place=_text(place) if place_key else None,
            country=_text(representative(m.country for m in own)),
            count=_int(representative(m.count for m in own)),
            participants=tuple(sorted(counts, key=lambda p: (-counts[p], p))),
            n_articles=len(doc_order), n_stories=len({m.story for m in members}),
            first_published=published[0] if published else None,
            last_published=published[-1] if published else None,
            doc_ids=tuple(sorted(doc_order, key=lambda d: doc_order[d])),
            members=tuple(m.key for m in members), place_key=_text(place_key),
            spans=tuple(span for span in (interval(m.date) for m in own) if span is not None),
            leg_docs=frozenset(m.doc_id for m in members if m.key not in mine)))
    drafts.sort(key=lambda c: (TYPE_ORDER.get(c.type, 9), c.type, c.date_start or c.first_published or date.max,
                               c.members[0]))
    return [replace(c, cluster_id=i) for i, c in enumerate(drafts, 1)]


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _int(value: object) -> int | None:
    return value if isinstance(value, int) else None


def link_stages(clusters: list[ClusterRow], settings: StageSettings) -> list[ClusterRow]:
    """Set ``part_of`` on each stage: its closest total (the smallest larger count that qualifies)."""
    docs = {c.cluster_id: set(c.doc_ids) for c in clusters}
    parents: dict[int, int] = {}
    for total in clusters:
        if total.type not in settings.types or total.count is None or total.date_start is None:
            continue
        assert total.date_end is not None
        if (total.date_end - total.date_start).days + 1 > settings.total_max_days:
            continue
        # all the dates its articles give, end to end (one misdated report of the total widens it), but
        # not a year someone wrote for it
        short = [s for s in total.spans if (s[1] - s[0]).days < settings.total_max_days]
        hull = (min(s[0] for s in short), max(s[1] for s in short)) if short else (total.date_start, total.date_end)
        inside = [c for c in clusters if _may_stage(c, total, docs[c.cluster_id], settings)
                  and c.count is not None and c.count < total.count
                  and c.date_start is not None and c.date_end is not None
                  and hull[0] <= c.date_start and c.date_end <= hull[1] and _places_agree(c, total)]
        stages = {c.cluster_id for c in inside if docs[c.cluster_id] & docs[total.cluster_id]}
        stages |= _summing(inside, total, settings.max_summed)
        for stage in stages:
            current = parents.get(stage)
            if current is None or _closer(total, current, clusters):
                parents[stage] = total.cluster_id
    return [replace(c, part_of=parents.get(c.cluster_id)) for c in clusters]


def _may_stage(stage: ClusterRow, total: ClusterRow, stage_docs: set[str], settings: StageSettings) -> bool:
    """A stage has its total's type; or it is a first leg's stage (``leg_types``) whose articles also tell the
    first leg that joined this total: the 400 taken out on 17 March, told beside the 569 taken out in all."""
    if stage.type == total.type:
        return True
    return (len(settings.leg_types) == 2 and (stage.type, total.type) == settings.leg_types
            and bool(stage_docs & total.leg_docs))


def _closer(total: ClusterRow, current: int, clusters: list[ClusterRow]) -> bool:
    other = clusters[current - 1]
    return (total.count or 0, total.cluster_id) < (other.count or 0, other.cluster_id)


def _places_agree(a: ClusterRow, b: ClusterRow) -> bool:
    if a.country and b.country:
        return a.country == b.country
    return not (a.place_key and b.place_key and a.place_key != b.place_key)


def _summing(candidates: list[ClusterRow], total: ClusterRow, max_summed: int) -> set[int]:
    """Stages whose counts add up exactly to the total (the first such set, smallest first)."""
    ordered = sorted(candidates, key=lambda c: c.cluster_id)
    largest = max_summed if len(ordered) <= 12 else 3  # keep the search small where many clusters qualify
    for size in range(2, min(largest, len(ordered)) + 1):
        for combo in combinations(ordered, size):
            if sum(c.count or 0 for c in combo) == total.count:
                return {c.cluster_id for c in combo}
    return set()


def as_dict(row: ClusterRow) -> dict[str, Any]:
    return {
        "cluster_id": row.cluster_id, "part_of": row.part_of, "type": row.type, "date": row.date,
        "date_start": row.date_start, "date_end": row.date_end, "place": row.place, "country": row.country,
        "count": row.count, "participants": list(row.participants), "n_articles": row.n_articles,
        "n_stories": row.n_stories, "first_published": row.first_published,
        "last_published": row.last_published, "doc_ids": list(row.doc_ids),
    }
