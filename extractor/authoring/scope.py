"""What a ``warta rules`` command looks at (a folder layered on the built-in rules) and what it reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import RuleError
from ..rules import Problems, Rule, RuleSet, builtin_rules_dir, load_rules

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


