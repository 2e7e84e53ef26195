"""Score Warta on our own gold sets, kept in ``tests/gold/`` as JSON/YAML without article text.

The article texts stay in ``../shared/data``; this script joins them to the gold by id, runs
``warta extract`` on them and scores the output with ``../shared/tools/score.py`` (mentions and
events) or ``score_events.py`` (events-only sets).

usage: python benchmarks/own_gold.py [SET ...] [--errors] [--json] [--warta "CMD"]
  SET       general (general news from the bench file), events_fresh, events_fresh2 to _fresh4
            (topical, events only), and the held-out general_holdout and events_holdout, _holdout2, _holdout3
            (annotated later, never tuned on); default: all
  --warta   the command to run (default: this interpreter running cli.py)
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("WARTA_SHARED", REPO.parent / "shared"))  # a worktree points it at ../shared
GOLD = REPO / "tests" / "gold"


@dataclass(frozen=True)
class GoldSet:
    name: str
    source: Path  # the JSONL the texts come from
    scorer: str  # score.py (mentions + events) or score_events.py (events only)

    @property
    def folder(self) -> Path:
        return GOLD / self.name

    def gold_ids(self) -> dict[str, str]:
        """Gold doc_id -> id in the source file (``ids.yaml`` maps them where they differ)."""
        mapping_file = self.folder / "ids.yaml"
        if mapping_file.is_file():
            return {str(k): str(v) for k, v in yaml.safe_load(mapping_file.read_text(encoding="utf-8")).items()}
        suffix = "*.json" if self.scorer == "score.py" else "*.yaml"
        ids = []
        for path in sorted(self.folder.glob(suffix)):
            doc = json.loads(path.read_text()) if path.suffix == ".json" else yaml.safe_load(path.read_text())
            ids.append(str(doc["doc_id"]))
        return {doc_id: doc_id for doc_id in ids}


SETS = {
    "general": GoldSet("general", SHARED / "data" / "bench" / "news.jsonl", "score.py"),
    "events_fresh": GoldSet("events_fresh", SHARED / "data" / "news" / "topical.jsonl", "score_events.py"),
    "general_holdout": GoldSet("general_holdout", SHARED / "data" / "bench" / "news.jsonl", "score.py"),
    "events_holdout": GoldSet("events_holdout", SHARED / "data" / "news" / "topical.jsonl", "score_events.py"),
    "events_holdout2": GoldSet("events_holdout2", SHARED / "data" / "news" / "topical.jsonl", "score_events.py"),
    "events_fresh2": GoldSet("events_fresh2", SHARED / "data" / "news" / "topical.jsonl", "score_events.py"),
    "events_fresh3": GoldSet("events_fresh3", SHARED / "data" / "news" / "topical.jsonl", "score_events.py"),
    "events_fresh4": GoldSet("events_fresh4", SHARED / "data" / "news" / "topical.jsonl", "score_events.py"),
    "events_holdout3": GoldSet("events_holdout3", SHARED / "data" / "news" / "topical.jsonl", "score_events.py"),
}


def source_records(path: Path, wanted: set[str]) -> Iterator[dict[str, object]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record.get("id") in wanted:
                yield record


def write_input(gold: GoldSet, target: Path) -> int:
    """The set's articles as JSONL with the gold's doc_id; returns how many were found."""
    ids = gold.gold_ids()
    by_source = {source_id: gold_id for gold_id, source_id in ids.items()}
    found = 0
    with target.open("w", encoding="utf-8") as out:
        for record in source_records(gold.source, set(by_source)):
            record = {**record, "id": by_source[str(record["id"])]}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            found += 1
    return found


def score(gold: GoldSet, warta: list[str], options: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        input_path, output_path = Path(tmp) / "input.jsonl", Path(tmp) / "output.jsonl"
        found = write_input(gold, input_path)
        print(f"== {gold.name} ({found} articles)", flush=True)
        with output_path.open("w") as out:
            run = subprocess.run([*warta, "extract", str(input_path)], stdout=out, stderr=subprocess.PIPE, text=True)
        if run.returncode != 0:
            print(run.stderr, file=sys.stderr)
            return run.returncode
        gold_folder = gold.folder
        return subprocess.run([sys.executable, str(SHARED / "tools" / gold.scorer), str(gold_folder),
                               str(output_path), *options]).returncode


def main(argv: list[str]) -> int:
    if not (SHARED / "tools").is_dir():
        print(f"own_gold: {SHARED} is not present; nothing to score", file=sys.stderr)
        return 2
    warta = [sys.executable, str(REPO / "cli.py")]
    names, options = [], []
    args = iter(argv)
    for arg in args:
        if arg == "--warta":
            warta = shlex.split(next(args, ""))
        elif arg.startswith("--"):
            options.append(arg)
        else:
            names.append(arg)
    unknown = [n for n in names if n not in SETS]
    if unknown:
        print(f"own_gold: unknown set {unknown[0]!r}; choose from {', '.join(SETS)}", file=sys.stderr)
        return 2
    status = 0
    for name in names or list(SETS):
        if SETS[name].folder.is_dir():
            status |= score(SETS[name], warta, options)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
