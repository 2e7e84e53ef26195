"""Build the spaCy pipeline: ``spacy.blank("id")``, the tokenizer fixes, then our components.

Components are created empty by their factories and then given the rule set,
as spaCy's ``entity_ruler`` is given patterns: rule data never travels in the
component config.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language

from . import (
    components,  # noqa: F401  (registers the factories)
    extensions,  # noqa: F401
)
from .cache import load_rules_cached
from .rules import RuleSet
from .tokenizer import blank_language

# (pipe name, factory), in the order the data flows through them.
PIPELINE: list[tuple[str, str]] = [
    ("boilerplate", "warta_boilerplate"),
    ("gazetteer", "warta_gazetteer"),
    ("byline", "warta_byline"),  # authors first: officials never tags them
    ("agencies", "warta_agencies"),  # after gazetteer: "Kepolisian Nasional Kamboja" swallows the country
    ("officials", "warta_officials"),  # after agencies: titles name their agency
    ("dates", "warta_dates"),  # after agencies/officials, before case counts
    ("case_counts", "warta_case_counts"),  # after dates: a count's period is a DATE mention
    ("events", "warta_events"),  # last: reads every mention
]


def build_pipeline(rule_dirs: Iterable[Path | str] = (), ruleset: RuleSet | None = None) -> Language:
    """The full Warta pipeline over the built-in rules layered with ``rule_dirs``."""
    rule_dirs = [str(folder) for folder in rule_dirs]
    if ruleset is None:
        ruleset = load_rules_cached(rule_dirs)  # parsed YAML from the disk cache when unchanged
    nlp = blank_language(ruleset)  # spacy.blank("id") with our tokenizer settings and glued-word cuts, built once
    for pipe_name, factory in PIPELINE:
        component: Any = nlp.add_pipe(factory, name=pipe_name)
        component.rule_dirs = rule_dirs  # what nlp.to_disk saves with the component
        component.set_rules(ruleset)  # one shared rule set, not one loaded per component
    nlp.meta["warta_rules_version"] = ruleset.version
    return nlp


KEEP = 4
"""Pipelines kept per process (one per rules version; building one takes seconds)."""

_BUILT: dict[str, tuple[RuleSet, Language]] = {}
_LOCK = threading.Lock()


def get_pipeline(ruleset: RuleSet) -> Language:
    """The pipeline over ``ruleset``, built once per rules version and process, then reused.

    The one pipeline cache: the CLI, parallel and Dask workers and ``warta rules`` all go through it.
    Rules the components generate (CLDR, GeoNames) are made to resolve in ``ruleset`` too.
    """
    with _LOCK:
        entry = _BUILT.get(ruleset.version)
        if entry is None:
            if len(_BUILT) >= KEEP:
                _BUILT.pop(next(iter(_BUILT)))
            entry = _BUILT[ruleset.version] = (ruleset, build_pipeline(ruleset=ruleset))
    built_with, nlp = entry
    if built_with is not ruleset:
        ruleset.generated.update(built_with.generated)
    return nlp


def built_versions() -> list[str]:
    """Rule versions this process holds a pipeline for."""
    return sorted(_BUILT)
