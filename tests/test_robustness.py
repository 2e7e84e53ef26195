"""Real-world input end to end: bad files mixed with good ones, determinism, --resume, hostile text.

The hypothesis properties below run 10,000 examples in all under the ``ci``
profile that .ci/run selects, a tenth of that by default (tests/conftest.py);
they assert the pipeline never fails on an article, and that every offset it
emits holds against the text.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from typer.testing import CliRunner

from extractor.cli import app
from extractor.extract import extract_text

from .conftest import CORPUS, examples


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def records(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def without_source(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k != "source"}


def make_bad_files(folder: Path) -> dict[str, str]:
    """One file of each bad kind; returns doc_id -> expected error code."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "huge.txt").write_bytes(b"kata " * 2_000)
    (folder / "gone.txt").symlink_to(folder / "no-such-file")
    (folder / "export.jsonl").write_text(
        '{"id": "jl_ok", "text": "WNI di Kamboja."}\n{broken\n{"id": "jl_notext"}\n{"id": "jl_num", "text": 3}\n',
        encoding="utf-8")
    return {"empty": "E105", "binary": "E106", "huge": "E107", "gone": "E101",
            f"{folder}/export.jsonl:2": "E103", "jl_notext": "E104", "jl_num": "E108"}


def test_bad_files_mixed_with_the_seeds(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in CORPUS.glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    expected_errors = make_bad_files(folder)
    clean = run("extract", str(CORPUS), "-j", "1")
    mixed = run("extract", str(folder), "-j", "1", "--max-bytes", "9000")
    assert clean.exit_code == 0, clean.stderr
    assert mixed.exit_code == 1
    by_id = {r["doc_id"]: r for r in records(mixed.stdout)}
    for seed in records(clean.stdout):
        assert without_source(by_id[seed["doc_id"]]) == without_source(seed)
    for doc_id, code in expected_errors.items():
        errors = by_id[doc_id]["errors"]
        assert [e["code"] for e in errors] == [code], (doc_id, errors)
        assert errors[0]["source"].startswith(str(folder)) and errors[0]["message"].startswith(code)
    assert by_id["jl_ok"]["errors"] == []
    assert f"{len(expected_errors)} failed" in mixed.stderr


def test_same_input_gives_byte_identical_output(tmp_path: Path) -> None:
    first, second = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    assert run("extract", str(CORPUS), "-o", str(first), "-j", "1").exit_code == 0
    assert run("extract", str(CORPUS), "-o", str(second), "-j", "1").exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_resume_keeps_done_articles_and_does_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(CORPUS, folder)
    out = tmp_path / "out.jsonl"
    full = tmp_path / "full.jsonl"
    assert run("extract", str(folder), "-o", str(full), "-j", "1").exit_code == 0
    lines = full.read_text(encoding="utf-8").splitlines()
    failed = json.loads(lines[2])
    failed["errors"] = [{"code": "E201", "message": "E201 extraction failed: x", "source": "s"}]
    out.write_text("\n".join([lines[0], lines[1], json.dumps(failed), '{"cut short'])
                   + "\n", encoding="utf-8")
    result = run("extract", str(folder), "-o", str(out), "--resume", "-j", "1")
    assert result.exit_code == 0, result.stderr
    assert "3 articles" in result.stderr and "2 kept" in result.stderr
    resumed = out.read_text(encoding="utf-8").splitlines()
    assert resumed[:2] == lines[:2]
    assert sorted(resumed) == sorted(lines)


def test_resume_needs_an_output_file() -> None:
    result = run("extract", str(CORPUS), "--resume")
    assert result.exit_code == 2 and "--resume" in result.stderr


# --- hostile text: property-based ------------------------------------------------------------------

SEEDS = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]


def assert_offsets_hold(text: str, record: dict[str, Any]) -> None:
    assert record["errors"] == [], record["errors"]
    for ent in record["entities"]:
        assert 0 <= ent["start"] < ent["end"] <= len(text)
        assert text[ent["start"]:ent["end"]] == ent["text"], ent
    last = -1
    for start, end in record["boilerplate"]:
        assert last < start < end <= len(text)
        last = end
    for event in record["events"]:
        for item in event["evidence"]:
            assert 0 <= item["start"] < item["end"] <= len(text), item
            assert item["trigger"] in text[item["start"]:item["end"]], item


PUNCTUATION = list(".,;:!?-–—()[]\"'“”‘’/\\*#@&%…·•") + ["\n", "\n\n", " ", "\t", "\xa0"]
WORDS = ["WNI", "Kamboja", "Baca juga:", "SCROLL TO CONTINUE WITH CONTENT", "Menlu", "Retno", "1.386", "kasus",
         "Jakarta", "(22/8)", "Senin", "Agustus", "2024", "korban", "Rp", "Copyright ©", "di", "ke", "Phnom Penh"]


@settings(max_examples=examples(4500))
@given(text=st.text(max_size=200))
def test_random_unicode(nlp: Language, text: str) -> None:
    assert_offsets_hold(text, extract_text(nlp, text))


@settings(max_examples=examples(3000))
@given(parts=st.lists(st.one_of(st.sampled_from(PUNCTUATION), st.sampled_from(WORDS)), max_size=120),
       repeat=st.integers(min_value=1, max_value=60))
def test_repeated_punctuation_and_chrome_words(nlp: Language, parts: list[str], repeat: int) -> None:
    text = "".join(p * (repeat if len(p) == 1 else 1) for p in parts)
    assert_offsets_hold(text, extract_text(nlp, text))


@settings(max_examples=examples(500))
@given(word=st.sampled_from(WORDS + PUNCTUATION), sep=st.sampled_from([" ", "", ", ", "."]),
       count=st.integers(min_value=100, max_value=600))
def test_very_long_lines(nlp: Language, word: str, sep: str, count: int) -> None:
    text = sep.join([word] * count)
    assert_offsets_hold(text, extract_text(nlp, text))


@st.composite
def damaged_seed(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        i = draw(st.integers(min_value=0, max_value=len(text)))
        j = draw(st.integers(min_value=i, max_value=min(len(text), i + 200)))
        action = draw(st.sampled_from(["delete", "insert", "duplicate", "upper"]))
        if action == "delete":
            text = text[:i] + text[j:]
        elif action == "insert":
            text = text[:i] + draw(st.text(max_size=30)) + text[i:]
        elif action == "duplicate":
            text = text[:j] + text[i:j] * draw(st.integers(min_value=1, max_value=5)) + text[j:]
        else:
            text = text[:i] + text[i:j].upper() + text[j:]
    return text


def test_the_offset_check_reads_event_evidence(nlp: Language) -> None:
    text = SEEDS[0]
    record = extract_text(nlp, text)
    assert any(event["evidence"] for event in record["events"])  # so the evidence loop above really runs
    assert_offsets_hold(text, record)
    broken = {**record, "events": [{**record["events"][0], "evidence": [{**record["events"][0]["evidence"][0],
                                                                          "start": len(text)}]}]}
    with pytest.raises(AssertionError):
        assert_offsets_hold(text, broken)


@settings(max_examples=examples(2000))
@given(text=damaged_seed())
def test_damaged_seed_texts(nlp: Language, text: str) -> None:
    assert_offsets_hold(text, extract_text(nlp, text))


def test_html_record_carries_its_text_and_offsets_hold_against_it(tmp_path: Path) -> None:
    from .test_sources import PAGE

    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    result = run("extract", str(tmp_path / "page.html"), "-j", "1")
    assert result.exit_code == 0, result.stderr
    [record] = records(result.stdout)
    assert record["published"] == "2024-08-22" and record["title"] == "WNI Dipulangkan dari Kamboja"
    assert record["entities"]
    assert_offsets_hold(record["text"], record)
