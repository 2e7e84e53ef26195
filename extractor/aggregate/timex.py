"""TIMEX3 values as day intervals, so two dates written at different granularities can be compared.

``2025-03`` is 1-31 March, ``2025-W12`` its seven days, ``2025-Q1`` three months, ``2020/2024-09``
runs from the first day of 2020 to the last of September 2024. Anything else is ``None`` (undated).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import regex

_POINT = regex.compile(
    r"(?<year>\d{4})(?:-(?:(?<month>\d{2})(?:-(?<day>\d{2}))?|W(?<week>\d{2})|Q(?<quarter>[1-4])|H(?<half>[12])))?+"
)

Interval = tuple[date, date]


def _point(value: str) -> Interval | None:
    match = _POINT.fullmatch(value)
    if match is None:
        return None
    year = int(match["year"])
    try:
        if match["day"]:
            day = date(year, int(match["month"]), int(match["day"]))
            return day, day
        if match["month"]:
            return _months(year, int(match["month"]), int(match["month"]))
        if match["week"]:
            start = date.fromisocalendar(year, int(match["week"]), 1)
            return start, start + timedelta(days=6)
        if match["quarter"]:
            first = 3 * int(match["quarter"]) - 2
            return _months(year, first, first + 2)
        if match["half"]:
            first = 6 * int(match["half"]) - 5
            return _months(year, first, first + 5)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:  # 2025-02-30, week 54
        return None


def _months(year: int, first: int, last: int) -> Interval:
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def interval(value: str | None) -> Interval | None:
    """The days a TIMEX value covers, or None when it is missing or not a calendar value."""
    if not value:
        return None
    if "/" in value:
        first, _, last = value.partition("/")
        start, end = _point(first), _point(last)
        if start is None or end is None or end[1] < start[0]:
            return None
        return start[0], end[1]
    return _point(value)


def granularity_days(value: str | None) -> int:
    """How many days a value spans (a day is 1); a missing value counts as unbounded."""
    span = interval(value)
    return (span[1] - span[0]).days + 1 if span else 1_000_000


def parse_day(value: str | None) -> date | None:
    """The day of a ``YYYY-MM-DD...`` publication date, or None."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
