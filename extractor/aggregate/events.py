"""Each article's events as clustering items: dates as windows, places as keys and countries, participants
as canonical names (the names Warta normalized in that article's mentions)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..timex import parse_iso as parse_day
from .cluster import Item, make_window
from .places import PlaceCountries, place_key
from .settings import ClusterSettings


@dataclass(frozen=True)
class EventRow:
    """One row of the ``events`` table, with the item clustering sees (None: not clustered)."""

    doc_id: str
    event_index: int
    type: str
    date: str | None
    place: str | None
    country: str | None
    count: int | None
    participants: tuple[str, ...]
    status: str | None
    rule: str | None
    item: Item | None
    part_of: int | None = None  # the article's own stage -> total link (the index of its total)


def published_day(record: dict[str, Any]) -> date | None:
    """When the article was news: its publication date, else its reference date; the page's own header date
    where extraction preferred it to a record dated long after (when the page was fetched)."""
    if record.get("reference_basis") == "header":
        return parse_day(record.get("reference_date")) or parse_day(record.get("published"))
    return parse_day(record.get("published")) or parse_day(record.get("reference_date"))


def _names(record: dict[str, Any]) -> dict[str, tuple[str, str | None, bool]]:
    """Surface or normalized name -> (canonical name, country, is a person) over the article's mentions."""
    names: dict[str, tuple[str, str | None, bool]] = {}
    for ent in record.get("entities", []):
        if ent["type"] in ("OFFICIAL", "AGENCY") and ent.get("name"):
            value = (str(ent["name"]), ent.get("country"), ent["type"] == "OFFICIAL")
            names.setdefault(ent["text"].casefold(), value)
            names.setdefault(str(ent["name"]).casefold(), value)
        elif ent["type"] == "COUNTRY" and ent.get("code"):
            names.setdefault(ent["text"].casefold(), (str(ent["code"]), str(ent["code"]), False))
    return names


def event_rows(records: Iterable[dict[str, Any]], stories: dict[str, str], places: PlaceCountries,
               settings: ClusterSettings) -> list[EventRow]:
    rows: list[EventRow] = []
    for record in records:
        names = _names(record)
        published = published_day(record)
        for index, event in enumerate(record.get("events", [])):
            count = event.get("count") if isinstance(event.get("count"), int) else None
            date = event.get("date") if isinstance(event.get("date"), str) else None
            place = event.get("place") if isinstance(event.get("place"), str) else None
            country = places.country(record, place, count)
            key = place_key(place, settings.place_prefixes)
            if country == settings.home_country and event["type"] == "REPATRIATION":
                key, country = None, None  # where they were brought home to, not from
            participants = tuple(str(p) for p in event.get("participants") or [] if isinstance(p, str))
            resolved = [names.get(p.casefold(), (p, None, False)) for p in participants]
            home = settings.home_country
            status = event.get("status") if isinstance(event.get("status"), str) else None
            item = None
            if status is None or status in settings.statuses:
                item = Item(
                    key=(record["doc_id"], index), type=str(event["type"]), date=date,
                    window=make_window(date, published, settings), count=count, place=key, country=country,
                    participants=frozenset(name.casefold() for name, _, _ in resolved),
                    foreign=frozenset(str(c) for _, c, _ in resolved if c and c != home),
                    foreign_people=frozenset(n.casefold() for n, c, person in resolved if person and c and c != home),
                    published=published, story=stories.get(record["doc_id"], record["doc_id"]))
            part_of = event.get("part_of") if isinstance(event.get("part_of"), int) else None
            rows.append(EventRow(record["doc_id"], index, str(event["type"]), date, place,
                                 country or places.country(record, place, count), count, participants, status,
                                 event.get("rule") if isinstance(event.get("rule"), str) else None, item, part_of))
    return rows
