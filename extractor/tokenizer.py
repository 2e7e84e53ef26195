"""spaCy's Indonesian tokenizer as the rules need it (dates kept whole), and guards that skip its affix
regexes where they cannot match: the same tokens, in about a third of the time."""

from __future__ import annotations

import re
from typing import Any

import regex
from spacy.lang.id import Indonesian, IndonesianDefaults
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from .glued_words import GluedInfixes, glue_lexicon
from .rules import RuleSet

# Brackets glued between words by a lost space in the page text: "(P2MI)Mukhtarudin" -> "P2MI", ")", ...
GLUED_BRACKETS = (r"(?<=[0-9A-Za-z])[()](?=[A-Za-z])",)

# Zero-width characters some pages put between words and punctuation ("(31/7).\u200b Keberhasilan"):
# separators, never part of a word; as affixes and infixes they no longer hide a date's bracket.
ZERO_WIDTH = ("\u200b", "\u2060", "\ufeff")

# Emoticons made of a digit and a bracket ("8)", "(-8", "8-)") are special cases in spaCy's
# base exceptions; they cut dates: "Rabu (21/8)" became "(", "21", "/", "8)", so "21/8" had no
# token end after the 8. Dropping them lets the suffix rules split "8" from ")".
_DIGIT_EMOTICON = re.compile(r"^(?=.*\d)(?=.*[()])[\d()\-:;=]+$")


def without_date_breaking_exceptions(exceptions: dict[str, Any]) -> dict[str, Any]:
    """Tokenizer special cases minus the emoticons that split day/month numbers from brackets."""
    return {text: value for text, value in exceptions.items() if not _DIGIT_EMOTICON.match(text)}


# Characters checked once, at build time, for whether a prefix rule can start with them: the
# Latin, Greek and Cyrillic blocks, which hold nearly every first character of a word in the news.
_PROBED_FIRST_CHARACTERS = [*range(0x20, 0x250), *range(0x370, 0x530)]


class FirstCharacterGuard:
    """``prefix_search`` that skips spaCy's prefix regex for words no prefix rule can start.

    spaCy's Indonesian prefix regex is ~300 anchored alternatives; Python's ``re``
    tries each one on every word not yet in the tokenizer's cache, which made
    prefix search ~40% of tokenization time. Which first characters can start a
    match is decided once with the ``regex`` module's partial matching (a partial
    match of the lone character exists whenever some longer string starting with
    it could match), so the tokens are exactly those of the unguarded search
    (tests/test_tokenizer.py compares them). Picklable, for worker processes.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        partial = regex.compile(pattern.pattern, flags=regex.V0)
        self.skipped = frozenset(
            ch for ch in map(chr, _PROBED_FIRST_CHARACTERS) if partial.match(ch, partial=True) is None
        )
        self._search = pattern.search

    def __call__(self, text: str) -> re.Match[str] | None:
        return None if text[:1] in self.skipped else self._search(text)

    def __reduce__(self) -> tuple[Any, ...]:
        return (FirstCharacterGuard, (self.pattern,))

    @property
    def __self__(self) -> re.Pattern[str]:
        """The regex, where ``Tokenizer.to_disk`` looks for it (on a bound ``pattern.search``)."""
        return self.pattern


class AlphabeticGuard:
    """``suffix_search`` / ``infix_finditer`` that skip spaCy's regex for a purely alphabetic string.

    Every suffix and infix rule of spaCy's Indonesian needs a character that is
    not a letter (punctuation, a hyphen, a digit before a unit), so a string of
    letters never matches; skipping the ~14,000-character suffix regex and the
    infix regex for the commonest strings makes tokenization faster with the
    same tokens. tests/test_tokenizer.py checks the premise over every Unicode
    letter and compares the tokens with the unguarded regexes.
    """

    def __init__(self, pattern: re.Pattern[str], method: str) -> None:
        self.pattern = pattern
        self.method = method
        self._run = getattr(pattern, method)
        self._none: Any = () if method == "finditer" else None

    def __call__(self, text: str) -> Any:
        return self._none if text.isalpha() else self._run(text)

    def __reduce__(self) -> tuple[Any, ...]:
        return (AlphabeticGuard, (self.pattern, self.method))

    @property
    def __self__(self) -> re.Pattern[str]:
        """The regex, where ``Tokenizer.to_disk`` looks for it (on a bound ``pattern.search``)."""
        return self.pattern


CACHE_SIZE = 500_000
"""Chunks (whitespace-separated strings) the tokenizer caches, about 30 bytes each.

spaCy 3.8 caches at most 10,000 and then stops saving new ones: the patterns the
components compile fill that before the first article, and a news corpus has
some 130,000 distinct chunks in 5,000 articles (every miss runs the affix and
glued-word search again; measured on the bench set, 1.69 against 1.01 ms per
article). Bounded, so a long-running process cannot grow without end.
"""


def warta_tokenizer(nlp: Language, ruleset: RuleSet | None = None) -> Tokenizer:
    """spaCy's ``spacy.Tokenizer.v1`` factory with guarded affix searches, built in one go; with a
    ``tokenizer`` rule file in ``ruleset``, glued words are cut too (:mod:`extractor.glued_words`)."""
    defaults = nlp.Defaults
    return Tokenizer(
        nlp.vocab,
        rules=defaults.tokenizer_exceptions,
        prefix_search=FirstCharacterGuard(compile_prefix_regex(defaults.prefixes or [])),
        suffix_search=AlphabeticGuard(compile_suffix_regex(defaults.suffixes or []), "search"),
        infix_finditer=_infix_finditer(compile_infix_regex(defaults.infixes or []), ruleset),
        token_match=defaults.token_match,
        url_match=defaults.url_match,
        max_cache_size=CACHE_SIZE,
    )


def _infix_finditer(pattern: re.Pattern[str], ruleset: RuleSet | None) -> Any:
    lexicon = glue_lexicon(ruleset) if ruleset is not None else None
    return AlphabeticGuard(pattern, "finditer") if lexicon is None else GluedInfixes(pattern, lexicon)


class _WartaIndonesianDefaults(IndonesianDefaults):
    prefixes = [*(IndonesianDefaults.prefixes or []), *ZERO_WIDTH]
    suffixes = [*(IndonesianDefaults.suffixes or []), *ZERO_WIDTH]
    infixes = [*(IndonesianDefaults.infixes or []), *GLUED_BRACKETS, *ZERO_WIDTH]
    tokenizer_exceptions = without_date_breaking_exceptions(IndonesianDefaults.tokenizer_exceptions)


class WartaIndonesian(Indonesian):
    """spaCy's Indonesian with Warta's tokenizer settings built in.

    Setting ``nlp.tokenizer.infix_finditer`` on a built tokenizer reloads every
    special case, which costs as much as building the tokenizer (seconds);
    a language class whose defaults already carry the infixes builds it once.
    """

    Defaults = _WartaIndonesianDefaults


def blank_language(ruleset: RuleSet | None = None) -> Language:
    """A blank ``id`` pipeline with Warta's tokenizer: ``spacy.blank("id")`` with ``GLUED_BRACKETS``
    added to its infixes and :func:`without_date_breaking_exceptions` applied, built in one go; with
    ``ruleset``, glued words are cut as its ``tokenizer`` settings say (``None``: no cuts)."""
    if ruleset is None:
        return WartaIndonesian(create_tokenizer=warta_tokenizer)
    return WartaIndonesian(create_tokenizer=lambda nlp: warta_tokenizer(nlp, ruleset))


def restore_glued_words(nlp: Language, ruleset: RuleSet) -> None:
    """Give a tokenizer spaCy read back (``spacy.load``, ``nlp.from_bytes``) its glued-word cuts again.

    spaCy saves only the infix regex, so a saved Warta pipeline would come back
    without the cuts and extract differently. A tokenizer whose infixes are not
    Warta's (a component added alone to ``spacy.blank("id")``) is left as it is.
    """
    tokenizer: Any = getattr(nlp, "tokenizer", None)
    current = getattr(tokenizer, "infix_finditer", None)
    pattern = getattr(current, "__self__", None)
    if isinstance(current, GluedInfixes) or not isinstance(pattern, re.Pattern):
        return
    if GLUED_BRACKETS[0] not in pattern.pattern:
        return
    lexicon = glue_lexicon(ruleset)
    if lexicon is not None:
        tokenizer.infix_finditer = GluedInfixes(pattern, lexicon)  # slow (reloads special cases): once per load

