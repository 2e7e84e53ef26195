"""The report as a person sees it, in headless Chromium: drawn charts, no console errors, and the numbers
on the page equal to DuckDB queries of the same database (written here, independently of the report)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from extractor.cli import app
from tests.report.chromium import Page, png_pixels

# people counted once per occurrence: top-level clusters with a count, dated within one month (or undated),
# from 1 January of the year before the first article
SINCE = "(SELECT make_date(year(min(published)) - 1, 1, 1) FROM articles)"
PEOPLE = """SELECT coalesce(sum(count), 0) FROM clusters WHERE type = '{type}' AND part_of IS NULL
            AND count IS NOT NULL AND coalesce(date_start, first_published) >= """ + SINCE + """
            AND (date_start IS NULL
                 OR year(date_start) * 12 + month(date_start) = year(date_end) * 12 + month(date_end))"""
EXPECTED = {
    "articles": "SELECT count(*) FROM articles",
    "stories": "SELECT count(DISTINCT story_id) FROM articles",
    "events": "SELECT count(*) FROM events",
    "clusters": "SELECT count(*) FROM clusters",
    "since": f"SELECT year({SINCE})",
    "rescued": PEOPLE.format(type="RESCUE"),
    "repatriated": PEOPLE.format(type="REPATRIATION"),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    import json

    from tests.conftest import invented_records

    folder = tmp_path_factory.mktemp("report")
    source, db, page = folder / "out.jsonl", folder / "t.duckdb", folder / "report.html"
    source.write_text("".join(json.dumps(r) + "\n" for r in invented_records()), encoding="utf-8")
    assert CliRunner().invoke(app, ["aggregate", str(source), "-o", str(db)]).exit_code == 0
    result = CliRunner().invoke(app, ["report", str(db), "-o", str(page)])
    assert result.exit_code == 0, result.output
    return db, page


@pytest.fixture(scope="module")
def browser(chromium: str, report: tuple[Path, Path]) -> Iterator[Page]:
    page = Page(chromium)
    try:
        page.open(report[1])
        yield page
    finally:
        page.close()


def scalar(db: Path, sql: str) -> Any:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()[0][0]
    finally:
        con.close()


def test_no_console_errors(browser: Page) -> None:
    assert browser.errors == []


def test_figures_on_the_page_equal_the_database(browser: Page, report: tuple[Path, Path]) -> None:
    shown = browser.evaluate("Object.fromEntries([...document.querySelectorAll('[data-figure]')]"
                             ".map(e => [e.dataset.figure, e.innerText]))")
    assert {k: int(v.replace(",", "")) for k, v in shown.items()} == {k: scalar(report[0], q)
                                                                      for k, q in EXPECTED.items()}
    assert int(shown["repatriated"].replace(",", "")) > 0  # the invented data do have people in them


def test_every_cluster_is_a_table_row(browser: Page, report: tuple[Path, Path]) -> None:
    rows = browser.evaluate("document.querySelectorAll('#clusters tbody tr').length")
    assert rows == scalar(report[0], "SELECT count(*) FROM clusters")
    sources = browser.evaluate("document.querySelectorAll('#clusters ol.sources li').length")
    assert sources == scalar(report[0], "SELECT sum(len(doc_ids)) FROM clusters")


def test_charts_are_drawn_and_link_to_their_sources(browser: Page, report: tuple[Path, Path]) -> None:
    sizes = browser.evaluate("[...document.querySelectorAll('section.chart svg')].map(s => "
                             "{const r = s.getBoundingClientRect(); return [r.width, r.height]})")
    assert len(sizes) == 4 and all(w > 100 and h > 50 for w, h in sizes)
    links = browser.evaluate("[...document.querySelectorAll('#people svg a')].map(a => "
                             "a.getAttribute('xlink:href') || a.getAttribute('href'))")
    monthly = PEOPLE.replace("coalesce(sum(count), 0)", "count(*)")
    expected = sum(scalar(report[0], monthly.format(type=t)) for t in ("RESCUE", "REPATRIATION"))
    assert len(links) == expected > 0  # one linked segment per occurrence
    assert browser.evaluate(f"{links!r}.every(h => h.startsWith('#cluster-') && "
                            "document.getElementById(h.slice(1)) !== null)")


def test_screenshot_is_not_blank(browser: Page) -> None:
    width, height, pixels = png_pixels(browser.screenshot(scale=0.25))
    assert width * height == len(pixels) > 0
    ink = sum(1 for p in pixels if min(p) < 200)
    assert ink / len(pixels) > 0.02
    assert len(set(pixels)) > 20  # text, chart colours: not one flat colour


def test_page_is_self_contained(report: tuple[Path, Path]) -> None:
    html = report[1].read_text(encoding="utf-8")
    for needle in ("<script", "<link", "@import", "src=\"http", "url(http"):
        assert needle not in html
