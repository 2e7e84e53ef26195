"""The figures of an evaluation: counts, mention errors, the constants of the shared scorer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CORE_TYPES = ("OFFICIAL", "AGENCY", "COUNTRY", "DATE", "CASE_COUNT")
TYPES = (*CORE_TYPES, "LOCATION")
MODES = ("lenient", "strict", "detect")
KEY_ATTRIBUTE = {"DATE": "value", "CASE_COUNT": "value", "COUNTRY": "code"}
SCORED_ATTRIBUTES = {
    "OFFICIAL": ("name", "title", "country"),
    "AGENCY": ("country",),
    "CASE_COUNT": ("unit", "qualifier", "period", "country"),
}
EVENT_ATTRIBUTES = ("date", "place", "count")

Doc = dict[str, Any]


@dataclass
class Counts:
    """True positives, false positives and false negatives of one type (or of events)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def as_dict(self) -> dict[str, Any]:
        p, r, f = self.prf()
        return {"p": round(p, 3), "r": round(r, 3), "f": round(f, 3), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(frozen=True)
class MentionError:
    """A lenient false positive (system) or false negative (gold), for ``--errors``."""

    type: str
    kind: str  # "FP" or "FN"
    doc_id: str
    text: Any
    key: dict[str, Any]


@dataclass
class Evaluation:
    """Everything ``warta eval`` reports; :meth:`as_dict` has score.py's ``--json`` shape."""

    docs: int
    missing_docs: list[str]
    counts: dict[str, dict[str, Counts]]  # mode -> type -> counts
    attributes: dict[tuple[str, str], list[int]]  # (type, attr) -> [correct, total]
    events: Counts
    event_attributes: dict[str, list[int]]
    reference_date: list[int]  # [correct, total]
    authors: Counts
    errors: list[MentionError] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {"docs": self.docs, "missing_docs": self.missing_docs, "types": {},
                                  "attributes": {}, "events": {}}
        for mode in MODES:
            for type_ in TYPES:
                result["types"].setdefault(type_, {})[mode] = self.counts[mode][type_].as_dict()
            core = Counts()
            for type_ in CORE_TYPES:
                core.add(self.counts[mode][type_])
            p, r, f = core.prf()
            result[f"core_{mode}"] = {"p": round(p, 3), "r": round(r, 3), "f": round(f, 3)}
        for (type_, attr), (ok, n) in sorted(self.attributes.items()):
            result["attributes"][f"{type_}.{attr}"] = _accuracy(ok, n)
        result["events"] = {**self.events.as_dict(),
                            "attributes": {a: _accuracy(ok, n) for a, (ok, n) in self.event_attributes.items()}}
        ok, n = self.reference_date
        result["reference_date_acc"] = round(ok / n, 3) if n else None
        result["authors"] = dict(zip("prf", (round(x, 3) for x in self.authors.prf()), strict=True))
        return result


def _accuracy(ok: int, n: int) -> dict[str, Any]:
    return {"acc": round(ok / n, 3) if n else None, "n": n}
