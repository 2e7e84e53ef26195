"""The plain-text report of ``warta eval``."""

from __future__ import annotations

from .model import MODES, TYPES, Evaluation, MentionError


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
