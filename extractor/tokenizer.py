"""Adjustments to spaCy's Indonesian tokenizer that the rules rely on."""

from __future__ import annotations

from spacy.language import Language

from .rules import RuleSet


def configure_tokenizer(nlp: Language, ruleset: RuleSet) -> None:
    """Adapt ``nlp.tokenizer`` in place (called once when the pipeline is built)."""
    del ruleset  # reserved for tokenizer exceptions kept as rules
