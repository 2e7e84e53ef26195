"""Warta: rule-based information extraction for Indonesian news.

The Python API (imported on first use, so ``import extractor`` stays cheap):

* ``extractor.load(rules=())``  the full spaCy pipeline, built-in rules layered with ``rules`` folders
* ``extractor.to_record(doc)``  the dict ``warta extract`` writes for the same article
* ``extractor.parse_published(value)``  a ``published`` string as its Asia/Jakarta day (or a warning)

The data's path, module by module:

1. ``sources``    files, folders, JSONL  -> ``Article`` records (errors kept, never raised)
2. ``rules/``     rules/*.yaml           -> a validated, layered ``RuleSet``; the schema of every
                  rule kind (fields, allowed values, settings with defaults) is ``rules/kinds.py``,
                  and the loader never imports a component
3. ``pipeline``   spacy.blank("id") + ``tokenizer`` fixes + ``components/*`` -> ``Language``;
                  ``get_pipeline(ruleset)`` is the one per-process cache of built pipelines
4. ``components`` one spaCy component per concern, each reading per-Doc facts from ``doc``
                  (text, token offsets, sentences, mention index, headline runs, chrome),
                  matching rules through ``matching`` and putting mentions on the Doc
                  through ``spans`` (the one overlap rule); ``timex`` and ``countries``
                  are pure helpers (no spaCy); a big component is a package whose
                  ``component.py`` holds only the factory, ``set_rules`` and ``__call__``
                  beside its grammar modules (``case_counts/``: ``numerals`` (pure),
                  ``matches``, ``licensing`` (when a numeral counts, its unit and
                  qualifier), ``attributes``; ``dates/``: ``lexicon``, ``grammar``,
                  ``find``, ``reference``, ``resolve``, all pure; ``officials/``: titles,
                  names, coref over the pure ``persons``; ``agencies/``: phrases, generic,
                  suffix, acronyms; ``events/``: mentions, arguments, the pure ``merge``);
                  the name grammar agencies and officials share is ``components/naming.py``;
                  ``factories`` makes each usable alone (default rules, saving)
5. ``records``    Doc -> the output contract (one JSON object per article)
6. ``extract``    runs 1-5 per article; ``cli`` is the thin command line over it;
                  ``api`` is the same for Python callers

Beside the path: ``authoring/`` (``warta rules check|test``, ``warta explain``) and
``evaluate/`` (``warta eval``).
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"
__all__ = ["load", "parse_published", "to_record"]

_LAZY = {"load": "api", "to_record": "api", "parse_published": "published"}


def __getattr__(name: str) -> Any:
    """``extractor.load`` and friends import spaCy and the components only when first used."""
    if name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
