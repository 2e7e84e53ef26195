"""Reading gold files and system output for ``warta eval``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

from .model import Doc


def load_gold(gold_dir: Path | str) -> dict[str, Doc]:
    """Gold articles of a folder (its ``*.json`` files), by ``doc_id``."""
    docs: dict[str, Doc] = {}
    for path in sorted(Path(gold_dir).glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        docs[doc["doc_id"]] = doc
    return docs


def parse_system_lines(lines: Iterable[str]) -> dict[str, Doc]:
    """System articles from JSON Lines, by ``doc_id`` (a later line with the same id wins)."""
    docs: dict[str, Doc] = {}
    for line in lines:
        if line.strip():
            doc = json.loads(line)
            docs[str(doc.get("doc_id"))] = doc
    return docs


def load_system(source: Path | str) -> dict[str, Doc]:
    """System output: a JSON Lines file, a folder of ``NAME.json`` files, or ``-`` for standard input."""
    if str(source) == "-":
        return parse_system_lines(sys.stdin.read().splitlines())
    path = Path(source)
    if path.is_dir():
        docs = (json.loads(p.read_text(encoding="utf-8")) for p in sorted(path.glob("*.json")))
        return {d["doc_id"]: d for d in docs}
    return parse_system_lines(path.read_text(encoding="utf-8").splitlines())
