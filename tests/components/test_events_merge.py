"""The pure merge step of the events package, tested without a pipeline: stages and status filtering."""

from __future__ import annotations

import pytest

from extractor.components.events.merge import dates_compatible, link_stages, listed
from extractor.components.events.model import Event
from extractor.components.events.settings import EventSettings

CFG = EventSettings.defaults()


def event(count: int | None, date: str | None, type_: str = "REPATRIATION", status: str = "occurred") -> Event:
    return Event(type=type_, rule="event.test", status=status, participants={}, date=date, place=None,
                 place_is_location=False, count=count, first_sentence=0, last_sentence=0)


@pytest.mark.parametrize(("a", "b", "compatible"), [
    ("2025-03", "2025-03-05", True),  # a day inside the month
    ("2025-03-05", "2025-03-12", False),
    (None, "2025-03-12", True),
    ("2025-03-05/2025-03-12", "2025-03-06", True),
])
def test_dates_compatible(a: str | None, b: str | None, compatible: bool) -> None:
    assert dates_compatible(a, b) is compatible


@pytest.mark.parametrize(("counts", "dates", "expected"), [
    ([150, 90, 60], ["2025-03", "2025-03-05", "2025-03-12"], [None, 0, 0]),  # waves add up to the total
    ([150, 90, 50], ["2025-03", "2025-03-05", "2025-03-12"], [None, None, None]),  # they do not
    ([150, 90, 60], ["2025-03", "2025-03-05", "2025-04-12"], [None, None, None]),  # a wave outside the total
    ([90, 150], ["2025-03-05", "2025-03"], [None, None]),  # a single smaller event is no stage
])
def test_stages_link_to_their_total(counts: list[int], dates: list[str], expected: list[int | None]) -> None:
    events = [event(c, d) for c, d in zip(counts, dates, strict=True)]
    link_stages(CFG, events)
    assert [e.part_of for e in events] == expected


def test_only_occurred_events_are_listed_and_the_future_is_planned() -> None:
    done, planned, future = event(75, "2025-03-01"), event(40, None, status="planned"), event(40, "2025-04-02")
    kept, dropped = listed(CFG, [done, planned, future], "2025-03-20")
    assert kept == [done]
    assert [e for e, _ in dropped] == [planned, future] and future.status == "planned"
    assert all("not listed" in reason for _, reason in dropped)
