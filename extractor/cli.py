"""The ``warta`` command line: thin Typer commands over the plain functions of the package.

Results go to standard output (or ``-o FILE``); progress, the summary and
errors go to standard error. Exit codes: 0 all articles succeeded, 1 some
articles failed, 2 bad usage or broken rules.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from .errors import WartaError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Warta: rule-based information extraction for Indonesian news.")

RulesOption = Annotated[
    list[Path] | None,
    typer.Option("--rules", help="A folder of YAML rules layered over the built-in ones (repeatable)."),
]


@app.callback()
def _commands() -> None:
    """Warta: rule-based information extraction for Indonesian news."""


def fail(error: WartaError) -> typer.Exit:
    typer.echo(f"error: {error}", err=True)
    return typer.Exit(error.exit_code)


def dump_json(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


@contextmanager
def output_stream(path: Path | None) -> Iterator[IO[str]]:
    """Standard output, or ``path`` written atomically (a temp file renamed at the end)."""
    if path is None or str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    directory = path.resolve().parent
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, .jsonl files, or - for JSONL on stdin.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write JSON Lines here.")] = None,
    rules: RulesOption = None,
) -> None:
    """Extract entities and events from articles, one JSON line per article."""
    from .extract import extract_articles
    from .pipeline import build_pipeline
    from .progress import progress
    from .sources import read_paths

    try:
        nlp = build_pipeline(rules or [])
    except WartaError as error:
        raise fail(error) from None
    total = failed = 0
    with output_stream(output) as out, progress() as advance:
        for record in extract_articles(nlp, read_paths(paths)):
            out.write(dump_json(record) + "\n")
            total += 1
            if record["errors"]:
                failed += 1
                for err in record["errors"]:
                    typer.echo(f"warta: {err.get('source', record['doc_id'])}: {err['message']}", err=True)
            advance(record["doc_id"])
    typer.echo(f"warta: {total} articles, {total - failed} ok, {failed} failed", err=True)
    if failed:
        raise typer.Exit(1)


def main() -> None:
    app()
