"""The word lists of ``rules/dates.yaml`` (months, weekdays, relatives, units, ...) and the regex
alternations they fill into the date shapes' placeholders. Pure: no spaCy."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from ...rules import Rule

PARTS = {"quarter": ("Q", 4), "half": ("H", 2)}
"""A year part's TIMEX3 letter (2024-Q1, 2023-H2) and how many the year has."""

SPACE = r"[^\S\n]"
"""What ``\\s`` means inside a shape: a space that does not cross a line break."""


def norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def alternation(phrases: Iterable[str], ignore_case: bool = True) -> str:
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
    paired: list[tuple[list[str], list[str], Rule]] = field(default_factory=list)  # (openers, connectors, rule)
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
                self.months[norm(p)] = int(rule.get("value"))
                self.month_full.append(p)
            for a in rule.get("abbreviations") or []:
                self.months[norm(str(a)).rstrip(".")] = int(rule.get("value"))
                self.month_abbr.append(str(a))
        elif role == "weekday":
            for p in phrases:
                self.weekdays[norm(p)] = int(rule.get("value"))
            self.weekdays_as_written += phrases
            self.weekday_names.setdefault(int(rule.get("value")), phrases[0])
            if rule.get("ambiguous"):
                self.ambiguous_weekdays.add(int(rule.get("value")))
        elif role == "relative":
            for p in phrases:
                self.relatives[norm(p)] = rule
        elif role == "unit":
            for p in phrases:
                self.units[norm(p)] = str(rule.get("unit"))
        elif role == "numeral":
            for i, p in enumerate(phrases, start=1):  # satu = 1, dua = 2, ...
                self.numerals[norm(p)] = i
        elif role == "ordinal":
            for p in phrases:
                self.ordinals[p] = int(rule.get("value"))
        elif role == "year_part":
            for p in phrases:
                self.year_parts[norm(p)] = str(rule.get("part"))
        elif role == "conjunction":
            self.conjunctions += phrases
        elif role == "connector" and "opener" in rule.data:
            self.paired.append(([str(w) for w in rule.get("opener")], phrases, rule))
        elif role == "connector":
            self.connectors += phrases
            self.connector_rule = self.connector_rule or rule
        elif role == "modifier":
            for p in phrases:
                self.mods[norm(p)] = str(rule.get("mod"))
        elif role == "prefix":
            self.prefixes.setdefault(str(rule.get("before")), []).extend(phrases)
        elif role == "direction":
            for p in phrases:
                self.directions[norm(p)] = str(rule.get("direction"))
        elif role == "future_cue":
            self.future_cues += phrases
        elif role == "context":
            self.context |= {norm(p) for p in phrases}

    def start_words(self) -> list[str]:
        """The first word of every phrase a date can begin with."""
        phrases = [*self.months, *self.weekdays, *self.relatives, *self.numerals, *self.mods, *self.year_parts,
                   *(p for ps in self.prefixes.values() for p in ps)]
        return [p.split()[0] for p in phrases if p.split()]

    def placeholders(self) -> dict[str, str]:
        caps = [p for p in self.month_full if p[:1].isupper()]
        wd_names = self.weekdays_as_written
        return {
            "MONTH": alternation(self.month_full + [a + "." for a in self.month_abbr] + self.month_abbr),
            "MONTH_FULL": alternation(self.month_full),
            "MONTH_CAP": alternation(caps + [p.upper() for p in caps], ignore_case=False),
            "WEEKDAY": alternation(wd_names),
            "WEEKDAY_CAP": alternation([p for p in wd_names if p[:1].isupper()] + [p.upper() for p in wd_names],
                                        ignore_case=False),
            "DAY": r"(?:[12]\d|3[01]|0?[1-9])(?!\d)",
            "MONTHNUM": r"(?:1[0-2]|0?[1-9])(?!\d)",
            "YEAR": r"(?:19|20)\d\d(?!\d)(?![.,]\d)",
            "CONNECTOR": alternation(self.connectors),
            "MOD": alternation(self.mods),
            "RELATIVE": alternation(self.relatives),
            "RELATIVE_YEAR": alternation([p for p, r in self.relatives.items() if r.get("unit") == "year"]),
            "RELATIVE_WEEK": alternation([p for p, r in self.relatives.items() if r.get("unit") == "week"]),
            "ORDINAL": alternation(self.ordinals, ignore_case=False),
            "YEAR_PART": alternation(self.year_parts),
            "DIRECTION": alternation(self.directions),
            "UNIT": alternation(self.units),
            "NUMERAL": alternation(self.numerals),
            "PREFIX_DAY": alternation(self.prefixes.get("day", [])),
            "PREFIX_MONTH": alternation(self.prefixes.get("month", [])),
            "PREFIX_YEAR": alternation(self.prefixes.get("year", [])),
        }
