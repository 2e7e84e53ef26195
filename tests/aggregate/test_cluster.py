"""Event clustering on invented events: what joins, what stays apart, and independence of input order."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from extractor.aggregate.cluster import Item, cluster, make_window
from extractor.aggregate.settings import default_settings

SETTINGS = default_settings().clusters


def item(doc: str, type_: str = "REPATRIATION", date_: str | None = None, published: str = "2024-08-03",
         count: int | None = None, place: str | None = None, country: str | None = None,
         participants: tuple[str, ...] = (), foreign: tuple[str, ...] = (), story: str | None = None,
         index: int = 0) -> Item:
    day = date.fromisoformat(published)
    return Item(key=(doc, index), type=type_, date=date_, window=make_window(date_, day, SETTINGS), count=count,
                place=place, country=country, participants=frozenset(participants), foreign=frozenset(foreign),
                published=day, story=story or doc)


def groups_of(items: list[Item]) -> set[frozenset[str]]:
    return {frozenset(f"{i.key[0]}#{i.key[1]}" for i in group) for group in cluster(items, SETTINGS)}


def together(items: list[Item]) -> bool:
    return len(cluster(items, SETTINGS)) == 1


# --- one occurrence reported several ways ---
@pytest.mark.parametrize("items", [
    pytest.param([item("a", date_="2024-08-02", count=62, place="kamboja", country="KH"),
                  item("b", date_="2024-08-02", count=62, place="phnompenh", country="KH")],
                 id="same day and count, city within the country"),
    pytest.param([item("a", date_="2024-08-02", count=62, country="KH"),
                  item("b", date_="2024-08", count=62, country="KH")], id="a day inside a month"),
    pytest.param([item("a", date_="2024-08-02", count=62, country="KH"),
                  item("b", published="2024-08-04", count=62, country="KH")], id="undated, reported two days later"),
    pytest.param([item("a", date_="2024-08-02", count=62, country="KH"),
                  item("b", date_="2024-08-03", count=62, country="KH")], id="a day apart: within the slack"),
    pytest.param([item("a", type_="MEETING", date_="2024-05-20", place="bali", country="ID",
                       participants=("retno marsudi",), foreign=("KH",)),
                  item("b", type_="MEETING", date_="2024-05-20", place="bali", country="ID",
                       participants=("retno marsudi", "hun manet"), foreign=("KH",))], id="one meeting"),
    pytest.param([item("a"), item("b", story="a")], id="a reprint of the same story"),
    pytest.param([item("a", date_="2025-03-17", count=554, country="MM", published="2025-03-18"),
                  item("b", date_="2025-01", count=554, country="MM", published="2025-03-19")],
                 id="a distinctive count, one article misdates it"),
    pytest.param([item("a", type_="MEETING", place="bali", published="2025-05-19",
                       participants=("agus andrianto", "sok veasna", "imigrasi")),
                  item("b", type_="MEETING", place="bali", published="2025-05-25",
                       participants=("agus andrianto", "sok veasna"))], id="undated meeting, the same two parties"),
])
def test_same_occurrence(items: list[Item]) -> None:
    assert together(items)


# --- near misses: the same type, different occurrences ---
@pytest.mark.parametrize("items", [
    pytest.param([item("a", date_="2024-08-02", count=12, country="KH"),
                  item("b", date_="2024-09-10", count=12, country="KH")], id="same small count a month later"),
    pytest.param([item("a", date_="2025-03-17", count=554, country="MM"),
                  item("b", date_="2025-07-01", count=554, country="MM")], id="a distinctive count, months apart"),
    pytest.param([item("a", place="bali", published="2025-05-19", participants=("kemlu", "kbri")),
                  item("b", place="bali", published="2025-05-25", participants=("kemlu", "kbri"))],
                 id="undated repatriations by the same two agencies"),
    pytest.param([item("a", date_="2024-08", count=400, country="MM"),
                  item("b", date_="2024-09", count=120, country="MM")], id="next month, another count"),
    pytest.param([item("a", date_="2024-08-02", count=62, country="KH"),
                  item("b", date_="2024-08-02", count=61, country="KH")], id="counts differ"),
    pytest.param([item("a", date_="2024-08-02", count=62, country="KH"),
                  item("b", date_="2024-08-02", count=62, country="MM")], id="countries differ"),
    pytest.param([item("a", date_="2024-08-02", count=62, place="poipet"),
                  item("b", date_="2024-08-02", count=62, place="bavet")], id="places differ, countries unknown"),
    pytest.param([item("a", type_="MEETING", date_="2024-05-20", place="bali", participants=("retno marsudi",),
                       foreign=("KH",)),
                  item("b", type_="MEETING", date_="2024-05-20", place="bali", participants=("retno marsudi",),
                       foreign=("TH",))], id="one minister, two foreign partners"),
    pytest.param([item("a", type_="MEETING", published="2024-05-01", participants=("retno marsudi",)),
                  item("b", type_="MEETING", published="2024-05-08", participants=("retno marsudi",))],
                 id="undated meetings of one minister a week apart: too little evidence"),
    pytest.param([item("a", date_="2024-08-02", count=62, country="KH"),
                  item("a", date_="2024-08-02", count=62, country="KH", index=1)], id="two events of one article"),
    pytest.param([item("a", date_="2024-08-02", count=62, country="KH"),
                  item("b", type_="RESCUE", date_="2024-08-02", count=62, country="KH")], id="different types"),
    pytest.param([item("a", date_="2024-08-02", count=12, country="KH"),
                  item("b", published=str(date(2024, 8, 3) + timedelta(days=SETTINGS.undated_window_days
                                                                          + SETTINGS.date_slack_days)),
                       count=12, country="KH")], id="undated, reported after the window"),
    pytest.param([item("a", date_="2025", published="2025-04-28", count=26, country="MM"),
                  item("b", date_="2025-10-29", published="2025-10-29", count=26, country="MM")],
                 id="'in 2025' told in April: it happened by April, not in October"),
])
def test_different_occurrences(items: list[Item]) -> None:
    assert not together(items)


def test_complete_linkage_does_not_chain() -> None:
    """b is compatible with a and with c, but a and c contradict each other: no cluster holds both."""
    a = item("a", date_="2024-08-01", count=62, country="KH")
    b = item("b", date_="2024-08-02", country="KH", published="2024-08-02")
    c = item("c", date_="2024-08-03", count=70, country="KH")
    groups = groups_of([a, b, c])
    assert not any({"a#0", "c#0"} <= g for g in groups)


def test_the_strongest_link_wins() -> None:
    """An event with no count goes to the occurrence that matches its day, not the one of its month."""
    day = item("day", date_="2025-03-18", count=400, place="myawaddy", country="MM", published="2025-03-19")
    month = item("month", date_="2025-03", count=554, place="myawaddy", country="MM", published="2025-03-30")
    loose = item("loose", date_="2025-03-18", place="myawaddy", country="MM", published="2025-03-19")
    assert frozenset({"day#0", "loose#0"}) in groups_of([month, loose, day])


def test_input_order_does_not_matter() -> None:
    rng = random.Random(7)
    base = date(2024, 1, 1)
    items = []
    for n in range(60):  # many events, few distinct values: many ties to break
        day = base + timedelta(days=rng.randrange(40))
        items.append(item(f"d{n:02d}", date_=day.isoformat() if rng.random() < 0.7 else None,
                          published=(day + timedelta(days=1)).isoformat(), count=rng.choice([None, 10, 10, 20]),
                          country=rng.choice([None, "KH", "MM"])))
    expected = groups_of(items)
    for _ in range(5):
        rng.shuffle(items)
        assert groups_of(items) == expected


def test_two_meetings_with_different_foreign_officials() -> None:
    police = item("a", type_="MEETING", date_="2022-08-02", place="phnompenh", country="KH", foreign=("KH",),
                  participants=("retno marsudi", "neth savouen"))
    interior = item("b", type_="MEETING", date_="2022-08-03", place="phnompenh", country="KH", foreign=("KH",),
                    participants=("retno marsudi", "sar kheng"))
    assert together([police, interior])  # without knowing who is foreign, nothing tells them apart
    police = Item(**{**police.__dict__, "foreign_people": frozenset({"neth savouen"})})
    interior = Item(**{**interior.__dict__, "foreign_people": frozenset({"sar kheng"})})
    assert not together([police, interior])
