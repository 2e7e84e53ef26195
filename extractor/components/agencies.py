"""AGENCY mentions: named bodies from rules/agencies.yaml, unknown ones by their head word.

Sources of mentions, all found by one PhraseMatcher pass over the Doc:

* names, acronyms and aliases of the bodies listed in the YAML (``Kemlu``,
  ``Kementerian Luar Negeri``, ``KBRI``), with a country or place written right
  after them joining the span (``Kemlu RI``, ``KBRI Phnom Penh``) and, for bodies
  with local offices, a grade designation before the place (``Kantor Imigrasi
  Kelas I Khusus Non TPI Soekarno-Hatta``);
* unknown bodies: a head word (``Kementerian``, ``Kepolisian``, ``Department``, ...)
  followed by name words, as in ``Kementerian Tenaga Kerja dan Pelatihan Vokasional
  Kamboja`` (rule ``agency.generic``), unless the phrase names a category of
  organisation rather than a body (``Badan Hukum``, rule role ``not_agency``);
* acronyms and abbreviations the article defines in parentheses after a name
  (``(NCCT)``, ``(Imipas)``), tagged wherever they recur (``agency.defined_acronym``);
* unknown acronyms listed among agencies (``Kemensos, Bareskrim, hingga BPM2MI``,
  ``agency.listed_acronym``).

A body whose name does not say which state it belongs to (``Kementerian Dalam
Negeri``) takes the foreign country of the other bodies it is listed with.
Every list of words a user may extend is a setting of rules/agencies.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..doc import MentionIndex, mention_index, titlecase_tokens
from ..factories import warta_component, with_rule_dirs
from ..matching import RuleMatcher
from ..rules import Rule, RuleSet
from ..rules.kinds import AGENCY
from ..spans import add_mentions, longest_first, make_mention
from .naming import is_acronym, is_cap, is_roman, phrase_tokens

KIND = AGENCY

_PLACE_LABELS = ("COUNTRY", "LOCATION")
_BRACKETS = {"(", ")"}


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


def _longest_first(cands: list[Candidate]) -> list[Candidate]:
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


@warta_component("warta_agencies")
class AgencyTagger:
    """Tags AGENCY mentions; attributes name, acronym, country, kind."""

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

    def set_rules(self, ruleset: RuleSet) -> None:
        settings = ruleset.settings("agency")
        words = {key: set(settings.words(key)) for key in (
            "name_words", "connectors", "open_connectors", "name_breakers", "not_acronyms", "enumeration_end",
            "list_separators", "state_words", "grade_words")}
        self.name_words = words["name_words"]
        self.connectors = words["connectors"]
        self.open_connectors = words["open_connectors"]
        self.name_breakers = words["name_breakers"]
        self.not_acronyms = words["not_acronyms"]
        self.enumeration_end = words["enumeration_end"]
        self.list_separators = words["list_separators"]
        self.state_words = words["state_words"]
        self.grade_words = words["grade_words"]
        self.max_generic = int(settings["max_generic_tokens"])
        self.max_place = int(settings["max_place_tokens"])
        self.default_country = str(settings["default_country"])
        self.home_location_rules = tuple(settings.words("home_location_rules"))
        make = self.nlp.make_doc
        vocab = self.nlp.vocab
        phrases = self.phrases = PhraseMatcher(vocab, attr="ORTH")
        phrases_lower = self.phrases_lower = PhraseMatcher(vocab, attr="LOWER")
        self.keys = {}
        self.origin = {}
        self.named_attrs = {}
        self.head_words = set()
        self.generic_rule = self.acronym_rule = self.listed_rule = None
        other: list[Rule] = []

        def add(role: str, rule: Rule, forms: list[str]) -> None:
            key = f"{role}:{rule.id}"
            self.keys[vocab.strings.add(key)] = (role, rule)
            target = phrases_lower if rule.ignore_case else phrases
            target.add(key, [make(f) for f in forms])

        for rule in ruleset.of_kind("agency"):
            role = str(rule.get("role") or "named")
            if role == "defined_acronym":
                self.acronym_rule = rule
            elif role == "listed_acronym":
                self.listed_rule = rule
            elif role in ("generic", "not_agency", "office"):
                if role == "generic":
                    self.generic_rule = rule
                if rule.pattern is not None and rule.pattern.form == "phrase":
                    add(role, rule, list(rule.pattern.phrases))
                    if role == "generic":
                        self.head_words |= phrase_tokens(rule.pattern.phrases)
            else:
                self.origin[rule.id] = rule
                if rule.pattern is not None and rule.pattern.form != "phrase":
                    other.append(rule)
                forms = surface_forms(rule)
                if forms:
                    add("named", rule, forms)
        self.other_named = RuleMatcher(vocab, make, other) if other else None
        # Titles and ranks (officials.yaml) end an agency name: "Polda Metro Jaya Kombes ...".
        self.stop_words = set()
        for rule in ruleset.of_kind("official"):
            if rule.get("role") in ("title", "rank", "honorific") and rule.pattern is not None:
                self.stop_words |= phrase_tokens(rule.pattern.phrases)
        self.stop_words -= self.name_words
        self.state_hashes = {vocab.strings.add(word) for word in self.state_words}

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
        return _longest_first(named), heads, excluded, offices

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

    def _generic_candidates(self, view: DocView, heads: dict[int, int],
                            excluded: list[tuple[int, int]]) -> list[Candidate]:
        found: list[Candidate] = []
        if self.generic_rule is None:
            return found
        doc, ents = view.doc, view.ents
        excluded_starts = {start for start, _ in excluded}
        named_by_end = {c.end: c for c in view.named_at.values()}
        for start, head_end in heads.items():
            if start in excluded_starts:
                continue  # "Badan Hukum Indonesia": a kind of organisation, not a body
            while head_end in heads:  # a compound head: "Satgas Gabungan ...", "Direktorat Jenderal ..."
                head_end = heads[head_end]
            end = self._extend_generic(view, head_end, start)
            if end <= head_end:
                continue
            attrs: dict[str, Any] = {"name": doc[start:end].text, "kind": "generic"}
            cand = Candidate(start, end, self.generic_rule, attrs)
            inner = named_by_end.get(end)
            if inner is not None and inner.start > start:
                # "Direktorat Tindak Pidana Umum Bareskrim Polri": the named body's state
                attrs["country"] = inner.attrs.get("country")
            elif any(doc[i].text in self.open_connectors for i in range(head_end, end)) or \
                    (end == head_end + 1 and self._unknown(doc[head_end])):
                # an English name in Indonesian news ("Department of Justice"), or a head and one unknown
                # word, most often a place ("Kepolisian Mondulkiri"): the country is not known
                attrs["country"] = None
            last = ents[end - 1]
            if last is not None and last.label_ == "COUNTRY" and last.start > start:
                code = (last._.attrs or {}).get("code")
                if code:
                    attrs["country"] = code
                    cand.country_written = True
                if last.start - start > 1:
                    attrs["name"] = doc[start:last.start].text
            if last is not None and last.label_ == "LOCATION" and last.end == end \
                    and not str(last._.rule or "").startswith(self.home_location_rules):
                attrs["country"] = None  # "Kepolisian Poipet": a place abroad, country unknown
                cand.country_written = True
            found.append(cand)
        return _longest_first(found)

    def _unknown(self, token: Any) -> bool:
        """A capitalized word the agency data does not know."""
        return token.text not in self.name_words and not is_acronym(token.text) and not is_roman(token.text)

    def _glued(self, text: str) -> bool:
        """A name word or acronym glued to the next lower-case word by a broken page ("Negerimenyebut", "RIpada")."""
        return any((text[:i] in self.name_words or (i >= 2 and text[:i].isupper())) and text[i:].islower()
                   for i in range(2, len(text) - 2))

    def _continues(self, view: DocView, j: int, start: int) -> bool:
        """May the capitalized word at ``j`` continue an unknown agency name begun at ``start``?

        Listed name words and acronyms may; any other capitalized word may too, unless it is a title or
        rank, a head word, a name breaker or sits on a headline line, and unless the next word is another
        unknown capitalized word (two in a row are more likely a person: "Badan Narkotika Nasional Marthinus
        Hukom").
        """
        doc = view.doc
        text = doc[j].text
        if text in self.name_words:
            return True
        if self._glued(text):
            return False
        if is_acronym(text) and text not in self.stop_words:
            return True
        if not is_cap(doc[j]) or view.titlecase[j] or text in self.stop_words or text in self.head_words \
                or text in self.name_breakers or j in view.named_at:
            return False
        n = len(doc)
        if j + 1 >= n:
            return False
        nxt = doc[j + 1]
        nxt_ent = view.ents[j + 1]
        if nxt.text in self.name_words or (nxt_ent is not None and nxt_ent.label_ == "COUNTRY"):
            return True
        return not is_cap(nxt) or nxt.text in self.connectors or j + 1 - start >= self.max_generic

    def _extend_generic(self, view: DocView, j: int, start: int) -> int:
        """End of the unknown agency name whose head ends at ``j`` (== ``j`` when nothing follows)."""
        doc, ents = view.doc, view.ents
        n = len(doc)
        last = j
        open_name = False  # after "of", "for", ...: an English name, all capitalized words belong
        while j < n and j - start < self.max_generic:
            ent = ents[j]
            if ent is not None and ent.label_ in _PLACE_LABELS:
                return ent.end if ent.start == j else last
            if j in view.named_at:
                return view.named_at[j].end
            token = doc[j]
            text = token.text
            if (is_roman(text) and j == last and len(text) <= 4) or \
                    (open_name and is_cap(token) and not view.titlecase[j]) or \
                    (text == "-" and j == last and not doc[j - 1].whitespace_ and not token.whitespace_
                     and j + 1 < n and is_cap(doc[j + 1])):  # "Anti-Human Trafficking"
                j += 1
                last = j
                continue
            if text in self.connectors or text in self.open_connectors or text == ",":
                if text == "," and not self._enumeration_ahead(view, j + 1, start):
                    return last
                nxt = j + 1
                open_name = open_name or text in self.open_connectors
                if text == "," and nxt < n and doc[nxt].text in self.connectors:
                    j = nxt  # "Hukum, dan Keamanan"
                    continue
                if nxt < n and nxt not in view.named_at and doc[nxt].text not in self.head_words and \
                        (open_name or (self._continues(view, nxt, start) and (
                            text == "," or doc[nxt].text in self.name_words or not is_acronym(doc[nxt].text)))):
                    # after "dan" an acronym is another body: "Kepolisian dan NCCT"
                    j = nxt
                    continue
                return last
            if self._continues(view, j, start):
                j += 1
                last = j
                continue
            return last
        return last

    def _enumeration_ahead(self, view: DocView, j: int, start: int) -> bool:
        """After a comma: "Hukum, dan Keamanan" or "Pasifik, dan Afrika" — name words up to dan/serta."""
        doc = view.doc
        stop = min(len(doc), j + 8)
        while j < stop:
            text = doc[j].text
            if text in self.enumeration_end:
                return True
            if text == ",":
                j += 1
                continue
            if text not in self.head_words and self._continues(view, j, start):
                j += 1
                continue
            return False
        return False

    def _extend_suffix(self, view: DocView, cand: Candidate, named_starts: set[int]) -> None:
        """A country or (for bodies with posts) a place written right after the name joins the span."""
        doc, ents = view.doc, view.ents
        n = len(doc)
        end = cand.end
        if end >= n:
            return
        if not cand.takes_place and not ents.covered(end) and view.orth[end] not in self.state_hashes:
            return  # nothing that could join: most mentions end here
        ent = ents[end]
        at = end
        if ent is None and end + 1 < n and doc[end].text in self.state_words:
            following = ents[end + 1]
            if following is not None and following.start == end + 1 and following.label_ == "COUNTRY":
                ent, at = following, end + 1  # "Imigrasi Kerajaan Kamboja": the state's formal name
        takes_place = cand.takes_place
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
                    cand.country_written = True
            else:
                return
            cand.end = ent.end
            return
        if not takes_place:
            return
        j = self._grade_end(view, end)
        grade_end = j
        limit = 0 if j >= n or not is_cap(doc[j]) else 2 if view.titlecase[end] else self.max_place
        while j < n and j - grade_end < limit:
            token = doc[j]
            inside = ents[j]
            if not is_cap(token) or token.text in self.stop_words or token.text in self.head_words or \
                    j in named_starts or (inside is not None and inside.label_ not in _PLACE_LABELS):
                break
            j += 1
            if inside is not None and inside.end >= j and inside.label_ in _PLACE_LABELS:
                j = inside.end
                break  # a known place ends the name: "Kantor Imigrasi ... Soekarno-Hatta Johanes ..."
        if j > end:
            self._set_place(cand, doc[cand.start:end].text, doc[end:j].text)
            cand.end = j

    def _grade_end(self, view: DocView, j: int) -> int:
        """After an office's name, its grade designation: "Kelas I Khusus Non TPI" (end == ``j`` if none)."""
        doc = view.doc
        n = len(doc)
        start = j
        while j < n and j - start < 6:
            text = doc[j].text
            if text in self.grade_words or (j > start and (is_roman(text) or (len(text) == 1 and text.isupper())
                                                        or (text.isdigit() and len(text) <= 2))):
                j += 1
                continue
            break
        return j if j > start and doc[start].text in self.grade_words else start

    @staticmethod
    def _set_place(cand: Candidate, written: str, place: str) -> None:
        template = str(cand.rule.get("place_name") or "{name} {place}")
        cand.attrs["name"] = template.format(name=cand.attrs.get("name") or written, pattern=written, place=place)
        if cand.attrs.get("acronym"):
            cand.attrs["acronym"] = f"{cand.attrs['acronym']} {place}"

    # --- the component ---------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        if self.phrases is None:
            return doc
        named, heads, excluded, offices = self._matches(doc)
        if not named and not heads:
            return doc
        view = DocView(doc, mention_index(doc), doc.to_array(ORTH).tolist(), {c.start: c for c in named})
        if offices:
            self._offices(view, offices)
        named_starts = set(view.named_at)
        for cand in named:
            self._extend_suffix(view, cand, named_starts)
            if not cand.attrs["name"]:
                cand.attrs["name"] = doc[cand.start:cand.end].text
        inside_named = {i for k in named for i in range(k.start, k.end)}
        # a generic name inside a named one is dropped, unless it starts with it, is longer and names another
        # state: "Kementerian Sosial, Veteran dan Rehabilitasi Pemuda Kamboja" is Cambodia's, not Kemensos
        generic = [c for c in self._generic_candidates(view, heads, excluded)
                   if c.start not in inside_named or self._generic_extends(view, c)]
        for cand in generic:
            self._extend_suffix(view, cand, named_starts)
        candidates = _longest_first(named + generic)
        for cand in candidates:
            if cand.rule is self.generic_rule and "country" not in cand.attrs:
                cand.attrs["country"] = self.default_country
            if cand.attrs.get("country") is None:
                cand.attrs.pop("country", None)
        candidates += self._acronyms(view, candidates)
        candidates += self._listed_acronyms(view, candidates)
        candidates.sort(key=lambda c: c.start)
        self._country_from_list(view, candidates)
        spans = []
        for cand in candidates:
            attrs = dict(cand.attrs)
            if cand.priority:
                attrs["_priority"] = cand.priority
            span = make_mention(doc, doc[cand.start].idx, doc[cand.end - 1].idx + len(doc[cand.end - 1].text),
                                "AGENCY", cand.rule.id, attrs)
            if span is not None:
                spans.append(span)
        add_mentions(doc, spans)
        return doc

    @staticmethod
    def _generic_extends(view: DocView, generic: Candidate) -> bool:
        """Does an unknown body's name go on past the known body it starts with?

        "Dinas Tenaga Kerja, Transmigrasi, dan Energi" is not "Dinas Tenaga Kerja"; "Kementerian Sosial,
        Veteran dan Rehabilitasi Pemuda Kamboja" is Cambodia's, not Kemensos. An acronym or alias stays the
        known body, and so does a name that takes in another known body ("Direktorat Jenderal Imigrasi
        Kemenkumham").
        """
        named = view.named_at.get(generic.start)
        if named is None or generic.end <= named.end:
            return False
        if any(k in view.named_at for k in range(named.end, generic.end)):
            return False
        if generic.country_written and generic.attrs.get("country") != named.attrs.get("country"):
            return True
        return view.doc[named.start:named.end].text == named.rule.get("name")

    def _acronyms(self, view: DocView, candidates: list[Candidate]) -> list[Candidate]:
        """"Full Name (ACR)": ACR is a mention of its own, and so is every later ACR in the article."""
        if self.acronym_rule is None:
            return []
        doc, ents = view.doc, view.ents
        covered = {i for cand in candidates for i in range(cand.start, cand.end)}
        defined: dict[str, dict[str, Any]] = {}
        found: list[Candidate] = []
        n = len(doc)
        for cand in candidates:
            i = cand.end
            if i + 2 < n and doc[i].text == "(" and doc[i + 2].text == ")" and i + 1 not in covered \
                    and ents[i + 1] is None:
                text = doc[i + 1].text
                if text in self.stop_words or text in self.not_acronyms:
                    continue
                if not is_acronym(text) and not (text.isalpha() and text[0].isupper() and text[1:].islower() and (
                        abbreviates(text, doc[cand.start:cand.end].text)
                        or abbreviates(text, str(cand.attrs.get("name") or "")))):
                    continue
                after = ents[i + 3] if i + 3 < n else None
                if after is not None and after.start == i + 3 and after.label_ == "COUNTRY" \
                        and not cand.country_written and (after._.attrs or {}).get("code"):
                    # "Committee to Combat Online Scams (CCOS) Kamboja": the country after the acronym
                    code = (after._.attrs or {})["code"]
                    if cand.attrs.get("country") and cand.attrs["country"] != code:
                        cand.attrs.pop("acronym", None)
                        cand.attrs["name"] = doc[cand.start:cand.end].text
                    cand.attrs["country"] = code
                    cand.country_written = True
                attrs = {k: v for k, v in cand.attrs.items() if k != "kind"} | {"acronym": text}
                attrs["kind"] = cand.attrs.get("kind", "generic")
                defined.setdefault(text, attrs)
                found.append(Candidate(i + 1, i + 2, self.acronym_rule, dict(attrs),
                                       country_written=cand.country_written))
                covered.add(i + 1)
        if defined:
            lexeme_ids = {doc.vocab.strings[text] for text in defined}
            for i, orth in enumerate(doc.to_array("ORTH")):
                if int(orth) in lexeme_ids and i not in covered and ents[i] is None:
                    attrs = dict(defined[doc[i].text])
                    found.append(Candidate(i, i + 1, self.acronym_rule, attrs))
        return found

    def _listed_acronyms(self, view: DocView, candidates: list[Candidate]) -> list[Candidate]:
        """An unknown acronym listed right after an agency ("Kemensos, Bareskrim Polri, hingga BPM2MI")."""
        if self.listed_rule is None:
            return []
        doc, ents = view.doc, view.ents
        n = len(doc)
        starts = {c.start for c in candidates}
        found: list[Candidate] = []
        for cand in candidates:
            j = cand.end
            while j < n and j - cand.end < 2 and doc[j].text in self.list_separators:
                j += 1
            # the last item of a list ("..., hingga BPM2MI", "BP3MI dan P4MI"), not a comma-joined clause
            # ("Menurut Kemlu, NA saat itu ..."): initials of people are written like acronyms
            if j == cand.end or doc[j - 1].text == "," or j >= n or j in starts or ents[j] is not None \
                    or view.titlecase[j]:
                continue
            text = doc[j].text
            if len(text) < 3 or not is_acronym(text) or text in self.not_acronyms or text in self.stop_words:
                continue
            if j + 1 < n and (is_cap(doc[j + 1]) or doc[j + 1].text == "("):
                continue  # "... dan PT ABC", "... dan XYZ (...)": not a bare listed acronym
            attrs: dict[str, Any] = {"name": text, "acronym": text, "kind": "generic"}
            found.append(Candidate(j, j + 1, self.listed_rule, attrs))
            starts.add(j)
        return found

    def _country_from_list(self, view: DocView, candidates: list[Candidate]) -> None:
        """In a list of one foreign state's bodies, a body whose name names no state is that state's.

        "pejabat Kementerian Tenaga Kerja Kamboja, NCCT, Kementerian Dalam Negeri, dan Kepolisian Nasional
        Kamboja": the interior ministry is Cambodia's, not Indonesia's.
        """
        doc = view.doc
        groups: list[list[Candidate]] = []
        for cand in candidates:
            if groups:
                prev = groups[-1][-1]
                gap = [doc[i].text for i in range(prev.end, cand.start)] if 0 < cand.start - prev.end <= 3 else []
                if gap and all(t in self.list_separators or t in _BRACKETS for t in gap):
                    groups[-1].append(cand)
                    continue
            groups.append([cand])
        for group in groups:
            if self.listed_rule is not None:
                self._listed_country(group)
            if len(group) < 3:
                continue
            foreign = {str(c.attrs.get("country")) for c in group
                       if c.attrs.get("country") and c.attrs.get("country") != self.default_country}
            home = [c for c in group if c.country_written and c.attrs.get("country") == self.default_country]
            if len(foreign) != 1 or home:
                continue
            code = foreign.pop()
            if sum(1 for c in group if c.attrs.get("country") == code) < 2:
                continue
            for k, cand in enumerate(group):
                written = doc[cand.start:cand.end].text
                descriptive = written == cand.rule.get("name") or cand.rule is self.generic_rule
                if cand.country_written or cand.attrs.get("country") != self.default_country or \
                        not descriptive or doc[cand.start].text not in self.head_words:
                    continue
                cand.attrs["country"] = code
                cand.attrs.pop("acronym", None)
                if k + 1 < len(group) and group[k + 1].rule is self.acronym_rule and \
                        group[k + 1].start == cand.end + 1:  # its "(MOI)" right after it
                    group[k + 1].attrs["country"] = code


    def _listed_country(self, group: list[Candidate]) -> None:
        """A listed unknown acronym is of the state all (at least two) other bodies of its list agree on."""
        for cand in group:
            if cand.rule is not self.listed_rule:
                continue
            others = [c.attrs.get("country") for c in group if c is not cand]
            if len(others) >= 2 and others[0] and len(set(others)) == 1:
                cand.attrs["country"] = others[0]


@Language.factory("warta_agencies", default_config={"rules": []})
def make_agencies(nlp: Language, name: str, rules: list[str]) -> AgencyTagger:
    """``rules``: folders layered over the built-in rules when the component is used alone."""
    return with_rule_dirs(AgencyTagger(nlp, name), rules)

