"""`warta candidates`: frequent capitalized names that no rule tagged."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from extractor.cli import app

ARTICLES = [
    "Kepala Satgas Pelindungan Kawasan Mekong Andi Wirasakti mengatakan korban dipulangkan. "
    "Menurut laporan Yayasan Pelita Harapan, kasus meningkat.",
    "Menurut laporan Yayasan Pelita Harapan, ratusan WNI menjadi korban. Kemlu mencatat 97 kasus.",
    "Menlu Retno Marsudi hadir. Yayasan Pelita Harapan juga hadir di Jakarta.",
]


def test_candidates_lists_untagged_names_by_frequency(tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text("\n".join(json.dumps({"id": f"a{i}", "text": t}) for i, t in enumerate(ARTICLES)) + "\n",
                      encoding="utf-8")
    result = CliRunner().invoke(app, ["candidates", str(source), "--top", "5", "--min-count", "2"])
    assert result.exit_code == 0, result.output
    lines = [line.split("\t") for line in result.stdout.strip().splitlines()]
    assert lines, result.output
    count, docs, name, example = lines[0]
    assert name == "Yayasan Pelita Harapan"
    assert (int(count), int(docs)) == (3, 3)
    assert "Yayasan Pelita Harapan" in example
    names = {line[2] for line in lines}
    assert "Kemlu" not in names and "Retno Marsudi" not in names  # tagged mentions are not candidates
    assert all(int(line[0]) >= 2 for line in lines)


def test_candidates_on_a_missing_file_reports_no_names(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["candidates", str(tmp_path / "missing.jsonl")])
    assert result.stdout.strip() == ""
