"""Read ``warta extract`` output (files or ``-``) into records; a bad line is an error entry, never a crash."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import IO, Any

from ..errors import Errors


@dataclass(frozen=True)
class InputError:
    """A line that is not a record, or a record ``warta extract`` could not process."""

    source: str
    line: int | None
    doc_id: str | None
    code: str
    message: str


@dataclass
class Loaded:
    """The good records (one per doc_id, sorted by it) and everything that went wrong."""

    records: list[dict[str, Any]] = field(default_factory=list)
    lines_kept: list[str] = field(default_factory=list)  # the records' JSON lines, in the same order
    errors: list[InputError] = field(default_factory=list)
    lines: int = 0
    duplicates: int = 0


def read_inputs(paths: Iterable[str], advance: Callable[[str], None] = lambda _doc_id: None) -> Loaded:
    """Every record of every path, deduplicated by doc_id independently of the order of the paths."""
    loaded = Loaded()
    by_id: dict[str, tuple[str, dict[str, Any]]] = {}
    for path in paths:
        if path == "-":
            _read_stream(sys.stdin.buffer, "<stdin>", loaded, by_id, advance)
            continue
        try:
            with open(path, "rb") as handle:
                _read_stream(handle, path, loaded, by_id, advance)
        except OSError as exc:
            loaded.errors.append(InputError(path, None, None, "E101", Errors.E101.format(detail=exc)))
    loaded.records = [by_id[doc_id][1] for doc_id in sorted(by_id)]
    loaded.lines_kept = [by_id[doc_id][0] for doc_id in sorted(by_id)]
    return loaded


def _read_stream(handle: IO[bytes], source: str, loaded: Loaded, by_id: dict[str, tuple[str, dict[str, Any]]],
                 advance: Callable[[str], None]) -> None:
    for number, raw in enumerate(handle, 1):
        if not raw.strip():
            continue
        loaded.lines += 1
        record, error = _parse(raw, source, number)
        if error is not None:
            loaded.errors.append(error)
            continue
        assert record is not None
        doc_id = record["doc_id"]
        if record.get("errors"):  # the article failed in `warta extract`: report it, keep nothing
            for err in record["errors"]:
                loaded.errors.append(InputError(source, number, doc_id, str(err.get("code", "E201")),
                                                str(err.get("message", ""))))
            continue
        canonical = raw.decode("utf-8").strip()
        if doc_id in by_id:  # the same article twice: keep one, the same one whatever the order
            loaded.duplicates += 1
            if canonical >= by_id[doc_id][0]:
                continue
        by_id[doc_id] = (canonical, record)
        advance(doc_id)


def _parse(raw: bytes, source: str, number: int) -> tuple[dict[str, Any] | None, InputError | None]:
    try:
        record = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, InputError(source, number, None, "E501", Errors.E501.format(line=number, detail=exc))
    problem = _not_a_record(record)
    if problem:
        doc_id = record.get("doc_id") if isinstance(record, dict) else None
        return None, InputError(source, number, doc_id if isinstance(doc_id, str) else None, "E502",
                                Errors.E502.format(line=number, detail=problem))
    return record, None


def _not_a_record(record: Any) -> str | None:
    if not isinstance(record, dict):
        return "not a JSON object"
    if not isinstance(record.get("doc_id"), str) or not record["doc_id"]:
        return "no string 'doc_id'"
    for key in ("entities", "events"):
        items = record.get(key, [])
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            return f"{key!r} is not a list of objects"
    for item in record.get("entities", []):
        if not isinstance(item.get("type"), str) or not isinstance(item.get("text"), str):
            return "an entity without a string 'type' and 'text'"
    for item in record.get("events", []):
        if not isinstance(item.get("type"), str):
            return "an event without a string 'type'"
    return None
