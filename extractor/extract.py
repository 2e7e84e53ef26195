"""Run the pipeline over articles and yield output records, one per article, in order.

This is the plain function the CLI (and the Python API) calls. A failure on
one article becomes an ``errors`` entry on that article's record; the others
are unaffected.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .errors import Errors
from .records import base_record, doc_record
from .sources import Article, error_entry
from .spans import remember_text


def article_context(article: Article) -> dict[str, Any]:
    return {"doc_id": article.doc_id, "published": article.published, "title": article.title,
            "url": article.url, "source": article.source}


def process_article(nlp: Language, article: Article) -> dict[str, Any]:
    """One article through the pipeline; never raises for a problem in the article."""
    rules_version = nlp.meta.get("warta_rules_version")
    if not article.ok or article.text is None:
        return base_record(article, rules_version)
    try:
        doc = remember_text(nlp.make_doc(article.text), article.text)
        doc._.article = article_context(article)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return doc_record(doc, article, rules_version)
    except TimeoutError as exc:
        message = Errors.E202.format(detail=exc)
    except (ValueError, KeyError, IndexError, TypeError, AttributeError, RecursionError) as exc:
        message = Errors.E201.format(detail=f"{type(exc).__name__}: {exc}")
    record = base_record(article, rules_version)
    record["errors"].append(error_entry(message, article.source))
    return record


def extract_articles(nlp: Language, articles: Iterable[Article]) -> Iterator[dict[str, Any]]:
    for article in articles:
        yield process_article(nlp, article)


def extract_text(nlp: Language, text: str, doc_id: str = "text", published: str | None = None) -> dict[str, Any]:
    """Convenience for one string: the record Warta would write for it."""
    from .sources import title_of

    return process_article(nlp, Article(doc_id=doc_id, source="<text>", text=text, published=published,
                                        title=title_of(text)))


def run_doc(nlp: Language, text: str, published: str | None = None) -> Doc:
    """The annotated Doc for one string (for tests and ``warta explain``)."""
    doc = remember_text(nlp.make_doc(text), text)
    doc._.article = {"doc_id": "text", "published": published, "title": None, "url": None, "source": "<text>"}
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
