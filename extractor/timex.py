"""TIMEX3-style date values: parsing, the days they cover, and arithmetic on them.

Pure (no spaCy): dates resolve mentions to these values and events compare
them; both read them here, so one place knows what ``2024-W24`` or
``2020/2024-09`` means.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

import regex

Interval = tuple[dt.date, dt.date]

_DAY = regex.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = regex.compile(r"^(\d{4})-(\d{2})$")
_YEAR = regex.compile(r"^(\d{4})$")
_WEEK = regex.compile(r"^(\d{4})-W(\d{2})$")
_YEAR_PART = regex.compile(r"^(\d{4})-([QH])([1-4])$")
_PART_MONTHS = {"Q": 3, "H": 6}  # a quarter's and a half-year's length in months
_NEAR_YEARS = (0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6)  # tried in this order: later years first


def _point_interval(value: str) -> Interval | None:
    try:
        if m := _DAY.match(value):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            start = dt.date(y, mo, 1)
            end = dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1)
            return start, end
        if m := _YEAR.match(value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
        if m := _WEEK.match(value):
            start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return start, start + dt.timedelta(days=6)
        if (m := _YEAR_PART.match(value)) and int(m[3]) <= 12 // _PART_MONTHS[m[2]]:
            length = _PART_MONTHS[m[2]]
            first = length * (int(m[3]) - 1) + 1
            start, last = dt.date(int(m[1]), first, 1), first + length - 1
            return start, dt.date(int(m[1]) + (last == 12), last % 12 + 1, 1) - dt.timedelta(days=1)
    except ValueError:
        return None
    return None


@lru_cache(maxsize=4096)
def interval(value: str | None) -> Interval | None:
    """The days a value covers (``2024-08``, ``2024-W24``, ``2024-Q1``, ``2023-H2``, ``2020/2024-09``), or
    None if it is not one (``2025-02-30``, a range that ends before it starts)."""
    if not value:
        return None
    if "/" in value:
        left, _, right = value.partition("/")
        a, b = _point_interval(left), _point_interval(right)
        if a is None or b is None or b[1] < a[0]:
            return None
        return a[0], b[1]
    return _point_interval(value)


def within(inner: Interval, outer: Interval) -> bool:
    """Does ``inner`` lie inside ``outer`` (bounds included)?"""
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def granularity_days(value: str | None) -> int:
    """How many days a value spans (a day is 1); a missing or unreadable value counts as unbounded."""
    span = interval(value)
    return span_days(span) + 1 if span else 1_000_000


def span_days(value: Interval) -> int:
    """How many days an interval covers, minus one (a single day is 0)."""
    return (value[1] - value[0]).days


def parse_iso(value: object) -> dt.date | None:
    """The day an ISO timestamp (``2024-05-03T10:00:00+07:00``) starts with, or None."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None if there is no such day."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def valid_day(year: int, month: int, day: int) -> bool:
    """Can ``day`` of ``month`` exist? 29 February always can (the year may be unknown)."""
    return safe_date(year, month, day) is not None or (month == 2 and day == 29)


def add_months(day: dt.date, months: int) -> tuple[int, int]:
    """(year, month) ``months`` after the month of ``day`` (negative: before)."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def relative(unit: str, offset: int, ref: dt.date) -> tuple[str, dt.date | None]:
    """The value ``offset`` units (day, week, month, year) from ``ref``, and the day when day-level."""
    if unit == "day":
        day = ref + dt.timedelta(days=offset)
        return day.isoformat(), day
    if unit == "week":
        year, week, _ = (ref + dt.timedelta(weeks=offset)).isocalendar()
        return f"{year:04d}-W{week:02d}", None
    if unit == "month":
        year, month = add_months(ref, offset)
        return f"{year:04d}-{month:02d}", None
    return f"{ref.year + offset:04d}", None


def year_by_weekdays(dates: Iterable[tuple[int, int, int]], anchor: int, limit: int) -> int:
    """The year near ``anchor`` (later years first), never after ``limit``, in which most of the
    (month, day, ISO weekday) triples agree: "Senin, 3 Juni" without a year."""
    triples = list(dates)
    best, best_score = min(anchor, limit), -1
    for k in _NEAR_YEARS:
        y = anchor + k
        if y > limit:
            continue
        score = sum(1 for m, d, wd in triples if (x := safe_date(y, m, d)) is not None and x.isoweekday() == wd)
        if score > best_score:
            best, best_score = y, score
    return best
