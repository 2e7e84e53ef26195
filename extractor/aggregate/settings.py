"""The aggregation settings (``rules/aggregate.yaml``): thresholds users tune, validated with file and line.

The file is also a rule file of kind ``aggregate`` (settings only, declared with their defaults in
:mod:`extractor.rules.event_kinds`), so ``warta extract`` loading every ``rules/*.yaml`` accepts it;
``warta aggregate`` reads it directly, without building the spaCy pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml

from ..errors import Errors, RuleError
from ..rules import builtin_rules_dir
from ..rules.event_kinds import AGGREGATE, EVENT_TYPES


@dataclass(frozen=True)
class Evidence:
    same_count: float
    same_day: float
    same_date: float
    same_place: float
    same_country: float
    shared_participant: float
    same_story: float
    published_close: float


@dataclass(frozen=True)
class ClusterSettings:
    date_slack_days: int
    undated_window_days: int
    count_tolerance: float
    published_window_days: int
    participant_check_types: tuple[str, ...]
    home_country: str
    place_prefixes: tuple[str, ...]
    statuses: tuple[str, ...]
    distinctive_count: int
    distinctive_count_days: int
    participants_counted: int
    min_link_score: float
    evidence: Evidence


@dataclass(frozen=True)
class StageSettings:
    types: tuple[str, ...]
    total_max_days: int
    max_summed: int
    variant_count_tolerance: float
    close_count_tolerance: float
    leg_types: tuple[str, ...]
    leg_days: int
    leg_max_days: int


@dataclass(frozen=True)
class StorySettings:
    threshold: float
    shingle: int
    mention_threshold: float
    mention_shingle: int
    num_perm: int


@dataclass(frozen=True)
class Settings:
    clusters: ClusterSettings
    stages: StageSettings
    stories: StorySettings


_SECTIONS: dict[str, type] = {"clusters": ClusterSettings, "stages": StageSettings, "stories": StorySettings}
_NESTED: dict[str, type] = {"evidence": Evidence}
_PAIRS = {"leg_types": "two different event types (the first leg, then the operation it joins), or []"}


def default_settings() -> Settings:
    """The settings with no file: the defaults declared in the rule schema."""
    return _from_mapping({}, None, "<defaults>")


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
    return _from_mapping(settings, node, name)


def _from_mapping(settings: dict[str, Any], node: Any, name: str) -> Settings:
    """The schema's defaults with the file's values over them; unknown keys and wrong types are errors."""
    for key in settings:
        if key not in _SECTIONS:
            raise RuleError(Errors.E002.format(key=key, allowed=", ".join(_SECTIONS)), name,
                            _line(_child(node, key)))
    defaults = AGGREGATE.defaults()
    return Settings(**{
        key: _build(cls, defaults[key], settings.get(key) or {}, key, _child(node, key), name)
        for key, cls in _SECTIONS.items()
    })


def _build(cls: Any, defaults: dict[str, Any], raw: Any, where: str, node: Any, file: str) -> Any:
    """One settings section as its dataclass: the file's values over the defaults, each checked."""
    if not isinstance(raw, dict):
        raise RuleError(Errors.E003.format(field=where, expected="a mapping", got=type(raw).__name__), file,
                        _line(node))
    known = [f.name for f in fields(cls)]
    for key in raw:
        if key not in known:
            raise RuleError(Errors.E002.format(key=key, allowed=", ".join(known)), file,
                            _line(_child(node, key)))
    values: dict[str, Any] = {}
    for key in known:
        default = defaults[key]
        path = f"{where}.{key}"
        if key in _NESTED:
            values[key] = _build(_NESTED[key], default, raw.get(key, {}), path, _child(node, key), file)
        elif key not in raw:
            values[key] = tuple(default) if isinstance(default, list) else default
        else:
            values[key] = _value(key, default, raw[key], path, _line(_child(node, key)), file)
    return cls(**values)


def _value(key: str, default: Any, value: Any, path: str, line: int | None, file: str) -> Any:
    """One value, of its default's type (lists as tuples; numbers not negative)."""
    if isinstance(default, list):
        allowed = EVENT_TYPES if key.endswith("types") else None
        if not isinstance(value, list) or not all(isinstance(v, str) and v in (allowed or (v,)) for v in value):
            expected = f"a list of {', '.join(allowed)}" if allowed else "a list of strings"
            raise RuleError(Errors.E003.format(field=path, expected=expected, got=repr(value)), file, line)
        if key in _PAIRS and (len(value) not in (0, 2) or len(set(value)) != len(value)):
            raise RuleError(Errors.E003.format(field=path, expected=_PAIRS[key], got=repr(value)), file, line)
        return tuple(value)
    if isinstance(default, str):
        if not isinstance(value, str):
            raise RuleError(Errors.E003.format(field=path, expected="a string", got=repr(value)), file, line)
        return value
    wanted = int if isinstance(default, int) else (int, float)
    if isinstance(value, bool) or not isinstance(value, wanted) or value < 0:
        expected = "a whole number >= 0" if wanted is int else "a number >= 0"
        raise RuleError(Errors.E003.format(field=path, expected=expected, got=repr(value)), file, line)
    return value


def _child(node: Any, key: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == key:
                return value_node
    return node


def _line(node: Any) -> int | None:
    return node.start_mark.line + 1 if node is not None else None
