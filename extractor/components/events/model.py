"""The pieces of the event model: cues, triggers, event mentions (one sentence's report) and events.

Pure data (no spaCy): the merge step works on these alone, so it can be tested without a pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...rules import Rule


@dataclass
class Cue:
    kind: str
    start: int  # token indices
    end: int
    rule: Rule
    coordinated: bool = False  # right after a clause joiner ("dan dijadwalkan"): another predicate's


@dataclass
class Trigger:
    rule: Rule
    start: int  # token indices
    end: int
    start_char: int
    end_char: int

    @property
    def type(self) -> str:
        return str(self.rule.get("event"))

    @property
    def anaphoric(self) -> bool:
        return bool(self.rule.get("anaphoric", False))


@dataclass
class Mention:
    """One sentence's report of an event: a trigger (or several of one type) and its arguments."""

    type: str
    rule: Rule
    sentence: int
    start_char: int
    end_char: int
    triggers: list[str]
    anaphoric: bool
    status: str
    participants: dict[str, str]  # key (canonical, lower case) -> name as output
    date: str | None
    place: str | None
    place_is_location: bool
    count: int | None
    realized: bool
    headline: bool
    place_rank: int = 0  # the place's role in the type's place_precedence (0 best)
    count_qualifier: str = ""  # the count's CASE_COUNT qualifier (more_than, approx, ...), "" when exact
    presupposed: bool = False  # told as known ("Selain 34 WNI yang dipulangkan"): joins an event, starts none
    parties: int = 0  # distinct parties among the participants (a country and its own official are one)
    place_parent: Event | None = None  # the event this wave took its place from (merge._inherit)


@dataclass
class Event:
    """One occurrence: the merged mentions, all of them kept as evidence."""

    type: str
    rule: str
    status: str
    participants: dict[str, str]
    date: str | None
    place: str | None
    place_is_location: bool
    count: int | None
    first_sentence: int
    last_sentence: int
    evidence: list[dict[str, Any]] = field(default_factory=list)
    part_of: int | None = None  # a stage: the index of its total in the written events
    place_rank: int = 0  # the place's role in the type's place_precedence (0 best)
    count_qualifier: str = ""  # the count's CASE_COUNT qualifier (more_than, approx, ...), "" when exact
    place_parent: Event | None = None  # the event whose place a wave took (merge._inherit), followed to its end

    def record(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "participants": list(self.participants.values()),
            "date": self.date,
            "place": self.place,
            "count": self.count,
            "status": self.status,
            "evidence": self.evidence,
            "rule": self.evidence[0]["rule"] if self.evidence else self.rule,  # the first evidence's trigger
            **({} if self.part_of is None else {"part_of": self.part_of}),
        }


Cues = dict[str, list[Cue]]  # cue kind -> matches, in document order
