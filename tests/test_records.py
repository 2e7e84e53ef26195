"""The output contract on real news: all 873 topical articles give valid records with exact offsets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from spacy.language import Language

from extractor.extract import extract_articles
from extractor.sources import read_paths


@pytest.fixture(scope="module")
def topical(shared: Path) -> Path:
    path = shared / "data" / "news" / "topical.jsonl"
    if not path.is_file():
        pytest.skip("../shared/data/news/topical.jsonl is not present")
    return path


@pytest.fixture(scope="module")
def topical_records(nlp: Language, topical: Path) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(input record, output record) for every topical article, in order."""
    inputs = [json.loads(line) for line in topical.read_text(encoding="utf-8").splitlines() if line.strip()]
    outputs = list(extract_articles(nlp, read_paths([str(topical)])))
    assert len(outputs) == len(inputs)
    return list(zip(inputs, outputs, strict=True))


def test_every_topical_article_gives_one_record_in_input_order(
        topical_records: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    assert len(topical_records) == 873
    assert all(out["doc_id"] == str(inp["id"]) for inp, out in topical_records)


def test_every_topical_record_validates_against_the_schema(
        topical_records: list[tuple[dict[str, Any], dict[str, Any]]], output_schema: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(output_schema)
    invalid = {out["doc_id"]: next(iter(validator.iter_errors(out))).message
               for _, out in topical_records if not validator.is_valid(out)}
    assert invalid == {}


def test_no_topical_article_fails(topical_records: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    failed = {out["doc_id"]: out["errors"] for _, out in topical_records if out["errors"]}
    assert failed == {}


def article_text(inp: dict[str, Any], out: dict[str, Any]) -> str:
    """The text offsets count in: the input's, or the repaired text the record carries (W002)."""
    return str(out.get("text", inp["text"]))


def test_every_entity_offset_holds(topical_records: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    wrong = [(out["doc_id"], e["type"], e["text"], e["start"], e["end"])
             for inp, out in topical_records for e in out["entities"]
             if article_text(inp, out)[e["start"]:e["end"]] != e["text"]]
    assert wrong == []
    assert sum(len(out["entities"]) for _, out in topical_records) > 873  # the check saw real entities


def test_entities_are_sorted_and_do_not_overlap(topical_records: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    for _, out in topical_records:
        spans = [(e["start"], e["end"]) for e in out["entities"]]
        assert spans == sorted(spans), out["doc_id"]
        assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False)), out["doc_id"]


def test_a_record_carries_its_text_only_when_the_text_was_repaired(
        topical_records: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    for inp, out in topical_records:
        if article_text(inp, out) != inp["text"]:
            assert any(w.startswith("W002") for w in out["warnings"]), out["doc_id"]
