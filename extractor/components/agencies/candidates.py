"""AGENCY candidates before they are put on the Doc, the per-Doc view the grammar reads, and the surface
forms of a listed body (officials read them too)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from ...doc import MentionIndex, titlecase_tokens
from ...rules import Rule
from ...spans import longest_first

PLACE_LABELS = ("COUNTRY", "LOCATION")
BRACKETS = {"(", ")"}


@dataclass
class Candidate:
    """An AGENCY mention before it is put on the Doc."""

    start: int
    end: int
    rule: Rule
    attrs: dict[str, Any] = field(default_factory=dict)
    priority: int = 0
    country_written: bool = False  # the country comes from the text, not from the YAML
    takes_place: bool = False  # a place written after it belongs to it (KBRI Phnom Penh, Kanwil ... Jawa Tengah)



def longest_candidates(cands: list[Candidate]) -> list[Candidate]:
    """The one overlap rule (spans.longest_first), listed bodies first on a tie."""
    return longest_first(cands, lambda c: (c.start, c.end), lambda c: c.priority)

@dataclass
class DocView:
    """What one Doc's pass needs about its tokens, computed once."""

    doc: Doc
    ents: MentionIndex
    orth: list[int]  # word hashes: tests without Token objects
    named_at: dict[int, Candidate]
    _titlecase: list[bool] | None = None

    @property
    def titlecase(self) -> list[bool]:
        """Tokens on Title Case lines (headlines), computed only if a decision needs it."""
        if self._titlecase is None:
            self._titlecase = titlecase_tokens(self.doc)
        return self._titlecase


def surface_forms(rule: Rule) -> list[str]:
    """Every phrase a named-agency rule matches: its pattern, or its name, plus acronym and aliases."""
    forms: list[str] = []
    if rule.pattern is not None and rule.pattern.form == "phrase":
        forms.extend(rule.pattern.phrases)
    elif rule.pattern is None and rule.get("name"):
        forms.append(str(rule.get("name")))
    if rule.get("acronym"):
        forms.append(str(rule.get("acronym")))
    forms.extend(rule.words("aliases"))
    return list(dict.fromkeys(f for f in forms if f.strip()))


def abbreviates(short: str, name: str) -> bool:
    """Is ``short`` an Indonesian-style abbreviation of ``name`` ("Imipas" of "Imigrasi dan Pemasyarakatan")?

    Its letters appear in order in the name and it starts like one of the name's words.
    """
    letters = "".join(ch for ch in name.lower() if ch.isalnum())
    short = short.lower()
    if len(short) < 3 or not any(w[:1].lower() == short[0] for w in name.split()):
        return False
    at = 0
    for ch in short:
        at = letters.find(ch, at) + 1
        if at == 0:
            return False
    return True
