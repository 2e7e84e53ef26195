"""One occurrence told with two counts (``variants``): totals of one stage, stages of one total."""

from __future__ import annotations

from datetime import date

import pytest

from extractor.aggregate.cluster import Item, cluster, make_window
from extractor.aggregate.events import EventRow
from extractor.aggregate.settings import default_settings
from extractor.aggregate.variants import merge_variants

SETTINGS = default_settings()
PUBLISHED = date(2025, 3, 20)


def event(doc: str, index: int, day: str | None, count: int, part_of: int | None = None,
          country: str = "MM", published: date = PUBLISHED) -> EventRow:
    item = Item(key=(doc, index), type="REPATRIATION", date=day, window=make_window(day, published, SETTINGS.clusters),
                count=count, country=country, published=published, story=doc)
    return EventRow(doc, index, "REPATRIATION", day, None, country, count, (), "occurred", None, item, part_of)


def groups_of(rows: list[EventRow], tolerance: float = SETTINGS.stages.variant_count_tolerance,
              close: float = 0.0) -> list[set[str]]:
    """Each resulting group as the set of 'doc:count' of its members."""
    items = [r.item for r in rows if r.item is not None]
    by_key = {(r.doc_id, r.event_index): r for r in rows}
    merged = merge_variants(cluster(items, SETTINGS.clusters), by_key, SETTINGS.clusters, tolerance, close)
    return [{f"{i.key[0]}:{i.count}" for i in g} for g in merged]


def two_tellings(second_total: int = 569, second_stage: int = 169, second_day: str = "2025-03-19",
                 first_stage: int = 154) -> list[EventRow]:
    """Article a: 554 = 400 + 154; article b: 569 = 400 + 169; c and d give a total alone."""
    return [event("a", 0, "2025-03", 400 + first_stage), event("a", 1, "2025-03-18", 400, part_of=0),
            event("a", 2, "2025-03-19", first_stage, part_of=0),
            event("b", 0, "2025-03", second_total), event("b", 1, "2025-03-18", 400, part_of=0),
            event("b", 2, second_day, second_stage, part_of=0),
            event("c", 0, "2025-03", 400 + first_stage), event("d", 0, "2025-03", second_total)]


def test_totals_of_one_stage_and_stages_of_one_total_are_one_occurrence() -> None:
    found = groups_of(two_tellings())
    assert {"a:554", "b:569", "c:554", "d:569"} in found
    assert {"a:400", "b:400"} in found
    assert {"a:154", "b:169"} in found
    assert len(found) == 3


def test_without_the_shared_stage_the_counts_stay_apart() -> None:
    rows = [event("c", 0, "2025-03", 554), event("d", 0, "2025-03", 569)]
    assert len(groups_of(rows)) == 2


@pytest.mark.parametrize("first, total, stage, day", [
    (154, 700, 300, "2025-03-19"),  # 554 and 700: not one count told twice
    (30, 432, 32, "2025-03-25"),  # a small group a week later: another group (no slack for a large count)
])
def test_what_keeps_variants_apart(first: int, total: int, stage: int, day: str) -> None:
    found = groups_of(two_tellings(total, stage, day, first_stage=first))
    assert {f"a:{first}"} in found and {f"b:{stage}"} in found
    if total == 700:
        assert {"a:554", "c:554"} in found and {"b:700", "d:700"} in found


def test_a_zero_tolerance_merges_nothing() -> None:
    assert len(groups_of(two_tellings(), tolerance=0)) == 5  # 554, 569, 154 and 169 apart; the 400s one


def test_the_result_does_not_depend_on_the_input_order() -> None:
    rows = two_tellings()
    assert sorted(map(sorted, groups_of(rows))) == sorted(map(sorted, groups_of(rows[::-1])))


CLOSE = 0.03


@pytest.mark.parametrize("first, second, together", [
    ((None, 554), (None, 564), True),  # two undated tellings of one operation, a week apart in print
    (("2025-03-17", 554), (None, 569), True),  # a dated and an undated one
    (("2025-03-10", 90), ("2025-03-18", 91), False),  # eight days apart: the next wave, not a misprint
    (("2025", 554), ("2025-03-17", 564), False),  # a year holds many operations of about that size
    (("2025-03-17", 40), ("2025-03-17", 41), False),  # below distinctive_count: small groups are many
    ((None, 554), (None, 600), False),  # further apart than close_count_tolerance
])
def test_close_counts_with_no_stage_between_them(first: tuple[str | None, int], second: tuple[str | None, int],
                                                 together: bool) -> None:
    rows = [event("c", 0, *first), event("d", 0, *second)]
    assert (len(groups_of(rows, close=CLOSE)) == 1) is together
    assert len(groups_of(rows, close=0.0)) == 2  # off: the counts keep them apart


def test_close_counts_in_different_countries_stay_apart() -> None:
    rows = [event("c", 0, None, 554), event("d", 0, None, 564, country="KH")]
    assert len(groups_of(rows, close=CLOSE)) == 2


def test_close_undated_counts_need_close_publication() -> None:
    """Undated, each stands for the month before its article: 90 published 22 January and 91 published 21
    February are two waves, not one told twice."""
    rows = [event("c", 0, None, 90, published=date(2026, 1, 22)), event("d", 0, None, 91, published=date(2026, 2, 21))]
    assert len(groups_of(rows, close=CLOSE)) == 2
    rows[1] = event("d", 0, None, 91, published=date(2026, 1, 23))
    assert len(groups_of(rows, close=CLOSE)) == 1


@pytest.mark.parametrize("names", [("a", "b", "c"), ("c", "b", "a")])
def test_a_chain_of_close_counts_joins_its_nearest_figures_whatever_the_ids(names: tuple[str, str, str]) -> None:
    """554, 564 and 575: 554-564 and 564-575 are each within 3%, 554-575 is not; the closest pair joins."""
    rows = [event(name, 0, None, count) for name, count in zip(names, (554, 564, 575), strict=True)]
    found = sorted(sorted(int(x.split(":")[1]) for x in g) for g in groups_of(rows, close=CLOSE))
    assert found == [[554, 564], [575]]


def test_the_figure_most_sources_give_draws_the_misprints_first() -> None:
    """Three articles give 554, one 564, and one of the three also gives 568: 564-568 is the closest pair,
    but the 564 joins the 554 most sources give; the 568 then stays apart (its article already has the 554)."""
    rows = [event("a", 0, None, 554), event("b", 0, None, 554), event("c", 0, None, 554), event("d", 0, None, 564),
            event("a", 1, None, 568)]
    found = sorted(sorted(g) for g in groups_of(rows, close=CLOSE))
    assert found == [["a:554", "b:554", "c:554", "d:564"], ["a:568"]]
