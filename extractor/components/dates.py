"""DATE mentions, normalized TIMEX3-style and resolved against the article's own date.

Why our own tagger: ``dateparser.search_dates`` over a whole article loses
ranges, invents days for "tahun 2023", reads "2/8/2022" month-first and tags
page clocks and durations, at the cost of the rest of the pipeline together.
Here the word lists and date shapes live in ``rules/dates.yaml``; they are
compiled once into ONE regex (false friends first, then the shapes), run once
per document. Each candidate is normalized from its named groups, two
candidates joined by a connector become one range, and underspecified dates
("Rabu (21/8)", "tahun lalu", "17 Oktober lalu") are resolved against the
reference date, chosen in this order: the record's ``published``; a
publication date printed in the page header; the dateline weekday dates; the
latest fully specified day the article reports. News looks backwards: a bare
weekday or day-month is the latest one on or before the reference date unless
the sentence speaks of the future (akan, direncanakan, mendatang).
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .. import timex
from ..doc import doc_text, in_chrome
from ..errors import Errors, RuleError
from ..factories import warta_component, with_rule_dirs
from ..published import parse_published
from ..rules import REGEX_TIMEOUT, Rule, RuleSet
from ..rules.kinds import DATE_ROLES as ROLES
from ..rules.kinds import DATES, UNITS
from ..spans import add_mentions, make_mention, trace

PARTS = {"quarter": ("Q", 4), "half": ("H", 2)}
"""A year part's TIMEX3 letter (2024-Q1, 2023-H2) and how many the year has."""

KIND = DATES

SPACE = r"[^\S\n]"
"""What ``\\s`` means inside a shape: a space that does not cross a line break."""

_PLACEHOLDER = regex.compile(r"\{([A-Z_]+)\}")
_SENTENCE_END = regex.compile(r"[.!?][\"”’)]?\s|\n")
_BOUNDARY = r"(?<![\w/?!])(?<!\d[.,:])"
"""Where a date may begin: not inside a word or a number (1.2024, 10:30), nor after a slash (08/2024) or ?/!."""
_CACHE_SIZE = 20000
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
"""A word as the trigger scan sees it (Jum'at whole): dates and false friends begin at a word's start."""


def today() -> dt.date:
    """The latest date an undated article can be from (a function, so tests can pin it)."""
    return dt.date.today()


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _alternation(phrases: Iterable[str], ignore_case: bool = True) -> str:
    """One non-capturing group of phrases, longest first, each ending at a word boundary."""
    items = sorted({p for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    parts = []
    for p in items:
        body = f"{SPACE}+".join(regex.escape(w) for w in p.split())
        if p[-1].isalnum():
            body += r"(?!\w)"
        parts.append(body)
    group = "|".join(parts) or r"(?!)"
    return f"(?i:{group})" if ignore_case else f"(?:{group})"


@dataclass
class Lexicon:
    """The word lists of rules/dates.yaml, keyed by lower-cased phrase."""

    months: dict[str, int] = field(default_factory=dict)
    month_full: list[str] = field(default_factory=list)
    month_abbr: list[str] = field(default_factory=list)
    weekdays: dict[str, int] = field(default_factory=dict)
    weekday_names: dict[int, str] = field(default_factory=dict)
    relatives: dict[str, Rule] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    numerals: dict[str, int] = field(default_factory=dict)
    connectors: list[str] = field(default_factory=list)
    connector_rule: Rule | None = None
    mods: dict[str, str] = field(default_factory=dict)
    prefixes: dict[str, list[str]] = field(default_factory=lambda: {"day": [], "month": [], "year": []})
    directions: dict[str, str] = field(default_factory=dict)
    future_cues: list[str] = field(default_factory=list)
    context: set[str] = field(default_factory=set)
    weekdays_as_written: list[str] = field(default_factory=list)
    ambiguous_weekdays: set[int] = field(default_factory=set)
    ordinals: dict[str, int] = field(default_factory=dict)  # as written: "I" and "i" are not the same
    year_parts: dict[str, str] = field(default_factory=dict)
    conjunctions: list[str] = field(default_factory=list)

    def add(self, rule: Rule) -> None:
        role = rule.get("role")
        phrases = list(rule.pattern.phrases) if rule.pattern is not None else []
        if role == "month":
            for p in phrases:
                self.months[_norm(p)] = int(rule.get("value"))
                self.month_full.append(p)
            for a in rule.get("abbreviations") or []:
                self.months[_norm(str(a)).rstrip(".")] = int(rule.get("value"))
                self.month_abbr.append(str(a))
        elif role == "weekday":
            for p in phrases:
                self.weekdays[_norm(p)] = int(rule.get("value"))
            self.weekdays_as_written += phrases
            self.weekday_names.setdefault(int(rule.get("value")), phrases[0])
            if rule.get("ambiguous"):
                self.ambiguous_weekdays.add(int(rule.get("value")))
        elif role == "relative":
            for p in phrases:
                self.relatives[_norm(p)] = rule
        elif role == "unit":
            for p in phrases:
                self.units[_norm(p)] = str(rule.get("unit"))
        elif role == "numeral":
            for i, p in enumerate(phrases, start=1):  # satu = 1, dua = 2, ...
                self.numerals[_norm(p)] = i
        elif role == "ordinal":
            for p in phrases:
                self.ordinals[p] = int(rule.get("value"))
        elif role == "year_part":
            for p in phrases:
                self.year_parts[_norm(p)] = str(rule.get("part"))
        elif role == "conjunction":
            self.conjunctions += phrases
        elif role == "connector":
            self.connectors += phrases
            self.connector_rule = self.connector_rule or rule
        elif role == "modifier":
            for p in phrases:
                self.mods[_norm(p)] = str(rule.get("mod"))
        elif role == "prefix":
            self.prefixes.setdefault(str(rule.get("before")), []).extend(phrases)
        elif role == "direction":
            for p in phrases:
                self.directions[_norm(p)] = str(rule.get("direction"))
        elif role == "future_cue":
            self.future_cues += phrases
        elif role == "context":
            self.context |= {_norm(p) for p in phrases}

    def start_words(self) -> list[str]:
        """The first word of every phrase a date can begin with."""
        phrases = [*self.months, *self.weekdays, *self.relatives, *self.numerals, *self.mods, *self.year_parts,
                   *(p for ps in self.prefixes.values() for p in ps)]
        return [p.split()[0] for p in phrases if p.split()]

    def placeholders(self) -> dict[str, str]:
        caps = [p for p in self.month_full if p[:1].isupper()]
        wd_names = self.weekdays_as_written
        return {
            "MONTH": _alternation(self.month_full + [a + "." for a in self.month_abbr] + self.month_abbr),
            "MONTH_FULL": _alternation(self.month_full),
            "MONTH_CAP": _alternation(caps + [p.upper() for p in caps], ignore_case=False),
            "WEEKDAY": _alternation(wd_names),
            "WEEKDAY_CAP": _alternation([p for p in wd_names if p[:1].isupper()] + [p.upper() for p in wd_names],
                                        ignore_case=False),
            "DAY": r"(?:[12]\d|3[01]|0?[1-9])(?!\d)",
            "MONTHNUM": r"(?:1[0-2]|0?[1-9])(?!\d)",
            "YEAR": r"(?:19|20)\d\d(?!\d)(?![.,]\d)",
            "CONNECTOR": _alternation(self.connectors),
            "MOD": _alternation(self.mods),
            "RELATIVE": _alternation(self.relatives),
            "RELATIVE_YEAR": _alternation([p for p, r in self.relatives.items() if r.get("unit") == "year"]),
            "RELATIVE_WEEK": _alternation([p for p, r in self.relatives.items() if r.get("unit") == "week"]),
            "ORDINAL": _alternation(self.ordinals, ignore_case=False),
            "YEAR_PART": _alternation(self.year_parts),
            "DIRECTION": _alternation(self.directions),
            "UNIT": _alternation(self.units),
            "NUMERAL": _alternation(self.numerals),
            "PREFIX_DAY": _alternation(self.prefixes.get("day", [])),
            "PREFIX_MONTH": _alternation(self.prefixes.get("month", [])),
            "PREFIX_YEAR": _alternation(self.prefixes.get("year", [])),
        }


@dataclass
class Cand:
    """One date candidate: its parts as written, before resolution."""

    start: int
    end: int
    rule: Rule
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    weekday_text: str | None = None
    mod: str | None = None
    direction: str | None = None
    rel_unit: str | None = None
    rel_offset: int = 0
    rel_year: bool = False  # month + "tahun ini/lalu": rel_offset applies to the year
    week_offset: int | None = None  # "Kamis pekan depan": the weekday in the week this far from the reference's
    quarter: str | None = None  # "Q1", "H2"
    decade: str | None = None
    needs_context: bool = False
    explicit_year: bool = False
    future: bool = False
    range_end: Cand | None = None
    start_part: Cand | None = None  # a joined range's first date (its own shape and parts)

    @property
    def granularity(self) -> str:
        if self.decade is not None:
            return "decade"
        if self.quarter is not None:
            return "quarter" if self.quarter.startswith("Q") else "half"
        if self.rel_unit is not None:
            return self.rel_unit
        if self.day is not None or (self.weekday is not None and self.month is None):
            return "day"
        if self.month is not None:
            return "month"
        return "year"


@dataclass(frozen=True)
class Shape:
    """One exclusion or shape rule, compiled on its own (tried in file order; the first match wins)."""

    index: int
    pattern: Any
    rule: Rule
    exclusion: bool
    looks_behind: bool  # a lookbehind may reach before the word: never ruled out by the word alone


@dataclass
class Resolved:
    value: str | None
    day: dt.date | None = None  # the day, when day-level (for the reference date)
    year: int | None = None
    month: int | None = None


@warta_component("warta_dates")
class DateTagger:
    """Finds, normalizes and resolves DATE mentions; sets the document's reference date."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.lex = Lexicon()
        self.shapes: list[Shape] = []  # exclusions first, then shapes, in file order
        self.trigger_re: Any = None
        self.trigger_start_re: Any = None
        self.connector_re: Any = None
        self.listed_day_re: Any = None
        self.clock_re: Any = None
        self.future_re: Any = None
        self.header_marker_re: Any = None
        self.future_window = int(KIND.default("future_window"))
        self.header_window = int(KIND.default("header_window"))
        self.years_back = int(KIND.default("weekday_years_back"))
        self._templates: dict[tuple[int, str], Cand | None] = {}
        self._viable: dict[str, tuple[Shape, ...]] = {}

    # --- rules -------------------------------------------------------------------
    def set_rules(self, ruleset: RuleSet) -> None:
        rules = ruleset.of_kind("dates")
        lex = Lexicon()
        for rule in rules:
            role = rule.get("role")
            if role not in ROLES:
                raise RuleError(Errors.E003.format(field="role", expected="one of " + ", ".join(ROLES),
                                                   got=repr(role)), rule.file, rule.line, rule.id)
            if role in ("relative", "unit") and rule.get("unit") not in UNITS:
                raise RuleError(Errors.E003.format(field="unit", expected="one of " + ", ".join(UNITS),
                                                   got=repr(rule.get("unit"))), rule.file, rule.line, rule.id)
            if role == "year_part" and rule.get("part") not in PARTS:
                raise RuleError(Errors.E003.format(field="part", expected="one of " + ", ".join(PARTS),
                                                   got=repr(rule.get("part"))), rule.file, rule.line, rule.id)
            if role in ("month", "weekday", "ordinal") and not isinstance(rule.get("value"), int):
                raise RuleError(Errors.E003.format(field="value", expected="an integer",
                                                   got=repr(rule.get("value"))), rule.file, rule.line, rule.id)
            lex.add(rule)
        fills = lex.placeholders()
        shapes: list[Shape] = []
        for role in ("exclude", "shape"):
            for rule in rules:
                if rule.get("role") != role or rule.pattern is None or rule.pattern.regex is None:
                    continue
                source = regex.sub(r"(?<!\\)\\s", lambda _: SPACE, rule.pattern.regex)

                def fill(m: Any, rule: Rule = rule) -> str:
                    if m.group(1) not in fills:
                        raise RuleError(Errors.E005.format(pattern=rule.pattern.regex if rule.pattern else "",
                                                           detail=f"unknown placeholder {m.group(0)}"),
                                        rule.file, rule.line, rule.id)
                    return fills[m.group(1)]

                source = _PLACEHOLDER.sub(fill, source)
                try:
                    compiled = regex.compile(_BOUNDARY + f"(?:{source})", regex.VERSION1)
                except regex.error as exc:
                    raise RuleError(Errors.E005.format(pattern=rule.pattern.regex, detail=exc),
                                    rule.file, rule.line, rule.id) from None
                shapes.append(Shape(len(shapes), compiled, rule, role == "exclude", "(?<=" in source))
        self.shapes = shapes
        settings = ruleset.settings("dates")
        # Every date and false friend starts with a digit, a sign or one of these words. The shapes are tried
        # only where one begins (found by one C-level scan), not at every position of the text.
        self.trigger_start_re, self.trigger_re = _trigger_regexes(
            lex.start_words() + settings.words("start_words"))
        self.connector_re = regex.compile(rf"{SPACE}*(?:{fills['CONNECTOR']}){SPACE}*", regex.VERSION1)
        self.listed_day_re = regex.compile(rf"(?<![\w.,/])([12]\d|3[01]|0?[1-9]){SPACE}*"
                                           rf"{_alternation(lex.conjunctions)}{SPACE}*$", regex.VERSION1)
        cues = _alternation(settings.words("clock_cues"))
        self.clock_re = regex.compile(rf"{SPACE}*[,|•·\-–]?\s{{0,4}}(?:(?P<cue>{cues}){SPACE})?"
                                      r"\d{1,2}[:.]\d{2}(?![\d:])", regex.VERSION1)
        self.future_re = regex.compile(r"(?<!\w)" + _alternation(lex.future_cues), regex.VERSION1)
        markers = _alternation(settings.words("header_markers"))
        fillers = _alternation(settings.words("header_marker_fillers"))
        self.header_marker_re = regex.compile(rf"{markers}\s*:?\s*(?:{fillers}\s+)?$", regex.VERSION1)
        self._templates = {}
        self._viable = {}
        self.future_window = int(settings["future_window"])
        self.header_window = int(settings["header_window"])
        self.years_back = int(settings["weekday_years_back"])
        self.lex = lex

    # --- finding -----------------------------------------------------------------
    def candidates(self, doc: Doc) -> list[Cand]:
        """Every date in the text, ranges joined, false friends and context-less names dropped."""
        text = doc_text(doc)
        found: list[Cand] = []
        templates = self._templates
        for shape, m in self._matches(text):
            if shape.exclusion:
                trace(doc, shape.rule.id, m.start(), m.end(), "not a date (false friend)")
                continue
            # A shape's reading depends only on the text it matched: read each distinct string once.
            key = (shape.index, m.group())
            if key in templates:
                template = templates[key]
            else:
                if len(templates) > _CACHE_SIZE:
                    templates.clear()
                template = templates[key] = self._cand(m, shape.rule)
            if template is not None:
                found.append(_placed(template, m.start()))
        found = self._day_lists(self._join_ranges(found, text), text)
        kept = []
        for c in found:
            if c.needs_context and not self._has_context(c, text):
                trace(doc, c.rule.id, c.start, c.end, "bare name without a date context word")
                continue
            if in_chrome(doc, c.start, c.end):
                continue
            c.future = self._is_future(c, text)
            kept.append(c)
        return kept

    def _matches(self, text: str) -> Iterable[tuple[Shape, Any]]:
        """Each position's first matching exclusion or shape (file order), left to right, never overlapping.

        Tried only where a digit, a sign or a start word begins (one C-level scan), only after a
        boundary, and only the shapes that can begin with the word found there.
        """
        last_end = 0
        viable = self._viable
        for pos in self._triggers(text):
            if pos < last_end:
                continue
            word = _WORD.match(text, pos)
            start = text[pos:(word.end() if word is not None else pos + 3) + 1]  # the word and the next character
            shapes = viable.get(start)
            if shapes is None:
                shapes = self._viable_shapes(start)
            for shape in shapes:
                m = shape.pattern.match(text, pos, timeout=REGEX_TIMEOUT)
                if m is not None:
                    if m.end() > pos:
                        last_end = m.end()
                        yield shape, m
                    break

    def _triggers(self, text: str) -> Iterable[int]:
        """Where a digit, a sign or a start word begins (``trigger_re`` matches the character before it)."""
        if self.trigger_start_re.match(text) is not None:
            yield 0
        for t in self.trigger_re.finditer(text):
            yield t.end()

    def _viable_shapes(self, start: str) -> tuple[Shape, ...]:
        """The exclusions and shapes that could match text beginning with ``start``, in file order.

        A shape is dropped only when not even a partial match of ``start`` fits it (regex partial matching:
        could ``start`` + something match?), so no match is ever lost; a shape with a lookbehind is always kept.
        """
        if len(self._viable) > _CACHE_SIZE:
            self._viable.clear()
        viable = self._viable[start] = tuple(
            s for s in self.shapes
            if s.looks_behind or s.pattern.match(start, partial=True, timeout=REGEX_TIMEOUT) is not None)
        return viable

    def _cand(self, m: Any, rule: Rule) -> Cand | None:
        """A shape's match read into its parts, placed at 0; None when they make no date (31 Februari, semester III)."""
        g = m.groupdict()
        lex = self.lex
        c = Cand(0, m.end() - m.start(), rule)
        if g.get("wd"):
            c.weekday = lex.weekdays.get(_norm(g["wd"]))
            c.weekday_text = g["wd"]
        if g.get("y"):
            y = g["y"]
            c.year = int(y) if len(y) == 4 else 2000 + int(y)
            c.explicit_year = True
        if g.get("m"):
            c.month = lex.months.get(_norm(g["m"]).rstrip("."))
        elif g.get("mn"):
            c.month = int(g["mn"])
        if g.get("d"):
            c.day = int(g["d"])
        if g.get("mod"):
            c.mod = lex.mods.get(_norm(g["mod"]))
        if g.get("dir"):
            c.direction = lex.directions.get(_norm(g["dir"]))
            if c.direction == "present" and c.explicit_year:  # "sejak tahun 2010 ini": "ini" is not the date's
                c.end, c.direction = len(m.group()[:m.start("dir") - m.start()].rstrip()), None
        if g.get("weekrel"):  # "Kamis pekan depan": the Thursday of the week "pekan depan" names
            week = lex.relatives.get(_norm(g["weekrel"]))
            c.week_offset = int(week.get("offset", 0)) if week is not None else 0
        if g.get("rel"):
            rel = lex.relatives.get(_norm(g["rel"]))
            if rel is None:
                return None
            if c.month is not None:  # "November tahun ini"
                c.rel_year, c.rel_offset = True, int(rel.get("offset", 0))
            else:
                c.rel_unit, c.rel_offset = str(rel.get("unit")), int(rel.get("offset", 0))
        if g.get("n") and g.get("unit"):
            n = g["n"]
            count = int(n) if n.isdigit() else lex.numerals.get(_norm(n), 0)
            if count <= 0:
                return None
            c.rel_unit, c.rel_offset = lex.units.get(_norm(g["unit"])), -count
        if g.get("q"):
            letter, count = PARTS[lex.year_parts.get(_norm(g.get("qword") or ""), "quarter")]
            number = lex.ordinals.get(g["q"]) or (int(g["q"]) if g["q"].isdigit() else 0)
            if not 1 <= number <= count:
                return None
            c.quarter = f"{letter}{number}"
        if g.get("decade"):
            c.decade = g["decade"]
        if c.day is not None and c.month is not None and not timex.valid_day(c.year or 2024, c.month, c.day):
            return None
        if g.get("d2"):  # "7-8 November 2024"
            end = replace(c, start=c.end, day=int(g["d2"]), weekday=None, weekday_text=None)
            if not timex.valid_day(c.year or 2024, c.month or 1, end.day or 1) or (end.day or 0) <= (c.day or 0):
                return None
            c.range_end = end
        bare_month = c.month is not None and c.day is None and not c.explicit_year and not c.rel_year
        if bare_month and not (g.get("mod") or g.get("prefix") or c.direction):
            c.needs_context = True
        if (c.weekday in lex.ambiguous_weekdays and c.day is None and c.month is None and c.direction is None) or \
                (c.weekday is not None and c.day is None and g["wd"].isupper() and len(g["wd"]) > 1
                 and c.direction is None):
            c.needs_context = True  # "Minggu" is also "week" (ambiguous); an all-caps weekday may be a heading
        return c

    def _join_ranges(self, cands: list[Cand], text: str) -> list[Cand]:
        """Two neighbours with only a connector between them ('2020 hingga September 2024') become one range."""
        out: list[Cand] = []
        i = 0
        while i < len(cands):
            a = cands[i]
            if i + 1 < len(cands) and a.range_end is None:
                b = cands[i + 1]
                between = text[a.end:b.start]
                if b.range_end is None and self.connector_re.fullmatch(between) and _joinable(a, b):
                    assert self.lex.connector_rule is not None
                    joined = replace(a, end=b.end, rule=self.lex.connector_rule, needs_context=False,
                                     range_end=replace(b, needs_context=False), start_part=a)
                    _inherit_years(joined)
                    out.append(joined)
                    i += 2
                    continue
            out.append(a)
            i += 1
        return out

    def _day_lists(self, cands: list[Cand], text: str) -> list[Cand]:
        """'18 dan 19 Maret 2025': each day listed before a full date is a mention of its own."""
        out: list[Cand] = []
        for c in cands:
            listed: list[Cand] = []
            start = c.start
            while c.day is not None and c.month is not None and c.range_end is None and c.weekday is None:
                before = self.listed_day_re.search(text, max(0, start - 12), start)
                if before is None or not timex.valid_day(c.year or 2024, c.month, int(before.group(1))):
                    break
                start = before.start()
                listed.insert(0, replace(c, start=start, end=before.end(1), day=int(before.group(1)),
                                         direction=None))
            if listed and (not out or out[-1].end <= listed[0].start):
                out += listed
            out.append(c)
        return out

    def _has_context(self, c: Cand, text: str) -> bool:
        before = text[max(0, c.start - 30):c.start]
        words = regex.findall(r"[\w-]+|[,(]", before)
        if words and _norm(words[-1]) in self.lex.context:
            return True
        if c.weekday in self.lex.ambiguous_weekdays and words and words[-1] == ",":
            return text[c.end:c.end + 1] in (".", ",", "")
        return False

    def _is_future(self, c: Cand, text: str) -> bool:
        if c.direction == "future" or (c.range_end is not None and c.range_end.direction == "future"):
            return True
        if c.direction in ("past", "present"):
            return False
        window = text[max(0, c.start - self.future_window):c.start]
        ends = list(_SENTENCE_END.finditer(window))
        if ends:
            window = window[ends[-1].end():]
        return self.future_re.search(window) is not None

    # --- the reference date ---------------------------------------------------------
    def reference(self, doc: Doc, cands: list[Cand]) -> tuple[dt.date | None, str | None]:
        article = doc._.article or {}
        published = parse_published(article.get("published"))
        if published.warning is not None:
            doc._.warnings = [*(doc._.warnings or []), published.warning]
        if published.day is not None:
            return published.day, "published"
        header = self._header_date(doc_text(doc), cands)
        if header is not None:
            return header, "header"
        dateline = self._dateline(cands)
        if dateline is not None:
            return dateline, "dateline"
        days = [d for d in (_explicit_day(p) for c in cands if not c.future for p in _parts(c)) if d is not None]
        if days:
            return max(days), "latest_date"
        dateline = self._dateline([replace(c, future=False) for c in cands])  # only plans: still the best clue
        if dateline is not None:
            return dateline, "dateline"
        return None, None

    def _header_date(self, text: str, cands: list[Cand]) -> dt.date | None:
        for c in cands:
            if c.start > self.header_window:
                break
            day = _explicit_day(c)
            if day is None or c.range_end is not None:
                continue
            clock = self.clock_re.match(text, c.end)
            if clock is not None and clock.group("cue") is None:  # "10:32 WIB" after it, not "pukul 10.32"
                return _header_day(text, c.start, clock.end()) or day
            if self.header_marker_re.search(text[max(0, c.start - 40):c.start]):
                return day
        return None

    def _dateline(self, cands: list[Cand]) -> dt.date | None:
        """The latest weekday-qualified date ("Rabu (21/8)", "Selasa, 5 Maret 2024").

        Dates without a year all get one year: the one near the article's
        latest written year (or this year) in which most of the written
        weekdays agree with their dates.
        """
        dated = [p for c in cands if not c.future for p in _parts(c)
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
        years = [p.year for c in cands if not c.future for p in _parts(c)
                 if p.explicit_year and p.year is not None and p.year <= limit]
        return max(years) if years else limit

    # --- resolution ------------------------------------------------------------------
    def resolve(self, c: Cand, ref: dt.date | None, context_year: int | None, warnings: list[str]) -> Resolved:
        if c.range_end is not None:
            a = self._resolve_point(_start_part(c), ref, context_year, warnings, c.future)
            b = self._resolve_point(c.range_end, ref, context_year, warnings, c.future, after=a)
            if a.value is None or b.value is None:
                return Resolved(None)
            return Resolved(f"{a.value}/{b.value}")
        return self._resolve_point(c, ref, context_year, warnings, c.future)

    def _resolve_point(self, c: Cand, ref: dt.date | None, context_year: int | None, warnings: list[str],
                       future: bool, after: Resolved | None = None) -> Resolved:
        if c.decade is not None:
            return Resolved(c.decade)
        if c.quarter is not None:
            return Resolved(f"{c.year}-{c.quarter}" if c.year else None)
        if c.rel_unit is not None:
            return _relative(c.rel_unit, c.rel_offset, ref)
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
            year = self._underspecified_year(c, ref, context_year, future)
        if year is None:
            return Resolved(None)
        if c.day is None:
            return Resolved(f"{year:04d}-{c.month:02d}", None, year, c.month)
        day = timex.safe_date(year, c.month, c.day)
        if day is None:
            return Resolved(None)
        if c.weekday is not None and day.isoweekday() != c.weekday:
            if c.year is None and after is None:
                better = self._weekday_year(c, year, ref, context_year, future)
                if better is not None:
                    day = better
            if day.isoweekday() != c.weekday:
                warnings.append(Errors.W001.format(weekday=c.weekday_text or "", date=day.isoformat(),
                                                   actual=self.lex.weekday_names.get(day.isoweekday(), "")))
        return Resolved(day.isoformat(), day, day.year, day.month)

    def _underspecified_year(self, c: Cand, ref: dt.date | None, context_year: int | None,
                             future: bool) -> int | None:
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
            return year - 1
        return year

    def _weekday_year(self, c: Cand, year: int, ref: dt.date | None, context_year: int | None,
                      future: bool) -> dt.date | None:
        """Another year near the first guess in which the written weekday agrees with the date."""
        step = 1 if future else -1
        options = [ref.year] if ref is not None and ref.year != year else []
        options += [year + step * k for k in range(1, self.years_back + 1)]
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

    # --- the component ------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if not self.shapes:
            return doc
        cands = self.candidates(doc)
        ref, basis = self.reference(doc, cands)
        doc._.reference_date = ref.isoformat() if ref else None
        doc._.reference_basis = basis
        warnings: list[str] = list(doc._.warnings or [])
        spans = []
        context_year: int | None = None
        for c in cands:
            resolved = self.resolve(c, ref, context_year, warnings)
            for p in _parts(c):
                if p.explicit_year and p.year is not None:
                    context_year = p.year
            attrs: dict[str, Any] = {"value": resolved.value, "granularity": _granularity(c)}
            mod = c.mod or (c.range_end.mod if c.range_end is not None else None)
            if mod:
                attrs["mod"] = mod
            span = make_mention(doc, c.start, c.end, "DATE", c.rule.id, attrs)
            if span is None:
                trace(doc, c.rule.id, c.start, c.end, "does not align with token boundaries")
            else:
                spans.append(span)
        if spans:  # setting doc.ents costs as much as finding the dates
            add_mentions(doc, spans)
        doc._.warnings = warnings
        return doc


# --- helpers -------------------------------------------------------------------------


def _header_day(text: str, start: int, clock_end: int) -> dt.date | None:
    """A page-header stamp ("Senin, 21 Okt 2024 23:40 WIT") read as ``published`` is: its Jakarta day."""
    end = text.find("\n", clock_end, clock_end + 24)
    return parse_published(text[start:end if end >= 0 else clock_end + 24].strip()).day



def _placed(template: Cand, offset: int) -> Cand:
    """A fresh copy of a candidate read at 0, moved to ``offset`` (later steps change candidates in place)."""
    c = copy.copy(template)
    c.start += offset
    c.end += offset
    if c.range_end is not None:
        end = c.range_end = copy.copy(c.range_end)
        end.start += offset
        end.end += offset
    return c


def _cased(text: str) -> str:
    """``text`` as a regex matching it in any case, without the IGNORECASE flag (which makes ``re`` scans slow)."""
    return "".join(f"[{re.escape(c)}{re.escape(c.upper())}]" if c.upper() != c else re.escape(c) for c in text)


def _trie(words: Iterable[str]) -> str:
    """One regex for many (lower-case) words in any case, as a prefix tree: ``re`` tries a few characters, not
    every word."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [_cased(ch) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return emit(tree) or "(?!)"


def _trigger_regexes(starts: Iterable[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where a date or a false friend may begin: a digit or a start word at a word's start, or a sign.

    A word's start is where a word (``_WORD``: Jum'at is one word) begins, so "19" in "COVID19" and "at"
    in "Jum'at" are not starts. Start entries not beginning with a letter or digit (©, $, (c)) are signs.
    Only places after a boundary (``_BOUNDARY``) count. Two regexes: one for the text's first character,
    one matching the character before every later start (a scan for a character class is fast in ``re``;
    no capture group and no IGNORECASE flag, both of which make it several times slower).
    """
    words: set[str] = set()
    signs: set[str] = set()
    for entry in starts:
        entry = entry.strip().lower()
        first = _WORD.match(entry)
        if first is not None:
            words.add(first.group())
        elif entry:
            signs.add(entry)
    sign_part = "".join(_cased(x) + "|" for x in sorted(signs, key=lambda x: (-len(x), x)))
    start = rf"(?:{sign_part}(?<![^\W_]['’])(?:\d|{_trie(words)}(?![^\W_]|['’][^\W_])))"
    return re.compile(start), re.compile(rf"[^\w/?!](?<!\d[.,:])(?={start})")


def _start_part(c: Cand) -> Cand:
    if c.start_part is not None:
        return c.start_part
    return replace(c, range_end=None)


def _parts(c: Cand) -> list[Cand]:
    return [_start_part(c), c.range_end] if c.range_end is not None else [c]


def _explicit_day(c: Cand) -> dt.date | None:
    if c.range_end is not None or not (c.explicit_year and c.year and c.month and c.day):
        return None
    return timex.safe_date(c.year, c.month, c.day)


def _joinable(a: Cand, b: Cand) -> bool:
    """Two candidates a connector may join: both absolute-ish, neither a relative phrase."""
    return a.rel_unit is None and b.rel_unit is None and a.decade is None and b.decade is None


def _inherit_years(joined: Cand) -> None:
    """'Januari hingga Maret 2024', '2020 hingga September 2024': the year written once serves both ends."""
    a, b = _start_part(joined), joined.range_end
    assert b is not None
    if a.year is None and b.year is not None and a.month is not None and b.month is not None:
        a.year = b.year if (a.month, a.day or 0) <= (b.month, b.day or 0) else b.year - 1
        a.explicit_year = True
    elif a.year is None and b.rel_year and a.month is not None and a.rel_unit is None:  # "April-Juni tahun ini"
        a.rel_year, a.rel_offset = True, b.rel_offset
    elif b.year is None and a.year is not None and b.month is not None and b.rel_unit is None and not b.rel_year:
        b.year = a.year if (b.month, b.day or 0) >= (a.month or 1, a.day or 0) else a.year + 1
        b.explicit_year = True
    joined.year, joined.explicit_year = a.year, a.explicit_year


def _granularity(c: Cand) -> str:
    if c.range_end is not None:
        return f"{_start_part(c).granularity}/{c.range_end.granularity}"
    return c.granularity


def _relative(unit: str, offset: int, ref: dt.date | None) -> Resolved:
    if ref is None:
        return Resolved(None)
    value, day = timex.relative(unit, offset, ref)
    return Resolved(value, day)


@Language.factory("warta_dates", default_config={"rules": []})
def make_dates(nlp: Language, name: str, rules: list[str]) -> DateTagger:
    """``rules``: folders layered over the built-in rules when the component is used alone."""
    return with_rule_dirs(DateTagger(nlp, name), rules)
