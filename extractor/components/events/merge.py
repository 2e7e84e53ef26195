"""Coreference of event mentions across an article: the mentions of one occurrence become one event.

Pure (no spaCy). Mentions of one type whose count, date and participants are compatible and that
stand close enough (``merge_window``, ``anaphor_window`` sentences) join one event, every mention
kept as evidence; a mention too thin to stand alone may announce the next event ("kunjungan ke
Kamboja pada 11 Juni", then "bertemu dengan ...").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ... import timex
from .model import Event, Mention
from .settings import EventSettings


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Two dates may be one occurrence's: equal, unknown, or one inside the other."""
    if a is None or b is None or a == b:
        return True
    ia, ib = timex.interval(a), timex.interval(b)
    if ia is None or ib is None:
        return False
    return timex.within(ia, ib) or timex.within(ib, ia)


def dates_overlap(a: str | None, b: str | None) -> bool:
    """Two dates may be one occurrence's period: unknown, or overlapping ("hingga Juli" and "Februari-16 Juli")."""
    ia, ib = timex.interval(a), timex.interval(b)
    if a is None or b is None or a == b:
        return True
    return ia is not None and ib is not None and ia[0] <= ib[1] and ib[0] <= ia[1]


def approximately(cfg: EventSettings, a: int, a_qualifier: str, b: int, b_qualifier: str) -> bool:
    """Two different counts of which exactly one is qualified ("lebih dari 1.200") and the other, exact,
    fits it within ``approx_count_slack`` (1.203)."""
    if a == b or bool(a_qualifier) == bool(b_qualifier):
        return False
    rough, q, exact = (a, a_qualifier, b) if a_qualifier else (b, b_qualifier, a)
    slack = rough * cfg.approx_count_slack
    if q in ("more_than", "at_least"):
        return rough <= exact <= rough + slack
    if q in ("almost", "less_than", "at_most"):
        return rough - slack <= exact <= rough
    return abs(exact - rough) <= slack


def merge(cfg: EventSettings, mentions: list[Mention]) -> tuple[list[Event], list[tuple[Mention, str]]]:
    """The events of an article in order of their first sentence, and the mentions that started none
    with the reason (for ``warta explain``)."""
    events: list[Event] = []
    rejected: list[tuple[Mention, str]] = []
    body = [m for m in mentions if not m.headline]
    heads = [m for m in mentions if m.headline]
    pending: list[Mention] = []  # too little to stand alone, but may announce the next event
    for m in body + heads:
        events.extend(_told_both_ways(cfg, events, m))
        target = _find_event(cfg, events, m)
        if target is None and (m.presupposed or (m.anaphoric and m.count is None)):
            # "Selain 34 orang yang dipulangkan", "kunjungan ini ... MoU yang diteken 21 Agustus 2023": the
            # occurrence already told, whatever count (an anaphor with its own count may be a stage) or date
            target = next((e for e in reversed(events) if e.type == m.type
                           and m.sentence - e.last_sentence <= cfg.anaphor_window), None)
            if target is None and m.presupposed:
                rejected.append((m, f"{m.type} mention told as already known (presupposed) joins no event"))
                continue
        if target is not None:
            _absorb(cfg, target, m)
        elif _starts_event(cfg, m, events):
            _inherit(cfg, events, m)
            event = Event(
                type=m.type, rule=m.rule.id, status=m.status, participants=dict(m.participants),
                date=m.date, place=m.place, place_is_location=m.place_is_location, count=m.count,
                first_sentence=m.sentence, last_sentence=m.sentence, evidence=[evidence(m)], place_rank=m.place_rank,
                count_qualifier=m.count_qualifier, place_parent=m.place_parent)
            for p in [p for p in pending if _announces(cfg, p, event)]:
                pending.remove(p)
                _absorb(cfg, event, p)
                event.first_sentence = min(event.first_sentence, p.sentence)
            events.append(event)
        else:
            if not (m.anaphoric or m.headline):
                pending.append(m)
            rejected.append((m, f"{m.type} mention with too little to stand alone (participants "
                                f"{list(m.participants.values())}, count {m.count}, status {m.status})"))
    for e in events:  # a wave keeps its parent's final place (a better one may have come after the wave)
        if e.place_parent is not None:
            take_place(e, e.place_parent)
    return sorted(events, key=lambda e: e.first_sentence), rejected


def _joins(cfg: EventSettings, event: Event, m: Mention) -> bool:
    if event.type != m.type or not dates_compatible(event.date, m.date):
        return False
    if m.type in cfg.needs_count and m.count is not None and event.count is not None:
        return m.count == event.count
    if m.anaphoric or (not m.participants and m.count is None):
        return m.sentence - event.last_sentence <= cfg.anaphor_window
    if m.type in cfg.needs_count and m.count is not None and event.count is None:
        return m.sentence - event.last_sentence <= cfg.merge_window
    distance = m.sentence - event.last_sentence
    if m.type in cfg.needs_count and m.count is None and event.count is not None and m.realized \
            and (m.place is None or event.place is None or m.place == event.place):
        return True  # "berhasil memulangkan para korban": the one operation the article reports, told again
    shared = _shares_participant(m.participants, event.participants)
    return (shared and distance <= cfg.anaphor_window) or distance <= cfg.merge_window


def _shares_participant(a: dict[str, str], b: dict[str, str]) -> bool:
    """Two mentions name a common party: the same key, or one name inside the other (Polri, Desk
    Ketenagakerjaan Polri)."""
    return any(x == y or f" {x} " in f" {y} " or f" {y} " in f" {x} " for x in a for y in b)


def _starts_event(cfg: EventSettings, m: Mention, events: list[Event]) -> bool:
    if m.headline:  # a title only adds to the body's events, unless it says an operation with its count is done
        # that the body does not tell (a title's "Diselamatkan" over the body's repatriation of that group)
        return m.type in cfg.needs_count and m.count is not None and m.realized and m.status == "occurred" \
            and all(e.count != m.count for e in events)
    need = int(m.rule.get("min_participants", cfg.min_participants.get(m.type, 0)))
    if m.type in cfg.needs_count:
        if m.count is not None:
            return len(m.participants) >= need
        return len(m.participants) >= max(need, 1) and m.realized and m.status == "occurred" \
            and not m.rule.get("count_required")
    return m.parties >= need and (need > 0 or m.count is not None)


def _announces(cfg: EventSettings, p: Mention, e: Event) -> bool:
    """A mention just before an event that it may announce."""
    return (p.type == e.type and p.status == e.status and 0 < e.first_sentence - p.sentence <= cfg.merge_window
            and dates_compatible(p.date, e.date)
            and (p.count is None or e.count is None or p.count == e.count))


def _find_event(cfg: EventSettings, events: list[Event], m: Mention) -> Event | None:
    if m.type in cfg.needs_count and m.count is not None:
        same_count = [e for e in events if e.type == m.type and e.count == m.count
                      and dates_compatible(e.date, m.date)]
        if same_count:
            return same_count[-1]
        # "lebih dari 1.200 WNI" and "1.203 WNI" over overlapping periods: one occurrence, told roughly and exactly
        rough = [e for e in events if e.type == m.type and e.count is not None
                 and approximately(cfg, e.count, e.count_qualifier, m.count, m.count_qualifier)
                 and dates_overlap(e.date, m.date)]
        if rough:
            return rough[-1]
    for e in reversed(events):
        if e.type != m.type:
            continue
        if m.headline:
            if _shares(e, m) and dates_compatible(e.date, m.date):
                return e
        elif _joins(cfg, e, m):
            return e
    return None


def _told_both_ways(cfg: EventSettings, events: list[Event], m: Mention) -> list[Event]:
    """An anaphor of a type the article has not told yet, within ``anaphor_window`` sentences after an
    operation told as the other type ("pemulangan 569 WNI ... penyelamatan itu dibagi dua tahap"; "operasi
    pembebasan 554 WNI ... tahapan pemulangan ini"), names that operation: one operation told both ways is of
    ``operation_type`` (ANNOTATION.md: taken out and brought home in one operation is one REPATRIATION). The
    anaphor takes that type; a told operation of the other type gets its ``operation_type`` twin (returned)."""
    op = cfg.operation_type
    if op is None or not m.anaphoric or m.headline or m.type not in cfg.needs_count \
            or any(e.type == m.type for e in events):
        return []
    told = _just_told(cfg, events, m)
    if told is None:  # (of m's own type there is none, as checked above)
        return []
    if m.type != op:
        m.type = op
        return []
    if told.count is None or (m.count is not None and m.count >= told.count) or told.status != "occurred":
        return []
    return [Event(type=op, rule=m.rule.id, status=told.status, participants=dict(told.participants),
                  date=told.date, place=told.place, place_is_location=told.place_is_location, count=told.count,
                  first_sentence=told.first_sentence, last_sentence=m.sentence,
                  evidence=sorted([*told.evidence, evidence(m)], key=lambda x: x["start"]),
                  place_rank=told.place_rank, count_qualifier=told.count_qualifier)]


def _just_told(cfg: EventSettings, events: list[Event], m: Mention, placed: bool = False) -> Event | None:
    """The latest rescue or repatriation (with a place, if ``placed``) an anaphor ``m`` may refer back to:
    within ``anaphor_window`` sentences."""
    told = next((e for e in reversed(events) if e.type in cfg.needs_count and (e.place is not None or not placed)),
                None)
    return told if told is not None and m.sentence - told.last_sentence <= cfg.anaphor_window else None


def _inherit(cfg: EventSettings, events: list[Event], m: Mention) -> None:
    """A wave of a rescue or repatriation just reported ("gelombang pertama, 46 WNI") keeps
    the parent's place and actors when its own sentence names none; an anaphor of an operation told as
    another type ("pemulangan ini" after a rescue) keeps its place."""
    if m.type not in cfg.needs_count:
        return
    parent = next((e for e in reversed(events) if e.type == m.type), None)
    if parent is None and m.anaphoric and m.place is None:
        # "operasi pembebasan 300 WNI di Bavet ... tahap pemulangan ini": the operation just told
        told = _just_told(cfg, events, m, placed=True)
        if told is not None:
            take_place(m, told)
        return
    if parent is None or m.sentence - parent.last_sentence > cfg.merge_window:
        return
    if m.place is None:
        take_place(m, parent)
        m.place_parent = parent
    if not m.participants:
        m.participants = dict(parent.participants)


def take_place(target: Event | Mention, source: Event | Mention) -> None:
    """The place of ``source`` with what goes with it (is it a LOCATION, its rank in place_precedence)."""
    target.place, target.place_is_location, target.place_rank = source.place, source.place_is_location, \
        source.place_rank


def _shares(e: Event, m: Mention) -> bool:
    return bool(set(m.participants) & set(e.participants)) or (m.count is not None and m.count == e.count)


def _narrower(new: str | None, old: str | None) -> bool:
    """``new`` is a more precise date inside ``old`` ("2025-03-18" inside "2025-03")."""
    a, b = timex.interval(new), timex.interval(old)
    return bool(a and b and timex.within(a, b) and timex.span_days(a) < timex.span_days(b))


def evidence(m: Mention) -> dict[str, Any]:
    return {"start": m.start_char, "end": m.end_char, "trigger": m.triggers[0], "rule": m.rule.id}


def _absorb(cfg: EventSettings, e: Event, m: Mention) -> None:
    if (told := evidence(m)) not in e.evidence:  # a twin of _told_both_ways already holds its anaphor
        e.evidence.append(told)
        e.evidence.sort(key=lambda x: x["start"])
    if m.headline:
        if e.place is None and m.place is not None:  # "Polri pulangkan 9 WNI dari Kamboja" over a body without it
            take_place(e, m)
        if m.realized and m.status == "occurred" and m.count is not None and m.count == e.count:
            e.status = "occurred"  # a title "62 WNI Berhasil Dipulangkan" over "dijadwalkan pulang hari ini"
        return
    e.last_sentence = max(e.last_sentence, m.sentence)
    for key, name in m.participants.items():
        e.participants.setdefault(key, name)
    if m.date is not None:
        if e.date is None:
            e.date = m.date
        elif _narrower(m.date, e.date):
            e.date = m.date
    if m.count is not None and (e.count is None or (e.count_qualifier and not m.count_qualifier)):
        if e.count is not None and m.date is not None:
            e.date = m.date  # the exact report of a roughly told count dates it
        e.count, e.count_qualifier = m.count, m.count_qualifier
    same_count = m.count is not None and m.count == e.count
    # a better role (place_precedence) wins when the mention surely tells the same occurrence (its count) or the
    # event's place had no cue at all; then, for the same count, a city over its country
    better = m.place_rank < e.place_rank and (same_count or e.place_rank == cfg.place_rank(e.type, "bare"))
    if m.place is not None and (e.place is None or better
                                or (m.place_rank == e.place_rank and same_count and m.place_is_location
                                    and not e.place_is_location)):
        take_place(e, m)
        e.place_parent = m.place_parent
    # "repatriasi ini", or "selama proses ... pemulangan berlangsung" after a scheduled group, says nothing of
    # whether it happened: a mention makes the event occurred with a realized cue or the event's own count
    if m.status == "occurred" and not m.anaphoric and (m.realized or same_count or e.type not in cfg.needs_count):
        e.status = "occurred"


def fold_duplicates(cfg: EventSettings, events: list[Event]) -> list[Event]:
    """An article reports each occurrence once: two events of one type with the same count (a meeting or
    agreement: the same two or more parties), compatible dates and places (one of them unknown, or equal)
    are one, however they were found (a stage listed after a total, and the same group told on its own
    further down; the same parties' meeting told again with nothing to tell it apart). The earlier keeps
    the other's evidence, participants, and its date or place where it had none or a wider one."""
    kept: list[Event] = []
    for e in sorted(events, key=lambda e: e.first_sentence):
        twin = next((k for k in kept if k.type == e.type and _same_identity(cfg, k, e)
                     and dates_compatible(k.date, e.date)
                     and (k.place is None or e.place is None or k.place == e.place)), None)
        if twin is None:
            kept.append(e)
            continue
        twin.evidence = sorted(twin.evidence + [x for x in e.evidence if x not in twin.evidence],
                               key=lambda x: x["start"])
        twin.last_sentence = max(twin.last_sentence, e.last_sentence)
        for key, name in e.participants.items():
            twin.participants.setdefault(key, name)
        if twin.date is None or _narrower(e.date, twin.date):
            twin.date = e.date or twin.date
        if twin.place is None and e.place is not None:
            take_place(twin, e)
        if e.status == "occurred":
            twin.status = "occurred"
    return kept


def _same_identity(cfg: EventSettings, k: Event, e: Event) -> bool:
    """What names an occurrence within one article: its count, or for the other types its parties (the same
    two or more: a bilateral meeting and a later one with a third party are two) and its status (a meeting
    held, then the next one scheduled)."""
    if e.type in cfg.needs_count:
        return e.count is not None and k.count == e.count and k.count_qualifier == e.count_qualifier
    return len(e.participants) >= 2 and k.participants.keys() == e.participants.keys() and k.status == e.status


def listed(cfg: EventSettings, events: list[Event],
           reference: str | None) -> tuple[list[Event], list[tuple[Event, str]]]:
    """The events the annotation rules list (status in ``listed_statuses``), and the others with the
    reason. An event dated wholly after the (stated) reference date has not happened yet: planned."""
    ref = timex.interval(reference)
    kept: list[Event] = []
    dropped: list[tuple[Event, str]] = []
    for e in events:
        when = timex.interval(e.date)
        if ref is not None and when is not None and when[0] > ref[1] and e.status == "occurred":
            e.status = "planned"
        if e.status in cfg.listed_statuses:
            kept.append(e)
        else:
            dropped.append((e, f"{e.type} event with status {e.status}: not listed (listed_statuses)"))
    return kept, dropped


def link_stages(cfg: EventSettings, events: list[Event]) -> None:
    """A total and its stages stay apart: events of one type whose counts (at least ``min_stages`` of
    them, dates inside the total's) add up to another's count are its stages (``part_of``)."""
    for i, total in enumerate(events):
        if total.type not in cfg.needs_count or total.count is None:
            continue
        outer = timex.interval(total.date)
        if outer is not None and outer[0] == outer[1]:  # a day: when the last group came home
            outer = (outer[0] - dt.timedelta(days=cfg.stage_lead_days), outer[1])
        stages = [j for j, s in enumerate(events)
                  if j != i and s.type == total.type and s.part_of is None and s.count is not None
                  and s.count < total.count
                  and (outer is None or (iv := timex.interval(s.date)) is None or timex.within(iv, outer))]
        if len(stages) >= cfg.min_stages and sum(events[j].count or 0 for j in stages) == total.count:
            for j in stages:
                events[j].part_of = i
            if total.date is None:  # "Totalnya, 249 WNI telah dipulangkan": the total spans its stages
                total.date = span_of([d for j in stages if (d := events[j].date) is not None])


def share_places(cfg: EventSettings, events: list[Event]) -> None:
    """One group, one place: a RESCUE or REPATRIATION with no place takes the place of an event of another
    such type with the same count (the people freed are the people brought home). One told roughly in a
    sentence the other shares ("lebih dari 1.200 WNI diselamatkan dan dipulangkan") takes its exact count
    and date."""
    for e in events:
        if e.type in cfg.needs_count and e.count is not None and e.count_qualifier:
            exact = next((o for o in events if o.type != e.type and o.type in cfg.needs_count and o.count is not None
                          and approximately(cfg, e.count, e.count_qualifier, o.count, o.count_qualifier)
                          and any(x["start"] == y["start"] for x in e.evidence for y in o.evidence)), None)
            if exact is not None:
                e.count, e.count_qualifier, e.date = exact.count, "", exact.date or e.date
    for e in events:
        if e.place is not None or e.type not in cfg.needs_count or e.count is None:
            continue
        same = next((o for o in events if o.type != e.type and o.type in cfg.needs_count and o.count == e.count
                     and o.place is not None), None)
        if same is not None:
            take_place(e, same)


def agreed_at_meetings(cfg: EventSettings, events: list[Event]) -> None:
    """"Dalam pertemuan itu, kedua negara sepakat ...": an AGREEMENT told among a MEETING's sentences (or
    within ``merge_window`` after them) with no date or place of its own was made there and then."""
    for e in events:
        if e.type != "AGREEMENT" or (e.date is not None and e.place is not None):
            continue
        meeting = next((m for m in events if m.type == "MEETING"
                        and m.first_sentence <= e.first_sentence <= m.last_sentence + cfg.merge_window), None)
        if meeting is not None:
            e.date = e.date or meeting.date
            if e.place is None:
                take_place(e, meeting)


def span_of(values: list[str]) -> str | None:
    """The dates' span as one value: from the start of the earliest to the end of the latest
    ("2026-01-22" and "2026-01-30/2026-01-31" give "2026-01-22/2026-01-31"); None if any is unreadable."""
    spans = [(iv, v) for v in values if (iv := timex.interval(v)) is not None]
    if not spans or len(spans) < len(values):
        return None
    first = min(spans, key=lambda x: x[0][0])[1].split("/")[0]
    last = max(spans, key=lambda x: x[0][1])[1].split("/")[-1]
    return first if first == last else f"{first}/{last}"
