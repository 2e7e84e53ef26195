"""Rule files: validation errors name file, line and rule; layering overrides by id."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.errors import RuleError
from extractor.rules import builtin_rules_dir, load_rule_file, load_rules
from tests.broken_rules import BROKEN, LOADER_CODES

GOOD = """\
kind: gazetteer
rules:
  - id: location.test.kampung
    label: LOCATION
    pattern: Kampung Warta
"""

LOADER_CASES = sorted(name for name, (files, code, *_) in BROKEN.items() if len(files) == 1 and code in LOADER_CODES
                      and "builtin" not in name and "at_build" not in name)  # at_build: found building the pipeline


def test_the_loader_alone_reports_most_kinds_of_broken_file() -> None:
    assert len({BROKEN[name][1] for name in LOADER_CASES}) >= 10


@pytest.mark.parametrize("name", LOADER_CASES)
def test_broken_rule_file_is_one_line_error_with_file_and_line(tmp_path: Path, name: str) -> None:
    files, code, _, line, rule_id = BROKEN[name]
    path = tmp_path / f"{name}.yaml"
    path.write_text(next(iter(files.values())), encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rule_file(path)
    message = str(info.value)
    assert code in message
    assert message.startswith(f"{path}:{line}:"), message
    assert (f"rule {rule_id!r}:" in message) == (rule_id is not None), message
    assert "\n" not in message


@pytest.mark.parametrize("name", ["yaml_syntax", "unknown_key", "bad_regex", "role_typo"])
def test_cli_reports_broken_rules_with_exit_code_2(tmp_path: Path, name: str) -> None:
    files, code, _, line, _ = BROKEN[name]
    (tmp_path / "user.yaml").write_text(next(iter(files.values())), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Jakarta", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(article), "--rules", str(tmp_path)])
    assert result.exit_code == 2
    err_lines = [x for x in result.stderr.splitlines() if x.strip()]
    assert len(err_lines) == 1
    assert f"user.yaml:{line}:" in err_lines[0] and code in err_lines[0]
    assert "Traceback" not in result.output + result.stderr


def test_user_folder_adds_and_overrides_by_id(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(
        GOOD + "  - id: country.alias.ri\n    label: COUNTRY\n    pattern: RI\n    attrs: {code: ID}\n",
        encoding="utf-8")
    base = load_rules()
    layered = load_rules([tmp_path])
    assert layered.by_id("location.test.kampung") is not None
    assert base.by_id("country.alias.ri").optional is True  # type: ignore[union-attr]
    assert layered.by_id("country.alias.ri").optional is False  # type: ignore[union-attr]
    assert layered.by_id("country.alias.ri").file.endswith("mine.yaml")  # type: ignore[union-attr]
    assert len(layered.rules) == len(base.rules) + 1
    assert layered.version != base.version


def test_builtin_rule_files_each_start_with_a_comment_header() -> None:
    for path in sorted(builtin_rules_dir().glob("*.yaml")):
        first = path.read_text(encoding="utf-8").lstrip().splitlines()[0]
        assert first.startswith("#"), f"{path.name} lacks a header comment"


def test_rules_keep_their_provenance() -> None:
    rule = load_rules().by_id("country.alias.ri")
    assert rule is not None
    assert rule.file.endswith("countries.yaml") and rule.line > 1
