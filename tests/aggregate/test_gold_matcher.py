"""The hand check's matcher (tests/aggregate/gold.py): which system event of an article a gold event stands for."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.aggregate.gold import Matcher

EVENTS = [  # doc_id, event_index, type, date, place, count, cluster_id
    ("a", 0, "RESCUE", "2025-03-17", "Myawaddy", 569, 1),  # filed under the repatriation it began
    ("a", 1, "REPATRIATION", "2025", "Myawaddy", 525, 2),  # a year's statistic
    ("b", 0, "RESCUE", "2022-07-30", "Sihanoukville", 55, 3),
    ("c", 0, "MEETING", None, "Pnom Penh", None, 4),
]
CLUSTERS = [(1, "REPATRIATION"), (2, "REPATRIATION"), (3, "RESCUE"), (4, "MEETING")]


@pytest.fixture(scope="module")
def matcher(tmp_path_factory: pytest.TempPathFactory) -> Matcher:
    path = tmp_path_factory.mktemp("matcher") / "t.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE events (doc_id VARCHAR, event_index INTEGER, type VARCHAR, date VARCHAR, "
                "place VARCHAR, count BIGINT, cluster_id INTEGER)")
    con.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)", EVENTS)
    con.execute("CREATE TABLE clusters (cluster_id INTEGER, type VARCHAR)")
    con.executemany("INSERT INTO clusters VALUES (?, ?)", CLUSTERS)
    con.close()
    return Matcher(Path(path))


@pytest.mark.parametrize("article, type_, description, expected", [
    # the closest variant of 554 (569, filed under a repatriation), not the statistic that only shares the year
    ("a", "REPATRIATION", {"date": "2025-03", "place": "Myawaddy", "count": 554}, ("a", 0)),
    # an event is found under its own type too
    ("a", "RESCUE", {"date": "2025-03-17", "count": 569}, ("a", 0)),
    # a rescue clustered as a rescue is no repatriation
    ("b", "REPATRIATION", {"date": "2022-07", "count": 55}, None),
    # nothing in common with the description: not found (a spelling of the place is not matched)
    ("c", "MEETING", {"date": "2022-08-02", "place": "Phnom Penh"}, None),
])
def test_match(matcher: Matcher, article: str, type_: str, description: dict[str, object],
               expected: tuple[str, int] | None) -> None:
    assert matcher.match(article, type_, description) == expected
