"""The code stays ruff- and mypy-clean (skipped where the tools are not installed)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO


@pytest.mark.parametrize("tool", [["ruff", "check", "."], ["mypy"]])
def test_static_checks_pass(tool: list[str]) -> None:
    # the tool from the tests' own environment first, else from PATH
    local = Path(sys.executable).parent / tool[0]
    exe = str(local) if local.exists() else shutil.which(tool[0])
    if exe is None:
        pytest.skip(f"{tool[0]} is not installed")
    cmd = [exe, *tool[1:]]
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
