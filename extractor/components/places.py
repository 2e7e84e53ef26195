"""COUNTRY and LOCATION mentions from gazetteers.

Country names come from CLDR (Babel's territory names, in the locales listed
in ``rules/countries.yaml`` settings), not a hand-typed list; the YAML adds
aliases (RI, AS, Tiongkok, Burma, ...) and locations. Rules with the same
label compete by length, so ``Korea Selatan`` beats ``Korea``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from babel import Locale
from spacy.language import Language
from spacy.tokens import Doc

from ..matching import RuleMatcher
from ..rules import Rule, RuleKind, RuleSet, register_rule_kind
from ..spans import add_mentions, make_mention

KIND = register_rule_kind(RuleKind(
    name="gazetteer",
    settings={
        "cldr_locales": ((list,), "a list of locale codes"),
        "cldr_exclude": ((list,), "a list of names never taken from CLDR"),
        "cldr_uppercase": ((bool,), "true or false"),
    },
    labels=("COUNTRY", "LOCATION"),
))

_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}


@lru_cache(maxsize=8)
def cldr_country_names(locales: tuple[str, ...]) -> dict[str, str]:
    """name -> ISO 3166-1 alpha-2 code, from CLDR territory names of ``locales``.

    ``Myanmar (Burma)`` gives both ``Myanmar`` and ``Burma``.
    """
    names: dict[str, str] = {}
    for loc in locales:
        for code, name in Locale.parse(loc).territories.items():
            if not (len(code) == 2 and code.isalpha()) or code in _NOT_COUNTRIES:
                continue
            for part in re.split(r"\s*[()]\s*", name):
                part = part.strip()
                if part and not any(ch.isdigit() for ch in part):
                    names.setdefault(part, code)
    return names


def _as_list(value: object) -> list[object]:
    return list(value) if isinstance(value, (list, tuple)) else []


def cldr_rules(settings: dict[str, Any]) -> list[Rule]:
    """CLDR names as rules (one per country), so they match and report like YAML rules."""
    from ..rules import Pattern

    locales = tuple(str(x) for x in _as_list(settings.get("cldr_locales", ["id", "en"])))
    exclude = {str(x) for x in _as_list(settings.get("cldr_exclude", []))}
    upper = bool(settings.get("cldr_uppercase", True))
    by_code: dict[str, list[str]] = {}
    for name, code in cldr_country_names(locales).items():
        if name in exclude:
            continue
        by_code.setdefault(code, []).append(name)
        if upper and name.upper() != name:
            by_code[code].append(name.upper())
    return [
        Rule(id=f"country.cldr.{code.lower()}", kind="gazetteer", file="CLDR (Babel)", line=0,
             pattern=Pattern("phrase", phrases=tuple(sorted(set(names)))), label="COUNTRY",
             attrs={"code": code})
        for code, names in sorted(by_code.items())
    ]


class GazetteerTagger:
    """Tags COUNTRY and LOCATION mentions; longer names win over names inside them."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.matcher: RuleMatcher | None = None

    def set_rules(self, ruleset: RuleSet) -> None:
        rules = cldr_rules(ruleset.settings("gazetteer"))
        yaml_ids = {r.id for r in ruleset.of_kind("gazetteer")}
        rules = [r for r in rules if r.id not in yaml_ids] + ruleset.of_kind("gazetteer")
        self.matcher = RuleMatcher(self.nlp.vocab, self.nlp.make_doc, rules)

    def __call__(self, doc: Doc) -> Doc:
        if self.matcher is None:
            return doc
        spans = []
        for m in self.matcher(doc):
            if m.rule.label is None:
                continue
            attrs = dict(m.rule.attrs)
            if m.rule.optional:
                attrs["optional"] = True
            if m.rule.priority:
                attrs["_priority"] = m.rule.priority
            span = make_mention(doc, m.start_char, m.end_char, m.rule.label, m.rule.id, attrs)
            if span is not None:
                spans.append(span)
        add_mentions(doc, spans)
        return doc


@Language.factory("warta_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> GazetteerTagger:
    return GazetteerTagger(nlp, name)
