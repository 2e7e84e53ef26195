"""What a mention is worth to an event: a DATE's resolved value, a CASE_COUNT's number of people."""

from __future__ import annotations

from spacy.tokens import Span

from .model import Trigger
from .settings import EventSettings


def date_value(e: Span) -> str | None:
    """A DATE mention's resolved value, or None (not a DATE, or one left unresolved)."""
    value = (e._.attrs or {}).get("value") if e.label_ == "DATE" else None
    return value if isinstance(value, str) and value else None


def people_count(cfg: EventSettings, e: Span) -> int | None:
    """A CASE_COUNT's value when it may be an event's count of people: not of an excluded unit (kasus,
    tersangka, ...), nor right after a remainder word ("kini tersisa 154 WNI": those left behind), nor the
    whole a part is taken from ("5 dari 11 WNI": the group is the 5)."""
    attrs = e._.attrs or {}
    value = attrs.get("value")
    if e.label_ != "CASE_COUNT" or not isinstance(value, int) \
            or str(attrs.get("unit") or "").lower() in cfg.count_units_excluded:
        return None
    before = e.doc[e.start - 1].lower_ if e.start > 0 else ""
    if before in cfg.whole_markers and e.start > 1 and e.doc[e.start - 2].ent_type_ == "CASE_COUNT":
        return None  # (not "salah satu dari 400 WNI yang dipulangkan": one of the group the event moved)
    return None if before in cfg.remainder_words else value


def parted(cfg: EventSettings, t: Trigger, e: Span) -> bool:
    """Does a part word (``part_words``) stand between count ``e`` and trigger ``t``? Then the trigger's
    people are a share of that count, not all of it ("6.000 WNI melapor, sepertiga di antaranya sudah
    pulang"); not when it says "mostly" (``majority_words``: "7.000 orang, sebagian besar warga asing, yang
    diselamatkan")."""
    doc = e.doc
    between = range(e.end, t.start) if e.end <= t.start else range(t.end, e.start)
    return any(doc[i].lower_ in cfg.part_words and not (i + 1 < len(doc) and doc[i + 1].lower_ in cfg.majority_words)
               for i in between)
