"""Rule files: load, validate and layer the YAML rules every component reads.

A rule file is a mapping with ``kind`` (which component reads it), an optional
``settings`` mapping and a ``rules`` list. Each rule is a small validated
object: it checks its own fields, regex and token pattern on load, and keeps
the file and line it came from, so every error and every extracted value can
name its origin (provenance). Components declare the extra fields their kind
allows with :func:`register_rule_kind`.

The one ``pattern`` field has three meanings, by its YAML shape:

* a string, or a list of strings: phrases, matched token by token;
* a list of mappings: a spaCy ``Matcher`` token pattern;
* a mapping ``{regex: "..."}``: a regular expression (``regex`` module),
  run over the text with a timeout.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex
import yaml

from .errors import Errors, RuleError

LABELS = ("OFFICIAL", "AGENCY", "COUNTRY", "LOCATION", "DATE", "CASE_COUNT")
REGEX_TIMEOUT = 1.0
"""Seconds one regex rule may run on one article before the article fails with E202."""

# Fields every rule may carry, whatever its kind: name -> (accepted types, description).
COMMON_FIELDS: dict[str, tuple[tuple[type, ...], str]] = {
    "id": ((str,), "a string"),
    "pattern": ((str, list, dict), "a string, a list or a mapping"),
    "label": ((str,), "a string"),
    "attrs": ((dict,), "a mapping"),
    "optional": ((bool,), "true or false"),
    "ignore_case": ((bool,), "true or false"),
    "priority": ((int,), "an integer"),
    "examples": ((list,), "a list"),
    "counter_examples": ((list,), "a list"),
    "note": ((str,), "a string"),
}

_META = ("__line__", "__keylines__")


@dataclass(frozen=True)
class RuleKind:
    """What a kind of rule file may contain, declared by the component that reads it."""

    name: str
    fields: Mapping[str, tuple[tuple[type, ...], str]] = field(default_factory=dict)
    settings: Mapping[str, tuple[tuple[type, ...], str]] = field(default_factory=dict)
    requires_pattern: bool = True
    labels: tuple[str, ...] = LABELS


_KINDS: dict[str, RuleKind] = {}


def register_rule_kind(kind: RuleKind) -> RuleKind:
    """Declare a rule kind (called at import by the component module that reads it)."""
    _KINDS[kind.name] = kind
    return kind


def rule_kinds() -> dict[str, RuleKind]:
    _import_components()
    return dict(_KINDS)


def _import_components() -> None:
    # Components (and the tokenizer's glued-word cutter) register their rule kinds when imported.
    from . import components, glued_words  # noqa: F401


@dataclass(frozen=True)
class Pattern:
    """One rule's pattern in one of its three forms."""

    form: str  # "phrase", "tokens" or "regex"
    phrases: tuple[str, ...] = ()
    tokens: tuple[dict[str, Any], ...] = ()
    regex: str | None = None
    compiled: Any = None  # regex.Pattern for form == "regex"

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterable[Any]:
        """Regex matches over ``text``, bounded by :data:`REGEX_TIMEOUT` (raises TimeoutError)."""
        assert self.compiled is not None
        end = len(text) if endpos is None else endpos
        return self.compiled.finditer(text, pos, end, timeout=REGEX_TIMEOUT)


@dataclass(frozen=True)
class Rule:
    """A validated rule: its id, where it came from, its pattern and its data."""

    id: str
    kind: str
    file: str
    line: int
    pattern: Pattern | None
    label: str | None = None
    attrs: Mapping[str, Any] = field(default_factory=dict)
    data: Mapping[str, Any] = field(default_factory=dict)
    optional: bool = False
    ignore_case: bool = False
    priority: int = 0
    examples: tuple[Any, ...] = ()
    counter_examples: tuple[Any, ...] = ()

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def get(self, key: str, default: Any = None) -> Any:
        """A kind-specific field."""
        return self.data.get(key, default)


@dataclass
class RuleFile:
    path: Path
    kind: str
    settings: dict[str, Any]
    rules: list[Rule]
    text: str
    settings_line: int = 0  # line of ``settings:`` (provenance of rules generated from settings)


@dataclass
class RuleSet:
    """The layered rules of one run: built-in rules, then each ``--rules`` folder."""

    files: list[RuleFile]
    rules: list[Rule]
    version: str

    def of_kind(self, kind: str) -> list[Rule]:
        return [r for r in self.rules if r.kind == kind]

    def settings(self, kind: str) -> dict[str, Any]:
        """Settings of every file of ``kind``, later files overriding earlier keys."""
        merged: dict[str, Any] = {}
        for f in self.files:
            if f.kind == kind:
                merged.update(f.settings)
        return merged

    generated: dict[str, Rule] = field(default_factory=dict)
    """Rules a component builds from settings or data (CLDR country names), so their ids resolve too."""

    def by_id(self, rule_id: str) -> Rule | None:
        for r in self.rules:
            if r.id == rule_id:
                return r
        return self.generated.get(rule_id)

    def add_generated(self, rules: Iterable[Rule]) -> None:
        """Make generated rules' ids resolve (provenance), without adding them to :attr:`rules`."""
        for r in rules:
            self.generated[r.id] = r


# --- YAML with line numbers -------------------------------------------------------


_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml parses ~10x faster


class _LineLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """A safe loader that records each mapping's line and its keys' lines."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
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


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def strip_meta(value: Any) -> Any:
    """Remove the loader's line bookkeeping from a loaded value."""
    if isinstance(value, dict):
        return {k: strip_meta(v) for k, v in value.items() if k not in _META}
    if isinstance(value, list):
        return [strip_meta(v) for v in value]
    return value


def _line_of(mapping: Any, key: str | None = None) -> int | None:
    if not isinstance(mapping, dict):
        return None
    if key is not None and key in mapping.get("__keylines__", {}):
        return int(mapping["__keylines__"][key])
    line = mapping.get("__line__")
    return int(line) if line is not None else None


# --- validation -------------------------------------------------------------------


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


_NESTED_QUANTIFIER = regex.compile(r"\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)[+*{]")
_MAX_SAFE_REPEAT = 10
"""A group holding a variable-length repeat may itself repeat at most this many times (``(\\w+ ){0,3}``)."""

# Syntax of the ``regex`` module that Python's own parser lacks, mapped to a same-width stand-in
# so the parser can still measure the pattern's shape.
_REGEX_ONLY_SYNTAX = [
    (regex.compile(r"\\[pP]\{[^{}]{1,40}+\}|\\[pP][A-Za-z]"), r"\\w"),
    (regex.compile(r"\\L<[A-Za-z_]\w*+>"), "x"),
    (regex.compile(r"\\[mM]"), r"\\b"),
    (regex.compile(r"\\X"), "."),
    (regex.compile(r"\(\?V[01]\)"), ""),
]


def _parse_regex(source: str) -> Any | None:
    """Python's parse tree of ``source`` (None when it uses syntax only the ``regex`` module knows)."""
    parser: Any
    try:
        parser = importlib.import_module("re._parser")  # Python >= 3.11 (knows ++ and (?>...))
    except ImportError:  # pragma: no cover - Python 3.10
        parser = importlib.import_module("sre_parse")
    for syntax, stand_in in _REGEX_ONLY_SYNTAX:
        source = syntax.sub(stand_in, source)
    try:
        with warnings.catch_warnings():  # "possible nested set": VERSION1 set syntax, read loosely here
            warnings.simplefilter("ignore", FutureWarning)
            return parser.parse(source)
    except (re.error, OverflowError, RecursionError):
        return None


def _children(op: str, av: Any) -> list[Any]:
    """The sub-patterns of one node of a parse tree."""
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        return [av[2]]
    if op == "SUBPATTERN":
        return [av[3]]
    if op == "BRANCH":
        return list(av[1])
    if op in ("ASSERT", "ASSERT_NOT"):
        return [av[1]]
    if op == "ATOMIC_GROUP":
        return [av]
    if op == "GROUPREF_EXISTS":
        return [p for p in av[1:] if p is not None]
    return []


def _gives_back(items: Any) -> bool:
    """True if ``items`` holds a variable-length repeat that can give characters back on backtracking."""
    for op, av in items:
        name = str(op)
        if name in ("POSSESSIVE_REPEAT", "ATOMIC_GROUP"):
            continue  # never gives back what it took
        if name in ("MAX_REPEAT", "MIN_REPEAT") and av[0] != av[1]:
            return True
        if any(_gives_back(sub) for sub in _children(name, av)):
            return True
    return False


def _nested_repeat(items: Any) -> bool:
    """True if a repeat that may run many times holds a repeat that gives back (``(a+)+``)."""
    for op, av in items:
        name = str(op)
        if name in ("MAX_REPEAT", "MIN_REPEAT") and av[1] > _MAX_SAFE_REPEAT and _gives_back(av[2]):
            return True
        if any(_nested_repeat(sub) for sub in _children(name, av)):
            return True
    return False


def regex_max_width(source: str) -> int | None:
    """The most characters one match of ``source`` can span (None when unknown)."""
    tree = _parse_regex(source)
    if tree is None:
        return None
    return int(tree.getwidth()[1])


def compile_regex(source: str, flags: int = 0) -> Any:
    """Compile a rule's regex, refusing ones that can backtrack without bound.

    A repeated group that holds a variable-length repeat (``(a+)+``, ``(\\s*\\w+)*``)
    is the classic catastrophic shape: on a failing text the two repeats share
    the characters in exponentially many ways. The inner or the outer repeat must
    be possessive (``(a++)+``, ``(a+)++``) or atomic (``(?>a+)+``), or the group
    repeat at most ``_MAX_SAFE_REPEAT`` times (``(\\w+ ){0,3}``). The shape is read
    from Python's own regex parser; syntax only the ``regex`` module knows falls
    back to a textual test.
    """
    compiled = regex.compile(source, flags | regex.VERSION1)
    tree = _parse_regex(source)
    if tree is not None:
        if _nested_repeat(tree):
            raise ValueError(Errors.E012.format(
                pattern=source, detail="a repeated group holds a variable-length repeat; make one of them "
                                       "possessive (++, *+) or atomic (?>...)"))
        return compiled
    for m in _NESTED_QUANTIFIER.finditer(source):
        inner = m.group(0)
        if source[m.end() : m.end() + 1] == "+" or inner.startswith("(?>"):
            continue  # possessive or atomic: no backtracking into the group
        raise ValueError(Errors.E012.format(pattern=source, detail=f"nested quantifier {inner!r}"))
    return compiled


def _check_type(value: Any, types: tuple[type, ...], expected: str, name: str, file: str,
                line: int | None, rule_id: str | None, problems: Problems) -> bool:
    """Report a value of the wrong type; True if the type is right."""
    if isinstance(value, bool) and bool not in types:
        ok = False
    else:
        ok = isinstance(value, types)
    if not ok:
        problems.add(RuleError(Errors.E003.format(field=name, expected=expected, got=type(value).__name__),
                               file, line, rule_id))
    elif isinstance(value, list) and any(isinstance(v, bool) for v in value):  # [of, on] reads [of, True]
        flag = next(v for v in value if isinstance(v, bool))
        problems.add(RuleError(Errors.E020.format(field=name, value=flag), file, line, rule_id))
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
    line = _line_of(raw) or 0
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
                                   file, _line_of(raw, key), rule_id))
            continue
        types, expected = allowed[key]
        if _check_type(value, types, expected, key, file, _line_of(raw, key), rule_id, problems):
            well_typed.add(key)
    ignore_case = bool(raw.get("ignore_case", False)) if "ignore_case" in well_typed else False
    pattern = None
    if "pattern" in well_typed:
        pattern = _build_pattern(raw["pattern"], file, _line_of(raw, "pattern"), rule_id, ignore_case, problems)
    elif "pattern" not in raw and kind.requires_pattern:
        problems.add(RuleError(Errors.E004.format(field="pattern"), file, line, rule_id))
    label = raw.get("label") if "label" in well_typed else None
    if label is not None and label not in kind.labels:
        problems.add(RuleError(Errors.E010.format(label=label, known=", ".join(kind.labels)),
                               file, _line_of(raw, "label"), rule_id))
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
        raw = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
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
        problems.add(RuleError(Errors.E011.format(), name, _line_of(raw) or 1))
        return unreadable
    kinds = rule_kinds()
    kind_name = raw["kind"]
    if kind_name not in kinds:
        problems.add(RuleError(Errors.E007.format(kind=kind_name, known=", ".join(sorted(kinds))),
                               name, _line_of(raw, "kind")))
        return unreadable
    kind = kinds[kind_name]
    for key in raw:
        if key not in ("kind", "settings", "rules") and key not in _META:
            problems.add(RuleError(Errors.E002.format(key=key, allowed="kind, settings, rules"),
                                   name, _line_of(raw, key)))
    settings_raw = raw.get("settings") or {}
    if not isinstance(settings_raw, dict):
        problems.add(RuleError(Errors.E003.format(field="settings", expected="a mapping",
                                                  got=type(settings_raw).__name__), name, _line_of(raw, "settings")))
        settings_raw = {}
    settings: dict[str, Any] = {}
    for key, value in settings_raw.items():
        if key in _META:
            continue
        if key not in kind.settings:
            problems.add(RuleError(Errors.E002.format(key=key, allowed=", ".join(sorted(kind.settings)) or "none"),
                                   name, _line_of(settings_raw, key)))
            continue
        types, expected = kind.settings[key]
        if _check_type(value, types, expected, f"settings.{key}", name, _line_of(settings_raw, key), None,
                       problems):
            settings[key] = strip_meta(value)
    rules_raw = raw.get("rules") or []
    if not isinstance(rules_raw, list):
        problems.add(RuleError(Errors.E003.format(field="rules", expected="a list", got=type(rules_raw).__name__),
                               name, _line_of(raw, "rules")))
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
                    settings_line=_line_of(raw, "settings") or 0)


def builtin_rules_dir() -> Path:
    """The rules shipped with Warta: ``rules/`` beside the package, or the installed copy."""
    repo_rules = Path(__file__).resolve().parent.parent / "rules"
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
