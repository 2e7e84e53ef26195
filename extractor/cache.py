"""A disk cache for what Warta compiles at start-up, so the second run starts fast.

Parsing and validating the YAML rules, reading CLDR and GeoNames name lists:
each is a pure function of files that rarely change. :func:`cached` keeps the
result pickled under the user's cache folder, keyed by a digest of everything
it depends on (the rule files' bytes, Warta's own source code, library
versions); a changed input is a different key, so a stale entry is never used.

Where: ``$WARTA_CACHE_DIR``, else ``$XDG_CACHE_HOME/warta``, else
``~/.cache/warta``. ``WARTA_CACHE=off`` turns it off. A folder that cannot be
written, or an entry that cannot be read, only costs the time to rebuild:
the cache never changes a result and never stops a run.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from . import __version__

if TYPE_CHECKING:
    from .rules import RuleSet

T = TypeVar("T")

CACHE_FORMAT = 1
"""Bumped when the layout of cached entries changes."""

KEEP = 8
"""Entries kept per name; older ones are deleted when a new one is written."""

_PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    if os.environ.get("WARTA_CACHE", "").lower() in ("0", "off", "no", "false"):
        return None
    explicit = os.environ.get("WARTA_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "warta"


def digest(*parts: object) -> str:
    """A stable key for ``parts`` (their ``repr``), Warta's version and the Python version."""
    payload = repr((CACHE_FORMAT, __version__, sys.version_info[:2], parts))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def cached(name: str, key: object, build: Callable[[], T]) -> T:
    """``build()``, or the result a previous run stored under the same ``name`` and ``key``.

    ``key`` must capture everything ``build`` depends on (its ``repr`` is hashed).
    """
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{digest(name, key)}.pickle"
    try:
        with path.open("rb") as handle:
            value: T = pickle.load(handle)  # our own folder, written by this code
        return value
    except FileNotFoundError:
        pass
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, TypeError,
            ValueError):
        pass  # unreadable or written by an incompatible version: rebuilt and overwritten below
    value = build()
    _store(path, value)
    return value


def _store(path: Path, value: object) -> None:
    """Write atomically (temp file, then rename); any failure just leaves no entry."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass  # an unwritable folder or an unpicklable value: run uncached
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    _prune(path)


def _prune(newest: Path) -> None:
    """Keep the :data:`KEEP` most recently written entries of one name (edited rules leave old ones)."""
    name = newest.name.rsplit("-", 1)[0]
    try:
        entries = sorted(newest.parent.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink()
    except OSError:
        pass  # another process pruned it first, or the folder is read-only


def disk_cached(name: str,
                version: Callable[[], object] = lambda: None) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Decorate a pure function of hashable, ``repr``-stable arguments: results are cached on disk.

    ``version()`` names the data the function reads (e.g. a library's version).
    """

    def decorate(function: Callable[..., T]) -> Callable[..., T]:
        @functools.wraps(function)
        def wrapper(*args: Any) -> T:
            return cached(name, (function.__qualname__, args, version()), lambda: function(*args))

        return wrapper

    return decorate


def module_version(module: str) -> str | None:
    """``module.__version__`` (imports the module): for ``disk_cached(..., version=...)``."""
    import importlib

    return getattr(importlib.import_module(module), "__version__", None)


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of Warta's own source files: new code never reads entries made by old code."""
    sha = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        sha.update(path.relative_to(_PACKAGE).as_posix().encode())
        sha.update(path.read_bytes())
    return sha.hexdigest()


def _folder_fingerprint(folder: Path) -> list[tuple[str, str]]:
    return [(p.relative_to(folder).as_posix(), hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(folder.rglob("*")) if p.is_file() and "__pycache__" not in p.parts]


def load_rules_cached(extra_dirs: Iterable[Path | str] = ()) -> RuleSet:
    """:func:`extractor.rules.load_rules`, served from the cache when no rule file, no rule kind and no
    line of Warta's code changed. Broken rules are never cached (the error is raised every time)."""
    from .rules import builtin_rules_dir, load_rules, rule_kinds

    extra = [Path(d) for d in extra_dirs]
    folders = [builtin_rules_dir(), *extra]
    if not all(folder.is_dir() for folder in folders):
        return load_rules(extra)  # reports the missing folder
    try:
        key = (
            code_fingerprint(),
            sorted((name, repr(kind)) for name, kind in rule_kinds().items()),
            os.getcwd(),  # rule files are named relative to it in messages and provenance
            [(str(folder.resolve()), _folder_fingerprint(folder)) for folder in folders],
        )
    except OSError:
        return load_rules(extra)
    return cached("rules", key, lambda: load_rules(extra))
