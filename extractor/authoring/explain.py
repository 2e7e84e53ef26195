"""``warta explain``: tokens, mentions with their rule and file:line, rejected candidates, chrome, events."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..rules import RuleSet
from .scope import LABEL_COLORS

# --- explain -------------------------------------------------------------------------------


@dataclass
class Explanation:
    """One text through the pipeline, with everything needed to say why it came out so."""

    doc: Doc
    record: dict[str, Any]
    ruleset: RuleSet


def explain(nlp: Language, ruleset: RuleSet, text: str, published: str | None = None,
            doc_id: str = "text") -> Explanation:
    """Run ``text`` with tracing on (``Doc._.trace``), keeping the Doc and the output record."""
    from ..extract import annotate, text_article
    from ..records import doc_record

    article = text_article(text, doc_id, published)
    doc = annotate(nlp, article, trace=True)  # as extract does, so the output is the same
    return Explanation(doc, doc_record(doc, article, ruleset.version), ruleset)


def short_text(text: str, width: int = 60) -> str:
    """``text`` on one line, cut to ``width`` characters, quoted."""
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 3] + "...")


def _where(ruleset: RuleSet, rule_id: str | None) -> str:
    rule = ruleset.by_id(rule_id) if rule_id else None
    return rule.where if rule is not None else "?"


def _attrs_text(record: Mapping[str, Any]) -> str:
    parts = [f"{k}={v!r}" for k, v in record.items() if k not in ("type", "text", "start", "end", "rule")]
    return " ".join(parts)


def format_explanation(ex: Explanation) -> str:
    """The plain-text explanation: tokens, mentions, rejected candidates, page chrome, events."""
    doc, record, rs = ex.doc, ex.record, ex.ruleset
    text = doc.text
    lines = [f"Tokens ({len(doc)}):", "  " + " ".join(f"{t.i}:{t.text}" for t in doc if not t.is_space), ""]
    lines.append(f"Mentions ({len(record['entities'])}):")
    for e in record["entities"]:
        lines.append(f"  {e['type']:<10} {e['text']!r} [{e['start']}:{e['end']}]  rule {e['rule']} "
                     f"({_where(rs, e['rule'])})  {_attrs_text(e)}".rstrip())
    trace = list(doc._.trace or [])
    lines += ["", f"Rejected candidates ({len(trace)}):"]
    for t in trace:
        lines.append(f"  {text[t['start']:t['end']]!r} [{t['start']}:{t['end']}]  rule {t['rule']} "
                     f"({_where(rs, t['rule'])}): {t['reason']}")
    chrome = record.get("boilerplate") or []
    lines += ["", f"Page chrome ({len(chrome)}):"]
    for a, b in chrome:
        rules = sorted({c["rule"] for c in record.get("boilerplate_rules") or [] if a <= c["start"] < b})
        lines.append(f"  [{a}:{b}] {short_text(text[a:b], 70)}" + (f"  rule {', '.join(rules)}" if rules else ""))
    lines += ["", f"Events ({len(record['events'])}):"]
    for ev in record["events"]:
        details = " ".join(f"{k}={ev[k]!r}" for k in ev if k not in ("type", "rule", "evidence"))
        lines.append(f"  {ev['type']}  rule {ev.get('rule')} ({_where(rs, ev.get('rule'))})  {details}")
        for a, b in _evidence(ev):
            lines.append(f"      evidence [{a}:{b}] {short_text(text[a:b], 70)}")
    lines += ["", f"reference_date: {record.get('reference_date')} ({record.get('reference_basis')})",
              f"rules_version: {record.get('rules_version')}"]
    for w in record.get("warnings") or []:
        lines.append(f"warning: {w}")
    for e in record.get("errors") or []:
        lines.append(f"error: {e.get('message')}")
    return "\n".join(lines)


def _evidence(event: Mapping[str, Any]) -> list[tuple[int, int]]:
    ev = event.get("evidence")
    items = ev if isinstance(ev, list) else [ev] if isinstance(ev, dict) else []
    return [(int(i["start"]), int(i["end"])) for i in items if isinstance(i, dict) and "start" in i]


def explanation_html(explanations: Iterable[Explanation]) -> str:
    """A page a person can look at: displaCy's entity view, then provenance, rejections and events."""
    from spacy import displacy

    exs = list(explanations)
    page = displacy.render([ex.doc for ex in exs], style="ent", page=True, jupyter=False,
                           options={"colors": LABEL_COLORS})
    tables = "".join(_html_tables(ex) for ex in exs)
    return str(page).replace("</body>", tables + "</body>", 1)


def _html_tables(ex: Explanation) -> str:
    esc = html.escape
    text = ex.doc.text
    rows = "".join(
        f"<tr><td>{esc(e['type'])}</td><td>{esc(e['text'])}</td><td>{e['start']}:{e['end']}</td>"
        f"<td>{esc(str(e['rule']))}</td><td>{esc(_where(ex.ruleset, e['rule']))}</td>"
        f"<td>{esc(_attrs_text(e))}</td></tr>" for e in ex.record["entities"])
    rejected = "".join(
        f"<tr><td>{esc(text[t['start']:t['end']])}</td><td>{t['start']}:{t['end']}</td><td>{esc(str(t['rule']))}</td>"
        f"<td>{esc(_where(ex.ruleset, t['rule']))}</td><td>{esc(t['reason'])}</td></tr>" for t in ex.doc._.trace or [])
    events = "".join(
        f"<tr><td>{esc(ev['type'])}</td><td>{esc(str(ev.get('rule')))}</td>"
        f"<td>{esc(_where(ex.ruleset, ev.get('rule')))}</td>"
        f"<td>{esc(', '.join(ev.get('participants') or []))}</td><td>{esc(str(ev.get('date')))}</td>"
        f"<td>{esc(str(ev.get('place')))}</td>"
        f"<td>{esc(' / '.join(text[a:b] for a, b in _evidence(ev)))}</td></tr>" for ev in ex.record["events"])
    style = "style='border-collapse:collapse;font-family:sans-serif;font-size:14px;margin:1em 2em'"
    return (
        f"<h3 style='font-family:sans-serif;margin:1em 2em'>{esc(ex.record['doc_id'])}: mentions</h3>"
        f"<table border='1' {style}><tr><th>type</th><th>text</th><th>offsets</th><th>rule</th><th>where</th>"
        f"<th>attributes</th></tr>{rows}</table>"
        f"<h3 style='font-family:sans-serif;margin:1em 2em'>rejected candidates</h3>"
        f"<table border='1' {style}><tr><th>text</th><th>offsets</th><th>rule</th><th>where</th><th>why</th></tr>"
        f"{rejected}</table>"
        f"<h3 style='font-family:sans-serif;margin:1em 2em'>events</h3>"
        f"<table border='1' {style}><tr><th>type</th><th>rule</th><th>where</th><th>participants</th><th>date</th>"
        f"<th>place</th><th>evidence</th></tr>{events}</table>"
    )

