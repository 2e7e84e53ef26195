"""``--resume``: what an earlier run already wrote, so a rerun only does what is left.

A line of the existing output counts as done when it parses as a record with a
``doc_id`` and no ``errors``; failed articles are tried again, and a line cut
short (a run killed mid-write without ``-o``'s atomic rename) is dropped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Completed:
    """The good lines of an earlier output (kept, in order) and their doc_ids (skipped)."""

    lines: list[str] = field(default_factory=list)
    doc_ids: set[str] = field(default_factory=set)


def read_completed(path: Path) -> Completed:
    """The finished records of ``path`` (nothing when it does not exist yet)."""
    done = Completed()
    if not path.is_file():
        return done
    with path.open(encoding="utf-8", errors="replace") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if not isinstance(record, dict) or record.get("errors") or not isinstance(record.get("doc_id"), str):
                continue
            if record["doc_id"] in done.doc_ids:
                continue
            done.doc_ids.add(record["doc_id"])
            done.lines.append(line)
    return done
