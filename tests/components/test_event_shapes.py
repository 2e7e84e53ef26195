"""Event failure shapes (issue 15): the table in events_shapes.yaml run through the whole pipeline.

Events are paired with the expected ones as ../shared/tools/score.py pairs them (by `warta eval`'s
port of it: one to one, by type and a shared participant, else the same count, else the same date;
two names agree when one contains the other). Then every field must agree: the participants both
ways (a victim or speaker among them is an error), date, place and count (a null too), and
`part_of` (a stage points at the index of its total in the record's `events`). An event left
unpaired on either side fails the case. Cases marked `today: fails` are strict xfails: the table is
green today and turns red when such a case starts passing, so its mark must be removed.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from extractor.evaluate import best_event, normalize, participant_agrees

TABLE = Path(__file__).with_name("events_shapes.yaml")
TYPES = ("MEETING", "AGREEMENT", "RESCUE", "REPATRIATION")
FIELDS = ("type", "participants", "date", "place", "count")
MIN_PER_TYPE = 6
MIN_CASES = 30

Event = dict[str, Any]


def load_table() -> list[tuple[str, str, dict[str, Any]]]:
    """(type, shape, case) rows in file order."""
    table = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    return [(type_, shape, case) for type_, shapes in table.items() for shape, cases in shapes.items()
            for case in cases]


ROWS = load_table()
FAILS_TODAY = pytest.mark.xfail(strict=True, reason="marked `today: fails` in events_shapes.yaml")
CASES = [pytest.param(case, id=case["id"], marks=[FAILS_TODAY] if case.get("today") == "fails" else [])
         for _, _, case in ROWS]


def pair_events(gold: list[Event], system: list[Event]) -> dict[int, int]:
    """gold index -> system index, by warta eval's port of score.py's event matching."""
    pairs: dict[int, int] = {}
    for gi, g in enumerate(gold):
        si = best_event(g, system, set(pairs.values()))
        if si is not None:
            pairs[gi] = si
    return pairs


def differences(gold: list[Event], system: list[Event]) -> list[str]:
    """What keeps the system's events from being the expected ones; [] when they are."""
    pairs = pair_events(gold, system)
    found: list[str] = []
    for gi, g in enumerate(gold):
        if gi not in pairs:
            found.append(f"missing {g}")
            continue
        s = system[pairs[gi]]
        names = [str(p) for p in s.get("participants") or []]
        lost = [p for p in g["participants"] if not any(participant_agrees(p, q) for q in names)]
        extra = [q for q in names if not any(participant_agrees(p, q) for p in g["participants"])]
        if lost or extra:
            found.append(f"{g['type']} participants: missing {lost}, not participants {extra}")
        for key in ("date", "count"):
            if normalize(s.get(key)) != normalize(g[key]):
                found.append(f"{g['type']} {key}: {s.get(key)!r}, expected {g[key]!r}")
        if (g["place"] is None) != (s.get("place") is None) or \
                (g["place"] is not None and not participant_agrees(g["place"], s.get("place"))):
            found.append(f"{g['type']} place: {s.get('place')!r}, expected {g['place']!r}")
        total = g.get("part_of")
        if s.get("part_of") != (None if total is None else pairs.get(total, -1)):
            found.append(f"{g['type']} part_of: {s.get('part_of')!r}, expected the event paired with gold {total}")
    found += [f"unexpected {s}" for si, s in enumerate(system) if si not in pairs.values()]
    return found


@pytest.mark.parametrize("case", CASES)
def test_event_shape(extract: Any, case: dict[str, Any]) -> None:
    record = extract(case["text"], published=case["published"])
    events = [{k: e.get(k) for k in (*FIELDS, "part_of", "status")} for e in record["events"]]
    problems = differences(case["events"], events)
    assert not problems, "\n".join(problems)


# --- the table itself and the comparison ---------------------------------------------------


def test_the_table_is_complete_and_well_formed() -> None:
    ids = [case["id"] for _, _, case in ROWS]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    per_type = Counter(type_ for type_, _, _ in ROWS)
    assert set(per_type) == set(TYPES) and min(per_type.values()) >= MIN_PER_TYPE, per_type
    assert len(ROWS) >= MIN_CASES
    assert all(any(not case["events"] for t, _, case in ROWS if t == type_) for type_ in TYPES)  # counter-examples
    for _, _, case in ROWS:
        assert set(case) <= {"id", "text", "published", "note", "events", "today"}, case["id"]
        assert case.get("today") in (None, "fails"), case["id"]
        date.fromisoformat(case["published"])
        assert isinstance(case["text"], str) and case["note"], case["id"]
        for i, event in enumerate(case["events"]):
            assert set(FIELDS) <= set(event) <= {*FIELDS, "part_of"}, case["id"]
            assert event["type"] in TYPES, case["id"]
            assert isinstance(event["participants"], list), case["id"]
            assert event["date"] is None or isinstance(event["date"], str), case["id"]
            assert (event["count"] is None) == (event["type"] in ("MEETING", "AGREEMENT")), case["id"]
            total = event.get("part_of")
            assert total is None or (0 <= total < len(case["events"]) and total != i), case["id"]


GOLD = [{"type": "REPATRIATION", "participants": ["Imigrasi Thailand"], "date": "2025-03-04", "place": "Bangkok",
         "count": 52}]


@pytest.mark.parametrize(("system", "problem"), [
    ([{"type": "REPATRIATION", "participants": ["Thailand"], "date": "2025-03-04", "place": "Bangkok", "count": 52}],
     None),  # a name inside the fullest one is the same participant, as in score.py
    ([], "missing"),
    ([GOLD[0], {**GOLD[0], "count": 130}], "unexpected"),
    ([{**GOLD[0], "participants": ["Imigrasi Thailand", "Siti Aminah"]}], "not participants ['Siti Aminah']"),
    ([{**GOLD[0], "place": "Jakarta"}], "place"),
    ([{**GOLD[0], "date": "2025-03-05"}], "date"),
    ([{**GOLD[0], "date": None}], "date"),
    ([{**GOLD[0], "count": 130}], "count"),
    ([{**GOLD[0], "part_of": 0}], "part_of"),
])
def test_the_comparison(system: list[Event], problem: str | None) -> None:
    found = differences(GOLD, system)
    assert (not found) if problem is None else any(problem in p for p in found), found


def test_stages_must_point_at_their_total() -> None:
    total = {"type": "RESCUE", "participants": [], "date": "2025-02", "place": "Myawaddy", "count": 260}
    stage = {**total, "date": "2025-02-12", "count": 200}
    gold = [total, {**stage, "part_of": 0}]
    assert differences(gold, [{**stage, "part_of": 1}, total]) == []
    assert differences(gold, [total, stage]) != []
