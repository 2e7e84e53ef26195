"""The committed rule reference is what the schema generates (regenerate it when a kind changes)."""

from __future__ import annotations

from extractor.rules.kinds import KINDS
from extractor.rules.reference import reference

from .conftest import REPO


def test_rules_reference_is_up_to_date() -> None:
    committed = (REPO / "docs" / "rules-reference.md").read_text(encoding="utf-8")
    assert committed == reference(), "run: python -m extractor.rules.reference > docs/rules-reference.md"


def test_reference_lists_every_kind_setting_and_enumerated_value() -> None:
    text = reference()
    for kind in KINDS.values():
        assert f"## `{kind.name}`" in text
        for name in kind.settings:
            assert f"| `{name}` |" in text
        for spec in kind.fields.values():
            assert all(f"`{choice}`" in text for choice in spec.choices)
