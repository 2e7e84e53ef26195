"""Warta: rule-based information extraction for Indonesian news.

The data's path, module by module:

1. ``sources``    files, folders, JSONL  -> ``Article`` records (errors kept, never raised)
2. ``rules/``     rules/*.yaml           -> a validated, layered ``RuleSet``; the schema of every
                  rule kind (fields, allowed values, settings with defaults) is ``rules/kinds.py``,
                  and the loader never imports a component
3. ``pipeline``   spacy.blank("id") + ``tokenizer`` fixes + ``components/*`` -> ``Language``;
                  ``get_pipeline(ruleset)`` is the one per-process cache of built pipelines
4. ``components`` one spaCy component per concern, each tagging mentions via
                  ``matching`` and putting them on the Doc through ``spans``
5. ``records``    Doc -> the output contract (one JSON object per article)
6. ``extract``    runs 1-5 per article; ``cli`` is the thin command line over it

Beside the path: ``authoring/`` (``warta rules check|test``, ``warta explain``) and
``evaluate/`` (``warta eval``).
"""

__version__ = "0.1.0"
