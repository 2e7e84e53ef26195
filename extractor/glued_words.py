"""Words glued together by scrapers at link boundaries ("diKamboja", "WNIdan"), split in the tokenizer.

A page's link text loses the space around it when it is flattened to text, so a
name runs into its neighbours and no rule can see it. The tokenizer cuts such
words into tokens (``whitespace=False`` between them), so the text and every
character offset stay those of the original article. Where to cut is decided
by the word's letters and by ``rules/tokenizer.yaml``:

* a lower-case run of two or more letters then a capital: ``di|Kamboja``,
  ``Migran|Indonesia`` (one letter does not cut: ``iPhone``, ``McDonald``, ``MoU``;
  nor a capitalised syllable of three letters: ``YouTube``, ``SekCam``);
* capitals then lower case: after the capitals when they are a known acronym (a
  rule's one-word phrase: ``WNI|asal``) or a glue word starts the rest
  (``WNI|dan``, ``RI|pada``), else before the last capital (``KBRI|Phnom``);
* a capitalised word ending in a glue word after a known name (``Kamboja|yang``,
  ``Thailand|mereka``), or in a long function word (``Tempo|pada``);
* a full stop that runs a sentence into the next (``Kamboja|.|Namun``,
  ``2025|)|.|Powell``): two letters or digits before it, a capitalised word of three
  letters or more after it; never inside a URL, a handle, initials (``M.Yusuf``) or
  a degree (``S.Pd``).

Camel-case names stay whole when the YAML lists them (``keep_words``,
``keep_prefixes``) or a rule names them as one word (``KemenPPPA``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .countries import names_to_codes
from .rules import KINDS, RuleSet, Settings
from .rules.kinds import TOKENIZER

KIND = TOKENIZER

_MIN_NAME = 4  # a known name shorter than this is not a stem ("Man" + "di")
_MIN_CAPITALISED = 4  # letters of a capitalised word glued before a capital (Migran|Indonesia, not Sek|Cam)
_MIN_STEM = 4  # letters before a long function word ("Setelah", "Waspada" stay whole)
_UNGLUED = frozenset("./@:_")  # URLs, handles and e-mail addresses keep their shape
_LETTER_RUN = re.compile(r"[^\W\d_]{4,}")
# a sentence run into the next: "Kamboja.Namun", "(18/9/2025).Powell", "50%.Kelima" (not "M.Yusuf", "S.Pd")
_SENTENCE_GLUE = re.compile(r"(?<=[^\W_][^\W_])(?P<close>[)\]\"”’%]*+)\.(?=[A-Z][a-z]{2})")
_URL_MARKS = ("://", "www.", "@")


@dataclass(frozen=True)
class GlueLexicon:
    """What the cutter needs to know beyond letter case: words, names and exceptions."""

    glue_words: frozenset[str]  # may follow a known name or acronym: dan, yang, di, ber, men, ...
    glue_tails: frozenset[str]  # long enough to end any capitalised word: pada, untuk, mereka, ...
    names: frozenset[str]  # known names a word may be glued after: Kamboja, Thailand, ...
    acronyms: frozenset[str]  # known acronyms, cut whole from what follows: WNI|asal, not WN|Iasal
    keep_words: frozenset[str]
    keep_prefixes: tuple[str, ...]

    lower_keeps: tuple[tuple[str, str], ...] = field(init=False)
    """(lower-case head, kept word) of kept words starting in lower case: "detik", "detikNews"."""

    def __post_init__(self) -> None:
        keeps = sorted(w for w in {*self.keep_prefixes, *self.keep_words} if w[:1].islower())
        object.__setattr__(self, "lower_keeps", tuple((_lower_head(w), w) for w in keeps))

    def _starts_glued(self, rest: str) -> bool:
        return any(rest.startswith(w) for w in self.glue_words) or rest in self.glue_tails

    def _kept(self, word: str) -> bool:
        return word in self.keep_words or word in self.names or word.startswith(self.keep_prefixes)

    def cuts(self, word: str, offset: int = 0) -> list[int]:
        """Cut positions inside ``word`` (letters only), shifted by ``offset``."""
        if word.islower() or word.isupper() or self._kept(word):
            return []
        if word[1:].islower():  # one capital, no change of case inside: only a name may end here
            cut = self._name_cut(word)
            return [offset + cut] if cut else []
        bounds = [0, *self._case_cuts(word), len(word)]
        positions = bounds[1:-1]
        for start, end in zip(bounds, bounds[1:], strict=False):
            piece = word[start:end]
            if piece[:1].isupper() and piece[1:].islower():
                cut = self._name_cut(piece)
                if cut:
                    positions.append(start + cut)
        return [offset + p for p in sorted(positions)]

    def _case_cuts(self, word: str) -> Iterator[int]:
        """Cuts at changes of case: lower|Upper, ACRONYM|glue word, ACRONYM|Capitalised."""
        n = len(word)
        i = 1
        while i < n:
            if word[i].isupper() and word[i - 1].islower():
                kept_at = next((i - len(head) for head, kept in self.lower_keeps
                                if word.endswith(head, 0, i) and word.startswith(kept, i - len(head))), -1)
                if kept_at >= 0:
                    if kept_at > 0:
                        yield kept_at  # dilansir|detikNews, not dilansirdetik|News
                elif self._word_before(word, i):
                    yield i
                i += 1
            elif word[i].islower() and word[i - 1].isupper():
                caps = i - 1
                while caps > 0 and word[caps - 1].isupper():
                    caps -= 1
                run = i - caps
                end = i
                while end < n and word[end].islower():
                    end += 1
                if run >= 2 and end - i >= 2 and (word[caps:i] in self.acronyms or self._starts_glued(word[i:end])):
                    yield i
                elif run >= 3 and end - i >= 2:
                    yield i - 1
                i = end
            else:
                i += 1

    @staticmethod
    def _word_before(word: str, i: int) -> bool:
        """Whether the letters before a capital at ``i`` can be a whole glued word: two lower-case letters
        at least (not iPhone, McDonald), four letters if capitalised (not the syllables of YouTube, SekCam)."""
        start = i
        while start > 0 and word[start - 1].islower():
            start -= 1
        if i - start < 2:
            return False
        return start == 0 or not word[start - 1].isupper() or i - start + 1 >= _MIN_CAPITALISED

    def _name_cut(self, piece: str) -> int:
        """Where a capitalised piece ends a known name or a stem before a long function word (0: nowhere)."""
        if self._kept(piece):
            return 0
        for i in range(len(piece) - 2, _MIN_NAME - 1, -1):
            if piece[:i] in self.names and self._starts_glued(piece[i:]):
                return i
        for tail in self.glue_tails:
            stem = len(piece) - len(tail)
            if stem >= _MIN_STEM and piece.endswith(tail):
                return stem
        return 0


def _lower_head(word: str) -> str:
    """The lower-case letters a word starts with: "detik" of detikNews."""
    end = 0
    while end < len(word) and word[end].islower():
        end += 1
    return word[:end]


class _Cut:
    """A zero-width infix match: spaCy cuts the token there and adds no token for it."""

    __slots__ = ("pos",)

    def __init__(self, pos: int) -> None:
        self.pos = pos

    def start(self) -> int:
        return self.pos

    def end(self) -> int:
        return self.pos


class GluedInfixes:
    """``infix_finditer``: spaCy's infixes plus cuts inside glued words.

    A string of letters skips spaCy's infix regex (no rule there can match
    letters alone, see :class:`~extractor.tokenizer.AlphabeticGuard`) and costs
    only the case checks of :meth:`GlueLexicon.cuts`. Picklable, for workers.
    """

    def __init__(self, pattern: re.Pattern[str], lexicon: GlueLexicon) -> None:
        self.pattern = pattern
        self.lexicon = lexicon
        self._finditer = pattern.finditer

    def __call__(self, text: str) -> Any:
        if text.isalpha():
            return [_Cut(p) for p in self.lexicon.cuts(text)]
        matches: list[Any] = list(self._finditer(text))
        stops = "." in text and not any(mark in text for mark in _URL_MARKS) and _sentence_cuts(text)
        if stops:
            taken = [(m.start(), m.end()) for m in matches]
            matches += [_Cut(p) for p in stops if not any(s < p < e for s, e in taken)]
            matches.sort(key=lambda m: (m.start(), m.end()))
        if (stops or _UNGLUED.isdisjoint(text)) and not self.lexicon._kept(text):
            taken = [(m.start(), m.end()) for m in matches]
            for run in _LETTER_RUN.finditer(text):
                for p in self.lexicon.cuts(run.group(), run.start()):
                    if not any(s <= p <= e for s, e in taken):
                        matches.append(_Cut(p))
            matches.sort(key=lambda m: (m.start(), m.end()))
        return matches

    def __reduce__(self) -> tuple[Any, ...]:
        return (GluedInfixes, (self.pattern, self.lexicon))

    @property
    def __self__(self) -> re.Pattern[str]:
        """The regex, where ``Tokenizer.to_disk`` looks for it (on a bound ``pattern.finditer``)."""
        return self.pattern


def _sentence_cuts(text: str) -> list[int]:
    """Cuts around a full stop that runs one sentence into the next: before each closing mark, before the
    stop and after it ("2025" ")" "." "Powell")."""
    return [p for m in _SENTENCE_GLUE.finditer(text) for p in (*range(m.start(), m.end("close") + 1), m.end())]


def _words(settings: Settings, key: str) -> frozenset[str]:
    return frozenset(settings.words(key))


def _one_word_phrases(ruleset: RuleSet, kinds: Iterable[str]) -> Iterator[str]:
    for kind in kinds:
        for rule in ruleset.of_kind(kind):
            if rule.pattern is not None and rule.pattern.form == "phrase":
                yield from (p for p in rule.pattern.phrases if " " not in p)


def glue_lexicon(ruleset: RuleSet) -> GlueLexicon | None:
    """The lexicon from the ``tokenizer`` rule settings, the gazetteer's names and every camel-case word the
    rules name; None when every list of the ``tokenizer`` settings is empty (no file asks for cuts)."""
    settings = ruleset.settings(KIND.name)
    if not any(settings.words(key) for key in KIND.settings):
        return None
    gazetteer = ruleset.settings("gazetteer")
    excluded = set(gazetteer.words("cldr_exclude"))
    # the same CLDR names the gazetteer matches
    names = {n for n in names_to_codes(tuple(gazetteer.words("cldr_locales"))) if n not in excluded}
    names.update(_one_word_phrases(ruleset, ["gazetteer"]))
    names = {n for n in names if len(n) >= _MIN_NAME and n.isalpha() and n[:1].isupper() and n[1:].islower()}
    named = {w for w in _one_word_phrases(ruleset, list(KINDS)) if not w.islower()}
    acronyms = frozenset(w for w in named if len(w) >= 2 and w.isalpha() and w.isupper())
    return GlueLexicon(
        glue_words=_words(settings, "glue_words"),
        glue_tails=_words(settings, "glue_tails"),
        names=frozenset(names),
        acronyms=acronyms,
        keep_words=_words(settings, "keep_words") | frozenset(w for w in named - acronyms if w.isalpha()),
        keep_prefixes=tuple(sorted(_words(settings, "keep_prefixes"))),
    )
