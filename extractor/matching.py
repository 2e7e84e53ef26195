"""Compile rules of any pattern form into one matcher and run it over a Doc.

Phrases go to spaCy's ``PhraseMatcher``, token patterns to its ``Matcher``,
regexes run once each over the text with a timeout. Components use this
instead of looping over their rules per document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .rules import Rule


@dataclass(frozen=True)
class RuleMatch:
    """One match of one rule: token span (when aligned) and character offsets."""

    rule: Rule
    start_char: int
    end_char: int
    groups: dict[str, str | None] | None = None  # named regex groups

    def span(self, doc: Doc, label: str | None = None, mode: str = "strict") -> Span | None:
        return doc.char_span(self.start_char, self.end_char, label=label or self.rule.label or "",
                             alignment_mode=mode)


class RuleMatcher:
    """All the patterns of a list of rules, matched in one pass per pattern form."""

    def __init__(self, vocab: Vocab, make_doc: Callable[[str], Doc], rules: Iterable[Rule]) -> None:
        self.rules: dict[str, Rule] = {}
        self.phrase = PhraseMatcher(vocab, attr="ORTH")
        self.phrase_lower = PhraseMatcher(vocab, attr="LOWER")
        self.tokens = Matcher(vocab)
        self.regexes: list[Rule] = []
        for rule in rules:
            if rule.pattern is None:
                continue
            self.rules[rule.id] = rule
            pattern = rule.pattern
            if pattern.form == "phrase":
                target = self.phrase_lower if rule.ignore_case else self.phrase
                target.add(rule.id, [make_doc(p) for p in pattern.phrases])
            elif pattern.form == "tokens":
                self.tokens.add(rule.id, [list(pattern.tokens)])
            elif pattern.form == "regex":
                self.regexes.append(rule)

    def __call__(self, doc: Doc) -> list[RuleMatch]:
        strings = doc.vocab.strings
        found: list[RuleMatch] = []
        for matcher in (self.phrase, self.phrase_lower, self.tokens):
            if len(matcher) == 0:
                continue
            for match_id, start, end in matcher(doc):
                rule = self.rules[strings[match_id]]
                span = doc[start:end]
                found.append(RuleMatch(rule, span.start_char, span.end_char))
        text = doc.text
        for rule in self.regexes:
            assert rule.pattern is not None
            for m in rule.pattern.finditer(text):
                if m.end() > m.start():
                    found.append(RuleMatch(rule, m.start(), m.end(), m.groupdict() or None))
        found.sort(key=lambda m: (m.start_char, -(m.end_char - m.start_char), -m.rule.priority))
        return found
