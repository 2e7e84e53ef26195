"""Indonesian numerals: digits with Indonesian separators, number words, vague quantities and ranges.

Pure (no spaCy): it reads a token view (:class:`Tokens`), so the grammar is tested on plain word lists.
"1.386" is 1386 (a dot groups thousands), "4,5 juta" is 4500000 but "122,3" alone is a fraction and
never a count; "enam puluh dua" is 62; "ratusan" is the range 100-999; "10-15" and "ratusan hingga
ribuan" are ranges; "300an" is about 300. Every word comes from ``rules/case_counts.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import regex

from ...rules import Settings

_THOUSANDS_DOT = regex.compile(r"\d{1,3}+(?:\.\d{3})++")
_THOUSANDS_COMMA = regex.compile(r"\d{1,3}+(?:,\d{3})++")
_DECIMAL = regex.compile(r"(\d++)[.,](\d{1,2}+)")
_INTEGER = regex.compile(r"\d{1,12}+")


@dataclass(frozen=True)
class Numeral:
    """A number in the text: token range, integer value (None when vague) and range."""

    start: int
    end: int
    value: int | None
    range: tuple[int, int] | None = None
    vague: bool = False
    scaled: int = 1  # the scale word's factor, when one followed ("80 ribu")
    approx: bool = False  # "90 ribuan": about 90000


class Tokens(Protocol):
    """What the numeral grammar reads of a text: each token as written, lower-cased, and whether
    whitespace follows it; ``spaces`` marks the whitespace tokens."""

    @property
    def spaces(self) -> Sequence[int]: ...

    def __len__(self) -> int: ...

    def text(self, i: int) -> str: ...

    def lower(self, i: int) -> str: ...

    def glued(self, i: int) -> bool: ...


@dataclass
class WordList:
    """A :class:`Tokens` over a plain word list (tests, callers without a Doc): words separated by spaces."""

    words: list[str]
    spaces: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.spaces = [0] * len(self.words)

    def __len__(self) -> int:
        return len(self.words)

    def text(self, i: int) -> str:
        return self.words[i]

    def lower(self, i: int) -> str:
        return self.words[i].lower()

    def glued(self, i: int) -> bool:
        return False


def int_map(value: Any) -> dict[str, int]:
    """A settings mapping of words to numbers, keys lower-cased."""
    return {str(k).lower(): int(v) for k, v in value.items()} if isinstance(value, Mapping) else {}


def next_word(spaces: Sequence[int], i: int) -> int:
    """The first token at or after ``i`` that is not whitespace (``len(spaces)`` if none);
    ``spaces``: the IS_SPACE column."""
    while i < len(spaces) and spaces[i]:
        i += 1
    return i


def prev_end(spaces: Sequence[int], i: int) -> int:
    """The end (exclusive) of the last non-whitespace token before ``i``."""
    while i > 0 and spaces[i - 1]:
        i -= 1
    return i


@dataclass
class NumeralGrammar:
    """The number words of the settings and how they combine."""

    number_words: dict[str, int] = field(default_factory=dict)
    teens: frozenset[str] = frozenset()
    multipliers: dict[str, int] = field(default_factory=dict)
    scales: dict[str, int] = field(default_factory=dict)
    vague: dict[str, tuple[int, int]] = field(default_factory=dict)
    joiners: frozenset[str] = frozenset()
    approximate_scales: dict[str, int] = field(default_factory=dict)
    approximate_suffixes: tuple[str, ...] = ()

    @classmethod
    def from_settings(cls, settings: Settings) -> NumeralGrammar:
        """The grammar of the ``case_counts`` settings."""
        return cls(
            number_words=int_map(settings.get("number_words")), teens=settings.lower_words("teen_words"),
            multipliers=int_map(settings.get("multipliers")), scales=int_map(settings.get("scales")),
            vague={str(k).lower(): (int(v[0]), int(v[1])) for k, v in (settings.get("vague_quantities") or {}).items()},
            joiners=settings.lower_words("range_joiners"),
            approximate_scales=int_map(settings.get("approximate_scales")),
            approximate_suffixes=tuple(sorted(settings.lower_words("approximate_suffixes"), key=len, reverse=True)))

    @property
    def words(self) -> frozenset[str]:
        """The words that may start a numeral."""
        return frozenset(self.number_words) | frozenset(self.vague)

    def numeral_at(self, doc: Tokens, i: int) -> Numeral | None:
        """The numeral starting at token ``i`` (with a range "10-15" joined), or None."""
        first = self.simple_numeral_at(doc, i)
        if first is None:
            return None
        j = next_word(doc.spaces, first.end)
        if first.vague:  # "ratusan hingga ribuan orang": one vague range
            if j < len(doc) and doc.lower(j) in self.joiners and first.range is not None:
                second = self.simple_numeral_at(doc, next_word(doc.spaces, j + 1))
                if second is not None and second.vague and second.range is not None \
                        and first.range[0] < second.range[1]:
                    return Numeral(first.start, second.end, None, (first.range[0], second.range[1]), vague=True,
                                   scaled=second.scaled)
            return first
        if j < len(doc) and doc.lower(j) in self.joiners:
            second = self.simple_numeral_at(doc, next_word(doc.spaces, j + 1))
            if second is not None and not second.vague and first.value is not None and second.value is not None:
                low = first.value
                if first.scaled == 1 and second.scaled > 1:
                    low *= second.scaled
                if low < second.value:
                    return Numeral(first.start, second.end, None, (low, second.value))
        return first

    def simple_numeral_at(self, doc: Tokens, i: int) -> Numeral | None:
        """One numeral without a range: a vague quantity, digits or number words."""
        if i >= len(doc):
            return None
        lower = doc.lower(i)
        if lower in self.vague:
            low, high = self.vague[lower]
            j = next_word(doc.spaces, i + 1)
            if j < len(doc) and doc.lower(j) in self.scales:
                scale = self.scales[doc.lower(j)]
                return Numeral(i, j + 1, None, (low * scale, (high + 1) * scale - 1), vague=True, scaled=scale)
            return Numeral(i, i + 1, None, (low, high), vague=True)
        if doc.text(i)[:1].isdigit():
            return self.digits_at(doc, i)
        if lower in self.number_words:
            return self.words_at(doc, i)
        return None

    def digits_at(self, doc: Tokens, i: int) -> Numeral | None:
        """Digits with Indonesian separators, optionally followed by a scale word."""
        text = doc.text(i)
        j = next_word(doc.spaces, i + 1)
        following = doc.lower(j) if j < len(doc) else ""
        scale = self.scales.get(following, 1)
        approx = scale == 1 and following in self.approximate_scales
        if approx:
            scale = self.approximate_scales[following]
        end = j + 1 if scale > 1 else i + 1
        number: float | None = None
        if not text[-1:].isdigit() or following in ("-", "–"):  # "300an", "300-an"
            suffix = self.approximate_suffix(doc, i)
            if suffix is not None:
                return suffix
        if _THOUSANDS_DOT.fullmatch(text):
            number = int(text.replace(".", ""))
        elif _THOUSANDS_COMMA.fullmatch(text) and (scale == 1 or text.count(",") > 1):
            number = int(text.replace(",", ""))  # an English-style separator: counts are whole numbers
        elif (decimal := _DECIMAL.fullmatch(text)) is not None:
            if scale == 1:
                return None  # "122,3" is a fraction, never a count
            number = float(f"{decimal.group(1)}.{decimal.group(2)}")
        elif _INTEGER.fullmatch(text):
            if len(text) > 1 and text.startswith("0"):
                return None  # codes and phone numbers
            number = int(text)
        if number is None:
            return None
        return Numeral(i, end, int(round(number * scale)), scaled=scale, approx=approx)

    def approximate_suffix(self, doc: Tokens, i: int) -> Numeral | None:
        """"300an", "300-an": about 300 (qualifier approx)."""
        if not self.approximate_suffixes:
            return None
        text = doc.text(i)
        for suffix in self.approximate_suffixes:
            stem = text[:-len(suffix)] if text.lower().endswith(suffix) else ""
            if stem and _INTEGER.fullmatch(stem) and not stem.startswith("0"):
                return Numeral(i, i + 1, int(stem), approx=True)
        if (i + 2 < len(doc) and doc.text(i + 1) in ("-", "–") and doc.lower(i + 2) in self.approximate_suffixes
                and _INTEGER.fullmatch(text) and not text.startswith("0") and doc.glued(i)
                and doc.glued(i + 1)):
            return Numeral(i, i + 3, int(text), approx=True)
        return None

    def words_at(self, doc: Tokens, i: int) -> Numeral | None:
        """Number words: "enam puluh dua" = 62, "dua belas" = 12, "seratus lima" = 105."""
        total = group = pending = 0
        end = i
        j = i
        while j < len(doc):
            lower = doc.lower(j)
            if lower in self.number_words:
                value = self.number_words[lower]
                if pending:
                    break  # "dua tiga": two numbers, not one
                if value >= 1000 and value in self.scales.values():  # seribu, sejuta: one thousand, ...
                    if total or group:
                        break
                    total = value
                elif value >= 100 and value in self.multipliers.values():  # seratus
                    if group:
                        break
                    group = value
                else:
                    pending = value
            elif lower in self.teens and 0 < pending < 10:
                group += pending + 10
                pending = 0
            elif lower in self.multipliers and 0 < pending < 10:
                group += pending * self.multipliers[lower]
                pending = 0
            elif lower in self.scales and (group or pending):
                total += (group + pending) * self.scales[lower]
                group = pending = 0
            else:
                break
            end = j + 1
            j = next_word(doc.spaces, j + 1)
        if end == i:
            return None
        return Numeral(i, end, total + group + pending)
