"""When a system mention, attribute or participant agrees with the gold (the shared scorer's rules)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from .model import KEY_ATTRIBUTE


def normalize(value: Any) -> Any:
    """Numbers as they are; anything else as a lower-case string with single spaces."""
    if value is None or isinstance(value, (int, float)):
        return value
    return re.sub(r"\s+", " ", str(value)).strip().lower()


def overlaps(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return bool(a["start"] < b["end"] and b["start"] < a["end"])


def key_agrees(type_: str, gold: Mapping[str, Any], system: Mapping[str, Any]) -> bool:
    """The type's key attribute agrees (or gold has none). CASE_COUNT values compare as integers."""
    key = KEY_ATTRIBUTE.get(type_)
    if key is None or gold.get(key) is None:
        return True
    if type_ == "CASE_COUNT":
        try:
            return int(system.get(key)) == int(gold[key])  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return False
    return bool(normalize(system.get(key)) == normalize(gold.get(key)))


def match_mentions(gold: Sequence[Mapping[str, Any]], system: Sequence[Mapping[str, Any]], type_: str,
                   mode: str) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, system index): gold in text order, each taking the
    unused system mention it overlaps most (the earliest listed on ties)."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi in sorted(range(len(gold)), key=lambda i: gold[i]["start"]):
        g = gold[gi]
        best: tuple[int, int] | None = None
        for si, s in enumerate(system):
            if si in used or not overlaps(g, s):
                continue
            if mode in ("lenient", "strict") and not key_agrees(type_, g, s):
                continue
            if mode == "strict" and (g["start"], g["end"]) != (s["start"], s["end"]):
                continue
            overlap = min(g["end"], s["end"]) - max(g["start"], s["start"])
            if best is None or overlap > best[0]:
                best = (overlap, si)
        if best is not None:
            used.add(best[1])
            pairs.append((gi, best[1]))
    return pairs


def scorable_entities(system_doc: Mapping[str, Any], ignore: Sequence[Sequence[int]]) -> list[dict[str, Any]]:
    """System entities with integer offsets, minus those touching an IGNORE region."""
    entities = [e for e in system_doc.get("entities") or []
                if isinstance(e, dict) and isinstance(e.get("start"), int) and isinstance(e.get("end"), int)]
    return [e for e in entities if not any(e["start"] < b and a < e["end"] for a, b in ignore)]


def _key_of(type_: str, mention: Mapping[str, Any]) -> dict[str, Any]:
    key = KEY_ATTRIBUTE.get(type_)
    return {key: mention.get(key)} if key else {}


def attribute_agrees(attr: str, gold_value: Any, system_value: Any) -> bool:
    """Normalized equality; a ``name`` may also contain, or be contained in, the gold name."""
    ok = bool(normalize(system_value) == normalize(gold_value))
    if attr == "name" and not ok and system_value:
        s, g = normalize(system_value), normalize(gold_value)
        ok = s in g or g in s
    return ok
