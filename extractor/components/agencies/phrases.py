"""The AGENCY component's settings and its one phrase-matcher pass: listed bodies, generic heads,
not-agency phrases and local-office words."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ...matching import RuleMatcher
from ...rules import Rule
from ...rules.kinds import AGENCY
from .candidates import Candidate, DocView, longest_candidates

KIND = AGENCY


class AgencyState:
    """The agency grammar's settings (filled by ``set_rules``) and its matching pass."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.phrases: PhraseMatcher | None = None
        self.phrases_lower: PhraseMatcher | None = None
        self.other_named: RuleMatcher | None = None  # named rules with token or regex patterns
        self.keys: dict[int, tuple[str, Rule]] = {}  # match key -> (role, rule)
        self.origin: dict[str, Rule] = {}
        self.named_attrs: dict[str, dict[str, Any]] = {}  # rule id -> its attributes, built once
        self.generic_rule: Rule | None = None
        self.acronym_rule: Rule | None = None
        self.listed_rule: Rule | None = None
        self.name_words: set[str] = set()
        self.connectors: set[str] = set()
        self.open_connectors: set[str] = set()
        self.name_breakers: set[str] = set()
        self.head_words: set[str] = set()
        self.stop_words: set[str] = set()
        self.not_acronyms: set[str] = set()
        self.enumeration_end: set[str] = set()
        self.list_separators: set[str] = set()
        self.state_words: set[str] = set()
        self.grade_words: set[str] = set()
        self.state_hashes: set[int] = set()
        self.max_generic = int(KIND.default("max_generic_tokens"))
        self.max_place = int(KIND.default("max_place_tokens"))
        self.default_country = str(KIND.default("default_country"))
        self.home_location_rules: tuple[str, ...] = ()
    # --- matching -------------------------------------------------------------------------------

    def _matches(self, doc: Doc) -> tuple[list[Candidate], dict[int, int], list[tuple[int, int]],
                                          list[tuple[int, int, Rule]]]:
        """Named candidates, generic heads (start -> end, longest), not-agency and office phrases of one pass."""
        assert self.phrases is not None and self.phrases_lower is not None
        named: list[Candidate] = []
        heads: dict[int, int] = {}
        excluded: list[tuple[int, int]] = []
        offices: list[tuple[int, int, Rule]] = []
        hits = list(self.phrases(doc))
        if len(self.phrases_lower):
            hits += list(self.phrases_lower(doc))
        for key, start, end in hits:
            role, rule = self.keys[key]
            if role == "named":
                named.append(self._named(rule, start, end))
            elif role == "generic":
                if heads.get(start, 0) < end:
                    heads[start] = end
            elif role == "office":
                offices.append((start, end, rule))
            else:
                excluded.append((start, end))
        if self.other_named is not None:
            for m in self.other_named(doc):
                span = m.span(doc)
                if span is not None:
                    named.append(self._named(self.origin.get(m.rule.id, m.rule), span.start, span.end))
        return longest_candidates(named), heads, excluded, offices

    def _named(self, rule: Rule, start: int, end: int) -> Candidate:
        attrs = self.named_attrs.get(rule.id)
        if attrs is None:
            attrs = self.named_attrs[rule.id] = {"name": rule.get("name") or ""} | {
                key: rule.get(key) for key in ("acronym", "country", "kind") if rule.get(key)}
        return Candidate(start, end, rule, dict(attrs), priority=1, takes_place=bool(rule.get("takes_place")))

    @staticmethod
    def _offices(view: DocView, offices: list[tuple[int, int, Rule]]) -> None:
        """"Kanwil Kemenkumham Jawa Tengah": an office word right before a named body makes a local office."""
        for start, end, rule in offices:
            body = view.named_at.get(end)
            if body is None or body.start != end:
                continue
            body.start = start
            body.rule = rule
            body.takes_place = True
            body.attrs.pop("acronym", None)
            body.attrs["name"] = ""  # the name as written, set with its place
            del view.named_at[end]
            view.named_at[start] = body
