"""The README and docs/ pages: short README, its commands, the output contract tables against the JSON Schema,
the README's Python runs, links resolve."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

import pytest

from .conftest import REPO

README = REPO / "README.md"
PAGES = [README, *sorted((REPO / "docs").glob("*.md")), REPO / "benchmarks" / "README.md"]


def readme() -> str:
    return README.read_text(encoding="utf-8")


def test_readme_is_short_and_keeps_its_sections() -> None:
    text = readme()
    assert len(text.splitlines()) <= 300
    headings = re.findall(r"^## (.+)$", text, re.M)
    for needed in ("Quick start", "What comes out", "The command line at a glance", "Aggregates and reports",
                   "Python API", "How it works", "Documentation"):
        assert needed in headings


def test_readme_commands_are_the_set_up_and_ci_commands() -> None:
    commands = re.findall(r"```sh\n(python3 -m venv .*)\n```", readme())
    assert commands[0] == "python3 -m venv .venv && .venv/bin/pip install -q . && .venv/bin/warta extract corpus/"
    ci_line = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert commands[1] == ci_line


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(REPO)))
def test_local_links_resolve(page: Path) -> None:
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+://", target):
            continue
        path = (page.parent / target).resolve()
        assert path.exists(), f"{page.name} links to missing {target}"


# --- docs/output.md against the JSON Schema --------------------------------------------------------------------


def field_table(marker: str) -> dict[str, bool]:
    """``{field: always}`` from the table after ``<!-- fields: MARKER -->`` in docs/output.md."""
    page = (REPO / "docs" / "output.md").read_text(encoding="utf-8")
    table = page.split(f"<!-- fields: {marker} -->", 1)[1].split("\n\n", 1)[0]
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in table.strip().splitlines()[2:]]
    return {row[0].strip("`"): row[2] == "yes" for row in rows}


@pytest.mark.parametrize(("marker", "path"), [("record", ()), ("entity", ("$defs", "entity")),
                                              ("event", ("$defs", "event"))])
def test_output_page_lists_the_schemas_fields(output_schema: dict[str, Any], marker: str,
                                              path: tuple[str, ...]) -> None:
    schema = output_schema
    for key in path:
        schema = schema[key]
    documented = field_table(marker)
    assert set(documented) == set(schema["properties"]), marker
    assert {name for name, always in documented.items() if always} == set(schema["required"]), marker


def test_output_page_lists_each_types_required_attributes(output_schema: dict[str, Any]) -> None:
    page = (REPO / "docs" / "output.md").read_text(encoding="utf-8")
    table = page.split("<!-- attributes -->", 1)[1].split("\n\n", 1)[0]
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| `(\w+)` \| (.*) \|$", table, re.M)}
    assert set(rows) == set(output_schema["$defs"]["entity"]["properties"]["type"]["enum"])
    for rule in output_schema["$defs"]["entity"]["allOf"]:
        label = rule["if"]["properties"]["type"]["const"]
        for attribute in [*rule["then"].get("required", []), *rule["then"].get("properties", {})]:
            assert f"`{attribute}`" in rows[label], (label, attribute)


def test_output_page_lists_every_warning_code() -> None:
    from extractor.errors import Errors

    page = (REPO / "docs" / "output.md").read_text(encoding="utf-8")
    for code in (e.name for e in Errors if e.name.startswith("W")):
        assert f"| `{code}` |" in page, code


# --- the README's Python runs as shown ---------------------------------------------------------------------------


def test_readme_python_examples_run() -> None:
    blocks = re.findall(r"```python\n(.*?)```", readme().split("## Python API", 1)[1].split("\n## ", 1)[0], re.S)
    assert len(blocks) == 2
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        for block in blocks:
            exec(compile(block, "README.md", "exec"), {})  # noqa: S102  (our own README's examples)
    lines = printed.getvalue().splitlines()
    assert lines[0].startswith("2024-10-21 ")  # reference_date from the context's published
    assert lines[-1] == "(Selasa (11/6/2024),)"
