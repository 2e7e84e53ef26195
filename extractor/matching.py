"""Compile rules of any pattern form into one matcher and run it over a Doc.

Phrases go to spaCy's ``PhraseMatcher``, token patterns to its ``Matcher``,
regexes run once each over the text with a timeout. Components use this
instead of looping over their rules per document.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.attrs import LOWER, ORTH
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .doc import doc_text, kept, token_offsets
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


# Token attributes no component changes after tokenization: patterns using only these can be
# matched once per Doc for every component (see SharedTokenMatcher).
_STATIC_ATTRS = frozenset({
    "ORTH", "TEXT", "LOWER", "LENGTH", "SHAPE", "PREFIX", "SUFFIX", "IS_ALPHA", "IS_ASCII", "IS_DIGIT",
    "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT",
    "IS_BRACKET", "IS_QUOTE", "IS_CURRENCY", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL", "OP",
})
_SHARED_ATTR = "_warta_shared_token_matcher"
_ANCHOR_ATTRS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER}
_FEW_HITS = 8  # up to this many token matches, offsets are read from their tokens, not from the whole Doc


def anchor_of(tokens: list[dict[str, Any]]) -> tuple[int, str] | None:
    """(attribute id, value) of a pattern's literal first token (``{LOWER: "pertemuan"}``), if the pattern
    also has a fixed length (no ``OP``); else None."""
    if not tokens or any("OP" in spec for spec in tokens) or len(tokens[0]) != 1:
        return None
    ((attr, value),) = tokens[0].items()
    if attr not in _ANCHOR_ATTRS or not isinstance(value, str):
        return None
    return _ANCHOR_ATTRS[attr], value


class TokenPatterns:
    """A spaCy ``Matcher`` that only looks where a pattern can start.

    A ``Matcher`` call costs time for every token times every pattern, even where
    no pattern's first token occurs. Patterns of a fixed length whose first token is
    a literal (``ORTH``/``LOWER``) are matched only in windows that start at a token
    with such a value (found by a ``PhraseMatcher``, a hash lookup per token); the
    rest walk the whole Doc. Same matches as one ``Matcher`` holding every pattern.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.everywhere = Matcher(vocab)
        self.anchored = Matcher(vocab)
        self.first_tokens = {ORTH: PhraseMatcher(vocab, attr="ORTH"), LOWER: PhraseMatcher(vocab, attr="LOWER")}
        self.width = 0  # the longest anchored pattern
        self.keys: set[str] = set()

    def __len__(self) -> int:
        return len(self.keys)

    def add(self, key: str, patterns: list[list[dict[str, Any]]]) -> None:
        loose = []
        for tokens in patterns:
            anchor = anchor_of(tokens)
            if anchor is None:
                loose.append(tokens)
                continue
            attr, value = anchor
            self.anchored.add(key, [tokens])
            # one token with exactly this text (the PhraseMatcher compares its ORTH or LOWER): a superset of
            # the tokens the pattern's first token matches, which is all a window start needs
            self.first_tokens[attr].add("first", [Doc(self.vocab, words=[value])])
            self.width = max(self.width, len(tokens))
        if loose:
            self.everywhere.add(key, loose)
        self.keys.add(key)

    def starts(self, doc: Doc) -> list[int]:
        """Indexes of the tokens an anchored pattern can start at."""
        found: set[int] = set()
        for first in self.first_tokens.values():
            if len(first):
                found.update(start for _, start, _ in first(doc))
        return sorted(found)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        found = [(int(k), int(s), int(e)) for k, s, e in self.everywhere(doc)] if len(self.everywhere) else []
        for i in self.starts(doc):
            for key, start, end in self.anchored(doc[i:i + self.width]):
                if start == 0:  # a match starting later in the window is found from its own start
                    found.append((int(key), i, i + int(end)))
        return found


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
    matcher's pattern count, in the Doc's layer, so new patterns or a
    retokenized Doc are matched again).
    """

    def __init__(self, vocab: Vocab) -> None:
        self.matcher = TokenPatterns(vocab)
        self.patterns = 0

    def add(self, key: str, patterns: list[list[dict[str, Any]]]) -> None:
        self.matcher.add(key, patterns)
        self.patterns += len(patterns)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        return list(kept(doc, ("shared_matches", id(self), self.patterns), lambda: self.matcher(doc)))

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

    def __init__(self, vocab: Vocab, make_doc: Callable[[str], Doc], rules: Iterable[Rule],
                 requires: Callable[[Rule], Sequence[str] | None] | None = None) -> None:
        """``requires(rule)``: strings one of which every match of the rule's regex contains (case-sensitive),
        or None; the regex then runs only over texts holding one of them (a cheap ``in`` test)."""
        self.rules: dict[str, Rule] = {}
        self.phrase = PhraseMatcher(vocab, attr="ORTH")
        self.phrase_lower = PhraseMatcher(vocab, attr="LOWER")
        self.tokens = TokenPatterns(vocab)  # patterns that read entities or extensions: matched per call
        self.shared = SharedTokenMatcher.of(make_doc, vocab)
        self.shared_keys: dict[int, Rule] = {}  # hash of this matcher's key in ``shared`` -> rule
        self.regexes: list[Rule] = []
        self.required: dict[str, tuple[str, ...]] = {}  # rule id -> strings its regex cannot match without
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
                    self.tokens.add(rule.id, expand_first_set(tokens))
            elif pattern.form == "regex":
                self.regexes.append(rule)
                needed = requires(rule) if requires is not None else None
                if needed:
                    self.required[rule.id] = tuple(str(s) for s in needed)

    def __call__(self, doc: Doc) -> list[RuleMatch]:
        found: list[RuleMatch] = []
        hits = self.token_matches(doc)  # (rule, first token, end token)
        if len(hits) > _FEW_HITS:
            starts, ends = token_offsets(doc)
            found.extend(RuleMatch(rule, starts[start], ends[end - 1]) for rule, start, end in hits)
        else:  # reading a few tokens costs less than every token's offsets
            for rule, start, end in hits:
                last = doc[end - 1]
                found.append(RuleMatch(rule, doc[start].idx, last.idx + len(last)))
        text = doc_text(doc)
        required = self.required
        for rule in self.regexes:
            assert rule.pattern is not None
            needed = required.get(rule.id)
            if needed is not None and not any(s in text for s in needed):
                continue
            for m in rule.pattern.finditer(text):
                if m.end() > m.start():
                    found.append(RuleMatch(rule, m.start(), m.end(), m.groupdict() or None))
        found.sort(key=lambda m: (m.start_char, -(m.end_char - m.start_char), -m.rule.priority))
        return found

    def token_matches(self, doc: Doc, within: Sequence[tuple[int, int]] | None = None,
                      regexes: bool = False) -> list[tuple[Rule, int, int]]:
        """Matches as (rule, start token, end token), unsorted: the public way to read a ``RuleMatcher``.

        ``within``: token ranges ``(start, end)``; only matches inside one of them are returned, and
        phrases (and regexes) are matched only there, so a cue word found all over an article costs
        nothing outside the few sentences asked about. ``regexes``: include the regex rules, their
        matches widened to whole tokens (otherwise they are left out: they match characters).
        """
        strings = doc.vocab.strings
        found: list[tuple[Rule, int, int]] = []
        for matcher in (self.phrase, self.phrase_lower):
            if len(matcher):
                if within is None:
                    found.extend((self.rules[strings[m]], s, e) for m, s, e in matcher(doc))
                else:
                    for a, b in within:  # a PhraseMatcher gives Doc offsets for a Span
                        found.extend((self.rules[strings[m]], s, e) for m, s, e in matcher(doc[a:b]))
        token_hits: list[tuple[Rule, int, int]] = []
        if self.shared_keys and self.shared is not None:
            for match_id, start, end in self.shared(doc):
                shared_rule = self.shared_keys.get(match_id)
                if shared_rule is not None:
                    token_hits.append((shared_rule, start, end))
        if len(self.tokens):
            token_hits.extend((self.rules[strings[m]], s, e) for m, s, e in self.tokens(doc))
        found.extend(token_hits if within is None else _inside(token_hits, within))
        if regexes and self.regexes:
            found.extend(self._regex_tokens(doc, within if within is not None else [(0, len(doc))]))
        return found

    def _regex_tokens(self, doc: Doc, within: Sequence[tuple[int, int]]) -> list[tuple[Rule, int, int]]:
        text = doc_text(doc)
        starts, ends = token_offsets(doc)
        found: list[tuple[Rule, int, int]] = []
        for a, b in within:
            if a >= b:
                continue
            for rule in self.regexes:
                assert rule.pattern is not None
                for m in rule.pattern.finditer(text, starts[a], ends[b - 1]):
                    if m.end() > m.start():
                        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                        if span is not None and len(span):
                            found.append((rule, span.start, span.end))
        return found


def _inside(hits: list[tuple[Rule, int, int]], within: Sequence[tuple[int, int]]) -> list[tuple[Rule, int, int]]:
    """The hits lying inside one of the token ranges ``within`` (sorted, not overlapping)."""
    ranges = sorted(within)
    firsts = [a for a, _ in ranges]
    kept = []
    for hit in hits:
        k = bisect_right(firsts, hit[1]) - 1
        if k >= 0 and hit[2] <= ranges[k][1]:
            kept.append(hit)
    return kept
