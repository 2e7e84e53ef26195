"""The repository must not carry outlets' copyrighted text.

Rule examples and test tables are written by us; the seed articles in
``corpus/`` are the only news text we may ship. This guard compares every
run of ``RUN`` words in the repository's text files with the outlets' text
in ``../shared/data`` (topical and bench articles, NER sentences) and fails
on any shared run that the seed articles do not also contain. It skips when
``../shared`` is absent.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
import regex

RUN = 8  # words: long enough that a shared run is a copied sentence, not a shared name or formula
# A run made only of capitalized words and these joiners is a proper name ("Kementerian Koordinator Bidang
# Hukum, Hak Asasi Manusia, Imigrasi, dan Pemasyarakatan"): rule data, not a copied sentence.
NAME_JOINERS = {"dan", "untuk", "dari", "di", "ke", "pada", "serta", "atau", "the", "of", "and", "for", "des", "de"}
REPO = Path(__file__).resolve().parent.parent
SCANNED_SUFFIXES = {".py", ".yaml", ".yml", ".md", ".json", ".toml", ".txt", ".html"}
SKIPPED_DIRS = {".git", ".venv", "venv", "corpus", "gold", "__pycache__", ".mypy_cache", ".ruff_cache",
                ".pytest_cache", "build", "dist"}
_WORD = regex.compile(r"\w++")


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def runs(tokens: list[str]) -> Iterator[tuple[str, ...]]:
    for i in range(len(tokens) - RUN + 1):
        yield tuple(tokens[i:i + RUN])


def is_name(original: list[str]) -> bool:
    return all(w[:1].isupper() or w[:1].isdigit() or w in NAME_JOINERS for w in original)


def sentence_runs(line: str) -> Iterator[tuple[str, ...]]:
    """The line's runs, lower-cased, leaving out those that are proper names."""
    original = _WORD.findall(line)
    for i in range(len(original) - RUN + 1):
        if not is_name(original[i:i + RUN]):
            yield tuple(w.lower() for w in original[i:i + RUN])


def repo_files() -> Iterator[Path]:
    for path in sorted(REPO.rglob("*")):
        rel = path.relative_to(REPO)
        if path.is_file() and path.suffix in SCANNED_SUFFIXES and not SKIPPED_DIRS.intersection(rel.parts) \
                and not any(part.endswith(".egg-info") for part in rel.parts):
            yield path


def outlet_texts(data: Path) -> Iterator[str]:
    """Every article text and NER sentence under ../shared/data."""
    for jsonl in (data / "news" / "topical.jsonl", data / "bench" / "news.jsonl"):
        if jsonl.is_file():
            with jsonl.open(encoding="utf-8") as lines:
                for line in lines:
                    text = json.loads(line).get("text")
                    if isinstance(text, str):
                        yield text
    for conll in sorted((data / "ner").glob("*")) if (data / "ner").is_dir() else []:
        tokens: list[str] = []
        for line in conll.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.strip():
                tokens.append(line.split("\t")[0].split(" ")[0])
            elif tokens:
                yield " ".join(tokens)
                tokens = []
        if tokens:
            yield " ".join(tokens)


def shared_runs(repo_runs: dict[tuple[str, ...], tuple[Path, int]], texts: Iterable[str]) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for text in texts:
        found.update(run for run in runs(words(text)) if run in repo_runs)
    return found


def test_no_run_of_outlet_text_in_the_repository(shared: Path) -> None:
    data = shared / "data"
    if not data.is_dir():
        pytest.skip("../shared/data is absent")
    seed_runs = {run for seed in (REPO / "corpus").glob("*.txt") for run in runs(words(seed.read_text("utf-8")))}
    repo_runs: dict[tuple[str, ...], tuple[Path, int]] = {}
    for path in repo_files():
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            # runs are taken line by line: a copied sentence sits on one line of a rule or test file
            for run in sentence_runs(line):
                if run not in seed_runs:
                    repo_runs.setdefault(run, (path.relative_to(REPO), number))
    copied = shared_runs(repo_runs, outlet_texts(data))
    where = sorted({f"{repo_runs[run][0]}:{repo_runs[run][1]}: {' '.join(run)}" for run in copied})
    assert not where, f"{len(where)} runs of outlets' text in the repository:\n" + "\n".join(where[:50])


def test_the_guard_sees_a_copied_run() -> None:
    """The comparison itself works: a line sharing a run is caught, a paraphrase is not."""
    outlet = "Sebanyak dua puluh warga negara Indonesia berhasil dipulangkan dari Kamboja pada pekan lalu."
    repo_runs = {run: (Path("x"), 1) for run in runs(words(outlet))}
    assert shared_runs(repo_runs, [outlet])
    paraphrase = "Dua puluh WNI dipulangkan dari Kamboja pekan lalu, kata pejabat itu."
    paraphrase_runs = {run: (Path("x"), 1) for run in runs(words(paraphrase))}
    assert not shared_runs(paraphrase_runs, [outlet])


def test_proper_names_are_not_counted_as_copied_text() -> None:
    name = "Kementerian Koordinator Bidang Hukum, Hak Asasi Manusia, Imigrasi, dan Pemasyarakatan"
    assert not list(sentence_runs(name))
    assert list(sentence_runs(name + " mengatakan bahwa"))
