"""AGENCY mentions: named bodies from rules/agencies.yaml, unknown ones by their head word.

Sources of mentions, all found by one PhraseMatcher pass over the Doc:

* names, acronyms and aliases of the bodies listed in the YAML (``Kemlu``,
  ``Kementerian Luar Negeri``, ``KBRI``), with a country or place written right
  after them joining the span (``Kemlu RI``, ``KBRI Phnom Penh``) and, for bodies
  with local offices, a grade designation before the place (``Kantor Imigrasi
  Kelas I Khusus Non TPI Soekarno-Hatta``);
* unknown bodies: a head word (``Kementerian``, ``Kepolisian``, ``Department``, ...)
  followed by name words, as in ``Kementerian Tenaga Kerja dan Pelatihan Vokasional
  Kamboja`` (rule ``agency.generic``), unless the phrase names a category of
  organisation rather than a body (``Badan Hukum``, rule role ``not_agency``);
* acronyms and abbreviations the article defines in parentheses after a name
  (``(NCCT)``, ``(Imipas)``), tagged wherever they recur (``agency.defined_acronym``);
* unknown acronyms listed among agencies (``Kemensos, Bareskrim, hingga BPM2MI``,
  ``agency.listed_acronym``).

A body whose name does not say which state it belongs to (``Kementerian Dalam
Negeri``) takes the foreign country of the other bodies it is listed with.
Every list of words a user may extend is a setting of rules/agencies.yaml.
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ...doc import mention_index
from ...factories import warta_component, with_rule_dirs
from ...matching import RuleMatcher
from ...rules import Rule, RuleSet
from ...spans import add_mentions, make_mention
from ..naming import phrase_tokens
from .acronyms import Acronyms
from .candidates import DocView, longest_candidates, surface_forms


@warta_component("warta_agencies")
class AgencyTagger(Acronyms):
    """Tags AGENCY mentions; attributes name, acronym, country, kind."""

    def set_rules(self, ruleset: RuleSet) -> None:
        settings = ruleset.settings("agency")
        words = {key: set(settings.words(key)) for key in (
            "name_words", "connectors", "open_connectors", "name_breakers", "not_acronyms", "enumeration_end",
            "list_separators", "state_words", "grade_words")}
        self.name_words = words["name_words"]
        self.connectors = words["connectors"]
        self.open_connectors = words["open_connectors"]
        self.name_breakers = words["name_breakers"]
        self.not_acronyms = words["not_acronyms"]
        self.enumeration_end = words["enumeration_end"]
        self.list_separators = words["list_separators"]
        self.state_words = words["state_words"]
        self.grade_words = words["grade_words"]
        self.max_generic = int(settings["max_generic_tokens"])
        self.max_place = int(settings["max_place_tokens"])
        self.default_country = str(settings["default_country"])
        self.home_location_rules = tuple(settings.words("home_location_rules"))
        make = self.nlp.make_doc
        vocab = self.nlp.vocab
        phrases = self.phrases = PhraseMatcher(vocab, attr="ORTH")
        phrases_lower = self.phrases_lower = PhraseMatcher(vocab, attr="LOWER")
        self.keys = {}
        self.origin = {}
        self.named_attrs = {}
        self.head_words = set()
        self.generic_rule = self.acronym_rule = self.listed_rule = None
        other: list[Rule] = []

        def add(role: str, rule: Rule, forms: list[str]) -> None:
            key = f"{role}:{rule.id}"
            self.keys[vocab.strings.add(key)] = (role, rule)
            target = phrases_lower if rule.ignore_case else phrases
            target.add(key, [make(f) for f in forms])

        for rule in ruleset.of_kind("agency"):
            role = str(rule.get("role") or "named")
            if role == "defined_acronym":
                self.acronym_rule = rule
            elif role == "listed_acronym":
                self.listed_rule = rule
            elif role in ("generic", "not_agency", "office"):
                if role == "generic":
                    self.generic_rule = rule
                if rule.pattern is not None and rule.pattern.form == "phrase":
                    add(role, rule, list(rule.pattern.phrases))
                    if role == "generic":
                        self.head_words |= phrase_tokens(rule.pattern.phrases)
            else:
                self.origin[rule.id] = rule
                if rule.pattern is not None and rule.pattern.form != "phrase":
                    other.append(rule)
                forms = surface_forms(rule)
                if forms:
                    add("named", rule, forms)
        self.other_named = RuleMatcher(vocab, make, other) if other else None
        # Titles and ranks (officials.yaml) end an agency name: "Polda Metro Jaya Kombes ...".
        self.stop_words = set()
        for rule in ruleset.of_kind("official"):
            if rule.get("role") in ("title", "rank", "honorific") and rule.pattern is not None:
                self.stop_words |= phrase_tokens(rule.pattern.phrases)
        self.stop_words -= self.name_words
        self.state_hashes = {vocab.strings.add(word) for word in self.state_words}
    def __call__(self, doc: Doc) -> Doc:
        if self.phrases is None:
            return doc
        named, heads, excluded, offices = self._matches(doc)
        if not named and not heads:
            return doc
        view = DocView(doc, mention_index(doc), doc.to_array(ORTH).tolist(), {c.start: c for c in named})
        if offices:
            self._offices(view, offices)
        named_starts = set(view.named_at)
        for cand in named:
            self._extend_suffix(view, cand, named_starts)
            if not cand.attrs["name"]:
                cand.attrs["name"] = doc[cand.start:cand.end].text
        inside_named = {i for k in named for i in range(k.start, k.end)}
        # a generic name inside a named one is dropped, unless it starts with it, is longer and names another
        # state: "Kementerian Sosial, Veteran dan Rehabilitasi Pemuda Kamboja" is Cambodia's, not Kemensos
        generic = [c for c in self._generic_candidates(view, heads, excluded)
                   if c.start not in inside_named or self._generic_extends(view, c)]
        for cand in generic:
            self._extend_suffix(view, cand, named_starts)
        candidates = longest_candidates(named + generic)
        for cand in candidates:
            if cand.rule is self.generic_rule and "country" not in cand.attrs:
                cand.attrs["country"] = self.default_country
            if cand.attrs.get("country") is None:
                cand.attrs.pop("country", None)
        candidates += self._acronyms(view, candidates)
        candidates += self._listed_acronyms(view, candidates)
        candidates.sort(key=lambda c: c.start)
        self._country_from_list(view, candidates)
        spans = []
        for cand in candidates:
            attrs = dict(cand.attrs)
            if cand.priority:
                attrs["_priority"] = cand.priority
            span = make_mention(doc, doc[cand.start].idx, doc[cand.end - 1].idx + len(doc[cand.end - 1].text),
                                "AGENCY", cand.rule.id, attrs)
            if span is not None:
                spans.append(span)
        add_mentions(doc, spans)
        return doc

@Language.factory("warta_agencies", default_config={"rules": []})
def make_agencies(nlp: Language, name: str, rules: list[str]) -> AgencyTagger:
    """``rules``: folders layered over the built-in rules when the component is used alone."""
    return with_rule_dirs(AgencyTagger(nlp, name), rules)

