"""OFFICIAL mentions: people named through a title, then every later mention of them.

How a person is found (rules/officials.yaml):

1. A title (``Menteri``, ``Kepala``, ``Dirtipidum``...) and the words that continue it
   (portfolio words, the agency, a country: ``Direktur Perlindungan WNI dan BHI Kemlu``),
   then ranks and honorifics, then the capitalized name: ``Brigjen Djuhandani Rahardjo Puro``.
   A name before ", TITLE" counts too (``Judha Nugraha, Direktur ...``).
2. Well-known officials listed by name and alias (``Jokowi``).
3. Within the article, people are clustered by name; later short names, surnames and
   aliases (``Joko Widodo atau Jokowi``) become mentions of the same person.

Every mention of a person carries the same ``name`` (fullest form), ``title`` (fullest
in the article, as written), ``country``, ``rank``, ``agency`` and ``person_id``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ...factories import warta_component, with_rule_dirs
from ...matching import RuleMatcher
from ...rules import Pattern, Rule, RuleSet, Settings
from ...rules.kinds import OFFICIAL
from ...spans import add_mentions, longest_first, make_mention
from ..agencies.candidates import surface_forms
from ..places import geonames_city_names
from .coref import DocContext
from .state import match_starts, split_glued

KIND = OFFICIAL

_TITLE_WORDS_ID = "_title_words"


@warta_component("warta_officials")
class OfficialTagger:
    """Tags OFFICIAL mentions and links each person to title, agency and country."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.matcher: RuleMatcher | None = None  # titles, ranks, honorifics, title words and known people at once
        self.role_of: dict[str, str] = {}  # rule id -> role ("word" for the title vocabulary)
        self.grammar: dict[str, Rule] = {}
        self.single_title_words: set[str] = set()
        self.connectors: set[str] = set()
        self.alias_words: set[str] = set()
        self.alias_phrases: list[list[str]] = []  # longest first
        self.alias_first: Any = None  # regex: "ALIAS, sapaan akrab NAME"
        self.alias_first_words: tuple[str, ...] = ()  # their first words: a cheap check before the regex
        self.appositive_words: set[str] = set()
        self.post_words: set[str] = set()
        self.post_location_words: set[str] = set()
        self.english_joiners: set[str] = set()
        self.glued_starts: tuple[str, ...] = ()
        self.glued_words: set[str] = set()
        self.particles: set[str] = set()
        self.weak: set[str] = set()
        self.not_name: set[str] = set()
        self.enumeration_end: set[str] = set()
        self.rank_suffixes: set[str] = set()
        self.speech_before: set[str] = set()
        self.speech_after: set[str] = set()
        self.private_bodies: set[str] = set()
        self.title_modifiers: set[str] = set()
        self.nickname_prefixes: set[str] = set()
        self.rank_not_after: set[str] = set()
        self.title_name_marks: set[str] = {","}
        self.body_heads: list[list[str]] = []
        self.body_head_starts: set[str] = set()
        self.body_names: list[list[str]] = []  # longest first
        self.cities: frozenset[str] = frozenset()  # cities abroad: a lone word after "wali kota" may be one
        self.prefix_form_min = 0
        self.default_country = str(KIND.default("default_country"))
        self.max_name = int(KIND.default("max_name_tokens"))
        self.agency_by_form: dict[str, tuple[str, str | None]] = {}
        self.known: dict[str, tuple[str, str | None]] = {}  # name or alias -> (full name, country)
        self.known_words: set[str] = set()
        self.short_forms: dict[str, set[str]] = {}  # full name of a well-known official -> one-word forms allowed

    def set_rules(self, ruleset: RuleSet) -> None:
        settings = ruleset.settings("official")
        self.default_country = str(settings["default_country"])
        self.max_name = int(settings["max_name_tokens"])
        self.connectors = set(settings.words("connectors"))
        self.alias_words = set(settings.words("alias_words"))
        self.alias_phrases = sorted((p.split() for p in settings.words("alias_phrases")), key=len, reverse=True)
        first = settings.words("alias_first_phrases")
        self.alias_first_words = tuple({p.split()[0].lower() for p in first if p.split()})
        self.alias_first = regex.compile(
            r",\s*+(?:" + "|".join(regex.escape(p) for p in sorted(first, key=len, reverse=True)) + r")\b",
            regex.IGNORECASE) if first else None
        self.appositive_words = set(settings.words("appositive_words"))
        self.post_words = set(settings.words("post_words"))
        self.post_location_words = set(settings.words("post_location_words"))
        self.english_joiners = set(settings.words("english_joiners"))
        self.glued_starts = tuple(settings.words("glued_word_starts"))
        self.glued_words = set(settings.words("glued_words"))
        self.particles = set(settings.words("name_particles"))
        self.weak = set(settings.words("weak_name_tokens"))
        self.not_name = set(settings.words("not_name"))
        self.rank_suffixes = set(settings.words("rank_suffixes"))
        self.speech_before = set(settings.lower_words("speech_before"))
        self.speech_after = set(settings.words("speech_after"))
        self.private_bodies = set(settings.words("private_bodies"))
        self.title_modifiers = set(settings.words("title_modifiers"))
        self.nickname_prefixes = set(settings.words("nickname_prefixes"))
        self.rank_not_after = set(settings.words("rank_not_after"))
        self.title_name_marks = set(settings.words("title_name_marks"))
        self.body_heads = sorted((p.split() for p in settings.words("body_heads")), key=len, reverse=True)
        self.body_head_starts = {head[0] for head in self.body_heads}
        self.body_names = sorted((p.split() for p in settings.words("body_names")), key=len, reverse=True)
        self.prefix_form_min = int(settings["prefix_form_min"])
        self.cities = cities_abroad(int(settings["city_population"]), self.default_country,
                                    ruleset.settings("gazetteer"))
        agency = ruleset.settings("agency")
        agency_words = agency.words("name_words")
        # the words closing an enumeration in a portfolio are those closing one in an agency's name
        self.enumeration_end = set(agency.words("enumeration_end"))
        phrases = tuple(dict.fromkeys(settings.words("title_words") + agency_words))
        self.single_title_words = {p for p in phrases if " " not in p}
        by_role: dict[str, list[Rule]] = {}
        for rule in ruleset.of_kind("official"):
            role = str(rule.get("role") or "title")
            if role == "person":
                forms = [str(rule.get("name"))] if rule.get("name") else []
                forms += rule.words("aliases")
                if rule.pattern is not None and rule.pattern.form == "phrase":
                    forms += list(rule.pattern.phrases)
                if forms and rule.get("short_forms") is not None:
                    self.short_forms[forms[0]] = set(rule.words("short_forms"))
                if forms:
                    by_role.setdefault(role, []).append(replace(rule, pattern=Pattern("phrase", tuple(forms))))
                    for form in forms:
                        self.known.setdefault(form, (forms[0], rule.get("country")))
                        self.known_words.update(w for w in form.split() if len(w) >= 4)
            elif role in ("coref", "alias", "appositive"):
                self.grammar[role] = rule
            elif rule.pattern is not None:
                if role == "title":
                    rule = replace(rule, ignore_case=True)
                by_role.setdefault(role, []).append(rule)
        words_rule = Rule(id=_TITLE_WORDS_ID, kind="official", file="rules/officials.yaml", line=0,
                          pattern=Pattern("phrase", phrases=phrases) if phrases else None)
        by_role["word"] = [words_rule]
        self.role_of = {rule.id: role for role, rules in by_role.items() for rule in rules}
        every = [rule for rules in by_role.values() for rule in rules]
        self.matcher = RuleMatcher(self.nlp.vocab, self.nlp.make_doc, every)
        self.agency_by_form = {}
        for rule in ruleset.of_kind("agency"):
            if rule.get("role") in ("generic", "defined_acronym") or not rule.get("name"):
                continue
            entry = (str(rule.get("name")), rule.get("country"))
            for form in surface_forms(rule) + [str(rule.get("name"))]:
                self.agency_by_form.setdefault(form, entry)


    def __call__(self, doc: Doc) -> Doc:
        starts = match_starts(self, doc)
        if "title" not in starts and "person" not in starts and "rank" not in starts:
            return doc  # no title and no well-known name: nothing to anchor a person
        ctx = DocContext(self, doc, starts)
        found = ctx.title_mentions() + ctx.person_mentions()
        found = longest_first([f for f in found if not ctx.in_chrome(f)], lambda f: (f.start, f.end))
        persons, members = ctx.cluster(found)
        mentions = members + ctx.corefs(persons, members)
        ctx.drop_locations_in_titles()
        offsets = []
        glued: dict[int, int] = {}  # token index -> length of the name at its start ("Marsudirapat" -> 7)
        for f, person in mentions:
            last = doc[f.end - 1]
            end_char = last.idx + len(last.text)
            name_end = f.tokens[-1] if f.tokens else ""
            if f.alias_of is None and len(name_end) < len(last.text) and last.text.startswith(name_end):
                glued[last.i] = len(name_end)
                end_char = last.idx + len(name_end)
            offsets.append((doc[f.start].idx, end_char, f, person))
        if glued:
            split_glued(doc, glued)
        spans = []
        for start_char, end_char, f, person in offsets:
            attrs: dict[str, Any] = {"name": person.name, "title": person.title,
                                     "country": person.country or self.default_country,
                                     "rank": person.rank, "person_id": person.pid, "agency": person.agency}
            attrs = {k: v for k, v in attrs.items() if v is not None}
            span = make_mention(doc, start_char, end_char, "OFFICIAL", f.rule.id, attrs)
            if span is not None:
                spans.append(span)
        if spans:
            add_mentions(doc, spans)
        return doc



def cities_abroad(population: int, home: str, gazetteer: Settings) -> frozenset[str]:
    """GeoNames cities of at least ``population`` people outside ``home`` (whose towns the gazetteer tags
    itself), without the names the gazetteer knows to be words or given names."""
    if population <= 0:
        return frozenset()
    exclude = set(gazetteer.words("geonames_exclude")) | set(gazetteer.words("common_words"))
    return frozenset(n for n in geonames_city_names(((home, 10 ** 12),), population) if n not in exclude)


@Language.factory("warta_officials", default_config={"rules": []})
def make_officials(nlp: Language, name: str, rules: list[str]) -> OfficialTagger:
    """``rules``: folders layered over the built-in rules when the component is used alone."""
    return with_rule_dirs(OfficialTagger(nlp, name), rules)
