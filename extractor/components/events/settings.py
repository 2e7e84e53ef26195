"""The event settings of ``rules/events.yaml`` read once into typed fields, and the per-rule checks.

Defaults are declared once, in ``extractor/rules/kinds.py`` (EVENT).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...errors import Errors, RuleError
from ...rules import Rule, Settings
from ...rules.kinds import EVENT, EVENT_TYPES, PLACE_RANKS, SIDES
from ...rules.kinds import EVENT_CUES as CUES

# the word lists compared with lower-cased tokens: read lower-cased
_LOWER_WORDS = ("count_units_excluded", "subject_markers", "remainder_words", "attendance_words", "stage_words",
                "clause_joiners", "whole_markers", "part_words", "part_fillers", "coordinators", "majority_words",
                "companion_words", "others_words", "place_joiners", "place_nouns", "name_joiners", "tally_modals")


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
    subject_count_window: int
    subject_markers: frozenset[str]
    remainder_words: frozenset[str]
    attendance_words: frozenset[str]
    stage_words: frozenset[str]
    clause_joiners: frozenset[str]
    whole_markers: frozenset[str]
    part_words: frozenset[str]
    part_fillers: frozenset[str]
    coordinators: frozenset[str]
    majority_words: frozenset[str]
    companion_words: frozenset[str]
    others_words: frozenset[str]
    stage_count_reach: int
    approx_count_slack: float
    abbreviations: frozenset[str]
    place_precedence: dict[str, dict[str, int]]  # type -> place role -> rank (0 best); unlisted: never
    place_joiners: frozenset[str]
    place_nouns: frozenset[str]
    place_noun_reach: int
    home_country: str
    placed_abroad: frozenset[str]
    speaker_reach: int
    antecedent_reach: int
    attribution_marks: frozenset[str]
    name_joiners: frozenset[str]
    listed_statuses: frozenset[str]
    min_stages: int
    stage_lead_days: int
    first_leg_days: int
    operation_type: str | None
    achieved_reach: int
    tally_modals: frozenset[str]
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
            count_window=int(settings["count_window"]),
            subject_count_window=int(settings["subject_count_window"]),
            stage_count_reach=int(settings["stage_count_reach"]),
            approx_count_slack=float(settings["approx_count_slack"]),
            abbreviations=frozenset(settings.words("abbreviations")),
            place_precedence=_precedence(settings["place_precedence"] or {}),
            place_noun_reach=int(settings["place_noun_reach"]),
            home_country=str(settings["home_country"] or "").upper(),
            placed_abroad=frozenset(settings.words("placed_abroad")),
            speaker_reach=int(settings["speaker_reach"]),
            antecedent_reach=int(settings["antecedent_reach"]),
            attribution_marks=frozenset(settings.words("attribution_marks")),
            listed_statuses=frozenset(settings.words("listed_statuses")),
            min_stages=int(settings["min_stages"]),
            stage_lead_days=int(settings["stage_lead_days"]),
            first_leg_days=int(settings["first_leg_days"]),
            operation_type=_operation_type(settings["operation_type"], settings.words("needs_count")),
            achieved_reach=int(settings["achieved_reach"]),
            speakers_before_report=frozenset(settings.words("speakers_before_report")),
            **{name: settings.lower_words(name) for name in _LOWER_WORDS},
        )

    @classmethod
    def defaults(cls) -> EventSettings:
        return cls.read(Settings(EVENT.defaults()))

    def place_rank(self, event_type: str, role: str) -> int | None:
        """Where a place introduced by ``role`` stands in the type's precedence (0 best); None: never its place."""
        return self.place_precedence.get(event_type, {}).get(role)


def _operation_type(value: object, needs_count: list[str]) -> str | None:
    """``operation_type``: null, or one of the counted types (an operation moves people)."""
    if value is None or value == "":
        return None
    if value not in needs_count:
        raise RuleError(Errors.E021.format(field="operation_type", value=value, allowed=", ".join(needs_count)))
    return str(value)


def _precedence(given: dict[str, object]) -> dict[str, dict[str, int]]:
    """``place_precedence`` over its defaults, type by type; an unknown type or role is a one-line error."""
    merged = {**EVENT.settings["place_precedence"].default, **given}
    ranks: dict[str, dict[str, int]] = {}
    for event_type, roles in merged.items():
        if event_type not in EVENT_TYPES:
            raise RuleError(Errors.E021.format(field="place_precedence", value=event_type,
                                               allowed=", ".join(EVENT_TYPES)))
        names = [str(r) for r in roles] if isinstance(roles, list) else []
        for role in names:
            if role not in PLACE_RANKS:
                raise RuleError(Errors.E021.format(field=f"place_precedence.{event_type}", value=role,
                                                   allowed=", ".join(PLACE_RANKS)))
        ranks[str(event_type)] = {role: i for i, role in enumerate(names)}
    return ranks


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
