"""The custom attributes Warta keeps on spaCy objects, declared once.

``Span._.rule`` and ``Span._.attrs`` carry each mention's provenance and
normalized attributes; the ``Doc`` extensions carry what is said of the
article as a whole. Declared behind ``has_extension`` guards so importing
twice (tests, worker processes) is harmless.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

DOC_EXTENSIONS: dict[str, object] = {
    "article": None,  # dict: doc_id, published, title, ... of the input record
    "reference_date": None,  # ISO date relative expressions are resolved against
    "reference_basis": None,  # why that date: published, header, dateline, latest_date
    "boilerplate": None,  # list of (start, end) character ranges of page chrome
    "boilerplate_rules": None,  # list of {rule, start, end}: the chrome rules' matches behind those ranges
    "authors": None,  # list of {name, role, rule}
    "byline": None,  # list of (start, end) character ranges of the byline the authors came from
    "events": None,  # list of event dicts (see extractor.components.events)
    "warnings": None,  # list of message strings
    "rules_version": None,  # version of the rule set the Warta components ran with
    "trace": None,  # None (off), or a list of rejected candidates {rule, start, end, reason}: see spans.trace
}

STATED_BASES = ("published", "header")  # reference bases the article states, not ones inferred from its dates
LOWER_BOUND_BASIS = "latest_date"  # a reference that only bounds when the article was written from below

SPAN_EXTENSIONS: dict[str, object] = {
    "rule": None,  # id of the rule that produced the mention
    "attrs": None,  # dict of normalized attributes (code, value, unit, ...)
}


def _span_key(span: Span, name: str) -> tuple[str, str, int, int, int, int]:
    # spaCy keys plain Span extensions by offsets only, so two candidates on the same
    # characters (a CLDR name and an alias, a COUNTRY and a LOCATION) would share one
    # rule and one attrs dict. Label and span id (unique per make_mention, kept by
    # doc.ents) tell them apart.
    return ("warta._.", name, span.start_char, span.end_char, span.label, span.id)


def _span_extension(name: str, default: object) -> tuple[Any, Any]:
    def get(span: Span) -> Any:
        store: dict[Any, Any] = span.doc.user_data
        return store.get(_span_key(span, name), default)

    def set_(span: Span, value: Any) -> None:
        store: dict[Any, Any] = span.doc.user_data
        store[_span_key(span, name)] = value

    return get, set_


def set_span_values(span: Span, values: dict[str, Any]) -> None:
    """``span._.name = value`` for each item, in one go (no ``Underscore`` object per assignment): the
    hot path of :func:`extractor.spans.make_mention`."""
    store: dict[Any, Any] = span.doc.user_data
    start, end, label, span_id = span.start_char, span.end_char, span.label, span.id
    for name, value in values.items():
        store[("warta._.", name, start, end, label, span_id)] = value


def get_span_value(span: Span, name: str) -> Any:
    """``span._.name`` without building an ``Underscore`` object (for loops over many spans)."""
    store: dict[Any, Any] = span.doc.user_data
    return store.get(_span_key(span, name), SPAN_EXTENSIONS[name])


def get_span_values(span: Span, names: tuple[str, ...]) -> list[Any]:
    """``[span._.name for name in names]``, reading the span's offsets once."""
    store: dict[Any, Any] = span.doc.user_data
    start, end, label, span_id = span.start_char, span.end_char, span.label, span.id
    return [store.get(("warta._.", name, start, end, label, span_id), SPAN_EXTENSIONS[name]) for name in names]


def register_extensions() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            getter, setter = _span_extension(name, default)
            Span.set_extension(name, getter=getter, setter=setter)


register_extensions()
