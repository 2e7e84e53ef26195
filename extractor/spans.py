"""Putting mentions on a Doc: one place decides which of two overlapping mentions wins.

Mentions never overlap (ANNOTATION.md): the longer named thing wins, then the
higher rule priority, then the mention that was there first. Nothing is
tagged inside page chrome (``Doc._.boilerplate``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from typing import Any

import numpy
from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span

from .extensions import get_span_value, set_span_values  # (importing declares Span._.rule / Span._.attrs)

_TEXT_KEY = "warta.text"
_MENTIONS_KEY = "warta.mentions"
_CHROME_KEY = "warta.chrome_index"
_BOUNDARIES_KEY = "warta.token_boundaries"
_OFFSETS = "warta.token_offsets"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc.

    spaCy rebuilds ``doc.text`` from every token on each access (a Python
    object per token); components that need the text call this instead.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text)


def remember_text(doc: Doc, text: str) -> Doc:
    """Record the text ``doc`` was tokenized from (the tokenizer keeps every character, so it is ``doc.text``)."""
    doc.user_data[_TEXT_KEY] = text
    return doc


def make_mention(doc: Doc, start_char: int, end_char: int, label: str, rule: str,
                 attrs: Mapping[str, Any] | None = None, mode: str = "strict") -> Span | None:
    """A labelled span carrying its rule id and attributes, or None if it does not align to tokens."""
    # A span id of its own, so its rule and attrs never mix with another candidate's on the same characters.
    serial = doc.user_data["warta.mention_serial"] = doc.user_data.get("warta.mention_serial", 0) + 1
    starts, ends = _token_boundaries(doc)
    first, last = starts.get(start_char), ends.get(end_char)
    if first is not None and last is not None and first <= last:  # aligned: what char_span would give, cheaper
        span: Span | None = Span(doc, first, last + 1, label=label, span_id=f"warta.mention.{serial}")
    else:
        span = doc.char_span(start_char, end_char, label=label, alignment_mode=mode, span_id=f"warta.mention.{serial}")
    if span is None or len(span) == 0:
        return None
    set_span_values(span, {"rule": rule, "attrs": dict(attrs or {})})
    return span


def token_offsets(doc: Doc) -> tuple[list[int], list[int]]:
    """Start and end character of every token, read in one call and kept on the Doc.

    ``doc[start:end].start_char`` builds a Span and Token objects per match; a
    component with dozens of matches per article pays for that more than for matching.
    """
    cached = doc.user_data.get(_OFFSETS)
    if cached is not None and len(cached[0]) == len(doc):  # a retokenized Doc has another length
        return cached  # type: ignore[no-any-return]
    if len(doc) == 0:
        offsets: tuple[list[int], list[int]] = ([], [])
    else:
        array = doc.to_array([IDX, LENGTH]).astype(numpy.int64)
        offsets = (array[:, 0].tolist(), (array[:, 0] + array[:, 1]).tolist())
    doc.user_data[_OFFSETS] = offsets
    return offsets


def _token_boundaries(doc: Doc) -> tuple[dict[int, int], dict[int, int]]:
    """Token index by start character and by end character, built once per Doc (per length: a
    retokenized Doc gets new ones)."""
    cached = doc.user_data.get(_BOUNDARIES_KEY)
    if cached is not None and cached[0] == len(doc):
        return cached[1]  # type: ignore[no-any-return]
    starts, ends = token_offsets(doc)
    boundaries = ({a: i for i, a in enumerate(starts)}, {b: i for i, b in enumerate(ends)})
    doc.user_data[_BOUNDARIES_KEY] = (len(doc), boundaries)
    return boundaries


def tracing(doc: Doc) -> bool:
    """True when someone (``warta explain``) asked why candidates were rejected."""
    return doc._.trace is not None


def trace(doc: Doc, rule: str | None, start_char: int, end_char: int, reason: str) -> None:
    """Record that a rule's candidate at ``start_char:end_char`` was rejected, and why.

    Costs nothing unless tracing is on (``doc._.trace = []`` before the pipeline
    runs, as ``warta explain`` does). Any component may call it; build
    expensive reasons only under ``if tracing(doc):``.
    """
    if doc._.trace is None:
        return
    doc._.trace.append({"rule": rule, "start": start_char, "end": end_char, "reason": reason})


def in_boilerplate(doc: Doc, start_char: int, end_char: int) -> bool:
    chrome = _chrome_index(doc)
    return chrome is not None and _overlaps_chrome(chrome, start_char, end_char)


def _priority(span: Span) -> int:
    return int((get_span_value(span, "attrs") or {}).get("_priority", 0))


def _lost_to(winner: Span) -> str:
    return (f"overlaps {winner.label_} {winner.text!r} ({winner._.rule}), which is longer or has a higher "
            "priority")


def add_mentions(doc: Doc, spans: Iterable[Span]) -> list[Span]:
    """Add spans to ``doc.ents``; a span wins over overlapping ones only if it is longer
    (or as long with a higher priority). Returns the spans that were added.

    Linear in the tokens the candidates cover: ``owner[i]`` is the mention
    holding token ``i``, so finding what a candidate overlaps never scans
    every mention of the document.
    """
    current: dict[int, Span] = {}
    owner: list[Span | None] = [None] * len(doc)
    strength: dict[int, tuple[int, int, Span]] = {}  # id(span) -> (length, priority, span): read once per span
    for e in current_mentions(doc):
        current[id(e)] = e
        owner[e.start:e.end] = [e] * (e.end - e.start)
    added: dict[int, Span] = {}
    chrome = _chrome_index(doc)
    on = tracing(doc)

    def strength_of(s: Span) -> tuple[int, int]:
        found = strength.get(id(s))
        if found is None:  # the span is kept in the entry, so its id() is never reused by another
            found = strength[id(s)] = (s.end_char - s.start_char, _priority(s), s)
        return found[0], found[1]

    listed = list(spans)
    keys = [strength_of(s) for s in listed]
    order = sorted(range(len(listed)), key=lambda i: (-keys[i][0], -keys[i][1], listed[i].start_char))
    for i in order:
        span = listed[i]
        if chrome is not None and _overlaps_chrome(chrome, span.start_char, span.end_char):
            if on:
                trace(doc, span._.rule, span.start_char, span.end_char, "inside page chrome (boilerplate)")
            continue
        overlapping: list[Span] = []
        for holder in owner[span.start:span.end]:
            if holder is not None and (not overlapping or overlapping[-1] is not holder):
                overlapping.append(holder)
        own = keys[i]
        winners = [e for e in overlapping if strength_of(e) >= own]
        if winners:
            if on:
                trace(doc, span._.rule, span.start_char, span.end_char, _lost_to(winners[0]))
            continue
        for e in overlapping:
            if on:
                trace(doc, e._.rule, e.start_char, e.end_char, _lost_to(span))
            del current[id(e)]
            added.pop(id(e), None)
            owner[e.start:e.end] = [None] * (e.end - e.start)
        current[id(span)] = span
        added[id(span)] = span
        owner[span.start:span.end] = [span] * (span.end - span.start)
    ordered = sorted(current.values(), key=lambda s: s.start)
    doc.set_ents(ordered)
    doc.user_data[_MENTIONS_KEY] = (len(doc), ordered)
    return list(added.values())


def current_mentions(doc: Doc) -> list[Span]:
    """``doc.ents`` as ``add_mentions`` last set them, without rebuilding a Span per mention.

    spaCy's ``doc.ents`` getter builds every Span anew on each access, which cost
    more than some components' own work. The list is kept beside the Doc and
    trusted while the Doc has the same length; code that sets ``doc.ents`` itself,
    or retokenizes, calls :func:`forget_mentions`.
    """
    cached = doc.user_data.get(_MENTIONS_KEY)
    if cached is not None and cached[0] == len(doc):
        return list(cached[1])
    return list(doc.ents)


def forget_mentions(doc: Doc) -> None:
    """Drop the kept mention list (after setting ``doc.ents`` directly or retokenizing)."""
    doc.user_data.pop(_MENTIONS_KEY, None)
    doc.user_data.pop(_BOUNDARIES_KEY, None)
    doc.user_data.pop(_OFFSETS, None)


def _chrome_index(doc: Doc) -> tuple[list[tuple[int, int]], list[int]] | None:
    """Page-chrome regions and their starts, built once per Doc (``doc._.boilerplate`` is set once, first)."""
    regions = doc._.boilerplate
    if not regions:
        return None
    cached = doc.user_data.get(_CHROME_KEY)
    if cached is not None and cached[0] is regions:
        return cached[1]  # type: ignore[no-any-return]
    index = (list(regions), [a for a, _ in regions])
    doc.user_data[_CHROME_KEY] = (regions, index)
    return index


def _overlaps_chrome(chrome: tuple[list[tuple[int, int]], list[int]], start_char: int, end_char: int) -> bool:
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


def mentions(doc: Doc, label: str | None = None) -> list[Span]:
    return [e for e in current_mentions(doc) if label is None or e.label_ == label]
