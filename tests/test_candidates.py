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


NOT_CANDIDATES = {
    # phenomenon: (text repeated in two articles, a capitalized word that is no name to add)
    "one_letter_initial": ("Polisi memeriksa pria berinisial F kemarin, lalu membawa F ke kantor.", "F"),
    "currency_before_a_number": ("Korban dijanjikan gaji Rp 9 juta, padahal hanya dibayar Rp 2 juta.", "Rp"),
    "unit_after_a_number": ("Gaji yang dijanjikan 900 USD, tetapi yang dibayar hanya 300 USD.", "USD"),
    "title_without_a_name": ("Dalam rapat itu, kata Kepala yang baru, ada relawan Yayasan Mitra Sejati.", "Kepala"),
}


def test_candidates_skip_initials_units_and_titles(tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    texts = [text for text, _ in NOT_CANDIDATES.values()]
    source.write_text("\n".join(json.dumps({"id": f"a{i}", "text": t}) for i, t in enumerate(texts + texts)) + "\n",
                      encoding="utf-8")
    result = CliRunner().invoke(app, ["candidates", str(source), "--min-count", "2"])
    assert result.exit_code == 0, result.output
    names = {line.split("\t")[2] for line in result.stdout.strip().splitlines() if line}
    assert "Yayasan Mitra Sejati" in names  # the same articles still yield real names
    assert not names & {word for _, word in NOT_CANDIDATES.values()}
