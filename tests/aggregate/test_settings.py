"""rules/aggregate.yaml: the built-in settings load; a mistake names the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.aggregate.settings import default_settings, default_settings_path, load_settings
from extractor.errors import RuleError


def test_builtin_settings_load_and_match_the_defaults() -> None:
    assert default_settings_path().name == "aggregate.yaml"
    assert load_settings() == default_settings()  # the file restates the defaults declared in extractor/rules/kinds.py


@pytest.mark.parametrize(("body", "line", "code"), [
    ("kind: aggregate\nsettings:\n  clusters:\n    min_link_scor: 3\n", 4, "E002"),
    ("kind: aggregate\nsettings:\n  clusters:\n    date_slack_days: 1.5\n", 4, "E003"),
    ("kind: aggregate\nsettings:\n  clusters:\n    date_slack_days: -1\n", 4, "E003"),
    ("kind: aggregate\nsettings:\n  stages:\n    types: [RESCUE, ARREST]\n", 4, "E003"),
    ("kind: aggregate\nsettings:\n  stories:\n    threshold: yes\n", 4, "E003"),
    ("kind: aggregate\nsettings:\n  stages:\n    leg_types: [RESCUE]\n", 4, "E003"),  # a pair or nothing
    ("kind: aggregate\nsettings:\n  stages:\n    leg_types: [RESCUE, RESCUE]\n", 4, "E003"),
    ("kind: aggregate\nsettings:\n  clusters:\n    evidence:\n      same_count: high\n", 5, "E003"),
    ("kind: aggregate\nsettings:\n  plots: {}\n", None, "E002"),
    ("kind: other\n", 1, "E011"),
    ("kind: aggregate\nsettings: [\n", None, "E001"),
])
def test_mistakes_name_file_and_line(tmp_path: Path, body: str, line: int | None, code: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_settings(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and code in message
    if line is not None:
        assert caught.value.line == line


def test_a_partial_file_keeps_the_other_defaults(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("kind: aggregate\nsettings:\n  clusters:\n    min_link_score: 5\n", encoding="utf-8")
    settings = load_settings(path)
    assert settings.clusters.min_link_score == 5
    assert settings.stages == default_settings().stages
