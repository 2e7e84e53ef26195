"""The case-count rules matched as token ranges, indexed by role, where a numeral could use them.

Phrase rules come from ``RuleMatcher.token_matches``; regex rules are run only in character windows
near a numeral (those deciding whether it counts) or in sentences with a count (those for the
attributes). Also the rule checks of the kind (each role's own fields) and the LOCATION rules read as
places.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc
from spacy.vocab import Vocab

from ...doc import doc_text
from ...errors import Errors, RuleError
from ...matching import RuleMatcher
from ...rules import Rule, RuleSet
from ...rules.kinds import ATTRIBUTES, CASE_COUNTS, POSITIONS, REFERS
from ...rules.kinds import CASE_COUNT_ROLES as ROLES
from ...rules.kinds import COUNT_CUES as CUES

KIND = CASE_COUNTS

# roles whose matches decide whether a numeral is a count (the others shape its attributes)
NUMERAL_ROLES = frozenset({"unit", "implied", "qualifier", "category", "exclude_before", "exclude_after", "exclude"})
# roles read only next to a numeral: a match counts if a numeral starts from _NEAR_BEFORE tokens before
# its start (a long numeral, a qualifier, a classifier in between) to _NEAR_AFTER tokens after its end
_NEAR_ROLES = NUMERAL_ROLES - {"category"}
_NEAR_BEFORE = 16
_NEAR_AFTER = 12

Match = tuple[int, int, int, int, int, Rule]  # start char, -length, -priority, first token, end token, rule


@dataclass(frozen=True)
class Hit:
    """A rule match as a token range."""

    start: int
    end: int
    rule: Rule


@dataclass
class Hits:
    """One document's rule matches, indexed by role and by where they start and end."""

    deferred: list[Match] = field(default_factory=list)  # matches not added yet
    by_role: dict[str, list[Hit]] = field(default_factory=dict)
    starting: dict[tuple[str, int], Hit] = field(default_factory=dict)
    ending: dict[tuple[str, int], Hit] = field(default_factory=dict)

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


@dataclass
class HitFinder:
    """The kind's rules, compiled: phrase rules in one matcher, regex rules by what they decide."""

    matcher: RuleMatcher
    numeral_regexes: list[Rule]  # regex rules deciding whether a numeral is a count
    clause_regexes: list[Rule]  # regex rules for the attributes
    numeral_regex_window: int

    @classmethod
    def build(cls, vocab: Vocab, make_doc: Callable[[str], Doc], rules: list[Rule], window: int) -> HitFinder:
        regexes = [rule for rule in rules if rule.pattern is not None and rule.pattern.form == "regex"]
        return cls(RuleMatcher(vocab, make_doc, rules),
                   [rule for rule in regexes if rule.get("role") in NUMERAL_ROLES],
                   [rule for rule in regexes if rule.get("role") not in NUMERAL_ROLES], window)

    def hits(self, doc: Doc, starts: list[int], lengths: list[int], sentences: list[int],
             keep: set[int], numerals: list[int]) -> Hits:
        """The rule matches in the sentences ``keep`` (those around a numeral) as token ranges, a regex
        match widened to whole tokens. Phrase matches come as token ranges straight from the matchers
        (no Span per match); the order is ``RuleMatcher``'s: by start, longer first, higher priority first.
        Regex rules that decide whether a numeral is a count only run near the ``numerals`` (token
        indices); those for the attributes run later, in the sentences that have a count
        (:meth:`add_clause_hits`)."""
        found: list[Match] = []
        deferred: list[Match] = []  # attribute matches, kept for add_clause_hits
        for rule, start, end in self.matcher.token_matches(doc):
            if sentences[start] in keep:
                role = rule.get("role")
                if role in _NEAR_ROLES:  # only a numeral's neighbours matter: is one within reach?
                    k = bisect_left(numerals, start - _NEAR_BEFORE)
                    if k == len(numerals) or numerals[k] > end + _NEAR_AFTER:
                        continue
                start_char, end_char = starts[start], starts[end - 1] + lengths[end - 1]
                match = (start_char, start_char - end_char, -rule.priority, start, end, rule)
                (found if role in NUMERAL_ROLES else deferred).append(match)
        if self.numeral_regexes:
            reach = self.numeral_regex_window
            windows: list[tuple[int, int]] = []
            for i in numerals:
                pos, endpos = max(0, starts[i] - reach), starts[i] + reach
                if windows and pos <= windows[-1][1]:
                    windows[-1] = (windows[-1][0], endpos)
                else:
                    windows.append((pos, endpos))
            found.extend(_regex_matches(doc, self.numeral_regexes, windows, starts, sentences, keep))
        hits = Hits()
        _add_all(hits, found)
        hits.deferred = deferred
        return hits

    def add_clause_hits(self, doc: Doc, hits: Hits, starts: list[int], lengths: list[int], sentences: list[int],
                        keep: set[int]) -> None:
        """The matches for attributes (boundaries, places, categories) in the sentences ``keep`` (those with
        a count): the phrase matches set aside by :meth:`hits` and the regex rules, matched there now."""
        found = [match for match in hits.deferred if sentences[match[3]] in keep]
        if self.clause_regexes:
            windows = sentence_windows(sorted(keep), sentences, starts, lengths)
            found.extend(_regex_matches(doc, self.clause_regexes, windows, starts, sentences, keep))
        _add_all(hits, found)


def _regex_matches(doc: Doc, rules: list[Rule], windows: list[tuple[int, int]], starts: list[int],
                   sentences: list[int], keep: set[int]) -> list[Match]:
    text = doc_text(doc)
    found: list[Match] = []
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


def _add_all(hits: Hits, found: list[Match]) -> None:
    found.sort(key=lambda f: f[:3])
    for _, _, _, first, end, rule in found:
        role = str(rule.get("role"))
        if role in ("qualifier", "implied"):
            role = f"{role}_{rule.get('position', 'before' if role == 'qualifier' else 'after')}"
        hits.add(role, Hit(first, end, rule))


def country_places(ruleset: RuleSet) -> list[Rule]:
    """LOCATION rules that name their country, read as ``place`` rules: where a count's cases happened."""
    return [replace(r, kind=KIND.name, data={**r.data, "role": "place"}) for r in ruleset.of_kind("gazetteer")
            if r.label == "LOCATION" and r.get("country") and not r.get("block")]


def check_rule(rule: Rule) -> None:
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


def sentence_windows(kept: list[int], sentences: list[int], starts: list[int],
                     lengths: list[int]) -> list[tuple[int, int]]:
    """Character ranges of runs of the sentences ``kept`` (sorted), where regex rules need to look."""
    found: list[tuple[int, int]] = []
    for sentence in kept:
        first = bisect_left(sentences, sentence)
        end = bisect_left(sentences, sentence + 1)
        if first >= end:
            continue
        start_char, end_char = starts[first], starts[end - 1] + lengths[end - 1]
        if found and found[-1][1] >= starts[first - 1] if first > 0 else False:
            found[-1] = (found[-1][0], end_char)
        else:
            found.append((start_char, end_char))
    return found
