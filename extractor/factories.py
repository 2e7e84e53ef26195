"""What every Warta component shares as a spaCy citizen: rules by default, prerequisites, saving.

A component added alone (``spacy.blank("id").add_pipe("warta_dates")``) loads
the built-in rules, layered with the folders of its ``rules`` setting, the
first time it runs; :func:`extractor.pipeline.build_pipeline` gives every
component one shared rule set instead. A component that reads another's
mentions checks, once, that the other runs before it (error E401 names it).
``nlp.pipe(..., as_tuples=True)`` with a context dict (``published``,
``doc_id``, ...) puts that dict on ``doc._.article`` before the first Warta
component reads it. ``to_disk`` copies the user's rule folders into the
component's folder and ``from_disk`` loads them back, as spaCy's
``entity_ruler`` saves its patterns, so a pipeline saved with ``nlp.to_disk``
and read with ``spacy.load`` extracts the same (``to_bytes``/``from_bytes``
carry the rule files' text likewise).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import srsly
from spacy.tokens import Doc

from .errors import Errors, PipelineError

T = TypeVar("T")

REQUIRES: dict[str, tuple[str, ...]] = {
    "warta_agencies": ("warta_gazetteer",),  # a country after a name joins the agency
    "warta_officials": ("warta_agencies",),  # a title names its agency
    "warta_case_counts": ("warta_dates",),  # a count's period is a DATE mention
    "warta_events": ("warta_gazetteer", "warta_agencies", "warta_officials", "warta_dates", "warta_case_counts"),
}
"""Factory -> the factories whose mentions it reads, which must run before it."""

RULES_FOLDER = "rules"
"""The subfolder of a saved component holding copies of its user rule folders (``0/``, ``1/``, ...)."""


def load_ruleset(rule_dirs: Iterable[Path | str]) -> Any:
    from .cache import load_rules_cached

    return load_rules_cached(rule_dirs)


def check_prerequisites(component: Any, factory: str) -> None:
    """E401 when a factory this one reads from is not earlier in the component's pipeline."""
    nlp = getattr(component, "nlp", None)
    if nlp is None:
        return
    earlier: list[str] = []
    for pipe_name, proc in nlp.pipeline:
        if proc is component:
            break
        earlier.append(nlp.get_pipe_meta(pipe_name).factory)
    else:
        return  # not (yet) in a pipeline: called directly
    for needed in REQUIRES.get(factory, ()):
        if needed not in earlier:
            name = getattr(component, "name", factory)
            raise PipelineError(Errors.E401.format(component=name, needed=needed, name=name))


def warta_component(factory: str) -> Callable[[type[T]], type[T]]:
    """Class decorator: default rules, prerequisite check and ``nlp.pipe`` context on ``__call__``;
    the rule set's version recorded by ``set_rules``; ``to_disk``/``from_disk`` carrying user rules."""

    def decorate(cls: type[T]) -> type[T]:
        call: Callable[[Any, Doc], Doc] = cls.__call__  # type: ignore[operator]
        set_rules: Callable[[Any, Any], None] = cls.set_rules  # type: ignore[attr-defined]

        def __call__(self: Any, doc: Doc) -> Doc:
            if not self.__dict__.get("_warta_ready"):
                _prepare(self, factory)
            if doc._.article is None:
                doc._.article = article_context(doc)
            if doc._.rules_version is None:
                doc._.rules_version = self._warta_rules_version
            return call(self, doc)

        def set_rules_recorded(self: Any, ruleset: Any) -> None:
            set_rules(self, ruleset)
            self._warta_rules_version = ruleset.version

        __call__.__doc__ = call.__doc__
        set_rules_recorded.__doc__ = set_rules.__doc__
        cls.__call__ = __call__  # type: ignore[assignment,method-assign]
        cls.set_rules = set_rules_recorded  # type: ignore[attr-defined]
        cls.to_disk = _to_disk  # type: ignore[attr-defined]
        cls.from_disk = _from_disk  # type: ignore[attr-defined]
        cls.to_bytes = _to_bytes  # type: ignore[attr-defined]
        cls.from_bytes = _from_bytes  # type: ignore[attr-defined]
        return cls

    return decorate


def with_rule_dirs(component: T, rules: Iterable[str]) -> T:
    """The factory's ``rules`` setting: folders layered over the built-in rules (loaded on first use)."""
    component.rule_dirs = [str(folder) for folder in rules]  # type: ignore[attr-defined]
    return component


def article_context(doc: Doc) -> dict[str, Any]:
    """What the components know of a Doc's article when no caller set ``doc._.article``: the context dict of
    ``nlp.pipe(..., as_tuples=True)`` if any, its title (when missing) read off the text as the CLI does."""
    from .sources import title_of

    context = dict(doc._context) if isinstance(doc._context, dict) else {}
    if context.get("title") is None:
        context["title"] = title_of(doc.text)
    return context


def _prepare(component: Any, factory: str) -> None:
    check_prerequisites(component, factory)
    if component.__dict__.get("_warta_rules_version") is None:
        component.set_rules(load_ruleset(component.__dict__.get("rule_dirs", [])))
    component._warta_ready = True


def _rule_files(component: Any) -> list[dict[str, str]]:
    """The user's rule files, one ``{file name: text}`` per folder: read from ``rule_dirs``, or kept in memory
    when the rules came from ``from_bytes``."""
    kept: list[dict[str, str]] | None = component.__dict__.get("_warta_rule_files")
    if kept is not None:
        return kept
    return [{p.name: p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.yaml"))}
            for folder in component.__dict__.get("rule_dirs", [])]


def _write_folders(target: Path, folders: list[dict[str, str]]) -> list[Path]:
    written = []
    for number, files in enumerate(folders):
        folder = target / str(number)
        folder.mkdir(parents=True)
        for name, text in files.items():
            (folder / Path(name).name).write_text(text, encoding="utf-8")
        written.append(folder)
    return written


def _to_disk(self: Any, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
    """The user's rule folders, copied (``*.yaml`` only) under ``path/rules/<n>/``."""
    del exclude
    target = Path(path) / RULES_FOLDER
    folders = _rule_files(self)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    _write_folders(target, folders)


def _from_disk(self: Any, path: str | Path, *, exclude: Iterable[str] = ()) -> Any:
    """The rules saved by ``to_disk``: built-in rules layered with the saved copies, loaded now."""
    del exclude
    saved = Path(path) / RULES_FOLDER
    folders = sorted((p for p in saved.iterdir() if p.is_dir()), key=lambda p: int(p.name)) if saved.is_dir() else []
    self.rule_dirs = [str(folder) for folder in folders]
    self._warta_rule_files = None
    self.set_rules(load_ruleset(self.rule_dirs))
    return self


def _to_bytes(self: Any, *, exclude: Iterable[str] = ()) -> bytes:
    """The user's rule files, for ``nlp.to_bytes``."""
    del exclude
    data: bytes = srsly.msgpack_dumps({"rule_folders": _rule_files(self)})
    return data


def _from_bytes(self: Any, data: bytes, *, exclude: Iterable[str] = ()) -> Any:
    """The rules saved by ``to_bytes``, loaded through a temporary folder and kept in memory."""
    del exclude
    folders: list[dict[str, str]] = srsly.msgpack_loads(data)["rule_folders"]
    with tempfile.TemporaryDirectory(prefix="warta-rules-") as tmp:
        self.set_rules(load_ruleset(_write_folders(Path(tmp), folders)))
    self.rule_dirs = []
    self._warta_rule_files = folders
    return self
