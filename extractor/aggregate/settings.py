"""The aggregation settings (``rules/aggregate.yaml``): thresholds users tune, validated with file and line.

The file is also a rule file of kind ``aggregate`` (settings only), so ``warta extract`` loading every
``rules/*.yaml`` accepts it; ``warta aggregate`` reads it directly, without building the spaCy pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml

from ..errors import Errors, RuleError
from ..rules import RuleKind, builtin_rules_dir, register_rule_kind

_SECTIONS = {"clusters": ((dict,), "a mapping"), "stages": ((dict,), "a mapping"), "stories": ((dict,), "a mapping")}
register_rule_kind(RuleKind("aggregate", settings=_SECTIONS, requires_pattern=False, labels=()))

EVENT_TYPES = ("MEETING", "AGREEMENT", "RESCUE", "REPATRIATION")


@dataclass(frozen=True)
class Evidence:
    same_count: float = 3
    same_day: float = 2
    same_date: float = 1
    same_place: float = 1
    same_country: float = 0.5
    shared_participant: float = 1
    same_story: float = 3
    published_close: float = 1


@dataclass(frozen=True)
class ClusterSettings:
    date_slack_days: int = 2
    undated_window_days: int = 31
    count_tolerance: float = 0.0
    published_window_days: int = 3
    participant_check_types: tuple[str, ...] = ("MEETING", "AGREEMENT")
    home_country: str = "ID"
    place_prefixes: tuple[str, ...] = ("Kota", "Kabupaten", "Provinsi", "Desa")
    statuses: tuple[str, ...] = ("occurred",)
    distinctive_count: int = 50
    distinctive_count_days: int = 62
    participants_counted: int = 2
    min_link_score: float = 3
    evidence: Evidence = Evidence()


@dataclass(frozen=True)
class StageSettings:
    types: tuple[str, ...] = ("RESCUE", "REPATRIATION")
    total_max_days: int = 62
    max_summed: int = 6


@dataclass(frozen=True)
class StorySettings:
    threshold: float = 0.5
    shingle: int = 5
    mention_threshold: float = 0.4
    mention_shingle: int = 3
    num_perm: int = 64


@dataclass(frozen=True)
class Settings:
    clusters: ClusterSettings = ClusterSettings()
    stages: StageSettings = StageSettings()
    stories: StorySettings = StorySettings()


def default_settings_path() -> Path:
    return builtin_rules_dir() / "aggregate.yaml"


def load_settings(path: Path | None = None) -> Settings:
    """Read and check a settings file (default: the built-in one); raises RuleError naming file and line."""
    path = path or default_settings_path()
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        raw = yaml.safe_load(text)
    except OSError as exc:
        raise RuleError(Errors.E101.format(detail=exc), name) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise RuleError(Errors.E001.format(detail=" ".join(str(exc).split())), name,
                        mark.line + 1 if mark is not None else None) from None
    if not isinstance(raw, dict) or raw.get("kind") != "aggregate":
        raise RuleError(Errors.E011.format(), name, 1)
    settings = raw.get("settings") or {}
    node = _child(root, "settings")
    if not isinstance(settings, dict):
        raise RuleError(Errors.E003.format(field="settings", expected="a mapping", got=type(settings).__name__),
                        name, _line(node))
    for key in settings:
        if key not in _SECTIONS:
            raise RuleError(Errors.E002.format(key=key, allowed=", ".join(_SECTIONS)), name,
                            _line(_child(node, key)))
    return Settings(**{
        key: _build(cls, settings.get(key) or {}, key, _child(node, key), name)
        for key, cls in (("clusters", ClusterSettings), ("stages", StageSettings), ("stories", StorySettings))
    })


def _build(cls: Any, raw: Any, where: str, node: Any, file: str) -> Any:
    """One settings section as its dataclass: unknown keys and wrong types are errors."""
    if not isinstance(raw, dict):
        raise RuleError(Errors.E003.format(field=where, expected="a mapping", got=type(raw).__name__), file,
                        _line(node))
    known = {f.name: f for f in fields(cls)}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        field_node = _child(node, key)
        if key not in known:
            raise RuleError(Errors.E002.format(key=key, allowed=", ".join(known)), file, _line(field_node))
        default = getattr(cls(), key)
        path = f"{where}.{key}"
        if isinstance(default, Evidence):
            values[key] = _build(Evidence, value, path, field_node, file)
        elif isinstance(default, tuple):
            allowed = EVENT_TYPES if key.endswith("types") else None
            if not isinstance(value, list) or not all(isinstance(v, str) and v in (allowed or (v,)) for v in value):
                expected = f"a list of {', '.join(allowed)}" if allowed else "a list of strings"
                raise RuleError(Errors.E003.format(field=path, expected=expected, got=repr(value)), file,
                                _line(field_node))
            values[key] = tuple(value)
        elif isinstance(default, str):
            if not isinstance(value, str):
                raise RuleError(Errors.E003.format(field=path, expected="a string", got=repr(value)), file,
                                _line(field_node))
            values[key] = value
        elif isinstance(default, int | float):
            wanted = int if isinstance(default, int) else (int, float)
            if isinstance(value, bool) or not isinstance(value, wanted) or value < 0:
                expected = "a whole number >= 0" if wanted is int else "a number >= 0"
                raise RuleError(Errors.E003.format(field=path, expected=expected, got=repr(value)), file,
                                _line(field_node))
            values[key] = value
    return cls(**values)


def _child(node: Any, key: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == key:
                return value_node
    return node


def _line(node: Any) -> int | None:
    return node.start_mark.line + 1 if node is not None else None
