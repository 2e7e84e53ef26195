"""The name grammar agencies and officials share."""

from __future__ import annotations

import pytest

from extractor.components.naming import enumeration_ahead

NAME_WORDS = {"Hukum", "Keamanan", "Asia", "Pasifik", "Afrika", "Politik"}


@pytest.mark.parametrize(("words", "expected"), [
    ("Hukum , dan Keamanan", True),
    ("Pasifik , Afrika , serta Asia", True),
    ("Hukum , kata dia", False),  # a clause after the comma, not a list
    ("Hukum Hukum Hukum Hukum Hukum Hukum Hukum Hukum dan", False),  # too far for an enumeration
])
def test_enumeration_ahead(words: str, expected: bool) -> None:
    texts = words.split()
    found = enumeration_ahead(lambda k: texts[k], len(texts), 0, {"dan", "serta"},
                              lambda k: k + 1 if texts[k] in NAME_WORDS else k)
    assert found is expected
