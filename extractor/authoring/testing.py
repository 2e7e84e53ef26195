"""``warta rules test``: every rule's examples and counter-examples through the full pipeline."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..errors import Errors
from ..pipeline import get_pipeline
from ..rules import Rule, RuleSet
from .check import bad_examples, example_problem
from .explain import explain, short_text
from .scope import Finding, load_scope

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
            return f"{short_text(text)} gave nothing from this rule ({why}); it gave: {_produced(items)}"
        if counter and mine:
            return f"{short_text(text)} gave {_produced(mine)}, from this rule"
        return None
    hits = [i for i in items if _matches(i, expect)]
    wanted = ", ".join(f"{k}={v!r}" for k, v in expect.items())
    if not counter and not hits:
        type_ = expect.get("type")
        return f"{short_text(text)} gave nothing with {wanted}; it gave: {_produced(items, type_)}"
    if counter and hits:
        return f"{short_text(text)} gave {_produced(hits)}, which has {wanted}"
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


