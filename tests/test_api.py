"""The Python API: ``extractor.load``, ``extractor.to_record``, ``nlp.pipe`` contexts, saving with user rules."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from typer.testing import CliRunner

import extractor
from extractor.cli import app

from .conftest import CORPUS, entities_of

USER_AGENCY = """\
kind: agency
rules:
  - id: agency.user.bpkz
    label: AGENCY
    name: Badan Pengawas Kapal Zamrud
    acronym: BPKZ
    country: ID
    kind: commission
"""
USER_TEXT = "Kepala BPKZ bertemu Menteri Luar Negeri di Jakarta kemarin."


@pytest.fixture(scope="module")
def cli_records() -> dict[str, dict[str, Any]]:
    result = CliRunner().invoke(app, ["extract", str(CORPUS)])
    assert result.exit_code == 0, result.stderr
    return {r["doc_id"]: r for r in map(json.loads, result.stdout.splitlines())}


@pytest.fixture(scope="module")
def loaded() -> Language:
    return extractor.load()


def corpus_context(path: Path) -> dict[str, Any]:
    """What the CLI knows of a corpus file besides its text."""
    return {"doc_id": path.stem, "source": str(CORPUS / path.name), "encoding": "utf-8"}


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_to_record_of_a_loaded_pipeline_is_the_clis_record(loaded: Language, cli_records: dict[str, Any],
                                                          path: Path) -> None:
    doc = loaded(path.read_text(encoding="utf-8"))
    assert extractor.to_record(doc, **corpus_context(path)) == cli_records[path.stem]
    plain = extractor.to_record(doc)  # no context: only what names the file differs
    differ = {key for key in {*plain, *cli_records[path.stem]} if plain.get(key) != cli_records[path.stem].get(key)}
    assert differ == {"doc_id", "source", "encoding"}


def test_nlp_pipe_contexts_carry_doc_id_and_published(loaded: Language, cli_records: dict[str, Any]) -> None:
    paths = sorted(CORPUS.glob("*.txt"))
    pairs = [(p.read_text(encoding="utf-8"), corpus_context(p)) for p in paths]
    out = [(extractor.to_record(doc), context) for doc, context in loaded.pipe(pairs, as_tuples=True)]
    assert [record for record, _ in out] == [cli_records[p.stem] for p in paths]
    doc, _ = next(iter(loaded.pipe([("Delegasi tiba kemarin.", {"doc_id": "a1", "published": "21/10/2024"})],
                                   as_tuples=True)))
    record = extractor.to_record(doc)
    assert record["doc_id"] == "a1" and record["published"] == "21/10/2024"
    assert [d["value"] for d in entities_of(record, "DATE")] == ["2024-10-20"]


def test_to_record_defaults_and_unknown_context(loaded: Language) -> None:
    record = extractor.to_record(loaded("Judul\n\nDelegasi tiba di Jakarta."))
    assert (record["doc_id"], record["source"], record["title"]) == ("text", "<text>", "Judul")
    with pytest.raises(TypeError, match="unknown context"):
        extractor.to_record(loaded("x"), doc_ids="a")


def test_a_saved_pipeline_keeps_its_user_rules(tmp_path: Path) -> None:
    rules = tmp_path / "my_rules"
    rules.mkdir()
    (rules / "agencies.yaml").write_text(USER_AGENCY, encoding="utf-8")
    nlp = extractor.load(rules=[rules])
    before = extractor.to_record(nlp(USER_TEXT))
    assert "agency.user.bpkz" in [e["rule"] for e in before["entities"]]
    nlp.to_disk(tmp_path / "saved")
    (rules / "agencies.yaml").unlink()  # the saved pipeline must not need the original folder
    reloaded = spacy.load(tmp_path / "saved")
    assert reloaded.pipe_names == nlp.pipe_names
    assert extractor.to_record(reloaded(USER_TEXT)) == before


def test_pipeline_bytes_keep_the_user_rules(tmp_path: Path) -> None:
    (tmp_path / "agencies.yaml").write_text(USER_AGENCY, encoding="utf-8")
    data = extractor.load(rules=[tmp_path]).to_bytes()
    (tmp_path / "agencies.yaml").unlink()
    fresh = extractor.load().from_bytes(data)
    assert "agency.user.bpkz" in [e["rule"] for e in extractor.to_record(fresh(USER_TEXT))["entities"]]
    fresh.to_disk(tmp_path / "saved")  # rules read from bytes are saved again
    saved = tmp_path / "saved" / "agencies" / "rules" / "0" / "agencies.yaml"
    assert saved.read_text(encoding="utf-8") == USER_AGENCY


def test_a_saved_pipeline_without_user_rules_has_the_built_in_ones(loaded: Language, tmp_path: Path) -> None:
    loaded.to_disk(tmp_path / "saved")
    text = (CORPUS / "000_912647dabed99296.txt").read_text(encoding="utf-8")
    assert extractor.to_record(spacy.load(tmp_path / "saved")(text)) == extractor.to_record(loaded(text))


def test_import_extractor_stays_cheap() -> None:
    code = "import sys, extractor; print(sorted(m for m in ('spacy', 'dateparser', 'regex') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "[]"
    assert callable(extractor.load) and callable(extractor.to_record)
