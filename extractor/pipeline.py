"""Build the spaCy pipeline: ``spacy.blank("id")``, the tokenizer fixes, then our components.

Components are created empty by their factories and then given the rule set,
as spaCy's ``entity_ruler`` is given patterns: rule data never travels in the
component config.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

import spacy
from spacy.language import Language

from . import (
    components,  # noqa: F401  (registers the factories)
    extensions,  # noqa: F401
)
from .rules import RuleSet, load_rules
from .tokenizer import configure_tokenizer

# (pipe name, factory), in the order the data flows through them.
PIPELINE: list[tuple[str, str]] = [
    ("gazetteer", "warta_gazetteer"),
]


class RuleConsumer(Protocol):
    def set_rules(self, ruleset: RuleSet) -> None: ...


def build_pipeline(rule_dirs: Iterable[Path | str] = (), ruleset: RuleSet | None = None) -> Language:
    """The full Warta pipeline over the built-in rules layered with ``rule_dirs``."""
    if ruleset is None:
        ruleset = load_rules(rule_dirs)
    nlp = spacy.blank("id")
    configure_tokenizer(nlp, ruleset)
    for pipe_name, factory in PIPELINE:
        component = nlp.add_pipe(factory, name=pipe_name)
        if hasattr(component, "set_rules"):
            component.set_rules(ruleset)
    nlp.meta["warta_rules_version"] = ruleset.version
    return nlp
