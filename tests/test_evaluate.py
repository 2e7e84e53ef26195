"""``warta eval``: matching rules of ANNOTATION.md, and agreement with the shared scorer score.py."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.evaluate import evaluate, load_gold, match_mentions

from .conftest import CORPUS, SEED_GOLD


def gold_doc(mentions: list[dict[str, Any]], ignore: list[list[int]] | None = None, **fields: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {"doc_id": "d", "reference_date": None, "authors": [], "ignore": ignore or [],
                           "mentions": [], "events": []}
    doc["mentions"] = [{"optional": False, **m} for m in mentions]
    doc.update(fields)
    return doc


def mention(type_: str, start: int, end: int, **attrs: Any) -> dict[str, Any]:
    return {"type": type_, "start": start, "end": end, "text": "x" * (end - start), **attrs}


def lenient(gold: dict[str, Any], entities: list[dict[str, Any]], type_: str) -> dict[str, Any]:
    result = evaluate({"d": gold}, {"d": {"doc_id": "d", "entities": entities}}).as_dict()
    return dict(result["types"][type_]["lenient"])


# --- matching edge cases (no ../shared needed) ------------------------------------------


def test_optional_gold_mention_counts_neither_way() -> None:
    gold = gold_doc([mention("COUNTRY", 0, 2, code="ID", optional=True), mention("COUNTRY", 10, 17, code="KH")])
    found = lenient(gold, [mention("COUNTRY", 0, 2, code="ID"), mention("COUNTRY", 10, 17, code="KH")], "COUNTRY")
    missed = lenient(gold, [mention("COUNTRY", 10, 17, code="KH")], "COUNTRY")
    assert (found["tp"], found["fp"], found["fn"]) == (1, 0, 0)
    assert (missed["tp"], missed["fp"], missed["fn"]) == (1, 0, 0)


def test_system_mention_overlapping_an_optional_gold_mention_is_neutral_only_within_its_type() -> None:
    gold = gold_doc([mention("LOCATION", 0, 20, optional=True)])
    assert lenient(gold, [mention("LOCATION", 5, 9)], "LOCATION")["fp"] == 0
    assert lenient(gold, [mention("COUNTRY", 5, 9, code="ID")], "COUNTRY")["fp"] == 1


def test_system_mentions_touching_an_ignore_region_count_neither_way() -> None:
    gold = gold_doc([mention("LOCATION", 0, 7)], ignore=[[50, 80]])
    inside = [mention("LOCATION", 0, 7), mention("LOCATION", 60, 66), mention("LOCATION", 45, 51)]
    counts = lenient(gold, inside, "LOCATION")
    assert (counts["tp"], counts["fp"], counts["fn"]) == (1, 0, 0)
    outside = lenient(gold, [mention("LOCATION", 0, 7), mention("LOCATION", 40, 50)], "LOCATION")
    assert outside["fp"] == 1


def test_matching_is_one_to_one() -> None:
    gold = gold_doc([mention("COUNTRY", 0, 9, code="ID")])
    counts = lenient(gold, [mention("COUNTRY", 0, 4, code="ID"), mention("COUNTRY", 5, 9, code="ID")], "COUNTRY")
    assert (counts["tp"], counts["fp"], counts["fn"]) == (1, 1, 0)


def test_matching_is_greedy_in_gold_order_taking_the_largest_overlap() -> None:
    gold = [mention("LOCATION", 0, 10), mention("LOCATION", 8, 20)]
    system = [mention("LOCATION", 2, 12), mention("LOCATION", 9, 11)]
    # gold 0 overlaps system 0 by 8 and system 1 by 1: it takes system 0; gold 1 gets system 1
    assert match_mentions(gold, system, "LOCATION", "lenient") == [(0, 0), (1, 1)]
    # greedy, not optimal: the first gold mention takes the only system mention both could use
    assert match_mentions(gold, [mention("LOCATION", 8, 10)], "LOCATION", "lenient") == [(0, 0)]


def test_equal_overlaps_go_to_the_system_mention_listed_first() -> None:
    gold = [mention("LOCATION", 0, 10)]
    system = [mention("LOCATION", 6, 9), mention("LOCATION", 1, 4)]
    assert match_mentions(gold, system, "LOCATION", "detect") == [(0, 0)]


@pytest.mark.parametrize(("system_value", "matches"), [
    (1386, True), ("1386", True), (1386.0, True), ("1.386", False), (1385, False), (None, False),
])
def test_case_count_values_compare_as_integers(system_value: Any, matches: bool) -> None:
    gold = gold_doc([mention("CASE_COUNT", 0, 5, value=1386)])
    counts = lenient(gold, [mention("CASE_COUNT", 0, 5, value=system_value)], "CASE_COUNT")
    assert counts["tp"] == int(matches)


@pytest.mark.parametrize(("mode", "system", "tp"), [
    ("lenient", mention("DATE", 3, 12, value="2024-06-11"), 1),
    ("strict", mention("DATE", 3, 12, value="2024-06-11"), 0),
    ("strict", mention("DATE", 0, 12, value="2024-06-11"), 1),
    ("lenient", mention("DATE", 0, 12, value="2024-06"), 0),
    ("detect", mention("DATE", 0, 12, value="2024-06"), 1),
])
def test_modes_differ_in_offsets_and_key_attribute(mode: str, system: dict[str, Any], tp: int) -> None:
    gold = gold_doc([mention("DATE", 0, 12, value="2024-06-11")])
    result = evaluate({"d": gold}, {"d": {"doc_id": "d", "entities": [system]}}).as_dict()
    assert result["types"]["DATE"][mode]["tp"] == tp


def test_official_name_attribute_accepts_a_contained_name() -> None:
    gold = gold_doc([mention("OFFICIAL", 0, 5, name="Retno Marsudi", title="Menteri Luar Negeri")])
    system = [mention("OFFICIAL", 0, 5, name="Retno", title="Menlu")]
    result = evaluate({"d": gold}, {"d": {"doc_id": "d", "entities": system}}).as_dict()
    assert result["attributes"]["OFFICIAL.name"] == {"acc": 1.0, "n": 1}
    assert result["attributes"]["OFFICIAL.title"] == {"acc": 0.0, "n": 1}


def test_events_match_by_type_and_a_shared_participant() -> None:
    gold = gold_doc([], events=[{"type": "MEETING", "participants": ["Retno Marsudi"], "date": "2024-06-11",
                                 "place": "Phnom Penh"}])
    system = {"doc_id": "d", "entities": [], "events": [
        {"type": "AGREEMENT", "participants": ["Retno"], "date": "2024-06-11"},
        {"type": "MEETING", "participants": ["Retno"], "date": "2024-06-12", "place": "Phnom Penh, Kamboja"},
    ]}
    events = evaluate({"d": gold}, {"d": system}).as_dict()["events"]
    assert (events["tp"], events["fp"], events["fn"]) == (1, 1, 0)
    assert events["attributes"] == {"date": {"acc": 0.0, "n": 1}, "place": {"acc": 1.0, "n": 1}}


def test_missing_system_article_counts_its_gold_as_false_negatives() -> None:
    gold = gold_doc([mention("COUNTRY", 0, 9, code="ID")], reference_date="2024-06-11")
    result = evaluate({"d": gold}, {}).as_dict()
    assert result["missing_docs"] == ["d"]
    assert result["types"]["COUNTRY"]["lenient"]["fn"] == 1
    assert result["reference_date_acc"] == 0.0


def test_cli_eval_prints_table_and_json(tmp_path: Path) -> None:
    system = tmp_path / "out.jsonl"
    system.write_text("", encoding="utf-8")
    table = CliRunner().invoke(app, ["eval", str(SEED_GOLD), str(system)])
    assert table.exit_code == 0, table.output
    assert table.stdout.splitlines()[-1].startswith("core micro F1: lenient 0.000")
    as_json = CliRunner().invoke(app, ["eval", str(SEED_GOLD), str(system), "--json"])
    result = json.loads(as_json.stdout)
    assert len(result["missing_docs"]) == result["docs"] == len(list(SEED_GOLD.glob("*.json")))


def test_cli_eval_without_gold_files_is_a_usage_error(tmp_path: Path) -> None:
    system = tmp_path / "out.jsonl"
    system.write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(tmp_path), str(system)])
    assert result.exit_code == 2
    assert "E301" in result.stderr and "Traceback" not in result.output


# --- agreement with ../shared/tools/score.py ---------------------------------------------


@pytest.fixture(scope="module")
def score_py(shared: Path) -> Path:
    path = shared / "tools" / "score.py"
    if not path.is_file():
        pytest.skip("../shared/tools/score.py is not present")
    return path


def score_py_json(score_py: Path, gold_dir: Path, system: Path) -> dict[str, Any]:
    run = subprocess.run([sys.executable, str(score_py), str(gold_dir), str(system), "--json"],
                         capture_output=True, text=True, check=True, timeout=120)
    return dict(json.loads(run.stdout))


def eval_json(gold_dir: Path, system: Path) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["eval", str(gold_dir), str(system), "--json"])
    assert result.exit_code == 0, result.output
    return dict(json.loads(result.stdout))


def test_eval_agrees_with_score_py_on_extracted_corpus(score_py: Path, tmp_path: Path) -> None:
    output = tmp_path / "corpus.jsonl"
    run = CliRunner().invoke(app, ["extract", str(CORPUS), "-o", str(output)])
    assert run.exit_code == 0, run.output
    ours = eval_json(SEED_GOLD, output)
    assert ours == score_py_json(score_py, SEED_GOLD, output)
    assert ours["types"]["COUNTRY"]["lenient"]["tp"] > 0  # the comparison is not between two empty tables


def perturbed(gold: dict[str, Any], doc_index: int) -> dict[str, Any]:
    """A system record made from gold with every kind of mistake the scorer must count."""
    entities = []
    for i, m in enumerate(copy.deepcopy(gold["mentions"])):
        m.pop("optional", None)
        case = (i + doc_index) % 8
        if case == 0:
            continue  # missed
        if case == 1 and m["end"] - m["start"] > 1:
            m["start"] += 1  # lenient hit, strict miss
        elif case == 2:
            m["value"] = str(m.get("value")) if m["type"] == "CASE_COUNT" else "wrong"  # a string count matches
            m["code"] = "XX"
        elif case == 3:
            m.update(title="Menlu", name=str(m.get("name", ""))[:4] or None, unit="orang", country="ID")
        elif case == 4:
            entities.append({**m, "start": m["end"] + 1, "end": m["end"] + 3})  # a spurious neighbour
        entities.append(m)
    events = copy.deepcopy(gold.get("events") or [])
    for i, e in enumerate(events):
        if i % 3 == 1:
            e["participants"] = ["Nobody"]
        elif i % 3 == 2:
            e.update(date="1999", place="Atlantis", count=(e.get("count") or 0) + 1)
    return {"doc_id": gold["doc_id"], "entities": entities, "events": events,
            "reference_date": gold.get("reference_date") if doc_index % 2 else None,
            "authors": [{"name": a["name"].upper()} for a in gold.get("authors") or []][: 1 + doc_index % 2]}


@pytest.mark.parametrize("gold_set", ["seeds", "topical"])
def test_eval_agrees_with_score_py_on_every_kind_of_mistake(score_py: Path, shared: Path, tmp_path: Path,
                                                            gold_set: str) -> None:
    gold_dir = SEED_GOLD if gold_set == "seeds" else shared / "gold" / gold_set
    golds = list(load_gold(gold_dir).values())
    system = tmp_path / "system.jsonl"
    records = [perturbed(g, i) for i, g in enumerate(golds[1:])]  # the first article is missing
    system.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    ours = eval_json(gold_dir, system)
    assert ours == score_py_json(score_py, gold_dir, system)
    assert ours["missing_docs"] and ours["attributes"] and ours["events"]["tp"] > 0
    assert 0 < ours["core_strict"]["f"] < ours["core_lenient"]["f"] < ours["core_detect"]["f"] < 1


def test_eval_errors_list_agrees_with_score_py(score_py: Path, tmp_path: Path) -> None:
    golds = list(load_gold(SEED_GOLD).values())
    system = tmp_path / "system.jsonl"
    system.write_text("".join(json.dumps(perturbed(g, i)) + "\n" for i, g in enumerate(golds)), encoding="utf-8")
    ours = CliRunner().invoke(app, ["eval", str(SEED_GOLD), str(system), "--errors"]).stdout
    theirs = subprocess.run([sys.executable, str(score_py), str(SEED_GOLD), str(system), "--errors"],
                            capture_output=True, text=True, check=True, timeout=120).stdout
    assert ours.splitlines() == theirs.splitlines()
    assert any(" FP " in line for line in ours.splitlines())
