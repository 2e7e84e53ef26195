"""The DATE pipe: find the dates, choose the reference date, resolve and tag them.

Why our own tagger: ``dateparser.search_dates`` over a whole article loses ranges, invents days for
"tahun 2023", reads "2/8/2022" month-first and tags page clocks and durations, at the cost of the rest
of the pipeline together. The word lists and date shapes live in ``rules/dates.yaml``
(:mod:`.lexicon`, :mod:`.grammar`); candidates are found in one pass (:mod:`.find`), the reference date
chosen (:mod:`.reference`) and underspecified dates ("Rabu (21/8)", "tahun lalu", "17 Oktober lalu")
resolved against it (:mod:`.resolve`).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ...doc import doc_text, in_chrome
from ...extensions import LOWER_BOUND_BASIS, STATED_BASES
from ...factories import warta_component, with_rule_dirs
from ...published import load_parsers
from ...rules import RuleSet
from ...spans import add_mentions, make_mention, trace
from .find import Finder
from .grammar import Grammar, granularity, parts
from .reference import Reference
from .resolve import Resolver


@warta_component("warta_dates")
class DateTagger:
    """Finds, normalizes and resolves DATE mentions; sets the document's reference date."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.finder: Finder | None = None
        self.reference: Reference | None = None
        self.resolver: Resolver | None = None

    def set_rules(self, ruleset: RuleSet) -> None:
        grammar = Grammar.compile(ruleset)
        self.finder = Finder(grammar) if grammar.shapes else None
        self.reference = Reference(grammar)
        self.resolver = Resolver(grammar)
        load_parsers()  # header stamps are read with dateparser: its data loaded now, not mid-article

    def __call__(self, doc: Doc) -> Doc:
        if self.finder is None or self.reference is None or self.resolver is None:
            return doc
        text = doc_text(doc)
        cands = self.finder.candidates(text, lambda rule, start, end, why: trace(doc, rule, start, end, why),
                                       lambda start, end: in_chrome(doc, start, end))
        warnings: list[str] = list(doc._.warnings or [])
        ref, basis = self.reference.reference(doc._.article or {}, text, cands, warnings)
        doc._.reference_date = ref.isoformat() if ref else None
        doc._.reference_basis = basis
        spans = []
        context_year: int | None = None
        for c in cands:
            resolved = self.resolver.resolve(c, ref, context_year, warnings, stated=basis in STATED_BASES,
                                             lower_bound=basis == LOWER_BOUND_BASIS)
            for p in parts(c):
                if p.explicit_year and p.year is not None:
                    context_year = p.year
            attrs: dict[str, Any] = {"value": resolved.value, "granularity": granularity(c)}
            mod = c.mod or (c.range_end.mod if c.range_end is not None else None)
            if mod:
                attrs["mod"] = mod
            span = make_mention(doc, c.start, c.end, "DATE", c.rule.id, attrs)
            if span is None:
                trace(doc, c.rule.id, c.start, c.end, "does not align with token boundaries")
            else:
                spans.append(span)
        if spans:  # setting doc.ents costs as much as finding the dates
            add_mentions(doc, spans)
        doc._.warnings = warnings
        return doc


@Language.factory("warta_dates", default_config={"rules": []})
def make_dates(nlp: Language, name: str, rules: list[str]) -> DateTagger:
    """``rules``: folders layered over the built-in rules when the component is used alone."""
    return with_rule_dirs(DateTagger(nlp, name), rules)
