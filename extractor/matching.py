"""Compile rules of any pattern form into one matcher and run it over a Doc.

Phrases go to spaCy's ``PhraseMatcher``, token patterns to its ``Matcher``,
regexes run once each over the text with a timeout. Components use this
instead of looping over their rules per document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .rules import Rule
from .spans import doc_text


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


# Token attributes no component changes after tokenization: patterns using only these can be
# matched once per Doc for every component (see SharedTokenMatcher).
_STATIC_ATTRS = frozenset({
    "ORTH", "TEXT", "LOWER", "LENGTH", "SHAPE", "PREFIX", "SUFFIX", "IS_ALPHA", "IS_ASCII", "IS_DIGIT",
    "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT",
    "IS_BRACKET", "IS_QUOTE", "IS_CURRENCY", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL", "OP",
})
_SHARED_ATTR = "_warta_shared_token_matcher"
_SHARED_MATCHES = "warta.shared_token_matches"


def is_static(tokens: Iterable[dict[str, Any]]) -> bool:
    """True if the token pattern reads only what the tokenizer set (not entities, not extensions)."""
    return all(set(spec) <= _STATIC_ATTRS for spec in tokens)


def expand_first_set(tokens: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """``[{LOWER: {IN: [a, b]}}, ...]`` as ``[{LOWER: a}, ...]`` and ``[{LOWER: b}, ...]``: the same matches,
    but spaCy tests a plain value in C, where an ``IN`` set costs a Python call at every token."""
    first = tokens[0] if tokens else {}
    if len(first) == 1:
        ((attr, value),) = first.items()
        if attr in ("ORTH", "TEXT", "LOWER") and isinstance(value, dict) and list(value) == ["IN"] \
                and isinstance(value["IN"], list) and value["IN"] and all(isinstance(v, str) for v in value["IN"]):
            return [[{attr: v}, *tokens[1:]] for v in dict.fromkeys(value["IN"])]
    return [tokens]


class SharedTokenMatcher:
    """One spaCy ``Matcher`` for the static token patterns of every ``RuleMatcher`` of a pipeline.

    A ``Matcher`` call walks the whole Doc however few patterns it has; with one
    shared matcher the walk happens once per Doc, and each ``RuleMatcher`` keeps
    the matches of its own keys. Results are cached on the Doc (keyed by this
    matcher's pattern count and the Doc's length, so new patterns or a
    retokenized Doc are matched again).
    """

    def __init__(self, vocab: Vocab) -> None:
        self.matcher = Matcher(vocab)
        self.patterns = 0

    def add(self, key: str, patterns: list[list[dict[str, Any]]]) -> None:
        self.matcher.add(key, patterns)
        self.patterns += len(patterns)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        stamp = (id(self), self.patterns, len(doc))
        cached = doc.user_data.get(_SHARED_MATCHES)
        if cached is not None and cached[0] == stamp:
            return list(cached[1])
        found = [(int(k), int(s), int(e)) for k, s, e in self.matcher(doc)]
        doc.user_data[_SHARED_MATCHES] = (stamp, found)
        return found

    @staticmethod
    def of(make_doc: Callable[[str], Doc], vocab: Vocab) -> SharedTokenMatcher | None:
        """The one kept on the pipeline ``make_doc`` belongs to (``nlp.make_doc``), or None if there is none."""
        owner = getattr(make_doc, "__self__", None)
        if owner is None or getattr(owner, "vocab", None) is not vocab:
            return None
        shared = getattr(owner, _SHARED_ATTR, None)
        if shared is None:
            shared = SharedTokenMatcher(vocab)
            try:
                setattr(owner, _SHARED_ATTR, shared)
            except AttributeError:
                return None
        return shared if isinstance(shared, SharedTokenMatcher) else None


class RuleMatcher:
    """All the patterns of a list of rules, matched in one pass per pattern form."""

    _serial = 0

    def __init__(self, vocab: Vocab, make_doc: Callable[[str], Doc], rules: Iterable[Rule]) -> None:
        self.rules: dict[str, Rule] = {}
        self.phrase = PhraseMatcher(vocab, attr="ORTH")
        self.phrase_lower = PhraseMatcher(vocab, attr="LOWER")
        self.tokens = Matcher(vocab)  # patterns that read entities or extensions: matched per call
        self.shared = SharedTokenMatcher.of(make_doc, vocab)
        self.shared_keys: dict[int, Rule] = {}  # hash of this matcher's key in ``shared`` -> rule
        self.regexes: list[Rule] = []
        RuleMatcher._serial += 1
        prefix = f"warta.rm{RuleMatcher._serial}:"
        for rule in rules:
            if rule.pattern is None:
                continue
            self.rules[rule.id] = rule
            pattern = rule.pattern
            if pattern.form == "phrase":
                target = self.phrase_lower if rule.ignore_case else self.phrase
                target.add(rule.id, [make_doc(p) for p in pattern.phrases])
            elif pattern.form == "tokens":
                tokens = list(pattern.tokens)
                if self.shared is not None and is_static(tokens):
                    key = prefix + rule.id
                    self.shared.add(key, expand_first_set(tokens))
                    self.shared_keys[vocab.strings.add(key)] = rule
                else:
                    self.tokens.add(rule.id, [tokens])
            elif pattern.form == "regex":
                self.regexes.append(rule)

    def __call__(self, doc: Doc) -> list[RuleMatch]:
        strings = doc.vocab.strings
        found: list[RuleMatch] = []
        for matcher in (self.phrase, self.phrase_lower):
            if len(matcher) == 0:
                continue
            for match_id, start, end in matcher(doc):
                rule = self.rules[strings[match_id]]
                span = doc[start:end]
                found.append(RuleMatch(rule, span.start_char, span.end_char))
        if self.shared_keys and self.shared is not None:
            for match_id, start, end in self.shared(doc):
                shared_rule = self.shared_keys.get(match_id)
                if shared_rule is not None:
                    span = doc[start:end]
                    found.append(RuleMatch(shared_rule, span.start_char, span.end_char))
        if len(self.tokens):
            for match_id, start, end in self.tokens(doc):
                rule = self.rules[strings[match_id]]
                span = doc[start:end]
                found.append(RuleMatch(rule, span.start_char, span.end_char))
        text = doc_text(doc)
        for rule in self.regexes:
            assert rule.pattern is not None
            for m in rule.pattern.finditer(text):
                if m.end() > m.start():
                    found.append(RuleMatch(rule, m.start(), m.end(), m.groupdict() or None))
        found.sort(key=lambda m: (m.start_char, -(m.end_char - m.start_char), -m.rule.priority))
        return found
