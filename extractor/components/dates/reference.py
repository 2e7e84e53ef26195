"""The reference date an article's underspecified dates are resolved against, and what it rests on
(``reference_basis``). Pure: no spaCy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from ... import timex
from ...published import parse_published
from .grammar import Cand, Grammar, explicit_day, parts


def today() -> dt.date:
    """The latest date an undated article can be from (a function, so tests can pin it)."""
    return dt.date.today()


@dataclass
class Reference:
    """Chooses an article's reference date with one grammar's header and clock regexes."""

    grammar: Grammar

    def reference(self, article: Mapping[str, Any], text: str, cands: list[Cand],
                  warnings: list[str]) -> tuple[dt.date | None, str | None]:
        """The reference date and its basis: the record's ``published`` (unless the page header prints a date more
        than ``published_lag_days`` earlier), a date printed in the page header,
        the dateline weekday dates, the latest fully specified day the article reports (plans left out),
        the dateline of plans. A ``published`` that does not parse adds a warning to ``warnings``."""
        published = parse_published(article.get("published"))
        if published.warning is not None:
            warnings.append(published.warning)
        if published.day is not None:
            # a page stamp well before the record's date: the record was dated when the page was fetched
            lag = self.grammar.published_lag_days
            stamp = self._header_date(text, cands) if lag else None
            if stamp is not None and (published.day - stamp).days > lag:
                return stamp, "header"
            return published.day, "published"
        header = self._header_date(text, cands)
        if header is not None:
            return header, "header"
        dateline = self._dateline(cands)
        if dateline is not None:
            return dateline, "dateline"
        days = [d for d in (explicit_day(p) for c in cands if not c.future for p in parts(c)) if d is not None]
        if days:
            return max(days), "latest_date"
        dateline = self._dateline([replace(c, future=False) for c in cands])  # only plans: still the best clue
        if dateline is not None:
            return dateline, "dateline"
        return None, None

    def _header_date(self, text: str, cands: list[Cand]) -> dt.date | None:
        for c in cands:
            if c.start > self.grammar.header_window:
                break
            day = explicit_day(c)
            if day is None or c.range_end is not None:
                continue
            clock = self.grammar.clock_re.match(text, c.end)
            if clock is not None and clock.group("cue") is None:  # "10:32 WIB" after it, not "pukul 10.32"
                return _header_day(text, c.start, clock.end()) or day
            if self.grammar.header_marker_re.search(text[max(0, c.start - 40):c.start]):
                return day
        return None

    def _dateline(self, cands: list[Cand]) -> dt.date | None:
        """The latest weekday-qualified date ("Rabu (21/8)", "Selasa, 5 Maret 2024").

        Dates without a year all get one year: the one near the article's
        latest written year (or this year) in which most of the written
        weekdays agree with their dates.
        """
        dated = [p for c in cands if not c.future for p in parts(c)
                 if p.weekday is not None and p.day is not None and p.month is not None]
        if not dated:
            return None
        days = [d for d in (timex.safe_date(p.year, p.month or 1, p.day or 1) for p in dated if p.year) if d]
        yearless = [(p.month or 1, p.day or 1, p.weekday or 1) for p in dated if not p.year]
        if yearless:
            year = timex.year_by_weekdays(yearless, self._anchor_year(cands), today().year)
            days += [d for d in (timex.safe_date(year, m, day) for m, day, _ in yearless) if d is not None]
        return max(days) if days else None

    def _anchor_year(self, cands: list[Cand]) -> int:
        limit = today().year
        years = [p.year for c in cands if not c.future for p in parts(c)
                 if p.explicit_year and p.year is not None and p.year <= limit]
        return max(years) if years else limit


def _header_day(text: str, start: int, clock_end: int) -> dt.date | None:
    """A page-header stamp ("Senin, 21 Okt 2024 23:40 WIT") read as ``published`` is: its Jakarta day."""
    end = text.find("\n", clock_end, clock_end + 24)
    return parse_published(text[start:end if end >= 0 else clock_end + 24].strip()).day
