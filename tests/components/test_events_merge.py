"""The pure merge step of the events package, tested without a pipeline: stages and status filtering."""

from __future__ import annotations

import pytest

from extractor.components.events.merge import (
    approximately,
    dates_compatible,
    fold_duplicates,
    link_stages,
    listed,
    share_places,
    span_of,
)
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


def test_an_undated_total_spans_its_stages() -> None:
    events = [event(75, None), event(30, "2025-02-10"), event(45, "2025-02-12/2025-02-14")]
    link_stages(CFG, events)
    assert [e.part_of for e in events] == [None, 0, 0]
    assert events[0].date == "2025-02-10/2025-02-14"


@pytest.mark.parametrize(("values", "span"), [
    (["2026-01-22", "2026-01-30/2026-01-31"], "2026-01-22/2026-01-31"),
    (["2025-03-05", "2025-03-05"], "2025-03-05"),
    (["2025-03-05", "not a date"], None),
])
def test_span_of(values: list[str], span: str | None) -> None:
    assert span_of(values) == span


def test_a_rough_count_takes_the_exact_one_of_the_same_sentence() -> None:
    rescued, home = event(1200, "2026-07", "RESCUE"), event(1203, "2026-02-20/2026-07-16")
    rescued.count_qualifier = "more_than"
    rescued.evidence = home.evidence = [{"start": 0, "end": 90, "trigger": "t", "rule": "r"}]
    share_places(CFG, [rescued, home])
    assert (rescued.count, rescued.date) == (1203, "2026-02-20/2026-07-16")


@pytest.mark.parametrize(("rough", "qualifier", "exact", "same"), [
    (1200, "more_than", 1203, True),
    (1200, "more_than", 1190, False),  # fewer than "more than 1,200"
    (1200, "more_than", 1500, False),  # beyond the slack
    (500, "almost", 497, True),
    (500, "", 497, False),  # two exact counts differ
])
def test_approximately(rough: int, qualifier: str, exact: int, same: bool) -> None:
    assert approximately(CFG, rough, qualifier, exact, "") is same


def test_one_group_one_place_across_rescue_and_repatriation() -> None:
    rescued, home, other = event(52, None, "RESCUE"), event(52, "2025-06-02"), event(9, None, "RESCUE")
    home.place = "Myawaddy"
    share_places(CFG, [rescued, home, other])
    assert rescued.place == "Myawaddy" and other.place is None


def meeting(parties: list[str], date: str | None, place: str | None, sentence: int) -> Event:
    return Event(type="MEETING", rule="event.test", status="occurred", participants={p.lower(): p for p in parties},
                 date=date, place=place, place_is_location=place is not None, count=None, first_sentence=sentence,
                 last_sentence=sentence, evidence=[{"start": sentence * 100, "end": sentence * 100 + 50}])


PAIR = ["Retno Marsudi", "Kamboja"]


@pytest.mark.parametrize(("first", "second", "folded"), [
    (meeting(PAIR, None, "Phnom Penh", 1), meeting(PAIR, None, None, 9), True),  # told again, nothing apart
    (meeting(PAIR, None, "Phnom Penh", 1), meeting(PAIR, "2022-08-02", "Phnom Penh", 9), True),  # adds its date
    (meeting(PAIR, None, "Phnom Penh", 1), meeting(PAIR, None, "Jakarta", 9), False),  # another place
    (meeting(PAIR, None, None, 1), meeting([*PAIR, "Thailand"], None, None, 9), False),  # other parties
    (meeting(["Kamboja"], None, None, 1), meeting(["Kamboja"], None, None, 9), False),  # one party says too little
])
def test_the_same_parties_meeting_told_twice_are_one_meeting(first: Event, second: Event, folded: bool) -> None:
    kept = fold_duplicates(CFG, [first, second])
    assert (len(kept) == 1) is folded
    if folded:
        assert kept[0].date == second.date and kept[0].place == "Phnom Penh" and len(kept[0].evidence) == 2
