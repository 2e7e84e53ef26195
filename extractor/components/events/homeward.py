"""The first leg of a repatriation: people taken out of where they were held and flown home.

"180 WNI berhasil dikeluarkan dari kompleks itu, Senin (7/4) ... rombongan mendarat di Juanda
besok (8/4)": the taking out (a RESCUE by a trigger marked ``first_leg``) is the
start of a repatriation under way. The annotation rules list people taken out and brought home in one
operation as one REPATRIATION, so when the article dates the group's arrival within
``first_leg_days`` of the taking out, the repatriation is written too (with the rescue's count and
place, dated by the arrival), unless another group is told in between. An arrival without a date
("sebelum dipulangkan") is only planned.
"""

from __future__ import annotations

from ... import timex
from .merge import evidence
from .model import Event, Mention
from .settings import EventSettings

RESCUE, REPATRIATION = "RESCUE", "REPATRIATION"


def first_legs(cfg: EventSettings, events: list[Event], mentions: list[Mention]) -> list[Event]:
    """The repatriations under way that the article's first-leg rescues start (none already written)."""
    added: list[Event] = []
    for rescue in events:
        if rescue.type != RESCUE or rescue.count is None or not _first_leg(rescue, mentions):
            continue
        if any(e.type == REPATRIATION and e.count == rescue.count for e in events + added):
            continue
        arrival = next((m for m in mentions if _arrives(cfg, rescue, m) and not _other_group(rescue, m, mentions)),
                       None)
        if arrival is None:
            continue
        added.append(Event(
            type=REPATRIATION, rule=arrival.rule.id, status="occurred", participants=dict(rescue.participants),
            date=arrival.date, place=rescue.place, place_is_location=rescue.place_is_location, count=rescue.count,
            first_sentence=arrival.sentence, last_sentence=arrival.sentence, evidence=[evidence(arrival)],
            place_rank=rescue.place_rank, count_qualifier=rescue.count_qualifier))
    return added


def _first_leg(rescue: Event, mentions: list[Mention]) -> bool:
    return any(m.type == RESCUE and m.rule.get("first_leg") and evidence(m) in rescue.evidence for m in mentions)


def _other_group(rescue: Event, arrival: Mention, mentions: list[Mention]) -> bool:
    """Another group (a rescue or repatriation of another count) told between the rescue and the arrival:
    the arrival may be theirs."""
    return any(m.type in (RESCUE, REPATRIATION) and m.count is not None and m.count != rescue.count
               and rescue.first_sentence < m.sentence <= arrival.sentence for m in mentions)


def _arrives(cfg: EventSettings, rescue: Event, m: Mention) -> bool:
    """A dated REPATRIATION mention of the same group (its count, or none) within ``first_leg_days``
    after the rescue, told after it."""
    if m.type != REPATRIATION or m.date is None or m.count not in (None, rescue.count):
        return False
    if m.sentence < rescue.first_sentence:
        return False
    arrival, taken = timex.interval(m.date), timex.interval(rescue.date)
    if arrival is None or timex.span_days(arrival) > 0:  # a flight lands on a day
        return False
    if taken is None:
        return True
    return 0 <= (arrival[0] - taken[1]).days <= cfg.first_leg_days
