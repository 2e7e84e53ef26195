"""Extraction over several worker processes: the same lines, in the same order, in bounded memory.

Articles are read lazily, grouped into small batches and handed to a pool of
worker processes; at most ``window`` batches are in flight, so memory stays
flat however long the input is. Results come back in input order, as the
exact JSON lines one process would write (:func:`extractor.records.json_line`
runs in the worker, so ``--jobs 2`` output is byte-identical to ``--jobs 1``).

On Linux the workers are forked after the pipeline is built, so they start
in milliseconds and share its memory; elsewhere they are spawned and each
builds the pipeline once from the pickled rule set. A worker that dies
(out of memory, a crash in native code) costs only the articles it was
working on: they are retried alone, and an article that still kills its
worker becomes a record with an ``E203`` error.

The same ordered, windowed loop (:func:`ordered_batches`) drives Dask
(``extractor.distributed``): anything with a ``concurrent.futures``-style
``submit`` works.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import Any, NamedTuple, TypeVar

from spacy.language import Language

from .errors import Errors
from .extract import extract_articles, process_article
from .records import base_record, json_line
from .rules import RuleSet
from .sources import Article, error_entry

T = TypeVar("T")
R = TypeVar("R")

BATCH_SIZE = 16
"""Articles per task: large enough to amortize inter-process traffic, small enough to keep order cheap."""


class OutputLine(NamedTuple):
    """One article's result as the CLI needs it: the JSON line, plus what the summary reports."""

    doc_id: str
    errors: list[dict[str, Any]]
    json: str


def default_jobs() -> int:
    """The CPU cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def output_line(record: dict[str, Any]) -> OutputLine:
    return OutputLine(str(record["doc_id"]), list(record["errors"]), json_line(record))


def extract_batch_with(nlp: Language, articles: Sequence[Article]) -> list[OutputLine]:
    """A batch through the pipeline, in order (what a worker runs)."""
    return [output_line(process_article(nlp, article)) for article in articles]


def stopped_worker_line(article: Article, detail: str, rules_version: str | None) -> OutputLine:
    record = base_record(article, rules_version)
    record["errors"].append(error_entry(Errors.E203.format(detail=detail), article.source))
    return output_line(record)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def ordered_batches(submit: Callable[[list[T]], Future[list[R]]], batches: Iterable[list[T]], window: int,
                    on_error: Callable[[list[T], BaseException], list[R]],
                    recoverable: tuple[type[BaseException], ...] = (BrokenProcessPool,),
                    started: Iterable[tuple[list[T], Future[list[R]]]] = ()) -> Iterator[R]:
    """Results of every batch, in input order, with at most ``window`` batches submitted and unfinished.

    ``on_error(batch, exc)`` gives the results of a batch whose future raised
    one of ``recoverable`` (a lost worker); other exceptions propagate, as
    they would in one process. ``started`` are (batch, future) pairs already
    submitted, which come first.
    """
    pending: deque[tuple[list[T], Future[list[R]]]] = deque(started)

    def results_of(batch: list[T], future: Future[list[R]]) -> list[R]:
        try:
            return future.result()
        except recoverable as exc:
            return on_error(batch, exc)

    for batch in batches:
        pending.append((batch, submit(batch)))
        if len(pending) >= window:
            yield from results_of(*pending.popleft())
    while pending:
        yield from results_of(*pending.popleft())


# --- the worker side -----------------------------------------------------------------

_WORKER_NLP: Language | None = None


def _init_worker(ruleset: RuleSet | None) -> None:
    """Spawned workers build the pipeline once; forked ones inherit the parent's."""
    global _WORKER_NLP
    if _WORKER_NLP is None:
        from .pipeline import build_pipeline, get_pipeline

        _WORKER_NLP = build_pipeline() if ruleset is None else get_pipeline(ruleset)


def _worker_extract_batch(articles: list[Article]) -> list[OutputLine]:
    assert _WORKER_NLP is not None, "worker pipeline not initialized"
    return extract_batch_with(_WORKER_NLP, articles)


# --- the pool ------------------------------------------------------------------------


def _start_method() -> str:
    """fork where it is safe (Linux and other POSIX but macOS), else spawn."""
    if sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


class _Pool:
    """A process pool that is replaced when a worker dies."""

    def __init__(self, jobs: int, ruleset: RuleSet | None) -> None:
        self.jobs = jobs
        self.ruleset = ruleset
        self.executor = self._new_executor(jobs)

    def _new_executor(self, jobs: int) -> ProcessPoolExecutor:
        context = multiprocessing.get_context(_start_method())
        initargs = (None,) if context.get_start_method() == "fork" else (self.ruleset,)
        return ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=initargs)

    def submit(self, batch: list[Article]) -> Future[list[OutputLine]]:
        try:
            return self.executor.submit(_worker_extract_batch, batch)
        except BrokenProcessPool:  # a worker died: later batches go to a fresh pool
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._new_executor(self.jobs)
            return self.executor.submit(_worker_extract_batch, batch)

    def run_alone(self, batch: list[Article]) -> list[OutputLine] | None:
        """The batch in a one-worker pool of its own; None if that worker dies too."""
        solo = self._new_executor(1)
        try:
            return solo.submit(_worker_extract_batch, batch).result()
        except BrokenProcessPool:
            return None
        finally:
            solo.shutdown(wait=True, cancel_futures=True)

    def recover(self, batch: list[Article], exc: BaseException) -> list[OutputLine]:
        """A batch whose worker died: retry it alone, then article by article; E203 for what still fails."""
        rules_version = self.ruleset.version if self.ruleset is not None else None
        lines = self.run_alone(batch)
        if lines is not None:
            return lines
        out: list[OutputLine] = []
        for article in batch:
            alone = self.run_alone([article])
            out.extend(alone if alone is not None else [stopped_worker_line(article, str(exc), rules_version)])
        return out

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def extract_lines(nlp: Language, articles: Iterable[Article], jobs: int = 1, ruleset: RuleSet | None = None,
                  batch_size: int = BATCH_SIZE, window: int | None = None) -> Iterator[OutputLine]:
    """Output lines for ``articles``, in order, using ``jobs`` processes.

    ``nlp`` is the built pipeline (forked workers share it); ``ruleset`` is
    what it was built from (spawned workers rebuild from it). With one job,
    or input that fits in one batch, everything runs in this process.
    The first batch is read, and the workers started, before this returns:
    they are forked before the caller starts any thread (a progress display).
    """
    global _WORKER_NLP
    iterator = iter(articles)
    first = list(islice(iterator, batch_size))
    if jobs <= 1 or len(first) < batch_size:
        return map(output_line, extract_articles(nlp, chain(first, iterator)))
    _WORKER_NLP = nlp  # inherited by forked workers
    pool = _Pool(jobs, ruleset)
    started = (first, pool.submit(first))  # starts the workers
    return _extract_pooled(pool, started, iterator, batch_size, window or jobs * 4)


def _extract_pooled(pool: _Pool, started: tuple[list[Article], Future[list[OutputLine]]], rest: Iterator[Article],
                    batch_size: int, window: int) -> Iterator[OutputLine]:
    try:
        yield from ordered_batches(pool.submit, batched(rest, batch_size), window, pool.recover, started=[started])
    finally:
        pool.close()

