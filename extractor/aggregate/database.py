"""The DuckDB file: every table created from its declared columns, rows bulk-loaded from NDJSON.

Bulk loading through ``read_json`` is much faster than inserting row by row, and the declared types
(DATE, lists, JSON) make the file convenient from SQL. The file is built beside ``-o`` and renamed
at the end, so a reader never sees a half-written database.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
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
    "mentions": """SELECT doc_id, e->>'type', e->>'text', (e->>'start')::INTEGER, (e->>'end')::INTEGER, e->>'rule',
        e->>'name', e->>'title', e->>'country', e->>'code', e->>'value',
        CASE WHEN e->>'type' = 'CASE_COUNT' THEN TRY_CAST(e->>'value' AS BIGINT) END, e->>'unit', e->>'qualifier',
        e->>'period', e->>'category', e->>'granularity', e->>'person_id', e->>'agency', e->>'acronym', e->>'kind', e
        FROM entities ORDER BY doc_id, 4, 5, 2, 3""",
    "counts": """SELECT doc_id, TRY_CAST(e->>'value' AS BIGINT), e->>'unit', e->>'qualifier', e->>'period',
        e->>'country', e->>'category', TRY_CAST(left(published, 10) AS DATE), e->>'text',
        (e->>'start')::INTEGER, (e->>'end')::INTEGER
        FROM entities WHERE e->>'type' = 'CASE_COUNT' ORDER BY doc_id, 10""",
}


class DatabaseWriter:
    """Builds the database in a temporary folder beside ``path`` and renames it there at the end.

    :meth:`start` bulk-loads the mention tables on a thread (DuckDB works without holding the GIL)
    while the caller clusters; :meth:`finish` adds the other tables of :data:`SCHEMA` and renames.
    Leaving the ``with`` block without :meth:`finish` removes everything: ``path`` is left as it was.
    """

    def __init__(self, path: Path) -> None:
        import duckdb

        self.path = path
        directory = path.resolve().parent
        directory.mkdir(parents=True, exist_ok=True)
        self._work = tempfile.TemporaryDirectory(prefix=f".{path.name}.", dir=directory)
        self._folder = Path(self._work.name)
        # one DuckDB thread: the other core is the one clustering meanwhile
        self._con = duckdb.connect(str(self._folder / path.name), config={"threads": 1})
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    def __enter__(self) -> DatabaseWriter:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._thread is not None:
            self._thread.join()
        self._con.close()
        self._work.cleanup()

    def start(self, records: Iterable[str]) -> None:
        """Begin loading ``mentions`` and ``counts`` from the records' JSON lines."""
        scratch = self._folder / "records.ndjson"
        with scratch.open("w", encoding="utf-8") as out:
            out.writelines(line + "\n" for line in records)
        self._thread = threading.Thread(target=self._load_records, args=(scratch,), daemon=True)
        self._thread.start()

    def _load_records(self, scratch: Path) -> None:
        try:
            for name in _FROM_RECORDS:
                ddl = ", ".join(f'"{col}" {kind}' for col, kind in SCHEMA[name])
                self._con.execute(f'CREATE TABLE "{name}" ({ddl})')
            if scratch.stat().st_size:
                self._con.execute("CREATE TEMP TABLE entities AS SELECT r.doc_id, r.published, e FROM read_json(?, "
                                  "format='newline_delimited', columns={'doc_id': 'VARCHAR', 'published': 'VARCHAR', "
                                  "'entities': 'JSON[]'}) AS r, unnest(r.entities) AS t(e)", [str(scratch)])
                for name, sql in _FROM_RECORDS.items():
                    self._con.execute(f'INSERT INTO "{name}" {sql}')
                self._con.execute("DROP TABLE entities")
        except BaseException as exc:  # handed to the caller's thread by finish()
            self._error = exc

    def finish(self, tables: Mapping[str, Iterable[Mapping[str, Any]]]) -> None:
        """Write the other tables, then move the finished file to ``path``."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._error is not None:
            raise self._error
        for name, columns in SCHEMA.items():
            if name not in _FROM_RECORDS:
                _write_table(self._con, name, columns, tables.get(name, ()), self._folder / f"{name}.ndjson")
        self._con.execute("CHECKPOINT")
        self._con.close()
        os.replace(self._folder / self.path.name, self.path)


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
