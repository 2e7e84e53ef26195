"""People and agencies across articles: one row per official (under a short name too), one per agency.

Within an article Warta already joins a short name to the full one (``Retno`` -> ``Retno Marsudi``);
across articles a name whose words all occur, in order, in exactly one longer name of the same country
is that person. Titles are listed in the order they were first seen, so a promotion shows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import regex

from .events import published_day

_WORD = regex.compile(r"[\p{L}\p{N}]++")


@dataclass(frozen=True)
class PersonRow:
    name: str
    aliases: tuple[str, ...]
    titles: tuple[str, ...]
    countries: tuple[str, ...]
    agencies: tuple[str, ...]
    n_articles: int
    n_stories: int
    first_seen: date | None
    last_seen: date | None
    doc_ids: tuple[str, ...]


def _words(name: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in _WORD.findall(name))


def _in_order(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(word in it for word in short)


def officials(records: Iterable[dict[str, Any]], stories: dict[str, str]) -> list[PersonRow]:
    sightings: dict[tuple[str, ...], list[tuple[dict[str, Any], dict[str, Any]]]] = defaultdict(list)
    for record in records:
        seen: set[tuple[str, ...]] = set()
        for ent in record.get("entities", []):
            if ent["type"] != "OFFICIAL" or not ent.get("name"):
                continue
            key = _words(str(ent["name"]))
            if key:
                sightings[key].append((record, ent))
                seen.add(key)
    country = {key: _mode(e.get("country") for _, e in seen_list) for key, seen_list in sightings.items()}
    by_word: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for key in sightings:
        for word in key:
            by_word[word].add(key)
    canonical: dict[tuple[str, ...], tuple[str, ...]] = {}
    for key in sorted(sightings, key=lambda k: (-len(k), k)):
        containing = set.intersection(*(by_word[w] for w in key))
        longer = {canonical[k] for k in containing if len(k) > len(key) and _in_order(key, k)
                  and (country[key] is None or country[k] is None or country[k] == country[key])}
        canonical[key] = longer.pop() if len(longer) == 1 else key
    merged: dict[tuple[str, ...], list[tuple[dict[str, Any], dict[str, Any]]]] = defaultdict(list)
    for key, seen_list in sightings.items():
        merged[canonical[key]].extend(seen_list)
    return sorted((_row(seen_list, stories) for seen_list in merged.values()),
                  key=lambda p: (-p.n_articles, p.name))


def _mode(values: Iterable[Any]) -> str | None:
    counter = Counter(str(v) for v in values if v)
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0] if counter else None


def _row(seen_list: list[tuple[dict[str, Any], dict[str, Any]]], stories: dict[str, str]) -> PersonRow:
    names = Counter(str(e["name"]) for _, e in seen_list)
    longest = max(names, key=lambda n: (len(_words(n)) > 1, names[n], len(_words(n)), n))  # the usual full name
    dated = sorted((((published_day(r) or date.max), r["doc_id"], e) for r, e in seen_list),
                   key=lambda t: (t[0], t[1], t[2].get("start", 0)))
    titles: list[str] = []
    for _, _, ent in dated:
        if ent.get("title") and ent["title"] not in titles:
            titles.append(str(ent["title"]))
    days = [d for d, _, _ in dated if d != date.max]
    docs = sorted({r["doc_id"] for r, _ in seen_list})
    return PersonRow(
        name=longest, aliases=tuple(sorted(n for n in names if n != longest)), titles=tuple(titles),
        countries=tuple(sorted({str(e["country"]) for _, e in seen_list if e.get("country")})),
        agencies=tuple(sorted({str(e["agency"]) for _, e in seen_list if e.get("agency")})),
        n_articles=len(docs), n_stories=len({stories.get(d, d) for d in docs}),
        first_seen=days[0] if days else None, last_seen=days[-1] if days else None, doc_ids=tuple(docs))


@dataclass(frozen=True)
class AgencyRow:
    name: str
    acronym: str | None
    country: str | None
    kind: str | None
    n_articles: int
    n_stories: int
    first_seen: date | None
    last_seen: date | None


def agencies(records: Iterable[dict[str, Any]], stories: dict[str, str]) -> list[AgencyRow]:
    seen: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = defaultdict(list)
    for record in records:
        for ent in record.get("entities", []):
            if ent["type"] == "AGENCY" and ent.get("name"):
                seen[str(ent["name"])].append((record, ent))
    rows = []
    for name, sightings in seen.items():
        docs = {r["doc_id"] for r, _ in sightings}
        days = sorted(d for d in (published_day(r) for r, _ in sightings) if d)
        rows.append(AgencyRow(name, _mode(e.get("acronym") for _, e in sightings),
                              _mode(e.get("country") for _, e in sightings),
                              _mode(e.get("kind") for _, e in sightings), len(docs),
                              len({stories.get(d, d) for d in docs}), days[0] if days else None,
                              days[-1] if days else None))
    return sorted(rows, key=lambda a: (-a.n_articles, a.name))
