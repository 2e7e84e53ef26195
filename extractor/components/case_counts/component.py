"""The CASE_COUNT pipe: find the numerals, keep those that count, read their attributes.

A numeral (:mod:`.numerals`) becomes a count only when a counted noun follows it or a cue says which
noun it means (:mod:`.licensing`): a bare number is far more often a date, an amount or an age than a
count. Its attributes come from its clause (:mod:`.attributes`). The rules are matched once per
document where a numeral could use them (:mod:`.matches`). Every word involved is a rule or setting in
``rules/case_counts.yaml``; these modules only know how they combine.
"""

from __future__ import annotations

from bisect import bisect_left

import numpy
import regex
from spacy.attrs import ENT_IOB, IDX, IS_SPACE, LENGTH, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

from ...doc import doc_text, sentence_ids
from ...factories import warta_component, with_rule_dirs
from ...rules import RuleSet
from ...rules.kinds import CASE_COUNTS
from ...spans import add_mentions, make_mention
from .attributes import AttributeReader
from .licensing import Licenser
from .matches import HitFinder, check_rule, country_places
from .numerals import NumeralGrammar

LABEL = "CASE_COUNT"
KIND = CASE_COUNTS
_DIGIT_RUN = regex.compile(r"\d++")


@warta_component("warta_case_counts")
class CaseCountTagger:
    """Tags CASE_COUNT mentions with value, unit, qualifier, period, country and category."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.finder: HitFinder | None = None
        self.licenser = Licenser()
        self.reader = AttributeReader()
        self.word_keys: frozenset[int] = frozenset()  # LOWER of the words that may start a numeral
        self.abbreviations: frozenset[str] = frozenset()  # a full stop after these ends no sentence

    def set_rules(self, ruleset: RuleSet) -> None:
        rules = ruleset.of_kind(KIND.name)
        for rule in rules:
            check_rule(rule)
        rules += country_places(ruleset)
        settings = ruleset.settings(KIND.name)
        # the stops that end no sentence: the abbreviation list of the events' splitter (extractor.doc)
        self.abbreviations = frozenset(str(x) for x in ruleset.settings("event").get("abbreviations", []))
        numerals = NumeralGrammar.from_settings(settings)
        home = settings.get("home_country")
        strings = self.nlp.vocab.strings
        self.licenser = Licenser(
            numerals=numerals, determiners=settings.lower_words("anaphoric_determiners"),
            partition_words=settings.lower_words("partition_words"), refer_window=int(settings["refer_window"]),
            qualifier_fillers=settings.lower_words("qualifier_fillers"),
            qualifier_filler_max=int(settings["qualifier_filler_max"]),
            category_cue=next((r for r in rules if r.get("role") == "implied" and r.get("cue") == "category"), None),
            preceded_cues=[r for r in rules if r.get("role") == "implied" and r.get("cue") == "preceded"])
        self.reader = AttributeReader(
            prepositions=settings.lower_words("place_prepositions"),
            partition_words=settings.lower_words("partition_words"), home_country=str(home) if home else None,
            home_prepositions=settings.lower_words("home_country_prepositions"),
            date_window=int(settings["date_window"]), place_coordinators=settings.lower_words("place_coordinators"),
            category_joiners=settings.lower_words("category_joiners"),
            category_window=int(settings["category_window"]),
            labels=(strings.add("DATE"), strings.add("COUNTRY"), strings.add("LOCATION")))
        self.word_keys = frozenset(strings.add(w) for w in numerals.words)
        self.finder = HitFinder.build(self.nlp.vocab, self.nlp.make_doc, rules, int(settings["numeral_regex_window"]))

    def __call__(self, doc: Doc) -> Doc:
        if self.finder is None or len(doc) == 0:
            return doc
        # Where a numeral may start, without a Python loop over the tokens: a token whose first
        # character is a digit (one regex pass over the text) or whose lower case is a numeral word.
        text = doc_text(doc)
        columns = doc.to_array([IDX, LENGTH, ENT_IOB, LOWER, IS_SPACE])
        starts: list[int] = columns[:, 0].tolist()
        iob: list[int] = columns[:, 2].tolist()
        lowers = columns[:, 3]
        present = set(lowers.tolist())
        starting = {i for key in present & self.word_keys for i in numpy.flatnonzero(lowers == key).tolist()}
        for m in _DIGIT_RUN.finditer(text):
            i = bisect_left(starts, m.start())
            if i < len(starts) and starts[i] == m.start():
                starting.add(i)
        # a numeral starting inside another mention (a DATE, an agency name) is never a count
        numerals = sorted(i for i in starting if iob[i] not in (1, 3))  # ENT_IOB 1 = I, 3 = B
        if not numerals:  # many articles, and most sentences, have no free number at all
            return doc
        lengths: list[int] = columns[:, 1].tolist()
        spaces: list[int] = columns[:, 4].tolist()
        sentences = sentence_ids(doc, self.abbreviations)  # the one splitter (extractor.doc)
        keep: set[int] = set()
        for i in numerals:
            sentence = sentences[i]
            keep.update((sentence - 1, sentence, sentence + 1))
        hits = self.finder.hits(doc, starts, lengths, sentences, keep, numerals)
        counts = self.licenser.counts(doc, spaces, numerals, iob, hits, sentences, starts, lengths)
        if not counts:
            return doc
        self.finder.add_clause_hits(doc, hits, starts, lengths, sentences, {count.sentence for count in counts})
        spans: list[Span] = []
        context = self.reader.context(doc, spaces, hits, sentences, counts)
        for index, count in enumerate(counts):
            count.attrs = self.reader.attributes(doc, count, index, context)
            end_token = count.numeral.end - 1
            span = make_mention(doc, starts[count.numeral.start], starts[end_token] + lengths[end_token], LABEL,
                                count.rule.id, count.attrs)
            if span is not None:
                spans.append(span)
        add_mentions(doc, spans)
        return doc


@Language.factory("warta_case_counts", default_config={"rules": []})
def make_case_counts(nlp: Language, name: str, rules: list[str]) -> CaseCountTagger:
    """``rules``: folders layered over the built-in rules when the component is used alone."""
    return with_rule_dirs(CaseCountTagger(nlp, name), rules)
