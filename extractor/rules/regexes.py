"""Rule regexes: compiled with the ``regex`` module, refused when they can backtrack without bound."""

from __future__ import annotations

import importlib
import re
import warnings
from typing import Any

import regex

from ..errors import Errors

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


