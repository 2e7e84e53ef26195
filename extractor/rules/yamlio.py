"""YAML read with line numbers, so every error and every rule can name its file and line."""

from __future__ import annotations

from typing import Any

import yaml

_META = ("__line__", "__keylines__")

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml parses ~10x faster


class LineLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """A safe loader that records each mapping's line and its keys' lines."""


def _construct_mapping(loader: LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    keylines: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)  # type: ignore[no-untyped-call]
        if key in keylines:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        keylines[key] = key_node.start_mark.line + 1
    mapping: dict[str, Any] = dict(loader.construct_mapping(node, deep=True))  # type: ignore[arg-type]
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__keylines__"] = keylines
    return mapping


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def strip_meta(value: Any) -> Any:
    """Remove the loader's line bookkeeping from a loaded value."""
    if isinstance(value, dict):
        return {k: strip_meta(v) for k, v in value.items() if k not in _META}
    if isinstance(value, list):
        return [strip_meta(v) for v in value]
    return value


def line_of(mapping: Any, key: str | None = None) -> int | None:
    if not isinstance(mapping, dict):
        return None
    if key is not None and key in mapping.get("__keylines__", {}):
        return int(mapping["__keylines__"][key])
    line = mapping.get("__line__")
    return int(line) if line is not None else None


