"""TIMEX values as day intervals: every granularity Warta writes, and what is not a date."""

from __future__ import annotations

from datetime import date

import pytest

from extractor.aggregate.timex import granularity_days, interval


@pytest.mark.parametrize(("value", "start", "end"), [
    # points at each granularity
    ("2025-03-18", date(2025, 3, 18), date(2025, 3, 18)),
    ("2025-03", date(2025, 3, 1), date(2025, 3, 31)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2025", date(2025, 1, 1), date(2025, 12, 31)),
    ("2025-W12", date(2025, 3, 17), date(2025, 3, 23)),
    ("2025-Q1", date(2025, 1, 1), date(2025, 3, 31)),
    ("2025-H2", date(2025, 7, 1), date(2025, 12, 31)),
    # ranges: each end at its own granularity
    ("2020/2024-09", date(2020, 1, 1), date(2024, 9, 30)),
    ("2025-10-22/2025-10-24", date(2025, 10, 22), date(2025, 10, 24)),
])
def test_calendar_values(value: str, start: date, end: date) -> None:
    assert interval(value) == (start, end)


@pytest.mark.parametrize("value", [None, "", "PRESENT_REF", "2025-02-30", "2025-W60", "2025-03/2025-02", "25-03"])
def test_not_a_calendar_value(value: str | None) -> None:
    assert interval(value) is None


def test_granularity_orders_precision() -> None:
    assert granularity_days("2025-03-18") < granularity_days("2025-W12") < granularity_days("2025-03") \
        < granularity_days("2025") < granularity_days(None)
