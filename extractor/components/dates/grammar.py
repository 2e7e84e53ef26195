"""The date grammar: the shapes of ``rules/dates.yaml`` compiled (placeholders filled from the word
lists, each shape its own regex), where a date may begin, and a shape's match read into its parts (a
:class:`Cand`). Pure: no spaCy."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

import regex

from ... import timex
from ...errors import Errors, RuleError
from ...rules import Rule, RuleSet
from ...rules.kinds import DATE_ROLES as ROLES
from ...rules.kinds import DATES, UNITS
from .lexicon import PARTS, SPACE, Lexicon, alternation, norm

KIND = DATES

_PLACEHOLDER = regex.compile(r"\{([A-Z_]+)\}")
_BOUNDARY = r"(?<![\w/?!])(?<!\d[.,:])"
"""Where a date may begin: not inside a word or a number (1.2024, 10:30), nor after a slash (08/2024) or ?/!."""
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
"""A word as the trigger scan sees it (Jum'at whole): dates and false friends begin at a word's start."""


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
class Grammar:
    """The date rules compiled: word lists, shapes in file order and the regexes the steps share."""

    lex: Lexicon
    shapes: list[Shape]  # exclusions first, then shapes, in file order
    trigger_start_re: Any
    trigger_re: Any
    connector_re: Any
    paired_res: list[tuple[Any, Any, Rule, int]]  # (opener before the first date, connector between, rule,
    # characters back the opener may start)
    listed_day_re: Any
    clock_re: Any
    future_re: Any
    header_marker_re: Any
    future_window: int
    header_window: int
    years_back: int
    slip_days: int = 0
    inferred_lead_days: int = 0
    published_lag_days: int = 0

    @classmethod
    def compile(cls, ruleset: RuleSet) -> Grammar:
        """The date rules of ``ruleset`` checked (a bad role, unit, part or value is a one-line error) and compiled."""
        rules = ruleset.of_kind(KIND.name)
        lex = Lexicon()
        for rule in rules:
            role = rule.get("role")
            if role not in ROLES:
                raise RuleError(Errors.E003.format(field="role", expected="one of " + ", ".join(ROLES),
                                                   got=repr(role)), rule.file, rule.line, rule.id)
            if role in ("relative", "unit") and rule.get("unit") not in UNITS:
                raise RuleError(Errors.E003.format(field="unit", expected="one of " + ", ".join(UNITS),
                                                   got=repr(rule.get("unit"))), rule.file, rule.line, rule.id)
            if role == "connector" and "opener" in rule.data and not rule.get("opener"):
                # an empty list would silently make the connector join dates everywhere
                raise RuleError(Errors.E003.format(field="opener", expected="a non-empty list of words", got="[]"),
                                rule.file, rule.line, rule.id)
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
        settings = ruleset.settings("dates")
        # Every date and false friend starts with a digit, a sign or one of these words. The shapes are tried
        # only where one begins (found by one C-level scan), not at every position of the text.
        trigger_start_re, trigger_re = _trigger_regexes(
            lex.start_words() + settings.words("start_words"))
        connector_re = regex.compile(rf"{SPACE}*(?:{fills['CONNECTOR']}){SPACE}*", regex.VERSION1)
        paired_res = [(regex.compile(rf"(?<!\w){alternation(openers)}{SPACE}++$", regex.VERSION1),
                       regex.compile(rf"{SPACE}*+{alternation(inner)}{SPACE}*+", regex.VERSION1), rule,
                       max(len(o) for o in openers) + 4)  # how far back the opener may start
                      for openers, inner, rule in lex.paired]
        listed_day_re = regex.compile(rf"(?<![\w.,/])([12]\d|3[01]|0?[1-9]){SPACE}*"
                                      rf"{alternation(lex.conjunctions)}{SPACE}*$", regex.VERSION1)
        cues = alternation(settings.words("clock_cues"))
        clock_re = regex.compile(rf"{SPACE}*[,|•·\-–]?\s{{0,4}}(?:(?P<cue>{cues}){SPACE})?"
                                 r"\d{1,2}[:.]\d{2}(?![\d:])", regex.VERSION1)
        future_re = regex.compile(r"(?<!\w)" + alternation(lex.future_cues), regex.VERSION1)
        markers = alternation(settings.words("header_markers"))
        fillers = alternation(settings.words("header_marker_fillers"))
        header_marker_re = regex.compile(rf"{markers}\s*:?\s*(?:{fillers}\s+)?$", regex.VERSION1)
        return cls(lex, shapes, trigger_start_re, trigger_re, connector_re, paired_res, listed_day_re, clock_re,
                   future_re, header_marker_re, int(settings["future_window"]), int(settings["header_window"]),
                   int(settings["weekday_years_back"]), int(settings["weekday_slip_days"]),
                   int(settings["inferred_reference_lead_days"]), int(settings["published_lag_days"]))

    def read(self, m: Any, rule: Rule) -> Cand | None:
        """A shape's match read into its parts, placed at 0; None when they make no date (31 Februari, semester III)."""
        g = m.groupdict()
        lex = self.lex
        c = Cand(0, m.end() - m.start(), rule)
        if g.get("wd"):
            c.weekday = lex.weekdays.get(norm(g["wd"]))
            c.weekday_text = g["wd"]
        if g.get("y"):
            y = g["y"]
            c.year = int(y) if len(y) == 4 else 2000 + int(y)
            c.explicit_year = True
        if g.get("m"):
            c.month = lex.months.get(norm(g["m"]).rstrip("."))
        elif g.get("mn"):
            c.month = int(g["mn"])
        if g.get("d"):
            c.day = int(g["d"])
        if g.get("mod"):
            c.mod = lex.mods.get(norm(g["mod"]))
        if g.get("dir"):
            c.direction = lex.directions.get(norm(g["dir"]))
            if c.direction == "present" and c.explicit_year:  # "sejak tahun 2010 ini": "ini" is not the date's
                c.end, c.direction = len(m.group()[:m.start("dir") - m.start()].rstrip()), None
        if g.get("weekrel"):  # "Kamis pekan depan": the Thursday of the week "pekan depan" names
            week = lex.relatives.get(norm(g["weekrel"]))
            c.week_offset = int(week.get("offset", 0)) if week is not None else 0
        if g.get("rel"):
            rel = lex.relatives.get(norm(g["rel"]))
            if rel is None:
                return None
            if c.month is not None:  # "November tahun ini"
                c.rel_year, c.rel_offset = True, int(rel.get("offset", 0))
            else:
                c.rel_unit, c.rel_offset = str(rel.get("unit")), int(rel.get("offset", 0))
        if g.get("n") and g.get("unit"):
            n = g["n"]
            count = int(n) if n.isdigit() else lex.numerals.get(norm(n), 0)
            if count <= 0:
                return None
            c.rel_unit, c.rel_offset = lex.units.get(norm(g["unit"])), -count
        if g.get("q"):
            letter, count = PARTS[lex.year_parts.get(norm(g.get("qword") or ""), "quarter")]
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

    A word's start is where a word (``WORD``: Jum'at is one word) begins, so "19" in "COVID19" and "at"
    in "Jum'at" are not starts. Start entries not beginning with a letter or digit (©, $, (c)) are signs.
    Only places after a boundary (``_BOUNDARY``) count. Two regexes: one for the text's first character,
    one matching the character before every later start (a scan for a character class is fast in ``re``;
    no capture group and no IGNORECASE flag, both of which make it several times slower).
    """
    words: set[str] = set()
    signs: set[str] = set()
    for entry in starts:
        entry = entry.strip().lower()
        first = WORD.match(entry)
        if first is not None:
            words.add(first.group())
        elif entry:
            signs.add(entry)
    sign_part = "".join(_cased(x) + "|" for x in sorted(signs, key=lambda x: (-len(x), x)))
    start = rf"(?:{sign_part}(?<![^\W_]['’])(?:\d|{_trie(words)}(?![^\W_]|['’][^\W_])))"
    # every start begins with a digit or one of these characters: checked first, it spares the
    # look-behind and the word tree at many word boundaries
    firsts = sorted({c for x in (*words, *signs) for c in (x[0], *x[0].upper())})
    lead = rf"(?=[\d{''.join(re.escape(c) for c in firsts)}])"
    return re.compile(start), re.compile(rf"[^\w/?!]{lead}(?<!\d[.,:])(?={start})")


def start_part(c: Cand) -> Cand:
    if c.start_part is not None:
        return c.start_part
    return replace(c, range_end=None)


def parts(c: Cand) -> list[Cand]:
    return [start_part(c), c.range_end] if c.range_end is not None else [c]


def explicit_day(c: Cand) -> dt.date | None:
    if c.range_end is not None or not (c.explicit_year and c.year and c.month and c.day):
        return None
    return timex.safe_date(c.year, c.month, c.day)



def granularity(c: Cand) -> str:
    if c.range_end is not None:
        return f"{start_part(c).granularity}/{c.range_end.granularity}"
    return c.granularity
