"""Reading articles: files, folders and JSONL exports become ``Article`` records, in order.

A file or line that cannot be read becomes an ``Article`` with ``errors`` and
no text, so it costs one error record in the output, never the run.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .errors import Errors

TEXT_SUFFIXES = (".txt",)


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


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Text and the name of the encoding it was read in."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    return data.decode("utf-8"), "utf-8"


def read_text_file(path: Path, doc_id: str) -> Article:
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return failed(doc_id, source, Errors.E101.format(detail=exc.strerror or exc))
    if not data:
        return failed(doc_id, source, Errors.E105.format())
    try:
        text, encoding = decode_bytes(data)
    except UnicodeDecodeError as exc:
        return failed(doc_id, source, Errors.E102.format(detail=exc))
    return Article(doc_id=doc_id, source=source, text=text, title=title_of(text), meta={"encoding": encoding})


def _optional_str(record: dict[str, Any], key: str, source: str, line: int) -> tuple[str | None, str | None]:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value, None
    return None, Errors.E108.format(line=line, field=key, expected="a string or null")


def read_jsonl_lines(lines: Iterable[str], source: str) -> Iterator[Article]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        fallback_id = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield failed(fallback_id, source, Errors.E103.format(line=number, detail=exc.msg), number)
            continue
        if not isinstance(record, dict):
            yield failed(fallback_id, source, Errors.E110.format(line=number), number)
            continue
        raw_id = record.get("id", record.get("doc_id"))
        doc_id = str(raw_id) if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) else fallback_id
        text = record.get("text")
        if not isinstance(text, str):
            yield failed(doc_id, source, Errors.E104.format(line=number), number)
            continue
        article = Article(doc_id=doc_id, source=f"{source}:{number}", text=text, meta={"line": number})
        problems = []
        for key in ("published", "title", "url"):
            value, problem = _optional_str(record, key, source, number)
            if problem:
                problems.append(problem)
            setattr(article, key, value)
        if problems:
            yield failed(doc_id, source, problems[0], number)
            continue
        if article.title is None:
            article.title = title_of(text)
        yield article


def read_jsonl_file(path: Path) -> Iterator[Article]:
    source = str(path)
    try:
        handle = path.open(encoding="utf-8", errors="strict", newline="")
    except OSError as exc:
        yield failed(path.stem, source, Errors.E101.format(detail=exc.strerror or exc))
        return
    with handle:
        try:
            yield from read_jsonl_lines(_lines_reporting_decode_errors(handle), source)
        except UnicodeDecodeError as exc:
            yield failed(f"{source}:?", source, Errors.E102.format(detail=exc))


def _lines_reporting_decode_errors(handle: TextIO) -> Iterator[str]:
    yield from handle


def folder_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)


def read_paths(paths: Iterable[str], stdin: TextIO | None = None) -> Iterator[Article]:
    """Articles from each PATH in order: a file, a folder (recursively, sorted), a .jsonl file, or ``-``."""
    for arg in paths:
        if arg == "-":
            yield from read_jsonl_lines(stdin or sys.stdin, "<stdin>")
            continue
        path = Path(arg)
        if path.is_dir():
            for file in folder_files(path):
                doc_id = file.relative_to(path).with_suffix("").as_posix()
                yield read_text_file(file, doc_id)
        elif path.suffix.lower() == ".jsonl":
            yield from read_jsonl_file(path)
        elif path.exists():
            yield read_text_file(path, path.stem)
        else:
            yield failed(path.stem or arg, arg, Errors.E109.format(path=arg))
