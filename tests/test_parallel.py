"""``--jobs N``: the same bytes in the same order as one process, bounded memory, lost workers survived."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from extractor import parallel
from extractor.cli import app
from extractor.extract import process_article
from extractor.parallel import extract_lines
from extractor.sources import Article, read_jsonl_lines

from .conftest import CORPUS

FORK = parallel._start_method() == "fork"


def jsonl_lines(count: int, broken_every: int = 0) -> list[str]:
    """``count`` JSONL lines cycling through corpus/ texts; every ``broken_every``-th line is not JSON."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    lines = []
    for i in range(count):
        if broken_every and i % broken_every == broken_every - 1:
            lines.append("{not json")
        else:
            lines.append(json.dumps({"id": f"a{i:03d}", "text": texts[i % len(texts)], "published": "2024-06-15"}))
    return lines


def articles(count: int, broken_every: int = 0) -> list[Article]:
    return list(read_jsonl_lines(jsonl_lines(count, broken_every), "test.jsonl"))


def test_two_jobs_write_the_same_bytes_in_the_same_order_with_error_records_kept(nlp: Language) -> None:
    inputs = articles(60, broken_every=7)
    one = list(extract_lines(nlp, inputs, jobs=1))
    two = list(extract_lines(nlp, inputs, jobs=2, batch_size=4, window=3))
    assert [line.json for line in two] == [line.json for line in one]
    assert [line.doc_id for line in two] == [a.doc_id for a in inputs]
    broken = [line for line in two if line.errors]
    assert len(broken) == 60 // 7 and {e["code"] for line in broken for e in line.errors} == {"E103"}
    assert sum(1 for line in two if json.loads(line.json)["entities"]) == 60 - len(broken)


def test_cli_jobs_2_output_equals_jobs_1(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(jsonl_lines(40, broken_every=13)) + "\n", encoding="utf-8")
    results = [CliRunner().invoke(app, ["extract", str(source), "--jobs", str(jobs)]) for jobs in (1, 2)]
    assert results[0].exit_code == results[1].exit_code == 1  # the broken lines are reported, not fatal
    assert results[0].stdout == results[1].stdout
    assert len(results[1].stdout.splitlines()) == 40
    assert "40 articles, 37 ok, 3 failed" in results[1].stderr


def test_input_is_read_lazily_with_a_bounded_window(nlp: Language) -> None:
    pulled = 0

    def counting(items: list[Article]) -> Iterator[Article]:
        nonlocal pulled
        for item in items:
            pulled += 1
            yield item

    lines = extract_lines(nlp, counting(articles(200)), jobs=2, batch_size=4, window=3)
    next(lines)
    assert pulled <= 4 * (3 + 1)  # the window's batches, plus the one being formed
    assert len(list(lines)) == 199 and pulled == 200


def test_small_input_runs_in_this_process(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a pool was started for one batch")

    monkeypatch.setattr(parallel, "_Pool", no_pool)
    assert len(list(extract_lines(nlp, articles(3), jobs=4))) == 3


@pytest.mark.skipif(not FORK, reason="the crash is injected into forked workers")
def test_an_article_that_kills_its_worker_costs_only_itself(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    def deadly(nlp_: Language, article: Article) -> dict[str, Any]:
        if article.doc_id == "a010":
            os._exit(3)  # what a segfault or the OOM killer looks like from outside
        return process_article(nlp_, article)

    inputs = articles(24)
    expected = [line.json for line in extract_lines(nlp, inputs, jobs=1)]
    monkeypatch.setattr(parallel, "process_article", deadly)
    out = list(extract_lines(nlp, inputs, jobs=2, batch_size=4, window=2))
    assert [line.doc_id for line in out] == [a.doc_id for a in inputs]
    assert [e["code"] for e in out[10].errors] == ["E203"]
    assert [line.json for i, line in enumerate(out) if i != 10] == expected[:10] + expected[11:]


def test_spawned_workers_build_the_pipeline_from_the_rule_set(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    """The path macOS and Windows take: no fork, each worker rebuilds the pipeline from the pickled rules."""
    from extractor.cache import load_rules_cached
    from extractor.pipeline import build_pipeline

    ruleset = load_rules_cached()
    local = build_pipeline(ruleset=ruleset)
    inputs = articles(12)
    monkeypatch.setattr(parallel, "_start_method", lambda: "spawn")
    spawned = [line.json for line in extract_lines(local, inputs, jobs=2, ruleset=ruleset, batch_size=4)]
    assert spawned == [line.json for line in extract_lines(local, inputs, jobs=1)]
