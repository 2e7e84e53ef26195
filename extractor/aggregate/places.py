"""Where an event happened, as a comparable key and a country code, from the mentions Warta already found.

Event places are written as the article wrote them (``Kamboja``, ``Myawaddy``, ``Kota Chrey Thum``). A
place's country comes from, in order: a COUNTRY mention of that text in the article; the country the
corpus itself gives the name (``Myawaddy, Myanmar`` in any article, or a location rule of one country);
the country of the article's case count equal to the event's count. No gazetteer is loaded.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import regex

_NON_ALNUM = regex.compile(r"[^\p{L}\p{N}]++")
_ADJACENT = regex.compile(r"\s*+[,(]?+\s*+")
_RULE_COUNTRY = regex.compile(r"location\.geonames\.(?<code>[a-z]{2})")


@lru_cache(maxsize=65536)
def place_key(place: str | None, prefixes: tuple[str, ...] = ()) -> str | None:
    """``Kota Myawaddy`` and ``myawaddy`` and ``Mae Sot``/``Maesot`` compare equal."""
    if not place:
        return None
    words = place.casefold().split()
    folded = {p.casefold() for p in prefixes}
    while len(words) > 1 and words[0] in folded:
        words = words[1:]
    key = _NON_ALNUM.sub("", "".join(words))
    return key or None


class PlaceCountries:
    """Country codes for place names, voted over every article of the run (deterministic: ties go A-Z)."""

    def __init__(self, records: Iterable[dict[str, Any]], prefixes: Iterable[str], home_country: str,
                 home_rule_prefix: str = "location.indonesia.") -> None:
        self.prefixes = tuple(prefixes)
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for record in records:
            for key, code in self._local_votes(record, home_country, home_rule_prefix):
                votes[key][code] += 1
        self.by_key = {key: min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0] for key, counter in votes.items()}

    def _local_votes(self, record: dict[str, Any], home: str, home_prefix: str) -> Iterable[tuple[str, str]]:
        entities = sorted((e for e in record.get("entities", []) if isinstance(e.get("start"), int)),
                          key=lambda e: (e["start"], e.get("end", 0)))
        for i, ent in enumerate(entities):
            key = place_key(ent.get("text"), self.prefixes)
            if key is None:
                continue
            if ent["type"] == "COUNTRY" and ent.get("code"):
                yield key, str(ent["code"])
            elif ent["type"] == "LOCATION":
                rule = str(ent.get("rule", ""))
                found = _RULE_COUNTRY.fullmatch(rule)
                if found:
                    yield key, found["code"].upper()
                elif rule.startswith(home_prefix):
                    yield key, home
                elif i + 1 < len(entities) and entities[i + 1]["type"] == "COUNTRY" and entities[i + 1].get("code"):
                    nxt = entities[i + 1]
                    gap = nxt["start"] - ent.get("end", nxt["start"])
                    if 0 <= gap <= 3:  # "Myawaddy, Myanmar", "Poipet (Kamboja)"
                        yield key, str(nxt["code"])

    def country(self, record: dict[str, Any], place: str | None, count: int | None) -> str | None:
        key = place_key(place, self.prefixes)
        if key is not None:
            for ent in record.get("entities", []):
                if ent["type"] == "COUNTRY" and ent.get("code") and place_key(ent["text"], self.prefixes) == key:
                    return str(ent["code"])
            if key in self.by_key:
                return self.by_key[key]
        if count is not None:
            codes = sorted({str(e["country"]) for e in record.get("entities", [])
                            if e["type"] == "CASE_COUNT" and e.get("value") == count and e.get("country")})
            if len(codes) == 1:
                return codes[0]
        return None
