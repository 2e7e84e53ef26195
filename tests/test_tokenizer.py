"""The tokenizer fixes: dates keep token boundaries where DATE spans start and end."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from extractor.rules import RuleSet
from extractor.tokenizer import blank_language, configure_tokenizer

NO_RULES = RuleSet(files=[], rules=[], version="tokenizer-test")  # the tokenizer fixes need no rule file


@pytest.fixture(scope="module")
def configured() -> Any:
    """spacy.blank("id") adapted in place, the other way the fix is applied."""
    nlp = spacy.blank("id")
    configure_tokenizer(nlp, NO_RULES)
    return nlp


@pytest.mark.parametrize("text, tokens", [
    ("Rabu (21/8)", ["Rabu", "(", "21", "/", "8", ")"]),
    ("Kamis (22/8).", ["Kamis", "(", "22", "/", "8", ")", "."]),
    ("Selasa (2/8/2022),", ["Selasa", "(", "2", "/", "8", "/", "2022", ")", ","]),
    ("(8)", ["(", "8", ")"]),
])
def test_dates_in_brackets_split_cleanly(configured: Any, text: str, tokens: list[str]) -> None:
    assert [t.text for t in blank_language(NO_RULES).make_doc(text)] == tokens
    assert [t.text for t in configured.make_doc(text)] == tokens


def test_stock_spacy_breaks_the_bracketed_date() -> None:
    """Why the fix exists: spaCy's emoticon exception "8)" glues the month to the bracket."""
    assert "8)" in [t.text for t in spacy.blank("id").make_doc("Rabu (21/8)")]


def test_other_emoticons_are_kept(configured: Any) -> None:
    assert [t.text for t in configured.make_doc("senang :)")] == ["senang", ":)"]


def test_the_day_and_month_of_a_bracketed_date_align_as_a_span(configured: Any) -> None:
    doc = configured.make_doc("pada Rabu (21/8) di Phnom Penh")
    start = doc.text.index("21/8")
    assert doc.char_span(start, start + 4) is not None
