"""``warta aggregate`` as a function: settings, optional texts, progress and the summary on standard error."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from ..errors import Errors, UsageError
from ..progress import progress
from . import aggregate
from .settings import load_settings


def require(command: str, modules: Sequence[str]) -> None:
    """A missing optional dependency is a one-line usage error, not an ImportError traceback."""
    import importlib.util

    for module in modules:
        if importlib.util.find_spec(module) is None:
            raise UsageError(Errors.E505.format(command=command, module=module))


def read_texts(paths: Sequence[str]) -> dict[str, str]:
    """doc_id -> text for the articles given to ``warta extract`` (same paths, same doc_ids)."""
    from ..sources import read_paths

    return {a.doc_id: a.text for a in read_paths(list(paths)) if a.text is not None}


def run_aggregate(paths: Sequence[str], output: Path, settings_path: Path | None, texts: Sequence[str],
                  echo: Callable[[str], None]) -> int:
    """Returns the exit code: 0 every line was a good record, 1 some were not (they are in ``errors``)."""
    if str(output) == "-":
        raise UsageError(Errors.E504.format(path="-", detail="a database needs a file name"))
    require("warta aggregate", ("duckdb", "rensa"))
    settings = load_settings(settings_path)

    started = time.perf_counter()
    by_id = read_texts(texts) if texts else None
    with progress() as advance:
        try:
            summary, errors = aggregate(paths, output, settings, by_id, echo, advance)
        except OSError as exc:
            raise UsageError(Errors.E504.format(path=output, detail=exc)) from None
    for error in errors:
        echo(f"{error.source}: {error.message}")
    dupes = f", {summary.duplicates} duplicate records skipped" if summary.duplicates else ""
    echo(f"{summary.articles} articles ({summary.errors} errors{dupes}), {summary.events} events in "
         f"{summary.clusters} clusters ({summary.stages} stages), {summary.stories} stories -> {output} "
         f"in {time.perf_counter() - started:.1f}s")
    return 1 if summary.errors else 0
