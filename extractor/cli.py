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
from typing import IO, Annotated

import typer

from .errors import UsageError, WartaError
from .sources import DEFAULT_MAX_BYTES

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
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1,
                                             help="Worker processes (default: all cores).")] = None,
    dask: Annotated[str | None, typer.Option("--dask", metavar="SCHEDULER_ADDRESS",
                                             help="Run on this Dask cluster (tcp://host:8786).")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, help="Refuse files (and JSONL lines) larger "
                                           "than this, unread.")] = DEFAULT_MAX_BYTES,
    resume: Annotated[bool, typer.Option("--resume", help="With -o: keep the articles already in that file "
                                         "and extract only the others.")] = False,
) -> None:
    """Extract entities and events from articles, one JSON line per article."""
    from .cache import load_rules_cached
    from .parallel import default_jobs, extract_lines
    from .pipeline import get_pipeline
    from .progress import progress
    from .resume import Completed, read_completed
    from .sources import read_paths

    if resume and (output is None or str(output) == "-"):  # arguments first: no pipeline built for a bad call
        raise fail(UsageError("--resume needs -o FILE (the output to resume)"))
    try:
        ruleset = load_rules_cached(rules or [])
        nlp = None if dask else get_pipeline(ruleset)
    except WartaError as error:
        raise fail(error) from None
    done = read_completed(output) if resume and output is not None else Completed()
    articles = read_paths(paths, max_bytes=max_bytes)
    if done.doc_ids:
        articles = (a for a in articles if a.doc_id not in done.doc_ids)
    if nlp is None:
        from .distributed import extract_lines_on_cluster

        try:
            lines = extract_lines_on_cluster(str(dask), articles, ruleset)
        except WartaError as error:
            raise fail(error) from None
    else:
        lines = extract_lines(nlp, articles, jobs=jobs or default_jobs(), ruleset=ruleset)
    total = failed = 0
    with output_stream(output) as out, progress() as advance:
        for kept in done.lines:  # --resume: the earlier good lines first, so -o is complete at every rename
            out.write(kept + "\n")
        for line in lines:
            out.write(line.json + "\n")
            total += 1
            if line.errors:
                failed += 1
                for err in line.errors:
                    typer.echo(f"warta: {err.get('source', line.doc_id)}: {err['message']}", err=True)
            advance(line.doc_id)
    kept = f", {len(done.lines)} kept from {output}" if done.lines else ""
    typer.echo(f"warta: {total} articles, {total - failed} ok, {failed} failed{kept}", err=True)
    if failed:
        raise typer.Exit(1)


@app.command("eval")
def eval_command(
    gold_dir: Annotated[Path, typer.Argument(help="A folder of gold NAME.json files (see ANNOTATION.md).")],
    system: Annotated[str, typer.Argument(help="Warta's output: a .jsonl file, a folder of .json, or -.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List lenient false positives and negatives.")] = False,
) -> None:
    """Score output against gold: P/R/F1 per type (lenient, strict, detect), attributes, events."""
    from .evaluate import evaluate_paths, format_report

    try:
        evaluation = evaluate_paths(gold_dir, system)
    except WartaError as error:
        raise fail(error) from None
    if as_json:
        typer.echo(json.dumps(evaluation.as_dict(), indent=1, ensure_ascii=False))
    else:
        typer.echo(format_report(evaluation, show_errors=errors))


# --- rule authoring: warta rules check|test, warta explain (plain functions in authoring/) ---

rules_app = typer.Typer(no_args_is_help=True, help="Check rule files and run their examples.")
app.add_typer(rules_app, name="rules")
RulesDirArgument = Annotated[
    Path | None,
    typer.Argument(help="A folder of rule files (default: the built-in rules/). A user folder is layered "
                        "over the built-in rules and only its own rules are checked or tested."),
]
RequireExamples = Annotated[
    bool, typer.Option("--require-examples", help="A rule without examples is a failure, not a note.")
]


@rules_app.command("check")
def rules_check(directory: RulesDirArgument = None, require_examples: RequireExamples = False) -> None:
    """Validate rule files without running them: one line per problem (file:line: rule id: message)."""
    from .authoring import check_rules

    findings = check_rules(directory, require_examples=require_examples)
    errors = [f for f in findings if f.severity == "error"]
    for finding in findings:
        typer.echo(str(finding) if finding.severity == "error" else f"{finding} (note)")
    typer.echo(f"warta: {len(errors)} problem(s), {len(findings) - len(errors)} note(s)", err=True)
    if errors:
        raise typer.Exit(2)  # broken rules, as for every command


@rules_app.command("test")
def rules_test(directory: RulesDirArgument = None, require_examples: RequireExamples = False) -> None:
    """Run every rule's examples and counter-examples through the full pipeline."""
    from .authoring import run_rule_tests

    report = run_rule_tests(directory, require_examples=require_examples)
    for finding in report.failures:
        typer.echo(str(finding))
    if not require_examples:
        for finding in report.uncovered:
            typer.echo(f"{finding} (note)")
    typer.echo(f"warta: {report.rules} rules, {report.examples} examples, {report.counter_examples} "
               f"counter-examples: {len(report.failures)} failed, {len(report.uncovered)} rules without "
               "examples", err=True)
    if report.broken:
        raise typer.Exit(2)  # the rule files do not load: nothing was run
    if not report.ok:
        raise typer.Exit(1)


@app.command("explain")
def explain_command(
    text_or_file: Annotated[str, typer.Argument(help="A text, or a file (.txt, .jsonl) of articles.")],
    rules: RulesOption = None,
    html_out: Annotated[Path | None, typer.Option("--html", help="Also write a displaCy page to this file "
                                                  "(- : the page alone, on standard output).")] = None,
    published: Annotated[str | None, typer.Option("--published", help="The article's date, in any common form "
                                                  "(2024-10-21, 21/10/2024, Senin, 21 Okt 2024 10:32 WIB).")] = None,
) -> None:
    """Show the tokens, every mention with its rule and file:line, rejected candidates, and the events."""
    from .authoring import explain, explanation_html, format_explanation
    from .cache import load_rules_cached
    from .pipeline import get_pipeline
    from .sources import read_paths

    inputs: list[tuple[str, str | None, str]] = []  # read first: nothing to explain builds no pipeline
    if os.path.exists(text_or_file):
        for article in read_paths([text_or_file]):
            for err in article.errors:
                typer.echo(f"warta: {err.get('source', article.doc_id)}: {err['message']}", err=True)
            if article.text is not None:
                inputs.append((article.text, article.published or published, article.doc_id))
    else:
        inputs = [(text_or_file, published, "text")]
    if not inputs:
        raise typer.Exit(1)
    try:
        ruleset = load_rules_cached(rules or [])
        nlp = get_pipeline(ruleset)  # built once for every text of the run
    except WartaError as error:
        raise fail(error) from None
    explanations = [explain(nlp, ruleset, text, date, doc_id) for text, date, doc_id in inputs]
    page_to_stdout = html_out is not None and str(html_out) == "-"
    if not page_to_stdout:
        typer.echo("\n\n".join(format_explanation(ex) for ex in explanations))
    if html_out is not None:
        with output_stream(html_out) as out:
            out.write(explanation_html(explanations))
        if not page_to_stdout:
            typer.echo(f"warta: wrote {html_out}", err=True)


@app.command("candidates")
def candidates_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or .jsonl files of articles.")],
    rules: RulesOption = None,
    top: Annotated[int, typer.Option("--top", help="How many names to list.")] = 50,
    min_count: Annotated[int, typer.Option("--min-count", help="Only names seen at least this often.")] = 2,
) -> None:
    """List frequent capitalized names no rule tagged (count, articles, name, example): YAML to add."""
    from .cache import load_rules_cached
    from .candidates import untagged_names
    from .pipeline import get_pipeline
    from .sources import read_paths

    try:
        nlp = get_pipeline(load_rules_cached(rules or []))
    except WartaError as error:
        raise fail(error) from None
    for cand in untagged_names(nlp, read_paths(paths), min_count=min_count, top=top):
        typer.echo(f"{cand.count}\t{cand.docs}\t{cand.name}\t{cand.example}")


@app.command("aggregate")
def aggregate_command(
    paths: Annotated[list[str], typer.Argument(help="Warta output (.jsonl files), or - for standard input.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The DuckDB database to write.")],
    settings: Annotated[Path | None, typer.Option("--settings", help="Aggregation settings (default: "
                                                  "rules/aggregate.yaml).")] = None,
    texts: Annotated[list[str] | None, typer.Option("--texts", help="The articles that were extracted (as "
                                                    "for warta extract), to find near-duplicates by text.")] = None,
) -> None:
    """Cluster the events of many articles into real-world occurrences: a DuckDB database (see docs/aggregate.md)."""
    from .aggregate.run import run_aggregate

    try:
        code = run_aggregate(paths, output, settings, texts or [], lambda m: typer.echo(f"warta: {m}", err=True))
    except WartaError as error:
        raise fail(error) from None
    if code:
        raise typer.Exit(code)


@app.command("report")
def report_command(
    database: Annotated[Path, typer.Argument(help="A database written by warta aggregate.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML page to write.")],
    top: Annotated[int, typer.Option("--top", min=1, help="How many officials and agencies to show.")] = 15,
) -> None:
    """Write one self-contained HTML page (charts inline, no network) from an aggregate database."""
    try:
        from .aggregate.run import require

        require("warta report", ("duckdb", "altair", "vl_convert", "jinja2"))
        from .report import write_report

        write_report(database, output, top=top)
    except WartaError as error:
        raise fail(error) from None
    typer.echo(f"warta: wrote {output}", err=True)


def main() -> None:
    app()
