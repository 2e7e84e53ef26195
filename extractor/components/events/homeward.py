"""The first leg of an operation: people taken out of where they were held, then flown home.

"180 WNI berhasil dikeluarkan dari kompleks itu, Senin (7/4) ... rombongan mendarat di Juanda
besok (8/4)": the taking out (an event of a trigger with ``first_leg: REPATRIATION``) is the start of
a repatriation under way. The annotation rules list people taken out and brought home in one
operation as one REPATRIATION, so when the article dates the group's arrival (a mention of that type)
within ``first_leg_days`` of the taking out, that event is written too (with the first leg's count and
place, dated by the arrival), unless another group is told in between. An arrival without a date
("sebelum dipulangkan") is only planned.
"""

from __future__ import annotations

from ... import timex
from .merge import evidence
from .model import Event, Mention
from .settings import EventSettings


def first_legs(cfg: EventSettings, events: list[Event], mentions: list[Mention]) -> list[Event]:
    """The operations under way that the article's first legs start (none already written with that count)."""
    added: list[Event] = []
    for leg in events:
        whole = _whole_of(leg, mentions)
        if whole is None or leg.count is None:
            continue
        if any(e.type == whole and e.count == leg.count for e in events + added):
            continue
        arrival = next((m for m in mentions if m.type == whole and _arrives(cfg, leg, m)
                        and not _other_group(cfg, leg, m, mentions)), None)
        if arrival is None:
            continue
        added.append(Event(
            type=whole, rule=arrival.rule.id, status="occurred", participants=dict(leg.participants),
            date=arrival.date, place=leg.place, place_is_location=leg.place_is_location, count=leg.count,
            first_sentence=arrival.sentence, last_sentence=arrival.sentence, evidence=[evidence(arrival)],
            place_rank=leg.place_rank, count_qualifier=leg.count_qualifier))
    return added


def _whole_of(leg: Event, mentions: list[Mention]) -> str | None:
    """The type of the operation ``leg`` is the first leg of: its trigger rule's ``first_leg``, if any."""
    return next((str(m.rule.get("first_leg")) for m in mentions
                 if m.type == leg.type and m.rule.get("first_leg") and evidence(m) in leg.evidence), None)


def _other_group(cfg: EventSettings, leg: Event, arrival: Mention, mentions: list[Mention]) -> bool:
    """Another group (a mention of another count) told between the first leg and the arrival: the arrival
    may be theirs."""
    return any(m.type in cfg.needs_count and m.count is not None and m.count != leg.count
               and leg.first_sentence < m.sentence <= arrival.sentence for m in mentions)


def _arrives(cfg: EventSettings, leg: Event, m: Mention) -> bool:
    """A dated mention of the same group (its count, or none), told after the first leg and dated within
    ``first_leg_days`` after it."""
    if m.date is None or m.count not in (None, leg.count) or m.sentence < leg.first_sentence:
        return False
    arrival, taken = timex.interval(m.date), timex.interval(leg.date)
    if arrival is None or timex.span_days(arrival) > 0:  # a flight lands on a day
        return False
    if taken is None:
        return True
    return 0 <= (arrival[0] - taken[1]).days <= cfg.first_leg_days
