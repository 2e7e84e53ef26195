"""Rule files: the schema of each kind, the loader that validates YAML against it, and the loaded rule set.

* :mod:`.schema` and :mod:`.kinds`: what each kind of file may hold (fields,
  enumerated values, settings with their one default);
* :mod:`.loader`: parse, validate and layer the YAML (never imports a component);
* :mod:`.model`: :class:`Rule`, :class:`RuleFile`, :class:`RuleSet`;
* :mod:`.regexes`: rule regexes, refused when they can backtrack without bound;
* :mod:`.reference`: writes docs/rules-reference.md from the schema.

The one ``pattern`` field has three meanings, by its YAML shape: a string or a
list of strings (phrases, matched token by token); a list of mappings (a spaCy
``Matcher`` token pattern); a mapping ``{regex: "..."}`` (a regular expression,
run with a timeout).
"""

from __future__ import annotations

from .kinds import KINDS
from .loader import Problems, builtin_rules_dir, load_rule_dir, load_rule_file, load_rules, rule_kinds
from .model import REGEX_TIMEOUT, Pattern, Rule, RuleFile, RuleSet
from .regexes import compile_regex, regex_max_width
from .schema import COMMON_FIELDS, LABELS, Field, RuleKind, Setting, Settings
from .yamlio import strip_meta

__all__ = [
    "COMMON_FIELDS", "KINDS", "LABELS", "REGEX_TIMEOUT", "Field", "Pattern", "Problems", "Rule", "RuleFile",
    "RuleKind", "RuleSet", "Setting", "Settings", "builtin_rules_dir", "compile_regex", "load_rule_dir",
    "load_rule_file", "load_rules", "regex_max_width", "rule_kinds", "strip_meta",
]
