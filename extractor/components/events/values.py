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
    whole a part is taken from ("5 dari 11 WNI": the group is the 5; "sebagian dari 300 WNI": a share). A
    count of companions ("kembali bersama 40 WNI lainnya") leaves out the one they went with: one more."""
    attrs = e._.attrs or {}
    value = attrs.get("value")
    if e.label_ != "CASE_COUNT" or not isinstance(value, int) \
            or str(attrs.get("unit") or "").lower() in cfg.count_units_excluded:
        return None
    before = e.doc[e.start - 1].lower_ if e.start > 0 else ""
    if before in cfg.whole_markers and e.start > 1 and (e.doc[e.start - 2].ent_type_ == "CASE_COUNT"
                                                         or e.doc[e.start - 2].lower_ in cfg.part_words):
        return None  # (not "salah satu dari 400 WNI yang dipulangkan": one of the group the event moved)
    if before in cfg.remainder_words:
        return None
    return value + 1 if before in cfg.companion_words and _others_after(cfg, e) else value


def _others_after(cfg: EventSettings, e: Span) -> bool:
    """"bersama 40 WNI lainnya", "bersama 11 lainnya": the count's noun (if any), then an others word."""
    doc = e.doc
    return any(i < len(doc) and doc[i].lower_ in cfg.others_words for i in (e.end, e.end + 1))


def parted(cfg: EventSettings, t: Trigger, e: Span) -> bool:
    """Is the trigger's subject a share of count ``e`` ("6.000 WNI melapor, sepertiga di antaranya sudah
    pulang"; "memulangkan separuh dari 600 WNI")? A part word (``part_words``) between the two heads that
    subject when only ``part_fillers`` stand between it and the trigger (or the count, after the trigger); not
    when it says "mostly" (``majority_words``: "sebagian besar warga asing") or describes the group ("120 WNI,
    sebagian perempuan, telah dipulangkan")."""
    doc = e.doc

    def fillers(lo: int, hi: int) -> bool:
        return all(doc[j].lower_ in cfg.part_fillers for j in range(lo, hi))

    before = e.end <= t.start
    between = range(e.end, t.start) if before else range(t.end, e.start)
    for i in between:
        if doc[i].lower_ not in cfg.part_words or (i + 1 < len(doc) and doc[i + 1].lower_ in cfg.majority_words):
            continue
        if (fillers(i + 1, t.start) if before else fillers(t.end, i) and fillers(i + 1, e.start)):
            return True
    return False
