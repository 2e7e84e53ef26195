"""The hand check's matcher (tests/aggregate/gold.py): which system event of an article a gold event stands for."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.aggregate.gold import Matcher

EVENTS = [  # doc_id, event_index, type, date, place, count, cluster_id
    ("a", 0, "REPATRIATION", "2025", "Myawaddy", 525, 2),  # a year's statistic, dated
    ("a", 1, "RESCUE", None, "Myawaddy", 569, 1),  # undated, filed under the repatriation it began
    ("b", 0, "RESCUE", "2022-07-30", "Sihanoukville", 55, 3),
    ("c", 0, "MEETING", None, "Pnom Penh", None, 4),
    ("d", 0, "RESCUE", "2025-03-17", "Myawaddy", 554, 1),  # one article tells both acts, the rescue first
    ("d", 1, "REPATRIATION", None, None, 554, 1),
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
    ("a", "REPATRIATION", {"date": "2025-03", "place": "Myawaddy", "count": 554}, ("a", 1)),
    # an event is found under its own type too
    ("a", "RESCUE", {"date": "2025-03-17", "count": 569}, ("a", 1)),
    # of two equal counts, the event of the gold type, though the other comes first and shares date and place
    ("d", "REPATRIATION", {"date": "2025-03", "place": "Myawaddy", "count": 554}, ("d", 1)),
    # a rescue clustered as a rescue is no repatriation
    ("b", "REPATRIATION", {"date": "2022-07", "count": 55}, None),
    # nothing in common with the description: not found (a spelling of the place is not matched)
    ("c", "MEETING", {"date": "2022-08-02", "place": "Phnom Penh"}, None),
])
def test_match(matcher: Matcher, article: str, type_: str, description: dict[str, object],
               expected: tuple[str, int] | None) -> None:
    assert matcher.match(article, type_, description) == expected
