"""One operation told as two acts (``legs``): people taken out of a compound, then brought home."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import permutations

import pytest

from extractor.aggregate.cluster import Item, cluster, make_window
from extractor.aggregate.events import EventRow
from extractor.aggregate.legs import join_first_legs
from extractor.aggregate.settings import default_settings
from extractor.aggregate.summary import summarize

SETTINGS = default_settings()
PUBLISHED = date(2025, 3, 21)


def item(doc: str, index: int, type_: str, day: str | None, count: int, country: str = "MM",
         place: str | None = None) -> Item:
    return Item(key=(doc, index), type=type_, date=day, window=make_window(day, PUBLISHED, SETTINGS.clusters),
                count=count, place=place, country=country, published=PUBLISHED, story=doc)


def joined(items: list[Item], **stages: object) -> list[tuple[str, set[str]]]:
    """Each resulting group as (its type, the set of 'doc:type:count' of its members)."""
    settings = replace(SETTINGS.stages, **stages)
    groups = join_first_legs(cluster(items, SETTINGS.clusters), SETTINGS.clusters, settings)
    return sorted((g[0].type, {f"{i.key[0]}:{i.key[1]}:{i.count}" for i in g}) for g in groups)


def one_operation(rescue_day: str = "2025-03-17", home_day: str = "2025-03-18", rescued: int = 569,
                  brought: int = 554, country: str = "MM") -> list[Item]:
    """Two articles tell people taken out of Myawaddy (a RESCUE), two tell them flown home (a REPATRIATION)."""
    return [item("a", 0, "RESCUE", rescue_day, rescued, country), item("b", 0, "RESCUE", rescue_day, rescued, country),
            item("c", 0, "REPATRIATION", home_day, brought), item("d", 0, "REPATRIATION", home_day, brought)]


def test_a_rescue_that_began_a_repatriation_joins_it() -> None:
    found = joined(one_operation())
    assert found == [("REPATRIATION", {"a:0:569", "b:0:569", "c:0:554", "d:0:554"})]


@pytest.mark.parametrize("rescue_day, home_day, rescued, brought, country", [
    ("2025-03-10", "2025-03-18", 554, 554, "MM"),  # freed a week before: its own act
    ("2025-03-19", "2025-03-17", 554, 554, "MM"),  # freed after the flight home: another group
    ("2025-03", "2025-03-18", 554, 554, "MM"),  # a month: too wide to say it is the same operation
    ("2025-03-17", "2025-03-18", 600, 554, "MM"),  # further apart than close_count_tolerance
    ("2025-03-17", "2025-03-18", 20, 21, "MM"),  # small groups must give the same count
    ("2025-03-17", "2025-03-18", 554, 554, "KH"),  # freed in Cambodia, brought home from Myanmar
])
def test_what_keeps_the_two_acts_apart(rescue_day: str, home_day: str, rescued: int, brought: int,
                                       country: str) -> None:
    found = joined(one_operation(rescue_day, home_day, rescued, brought, country))
    assert [t for t, _ in found] == ["REPATRIATION", "RESCUE"]


def test_small_groups_join_only_when_one_source_tells_both() -> None:
    """"10 WNI diselamatkan dan dipulangkan": one article writes both acts. Ten freed and ten flown home told
    by different articles may be two groups: small groups are many."""
    assert len(joined(one_operation(rescued=10, brought=10))) == 2
    items = [item("a", 0, "RESCUE", "2025-10-23", 10, "KH"), item("a", 1, "REPATRIATION", "2025-10-23", 10, "KH")]
    assert joined(items) == [("REPATRIATION", {"a:0:10", "a:1:10"})]


def test_a_rescue_that_fits_two_operations_joins_the_one_giving_its_figure() -> None:
    """569 taken out: the operation told as 569 (fewer articles) wins over the one told as 554 (more)."""
    items = [item("a", 0, "RESCUE", "2025-03-17", 569),
             item("b", 0, "REPATRIATION", "2025-03-18", 554), item("c", 0, "REPATRIATION", "2025-03-18", 554),
             item("d", 0, "REPATRIATION", "2025-03-18", 569, place="myawaddy")]
    groups = [[items[0]], [items[1], items[2]], [items[3]]]
    result = join_first_legs(groups, SETTINGS.clusters, SETTINGS.stages)
    assert sorted(sorted(f"{i.key[0]}:{i.count}" for i in g) for g in result) == [["a:569", "d:569"],
                                                                                   ["b:554", "c:554"]]


def test_a_stage_joins_the_stage_of_the_operation_that_gives_its_figure() -> None:
    """The operation's group holds 154 and 169 (sources differ); a rescue of 169 joins it, not the 400."""
    items = [item("a", 0, "RESCUE", "2025-03-18", 169), item("b", 0, "REPATRIATION", "2025-03-19", 154),
             item("c", 0, "REPATRIATION", "2025-03-19", 169), item("d", 0, "REPATRIATION", "2025-03-18", 400)]
    groups = [[items[0]], [items[1], items[2]], [items[3]]]
    result = join_first_legs(groups, SETTINGS.clusters, SETTINGS.stages)
    assert sorted(sorted(f"{i.key[0]}:{i.count}" for i in g) for g in result) == [["a:169", "b:154", "c:169"],
                                                                                   ["d:400"]]


@pytest.mark.parametrize("stages", [{"leg_types": ()}, {"leg_days": 0}])
def test_turned_off(stages: dict[str, object]) -> None:
    assert len(joined(one_operation(), **stages)) == 2


def test_the_result_does_not_depend_on_the_order_of_the_groups() -> None:
    """Two rescues and two operations of close counts, the groups handed over in every order."""
    items = [*one_operation(), item("e", 0, "RESCUE", "2025-03-17", 554),
             item("f", 0, "REPATRIATION", "2025-03-18", 560)]
    groups = [[items[0], items[1]], [items[2], items[3]], [items[4]], [items[5]]]
    results = set()
    for order in permutations(groups):
        result = join_first_legs(list(order), SETTINGS.clusters, SETTINGS.stages)
        results.add(tuple(tuple(i.key for i in g) for g in result))
    assert len(results) == 1


def test_the_operation_is_dated_placed_and_counted_by_its_own_events() -> None:
    """Three articles tell the rescue (569 on 17 March), two the flight home (554 on 18 March): the record is
    the repatriation's, 554 on 18 March, though the rescue's articles outnumber its own."""
    items = [item(d, 0, "RESCUE", "2025-03-17", 569) for d in "abc"] + \
        [item(d, 0, "REPATRIATION", "2025-03-18", 554) for d in "de"]
    groups = join_first_legs(cluster(items, SETTINGS.clusters), SETTINGS.clusters, SETTINGS.stages)
    rows = {i.key: EventRow(i.key[0], 0, "RESCUE" if i.count == 569 else "REPATRIATION", i.date, None, "MM",
                            i.count, (), "occurred", None, i) for g in groups for i in g}
    [record] = summarize(groups, rows)
    assert (record.type, record.count, record.date, record.leg_docs) == ("REPATRIATION", 554, "2025-03-18",
                                                                          frozenset("abc"))
