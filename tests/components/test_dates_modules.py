"""The date grammar's pure modules (extractor.components.dates: find, reference, resolve) on plain
text: no pipeline, no spaCy Doc."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.components.dates import reference as reference_module
from extractor.components.dates.find import Finder
from extractor.components.dates.grammar import Cand, Grammar
from extractor.components.dates.reference import Reference
from extractor.components.dates.resolve import Resolver
from extractor.rules import RuleSet


@pytest.fixture(scope="module")
def grammar(builtin_rules: RuleSet) -> Grammar:
    return Grammar.compile(builtin_rules)


def find(grammar: Grammar, text: str) -> list[Cand]:
    dropped: list[str] = []
    return Finder(grammar).candidates(text, lambda rule, start, end, why: dropped.append(why),
                                      lambda start, end: False)


@pytest.mark.parametrize(("text", "surfaces"), [
    ("Pada 5 Maret 2024 dan Januari hingga Maret 2024 kasus naik.", ["5 Maret 2024", "Januari hingga Maret 2024"]),
    ("Rapat digelar 18 dan 19 Maret 2025.", ["18", "19 Maret 2025"]),  # a listed day is its own mention
    ("Pukul 10.30 mereka tiba.", []),  # a clock time is no date
])
def test_candidates(grammar: Grammar, text: str, surfaces: list[str]) -> None:
    assert [text[c.start:c.end] for c in find(grammar, text)] == surfaces


@pytest.mark.parametrize(("text", "published", "reference", "basis"), [
    ("Kasus terjadi Rabu (21/8/2024).", "2024-09-01", "2024-09-01", "published"),
    ("Jakarta, Selasa, 5 Maret 2024. Rapat pada 1 Maret 2024.", None, "2024-03-05", "dateline"),
    ("Kasus pada 1 Maret 2024 dan 3 Maret 2024.", None, "2024-03-03", "latest_date"),
    ("Tak ada tanggal di sini.", None, None, None),
])
def test_reference(grammar: Grammar, text: str, published: str | None, reference: str | None,
                   basis: str | None) -> None:
    warnings: list[str] = []
    day, found = Reference(grammar).reference({"published": published}, text, find(grammar, text), warnings)
    assert (day.isoformat() if day else None, found) == (reference, basis)


def test_yearless_dateline_takes_the_year_its_weekday_agrees_with(grammar: Grammar,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reference_module, "today", lambda: dt.date(2026, 11, 23))
    text = "Ia berbicara di Jakarta, Selasa (28/10)."
    day, basis = Reference(grammar).reference({}, text, find(grammar, text), [])
    assert (day, basis) == (dt.date(2025, 10, 28), "dateline")  # 28 October 2025 was a Tuesday


@pytest.mark.parametrize(("text", "reference", "value"), [
    ("pada 17 Oktober lalu", dt.date(2025, 10, 28), "2025-10-17"),
    ("pada 17 Desember", dt.date(2025, 10, 28), "2024-12-17"),  # news looks backwards
    ("Senin lalu", dt.date(2025, 10, 29), "2025-10-27"),
    ("tahun lalu", dt.date(2025, 10, 28), "2024"),
    ("April-Juni tahun ini", dt.date(2025, 10, 28), "2025-04/2025-06"),
])
def test_resolution(grammar: Grammar, text: str, reference: dt.date, value: str) -> None:
    cands = find(grammar, text)
    assert len(cands) == 1, cands
    assert Resolver(grammar).resolve(cands[0], reference, None, []).value == value
