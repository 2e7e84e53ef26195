"""CASE_COUNT mentions: numbers that count cases, victims or people.

A numeral (digits with Indonesian separators, number words, a vague quantity
such as ``ratusan``) becomes a count only when a counted noun follows it
("1.386 kasus", "62 orang WNI") or a cue says which noun it means ("133 di
antaranya", "842 terkait penipuan online"): a bare number is far more often a
date, an amount or an age than a count. The count's attributes come from its
clause: the qualifier before it, the DATE mention it refers to (``period``,
read from ``doc.ents``, so this runs after the ``dates`` pipe), the country
where the cases happened and the kind of case. Every word involved is a rule or
setting in ``rules/case_counts.yaml``; this module only knows how they combine.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy
import regex
from spacy.attrs import ENT_IOB, IDX, IS_SPACE, LENGTH, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..doc import current_mentions, doc_text, in_chrome
from ..errors import Errors, RuleError
from ..factories import warta_component, with_rule_dirs
from ..matching import RuleMatcher
from ..rules import Rule, RuleSet
from ..rules.kinds import ATTRIBUTES, CASE_COUNTS, POSITIONS, REFERS
from ..rules.kinds import CASE_COUNT_ROLES as ROLES
from ..rules.kinds import COUNT_CUES as CUES
from ..spans import add_mentions, longest_first, make_mention

LABEL = "CASE_COUNT"

# roles whose matches decide whether a numeral is a count (the others shape its attributes)
_NUMERAL_ROLES = frozenset({"unit", "implied", "qualifier", "category", "exclude_before", "exclude_after", "exclude"})
# roles read only next to a numeral: a match counts if a numeral starts from _NEAR_BEFORE tokens before
# its start (a long numeral, a qualifier, a classifier in between) to _NEAR_AFTER tokens after its end
_NEAR_ROLES = _NUMERAL_ROLES - {"category"}
_NEAR_BEFORE = 16
_NEAR_AFTER = 12

KIND = CASE_COUNTS

_THOUSANDS_DOT = regex.compile(r"\d{1,3}+(?:\.\d{3})++")
_THOUSANDS_COMMA = regex.compile(r"\d{1,3}+(?:,\d{3})++")
_DECIMAL = regex.compile(r"(\d++)[.,](\d{1,2}+)")
_INTEGER = regex.compile(r"\d{1,12}+")
_DIGIT_RUN = regex.compile(r"\d++")
_LINE_BREAKS = regex.compile(r"\n[^\S\n]*+(?:\n[^\S\n]*+)*+")
_SENTENCE_END = frozenset({".", "!", "?", "…", "...", "?!"})
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "]"})
_OPENERS = frozenset({"(", "[", "“", '"', "‘", ",", "-", "–", "—", ":"})


@dataclass(frozen=True)
class Numeral:
    """A number in the text: token range, integer value (None when vague) and range."""

    start: int
    end: int
    value: int | None
    range: tuple[int, int] | None = None
    vague: bool = False
    scaled: int = 1  # the scale word's factor, when one followed ("80 ribu")
    approx: bool = False  # "90 ribuan": about 90000


@dataclass
class Count:
    """A numeral accepted as a count, with what licensed it."""

    numeral: Numeral
    rule: Rule
    unit: str
    unit_end: int  # token after the counted noun (after the numeral when the noun is implied)
    qualifier: str | None
    sentence: int
    attrs: dict[str, Any] = field(default_factory=dict)
    cue_end: int | None = None  # refer: next: the count this one takes its noun from starts after this


@dataclass(frozen=True)
class Hit:
    """A rule match as a token range."""

    start: int
    end: int
    rule: Rule


class _Hits:
    """One document's rule matches, indexed by role and by where they start and end."""

    def __init__(self) -> None:
        self.deferred: list[tuple[int, int, int, int, int, Rule]] = []  # matches not added yet
        self.by_role: dict[str, list[Hit]] = {}
        self.starting: dict[tuple[str, int], Hit] = {}
        self.ending: dict[tuple[str, int], Hit] = {}

    def add(self, key: str, hit: Hit) -> None:
        self.by_role.setdefault(key, []).append(hit)
        for index, where in ((self.starting, hit.start), (self.ending, hit.end)):
            old = index.get((key, where))
            if old is None or (hit.end - hit.start) > (old.end - old.start):
                index[(key, where)] = hit

    def starts(self, key: str, i: int) -> Hit | None:
        return self.starting.get((key, i))

    def ends(self, key: str, i: int) -> Hit | None:
        return self.ending.get((key, i))

    def all(self, key: str) -> list[Hit]:
        return self.by_role.get(key, [])


def _int_map(value: Any) -> dict[str, int]:
    return {str(k).lower(): int(v) for k, v in value.items()} if isinstance(value, Mapping) else {}


@warta_component("warta_case_counts")
class CaseCountTagger:
    """Tags CASE_COUNT mentions with value, unit, qualifier, period, country and category."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.matcher: RuleMatcher | None = None
        self.number_words: dict[str, int] = {}
        self.teens: frozenset[str] = frozenset()
        self.multipliers: dict[str, int] = {}
        self.scales: dict[str, int] = {}
        self.vague: dict[str, tuple[int, int]] = {}
        self.determiners: frozenset[str] = frozenset()
        self.joiners: frozenset[str] = frozenset()
        self.prepositions: frozenset[str] = frozenset()
        self.partition_words: frozenset[str] = frozenset()
        self.home_country: str | None = None
        self.home_prepositions: frozenset[str] = frozenset()
        self.approximate_scales: dict[str, int] = {}
        self.refer_window = int(KIND.default("refer_window"))
        self.date_window = int(KIND.default("date_window"))
        self.numeral_words: frozenset[str] = frozenset()  # words that may start a numeral
        self.qualifier_fillers: frozenset[str] = frozenset()
        self.qualifier_filler_max = int(KIND.default("qualifier_filler_max"))
        self.approximate_suffixes: tuple[str, ...] = ()
        self.place_coordinators: frozenset[str] = frozenset()
        self.category_joiners: frozenset[str] = frozenset()
        self.category_window = int(KIND.default("category_window"))
        self.category_cue: Rule | None = None
        self.word_keys: frozenset[int] = frozenset()  # LOWER of the numeral words
        self.end_keys: frozenset[int] = frozenset()  # LOWER of the sentence-end marks
        self.abbreviations: frozenset[str] = frozenset()  # a full stop after these ends no sentence
        self.numeral_regexes: list[Rule] = []  # regex rules deciding whether a numeral counts
        self.clause_regexes: list[Rule] = []  # regex rules for the attributes
        self.numeral_regex_window = int(KIND.default("numeral_regex_window"))
        self.labels = (0, 0, 0)  # the string keys of DATE, COUNTRY, LOCATION
        self.spaces: list[int] = []  # the IS_SPACE column of the document being tagged (set per call)
        self.preceded_cues: list[Rule] = []

    # --- rules ---------------------------------------------------------------------------------

    def set_rules(self, ruleset: RuleSet) -> None:
        rules = ruleset.of_kind(KIND.name)
        for rule in rules:
            _check_rule(rule)
        rules += _country_places(ruleset)
        settings = ruleset.settings(KIND.name)
        # the stops that end no sentence: the abbreviation list of the events' splitter (extractor.doc)
        self.abbreviations = frozenset(str(x) for x in ruleset.settings("event").get("abbreviations", []))
        self.number_words = _int_map(settings.get("number_words"))
        self.teens = settings.lower_words("teen_words")
        self.multipliers = _int_map(settings.get("multipliers"))
        self.scales = _int_map(settings.get("scales"))
        self.vague = {str(k).lower(): (int(v[0]), int(v[1]))
                      for k, v in (settings.get("vague_quantities") or {}).items()}
        self.determiners = settings.lower_words("anaphoric_determiners")
        self.joiners = settings.lower_words("range_joiners")
        self.prepositions = settings.lower_words("place_prepositions")
        self.partition_words = settings.lower_words("partition_words")
        home = settings.get("home_country")
        self.home_country = str(home) if home else None
        self.home_prepositions = settings.lower_words("home_country_prepositions")
        self.approximate_scales = _int_map(settings.get("approximate_scales"))
        self.refer_window = int(settings["refer_window"])
        self.date_window = int(settings["date_window"])
        self.numeral_words = frozenset(self.number_words) | frozenset(self.vague)
        self.qualifier_fillers = settings.lower_words("qualifier_fillers")
        self.qualifier_filler_max = int(settings["qualifier_filler_max"])
        self.approximate_suffixes = tuple(sorted(settings.lower_words("approximate_suffixes"), key=len, reverse=True))
        self.place_coordinators = settings.lower_words("place_coordinators")
        self.category_joiners = settings.lower_words("category_joiners")
        self.category_window = int(settings["category_window"])
        self.category_cue = next((r for r in rules if r.get("role") == "implied" and r.get("cue") == "category"), None)
        self.preceded_cues = [r for r in rules if r.get("role") == "implied" and r.get("cue") == "preceded"]
        strings = self.nlp.vocab.strings
        self.word_keys = frozenset(strings.add(w) for w in self.numeral_words)
        self.end_keys = frozenset(strings.add(w) for w in _SENTENCE_END)
        self.labels = (strings.add("DATE"), strings.add("COUNTRY"), strings.add("LOCATION"))
        regexes = [rule for rule in rules if rule.pattern is not None and rule.pattern.form == "regex"]
        self.numeral_regexes = [rule for rule in regexes if rule.get("role") in _NUMERAL_ROLES]
        self.clause_regexes = [rule for rule in regexes if rule.get("role") not in _NUMERAL_ROLES]
        self.numeral_regex_window = int(settings["numeral_regex_window"])
        self.matcher = RuleMatcher(self.nlp.vocab, self.nlp.make_doc, rules)

    # --- the component -------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        if self.matcher is None or len(doc) == 0:
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
        self.spaces = columns[:, 4].tolist()
        # sentence ends: end punctuation and whitespace holding a line break
        marks = [i for key in present & self.end_keys for i in numpy.flatnonzero(lowers == key).tolist()]
        for m in _LINE_BREAKS.finditer(text):
            i = bisect_right(starts, m.start()) - 1
            if i >= 0 and self.spaces[i] and (not marks or marks[-1] != i):
                marks.append(i)
        marks = sorted(set(marks))
        if self.abbreviations:  # "di Jl. Sudirman pada 5 Mei": the stop after an abbreviation ends nothing
            marks = [i for i in marks if not self._after_abbreviation(text, starts, lengths, i)]
        sentences = _sentence_ids(text, starts, lengths, marks)
        keep: set[int] = set()
        for i in numerals:
            sentence = sentences[i]
            keep.update((sentence - 1, sentence, sentence + 1))
        hits = self._hits(doc, starts, lengths, sentences, keep, numerals)
        excluded: set[int] = set()
        for hit in hits.all("exclude"):
            excluded.update(range(hit.start, hit.end))
        counts: list[Count] = []
        chrome = bool(doc._.boilerplate)
        pending: Count | None = None
        end = 0
        for i in numerals:
            if i < end:
                continue
            numeral = self._numeral_at(doc, i)
            if numeral is None:
                continue
            end = numeral.end
            if any(iob[k] in (1, 3) or k in excluded for k in range(numeral.start, numeral.end)):
                continue  # inside another mention (ENT_IOB 1 = I, 3 = B) or an excluded stretch
            last = numeral.end - 1
            if chrome and in_chrome(doc, starts[numeral.start], starts[last] + lengths[last]):
                continue
            count = self._count(doc, numeral, hits, sentences, counts)
            if count is None:
                continue
            if count.cue_end is not None:
                pending = count  # "5 dari 25 WNI": the noun comes with the next count
                continue
            if pending is not None and pending.cue_end is not None:
                if numeral.start == _next_word(self.spaces, pending.cue_end):
                    pending.unit, pending.cue_end = count.unit, None
                    counts.append(pending)
                pending = None
            counts.append(count)
        if not counts:
            return doc
        self._add_clause_hits(doc, hits, starts, lengths, sentences, counts)
        spans: list[Span] = []
        context = self._context(doc, hits, sentences, counts)
        for index, count in enumerate(counts):
            count.attrs = self._attributes(doc, count, index, context)
            end_token = count.numeral.end - 1
            span = make_mention(doc, starts[count.numeral.start], starts[end_token] + lengths[end_token], LABEL,
                                count.rule.id, count.attrs)
            if span is not None:
                spans.append(span)
        add_mentions(doc, spans)
        return doc

    def _after_abbreviation(self, text: str, starts: list[int], lengths: list[int], i: int) -> bool:
        """Is token ``i`` a full stop right after a word of the abbreviation list (the events' setting)?"""
        if i == 0 or text[starts[i]:starts[i] + lengths[i]] != ".":
            return False
        before = starts[i - 1] + lengths[i - 1]
        return before == starts[i] and text[starts[i - 1]:before] in self.abbreviations

    def _hits(self, doc: Doc, starts: list[int], lengths: list[int], sentences: list[int],
              keep: set[int], numerals: list[int]) -> _Hits:
        """The rule matches in the sentences ``keep`` (those around a numeral) as token ranges, a regex
        match widened to whole tokens. Phrase matches come as token ranges straight from the matchers
        (no Span per match); the order is ``RuleMatcher``'s: by start, longer first, higher priority first.
        Regex rules that decide whether a numeral is a count only run near the ``numerals`` (token
        indices); those for the attributes run later, in the sentences that have a count
        (:meth:`_add_clause_hits`)."""
        assert self.matcher is not None
        matcher = self.matcher
        found: list[tuple[int, int, int, int, int, Rule]] = []  # start char, -length, -priority, tokens, rule
        deferred: list[tuple[int, int, int, int, int, Rule]] = []  # attribute matches, kept for _add_clause_hits
        for rule, start, end in matcher.token_matches(doc):
            if sentences[start] in keep:
                role = rule.get("role")
                if role in _NEAR_ROLES:  # only a numeral's neighbours matter: is one within reach?
                    k = bisect_left(numerals, start - _NEAR_BEFORE)
                    if k == len(numerals) or numerals[k] > end + _NEAR_AFTER:
                        continue
                start_char, end_char = starts[start], starts[end - 1] + lengths[end - 1]
                match = (start_char, start_char - end_char, -rule.priority, start, end, rule)
                (found if role in _NUMERAL_ROLES else deferred).append(match)
        if self.numeral_regexes:
            reach = self.numeral_regex_window
            windows: list[tuple[int, int]] = []
            for i in numerals:
                pos, endpos = max(0, starts[i] - reach), starts[i] + reach
                if windows and pos <= windows[-1][1]:
                    windows[-1] = (windows[-1][0], endpos)
                else:
                    windows.append((pos, endpos))
            found.extend(self._regex_matches(doc, self.numeral_regexes, windows, starts, sentences, keep))
        hits = _Hits()
        self._add_all(hits, found)
        hits.deferred = deferred
        return hits

    def _add_clause_hits(self, doc: Doc, hits: _Hits, starts: list[int], lengths: list[int], sentences: list[int],
                         counts: list[Count]) -> None:
        """The matches for attributes (boundaries, places, categories) in the sentences with a count: the
        phrase matches set aside by :meth:`_hits` and the regex rules, matched there now."""
        keep = {count.sentence for count in counts}
        found = [match for match in hits.deferred if sentences[match[3]] in keep]
        if self.clause_regexes:
            windows = _windows(sorted(keep), sentences, starts, lengths)
            found.extend(self._regex_matches(doc, self.clause_regexes, windows, starts, sentences, keep))
        self._add_all(hits, found)

    @staticmethod
    def _regex_matches(doc: Doc, rules: list[Rule], windows: list[tuple[int, int]], starts: list[int],
                       sentences: list[int], keep: set[int]) -> list[tuple[int, int, int, int, int, Rule]]:
        text = doc_text(doc)
        found: list[tuple[int, int, int, int, int, Rule]] = []
        for rule in rules:
            assert rule.pattern is not None
            for pos, endpos in windows:
                for m in rule.pattern.finditer(text, pos, min(endpos, len(text))):
                    if m.end() <= m.start():
                        continue
                    first = bisect_right(starts, m.start()) - 1
                    end = bisect_left(starts, m.end())
                    if first < 0 or end <= first or sentences[first] not in keep:
                        continue
                    found.append((m.start(), m.start() - m.end(), -rule.priority, first, end, rule))
        return found

    @staticmethod
    def _add_all(hits: _Hits, found: list[tuple[int, int, int, int, int, Rule]]) -> None:
        found.sort(key=lambda f: f[:3])
        for _, _, _, first, end, rule in found:
            role = str(rule.get("role"))
            if role in ("qualifier", "implied"):
                role = f"{role}_{rule.get('position', 'before' if role == 'qualifier' else 'after')}"
            hits.add(role, Hit(first, end, rule))

    # --- numerals ------------------------------------------------------------------------------

    def _numeral_at(self, doc: Doc, i: int) -> Numeral | None:
        """The numeral starting at token ``i`` (with a range "10-15" joined), or None."""
        first = self._simple_numeral_at(doc, i)
        if first is None:
            return None
        j = _next_word(self.spaces, first.end)
        if first.vague:  # "ratusan hingga ribuan orang": one vague range
            if j < len(doc) and doc[j].lower_ in self.joiners and first.range is not None:
                second = self._simple_numeral_at(doc, _next_word(self.spaces, j + 1))
                if second is not None and second.vague and second.range is not None \
                        and first.range[0] < second.range[1]:
                    return Numeral(first.start, second.end, None, (first.range[0], second.range[1]), vague=True,
                                   scaled=second.scaled)
            return first
        if j < len(doc) and doc[j].lower_ in self.joiners:
            second = self._simple_numeral_at(doc, _next_word(self.spaces, j + 1))
            if second is not None and not second.vague and first.value is not None and second.value is not None:
                low = first.value
                if first.scaled == 1 and second.scaled > 1:
                    low *= second.scaled
                if low < second.value:
                    return Numeral(first.start, second.end, None, (low, second.value))
        return first

    def _simple_numeral_at(self, doc: Doc, i: int) -> Numeral | None:
        if i >= len(doc):
            return None
        token = doc[i]
        lower = token.lower_
        if lower in self.vague:
            low, high = self.vague[lower]
            j = _next_word(self.spaces, i + 1)
            if j < len(doc) and doc[j].lower_ in self.scales:
                scale = self.scales[doc[j].lower_]
                return Numeral(i, j + 1, None, (low * scale, (high + 1) * scale - 1), vague=True, scaled=scale)
            return Numeral(i, i + 1, None, (low, high), vague=True)
        if token.text[:1].isdigit():
            return self._digits_at(doc, i)
        if lower in self.number_words:
            return self._words_at(doc, i)
        return None

    def _digits_at(self, doc: Doc, i: int) -> Numeral | None:
        """Digits with Indonesian separators, optionally followed by a scale word."""
        text = doc[i].text
        j = _next_word(self.spaces, i + 1)
        following = doc[j].lower_ if j < len(doc) else ""
        scale = self.scales.get(following, 1)
        approx = scale == 1 and following in self.approximate_scales
        if approx:
            scale = self.approximate_scales[following]
        end = j + 1 if scale > 1 else i + 1
        number: float | None = None
        if not text[-1:].isdigit() or following in ("-", "–"):  # "300an", "300-an"
            suffix = self._approximate_suffix(doc, i)
            if suffix is not None:
                return suffix
        if _THOUSANDS_DOT.fullmatch(text):
            number = int(text.replace(".", ""))
        elif _THOUSANDS_COMMA.fullmatch(text) and (scale == 1 or text.count(",") > 1):
            number = int(text.replace(",", ""))  # an English-style separator: counts are whole numbers
        elif (decimal := _DECIMAL.fullmatch(text)) is not None:
            if scale == 1:
                return None  # "122,3" is a fraction, never a count
            number = float(f"{decimal.group(1)}.{decimal.group(2)}")
        elif _INTEGER.fullmatch(text):
            if len(text) > 1 and text.startswith("0"):
                return None  # codes and phone numbers
            number = int(text)
        if number is None:
            return None
        return Numeral(i, end, int(round(number * scale)), scaled=scale, approx=approx)

    def _approximate_suffix(self, doc: Doc, i: int) -> Numeral | None:
        """"300an", "300-an": about 300 (qualifier approx)."""
        if not self.approximate_suffixes:
            return None
        text = doc[i].text
        for suffix in self.approximate_suffixes:
            stem = text[:-len(suffix)] if text.lower().endswith(suffix) else ""
            if stem and _INTEGER.fullmatch(stem) and not stem.startswith("0"):
                return Numeral(i, i + 1, int(stem), approx=True)
        if (i + 2 < len(doc) and doc[i + 1].text in ("-", "–") and doc[i + 2].lower_ in self.approximate_suffixes
                and _INTEGER.fullmatch(text) and not text.startswith("0") and not doc[i].whitespace_
                and not doc[i + 1].whitespace_):
            return Numeral(i, i + 3, int(text), approx=True)
        return None

    def _words_at(self, doc: Doc, i: int) -> Numeral | None:
        """Number words: "enam puluh dua" = 62, "dua belas" = 12, "seratus lima" = 105."""
        total = group = pending = 0
        end = i
        j = i
        while j < len(doc):
            lower = doc[j].lower_
            if lower in self.number_words:
                value = self.number_words[lower]
                if pending:
                    break  # "dua tiga": two numbers, not one
                if value >= 1000 and value in self.scales.values():  # seribu, sejuta: one thousand, ...
                    if total or group:
                        break
                    total = value
                elif value >= 100 and value in self.multipliers.values():  # seratus
                    if group:
                        break
                    group = value
                else:
                    pending = value
            elif lower in self.teens and 0 < pending < 10:
                group += pending + 10
                pending = 0
            elif lower in self.multipliers and 0 < pending < 10:
                group += pending * self.multipliers[lower]
                pending = 0
            elif lower in self.scales and (group or pending):
                total += (group + pending) * self.scales[lower]
                group = pending = 0
            else:
                break
            end = j + 1
            j = _next_word(self.spaces, j + 1)
        if end == i:
            return None
        return Numeral(i, end, total + group + pending)

    # --- counts --------------------------------------------------------------------------------

    def _count(self, doc: Doc, numeral: Numeral, hits: _Hits, sentences: list[int],
               counts: list[Count]) -> Count | None:
        """The count this numeral is, if a counted noun or a cue says so."""
        after = _next_word(self.spaces, numeral.end)
        before = _prev_end(self.spaces, numeral.start)
        excluded_after = hits.starts("exclude_after", after)
        direct_unit = hits.starts("unit", after)
        if excluded_after is not None and (direct_unit is None or direct_unit.end <= excluded_after.end):
            return None  # the longer reading wins: "anak buah" is no noun, "anak buah kapal" is
        exclusion = hits.ends("exclude_before", before)
        qualifier_hit = self._qualifier_before(doc, before, hits)
        position = after
        late_qualifier = hits.starts("qualifier_after", after)
        if late_qualifier is not None:
            position = _next_word(self.spaces, late_qualifier.end)
        unit = hits.starts("unit", position)
        if unit is not None and unit.rule.get("classifier"):
            specific = hits.starts("unit", _next_word(self.spaces, unit.end))
            if specific is not None and not specific.rule.get("classifier"):
                unit = specific
        if exclusion is not None and not (exclusion.rule.get("keep_with_unit") and unit is not None):
            return None
        qualifier = qualifier_hit or late_qualifier
        qualifier_name = str(qualifier.rule.get("qualifier")) if qualifier is not None else None
        if qualifier_name is None and numeral.approx:
            qualifier_name = "approx"
        sentence = sentences[numeral.start]
        if unit is not None:
            if numeral.vague:
                k = _next_word(self.spaces, unit.end)
                if k < len(doc) and doc[k].lower_ in self.determiners:
                    return None  # "ribuan kasus tersebut": the count already given
            return Count(numeral, unit.rule, _unit_of(doc, unit), unit.end, qualifier_name, sentence)
        if numeral.vague or numeral.range is not None:
            return None
        lead = qualifier_hit.start if qualifier_hit is not None else numeral.start
        word_before = doc[_prev_end(self.spaces, lead) - 1].lower_ if _prev_end(self.spaces, lead) > 0 else ""
        cue = hits.starts("implied_after", position)
        if cue is None or not _preceded_ok(cue.rule, word_before):
            cue = hits.ends("implied_before", _prev_end(self.spaces, lead))
            if cue is not None and not _preceded_ok(cue.rule, word_before):
                cue = None
        if cue is None and self.category_cue is not None and hits.starts("category", position) is not None:
            cue = Hit(position, position, self.category_cue)  # "... dan 842 penipuan online"
        if cue is None:
            for rule in self.preceded_cues:  # "Dari 97 WNI yang ..., 86 saat ini ..."
                if rule.get("preceded_by") and _preceded_ok(rule, word_before):
                    cue = Hit(lead, lead, rule)
                    break
        if cue is None:
            return None
        if cue.rule.get("refer") == "next":
            return Count(numeral, cue.rule, "", numeral.end, qualifier_name, sentence, cue_end=cue.end)
        referent = self._referent(doc, cue.rule, numeral, sentence, counts)
        if referent is None:
            return None
        return Count(numeral, cue.rule, referent.unit, numeral.end, qualifier_name, sentence)

    def _qualifier_before(self, doc: Doc, before: int, hits: _Hits) -> Hit | None:
        """The qualifier ending at ``before``, or ending before a few filler words ("setidaknya ada sebanyak")."""
        found = hits.ends("qualifier_before", before)
        k = before
        for _ in range(self.qualifier_filler_max):
            if found is not None or k == 0 or doc[k - 1].lower_ not in self.qualifier_fillers:
                break
            k = _prev_end(self.spaces, k - 1)
            found = hits.ends("qualifier_before", k)
        return found

    def _referent(self, doc: Doc, cue: Rule, numeral: Numeral, sentence: int, counts: list[Count]) -> Count | None:
        """The earlier count whose noun an implied count takes."""
        if not counts:
            return None
        if cue.get("partition_head"):  # "Dari 97 WNI yang ..., 86 ...": the head after dari
            for earlier in reversed(counts):
                if earlier.sentence != sentence:
                    return None
                before = _prev_end(self.spaces, earlier.numeral.start)
                if before > 0 and doc[before - 1].lower_ in self.partition_words:
                    return earlier
            return None
        last = counts[-1]
        if cue.get("refer") == "sentence":
            return last if last.sentence == sentence else None
        return last if numeral.start - last.numeral.end <= self.refer_window else None

    # --- attributes ----------------------------------------------------------------------------

    def _context(self, doc: Doc, hits: _Hits, sentences: list[int], counts: list[Count]) -> _Context:
        """Everything attribute lookups read, gathered once per document and bucketed by sentence."""
        context = _Context(sentences=sentences, counts=counts,
                           numeral_starts={c.numeral.start for c in counts})
        # Only the sentences with a count matter (and their neighbours, for countries listed across a
        # break), unless "di sana" needs the country named last before it anywhere in the text.
        with_count = {c.sentence for c in counts}
        near = with_count | {s - 1 for s in with_count} | {s + 1 for s in with_count}
        date_label, country_label, location_label = self.labels
        ents = [e for e in current_mentions(doc) if e.label in (date_label, country_label, location_label)]
        located: set[int] = set()
        for ent in ents:
            if ent.label != date_label and sentences[ent.start] in with_count:
                located.update(range(ent.start, ent.end))
        for hit in hits.all("place"):
            located.update(range(hit.start, hit.end))
        baselines = {h.end for h in hits.all("baseline")}
        not_place_ends: dict[int, bool] = {}  # where a not_place phrase ends -> it blocks the home country only
        for hit in hits.all("not_place"):
            not_place_ends[hit.end] = not_place_ends.get(hit.end, True) and bool(hit.rule.get("home_only"))
        last_country: str | None = None
        anaphors = sorted((h for h in hits.all("place_anaphor") if sentences[h.start] in with_count),
                          key=lambda h: h.start)
        next_anaphor = 0
        for ent in ents:
            sentence = sentences[ent.start]
            if ent.label == date_label:
                if sentence in with_count:
                    value = (ent._.attrs or {}).get("value")
                    if value and _prev_end(self.spaces, ent.start) not in baselines:
                        context.dates.setdefault(sentence, []).append((ent.start, ent.end, str(value)))
                continue
            if ent.label != country_label or (not anaphors and sentence not in near):
                continue
            while next_anaphor < len(anaphors) and anaphors[next_anaphor].start < ent.start:
                hit = anaphors[next_anaphor]
                context.add_place(sentences[hit.start], _Place(hit.start, hit.end, last_country, True))
                next_anaphor += 1
            code = (ent._.attrs or {}).get("code")
            context.countries.append((ent.start, ent.end, str(code) if code else None))
            home_only = not_place_ends.get(_prev_end(self.spaces, ent.start))
            if home_only is not None and (not home_only or code == self.home_country):
                continue  # "warga negara Indonesia", "dolar AS": whose people or money, not where
            last_country = str(code) if code else None
            if sentence not in with_count:
                continue
            preposition = self._preposition_before(doc, ent.start, sentences, located)
            if code == self.home_country and preposition not in self.home_prepositions:
                continue  # "Indonesia memulangkan ...", "dipulangkan ke Indonesia": not where it happened
            context.add_place(sentence, _Place(ent.start, ent.end, last_country, preposition is not None))
        for hit in anaphors[next_anaphor:]:
            context.add_place(sentences[hit.start], _Place(hit.start, hit.end, last_country, True))
        for hit in hits.all("place"):
            if sentences[hit.start] in with_count:
                prepositional = self._preposition_before(doc, hit.start, sentences, located) is not None
                context.add_place(sentences[hit.start], _Place(hit.start, hit.end, str(hit.rule.get("country")),
                                                               prepositional))
        for hit in hits.all("multi_place"):
            context.add_place(sentences[hit.start], _Place(hit.start, hit.end, None, True))
        for hit in hits.all("boundary"):
            context.boundaries.setdefault(sentences[hit.start], []).append(hit)
        for hit in longest_first(hits.all("category"), lambda h: (h.start, h.end)):
            if sentences[hit.start] in with_count:
                context.categories.setdefault(sentences[hit.start], []).append(hit)
        return context

    def _attributes(self, doc: Doc, count: Count, index: int, context: _Context) -> dict[str, Any]:
        numeral = count.numeral
        attrs: dict[str, Any] = {"value": numeral.value, "unit": count.unit, "qualifier": count.qualifier}
        if numeral.range is not None:
            attrs["range"] = list(numeral.range)
        limit = self._partition_limit(doc, count, index, context.counts)
        period_clause = _clause(count, context, "period", limit)
        country_clause = _clause(count, context, "country", limit)
        attrs["period"] = self._period(doc, count, period_clause, context)
        attrs["country"] = self._country(doc, count, country_clause, context)
        attrs["category"] = self._category(doc, count, period_clause, context)
        return attrs

    def _partition_limit(self, doc: Doc, count: Count, index: int, counts: list[Count]) -> int | None:
        """"Dari 61 WNI yang ditahan, lima orang ... di Kamboja": the head's clause ends at the comma."""
        before = _prev_end(self.spaces, count.numeral.start)
        if before == 0 or doc[before - 1].lower_ not in self.partition_words:
            return None
        if index + 1 >= len(counts) or counts[index + 1].sentence != count.sentence:
            return None
        following = counts[index + 1].numeral.start
        for k in range(count.unit_end, following):
            if doc[k].text == ",":
                return k
        return None

    def _period(self, doc: Doc, count: Count, clause: tuple[int, int], context: _Context) -> str | None:
        """The DATE the count refers to: right after its noun, else the nearest before, else after."""
        low, high = clause
        dates = [d for d in context.dates.get(count.sentence, ()) if low <= d[0] and d[1] <= high]
        if not dates:
            return None
        start, unit_end = count.numeral.start, count.unit_end
        following = [d for d in dates if d[0] >= unit_end]
        if following:
            nearest = min(following)
            between = [t for t in doc[unit_end:nearest[0]] if not t.is_space]
            if len(between) <= self.date_window and not any(
                    t.text in (",", ";") or t.i in context.numeral_starts for t in between):
                return nearest[2]
        preceding = [d for d in dates if d[1] <= start]
        if preceding:
            return max(preceding, key=lambda d: d[1])[2]
        if following:
            return min(following)[2]
        return None

    def _country(self, doc: Doc, count: Count, clause: tuple[int, int], context: _Context) -> str | None:
        """Where the cases happened: the nearest place in the clause, a place after di/dari/ke first."""
        low, high = clause
        start, end = count.numeral.start, count.unit_end
        best: tuple[bool, int, _Place] | None = None
        for place in context.places.get(count.sentence, ()):
            if place.start < low or place.end > high or (place.start < end and start < place.end):
                continue
            distance = start - place.end if place.end <= start else place.start - end
            key = (not place.prepositional, distance, place)
            if best is None or key[:2] < best[:2]:
                best = key
        if best is None:
            return None
        place = best[2]
        if _coordinated_with_other(doc, place, context.countries, self.place_coordinators):
            return None  # "di Indonesia dan Kamboja": no single country
        return place.code

    def _preposition_before(self, doc: Doc, i: int, sentences: list[int], located: set[int]) -> str | None:
        """The place preposition before token ``i`` in its sentence, across places listed with commas
        ("di Chrey Thum, Provinsi Kandal, Kamboja"), or None."""
        k = _prev_end(self.spaces, i) - 1
        while k >= 0 and sentences[k] == sentences[i] and (doc[k].text == "," or k in located):
            k -= 1
        if k >= 0 and sentences[k] == sentences[i] and doc[k].lower_ in self.prepositions:
            return str(doc[k].lower_)
        return None

    def _category(self, doc: Doc, count: Count, clause: tuple[int, int], context: _Context) -> str | None:
        """The kind of case: category phrases right after the count, else the nearest before it."""
        low, high = clause
        found = [h for h in context.categories.get(count.sentence, ()) if low <= h.start and h.end <= high]
        if not found:
            return None
        next_numeral = min((c.numeral.start for c in context.counts
                            if c.sentence == count.sentence and c.numeral.start > count.numeral.start),
                           default=high)
        after = [h for h in found if count.unit_end <= h.start < next_numeral
                 and h.start - count.unit_end <= self.category_window]
        if after:
            return _category_text(doc, found, after[0], self.category_joiners)
        before = [h for h in found if h.end <= count.numeral.start]
        if before:
            first = before[-1]
            for h in reversed(before[:-1]):
                if _joined(doc, h, first, self.category_joiners):
                    first = h
                else:
                    break
            return _category_text(doc, found, first, self.category_joiners)
        return None


@dataclass(frozen=True)
class _Place:
    """A place that may say where a count's cases happened."""

    start: int
    end: int
    code: str | None  # None: several countries ("di delapan negara") or unknown
    prepositional: bool  # after di/dari/ke: a place, not an actor


@dataclass
class _Context:
    """One document's dates, places, boundaries and categories, bucketed by sentence number."""

    sentences: list[int]
    counts: list[Count]
    numeral_starts: set[int]
    dates: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)
    places: dict[int, list[_Place]] = field(default_factory=dict)
    countries: list[tuple[int, int, str | None]] = field(default_factory=list)
    boundaries: dict[int, list[Hit]] = field(default_factory=dict)
    categories: dict[int, list[Hit]] = field(default_factory=dict)

    def add_place(self, sentence: int, place: _Place) -> None:
        self.places.setdefault(sentence, []).append(place)


def _country_places(ruleset: RuleSet) -> list[Rule]:
    """LOCATION rules that name their country, read as ``place`` rules: where a count's cases happened."""
    return [replace(r, kind=KIND.name, data={**r.data, "role": "place"}) for r in ruleset.of_kind("gazetteer")
            if r.label == "LOCATION" and r.get("country") and not r.get("block")]


def _check_rule(rule: Rule) -> None:
    """Each role needs its own fields; say which, with the rule's file and line."""
    role = rule.get("role")
    if role is None:
        raise RuleError(Errors.E004.format(field="role"), rule.file, rule.line, rule.id)
    if role not in ROLES:
        raise RuleError(Errors.E003.format(field="role", expected="one of " + ", ".join(ROLES), got=repr(role)),
                        rule.file, rule.line, rule.id)
    for needed in ROLES[str(role)]:
        if rule.get(needed) is None:
            raise RuleError(Errors.E004.format(field=needed), rule.file, rule.line, rule.id)
    if rule.pattern is None and not (role == "implied" and rule.get("cue") is not None):
        raise RuleError(Errors.E004.format(field="pattern"), rule.file, rule.line, rule.id)
    if rule.get("refer") is not None and rule.get("refer") not in REFERS:
        raise RuleError(Errors.E003.format(field="refer", expected="last, sentence or next",
                                           got=repr(rule.get("refer"))), rule.file, rule.line, rule.id)
    if rule.get("cue") is not None and rule.get("cue") not in CUES:
        raise RuleError(Errors.E003.format(field="cue", expected=" or ".join(CUES), got=repr(rule.get("cue"))),
                        rule.file, rule.line, rule.id)
    if rule.get("position") is not None and rule.get("position") not in POSITIONS:
        raise RuleError(Errors.E003.format(field="position", expected="before or after",
                                           got=repr(rule.get("position"))), rule.file, rule.line, rule.id)
    for blocked in rule.get("blocks") or ():
        if blocked not in ATTRIBUTES:
            raise RuleError(Errors.E003.format(field="blocks", expected="a list of period, country",
                                               got=repr(blocked)), rule.file, rule.line, rule.id)


def _preceded_ok(rule: Rule, word_before: str) -> bool:
    wanted = rule.get("preceded_by")
    return not wanted or word_before in {str(w).lower() for w in wanted}


def _next_word(spaces: list[int], i: int) -> int:
    """The first token at or after ``i`` that is not whitespace (``len(spaces)`` if none);
    ``spaces``: the document's IS_SPACE column."""
    while i < len(spaces) and spaces[i]:
        i += 1
    return i


def _prev_end(spaces: list[int], i: int) -> int:
    """The end (exclusive) of the last non-whitespace token before ``i``."""
    while i > 0 and spaces[i - 1]:
        i -= 1
    return i


def _sentence_ids(text: str, starts: list[int], lengths: list[int], marks: list[int]) -> list[int]:
    """A sentence number per token: breaks after . ! ?, at blank lines, and at a line break before a
    capitalized word (headlines, datelines); a lone line break inside a sentence ("atau\\nonline
    scam\\nyang") is kept. ``marks``: the tokens that may end a sentence (end punctuation and
    whitespace), so only those are looked at; a new sentence starts at the first token after a mark
    that is not a closing quote or bracket."""
    n = len(starts)

    def token(i: int) -> str:
        return text[starts[i]:starts[i] + lengths[i]]

    breaks = numpy.zeros(n, dtype=numpy.int64)
    for i in marks:
        mark = token(i)
        if mark not in _SENTENCE_END:
            if "\n" not in mark or mark.strip():
                continue
            if mark.count("\n") < 2:
                after = i + 1
                while after < n and not token(after).strip():
                    after += 1
                previous = i
                while previous > 0 and not token(previous - 1).strip():
                    previous -= 1
                if not (after < n and token(after).istitle() and previous > 0
                        and token(previous - 1) not in _OPENERS):
                    continue
        j = i + 1
        while j < n and token(j) in _CLOSERS:
            j += 1
        if j < n:
            breaks[j] = 1
    ids: list[int] = numpy.cumsum(breaks).tolist()
    return ids


def _windows(kept: list[int], sentences: list[int], starts: list[int], lengths: list[int]) -> list[tuple[int, int]]:
    """Character ranges of runs of the sentences ``kept`` (sorted), where regex rules need to look."""
    windows: list[tuple[int, int]] = []
    for sentence in kept:
        first = bisect_left(sentences, sentence)
        end = bisect_left(sentences, sentence + 1)
        if first >= end:
            continue
        start_char, end_char = starts[first], starts[end - 1] + lengths[end - 1]
        if windows and windows[-1][1] >= starts[first - 1] if first > 0 else False:
            windows[-1] = (windows[-1][0], end_char)
        else:
            windows.append((start_char, end_char))
    return windows


def _clause(count: Count, context: _Context, attribute: str, limit: int | None) -> tuple[int, int]:
    """Token range of the count's clause for one attribute: its sentence, cut at boundaries."""
    sentences = context.sentences
    sentence = count.sentence
    low = count.numeral.start
    while low > 0 and sentences[low - 1] == sentence:
        low -= 1
    high = count.unit_end
    while high < len(sentences) and sentences[high] == sentence:
        high += 1
    for hit in context.boundaries.get(sentence, ()):
        if attribute not in (hit.rule.get("blocks") or ATTRIBUTES):
            continue
        if hit.end <= count.numeral.start:
            low = max(low, hit.end)
        elif hit.start >= count.unit_end:
            high = min(high, hit.start)
    if limit is not None:
        high = min(high, limit)
    return low, high


def _coordinated_with_other(doc: Doc, place: _Place, countries: list[tuple[int, int, str | None]],
                            coordinators: frozenset[str]) -> bool:
    """True if the place is listed with a different country ("Kamboja dan Myanmar")."""
    for start, end, code in countries:
        if code == place.code:
            continue
        if 0 <= start - place.end <= 2:
            between = [t for t in doc[place.end:start] if not t.is_space]
        elif 0 <= place.start - end <= 2:
            between = [t for t in doc[end:place.start] if not t.is_space]
        else:
            continue
        if between and all(t.lower_ in coordinators for t in between):
            return True
    return False


def _joined(doc: Doc, left: Hit, right: Hit, joiners: frozenset[str]) -> bool:
    """Two category phrases side by side or joined by a joiner ("perjudian online dan penipuan online")."""
    between = [t for t in doc[left.end:right.start] if not t.is_space]
    return not between or (len(between) == 1 and between[0].lower_ in joiners)


def _unit_of(doc: Doc, unit: Hit) -> str:
    """The unit rule's ``unit``, else the counted noun as written, lower case ("ibu hamil", "nelayan")."""
    fixed = unit.rule.get("unit")
    return str(fixed) if fixed else " ".join(doc[unit.start:unit.end].text.split()).lower()


def _category_text(doc: Doc, found: list[Hit], first: Hit, joiners: frozenset[str]) -> str:
    index = found.index(first)
    last = first
    for nxt in found[index + 1:]:
        if _joined(doc, last, nxt, joiners):
            last = nxt
        else:
            break
    if first is last and first.rule.get("category"):
        return str(first.rule.get("category"))
    text = doc[first.start:last.end].text
    return " ".join(text.split()).lower()


@Language.factory("warta_case_counts", default_config={"rules": []})
def make_case_counts(nlp: Language, name: str, rules: list[str]) -> CaseCountTagger:
    """``rules``: folders layered over the built-in rules when the component is used alone."""
    return with_rule_dirs(CaseCountTagger(nlp, name), rules)
