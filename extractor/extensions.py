"""The custom attributes Warta keeps on spaCy objects, declared once.

``Span._.rule`` and ``Span._.attrs`` carry each mention's provenance and
normalized attributes; the ``Doc`` extensions carry what is said of the
article as a whole. Declared behind ``has_extension`` guards so importing
twice (tests, worker processes) is harmless.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

DOC_EXTENSIONS: dict[str, object] = {
    "article": None,  # dict: doc_id, published, title, ... of the input record
    "reference_date": None,  # ISO date relative expressions are resolved against
    "reference_basis": None,  # why that date: published, header, dateline, latest_date
    "boilerplate": None,  # list of (start, end) character ranges of page chrome
    "authors": None,  # list of {name, role}
    "events": None,  # list of event dicts (see extractor.components.events)
    "warnings": None,  # list of message strings
}

SPAN_EXTENSIONS: dict[str, object] = {
    "rule": None,  # id of the rule that produced the mention
    "attrs": None,  # dict of normalized attributes (code, value, unit, ...)
}


def register_extensions() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register_extensions()
