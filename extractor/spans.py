"""Putting mentions on a Doc: one place decides which of two overlapping mentions wins.

Mentions never overlap (ANNOTATION.md). The one overlap rule, used for mentions
(:func:`add_mentions`) and for every component's own candidates
(:func:`longest_first`): the longer wins; on a tie in length the higher rule
priority; then the earlier start; then the one listed first. Nothing is tagged
inside page chrome (``Doc._.boilerplate``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from spacy.tokens import Doc, Span

from .doc import chrome_index, current_mentions, layer, overlaps_chrome, set_current, token_boundaries
from .extensions import get_span_value, set_span_values  # (importing declares Span._.rule / Span._.attrs)

T = TypeVar("T")


def longest_first(items: Iterable[T], bounds: Callable[[T], tuple[int, int]],
                  priority: Callable[[T], int] | None = None) -> list[T]:
    """The items that survive the overlap rule, in order of their start.

    ``bounds(item)``: its (start, end), tokens or characters; ``priority(item)``:
    its rule priority (none: all equal). Longest first; ties go to the higher
    priority, then the earlier start, then the item listed first. An item that
    overlaps one already kept is dropped.
    """
    listed = list(items)
    spans = [bounds(x) for x in listed]
    ranks = [priority(x) for x in listed] if priority is not None else [0] * len(listed)
    order = sorted(range(len(listed)), key=lambda i: (spans[i][0] - spans[i][1], -ranks[i], spans[i][0]))
    taken: list[tuple[int, int]] = []
    kept: list[int] = []
    for i in order:
        a, b = spans[i]
        if any(a < y and x < b for x, y in taken):
            continue
        taken.append((a, b))
        kept.append(i)
    kept.sort(key=lambda i: spans[i][0])
    return [listed[i] for i in kept]


def make_mention(doc: Doc, start_char: int, end_char: int, label: str, rule: str,
                 attrs: Mapping[str, Any] | None = None, mode: str = "strict") -> Span | None:
    """A labelled span carrying its rule id and attributes, or None if it does not align to tokens."""
    # A span id of its own, so its rule and attrs never mix with another candidate's on the same characters.
    serial = doc.user_data["warta.mention_serial"] = doc.user_data.get("warta.mention_serial", 0) + 1
    starts, ends = token_boundaries(doc)
    first, last = starts.get(start_char), ends.get(end_char)
    if first is not None and last is not None and first <= last:  # aligned: what char_span would give, cheaper
        span: Span | None = Span(doc, first, last + 1, label=label, span_id=f"warta.mention.{serial}")
    else:
        span = doc.char_span(start_char, end_char, label=label, alignment_mode=mode, span_id=f"warta.mention.{serial}")
    if span is None or len(span) == 0:
        return None
    set_span_values(span, {"rule": rule, "attrs": dict(attrs or {})})
    return span


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


def _priority(span: Span) -> int:
    return int((get_span_value(span, "attrs") or {}).get("_priority", 0))


def _lost_to(winner: Span) -> str:
    return (f"overlaps {winner.label_} {winner.text!r} ({winner._.rule}), which is longer or has a higher "
            "priority")


def add_mentions(doc: Doc, spans: Iterable[Span], drop: Callable[[Span], bool] | None = None) -> list[Span]:
    """Add spans to ``doc.ents``; a span wins over overlapping ones only if it is longer
    (or as long with a higher priority). Returns the spans that were added. ``drop``: current
    mentions to remove first (the only way a component takes another's mention away).

    Linear in the tokens the candidates cover: ``owner[i]`` is the mention
    holding token ``i``, so finding what a candidate overlaps never scans
    every mention of the document.
    """
    written = layer(doc).mentions is not None  # this function wrote doc.ents before: every token is set
    current: dict[int, Span] = {}
    freed: set[int] = set()  # tokens of mentions taken away: outside any mention unless a new one covers them
    owner: list[Span | None] = [None] * len(doc)
    strength: dict[int, tuple[int, int, Span]] = {}  # id(span) -> (length, priority, span): read once per span
    dropped = False
    for e in current_mentions(doc):
        if drop is not None and drop(e):
            dropped = True
            freed.update(range(e.start, e.end))
            continue
        current[id(e)] = e
        owner[e.start:e.end] = [e] * (e.end - e.start)
    added: dict[int, Span] = {}
    chrome = chrome_index(doc)
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
        if chrome is not None and overlaps_chrome(chrome, span.start_char, span.end_char):
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
            if added.pop(id(e), None) is None:
                freed.update(range(e.start, e.end))
            owner[e.start:e.end] = [None] * (e.end - e.start)
        current[id(span)] = span
        added[id(span)] = span
        owner[span.start:span.end] = [span] * (span.end - span.start)
    if not added and not dropped:
        return []  # nothing changed: doc.ents is rewritten only when it differs (set_ents walks every token)
    ordered = sorted(current.values(), key=lambda s: s.start)
    if written:  # only what changed: spaCy's default rewrites every token of the Doc, four times an article
        new = sorted(added.values(), key=lambda s: s.start)
        for s in new:
            freed.difference_update(range(s.start, s.end))
        doc.set_ents(new, outside=_runs(doc, freed), default="unmodified")
    else:  # the first time, every other token is marked outside (O), as spaCy's own components leave it
        doc.set_ents(ordered)
    set_current(doc, ordered)
    return list(added.values())


def _runs(doc: Doc, tokens: set[int]) -> list[Span]:
    """The token indexes as spans of consecutive tokens."""
    runs: list[Span] = []
    start = prev = -2
    for i in sorted(tokens):
        if i != prev + 1:
            if start >= 0:
                runs.append(doc[start:prev + 1])
            start = i
        prev = i
    if start >= 0:
        runs.append(doc[start:prev + 1])
    return runs


def mentions(doc: Doc, label: str | None = None) -> list[Span]:
    return [e for e in current_mentions(doc) if label is None or e.label_ == label]
