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

from .doc import remember_text
from .errors import Errors
from .records import base_record, doc_record
from .sources import Article, error_entry


def article_context(article: Article) -> dict[str, Any]:
    return {"doc_id": article.doc_id, "published": article.published, "title": article.title,
            "url": article.url, "source": article.source}


def annotate(nlp: Language, article: Article, trace: bool = False) -> Doc:
    """The article's text through every pipe: the one place a Doc is made (``extract``, ``explain`` and
    ``candidates`` all see the same annotations). ``trace`` records rejected candidates (``Doc._.trace``)."""
    assert article.text is not None
    doc = remember_text(nlp.make_doc(article.text), article.text)
    doc._.article = article_context(article)
    if trace:
        doc._.trace = []
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def text_article(text: str, doc_id: str = "text", published: str | None = None) -> Article:
    """An Article for a bare string, titled as a file would be."""
    from .sources import title_of

    return Article(doc_id=doc_id, source="<text>", text=text, published=published, title=title_of(text))


def process_article(nlp: Language, article: Article) -> dict[str, Any]:
    """One article through the pipeline; never raises for a problem in the article."""
    rules_version = nlp.meta.get("warta_rules_version")
    if not article.ok or article.text is None:
        return base_record(article, rules_version)
    try:
        return doc_record(annotate(nlp, article), article, rules_version)
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
    return process_article(nlp, text_article(text, doc_id, published))

