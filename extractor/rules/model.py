"""What loading produces: a rule's pattern, a validated rule, a rule file and the layered rule set."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .kinds import KINDS
from .schema import Settings

REGEX_TIMEOUT = 1.0
"""Seconds one regex rule may run on one article before the article fails with E202."""


@dataclass(frozen=True)
class Pattern:
    """One rule's pattern in one of its three forms."""

    form: str  # "phrase", "tokens" or "regex"
    phrases: tuple[str, ...] = ()
    tokens: tuple[dict[str, Any], ...] = ()
    regex: str | None = None
    compiled: Any = None  # regex.Pattern for form == "regex"

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterable[Any]:
        """Regex matches over ``text``, bounded by :data:`REGEX_TIMEOUT` (raises TimeoutError)."""
        assert self.compiled is not None
        end = len(text) if endpos is None else endpos
        return self.compiled.finditer(text, pos, end, timeout=REGEX_TIMEOUT)


@dataclass(frozen=True)
class Rule:
    """A validated rule: its id, where it came from, its pattern and its data."""

    id: str
    kind: str
    file: str
    line: int
    pattern: Pattern | None
    label: str | None = None
    attrs: Mapping[str, Any] = field(default_factory=dict)
    data: Mapping[str, Any] = field(default_factory=dict)
    optional: bool = False
    ignore_case: bool = False
    priority: int = 0
    examples: tuple[Any, ...] = ()
    counter_examples: tuple[Any, ...] = ()

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def get(self, key: str, default: Any = None) -> Any:
        """A kind-specific field."""
        return self.data.get(key, default)

    def words(self, key: str) -> list[str]:
        """A kind-specific list field as strings (empty when absent)."""
        value = self.data.get(key)
        return [str(v) for v in value] if isinstance(value, (list, tuple)) else []


@dataclass
class RuleFile:
    path: Path
    kind: str
    settings: dict[str, Any]
    rules: list[Rule]
    text: str
    settings_line: int = 0  # line of ``settings:`` (provenance of rules generated from settings)


@dataclass
class RuleSet:
    """The layered rules of one run: built-in rules, then each ``--rules`` folder."""

    files: list[RuleFile]
    rules: list[Rule]
    version: str

    def of_kind(self, kind: str) -> list[Rule]:
        return [r for r in self.rules if r.kind == kind]

    def settings(self, kind: str) -> Settings:
        """The schema's defaults of ``kind``, then every file of ``kind`` (later files override earlier keys)."""
        declared = KINDS.get(kind)
        merged = Settings(declared.defaults() if declared is not None else {})
        for f in self.files:
            if f.kind == kind:
                merged.update(f.settings)
        return merged

    generated: dict[str, Rule] = field(default_factory=dict)
    """Rules a component builds from settings or data (CLDR country names), so their ids resolve too."""

    def by_id(self, rule_id: str) -> Rule | None:
        for r in self.rules:
            if r.id == rule_id:
                return r
        return self.generated.get(rule_id)

    def add_generated(self, rules: Iterable[Rule]) -> None:
        """Make generated rules' ids resolve (provenance), without adding them to :attr:`rules`."""
        for r in rules:
            self.generated[r.id] = r


