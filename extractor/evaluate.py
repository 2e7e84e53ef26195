"""Scoring extractor output against gold annotations (``warta eval``).

Gold articles are ``NAME.json`` files in the format of ``ANNOTATION.md``
(``doc_id``, ``reference_date``, ``authors``, ``ignore``, ``mentions``,
``events``). The figures follow the shared scorer (``score.py``) exactly, so a
number seen in ``warta eval`` is the number the project is judged by:

* mentions match one to one within a type, greedily: gold mentions in text
  order, each taking the unused system mention it overlaps most (the first
  one on ties);
* ``lenient``: spans overlap and the key attribute agrees (DATE ``value``,
  CASE_COUNT ``value`` compared as integers, COUNTRY ``code``); ``strict``:
  the same with identical offsets; ``detect``: overlap only;
* a system mention touching an IGNORE region counts neither way; an optional
  gold mention counts neither way, and neither does an unmatched system
  mention of the same type overlapping one;
* attribute accuracies are measured on lenient pairs; events match by type
  and a shared participant (or count, or date when gold names neither).
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Errors, UsageError

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


# --- reading ------------------------------------------------------------------------


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


# --- matching -----------------------------------------------------------------------


def normalize(value: Any) -> Any:
    """Numbers as they are; anything else as a lower-case string with single spaces."""
    if value is None or isinstance(value, (int, float)):
        return value
    return re.sub(r"\s+", " ", str(value)).strip().lower()


def overlaps(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return bool(a["start"] < b["end"] and b["start"] < a["end"])


def key_agrees(type_: str, gold: Mapping[str, Any], system: Mapping[str, Any]) -> bool:
    """The type's key attribute agrees (or gold has none). CASE_COUNT values compare as integers."""
    key = KEY_ATTRIBUTE.get(type_)
    if key is None or gold.get(key) is None:
        return True
    if type_ == "CASE_COUNT":
        try:
            return int(system.get(key)) == int(gold[key])  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return False
    return bool(normalize(system.get(key)) == normalize(gold.get(key)))


def match_mentions(gold: Sequence[Mapping[str, Any]], system: Sequence[Mapping[str, Any]], type_: str,
                   mode: str) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, system index): gold in text order, each taking the
    unused system mention it overlaps most (the earliest listed on ties)."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi in sorted(range(len(gold)), key=lambda i: gold[i]["start"]):
        g = gold[gi]
        best: tuple[int, int] | None = None
        for si, s in enumerate(system):
            if si in used or not overlaps(g, s):
                continue
            if mode in ("lenient", "strict") and not key_agrees(type_, g, s):
                continue
            if mode == "strict" and (g["start"], g["end"]) != (s["start"], s["end"]):
                continue
            overlap = min(g["end"], s["end"]) - max(g["start"], s["start"])
            if best is None or overlap > best[0]:
                best = (overlap, si)
        if best is not None:
            used.add(best[1])
            pairs.append((gi, best[1]))
    return pairs


def scorable_entities(system_doc: Mapping[str, Any], ignore: Sequence[Sequence[int]]) -> list[dict[str, Any]]:
    """System entities with integer offsets, minus those touching an IGNORE region."""
    entities = [e for e in system_doc.get("entities") or []
                if isinstance(e, dict) and isinstance(e.get("start"), int) and isinstance(e.get("end"), int)]
    return [e for e in entities if not any(e["start"] < b and a < e["end"] for a, b in ignore)]


def _key_of(type_: str, mention: Mapping[str, Any]) -> dict[str, Any]:
    key = KEY_ATTRIBUTE.get(type_)
    return {key: mention.get(key)} if key else {}


def attribute_agrees(attr: str, gold_value: Any, system_value: Any) -> bool:
    """Normalized equality; a ``name`` may also contain, or be contained in, the gold name."""
    ok = bool(normalize(system_value) == normalize(gold_value))
    if attr == "name" and not ok and system_value:
        s, g = normalize(system_value), normalize(gold_value)
        ok = s in g or g in s
    return ok


def score_document_mentions(evaluation: Evaluation, doc_id: str, gold: Doc, system: Doc) -> None:
    """Add one article's mention counts, attribute checks and lenient errors to ``evaluation``."""
    entities = scorable_entities(system, gold.get("ignore") or [])
    for type_ in TYPES:
        gold_mentions = [m for m in gold["mentions"] if m["type"] == type_]
        system_mentions = [e for e in entities if e.get("type") == type_]
        for mode in MODES:
            pairs = match_mentions(gold_mentions, system_mentions, type_, mode)
            matched_gold = {gi for gi, _ in pairs}
            matched_system = {si for _, si in pairs}
            counts = Counts(tp=sum(1 for gi, _ in pairs if not gold_mentions[gi].get("optional")))
            for si, s in enumerate(system_mentions):
                if si in matched_system:
                    continue
                if any(g.get("optional") and overlaps(g, s) for g in gold_mentions):
                    continue  # overlaps an optional gold mention: neutral
                counts.fp += 1
                if mode == "lenient":
                    evaluation.errors.append(MentionError(type_, "FP", doc_id, s.get("text"), _key_of(type_, s)))
            for gi, g in enumerate(gold_mentions):
                if gi not in matched_gold and not g.get("optional"):
                    counts.fn += 1
                    if mode == "lenient":
                        evaluation.errors.append(MentionError(type_, "FN", doc_id, g["text"], _key_of(type_, g)))
            evaluation.counts[mode][type_].add(counts)
            if mode != "lenient":
                continue
            for gi, si in pairs:
                g, s = gold_mentions[gi], system_mentions[si]
                for attr in SCORED_ATTRIBUTES.get(type_, ()):
                    if g.get(attr) is None:
                        continue
                    tally = evaluation.attributes.setdefault((type_, attr), [0, 0])
                    tally[0] += attribute_agrees(attr, g[attr], s.get(attr))
                    tally[1] += 1


def participant_agrees(gold_name: Any, system_name: Any) -> bool:
    a, b = normalize(gold_name), normalize(system_name)
    return bool(a and b) and (a in b or b in a)


def _best_event(gold_event: Mapping[str, Any], system_events: Sequence[Mapping[str, Any]],
                used: set[int]) -> int | None:
    best: tuple[int, int] | None = None
    for i, s in enumerate(system_events):
        if i in used or s.get("type") != gold_event["type"]:
            continue
        names = [str(p) for p in s.get("participants") or []]
        hits = sum(1 for p in gold_event["participants"] if any(participant_agrees(p, q) for q in names))
        same_count = (gold_event.get("count") is not None
                      and normalize(s.get("count")) == normalize(gold_event.get("count")))
        same_date = normalize(s.get("date")) == normalize(gold_event.get("date"))
        if gold_event["participants"]:
            if hits == 0 and not same_count:
                continue
        elif gold_event.get("count") is not None:
            if not same_count:
                continue
        elif not same_date:
            continue
        score = hits + same_count + same_date
        if best is None or score > best[0]:
            best = (score, i)
    return None if best is None else best[1]


def score_document_events(evaluation: Evaluation, gold: Doc, system: Doc) -> None:
    gold_events = gold.get("events") or []
    system_events = [e for e in system.get("events") or [] if isinstance(e, dict)]
    used: set[int] = set()
    for g in gold_events:
        index = _best_event(g, system_events, used)
        if index is None:
            evaluation.events.fn += 1
            continue
        used.add(index)
        evaluation.events.tp += 1
        s = system_events[index]
        for attr in EVENT_ATTRIBUTES:
            if g.get(attr) is None:
                continue
            if attr == "place":
                ok = participant_agrees(g[attr], s.get(attr) or "")
            else:
                ok = normalize(s.get(attr)) == normalize(g.get(attr))
            tally = evaluation.event_attributes.setdefault(attr, [0, 0])
            tally[0] += ok
            tally[1] += 1
    evaluation.events.fp += len(system_events) - len(used)


def score_document_fields(evaluation: Evaluation, gold: Doc, system: Doc) -> None:
    """``reference_date`` accuracy and author names (as sets) of one article."""
    if gold.get("reference_date"):
        evaluation.reference_date[1] += 1
        evaluation.reference_date[0] += normalize(system.get("reference_date")) == normalize(gold["reference_date"])
    gold_names = {normalize(a["name"]) for a in gold.get("authors") or []}
    system_names = {normalize(a.get("name") if isinstance(a, dict) else a) for a in system.get("authors") or []}
    evaluation.authors.add(Counts(len(gold_names & system_names), len(system_names - gold_names),
                                  len(gold_names - system_names)))


def evaluate(gold_docs: Mapping[str, Doc], system_docs: Mapping[str, Doc]) -> Evaluation:
    """Score system articles against gold articles (both keyed by ``doc_id``)."""
    evaluation = Evaluation(
        docs=len(gold_docs),
        missing_docs=sorted(set(gold_docs) - set(system_docs)),
        counts={mode: defaultdict(Counts) for mode in MODES},
        attributes={},
        events=Counts(),
        event_attributes={},
        reference_date=[0, 0],
        authors=Counts(),
    )
    for doc_id, gold in gold_docs.items():
        system = system_docs.get(doc_id, {"entities": []})
        score_document_mentions(evaluation, doc_id, gold, system)
        score_document_events(evaluation, gold, system)
        score_document_fields(evaluation, gold, system)
    return evaluation


def evaluate_paths(gold_dir: Path | str, system: Path | str) -> Evaluation:
    """:func:`evaluate` over files; unreadable input raises :class:`UsageError` (exit code 2)."""
    gold_path = Path(gold_dir)
    try:
        gold_docs = load_gold(gold_path)
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise UsageError(Errors.E302.format(path=gold_path, detail=_describe(exc))) from None
    if not gold_docs:
        raise UsageError(Errors.E301.format(path=gold_path))
    try:
        system_docs = load_system(system)
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise UsageError(Errors.E302.format(path=system, detail=_describe(exc))) from None
    return evaluate(gold_docs, system_docs)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return f"{type(exc).__name__}: {exc}"


# --- report -------------------------------------------------------------------------


def format_report(evaluation: Evaluation, show_errors: bool = False) -> str:
    """The human-readable table (the same lines as score.py's)."""
    result = evaluation.as_dict()
    lines = [f"{'type':12} {'lenient P/R/F':>20} {'strict F':>9} {'detect F':>9}   tp/fp/fn (lenient)"]
    for type_ in TYPES:
        lenient, strict, detect = (result["types"][type_][m] for m in MODES)
        lines.append(f"{type_:12} {lenient['p']:6.3f} {lenient['r']:6.3f} {lenient['f']:6.3f} "
                     f"{strict['f']:9.3f} {detect['f']:9.3f}   "
                     f"{lenient['tp']}/{lenient['fp']}/{lenient['fn']}")
    lines.append("attributes: " + ", ".join(f"{k}={v['acc']} (n={v['n']})" for k, v in result["attributes"].items()))
    events = result["events"]
    lines.append(f"events: P={events['p']} R={events['r']} F={events['f']} "
                 f"tp/fp/fn={events['tp']}/{events['fp']}/{events['fn']} "
                 + ", ".join(f"{k}={v['acc']} (n={v['n']})" for k, v in events["attributes"].items()))
    lines.append(f"reference_date accuracy: {result['reference_date_acc']}; authors F: {result['authors']['f']}")
    missing = result["missing_docs"]
    if missing:
        lines.append(f"missing docs: {len(missing)}: {', '.join(missing[:5])}")
    if show_errors:
        by_type: dict[str, list[MentionError]] = {}
        for error in evaluation.errors:
            by_type.setdefault(error.type, []).append(error)
        for type_, errors in by_type.items():
            for e in errors:
                lines.append(f"  {type_:10} {e.kind} {e.doc_id}: {e.text!r} {e.key or ''}")
    core_l, core_s = result["core_lenient"], result["core_strict"]
    lines.append(f"core micro F1: lenient {core_l['f']:.3f} (P {core_l['p']:.3f} R {core_l['r']:.3f}), "
                 f"strict {core_s['f']:.3f}; events F1 {events['f']:.3f}")
    return "\n".join(lines)
