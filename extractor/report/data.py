"""What the report shows, as DuckDB queries over an aggregate database (the page is only their layout).

People per month count each occurrence once: top-level clusters (``part_of`` is null, so a stage never
adds to its total) with a count, whose date lies within one calendar month, or that have no date and
then count in the month of their first article. Clusters dated over a longer span (a yearly statistic,
``2020/2024-09``) are not on that chart; they are in the table. The charts start on 1 January of the
year before the first article was published: older occurrences that articles recall are in the table.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Errors, UsageError

SINCE = "(SELECT coalesce(make_date(year(min(published)) - 1, 1, 1), DATE '1900-01-01') FROM articles)"

MONTHLY = f"""
SELECT cluster_id, type, count, coalesce(country, 'unknown') AS country, place, n_articles, n_stories,
       strftime(date_trunc('month', coalesce(date_start, first_published)), '%Y-%m-01') AS month
FROM clusters
WHERE type IN ('RESCUE', 'REPATRIATION') AND part_of IS NULL AND count IS NOT NULL
  AND coalesce(date_start, first_published) >= {SINCE}
  AND (date_start IS NULL OR date_trunc('month', date_start) = date_trunc('month', date_end))
ORDER BY month, cluster_id
"""

TIMELINE = f"""
SELECT cluster_id, type, strftime(coalesce(date_start, first_published), '%Y-%m-%d') AS day,
       date_start IS NOT NULL AS dated, coalesce(date, 'undated') AS date, coalesce(place, '') AS place,
       count, n_articles, n_stories
FROM clusters WHERE coalesce(date_start, first_published) >= {SINCE} ORDER BY cluster_id
"""

TOP_OFFICIALS = "SELECT name, titles[1] AS title, n_articles, n_stories FROM officials ORDER BY n_stories DESC, " \
                "n_articles DESC, name LIMIT ?"
TOP_AGENCIES = "SELECT coalesce(acronym, name) AS label, name, n_articles, n_stories FROM agencies " \
               "ORDER BY n_stories DESC, n_articles DESC, name LIMIT ?"

CLUSTERS = """
SELECT c.cluster_id, c.part_of, c.type, c.date, c.place, c.country, c.count, c.participants, c.n_articles,
       c.n_stories, list(struct_pack(doc_id := a.doc_id, title := a.title, url := a.url,
                                     published := strftime(a.published, '%Y-%m-%d'), story_id := a.story_id)
                         ORDER BY a.published NULLS LAST, a.doc_id) AS articles
FROM clusters AS c, unnest(c.doc_ids) AS d(doc_id) JOIN articles AS a ON a.doc_id = d.doc_id
GROUP BY ALL ORDER BY c.cluster_id
"""

FIGURES = {
    "articles": "SELECT count(*) FROM articles",
    "stories": "SELECT count(DISTINCT story_id) FROM articles",
    "events": "SELECT count(*) FROM events",
    "clusters": "SELECT count(*) FROM clusters",
    "since": f"SELECT year({SINCE})",
    "rescued": f"SELECT coalesce(sum(count), 0) FROM ({MONTHLY}) WHERE type = 'RESCUE'",
    "repatriated": f"SELECT coalesce(sum(count), 0) FROM ({MONTHLY}) WHERE type = 'REPATRIATION'",
}

_TABLES = ("articles", "events", "clusters", "officials", "agencies")


@dataclass(frozen=True)
class ReportData:
    figures: dict[str, int]
    monthly: list[dict[str, Any]]
    timeline: list[dict[str, Any]]
    officials: list[dict[str, Any]]
    agencies: list[dict[str, Any]]
    clusters: list[dict[str, Any]]


def _rows(con: Any, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    result = con.execute(sql, params or [])
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def read_report_data(path: Path, top: int) -> ReportData:
    """Everything the page shows; a file that is not an aggregate database is a one-line error."""
    import duckdb

    if not path.is_file():
        raise UsageError(Errors.E109.format(path=path))
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise UsageError(Errors.E503.format(path=path, detail=str(exc).splitlines()[0])) from None
    try:
        present = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        missing = [t for t in _TABLES if t not in present]
        if missing:
            raise UsageError(Errors.E503.format(path=path, detail=f"no table {missing[0]!r}"))
        figures = {name: int(con.execute(sql).fetchall()[0][0]) for name, sql in FIGURES.items()}
        return ReportData(figures=figures, monthly=_rows(con, MONTHLY), timeline=_rows(con, TIMELINE),
                          officials=_rows(con, TOP_OFFICIALS, [top]), agencies=_rows(con, TOP_AGENCIES, [top]),
                          clusters=_rows(con, CLUSTERS))
    finally:
        con.close()
