"""The per-Doc layer: facts about one Doc that several components read, built once and kept in one place.

Everything lives in one :class:`DocLayer` stored under one ``user_data`` key and
reached through :func:`layer`. Facts are computed on first use. A component
that retokenizes calls :func:`invalidate`: token-indexed facts are dropped, the
text (which a retokenization keeps) stays.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import numpy
from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

if TYPE_CHECKING:
    from .mentions import MentionIndex

T = TypeVar("T")
_KEY = "warta.layer"
_TEXT_KEY = "warta.text"  # outlives invalidate(): a retokenization keeps every character


class DocLayer:
    """Per-Doc facts; each attribute is None until asked for (see the accessor functions of ``extractor.doc``)."""

    __slots__ = ("length", "offsets", "boundaries", "mentions", "index", "chrome", "memo")

    def __init__(self, length: int) -> None:
        self.length = length  # len(doc) when built: a Doc of another length is stale
        self.offsets: tuple[list[int], list[int]] | None = None
        self.boundaries: tuple[dict[int, int], dict[int, int]] | None = None
        self.mentions: list[Any] | None = None  # doc.ents as add_mentions last set them
        self.index: MentionIndex | None = None
        self.chrome: tuple[object, Any] | None = None  # (doc._.boilerplate it was built from, index)
        self.memo: dict[Any, Any] = {}  # facts that depend on settings (sentences, headline runs, matches)


def layer(doc: Doc) -> DocLayer:
    """The Doc's layer (made on first use, and anew if the Doc was retokenized without :func:`invalidate`)."""
    found = doc.user_data.get(_KEY)
    if found is None or found.length != len(doc):
        found = doc.user_data[_KEY] = DocLayer(len(doc))
    return found  # type: ignore[no-any-return]


def invalidate(doc: Doc) -> None:
    """Forget every token-indexed fact (after a retokenization, or after setting ``doc.ents`` directly)."""
    doc.user_data.pop(_KEY, None)


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it from every token on each access)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text)


def remember_text(doc: Doc, text: str) -> Doc:
    """Record the text ``doc`` was tokenized from (the tokenizer keeps every character, so it is ``doc.text``)."""
    doc.user_data[_TEXT_KEY] = text
    return doc


def token_offsets(doc: Doc) -> tuple[list[int], list[int]]:
    """Start and end character of every token, read in one call.

    ``doc[start:end].start_char`` builds a Span and Token objects per match; a
    component with dozens of matches per article pays for that more than for matching.
    """
    facts = layer(doc)
    if facts.offsets is None:
        if len(doc) == 0:
            facts.offsets = ([], [])
        else:
            array = doc.to_array([IDX, LENGTH]).astype(numpy.int64)
            facts.offsets = (array[:, 0].tolist(), (array[:, 0] + array[:, 1]).tolist())
    return facts.offsets


def token_boundaries(doc: Doc) -> tuple[dict[int, int], dict[int, int]]:
    """Token index by start character and by end character."""
    facts = layer(doc)
    if facts.boundaries is None:
        starts, ends = token_offsets(doc)
        facts.boundaries = ({a: i for i, a in enumerate(starts)}, {b: i for i, b in enumerate(ends)})
    return facts.boundaries


def kept(doc: Doc, key: Any, compute: Callable[[], T]) -> T:
    """The fact kept on the layer under ``key``, computed by ``compute()`` the first time it is asked for."""
    facts = layer(doc).memo
    if key not in facts:
        facts[key] = compute()
    return facts[key]  # type: ignore[no-any-return]
