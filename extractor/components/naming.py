"""Small helpers the agency, official and byline components share: capitalization and headlines.

Indonesian news capitalizes names, titles and agencies alike, and writes
headlines in Title Case; these helpers let the components tell a capitalized
word inside a sentence from one in a headline.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex
from spacy.tokens import Doc, Span, Token

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


def titlecase_tokens(doc: Doc, min_words: int = 4, share: float = 0.85) -> list[bool]:
    """For each token: does it sit on a Title Case line (a headline or teaser)?

    In such lines every word is capitalized, so a capitalized word says nothing
    about being a name. Computed once per Doc and settings (several components ask).
    """
    key = f"warta.titlecase_tokens:{min_words}:{share}"
    known = doc.user_data.get(key)
    if known is not None:
        return list(known)
    flags = [False] * len(doc)
    lines: list[tuple[int, int]] = []
    start = 0
    for i, token in enumerate(doc):
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            lines.append((start, i + 1))
            start = i + 1
    lines.append((start, len(doc)))
    for start, end in lines:
        words = [t for t in doc[start:end] if t.is_alpha and len(t.text) > 3]
        if len(words) < min_words:
            continue
        last = next((t for t in reversed(doc[start:end]) if not t.is_space), None)
        if last is not None and last.text == ".":
            continue  # a sentence, not a headline
        capitalized = sum(1 for t in words if t.text[0].isupper())
        link_list = len(words) > 24 and capitalized >= 0.8 * len(words)  # a run of headlines or links
        headline = capitalized >= share * len(words) and not any(t.is_lower and len(t.text) >= 6 for t in words)
        if link_list or headline:  # headlines drop verb prefixes: a long lower-case word marks a sentence
            for i in range(start, end):
                flags[i] = True
    doc.user_data[key] = flags
    return list(flags)


def ent_index(doc: Doc) -> list[Span | None]:
    """For each token, the entity covering it, if any."""
    index: list[Span | None] = [None] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            index[i] = ent
    return index


def phrase_tokens(phrases: Iterable[str]) -> set[str]:
    """The set of single words of a list of phrases."""
    return {word for phrase in phrases for word in phrase.split()}


def sentence_start(doc: Doc, i: int) -> bool:
    """Is token ``i`` the first word of a sentence or line (so its capital says nothing)?"""
    if i == 0:
        return True
    prev = doc[i - 1]
    return prev.text in _SENTENCE_END or "\n" in prev.whitespace_ or "\n" in prev.text


_SENTENCE_END = {".", "!", "?", "\u201c", '"', ":", "\u2013", "-", "(", "\u201d", "\u2014"}


def words_of(tokens: Sequence[Token]) -> list[str]:
    return [t.text for t in tokens]
