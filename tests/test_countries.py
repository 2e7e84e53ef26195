"""Country names and codes from CLDR."""

from __future__ import annotations

import pytest

from extractor.countries import NOT_COUNTRIES, codes_to_names, country_name, names_to_codes


@pytest.mark.parametrize(("name", "code"), [
    ("Kamboja", "KH"), ("Myanmar", "MM"), ("Indonesia", "ID"), ("Cambodia", "KH"),
])
def test_names_to_codes(name: str, code: str) -> None:
    assert names_to_codes(("id", "en"))[name] == code


def test_bracketed_alternative_names_the_same_country() -> None:
    names = names_to_codes(("en",))
    assert names["Myanmar"] == names["Burma"] == "MM"


def test_regions_that_are_not_countries_are_left_out() -> None:
    assert not set(names_to_codes(("id",)).values()) & NOT_COUNTRIES


@pytest.mark.parametrize(("code", "fallback", "name"), [
    ("KH", "Cambodia", "Kamboja"), ("ID", "RI", "Indonesia"), (None, "RI", "RI"), ("QQ", "Atlantis", "Atlantis"),
])
def test_country_name(code: str | None, fallback: str, name: str) -> None:
    assert country_name(code, fallback) == name


def test_names_carry_no_bracketed_part() -> None:
    assert not any("(" in name for name in codes_to_names("id").values())
