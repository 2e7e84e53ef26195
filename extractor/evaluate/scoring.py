"""Scoring documents: mentions, events and article fields, into one :class:`Evaluation`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import Errors, UsageError
from .matching import _key_of, attribute_agrees, match_mentions, normalize, overlaps, scorable_entities
from .model import EVENT_ATTRIBUTES, MODES, SCORED_ATTRIBUTES, TYPES, Counts, Doc, Evaluation, MentionError
from .reading import load_gold, load_system


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


def best_event(gold_event: Mapping[str, Any], system_events: Sequence[Mapping[str, Any]],
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
        index = best_event(g, system_events, used)
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
