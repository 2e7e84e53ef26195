"""Indonesian numerals read by the pure numeral grammar (extractor.components.case_counts.numerals),
on plain word lists: no pipeline, no spaCy Doc."""

from __future__ import annotations

import pytest

from extractor.components.case_counts.numerals import Numeral, NumeralGrammar, WordList, next_word, prev_end
from extractor.rules import RuleSet


@pytest.fixture(scope="module")
def grammar(builtin_rules: RuleSet) -> NumeralGrammar:
    return NumeralGrammar.from_settings(builtin_rules.settings("case_counts"))


def read(grammar: NumeralGrammar, phrase: str) -> Numeral | None:
    return grammar.numeral_at(WordList(phrase.split()), 0)


# phrase, value, range, token end of the numeral
Row = tuple[str, int | None, tuple[int, int] | None, int]
DIGITS: list[Row] = [
    ("1.386 kasus", 1386, None, 1),  # a dot groups thousands
    ("123.000 WNI", 123000, None, 1),
    ("4.700", 4700, None, 1),
    ("62 orang", 62, None, 1),
    ("1,1 juta orang", 1100000, None, 2),  # a decimal comma before a scale word
    ("4.5 juta", 4500000, None, 2),
    ("80 ribu orang", 80000, None, 2),
    ("1,386,000 orang", 1386000, None, 1),  # English-style separators
]
WORDS: list[Row] = [
    ("enam puluh dua orang", 62, None, 3),
    ("dua belas WNI", 12, None, 2),
    ("seratus lima korban", 105, None, 2),
    ("sebelas orang", 11, None, 1),
    ("seribu orang", 1000, None, 1),
    ("dua ribu orang", 2000, None, 2),
    ("tiga ratus dua puluh", 320, None, 4),
]
RANGES: list[Row] = [
    ("10 - 15 orang", None, (10, 15), 3),
    ("10 hingga 15 orang", None, (10, 15), 3),
    ("2 - 3 ribu orang", None, (2000, 3000), 4),  # the scale serves both ends
    ("ratusan orang", None, (100, 999), 1),
    ("puluhan ribu orang", None, (10000, 99999), 2),
    ("ratusan hingga ribuan orang", None, (100, 9999), 3),
]


@pytest.mark.parametrize(("phrase", "value", "range_", "end"), DIGITS + WORDS + RANGES)
def test_numerals(grammar: NumeralGrammar, phrase: str, value: int | None, range_: tuple[int, int] | None,
                  end: int) -> None:
    numeral = read(grammar, phrase)
    assert numeral is not None, phrase
    assert (numeral.value, numeral.range, numeral.end) == (value, range_, end)


@pytest.mark.parametrize(("phrase", "value"), [("300an orang", 300), ("90 ribuan WNI", 90000)])
def test_approximate_numerals(grammar: NumeralGrammar, phrase: str, value: int) -> None:
    numeral = read(grammar, phrase)
    assert numeral is not None and (numeral.value, numeral.approx) == (value, True)


@pytest.mark.parametrize("phrase", [
    "122,3 persen",  # a fraction without a scale word is never a count
    "0812 nomor",  # leading zero: a code or a phone number
    "kasus 12",  # no numeral at the first word
    "15 - 10 orang",  # no range runs backwards: read as 15 alone below
])
def test_not_numerals(grammar: NumeralGrammar, phrase: str) -> None:
    numeral = read(grammar, phrase)
    assert numeral is None or numeral.range is None


def test_backward_range_is_the_first_number(grammar: NumeralGrammar) -> None:
    assert read(grammar, "15 - 10 orang") == Numeral(0, 1, 15)


def test_two_number_words_are_two_numerals(grammar: NumeralGrammar) -> None:
    assert read(grammar, "dua tiga orang") == Numeral(0, 1, 2)  # "dua tiga": two numbers, not 23


def test_whitespace_tokens_are_skipped() -> None:
    spaces = [0, 1, 1, 0, 1]
    assert next_word(spaces, 1) == 3 and next_word(spaces, 4) == 5
    assert prev_end(spaces, 3) == 1 and prev_end(spaces, 0) == 0
