"""Per-Doc facts every component reads, built once per Doc and kept in one place (one ``user_data`` key).

- ``layer.py``: the :class:`DocLayer` holder, :func:`invalidate` (call it after a retokenization),
  the text and token character offsets.
- ``sentences.py``: the one sentence splitter (:func:`sentence_bounds`, :func:`sentence_ids`).
- ``mentions.py``: the mention index (by token, by token range, lazy Spans).
- ``lines.py``: headline runs (:func:`titlecase_tokens`).
- ``chrome.py``: is a character range inside page chrome (:func:`in_chrome`)?
"""

from __future__ import annotations

from .chrome import chrome_index, in_chrome, overlaps_chrome
from .layer import (
    DocLayer,
    doc_text,
    invalidate,
    kept,
    layer,
    remember_text,
    token_boundaries,
    token_offsets,
)
from .lines import titlecase_tokens
from .mentions import MentionIndex, current_mentions, mention_index, set_current
from .sentences import sentence_bounds, sentence_ids

__all__ = [
    "DocLayer", "MentionIndex", "chrome_index", "current_mentions", "doc_text", "in_chrome", "invalidate", "kept",
    "layer", "mention_index", "overlaps_chrome", "remember_text", "sentence_bounds", "sentence_ids",
    "set_current", "titlecase_tokens", "token_boundaries", "token_offsets",
]
