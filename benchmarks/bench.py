"""Warta's benchmark: how close the full pipeline stays to bare spaCy tokenization, and how it scales.

Run from the repository's folder:

    python benchmarks/bench.py                      # everything, written to benchmarks/RESULTS.md
    python benchmarks/bench.py --limit 300 --out -  # a quick look, printed

On the same articles (``../shared/data/bench/news.jsonl`` when present, else
``corpus/`` repeated), in one run, it measures:

1. throughput on one core, bare ``spacy.blank("id")`` tokenization against the
   full pipeline (tokenizer, every component, the output record as a JSON
   line), alternating the two chunk by chunk so machine noise hits both alike;
2. each pipeline step's share of the full pipeline's time;
3. ``--jobs 1`` against ``--jobs 2`` (in one process, after start-up), and
   that both write the same bytes;
4. peak memory (max RSS) of ``warta extract --jobs 1`` on a small and a large
   input, to show memory does not grow with the number of articles;
5. start-up: ``warta extract`` on one short article against
   ``python -c "import spacy; spacy.blank('id')"``.

Throughput (1, 2) is timed in this process's CPU time by default (``--clock cpu``):
on a machine shared with other work, elapsed time mostly measures the others.
Jobs (3) and start-up (5) are elapsed (wall-clock) times.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BENCH_DATA = REPO.parent / "shared" / "data" / "bench" / "news.jsonl"
CORPUS = REPO / "corpus"
sys.path.insert(0, str(REPO))

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402

from extractor.doc import remember_text  # noqa: E402
from extractor.extract import article_context  # noqa: E402
from extractor.parallel import extract_lines  # noqa: E402
from extractor.pipeline import build_pipeline  # noqa: E402
from extractor.records import doc_record, json_line  # noqa: E402
from extractor.rules import RuleSet, load_rules  # noqa: E402
from extractor.sources import Article, read_jsonl_lines  # noqa: E402

# --- input ------------------------------------------------------------------------------


def input_records(limit: int, data: Path = BENCH_DATA) -> tuple[list[dict[str, Any]], str]:
    """JSONL-shaped records: the bench corpus when present, else ``corpus/`` repeated to ``limit``."""
    if data.is_file():
        records = []
        with data.open(encoding="utf-8") as handle:
            for line in handle:
                if len(records) >= limit:
                    break
                if line.strip():
                    records.append(json.loads(line))
        return records, f"{os.path.relpath(data, REPO)} (first {len(records)} articles)"
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))]
    records = [{"id": f"{texts[i % len(texts)][0]}#{i}", "text": texts[i % len(texts)][1]} for i in range(limit)]
    return records, f"corpus/ repeated ({len(texts)} files -> {len(records)} articles)"


def write_jsonl(records: Sequence[dict[str, Any]], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


# --- 1 and 2: one-core throughput and per-step shares ---------------------------------------


@dataclass
class Throughput:
    articles: int = 0
    tokens: int = 0
    chars: int = 0
    bare_seconds: float = 0.0
    full_seconds: float = 0.0
    steps: dict[str, float] = field(default_factory=dict)


CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}
"""cpu: this process's CPU time, which other programs on a shared machine barely disturb; wall: elapsed time."""
clock = CLOCKS["cpu"]


def timed_full(nlp: Language, article: Article, steps: dict[str, float]) -> str:
    """``extract.process_article`` step by step (same calls), adding each step's time to ``steps``."""
    t0 = clock()
    assert article.text is not None
    doc = remember_text(nlp.make_doc(article.text), article.text)
    doc._.article = article_context(article)
    t1 = clock()
    steps["tokenizer"] = steps.get("tokenizer", 0.0) + t1 - t0
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        t2 = clock()
        steps[name] = steps.get(name, 0.0) + t2 - t1
        t1 = t2
    line = json_line(doc_record(doc, article, nlp.meta.get("warta_rules_version")))
    steps["record + JSON"] = steps.get("record + JSON", 0.0) + clock() - t1
    return line


def measure_throughput(nlp: Language, articles: Sequence[Article], rounds: int, chunk: int) -> Throughput:
    """Bare and full, alternated chunk by chunk, ``rounds`` times over all articles."""
    bare = spacy.blank("id")
    result = Throughput(articles=len(articles) * rounds)
    for _ in range(rounds):
        for start in range(0, len(articles), chunk):
            part = articles[start:start + chunk]
            t0 = clock()
            for article in part:
                doc = bare.make_doc(article.text or "")
                result.tokens += len(doc)
            t1 = clock()
            for article in part:
                timed_full(nlp, article, result.steps)
            t2 = clock()
            result.bare_seconds += t1 - t0
            result.full_seconds += t2 - t1
            result.chars += sum(len(a.text or "") for a in part)
    return result


# --- 3: jobs ---------------------------------------------------------------------------------


def measure_jobs(nlp: Language, ruleset: RuleSet, articles: Sequence[Article], jobs_list: Sequence[int],
                 rounds: int) -> dict[int, dict[str, Any]]:
    """Wall time of ``extract_lines`` per number of jobs (best of ``rounds``, alternated), and output digest."""
    times: dict[int, list[float]] = {j: [] for j in jobs_list}
    digests: dict[int, str] = {}
    for _ in range(rounds):
        for jobs in jobs_list:
            digest = hashlib.sha256()
            t0 = time.perf_counter()
            for line in extract_lines(nlp, articles, jobs=jobs, ruleset=ruleset):
                digest.update(line.json.encode("utf-8") + b"\n")
            times[jobs].append(time.perf_counter() - t0)
            digests[jobs] = digest.hexdigest()[:16]
    return {j: {"seconds": min(times[j]), "all": times[j], "sha256": digests[j]} for j in jobs_list}


# --- 4 and 5: subprocesses -------------------------------------------------------------------


def warta_command() -> list[str]:
    """``python cli.py``: this checkout's code (an installed ``warta`` may be another version)."""
    return [sys.executable, str(REPO / "cli.py")]


def run_measured(cmd: Sequence[str]) -> tuple[float, int, int]:
    """(wall seconds, max RSS in KiB of the process, exit code); output discarded."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(list(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, int(usage.ru_maxrss), proc.returncode


def measure_memory(records: Sequence[dict[str, Any]], sizes: Sequence[int], tmp: Path) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for size in sizes:
        path = write_jsonl(records[:size], tmp / f"mem_{size}.jsonl")
        cmd = [*warta_command(), "extract", str(path), "--jobs", "1", "-o", os.devnull]
        wall, rss, code = run_measured(cmd)
        if code not in (0, 1):  # 1: some input articles failed, which is data, not the benchmark
            raise SystemExit(f"bench: {' '.join(cmd)} exited with {code}")
        out[size] = {"articles": min(size, len(records)), "max_rss_mib": rss / 1024, "seconds": wall, "exit": code}
    return out


def measure_startup(text: str, repeats: int, tmp: Path) -> dict[str, Any]:
    article = tmp / "short.txt"
    article.write_text(text, encoding="utf-8")
    blank_cmd = [sys.executable, "-c", "import spacy; spacy.blank('id')"]
    warta_cmd = [*warta_command(), "extract", str(article), "-o", os.devnull]
    blank_times: list[float] = []
    warta_times: list[float] = []
    for _ in range(repeats):  # alternated, so both see the same machine
        blank_times.append(run_measured(blank_cmd)[0])
        wall, _, code = run_measured(warta_cmd)
        if code != 0:
            raise SystemExit(f"bench: {' '.join(warta_cmd)} exited with {code}")
        warta_times.append(wall)
    return {"blank": statistics.median(blank_times), "warta": statistics.median(warta_times),
            "blank_all": blank_times, "warta_all": warta_times, "chars": len(text)}


# --- report ------------------------------------------------------------------------------------


def rate(n: float, seconds: float) -> str:
    return f"{n / seconds:,.0f}" if seconds > 0 else "n/a"


def render(meta: dict[str, Any], tp: Throughput, jobs: dict[int, dict[str, Any]] | None,
           memory: dict[int, dict[str, Any]] | None, startup: dict[str, Any] | None) -> Iterator[str]:
    yield "# Warta benchmark results"
    yield ""
    yield f"Command: `{meta['command']}`  "
    yield f"Date: {meta['date']}; machine: {meta['machine']}; Python {meta['python']}, spaCy {meta['spacy']}  "
    yield f"Articles: {meta['input']}; rules version {meta['rules_version']}"
    yield ""
    yield f"## Throughput on one core (same articles, alternated chunk by chunk; {meta['clock']} time)"
    yield ""
    yield "| | articles/s | tokens/s | seconds |"
    yield "| --- | ---: | ---: | ---: |"
    yield (f"| bare `spacy.blank(\"id\")` tokenization | {rate(tp.articles, tp.bare_seconds)} | "
           f"{rate(tp.tokens, tp.bare_seconds)} | {tp.bare_seconds:.2f} |")
    yield (f"| full Warta pipeline (+ JSON line) | {rate(tp.articles, tp.full_seconds)} | "
           f"{rate(tp.tokens, tp.full_seconds)} | {tp.full_seconds:.2f} |")
    ratio = tp.bare_seconds / tp.full_seconds if tp.full_seconds else 0.0
    yield ""
    yield (f"**Ratio full / bare throughput: {ratio:.2f}** (target >= 0.5). {tp.articles:,} article runs, "
           f"{tp.tokens:,} tokens, {tp.chars / max(tp.articles, 1):,.0f} characters per article on average.")
    yield ""
    yield "## Where the full pipeline's time goes"
    yield ""
    yield "| step | share | ms per article |"
    yield "| --- | ---: | ---: |"
    total = sum(tp.steps.values()) or 1.0
    for name, seconds in tp.steps.items():
        yield f"| {name} | {100 * seconds / total:.1f}% | {1000 * seconds / max(tp.articles, 1):.3f} |"
    if jobs:
        yield ""
        yield "## Several processes (`--jobs`), after start-up"
        yield ""
        yield "| jobs | seconds (best) | articles/s | speed-up | output sha256 |"
        yield "| ---: | ---: | ---: | ---: | --- |"
        base = jobs[min(jobs)]["seconds"]
        n = meta["jobs_articles"]
        for j, row in jobs.items():
            yield (f"| {j} | {row['seconds']:.2f} | {rate(n, row['seconds'])} | {base / row['seconds']:.2f}x | "
                   f"`{row['sha256']}` |")
        same = len({row["sha256"] for row in jobs.values()}) == 1
        yield ""
        yield f"Output identical across job counts: **{'yes' if same else 'NO'}** ({n:,} articles)."
    if memory:
        yield ""
        yield "## Peak memory of `warta extract --jobs 1` (max RSS)"
        yield ""
        yield "| articles | max RSS (MiB) | seconds (incl. start-up) |"
        yield "| ---: | ---: | ---: |"
        for row in memory.values():
            yield f"| {row['articles']:,} | {row['max_rss_mib']:.1f} | {row['seconds']:.2f} |"
        rows = list(memory.values())
        if len(rows) >= 2:
            yield ""
            growth = rows[-1]["max_rss_mib"] / rows[-2]["max_rss_mib"]
            yield (f"**Memory ratio {rows[-1]['articles']:,} / {rows[-2]['articles']:,} articles: {growth:.2f}** "
                   "(target <= 1.2). With one article the peak is what start-up alone needs.")
    if startup:
        yield ""
        yield "## Start-up (median of alternated runs)"
        yield ""
        yield "| command | seconds |"
        yield "| --- | ---: |"
        yield f"| `python -c \"import spacy; spacy.blank('id')\"` | {startup['blank']:.2f} |"
        yield f"| `python cli.py extract short.txt` ({startup['chars']} characters) | {startup['warta']:.2f} |"
        yield ""
        yield f"**Ratio: {startup['warta'] / startup['blank']:.2f}** (target <= 1.5)."
    yield ""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=BENCH_DATA, help="A JSONL file of articles.")
    parser.add_argument("--limit", type=int, default=6000, help="Articles to read (default: all of the bench set).")
    parser.add_argument("--rounds", type=int, default=1,
                        help="Passes over the articles for throughput.")
    parser.add_argument("--chunk", type=int, default=50, help="Articles per bare/full alternation.")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="cpu",
                        help="Throughput clock: cpu (this process's CPU time; default, robust on a shared machine) "
                             "or wall.")
    parser.add_argument("--jobs", default="1,2", help="Job counts to compare, e.g. 1,2 (empty: skip).")
    parser.add_argument("--jobs-rounds", type=int, default=1, help="Alternated runs per job count (best kept).")
    parser.add_argument("--memory", default="1,500,5000", help="Input sizes for peak memory (empty: skip).")
    parser.add_argument("--startup", type=int, default=5, help="Alternated start-up runs (0: skip).")
    parser.add_argument("--out", default=str(REPO / "benchmarks" / "RESULTS.md"), help="Markdown file, or -.")
    args = parser.parse_args(argv)
    global clock
    clock = CLOCKS[args.clock]

    records, described = input_records(args.limit, args.data)
    articles = [a for a in read_jsonl_lines_of(records) if a.ok]
    ruleset = load_rules()
    nlp = build_pipeline(ruleset=ruleset)
    for article in articles[:20]:  # warm caches (lexemes, lazily loaded data) before timing
        timed_full(nlp, article, {})
    tp = measure_throughput(nlp, articles, args.rounds, args.chunk)
    jobs_list = [int(j) for j in args.jobs.split(",") if j.strip()]
    jobs = measure_jobs(nlp, ruleset, articles, jobs_list, rounds=args.jobs_rounds) if jobs_list else None
    with tempfile.TemporaryDirectory(prefix="warta-bench-") as tmp_name:
        tmp = Path(tmp_name)
        sizes = [int(s) for s in args.memory.split(",") if s.strip()]
        memory = measure_memory(input_records(max(sizes), args.data)[0], sizes, tmp) if sizes else None
        shortest = min((CORPUS / p.name for p in CORPUS.glob("*.txt")), key=lambda p: p.stat().st_size)
        startup = measure_startup(shortest.read_text(encoding="utf-8"), args.startup, tmp) if args.startup else None
    meta = {
        "command": "python benchmarks/bench.py " + " ".join(sys.argv[1:] if argv is None else argv),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()}",
        "python": platform.python_version(), "spacy": spacy.__version__,
        "input": described, "rules_version": ruleset.version, "jobs_articles": len(articles),
        "clock": "CPU" if args.clock == "cpu" else "wall-clock",
    }
    report = "\n".join(render(meta, tp, jobs, memory, startup))
    if args.out == "-":
        sys.stdout.write(report)
    else:
        Path(args.out).write_text(report, encoding="utf-8")
        sys.stdout.write(report)
    return 0


def read_jsonl_lines_of(records: Sequence[dict[str, Any]]) -> list[Article]:
    return list(read_jsonl_lines((json.dumps(r, ensure_ascii=False) for r in records), "bench"))


if __name__ == "__main__":
    raise SystemExit(main())
