"""The chrome lookup: is a character range inside page chrome (``doc._.boilerplate``)?"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from .layer import layer

ChromeIndex = tuple[list[tuple[int, int]], list[int]]


def chrome_index(doc: Doc) -> ChromeIndex | None:
    """Page-chrome regions and their starts, or None when the Doc has none."""
    regions = doc._.boilerplate
    if not regions:
        return None
    facts = layer(doc)
    if facts.chrome is None or facts.chrome[0] is not regions:  # doc._.boilerplate is set once, first
        facts.chrome = (regions, (list(regions), [a for a, _ in regions]))
    index: ChromeIndex = facts.chrome[1]
    return index


def overlaps_chrome(chrome: ChromeIndex, start_char: int, end_char: int) -> bool:
    regions, starts = chrome
    i = bisect_right(starts, end_char - 1) - 1
    while i >= 0:
        a, b = regions[i]
        if a < end_char and start_char < b:
            return True
        if b <= start_char:
            break
        i -= 1
    return False


def in_chrome(doc: Doc, start_char: int, end_char: int) -> bool:
    """Does ``start_char:end_char`` overlap page chrome?"""
    chrome = chrome_index(doc)
    return chrome is not None and overlaps_chrome(chrome, start_char, end_char)
