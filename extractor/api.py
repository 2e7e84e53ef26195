"""The Python API: the full pipeline in one call, and the CLI's record for any Doc it made.

>>> import extractor
>>> nlp = extractor.load()                      # built-in rules; load(rules=["my_rules/"]) adds folders
>>> doc = nlp("Menteri Luar Negeri bertemu di Jakarta, Senin (21/10/2024).")
>>> record = extractor.to_record(doc)           # the dict `warta extract` writes as one JSON line

``nlp.pipe`` over ``(text, context)`` pairs with ``as_tuples=True`` passes each
context dict (``doc_id``, ``published``, ``title``, ``url``, ``source``) to the
components, so relative dates resolve against ``published`` and
:func:`to_record` fills those fields. The Doc extensions are listed in
``docs/architecture.md`` (``doc._.events``, ``doc._.reference_date``, ...).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .pipeline import build_pipeline
from .records import doc_record
from .sources import Article

CONTEXT_KEYS = ("doc_id", "source", "title", "url", "published", "encoding")
"""The context keys :func:`to_record` reads (from ``doc._.article`` or its keyword arguments)."""


def load(rules: Iterable[str | Path] = ()) -> Language:
    """Warta's whole pipeline: the built-in rules layered with each folder of ``rules``, in order."""
    return build_pipeline(rules)


def to_record(doc: Doc, **context: Any) -> dict[str, Any]:
    """The output record of ``doc``, as the CLI writes it for the same article.

    ``context`` (any of :data:`CONTEXT_KEYS`) overrides what ``doc._.article`` says; ``doc_id`` defaults
    to ``"text"`` and ``source`` to ``"<text>"``, as :func:`extractor.extract.extract_text` does. It only
    fills the record's fields: for relative dates to resolve against ``published``, the components must see
    it, through ``nlp.pipe(((text, context), ...), as_tuples=True)``.
    """
    unknown = set(context) - set(CONTEXT_KEYS)
    if unknown:
        raise TypeError(f"to_record() got unknown context {sorted(unknown)} (known: {', '.join(CONTEXT_KEYS)})")
    given = {**(doc._.article or {}), **context}
    article = Article(doc_id=str(given.get("doc_id") or "text"), source=str(given.get("source") or "<text>"),
                      text=doc.text, title=given.get("title"), url=given.get("url"), published=given.get("published"))
    if given.get("encoding"):
        article.meta["encoding"] = given["encoding"]
    return doc_record(doc, article, doc._.rules_version)
