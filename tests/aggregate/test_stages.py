"""Stages and totals (``part_of``): reported together or adding up, inside the total's dates."""

from __future__ import annotations

from datetime import date

from extractor.aggregate.settings import default_settings
from extractor.aggregate.summary import ClusterRow, link_stages
from extractor.timex import interval


def row(cluster_id: int, date_: str, count: int, docs: tuple[str, ...], country: str = "MM",
        type_: str = "REPATRIATION", leg_docs: frozenset[str] = frozenset()) -> ClusterRow:
    span = interval(date_)
    assert span is not None
    return ClusterRow(cluster_id=cluster_id, type=type_, leg_docs=leg_docs, date=date_, date_start=span[0],
                      date_end=span[1],
                      place=None, country=country, count=count, participants=(), n_articles=len(docs),
                      n_stories=len(docs), first_published=date(2025, 4, 1), last_published=date(2025, 4, 1),
                      doc_ids=docs, members=tuple((d, 0) for d in docs), spans=(span,))


def parents(rows: list[ClusterRow]) -> dict[int, int | None]:
    return {r.cluster_id: r.part_of for r in link_stages(rows, default_settings().stages)}


def test_stages_reported_with_their_total() -> None:
    linked = parents([row(1, "2025-03", 554, ("a", "b")), row(2, "2025-03-18", 400, ("a", "c")),
                      row(3, "2025-03-19", 154, ("b",))])
    assert linked == {1: None, 2: 1, 3: 1}


def test_stages_that_add_up_to_the_total() -> None:
    linked = parents([row(1, "2025-02/2025-03", 130, ("a",)), row(2, "2025-02-20", 46, ("b",)),
                      row(3, "2025-02-28", 84, ("c",)), row(4, "2025-02-25", 50, ("d",))])
    assert linked == {1: None, 2: 1, 3: 1, 4: None}


def test_the_closest_total_is_the_parent() -> None:
    linked = parents([row(1, "2025-02/2025-03", 699, ("a", "b")), row(2, "2025-03", 554, ("b", "c")),
                      row(3, "2025-03-18", 400, ("a", "c"))])
    assert linked[3] == 2 and linked[2] == 1


def test_no_stage_outside_the_total_or_of_a_yearly_statistic() -> None:
    linked = parents([row(1, "2025-03", 554, ("a",)), row(2, "2025-04-02", 400, ("a",)),
                      row(3, "2025", 5000, ("e", "f")), row(4, "2025-06-01", 300, ("e",)),
                      row(5, "2025-03-18", 100, ("a",), country="KH")])
    assert linked == {1: None, 2: None, 3: None, 4: None, 5: None}


def test_a_first_legs_stage_follows_it_into_the_operation() -> None:
    """Article a told 569 taken out (a rescue, joined to the operation) and 400 of them on 17 March: the 400
    is a stage of the operation. A rescue told by no article of a joined first leg stays apart."""
    operation = row(1, "2025-03-17/2025-03-19", 554, ("a", "b"), leg_docs=frozenset({"a"}))
    linked = parents([operation, row(2, "2025-03-17", 400, ("a",), type_="RESCUE"),
                      row(3, "2025-03-18", 150, ("b",), type_="RESCUE")])
    assert linked == {1: None, 2: 1, 3: None}
