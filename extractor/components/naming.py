"""Small helpers the agency, official and byline components share: capitalization and headlines.

Indonesian news capitalizes names, titles and agencies alike, and writes
headlines in Title Case; these helpers let the components tell a capitalized
word inside a sentence from one in a headline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import regex
from spacy.tokens import Doc, Token

_ACRONYM = regex.compile(r"^(?=(?:[^A-Z]*+[A-Z]){2})[A-Z][A-Za-z0-9]*+(?:-[A-Za-z0-9]++)?$")
_ROMAN = regex.compile(r"^(?=[IVXL])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$")
_WORD = regex.compile(r"\p{L}")


def is_cap(token: Token) -> bool:
    """A word starting with an upper-case letter (Retno, KBRI, Al-Farisi, M.)."""
    text = token.text
    return bool(text) and text[0].isupper() and bool(_WORD.search(text))


def is_acronym(text: str) -> bool:
    """An acronym-like word: at least two capitals, starting with one (NCCT, KP2MI, KemenP2MI)."""
    return len(text) >= 2 and bool(_ACRONYM.match(text))


def is_roman(text: str) -> bool:
    """A Roman numeral as in "Komisi I" or "Komisi XIII"."""
    return bool(text) and bool(_ROMAN.match(text))


def phrase_tokens(phrases: Iterable[str]) -> set[str]:
    """The set of single words of a list of phrases."""
    return {word for phrase in phrases for word in phrase.split()}


def enumeration_ahead(text_at: Callable[[int], str], n: int, j: int, closers: set[str],
                      word_end: Callable[[int], int]) -> bool:
    """After a comma inside a name or a title: "Hukum, dan Keamanan", "Asia, Pasifik, dan Afrika" -- name
    words (``word_end(k)`` > k past one) up to a word that closes an enumeration (dan/serta)."""
    stop = min(n, j + 8)
    while j < stop:
        text = text_at(j)
        if text in closers:
            return True
        if text == ",":
            j += 1
            continue
        end = word_end(j)
        if end > j:
            j = end
            continue
        return False
    return False


def sentence_start(doc: Doc, i: int) -> bool:
    """Is token ``i`` the first word of a sentence or line (so its capital says nothing)?"""
    if i == 0:
        return True
    prev = doc[i - 1]
    return prev.text in _SENTENCE_END or "\n" in prev.whitespace_ or "\n" in prev.text


_SENTENCE_END = {".", "!", "?", "\u201c", '"', ":", "\u2013", "-", "(", "\u201d", "\u2014"}


