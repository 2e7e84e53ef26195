"""The start-up cache: same results as no cache, never a stale entry, never a failed run."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor import cache
from extractor.cache import cached, load_rules_cached
from extractor.rules import Rule, load_rules

RULE_FILE = """kind: gazetteer
rules:
  - id: location.test.village
    label: LOCATION
    pattern: {phrase}
"""


def described(rule: Rule) -> tuple[object, ...]:
    pattern = rule.pattern
    compiled = pattern.compiled if pattern is not None else None
    return (rule.id, rule.where, rule.label, dict(rule.attrs), dict(rule.data), rule.priority,
            None if pattern is None else (pattern.form, pattern.phrases, pattern.tokens, pattern.regex),
            None if compiled is None else (compiled.pattern, compiled.flags))


@pytest.fixture()
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("WARTA_CACHE_DIR", str(folder))
    monkeypatch.delenv("WARTA_CACHE", raising=False)
    return folder


def test_second_call_is_served_from_disk_and_a_new_key_rebuilds(cache_home: Path) -> None:
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"built": len(calls)}

    assert cached("demo", ("a", 1), build) == {"built": 1}
    assert cached("demo", ("a", 1), build) == {"built": 1} and len(calls) == 1
    assert cached("demo", ("a", 2), build) == {"built": 2}
    assert len(list(cache_home.glob("demo-*.pickle"))) == 2


def test_corrupt_entry_is_rebuilt(cache_home: Path) -> None:
    cached("demo", "k", lambda: [1, 2, 3])
    (entry,) = cache_home.glob("demo-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert cached("demo", "k", lambda: [4]) == [4]
    assert cached("demo", "k", lambda: [5]) == [4]


def test_unwritable_folder_or_switched_off_still_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("WARTA_CACHE_DIR", str(blocker / "cache"))  # a folder under a file cannot exist
    assert cached("demo", "k", lambda: "value") == "value"
    monkeypatch.setenv("WARTA_CACHE", "off")
    assert cache.cache_dir() is None
    assert cached("demo", "k", lambda: "fresh") == "fresh"


def test_old_entries_are_pruned(cache_home: Path) -> None:
    for i in range(cache.KEEP + 3):
        cached("demo", i, lambda: 0)
    assert len(list(cache_home.glob("demo-*.pickle"))) == cache.KEEP


def test_cached_rules_equal_loaded_rules_and_follow_edits(cache_home: Path, tmp_path: Path) -> None:
    extra = tmp_path / "rules"
    extra.mkdir()
    (extra / "village.yaml").write_text(RULE_FILE.format(phrase="Desa Satu"), encoding="utf-8")
    fresh = load_rules([extra])
    first = load_rules_cached([extra])
    again = load_rules_cached([extra])
    assert first.version == again.version == fresh.version
    assert [described(r) for r in again.rules] == [described(r) for r in fresh.rules]
    (extra / "village.yaml").write_text(RULE_FILE.format(phrase="Desa Dua"), encoding="utf-8")
    edited = load_rules_cached([extra])
    assert edited.version != first.version
    rule = edited.by_id("location.test.village")
    assert rule is not None and rule.pattern is not None and rule.pattern.phrases == ("Desa Dua",)


def test_broken_rules_are_reported_every_time(cache_home: Path, tmp_path: Path) -> None:
    from extractor.errors import RuleError

    extra = tmp_path / "rules"
    extra.mkdir()
    (extra / "bad.yaml").write_text("kind: gazetteer\nrules:\n  - id: x\n    label: NOPE\n    pattern: Desa\n",
                                    encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RuleError, match="bad.yaml"):
            load_rules_cached([extra])
