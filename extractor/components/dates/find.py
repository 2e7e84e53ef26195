"""Finding dates in a text: the shapes tried only where a date may begin, each distinct match read once,
two dates joined by a connector made one range, days listed before a full date made mentions of their
own, bare names without a date context word dropped, and dates spoken of as plans marked future. Pure:
no spaCy (the caller says what page chrome is and hears what was dropped)."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

import regex

from ... import timex
from ...rules import REGEX_TIMEOUT
from .grammar import WORD, Cand, Grammar, Shape, start_part
from .lexicon import norm

_SENTENCE_END = regex.compile(r"[.!?][\"”’)]?\s|\n")
_CACHE_SIZE = 20000

Dropped = Callable[[str, int, int, str], None]
"""Told of each match left out: rule id, start and end character, why."""


class Finder:
    """The candidates of one grammar, with the readings of the strings seen so far (a bounded cache)."""

    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar
        self._templates: dict[tuple[int, str], Cand | None] = {}
        self._viable: dict[str, tuple[Shape, ...]] = {}

    def candidates(self, text: str, dropped: Dropped, in_chrome: Callable[[int, int], bool]) -> list[Cand]:
        """Every date in the text, ranges joined, false friends and context-less names dropped (each told to
        ``dropped``), and those ``in_chrome`` (page chrome) left out."""
        found: list[Cand] = []
        templates = self._templates
        for shape, m in self._matches(text):
            if shape.exclusion:
                dropped(shape.rule.id, m.start(), m.end(), "not a date (false friend)")
                continue
            # A shape's reading depends only on the text it matched: read each distinct string once.
            key = (shape.index, m.group())
            if key in templates:
                template = templates[key]
            else:
                if len(templates) > _CACHE_SIZE:
                    templates.clear()
                template = templates[key] = self.grammar.read(m, shape.rule)
            if template is not None:
                found.append(_placed(template, m.start()))
        found = self._day_lists(self._join_ranges(found, text), text)
        kept = []
        for c in found:
            if c.needs_context and not self._has_context(c, text):
                dropped(c.rule.id, c.start, c.end, "bare name without a date context word")
                continue
            if in_chrome(c.start, c.end):
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
            word = WORD.match(text, pos)
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
        if self.grammar.trigger_start_re.match(text) is not None:
            yield 0
        for t in self.grammar.trigger_re.finditer(text):
            yield t.end()

    def _viable_shapes(self, start: str) -> tuple[Shape, ...]:
        """The exclusions and shapes that could match text beginning with ``start``, in file order.

        A shape is dropped only when not even a partial match of ``start`` fits it (regex partial matching:
        could ``start`` + something match?), so no match is ever lost; a shape with a lookbehind is always kept.
        """
        if len(self._viable) > _CACHE_SIZE:
            self._viable.clear()
        viable = self._viable[start] = tuple(
            s for s in self.grammar.shapes
            if s.looks_behind or s.pattern.match(start, partial=True, timeout=REGEX_TIMEOUT) is not None)
        return viable

    def _join_ranges(self, cands: list[Cand], text: str) -> list[Cand]:
        """Two neighbours with only a connector between them ('2020 hingga September 2024') become one range;
        so do two after an opener with its own connector between them ('antara 2020 dan September 2024')."""
        out: list[Cand] = []
        i = 0
        while i < len(cands):
            a = cands[i]
            if i + 1 < len(cands) and a.range_end is None:
                b = cands[i + 1]
                between = text[a.end:b.start]
                rule = self.grammar.lex.connector_rule if self.grammar.connector_re.fullmatch(between) else next(
                    (r for opener, inner, r, back in self.grammar.paired_res if inner.fullmatch(between)
                     and opener.search(text, max(a.start - back, 0), a.start)), None)
                if b.range_end is None and rule is not None and _joinable(a, b):
                    joined = replace(a, end=b.end, rule=rule, needs_context=False,
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
                before = self.grammar.listed_day_re.search(text, max(0, start - 12), start)
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
        if words and norm(words[-1]) in self.grammar.lex.context:
            return True
        if c.weekday in self.grammar.lex.ambiguous_weekdays and words and words[-1] == ",":
            return text[c.end:c.end + 1] in (".", ",", "")
        return False

    def _is_future(self, c: Cand, text: str) -> bool:
        if c.direction == "future" or (c.range_end is not None and c.range_end.direction == "future"):
            return True
        if c.direction in ("past", "present"):
            return False
        window = text[max(0, c.start - self.grammar.future_window):c.start]
        ends = list(_SENTENCE_END.finditer(window))
        if ends:
            window = window[ends[-1].end():]
        return self.grammar.future_re.search(window) is not None


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


def _joinable(a: Cand, b: Cand) -> bool:
    """Two candidates a connector may join: both absolute-ish, neither a relative phrase."""
    return a.rel_unit is None and b.rel_unit is None and a.decade is None and b.decade is None


def _inherit_years(joined: Cand) -> None:
    """'Januari hingga Maret 2024', '2020 hingga September 2024': the year written once serves both ends."""
    a, b = start_part(joined), joined.range_end
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
