"""Putting mentions on a Doc: one place decides which of two overlapping mentions wins.

Mentions never overlap (ANNOTATION.md): the longer named thing wins, then the
higher rule priority, then the mention that was there first. Nothing is
tagged inside page chrome (``Doc._.boilerplate``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from typing import Any

from spacy.tokens import Doc, Span

from . import extensions  # noqa: F401  (declares Span._.rule / Span._.attrs)


def make_mention(doc: Doc, start_char: int, end_char: int, label: str, rule: str,
                 attrs: Mapping[str, Any] | None = None, mode: str = "strict") -> Span | None:
    """A labelled span carrying its rule id and attributes, or None if it does not align to tokens."""
    span = doc.char_span(start_char, end_char, label=label, alignment_mode=mode)
    if span is None or len(span) == 0:
        return None
    span._.rule = rule
    span._.attrs = dict(attrs or {})
    return span


def in_boilerplate(doc: Doc, start_char: int, end_char: int) -> bool:
    regions = doc._.boilerplate or []
    if not regions:
        return False
    starts = [a for a, _ in regions]
    i = bisect_right(starts, end_char - 1) - 1
    while i >= 0:
        a, b = regions[i]
        if a < end_char and start_char < b:
            return True
        if b <= start_char:
            break
        i -= 1
    return False


def _priority(span: Span) -> int:
    return int((span._.attrs or {}).get("_priority", 0))


def add_mentions(doc: Doc, spans: Iterable[Span]) -> list[Span]:
    """Add spans to ``doc.ents``; a span wins over overlapping ones only if it is longer
    (or as long with a higher priority). Returns the spans that were added."""
    current = sorted(doc.ents, key=lambda s: s.start)
    added: list[Span] = []
    candidates = sorted(spans, key=lambda s: (-(s.end_char - s.start_char), -_priority(s), s.start_char))
    for span in candidates:
        if in_boilerplate(doc, span.start_char, span.end_char):
            continue
        overlapping = [e for e in current if e.start < span.end and span.start < e.end]
        length = span.end_char - span.start_char
        if any((e.end_char - e.start_char, _priority(e)) >= (length, _priority(span)) for e in overlapping):
            continue
        for e in overlapping:
            current.remove(e)
            if e in added:
                added.remove(e)
        current.append(span)
        added.append(span)
    current.sort(key=lambda s: s.start)
    doc.set_ents(current)
    return added


def mentions(doc: Doc, label: str | None = None) -> list[Span]:
    return [e for e in doc.ents if label is None or e.label_ == label]
