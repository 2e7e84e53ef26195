"""The one sentence splitter: token ranges of sentences, abbreviation-aware, kept on the Doc.

spacy.blank("id") has no sentence splitter. This one works on the text (one
regex pass) and maps back to tokens through their offsets, so a long article
costs no Python loop over its tokens. A full stop after a word of the
abbreviation list (``abbreviations`` in ``rules/events.yaml``: Jl., No.) ends
no sentence.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy
import regex
from spacy.attrs import IDX, IS_SPACE
from spacy.tokens import Doc

from .layer import doc_text, kept


@lru_cache(maxsize=8)
def _boundary(abbreviations: frozenset[str]) -> Any:
    """Where sentences end, as one regex: after . ! ? (and closing quotes) before a space and a word that
    does not start in lower case, unless the word before the stop is one of ``abbreviations`` (Jl.
    Sudirman); at a blank line; and at a lone line break only where a new sentence visibly starts. Outlets
    break lines inside sentences around links, italics and brackets, so a lone break is no end before a
    lower-case word, punctuation, a bracket or a dash ("markas\nscamming\natau", "Orang\n(TPPO)",
    "Jakarta\n-\nPolri"), nor before a digit or an acronym unless the line before ends in a capitalized word
    that is not its first (a headline: "... di Myanmar\nTNI membantu"; not "termasuk\nKBRI",
    "sebanyak\n62 orang", "Setidaknya 75\nWNI", "Puluhan\nWNI"), nor after a line ending in an opening
    bracket or quote, a comma, a colon or a dash; before a capitalized word after a line without end punctuation (a
    headline, a dateline) it is one. A stop glued between a lower-case letter and a
    capitalized word ("lalu.Dari", scrapers' joins) ends a sentence too."""
    names = "|".join(regex.escape(a) for a in sorted(abbreviations, key=len, reverse=True))
    not_abbreviation = f"(?<!(?<!\\w)(?:{names})[.!?])" if names else ""
    return regex.compile(r"\n(?<![(\[“‘\"\-–—,:][^\S\n]*+\n)"
                         r"(?![^\S\n]*+[\p{Ll},.;:()\[\]\-–—])"
                         r"(?!(?<![^\S\n]\p{Lu}[\w\-]*[^\S\n]*\n)[^\S\n]*+(?:\p{N}|\p{Lu}{2,}+(?!\p{Ll})))"
                         r"|[.!?]" + not_abbreviation + r"[.!?]*+[\"”’')]*+(?=\s++[^\s\p{Ll}])"
                         r"|(?<=\p{Ll})[.!?]" + not_abbreviation + r"[\"”’']*+(?=[\"“]?+\p{Lu}\p{Ll})")


def sentence_bounds(doc: Doc, abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Token ranges ``(start, end)`` of the Doc's sentences, in order, without leading or trailing
    whitespace tokens: split after . ! ? (and a closing quote) and at line breaks."""
    return list(kept(doc, ("sentences", abbreviations), lambda: _bounds(doc, abbreviations)))


def _bounds(doc: Doc, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    n = len(doc)
    if n == 0:
        return []
    idx = doc.to_array(IDX)
    space = doc.to_array(IS_SPACE).tolist()
    ends = [m.end() for m in _boundary(abbreviations).finditer(doc_text(doc))]
    cuts = [0, *numpy.searchsorted(idx, ends, side="left").tolist(), n]
    bounds: list[tuple[int, int]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        while a < b and space[a]:
            a += 1
        while b > a and space[b - 1]:
            b -= 1
        if a < b and (not bounds or a >= bounds[-1][1]):
            bounds.append((a, b))
    return bounds


def sentence_ids(doc: Doc, abbreviations: frozenset[str] = frozenset()) -> list[int]:
    """A sentence number per token (whitespace between two sentences belongs to the one after it)."""
    return list(kept(doc, ("sentence_ids", abbreviations), lambda: _ids(doc, abbreviations)))


def _ids(doc: Doc, abbreviations: frozenset[str]) -> list[int]:
    starts = [a for a, _ in sentence_bounds(doc, abbreviations)]
    breaks = numpy.zeros(len(doc), dtype=numpy.int64)
    if starts:
        breaks[starts[1:]] = 1
    ids: list[int] = numpy.cumsum(breaks).tolist()
    return ids
