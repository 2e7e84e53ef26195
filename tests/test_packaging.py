"""pyproject.toml declares what Warta imports at run time, and nothing it does not."""

from __future__ import annotations

import ast
import re
from importlib.metadata import packages_distributions, requires

from .conftest import REPO

FOR_ANOTHER_PACKAGE = {"lxml-html-clean"}  # trafilatura's HTML cleaner, split out of lxml 5.2+


def normalized(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def imported_distributions() -> set[str]:
    """The distributions providing every top-level module that ``extractor/`` and ``cli.py`` import."""
    modules: set[str] = set()
    for path in [*(REPO / "extractor").rglob("*.py"), REPO / "cli.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    providers = packages_distributions()
    return {dist.lower().replace("_", "-") for module in modules for dist in providers.get(module, [])}


def test_every_runtime_dependency_is_imported() -> None:
    """As installed (the wheel's metadata), so a stale pyproject.toml edit shows too after reinstalling."""
    requirements = requires("warta") or []
    declared = {normalized(r) for r in requirements if "extra ==" not in r}
    unused = declared - imported_distributions() - FOR_ANOTHER_PACKAGE
    assert not unused, f"declared but never imported by extractor/: {sorted(unused)} (move them to an extra)"
    test_only = {normalized(r) for r in requirements if re.search(r"extra == .test.", r)}
    assert "jsonschema" not in declared and "jsonschema" in test_only
