"""The pure in-article coreference of officials: who a name form stands for, and which forms a person has."""

from __future__ import annotations

import pytest

from extractor.components.officials.persons import Found, Person, absorb, contains, find_person, forms, new_person
from extractor.rules import Rule

RULE = Rule(id="official.test", kind="official", file="rules/officials.yaml", line=1, pattern=None)


@pytest.mark.parametrize(("seq", "sub", "expected"), [
    (["Budi", "Santoso"], ["Santoso"], True),
    (["Budi", "Santoso"], ["Budi", "Santoso"], True),
    (["Budi", "Santoso"], ["Santoso", "Budi"], False),
    (["Budi"], ["Budi", "Santoso"], False),
])
def test_contains_is_a_contiguous_run(seq: list[str], sub: list[str], expected: bool) -> None:
    assert contains(seq, sub) is expected


def test_a_surname_finds_its_one_person() -> None:
    persons: list[Person] = []
    rudi = new_person(persons, ["Rudi", "Hartono"])
    new_person(persons, ["Sri", "Lestari"])
    assert find_person(persons, ["Hartono"]) is rudi
    assert find_person(persons, ["Rudi", "Hartono", "Putra"]) is rudi


def test_a_shared_name_part_finds_nobody() -> None:
    persons: list[Person] = []
    new_person(persons, ["Budi", "Santoso"])
    new_person(persons, ["Budi", "Hartono"])
    assert find_person(persons, ["Budi"]) is None


def test_an_alias_finds_its_person() -> None:
    persons: list[Person] = []
    budi = new_person(persons, ["Budi", "Santoso"])
    budi.aliases.add("Cak Budi")
    assert find_person(persons, ["Cak", "Budi"]) is budi


def test_the_fullest_title_wins_and_keeps_its_country() -> None:
    person = Person(tokens=["Rudi", "Hartono"], pid="P1")
    absorb(person, Found(0, 2, RULE, ["Rudi", "Hartono"], title="Menteri", country="ID"))
    absorb(person, Found(5, 7, RULE, ["Rudi", "Hartono"], title="Menteri Luar Negeri", country="MY",
                         rank="Komjen"))
    absorb(person, Found(9, 10, RULE, ["Rudi"], title="Menlu", country="SG"))
    assert (person.title, person.country, person.rank) == ("Menteri Luar Negeri", "MY", "Komjen")


@pytest.mark.parametrize(("name", "allowed", "present", "absent"), [
    (["Rudi", "Hartono"], None, [["Rudi"], ["Hartono"], ["Rudi", "Hartono"]], []),
    (["Joko", "Widodo"], {"Widodo"}, [["Widodo"]], [["Joko"]]),  # a well-known official's allowed short forms
    (["Ali", "bin", "Umar"], None, [["Umar"], ["Ali", "bin", "Umar"]], [["bin"], ["Ali", "bin"]]),  # particles
    (["Bu", "Ani", "Wijaya"], None, [["Wijaya"]], [["Bu"]]),  # too short to stand alone
    (["Muhammad", "Yusuf"], None, [["Yusuf"]], [["Muhammad"]]),  # a weak name part
])
def test_name_forms(name: list[str], allowed: set[str] | None, present: list[list[str]],
                    absent: list[list[str]]) -> None:
    person = Person(tokens=name, pid="P1")
    got = forms(person, allowed, weak={"Muhammad"}, not_name=set(), particles={"bin"})
    for seq in present:
        assert seq in got
    for seq in absent:
        assert seq not in got


def test_aliases_are_forms() -> None:
    person = Person(tokens=["Budi", "Santoso"], pid="P1", aliases={"Cak Budi"})
    assert ["Cak", "Budi"] in forms(person, None, set(), set(), set())
