"""The DuckDB file: every table created from its declared columns, rows bulk-loaded from NDJSON.

Bulk loading through ``read_json`` is much faster than inserting row by row, and the declared types
(DATE, lists, JSON) make the file convenient from SQL. The file is built beside ``-o`` and renamed
at the end, so a reader never sees a half-written database.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

Columns = tuple[tuple[str, str], ...]

SCHEMA: dict[str, Columns] = {
    "articles": (("doc_id", "VARCHAR"), ("source", "VARCHAR"), ("url", "VARCHAR"), ("title", "VARCHAR"),
                 ("published", "DATE"), ("reference_date", "DATE"), ("story_id", "VARCHAR"),
                 ("n_events", "INTEGER")),
    "mentions": (("doc_id", "VARCHAR"), ("type", "VARCHAR"), ("text", "VARCHAR"), ("start", "INTEGER"),
                 ("end", "INTEGER"), ("rule", "VARCHAR"), ("name", "VARCHAR"), ("title", "VARCHAR"),
                 ("country", "VARCHAR"), ("code", "VARCHAR"), ("value", "VARCHAR"), ("number", "BIGINT"),
                 ("unit", "VARCHAR"), ("qualifier", "VARCHAR"), ("period", "VARCHAR"), ("category", "VARCHAR"),
                 ("granularity", "VARCHAR"), ("person_id", "VARCHAR"), ("agency", "VARCHAR"),
                 ("acronym", "VARCHAR"), ("kind", "VARCHAR"), ("attributes", "JSON")),
    "events": (("doc_id", "VARCHAR"), ("event_index", "INTEGER"), ("type", "VARCHAR"), ("date", "VARCHAR"),
               ("date_start", "DATE"), ("date_end", "DATE"), ("place", "VARCHAR"), ("country", "VARCHAR"),
               ("count", "BIGINT"), ("participants", "VARCHAR[]"), ("status", "VARCHAR"), ("rule", "VARCHAR"),
               ("published", "DATE"), ("cluster_id", "INTEGER")),
    "clusters": (("cluster_id", "INTEGER"), ("part_of", "INTEGER"), ("type", "VARCHAR"), ("date", "VARCHAR"),
                 ("date_start", "DATE"), ("date_end", "DATE"), ("place", "VARCHAR"), ("country", "VARCHAR"),
                 ("count", "BIGINT"), ("participants", "VARCHAR[]"), ("n_articles", "INTEGER"),
                 ("n_stories", "INTEGER"), ("first_published", "DATE"), ("last_published", "DATE"),
                 ("doc_ids", "VARCHAR[]")),
    "counts": (("doc_id", "VARCHAR"), ("value", "BIGINT"), ("unit", "VARCHAR"), ("qualifier", "VARCHAR"),
               ("period", "VARCHAR"), ("country", "VARCHAR"), ("category", "VARCHAR"), ("published", "DATE"),
               ("text", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER")),
    "officials": (("name", "VARCHAR"), ("aliases", "VARCHAR[]"), ("titles", "VARCHAR[]"),
                  ("countries", "VARCHAR[]"), ("agencies", "VARCHAR[]"), ("n_articles", "INTEGER"),
                  ("n_stories", "INTEGER"), ("first_seen", "DATE"), ("last_seen", "DATE"),
                  ("doc_ids", "VARCHAR[]")),
    "agencies": (("name", "VARCHAR"), ("acronym", "VARCHAR"), ("country", "VARCHAR"), ("kind", "VARCHAR"),
                 ("n_articles", "INTEGER"), ("n_stories", "INTEGER"), ("first_seen", "DATE"),
                 ("last_seen", "DATE")),
    "errors": (("source", "VARCHAR"), ("line", "INTEGER"), ("doc_id", "VARCHAR"), ("code", "VARCHAR"),
               ("message", "VARCHAR")),
}


# Tables DuckDB derives itself from the records' JSON (one row per mention): no Python loop over mentions.
_FROM_RECORDS = {
    "mentions": """SELECT r.doc_id, e->>'type', e->>'text', (e->>'start')::INTEGER, (e->>'end')::INTEGER, e->>'rule',
        e->>'name', e->>'title', e->>'country', e->>'code', e->>'value',
        CASE WHEN e->>'type' = 'CASE_COUNT' THEN TRY_CAST(e->>'value' AS BIGINT) END, e->>'unit', e->>'qualifier',
        e->>'period', e->>'category', e->>'granularity', e->>'person_id', e->>'agency', e->>'acronym', e->>'kind', e
        FROM records AS r, unnest(r.entities) AS t(e) ORDER BY r.doc_id, 4, 5, 2, 3""",
    "counts": """SELECT r.doc_id, TRY_CAST(e->>'value' AS BIGINT), e->>'unit', e->>'qualifier', e->>'period',
        e->>'country', e->>'category', TRY_CAST(left(r.published, 10) AS DATE), e->>'text',
        (e->>'start')::INTEGER, (e->>'end')::INTEGER
        FROM records AS r, unnest(r.entities) AS t(e) WHERE e->>'type' = 'CASE_COUNT' ORDER BY r.doc_id, 10""",
}


def write_database(path: Path, tables: Mapping[str, Iterable[Mapping[str, Any]]], records: Iterable[str]) -> None:
    """Write every table of :data:`SCHEMA` to ``path`` atomically (a temp file renamed at the end).

    ``records`` are the input's JSON lines (one per article); ``tables`` the rows of the other tables.
    """
    import duckdb

    directory = path.resolve().parent
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{path.name}.", dir=directory) as work:
        db_path = Path(work) / path.name
        scratch = Path(work) / "records.ndjson"
        with scratch.open("w", encoding="utf-8") as out:
            out.writelines(line + "\n" for line in records)
        con = duckdb.connect(str(db_path))
        try:
            literal = "'" + str(scratch).replace("'", "''") + "'"  # a view cannot take a parameter
            con.execute(f"CREATE TEMP VIEW records AS SELECT * FROM read_json({literal}, "
                        "format='newline_delimited', columns={'doc_id': 'VARCHAR', 'published': 'VARCHAR', "
                        "'entities': 'JSON[]'})")
            for name, columns in SCHEMA.items():
                if name in _FROM_RECORDS:
                    ddl = ", ".join(f'"{col}" {kind}' for col, kind in columns)
                    con.execute(f'CREATE TABLE "{name}" ({ddl})')
                    if scratch.stat().st_size:
                        con.execute(f'INSERT INTO "{name}" {_FROM_RECORDS[name]}')
                else:
                    _write_table(con, name, columns, tables.get(name, ()), Path(work) / f"{name}.ndjson")
            con.execute("DROP VIEW records")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(db_path, path)


def _write_table(con: Any, name: str, columns: Columns, rows: Iterable[Mapping[str, Any]], scratch: Path) -> None:
    ddl = ", ".join(f'"{col}" {kind}' for col, kind in columns)
    con.execute(f'CREATE TABLE "{name}" ({ddl})')
    written = 0
    with scratch.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps({col: row.get(col) for col, _ in columns}, ensure_ascii=False, default=str))
            out.write("\n")
            written += 1
    if not written:
        return
    spec = "{" + ", ".join(f"'{col}': '{kind}'" for col, kind in columns) + "}"
    names = ", ".join(f'"{col}"' for col, _ in columns)
    con.execute(f"INSERT INTO \"{name}\" SELECT {names} FROM read_json(?, format='newline_delimited', "
                f"columns={spec})", [str(scratch)])
