"""Load rule files: parse the YAML, validate it against the schema, layer the folders.

A rule file is a mapping with ``kind`` (declared in :mod:`extractor.rules.kinds`),
an optional ``settings`` mapping and a ``rules`` list. Each rule is checked on
load (fields, enumerated values, regex, token pattern) and keeps the file and
line it came from, so every error and every extracted value can name its
origin. The loader never imports a component.
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import regex
import yaml

from ..errors import Errors, RuleError
from .kinds import KINDS
from .model import Pattern, Rule, RuleFile, RuleSet
from .regexes import compile_regex, regex_max_width
from .schema import COMMON_FIELDS, Field, RuleKind, Setting
from .yamlio import _META, LineLoader, line_of, strip_meta


def rule_kinds() -> dict[str, RuleKind]:
    """Every rule kind, by name."""
    return dict(KINDS)


class Problems:
    """Where the loader puts what it finds wrong with rule files.

    Loading for a run raises the first problem (``collect=False``, the default);
    ``warta rules check`` collects them all (``collect=True``) and goes on,
    leaving out only the broken rules.
    """

    def __init__(self, collect: bool = False) -> None:
        self.collect = collect
        self.errors: list[RuleError] = []

    def add(self, error: RuleError) -> None:
        if not self.collect:
            raise error
        self.errors.append(error)

    def __len__(self) -> int:
        return len(self.errors)


def _check_type(value: Any, spec: Field | Setting, name: str, file: str, line: int | None, rule_id: str | None,
                problems: Problems) -> bool:
    """Report a value of the wrong type or outside its enumeration; True if the value is right."""
    types = spec.types
    if isinstance(value, bool) and bool not in types:
        ok = False
    else:
        ok = isinstance(value, types)
    if not ok:
        problems.add(RuleError(Errors.E003.format(field=name, expected=spec.expected, got=type(value).__name__),
                               file, line, rule_id))
    elif isinstance(value, list) and any(isinstance(v, bool) for v in value):  # [of, on] reads [of, True]
        flag = next(v for v in value if isinstance(v, bool))
        problems.add(RuleError(Errors.E020.format(field=name, value=flag), file, line, rule_id))
        ok = False
    elif isinstance(spec, Field) and spec.choices:
        for item in value if isinstance(value, list) else [value]:
            if item not in spec.choices:
                problems.add(RuleError(Errors.E021.format(field=name, value=item, allowed=", ".join(spec.choices)),
                                       file, line, rule_id))
                ok = False
    return ok


def _build_pattern(raw: Any, file: str, line: int | None, rule_id: str, ignore_case: bool,
                   problems: Problems) -> Pattern | None:
    if isinstance(raw, str):
        raw = [raw]
    if isinstance(raw, dict):
        keys = [k for k in raw if k not in _META]
        if keys != ["regex"] or not isinstance(raw["regex"], str):
            problems.add(RuleError(Errors.E003.format(field="pattern", expected="a mapping {regex: STRING}",
                                                      got="mapping with " + ", ".join(map(str, keys))),
                                   file, line, rule_id))
            return None
        source = raw["regex"]
        try:
            compiled = compile_regex(source, regex.IGNORECASE if ignore_case else 0)
        except regex.error as exc:
            problems.add(RuleError(Errors.E005.format(pattern=source, detail=exc), file, line, rule_id))
            return None
        except ValueError as exc:
            problems.add(RuleError(str(exc), file, line, rule_id))
            return None
        if regex_max_width(source) == 0:
            problems.add(RuleError(Errors.E013.format(detail=f"regex {source!r} matches only the empty string"),
                                   file, line, rule_id))
            return None
        return Pattern("regex", regex=source, compiled=compiled)
    if isinstance(raw, list) and raw and all(isinstance(p, str) for p in raw):
        phrases = tuple(p for p in raw if p.strip())
        if len(phrases) != len(raw):
            problems.add(RuleError(Errors.E013.format(detail="an empty phrase"), file, line, rule_id))
            return None
        return Pattern("phrase", phrases=phrases)
    if isinstance(raw, list) and raw and all(isinstance(p, dict) for p in raw):
        tokens = tuple(strip_meta(p) for p in raw)
        if not _validate_token_pattern(list(tokens), file, line, rule_id, problems):
            return None
        return Pattern("tokens", tokens=tokens)
    problems.add(RuleError(Errors.E003.format(field="pattern",
                                              expected="a phrase, a list of phrases, a token pattern or {regex: ...}",
                                              got=type(raw).__name__), file, line, rule_id))
    return None


def _validate_token_pattern(tokens: list[dict[str, Any]], file: str, line: int | None, rule_id: str,
                            problems: Problems) -> bool:
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

    try:
        Matcher(Vocab(), validate=True).add(rule_id, [tokens])
    except Exception as exc:  # spaCy raises ValueError/MatchPatternError with a long report
        detail = " ".join(str(exc).split())[:300]
        problems.add(RuleError(Errors.E009.format(detail=detail), file, line, rule_id))
        return False
    return True


def _build_rule(raw: Any, kind: RuleKind, file: str, problems: Problems | None = None) -> Rule | None:
    """A validated rule, or None (after reporting to ``problems``) when it is broken."""
    problems = problems if problems is not None else Problems()
    found = len(problems)
    line = line_of(raw) or 0
    if not isinstance(raw, dict):
        problems.add(RuleError(Errors.E003.format(field="rule", expected="a mapping", got=type(raw).__name__),
                               file, line))
        return None
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id.strip():
        problems.add(RuleError(Errors.E004.format(field="id"), file, line))
        return None
    allowed = {**COMMON_FIELDS, **kind.fields}
    well_typed: set[str] = set()
    for key, value in raw.items():
        if key in _META:
            continue
        if key not in allowed:
            problems.add(RuleError(Errors.E002.format(key=key, allowed=", ".join(sorted(allowed))),
                                   file, line_of(raw, key), rule_id))
            continue
        if _check_type(value, allowed[key], key, file, line_of(raw, key), rule_id, problems):
            well_typed.add(key)
    ignore_case = bool(raw.get("ignore_case", False)) if "ignore_case" in well_typed else False
    pattern = None
    if "pattern" in well_typed:
        pattern = _build_pattern(raw["pattern"], file, line_of(raw, "pattern"), rule_id, ignore_case, problems)
    elif "pattern" not in raw and kind.requires_pattern:
        problems.add(RuleError(Errors.E004.format(field="pattern"), file, line, rule_id))
    label = raw.get("label") if "label" in well_typed else None
    if label is not None and label not in kind.labels:
        problems.add(RuleError(Errors.E010.format(label=label, known=", ".join(kind.labels)),
                               file, line_of(raw, "label"), rule_id))
    if len(problems) > found:
        return None
    data = {k: strip_meta(v) for k, v in raw.items() if k not in COMMON_FIELDS and k not in _META}
    return Rule(
        id=rule_id,
        kind=kind.name,
        file=file,
        line=line,
        pattern=pattern,
        label=label,
        attrs=strip_meta(raw.get("attrs") or {}),
        data=data,
        optional=bool(raw.get("optional", False)),
        ignore_case=ignore_case,
        priority=int(raw.get("priority", 0)),
        examples=tuple(strip_meta(raw.get("examples") or [])),
        counter_examples=tuple(strip_meta(raw.get("counter_examples") or [])),
    )


def load_rule_file(path: Path, display: str | None = None, problems: Problems | None = None) -> RuleFile:
    """Parse and validate one rule file; raises :class:`RuleError` naming file and line.

    With ``problems`` collecting, every problem is added there instead and the
    file comes back with its good rules only (``kind`` is "" when the file as a
    whole is unreadable).
    """
    problems = problems if problems is not None else Problems()
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.add(RuleError(Errors.E101.format(detail=exc), name))
        return RuleFile(path=path, kind="", settings={}, rules=[], text="")
    unreadable = RuleFile(path=path, kind="", settings={}, rules=[], text=text)
    try:
        raw = yaml.load(text, Loader=LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.context_mark or exc.problem_mark
        line = mark.line + 1 if mark is not None else None
        detail = " ".join(str(exc.problem or exc).split())
        problems.add(RuleError(Errors.E001.format(detail=detail), name, line))
        return unreadable
    except yaml.YAMLError as exc:
        problems.add(RuleError(Errors.E001.format(detail=" ".join(str(exc).split())), name))
        return unreadable
    if not isinstance(raw, dict) or "kind" not in raw:
        problems.add(RuleError(Errors.E011.format(), name, line_of(raw) or 1))
        return unreadable
    kinds = KINDS
    kind_name = raw["kind"]
    if kind_name not in kinds:
        problems.add(RuleError(Errors.E007.format(kind=kind_name, known=", ".join(sorted(kinds))),
                               name, line_of(raw, "kind")))
        return unreadable
    kind = kinds[kind_name]
    for key in raw:
        if key not in ("kind", "settings", "rules") and key not in _META:
            problems.add(RuleError(Errors.E002.format(key=key, allowed="kind, settings, rules"),
                                   name, line_of(raw, key)))
    settings_raw = raw.get("settings") or {}
    if not isinstance(settings_raw, dict):
        problems.add(RuleError(Errors.E003.format(field="settings", expected="a mapping",
                                                  got=type(settings_raw).__name__), name, line_of(raw, "settings")))
        settings_raw = {}
    settings: dict[str, Any] = {}
    for key, value in settings_raw.items():
        if key in _META:
            continue
        if key not in kind.settings:
            problems.add(RuleError(Errors.E002.format(key=key, allowed=", ".join(sorted(kind.settings)) or "none"),
                                   name, line_of(settings_raw, key)))
            continue
        if _check_type(value, kind.settings[key], f"settings.{key}", name, line_of(settings_raw, key), None,
                       problems):
            settings[key] = strip_meta(value)
    rules_raw = raw.get("rules") or []
    if not isinstance(rules_raw, list):
        problems.add(RuleError(Errors.E003.format(field="rules", expected="a list", got=type(rules_raw).__name__),
                               name, line_of(raw, "rules")))
        rules_raw = []
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    for item in rules_raw:
        rule = _build_rule(item, kind, name, problems)
        if rule is None:
            continue
        if rule.id in seen:
            problems.add(RuleError(Errors.E006.format(rule_id=rule.id, first=seen[rule.id].where),
                                   name, rule.line, rule.id))
            continue
        seen[rule.id] = rule
        rules.append(rule)
    return RuleFile(path=path, kind=kind_name, settings=settings, rules=rules, text=text,
                    settings_line=line_of(raw, "settings") or 0)


def builtin_rules_dir() -> Path:
    """The rules shipped with Warta: ``rules/`` beside the package, or the installed copy."""
    repo_rules = Path(__file__).resolve().parents[2] / "rules"
    if repo_rules.is_dir():
        return repo_rules
    spec = importlib.util.find_spec("warta_rules")  # installed copy (a data-only namespace package)
    if spec is None or not spec.submodule_search_locations:
        raise RuleError(Errors.E008.format(path="warta_rules"), "warta_rules")
    return Path(next(iter(spec.submodule_search_locations)))


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_rule_dir(directory: Path, problems: Problems | None = None) -> list[RuleFile]:
    """Every ``*.yaml`` file of one folder, in name order, with ids unique across the folder."""
    problems = problems if problems is not None else Problems()
    if not directory.is_dir():
        problems.add(RuleError(Errors.E008.format(path=directory), str(directory)))
        return []
    paths = sorted(directory.glob("*.yaml"))
    if not paths:
        problems.add(RuleError(Errors.E008.format(path=directory), str(directory)))
        return []
    files = [load_rule_file(p, _display(p), problems) for p in paths]
    seen: dict[str, Rule] = {}
    for f in files:
        kept = []
        for r in f.rules:
            if r.id in seen:
                problems.add(RuleError(Errors.E006.format(rule_id=r.id, first=seen[r.id].where),
                                       r.file, r.line, r.id))
                continue
            seen[r.id] = r
            kept.append(r)
        f.rules = kept
    return files


def load_rules(extra_dirs: Iterable[Path | str] = (), *, builtin: bool = True,
               problems: Problems | None = None) -> RuleSet:
    """Built-in rules, then each folder of ``extra_dirs``: a later rule replaces an earlier one of the same id.

    Raises the first :class:`RuleError`, unless ``problems`` collects them (``warta rules check``).
    """
    problems = problems if problems is not None else Problems()
    layers: list[list[RuleFile]] = []
    if builtin:
        layers.append(load_rule_dir(builtin_rules_dir(), problems))
    for d in extra_dirs:
        layers.append(load_rule_dir(Path(d), problems))
    files = [f for layer in layers for f in layer]
    by_id: dict[str, Rule] = {}
    order: list[str] = []
    for f in files:
        for r in f.rules:
            if r.id not in by_id:
                order.append(r.id)
            elif by_id[r.id].kind != r.kind:
                problems.add(RuleError(Errors.E006.format(rule_id=r.id, first=by_id[r.id].where),
                                       r.file, r.line, r.id))
                continue
            by_id[r.id] = r
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.path.name.encode())
        digest.update(f.text.encode())
    return RuleSet(files=files, rules=[by_id[i] for i in order], version=digest.hexdigest()[:16])
