"""The event settings of ``rules/events.yaml`` read once into typed fields, and the per-rule checks.

Defaults are declared once, in ``extractor/rules/kinds.py`` (EVENT).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...errors import Errors, RuleError
from ...rules import Rule, Settings
from ...rules.kinds import EVENT, EVENT_TYPES, SIDES
from ...rules.kinds import EVENT_CUES as CUES


@dataclass(frozen=True)
class EventSettings:
    cue_window: int
    merge_window: int
    anaphor_window: int
    min_participants: dict[str, int]
    needs_count: frozenset[str]
    participant_labels: frozenset[str]
    count_units_excluded: frozenset[str]
    count_window: int
    abbreviations: frozenset[str]
    home_bound: frozenset[str]
    speaker_reach: int
    antecedent_reach: int
    attribution_marks: frozenset[str]
    name_joiners: frozenset[str]
    listed_statuses: frozenset[str]
    min_stages: int
    achieved_reach: int
    speakers_before_report: frozenset[str]

    @classmethod
    def read(cls, settings: Settings) -> EventSettings:
        return cls(
            cue_window=int(settings["cue_window"]),
            merge_window=int(settings["merge_window"]),
            anaphor_window=int(settings["anaphor_window"]),
            min_participants={**EVENT.settings["min_participants"].default,
                              **{str(k): int(v) for k, v in (settings["min_participants"] or {}).items()}},
            needs_count=frozenset(settings.words("needs_count")),
            participant_labels=frozenset(settings.words("participant_labels")),
            count_units_excluded=frozenset(settings.lower_words("count_units_excluded")),
            count_window=int(settings["count_window"]),
            abbreviations=frozenset(settings.words("abbreviations")),
            home_bound=frozenset(settings.words("home_bound")),
            speaker_reach=int(settings["speaker_reach"]),
            antecedent_reach=int(settings["antecedent_reach"]),
            attribution_marks=frozenset(settings.words("attribution_marks")),
            name_joiners=settings.lower_words("name_joiners"),
            listed_statuses=frozenset(settings.words("listed_statuses")),
            min_stages=int(settings["min_stages"]),
            achieved_reach=int(settings["achieved_reach"]),
            speakers_before_report=frozenset(settings.words("speakers_before_report")),
        )

    @classmethod
    def defaults(cls) -> EventSettings:
        return cls.read(Settings(EVENT.defaults()))


def check_rule(rule: Rule) -> None:
    """A rule is a trigger or a cue, never both, with known values (a one-line error with file:line)."""
    event, cue = rule.get("event"), rule.get("cue")
    if (event is None) == (cue is None):
        raise RuleError(Errors.E004.format(field="event or cue (exactly one)"), rule.file, rule.line, rule.id)
    if event is not None and event not in EVENT_TYPES:
        raise RuleError(Errors.E003.format(field="event", expected=", ".join(EVENT_TYPES), got=repr(event)),
                        rule.file, rule.line, rule.id)
    if cue is not None and cue not in CUES:
        raise RuleError(Errors.E003.format(field="cue", expected=", ".join(CUES), got=repr(cue)),
                        rule.file, rule.line, rule.id)
    if rule.get("count_side") not in (None, "before", "after"):
        raise RuleError(Errors.E003.format(field="count_side", expected="before or after",
                                           got=repr(rule.get("count_side"))), rule.file, rule.line, rule.id)
    side = rule.get("side")
    if side is not None and side not in SIDES:
        raise RuleError(Errors.E003.format(field="side", expected=", ".join(SIDES), got=repr(side)),
                        rule.file, rule.line, rule.id)
