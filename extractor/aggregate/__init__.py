"""Across articles: ``warta aggregate`` turns Warta's JSON Lines into a DuckDB database of articles,
mentions, events, clusters (one row per real-world occurrence), case counts, officials and agencies.

The article-level output is read as it is, never changed. The modules: ``load`` (records, bad lines),
``stories`` (near-duplicate articles), ``places`` and ``events`` (what clustering compares),
``cluster`` (the clustering), ``variants`` (one occurrence told with two counts), ``legs`` (one operation
told as a rescue and a repatriation),
``summary`` (cluster rows, stages), ``officials``, ``database``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..timex import interval
from ..timex import parse_iso as parse_day
from .cluster import cluster
from .database import DatabaseWriter
from .events import EventRow, event_rows, published_day
from .legs import join_first_legs
from .load import InputError, Loaded, read_inputs
from .officials import agencies, officials
from .places import PlaceCountries
from .settings import Settings
from .stories import story_ids
from .summary import as_dict, link_stages, summarize
from .variants import merge_variants


@dataclass(frozen=True)
class Summary:
    """What one run did, for the one-line summary on standard error."""

    lines: int
    articles: int
    errors: int
    duplicates: int
    events: int
    clusters: int
    stages: int
    stories: int


def aggregate(paths: Sequence[str], output: Path, settings: Settings, texts: dict[str, str] | None = None,
              log: Callable[[str], None] = lambda _m: None,
              advance: Callable[[str], None] = lambda _d: None) -> tuple[Summary, list[InputError]]:
    """Read ``paths`` (``-`` is standard input), cluster, and write the database to ``output``."""
    loaded = read_inputs(paths, advance)
    with DatabaseWriter(output) as writer:
        writer.start(loaded.lines_kept)  # mentions and counts load while the events are clustered
        summary = _aggregate(loaded, writer, settings, texts, log)
    return summary, loaded.errors


def _aggregate(loaded: Loaded, writer: DatabaseWriter, settings: Settings, texts: dict[str, str] | None,
               log: Callable[[str], None]) -> Summary:
    records = loaded.records
    if texts:
        records = [dict(r, text=texts[r["doc_id"]]) if r["doc_id"] in texts and "text" not in r else r
                   for r in records]
    log(f"read {len(records)} articles from {loaded.lines} lines ({len(loaded.errors)} errors)")
    stories = story_ids(records, settings.stories)
    places = PlaceCountries(records, settings.clusters.place_prefixes, settings.clusters.home_country)
    rows = event_rows(records, stories, places, settings.clusters)
    by_key = {(r.doc_id, r.event_index): r for r in rows}
    groups = merge_variants(cluster((r.item for r in rows if r.item is not None), settings.clusters), by_key,
                            settings.clusters, settings.stages.variant_count_tolerance,
                            settings.stages.close_count_tolerance)
    groups = join_first_legs(groups, settings.clusters, settings.stages)
    clusters = link_stages(summarize(groups, by_key), settings.stages)
    cluster_of = {key: c.cluster_id for c in clusters for key in c.members}
    log(f"{len(rows)} events in {len(clusters)} clusters; {len(set(stories.values()))} stories")
    tables: dict[str, Iterable[dict[str, Any]]] = {
        "articles": [_article(r, stories) for r in records],
        "events": _events(rows, records, cluster_of),
        "clusters": [as_dict(c) for c in clusters],
        "officials": [asdict(p) for p in officials(records, stories)],
        "agencies": [asdict(a) for a in agencies(records, stories)],
        "errors": [asdict(e) for e in loaded.errors],
    }
    writer.finish(tables)
    return Summary(lines=loaded.lines, articles=len(records), errors=len(loaded.errors),
                   duplicates=loaded.duplicates, events=len(rows), clusters=len(clusters),
                   stages=sum(1 for c in clusters if c.part_of is not None), stories=len(set(stories.values())))


def _article(record: dict[str, Any], stories: dict[str, str]) -> dict[str, Any]:
    return {"doc_id": record["doc_id"], "source": record.get("source"), "url": record.get("url"),
            "title": record.get("title"), "published": parse_day(record.get("published")),
            "reference_date": parse_day(record.get("reference_date")),
            "story_id": stories.get(record["doc_id"]), "n_events": len(record.get("events", []))}


def _events(rows: list[EventRow], records: list[dict[str, Any]], cluster_of: dict[tuple[str, int], int]
            ) -> list[dict[str, Any]]:
    published = {r["doc_id"]: published_day(r) for r in records}
    return [_event(r, cluster_of, published[r.doc_id]) for r in rows]


def _event(row: EventRow, cluster_of: dict[tuple[str, int], int], published: date | None) -> dict[str, Any]:
    span = interval(row.date)
    return {"doc_id": row.doc_id, "event_index": row.event_index, "type": row.type, "date": row.date,
            "date_start": span[0] if span else None, "date_end": span[1] if span else None, "place": row.place,
            "country": row.country, "count": row.count, "participants": list(row.participants),
            "status": row.status, "rule": row.rule, "published": published,
            "cluster_id": cluster_of.get((row.doc_id, row.event_index))}
