"""Lines and headline runs: which tokens sit on a Title Case line (a headline, a teaser, a link list)."""

from __future__ import annotations

from typing import Any

import numpy
import regex
from spacy.tokens import Doc

from .layer import doc_text, kept


def titlecase_tokens(doc: Doc, min_words: int = 4, share: float = 0.85) -> list[bool]:
    """For each token: does it sit on a Title Case line (a headline or teaser)?

    In such lines every word is capitalized, so a capitalized word says nothing
    about being a name. Computed once per Doc and settings (several components ask),
    per line with vectorized token attributes rather than a Python loop over tokens.
    """
    return list(kept(doc, ("titlecase", min_words, share), lambda: _titlecase(doc, min_words, share)))


def _titlecase(doc: Doc, min_words: int, share: float) -> list[bool]:
    n = len(doc)
    if n == 0:
        return []
    text = doc_text(doc)
    attrs = doc.to_array(["IDX", "LENGTH", "IS_ALPHA", "IS_LOWER", "IS_SPACE", "SHAPE", "ORTH"])
    idx, length, alpha, lower, space, shape, orth = (attrs[:, k] for k in range(7))
    # a line ends after a token followed by a line break: the line of a token is the number of breaks
    # before it (a whitespace token holding breaks ends the line it follows)
    breaks = numpy.array([m.start() for m in _LINE_BREAK.finditer(text)], dtype=idx.dtype)
    line = numpy.searchsorted(breaks, idx, side="left") if len(breaks) else numpy.zeros(n, dtype=int)
    lines = int(line[-1]) + 1
    word = (alpha != 0) & (length > 3)
    capital = numpy.array([_capitalized_shape(doc, int(h)) for h in shape.tolist()], dtype=bool) \
        if n < 64 else _capitalized(doc, shape)
    words = numpy.bincount(line, weights=word, minlength=lines)
    capitals = numpy.bincount(line, weights=word & capital, minlength=lines)
    long_lower = numpy.bincount(line, weights=word & (lower != 0) & (length >= 6), minlength=lines)
    # the last non-space token of each line: a final "." marks a sentence, not a headline
    solid = numpy.flatnonzero(space == 0)
    dot_end = numpy.zeros(lines, dtype=bool)
    if len(solid):
        solid_lines = line[solid]
        last = solid[numpy.append(solid_lines[1:] != solid_lines[:-1], True)]
        dot_end[line[last]] = orth[last] == doc.vocab.strings["."]
    link_list = (words > 24) & (capitals >= 0.8 * words)
    headline = (capitals >= share * words) & (long_lower == 0)
    flagged = (words >= min_words) & ~dot_end & (link_list | headline)
    flags: list[bool] = flagged[line].tolist()
    return flags


_LINE_BREAK = regex.compile(r"\n")
_CAPITAL_SHAPES: dict[int, bool] = {}  # shape hash -> starts with an upper-case letter ("Xxxx", "XX")


def _capitalized_shape(doc: Doc, shape: int) -> bool:
    known = _CAPITAL_SHAPES.get(shape)
    if known is None:
        known = _CAPITAL_SHAPES[shape] = doc.vocab.strings[shape][:1] == "X"
    return known


def _capitalized(doc: Doc, shapes: Any) -> Any:
    """For each token, does its shape start with "X" (an upper-case first letter)?"""
    unique, inverse = numpy.unique(shapes, return_inverse=True)
    return numpy.array([_capitalized_shape(doc, int(h)) for h in unique.tolist()], dtype=bool)[inverse]
