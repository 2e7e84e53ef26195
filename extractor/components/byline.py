"""The article's authors from its byline: ``doc._.authors`` = [{name, role}].

Labelled bylines ("Penulis: ...", "Translator: A, B Editor: C", "Pewarta: ...")
and initials codes ("(haf/imk)") come from rules/byline.yaml. Authors are not
mentions: the officials component reads ``doc._.authors`` to never tag them.
"""

from __future__ import annotations

from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..rules import REGEX_TIMEOUT, Rule, RuleKind, RuleSet, register_rule_kind
from ..spans import doc_text

KIND = register_rule_kind(RuleKind(
    name="byline",
    fields={"role": ((str,), "a role in lower case (author, editor, reporter, translator)")},
    settings={
        "max_name_tokens": ((int,), "an integer"),
        "not_after": ((list,), "a list of words"),
        "end_markers": ((list,), "a list of strings"),
    },
    labels=(),
))

_NAME_WORD = regex.compile(r"^\p{Lu}[\p{L}'\u2019.-]*+$")
_SEPARATORS = regex.compile(r"\s*+(?:,|;|\||&|\band\b|\bdan\b)\s*+")


class BylineReader:
    """Finds labelled bylines and initials codes; writes ``doc._.authors``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.label_regex: Any = None
        self.role_of_label: dict[str, str] = {}
        self.code_rules: list[Rule] = []
        self.max_tokens = 5
        self.not_after: set[str] = set()
        self.end_markers: list[str] = []

    def set_rules(self, ruleset: RuleSet) -> None:
        settings = ruleset.settings("byline")
        self.max_tokens = int(settings.get("max_name_tokens", 5))
        self.not_after = {str(w) for w in settings.get("not_after") or []}
        self.end_markers = [str(w) for w in settings.get("end_markers") or []]
        labels: list[str] = []
        self.code_rules = []
        for rule in ruleset.of_kind("byline"):
            if rule.pattern is None:
                continue
            if rule.pattern.form == "regex":
                self.code_rules.append(rule)
            elif rule.pattern.form == "phrase":
                for label in rule.pattern.phrases:
                    self.role_of_label[label.lower()] = str(rule.get("role") or "author")
                    labels.append(label)
        if labels:
            alternatives = "|".join(regex.escape(x) for x in sorted(labels, key=len, reverse=True))
            # a label, a colon, then the names up to the end of the line
            self.label_regex = regex.compile(rf"(?P<label>{alternatives})[ \t]*+:[ \t\n]*+"
                                             r"(?=(?P<names>[^\n]{1,200}+))", regex.IGNORECASE)

    def __call__(self, doc: Doc) -> Doc:
        authors: list[dict[str, str]] = list(doc._.authors or [])
        regions: list[tuple[int, int]] = list(doc._.byline or [])
        text = doc_text(doc)
        if self.label_regex is not None:
            for m in self.label_regex.finditer(text, timeout=REGEX_TIMEOUT):
                if self._after_excluded_word(text, m.start()):
                    continue
                role = self.role_of_label.get(m.group("label").lower(), "author")
                names = self._names(m.group("names"))
                for name in names:
                    authors.append({"name": name, "role": role})
                if names:
                    regions.append((m.start(), m.end("names")))
        for rule in self.code_rules:
            assert rule.pattern is not None
            for m in rule.pattern.finditer(text):
                for role, value in m.groupdict().items():
                    if value:
                        authors.append({"name": value, "role": role})
                regions.append((m.start(), m.end()))
        seen: set[tuple[str, str]] = set()
        unique = []
        for a in authors:
            key = (a["name"].lower(), a["role"])
            if key not in seen:
                seen.add(key)
                unique.append(a)
        doc._.authors = unique
        doc._.byline = sorted(regions)
        return doc

    def _after_excluded_word(self, text: str, start: int) -> bool:
        before = text[max(0, start - 30):start].split()
        return bool(before) and before[-1] in self.not_after

    def _names(self, segment: str) -> list[str]:
        """Names in the text after a label, up to the next label or the end of the byline."""
        if self.label_regex is not None:
            nxt = self._next_label(segment)
            if nxt is not None:
                segment = segment[:nxt]
        for marker in self.end_markers:
            cut = segment.find(marker)
            if cut >= 0:
                segment = segment[:cut]
        names: list[str] = []
        for part in _SEPARATORS.split(segment.strip()):
            words = part.split()
            name_words: list[str] = []
            closed = False
            for w in words:
                bare = w.rstrip(").;")
                if _NAME_WORD.match(bare) and not (bare.isupper() and len(bare) > 1):
                    name_words.append(bare)
                    if bare != w:
                        closed = True
                        break
                    continue
                break
            if not name_words or len(name_words) > self.max_tokens:
                break
            if len(name_words) < len(words) and not closed:
                break  # the part goes on with other words: a sentence, not a byline
            names.append(" ".join(name_words))
            if closed:
                break
        return names

    def _next_label(self, segment: str) -> int | None:
        """Where the next label starts inside ``segment`` ("... Raka Adji Editor: ...", "MawangiEditor:")."""
        best: int | None = None
        for label in self.role_of_label:
            m = regex.search(rf"{regex.escape(label)}\s*+:", segment, flags=regex.IGNORECASE)
            if m is not None and (best is None or m.start() < best):
                best = m.start()
        return best


@Language.factory("warta_byline")
def make_byline(nlp: Language, name: str) -> BylineReader:
    return BylineReader(nlp, name)
