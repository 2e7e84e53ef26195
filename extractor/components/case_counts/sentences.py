"""Case counts' sentence numbers: a sentence ends at . ! ?, at a blank line, and at a line break before a
capitalized word; a lone line break inside a sentence is kept."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import numpy
import regex

_LINE_BREAKS = regex.compile(r"\n[^\S\n]*+(?:\n[^\S\n]*+)*+")
SENTENCE_END = frozenset({".", "!", "?", "…", "...", "?!"})
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "]"})
_OPENERS = frozenset({"(", "[", "“", '"', "‘", ",", "-", "–", "—", ":"})


def sentence_marks(text: str, starts: list[int], lengths: list[int], spaces: list[int], marks: list[int],
                   abbreviations: frozenset[str]) -> list[int]:
    """The tokens that may end a sentence: ``marks`` (the end punctuation) and whitespace holding a line
    break, without a full stop right after an abbreviation ("di Jl. Sudirman pada 5 Mei")."""
    for m in _LINE_BREAKS.finditer(text):
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and spaces[i] and (not marks or marks[-1] != i):
            marks.append(i)
    marks = sorted(set(marks))
    if abbreviations:
        marks = [i for i in marks if not _after_abbreviation(text, starts, lengths, i, abbreviations)]
    return marks


def _after_abbreviation(text: str, starts: list[int], lengths: list[int], i: int,
                        abbreviations: frozenset[str]) -> bool:
    """Is token ``i`` a full stop right after a word of the abbreviation list (the events' setting)?"""
    if i == 0 or text[starts[i]:starts[i] + lengths[i]] != ".":
        return False
    before = starts[i - 1] + lengths[i - 1]
    return before == starts[i] and text[starts[i - 1]:before] in abbreviations


def sentence_ids(text: str, starts: list[int], lengths: list[int], marks: list[int]) -> list[int]:
    """A sentence number per token: breaks after . ! ?, at blank lines, and at a line break before a
    capitalized word (headlines, datelines); a lone line break inside a sentence ("atau\\nonline
    scam\\nyang") is kept. ``marks``: the tokens that may end a sentence (end punctuation and
    whitespace), so only those are looked at; a new sentence starts at the first token after a mark
    that is not a closing quote or bracket."""
    n = len(starts)

    def token(i: int) -> str:
        return text[starts[i]:starts[i] + lengths[i]]

    breaks = numpy.zeros(n, dtype=numpy.int64)
    for i in marks:
        mark = token(i)
        if mark not in SENTENCE_END:
            if "\n" not in mark or mark.strip():
                continue
            if mark.count("\n") < 2:
                after = i + 1
                while after < n and not token(after).strip():
                    after += 1
                previous = i
                while previous > 0 and not token(previous - 1).strip():
                    previous -= 1
                if not (after < n and token(after).istitle() and previous > 0
                        and token(previous - 1) not in _OPENERS):
                    continue
        j = i + 1
        while j < n and token(j) in _CLOSERS:
            j += 1
        if j < n:
            breaks[j] = 1
    ids: list[int] = numpy.cumsum(breaks).tolist()
    return ids


def windows(kept: list[int], sentences: list[int], starts: list[int], lengths: list[int]) -> list[tuple[int, int]]:
    """Character ranges of runs of the sentences ``kept`` (sorted), where regex rules need to look."""
    found: list[tuple[int, int]] = []
    for sentence in kept:
        first = bisect_left(sentences, sentence)
        end = bisect_left(sentences, sentence + 1)
        if first >= end:
            continue
        start_char, end_char = starts[first], starts[end - 1] + lengths[end - 1]
        if found and found[-1][1] >= starts[first - 1] if first > 0 else False:
            found[-1] = (found[-1][0], end_char)
        else:
            found.append((start_char, end_char))
    return found
