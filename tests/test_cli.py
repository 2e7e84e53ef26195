"""The `warta extract` command: inputs, output contract, exit codes (CliRunner)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from extractor.cli import app

from .conftest import CORPUS


def run(*args: str, input: str | None = None) -> Any:
    return CliRunner().invoke(app, list(args), input=input)


def records(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_corpus_gives_five_valid_records_with_exact_offsets(output_schema: dict[str, Any]) -> None:
    result = run("extract", str(CORPUS))
    assert result.exit_code == 0, result.stderr
    out = records(result.stdout)
    assert [r["doc_id"] for r in out] == sorted(p.stem for p in CORPUS.glob("*.txt"))
    for record in out:
        jsonschema.validate(record, output_schema)
        text = (CORPUS / f"{record['doc_id']}.txt").read_text(encoding="utf-8")
        assert record["entities"], record["doc_id"]
        for ent in record["entities"]:
            assert text[ent["start"]:ent["end"]] == ent["text"]
    assert "5 articles, 5 ok, 0 failed" in result.stderr


def test_jsonl_from_stdin_keeps_order_ids_and_published() -> None:
    lines = "\n".join(json.dumps(r) for r in [
        {"id": "b", "text": "Menlu bertemu di Phnom Penh, Kamboja.", "published": "2024-06-15"},
        {"id": "a", "text": "WNI di Myanmar.", "title": "Judul", "url": "https://example.org/a"},
    ])
    result = run("extract", "-", input=lines + "\n")
    assert result.exit_code == 0
    out = records(result.stdout)
    assert [r["doc_id"] for r in out] == ["b", "a"]
    assert out[0]["published"] == "2024-06-15"
    assert out[1]["title"] == "Judul" and out[1]["url"] == "https://example.org/a"
    assert {e["code"] for e in out[0]["entities"] if e["type"] == "COUNTRY"} == {"KH"}


def test_broken_jsonl_line_costs_one_error_record_and_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "ok1", "text": "Kamboja"}\n{not json\n{"id": "x"}\n{"id": "ok2", "text": "Laos"}\n',
                    encoding="utf-8")
    result = run("extract", str(path))
    assert result.exit_code == 1
    out = records(result.stdout)
    assert [r["doc_id"] for r in out][0] == "ok1" and out[-1]["doc_id"] == "ok2"
    assert [r["errors"][0]["code"] for r in out[1:3]] == ["E103", "E104"]
    assert out[1]["errors"][0]["line"] == 2
    assert "2 failed" in result.stderr


def test_output_file_is_written_and_missing_path_reported(tmp_path: Path) -> None:
    target = tmp_path / "out" / "result.jsonl"
    result = run("extract", str(CORPUS / "000_912647dabed99296.txt"), str(tmp_path / "nope.txt"), "-o", str(target))
    assert result.exit_code == 1
    out = records(target.read_text(encoding="utf-8"))
    assert len(out) == 2 and out[1]["errors"][0]["code"] == "E109"
    assert result.stdout == ""
    assert not list(target.parent.glob("*.tmp"))


def test_cli_py_is_the_same_program() -> None:
    import subprocess
    import sys

    repo = CORPUS.parent
    proc = subprocess.run([sys.executable, "cli.py", "extract", "corpus/000_912647dabed99296.txt"], cwd=repo,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert records(proc.stdout)[0]["doc_id"] == "000_912647dabed99296"


def test_the_readme_output_excerpt_is_real_output() -> None:
    """The JSON the README shows under "What comes out" is what `warta extract corpus/` prints, shortened."""
    readme = (CORPUS.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("## What comes out")
    section = readme[start:readme.index("\n## ", start)]
    block = section.index("```json") + len("```json")
    shown = json.loads(section[block:section.index("```", block)])
    result = run("extract", str(CORPUS / f"{shown['doc_id']}.txt"))
    actual = json.loads(result.stdout)
    for key, value in shown.items():
        if key in ("entities", "events", "rules_version", "source"):
            continue
        assert actual[key] == value, key
    assert actual["source"].endswith(shown["source"].split("/")[-1])
    for entity in shown["entities"]:
        assert entity in actual["entities"]
    for event in shown["events"]:
        match = [e for e in actual["events"] if {k: e[k] for k in event if k != "evidence"} ==
                 {k: v for k, v in event.items() if k != "evidence"}]
        assert match and all(ev in match[0]["evidence"] for ev in event["evidence"])


# --- `python cli.py` run by an interpreter without Warta's dependencies ------------------------------------


def test_cli_py_without_dependencies_says_how_to_set_up(tmp_path: Path) -> None:
    shutil.copy(CORPUS.parent / "cli.py", tmp_path / "cli.py")  # no extractor package and no .venv beside it
    result = subprocess.run([sys.executable, "-S", str(tmp_path / "cli.py"), "extract", "x.txt"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "'extractor' is not installed" in result.stderr and ".venv/bin/pip install" in result.stderr


def test_cli_py_hands_over_to_the_checkouts_venv(tmp_path: Path) -> None:
    shutil.copy(CORPUS.parent / "cli.py", tmp_path / "cli.py")
    venv_python = tmp_path / ".venv" / "bin" / "python"
    venv_python.parent.mkdir(parents=True)
    venv_python.write_text('#!/bin/sh\necho "venv python got: $*"\n', encoding="utf-8")
    venv_python.chmod(0o755)
    result = subprocess.run([sys.executable, "-S", str(tmp_path / "cli.py"), "extract", "x.txt"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"venv python got: {tmp_path / 'cli.py'} extract x.txt"



@pytest.mark.parametrize("call", ["extract_resume_without_output", "explain_an_empty_file"])
def test_bad_arguments_fail_before_the_pipeline_is_built(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                         call: str) -> None:
    import extractor.pipeline as pipeline_module

    def refuse(ruleset: object) -> None:
        raise AssertionError("the pipeline was built for a call that cannot run")

    monkeypatch.setattr(pipeline_module, "get_pipeline", refuse)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    args = {"extract_resume_without_output": ["extract", str(CORPUS), "--resume"],
            "explain_an_empty_file": ["explain", str(tmp_path / "empty.txt")]}[call]
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (1, 2) and not isinstance(result.exception, AssertionError), result.output
