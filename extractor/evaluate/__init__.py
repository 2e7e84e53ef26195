"""Scoring extractor output against gold annotations (``warta eval``).

A package: ``model`` (the figures), ``reading``, ``matching``, ``scoring`` and ``report``.

Gold articles are ``NAME.json`` files in the format of ``ANNOTATION.md``
(``doc_id``, ``reference_date``, ``authors``, ``ignore``, ``mentions``,
``events``). The figures follow the shared scorer (``score.py``) exactly, so a
number seen in ``warta eval`` is the number the project is judged by:

* mentions match one to one within a type, greedily: gold mentions in text
  order, each taking the unused system mention it overlaps most (the first
  one on ties);
* ``lenient``: spans overlap and the key attribute agrees (DATE ``value``,
  CASE_COUNT ``value`` compared as integers, COUNTRY ``code``); ``strict``:
  the same with identical offsets; ``detect``: overlap only;
* a system mention touching an IGNORE region counts neither way; an optional
  gold mention counts neither way, and neither does an unmatched system
  mention of the same type overlapping one;
* attribute accuracies are measured on lenient pairs; events match by type
  and a shared participant (or count, or date when gold names neither).
"""

from __future__ import annotations

from .matching import match_mentions, normalize
from .model import Counts, Evaluation, MentionError
from .reading import load_gold, load_system, parse_system_lines
from .report import format_report
from .scoring import best_event, evaluate, evaluate_paths, participant_agrees

__all__ = ["Counts", "Evaluation", "MentionError", "evaluate", "evaluate_paths", "format_report", "load_gold",
           "load_system", "match_mentions", "normalize", "parse_system_lines",
           "best_event", "participant_agrees"]
