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
    """Where sentences end, as one regex: at a line break, unless the break is inside a sentence (outlets
    break lines around links and italics: before a lower-case word, a closing bracket or a comma, or after
    an opening bracket: "markas\\nscamming\\natau", "(\\nTPPO\\n)"); or after . ! ? (and closing quotes)
    before a space and a word that does not start in lower case, unless the word before the stop is one
    of ``abbreviations`` (Jl. Sudirman)."""
    names = "|".join(regex.escape(a) for a in sorted(abbreviations, key=len, reverse=True))
    not_abbreviation = f"(?<!(?<!\\w)(?:{names})[.!?])" if names else ""
    return regex.compile(r"\n(?<!\(\n)(?![\p{Ll},.;:)\]])"
                         r"|[.!?]" + not_abbreviation + r"[.!?]*+[\"”’')]*+(?=\s++[^\s\p{Ll}])")


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
