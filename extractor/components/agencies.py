"""AGENCY mentions: named bodies from rules/agencies.yaml, unknown ones by their head word.

Three sources of mentions, one pass each over the Doc:

* names, acronyms and aliases of the bodies listed in the YAML (``Kemlu``,
  ``Kementerian Luar Negeri``, ``KBRI``), with a country or place written right
  after them joining the span (``Kemlu RI``, ``KBRI Phnom Penh``);
* unknown bodies: a head word (``Kementerian``, ``Kepolisian``, ...) followed by
  name words, as in ``Kementerian Tenaga Kerja dan Pelatihan Vokasional Kamboja``
  (rule ``agency.generic``);
* acronyms the article defines in parentheses after a name, tagged wherever they
  recur (rule ``agency.defined_acronym``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..matching import RuleMatcher
from ..rules import Pattern, Rule, RuleKind, RuleSet, register_rule_kind
from ..spans import add_mentions, make_mention
from .naming import ent_index, is_acronym, is_cap, is_roman, phrase_tokens, titlecase_tokens

KIND = register_rule_kind(RuleKind(
    name="agency",
    fields={
        "role": ((str,), "one of: generic, defined_acronym"),
        "name": ((str,), "a string"),
        "acronym": ((str,), "a string"),
        "aliases": ((list,), "a list of strings"),
        "country": ((str,), "an ISO 3166-1 alpha-2 code"),
        "kind": ((str,), "a string (ministry, police, embassy, ...)"),
        "takes_place": ((bool,), "true or false"),
        "place_name": ((str,), "a format string with {name}, {pattern} and {place}"),
    },
    settings={
        "name_words": ((list,), "a list of words"),
        "connectors": ((list,), "a list of words"),
        "max_generic_tokens": ((int,), "an integer"),
        "not_agencies": ((list,), "a list of names"),
        "not_acronyms": ((list,), "a list of acronyms"),
        "default_country": ((str,), "an ISO 3166-1 alpha-2 code"),
    },
    requires_pattern=False,
    labels=("AGENCY",),
))

_PLACE_LABELS = ("COUNTRY", "LOCATION")
_ENUMERATION_END = {"dan", "serta", "and"}
_MAX_PLACE_TOKENS = 4
_STATE_WORDS = {"Kerajaan", "Republik"}


@dataclass
class Candidate:
    """An AGENCY mention before it is put on the Doc."""

    start: int
    end: int
    rule: Rule
    attrs: dict[str, Any] = field(default_factory=dict)
    priority: int = 0


def _as_strings(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def surface_forms(rule: Rule) -> list[str]:
    """Every phrase a named-agency rule matches: its pattern, or its name, plus acronym and aliases."""
    forms: list[str] = []
    if rule.pattern is not None and rule.pattern.form == "phrase":
        forms.extend(rule.pattern.phrases)
    elif rule.pattern is None and rule.get("name"):
        forms.append(str(rule.get("name")))
    if rule.get("acronym"):
        forms.append(str(rule.get("acronym")))
    forms.extend(_as_strings(rule.get("aliases")))
    return list(dict.fromkeys(f for f in forms if f.strip()))


class AgencyTagger:
    """Tags AGENCY mentions; attributes name, acronym, country, kind."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.named: RuleMatcher | None = None
        self.heads: RuleMatcher | None = None
        self.origin: dict[str, Rule] = {}
        self.generic_rule: Rule | None = None
        self.acronym_rule: Rule | None = None
        self.name_words: set[str] = set()
        self.connectors: set[str] = set()
        self.head_words: set[str] = set()
        self.stop_words: set[str] = set()
        self.not_agencies: set[str] = set()
        self.not_acronyms: set[str] = set()
        self.max_generic = 12
        self.default_country = "ID"
        self.home_location_rules: tuple[str, ...] = ("location.indonesia", "location.admin_prefixed")

    def set_rules(self, ruleset: RuleSet) -> None:
        settings = ruleset.settings("agency")
        self.name_words = set(_as_strings(settings.get("name_words")))
        self.connectors = set(_as_strings(settings.get("connectors")))
        self.max_generic = int(settings.get("max_generic_tokens", 12))
        self.not_agencies = set(_as_strings(settings.get("not_agencies")))
        self.not_acronyms = set(_as_strings(settings.get("not_acronyms")))
        self.default_country = str(settings.get("default_country", "ID"))
        named: list[Rule] = []
        heads: list[Rule] = []
        self.origin = {}
        for rule in ruleset.of_kind("agency"):
            role = rule.get("role")
            if role == "generic":
                self.generic_rule = rule
                if rule.pattern is not None:
                    heads.append(rule)
                    self.head_words |= phrase_tokens(rule.pattern.phrases)
            elif role == "defined_acronym":
                self.acronym_rule = rule
            else:
                forms = surface_forms(rule)
                if rule.pattern is not None and rule.pattern.form != "phrase":
                    named.append(rule)
                    self.origin[rule.id] = rule
                    key = f"{rule.id}#names"
                else:
                    key = rule.id
                if forms:
                    named.append(replace(rule, id=key, pattern=Pattern("phrase", phrases=tuple(forms))))
                    self.origin[key] = rule
        # Titles and ranks (officials.yaml) end an agency name: "Polda Metro Jaya Kombes ...".
        for rule in ruleset.of_kind("official"):
            if rule.get("role") in ("title", "rank", "honorific") and rule.pattern is not None:
                self.stop_words |= phrase_tokens(rule.pattern.phrases)
        self.stop_words -= self.name_words
        self.named = RuleMatcher(self.nlp.vocab, self.nlp.make_doc, named)
        self.heads = RuleMatcher(self.nlp.vocab, self.nlp.make_doc, heads)

    # --- matching -------------------------------------------------------------------------------

    def _named_candidates(self, doc: Doc) -> list[Candidate]:
        assert self.named is not None
        found: list[Candidate] = []
        for m in self.named(doc):
            span = m.span(doc)
            if span is None:
                continue
            rule = self.origin.get(m.rule.id, m.rule)
            attrs: dict[str, Any] = {"name": rule.get("name") or span.text}
            if rule.get("acronym"):
                attrs["acronym"] = rule.get("acronym")
            if rule.get("country"):
                attrs["country"] = rule.get("country")
            if rule.get("kind"):
                attrs["kind"] = rule.get("kind")
            found.append(Candidate(span.start, span.end, rule, attrs, priority=1))
        return _longest_first(found)

    def _generic_candidates(self, doc: Doc, ents: list[Span | None], titlecase: list[bool],
                            named_at: dict[int, Candidate]) -> list[Candidate]:
        assert self.heads is not None
        found: list[Candidate] = []
        if self.generic_rule is None:
            return found
        longest: dict[int, Span] = {}
        for m in self.heads(doc):
            head = m.span(doc)
            if head is not None and (head.start not in longest or len(longest[head.start]) < len(head)):
                longest[head.start] = head
        for head in longest.values():
            end = self._extend_generic(doc, head.end, head.start, ents, titlecase, named_at)
            if end <= head.end:
                continue
            attrs: dict[str, Any] = {"name": doc[head.start:end].text, "kind": "generic"}
            last = ents[end - 1]
            if last is not None and last.label_ == "COUNTRY" and last.start > head.start:
                code = (last._.attrs or {}).get("code")
                if code:
                    attrs["country"] = code
                if last.start - head.start > 1:
                    attrs["name"] = doc[head.start:last.start].text
            if last is not None and last.label_ == "LOCATION" and last.end == end \
                    and not str(last._.rule or "").startswith(self.home_location_rules):
                attrs["country"] = None  # "Kepolisian Poipet": a place abroad, country unknown
            if attrs["name"] in self.not_agencies or doc[head.start:end].text in self.not_agencies:
                continue
            found.append(Candidate(head.start, end, self.generic_rule, attrs))
        return _longest_first(found)

    def _extend_generic(self, doc: Doc, j: int, start: int, ents: list[Span | None], titlecase: list[bool],
                        named_at: dict[int, Candidate]) -> int:
        """End of the unknown agency name whose head ends at ``j`` (== ``j`` when nothing follows)."""
        n = len(doc)
        last = j
        head_end = j
        while j < n and j - start < self.max_generic:
            token = doc[j]
            ent = ents[j]
            if ent is not None and ent.label_ in _PLACE_LABELS:
                return ent.end if ent.start == j else last
            if j in named_at:
                return named_at[j].end
            text = token.text
            if text in self.name_words or (is_acronym(text) and text not in self.stop_words) or \
                    (is_roman(text) and j == last and len(text) <= 4):
                j += 1
                last = j
                continue
            if text in self.head_words and j == head_end:
                j += 1  # a compound head: "Tim Gabungan Satgas ..."
                continue
            if (text in self.connectors or text == ",") and j > start:
                if text == "," and not self._enumeration_ahead(doc, j + 1):
                    return last
                nxt = j + 1
                if text == "," and nxt < n and doc[nxt].text in self.connectors:
                    j = nxt  # "Hukum, dan Keamanan"
                    continue
                if nxt < n and doc[nxt].text in self.name_words and doc[nxt].text not in self.head_words \
                        and nxt not in named_at:
                    j = nxt
                    continue
                return last
            if is_cap(token) and not titlecase[j] and text not in self.stop_words and text not in self.head_words \
                    and j == last and j + 1 < n:
                nxt_ent = ents[j + 1]
                if doc[j + 1].text in self.name_words or (nxt_ent is not None and nxt_ent.label_ == "COUNTRY"):
                    j += 1
                    last = j
                    continue
            return last
        return last

    def _enumeration_ahead(self, doc: Doc, j: int) -> bool:
        """After a comma: "Hukum, dan Keamanan" or "Pasifik, dan Afrika" — name words up to dan/serta."""
        stop = min(len(doc), j + 8)
        while j < stop:
            text = doc[j].text
            if text in _ENUMERATION_END:
                return True
            if text == ",":
                j += 1
                continue
            if text in self.name_words and text not in self.head_words:
                j += 1
                continue
            return False
        return False

    def _extend_suffix(self, doc: Doc, cand: Candidate, ents: list[Span | None], titlecase: list[bool],
                       named_starts: set[int]) -> None:
        """A country or (for bodies with posts) a place written right after the name joins the span."""
        n = len(doc)
        end = cand.end
        if end >= n:
            return
        ent = ents[end]
        at = end
        if ent is None and end + 1 < n and doc[end].text in _STATE_WORDS:
            following = ents[end + 1]
            if following is not None and following.start == end + 1 and following.label_ == "COUNTRY":
                ent, at = following, end + 1  # "Imigrasi Kerajaan Kamboja": the state's formal name
        takes_place = bool(cand.rule.get("takes_place"))
        if ent is not None and ent.start == at and ent.label_ in _PLACE_LABELS:
            if takes_place:
                self._set_place(cand, doc[cand.start:cand.end].text, ent.text)
            elif ent.label_ == "COUNTRY":
                code = (ent._.attrs or {}).get("code")
                if code:
                    if cand.attrs.get("country") and code != cand.attrs.get("country"):
                        # a foreign counterpart ("Imigrasi Kamboja"): the name as written, not Indonesia's body
                        cand.attrs.pop("acronym", None)
                        cand.attrs["name"] = doc[cand.start:ent.end].text
                    cand.attrs["country"] = code
            else:
                return
            cand.end = ent.end
            return
        if not takes_place:
            return
        j = end
        limit = 2 if titlecase[end] else _MAX_PLACE_TOKENS
        while j < n and j - end < limit:
            token = doc[j]
            inside = ents[j]
            if not is_cap(token) or token.text in self.stop_words or token.text in self.head_words or \
                    j in named_starts or (inside is not None and inside.label_ not in _PLACE_LABELS):
                break
            j += 1
        if j > end:
            self._set_place(cand, doc[cand.start:cand.end].text, doc[end:j].text)
            cand.end = j

    @staticmethod
    def _set_place(cand: Candidate, written: str, place: str) -> None:
        template = str(cand.rule.get("place_name") or "{name} {place}")
        cand.attrs["name"] = template.format(name=cand.attrs.get("name", written), pattern=written, place=place)
        if cand.attrs.get("acronym"):
            cand.attrs["acronym"] = f"{cand.attrs['acronym']} {place}"

    # --- the component ---------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        if self.named is None:
            return doc
        ents = ent_index(doc)
        titlecase = titlecase_tokens(doc)
        named = self._named_candidates(doc)
        named_at = {c.start: c for c in named}
        named_starts = set(named_at)
        for cand in named:
            self._extend_suffix(doc, cand, ents, titlecase, named_starts)
        generic = [c for c in self._generic_candidates(doc, ents, titlecase, named_at)
                   if not any(k.start <= c.start < k.end for k in named)]
        for cand in generic:
            self._extend_suffix(doc, cand, ents, titlecase, named_starts)
        candidates = _longest_first(named + generic)
        for cand in candidates:
            if cand.rule is self.generic_rule and "country" not in cand.attrs:
                cand.attrs["country"] = self.default_country
            if cand.attrs.get("country") is None:
                cand.attrs.pop("country", None)
        candidates += self._acronyms(doc, candidates)
        spans = []
        for cand in candidates:
            attrs = dict(cand.attrs)
            if cand.priority:
                attrs["_priority"] = cand.priority
            span = make_mention(doc, doc[cand.start].idx, doc[cand.end - 1].idx + len(doc[cand.end - 1].text),
                                "AGENCY", _public_id(cand.rule), attrs)
            if span is not None:
                spans.append(span)
        add_mentions(doc, spans)
        return doc

    def _acronyms(self, doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
        """"Full Name (ACR)": ACR is a mention of its own, and so is every later ACR in the article."""
        if self.acronym_rule is None:
            return []
        covered = [False] * len(doc)
        for cand in candidates:
            for i in range(cand.start, cand.end):
                covered[i] = True
        defined: dict[str, dict[str, Any]] = {}
        found: list[Candidate] = []
        n = len(doc)
        for cand in sorted(candidates, key=lambda c: c.start):
            i = cand.end
            if i + 2 < n and doc[i].text == "(" and doc[i + 2].text == ")" and not covered[i + 1]:
                text = doc[i + 1].text
                if is_acronym(text) and text not in self.stop_words and text not in self.not_acronyms:
                    attrs = {k: v for k, v in cand.attrs.items() if k != "kind"} | {"acronym": text}
                    attrs["kind"] = cand.attrs.get("kind", "generic")
                    defined.setdefault(text, attrs)
                    found.append(Candidate(i + 1, i + 2, self.acronym_rule, dict(attrs)))
                    covered[i + 1] = True
        if defined:
            for token in doc:
                if token.text in defined and not covered[token.i]:
                    found.append(Candidate(token.i, token.i + 1, self.acronym_rule, dict(defined[token.text])))
        return found


def _public_id(rule: Rule) -> str:
    return rule.id.split("#", 1)[0]


def _longest_first(cands: list[Candidate]) -> list[Candidate]:
    """Drop candidates inside a longer one (ties: the earlier rule wins)."""
    kept: list[Candidate] = []
    taken: set[int] = set()
    for cand in sorted(cands, key=lambda c: (-(c.end - c.start), -c.priority, c.start)):
        if any(i in taken for i in range(cand.start, cand.end)):
            continue
        kept.append(cand)
        taken.update(range(cand.start, cand.end))
    kept.sort(key=lambda c: c.start)
    return kept


@Language.factory("warta_agencies")
def make_agencies(nlp: Language, name: str) -> AgencyTagger:
    return AgencyTagger(nlp, name)
