"""`warta report`: one page from a database, and a clear error for anything that is not one."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from extractor.cli import app
from tests.conftest import invented_records


def make_database(folder: Path) -> Path:
    source, db = folder / "out.jsonl", folder / "t.duckdb"
    source.write_text("".join(json.dumps(r) + "\n" for r in invented_records()), encoding="utf-8")
    assert CliRunner().invoke(app, ["aggregate", str(source), "-o", str(db)]).exit_code == 0
    return db


def test_page_lists_every_cluster_with_its_articles(tmp_path: Path) -> None:
    db = make_database(tmp_path)
    page = tmp_path / "r.html"
    assert CliRunner().invoke(app, ["report", str(db), "-o", str(page)]).exit_code == 0
    html = page.read_text(encoding="utf-8")
    con = duckdb.connect(str(db), read_only=True)
    for cluster_id, doc_ids in con.execute("SELECT cluster_id, doc_ids FROM clusters").fetchall():
        row = html.split(f'id="cluster-{cluster_id}"', 1)[1].split("</tr>", 1)[0]
        assert all(f"https://example.org/{d}" in row for d in doc_ids)
    con.close()
    assert html.count("<svg") == 4
    assert "stage of <a href=\"#cluster-" in html


def test_not_a_database_is_one_line(tmp_path: Path) -> None:
    junk = tmp_path / "junk.duckdb"
    junk.write_text("not a database", encoding="utf-8")
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    for path, code in ((junk, "E503"), (other, "E503"), (tmp_path / "missing.duckdb", "E109")):
        result = CliRunner().invoke(app, ["report", str(path), "-o", str(tmp_path / "r.html")])
        assert result.exit_code == 2 and code in result.output and "Traceback" not in result.output
    assert not (tmp_path / "r.html").exists()


def test_an_empty_database_still_makes_a_page(tmp_path: Path) -> None:
    source, db, page = tmp_path / "none.jsonl", tmp_path / "none.duckdb", tmp_path / "r.html"
    source.write_text("", encoding="utf-8")
    assert CliRunner().invoke(app, ["aggregate", str(source), "-o", str(db)]).exit_code == 0
    assert CliRunner().invoke(app, ["report", str(db), "-o", str(page)]).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert 'data-figure="clusters">0<' in html and "<tbody>" in html
