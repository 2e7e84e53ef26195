"""Warta on a Dask cluster: a LocalCluster of two worker processes gives exactly the local output."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from spacy.language import Language

from extractor.parallel import extract_lines
from extractor.pipeline import build_pipeline
from extractor.records import json_line
from extractor.rules import RuleSet, load_rules
from extractor.sources import read_jsonl_lines, read_paths

from .conftest import CORPUS

distributed = pytest.importorskip("distributed")
dask_bag = pytest.importorskip("dask.bag")

TIMEOUT = 600  # seconds; generous: two worker processes each build the pipeline once, on a possibly busy machine

# Nothing in these tests depends on timing: every wait is bounded only by TIMEOUT, the connect and
# heartbeat limits are raised to it (a loaded CI machine can take long to start a process), and the
# workers have no memory limit (a nanny would otherwise pause or restart a worker under memory pressure).
ROBUST = {
    "distributed.comm.timeouts.connect": f"{TIMEOUT}s",
    "distributed.comm.timeouts.tcp": f"{TIMEOUT}s",
    "distributed.scheduler.worker-ttl": f"{TIMEOUT}s",
    "distributed.deploy.lost-worker-timeout": f"{TIMEOUT}s",
}


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    import dask

    with dask.config.set(ROBUST), \
            distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                     death_timeout=TIMEOUT, memory_limit=0) as cluster, \
            distributed.Client(cluster, timeout=TIMEOUT) as dask_client:
        dask_client.wait_for_workers(2, timeout=TIMEOUT)
        yield dask_client


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    """One rule set for the cluster and the local run alike."""
    return load_rules()


@pytest.fixture(scope="module")
def local_nlp(ruleset: RuleSet) -> Language:
    return build_pipeline(ruleset=ruleset)


def local_lines(nlp: Language) -> list[str]:
    return [line.json for line in extract_lines(nlp, read_paths([str(CORPUS)]), jobs=1)]


def test_extract_bag_on_two_worker_processes_equals_the_local_run(client: Any, local_nlp: Language,
                                                                   ruleset: RuleSet) -> None:
    from extractor.distributed import built_pipelines, extract_bag

    bag = dask_bag.from_sequence(list(read_paths([str(CORPUS)])), npartitions=4)
    records = extract_bag(bag, ruleset=ruleset).compute(timeout=TIMEOUT)
    assert [json_line(r) for r in records] == local_lines(local_nlp)
    built = client.run(built_pipelines)  # worker address -> rule versions it built a pipeline for
    assert len(built) == 2 and all(len(versions) <= 1 for versions in built.values())
    assert sum(len(versions) for versions in built.values()) >= 1


def test_cli_path_on_the_cluster_keeps_order_and_error_records(client: Any, local_nlp: Language,
                                                               ruleset: RuleSet) -> None:
    from extractor.distributed import extract_lines_on_cluster

    lines = [json.dumps({"id": f"d{i}", "text": f"WNI dipulangkan dari Kamboja, hari ke-{i}."}) for i in range(40)]
    lines[5] = "{broken"
    articles = list(read_jsonl_lines(lines, "in.jsonl"))
    out = list(extract_lines_on_cluster("", articles, ruleset, batch_size=4, window=3, client=client))
    assert [line.json for line in out] == [line.json for line in extract_lines(local_nlp, articles, jobs=1)]
    assert [e["code"] for e in out[5].errors] == ["E103"]


def test_bag_of_jsonl_shaped_records(client: Any, local_nlp: Language, ruleset: RuleSet) -> None:
    from extractor.distributed import extract_bag

    rows = [{"id": "x1", "text": "Menlu bertemu di Phnom Penh, Kamboja.", "published": "2024-06-15"},
            {"id": "x2", "text": "WNI di Myanmar."}]
    records = extract_bag(dask_bag.from_sequence(rows, npartitions=1), ruleset=ruleset).compute(timeout=TIMEOUT)
    local = [json.loads(line.json)
             for line in extract_lines(local_nlp, read_jsonl_lines(map(json.dumps, rows), "<bag>"))]
    assert records == local
    assert [r["doc_id"] for r in records] == ["x1", "x2"]


def test_unreachable_scheduler_is_one_clear_error() -> None:
    from extractor.distributed import extract_lines_on_cluster
    from extractor.errors import UsageError

    with pytest.raises(UsageError, match="E204 cannot use the Dask cluster at tcp://127.0.0.1:1"):
        extract_lines_on_cluster("tcp://127.0.0.1:1", [], load_rules(), timeout=2)
