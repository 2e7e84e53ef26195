"""The output contract: one JSON object per article.

External tools (the scorer among them) read these field names, so they are
fixed; fields may be added. ``extractor/schema/output.schema.json`` is the
machine-readable form, and tests validate real output against it.
"""

from __future__ import annotations

import json
from typing import Any

from spacy.tokens import Doc, Span

from .doc import doc_text
from .extensions import get_span_values
from .sources import Article

SCHEMA_VERSION = "1.0"
ENTITY_KEYS = ("type", "text", "start", "end", "rule")
_RULE_ATTRS = ("rule", "attrs")


def entity_record(span: Span, text: str | None = None) -> dict[str, Any]:
    """``text`` (the Doc's whole text, when the caller has it) saves rebuilding the span's text from tokens."""
    start, end = span.start_char, span.end_char
    rule, attrs = get_span_values(span, _RULE_ATTRS)
    record: dict[str, Any] = {
        "type": span.label_,
        "text": span.text if text is None else text[start:end],
        "start": start,
        "end": end,
        "rule": rule,
    }
    for key, value in (attrs or {}).items():
        if not key.startswith("_") and key not in record:
            record[key] = value
    return record


def base_record(article: Article, rules_version: str | None) -> dict[str, Any]:
    record: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "doc_id": article.doc_id,
        "source": article.source,
        "title": article.title,
        "url": article.url,
        "published": article.published,
        "reference_date": None,
        "reference_basis": None,
        "rules_version": rules_version,
        "authors": [],
        "entities": [],
        "events": [],
        "boilerplate": [],
        "boilerplate_rules": [],
        "warnings": list(article.meta.get("warnings", [])),  # from reading (W002 repaired text)
        "errors": list(article.errors),
    }
    if article.meta.get("encoding"):
        record["encoding"] = article.meta["encoding"]
    if article.meta.get("text_included"):
        record["text"] = article.text
    return record


def doc_record(doc: Doc, article: Article, rules_version: str | None) -> dict[str, Any]:
    record = base_record(article, rules_version)
    text = doc_text(doc)
    record.update(
        reference_date=doc._.reference_date,
        reference_basis=doc._.reference_basis,
        authors=list(doc._.authors or []),
        entities=[entity_record(e, text) for e in doc.ents],
        events=list(doc._.events or []),
        boilerplate=[[a, b] for a, b in (doc._.boilerplate or [])],
        boilerplate_rules=list(doc._.boilerplate_rules or []),
        warnings=list(article.meta.get("warnings", [])) + list(doc._.warnings or []),
    )
    return record


def json_line(record: dict[str, Any]) -> str:
    """The record as written: one compact JSON line, UTF-8 kept (no trailing newline).

    Every writer (one process, a process pool, Dask) goes through this, so
    their outputs are byte-identical.
    """
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))
