"""The mention index: the Doc's mentions by token and by token range, Spans built only when asked for.

``doc.ents`` builds a Span for every mention on each access, which costs more
than some components' own work. When ``spans.add_mentions`` set the mentions,
the index holds those very Spans; otherwise it reads the entity tags as one
array and builds a Span (label, kb id and span id as ``doc.ents`` gives them,
so their ``_.attrs`` are found) only for the mentions looked at.
"""

from __future__ import annotations

from bisect import bisect_left

import numpy
from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.tokens import Doc, Span

from .chrome import in_chrome
from .layer import layer


class MentionIndex:
    """``index[i]``: the mention covering token ``i`` or None; ``index.within(a, b)``: those inside a range."""

    def __init__(self, doc: Doc, known: list[Span] | None) -> None:
        self.doc = doc
        self.spans: dict[int, Span] = {}  # position in starts -> its Span, once built
        if known is not None:
            self.starts = [e.start for e in known]
            self.ends = [e.end for e in known]
            self.spans = dict(enumerate(known))
            self.keys: list[list[int]] = []
        elif len(doc) == 0:
            self.starts, self.ends, self.keys = [], [], []
        else:
            array = doc.to_array([ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID])
            iob = array[:, 0] * (array[:, 1] != 0)  # a tag without a label is no mention
            begins = numpy.flatnonzero(iob == 3)  # B
            stops = numpy.append(numpy.flatnonzero(iob != 1), len(doc))  # ends at the first token not I
            self.starts = begins.tolist()
            self.ends = stops[numpy.searchsorted(stops, begins, side="right")].tolist()
            self.keys = array[begins, 1:].tolist()
        self.owner: list[int] | None = None  # token -> position in starts, or -1

    def __len__(self) -> int:
        return len(self.doc)

    def span(self, k: int) -> Span:
        """The ``k``-th mention (in token order)."""
        found = self.spans.get(k)
        if found is None:
            label, kb_id, span_id = self.keys[k]
            found = self.spans[k] = Span(self.doc, self.starts[k], self.ends[k], label=label, kb_id=kb_id,
                                         span_id=span_id)
        return found

    def _owners(self) -> list[int]:
        if self.owner is None:
            owner = [-1] * len(self.doc)
            for k, (a, b) in enumerate(zip(self.starts, self.ends, strict=True)):
                owner[a:b] = [k] * (b - a)
            self.owner = owner
        return self.owner

    def __getitem__(self, i: int) -> Span | None:
        k = self._owners()[i]
        return None if k < 0 else self.span(k)

    def covered(self, i: int) -> bool:
        """Is token ``i`` inside a mention? (No Span is built.)"""
        return self._owners()[i] >= 0

    def all(self) -> list[Span]:
        return [self.span(k) for k in range(len(self.starts))]

    def within(self, a: int, b: int, chrome: bool = False) -> list[Span]:
        """Mentions inside tokens [a, b), in order; those in page chrome only if ``chrome``."""
        found = [self.span(k) for k in range(bisect_left(self.starts, a), bisect_left(self.starts, b))
                 if self.ends[k] <= b]
        if chrome or not found or not in_chrome(self.doc, found[0].start_char, found[-1].end_char):
            return found  # no chrome anywhere in their stretch: no need to ask for each
        return [e for e in found if not in_chrome(self.doc, e.start_char, e.end_char)]


def current_mentions(doc: Doc) -> list[Span]:
    """``doc.ents`` as ``add_mentions`` last set them, without rebuilding a Span per mention."""
    known = layer(doc).mentions
    return list(known) if known is not None else list(doc.ents)


def mention_index(doc: Doc) -> MentionIndex:
    """The index of the Doc's current mentions (rebuilt after ``add_mentions`` changes them)."""
    facts = layer(doc)
    if facts.index is None:
        facts.index = MentionIndex(doc, facts.mentions)
    return facts.index


def set_current(doc: Doc, ordered: list[Span]) -> None:
    """Record the mentions just written to ``doc.ents`` (only ``spans.add_mentions`` calls this)."""
    facts = layer(doc)
    facts.mentions = ordered
    facts.index = None
