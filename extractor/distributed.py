"""Warta on a Dask cluster (``dask.distributed``), for corpora one machine cannot handle.

Two ways in, both running exactly the pipeline ``warta extract`` runs:

* :func:`extract_bag` (Python): a Dask bag of input records -> a bag of
  output records, lazily, partition by partition;
* ``warta extract --dask tcp://scheduler:8786 ...`` (:func:`extract_lines_on_cluster`):
  articles are read here, sent to the cluster in small batches (a bounded
  number in flight) and written here, in input order.

The rules are loaded and validated once, here, and shipped to the workers as
a :class:`~extractor.rules.RuleSet` (so workers need no access to your rule
folders); each worker process builds the pipeline from it once and keeps it
(:func:`extractor.pipeline.get_pipeline`), however many partitions or batches it runs.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import Errors, UsageError, WartaError
from .extract import process_article
from .parallel import BATCH_SIZE, OutputLine, batched, extract_batch_with, ordered_batches, stopped_worker_line
from .pipeline import built_versions, get_pipeline
from .rules import RuleSet, load_rules
from .sources import Article, read_jsonl_lines

if TYPE_CHECKING:
    from dask.bag import Bag

def built_pipelines() -> list[str]:
    """Rule versions this process has built a pipeline for (``client.run(built_pipelines)`` per worker)."""
    return built_versions()


def _clean(value: Any) -> Any:
    """A missing value from a dataframe (NaN) is a missing field."""
    return None if isinstance(value, float) and math.isnan(value) else value


def _jsonl_line(item: Any) -> str:
    if isinstance(item, str):
        return item
    return json.dumps({key: _clean(value) for key, value in dict(item).items()}, ensure_ascii=False)


def as_articles(items: Iterable[Any], source: str = "<bag>") -> Iterator[Article]:
    """Input items as articles: :class:`Article` objects pass through; mappings (or JSON strings)
    are read like the lines of a JSONL export ``{"id", "text", "published"?, "title"?, "url"?}``,
    numbered from 1 within their partition."""
    items = list(items)
    if not any(isinstance(item, Article) for item in items):
        yield from read_jsonl_lines(map(_jsonl_line, items), source)
        return
    for item in items:
        if isinstance(item, Article):
            yield item
        else:
            yield from read_jsonl_lines([_jsonl_line(item)], source)


def _extract_partition(items: Iterable[Any], ruleset: RuleSet) -> list[dict[str, Any]]:
    nlp = get_pipeline(ruleset)
    return [process_article(nlp, article) for article in as_articles(items)]


def extract_bag(bag: Bag | Any, rule_dirs: Iterable[Path | str] = (), ruleset: RuleSet | None = None) -> Bag:
    """Output records (dicts, as ``warta extract`` writes them) for a Dask bag of input records.

    ``bag`` holds :class:`~extractor.sources.Article` objects, or mappings /
    JSON strings shaped like JSONL input lines; a Dask DataFrame with those
    columns is turned into such a bag first. The result is lazy: ``.compute()``
    it, or write it with ``.map(extractor.records.json_line).to_textfiles(...)``.
    """
    import dask
    from dask.bag import Bag

    if not isinstance(bag, Bag) and hasattr(bag, "to_bag"):  # a Dask DataFrame
        bag = bag.to_bag(index=False, format="dict")
    if ruleset is None:
        ruleset = load_rules(rule_dirs)
    shipped = dask.delayed(ruleset, pure=True)  # one copy per worker, not one per partition
    result: Bag = bag.map_partitions(_extract_partition, shipped)
    return result


def _cluster_extract_batch(ruleset: RuleSet, articles: list[Article]) -> list[OutputLine]:
    return extract_batch_with(get_pipeline(ruleset), articles)


def extract_lines_on_cluster(address: str, articles: Iterable[Article], ruleset: RuleSet,
                             batch_size: int = BATCH_SIZE, window: int | None = None,
                             client: Any = None, timeout: float = 60.0) -> Iterator[OutputLine]:
    """Output lines for ``articles``, in order, computed on the Dask cluster at ``address``
    (or through an existing ``client``), with at most ``window`` batches in flight.

    Connects, ships the rules and has every worker build its pipeline before
    returning, so an unreachable scheduler or rules a worker cannot build fail
    here, once (:class:`~extractor.errors.UsageError` ``E204``, or the
    worker's :class:`~extractor.errors.RuleError`), not in the middle of the output.
    """
    from distributed import Client
    from distributed.scheduler import KilledWorker

    own_client = client is None
    try:
        if client is None:
            client = Client(address, timeout=timeout)
        threads = sum(client.nthreads().values()) or 1
        shipped = client.scatter(ruleset, broadcast=True, hash=False)
        client.run(_warm_worker, ruleset)  # each worker builds its pipeline now (raises a RuleError here)
    except (OSError, TimeoutError) as exc:
        if own_client and client is not None:
            client.close()
        raise UsageError(Errors.E204.format(address=address, detail=exc)) from None
    except WartaError:
        if own_client and client is not None:
            client.close()
        raise

    def submit(batch: list[Article]) -> Any:
        return client.submit(_cluster_extract_batch, shipped, batch, pure=False)

    def lost(batch: list[Article], exc: BaseException) -> list[OutputLine]:
        return [stopped_worker_line(article, str(exc), ruleset.version) for article in batch]

    def run() -> Iterator[OutputLine]:
        try:
            yield from ordered_batches(submit, batched(articles, batch_size), window or 4 * threads, lost,
                                       recoverable=(KilledWorker,))
        finally:
            if own_client:
                client.close()

    return run()


def _warm_worker(ruleset: RuleSet) -> str:
    return get_pipeline(ruleset).meta["warta_rules_version"]
