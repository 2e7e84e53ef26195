"""An article's publication date as its Asia/Jakarta calendar day, from whatever form a scraper or page gives.

Scrapers and pages write dates many ways: "Senin, 21 Okt 2024 10:32 WIB",
"21/10/2024", "October 21, 2024", ISO 8601 with an offset. dateparser reads
them all (Indonesian and English month names, weekday prefixes, WIB/WITA/WIT,
day-first numbers); ISO strings take a fast path that needs no dateparser. A
time with an offset is moved to Jakarta time before its day is taken, so
"2024-10-20T20:30:00Z" is 21 October in Jakarta. Relative values ("1 jam yang
lalu") are refused with their own warning: they say nothing without the time
the page was scraped.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from .errors import Errors

JAKARTA = ZoneInfo("Asia/Jakarta")
LANGUAGES = ["id", "en"]
_SETTINGS: dict[str, Any] = {
    "DATE_ORDER": "DMY",  # Indonesian numeric dates are day first: 2/8/2022 is 2 August
    "TIMEZONE": "Asia/Jakarta",  # a time without zone is Jakarta time
    "TO_TIMEZONE": "Asia/Jakarta",
    "RETURN_AS_TIMEZONE_AWARE": True,
    "REQUIRE_PARTS": ["day", "month", "year"],  # "Oktober 2024" is no publication day
    "PREFER_DATES_FROM": "past",
}
_ABSOLUTE = ["timestamp", "custom-formats", "absolute-time"]
MAX_LENGTH = 120
"""Longer values are not a date field (a paragraph pasted into ``published``): not parsed."""


@dataclass(frozen=True)
class Published:
    """What ``published`` says: the Jakarta day, or the warning explaining why there is none."""

    day: dt.date | None
    warning: str | None = None


@functools.lru_cache(maxsize=2)
def _parser(relative: bool) -> Any:
    """One dateparser parser per mode, built once (building one loads its language data)."""
    from dateparser.date import DateDataParser

    parsers = ["relative-time"] if relative else _ABSOLUTE
    return DateDataParser(languages=LANGUAGES, settings={**_SETTINGS, "PARSERS": parsers})


def load_parsers() -> None:
    """Build both dateparser parsers and read one stamp with each, loading their language data now.

    dateparser loads it on first use, which costs a third of a second in the middle of the first
    article with a header stamp (and again in every worker forked before that); a pipeline calls
    this while it is built, so its workers share the loaded data.
    """
    for relative in (False, True):
        _parser(relative).get_date_data("Senin, 21 Okt 2024 10:32 WIB")


def _iso(value: str) -> dt.date | None:
    """The fast path: ISO 8601 (``2024-10-21``, ``2024-10-21T10:32:00+07:00``, ``...Z``)."""
    if len(value) < 10 or value[4:5] != "-" or value[7:8] != "-":
        return None
    try:
        stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    except ValueError:
        return None
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(JAKARTA)
    return stamp.date()


def _dateparser_day(text: str, relative: bool) -> dt.date | None:
    stamp = _parser(relative).get_date_data(text).date_obj
    if stamp is None:
        return None
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(JAKARTA)
    day: dt.date = stamp.date()
    return day


def parse_published(value: Any) -> Published:
    """``published`` (or an HTML meta date, or a page-header date) as a Jakarta day, or a warning code.

    A ``datetime.date`` or ``datetime.datetime`` (from Python callers) is taken as it is; a string is parsed
    once per distinct value (cached).
    """
    if value is None:
        return Published(None)
    if isinstance(value, dt.datetime):
        return Published((value.astimezone(JAKARTA) if value.tzinfo is not None else value).date())
    if isinstance(value, dt.date):
        return Published(value)
    if not isinstance(value, str) or not value.strip():
        return Published(None, Errors.W003.format(value=value))
    return _parse_text(" ".join(value.split()))


@functools.lru_cache(maxsize=4096)
def _parse_text(text: str) -> Published:
    day = _iso(text)
    if day is not None:
        return Published(day)
    if len(text) > MAX_LENGTH:
        return Published(None, Errors.W003.format(value=text[:40] + "..."))
    try:
        day = _dateparser_day(text, relative=False)
        if day is not None:
            return Published(day)
        if _dateparser_day(text, relative=True) is not None:
            return Published(None, Errors.W004.format(value=text))
    except (ValueError, OverflowError, TypeError) as exc:  # dateparser on a malformed number
        return Published(None, Errors.W003.format(value=f"{text} ({type(exc).__name__})"))
    return Published(None, Errors.W003.format(value=text))
