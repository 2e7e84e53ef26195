"""Rule authoring: check rule files, run their examples, explain what the pipeline did with a text.

Three plain functions behind ``warta rules check``, ``warta rules test`` and
``warta explain``:

* :func:`check_rules` validates without running: everything the loader refuses
  (collected, not just the first), plus what only a look across rules shows:
  patterns that can never match with Warta's tokenizer, rules shadowed by an
  earlier rule, a built-in rule replaced by a user's rule, malformed examples.
* :func:`run_rule_tests` runs every rule's ``examples`` and ``counter_examples``
  through the full pipeline.
* :func:`explain` shows tokens, mentions with their rule and file:line, the
  candidates a rule lost and why (``Doc._.trace``, see :func:`extractor.spans.trace`)
  and the events with their evidence.

Every problem is a :class:`Finding`, printed as ``file:line: rule id: message``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .errors import Errors, RuleError
from .pipeline import get_pipeline
from .rules import Problems, Rule, RuleSet, builtin_rules_dir, load_rules

LABEL_COLORS = {"OFFICIAL": "#f4b6c2", "AGENCY": "#a8d8ea", "COUNTRY": "#c3e6a1", "LOCATION": "#e6dba1",
                "DATE": "#d7c1f0", "CASE_COUNT": "#f7c59f"}
EXAMPLE_KEYS = ("text", "expect", "published")
TOKEN_TEXT_ATTRS = ("ORTH", "TEXT", "LOWER", "NORM")


@dataclass(frozen=True)
class Finding:
    """One problem (or note) about one rule, located by file and line."""

    file: str
    line: int | None
    rule_id: str | None
    message: str
    severity: str = "error"  # "error" fails the command; "note" is shown only

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        rule = f" {self.rule_id}:" if self.rule_id else ""
        return f"{where}:{rule} {self.message}"

    @classmethod
    def of_error(cls, error: RuleError) -> Finding:
        return cls(error.file or "<rules>", error.line, error.rule_id, error.message)

    @classmethod
    def of_rule(cls, rule: Rule, message: str, severity: str = "error") -> Finding:
        return cls(rule.file, rule.line, rule.id, message, severity)


@dataclass
class Scope:
    """The rules one command works on: the user's folder (layered over the built-in rules) or the built-in ones."""

    ruleset: RuleSet
    rules: list[Rule]
    user_folder: bool
    problems: list[Finding] = field(default_factory=list)


def is_builtin_dir(directory: Path | None) -> bool:
    return directory is None or directory.resolve() == builtin_rules_dir().resolve()


def load_scope(directory: Path | None) -> Scope:
    """Load the rules (collecting every loader problem) and pick the ones ``directory`` defines."""
    problems = Problems(collect=True)
    if is_builtin_dir(directory):
        ruleset = load_rules(problems=problems)
        scoped = list(ruleset.rules)
        user = False
    else:
        assert directory is not None
        ruleset = load_rules([directory], problems=problems)
        mine = directory.resolve()
        files = {r.file for f in ruleset.files if f.path.resolve().parent == mine for r in f.rules}
        scoped = [r for r in ruleset.rules if r.file in files]
        user = True
    return Scope(ruleset, scoped, user, [Finding.of_error(e) for e in problems.errors])


# --- rules check ---------------------------------------------------------------------------


def check_rules(directory: Path | None = None, require_examples: bool = False) -> list[Finding]:
    """Every problem of the rules in ``directory`` (default: the built-in rules), without running them."""
    scope = load_scope(directory)
    findings = list(scope.problems)
    nlp: Language | None = None
    if not findings:
        try:  # components validate their own fields when given the rules (boilerplate `extent`, ...)
            nlp = get_pipeline(scope.ruleset)  # its tokenizer is Warta's: no second build for never_matches
        except RuleError as error:
            findings.append(Finding.of_error(error))
    if nlp is None:
        if not scope.rules:  # nothing loaded (a missing folder, files that do not parse): nothing more to check
            return sorted(findings, key=lambda f: (f.file, f.line or 0))
        from .tokenizer import blank_language

        nlp = blank_language()  # the rules did not build: Warta's tokenizer alone, to read patterns
    builtin_ids = _builtin_rules_by_id(scope) if scope.user_folder else {}
    for rule in scope.rules:
        findings.extend(never_matches(rule, nlp))
        findings.extend(bad_examples(rule))
        if not rule.examples and not rule.counter_examples:
            findings.append(Finding.of_rule(rule, Errors.E018.format(),
                                            "error" if require_examples else "note"))
        replaced = builtin_ids.get(rule.id)
        if replaced is not None:
            findings.append(Finding.of_rule(rule, Errors.E019.format(where=replaced.where), "note"))
    findings.extend(shadowed_rules(scope.ruleset.rules, {r.id for r in scope.rules}, nlp))
    return sorted(findings, key=lambda f: (f.file, f.line or 0))


def _builtin_rules_by_id(scope: Scope) -> dict[str, Rule]:
    """The built-in rules as loaded before the user's folder was layered over them."""
    builtin = builtin_rules_dir().resolve()
    return {r.id: r for f in scope.ruleset.files if f.path.resolve().parent == builtin for r in f.rules}


def _phrase_tokens(nlp: Language, phrase: str) -> list[str]:
    return [t.text for t in nlp.make_doc(phrase)]


def never_matches(rule: Rule, nlp: Language) -> list[Finding]:
    """Parts of a rule's pattern that Warta's tokenizer makes impossible to match."""
    pattern = rule.pattern
    if pattern is None:
        return []
    found: list[Finding] = []
    if pattern.form == "phrase":
        for phrase in pattern.phrases:
            if any(not t.strip() for t in _phrase_tokens(nlp, phrase)):
                detail = (f"phrase {phrase!r} has a leading or doubled space, which the tokenizer keeps as a "
                          "token of its own (text has none there)")
                found.append(Finding.of_rule(rule, Errors.E013.format(detail=detail)))
    elif pattern.form == "tokens":
        for index, token in enumerate(pattern.tokens, 1):
            found.extend(_dead_token_values(rule, index, token, nlp))
    return found


def _dead_token_values(rule: Rule, index: int, token: Mapping[str, Any], nlp: Language) -> list[Finding]:
    """Token-pattern values no single token can have: text the tokenizer splits, LOWER with capitals."""
    found: list[Finding] = []
    for attr in TOKEN_TEXT_ATTRS:
        if attr not in token:
            continue
        spec = token[attr]
        values = [spec] if isinstance(spec, str) else spec.get("IN", []) if isinstance(spec, dict) else []
        dead: list[str] = []
        for value in values:
            if not isinstance(value, str):
                continue
            pieces = _phrase_tokens(nlp, value)
            if len(pieces) != 1:
                dead.append(f"{value!r} (the tokenizer makes it {len(pieces)} tokens: {' | '.join(pieces)})")
            elif attr == "LOWER" and value != value.lower():
                dead.append(f"{value!r} (LOWER values are lower case)")
        if not dead:
            continue
        if len(dead) == len(values):
            detail = f"token {index} {attr} can never be " + "; ".join(dead)
        else:
            detail = f"token {index} {attr}: the alternative(s) " + "; ".join(dead) + " never match one token"
        found.append(Finding.of_rule(rule, Errors.E013.format(detail=detail)))
    return found


def bad_examples(rule: Rule) -> list[Finding]:
    """Examples that are neither a text nor a mapping {text, expect?, published?}."""
    found: list[Finding] = []
    for n, example in enumerate([*rule.examples, *rule.counter_examples], 1):
        detail = example_problem(example)
        if detail is not None:
            found.append(Finding.of_rule(rule, Errors.E015.format(n=n, detail=detail)))
    return found


def example_problem(example: Any) -> str | None:
    if isinstance(example, str):
        return None if example.strip() else "an empty text"
    if not isinstance(example, dict):
        return f"must be a text or a mapping {{text, expect, published}}, got {type(example).__name__}"
    unknown = sorted(str(k) for k in example if k not in EXAMPLE_KEYS)
    if unknown:
        return f"unknown key(s) {', '.join(unknown)} (allowed: {', '.join(EXAMPLE_KEYS)})"
    if not isinstance(example.get("text"), str) or not example["text"].strip():
        return "'text' must be a non-empty string"
    if "expect" in example and not isinstance(example["expect"], dict):
        return "'expect' must be a mapping of fields, e.g. {type: DATE, value: '2024-08-21'}"
    if example.get("published") is not None and not isinstance(example["published"], str):
        return "'published' must be a date string like '2024-09-01' (quote it in YAML)"
    return None


def _pattern_keys(rule: Rule, nlp: Language) -> set[Any]:
    """What a rule matches, comparable across rules: phrase token tuples, a token pattern, a regex."""
    pattern = rule.pattern
    if pattern is None:
        return set()
    if pattern.form == "phrase":
        case = str.lower if rule.ignore_case else str
        return {("phrase", rule.ignore_case, tuple(case(t) for t in _phrase_tokens(nlp, p))) for p in pattern.phrases}
    if pattern.form == "tokens":
        return {("tokens", repr(pattern.tokens))}
    return {("regex", rule.ignore_case, pattern.regex)}


def shadowed_rules(rules: Sequence[Rule], scoped_ids: set[str], nlp: Language) -> list[Finding]:
    """Rules that never win: the same kind, label and pattern (or phrase) as an earlier rule.

    Two such rules tie on every match (same span, same length), so one of them
    never produces anything; a later rule needs a higher ``priority`` (or the
    earlier rule's id, to replace it) to matter.
    """
    seen: dict[tuple[str, str | None, Any], Rule] = {}
    found: list[Finding] = []
    for rule in rules:
        if rule.label is None:
            continue  # a word list (months, cue words): every rule's matches are read, none competes
        keys = _pattern_keys(rule, nlp)
        earlier: dict[str, tuple[Rule, list[Any]]] = {}
        for key in sorted(keys, key=repr):
            other = seen.get((rule.kind, rule.label, key))
            if other is not None and other.priority >= rule.priority:
                earlier.setdefault(other.id, (other, []))[1].append(key)
            else:
                seen[(rule.kind, rule.label, key)] = rule
        if rule.id not in scoped_ids:
            continue
        for other, shared in earlier.values():
            if len(shared) == len(keys):
                detail = f"same kind, label and pattern{'s' if len(keys) > 1 else ''}, and no higher priority"
                severity = "error"
            else:  # a duplicate phrase: harmless to the output, but only one rule's copy ever counts
                names = ", ".join(repr(" ".join(k[2])) if k[0] == "phrase" else str(k[-1]) for k in shared)
                detail = f"its phrase(s) {names} are also in that rule (same label), so they never come from this one"
                severity = "note"
            found.append(Finding.of_rule(rule, Errors.E014.format(other=other.id, where=other.where, detail=detail),
                                         severity))
    return found


# --- rules test ----------------------------------------------------------------------------


@dataclass
class RuleTestReport:
    """What ``warta rules test`` found: failures, rules without examples, and counts."""

    failures: list[Finding]
    uncovered: list[Finding]
    rules: int
    examples: int
    counter_examples: int
    broken: bool = False  # the rule files did not load, so no example ran

    @property
    def ok(self) -> bool:
        return not self.failures


class ExampleRunner:
    """Runs example texts through the full pipeline once each and lists what came out."""

    def __init__(self, nlp: Language, ruleset: RuleSet) -> None:
        self.nlp = nlp
        self.ruleset = ruleset
        self._cache: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
        self._rejected: dict[tuple[str, str | None], list[dict[str, Any]]] = {}

    def items(self, text: str, published: str | None) -> list[dict[str, Any]]:
        """Everything the pipeline says about ``text``: entities, events, authors, chrome, the article."""
        key = (text, published)
        if key not in self._cache:
            self._cache[key] = self._run(text, published)
        return self._cache[key]

    def _run(self, text: str, published: str | None) -> list[dict[str, Any]]:
        try:
            ex = explain(self.nlp, self.ruleset, text, published)
        except (TimeoutError, ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
            return [{"type": "ARTICLE", "errors": [f"{type(exc).__name__}: {exc}"]}]
        record = ex.record
        found: list[dict[str, Any]] = [dict(e) for e in record["entities"]]
        found.extend(dict(e) for e in record["events"])
        found.extend({"type": "AUTHOR", **a} for a in record.get("authors") or [])
        regions = [(a, b) for a, b in record.get("boilerplate") or []]
        for a, b in regions:
            found.append({"type": "BOILERPLATE", "text": text[a:b], "start": a, "end": b})
        found.extend({"type": "BOILERPLATE", "text": text[c["start"]:c["end"]], **c}
                     for c in record.get("boilerplate_rules") or [])
        found.append({"type": "ARTICLE", "reference_date": record.get("reference_date"),
                      "reference_basis": record.get("reference_basis"), "published": record.get("published"),
                      "errors": [e.get("code") for e in record.get("errors") or []]})
        self._rejected[(text, published)] = list(ex.doc._.trace or [])
        return found

    def rejected(self, text: str, published: str | None, rule_id: str) -> list[str]:
        """Why the pipeline turned down this rule's candidates in ``text`` (from ``Doc._.trace``)."""
        return [f"{text[t['start']:t['end']]!r} {t['reason']}" for t in self._rejected.get((text, published), [])
                if t.get("rule") == rule_id]


def _matches(item: Mapping[str, Any], expect: Mapping[str, Any]) -> bool:
    return all(item.get(k) == v for k, v in expect.items())


def _show(item: Mapping[str, Any]) -> str:
    extra = ", ".join(f"{k}={v!r}" for k, v in item.items()
                      if k not in ("type", "text", "start", "end", "rule", "evidence") and v not in (None, [], {}))
    text = f" {item['text']!r}" if "text" in item else ""
    rule = f" ({item['rule']})" if item.get("rule") else ""
    return f"{item.get('type')}{text}{rule}" + (f" [{extra}]" if extra else "")


def _produced(items: list[dict[str, Any]], type_: str | None = None) -> str:
    shown = [_show(i) for i in items if i.get("type") != "ARTICLE" and (type_ is None or i.get("type") == type_)]
    if not shown:
        return "nothing" if type_ is None else f"no {type_}"
    return "; ".join(shown[:6]) + (f"; ... ({len(shown) - 6} more)" if len(shown) > 6 else "")


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 3] + "...")


def run_example(runner: ExampleRunner, rule: Rule, example: Any, counter: bool) -> str | None:
    """Why one example fails (None when it passes)."""
    if isinstance(example, str):
        text, published, expect = example, None, None
    else:
        text, published, expect = example["text"], example.get("published"), example.get("expect")
    items = runner.items(text, published)
    if expect is None:
        mine = [i for i in items if i.get("rule") == rule.id]
        if not counter and not mine:
            rejected = runner.rejected(text, published, rule.id)
            why = f"rejected: {'; '.join(rejected)}" if rejected else "the rule did not match"
            return f"{_short(text)} gave nothing from this rule ({why}); it gave: {_produced(items)}"
        if counter and mine:
            return f"{_short(text)} gave {_produced(mine)}, from this rule"
        return None
    hits = [i for i in items if _matches(i, expect)]
    wanted = ", ".join(f"{k}={v!r}" for k, v in expect.items())
    if not counter and not hits:
        type_ = expect.get("type")
        return f"{_short(text)} gave nothing with {wanted}; it gave: {_produced(items, type_)}"
    if counter and hits:
        return f"{_short(text)} gave {_produced(hits)}, which has {wanted}"
    return None


def run_rule_tests(directory: Path | None = None, require_examples: bool = False,
               nlp: Language | None = None) -> RuleTestReport:
    """Run the examples of every rule in ``directory`` (default: the built-in rules) through the pipeline."""
    scope = load_scope(directory)
    if scope.problems:
        return RuleTestReport(scope.problems, [], len(scope.rules), 0, 0, broken=True)
    nlp = nlp if nlp is not None else get_pipeline(scope.ruleset)
    runner = ExampleRunner(nlp, scope.ruleset)
    failures: list[Finding] = []
    uncovered: list[Finding] = []
    ran = {False: 0, True: 0}  # examples run, counter-examples run
    for rule in scope.rules:
        if not rule.examples and not rule.counter_examples:
            uncovered.append(Finding.of_rule(rule, Errors.E018.format(), "error" if require_examples else "note"))
        for problem in bad_examples(rule):
            failures.append(problem)
        kinds = ((rule.examples, False, Errors.E016), (rule.counter_examples, True, Errors.E017))
        for examples, counter, error in kinds:
            for n, example in enumerate(examples, 1):
                if example_problem(example) is not None:
                    continue  # reported by bad_examples
                ran[counter] += 1
                why = run_example(runner, rule, example, counter=counter)
                if why is not None:
                    failures.append(Finding.of_rule(rule, error.format(n=n, detail=why)))
    if require_examples:
        failures.extend(uncovered)
    return RuleTestReport(failures, uncovered, len(scope.rules), ran[False], ran[True])


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
    from .extract import annotate, text_article
    from .records import doc_record

    article = text_article(text, doc_id, published)
    doc = annotate(nlp, article, trace=True)  # as extract does, so the output is the same
    return Explanation(doc, doc_record(doc, article, ruleset.version), ruleset)


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
        lines.append(f"  [{a}:{b}] {_short(text[a:b], 70)}" + (f"  rule {', '.join(rules)}" if rules else ""))
    lines += ["", f"Events ({len(record['events'])}):"]
    for ev in record["events"]:
        details = " ".join(f"{k}={ev[k]!r}" for k in ev if k not in ("type", "rule", "evidence"))
        lines.append(f"  {ev['type']}  rule {ev.get('rule')} ({_where(rs, ev.get('rule'))})  {details}")
        for a, b in _evidence(ev):
            lines.append(f"      evidence [{a}:{b}] {_short(text[a:b], 70)}")
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
