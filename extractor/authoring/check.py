"""``warta rules check``: every problem of a rule folder, without running its examples."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..errors import Errors, RuleError
from ..pipeline import get_pipeline
from ..rules import Rule, builtin_rules_dir
from .scope import EXAMPLE_KEYS, TOKEN_TEXT_ATTRS, Finding, Scope, load_scope

# --- rules check ---------------------------------------------------------------------------


def check_rules(directory: Path | None = None, require_examples: bool = False) -> list[Finding]:
    """Every problem of the rules in ``directory`` (default: the built-in rules), without running them."""
    scope = load_scope(directory)
    findings = list(scope.problems)
    nlp: Language | None = None
    if not findings:
        try:  # components check what the schema cannot (fields a role requires, ...) when given the rules
            nlp = get_pipeline(scope.ruleset)  # its tokenizer is Warta's: no second build for never_matches
        except RuleError as error:
            findings.append(Finding.of_error(error))
    if nlp is None:
        if not scope.rules:  # nothing loaded (a missing folder, files that do not parse): nothing more to check
            return sorted(findings, key=lambda f: (f.file, f.line or 0))
        from ..tokenizer import blank_language

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


