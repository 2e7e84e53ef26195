"""Rule authoring: check rule files, run their examples, explain what the pipeline did with a text.

A package: ``scope`` (what a command looks at), ``check``, ``testing`` and ``explain``.

Three plain functions behind ``warta rules check``, ``warta rules test`` and
``warta explain``:

* :func:`check_rules` validates without running: everything the loader refuses
  (collected, not just the first), plus what only a look across rules shows:
  patterns that can never match with Warta's tokenizer, rules shadowed by an
  earlier rule, a built-in rule replaced by a user's rule, malformed examples.
* :func:`run_rule_tests` runs every rule's ``examples`` and ``counter_examples``
  through the full pipeline.
* :func:`explain` shows tokens, mentions with their rule and file:line, the
  candidates a rule lost and why (``Doc._.trace``, see :func:`extractor.spans.trace`)
  and the events with their evidence.

Every problem is a :class:`Finding`, printed as ``file:line: rule id: message``.
"""

from __future__ import annotations

from .check import check_rules
from .explain import Explanation, explain, explanation_html, format_explanation
from .scope import Finding, Scope, load_scope
from .testing import RuleTestReport, run_rule_tests

__all__ = ["Explanation", "Finding", "RuleTestReport", "Scope", "check_rules", "explain", "explanation_html",
           "format_explanation", "load_scope", "run_rule_tests"]
