"""The shape of a rule file, declared once: fields, role enumerations and typed settings with defaults.

The loader validates every YAML file against these declarations and never
imports a component; components read their kind's declaration from
:mod:`extractor.rules.kinds` and their settings with defaults filled in
(:meth:`extractor.rules.RuleSet.settings`). A setting's default is written
here and nowhere else; the YAML may override it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

LABELS = ("OFFICIAL", "AGENCY", "COUNTRY", "LOCATION", "DATE", "CASE_COUNT")

_TYPE_WORDS = {str: "a string", int: "an integer", bool: "true or false", list: "a list", dict: "a mapping"}


@dataclass(frozen=True)
class Field:
    """One key a rule may carry: its type, what it means and, for enumerations, its allowed values."""

    types: tuple[type, ...]
    doc: str
    choices: tuple[str, ...] = ()
    """Allowed values (for a list: of each item); anything else is error E021 at load."""

    @property
    def expected(self) -> str:
        if self.choices:
            return "one of " + ", ".join(self.choices)
        return " or ".join(_TYPE_WORDS.get(t, t.__name__) for t in self.types)


@dataclass(frozen=True)
class Setting:
    """One key of a file's ``settings``: its type, its default (written only here) and what it means."""

    types: tuple[type, ...]
    default: Any
    doc: str

    @property
    def expected(self) -> str:
        return " or ".join(_TYPE_WORDS.get(t, t.__name__) for t in self.types)


def text(doc: str, choices: tuple[str, ...] = ()) -> Field:
    return Field((str,), doc, choices)


def flag(doc: str = "true or false") -> Field:
    return Field((bool,), doc)


def number(doc: str = "an integer") -> Field:
    return Field((int,), doc)


def items(doc: str, choices: tuple[str, ...] = ()) -> Field:
    return Field((list,), doc, choices)


def words(doc: str = "a list of words", default: list[Any] | None = None) -> Setting:
    return Setting((list,), list(default or []), doc)


def integer(default: int | None, doc: str = "an integer") -> Setting:
    return Setting((int,), default, doc)


def string(default: str | None, doc: str) -> Setting:
    return Setting((str,), default, doc)


def switch(default: bool, doc: str = "true or false") -> Setting:
    return Setting((bool,), default, doc)


def mapping(doc: str, default: dict[str, Any] | None = None) -> Setting:
    return Setting((dict,), dict(default or {}), doc)


# Fields every rule may carry, whatever its kind.
COMMON_FIELDS: dict[str, Field] = {
    "id": text("the rule's unique id (provenance names it)"),
    "pattern": Field((str, list, dict), "a phrase, a list of phrases, a token pattern or {regex: ...}"),
    "label": text("the entity label the rule tags"),
    "attrs": Field((dict,), "a mapping of attributes given to what the rule tags"),
    "optional": flag("true: the mention is optional (a venue, a bare RI): scored neither way, no event participant"),
    "ignore_case": flag("true: match regardless of case"),
    "priority": number("a higher priority wins an overlap"),
    "examples": items("a list of texts (or mappings) the rule must match"),
    "counter_examples": items("a list of texts the rule must not match"),
    "note": text("free documentation"),
}


@dataclass(frozen=True)
class RuleKind:
    """What one kind of rule file may contain."""

    name: str
    doc: str = ""
    fields: Mapping[str, Field] = field(default_factory=dict)
    settings: Mapping[str, Setting] = field(default_factory=dict)
    requires_pattern: bool = True
    labels: tuple[str, ...] = LABELS

    def default(self, key: str) -> Any:
        """One setting's default (a component's value before it is given the rules)."""
        return _copy(self.settings[key].default)

    def defaults(self) -> dict[str, Any]:
        """Every setting's default (fresh copies: callers may keep and change them)."""
        return {key: _copy(s.default) for key, s in self.settings.items()}


def _copy(value: Any) -> Any:
    if isinstance(value, list):
        return [_copy(v) for v in value]
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    return value


class Settings(dict[str, Any]):
    """A kind's settings: the YAML values over the schema's defaults, read one way."""

    def words(self, key: str) -> list[str]:
        """A word list as strings, in file order (the one way every component reads word lists)."""
        value = self.get(key)
        return [str(v) for v in value] if isinstance(value, (list, tuple)) else []

    def lower_words(self, key: str) -> frozenset[str]:
        """A word list lower-cased, for case-blind lookups."""
        return frozenset(w.lower() for w in self.words(key))
