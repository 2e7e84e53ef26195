"""Underspecified dates resolved against the reference date: news looks backwards, so a bare weekday or
day-month is the latest one on or before the reference date unless the sentence speaks of the future; a
written weekday that disagrees with its date moves the year (or warns). Pure: no spaCy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ... import timex
from ...errors import Errors
from .grammar import Cand, Grammar, start_part


@dataclass
class Resolved:
    value: str | None
    day: dt.date | None = None  # the day, when day-level (for the reference date)
    year: int | None = None
    month: int | None = None


@dataclass
class Resolver:
    """Resolves candidates with one grammar's weekday names and year search."""

    grammar: Grammar

    def resolve(self, c: Cand, ref: dt.date | None, context_year: int | None, warnings: list[str],
                stated: bool = False, lower_bound: bool = False) -> Resolved:
        """``stated``: the reference date is the article's own (published, a header stamp), not inferred from
        its dates, so a weekday that disagrees near it is a slip (``slip_days``). ``lower_bound``: the reference
        is the latest day the article dates, so the article was written then or later (``inferred_lead_days``)."""
        slip = self.grammar.slip_days if stated else 0
        lead = self.grammar.inferred_lead_days if lower_bound else 0
        if c.range_end is not None:
            a = self._resolve_point(start_part(c), ref, context_year, warnings, c.future, slip=slip, lead=lead)
            b = self._resolve_point(c.range_end, ref, context_year, warnings, c.future, after=a, slip=slip, lead=lead)
            if a.value is None or b.value is None:
                return Resolved(None)
            return Resolved(f"{a.value}/{b.value}")
        return self._resolve_point(c, ref, context_year, warnings, c.future, slip=slip, lead=lead)

    def _resolve_point(self, c: Cand, ref: dt.date | None, context_year: int | None, warnings: list[str],
                       future: bool, after: Resolved | None = None, slip: int = 0, lead: int = 0) -> Resolved:
        if c.decade is not None:
            return Resolved(c.decade)
        if c.quarter is not None:
            return Resolved(f"{c.year}-{c.quarter}" if c.year else None)
        if c.rel_unit is not None:
            return relative(c.rel_unit, c.rel_offset, ref)
        if c.rel_year:
            if ref is None or c.month is None:
                return Resolved(None)
            y = ref.year + c.rel_offset
            day = timex.safe_date(y, c.month, c.day) if c.day else None
            if day is not None:
                return Resolved(day.isoformat(), day, y, c.month)
            return Resolved(f"{y:04d}-{c.month:02d}", None, y, c.month)
        if c.month is None and c.day is None and c.weekday is not None:
            return self._bare_weekday(c, ref, future)
        if c.month is None:
            return Resolved(f"{c.year:04d}" if c.year else None)
        year = c.year
        if year is None and after is not None and after.year is not None:  # a range's end: its start's year or the next
            start = (after.month or 1, after.day.day if after.day is not None and c.day else 0)
            year = after.year if (c.month, c.day or 0) >= start else after.year + 1
        if year is None:
            year = self._underspecified_year(c, ref, context_year, future, lead)
        if year is None:
            return Resolved(None)
        if c.day is None:
            return Resolved(f"{year:04d}-{c.month:02d}", None, year, c.month)
        day = timex.safe_date(year, c.month, c.day)
        if day is None:
            return Resolved(None)
        if c.weekday is not None and day.isoweekday() != c.weekday:
            # "Senin (18/3)" in an article of Tuesday 18 March: a slip of the weekday, not a year-old date
            slipped = slip > 0 and ref is not None and abs((day - ref).days) <= slip
            if c.year is None and after is None and not slipped:
                better = self._weekday_year(c, year, ref, context_year, future)
                if better is not None:
                    day = better
            if day.isoweekday() != c.weekday:
                warnings.append(Errors.W001.format(weekday=c.weekday_text or "", date=day.isoformat(),
                                                   actual=self.grammar.lex.weekday_names.get(day.isoweekday(), "")))
        return Resolved(day.isoformat(), day, day.year, day.month)

    def _underspecified_year(self, c: Cand, ref: dt.date | None, context_year: int | None,
                             future: bool, lead: int = 0) -> int | None:
        """The year of a date written without one: the reference's, or the one before for a day after it
        (news looks back). An inferred reference (the latest day the article dates) is only a lower bound
        of when it was written: a day up to ``lead`` days after it keeps its year."""
        if ref is None:
            return context_year
        month = c.month or 1
        year = ref.year
        if c.direction == "present":
            return year
        here = (month, c.day or 0)
        now = (ref.month, ref.day if c.day else 0)
        if future and here < now:
            return year + 1
        if not future and here > now:
            ahead = timex.safe_date(year, month, c.day or 1)
            if lead and ahead is not None and (ahead - ref).days <= lead:
                return year
            return year - 1
        return year

    def _weekday_year(self, c: Cand, year: int, ref: dt.date | None, context_year: int | None,
                      future: bool) -> dt.date | None:
        """Another year near the first guess in which the written weekday agrees with the date."""
        step = 1 if future else -1
        options = [ref.year] if ref is not None and ref.year != year else []
        options += [year + step * k for k in range(1, self.grammar.years_back + 1)]
        if context_year is not None and context_year not in options:
            options.append(context_year)
        for y in options:
            day = timex.safe_date(y, c.month or 1, c.day or 1)
            if day is not None and day.isoweekday() == c.weekday:
                return day
        return None

    def _bare_weekday(self, c: Cand, ref: dt.date | None, future: bool) -> Resolved:
        if ref is None or c.weekday is None:
            return Resolved(None)
        if c.week_offset is not None:
            monday = ref - dt.timedelta(days=ref.isoweekday() - 1)
            day = monday + dt.timedelta(weeks=c.week_offset, days=c.weekday - 1)
            return Resolved(day.isoformat(), day, day.year, day.month)
        if future or c.direction == "future":
            delta = (c.weekday - ref.isoweekday()) % 7
            if delta == 0 and c.direction == "future":
                delta = 7
            day = ref + dt.timedelta(days=delta)
        else:
            delta = (ref.isoweekday() - c.weekday) % 7
            if delta == 0 and c.direction == "past":
                delta = 7
            day = ref - dt.timedelta(days=delta)
        return Resolved(day.isoformat(), day)


def relative(unit: str, offset: int, ref: dt.date | None) -> Resolved:
    if ref is None:
        return Resolved(None)
    value, day = timex.relative(unit, offset, ref)
    return Resolved(value, day)
