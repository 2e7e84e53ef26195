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

from ..doc import doc_text
from ..factories import warta_component, with_rule_dirs
from ..rules import REGEX_TIMEOUT, Rule, RuleSet
from ..rules.kinds import BYLINE

KIND = BYLINE

_NAME_WORD = regex.compile(r"^\p{Lu}[\p{L}'\u2019.-]*+$")
_LABEL_WINDOW = 40  # characters before a colon searched for a label (the longest label is shorter)


def separator_regex(separators: list[str]) -> Any:
    """Where one name ends and the next starts: punctuation as is, words only as whole words."""
    parts = [regex.escape(s) if not s.isalpha() else rf"\b{regex.escape(s)}\b"
             for s in sorted(separators, key=len, reverse=True)]
    return regex.compile(r"\s*+(?:" + "|".join(parts) + r")\s*+") if parts else None


@warta_component("warta_byline")
class BylineReader:
    """Finds labelled bylines and initials codes; writes ``doc._.authors``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.label_regex: Any = None  # a label ending where a colon follows (searched before each colon)
        self.next_label_regex: Any = None  # the next "label:" inside a byline's text
        self.separators: Any = None
        self.role_of_label: dict[str, str] = {}
        self.rule_of_label: dict[str, str] = {}
        self.code_rules: list[Rule] = []
        self.max_tokens = int(KIND.default("max_name_tokens"))
        self.not_after: set[str] = set()
        self.end_markers: list[str] = []

    def set_rules(self, ruleset: RuleSet) -> None:
        settings = ruleset.settings("byline")
        self.max_tokens = int(settings["max_name_tokens"])
        self.not_after = set(settings.words("not_after"))
        self.end_markers = settings.words("end_markers")
        self.separators = separator_regex(settings.words("name_separators") or [","])
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
                    self.rule_of_label[label.lower()] = rule.id
                    labels.append(label)
        if labels:
            alternatives = "|".join(regex.escape(x) for x in sorted(labels, key=len, reverse=True))
            # a label right before a colon (only the text before each colon is searched: colons are rare)
            self.label_regex = regex.compile(rf"(?P<label>{alternatives})[ \t]*+\Z", regex.IGNORECASE)
            self.next_label_regex = regex.compile(rf"(?:{alternatives})\s*+:", regex.IGNORECASE)

    def __call__(self, doc: Doc) -> Doc:
        authors: list[dict[str, str]] = list(doc._.authors or [])
        regions: list[tuple[int, int]] = list(doc._.byline or [])
        text = doc_text(doc)
        if self.label_regex is not None:
            for start, label, names_start, names_end in self._labels(text):
                if self._after_excluded_word(text, start):
                    continue
                role = self.role_of_label.get(label.lower(), "author")
                rule_id = self.rule_of_label.get(label.lower(), "")
                names = self._names(text[names_start:names_end])
                for name in names:
                    authors.append({"name": name, "role": role, "rule": rule_id})
                if names:
                    regions.append((start, names_end))
        for rule in self.code_rules:
            assert rule.pattern is not None
            for m in rule.pattern.finditer(text):
                for role, value in m.groupdict().items():
                    if value:
                        authors.append({"name": value, "role": role, "rule": rule.id})
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

    def _labels(self, text: str) -> list[tuple[int, str, int, int]]:
        """Each "Label:" with the names after it up to the end of the line (at most 200 characters):
        (label start, label, names start, names end). Found from the colons, not by scanning every position."""
        out: list[tuple[int, str, int, int]] = []
        colon = text.find(":")
        while colon >= 0:
            window_start = max(0, colon - _LABEL_WINDOW)
            m = self.label_regex.search(text, window_start, colon, timeout=REGEX_TIMEOUT)
            if m is not None:
                names_start = colon + 1
                while names_start < len(text) and text[names_start] in " \t\n":
                    names_start += 1
                line_end = text.find("\n", names_start)
                names_end = min(names_start + 200, len(text) if line_end < 0 else line_end)
                if names_end > names_start:
                    out.append((m.start(), m.group("label"), names_start, names_end))
            colon = text.find(":", colon + 1)
        return out

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
        parts = self.separators.split(segment.strip()) if self.separators is not None else [segment.strip()]
        for part in parts:
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
        if self.next_label_regex is None:
            return None
        m = self.next_label_regex.search(segment, timeout=REGEX_TIMEOUT)
        return m.start() if m is not None else None


@Language.factory("warta_byline", default_config={"rules": []})
def make_byline(nlp: Language, name: str, rules: list[str]) -> BylineReader:
    """``rules``: folders layered over the built-in rules when the component is used alone."""
    return with_rule_dirs(BylineReader(nlp, name), rules)
