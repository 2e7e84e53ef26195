"""Warta: rule-based information extraction for Indonesian news.

The data's path, module by module:

1. ``sources``    files, folders, JSONL  -> ``Article`` records (errors kept, never raised)
2. ``rules``      rules/*.yaml           -> a validated, layered ``RuleSet``
3. ``pipeline``   spacy.blank("id") + ``tokenizer`` fixes + ``components/*`` -> ``Language``
4. ``components`` one spaCy component per concern, each reading per-Doc facts from ``doc``
                  (text, token offsets, sentences, mention index, headline runs, chrome),
                  matching rules through ``matching`` and putting mentions on the Doc
                  through ``spans`` (the one overlap rule); ``timex`` and ``countries``
                  are pure helpers (no spaCy)
5. ``records``    Doc -> the output contract (one JSON object per article)
6. ``extract``    runs 1-5 per article; ``cli`` is the thin command line over it
"""

__version__ = "0.1.0"
