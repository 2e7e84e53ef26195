"""The tokenizer fixes: dates keep token boundaries where DATE spans start and end."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.util import compile_infix_regex, compile_suffix_regex

from extractor.tokenizer import (
    CACHE_SIZE,
    GLUED_BRACKETS,
    AlphabeticGuard,
    FirstCharacterGuard,
    WartaIndonesian,
    blank_language,
    without_date_breaking_exceptions,
)

from .conftest import examples


@pytest.fixture(scope="module")
def configured() -> Any:
    """spacy.blank("id") adapted in place, the other way the fix is applied."""
    nlp = spacy.blank("id")
    infixes = list(nlp.Defaults.infixes or []) + list(GLUED_BRACKETS)
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    tokenizer.rules = without_date_breaking_exceptions(tokenizer.rules)
    return nlp


@pytest.mark.parametrize("text, tokens", [
    ("Rabu (21/8)", ["Rabu", "(", "21", "/", "8", ")"]),
    ("Kamis (22/8).", ["Kamis", "(", "22", "/", "8", ")", "."]),
    ("Selasa (2/8/2022),", ["Selasa", "(", "2", "/", "8", "/", "2022", ")", ","]),
    ("(8)", ["(", "8", ")"]),
])
def test_dates_in_brackets_split_cleanly(configured: Any, text: str, tokens: list[str]) -> None:
    assert [t.text for t in blank_language().make_doc(text)] == tokens
    assert [t.text for t in configured.make_doc(text)] == tokens


@pytest.mark.parametrize("text, tokens", [
    # a zero-width space glued after the full stop hid the bracket and the day/month from the date rules
    ("Kamboja (31/7).\u200b Keberhasilan", ["Kamboja", "(", "31", "/", "7", ")", ".", "\u200b", "Keberhasilan"]),
    ("\ufeffSenin (4/8)", ["\ufeff", "Senin", "(", "4", "/", "8", ")"]),
])
def test_zero_width_characters_are_separators(text: str, tokens: list[str]) -> None:
    assert [t.text for t in blank_language().make_doc(text)] == tokens


def test_the_pipeline_tokenizer_caches_beyond_spacys_default(nlp: Any) -> None:
    """spaCy 3.8 stops caching at 10,000 chunks, which the components' phrases fill while the pipeline is built:
    every later word was split again (the throughput regression of issue 13)."""
    assert nlp.tokenizer.max_cache_size == CACHE_SIZE > 10 * spacy.blank("id").tokenizer.max_cache_size


def test_stock_spacy_breaks_the_bracketed_date() -> None:
    """Why the fix exists: spaCy's emoticon exception "8)" glues the month to the bracket."""
    assert "8)" in [t.text for t in spacy.blank("id").make_doc("Rabu (21/8)")]


def test_other_emoticons_are_kept(configured: Any) -> None:
    assert [t.text for t in configured.make_doc("senang :)")] == ["senang", ":)"]


def test_the_day_and_month_of_a_bracketed_date_align_as_a_span(configured: Any) -> None:
    doc = configured.make_doc("pada Rabu (21/8) di Phnom Penh")
    start = doc.text.index("21/8")
    assert doc.char_span(start, start + 4) is not None


# --- the guarded prefix search is a speed-up only: same tokens as spaCy's unguarded search ---------------

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def guarded() -> Any:
    return blank_language()


def tokens_of(nlp: Any, text: str) -> list[str]:
    return [t.text for t in nlp.make_doc(text)]


def test_the_guard_skips_letters_but_not_prefix_characters(guarded: Any) -> None:
    guard = guarded.tokenizer.prefix_search
    assert isinstance(guard, FirstCharacterGuard)
    assert {"a", "K", "7", "é"} <= guard.skipped
    assert not {"(", "\"", "$", "U", "C", "A", "…", "«"} & guard.skipped  # "US$", "C$", "A$" start with letters
    assert guard("US$5") is not None and guard("(Kemlu") is not None and guard("Kemlu") is None


@pytest.mark.parametrize("text", [
    "US$5 juta, C$3 dan A$2 (Rp 9 juta) «kutipan» ¿qué? —Jakarta… 'Kemlu' “WNI” §12 %5 =3 +62",
    "Rabu (21/8), ~10 WNI; [catatan] {kurung} <tag> _garis_ *bintang* &dan ·titik",
])
def test_guarded_tokens_equal_unguarded_on_prefix_heavy_text(configured: Any, guarded: Any, text: str) -> None:
    assert tokens_of(guarded, text) == tokens_of(configured, text)


def test_guarded_tokens_equal_unguarded_on_the_corpus(configured: Any, guarded: Any) -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert tokens_of(guarded, text) == tokens_of(configured, text), path.name


@settings(max_examples=examples(300))
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_guarded_tokens_equal_unguarded_on_any_text(configured: Any, guarded: Any, text: str) -> None:
    assert tokens_of(guarded, text) == tokens_of(configured, text)


def test_the_guard_survives_pickling(guarded: Any) -> None:
    guard = pickle.loads(pickle.dumps(guarded.tokenizer.prefix_search))
    assert guard.skipped == guarded.tokenizer.prefix_search.skipped and guard("$5") is not None


def test_no_suffix_or_infix_rule_matches_letters_alone() -> None:
    """The premise of AlphabeticGuard, over every Unicode letter, alone and next to Latin letters."""
    suffix = compile_suffix_regex(WartaIndonesian.Defaults.suffixes or []).search
    infix = compile_infix_regex(WartaIndonesian.Defaults.infixes or []).finditer
    letters = [chr(c) for c in range(0x110000) if chr(c).isalpha()]
    matched = [s for c in letters for s in (c, "a" + c, c + "a", "A" + c, c + "A", c + c)
               if suffix(s) is not None or next(infix(s), None) is not None]
    assert matched == []


@settings(max_examples=examples(300))
@given(st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Lt", "Lm", "Lo", "Pd", "Po", "Nd")),
               max_size=40))
def test_guarded_tokens_equal_unguarded_on_words_and_punctuation(configured: Any, guarded: Any, text: str) -> None:
    assert tokens_of(guarded, text) == tokens_of(configured, text)


def test_the_alphabetic_guards_survive_pickling(guarded: Any) -> None:
    for guard in (guarded.tokenizer.suffix_search, guarded.tokenizer.infix_finditer):
        assert isinstance(guard, AlphabeticGuard)
        copy = pickle.loads(pickle.dumps(guard))
        assert copy("Kemlu") == guard("Kemlu") and copy.method == guard.method
    assert guarded.tokenizer.suffix_search("5km") is not None
    assert list(guarded.tokenizer.infix_finditer("21/8"))
