"""Adjustments to spaCy's Indonesian tokenizer that the rules rely on."""

from __future__ import annotations

import re
from typing import Any

from spacy.lang.id import Indonesian, IndonesianDefaults
from spacy.language import Language
from spacy.util import compile_infix_regex

from .rules import RuleSet

# Brackets glued between words by a lost space in the page text: "(P2MI)Mukhtarudin" -> "P2MI", ")", ...
GLUED_BRACKETS = (r"(?<=[0-9A-Za-z])[()](?=[A-Za-z])",)

# Emoticons made of a digit and a bracket ("8)", "(-8", "8-)") are special cases in spaCy's
# base exceptions; they cut dates: "Rabu (21/8)" became "(", "21", "/", "8)", so "21/8" had no
# token end after the 8. Dropping them lets the suffix rules split "8" from ")".
_DIGIT_EMOTICON = re.compile(r"^(?=.*\d)(?=.*[()])[\d()\-:;=]+$")


def without_date_breaking_exceptions(exceptions: dict[str, Any]) -> dict[str, Any]:
    """Tokenizer special cases minus the emoticons that split day/month numbers from brackets."""
    return {text: value for text, value in exceptions.items() if not _DIGIT_EMOTICON.match(text)}


class _WartaIndonesianDefaults(IndonesianDefaults):
    infixes = [*(IndonesianDefaults.infixes or []), *GLUED_BRACKETS]
    tokenizer_exceptions = without_date_breaking_exceptions(IndonesianDefaults.tokenizer_exceptions)


class WartaIndonesian(Indonesian):
    """spaCy's Indonesian with Warta's tokenizer settings built in.

    Setting ``nlp.tokenizer.infix_finditer`` on a built tokenizer reloads every
    special case, which costs as much as building the tokenizer (seconds);
    a language class whose defaults already carry the infixes builds it once.
    """

    Defaults = _WartaIndonesianDefaults


def blank_language(ruleset: RuleSet) -> Language:
    """A blank ``id`` pipeline with Warta's tokenizer: what ``spacy.blank("id")`` + :func:`configure_tokenizer`
    give, built in one go."""
    del ruleset  # reserved for tokenizer exceptions kept as rules
    return WartaIndonesian()


def configure_tokenizer(nlp: Language, ruleset: RuleSet) -> None:
    """Adapt ``nlp.tokenizer`` in place (called once when the pipeline is built)."""
    del ruleset  # reserved for tokenizer exceptions kept as rules
    infixes = list(nlp.Defaults.infixes or []) + list(GLUED_BRACKETS)
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # slow: reloads every special case
    tokenizer.rules = without_date_breaking_exceptions(tokenizer.rules)
