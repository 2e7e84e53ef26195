"""Reading articles: files, folders and JSONL exports become ``Article`` records, in order.

A file or line that cannot be read becomes an ``Article`` with ``errors`` and
no text, so it costs one error record in the output, never the run. What is
accepted:

* text files (``.txt``): UTF-8 with or without BOM, UTF-16 (BOM or not), and legacy
  single-byte encodings (Windows-1252, Latin-1, ...) detected with charset-normalizer;
* HTML pages (``.html``/``.htm``, and JSONL records whose ``text`` is a page): the article
  text, title and date are extracted with trafilatura;
* JSONL exports: one ``{"id", "text", "published"?, "title"?, "url"?}`` object per line.

Mojibake (``â€œ`` for ``"``) is repaired with ftfy; the record then says so (W002) and
carries the repaired ``text`` so its offsets can be checked. Files over ``max_bytes``
are refused from their size alone, never read.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TextIO

from .errors import Errors

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
DEFAULT_MAX_BYTES = 5_000_000
"""Files (and JSONL lines) larger than this are refused unread (``--max-bytes``)."""

_CONTROL_OK = frozenset("\n\r\t\f\v")
_LATIN_FAMILY = frozenset({"cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_2", "iso8859_9",
                           "iso8859_15", "mac_roman", "mac_latin2"})


@dataclass
class Article:
    """One article as read, before extraction."""

    doc_id: str
    source: str
    text: str | None
    published: str | None = None
    title: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.text is not None and not self.errors


def error_entry(message: str, source: str, line: int | None = None) -> dict[str, Any]:
    code = message.split(" ", 1)[0]
    entry: dict[str, Any] = {"code": code, "message": message, "source": source}
    if line is not None:
        entry["line"] = line
    return entry


def failed(doc_id: str, source: str, message: str, line: int | None = None) -> Article:
    return Article(doc_id=doc_id, source=source, text=None, errors=[error_entry(message, source, line)])


def title_of(text: str) -> str | None:
    """The first line, when the article starts with a title line then a blank line."""
    first, sep, rest = text.partition("\n")
    if sep and rest.startswith(("\n", "\r\n")) and 0 < len(first.strip()) <= 300:
        return first.strip()
    return None


# --- bytes -> text ------------------------------------------------------------------------


class NotText(ValueError):
    """The bytes are not text in any encoding we accept (binary data)."""


def _looks_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` for BOM-less UTF-16 (every other byte zero in mostly-ASCII text)."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_zero = sample[0::2].count(0) / (len(sample) / 2)
    odd_zero = sample[1::2].count(0) / (len(sample) / 2)
    if odd_zero > 0.6 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.6 and odd_zero < 0.05:
        return "utf-16-be"
    return None


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if (ch < " " and ch not in _CONTROL_OK) or "\x7f" <= ch <= "\x9f")
    return bad / len(sample)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Text and the name of the encoding it was read in; raises :class:`NotText` for binary data.

    UTF-8 (BOM or not) and UTF-16 (BOM, or the zero-byte pattern) are recognized
    directly; anything else is left to charset-normalizer, which refuses binary data.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    utf16 = _looks_utf16(data)
    if utf16:
        return data.decode(utf16), utf16
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        if b"\x00" in data:
            raise NotText from None
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise NotText from None
        encoding, text = best.encoding, str(best)
        if encoding in _LATIN_FAMILY:  # short texts: prefer the encoding Indonesian Windows files are in
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                pass
    if "\x00" in text or _control_ratio(text) > 0.05:
        raise NotText
    return text, encoding


def repair_text(text: str) -> tuple[str, str | None]:
    """Text with mojibake repaired (ftfy), and what was done, or None when nothing was."""
    import ftfy

    if text.isascii():
        return text, None
    fixed, steps = ftfy.fix_encoding_and_explain(text)
    if fixed == text or not steps:
        return text, None
    return fixed, ", ".join(str(step[1]) for step in steps)


# --- HTML ---------------------------------------------------------------------------------


def looks_like_html(text: str) -> bool:
    """A whole page or an HTML fragment that starts the text (not a stray ``<p>`` inside prose)."""
    head = text[:2000].lstrip("\ufeff \t\r\n").lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    return head.startswith("<") and "</" in head and any(
        tag in head for tag in ("<body", "<p>", "<p ", "<div", "<article", "<head"))


@dataclass
class HtmlArticle:
    text: str
    title: str | None
    published: str | None


def extract_html(html: str) -> HtmlArticle | None:
    """Article text, title and date of a page (trafilatura), or None when it finds no article text."""
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False,
                                         deduplicate=False)
    if result is None:
        return None
    body = (getattr(result, "text", None) or "").strip()
    if not body:
        return None
    title = (getattr(result, "title", None) or "").strip() or None
    date = getattr(result, "date", None) or None
    lines = body.split("\n")
    if title and lines[0].strip() == title:
        lines = lines[1:]
    text = "\n".join(lines).strip()
    if title:
        text = f"{title}\n\n{text}" if text else title
    return HtmlArticle(text=text, title=title, published=str(date) if date else None)


def _from_html(article: Article, html: str) -> Article:
    """Replace an article's HTML by its extracted text (title and date filled if missing)."""
    try:
        page = extract_html(html)
    except (ValueError, TypeError, AttributeError, LookupError, RecursionError) as exc:
        return failed(article.doc_id, article.source, Errors.E111.format(detail=f"{type(exc).__name__}: {exc}"),
                      article.meta.get("line"))
    if page is None:
        return failed(article.doc_id, article.source, Errors.E111.format(detail="no article text found"),
                      article.meta.get("line"))
    article.text = page.text
    article.title = article.title or page.title
    article.published = article.published or page.published
    article.meta["format"] = "html"
    article.meta["text_included"] = True
    return article


def _finish(article: Article) -> Article:
    """The steps every text goes through: HTML extraction, mojibake repair, title."""
    assert article.text is not None
    if looks_like_html(article.text) or article.meta.get("format") == "html":
        article = _from_html(article, article.text)
        if article.text is None:
            return article
    assert article.text is not None
    if not article.text.strip():
        return failed(article.doc_id, article.source, Errors.E112.format(), article.meta.get("line"))
    text, repaired = repair_text(article.text)
    if repaired:
        article.text = text
        article.meta["text_included"] = True
        article.meta.setdefault("warnings", []).append(Errors.W002.format(detail=repaired))
    if article.title is None:
        article.title = title_of(article.text)
    return article


# --- files --------------------------------------------------------------------------------


def _read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; raises ``_TooLarge`` from its size alone (never reads a huge file)."""
    size = path.stat().st_size
    if size > max_bytes:
        raise _TooLarge(size)
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # grew while we looked, or a device file
        raise _TooLarge(len(data))
    return data


class _TooLarge(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def read_text_file(path: Path, doc_id: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """One ``.txt``/``.html`` file as an article (or an article carrying the reason it is not one)."""
    source = str(path)
    try:
        data = _read_limited(path, max_bytes)
    except _TooLarge as big:
        return failed(doc_id, source, Errors.E107.format(size=big.size, limit=max_bytes))
    except OSError as exc:
        return failed(doc_id, source, Errors.E101.format(detail=exc.strerror or exc))
    if not data.strip():
        return failed(doc_id, source, Errors.E105.format())
    try:
        text, encoding = decode_bytes(data)
    except NotText:
        return failed(doc_id, source, Errors.E106.format())
    except UnicodeDecodeError as exc:
        return failed(doc_id, source, Errors.E102.format(detail=exc))
    article = Article(doc_id=doc_id, source=source, text=text, meta={"encoding": encoding})
    if path.suffix.lower() in HTML_SUFFIXES:
        article.meta["format"] = "html"
    return _finish(article)


def _optional_str(record: dict[str, Any], key: str, line: int) -> tuple[str | None, str | None]:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value, None
    return None, Errors.E108.format(line=line, field=key, expected="a string or null")


def article_from_record(record: Any, source: str, number: int) -> Article:
    """One parsed JSONL record as an article, or an article carrying what is wrong with it."""
    fallback_id = f"{source}:{number}"
    if not isinstance(record, dict):
        return failed(fallback_id, source, Errors.E110.format(line=number), number)
    raw_id = record.get("id", record.get("doc_id"))
    doc_id = str(raw_id) if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) else fallback_id
    text = record.get("text")
    if "text" in record and text is not None and not isinstance(text, str):
        return failed(doc_id, source, Errors.E108.format(line=number, field="text", expected="a string"), number)
    if not isinstance(text, str):
        return failed(doc_id, source, Errors.E104.format(line=number), number)
    article = Article(doc_id=doc_id, source=f"{source}:{number}", text=text, meta={"line": number})
    for key in ("published", "title", "url"):
        value, problem = _optional_str(record, key, number)
        if problem:
            return failed(doc_id, source, problem, number)
        setattr(article, key, value)
    return _finish(article)


def parse_jsonl_line(line: str, source: str, number: int) -> Article:
    """One JSONL line as an article, or an article carrying what is wrong with the line."""
    try:
        record = json.loads(line.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        return failed(f"{source}:{number}", source, Errors.E103.format(line=number, detail=exc.msg), number)
    except RecursionError:
        return failed(f"{source}:{number}", source, Errors.E103.format(line=number, detail="nested too deeply"),
                      number)
    return article_from_record(record, source, number)


def read_jsonl_lines(lines: Iterable[str], source: str) -> Iterator[Article]:
    """Articles from JSONL text lines; a broken line costs one error article naming its line."""
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield parse_jsonl_line(line, source, number)


def _binary_lines(handle: IO[bytes], max_bytes: int) -> Iterator[tuple[bytes | None, int]]:
    """(line, size) per line; a line over ``max_bytes`` is skipped unread (``None``)."""
    while True:
        chunk = handle.readline(max_bytes + 1)
        if not chunk:
            return
        if len(chunk) <= max_bytes or chunk.endswith(b"\n"):
            yield chunk, len(chunk)
            continue
        size = len(chunk)
        while not chunk.endswith(b"\n"):  # drop the rest of the long line, a block at a time
            chunk = handle.readline(1 << 20)
            if not chunk:
                break
            size += len(chunk)
        yield None, size


def read_jsonl_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article]:
    """Articles of a JSONL file, line by line: bad lines (JSON, UTF-8, size) cost one error each."""
    source = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield failed(path.stem, source, Errors.E101.format(detail=exc.strerror or exc))
        return
    with handle:
        try:
            for number, (raw, size) in enumerate(_binary_lines(handle, max_bytes), start=1):
                fallback_id = f"{source}:{number}"
                if raw is None:
                    yield failed(fallback_id, source, Errors.E113.format(line=number, size=size, limit=max_bytes),
                                 number)
                    continue
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    yield failed(fallback_id, source, Errors.E114.format(line=number, detail=exc.reason), number)
                    continue
                if line.strip():
                    yield parse_jsonl_line(line, source, number)
        except OSError as exc:
            yield failed(f"{source}:?", source, Errors.E101.format(detail=exc.strerror or exc))


def folder_files(folder: Path) -> list[Path]:
    """The articles of a folder, recursively, in name order (broken links included, to be reported)."""
    suffixes = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
    return sorted(p for p in folder.rglob("*")
                  if p.suffix.lower() in suffixes and (p.is_file() or (p.is_symlink() and not p.exists())))


def read_file(path: Path, doc_id: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article]:
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl_file(path, max_bytes)
    else:
        yield read_text_file(path, doc_id, max_bytes)


def read_paths(paths: Iterable[str], stdin: TextIO | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article]:
    """Articles from each PATH in order: a file, a folder (recursively, sorted), a .jsonl file, or ``-``."""
    for arg in paths:
        if arg == "-":
            yield from read_jsonl_lines(stdin or sys.stdin, "<stdin>")
            continue
        path = Path(arg)
        if path.is_dir():
            for file in folder_files(path):
                yield from read_file(file, file.relative_to(path).with_suffix("").as_posix(), max_bytes)
        elif path.exists() or path.is_symlink():
            yield from read_file(path, path.stem, max_bytes)
        else:
            yield failed(path.stem or arg, arg, Errors.E109.format(path=arg))
