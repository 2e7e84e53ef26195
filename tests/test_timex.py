"""TIMEX3 values: the days they cover, and the arithmetic dates resolve with."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor import timex


@pytest.mark.parametrize(("value", "days"), [
    ("2024-06-11", 0), ("2024-02", 28), ("2023", 364), ("2024-W24", 6), ("2020/2024-09", 1734),
    ("2024-06-11/2024-06-15", 4), ("PRESENT_REF", None), ("2024-13", None), (None, None), ("2024-02-30", None),
])
def test_interval_covers_the_days_of_the_value(value: str | None, days: int | None) -> None:
    found = timex.interval(value)
    assert (None if found is None else timex.span_days(found)) == days


@pytest.mark.parametrize(("inner", "outer", "inside"), [
    ("2024-06-11", "2024-06", True), ("2024-06", "2024-06-11", False), ("2024-W24", "2024-06", True),
    ("2024-05-31", "2024-W22", True), ("2023-12", "2024", False),
])
def test_within(inner: str, outer: str, inside: bool) -> None:
    a, b = timex.interval(inner), timex.interval(outer)
    assert a is not None and b is not None
    assert timex.within(a, b) is inside


@pytest.mark.parametrize(("unit", "offset", "value", "day"), [
    ("day", -1, "2024-02-29", dt.date(2024, 2, 29)),
    ("week", 1, "2024-W10", None),
    ("month", -3, "2023-12", None),
    ("month", 10, "2025-01", None),
    ("year", -1, "2023", None),
])
def test_relative_from_a_reference_day(unit: str, offset: int, value: str, day: dt.date | None) -> None:
    assert timex.relative(unit, offset, dt.date(2024, 3, 1)) == (value, day)


@pytest.mark.parametrize(("year", "month", "day", "valid"), [
    (2023, 2, 29, True),  # the year may be a guess: 29 February is kept
    (2023, 2, 30, False), (2024, 4, 31, False), (2024, 12, 31, True),
])
def test_valid_day(year: int, month: int, day: int, valid: bool) -> None:
    assert timex.valid_day(year, month, day) is valid


@pytest.mark.parametrize(("value", "day"), [
    ("2024-05-03T10:00:00+07:00", dt.date(2024, 5, 3)), ("2024-05-03", dt.date(2024, 5, 3)),
    ("kemarin", None), ("2024-13-01", None), (20240503, None), (None, None),
])
def test_parse_iso(value: object, day: dt.date | None) -> None:
    assert timex.parse_iso(value) == day


def test_year_by_weekdays_takes_the_year_the_weekdays_agree_with() -> None:
    # 3 June was a Monday in 2024 and in 2019; the later year near the anchor wins, never past the limit
    assert timex.year_by_weekdays([(6, 3, 1)], anchor=2024, limit=2026) == 2024
    assert timex.year_by_weekdays([(6, 3, 1)], anchor=2023, limit=2023) == 2019
    assert timex.year_by_weekdays([], anchor=2030, limit=2026) == 2026


@pytest.mark.parametrize(("value", "start", "end"), [
    # points at each granularity
    ("2025-03-18", dt.date(2025, 3, 18), dt.date(2025, 3, 18)),
    ("2025-03", dt.date(2025, 3, 1), dt.date(2025, 3, 31)),
    ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    ("2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
    ("2025-W12", dt.date(2025, 3, 17), dt.date(2025, 3, 23)),
    ("2025-Q1", dt.date(2025, 1, 1), dt.date(2025, 3, 31)),
    ("2025-H2", dt.date(2025, 7, 1), dt.date(2025, 12, 31)),
    # ranges: each end at its own granularity
    ("2020/2024-09", dt.date(2020, 1, 1), dt.date(2024, 9, 30)),
    ("2025-10-22/2025-10-24", dt.date(2025, 10, 22), dt.date(2025, 10, 24)),
])
def test_every_granularity_warta_writes(value: str, start: dt.date, end: dt.date) -> None:
    assert timex.interval(value) == (start, end)


@pytest.mark.parametrize("value", [None, "", "PRESENT_REF", "2025-02-30", "2025-W60", "2025-03/2025-02", "25-03",
                                   "2025-Q5", "2025-H3"])
def test_not_a_calendar_value_is_none(value: str | None) -> None:
    assert timex.interval(value) is None


def test_granularity_orders_precision() -> None:
    days = [timex.granularity_days(v) for v in ("2025-03-18", "2025-W12", "2025-03", "2025-Q1", "2025", None)]
    assert days == sorted(days) and len(set(days)) == len(days)
